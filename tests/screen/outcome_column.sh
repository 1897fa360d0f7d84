#!/usr/bin/env bash
# One outcome column: the list shows an outcome as its group and number (不予公开4) at every
# width, as `gongkai list` does, never a group's name alone; the full words are in the detail.
. "$(dirname "$0")/lib.sh"

gk add 编号=O-01 收到日期=2023-12-01 申请人=结果甲 申请人类型=自然人 >/dev/null || fail "add"
gk set O-01 答复日期=2023-12-08 办理结果=不予公开/4.保护第三方合法权益 >/dev/null || fail "answer"
gk list | grep -E "^O-01 .* 不予公开4$" >/dev/null || fail "gongkai list: $(gk list)"
for size in 80x24 160x30; do
	start "$size" "w${size%x*}"
	wait_line "O-01 .*已办结 .*不予公开4 *$"
	expect_no "保护第三方合法权益"
	key Enter
	wait_for "保护第三方合法权益"
	key Escape
	quit
done
