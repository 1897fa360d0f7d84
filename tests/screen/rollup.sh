#!/usr/bin/env bash
# Screen 3, `h`: 全市汇总 from files named in prompts (a wildcard too): the sources are checked,
# a failing one (or a body twice) is shown and added only when the clerk says so, identical
# tables of two bodies are shown and added, and the sum is written to the file picked, with one
# sheet or section per body.
. "$(dirname "$0")/lib.sh"

# two bodies' databases and a third body's report JSON, all for 2023
mkdir "$TMP/src"
"$GK" --db "$TMP/src/甲.db" import "$(dirname "$0")/../golden/zhengdong-2023.csv" >/dev/null || fail "甲"
"$GK" --db "$TMP/src/甲.db" office 甲局 >/dev/null
printf '收到日期,申请人,申请人类型,答复日期,办理结果\n2023-03-01,乙某,自然人,2023-03-10,予以公开\n2023-05-01,某公司,商业企业,,\n' >"$TMP/乙.csv"
"$GK" --db "$TMP/src/乙.db" import "$TMP/乙.csv" >/dev/null || fail "乙"
"$GK" --db "$TMP/src/乙.db" office 乙局 >/dev/null
"$GK" --db "$TMP/src/乙.db" report --year 2023 --format json -o "$TMP/乙.json" || fail "乙.json"
sed 's/"office": "乙局"/"office": "丁局"/' "$TMP/乙.json" >"$TMP/丁.json"
cp "$TMP/乙.json" "$TMP/丙.json"
sed -i 's/"office": "乙局"/"office": "丙局"/; s/"granted":                    \[1,/"granted":                    [2,/' "$TMP/丙.json"
gk office 某市政府办公室 >/dev/null

start 120x40
key 3
wait_for "2023年政府信息公开工作年度报告"
key h
wait_for "第 1 个来源"
type "$TMP/src/*.db"
key Enter
wait_for "第 3 个来源"
type "$TMP/丙.json"
key Enter
wait_for "第 4 个来源"
key Enter
# 丙 was changed by hand: its table no longer adds up, and the roll-up says so and asks
wait_for "以下来源未通过检查"
wait_for "丙.json（丙局）未通过检查"
key Enter
wait_for "仍然汇总吗"
key n
wait_gone "仍然汇总吗"
[ -z "$(ls "$TMP" | grep rollup)" ] || fail "a file was written though the clerk said no"

# 乙 twice, from its database and its JSON: shown, and asked about like a failing source
key h
wait_for "第 1 个来源"
type "$TMP/src/乙.db"
key Enter
wait_for "第 2 个来源"
type "$TMP/乙.json"
key Enter
wait_for "第 3 个来源"
key Enter
wait_for "以下来源未通过检查"
wait_for "出现两次"
key Enter
wait_for "仍然汇总吗"
key n
wait_gone "仍然汇总吗"

# 丁 has the same table as 乙 under its own name: shown, then added
key h
wait_for "第 1 个来源"
type "$TMP/src/乙.db"
key Enter
wait_for "第 2 个来源"
type "$TMP/丁.json"
key Enter
wait_for "第 3 个来源"
key Enter
wait_for "请留意"
wait_for "完全相同"
key Enter
wait_for "汇总导出格式"
key Escape
wait_gone "汇总导出格式"
[ -z "$(ls "$TMP" | grep rollup)" ] || fail "a file was written though the clerk backed out"

# again without 丙: the sum of 甲 and 乙 into an Excel workbook
key h
wait_for "第 1 个来源"
type "$TMP/src/*.db"
key Enter
wait_for "第 3 个来源"
key Enter
wait_for "请留意"                 # no body entered table 二: each is named
wait_for "没有录入表二"
key Enter
wait_for "汇总导出格式"
key Enter                      # Excel
wait_for "rollup-2023.xlsx"
key C-u
type "$TMP/全市2023.xlsx"
key Enter
wait_for "已汇总 2 个机关的 2023 年度报表到 $TMP/全市2023.xlsx"
[ "$(stat -c %a "$TMP/全市2023.xlsx")" = 600 ] || fail "the workbook is not 0600"
sheets=$(/usr/bin/python3 -c 'import openpyxl,sys; print(len(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$TMP/全市2023.xlsx")
[ "$sheets" = 3 ] || fail "the workbook has $sheets sheets, want the sum and one per body"

# the same as JSON: 甲's 8 applications and 乙's 2, 10 received in all
key h
wait_for "第 1 个来源"
type "$TMP/src/*.db"
key Enter
wait_for "第 3 个来源"
key Enter
wait_for "没有录入表二"
key Enter
wait_for "汇总导出格式"
key Down Down Down Down Enter  # JSON
wait_for "rollup-2023.json"
key C-u
type "$TMP/全市2023.json"
key Enter
wait_for "已汇总 2 个机关"
grep -q '"new":                        \[6, 1, 0, 0, 3, 0, 10\]' "$TMP/全市2023.json" || fail "the sum is wrong: $(grep '"new"' "$TMP/全市2023.json")"
grep -q '"office": "某市政府办公室"' "$TMP/全市2023.json" || fail "the roll-up's name"
# (the wildcard names the files in byte order: 乙 before 甲)
grep -q '"parts": \["乙局", "甲局"\]' "$TMP/全市2023.json" || fail "the bodies are not listed"
quit
