#!/usr/bin/env bash
# rollup.sh — cli-rollup: 全市汇总: a ledger split between several bodies adds up to the table
# of the whole; roll-ups of roll-ups; every refusal with its status and message, what --force passes
# over and what it cannot, and identical tables of different bodies only noted.
#
#   rollup.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# the tables of a report JSON, without office, parts and checks: what must add up
tables() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(json.dumps([r["table3"], r["table4"], r["table2"], r["fees_yuan"]], sort_keys=True))' "$1"; }

# one ledger, and the same split between three bodies
python3 "$SRC/bench/gen_ledger.py" 3000 "$T/all.csv" --seed 7 --today 2026-11-26
head -1 "$T/all.csv" >"$T/a.csv"; cp "$T/a.csv" "$T/b.csv"; cp "$T/a.csv" "$T/c.csv"
tail -n +2 "$T/all.csv" | awk -v d="$T" 'NR % 3 == 1 { print >> d "/a.csv" } NR % 3 == 2 { print >> d "/b.csv" } NR % 3 == 0 { print >> d "/c.csv" }'
for b in all a b c; do
	expect 0 "import $b" -- "$GK" --db "$T/$b.db" import "$T/$b.csv"
done
"$GK" --db "$T/a.db" office 甲区政府办公室 >/dev/null
"$GK" --db "$T/b.db" office 乙区政府办公室 >/dev/null
"$GK" --db "$T/c.db" office 丙区政府办公室 >/dev/null

for y in 2022 2026; do
	expect 0 "whole $y" -- "$GK" --db "$T/all.db" report --year $y --format json -o "$T/all-$y.json"
	expect 0 "rollup $y" -- "$GK" --db "$T/city.db" rollup --year $y "$T/a.db" "$T/b.db" "$T/c.db" --format json -o "$T/sum-$y.json"
	[ "$(tables "$T/sum-$y.json")" = "$(tables "$T/all-$y.json")" ] && ok || bad "$y: the roll-up of the three bodies differs from the whole"
done
has "$T/sum-2026.json" '"parts": ["甲区政府办公室", "乙区政府办公室", "丙区政府办公室"]' "the roll-up lists its bodies"
has "$T/sum-2026.json" '"unchecked": false' "all sources checked"
has "$T/sum-2026.json" '"balanced": true' "the sum balances"
[ ! -e "$T/city.db" ] && ok || bad "a roll-up created a database"

# from report JSON files, and a roll-up of roll-ups (county → city)
"$GK" --db "$T/a.db" report --year 2026 --format json -o "$T/a.json"
"$GK" --db "$T/b.db" report --year 2026 --format json -o "$T/b.json"
"$GK" --db "$T/c.db" report --year 2026 --format json -o "$T/c.json"
expect 0 "county from JSON" -- "$GK" rollup --year 2026 "$T/a.json" "$T/b.json" --office 某县 --format json -o "$T/county.json"
expect 0 "city from county and a body" -- "$GK" rollup --year 2026 "$T/county.json" "$T/c.db" --office 某市 --format json -o "$T/city.json"
[ "$(tables "$T/city.json")" = "$(tables "$T/all-2026.json")" ] && ok || bad "county → city differs from the whole"
has "$T/city.json" '"office": "某市"' "the roll-up's own name"
has "$T/city.json" '"parts": ["甲区政府办公室", "乙区政府办公室", "丙区政府办公室"]' "nested bodies listed"

