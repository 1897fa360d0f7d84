#!/usr/bin/env bash
# 100,000 applications scroll like ten: the first screen, End, Home, pages and a search each
# come back at once (a generous budget of a few seconds, which loading every row on a loaded
# machine under the sanitizers would blow), and the late count is right.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || skip "needs sqlite3"
gk office 测试局 >/dev/null || fail "create"
sqlite3 "$DB" "
WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 100000)
INSERT INTO application (case_no, received, applicant, applicant_type, channel, request,
	answered, outcome, state, due, created_at, created_by, updated_at)
SELECT 'B-' || x, date('2015-01-01', '+' || (x % 3000) || ' days'), '申请人' || x, 'person',
	'online', '内容' || x,
	CASE WHEN x % 10 THEN date('2015-01-01', '+' || (x % 3000 + 10) || ' days') END,
	CASE WHEN x % 10 THEN 'granted' END,
	CASE WHEN x % 10 THEN 'answered' ELSE 'open' END,
	CASE WHEN x % 10 THEN NULL ELSE date('2015-01-01', '+' || (x % 3000 + 28) || ' days') END,
	'2024-01-01 00:00:00', 'test', '2024-01-01 00:00:00' FROM s;" || fail "seed"

BUDGET=${BIG_BUDGET:-8}
timed() {   # timed WHAT: the last wait took at most BUDGET seconds
	[ $((SECONDS - t0)) -le "$BUDGET" ] || fail "$1 took $((SECONDS - t0)) s"
}

t0=$SECONDS
start 120x40
wait_line "^>B-3000 +2015-01-01"
timed "the first screen"
key C-l
wait_for "已逾期 10000 件"

t0=$SECONDS
key End
wait_line "^>B-[0-9]+ +2015-01-02 .*已办结"
timed "End"
t0=$SECONDS
key Home
wait_line "^>B-3000 +2015-01-01"
timed "Home"
t0=$SECONDS
for _ in $(seq 1 50); do key NPage; done
key /
wait_for "编号、申请人或申请内容中含有"
timed "50 pages"
type "申请人99990"
key Enter
cursor_on "申请人99990"
timed "a search"
t0=$SECONDS
for _ in $(seq 1 200); do key Up; done
key C-l
wait_line "^>B-"
timed "200 rows up"
quit
