#!/usr/bin/env bash
# annual.sh — cli-annual: the whole annual report: the office's text (section), the seed office's
# 2023 report reproduced section for section from its ledger and its text, the checks of the text
# against the tables, drafts, and the Word file's tables.
#
#   annual.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"
G=$SRC/tests/golden

seed_db
# ---- before the office has written anything ----
expect 1 "check: nothing written" -- "$GK" --db "$db" check --year 2023
has "$T/out" "一、总体情况：尚未填写" "an empty section 一 is named"
has "$T/out" "五、存在的主要问题及改进情况：尚未填写" "an empty section 五 is named"
has "$T/out" "二、主动公开政府信息情况：表二尚未录入" "table 二 not entered is named"
lacks "$T/out" "六、其他需要报告的事项：尚未填写" "section 六 may hold the fee sentence alone"
expect 1 "the whole report is refused while a check fails" -- "$GK" --db "$db" report --year 2023 --whole -o "$T/refused.txt"
[ ! -e "$T/refused.txt" ] && ok || bad "a refused report left a file"
has "$T/err" "--draft" "the refusal says how to export a draft"
expect 0 "a draft" -- "$GK" --db "$db" report --year 2023 --whole --draft
head -1 "$T/out" | grep -q "郑州市郑东新区社会事业局 2023年政府信息公开工作年度报告（草稿）$" && ok || bad "the draft's title: $(head -1 "$T/out")"
expect 0 "section: the headings to start from" -- "$GK" --db "$db" section --year 2023 总体情况
has "$T/out" "（二）依申请公开" "the skeleton has 30号's subsections"
has "$T/out" "{概述句}" "the skeleton carries the overview sentence as a field"
has "$T/err" "尚未填写" "the skeleton is said to be one"

# ---- refused input ----
printf '（二）依申请公开\n共收到 {收到件数} 件。\n' >"$T/bad-field.txt"
expect 65 "an unknown field" -- "$GK" --db "$db" section --year 2023 overview "$T/bad-field.txt"
has "$T/err" "第 2 行: 未知的字段 {收到件数}" "the line and the field are named"
printf '\xff\xfe\n' >"$T/binary.txt"
expect 65 "not UTF-8" -- "$GK" --db "$db" section --year 2023 overview "$T/binary.txt"
has "$T/err" "不是 UTF-8" "the encoding is named"
expect 64 "an unknown section" -- "$GK" --db "$db" section --year 2023 总结
has "$T/err" "总体情况（overview）" "the sections are listed"
expect 66 "a missing file" -- "$GK" --db "$db" section --year 2023 overview "$T/missing.txt"
expect 64 "xlsx is not a form of the whole report" -- "$GK" --db "$db" report --year 2023 --whole --format xlsx -o "$T/x.xlsx"
expect 64 "a Word file needs -o" -- "$GK" --db "$db" report --year 2023 --whole --draft --format docx
expect 64 "--draft without --whole" -- "$GK" --db "$db" report --year 2023 --draft

# ---- the seed office's 2023 report: its text, its ledger, table 二 all 0 ----
expect 0 "load section 一" -- "$GK" --db "$db" section --year 2023 总体情况 "$G/zhengdong-2023-overview.txt"
has "$T/out" "已保存 2023 年报告的「总体情况」" "the save is said"
expect 0 "load section 五 from standard input" -- sh -c '"$1" --db "$2" section --year 2023 problems - <"$3"' sh "$GK" "$db" "$G/zhengdong-2023-problems.txt"
expect 0 "section prints what was saved" -- "$GK" --db "$db" section --year 2023 overview
same "$T/out" "$G/zhengdong-2023-overview.txt" "the text comes back as loaded"
expect 0 "table 二" -- "$GK" --db "$db" table2 --year 2023 --set rules.made=0
expect 0 "check passes" -- "$GK" --db "$db" check --year 2023
has "$T/out" "报告文字与报表一致" "check says the text agrees"

