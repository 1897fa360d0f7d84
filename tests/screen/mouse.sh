#!/usr/bin/env bash
# Mouse clicks select: a row of the list (a second click opens it), a screen's name at the
# top, an item of a pick list, a field of a form. (The terminal reports clicks as xterm's SGR
# mouse sequences, which tmux passes on as typed.)
. "$(dirname "$0")/lib.sh"

# click X Y: a click of the first button at column X, row Y (counted from 1)
click() {
	type $'\e'"[<0;$1;$2M"$'\e'"[<0;$1;$2m"
}

gk import "$(dirname "$0")/seed.csv" >/dev/null || fail "import"
start 80x24
wait_line "^>T-01"
click 20 5                     # the third row of the list
cursor_on "T-03"
click 20 5                     # again: its detail
wait_for "申请 T-03  赵某某"
key Escape
wait_line "^>T-03"
click 18 1                     # "2 年度统计" at the top
wait_for "勾稽关系 ✓"
click 4 1                      # "1 申请列表"
wait_line "^>T-03"

# a form: a click puts the focus on a field
key n
wait_for "新建申请"
click 20 6                     # the row of 申请人 (under 收到日期, its note and 渠道)
type "点击"
wait_line "申请人  点击"
key Escape
wait_for "放弃这些修改吗"
key y
wait_line "^>T-03"
quit
