#!/usr/bin/env bash
# Searching 编号, 申请人 and 申请内容 with / and going on with n and N; the filters and the
# year; the order by due date; late and soon rows.
. "$(dirname "$0")/lib.sh"

gk import "$(dirname "$0")/../golden/zhengdong-2023.csv" >/dev/null || fail "import"
gk import "$(dirname "$0")/seed.csv" >/dev/null || fail "import seed"
start 80x24
# running ones by due date first, then the answered ones, newest answer first
wait_line "^>T-01 +2023-11-01 +逾期甲 +自然人 +已逾期 +2023-11-29 +-15"
wait_line "^ T-02 +2023-11-24 +临期乙 +商业企业 +办理中 +2023-12-22 +2"
wait_line "^ T-03 +2023-12-15 +赵某某"
wait_line "^ ZD2023-08 +2023-11-06"
expect "已逾期 1 件"

# / finds the first match in list order; n the next; past the end it starts again
key /
wait_for "编号、申请人或申请内容中含有"
type "赵某"
key Enter
cursor_on "赵某某"
wait_for "n 下一处"
wait_for "搜索「赵某」"
key n
cursor_on "ZD2023-03"
key n
wait_for "已到末尾，从开头继续找"
cursor_on "赵某某"
key N
wait_for "已到开头，从末尾继续找"
cursor_on "ZD2023-03"
# Esc ends the search: n is 新建 again
key Escape
wait_for "n 新建"
expect_no "搜索「"

# 申请内容 is searched too
key /
wait_for "编号、申请人或申请内容中含有"
key C-u
type "学校划片"
key Enter
cursor_on "李某"
key Escape
wait_for "n 新建"
key /
wait_for "编号、申请人或申请内容中含有"
key C-u
type "不存在的内容"
key Enter
wait_for "找不到含有「不存在的内容」的申请"
wait_for "n 新建"

# filters from a list, and Tab to step through them
key s
wait_for "征求意见中"
key Down Down Enter            # 已逾期
wait_for "筛选 已逾期"
wait_line "^>T-01 +2023-11-01 +逾期甲"
expect_no "临期乙"
expect_no "ZD2023"
key Tab                        # 即将到期
wait_for "筛选 即将到期"
wait_line "^>T-02 +2023-11-24 +临期乙"
expect_no "逾期甲"
key Tab Tab Tab Tab Tab        # 待补正 征求意见中 待缴费 已延期 已办结
wait_for "筛选 已办结"
wait_line "^>ZD2023-08"
expect_no "T-0"
key BTab BTab BTab BTab BTab BTab BTab BTab   # back to 全部
wait_for "筛选 全部"

# the year: only those received in it
key y
wait_for "只列这一年收到的申请"
type "2022"
key Enter
wait_for "年度 2022（收到）"
wait_for "没有符合筛选条件的申请"
key ]                          # 2023
wait_for "年度 2023（收到）"
wait_for "逾期甲"
key ]                          # past this year: all years again
wait_for "全部年度"
widths_ok
quit
