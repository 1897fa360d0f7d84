#!/usr/bin/env bash
# test_cli.sh — the command line as scripts and clerks use it: golden outputs, exit statuses,
# Chinese messages, files created private, output files that appear whole.
#
#   test_cli.sh GONGKAI SOURCE_DIR
set -u
GK=$1
SRC=$2
export GONGKAI_TODAY=2026-11-26 LC_ALL=C.UTF-8
unset GONGKAI_DB
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
n=0

ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }

# expect STATUS DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $T/out, $T/err
expect() {
	local want=$1 what=$2
	shift 3
	"$@" >"$T/out" 2>"$T/err"
	local got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$what: status $got, want $want; stderr: $(head -3 "$T/err")"; fi
}
has() { # has FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no \"$2\" in $(basename "$1"): $(head -3 "$1")"; fi
}
same() { # same FILE EXPECTED DESCRIPTION
	if cmp -s "$1" "$2"; then ok; else bad "$3"; diff -u "$2" "$1" | head -20 >&2; fi
}

db=$T/a.db

# ---- the seed case of the spec's README: one office's 2023 ----
expect 0 "import the seed ledger" -- "$GK" --db "$db" import "$SRC/tests/golden/zhengdong-2023.csv"
has "$T/out" "导入 8 件" "import says how many"
expect 0 "office" -- "$GK" --db "$db" office 郑州市郑东新区社会事业局
expect 0 "report json" -- "$GK" --db "$db" report --year 2023 --format json
same "$T/out" "$SRC/tests/golden/zhengdong-2023.json" "report json equals the golden file"
expect 0 "report text" -- "$GK" --db "$db" report --year 2023
same "$T/out" "$SRC/tests/golden/zhengdong-2023.txt" "report text equals the golden file"
grep -A1 -x "六、其他需要报告的事项" "$T/out" | tail -1 | grep -qx "全年未收取政府信息公开信息处理费。" && ok || bad "text: section 六's heading, then the fee sentence"
expect 0 "check" -- "$GK" --db "$db" check --year 2023
has "$T/out" "全年共受理依申请公开信息公开申请 8 件，办结 8 件。" "check prints the overview sentence"
expect 0 "report csv" -- "$GK" --db "$db" report --year 2023 --format csv
same "$T/out" "$SRC/tests/golden/zhengdong-2023-report.csv" "report csv equals the golden file"
has "$T/out" "一、本年新收政府信息公开申请数量,,,5,0,0,0,3,0,8" "csv row 一"
# section 六 as the format has it, its sentence below, then the overview (as text, HTML, xlsx)
tr -d '\r' <"$T/out" | grep -A3 -x "六、其他需要报告的事项" >"$T/six"
printf '%s\n' "六、其他需要报告的事项" "全年未收取政府信息公开信息处理费。" "" \
	"全年共受理依申请公开信息公开申请 8 件，办结 8 件。" >"$T/six.want"
same "$T/six" "$T/six.want" "csv section 六 and the overview"

# files: the database private, -o written whole and private
perm=$(stat -c %a "$db")
[ "$perm" = 600 ] && ok || bad "database mode $perm, want 600"
mkdir -p "$T/x/y"
expect 0 "report -o" -- "$GK" --db "$db" report --year 2023 --format json -o "$T/x/y/r.json"
same "$T/x/y/r.json" "$SRC/tests/golden/zhengdong-2023.json" "report -o writes the same"
perm=$(stat -c %a "$T/x/y/r.json")
[ "$perm" = 600 ] && ok || bad "report file mode $perm, want 600"
[ -z "$(ls -A "$T/x/y" | grep -v '^r.json$')" ] && ok || bad "temporary files left: $(ls -A "$T/x/y")"
expect 73 "report -o into a missing folder" -- "$GK" --db "$db" report --year 2023 -o "$T/no/such/r.txt"
has "$T/err" "无法创建输出文件" "message for an output file that cannot be created"

# default location under XDG_DATA_HOME, folder 0700
expect 0 "default database" -- env XDG_DATA_HOME="$T/xdg" "$GK" due 2024-02-08
[ -f "$T/xdg/gongkai/gongkai.db" ] && ok || bad "no database at \$XDG_DATA_HOME/gongkai/gongkai.db"
perm=$(stat -c %a "$T/xdg/gongkai")
[ "$perm" = 700 ] && ok || bad "data folder mode $perm, want 700"
expect 0 "GONGKAI_DB" -- env GONGKAI_DB="$T/env.db" "$GK" due 2024-02-08
[ -f "$T/env.db" ] && ok || bad "GONGKAI_DB not used"

