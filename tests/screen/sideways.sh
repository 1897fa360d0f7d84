#!/usr/bin/env bash
# A window narrower than table 三 (64 columns): the table is cut at the right, and > and <
# move it sideways so the clerk can read the 总计 column, on the tallies and on the report.
. "$(dirname "$0")/lib.sh"

gk import "$(dirname "$0")/../golden/zhengdong-2023.csv" >/dev/null || fail "import"
start 64x20
key 2
wait_for "2023 年度"
for _ in 1 2 3 4 5 6 7 8 9 10; do key Down; done
wait_line "│一、本年新收政府信息公开申请│ +5│ +0│ +0│ +0│"
expect_no "│     8│"
key ">" ">" ">"
wait_line "│ +5│ +0│ +0│ +0│ +3│ +0│ +8│$"
key "<" "<" "<"
wait_line "│一、本年新收政府信息公开申请│ +5│"
key 3
wait_for "年报"
page_until "三、收到和处理政府信息公开申请情况"
key ">" ">" ">" ">"
wait_line "│ +[0-9]+│ +[0-9]+│ +[0-9]+│$"
quit