# every format
expect 0 "text" -- "$GK" rollup --year 2026 "$T/a.db" "$T/b.db"
has "$T/out" "本表为 2 个机关的汇总：甲区政府办公室、乙区政府办公室" "text names the bodies"
head -1 "$T/out" >"$T/text-head"
grep -qx "2026年政府信息公开工作年度报告（统计部分）（汇总）" "$T/text-head" && ok || bad "text heading of a roll-up: $(cat "$T/text-head")"
expect 0 "html" -- "$GK" rollup --year 2026 "$T/a.db" "$T/b.db" --format html
has "$T/out" "乙区政府办公室" "html names the bodies"
expect 0 "csv" -- "$GK" rollup --year 2026 "$T/a.db" "$T/b.db" --format csv
has "$T/out" "一、本年新收政府信息公开申请数量" "csv"
# the CSV of a roll-up has the text's heading and its list of bodies, so it cannot be taken
# for one body's report
tr -d '\r' <"$T/out" | sed '1s/^\xEF\xBB\xBF//' >"$T/csv"
[ "$(head -1 "$T/csv")" = "$(cat "$T/text-head")" ] && ok || bad "csv heading of a roll-up: $(head -1 "$T/csv")"
[ "$(tail -1 "$T/csv")" = "本表为 2 个机关的汇总：甲区政府办公室、乙区政府办公室" ] && ok || bad "csv list of bodies: $(tail -1 "$T/csv")"
has "$T/csv" "六、其他需要报告的事项" "csv section 六"
has "$T/csv" "全年共受理依申请公开信息公开申请" "csv overview"
expect 0 "csv with a name" -- "$GK" rollup --year 2026 "$T/a.db" "$T/b.db" --format csv --office 某县
has "$T/out" "某县 2026年政府信息公开工作年度报告（统计部分）（汇总）" "csv heading names the roll-up"
expect 0 "xlsx" -- "$GK" rollup --year 2026 "$T/a.db" "$T/b.db" "$T/c.json" --format xlsx -o "$T/sum.xlsx"
sheets=$(/usr/bin/python3 -c 'import openpyxl,sys; print(len(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$T/sum.xlsx")
[ "$sheets" = 4 ] && ok || bad "xlsx has $sheets sheets, want the sum and one per body (4)"
expect 64 "xlsx without -o" -- "$GK" rollup --year 2026 "$T/a.db" --format xlsx

# refusals that --force passes over: it is named as the way out, and the result says so
expect 65 "the same body twice" -- "$GK" rollup --year 2026 "$T/a.db" "$T/a.json"
has "$T/err" "机关“甲区政府办公室”出现两次" "duplicate body by name"
has "$T/err" "--force" "the way out of a duplicate is named"
expect 0 "the same body twice, forced" -- "$GK" rollup --year 2026 "$T/a.db" "$T/a.json" --force --format json
has "$T/err" "出现两次（--force，仍计入汇总）" "the forced duplicate is named"
has "$T/out" '"unchecked": true' "a forced duplicate marks the result"
has "$T/out" '"parts": ["甲区政府办公室", "甲区政府办公室"]' "a forced duplicate is listed as added"
expect 65 "a body inside a county and again" -- "$GK" rollup --year 2026 "$T/county.json" "$T/a.db"
has "$T/err" "出现两次" "duplicate through a nested roll-up"
expect 0 "a body inside a county and again, forced" -- "$GK" rollup --year 2026 "$T/county.json" "$T/a.db" --force
expect 65 "one file twice" -- "$GK" rollup --year 2026 "$T/b.json" "$T/./b.json"
has "$T/err" "是同一个文件" "one file twice named"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); r["table3"]["granted"][0]+=1; r["table3"]["granted"][6]+=1; json.dump(r,open(sys.argv[2],"w"),ensure_ascii=False)' "$T/c.json" "$T/c-bad.json"
expect 65 "a source that fails its checks" -- "$GK" rollup --year 2026 "$T/a.db" "$T/c-bad.json"
has "$T/err" "c-bad.json（丙区政府办公室）未通过检查" "failing source named"
has "$T/err" "--force" "the way out is named"
expect 0 "--force" -- "$GK" rollup --year 2026 "$T/a.db" "$T/c-bad.json" --force --format json
has "$T/out" '"unchecked": true' "forced result marked"

# identical tables of different bodies are noted, not refused: small bodies often have the
# same tiny table
sed 's/"office": "乙区政府办公室"/"office": "改名的乙区"/' "$T/b.json" >"$T/b2.json"
expect 0 "an identical table under another name" -- "$GK" rollup --year 2026 "$T/b.json" "$T/b2.json" --format json
has "$T/err" "提示: $T/b.json（乙区政府办公室）、$T/b2.json（改名的乙区）: 表三、表四完全相同" "identical table noted"
has "$T/out" '"unchecked": false' "an identical table is no failed check"
mkdir -p "$T/s1" "$T/s2" "$T/s3"
for i in 1 2; do
	"$GK" --db "$T/s$i/gongkai.db" office "小局$i" >/dev/null
	"$GK" --db "$T/s$i/gongkai.db" add 收到日期=2023-03-01 申请人=某$i 申请人类型=自然人 \
		答复日期=2023-03-05 办理结果=予以公开 >/dev/null
done
expect 0 "two small bodies with one application each" -- "$GK" rollup --year 2023 "$T/s1/gongkai.db" "$T/s2/gongkai.db" --format json
has "$T/err" "$T/s1/gongkai.db（小局1）、$T/s2/gongkai.db（小局2）: 表三、表四完全相同" "both files named"
has "$T/out" '"new":                        [2, 0, 0, 0, 0, 0, 2]' "both added"
has "$T/out" '"parts": ["小局1", "小局2"]' "both listed"
"$GK" --db "$T/s1/gongkai.db" report --year 2023 --format json | sed 's/"office": "小局1"/"office": null/' >"$T/s1/r.json"
"$GK" --db "$T/s3/gongkai.db" add 收到日期=2023-03-01 申请人=某3 申请人类型=自然人 答复日期=2023-03-05 办理结果=予以公开 >/dev/null
expect 0 "identical tables, no name on either" -- "$GK" rollup --year 2023 "$T/s1/r.json" "$T/s3/gongkai.db" --format json
has "$T/err" "$T/s1/r.json（未设机关名称）、$T/s3/gongkai.db（未设机关名称）: 表三、表四完全相同" "unnamed sources noted"
has "$T/out" '"unchecked": false' "unnamed identical sources are no failed check"
has "$T/out" '"parts": ["r.json", "gongkai.db"]' "unnamed sources listed by their files' names"
"$GK" --db "$T/s1/gongkai.db" report --year 2023 --format json | sed 's/"office": "小局1"/"office": null/' >"$T/s2/r.json"
expect 0 "two unnamed bodies' files of the same name" -- "$GK" rollup --year 2023 "$T/s1/r.json" "$T/s2/r.json"
expect 65 "a named body twice among identical tables" -- "$GK" rollup --year 2023 "$T/s1/gongkai.db" "$T/s2/gongkai.db" "$T/s1/gongkai.db"
has "$T/err" "是同一个文件" "the file given twice is refused"

