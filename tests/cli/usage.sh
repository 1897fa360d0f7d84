#!/usr/bin/env bash
# usage.sh — cli-usage: unknown commands and options, --version and --help, a fixed today that is
# not a date.
#
#   usage.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
# ---- usage ----
expect 64 "unknown command" -- "$GK" --db "$db" frobnicate
has "$T/err" "未知的命令" "unknown command message"
expect 64 "unknown option" -- "$GK" --db "$db" report --year 2023 --colour
has "$T/err" "未知的选项 --colour" "unknown option message"
expect 64 "report without a year" -- "$GK" --db "$db" report
expect 64 "report with a bad year" -- "$GK" --db "$db" report --year 20x3
expect 0 "--version" -- "$GK" --version
has "$T/out" "gongkai " "--version"
expect 0 "--help" -- "$GK" --help
for c in import export report check list due calendar office; do has "$T/out" "gongkai $c" "--help lists $c"; done
expect 0 "command --help" -- "$GK" import --help
has "$T/out" "用法: gongkai import" "import --help"
GONGKAI_TODAY=2026-13-01 expect 64 "a fixed today that is not a date" -- "$GK" --db "$db" list
has "$T/err" "GONGKAI_TODAY: 2026-13-01 不是有效日期" "GONGKAI_TODAY is checked"

finish