# ---- due ----
expect 0 "due" -- "$GK" --db "$db" due 2023-09-28
[ "$(head -1 "$T/out")" = 2023-11-01 ] && ok || bad "due 2023-09-28: $(head -1 "$T/out")"
has "$T/out" "2023-10-07 周六 计入（中秋节、国庆节 调休上班）" "due explains a make-up workday"
has "$T/out" "2023-10-02 周一 不计（中秋节、国庆节 放假）" "due explains a holiday"
expect 0 "due --workdays" -- "$GK" --db "$db" due 2024-02-08 --workdays 20
[ "$(head -1 "$T/out")" = 2024-03-13 ] && ok || bad "due 2024-02-08: $(head -1 "$T/out")"
expect 0 "due into 2027" -- "$GK" --db "$db" due 2026-12-20
has "$T/out" "2027年节假日安排未录入，按周末推算" "due warns about a year without its notice"
expect 65 "due with a bad date" -- "$GK" --db "$db" due 2023-02-30
has "$T/err" "2023-02-30 不是有效日期" "due names the bad date"
expect 64 "add with an unknown field" -- "$GK" --db "$T/add2.db" add 附注=1
has "$T/err" "未知的列名 附注；可用的列名（中文，或其英文别名）：编号、收到日期" "add lists the field names"
expect 65 "add with an unreadable date and a missing name" -- "$GK" --db "$T/add2.db" add 收到日期=2023-02-30 申请人类型=自然人
has "$T/err" "申请人: 不能为空" "add says every problem at once"
[ "$(grep -c '收到日期' "$T/err")" = 1 ] && ok || bad "add said the unreadable date twice: $(cat "$T/err")"
expect 64 "due with an extra argument" -- "$GK" --db "$db" due 2023-09-28 extra
has "$T/err" "多余的参数 extra" "due names the extra argument"
GONGKAI_TODAY=2026-13-01 expect 64 "a fixed today that is not a date" -- "$GK" --db "$db" list
has "$T/err" "GONGKAI_TODAY: 2026-13-01 不是有效日期" "GONGKAI_TODAY is checked"

# ---- calendar ----
printf 'date,kind,name\n2027-01-01,off,元旦\n2027-02-06,off,春节\n2027-02-07,work,春节\n' >"$T/cal.csv"
expect 0 "calendar import" -- "$GK" --db "$db" calendar import "$T/cal.csv"
grep -qF "注意" "$T/err" && bad "a whole notice was warned about" || ok
expect 0 "due after the notice" -- "$GK" --db "$db" due 2026-12-20
printf 'date,kind,name\n2028-01-01,off,元旦\n' >"$T/cal28.csv"
expect 0 "calendar import of a notice without 春节" -- "$GK" --db "$db" calendar import "$T/cal28.csv"
has "$T/err" "注意：2028 年没有春节放假的日期，仍视为该年节假日安排未录入" "calendar import says the year still counts as missing"
grep -qF "未录入" "$T/out" && bad "2027 still reported missing" || ok
expect 0 "calendar list" -- "$GK" --db "$db" calendar list --year 2027
has "$T/out" "2027-02-07,work,春节" "calendar list shows the new notice"
printf 'date,kind,name\n2027-02-30,off,春节\n' >"$T/cal2.csv"
expect 65 "calendar import refuses a bad day" -- "$GK" --db "$db" calendar import "$T/cal2.csv"
has "$T/err" "第2行" "calendar import names the line"

# ---- list ----
printf '编号,收到日期,申请人,申请人类型\nL1,2026-11-02,甲,自然人\nL2,2026-10-09,乙,其他\n' >"$T/open.csv"
expect 0 "import open ones" -- "$GK" --db "$db" import "$T/open.csv"
expect 0 "list --open json" -- "$GK" --db "$db" list --open --format json
has "$T/out" '"case_no": "L1", "received": "2026-11-02", "applicant_type": "person", "state": "open", "due": "2026-11-30", "workdays_left": 2, "answered": null, "outcome": null' "list json item"
expect 0 "list --late" -- "$GK" --db "$db" list --late --format csv
has "$T/out" "L2,2026-10-09,乙,其他,已逾期" "list --late shows the late one"
grep -qF "L1" "$T/out" && bad "list --late shows one that is not late" || ok
expect 0 "list --due-within" -- "$GK" --db "$db" list --due-within 3
has "$T/out" "L1" "due within 3 working days"
expect 0 "list text" -- "$GK" --db "$db" list --year 2023
has "$T/out" "ZD2023-01" "list by year"