# what --force cannot pass over: it is not offered, and does not help
expect 65 "wrong year" -- "$GK" rollup --year 2026 "$T/a.db" "$T/all-2022.json"
has "$T/err" "是 2022 年度的报表，不是 2026 年度" "wrong year named"
lacks "$T/err" "--force" "no --force offered for a wrong year"
expect 65 "wrong year, forced" -- "$GK" rollup --year 2026 "$T/a.db" "$T/all-2022.json" --force
expect 66 "unreadable source" -- "$GK" rollup --year 2026 "$T/a.db" "$T/nope.json"
has "$T/err" "nope.json: 无法读取" "unreadable named"
lacks "$T/err" "--force" "no --force offered for an unreadable file"
expect 66 "unreadable source, forced" -- "$GK" rollup --year 2026 "$T/a.db" "$T/nope.json" --force
sed 's/"format": "2021"/"format": "2019"/' "$T/b.json" >"$T/b-2019.json"
expect 65 "JSON of another format" -- "$GK" rollup --year 2026 "$T/a.db" "$T/b-2019.json"
has "$T/err" "format:" "format named"
lacks "$T/err" "--force" "no --force offered for another format"
echo "这不是报表" >"$T/text.txt"
expect 65 "not a source at all" -- "$GK" rollup --year 2026 "$T/a.db" "$T/text.txt"
has "$T/err" "text.txt: 不是 gongkai 数据库，也不是报表 JSON" "not-a-source named"
lacks "$T/err" "--force" "no --force offered for a file that is no source"
expect 65 "a failing source beside one of another year" -- "$GK" rollup --year 2026 "$T/c-bad.json" "$T/all-2022.json"
lacks "$T/err" "--force" "no --force offered when it would not help"
sqlite3 "$T/other.db" "CREATE TABLE t(x);"
expect 65 "another program's database" -- "$GK" rollup --year 2026 "$T/a.db" "$T/other.db"
has "$T/err" "其他程序" "other database named"
expect 64 "no source" -- "$GK" rollup --year 2026
expect 64 "no year" -- "$GK" rollup "$T/a.db"
sha=$(sha256sum "$T/a.db" | cut -d' ' -f1)
"$GK" rollup --year 2026 "$T/a.db" "$T/b.db" >/dev/null 2>&1
[ "$(sha256sum "$T/a.db" | cut -d' ' -f1)" = "$sha" ] && ok || bad "a source database was changed"

# a source without table 二 is named; the whole report of the sum carries the city's own text
"$GK" --db "$T/a.db" table2 --year 2026 --set rules.made=2 >/dev/null
"$GK" --db "$T/b.db" table2 --year 2026 --set rules.made=3 >/dev/null
expect 0 "a source without table 二" -- "$GK" --db "$T/city.db" rollup --year 2026 "$T/a.db" "$T/b.db" "$T/c.db" --format json -o "$T/t2.json"
has "$T/err" "没有录入表二，汇总的表二不含该来源" "the source without table 二 is named"
has "$T/err" "丙区政府办公室" "by its body"
expect 1 "rollup --whole: the city has written nothing" -- "$GK" --db "$T/city.db" rollup --year 2026 "$T/a.db" "$T/b.db" --whole
has "$T/err" "一、总体情况：尚未填写" "the city's empty section is named"
expect 0 "the city's own text" -- "$GK" --db "$T/city.db" office 某市 
printf '（二）依申请公开\n全市{概述句}\n' | "$GK" --db "$T/city.db" section --year 2026 总体情况 - >/dev/null
printf '（一）存在问题\n个别机关答复不及时。\n' | "$GK" --db "$T/city.db" section --year 2026 问题改进 - >/dev/null
expect 0 "rollup --whole" -- "$GK" --db "$T/city.db" rollup --year 2026 "$T/a.db" "$T/b.db" --whole --format html -o "$T/city.html"
has "$T/city.html" "某市 2026年政府信息公开工作年度报告（汇总）" "the roll-up's title"
has "$T/city.html" "个别机关答复不及时。" "the city's text"
has "$T/city.html" "全市全年共受理依申请公开信息公开申请" "the field filled from the sum"
expect 64 "rollup --draft without --whole" -- "$GK" rollup --year 2026 "$T/a.db" --draft

finish
