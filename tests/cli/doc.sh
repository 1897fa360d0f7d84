#!/usr/bin/env bash
# doc.sh — cli-doc: the written documents from the command line. For every row of table 三 an
# answer as a Word file that opens (a zip whose XML parts parse), on A4 with the GB/T 9704
# margins, holding the case's facts, its articles and the remedy sentence, numbered in the
# office's sequence; the procedural notices; a fact missing named, never printed blank; printing
# again identical; voiding keeps the number; the office's own wording in the next document and
# not in a reprint of an older one.
#
#   doc.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

d=$T/doc.db
setup "$GK" --db "$d" office --set 名称=郑州市郑东新区社会事业局 --set 文号代字=郑东社公开 \
	--set 复议机关=郑州市郑东新区管理委员会 --set 法院=郑州铁路运输法院 --set 联系人=王某 \
	--set 电话=0371-66668888

# docx FILE TEXT...: the file is a zip whose every XML part parses, A4 with the margins of
# GB/T 9704, and its document holds each TEXT
docx() {
	local f=$1
	shift
	if /usr/bin/python3 - "$f" "$@" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
path, wants = sys.argv[1], sys.argv[2:]
z = zipfile.ZipFile(path)
assert z.testzip() is None
for name in z.namelist():
    if name.endswith(".xml") or name.endswith(".rels"):
        ET.fromstring(z.read(name))
doc = z.read("word/document.xml").decode()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
root = ET.fromstring(doc)
sz = root.find(f".//{W}pgSz"); mar = root.find(f".//{W}pgMar")
assert (sz.get(W + "w"), sz.get(W + "h")) == ("11906", "16838"), "not A4"
assert (mar.get(W + "top"), mar.get(W + "left"), mar.get(W + "right"), mar.get(W + "bottom")) == \
    ("2098", "1587", "1474", "1984"), "not the GB/T 9704 margins"
text = "".join(t.text or "" for t in root.iter(W + "t"))
missing = [w for w in wants if w not in text]
assert not missing, "missing: " + ", ".join(missing)
PY
	then ok; else bad "$f: not a good document"; fi
}

# flat: the text output without its line breaks (a document is wrapped at 80 columns)
flat() { tr -d '\n' <"$T/out" >"$T/flat"; }

# ---- the procedural notices ----
setup "$GK" --db "$d" add 收到日期=2025-09-01 申请人=张三 申请人类型=自然人 渠道=平信 \
	申请内容=2024年本区学校建设项目的立项批复文件 到达日期=2025-08-28
expect 0 "receipt" -- "$GK" --db "$d" doc 2025-0001 登记回执
has "$T/err" "已出具 登记回执 郑东社公开〔2025〕1号" "the number on standard error"
flat
has "$T/flat" "2025年9月1日（以平常信函等无需签收的方式提交的，以本机关与您确认之日为收到申请之日）" "第三十一条 for an ordinary letter"
has "$T/flat" "即2025年9月28日前作出答复" "the due date (a make-up working Sunday counted)"
cp "$T/out" "$T/receipt.txt"
expect 0 "receipt printed again" -- "$GK" --db "$d" doc 2025-0001 receipt
same "$T/out" "$T/receipt.txt" "a reprint is what was issued"
has "$T/err" "重印 郑东社公开〔2025〕1号" "a reprint says so"

expect 65 "a 补正 notice before any 补正" -- "$GK" --db "$d" doc 2025-0001 correction
has "$T/err" "尚未登记补正通知" "the step not yet recorded"
setup "$GK" --db "$d" set 2025-0001 补正通知日期=2025-09-03 补正期限=2025-09-17
expect 65 "a 补正 notice without what to correct" -- "$GK" --db "$d" doc 2025-0001 correction
has "$T/err" "补正告知书缺少 补正事项" "the missing fact named"
has "$T/err" "gongkai set 2025-0001 补正事项=" "and where to give it"
expect 0 "nothing issued: the list" -- "$GK" --db "$d" doc 2025-0001 --list
lacks "$T/out" "郑东社公开〔2025〕2号" "a refused document takes no number"
has "$T/out" "  补正告知书（correction）" "the 补正 notice is due"
setup "$GK" --db "$d" set 2025-0001 "补正事项=请写明所需文件的名称或文号。"
expect 0 "the 补正 notice as a Word file" -- "$GK" --db "$d" doc 2025-0001 补正告知书 -o "$T/corr.docx"
docx "$T/corr.docx" "郑东社公开〔2025〕2号" "请写明所需文件的名称或文号。" "2025年9月17日" \
	"第三十条" "视为放弃申请" "2025年9月3日"
