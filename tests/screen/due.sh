#!/usr/bin/env bash
# 今日待办: the greeting at start numbers what is due today; a number shows those applications
# (the list's filter), the report item opens 年报 at the previous year, t opens the box again,
# and the list's status line keeps the short counts with the report's deadline. While a case
# waits on the applicant, the due column shows its 补正 or payment limit, and once passed
# 补正期满 / 缴费期满.
. "$(dirname "$0")/lib.sh"

export GONGKAI_TODAY=2024-01-05
gk add 编号=D-LATE 收到日期=2023-11-01 申请人=逾期甲 申请人类型=自然人 >/dev/null || fail "add"
gk add 编号=D-CORR 收到日期=2023-12-01 申请人=补正乙 申请人类型=自然人 补正通知日期=2023-12-04 \
	补正期限=2023-12-18 补正事项=身份证明 >/dev/null || fail "add 补正"
gk add 编号=D-WAIT 收到日期=2023-12-20 申请人=补正丙 申请人类型=自然人 补正通知日期=2023-12-21 \
	补正期限=2024-01-12 补正事项=身份证明 >/dev/null || fail "add 补正 waiting"
gk add 编号=D-FEE 收到日期=2023-11-20 申请人=缴费丁 申请人类型=自然人 收费通知日期=2023-11-22 \
	收费通知送达日期=2023-11-23 计费方式=按件 计费数量=11 信息处理费=100 --confirm >/dev/null || fail "add fee"
KEEP_GREETING=1 start 80x24
wait_for "今日待办 2024-01-05"
expect "1  已逾期未答复 1 件"
expect "2  补正期限已过（可按逾期不补正办结） 1 件"
expect "3  缴费期限已过（逾期未缴视为放弃申请） 1 件"
expect "4  2023 年度年报：距 1 月 31 日公布期限还有 18 个工作日"
key 2
wait_for "筛选 补正期满"
wait_line "^>D-CORR .*待补正 +补正期满"
expect_no "D-WAIT"
wait_for "待办 年报剩18日"
key t
wait_for "今日待办 2024-01-05"
key Escape
wait_gone "今日待办"
key s
wait_for "全部"
key Home Enter
wait_line "D-WAIT .*待补正 +2024-01-12"
wait_line "D-FEE .*待缴费 +缴费期满"
key t
wait_for "今日待办"
key 4
wait_for "2023 年度"
wait_for "年报  |  2023 年度"
key 1
wait_for "申请列表"
quit
