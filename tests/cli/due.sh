#!/usr/bin/env bash
# due.sh — cli-due: the due date of an application received on a day, and how it was counted.
#
#   due.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
expect 0 "due" -- "$GK" --db "$db" due 2023-09-28
[ "$(head -1 "$T/out")" = 2023-11-01 ] && ok || bad "due 2023-09-28: $(head -1 "$T/out")"
has "$T/out" "2023-10-07 周六 计入（中秋节、国庆节 调休上班）" "due explains a make-up workday"
has "$T/out" "2023-10-02 周一 不计（中秋节、国庆节 放假）" "due explains a holiday"
expect 0 "due --workdays" -- "$GK" --db "$db" due 2024-02-08 --workdays 20
[ "$(head -1 "$T/out")" = 2024-03-13 ] && ok || bad "due 2024-02-08: $(head -1 "$T/out")"
expect 0 "due into 2027" -- "$GK" --db "$db" due 2026-12-20
has "$T/out" "2027年节假日安排未录入，按周末推算" "due warns about a year without its notice"
expect 65 "due with a bad date" -- "$GK" --db "$db" due 2023-02-30
has "$T/err" "2023-02-30 不是有效日期" "due names the bad date"
expect 64 "due with an extra argument" -- "$GK" --db "$db" due 2023-09-28 extra
has "$T/err" "多余的参数 extra" "due names the extra argument"

finish
