#!/usr/bin/env bash
# The text box of 申请内容: 300 Chinese characters typed wrap over the box's rows (never a
# character cut), the box grows to six rows and then says （上有）; Up moves a row inside it and
# Home goes to the row's start, where a character typed lands; Enter is a line break; Tab leaves
# the box; the text saved is what was typed.
. "$(dirname "$0")/lib.sh"

start 80x24
key n
wait_for "新建申请"
key Tab Tab                    # 申请人
type "张三"
key Tab Enter
wait_for "法律服务机构"
key Enter                      # 自然人
key Tab Tab Tab                # 申请内容
text=$(python3 -c 'print("一二三四五六七八九十" * 30, end="")')
type "$text"
wait_for "（上有）"
widths_ok
# the rows of the box: each full row holds R characters, whole
R=$(screen | python3 -c '
import sys, re
rows = [re.sub(r"[^一二三四五六七八九十]", "", l) for l in sys.stdin]
full = [len(r) for r in rows if r]
print(max(full))')
[ "$R" -ge 10 ] || fail "a row of $R characters"
key Up Home
type "X"
key Enter
type "第二段"
key Tab                        # leaves the box for 备注
key F2
wait_for "已保存申请"
saved=$(sqlite3 "$DB" "SELECT request FROM application")
python3 - "$saved" "$text" "$R" <<'PY' || fail "the text saved is not what was typed: $saved"
import sys
saved, text, r = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = -(-len(text) // r)
p = r * (rows - 2)             # the start of the row above the cursor's
want = text[:p] + "X\n第二段" + text[p:]
assert saved == want, (len(saved), saved.find("X"), p)
PY
quit
