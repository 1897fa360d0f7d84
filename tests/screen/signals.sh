#!/usr/bin/env bash
# SIGTERM, SIGHUP and SIGINT end the program cleanly: the terminal is given back (the
# alternate screen closed), the exit status says which signal, and what was saved stays.
. "$(dirname "$0")/lib.sh"

gk_pid() {
	local shell
	shell=$(tmux -L "$SOCK" display -p -t "$PANE" '#{pane_pid}')
	pgrep -P "$shell" | head -1
}

alternate_off() {
	[ "$(tmux -L "$SOCK" display -p -t "$PANE" '#{alternate_on}')" = 0 ]
}

n=0
for sig in TERM HUP INT; do
	n=$((n + 1))
	start 80x24 "s$n"
	# an application saved just before the signal
	key n
	wait_for "新建申请"
	key Tab Tab
	type "信号$sig"
	key Tab Enter Enter F2
	wait_for "已保存申请"
	key e                      # and a form open when the signal comes
	wait_for "修改申请"
	pid=$(gk_pid)
	[ -n "$pid" ] || fail "no gongkai process"
	kill -s "$sig" "$pid"
	case $sig in TERM) want=143 ;; HUP) want=129 ;; INT) want=130 ;; esac
	wait_for "[exited with status $want]"
	alternate_off || fail "the terminal was left in the alternate screen after SIG$sig"
	gk list | grep -q "信号$sig" || fail "the application saved before SIG$sig is gone"
done