# ---- export and re-import ----
expect 0 "export" -- "$GK" --db "$db" export -o "$T/ledger.csv"
expect 0 "re-import the export" -- "$GK" --db "$T/b.db" import "$T/ledger.csv"
expect 0 "report of the re-import" -- "$GK" --db "$T/b.db" report --year 2023 --format json
sed 's/"office": "郑州市郑东新区社会事业局"/"office": null/' "$SRC/tests/golden/zhengdong-2023.json" >"$T/want.json"
same "$T/out" "$T/want.json" "the exported ledger gives the same tables"

# ---- bad input: status, message naming line and column, nothing written ----
printf '收到日期,申请人,申请人类型\n2023-01-05,张三,自然人\n2023-02-30,李四,自然人\n' >"$T/bad.csv"
expect 65 "import a bad ledger" -- "$GK" --db "$T/c.db" import "$T/bad.csv"
has "$T/err" "第3行: 收到日期: 2023-02-30 不是有效日期" "the problem line"
has "$T/err" "未导入任何内容" "says nothing was imported"
expect 0 "list after the refused import" -- "$GK" --db "$T/c.db" list --format json
[ "$(cat "$T/out")" = "[]" ] && ok || bad "the refused import wrote something: $(cat "$T/out")"
expect 0 "dry run" -- "$GK" --db "$T/c.db" import --dry-run "$SRC/tests/golden/zhengdong-2023.csv"
has "$T/out" "检查通过: 8 件" "dry run reports"
expect 0 "list after the dry run" -- "$GK" --db "$T/c.db" list --format json
[ "$(cat "$T/out")" = "[]" ] && ok || bad "the dry run wrote something"
expect 0 "import from standard input" -- sh -c "\"$GK\" --db \"$T/d.db\" import - < \"$SRC/tests/golden/zhengdong-2023.csv\""
has "$T/out" "导入 8 件" "import -"
expect 66 "import a missing file" -- "$GK" --db "$db" import "$T/nope.csv"
has "$T/err" "无法读取台账文件" "missing ledger message"
expect 64 "import --encoding wrong" -- "$GK" --db "$db" import --encoding latin1 "$T/bad.csv"

# ---- usage and files that are not ours ----
expect 64 "unknown command" -- "$GK" --db "$db" frobnicate
has "$T/err" "未知的命令" "unknown command message"
expect 64 "unknown option" -- "$GK" --db "$db" report --year 2023 --colour
has "$T/err" "未知的选项 --colour" "unknown option message"
expect 64 "report without a year" -- "$GK" --db "$db" report
expect 64 "report with a bad year" -- "$GK" --db "$db" report --year 20x3
expect 0 "--version" -- "$GK" --version
has "$T/out" "gongkai " "--version"
expect 0 "--help" -- "$GK" --help
for c in import export report check list due calendar office; do has "$T/out" "gongkai $c" "--help lists $c"; done
expect 0 "command --help" -- "$GK" import --help
has "$T/out" "用法: gongkai import" "import --help"
echo "just text" >"$T/text.db"
expect 76 "a text file as database" -- "$GK" --db "$T/text.db" list
has "$T/err" "不是 gongkai 数据库" "not-ours message"
sqlite3 "$T/other.db" "CREATE TABLE t(x);"
expect 76 "another program's database" -- "$GK" --db "$T/other.db" list
has "$T/err" "其他程序" "another program's database message"
expect 66 "check on a missing database" -- "$GK" --db "$T/missing.db" check --year 2023
# a mistyped --db: reading commands refuse (no report of zeros), and create nothing
for args in "report --year 2023" "list" "export" "calendar list" "office"; do
	# shellcheck disable=SC2086
	expect 66 "$args on a missing database" -- "$GK" --db "$T/missing.db" $args
	has "$T/err" "数据库文件 $T/missing.db 不存在" "$args names the missing file"
done
[ ! -e "$T/missing.db" ] && ok || bad "a reading command created the database"
expect 65 "a blank office name" -- "$GK" --db "$T/blank.db" office "  　"
has "$T/err" "机关名称: 不能为空" "blank office name refused"

