#!/usr/bin/env bash
# Late rows are red and those due within 3 working days yellow; the same rows stand out in
# monochrome (bold, underlined) and NO_COLOR turns colour off; the cursor row is marked.
. "$(dirname "$0")/lib.sh"

gk import "$(dirname "$0")/seed.csv" >/dev/null || fail "import"

# the line of the screen holding TEXT, with its escape sequences (capture-pane -e)
line_of() {
	tmux -L "$SOCK" capture-pane -e -p -t "$PANE" | grep -F -- "$1"
}

start 80x24 colour
wait_line "^>T-01 .*已逾期"
key Down Down                  # the cursor off the rows looked at
cursor_on "T-03"
line_of "逾期甲" | grep -q $'\e\\[[0-9;]*31m' || fail "a late row is not red"
line_of "临期乙" | grep -q $'\e\\[[0-9;]*33m' || fail "a row due soon is not yellow"
line_of "赵某某" | grep -q $'\e\\[[0-9;]*3[13]m' && fail "a row with time left is coloured"
quit

start 80x24 mono NO_COLOR=1
wait_line "^>T-01 .*已逾期"
key Down Down
cursor_on "T-03"
tmux -L "$SOCK" capture-pane -e -p -t "$PANE" | grep -q $'\e\\[[0-9;]*3[0-7]m' &&
	fail "NO_COLOR: a colour on the screen"
line_of "逾期甲" | grep -q $'\e\\[1m\\|\e\\[[0-9;]*;1m\\|\e\\[1;' || fail "NO_COLOR: a late row is not bold"
line_of "临期乙" | grep -q $'\e\\[4m\\|\e\\[[0-9;]*;4m\\|\e\\[4;' || fail "NO_COLOR: a row due soon is not underlined"
line_of "赵某某" | grep -q $'\e\\[7m\\|\e\\[[0-9;]*;7m\\|\e\\[7;' || fail "NO_COLOR: the cursor row is not reversed"
quit
