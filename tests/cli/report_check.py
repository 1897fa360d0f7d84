#!/usr/bin/python3
"""report_check.py — the Excel and HTML reports read back by independent readers.

Imports a golden ledger (every outcome, carry-over, reviews and lawsuits, a paid fee) into a
fresh database, enters table 二, names the office with characters HTML must escape, then:

  * reads `report --format xlsx` with openpyxl: every label in its cell, the merged ranges of
    the official layout, numbers stored as numbers and equal to `report --format json`, the
    fee's General format (96171.6, 0) and the text "/", the print setup (A4, one page, centred), 宋体;
  * parses `report --format html` with html.parser: each table's rows add up to the same
    width with rowspan/colspan, every official label is there, the numbers equal the JSON's,
    the office's name is escaped, no script and no outside link;
  * writes a roll-up workbook with report_many (combined sheet first, one per body) and checks
    its sheets.

Run by meson: report_check.py GONGKAI REPORT_MANY LEDGER.csv OTHER.csv
Needs the system python (/usr/bin/python3) with python3-openpyxl.
"""
import html.parser
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

GONGKAI, REPORT_MANY, LEDGER, OTHER = sys.argv[1:5]
OFFICE = '青园区<政务&公开>办公室 "测试"'
YEAR = 2023

T3_KEYS = ["new", "carried_in", "granted", "partial",
           "withheld.secret", "withheld.law", "withheld.security", "withheld.third_party",
           "withheld.internal", "withheld.process", "withheld.enforcement", "withheld.query",
           "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
           "rejected.petition", "rejected.repeat", "rejected.publication", "rejected.excessive",
           "rejected.confirmation", "other.no_correction", "other.no_fee", "other.other",
           "processed_total", "carried_out"]
T3_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
             "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
             "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
             "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
             "7.属于行政执法案卷", "8.属于行政查询事项",
             "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
             "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
             "5.要求行政机关确认或重新出具已获取信息",
             "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
             "3.其他", "（七）总计", "四、结转下年度继续办理"]
GROUPS = [("（三）不予公开", 4, 8), ("（四）无法提供", 12, 3), ("（五）不予处理", 15, 5),
          ("（六）其他处理", 20, 3)]
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS = "三、本年度办理结果"
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
T4_GROUPS = ["review", "suit_direct", "suit_after_review"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]
T4_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T2_LABELS = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
             "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
             "本年收费金额（单位：万元）", "规章", "行政规范性文件", "行政许可", "行政处罚",
             "行政强制", "行政事业性收费"]
TITLES = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
          "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"]

failures = []
passed = 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what)


def run(*args, ok=(0,)):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    p = subprocess.run([GONGKAI, "--db", DB] + list(args), capture_output=True, env=env)
    if p.returncode not in ok:
        sys.exit("gongkai %s: status %d\n%s" % (" ".join(args), p.returncode,
                                                 p.stderr.decode()))
    return p


# ---- the database ----

tmp = tempfile.mkdtemp(prefix="gk-report-")
DB = os.path.join(tmp, "a.db")
run("import", LEDGER)
run("office", OFFICE)
run("table2", "--year", str(YEAR), "--set", "rules.made=3", "--set", "rules.valid=41",
    "--set", "fees.amount=59237.2449", "--set", "licensing.decisions=/",
    "--set", "penalty.decisions=1203")
p = run("table2", "--year", str(YEAR), "--set", "fees.amount=1.23456", ok=(65,))
check("fees.amount" in p.stderr.decode(), "table2: a fee with five decimals is refused")
p = run("table2", "--year", str(YEAR), "--set", "rules.made=-1", ok=(65,))
check("rules.made" in p.stderr.decode(), "table2: a negative count is refused")
p = run("table2", "--year", str(YEAR), "--set", "rules.maid=1", ok=(64,))
check("rules.made" in p.stderr.decode(), "table2: an unknown cell names the cells")
p = run("table2", "--year", str(YEAR + 1))
check("尚未录入" in p.stdout.decode(), "table2: a year not entered says so")
check("59237.2449" in run("table2", "--year", str(YEAR)).stdout.decode(), "table2: shows")
J = json.loads(run("report", "--year", str(YEAR), "--format", "json").stdout)
check(J["table2"]["rules"]["repealed"] == 0 and J["table2"]["licensing"]["decisions"] is None
      and J["table2"]["fees"]["amount"] == "59237.2449", "table2: stored as entered, unset 0")
