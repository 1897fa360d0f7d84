#!/usr/bin/env python3
"""files.py — files that are not ours, damaged, read-only, or on a full disk.

    files.py GONGKAI WORKDIR

- A missing folder is created (0700) with the file (0600).
- Not a gongkai file — text, random bytes, another program's SQLite database, a newer or an
  unknown schema version, a folder, a FIFO — gives status 76 and a Chinese message.
- A damaged gongkai file — truncated at several lengths, its header overwritten, blocks of its
  middle overwritten — never crashes gongkai: every command ends with a status it documents,
  a damaged page found on any read gives 76, and `backup` (which checks the whole file) gives 76
  whenever SQLite's integrity check fails.
- A read-only file, a read-only folder, or both: reading commands work and give what they gave
  before, writes (add, set, import, office) are refused with status 73 saying the database is
  read-only, and nothing is created beside the file.
- A full disk (a file-size limit, RLIMIT_FSIZE) during import, add, export -o, report -o and
  backup: status 74, the database unchanged, passing the integrity check, no file half written.
"""
import os, random, resource, shutil, stat, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustlib as rl

GK, WORK = sys.argv[1], sys.argv[2]
RNG = random.Random(7)
N = 0          # cases tried
READ = [["list"], ["report", "--year", "2023", "--format", "json"], ["export"],
        ["show", "C00010"], ["check", "--year", "2023"]]
WRITE = [["add", "收到日期=2026-11-20", "申请人=张三", "申请人类型=自然人"],
         ["set", "C00010", "备注=改"], ["office", "某局"]]


def path(*parts):
    return os.path.join(WORK, *parts)


def expect(want, what, db, *args, has=None, **kw):
    """Runs gongkai; fails unless the status is in want (an int or a tuple) and a non-zero
    status comes with a Chinese message (containing `has` when given)."""
    global N
    N += 1
    st, out, err = rl.run(GK, db, *args, **kw)
    wants = want if isinstance(want, tuple) else (want,)
    if st not in wants:
        rl.fail(f"{what}: gongkai {' '.join(args)} → {st}, want {want}: {err.strip()[:400]}")
    if st != 0 and not rl.chinese(err + (out if st == 1 else "")):   # check: problems on stdout
        rl.fail(f"{what}: status {st} without a Chinese message: {err[:200]!r}")
    if has and has not in err:
        rl.fail(f"{what}: no 「{has}」 in: {err.strip()[:400]}")
    return st, out, err


def make_base():
    """A gongkai database with 3,000 applications and some history."""
    db = path("base.db")
    ledger = path("base.csv")
    with open(ledger, "w", encoding="utf-8") as f:
        f.write("编号,收到日期,申请人,申请人类型,申请内容,答复日期,办理结果,备注\n")
        for i in range(3000):
            f.write(f"C{i:05d},2023-0{1 + i % 9}-1{i % 9},申请人{i},自然人,内容{i}{'文' * 60},"
                    f"2023-1{i % 3}-2{i % 8},予以公开,备注{i}\n")
    expect(0, "base import", db, "import", ledger)
    for i in range(20):
        expect(0, "base set", db, "set", f"C{i:05d}", f"备注=改{i}")
    return db


def copy_of(src, name):
    dst = path(name)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    shutil.copyfile(src, dst)
    return dst


def not_ours(base):
    expect(0, "missing folders", path("new", "a", "b", "g.db"), "office", "某局")
    for d, want in ((path("new"), 0o700), (path("new", "a", "b"), 0o700)):
        if stat.S_IMODE(os.stat(d).st_mode) != want:
            rl.fail(f"{d} mode {oct(os.stat(d).st_mode)}")
    if stat.S_IMODE(os.stat(path("new", "a", "b", "g.db")).st_mode) != 0o600:
        rl.fail("new database not 0600")
    with open(path("text.db"), "w") as f:
        f.write("编号,收到日期\n这不是数据库\n" * 50)
    with open(path("random.db"), "wb") as f:
        f.write(bytes(RNG.randrange(256) for _ in range(8192)))
    import sqlite3
    variants = {"other.db": "CREATE TABLE t(x); INSERT INTO t VALUES (1);",
                "newer.db": None, "unknown.db": None}
    for name, sql in variants.items():
        if sql:
            con = sqlite3.connect(path(name))
            con.executescript(sql)
            con.close()
    con = sqlite3.connect(base)
    ours = con.execute("PRAGMA user_version").fetchone()[0]
    con.close()
    for name, version in (("newer.db", ours + 1), ("unknown.db", 0)):
        db = copy_of(base, name)
        con = sqlite3.connect(db)
        con.execute(f"PRAGMA user_version = {version}")
        con.commit()
        con.close()
    os.makedirs(path("folder.db"), exist_ok=True)
    if not os.path.exists(path("fifo.db")):
        os.mkfifo(path("fifo.db"))
    cases = [("text.db", "不是 gongkai 数据库"), ("random.db", "不是 gongkai 数据库"),
             ("other.db", "其他程序"), ("newer.db", "更新版本"), ("unknown.db", "无法识别"),
             ("folder.db", "不是普通文件"), ("fifo.db", "不是普通文件")]
    for name, msg in cases:
        for args in READ + WRITE:
            expect(76, name, path(name), *args, has=msg)
    return len(cases)


