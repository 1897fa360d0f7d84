#!/usr/bin/env python3
"""badinput.py — malformed input everywhere: command-line arguments, ledger files, add and set
values. Table-driven: each case gives the command (and the file it reads), the status wanted,
and what the Chinese message must name. For every case:

- the exit status is the one docs/manual.md documents;
- standard error is Chinese and names what was wrong and where (the field, the line, the file);
- it never echoes a value of 证件号码 or 联系方式 (personal data);
- the database is unchanged, row for row (SQLite's dump of every table, read apart from
  gongkai) and as `export --with-personal-data` writes it.

    badinput.py GONGKAI WORKDIR
"""
import hashlib, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustlib as rl

GK, WORK = sys.argv[1], sys.argv[2]
DB = os.path.join(WORK, "bad.db")
SECRET_ID = "410101199001017777"     # personal values that must never reach a message
SECRET_PHONE = "13912345678"

HEADER = "编号,收到日期,申请人,申请人类型,答复日期,办理结果,证件号码,联系方式,信息处理费,延期日期,延期工作日,备注"


def row(case="X-1", got="2026-03-02", who="赵六", kind="自然人", done="", outcome="", id_no="",
        phone="", fee="", ext="", days="", note=""):
    return f"{case},{got},{who},{kind},{done},{outcome},{id_no},{phone},{fee},{ext},{days},{note}"


def ledger(*rows, header=HEADER, eol="\r\n"):
    return (eol.join([header, *rows]) + eol).encode()


def add(**fields):
    base = {"收到日期": "2026-03-02", "申请人": "赵六", "申请人类型": "自然人"}
    base.update(fields)
    return ["add"] + [f"{k}={v}" for k, v in base.items() if v is not None]