check(J["checks"]["balanced"] and J["checks"]["carried_in_matches_last_year"], "checks hold")
for key in T3_KEYS[2:23]:
    check(J["table3"][key][6] > 0, "the golden ledger has the outcome " + key)

XLSX = os.path.join(tmp, "r.xlsx")
run("report", "--year", str(YEAR), "--format", "xlsx", "-o", XLSX)
check(os.stat(XLSX).st_mode & 0o777 == 0o600, "the workbook is mode 0600")
check(not [f for f in os.listdir(tmp) if f.startswith(".r.xlsx")], "no temporary file left")
p = run("report", "--year", str(YEAR), "--format", "xlsx", ok=(64,))
check("-o" in p.stderr.decode(), "xlsx without -o is a usage error naming -o")
HTML = os.path.join(tmp, "r.html")
run("report", "--year", str(YEAR), "--format", "html", "-o", HTML)


# ---- the workbook ----

def merged(ws):
    return {str(r) for r in ws.merged_cells.ranges}


def find(ws, text):
    for row in ws.iter_rows():
        for c in row:
            if c.value == text:
                return c.row, c.column
    return None


def letter(col):
    return openpyxl.utils.get_column_letter(col)


def rng(r0, c0, r1, c1):
    return "%s%d:%s%d" % (letter(c0), r0, letter(c1), r1)


def check_table3(ws, j, name):
    at = find(ws, CORNER)
    check(at is not None, name + ": the corner note")
    if at is None:
        return
    top, left = at
    m = merged(ws)
    check(rng(top, left, top + 2, left + 7) in m, name + ": corner note over 3 rows × A:H")
    check(ws.cell(top, left + 8).value == "申请人情况", name + ": 申请人情况")
    check(rng(top, left + 8, top, left + 14) in m, name + ": 申请人情况 over seven columns")
    check(ws.cell(top + 1, left + 8).value == "自然人", name + ": 自然人")
    check(rng(top + 1, left + 8, top + 2, left + 8) in m, name + ": 自然人 over two rows")
    check(ws.cell(top + 1, left + 9).value == "法人或其他组织", name + ": 法人或其他组织")
    check(rng(top + 1, left + 9, top + 1, left + 13) in m, name + ": 法人或其他组织 over five")
    check(ws.cell(top + 1, left + 14).value == "总计", name + ": 总计")
    check(rng(top + 1, left + 14, top + 2, left + 14) in m, name + ": 总计 over two rows")
    for i, label in enumerate(APPLICANTS[1:]):
        check(ws.cell(top + 2, left + 9 + i).value == label, name + ": column " + label)
    first = top + 3
    check(ws.cell(first + 2, left).value == RESULTS, name + ": " + RESULTS)
    check(rng(first + 2, left, first + 23, left) in m, name + ": 办理结果 over its 22 rows")
    for label, row, span in GROUPS:
        check(ws.cell(first + row, left + 1).value == label, name + ": " + label)
        check(rng(first + row, left + 1, first + row + span - 1, left + 2) in m,
              "%s: %s over %d rows" % (name, label, span))
    for i, key in enumerate(T3_KEYS):
        y = first + i
        grouped = any(row <= i < row + span for _, row, span in GROUPS)
        x0 = left + 3 if grouped else left + 1 if 2 <= i <= 23 else left
        check(ws.cell(y, x0).value == T3_LABELS[i], "%s: label of %s" % (name, key))
        check(rng(y, x0, y, left + 7) in m, "%s: label of %s merged to H" % (name, key))
        for c in range(7):
            cell = ws.cell(y, left + 8 + c)
            check(cell.data_type == "n" and cell.value == j["table3"][key][c],
                  "%s: %s[%d] = %r, JSON %r" % (name, key, c, cell.value, j["table3"][key][c]))