[ "$(stat -c %a "$T/corr.docx")" = 600 ] && ok || bad "document file not 0600"
expect 0 "the same, printed again" -- "$GK" --db "$d" doc 2025-0001 correction -o "$T/corr2.docx"
same "$T/corr2.docx" "$T/corr.docx" "a Word file printed again is the same file"
expect 64 "docx to standard output" -- "$GK" --db "$d" doc 2025-0001 correction --format docx
expect 64 "an unknown kind" -- "$GK" --db "$d" doc 2025-0001 通知书
has "$T/err" "补正告知书（correction）" "the kinds there are"

setup "$GK" --db "$d" set 2025-0001 补正收到日期=2025-09-05 延期日期=2025-09-25 延期工作日=10 \
	延期批准人=李科长 "延期理由=所需文件需从档案馆调取"
expect 0 "extension" -- "$GK" --db "$d" doc 2025-0001 延期答复告知书
flat
has "$T/flat" "因所需文件需从档案馆调取" "the reason"
has "$T/flat" "延长10个工作日" "the days"
has "$T/flat" "第三十三条第二款" "the article"

# ---- numbers: voided keeps its number ----
expect 0 "the list" -- "$GK" --db "$d" doc 2025-0001 --list
has "$T/out" "郑东社公开〔2025〕3号  2025-09-25  延期答复告知书" "issued, one a line"
expect 64 "void without a reason" -- "$GK" --db "$d" doc 2025-0001 extension --void
expect 0 "void" -- "$GK" --db "$d" doc 2025-0001 extension --void --reason 日期有误
has "$T/err" "已作废 郑东社公开〔2025〕3号" "voided"
expect 0 "issued again" -- "$GK" --db "$d" doc 2025-0001 extension
has "$T/err" "郑东社公开〔2025〕4号" "a voided number is not reused"
expect 0 "the list" -- "$GK" --db "$d" doc 2025-0001 --list
has "$T/out" "郑东社公开〔2025〕3号  2025-09-25  延期答复告知书（已作废：日期有误）" "the voided one listed"
expect 0 "show" -- "$GK" --db "$d" show 2025-0001
has "$T/out" "文书：延期答复告知书 郑东社公开〔2025〕4号" "the history names the documents"
has "$T/out" "文书作废：延期答复告知书 郑东社公开〔2025〕3号（理由：日期有误）" "and the one voided"

# ---- an answer for every row of table 三 ----
rows="granted partial withheld.secret withheld.law withheld.security withheld.third_party
withheld.internal withheld.process withheld.enforcement withheld.query unavailable.not_held
unavailable.needs_creation unavailable.unclear rejected.petition rejected.repeat
rejected.publication rejected.excessive rejected.confirmation other.no_correction other.no_fee
other.other"
declare -A article=(
	[granted]="第三十六条第（二）项" [partial]="第三十七条"
	[withheld.secret]="第十四条、第三十六条第（三）项" [withheld.law]="第十四条、第三十六条第（三）项"
	[withheld.security]="第十四条、第三十六条第（三）项"
	[withheld.third_party]="第十五条、第三十二条、第三十六条第（三）项"
	[withheld.internal]="第十六条、第三十六条第（三）项" [withheld.process]="第十六条、第三十六条第（三）项"
	[withheld.enforcement]="第十六条、第三十六条第（三）项" [withheld.query]="第三十六条第（七）项"
	[unavailable.not_held]="第三十六条第（四）项" [unavailable.needs_creation]="第三十八条"
	[unavailable.unclear]="第三十条" [rejected.petition]="第三十九条第一款"
	[rejected.repeat]="第三十六条第（六）项" [rejected.publication]="第三十九条第二款"
	[rejected.excessive]="第三十五条" [rejected.confirmation]="第三十九条、第三十六条"
	[other.no_correction]="第三十条" [other.no_fee]="国办函〔2020〕109号"
	[other.other]="本机关依法作出的说明。")