# ---- one application: add, events, answer, reopen, show ----
e=$T/e.db
expect 0 "add" -- "$GK" --db "$e" add 收到日期=2026-10-09 申请人=张三 申请人类型=自然人 证件号码=410101199001011234
has "$T/out" "已登记 2026-0001" "add prints the case number"
expect 65 "add refuses a bad type" -- "$GK" --db "$e" add 收到日期=2026-10-09 申请人=李四 申请人类型=法人
has "$T/err" "申请人类型: 未知的值「法人」" "add names the field"
expect 64 "add with an unknown column" -- "$GK" --db "$e" add 收件日=2026-10-09
expect 0 "set 补正" -- "$GK" --db "$e" set 2026-0001 补正通知日期=2026-10-29 补正期限=2026-11-10
has "$T/err" "提示: 2026-0001: 补正通知日期: 2026-10-29 晚于收到申请后第7个工作日" "late 补正 notice warned"
expect 0 "set 补正收到" -- "$GK" --db "$e" set 2026-0001 补正收到日期=2026-11-05
grep -qF "补正通知日期" "$T/err" && bad "an old warning repeated" || ok
expect 0 "list after 补正" -- "$GK" --db "$e" list --open --format json
has "$T/out" '"due": "2026-12-03", "workdays_left": 5' "the clock restarts on the corrected application"
expect 65 "an extension after the due date" -- "$GK" --db "$e" set 2026-0001 延期日期=2026-12-04
expect 0 "an extension" -- "$GK" --db "$e" set 2026-0001 延期日期=2026-11-06 延期批准人=王主任
expect 0 "list after the extension" -- "$GK" --db "$e" list --open --format json
has "$T/out" '"due": "2026-12-31"' "extension of 20 working days"
expect 0 "list text after the extension" -- "$GK" --db "$e" list --open
has "$T/out" "已延期" "list says 已延期 as the interface does"
expect 0 "show after the extension" -- "$GK" --db "$e" show 2026-0001
has "$T/out" "状态: 已延期" "show says 已延期"
expect 65 "answer in the future" -- "$GK" --db "$e" set 2026-0001 答复日期=2026-12-20 办理结果=予以公开
has "$T/err" "答复日期: 2026-12-20 晚于今天" "future answer refused"
expect 0 "answer" -- "$GK" --db "$e" set 2026-0001 答复日期=2026-11-20 办理结果=不予公开/4.保护第三方合法权益
expect 64 "reopen without a reason" -- "$GK" --db "$e" set 2026-0001 答复日期= 办理结果=
expect 0 "reopen with a reason" -- "$GK" --db "$e" set 2026-0001 答复日期= 办理结果= --reason 申请人补充材料
expect 0 "show" -- "$GK" --db "$e" show 2026-0001
has "$T/out" "证件号码: 4101**********1234" "show masks the ID number"
grep -qF "410101199001011234" "$T/out" && bad "show printed the ID number" || ok
has "$T/out" "收到补正 2026-11-05：重新起算，到期日 2026-12-03" "show explains the clock"
has "$T/out" "办理结果：不予公开/4.保护第三方合法权益 已清除（理由：申请人补充材料）" "show has the history"
expect 0 "show --with-personal-data" -- "$GK" --db "$e" show 2026-0001 --with-personal-data
has "$T/out" "410101199001011234" "shown on request"
expect 65 "show a missing case" -- "$GK" --db "$e" show 2026-9999

# ---- lock: a locked year cannot change silently; check compares with it ----
expect 0 "answer again" -- "$GK" --db "$e" set 2026-0001 答复日期=2026-11-24 办理结果=予以公开
expect 65 "lock a year not yet ended" -- "$GK" --db "$e" lock --year 2026
has "$T/err" "2026 年度尚未结束（到 2026-12-31），不能定稿" "lock says the year is running"
GONGKAI_TODAY=2027-01-04 expect 0 "lock" -- "$GK" --db "$e" lock --year 2026
GONGKAI_TODAY=2027-01-04 expect 65 "lock twice" -- "$GK" --db "$e" lock --year 2026
expect 65 "a change to a locked year" -- "$GK" --db "$e" set 2026-0001 申请人类型=其他
has "$T/err" "2026 年度报表已定稿锁定" "the lock is named"
expect 0 "a change that leaves the tables" -- "$GK" --db "$e" set 2026-0001 备注=补记
expect 64 "unlock without a reason" -- "$GK" --db "$e" unlock --year 2026
expect 64 "unlock with a blank reason" -- "$GK" --db "$e" unlock --year 2026 --reason " "
expect 0 "unlock" -- "$GK" --db "$e" unlock --year 2026 --reason 更正申请人类型
expect 0 "the change after unlocking" -- "$GK" --db "$e" set 2026-0001 申请人类型=其他
expect 0 "lock 2025" -- "$GK" --db "$e" lock --year 2025
expect 65 "insert into a locked year" -- "$GK" --db "$e" add 收到日期=2025-12-30 申请人=王五 申请人类型=自然人
sqlite3 "$e" "DELETE FROM year_lock WHERE year = 2025; INSERT INTO year_lock VALUES (2025, 'x', 'x', '$(sed 's/"carried_out":                \[0, 0, 0, 0, 0, 0, 0\]/"carried_out": [1, 0, 0, 0, 0, 0, 1]/' "$SRC/tests/golden/zhengdong-2023.json" | sed 's/"year": 2023/"year": 2025/' | tr -d "'")');"
expect 1 "check against a locked year that differs" -- "$GK" --db "$e" check --year 2026
has "$T/out" "上年结转 0 不等于上一年度结转下年度 1" "check names the mismatch"

