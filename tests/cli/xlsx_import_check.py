#!/usr/bin/python3
"""xlsx_import_check.py — an .xlsx ledger imports exactly as its CSV twin, and bad ones fail.

Builds two .xlsx twins of a CSV ledger: one written by openpyxl (inline strings, real date
cells), one written here part by part as Excel writes them (shared strings with rich-text and
phonetic runs, dates as serials under a built-in and a custom 年月日 format, the fee as a
number, empty cells left out, cells without a reference, a blank row, a header in bold).
Imports the CSV and both twins into fresh databases: their `report --format json` for three
years and their `export` must be identical. Then bad workbooks: not a zip, a zip without a
workbook, a damaged archive, a bad date, a missing required column, a value past the header,
formulas without a computed result, each status 65 with the right message and nothing
written.

Run by meson: xlsx_import_check.py GONGKAI LEDGER.csv
"""
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import openpyxl

GONGKAI, LEDGER = sys.argv[1:3]
DATE_COLUMNS = {"收到日期", "补正通知日期", "补正收到日期", "征求意见开始", "征求意见结束", "延期日期",
                "收费通知日期", "答复日期", "缴费日期", "复议申请日期", "复议决定日期", "起诉日期", "判决日期"}
EPOCH = datetime.date(1899, 12, 30)
tmp = tempfile.mkdtemp(prefix="gk-xlsx-")
failures = []
passed = 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what)


def gongkai(db, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    return subprocess.run([GONGKAI, "--db", db] + list(args), capture_output=True, env=env)


with open(LEDGER, encoding="utf-8-sig", newline="") as f:
    ROWS = list(csv.reader(f))
HEADER = ROWS[0]


def as_date(text):
    """The date a YYYY-MM-DD text names, or None (then it is written as text)."""
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 and text[4] == "-" else None
    except ValueError:
        return None


# ---- the twin written by openpyxl ----

def openpyxl_twin(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(HEADER)
    for row in ROWS[1:]:
        out = []
        for name, text in zip(HEADER, row):
            if name in DATE_COLUMNS and as_date(text):
                out.append(as_date(text))
            elif name == "信息处理费" and text:
                out.append(float(text))
            else:
                out.append(text if text else None)
        ws.append(out)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"   # a text, not a formula
    wb.create_sheet("说明").append(["这张表不是台账"])
    wb.save(path)


# ---- the twin written part by part ----

def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Strings:
    def __init__(self):
        self.items, self.index = [], {}

    def add(self, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def xml(self):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'count="%d" uniqueCount="%d">' % (len(self.items), len(self.items))]
        for i, s in enumerate(self.items):
            if i % 3 == 1 and len(s) > 1:   # rich text: two runs, the first bold
                half = len(s) // 2
                out.append('<si><r><rPr><b/><sz val="11"/></rPr><t>%s</t></r><r><t xml:space='
                           '"preserve">%s</t></r></si>' % (escape(s[:half]), escape(s[half:])))
            elif i % 5 == 2:                 # a phonetic run, which is not part of the text
                out.append('<si><t>%s</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh>'
                           '<phoneticPr fontId="1"/></si>' % escape(s))
            else:
                out.append("<si><t>%s</t></si>" % escape(s))
        out.append("</sst>")
        return "".join(out)


def cell_xml(ref, name, text, strings, k, follows):
    """One <c> for the text of column `name`; `k` varies how cells are written. A cell that
    follows the one before it (`follows`) may leave out its reference."""
    attr_r = "" if follows and k % 7 == 3 else ' r="%s"' % ref
    d = as_date(text) if name in DATE_COLUMNS else None
    if d:
        style = 1 if k % 2 else 2
        return '<c%s s="%d"><v>%d</v></c>' % (attr_r, style, (d - EPOCH).days)
    if name == "信息处理费":
        return '<c%s s="3"><v>%r</v></c>' % (attr_r, float(text))
    if k % 11 == 5:
        return '<c%s t="inlineStr"><is><t>%s</t></is></c>' % (attr_r, escape(text))
    return '<c%s t="s"><v>%d</v></c>' % (attr_r, strings.add(text))


def sheet_xml(rows, strings, blank_after=3):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           '<dimension ref="A1:AC40"/><sheetData>']
    y = 0
    for i, row in enumerate(rows):
        y += 1
        if i == blank_after:   # a formatted row with no value
            out.append('<row r="%d" ht="20" customHeight="1"><c r="A%d" s="4"/></row>' % (y, y))
            y += 1
        cells, written = [], -1
        for x, (name, text) in enumerate(zip(HEADER, row)):
            if i == 0:
                cells.append('<c r="%s%d" s="4" t="s"><v>%d</v></c>' % (
                    col_letter(x), y, strings.add(text)))
            elif text:
                cells.append(cell_xml("%s%d" % (col_letter(x), y), name, text, strings, i + x,
                                      written == x - 1))
            elif x % 4 == 0:   # an empty cell with a border: written, no value
                cells.append('<c r="%s%d" s="4"/>' % (col_letter(x), y))
            else:
                continue
            written = x
        out.append('<row r="%d" spans="1:%d">%s</row>' % (y, len(HEADER), "".join(cells)))
    out.append('</sheetData><mergeCells count="1"><mergeCell ref="AA1:AB1"/></mergeCells>'
               '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
               'footer="0.3"/></worksheet>')
    return "".join(out)


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月'
          '&quot;d&quot;日&quot;;@"/></numFmts>'
          '<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font>'
          '<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
          '</cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="177" fontId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="2" fontId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="0" fontId="1" xfId="0"/></cellXfs></styleSheet>')
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxml'
    'formats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxml'
    'formats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/></Types>')
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
TOP_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % REL)
# The first sheet in the workbook's order is sheet2.xml, through rId7: found by the relations.
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns='
            '"http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="%s">'
            '<workbookPr/><sheets><sheet name="台账" sheetId="2" r:id="rId7"/>'
            '<sheet name="旧表" sheetId="1" r:id="rId1"/></sheets></workbook>' % REL[:-1])
WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
           '"http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="%sworksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId7" Type="%sworksheet" Target="worksheets/sheet2.xml"/>'
           '<Relationship Id="rId3" Type="%ssharedStrings" Target="sharedStrings.xml"/>'
           '<Relationship Id="rId4" Type="%sstyles" Target="styles.xml"/></Relationships>'
           % (REL, REL, REL, REL))


def write_parts(path, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, text in parts.items():
            z.writestr(name, text)


def excel_parts(rows):
    strings = Strings()
    sheet = sheet_xml(rows, strings)
    return {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": TOP_RELS,
            "xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": WB_RELS,
            "xl/styles.xml": STYLES, "xl/sharedStrings.xml": strings.xml(),
            "xl/worksheets/sheet1.xml": sheet_xml([["其他"]], Strings()),
            "xl/worksheets/sheet2.xml": sheet}


# ---- twins import alike ----

def import_into(name, path):
    db = os.path.join(tmp, name + ".db")
    p = gongkai(db, "import", path)
    check(p.returncode == 0, "%s imports: %s" % (name, p.stderr.decode()))
    check(p.stdout.decode().strip() == "导入 %d 件" % (len(ROWS) - 1), name + ": " +
          p.stdout.decode().strip())
    return db


def outputs(db):
    out = [gongkai(db, "export", "--with-personal-data").stdout]
    for year in (2022, 2023, 2024):
        out.append(gongkai(db, "report", "--year", str(year), "--format", "json").stdout)
    return out


OPX = os.path.join(tmp, "openpyxl.xlsx")
openpyxl_twin(OPX)
HAND = os.path.join(tmp, "excel.xlsx")
write_parts(HAND, excel_parts(ROWS))
want = outputs(import_into("csv", LEDGER))
check(len(want[0]) > 1000 and b'"new"' in want[2], "the CSV twin gives a ledger and a report")
for name, path in (("openpyxl", OPX), ("excel", HAND)):
    got = outputs(import_into(name, path))
    for i, what in enumerate(["export", "report 2022", "report 2023", "report 2024"]):
        check(got[i] == want[i], "%s: %s equals the CSV twin's" % (name, what))
# A pipe: the workbook read from standard input
db = os.path.join(tmp, "pipe.db")
with open(HAND, "rb") as f:
    p = subprocess.run([GONGKAI, "--db", db, "import", "-"], stdin=f, capture_output=True)
check(p.returncode == 0 and outputs(db) == want, "an .xlsx from standard input")
# A stored (uncompressed) archive and a name without .xlsx: found by the zip signature
STORED = os.path.join(tmp, "ledger.bin")
write_parts(STORED, excel_parts(ROWS), zipfile.ZIP_STORED)
check(outputs(import_into("stored", STORED)) == want, "stored zip named .bin imports alike")


# ---- bad workbooks ----

def fails(name, path, *messages):
    db = os.path.join(tmp, "bad-" + name + ".db")
    p = gongkai(db, "import", path)
    err = p.stderr.decode()
    check(p.returncode == 65, "%s: status 65, got %d (%s)" % (name, p.returncode, err))
    for m in messages:
        check(m in err, "%s: message %r in %r" % (name, m, err))
    check("Traceback" not in err and "AddressSanitizer" not in err, name + ": no crash")
    rows = gongkai(db, "export").stdout.decode("utf-8-sig").strip().splitlines()
    check(len(rows) <= 1, name + ": nothing written")


NOT_ZIP = os.path.join(tmp, "not-a-zip.xlsx")
with open(NOT_ZIP, "w") as f:
    f.write("编号,收到日期\n1,2023-01-01\n")
fails("not a zip", NOT_ZIP, "不是有效的 xlsx 文件")
NO_WB = os.path.join(tmp, "no-workbook.xlsx")
write_parts(NO_WB, {"readme.txt": "hello", "xl/styles.xml": STYLES})
fails("no workbook", NO_WB, "不是 Excel 工作簿", "xl/workbook.xml")
CUT = os.path.join(tmp, "cut.xlsx")
with open(HAND, "rb") as f:
    data = f.read()
with open(CUT, "wb") as f:
    f.write(data[:len(data) // 2])
fails("cut short", CUT, "xlsx")
DAMAGED = os.path.join(tmp, "damaged.xlsx")
with zipfile.ZipFile(HAND) as z:
    info = z.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
broken = bytearray(data)
for i in range(start + 200, start + 260):
    broken[i] ^= 0x5A
with open(DAMAGED, "wb") as f:
    f.write(bytes(broken))
fails("damaged sheet data", DAMAGED, "xl/worksheets/sheet2.xml")
OLE = os.path.join(tmp, "old.xls")
with open(OLE, "wb") as f:
    f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(500))
fails("old xls", OLE, "旧版 .xls")

# A bad date: a text 2023-02-30 and a date cell whose serial is no date (row numbers are the
# spreadsheet's, counting the blank row that sheet_xml puts after the third)
rows = [r[:] for r in ROWS[:6]]
rows[2][HEADER.index("收到日期")] = "2023-02-30"
parts = excel_parts(rows)
parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"].replace(
    "<v>%d</v>" % (datetime.date(2023, 2, 13) - EPOCH).days, "<v>0</v>", 1)
BAD_DATE = os.path.join(tmp, "bad-date.xlsx")
write_parts(BAD_DATE, parts)
fails("bad date", BAD_DATE, "第3行: 收到日期: 2023-02-30 不是有效日期",
      "第7行: 收到日期: 0 不是有效日期")
MISSING = os.path.join(tmp, "missing.xlsx")
drop = HEADER.index("申请人")
write_parts(MISSING, excel_parts([r[:drop] + r[drop + 1:] for r in ROWS[:4]]))
fails("missing column", MISSING, "第1行: 申请人: 缺少必需的列")
EXTRA = os.path.join(tmp, "extra.xlsx")
parts = excel_parts(ROWS[:4])
parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"].replace(
    '</row><row r="3"', '<c r="AZ2" t="inlineStr"><is><t>多余</t></is></c></row><row r="3"', 1)
write_parts(EXTRA, parts)
fails("a value past the header", EXTRA, "第2行: 第 52 列: 表头没有这一列")
# Formulas saved by openpyxl have no computed result: each such cell is an error naming its
# row and column, never an empty value (test_xlsx.c reads the results Excel saves)
FORMULA = os.path.join(tmp, "formula.xlsx")
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["编号", "收到日期", "申请人", "申请人类型", "备注"])
ws.append(["F1", datetime.date(2023, 3, 1), '="张"&"三"', "自然人", None])
ws.append(["F2", datetime.date(2023, 3, 2), "李四", "自然人", "=1+1"])
ws.append(["F3", datetime.date(2023, 3, 3), "王五", "自然人", None])
wb.save(FORMULA)
fails("formulas without results", FORMULA,
      "第2行: 申请人: 是公式且没有计算结果", "第3行: 备注: 是公式且没有计算结果")

print("%d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
