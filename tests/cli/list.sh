#!/usr/bin/env bash
# list.sh — cli-list: the list of applications (open, late, due within, by year), as text, CSV and
# JSON.
#
#   list.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
printf '编号,收到日期,申请人,申请人类型\nL1,2026-11-02,甲,自然人\nL2,2026-10-09,乙,其他\n' >"$T/open.csv"
expect 0 "import open ones" -- "$GK" --db "$db" import "$T/open.csv"
expect 0 "list --open json" -- "$GK" --db "$db" list --open --format json
has "$T/out" '"case_no": "L1", "received": "2026-11-02", "applicant_type": "person", "state": "open", "due": "2026-11-30", "workdays_left": 2, "answered": null, "outcome": null' "list json item"
expect 0 "list --late" -- "$GK" --db "$db" list --late --format csv
has "$T/out" "L2,2026-10-09,乙,其他,已逾期" "list --late shows the late one"
grep -qF "L1" "$T/out" && bad "list --late shows one that is not late" || ok
expect 0 "list --due-within" -- "$GK" --db "$db" list --due-within 3
has "$T/out" "L1" "due within 3 working days"
expect 0 "list text" -- "$GK" --db "$db" list --year 2023
has "$T/out" "ZD2023-01" "list by year"

# a Chinese case number longer than the column is printed whole, the other rows aligned
audit_ledgers
setup "$GK" --db "$T/f.db" import "$T/audit.csv"
setup "$GK" --db "$T/f.db" import "$T/audit2.csv"
expect 0 "list with a long case number" -- "$GK" --db "$T/f.db" list --year 2026
has "$T/out" "郑东社事〔2026〕12号 2026-03-02 己" "list: the case number whole, its column as wide"
has "$T/out" "A1                   2026-03-02 甲" "list: the other rows aligned with it"

finish