# ---- check recounts: counts changed behind gongkai's back are found ----
cp "$db" "$T/tampered.db"
sqlite3 "$T/tampered.db" "UPDATE tally_count SET n = n + 1 WHERE year = 2023 AND month = 2 AND row = 'granted' AND type = 'person';"
expect 1 "check finds counts that disagree with the applications" -- "$GK" --db "$T/tampered.db" check --year 2023
has "$T/out" "表三 granted 行第 1 列: 统计计数 6 与逐件重新统计 5 不一致" "check names the cell"

# ---- audit ----
printf '编号,收到日期,申请人,申请人类型,答复日期,办理结果\nA1,2026-03-02,甲,自然人,2026-04-20,予以公开\nA2,2026-03-02,乙,自然人,2026-03-10,予以公开\nA3,2026-01-05,丙,其他,,\n' >"$T/audit.csv"
expect 0 "import for audit" -- "$GK" --db "$T/f.db" import "$T/audit.csv"
expect 0 "audit" -- "$GK" --db "$T/f.db" audit --year 2026 --format json
has "$T/out" '"late": [{"case_no": "A1", "received": "2026-03-02", "due": "2026-03-30", "answered": "2026-04-20", "workdays_late": 14}]' "audit lists the late answer"
has "$T/out" '"workdays": {"median": 20.0, "mean": 20.0, "min": 6, "max": 34}' "audit processing times"
has "$T/out" '"case_no": "A3"' "audit lists the oldest open"
# open on the year's last day though answered since; late by no working day (a weekend answer);
# a Chinese case number longer than the column is printed whole
printf '编号,收到日期,申请人,申请人类型,答复日期,办理结果\nA4,2025-12-10,丁,自然人,2026-01-07,予以公开\nA5,2026-03-06,戊,自然人,2026-04-04,予以公开\n郑东社事〔2026〕12号,2026-03-02,己,自然人,2026-04-21,予以公开\n' >"$T/audit2.csv"
expect 0 "import for audit (2)" -- "$GK" --db "$T/f.db" import "$T/audit2.csv"
expect 0 "audit of the year before" -- "$GK" --db "$T/f.db" audit --year 2025
has "$T/out" "A4           收到 2025-12-10  年末已 15 个工作日，到期 2026-01-08，2026-01-07 答复" "audit: open at the year's end, answered since"
expect 0 "audit text" -- "$GK" --db "$T/f.db" audit --year 2026
has "$T/out" "答复 2026-04-04  逾期（到期后的休息日答复）" "audit: a weekend answer after the due date"
has "$T/out" "郑东社事〔2026〕12号 收到 2026-03-02" "audit: the case number whole"
expect 0 "list with a long case number" -- "$GK" --db "$T/f.db" list --year 2026
has "$T/out" "郑东社事〔2026〕12号 2026-03-02 己" "list: the case number whole, its column as wide"
has "$T/out" "A1                   2026-03-02 甲" "list: the other rows aligned with it"

# ---- backup and restore ----
expect 0 "backup" -- "$GK" --db "$db" backup "$T/backup.db"
perm=$(stat -c %a "$T/backup.db")
[ "$perm" = 600 ] && ok || bad "backup mode $perm, want 600"
expect 0 "report from the backup" -- "$GK" --db "$T/backup.db" report --year 2023 --format json
same "$T/out" "$SRC/tests/golden/zhengdong-2023.json" "the backup holds the same tables"
expect 64 "restore over data without --replace" -- "$GK" --db "$e" restore "$T/backup.db"
expect 66 "restore from a missing backup, over data" -- "$GK" --db "$e" restore "$T/no-such-backup.db"
has "$T/err" "无法读取备份文件 $T/no-such-backup.db：文件或文件夹不存在" "restore names the missing backup"
expect 76 "restore from a file that is not ours" -- "$GK" --db "$T/g.db" restore "$T/text.db"
expect 0 "restore" -- "$GK" --db "$e" restore --replace "$T/backup.db"
expect 0 "report after restore" -- "$GK" --db "$e" report --year 2023 --format json
same "$T/out" "$SRC/tests/golden/zhengdong-2023.json" "restore brings the backup's tables"

echo "cli: $n checks, $fails failed"
[ "$fails" = 0 ]
