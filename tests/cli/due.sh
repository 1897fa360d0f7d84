#!/usr/bin/env bash
# due.sh — cli-due: the due date of an application received on a day, and how it was counted.
#
#   due.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
expect 0 "due" -- "$GK" --db "$db" due 2023-09-28
[ "$(head -1 "$T/out")" = 2023-11-01 ] && ok || bad "due 2023-09-28: $(head -1 "$T/out")"
has "$T/out" "2023-10-07 周六 计入（中秋节、国庆节 调休上班）" "due explains a make-up workday"
has "$T/out" "2023-10-02 周一 不计（中秋节、国庆节 放假）" "due explains a holiday"
expect 0 "due --workdays" -- "$GK" --db "$db" due 2024-02-08 --workdays 20
[ "$(head -1 "$T/out")" = 2024-03-13 ] && ok || bad "due 2024-02-08: $(head -1 "$T/out")"
expect 0 "due into 2027" -- "$GK" --db "$db" due 2026-12-20
has "$T/out" "2027年节假日安排未录入，按周末推算" "due warns about a year without its notice"
expect 65 "due with a bad date" -- "$GK" --db "$db" due 2023-02-30
has "$T/err" "2023-02-30 不是有效日期" "due names the bad date"
expect 64 "due with an extra argument" -- "$GK" --db "$db" due 2023-09-28 extra
has "$T/err" "多余的参数 extra" "due names the extra argument"

# ---- due --today: what needs doing, one line an item, nothing when nothing is due ----
a=$T/agenda.db
export GONGKAI_TODAY=2026-11-03
expect 0 "add late" -- "$GK" --db "$a" add 编号=A-LATE 收到日期=2026-09-01 申请人=甲 申请人类型=自然人
expect 0 "add due today" -- "$GK" --db "$a" add 编号=A-TODAY 收到日期=2026-10-02 申请人=乙 申请人类型=自然人
expect 0 "add 补正" -- "$GK" --db "$a" add 编号=A-CORR 收到日期=2026-10-09 申请人=丙 申请人类型=自然人 补正通知日期=2026-10-12 补正期限=2026-10-26 补正事项=身份证明
expect 0 "add fee" -- "$GK" --db "$a" add 编号=A-FEE 收到日期=2026-09-21 申请人=丁 申请人类型=自然人 收费通知日期=2026-09-25 收费通知送达日期=2026-09-26 计费方式=按件 计费数量=11 信息处理费=100 --confirm
expect 0 "add consult" -- "$GK" --db "$a" add 编号=A-CONS 收到日期=2026-09-21 申请人=戊 申请人类型=自然人 征求意见开始=2026-09-23 征求意见对象=第三方 征求意见送达日期=2026-09-24
expect 0 "add far" -- "$GK" --db "$a" add 编号=A-FAR 收到日期=2026-10-30 申请人=己 申请人类型=自然人
expect 0 "due --today" -- "$GK" --db "$a" due --today
has "$T/out" "已逾期未答复 1 件：A-LATE" "late answers"
has "$T/out" "今天到期 1 件：A-TODAY" "due today"
has "$T/out" "补正期限已过（可按逾期不补正办结） 1 件：A-CORR" "补正 limit passed"
has "$T/out" "缴费期限已过（逾期未缴视为放弃申请） 1 件：A-FEE" "payment limit passed"
has "$T/out" "征求意见答复期限已过 1 件：A-CONS" "consultation reply overdue"
lacks "$T/out" "A-FAR" "not due yet"
lacks "$T/out" "年度年报" "no report reminder in November"
expect 0 "list the filter" -- "$GK" --db "$a" list --voided
expect 0 "nothing due" -- "$GK" --db "$T/none.db" add 收到日期=2026-10-30 申请人=庚 申请人类型=自然人
expect 0 "due --today with nothing due" -- "$GK" --db "$T/none.db" due --today
[ ! -s "$T/out" ] && ok || bad "due --today printed when nothing is due: $(cat "$T/out")"
expect 0 "due --report in November" -- "$GK" --db "$T/none.db" due --report
[ ! -s "$T/out" ] && ok || bad "due --report printed in November: $(cat "$T/out")"
export GONGKAI_TODAY=2027-01-05
expect 0 "due --report in January" -- "$GK" --db "$T/none.db" due --report
has "$T/out" "2026 年度年报：距 1 月 31 日公布期限还有 18 个工作日" "working days left for the report"
expect 0 "due --today in January" -- "$GK" --db "$T/none.db" due --today
has "$T/out" "2026 年度年报" "the report in the day's list"
export GONGKAI_TODAY=2027-02-03
expect 0 "due --report after the deadline" -- "$GK" --db "$T/none.db" due --report
has "$T/out" "已过 1 月 31 日公布期限" "past the deadline, still reminding"
expect 0 "lock 2026" -- "$GK" --db "$T/none.db" lock --year 2026
expect 0 "due --report once locked" -- "$GK" --db "$T/none.db" due --report
[ ! -s "$T/out" ] && ok || bad "due --report printed for a locked year: $(cat "$T/out")"
export GONGKAI_TODAY=2027-04-01
"$GK" --db "$T/none.db" unlock --year 2026 --reason 测试 >/dev/null 2>&1
expect 0 "due --report in April" -- "$GK" --db "$T/none.db" due --report
[ ! -s "$T/out" ] && ok || bad "due --report printed in April: $(cat "$T/out")"
expect 64 "due --today with a date" -- "$GK" --db "$a" due --today 2026-01-01

finish
