#!/usr/bin/env bash
# backup.sh — cli-backup: backup private and whole, restore refusing to overwrite data or to read
# what is not ours.
#
#   backup.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
app_db
echo "just text" >"$T/text.db"
expect 0 "backup" -- "$GK" --db "$db" backup "$T/backup.db"
perm=$(stat -c %a "$T/backup.db")
[ "$perm" = 600 ] && ok || bad "backup mode $perm, want 600"
expect 0 "report from the backup" -- "$GK" --db "$T/backup.db" report --year 2023 --format json
same "$T/out" "$SRC/tests/golden/zhengdong-2023.json" "the backup holds the same tables"
expect 64 "restore over data without --replace" -- "$GK" --db "$e" restore "$T/backup.db"
expect 66 "restore from a missing backup, over data" -- "$GK" --db "$e" restore "$T/no-such-backup.db"
has "$T/err" "无法读取备份文件 $T/no-such-backup.db：文件或文件夹不存在" "restore names the missing backup"
expect 76 "restore from a file that is not ours" -- "$GK" --db "$T/g.db" restore "$T/text.db"
expect 0 "restore" -- "$GK" --db "$e" restore --replace "$T/backup.db"
expect 0 "report after restore" -- "$GK" --db "$e" report --year 2023 --format json
same "$T/out" "$SRC/tests/golden/zhengdong-2023.json" "restore brings the backup's tables"

finish