expect 0 "the whole report as text" -- "$GK" --db "$db" report --year 2023 --whole
head -1 "$T/out" | sed 's/^ *//' | grep -qx "郑州市郑东新区社会事业局 2023年政府信息公开工作年度报告" && ok || bad "title: $(head -1 "$T/out")"
grep -nE '^(一|二|三|四|五|六)、' "$T/out" | cut -d: -f2 >"$T/headings"
printf '%s\n' 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项 >"$T/want-headings"
same "$T/headings" "$T/want-headings" "text: the six headings in order"
grep -A1 -x "六、其他需要报告的事项" "$T/out" | tail -1 | grep -q "全年未收取政府信息公开信息处理费。" && ok || bad "text: section 六 begins with the fee sentence"

expect 0 "the whole report as HTML" -- "$GK" --db "$db" report --year 2023 --whole --format html -o "$T/whole.html"
expect 0 "the whole report as Word" -- "$GK" --db "$db" report --year 2023 --whole --format docx -o "$T/whole.docx"
python3 - "$T/whole.html" "$T/whole.docx" "$G/zhengdong-2023-overview.txt" "$G/zhengdong-2023-problems.txt" <<'EOF' && ok || bad "HTML and Word: the seed's report section for section"
import html.parser, re, sys, zipfile
page, docx, overview, problems = sys.argv[1:5]
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
TITLE = "郑州市郑东新区社会事业局 2023年政府信息公开工作年度报告"

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.items = []; self.tag = None
    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3", "p"): self.tag = tag; self.items.append([tag, ""])
    def handle_endtag(self, tag):
        self.tag = None
    def handle_data(self, data):
        if self.tag: self.items[-1][1] += data

def expect(cond, what):
    if not cond:
        print("FAIL:", what, file=sys.stderr); sys.exit(1)

p = Page(); p.feed(open(page, encoding="utf-8").read())
expect(p.items[0] == ["h1", TITLE], f"html title {p.items[0]}")
expect([t for k, t in p.items if k == "h2"] == HEADINGS, "html: six headings in order")
# section for section: each section's paragraphs are the office's lines, in order
def section(items, heading, nxt):
    i = [t for k, t in items].index(heading)
    j = [t for k, t in items].index(nxt)
    return [t for k, t in items[i + 1:j] if k in ("p", "h3")]
for fixture, heading, nxt in ((overview, HEADINGS[0], HEADINGS[1]), (problems, HEADINGS[4], HEADINGS[5])):
    want = [l.strip() for l in open(fixture, encoding="utf-8") if l.strip()]
    got = section(p.items, heading, nxt)
    expect(got == want, f"html {heading}: {got[:2]} … != {want[:2]} …")

x = zipfile.ZipFile(docx).read("word/document.xml").decode()
paras = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m)) for m in re.findall(r"<w:p[ >].*?</w:p>", x, re.S)]
expect(paras[0] == TITLE, f"docx title {paras[0]!r}")
expect([t for t in paras if t in HEADINGS] == HEADINGS, "docx: six headings in order")
expect(x.count("<w:tbl>") == 3, f"docx: three tables, {x.count('<w:tbl>')}")
tables = re.findall(r"<w:tbl>.*?</w:tbl>", x, re.S)
t3 = tables[1]
# table 三: 申请人情况 over seven columns, 法人或其他组织 over five, 三、本年度办理结果 down 22 rows
expect(re.search(r'<w:gridSpan w:val="7"/>.*?申请人情况', t3, re.S) is not None, "docx 表三: 申请人情况 spans 7")
expect(re.search(r'<w:gridSpan w:val="5"/>.*?法人或其他组织', t3, re.S) is not None, "docx 表三: 法人或其他组织 spans 5")
expect(t3.count('<w:vMerge w:val="restart"/>') >= 8, "docx 表三: cells merged down")
rows = re.findall(r"<w:tr[ >].*?</w:tr>", t3, re.S)
expect(len(rows) == 3 + 25, f"docx 表三: {len(rows)} rows")
expect(re.search(r'<w:gridSpan w:val="10"/>.*?行政诉讼', tables[2], re.S) is not None, "docx 表四: 行政诉讼 spans 10")
for want in ("全年共受理依申请公开信息公开申请 8 件，办结 8 件。", "全年未收取政府信息公开信息处理费。"):
    expect(any(want in t for t in paras), f"docx has {want}")
