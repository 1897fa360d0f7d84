#!/usr/bin/env bash
# calendar.sh — cli-calendar: a holiday notice imported, listed and refused.
#
#   calendar.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
printf 'date,kind,name\n2027-01-01,off,元旦\n2027-02-06,off,春节\n2027-02-07,work,春节\n' >"$T/cal.csv"
expect 0 "calendar import" -- "$GK" --db "$db" calendar import "$T/cal.csv"
grep -qF "注意" "$T/err" && bad "a whole notice was warned about" || ok
expect 0 "due after the notice" -- "$GK" --db "$db" due 2026-12-20
printf 'date,kind,name\n2028-01-01,off,元旦\n' >"$T/cal28.csv"
expect 0 "calendar import of a notice without 春节" -- "$GK" --db "$db" calendar import "$T/cal28.csv"
has "$T/err" "注意：2028 年没有春节放假的日期，仍视为该年节假日安排未录入" "calendar import says the year still counts as missing"
grep -qF "未录入" "$T/out" && bad "2027 still reported missing" || ok
expect 0 "calendar list" -- "$GK" --db "$db" calendar list --year 2027
has "$T/out" "2027-02-07,work,春节" "calendar list shows the new notice"
printf 'date,kind,name\n2027-02-30,off,春节\n' >"$T/cal2.csv"
expect 65 "calendar import refuses a bad day" -- "$GK" --db "$db" calendar import "$T/cal2.csv"
has "$T/err" "第2行" "calendar import names the line"

finish