def check_table4(ws, j, name):
    at = find(ws, "行政复议")
    check(at is not None, name + ": 行政复议")
    if at is None:
        return
    top, left = at
    m = merged(ws)
    check(rng(top, left, top, left + 4) in m, name + ": 行政复议 over five columns")
    check(ws.cell(top, left + 5).value == "行政诉讼", name + ": 行政诉讼")
    check(rng(top, left + 5, top, left + 14) in m, name + ": 行政诉讼 over ten columns")
    check(ws.cell(top + 1, left + 5).value == "未经复议直接起诉", name + ": 未经复议直接起诉")
    check(ws.cell(top + 1, left + 10).value == "复议后起诉", name + ": 复议后起诉")
    for c, label in enumerate(T4_LABELS):
        check(ws.cell(top + 1, left + c).value == label, name + ": review " + label)
        check(rng(top + 1, left + c, top + 2, left + c) in m, name + ": %s over two rows" % label)
        check(ws.cell(top + 2, left + 5 + c).value == label, name + ": direct " + label)
        check(ws.cell(top + 2, left + 10 + c).value == label, name + ": after review " + label)
    for g, group in enumerate(T4_GROUPS):
        for c, col in enumerate(T4_COLS):
            cell = ws.cell(top + 3, left + g * 5 + c)
            check(cell.data_type == "n" and cell.value == j["table4"][group][col],
                  "%s: table4 %s.%s" % (name, group, col))


def check_table2(ws, j, name):
    for label in T2_LABELS:
        check(find(ws, label) is not None, name + ": table 二 label " + label)
    rules = find(ws, "规章")
    t2 = j["table2"]
    made, repealed, valid = (ws.cell(rules[0], 4 + 4 * i) for i in range(3))
    check(made.value == t2["rules"]["made"] and made.data_type == "n", name + ": rules.made")
    check(valid.value == t2["rules"]["valid"], name + ": rules.valid")
    check(repealed.value == 0, name + ": rules.repealed")
    lic = ws.cell(find(ws, "行政许可")[0], 4)
    check(lic.value == "/" and lic.data_type == "s", name + ": licensing.decisions is text /")
    pen = ws.cell(find(ws, "行政处罚")[0], 4)
    check(pen.value == 1203 and pen.data_type == "n", name + ": penalty.decisions")
    fee = ws.cell(find(ws, "行政事业性收费")[0], 4)
    check(fee.data_type == "n" and fee.number_format == "General" and
          "%.4f" % fee.value == t2["fees"]["amount"], name + ": fees.amount, General format")
    check("D%d:O%d" % (fee.row, fee.row) in merged(ws), name + ": fee cell merged D:O")


def check_sheet(ws, j, name):
    title = ws["A1"].value
    check(title == (j["office"] + " " if j["office"] else "") + "%d年政府信息公开工作年度报告（统计部分）" % j["year"]
          + ("（汇总）" if j.get("parts") else ""), name + ": title " + repr(title))
    for t in TITLES:
        check(find(ws, t) is not None, name + ": heading " + t)
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    fee = "全年未收取政府信息公开信息处理费。" if j["fees_yuan"] == "0.00" else \
        "全年收取政府信息公开信息处理费%s元。" % j["fees_yuan"].replace(".00", "")
    check(fee in texts, name + ": fee sentence " + fee)
    check(any(t.startswith("全年共受理依申请公开信息公开申请 %d 件" % j["table3"]["new"][6])
              for t in texts), name + ": overview sentence")
    check_table3(ws, j, name)
    check_table4(ws, j, name)
    ps = ws.page_setup
    check(str(ps.paperSize) == "9" and ps.orientation == "portrait", name + ": A4 portrait")
    check(ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth in (1, None) and
          ps.fitToHeight in (1, None), name + ": fit to one page")
    check(ws.print_options.horizontalCentered, name + ": centred")
    check(ws["A1"].font.name == "宋体" and ws["I30"].font.name == "宋体", name + ": 宋体")


wb = openpyxl.load_workbook(XLSX)
check(len(wb.sheetnames) == 1, "one sheet")
ws = wb.worksheets[0]
check_sheet(ws, J, "xlsx")
check_table2(ws, J, "xlsx")


