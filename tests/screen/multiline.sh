#!/usr/bin/env bash
# A 申请内容 with line breaks and a tab (as a ledger may hold): the form shows them as ↵ and ⇥,
# and saving a change to another field leaves it exactly as it was — no silent rewrite.
. "$(dirname "$0")/lib.sh"

printf '编号,收到日期,申请人,申请人类型,申请内容\nM-01,2023-12-18,原申请人,自然人,"第一段\n第二段\t附表"\n' \
	>"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
before=$(gk export)
start 80x24
wait_line "^>M-01 +2023-12-18 +原申请人"
key e
wait_for "修改申请 M-01"
wait_for "第一段↵第二段⇥附表"
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
quit
