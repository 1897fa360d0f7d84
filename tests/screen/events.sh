#!/usr/bin/env bash
# The event keys of one application: b 补正, c 征求意见, x 延期, f 信息处理费, r 复议/诉讼,
# a 答复 and u 重新办理 — each a small form, checked before it is saved, refused where the 条例
# does not allow it, and written to the history.
. "$(dirname "$0")/lib.sh"

printf '编号,收到日期,申请人,申请人类型,渠道,申请内容\nE-01,2023-12-18,事件甲,自然人,当面,事件测试\nL-01,2023-11-01,逾期乙,自然人,当面,逾期测试\n' >"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
restart=$(gk due 2023-12-20 | head -1)           # due after the corrected application
extended=$(gk due "$restart" | head -1)           # and after 20 more working days
start 80x24
wait_line "^>L-01 .*已逾期"
key Down
cursor_on "E-01"
wait_line "^>E-01 +2023-12-18 +事件甲 +自然人 +办理中 +2024-01-16"

# 补正: the notice (with the applicant's limit), then the corrected application
key b
wait_for "补正 E-01（第三十条）"
wait_for "应在收到申请之日起 7 个工作日内一次性告知"
key Tab
type "2023-12-29"
key F2
wait_for "现在出具补正告知书吗"
key n                          # the document: later (d)
wait_for "已登记补正通知，等待申请人补正"
wait_line "^>E-01 .*待补正"
key b
wait_for "补正通知  2023-12-20，补正期限 2023-12-29"
key F2
wait_for "已登记收到补正，答复期限从收到之日重新计算，到期日 $restart"
wait_line "^>E-01 .*办理中 +$restart"
key b
wait_for "补正只能一次（第三十条）：E-01 已于 2023-12-20 收到补正"

# 征求意见: the party must be chosen; the clock stops while it runs
key c
wait_for "征求意见 E-01"
key F2
wait_for "请选择征求意见的对象：第三方 或 其他机关"
key Enter                      # the focus went to the field with the problem: its list
wait_for "其他机关"
key Enter                      # 第三方
wait_for " 第三方"
key F2
wait_for "现在出具征求意见书吗"
key n                          # the document: later (d)
wait_for "已开始征求意见，期间不计入答复期限"
wait_line "^>E-01 .*征求意见 +暂停计时"
key c
wait_for "2023-12-20 起，征求第三方意见"
key F2
wait_for "征求意见已结束，恢复计时"
wait_line "^>E-01 .*办理中 +$restart"

# 延期: the approver is required; once only
key x
wait_for "延期 E-01（第三十三条）"
expect "当前到期日  $restart"
key F2
wait_for "请填写同意延期的负责人"
type "王局长"
key F2
wait_for "现在出具延期答复告知书吗"
key n                          # the document: later (d)
wait_for "已延期，请告知申请人，到期日 $extended"
wait_line "^>E-01 .*已延期 +$extended"
key Enter                      # the detail says so too
wait_for "状态  已延期"
key Escape
wait_line "^>E-01"
key x
wait_for "只能延期一次（第三十三条）：E-01 已于 2023-12-20 延期 20 个工作日"
wait_for "王局长同意"              # a message longer than the line is not cut off

# 信息处理费: the amount computed per page, shown to confirm; then the payment
key f
wait_for "信息处理费 E-01（第四十二条）"
wait_for "该申请人本月第 1 件申请"
expect "0.00"
key Tab Right                  # 计费方式: 按量
wait_for "按量（页数）"
key Tab
type "120"
wait_for "1100.00"
wait_for "120 页：30页以下（含30页）免费"
wait_for "201页以上的部分每页 40 元"
key F2
wait_for "现在出具收费通知书吗"
key n                          # the document: later (d)
wait_for "已登记收费通知，缴费前暂停计时"
# waiting on the applicant, the due column shows the payment limit (provisional: from the
# notice's date until its delivery is recorded)
wait_line "^>E-01 .*待缴费 +2024-01-18"
key f
wait_for "金额 1100.00 元"
key F2
wait_for "已登记缴费，恢复计时"

# 复议: filed, still undecided
key r
wait_for "行政复议、行政诉讼 E-01"
key Tab
type "2023-12-20"
key F2
wait_for "已登记复议、诉讼情况（计入表四）"

# the detail shows it all, personal data masked
key Enter
wait_for "申请 E-01  事件甲"
page_until "【行政复议、行政诉讼】"
wait_for "复议申请日期  2023-12-20"
wait_for "复议结果  尚未审结"
key Escape
wait_for "F1 帮助  q 退出  n 新建"

# 答复, then 重新办理 with a reason, which the history keeps
key a
wait_for "答复申请 E-01"
key Enter
wait_for "选择办理结果（表三）"
key Enter                      # （一）予以公开
wait_for " 予以公开"
key F2
wait_for "现在出具答复书吗"
key n                          # the document: later (d)
wait_for "已答复 E-01：予以公开"
key b
wait_for "已于 2023-12-20 答复，不能再补正"
key u
wait_for "重新办理申请 E-01（撤销答复）"
key F2
wait_for "请说明为什么重新办理"
type "申请人补充了材料"
key F2
wait_for "申请 E-01 已重新办理"
key Enter
wait_for "申请 E-01  事件甲"
page_until "答复日期：2023-12-20 已清除（理由："
key Escape

# no extension after the due date (clock_check)
key Home
cursor_on "L-01"
key x
wait_for "延期 L-01（第三十三条）"
key Tab Tab
type "李科长"
key F2
wait_for "晚于当时的到期日 2023-11-29，已逾期不能延期"
key Escape
wait_for "放弃这些修改吗"
key y
wait_line "^>L-01 .*已逾期"
widths_ok
quit