i=1
serial=5
for row in $rows; do
	i=$((i + 1))
	case_no=2025-$(printf %04d "$i")
	extra=()
	case $row in
	unavailable.unclear) extra=(补正通知日期=2025-09-03 补正期限=2025-09-10 补正收到日期=2025-09-08) ;;
	other.no_correction) extra=(补正通知日期=2025-09-03 补正期限=2025-09-10) ;;
	other.no_fee) extra=(收费通知日期=2025-09-03 信息处理费=100.00 计费方式=按件 计费数量=11) ;;
	rejected.repeat) extra=(前次申请编号=2025-0002) ;;
	esac
	setup "$GK" --db "$d" add 收到日期=2025-09-01 申请人=李四 申请人类型=法律服务机构 \
		申请内容=某项目的环评批复 "${extra[@]}"
	setup "$GK" --db "$d" set "$case_no" 答复日期=2025-10-20 办理结果="$row" \
		答复理由=本机关依法作出的说明。
	expect 0 "the answer of $row" -- "$GK" --db "$d" doc "$case_no" 答复书 -o "$T/$row.docx"
	has "$T/err" "郑东社公开〔2025〕${serial}号" "$row: the next number"
	want=("${article[$row]}" "$case_no" "李四" "某项目的环评批复" "2025年10月20日" "郑州市郑东新区管理委员会")
	case $row in
	withheld.*) want+=("应当先申请行政复议") ;;
	*) want+=("六个月内向郑州铁路运输法院提起行政诉讼") ;;
	esac
	[ "$row" = rejected.repeat ] && want+=("郑东社公开〔2025〕5号")
	docx "$T/$row.docx" "${want[@]}"
	serial=$((serial + 1))
done
# a refusal offers no direct lawsuit
/usr/bin/python3 -c "
import zipfile, sys
t = zipfile.ZipFile('$T/withheld.secret.docx').read('word/document.xml').decode()
sys.exit('六个月' in t)" && ok || bad "a refusal offers a direct lawsuit"

# the answer without the office's reconsideration body
d2=$T/bare.db
setup "$GK" --db "$d2" office --set 名称=某局 --set 文号代字=某公开
setup "$GK" --db "$d2" add 收到日期=2025-09-01 申请人=王五 申请人类型=自然人 申请内容=某文件 \
	答复日期=2025-09-20 办理结果=予以公开
expect 65 "an answer without the reconsideration body" -- "$GK" --db "$d2" doc 2025-0001 answer
has "$T/err" "缺少机关设置「复议机关」" "the setting named"
has "$T/err" "gongkai office --set 复议机关=" "and how to set it"

# ---- the office's own wording ----
expect 0 "template list" -- "$GK" --db "$d" template list
has "$T/out" "answer.withheld.secret" "every template listed"
has "$T/out" "程序默认" "the program's wording in use"
expect 0 "template show" -- "$GK" --db "$d" template show 补正告知书
has "$T/out" "# 必须保留的字段：{补正事项}{补正期限}" "what must stay"
has "$T/out" "【标题】政府信息公开申请补正告知书" "the wording"
grep -v '^#' "$T/out" | sed 's/请您于/本机关特别提示，请您于/' >"$T/mine.txt"
cp "$T/mine.txt" "$T/broken.txt"
printf '附：{补正事项说明}\n' >>"$T/broken.txt"
expect 65 "a template naming an unknown field" -- "$GK" --db "$d" template load correction "$T/broken.txt"
has "$T/err" "未知的字段 {补正事项说明}" "the field named"
has "$T/err" "行:" "with its line"
grep -v '{补正期限}' "$T/mine.txt" >"$T/nolimit.txt"
expect 65 "a 补正 template without its limit" -- "$GK" --db "$d" template load 补正告知书 "$T/nolimit.txt"
has "$T/err" "{补正期限}" "the field it must keep"
grep -v '{救济途径}' <("$GK" --db "$d" template show answer.granted) >"$T/noremedy.txt"
expect 65 "an answer without its remedy" -- "$GK" --db "$d" template load answer.granted "$T/noremedy.txt"
has "$T/err" "{救济途径}" "an answer keeps its remedy"
expect 0 "the office's wording" -- "$GK" --db "$d" template load 补正告知书 "$T/mine.txt"
has "$T/out" "第 1 版" "a version"
setup "$GK" --db "$d" set 2025-0003 补正通知日期=2025-09-03 补正期限=2025-09-17 补正事项=请写明年份。
expect 0 "the next document" -- "$GK" --db "$d" doc 2025-0003 correction
flat
has "$T/flat" "本机关特别提示" "the new wording in the next document"
expect 0 "an older one printed again" -- "$GK" --db "$d" doc 2025-0001 correction
flat
lacks "$T/flat" "本机关特别提示" "an older document keeps its words"
expect 0 "template list after" -- "$GK" --db "$d" template list
has "$T/out" "本机关第 1 版" "the version in use"

finish