BIG = "字" * ((1 << 20) // 3)        # a field of about 1 MB
ARG_BIG = "字" * 40000              # 120 KB: what one argument can hold

# (description, argv or ("import", bytes, extra args), status, fragments the message must hold)
CASES = [
    # ---- command line ----
    ("year 0", ["report", "--year", "0"], 64, ["年度「0」", "1900 到 2999"]),
    ("year 99999", ["report", "--year", "99999"], 64, ["年度「99999」"]),
    ("year -1", ["report", "--year", "-1"], 64, ["年度「-1」"]),
    ("year with a space", ["report", "--year", " 2023"], 64, ["年度"]),
    ("year with letters", ["report", "--year", "2023年"], 64, ["年度"]),
    ("year empty", ["check", "--year", ""], 64, ["年度"]),
    ("year huge number", ["audit", "--year", "99999999999999999999"], 64, ["年度"]),
    ("year missing", ["report"], 64, ["需要 --year"]),
    ("year without its value", ["report", "--year"], 64, ["缺少参数", "--year"]),
    ("unknown format", ["report", "--year", "2023", "--format", "xml"], 64, ["未知的格式 xml"]),
    ("unknown option", ["report", "--year", "2023", "--colour"], 64, ["未知的选项 --colour"]),
    ("unknown short option", ["export", "-x"], 64, ["未知的选项 -x"]),
    ("unknown command", ["frobnicate"], 64, ["未知的命令", "frobnicate"]),
    ("extra argument", ["export", "--year", "2023", "多余"], 64, ["多余的参数 多余"]),
    ("--db without its value", ["--db"], 64, ["--db"]),
    ("due-within -1", ["list", "--due-within", "-1"], 64, ["-1"]),
    ("due-within letters", ["list", "--due-within", "十"], 64, ["十"]),
    ("due-within with a space", ["list", "--due-within", "1 0"], 64, ["1 0"]),
    ("list format", ["list", "--format", "yaml"], 64, ["yaml"]),
    ("list year 1899", ["list", "--year", "1899"], 64, ["年度"]),
    ("due 2023-02-30", ["due", "2023-02-30"], 65, ["2023-02-30 不是有效日期"]),
    ("due 20230230", ["due", "20230230"], 65, ["20230230"]),
    ("due 一月", ["due", "一月"], 65, ["一月"]),
    ("due workdays -1", ["due", "2023-01-03", "--workdays", "-1"], 64, ["-1"]),
    ("due workdays huge", ["due", "2023-01-03", "--workdays", "4294967297"], 64, ["4294967297"]),
    ("due without a date", ["due"], 64, ["due"]),
    ("import without a file", ["import"], 64, ["台账文件"]),
    ("import two files", ["import", "a.csv", "b.csv"], 64, ["台账文件"]),
    ("import a missing file", ["import", "/nonexistent/台账.csv"], 66, ["/nonexistent/台账.csv"]),
    ("import a folder", ["import", "@WORK"], 66, ["@WORK"]),
    ("import unknown encoding", ["import", "--encoding", "latin1", "x.csv"], 64, ["latin1"]),
    ("export to a folder", ["export", "-o", "@WORK"], 73, ["@WORK"]),
    ("export into a missing folder", ["export", "-o", "/nonexistent/x.csv"], 73,
     ["/nonexistent/x.csv"]),
    ("report to a folder", ["report", "--year", "2023", "-o", "@WORK"], 73, ["@WORK"]),
    ("backup to a folder", ["backup", "@WORK"], 73, ["@WORK"]),
    ("backup into a missing folder", ["backup", "/nonexistent/b.db"], 73, ["/nonexistent/b.db"]),
    ("restore a missing file", ["restore", "/nonexistent/b.db", "--replace"], 66,
     ["/nonexistent/b.db"]),
    ("calendar import a folder", ["calendar", "import", "@WORK"], 66, ["@WORK"]),
    ("calendar import 17 MB", ("calendar", b"date,kind,name\n" + b"2027-02-03,off,x\n" * 1100000),
     65, ["16 MB"]),
    ("restore a folder", ["restore", "@WORK", "--replace"], 76, ["@WORK"]),
    ("restore a text file", ["restore", "@CASE0", "--replace"], 76, ["不是 gongkai 数据库"]),
    ("database is a folder", ["--db", "@WORK", "list"], 76, ["@WORK", "不是普通文件"]),
    ("import an empty standard input", ("stdin", b""), 65, ["第1行", "空"]),
    ("show a 120 KB case number", ["show", "N" * 120000], 65, ["找不到"]),
    ("calendar import a bad day", ("calendar", b"date,kind,name\n2027-02-30,off,x\n"), 65,
     ["第2行"]),
    ("calendar import a bad kind", ("calendar", b"date,kind,name\n2027-02-03,holiday,x\n"), 65,
     ["第2行"]),
    ("lock year 0", ["lock", "--year", "0"], 64, ["年度"]),
    ("unlock without a reason", ["unlock", "--year", "2023"], 64, ["--reason"]),
    ("office empty", ["office", ""], 65, ["机关名称"]),
    ("office too long", ["office", "局" * 1000], 65, ["机关名称"]),
    # ---- show and set ----
    ("show without a case", ["show"], 64, ["编号"]),
    ("show a missing case", ["show", "2099-0001"], 65, ["2099-0001"]),
    ("set a missing case", ["set", "2099-0001", "备注=x"], 65, ["2099-0001"]),
    ("set without fields", ["set", "2026-0001"], 64, ["列名=值"]),
    ("set without =", ["set", "2026-0001", "备注"], 64, ["备注", "列名=值"]),
    ("set an unknown column", ["set", "2026-0001", "收件日=2026-01-01"], 64, ["收件日"]),
    ("set 2023-02-30", ["set", "2026-0001", "答复日期=2023-02-30", "办理结果=予以公开"], 65,
     ["答复日期: 2023-02-30 不是有效日期"]),
    ("set answer before receipt", ["set", "2026-0001", "答复日期=2026-01-01", "办理结果=予以公开"],
     65, ["答复日期", "2026-01-01"]),
    ("set an outcome without an answer", ["set", "2026-0001", "办理结果=予以公开"], 65,
     ["答复日期"]),
    ("reopen without a reason", ["set", "ZD2023-01", "答复日期=", "办理结果="], 64, ["--reason"]),
    ("set a duplicate case number", ["set", "2026-0001", "编号=ZD2023-01"], 65, ["ZD2023-01"]),
    ("set an ID number too long", ["set", "2026-0001", f"证件号码={SECRET_ID * 4}"], 65,
     ["证件号码", "超过上限"]),
    ("set a contact with a control character", ["set", "2026-0001", f"联系方式={SECRET_PHONE}\x07"],
     65, ["联系方式", "控制字符"]),
    # ---- add ----
    ("add nothing", ["add"], 64, ["收到日期"]),
    ("add 2023-02-30", add(收到日期="2023-02-30"), 65, ["收到日期: 2023-02-30 不是有效日期"]),
    ("add 20230230", add(收到日期="20230230"), 65, ["收到日期: 20230230"]),
    ("add 一月", add(收到日期="一月"), 65, ["收到日期: 一月"]),
    ("add month 13", add(收到日期="2023-13-01"), 65, ["收到日期: 2023-13-01"]),
    ("add year 0000", add(收到日期="0000-01-01"), 65, ["收到日期: 0000-01-01"]),
    ("add year 99999", add(收到日期="99999-01-01"), 65, ["收到日期: 99999-01-01"]),
    ("add a future date", add(收到日期="2027-01-05"), 65, ["收到日期", "将来"]),
    ("add no receipt date", add(收到日期=None), 65, ["收到日期: 不能为空"]),
    ("add no applicant", add(申请人=None), 65, ["申请人: 不能为空"]),
    ("add an unknown type", add(申请人类型="法人"), 65, ["申请人类型: 未知的值「法人」"]),
    ("add a 120 KB applicant", add(申请人=ARG_BIG), 65, ["申请人", "超过上限"]),
    ("add invalid UTF-8", add(申请人=b"\xff\xfe\xe5".decode("utf-8", "surrogateescape")), 65,
     ["申请人", "无效的字符编码"]),
    ("add a control character", add(申请人="张\x01三"), 65, ["申请人", "控制字符"]),
    ("add an escape sequence", add(申请人="张\x1b[31m三"), 65, ["申请人", "控制字符"]),
    ("add a line break in a name", add(申请人="张\n三"), 65, ["申请人", "控制字符"]),
    ("add a BOM in the middle", add(申请人="张\ufeff三"), 65, ["申请人", "字节顺序标记"]),
    ("add a C1 control character", add(申请人="张\u0085三"), 65, ["申请人", "控制字符"]),
    ("add a fee with a space", add(信息处理费="1 00"), 65, ["信息处理费", "1 00"]),
    ("add a negative fee", add(信息处理费="-5"), 65, ["信息处理费", "-5"]),
    ("add a huge fee", add(信息处理费="99999999999999"), 65, ["信息处理费"]),
    ("add a fee in exponent form", add(信息处理费="1e5"), 65, ["信息处理费", "1e5"]),
    ("add a fee with three decimals", add(信息处理费="100.005"), 65, ["信息处理费"]),
    ("add a fee with full-width digits", add(信息处理费="１００"), 65, ["信息处理费"]),
    ("add 21 extension days", add(延期日期="2026-03-10", 延期工作日="21"), 65, ["延期工作日", "21"]),
    ("add -1 extension days", add(延期日期="2026-03-10", 延期工作日="-1"), 65, ["延期工作日"]),
    ("add extension days with a space", add(延期日期="2026-03-10", 延期工作日="1 0"), 65,
     ["延期工作日"]),
    ("add an answer before receipt", add(答复日期="2026-03-01", 办理结果="予以公开"), 65,
     ["答复日期"]),
    ("add an unknown outcome", add(答复日期="2026-03-05", 办理结果="同意"), 65, ["办理结果", "同意"]),
    ("add an outcome alone", add(办理结果="予以公开"), 65, ["答复日期"]),
    ("add an ID number too long", add(证件号码=SECRET_ID * 4), 65, ["证件号码", "超过上限"]),
    ("add an ID number with a control character", add(证件号码=SECRET_ID + "\x02"), 65,
     ["证件号码", "控制字符"]),
    ("add a contact with invalid UTF-8",
     add(联系方式=SECRET_PHONE + b"\xc3".decode("utf-8", "surrogateescape")), 65,
     ["联系方式", "无效的字符编码"]),
    ("add a contact too long", add(联系方式=SECRET_PHONE * 20), 65, ["联系方式", "超过上限"]),
    ("add a duplicate case number", add(编号="ZD2023-01"), 65, ["ZD2023-01", "已存在"]),
    ("add a case number too long", add(编号="N" * 65), 65, ["编号", "超过上限"]),
    ("add a field twice, the second bad", add(收到日期="2026-03-02") + ["收到日期=2023-02-30"], 65,
     ["收到日期"]),
    # ---- ledgers ----
    ("ledger 2023-02-30", ("import", ledger(row(got="2023-02-30"))), 65,
     ["第2行: 收到日期: 2023-02-30 不是有效日期"]),
    ("ledger 20230230", ("import", ledger(row(), row(case="X-2", got="20230230"))), 65,
     ["第3行: 收到日期: 20230230"]),
    ("ledger 一月", ("import", ledger(row(got="一月"))), 65, ["第2行: 收到日期: 一月"]),
    ("ledger NUL byte", ("import", ledger(row(who="张\0三"))), 65, ["第2行", "空字符"]),
    ("ledger control character", ("import", ledger(row(who="张\x01三"))), 65,
     ["第2行: 申请人", "控制字符"]),
    ("ledger invalid UTF-8", ("import", ledger(row()) + b"X-9,2026-03-02,\xff\xfe,person" +
                              b",,,,,,,,\r\n"), 65, ["第3行", "申请人"]),
    ("ledger mixed encodings", ("import", ledger(row()) + "X-8,2026-03-02,张三,自然人,,,,,,,,\r\n"
                                .encode("gb18030") + "X-9,2026-03-02,李四,自然人,,,,,,,,\r\n"
                                .encode("utf-8")), 65, ["申请人"]),
    ("ledger GB18030 read as UTF-8", ("import", ledger(row()).decode().encode("gb18030"),
                                      ["--encoding", "utf-8"]), 65, ["第1行: 表头第 1 列", "UTF-8"]),
    ("ledger UTF-16", ("import", ledger(row()).decode().encode("utf-16")), 65,
     ["第1行", "UTF-16"]),
    ("ledger 1 MB field", ("import", ledger(row(note=BIG))), 65, ["第2行", "字段超过"]),
    ("ledger BOM in the middle of a field", ("import", ledger(row(who="张\ufeff三"))), 65,
     ["第2行: 申请人", "字节顺序标记"]),
    ("ledger BOM at the start of a line", ("import", ledger(row(), "\ufeff" + row(case="X-2"))), 65,
     ["第3行", "编号"]),
    ("ledger CR alone inside a name", ("import", ledger(row(who="张\r三"))), 65, ["第2行"]),
    ("ledger unclosed quote", ("import", ledger(row(), 'X-2,2026-03-02,"张三,自然人,,,,,,,,')), 65,
     ["第3行", "引号"]),
    ("ledger quote inside a field", ("import", ledger(row(who='张"三'))), 65, ["第2行", "引号"]),
    ("ledger text after a closing quote", ("import", ledger('X-1,2026-03-02,"张"三,自然人,,,,,,,,')),
     65, ["第2行", "引号"]),
    ("ledger too few fields", ("import", ledger("X-1,2026-03-02,张三")), 65,
     ["第2行", "字段数 3"]),
    ("ledger too many fields", ("import", ledger(row() + ",多余")), 65, ["第2行", "字段数 13"]),
    ("ledger 300 columns", ("import", ledger(row() + "," * 290)), 65, ["第2行", "字段超过"]),
    ("ledger unknown column", ("import", ledger(row(), header=HEADER.replace("备注", "附注"))), 65,
     ["第1行: 附注: 未知的列名"]),
    ("ledger duplicate column", ("import", ledger(row(), header=HEADER.replace("备注", "申请人"))),
     65, ["第1行: 申请人: 列重复"]),
    ("ledger missing required column",
     ("import", b"\xe7\xbc\x96\xe5\x8f\xb7,\xe7\x94\xb3\xe8\xaf\xb7\xe4\xba\xba\r\nX-1,\xe5\xbc\xa0\r\n"),
     65, ["收到日期: 缺少必需的列"]),
    ("ledger empty file", ("import", b""), 65, ["第1行", "空"]),
    ("ledger only a BOM", ("import", b"\xef\xbb\xbf"), 65, ["第1行"]),
    ("ledger binary garbage", ("import", bytes(range(256)) * 64), 65, ["第1行"]),
    ("ledger duplicate case numbers", ("import", ledger(row(), row())), 65, ["第3行: 编号: X-1"]),
    ("ledger case number already there", ("import", ledger(row(case="ZD2023-01"))), 65,
     ["第2行: 编号: ZD2023-01 已存在"]),
    ("ledger answer before receipt", ("import", ledger(row(done="2026-03-01", outcome="予以公开"))),
     65, ["第2行: 答复日期"]),
    ("ledger a future date", ("import", ledger(row(got="2031-01-06"))), 65, ["第2行: 收到日期"]),
    ("ledger outcome without an answer", ("import", ledger(row(outcome="予以公开"))), 65,
     ["第2行: 答复日期"]),
    ("ledger unknown outcome", ("import", ledger(row(done="2026-03-05", outcome="同意"))), 65,
     ["第2行: 办理结果"]),
    ("ledger fee with spaces", ("import", ledger(row(fee="1 00"))), 65, ["第2行: 信息处理费"]),
    ("ledger negative fee", ("import", ledger(row(fee="-5"))), 65, ["第2行: 信息处理费"]),
    ("ledger huge fee", ("import", ledger(row(fee="123456789012345678901234567890"))), 65,
     ["第2行: 信息处理费"]),
    ("ledger extension days 0", ("import", ledger(row(ext="2026-03-05", days="0"))), 65,
     ["第2行: 延期工作日"]),
    ("ledger extension days huge", ("import", ledger(row(ext="2026-03-05", days="99999999999"))),
     65, ["第2行: 延期工作日"]),
    ("ledger ID number too long", ("import", ledger(row(id_no=SECRET_ID * 4))), 65,
     ["第2行: 证件号码", "超过上限"]),
    ("ledger ID number with a tab", ("import", ledger(row(id_no=SECRET_ID + "\t1"))), 65,
     ["第2行: 证件号码", "控制字符"]),
    ("ledger contact with invalid UTF-8", ("import", ledger(row()) +
                                           f"X-2,2026-03-02,李四,person,,,,{SECRET_PHONE}"
                                           .encode() + b"\xe4\xb8,,,,\r\n"), 65,
     ["第3行: 联系方式"]),
    ("ledger contact with a line break", ("import", ledger(row(phone=f'"{SECRET_PHONE}\n2"'))),
     65, ["第2行: 联系方式", "控制字符"]),
    ("ledger one bad row among good ones", ("import", ledger(*[row(case=f"G-{i}") for i in range(50)],
                                                             row(case="G-x", kind="法人"))), 65,
     ["第52行: 申请人类型"]),
    ("ledger CRLF and LF mixed, one bad row", ("import", ledger(row(), row(case="X-2"),
                                                                row(case="X-3", got="2023-02-29"),
                                                                eol="\n").replace(b"\n", b"\r\n", 1)),
     65, ["第4行: 收到日期"]),
    ("ledger dry run of a bad file", ("import", ledger(row(got="2023-02-30")), ["--dry-run"]), 65,
     ["第2行"]),
]


def snapshot():
    st, out, err = rl.run(GK, DB, "export", "--with-personal-data")
    if st != 0:
        rl.fail(f"export for the snapshot: {st} {err[:200]}")
    return rl.fingerprint(DB), hashlib.sha256(out.encode()).hexdigest()


def setup():
    rl.fresh_dir(WORK)
    with open(os.path.join(WORK, "case0.txt"), "w") as f:
        f.write("这不是数据库\n")
    golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden",
                          "zhengdong-2023.csv")
    for args in (["import", golden],
                 ["add", "收到日期=2026-03-02", "申请人=钱七", "申请人类型=自然人",
                  f"证件号码={SECRET_ID}", f"联系方式={SECRET_PHONE}"]):
        st, _, err = rl.run(GK, DB, *args)
        if st != 0:
            rl.fail(f"setup {args[0]}: {st} {err[:200]}")


