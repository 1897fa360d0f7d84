#!/usr/bin/env bash
# database.sh — cli-database: the database file private, its default location, GONGKAI_DB, files
# that are not ours refused, and a mistyped --db that creates nothing.
#
#   database.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
# the database private
perm=$(stat -c %a "$db")
[ "$perm" = 600 ] && ok || bad "database mode $perm, want 600"

# default location under XDG_DATA_HOME, folder 0700
expect 0 "default database" -- env XDG_DATA_HOME="$T/xdg" "$GK" due 2024-02-08
[ -f "$T/xdg/gongkai/gongkai.db" ] && ok || bad "no database at \$XDG_DATA_HOME/gongkai/gongkai.db"
perm=$(stat -c %a "$T/xdg/gongkai")
[ "$perm" = 700 ] && ok || bad "data folder mode $perm, want 700"
expect 0 "GONGKAI_DB" -- env GONGKAI_DB="$T/env.db" "$GK" due 2024-02-08
[ -f "$T/env.db" ] && ok || bad "GONGKAI_DB not used"

# ---- files that are not ours ----
echo "just text" >"$T/text.db"
expect 76 "a text file as database" -- "$GK" --db "$T/text.db" list
has "$T/err" "不是 gongkai 数据库" "not-ours message"
sqlite3 "$T/other.db" "CREATE TABLE t(x);"
expect 76 "another program's database" -- "$GK" --db "$T/other.db" list
has "$T/err" "其他程序" "another program's database message"
expect 66 "check on a missing database" -- "$GK" --db "$T/missing.db" check --year 2023
# a mistyped --db: reading commands refuse (no report of zeros), and create nothing
for args in "report --year 2023" "list" "export" "calendar list" "office"; do
	# shellcheck disable=SC2086
	expect 66 "$args on a missing database" -- "$GK" --db "$T/missing.db" $args
	has "$T/err" "数据库文件 $T/missing.db 不存在" "$args names the missing file"
done
[ ! -e "$T/missing.db" ] && ok || bad "a reading command created the database"

finish
