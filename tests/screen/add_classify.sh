#!/usr/bin/env bash
# A clerk enters an application with a Chinese name, classifies it with `a` from the tree of
# table 三, and sees table 三 count it on screen 2; a form with problems saves nothing, and
# Esc asks before it throws typed text away.
. "$(dirname "$0")/lib.sh"

start 80x24
wait_for "还没有申请"

# a form saved half filled: the problems beside their fields, nothing written
key n
wait_for "新建申请"
key F2
wait_for "不能为空"
wait_for "请选择申请人类型"
# Esc with nothing typed closes without asking; the list is still empty
key Escape
wait_for "还没有申请"

# typed text is not thrown away without asking
key n
wait_for "新建申请"
key Tab Tab
type "王五"
wait_for "王五"
key Escape
wait_for "放弃这些修改吗"
key n
wait_gone "放弃这些修改吗"
expect "王五"
key Escape
wait_for "放弃这些修改吗"
key y
wait_for "还没有申请"
expect_no "王五"

# a date that cannot be read does not hide the other fields' problems
key n
wait_for "新建申请"
key C-u
type "2023-02-30"
key F2
wait_for "不是有效日期"
expect "不能为空"
expect "请选择申请人类型"
key Escape
wait_for "放弃这些修改吗"
key y
wait_for "还没有申请"

# typing on a choice opens its list finding what was typed (here nothing: it says so); nor
# is typing past a full field lost without a word
key n
wait_for "新建申请"
key Tab                        # 渠道, a choice
type "x"
wait_for "查找：x（没有）"
key Escape
wait_gone "查找：x"
key Tab                        # 申请人: at most 200 characters
type "$(printf '张%.0s' $(seq 1 205))"
wait_for "最多 200 字，已写满，多出的字没有写入"
key BSpace
wait_gone "已写满"
key Escape
wait_for "放弃这些修改吗"
key y
wait_for "还没有申请"

# the application, every field of the new form (docs/manual.md), choices picked from lists
key n
wait_for "新建申请"
expect "2023-12-20"            # 收到日期 defaults to today
key Tab Enter                  # 渠道: the list
wait_for "电子邮件"
key Down Enter                 # 当面
wait_for " 当面"
key Tab                        # the focus stayed on 渠道: Tab goes on to 申请人
type "张三"
key Tab Enter                  # 申请人类型: the list
wait_for "法律服务机构"
key Enter                      # 自然人
wait_for " 自然人"
key Tab                        # 证件号码
type "410105199001011234"
key Tab
type "13812345678"
key Tab
type "某路段拆迁补偿方案"
wait_for "某路段拆迁补偿方案"
widths_ok
key F2
wait_for "已保存申请 2023-0001（张三）"
wait_line "^> ?2023-0001 +2023-12-20 +张三 +自然人 +办理中 +2024-01-18 +20"
widths_ok

# the detail: every field, personal data masked until p, the clock and why
key Enter
wait_for "申请 2023-0001  张三"
wait_for "证件号码  4101**********1234"
expect "联系方式  138****5678"
expect_no "410105199001011234"
expect "到期日  2024-01-18（周四），剩余 20 个工作日"
expect "收到申请 2023-12-20（周三）"
key p
wait_for "证件号码  410105199001011234"
expect "联系方式  13812345678"
key Escape
wait_line "^>2023-0001"

# 修改 saved without a change writes nothing and says so
key e
wait_for "修改申请 2023-0001"
key F2
wait_for "没有修改，申请 2023-0001 未变"
[ "$(gk show 2023-0001 | sed -n '/修改记录/,$p' | wc -l)" = 2 ] \
	|| fail "a save without a change wrote to the history: $(gk show 2023-0001)"

# the history keeps personal data masked too, until p
gk set 2023-0001 证件号码=410105199001019999 --reason 号码更正 >/dev/null
key Enter
wait_for "证件号码  4101**********9999"
page_until "9999（理由：号码更正）"
wait_for "新建：2023-0001"
wait_for "证件号码：4101**********1234 改为"
expect "4101**********9999（理由：号码更正）"   # the number not cut where the line wraps
expect_no "410105199001011234"
key p
wait_for "证件号码：410105199001011234 改为"
expect "410105199001019999（理由：号码更正）"
key Escape
wait_line "^>2023-0001"

# the tallies count it as received, not yet answered
key 2
wait_for "勾稽关系 ✓"
wait_line "一、本年新收.*│ +1│ +0│ +0│ +0│ +0│ +0│ +1│"
page_until "1.属于国家秘密"
wait_line "1\.属于国家秘密 +│ +0│"
key 1
wait_for "2023-0001"

# 答复: the outcome from the tree, with the article beside each leaf
key a
wait_for "答复申请 2023-0001"
key Enter
wait_for "选择办理结果（表三）"
expect "第三十六条（一）（二）"
key Down Down                  # （三）不予公开
wait_for "（三）不予公开：按 Enter 或 Right 展开"
key Right
wait_for "1.属于国家秘密"
expect "第十四条"
key Down
wait_for "将出具答复书，依据《中华人民共和国政府信息公开条例》"   # the answer the leaf gives
key Enter
wait_for "不予公开/1.属于国家秘密"
key F2
wait_for "现在出具答复书吗"
key n                          # the document: later (d)
wait_for "已答复 2023-0001：不予公开/1.属于国家秘密"
wait_line "2023-0001 .*已办结 +不予公开1"
# 答复 again: the message, longer than the line, is shown whole
key a
wait_for "申请 2023-0001 已于 2023-12-20 答复（不予公开/1.属于国家秘密）"
wait_line "^ *重新办理"

# table 三 changed at once
key 2
wait_for "勾稽关系 ✓"
page_until "1.属于国家秘密"
wait_line "1\.属于国家秘密 +│ +1│ +0│ +0│ +0│ +0│ +0│ +1│"
widths_ok
quit