EOF

# ---- the text against the tables ----
sed 's/申请 8 件，办结 8 件/申请 9 件，办结 8 件/' "$G/zhengdong-2023-overview.txt" >"$T/nine.txt"
expect 0 "a text saying 9" -- "$GK" --db "$db" section --year 2023 总体情况 "$T/nine.txt"
expect 1 "check finds 9 where the table says 8" -- "$GK" --db "$db" check --year 2023
has "$T/out" "一、总体情况：「全年共受理依申请公开信息公开申请 9 件，办结 8 件。」写 9 件，表三的本年新收申请为 8 件" "the section and sentence are named"
lacks "$T/out" "办理结果总计" "the right number in the same sentence is not a problem"
printf '（二）依申请公开\n全年共受理申请八件，办结八件，其中予以公开 5 件。\n' >"$T/words.txt"
expect 0 "numbers in words" -- "$GK" --db "$db" section --year 2023 总体情况 "$T/words.txt"
expect 0 "八件 is 8, 其中予以公开 5 件 is not a total" -- "$GK" --db "$db" check --year 2023
printf '（二）依申请公开\n本局依法办理依申请公开。{概述句}\n' >"$T/fields.txt"
expect 0 "the overview as a field" -- "$GK" --db "$db" section --year 2023 总体情况 "$T/fields.txt"
expect 0 "a field is always right" -- "$GK" --db "$db" check --year 2023
expect 0 "the field in the report" -- "$GK" --db "$db" report --year 2023 --whole
has "$T/out" "全年共受理依申请公开信息公开申请 8 件，办结 8 件。" "the field is written as the sentence"
lacks "$T/out" "{概述句}" "no field is left in braces"
printf '此外，本年收取政府信息公开信息处理费 300 元。\n' >"$T/fee.txt"
expect 0 "a fee in section 六" -- "$GK" --db "$db" section --year 2023 其他事项 "$T/fee.txt"
expect 1 "check finds a fee that was not charged" -- "$GK" --db "$db" check --year 2023
has "$T/out" "六、其他需要报告的事项：「此外，本年收取政府信息公开信息处理费 300 元。」写的金额与本年收取的信息处理费 0 元不符" "the fee sentence is named"
expect 0 "section 六 emptied" -- sh -c 'printf "" | "$1" --db "$2" section --year 2023 其他事项 -' sh "$GK" "$db"
expect 0 "an empty text removes the section" -- "$GK" --db "$db" check --year 2023
printf '（二）依申请公开\n{概述句}\n' >"$T/only-field.txt"
expect 0 "a section of headings and fields" -- "$GK" --db "$db" section --year 2023 总体情况 "$T/only-field.txt"
expect 1 "is a section not written" -- "$GK" --db "$db" check --year 2023
has "$T/out" "一、总体情况：尚未填写" "headings and fields alone are not the office's text"
expect 0 "section 一 again" -- "$GK" --db "$db" section --year 2023 总体情况 "$T/fields.txt"

# ---- a new year from the last ----
expect 0 "2024 from 2023" -- "$GK" --db "$db" section --year 2024 --from 2023
has "$T/out" "已将 2023 年报告的「总体情况」复制到 2024 年" "what was copied is said"
expect 0 "copy again: nothing overwritten" -- "$GK" --db "$db" section --year 2024 --from 2023
has "$T/out" "2024 年报告的「总体情况」已有文字，未覆盖" "a written section is kept"
expect 1 "check 2024: copied text" -- "$GK" --db "$db" check --year 2024
has "$T/out" "五、存在的主要问题及改进情况：与 2023 年报告的文字相同（内容雷同）" "a copied section is named"

# ---- a locked year's text is kept as published ----
GONGKAI_TODAY=2024-01-10 expect 0 "lock 2023" -- "$GK" --db "$db" lock --year 2023
expect 65 "the text of a locked year" -- "$GK" --db "$db" section --year 2023 总体情况 "$G/zhengdong-2023-overview.txt"
has "$T/err" "不能修改报告文字" "the lock is named"
finish