# ---- the roll-up workbook ----

db_a = DB
DB = os.path.join(tmp, "b.db")
run("import", OTHER)
run("office", "郑州市郑东新区社会事业局")
JB = json.loads(run("report", "--year", str(YEAR), "--format", "json").stdout)
ja, jb = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
with open(ja, "w") as f:
    json.dump(J, f, ensure_ascii=False)
with open(jb, "w") as f:
    json.dump(JB, f, ensure_ascii=False)
MANY = os.path.join(tmp, "many.xlsx")
subprocess.run([REPORT_MANY, MANY, ja, jb], check=True)
wb = openpyxl.load_workbook(MANY)
check(wb.sheetnames == ["汇总", OFFICE, "郑州市郑东新区社会事业局"],
      "roll-up: the combined sheet, then one per body " + repr(wb.sheetnames))
total = {"year": YEAR, "office": "测试市", "parts": [OFFICE, JB["office"]],
         "fees_yuan": "%.2f" % (float(J["fees_yuan"]) + float(JB["fees_yuan"])),
         "table3": {k: [a + b for a, b in zip(J["table3"][k], JB["table3"][k])] for k in T3_KEYS},
         "table4": {g: {c: J["table4"][g][c] + JB["table4"][g][c] for c in T4_COLS}
                    for g in T4_GROUPS}}
check_sheet(wb.worksheets[0], total, "roll-up sheet")
check_sheet(wb.worksheets[1], J, "body sheet 1")
check_sheet(wb.worksheets[2], JB, "body sheet 2")
texts = [c.value for row in wb.worksheets[0].iter_rows() for c in row if isinstance(c.value, str)]
check("本表为 2 个机关的汇总：%s、郑州市郑东新区社会事业局" % OFFICE in texts, "roll-up lists its bodies")


# ---- the HTML page ----

