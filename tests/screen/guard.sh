#!/usr/bin/env bash
# The law's guard rails in the interface: no event dated after today (today is 2023-12-20); an
# outcome the events contradict asks, with its reason, and a second F2 saves it.
. "$(dirname "$0")/lib.sh"

printf '编号,收到日期,申请人,申请人类型,渠道,收费通知日期,信息处理费,征求意见开始,征求意见对象\nE-01,2023-12-18,延期甲,自然人,当面,,,,\nF-01,2023-11-01,收费乙,自然人,当面,2023-11-03,100,,\nC-01,2023-11-01,征求丙,自然人,当面,,,2023-11-02,其他机关\nG-01,2023-12-19,收费丁,自然人,当面,,,,\n' >"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
start 80x24
wait_for "E-01"

# a receipt dated tomorrow is refused beside its field; today's is taken
key n
wait_for "新建申请"
wait_for "平信、网络、传真确认之日"   # 第三十一条 for every channel
key C-u
type "2023-12-21"
key Tab Enter                  # 渠道: the list
wait_for "电子邮件"
key Down Enter                 # 当面
wait_for "当面提交的，以提交之日为收到申请之日"
key Right Right                # 平信, then 网络 (the focus stays on 渠道 after a pick), as a clerk steps through the choices
wait_for "平信以与申请人确认之日为收到之日"
key Right Right Right          # 传真
wait_for "传真提交的，以双方确认之日为收到之日"
key Left Left Left Left Left   # back to 当面
wait_for "当面提交的，以提交之日为收到申请之日"
key Tab
type "张三"
key Tab Enter                  # 申请人类型
wait_for "法律服务机构"
key Enter                      # 自然人
key F2
wait_for "2023-12-21 晚于今天，不能是将来的日期"
# the focus went to the field with the problem
key C-u
type "2023-12-20"
key F2
wait_line "^>2023-0001 +2023-12-20 +张三"

# （四）3 补正后仍不明确 with no 补正: the reason under the buttons, saved on the second F2
key a
wait_for "答复申请 2023-0001"
key Enter
wait_for "选择办理结果（表三）"
key Down Down Down             # （四）无法提供
wait_for "（四）无法提供：按 Enter 或 Right 展开"
key Right
wait_for "3.补正后申请内容仍不明确"
key Down Down Down Enter
wait_for "无法提供/3.补正后申请内容仍不明确"
key F2
wait_for "请确认 办理结果：补正后仍不明确，但没有补正通知（第三十条）"
wait_for "仍要保存吗？再按 F2 保存"
expect_no "已答复"
key F2
wait_for "现在出具答复书吗"
key n
wait_for "已答复 2023-0001：无法提供/3.补正后申请内容仍不明确"

# 补正 (第三十条): the notice needs its time limit; one round only, the hint says what follows
key Home
wait_line "^>E-01"
key b
wait_for "补正 E-01（第三十条）"
key F2
wait_for "请填写补正期限（第三十条：补正通知载明合理的补正期限）"
type "2023-12-29"
key F2
wait_for "现在出具补正告知书吗"
key n
wait_for "已登记补正通知"
key b
wait_for "补正只有一次（第"
wait_for "补正后仍不明确的：选「无法提供 › 3」"
key F2
wait_for "已登记收到补正"

# 延期 (第三十三条): the approver is required, the day the applicant was told kept
key x
wait_for "延期 E-01（第三十三条）"
wait_for "告知申请人之日（第三十三条）"
key F2
wait_for "请填写同意延期的负责人"
type "王局长"
key Tab Tab
type "2023-12-20"
key F2
wait_for "现在出具延期答复告知书吗"
key n
wait_for "已延期，请告知申请人"
gk show E-01 >"$TMP/show" || fail "show"
grep -q "延期告知日期: 2023-12-20" "$TMP/show" || fail "延期告知日期 not kept: $(cat "$TMP/show")"

# the detail screen: the payment limit (provisional until delivered) and the reply limit, passed
key /
wait_for "编号、申请人或申请内容中含有"
type "收费乙"
key Enter
cursor_on "收费乙"
key Enter
wait_for "申请 F-01  收费乙"
wait_for "缴费期限"
wait_for "送达日期未登记，暂按通知日期计算"
wait_for "已过：逾期未缴"
key Escape
wait_line "^>F-01"
key Down
cursor_on "征求丙"
key Enter
wait_for "申请 C-01  征求丙"
wait_for "答复期限"
wait_for "已过：其他机关"
wait_for "视为同意公开（第三十四条）"
key Escape

# the fee notice keeps its basis, its pages and the day it reached the applicant
wait_line "^>C-01"
key /
wait_for "编号、申请人或申请内容中含有"
key C-u
type "收费丁"
key Enter
cursor_on "收费丁"
key f
wait_for "信息处理费 G-01（第四十二条）"
key Tab Right                  # 计费方式: 按量
wait_for "按量（页数）"
key Tab
type "120"
wait_for "1100.00"
key Tab Tab
type "2023-12-20"
key F2
wait_for "现在出具收费通知书吗"
key n
wait_for "已登记收费通知"
gk show G-01 >"$TMP/show" || fail "show"
grep -q "收费通知送达日期: 2023-12-20" "$TMP/show" || fail "delivery not kept: $(cat "$TMP/show")"
grep -q "计费方式: 按量" "$TMP/show" || fail "basis not kept: $(cat "$TMP/show")"
grep -q "计费数量: 120" "$TMP/show" || fail "pages not kept: $(cat "$TMP/show")"

quit
