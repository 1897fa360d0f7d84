#!/usr/bin/env bash
# A 申请内容 with line breaks and a tab (as a ledger may hold): the form's text box shows each
# line on a row of its own (the tab as a space), and saving a change to another field leaves it exactly as it was — no silent rewrite; a line
# break typed with Ctrl-J in 备注 is stored as one, and in a one-line field Ctrl-J is Enter.
. "$(dirname "$0")/lib.sh"

printf '编号,收到日期,申请人,申请人类型,申请内容\nM-01,2023-12-18,原申请人,自然人,"第一段\n第二段\t附表"\n' \
	>"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
before=$(gk export)
start 80x24
wait_line "^>M-01 +2023-12-18 +原申请人"
key e
wait_for "修改申请 M-01"
wait_line "申请内容 +第一段 +\|$"
wait_line "^\| +第二段 附表 +\|$"
key Tab Tab Tab
key C-u
type "新申请人"
key F2
wait_for "已保存申请 M-01（新申请人）"
gk show M-01 >"$TMP/show.txt"
sed -n '/修改记录/,$p' "$TMP/show.txt" | grep -q "申请人：原申请人 改为 新申请人" \
	|| fail "the change is not in the history: $(cat "$TMP/show.txt")"
sed -n '/修改记录/,$p' "$TMP/show.txt" | grep -q "申请内容" \
	&& fail "saving the form changed 申请内容: $(cat "$TMP/show.txt")"
after=$(gk export)
[ "${after//新申请人/原申请人}" = "$before" ] || fail "the ledger changed beyond 申请人:
$before
---
$after"

# a line break typed with Ctrl-J (or Enter) in 备注 is kept as one; in 申请人 Ctrl-J moves on like
# Enter
key e
wait_for "修改申请 M-01"
key Tab Tab Tab C-j            # 申请人: one line, Ctrl-J moves on to 申请人类型
type "x"                       # on a choice: its list opens, finding what was typed
wait_for "查找：x"
expect "申请人类型"
key Escape
wait_gone "查找：x"
for _ in 1 2 3 4; do key Tab; done   # 备注
type "电话联系"
key C-j
type "已补充材料"
wait_line "备注 +电话联系 +\|$"
wait_line "^\| +已补充材料 +\|$"
key F2
wait_for "已保存申请 M-01"
[ "$(sqlite3 "$DB" "SELECT note = '电话联系' || char(10) || '已补充材料' FROM application WHERE case_no = 'M-01'")" = 1 ] \
	|| fail "the typed line break was not kept: $(sqlite3 "$DB" "SELECT quote(note) FROM application")"
quit