def run_case(i, what, cmd, want, fragments):
    extra = []
    if isinstance(cmd, tuple):
        kind, data = cmd[0], cmd[1]
        extra = list(cmd[2]) if len(cmd) > 2 else []
        f = os.path.join(WORK, f"case{i}.csv")
        with open(f, "wb") as fh:
            fh.write(data)
        args = (["import", *extra, f] if kind == "import" else ["import", "-"] if kind == "stdin"
                else ["calendar", "import", f])
        stdin = data if kind == "stdin" else None
    else:
        stdin = None
        args = [a.replace("@WORK", WORK).replace("@CASE0", os.path.join(WORK, "case0.txt"))
                for a in cmd]
    fragments = [x.replace("@WORK", WORK) for x in fragments]
    args = [a.encode("utf-8", "surrogateescape") if isinstance(a, str) else a for a in args]
    if args[0] == "--db":   # a case about the database itself
        st, out, err = rl.run(GK, args[1], *args[2:])
    else:
        st, out, err = rl.run(GK, DB, *args, stdin=stdin)
    problems = []
    if st != want:
        problems.append(f"status {st}, want {want}")
    if not rl.chinese(err):
        problems.append("no Chinese message")
    for x in fragments:
        if x not in err:
            problems.append(f"no 「{x}」 in the message")
    for secret in (SECRET_ID, SECRET_PHONE):
        if secret in err or secret in out:
            problems.append(f"personal data {secret} echoed")
    if "SQLite:" in err and "（SQLite:" not in err:
        problems.append("a bare SQLite message")
    return problems, err


def main():
    setup()
    before = snapshot()
    failed = 0
    for i, (what, cmd, want, fragments) in enumerate(CASES):
        problems, err = run_case(i, what, cmd, want, fragments)
        after = snapshot()
        if after != before:
            problems.append("the database changed")
            before = after
        if problems:
            failed += 1
            print(f"FAIL: {what}: {'; '.join(problems)}\n  stderr: {err.strip()[:400]}",
                  file=sys.stderr)
    kinds = {"command line": 0, "add/set": 0, "ledger": 0}
    for what, cmd, _, _ in CASES:
        key = "ledger" if what.startswith("ledger") else (
            "add/set" if what.split()[0] in ("add", "set", "show", "reopen") else "command line")
        kinds[key] += 1
    print(f"badinput: {len(CASES)} malformed inputs ({kinds['command line']} command lines, "
          f"{kinds['add/set']} add/set/show values, {kinds['ledger']} ledgers): {len(CASES) - failed}"
          f" refused with their status and a Chinese message naming what and where, the database"
          f" unchanged each time; {failed} failed")
    if failed:
        sys.exit(1)


main()
