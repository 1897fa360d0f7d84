#!/usr/bin/env bash
# A year whose report is final (定稿): a change that would alter its tables is refused with
# the store's message, and nothing is written.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || skip "needs sqlite3"
printf '编号,收到日期,申请人,申请人类型,渠道,申请内容\nY-01,2023-12-01,定稿甲,自然人,当面,定稿测试\n' >"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
sqlite3 "$DB" "INSERT INTO year_lock (year, locked_at, locked_by, report) VALUES (2023, '2024-01-05 09:00:00', 'test', '{}');" || fail "lock"
start 80x24
wait_line "^>Y-01 +2023-12-01 +定稿甲 .*办理中"
key e
wait_for "修改申请 Y-01"
key Tab Tab Tab Tab Enter      # 申请人类型: a change of column in 2023's table 三
wait_for "法律服务机构"
key Down Enter                 # 商业企业
wait_for " 商业企业"
key F2
wait_for "未保存：2023 年度报表已定稿锁定"
wait_for "2023 年度报表已定稿锁定"
key Escape
wait_for "放弃这些修改吗"
key y
wait_line "^>Y-01 +2023-12-01 +定稿甲 +自然人"
gk list | grep -q "定稿甲.*自然人" || fail "the locked year was changed"
quit