def damaged_variants(base):
    """Yields (name, path) of damaged copies of base."""
    size = os.path.getsize(base)
    for cut in (100, 4096, 8192, size // 2, size - 4096):
        db = copy_of(base, "cut.db")
        os.truncate(db, cut)
        yield f"truncated to {cut} bytes", db
    db = copy_of(base, "header.db")
    with open(db, "r+b") as f:
        f.write(b"SQLite format 2\0")
    yield "header overwritten", db
    for seed in range(12):
        rng = random.Random(seed)
        db = copy_of(base, "flip.db")
        with open(db, "r+b") as f:
            for _ in range(4):
                f.seek(rng.randrange(4096, size - 64))
                f.write(bytes(rng.randrange(256) for _ in range(rng.choice((8, 64, 512)))))
        yield f"blocks overwritten (seed {seed})", db
    db = copy_of(base, "zero.db")
    with open(db, "r+b") as f:
        f.seek((size // 4096 // 2) * 4096)
        f.write(bytes(4096 * 4))
    yield "four pages zeroed", db


def damaged(base):
    found = {"76": 0, "missed": 0}
    for what, db in damaged_variants(base):
        structural = what.startswith(("truncated", "header"))
        for args in READ + WRITE + [["import", path("base.csv")]]:
            want = 76 if structural else (0, 1, 65, 76)
            expect(want, what, copy_of(db, "work.db"), *args)
        work = copy_of(db, "work.db")
        ok = rl.integrity(work) == "ok" if not structural else False
        st, _, _ = expect(76 if not ok else 0, what, work, "backup", path("backup-of-damaged.db"))
        found["76" if st == 76 else "missed"] += 1
        for leftover in os.listdir(WORK):
            if leftover.startswith("backup-of-damaged.db"):
                os.remove(path(leftover))
    print(f"files: {found['76'] + found['missed']} damaged copies, every command on each: no "
          f"crash; {found['76']} found damaged (status 76), {found['missed']} with damage only "
          f"inside a value, where SQLite's integrity check finds nothing either")
    return found["76"] + found["missed"]


# ---- read-only ----

def as_other_user(gk):
    """(prefix, why): a command prefix that runs as a user who is not root, so that file modes
    bind (root ignores them), or None and the reason when that cannot be done here."""
    if os.geteuid() != 0:
        return [], None
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    try:
        p = subprocess.run(prefix + [gk, "--version"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"{' '.join(prefix)} {gk}: {e}"
    if p.returncode != 0:
        return None, (f"{' '.join(prefix)} {gk} --version: status {p.returncode}: "
                      f"{p.stderr.decode(errors='replace').strip()[:200]}")
    return prefix, None


def read_only(base):
    # as root, the unprivileged user works in a folder of its own under /tmp (0755) with its own
    # copy of the program itself (GONGKAI_EXE; GK may be a script that runs it from the build
    # folder): the build folder may be where that user cannot go (a clone in a private folder)
    top, gk = WORK, GK
    if os.geteuid() == 0:
        top = tempfile.mkdtemp(prefix="gongkai-ro-", dir="/tmp")
        os.chmod(top, 0o755)
        gk = os.path.join(top, "gongkai")
        shutil.copy2(os.environ.get("GONGKAI_EXE") or GK, gk)
        os.chmod(gk, 0o755)
    try:
        return read_only_in(base, top, gk)
    finally:
        if top != WORK:
            rl.fresh_dir(top)
            os.rmdir(top)


def read_only_in(base, top, gk):
    prefix, why = as_other_user(gk)
    if prefix is None:
        if os.environ.get("GK_NO_SKIP"):
            rl.fail(f"read-only cases cannot run here (GK_NO_SKIP is set): {why}")
        print(f"files: SKIP read-only cases (cannot run gongkai as a user other than root: {why})")
        return 0
    cases = 0
    ledger = os.path.join(top, "base.csv")
    if not os.path.exists(ledger):
        shutil.copyfile(path("base.csv"), ledger)
    os.chmod(ledger, 0o644)
    for name, file_mode, dir_mode in (("file 0400", 0o400, 0o700), ("folder 0500", 0o600, 0o500),
                                      ("both", 0o400, 0o500)):
        d = os.path.join(top, "ro-" + name.replace(" ", ""))
        if os.path.exists(d):
            os.chmod(d, 0o700)
            shutil.rmtree(d)
        os.mkdir(d)
        db = os.path.join(d, "a.db")
        shutil.copyfile(base, db)
        want_export = rl.run(GK, db, "export")[1]
        if prefix:
            for p in (d, db):
                os.chown(p, 65534, 65534)
        os.chmod(db, file_mode)
        os.chmod(d, dir_mode)
        raw = open(db, "rb").read()
        env = dict(rl.ENV)
        for args in READ:
            global N
            N += 1
            p = subprocess.run(prefix + [gk, "--db", db, *args], capture_output=True, env=env)
            if p.returncode not in (0, 1):
                rl.fail(f"read-only {name}: {' '.join(args)} → {p.returncode}: "
                        f"{p.stderr.decode()[:300]}")
            if args == ["export"] and p.stdout.decode() != want_export:
                rl.fail(f"read-only {name}: export differs from the writable file's")
        for args in WRITE + [["import", ledger]]:
            N += 1
            p = subprocess.run(prefix + [gk, "--db", db, *args], capture_output=True, env=env)
            err = p.stderr.decode()
            if p.returncode != 73 or "只读" not in err:
                rl.fail(f"read-only {name}: {' '.join(args)} → {p.returncode}: {err[:300]}")
        left = sorted(f for f in os.listdir(d) if f != "a.db")
        if left:
            rl.fail(f"read-only {name}: files created beside the database: {left}")
        if open(db, "rb").read() != raw:
            rl.fail(f"read-only {name}: the file changed")
        os.chmod(d, 0o700)
        cases += 1
    print(f"files: read-only file, folder and both{' (as an unprivileged user)' if prefix else ''}:"
          f" reading works, every write refused with status 73, nothing created or changed")
    return cases


# ---- full disk ----

def limited(limit):
    """preexec_fn: a file-size limit of `limit` bytes for the child."""
    def set_limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return set_limit


def run_limited(limit, db, *args):
    global N
    N += 1
    p = subprocess.run([GK, "--db", db, *args], capture_output=True, env=rl.ENV,
                       preexec_fn=limited(limit))
    return p.returncode, p.stderr.decode("utf-8", "replace")


def full_disk(base):
    big = path("full.csv")
    with open(big, "w", encoding="utf-8") as f:
        f.write("编号,收到日期,申请人,申请人类型,申请内容\n")
        for i in range(20000):
            f.write(f"F{i:06d},2024-03-0{1 + i % 9},申请人{i},法律服务机构,{'内容' * 40}\n")
    tried = fitted = 0
    writes = (["import", big], ["add", "收到日期=2026-11-20", "申请人=满", "申请人类型=其他"],
              ["set", "C00001", "备注=满"])
    for limit in (4096, 65536, 1 << 20, 4 << 20, 16 << 20):
        for args in writes:
            db = copy_of(base, "full.db")
            before = rl.fingerprint(db)
            st, err = run_limited(limit, db, *args)
            what = f"full disk ({limit} bytes), {args[0]}"
            if st == 0 and (args[0] != "import" or limit > (4 << 20)):
                fitted += 1   # it fitted under the limit: then it must be there whole
                n = sum(a["case_no"].startswith("F") for a in rl.apps(db))
                if args[0] == "import" and n != 20000:
                    rl.fail(f"{what}: status 0 but {n} rows")
                continue
            if st != 74 or not rl.chinese(err):
                rl.fail(f"{what}: {st}: {err.strip()[:300]}")
            if rl.integrity(db) != "ok":
                rl.fail(f"{what}: integrity_check fails afterwards")
            if rl.fingerprint(db) != before:
                rl.fail(f"{what}: the database changed")
            if rl.run(GK, db, "list", "--open")[0] != 0:
                rl.fail(f"{what}: the database no longer opens")
            tried += 1
    # output files: export, report, backup under a limit smaller than what they write. Another
    # connection keeps the database's -shm file (32 KiB) in place meanwhile, so that the limit
    # bites on the output, not on opening the database.
    db = copy_of(base, "full.db")
    before = rl.fingerprint(db)
    holder = rl.connect_ro(db)
    holder.execute("SELECT count(*) FROM application").fetchall()
    outs = {"export": (65536, ["export", "--with-personal-data", "-o", path("out", "ledger.csv")]),
            "report": (8192, ["report", "--year", "2023", "-o", path("out", "r.txt")]),
            "backup": (65536, ["backup", path("out", "b.db")])}
    os.makedirs(path("out"), exist_ok=True)
    for what, (limit, args) in outs.items():
        st, err = run_limited(limit, db, *args)
        if st != 74 or not rl.chinese(err) or "设置数据库" in err:
            rl.fail(f"full disk during {what}: {st}: {err.strip()[:300]}")
        left = os.listdir(path("out"))
        if left:
            rl.fail(f"full disk during {what}: files left: {left}")
        tried += 1
    holder.close()
    if rl.fingerprint(db) != before or rl.integrity(db) != "ok":
        rl.fail("full disk during exports changed the database")
    print(f"files: full disk (file-size limits 4 KiB–16 MiB) during import, add, set, export -o,"
          f" report -o, backup: {tried} refusals with status 74, the database unchanged and "
          f"whole each time ({fitted} writes fitted under the limit and were whole)")
    return tried


def main():
    rl.fresh_dir(WORK)
    base = make_base()
    counts = [not_ours(base), damaged(base), read_only(base), full_disk(base)]
    print(f"files: {N} commands on {counts[0]} foreign, {counts[1]} damaged, {counts[2]} read-only"
          f" and {counts[3]} full-disk cases, each with its documented status, none crashed")


main()
