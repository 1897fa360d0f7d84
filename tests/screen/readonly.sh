#!/usr/bin/env bash
# A database the clerk cannot write: the screens show it, a notice says so, and every change
# is refused with a clear message instead of failing half way.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || skip "needs sqlite3"
as_other_user                  # the clerk is another user, the database in $OTHER
DB=$OTHER/gongkai.db
gk import "$(dirname "$0")/seed.csv" >/dev/null || fail "import"
# a file the clerk cannot write, in a folder where nothing can be created, in rollback-journal
# mode (a WAL file needs its -shm to be writable)
sqlite3 "$DB" 'PRAGMA journal_mode=DELETE;' >/dev/null || fail "journal mode"
chmod 444 "$DB"
chmod 555 "$OTHER"
start 80x24 main "${AS_OTHER[@]}"
wait_for "数据库是只读的（$DB）：只能查看，不能修改"
wait_line "^>T-01 +2023-11-01 +逾期甲"
key C-l
wait_for "只读"
for k in n e a b c x f r u; do
	key "$k"
	wait_for "数据库是只读的（$DB），只能查看，不能修改"
	key C-l
	wait_gone "只能查看，不能修改"
done
key Enter                      # looking is fine
wait_for "申请 T-01  逾期甲"
key e
wait_for "只能查看，不能修改"
key Escape
wait_for "F1 帮助  q 退出  n 新建"
key 3
wait_for "年政府信息公开工作年度报告"
key e
wait_for "只能查看，不能修改"
key 4
wait_for "节假日安排"
key i
wait_for "只能查看，不能修改"
key C-l
wait_gone "只能查看，不能修改"
key 5                          # the settings are shown, not edited
wait_for "只读（不能写入这个文件）"
key e
wait_for "数据库是只读的（$DB），只能查看，不能修改"
quit
