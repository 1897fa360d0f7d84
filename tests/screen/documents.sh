# The written documents in the interface: after a 补正 is recorded the notice is offered; what
# the case lacks (the items to correct) is asked for in a form; the document is previewed with
# its number; d on the list opens the case's documents, issued and due; a document is written
# to a Word file; a document the office's settings cannot yet give says what to set; voiding
# keeps the number.
. "$(dirname "$0")/lib.sh"

gk office --set 名称=郑州市郑东新区社会事业局 --set 文号代字=郑东社公开 --set 联系人=王某 \
	>/dev/null || fail "office"
gk add 收到日期=2023-12-18 申请人=文书甲 申请人类型=自然人 渠道=当面 \
	申请内容=本区2023年学校建设项目的立项批复 >/dev/null || fail "add"
start 80x24
wait_line "^>2023-0001 +2023-12-18 +文书甲"

# 补正 recorded: the notice offered, the items asked for, then issued and shown
key b
wait_for "补正 2023-0001（第三十条）"
key Tab
type "2023-12-29"
key F2
wait_for "现在出具补正告知书吗"
key y
wait_for "出具补正告知书：请先填写申请 2023-0001 缺少的内容"
wait_for "补正事项"
key F2
wait_for "出具文书需要填写这一项"
type "请写明所需批复的文号或项目名称"
key F2
wait_for "补正告知书 郑东社公开〔2023〕1号"
wait_for "政府信息公开申请补正告知书"
wait_for "请写明所需批复的文号或项目名称"
page_until "2023年12月29日"
key Escape
wait_line "^>2023-0001 .*待补正"

# the case's documents: issued, and what its state calls for
key d
wait_for "申请 2023-0001  文书甲 的文书"
wait_line "^> *（待出具） +登记回执"
wait_for "郑东社公开〔2023〕1号"
key End
wait_line "^>郑东社公开〔2023〕1号 +2023-12-20 +补正告知书"
key w
wait_for "文件名"
key C-u
type "$TMP/补正.docx"
key Enter
wait_for "已把补正告知书 郑东社公开〔2023〕1号 存为 $TMP/补正.docx"
[ -s "$TMP/补正.docx" ] || fail "no Word file written"
[ "$(stat -c %a "$TMP/补正.docx")" = 600 ] || fail "the Word file is not private"
/usr/bin/python3 -c "
import zipfile, sys
t = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
sys.exit('郑东社公开〔2023〕1号' not in t or '请写明所需批复的文号或项目名称' not in t)" \
	"$TMP/补正.docx" || fail "the Word file does not hold the document"

# voided: the number stays taken
key v
wait_for "作废补正告知书 郑东社公开〔2023〕1号 的理由"
type "期限写错"
key Enter
wait_for "已作废 郑东社公开〔2023〕1号"
wait_for "已作废：期限写错"
wait_line "^>?（待出具） +补正告知书"

# the receipt: issued from the list of documents, after asking
key Home
wait_line "^> *（待出具） +登记回执"
key Enter
wait_for "出具登记回执吗"
key y
wait_for "登记回执 郑东社公开〔2023〕2号"
key Escape
wait_for "郑东社公开〔2023〕2号"
key Escape
wait_line "^>2023-0001"

# an answer cannot be issued before the office sets its reconsideration body: said, with how
key a
wait_for "答复申请 2023-0001"
key Enter
wait_for "选择办理结果（表三）"
key Enter
wait_for " 予以公开"
key F2
wait_for "现在出具答复书吗"
key y
wait_for "这份文书还不能出具"
wait_for "缺少机关设置「复议机关」"
key Escape
wait_for "已答复 2023-0001"
gk doc 2023-0001 --list >"$TMP/list" || fail "doc --list"
grep -q "郑东社公开〔2023〕3号" "$TMP/list" && fail "a document that could not be issued took a number"
grep -q "  答复书（answer）" "$TMP/list" || fail "the answer is not listed as due"
quit
