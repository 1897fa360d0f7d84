#!/usr/bin/env bash
# report.sh — cli-report: the annual report as text, JSON and CSV equal to the golden files,
# written with -o whole and private, and the office's name.
#
#   report.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# ---- the seed case of the spec's README: one office's 2023 ----
setup "$GK" --db "$db" import "$SRC/tests/golden/zhengdong-2023.csv"
expect 0 "office" -- "$GK" --db "$db" office 郑州市郑东新区社会事业局
expect 0 "report json" -- "$GK" --db "$db" report --year 2023 --format json
same "$T/out" "$SRC/tests/golden/zhengdong-2023.json" "report json equals the golden file"
expect 0 "report text" -- "$GK" --db "$db" report --year 2023
same "$T/out" "$SRC/tests/golden/zhengdong-2023.txt" "report text equals the golden file"
grep -A1 -x "六、其他需要报告的事项" "$T/out" | tail -1 | grep -qx "全年未收取政府信息公开信息处理费。" && ok || bad "text: section 六's heading, then the fee sentence"
expect 0 "report csv" -- "$GK" --db "$db" report --year 2023 --format csv
same "$T/out" "$SRC/tests/golden/zhengdong-2023-report.csv" "report csv equals the golden file"
has "$T/out" "一、本年新收政府信息公开申请数量,,,5,0,0,0,3,0,8" "csv row 一"
# section 六 as the format has it, its sentence below, then the overview (as text, HTML, xlsx)
tr -d '\r' <"$T/out" | grep -A3 -x "六、其他需要报告的事项" >"$T/six"
printf '%s\n' "六、其他需要报告的事项" "全年未收取政府信息公开信息处理费。" "" \
	"全年共受理依申请公开信息公开申请 8 件，办结 8 件。" >"$T/six.want"
same "$T/six" "$T/six.want" "csv section 六 and the overview"

# files: -o written whole and private
mkdir -p "$T/x/y"
expect 0 "report -o" -- "$GK" --db "$db" report --year 2023 --format json -o "$T/x/y/r.json"
same "$T/x/y/r.json" "$SRC/tests/golden/zhengdong-2023.json" "report -o writes the same"
perm=$(stat -c %a "$T/x/y/r.json")
[ "$perm" = 600 ] && ok || bad "report file mode $perm, want 600"
[ -z "$(ls -A "$T/x/y" | grep -v '^r.json$')" ] && ok || bad "temporary files left: $(ls -A "$T/x/y")"
expect 73 "report -o into a missing folder" -- "$GK" --db "$db" report --year 2023 -o "$T/no/such/r.txt"
has "$T/err" "无法创建输出文件" "message for an output file that cannot be created"

expect 65 "a blank office name" -- "$GK" --db "$T/blank.db" office "  　"
has "$T/err" "机关名称: 不能为空" "blank office name refused"

finish
