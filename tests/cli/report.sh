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

# ---- the office's settings ----
o="$T/office.db"
expect 0 "office --set" -- "$GK" --db "$o" office --set 名称=某局 --set code=郑东社公开 \
	--set 复议机关=郑州市郑东新区管理委员会 --set 垂直管理=no
has "$T/out" "文号代字: 郑东社公开" "office --set lists the settings after"
has "$T/out" "垂直管理: 否" "vertical given as no is kept as 否"
has "$T/out" "法院: （未设置）" "a setting not set says so"
expect 65 "office --set with two bad values" -- "$GK" --db "$o" office --set 电话=0371 \
	--set vertical=maybe --set 联系人="$(printf '王%.0s' $(seq 1 120))"
has "$T/err" "垂直管理: 「maybe」应为 是 或 否" "a bad value named with its setting"
has "$T/err" "联系人: 长度 120 字，超过上限 100 字" "every bad value said at once"
expect 0 "office after a refused --set" -- "$GK" --db "$o" office
has "$T/out" "电话: （未设置）" "a refused --set writes none of its values"
expect 64 "office --set an unknown setting" -- "$GK" --db "$o" office --set 传真=1
has "$T/err" "设置为 名称、文号代字、联系人、电话、地址、复议机关、法院、垂直管理" "the settings there are"
expect 0 "office --set clears with an empty value" -- "$GK" --db "$o" office --set 复议机关=
has "$T/out" "复议机关: （未设置）" "an empty value clears the setting"
expect 65 "the name cannot be cleared" -- "$GK" --db "$o" office --set name=
has "$T/err" "机关名称: 不能为空" "the name cannot be cleared"

finish
