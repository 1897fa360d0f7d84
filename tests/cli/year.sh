#!/usr/bin/env bash
# year.sh — cli-year: the year as a whole: check (its overview, a recount of the tallies, a locked
# year compared), lock and unlock, and audit.
#
#   year.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

seed_db
# ---- check: the overview sentence of the seed case ----
expect 1 "check: the text not written" -- "$GK" --db "$db" check --year 2023
expect 0 "check --tables" -- "$GK" --db "$db" check --year 2023 --tables
has "$T/out" "全年共受理依申请公开信息公开申请 8 件，办结 8 件。" "check prints the overview sentence"

# ---- lock: a locked year cannot change silently; check compares with it ----
app_db
expect 0 "answer again" -- "$GK" --db "$e" set 2026-0001 答复日期=2026-11-24 办理结果=予以公开
expect 65 "lock a year not yet ended" -- "$GK" --db "$e" lock --year 2026
has "$T/err" "2026 年度尚未结束（到 2026-12-31），不能定稿" "lock says the year is running"
GONGKAI_TODAY=2027-01-04 expect 0 "lock" -- "$GK" --db "$e" lock --year 2026
GONGKAI_TODAY=2027-01-04 expect 65 "lock twice" -- "$GK" --db "$e" lock --year 2026
expect 65 "a change to a locked year" -- "$GK" --db "$e" set 2026-0001 申请人类型=其他
has "$T/err" "2026 年度报表已定稿锁定" "the lock is named"
expect 0 "a change that leaves the tables" -- "$GK" --db "$e" set 2026-0001 备注=补记
expect 64 "unlock without a reason" -- "$GK" --db "$e" unlock --year 2026
expect 64 "unlock with a blank reason" -- "$GK" --db "$e" unlock --year 2026 --reason " "
expect 0 "unlock" -- "$GK" --db "$e" unlock --year 2026 --reason 更正申请人类型
expect 0 "the change after unlocking" -- "$GK" --db "$e" set 2026-0001 申请人类型=其他
expect 0 "lock 2025" -- "$GK" --db "$e" lock --year 2025
expect 65 "insert into a locked year" -- "$GK" --db "$e" add 收到日期=2025-12-30 申请人=王五 申请人类型=自然人
sqlite3 "$e" "DELETE FROM year_lock WHERE year = 2025; INSERT INTO year_lock VALUES (2025, 'x', 'x', '$(sed 's/"carried_out":                \[0, 0, 0, 0, 0, 0, 0\]/"carried_out": [1, 0, 0, 0, 0, 0, 1]/' "$SRC/tests/golden/zhengdong-2023.json" | sed 's/"year": 2023/"year": 2025/' | tr -d "'")');"
expect 1 "check against a locked year that differs" -- "$GK" --db "$e" check --year 2026
has "$T/out" "上年结转 0 不等于上一年度结转下年度 1" "check names the mismatch"

# ---- check recounts: counts changed behind gongkai's back are found ----
cp "$db" "$T/tampered.db"
sqlite3 "$T/tampered.db" "UPDATE tally_count SET n = n + 1 WHERE year = 2023 AND month = 2 AND row = 'granted' AND type = 'person';"
expect 1 "check finds counts that disagree with the applications" -- "$GK" --db "$T/tampered.db" check --year 2023
has "$T/out" "表三 granted 行第 1 列: 统计计数 6 与逐件重新统计 5 不一致" "check names the cell"

# ---- audit ----
audit_ledgers
expect 0 "import for audit" -- "$GK" --db "$T/f.db" import "$T/audit.csv"
expect 0 "audit" -- "$GK" --db "$T/f.db" audit --year 2026 --format json
has "$T/out" '"late": [{"case_no": "A1", "received": "2026-03-02", "due": "2026-03-30", "answered": "2026-04-20", "workdays_late": 14}]' "audit lists the late answer"
has "$T/out" '"workdays": {"median": 20.0, "mean": 20.0, "min": 6, "max": 34}' "audit processing times"
has "$T/out" '"case_no": "A3"' "audit lists the oldest open"
# open on the year's last day though answered since; late by no working day (a weekend answer);
# a Chinese case number longer than the column is printed whole
expect 0 "import for audit (2)" -- "$GK" --db "$T/f.db" import "$T/audit2.csv"
expect 0 "audit of the year before" -- "$GK" --db "$T/f.db" audit --year 2025
has "$T/out" "A4           收到 2025-12-10  年末已 15 个工作日，到期 2026-01-08，2026-01-07 答复" "audit: open at the year's end, answered since"
expect 0 "audit text" -- "$GK" --db "$T/f.db" audit --year 2026
has "$T/out" "答复 2026-04-04  逾期（到期后的休息日答复）" "audit: a weekend answer after the due date"
has "$T/out" "郑东社事〔2026〕12号 收到 2026-03-02" "audit: the case number whole"

# a case still open today is counted for a past year to that year's last day, not to today
expect 0 "an application still open" -- "$GK" --db "$T/open.db" add 编号=A6 收到日期=2025-12-10 申请人=庚 申请人类型=自然人
expect 0 "audit of a past year, the case still open" -- "$GK" --db "$T/open.db" audit --year 2025
has "$T/out" "A6           收到 2025-12-10  年末已 15 个工作日" "audit: open, counted to the year's last day"

finish
