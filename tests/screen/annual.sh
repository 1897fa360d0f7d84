#!/usr/bin/env bash
# Screen 3 as the whole annual report: the office's text written in a form (t), shown in its
# section; the checks under the report naming a number that contradicts table 三; a save another
# clerk overtook refused; the Word file exported only as a draft while a check fails, and as the
# report once they hold.
. "$(dirname "$0")/lib.sh"

gk import "$(dirname "$0")/../golden/zhengdong-2023.csv" >/dev/null || fail "import"
gk office 郑州市郑东新区社会事业局 >/dev/null || fail "office"
start 100x32
key 3
wait_for "郑州市郑东新区社会事业局 2023年政府信息公开工作年度报告"
page_until "检查: ✗ 未通过"
expect "一、总体情况：尚未填写"
key Home

# section 一, with a number the table contradicts
key t
wait_for "编写哪一部分"
key Enter
wait_for "2023 年报告 一、总体情况"
key C-u
type "（二）依申请公开"
key C-j
type "本局全年共受理依申请公开申请 9 件，均已办结。"
key F2
wait_for "已保存 2023 年报告的「总体情况」"
wait_for "本局全年共受理依申请公开申请 9 件，均已办结。"
page_until "写 9 件，表三的本年新收申请为 8 件"
widths_ok
key Home

# a save another clerk overtook is refused, and nothing is lost from the database
key t
wait_for "编写哪一部分"
key Down Enter
wait_for "2023 年报告 五、存在的主要问题及改进情况"
printf '（一）存在问题\n另一位工作人员的文字。\n' | gk section --year 2023 问题改进 - >/dev/null || fail "the other clerk's save"
key C-u
type "我的文字。"
key F2
wait_for "已被其他人修改"
key Escape
wait_for "放弃这些修改吗"
key y
wait_gone "2023 年报告 五"
gk section --year 2023 problems | grep -q "另一位工作人员的文字" || fail "the other clerk's text was overwritten"

# the Word file: a draft while a check fails
mkdir "$TMP/out"
key x
wait_for "导出格式"
key Enter                      # 整份年报：Word
wait_for "未通过检查"
key y
wait_for "annual-report-draft-2023.docx"
key C-u
type "$TMP/out/年报草稿.docx"
key Enter
wait_for "已导出 2023 年报告（草稿）到 $TMP/out/年报草稿.docx"
python3 - "$TMP/out/年报草稿.docx" <<'PY' || fail "the draft's Word file"
import sys, zipfile
x = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
assert "2023年政府信息公开工作年度报告（草稿）" in x, "no draft title"
assert x.count("<w:tbl>") == 3, "not three tables"
PY

# written right, with table 二: the report itself
printf '（二）依申请公开\n{概述句}本局依法办理。\n' | gk section --year 2023 总体情况 - >/dev/null || fail "section 一"
printf '（一）存在问题\n公开不够及时。\n' | gk section --year 2023 问题改进 - >/dev/null || fail "section 五"
gk table2 --year 2023 --set rules.made=0 >/dev/null || fail "table 二"
key 2
key 3
page_until "检查: ✓"
key x
wait_for "导出格式"
key Enter
wait_for "annual-report-2023.docx"
key C-u
type "$TMP/out/年报.docx"
key Enter
wait_for "已导出 2023 年报告到 $TMP/out/年报.docx"
[ "$(stat -c %a "$TMP/out/年报.docx")" = 600 ] || fail "the file is not 0600"
quit
