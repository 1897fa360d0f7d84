#!/usr/bin/env python3
"""privacy.py — personal data and what leaves the program.

    privacy.py GONGKAI WORKDIR

- Under umask 000 the database and its -wal/-shm files, its folder, exports, reports and
  backups are still created private (0600, folders 0700).
- `show` masks the ID number and contact, in the fields and in the history, unless
  --with-personal-data; `export`, `list` and `report` leave them out unless asked.
- With --with-personal-data, export and import are exact inverses: export → import into an
  empty database → export gives the same bytes, and the same rows, for texts made to be hard
  (formulas, quotes, commas, line breaks, leading apostrophes, the longest values allowed).
- Every cell of an exported ledger or list CSV that a spreadsheet would run as a formula
  carries the guard (a leading '); the JSON of list, report and audit stays valid JSON
  whatever the texts hold.
"""
import csv, io, json, os, re, stat, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustlib as rl

GK, WORK = sys.argv[1], sys.argv[2]
ID, PHONE = "41010119900101123X", "+86 139-1234-5678"
HARD = ["=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)", "\t制表", "'已有撇号", "''=x", "'=y",
        "逗号, 和\"引号\"", "多行\n第二行\r\n第三行", "  前后空格  ", "名" * 200]
checks = 0


def check(cond, msg):
    global checks
    checks += 1
    if not cond:
        rl.fail(msg)


def gk(db, *args, want=0, umask=None):
    p = subprocess.run([GK, "--db", db, *args], capture_output=True, env=rl.ENV,
                       preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    out, err = p.stdout.decode(), p.stderr.decode()
    check(p.returncode == want, f"gongkai {' '.join(args)[:80]}: {p.returncode}: {err[:300]}")
    return out


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def private_files():
    d = os.path.join(WORK, "open", "deep")
    db = os.path.join(d, "p.db")
    gk(db, "office", "某局", umask=0)
    check(mode(os.path.join(WORK, "open")) == 0o700 and mode(d) == 0o700, "folders not 0700")
    check(mode(db) == 0o600, f"database {oct(mode(db))}")
    holder = rl.connect_ro(db)     # keeps -wal and -shm in place to look at them
    holder.execute("SELECT 1 FROM meta").fetchall()
    gk(db, "add", "收到日期=2026-01-05", "申请人=甲", "申请人类型=自然人", umask=0)
    for f in (db + "-wal", db + "-shm"):
        check(not os.path.exists(f) or mode(f) == 0o600, f"{f} {oct(mode(f))}")
    holder.close()
    outs = {"export": ["export", "-o"], "report": ["report", "--year", "2026", "-o"],
            "backup": ["backup"]}
    for what, args in outs.items():
        f = os.path.join(WORK, f"{what}.out")
        gk(db, *args, f, umask=0)
        check(mode(f) == 0o600, f"{what} file {oct(mode(f))}")
    # nothing beside them: no temporary file, no -wal or -shm left by the backup's check
    left = sorted(f for f in os.listdir(WORK) if ".out" in f and not f.endswith(".out"))
    check(not left, f"files left beside the outputs: {left}")


def fill(db):
    for i, text in enumerate(HARD):
        args = ["add", "收到日期=2026-01-05", f"申请人={text if chr(10) not in text else '乙'}",
                "申请人类型=自然人", f"申请内容={text}", f"备注={text}", f"编号=P{i}"]
        if i % 2 == 0:
            args += [f"证件号码={ID}", f"联系方式={PHONE}"]
        if "\t" in text or "\n" in text or len(text) > 64:
            args[2] = "申请人=丙"
        gk(db, *args)
    gk(db, "set", "P0", "证件号码=410101198001011111", "联系方式=旧号码已改")
    gk(db, "set", "P0", f"证件号码={ID}", f"联系方式={PHONE}")


def masked(db):
    out = gk(db, "show", "P0")
    check(ID not in out and PHONE not in out and "旧号码已改" not in out
          and "410101198001011111" not in out, "show printed personal data")
    check("4101**********123X" in out, "show does not mask the ID number as promised")
    out = gk(db, "show", "P0", "--with-personal-data")
    check(ID in out and "旧号码已改" in out, "show --with-personal-data hides them")
    for args in (["export"], ["list"], ["list", "--format", "csv"], ["list", "--format", "json"],
                 ["report", "--year", "2026", "--format", "json"], ["audit", "--year", "2026"],
                 ["list", "--search", "1234"]):
        out = gk(db, *args)
        check(ID not in out and PHONE not in out and "证件号码" not in out,
              f"{' '.join(args)} shows personal data")


def guarded(text):
    """The cells of a CSV that a spreadsheet would run as formulas (a plain number such as the
    -3 working days left of a late application is a number, not a formula)."""
    bad = []
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        for cell in row:
            if cell and cell[0] in "=+-@\t\r" and not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cell):
                bad.append(cell)
    return bad


def inverse(db):
    one = os.path.join(WORK, "one.csv")
    two = os.path.join(WORK, "two.csv")
    gk(db, "export", "--with-personal-data", "-o", one)
    again = os.path.join(WORK, "again.db")
    gk(again, "import", one)
    gk(again, "export", "--with-personal-data", "-o", two)
    a, b = open(one, "rb").read(), open(two, "rb").read()
    check(a == b, "export → import → export differs")
    cols = ("case_no, received, applicant, applicant_type, request, id_number, contact, note, "
            "answered, outcome")
    rows = []
    for f in (db, again):
        con = rl.connect_ro(f)
        rows.append(sorted(con.execute(f"SELECT {cols} FROM application").fetchall()))
        con.close()
    check(rows[0] == rows[1], "the re-imported rows differ from the original ones")
    for text in HARD:
        check(any(text in r for r in rows[1]), f"{text[:20]!r} did not survive the round trip")
    text = a.decode("utf-8")
    check(not guarded(text), f"unguarded formula cells in the export: {guarded(text)[:3]}")
    check(not guarded(gk(db, "list", "--format", "csv")), "unguarded formula cells in list csv")


def valid_json(db):
    gk(db, "add", "收到日期=2026-01-05", '编号=J"1\\', "申请人=丁", "申请人类型=自然人",
       "答复日期=2026-03-30", "办理结果=予以公开")
    gk(db, "add", "收到日期=2026-01-05", '编号=J"2\\', "申请人=戊", "申请人类型=自然人")
    gk(db, "office", '某局"\\{')
    for args in (["list", "--format", "json"], ["report", "--year", "2026", "--format", "json"],
                 ["audit", "--year", "2026", "--format", "json"]):
        out = gk(db, *args)
        try:
            json.loads(out)
            check(True, "")
        except ValueError as e:
            rl.fail(f"{' '.join(args)}: not valid JSON ({e}): {out[:300]}")


def main():
    rl.fresh_dir(WORK)
    private_files()
    db = os.path.join(WORK, "hard.db")
    fill(db)
    masked(db)
    inverse(db)
    valid_json(db)
    print(f"privacy: {checks} checks: files private under umask 000, personal data masked or "
          f"left out unless asked, export and import exact inverses over {len(HARD)} hard texts, "
          f"formula cells guarded, JSON valid")


main()
