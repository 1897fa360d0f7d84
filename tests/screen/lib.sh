# lib.sh — screen tests of gongkai: the real program in a real terminal (tmux), keys sent as a
# clerk types them (Chinese text too), the screen read back and checked.
#
# A test script sources this file, then calls `start`, sends keys with `key` and `type`, and
# waits for what should appear with `wait_for` (never a bare sleep: the screen is polled until
# the text shows or a deadline passes, so a loaded machine or the sanitizer build only makes
# the test slower, not flaky). Each test has its own tmux server (tmux -L) and its own
# temporary database, removed at exit. Environment: GK (the program), SCREEN_DEADLINE
# (seconds to wait for one thing, default 40), GONGKAI_EXE (the program itself, not a wrapper
# script: what as_other_user copies). "Today" is 2023-12-20 unless a test says otherwise.
set -u

# skip REASON: ends the test as skipped (status 77), saying why; with GK_NO_SKIP set (CI), as
# failed instead.
skip() {
	if [ -n "${GK_NO_SKIP:-}" ]; then
		echo "FAIL: cannot run here (GK_NO_SKIP is set): $*" >&2
		exit 1
	fi
	echo "SKIP: $*"
	exit 77
}

command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"
GK=${GK:?GK must name the gongkai program}
DEADLINE=${SCREEN_DEADLINE:-40}
export GONGKAI_TODAY=2023-12-20   # tests may change it before start
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gk-screen.XXXXXX")
SOCK="gks$$"
DB="$TMP/gongkai.db"
PANE=main
OTHER=        # as_other_user's folder
AS_OTHER=()   # as_other_user's command prefix

cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	if [ -n "$OTHER" ]; then
		chmod -R u+w "$OTHER"
		rm -rf "$OTHER"
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

# fail MESSAGE: prints it and the screen, and ends the test.
fail() {
	echo "FAIL: $*" >&2
	echo "---- screen ($PANE)" >&2
	tmux -L "$SOCK" capture-pane -p -t "$PANE" >&2 2>/dev/null
	exit 1
}

# gk ARGS...: runs a gongkai command on the test database (to seed it).
gk() {
	"$GK" --db "$DB" "$@"
}

# start [WxH] [NAME] [ENV=VALUE...]: starts the interface in a new tmux session NAME
# (default main), which becomes the current pane, and waits for its first screen; the greeting
# of what is due today is closed unless KEEP_GREETING is set.
start() {
	local size=${1:-80x24} name=${2:-main}
	shift 2 2>/dev/null || shift $#
	PANE=$name
	local cmd
	printf -v cmd '%q ' env LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm-256color \
		GONGKAI_TODAY="$GONGKAI_TODAY" "$@" "$GK" --db "$DB"
	# a killed program leaves the terminal raw: the status goes on a line of its own
	local after='s=$?; stty sane; printf "\r\n[exited with status %s]\r\n" $s; sleep 600'
	if tmux -L "$SOCK" has-session 2>/dev/null; then
		tmux -L "$SOCK" new-session -d -s "$name" -x "${size%x*}" -y "${size#*x}" \
			"$cmd; $after"
	else
		tmux -L "$SOCK" -f /dev/null new-session -d -s "$name" -x "${size%x*}" \
			-y "${size#*x}" "$cmd; $after"
	fi
	wait_for "F1 帮助"
	# the greeting of what is due today (今日待办) closes, unless the test looks at it
	if [ -z "${KEEP_GREETING:-}" ] && screen | grep -qF "今日待办"; then
		key Escape
		wait_gone "今日待办"
	fi
}