class Tables(html.parser.HTMLParser):
    """Each table as a grid: grid[row][col] = (tag, text, is the cell's top-left)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cur, self.cell, self.tags, self.attrs_seen = [], None, None, [], []
        self.text = {"title": "", "h1": "", "p": []}
        self.in_tag = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs_seen.extend(k for k, _ in attrs)
        if tag == "table":
            self.cur = {"rows": [], "taken": {}}
            self.tables.append(self.cur)
        elif tag == "tr":
            self.cur["rows"].append([])
        elif tag in ("td", "th"):
            self.cell = [tag, "", int(a.get("rowspan", 1)), int(a.get("colspan", 1))]
        elif tag in ("title", "h1", "p"):
            self.in_tag, self.buf = tag, ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.cur["rows"][-1].append(tuple(self.cell))
            self.cell = None
        elif tag == self.in_tag:
            if tag == "p":
                self.text["p"].append(self.buf)
            else:
                self.text[tag] = self.buf
            self.in_tag = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data
        if self.in_tag:
            self.buf += data

    def handle_decl(self, decl):
        self.decl = decl


def grid(table):
    """Places the cells by rowspan/colspan; returns rows of (tag, text, origin) and widths."""
    out = {}
    for y, row in enumerate(table["rows"]):
        x = 0
        for tag, text, rs, cs in row:
            while (y, x) in out:
                x += 1
            for dy in range(rs):
                for dx in range(cs):
                    check((y + dy, x + dx) not in out, "html: cells overlap at %d,%d" % (y, x))
                    out[(y + dy, x + dx)] = (tag, text.strip(), dy == 0 and dx == 0, rs, cs)
            x += cs
    height = len(table["rows"])
    widths = [len([k for k in out if k[0] == y]) for y in range(height)]
    return out, widths


with open(HTML, encoding="utf-8") as f:
    page = f.read()
check(page.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "html: doctype and lang")
check('<meta charset="utf-8">' in page, "html: charset")
check("<script" not in page.lower() and "http:" not in page and "https:" not in page and
      "<link" not in page, "html: no script, no outside link")
check("&lt;政务&amp;公开&gt;" in page, "html: office escaped")
h = Tables()
h.feed(page)
check(not [a for a in h.attrs_seen if a in ("src", "href") or a.startswith("on")],
      "html: no src/href/event attributes")
check(h.text["title"].startswith(OFFICE) and h.text["h1"].startswith(OFFICE),
      "html: title and h1 carry the office")
check(len(h.tables) == 3, "html: three tables")
g2, w2 = grid(h.tables[0])
g3, w3 = grid(h.tables[1])
g4, w4 = grid(h.tables[2])
check(set(w2) == {4} and len(w2) == 14, "html: table 二 is 14 rows × 4 %r" % w2)
check(set(w3) == {10} and len(w3) == 28, "html: table 三 is 28 rows × 10 %r" % w3)
check(set(w4) == {15} and len(w4) == 4, "html: table 四 is 4 rows × 15 %r" % w4)
cells2 = {v[1] for v in g2.values()}
for label in T2_LABELS:
    check(label in cells2, "html: table 二 label " + label)
check(g3[(0, 0)][1] == CORNER and g3[(0, 0)][3:] == (3, 3), "html: corner note 3×3")
check(g3[(0, 3)][1] == "申请人情况" and g3[(0, 3)][4] == 7, "html: 申请人情况 over seven")
check(g3[(1, 3)][1] == "自然人" and g3[(1, 3)][3] == 2, "html: 自然人 over two rows")
check(g3[(1, 4)][1] == "法人或其他组织" and g3[(1, 4)][4] == 5, "html: 法人或其他组织 over five")
check(g3[(1, 9)][1] == "总计" and g3[(1, 9)][3] == 2, "html: 总计 over two rows")
for i, label in enumerate(APPLICANTS[1:]):
    check(g3[(2, 4 + i)][1] == label, "html: column " + label)
check(g3[(5, 0)][1] == RESULTS and g3[(5, 0)][3] == 22, "html: 办理结果 over 22 rows")
for label, row, span in GROUPS:
    check(g3[(3 + row, 1)][1] == label and g3[(3 + row, 1)][3] == span,
          "html: %s over %d rows" % (label, span))
for i, key in enumerate(T3_KEYS):
    y = 3 + i
    labels = {g3[(y, x)][1] for x in range(3)}
    check(T3_LABELS[i] in labels, "html: label of " + key)
    nums = [g3[(y, 3 + c)] for c in range(7)]
    check(all(n[0] == "td" for n in nums) and [int(n[1]) for n in nums] == J["table3"][key],
          "html: numbers of " + key)
check([g4[(0, 0)][1], g4[(0, 5)][1], g4[(1, 5)][1], g4[(1, 10)][1]] ==
      ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"], "html: table 四 headings")
for c, label in enumerate(T4_LABELS):
    check(g4[(1, c)][1] == label and g4[(1, c)][3] == 2, "html: review " + label)
    check(g4[(2, 5 + c)][1] == label and g4[(2, 10 + c)][1] == label, "html: suits " + label)
check([int(g4[(3, x)][1]) for x in range(15)] ==
      [J["table4"][g][c] for g in T4_GROUPS for c in T4_COLS], "html: table 四 numbers")
rules_row = next(y for (y, x), v in g2.items() if v[1] == "规章")
check([g2[(rules_row, x)][1] for x in (1, 2, 3)] == ["3", "0", "41"], "html: rules row")
fee_row = next(y for (y, x), v in g2.items() if v[1] == "行政事业性收费")
check(g2[(fee_row, 1)][1] == "59237.2449" and g2[(fee_row, 1)][4] == 3, "html: fee cell")
lic_row = next(y for (y, x), v in g2.items() if v[1] == "行政许可")
check(g2[(lic_row, 1)][1] == "/", "html: / cell")
check("全年收取政府信息公开信息处理费100元。" in h.text["p"], "html: fee sentence")
check(any(p.startswith("全年共受理依申请公开信息公开申请 23 件") for p in h.text["p"]),
      "html: overview sentence")
check(any("gongkai" in p for p in h.text["p"]), "html: generation note")
check("@media print" in page and "size:A4" in page, "html: print style for A4")

print("%d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
