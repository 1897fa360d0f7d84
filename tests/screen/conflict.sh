#!/usr/bin/env bash
# Two clerks on one database: a change by one shows up on the other's screen without a key,
# and when both edit the same application the second save is refused, not overwritten.
. "$(dirname "$0")/lib.sh"

printf '编号,收到日期,申请人,申请人类型,渠道,申请内容\nC-01,2023-12-18,原申请人,自然人,当面,冲突测试\n' >"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
start 80x24 a
wait_line "^>C-01 +2023-12-18 +原申请人"
start 80x24 b
wait_line "^>C-01 +2023-12-18 +原申请人"

# both open the same application for editing
use a
key e
wait_for "修改申请 C-01"
use b
key e
wait_for "修改申请 C-01"

# the first clerk saves
use a
key Tab Tab Tab
key C-u
type "甲改的名字"
key F2
wait_for "已保存申请 C-01（甲改的名字）"
wait_line "^>C-01 +2023-12-18 +甲改的名字"

# the second clerk's save is refused, with the store's message, and the form stays open
use b
key Tab Tab Tab
key C-u
type "乙改的名字"
key F2
wait_for "被其他人修改，未保存；请重新打开后再改"
wait_for "修改申请 C-01"
[ "$(screen | grep -c '被其他人修改')" = 1 ] || fail "the refusal is said more than once: $(screen)"
gk list | grep -q "甲改的名字" || fail "the first save was lost"
gk list | grep -q "乙改的名字" && fail "the second save overwrote the first"
key Escape
wait_for "放弃这些修改吗"
key y
# the list already shows the first clerk's change (read again when it changed elsewhere)
wait_line "^>C-01 +2023-12-18 +甲改的名字"

# reopened, the second clerk's edit goes through
key e
wait_for "修改申请 C-01"
expect "甲改的名字"
key Tab Tab Tab
key C-u
type "乙改的名字"
key F2
wait_for "已保存申请 C-01（乙改的名字）"

# the first clerk's list follows without a key being pressed
use a
wait_line "^>C-01 +2023-12-18 +乙改的名字"
# a new application by one clerk appears on the other's list and in the late count
use b
key n
wait_for "新建申请"
key C-u
type "2023-11-01"
key Tab Tab
type "新来的"
key Tab Enter Enter
key F2
wait_for "已保存申请 2023-0001（新来的）"
use a
wait_line "^ ?2023-0001 +2023-11-01 +新来的 .*已逾期"
key C-l                        # the status line, under the message of the last save
wait_for "已逾期 1 件"
quit
use b
quit
