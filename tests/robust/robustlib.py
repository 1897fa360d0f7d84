"""robustlib.py — what the robustness tests share: running gongkai, reading its database apart
from it, an independent count of table 三, and a fingerprint of a database's whole contents.

The checks here never trust gongkai to say what it wrote: they read the SQLite file with
Python's own sqlite3 module (opened read-only; the integrity check on a copy) and count the
tables from plain rows.
"""
import csv, datetime as dt, hashlib, io, os, shutil, sqlite3, subprocess, sys, tempfile

TODAY = dt.date(2026, 11, 26)
ENV = dict(os.environ, GONGKAI_TODAY=TODAY.isoformat(), LC_ALL="C.UTF-8")
ENV.pop("GONGKAI_DB", None)

# The sanitizer build is several times slower: the tests scale their counts down by this.
SANITIZED = os.environ.get("GK_SANITIZED", "") not in ("", "0", "false")
SLOW = 4 if SANITIZED else 1

TYPES = ["person", "business", "research", "nonprofit", "legal", "other"]
OUTCOMES = [
    "granted", "partial", "withheld.secret", "withheld.law", "withheld.security",
    "withheld.third_party", "withheld.internal", "withheld.process", "withheld.enforcement",
    "withheld.query", "unavailable.not_held", "unavailable.needs_creation",
    "unavailable.unclear", "rejected.petition", "rejected.repeat", "rejected.publication",
    "rejected.excessive", "rejected.confirmation", "other.no_correction", "other.no_fee",
    "other.other",
]
ROWS = ["new", "carried_in"] + OUTCOMES + ["processed_total", "carried_out"]


def run(gk, db, *args, stdin=None, timeout=120, env=None):
    """Runs gongkai --db db args…; returns (status, stdout, stderr) as text."""
    p = subprocess.run([gk, "--db", db, *args], input=stdin, capture_output=True,
                       env=env or ENV, timeout=timeout)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def connect_ro(db):
    """A read-only connection of Python's own sqlite3 to a gongkai file."""
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def integrity(db):
    """PRAGMA integrity_check of the file, as one string ("ok" when it holds). It runs on a
    copy opened for writing: on a read-only connection SQLite skips the CHECK constraints, so a
    value damaged into one that breaks a CHECK would pass."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "check.db")
        shutil.copyfile(db, copy)
        # the WAL, or the rollback journal an import into an empty file leaves when killed
        # (the copy rolls it back as the file would)
        for suffix in ("-wal", "-journal"):
            if os.path.exists(db + suffix):
                shutil.copyfile(db + suffix, copy + suffix)
        con = sqlite3.connect(copy)
        try:
            return "; ".join(r[0] for r in con.execute("PRAGMA integrity_check"))
        except sqlite3.DatabaseError as e:
            return f"SQLite: {e}"
        finally:
            con.close()


def fingerprint(db):
    """A digest of every row of every table (SQLite's own dump, ordered), so that two
    databases with the same contents have the same fingerprint, whatever their pages."""
    if not os.path.exists(db):
        return "absent"
    con = connect_ro(db)
    try:
        h = hashlib.sha256()
        for line in con.iterdump():
            h.update(line.encode("utf-8", "surrogatepass"))
            h.update(b"\n")
        return h.hexdigest()
    finally:
        con.close()


def apps(db):
    """Every application as a dict of its columns (read apart from gongkai)."""
    con = connect_ro(db)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(
            "SELECT case_no, received, applicant, applicant_type, answered, outcome, note "
            "FROM application")]
    finally:
        con.close()


def history(db):
    con = connect_ro(db)
    try:
        return con.execute("SELECT app_id, field, old, new FROM history").fetchall()
    finally:
        con.close()


def table3(rows, year):
    """Table 三 of a year counted from plain rows (received, applicant_type, answered, outcome
    as ISO text and keys), by the rules of docs/report.md."""
    first, last = f"{year}-01-01", f"{year}-12-31"
    t3 = {r: [0] * 7 for r in ROWS}
    for a in rows:
        c, got, done = TYPES.index(a["applicant_type"]), a["received"], a["answered"]
        if first <= got <= last:
            t3["new"][c] += 1
        if got < first and (done is None or done >= first):
            t3["carried_in"][c] += 1
        if done and first <= done <= last:
            t3[a["outcome"]][c] += 1
        if got <= last and (done is None or done > last):
            t3["carried_out"][c] += 1
    for c in range(6):
        t3["processed_total"][c] = sum(t3[k][c] for k in OUTCOMES)
    for r in ROWS:
        t3[r][6] = sum(t3[r][:6])
    return t3


def parse_export(text):
    """The rows of an exported ledger (UTF-8 with BOM) as dicts by Chinese header."""
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def chinese(text):
    """Whether text holds at least one CJK character (messages for clerks are Chinese)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def fresh_dir(path):
    """Empties the folder path (made writable again first: tests leave read-only ones)."""
    if os.path.isdir(path):
        for root, dirs, _ in os.walk(path):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o700)
        os.chmod(path, 0o700)
        for root, dirs, _ in os.walk(path):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o700)
        import shutil
        shutil.rmtree(path)
    os.makedirs(path)


def fail(msg):
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)
