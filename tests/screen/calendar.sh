#!/usr/bin/env bash
# Screen 4: the calendar by year; a year without its notice says so; a notice imported from a
# CSV file (its problems listed when it has any) and a day added by hand change the due dates
# of the open applications at once.
. "$(dirname "$0")/lib.sh"

export GONGKAI_TODAY=2026-12-20
printf '编号,收到日期,申请人,申请人类型,渠道,申请内容\nK-01,2026-12-18,跨年甲,自然人,当面,跨年测试\n' >"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
before=$(gk due 2026-12-18 | head -1)
start 80x24
wait_line "^>K-01 +2026-12-18 +跨年甲 .*办理中 +$before"

key 4
wait_for "2026 年节假日安排：已录入国务院办公厅通知"
wait_line "^>2026-01-01 +周四 +放假 +元旦"
key ]
wait_for "2027 年节假日安排：全年工作日 261 天"
wait_for "本年度节假日安排未录入，期限按周末推算"

# a notice with a mistake: every problem listed, nothing imported
printf 'date,kind,name\n2027-01-01,off,元旦\n2027-02-30,off,春节\n2027-02-07,holiday,春节\n' >"$TMP/bad.csv"
key i
wait_for "CSV 文件（date,kind,name"
type "$TMP/bad.csv"
key Enter
wait_for "文件有以下问题，未导入任何内容"
wait_for "第3行"
wait_for "第4行"
key Escape
wait_for "本年度节假日安排未录入"

# the notice
printf 'date,kind,name\n2027-01-01,off,元旦\n2027-02-06,off,春节\n2027-02-07,off,春节\n2027-02-08,off,春节\n2027-02-13,work,春节\n' >"$TMP/2027.csv"
key i
wait_for "CSV 文件（date,kind,name"
type "$TMP/2027.csv"
key Enter
wait_for "已导入 5 天（2027 年）；办理中申请的到期日已重新计算"
wait_for "2027 年节假日安排：已录入国务院办公厅通知"
wait_line "2027-02-13 +周六 +调休上班 +春节"

# one day by hand: the form opens on the day under the cursor; another date shows that day's
# arrangement, or an empty name; 调休上班 on a weekday asks to be confirmed
key a
wait_for "添加或修改一天"
wait_for "元旦"
key C-u
type "2027-02-13"
wait_line "安排 +调休上班"
wait_line "名称 +春节"
key C-u
type "2027-01-06"
wait_line "名称 *\|?$"   # the form is boxed: its edge may end the line
wait_line "安排 +调休上班"         # kept from 2027-02-13: on a Wednesday, a warning first
key F2
wait_for "2027-01-06 是周三，本来就是工作日，调休上班通常是周六或周日"
wait_for "确认无误请再按 F2 保存"
key BTab BTab C-u              # from 名称 (its problem first) back to 日期
type "2027-01-04"
key Tab Left                   # 放假
wait_line "安排 +放假"
key Tab C-u
type "元旦"
key F2
wait_for "已保存 2027-01-04 放假（元旦）"
wait_line "2027-01-04 +周一 +放假 +元旦"

# a notice without its 春节 holiday: imported, and the year still counts as not entered
printf 'date,kind,name\n2028-01-01,off,元旦\n' >"$TMP/2028.csv"
key i
wait_for "CSV 文件（date,kind,name"
type "$TMP/2028.csv"
key Enter
wait_for "2028 年没有春节放假的日期"

# the open application's due date moved with the new holidays
after=$(gk due 2026-12-18 | head -1)
[ "$after" != "$before" ] || fail "the new holidays did not move the due date"
key 1
wait_line "^>K-01 +2026-12-18 +跨年甲 .*办理中 +$after"
quit