# as_other_user: for a test of what a clerk may not do to a file (root ignores file modes). As
# root: a fresh folder of mode 0755 under /tmp, $OTHER (removed at exit), gets a copy of the
# program (GK then names the copy), for the build folder may be where another user cannot go (a
# clone in a private folder); AS_OTHER is the command that runs it as user 65534 (nobody), to be
# given to start. Not root: file modes bind already; $OTHER is a fresh folder of the test's (as
# short a path, for the notices that name it) and AS_OTHER is empty. The test puts its database
# in $OTHER. Skips the test, saying why, when no other user can be switched to.
as_other_user() {
	if [ "$(id -u)" != 0 ]; then
		OTHER=$(mktemp -d "${TMPDIR:-/tmp}/gk-other.XXXXXX")
		return 0
	fi
	command -v setpriv >/dev/null 2>&1 || skip "setpriv is not installed: cannot switch to another user"
	OTHER=$(mktemp -d /tmp/gk-other.XXXXXX)
	chmod 755 "$OTHER"
	cp "${GONGKAI_EXE:-$GK}" "$OTHER/gongkai"
	chmod 755 "$OTHER/gongkai"
	AS_OTHER=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	local err
	err=$("${AS_OTHER[@]}" "$OTHER/gongkai" --version 2>&1 >/dev/null) \
		|| skip "cannot run gongkai as user 65534 from $OTHER: ${err:-no message}"
	GK=$OTHER/gongkai
}

# use NAME: the pane the next keys and checks go to.
use() {
	PANE=$1
}

screen() {
	tmux -L "$SOCK" capture-pane -p -t "$PANE"
}

# key KEY...: keys as tmux names them (Enter, Escape, F1, Tab, BTab, PPage, Down, C-u, n, …).
key() {
	tmux -L "$SOCK" send-keys -t "$PANE" "$@"
}

# type TEXT: the text as typed, byte for byte (UTF-8, as an input method delivers it).
type() {
	tmux -L "$SOCK" send-keys -t "$PANE" -l -- "$1"
}

# wait_for TEXT: polls the screen until TEXT is on it; fails after the deadline.
wait_for() {
	local end=$((SECONDS + DEADLINE))
	while [ $SECONDS -lt $end ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	fail "never saw: $1"
}

# wait_gone TEXT: polls until TEXT has left the screen.
wait_gone() {
	local end=$((SECONDS + DEADLINE))
	while [ $SECONDS -lt $end ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
	done
	fail "still there: $1"
}

# wait_line PATTERN: polls until a line of the screen matches the extended regex PATTERN.
wait_line() {
	local end=$((SECONDS + DEADLINE))
	while [ $SECONDS -lt $end ]; do
		screen | grep -qE -- "$1" && return 0
		sleep 0.1
	done
	fail "no line matches: $1"
}

# expect TEXT / expect_no TEXT: the screen holds (does not hold) TEXT now.
expect() {
	screen | grep -qF -- "$1" || fail "expected: $1"
}
expect_no() {
	screen | grep -qF -- "$1" && fail "did not expect: $1"
	return 0
}

# cursor_on TEXT: the row under the list's cursor (marked ">") holds TEXT.
cursor_on() {
	local end=$((SECONDS + DEADLINE))
	while [ $SECONDS -lt $end ]; do
		screen | grep -E '^>' | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	fail "cursor is not on: $1"
}

# resize WxH: the terminal changes size (the window of the current pane).
resize() {
	tmux -L "$SOCK" resize-window -t "$PANE" -x "${1%x*}" -y "${1#*x}"
}

# quit: q (twice when not on the list: it goes back to the list first), and the program ends
# with status 0.
quit() {
	key q
	if ! screen | grep -qF "[exited with status"; then
		sleep 0.2
		screen | grep -qF "[exited with status" || key q
	fi
	wait_for "[exited with status 0]"
}

# widths_ok: no line of the screen is wider than the terminal, measured in display columns
# (a Han character is two) — a line that spilled or a half character would break this.
widths_ok() {
	# polled like wait_for: just after a resize the pane may still show the old frame, cut
	# and wrapped by tmux, until the program has redrawn
	local cols out
	for _ in $(seq 1 25); do
		cols=$(tmux -L "$SOCK" display -p -t "$PANE" '#{pane_width}')
		out=$(screen | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
for n, line in enumerate(sys.stdin, 1):
    line = line.rstrip("\n")
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)
    if w > cols:
        print("line %d is %d columns wide: %s" % (n, w, line)); sys.exit(1)
' "$cols") && return 0
		sleep 0.2
	done
	echo "$out"
	fail "a line is wider than the screen"
}

# page_until TEXT: pages down (PgDn) until TEXT is on the screen, at most 20 pages.
page_until() {
	for _ in $(seq 1 20); do
		screen | grep -qF -- "$1" && return 0
		key NPage
		sleep 0.2
	done
	wait_for "$1"
}
