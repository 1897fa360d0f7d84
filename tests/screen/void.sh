#!/usr/bin/env bash
# 作废: v on the list asks the reason, then a confirmation naming the case, its applicant and
# its receipt date; the voided application leaves the list and table 三, shows under the filter
# 已作废, and every other change to it is refused.
. "$(dirname "$0")/lib.sh"

printf '编号,收到日期,申请人,申请人类型,渠道,申请内容\nV-01,2023-12-01,测试甲,自然人,当面,测试数据\nV-02,2023-12-04,留下乙,商业企业,当面,真实申请\n' >"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"
gk report --year 2023 --format json | grep -qF '"new":                        [1, 1, 0, 0, 0, 0, 2]' \
	|| fail "table 三 before"
start 80x24
wait_line "^>V-01 +2023-12-01 +测试甲"
key v
wait_for "作废的理由"
key Enter
wait_for "作废须说明理由"
key v
wait_for "作废的理由"
type "重复登记"
key Enter
wait_for "作废申请 V-01（测试甲，2023-12-01 收到）"
key n
wait_line "^>V-01 +2023-12-01 +测试甲"
key v
wait_for "作废的理由"
type "重复登记"
key Enter
wait_for "作废申请 V-01"
key y
wait_for "已作废 V-01"
wait_gone "测试甲"
gk report --year 2023 --format json | grep -qF '"new":                        [0, 1, 0, 0, 0, 0, 1]' \
	|| fail "the voided application is still in table 三"
key s
wait_for "已作废"
type "作废"
wait_for "查找：作废"
key Enter
wait_line "V-01 +2023-12-01 +测试甲 .*已作废"
key Enter
wait_for "已作废："
wait_for "已作废（不再计时）"
wait_for "理由：重复登记"
key e
wait_for "作废，不能再修改（作废不能撤销）"
key v
wait_for "作废，不能再修改（作废不能撤销）"
key Escape
gk show V-01 | grep -qF "作废（理由：重复登记）" || fail "the history lacks the void"
quit
