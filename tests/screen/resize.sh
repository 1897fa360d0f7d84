#!/usr/bin/env bash
# Resizing at any time redraws at once: below 60×16 a centred notice instead of the screen,
# back to a usable size the screen as it was — a form keeps what was typed — and a larger
# terminal is used well (120×40: every column at full width).
. "$(dirname "$0")/lib.sh"

gk import "$(dirname "$0")/../golden/zhengdong-2023.csv" >/dev/null || fail "import"
start 80x24
wait_line "^>ZD2023-08 +2023-11-06 +某法律服务所 +法律服务 +已办结"
widths_ok

resize 40x10
wait_for "终端窗口太小：40 列 10 行"
wait_for "请放大到至少 60 列 16 行"
expect_no "ZD2023"
resize 80x24
wait_line "^>ZD2023-08 +2023-11-06"
expect "F1 帮助  q 退出"
widths_ok

# a larger terminal: full headers and labels, 申请人 takes the rest
resize 120x40
wait_for "剩余工作日"
wait_line "^>ZD2023-08 +2023-11-06 +某法律服务所 +法律服务机构 +已办结 +予以公开"
wait_line "^ ZD2023-06 +2023-07-17 +河南某律师事务所 "
widths_ok
key 2
wait_for "勾稽关系 ✓"
wait_line "│一、本年新收政府信息公开申请数量 +│ +5│ +0│ +0│ +0│ +3│ +0│ +8│"
widths_ok
key 1
resize 60x16                   # the smallest size still drawn
wait_line "^>ZD2023-08"
expect_no "终端窗口太小"
widths_ok
resize 80x24

# nothing typed is lost while the terminal is too small
key n
wait_for "新建申请"
key Tab Tab
type "张三丰"
wait_for "张三丰"
resize 40x10
wait_for "终端窗口太小"
resize 80x24
wait_for "张三丰"
expect "新建申请"
key Escape
wait_for "放弃这些修改吗"
key y
wait_line "^>ZD2023-08"

# q still quits when the terminal is too small
resize 50x12
wait_for "终端窗口太小"
quit
