#!/usr/bin/env bash
# SIGKILL while the clerk works: the interface is killed at random moments of saving new
# applications and edits, again and again; after each kill the file passes SQLite's integrity
# check, opens again, and every application in it is whole (its history line and its counts
# with it: `check` recounts the year's table from the applications and finds it equal).
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || skip "needs sqlite3"
gk_pid() {
	local shell
	shell=$(tmux -L "$SOCK" display -p -t "$PANE" '#{pane_pid}')
	pgrep -P "$shell" | head -1
}

ROUNDS=${KILL_ROUNDS:-8}
for round in $(seq 1 "$ROUNDS"); do
	start 80x24 "k$round"
	pid=$(gk_pid)
	[ -n "$pid" ] || fail "no gongkai process"
	# a burst of saves, keys sent without waiting (the program takes them in order): new
	# applications and an edit of the line under the cursor
	for i in 1 2 3; do
		key n
		sleep 0.05
		key Tab Tab
		type "杀$round-$i"
		key Tab Enter Enter F2
		sleep 0.05
		key e
		sleep 0.05
		key F2
		sleep 0.05
	done &
	burst=$!
	# kill at a random moment of the burst
	sleep "0.$((RANDOM % 9 + 1))"
	kill -KILL "$pid" 2>/dev/null
	wait "$burst" 2>/dev/null
	wait_for "[exited with status 137]"
	[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "round $round: the file is damaged"
	gk check --year 2023 --tables >/dev/null || fail "round $round: the counts disagree with the applications"
	# every application has its 新建 line in the history, none is half there
	orphans=$(sqlite3 "$DB" "SELECT count(*) FROM application a WHERE NOT EXISTS
		(SELECT 1 FROM history h WHERE h.app_id = a.id AND h.field = '新建')")
	[ "$orphans" = 0 ] || fail "round $round: $orphans applications without their history"
	tmux -L "$SOCK" kill-session -t "k$round"
done
saved=$(gk list --format csv | grep -c '杀')
echo "killed $ROUNDS times while saving; $saved applications saved whole, file intact"
