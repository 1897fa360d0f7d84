#!/usr/bin/env python3
"""crash.py — gongkai killed with SIGKILL at random moments: every change is one transaction.

    crash.py GONGKAI WORKDIR [ROWS] [KILLS]

1. `import` of a generated ledger of ROWS applications (default 50,000), in turn into a
   database that already holds some (under WAL) and into one that holds none (under a rollback
   journal), killed at a random moment KILLS times (default 6), the moments spread over the
   whole length of an import (commit included), and more if fewer than two of them came before
   the commit. After each kill the file passes PRAGMA integrity_check, opens in gongkai, and
   holds either none of the ledger or all of it.
2. `add` and `set` killed within a few milliseconds of their start, again and again: after
   each, the application is there whole (its row and its history line) or not at all, and a
   change is in the row exactly when it is in the history.
3. `export -o FILE` killed mid-way: FILE is the whole previous export or absent, never half.

Prints the figures: kills, and what each one left.
"""
import datetime as dt, os, random, signal, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustlib as rl

GK, WORK = sys.argv[1], sys.argv[2]
ROWS = int(sys.argv[3]) if len(sys.argv) > 3 else 50000 // (2 if rl.SANITIZED else 1)
KILLS = int(sys.argv[4]) if len(sys.argv) > 4 else 6
RNG = random.Random(int(os.environ.get("GK_SEED", "20261126")))
BASE = 25   # applications in the database before each import


def fresh(name):
    db = os.path.join(WORK, name)
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return db


def write_ledger(path, n, prefix):
    start = dt.date(2020, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("编号,收到日期,申请人,申请人类型,渠道,申请内容,证件号码,联系方式,答复日期,办理结果,备注\r\n")
        for i in range(n):
            got = start + dt.timedelta(days=RNG.randrange((rl.TODAY - start).days - 50))
            done = got + dt.timedelta(days=RNG.randrange(1, 40)) if RNG.random() < 0.8 else None
            f.write(f"{prefix}{i:06d},{got.isoformat()},申请人{i},{RNG.choice(rl.TYPES)},网络,"
                    f"\"关于{i}号地块的规划许可, 及其附件\",4101011990{i:08d},1380000{i:04d},"
                    f"{done.isoformat() if done else ''},"
                    f"{RNG.choice(rl.OUTCOMES) if done else ''},第{i}行\r\n")


def count(db):
    con = rl.connect_ro(db)
    try:
        return con.execute("SELECT count(*) FROM application").fetchone()[0]
    finally:
        con.close()


def check_file(db, what):
    ic = rl.integrity(db)
    if ic != "ok":
        rl.fail(f"{what}: integrity_check: {ic}")
    st, _, err = rl.run(GK, db, "list", "--open", "--format", "json")
    if st != 0:
        rl.fail(f"{what}: gongkai cannot read the file after the kill: {st} {err[:300]}")


def killed_run(args, delay):
    """Starts gongkai args, kills it with SIGKILL after delay seconds; returns its status
    (negative: killed)."""
    p = subprocess.Popen([GK, *args], env=rl.ENV, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
    return p.wait()


def timed(args):
    t = time.monotonic()
    st, _, err = rl.run(GK, args[1], *args[2:], timeout=900)
    if st != 0:
        rl.fail(f"gongkai {' '.join(args[2:])}: {st} {err[:300]}")
    return time.monotonic() - t


def imports():
    ledger = os.path.join(WORK, "big.csv")
    base = os.path.join(WORK, "base.csv")
    write_ledger(ledger, ROWS, "L")
    write_ledger(base, BASE, "B")
    full = timed(["--db", fresh("full.db"), "import", ledger])
    if count(os.path.join(WORK, "full.db")) != ROWS:
        rl.fail("the uninterrupted import did not write every row")
    outcomes = {"none": 0, "all": 0}
    # the moments spread over the import's length (one in each KILLS-th of it, and past its
    # end, as it may run slower under load); should the import have run faster than measured,
    # so that fewer than two kills came before the commit, earlier moments follow
    k = 0
    while k < KILLS or (outcomes["none"] < 2 and k < KILLS + 10):
        db = fresh("crash.db")
        base_rows = BASE if k % 2 == 0 else 0
        if base_rows:
            timed(["--db", db, "import", base])
        else:
            timed(["--db", db, "office", "某局"])   # a file without applications
        if k < KILLS:
            delay = full * 1.2 * (k + RNG.random()) / KILLS
        else:
            delay = full * 0.6 * RNG.random() / (k - KILLS + 1)
        k += 1
        delay = max(delay, 0.02)
        st = killed_run(["--db", db, "import", ledger], delay)
        check_file(db, f"import killed after {delay:.2f} s")
        n = count(db)
        if n not in (base_rows, base_rows + ROWS) or (st == 0 and n != base_rows + ROWS):
            rl.fail(f"import killed after {delay:.2f} s into {base_rows} (status {st}): "
                    f"{n - base_rows} of {ROWS} rows")
        outcomes["all" if n == base_rows + ROWS else "none"] += 1
    if outcomes["none"] < 2:
        rl.fail(f"no two of {k} kills came before the import's commit: the test tested nothing")
    print(f"crash: {ROWS}-row import (uninterrupted {full:.1f} s) killed {k} times at "
          f"random moments, into a file with applications and into one without in turn: "
          f"{outcomes['none']} left nothing, {outcomes['all']} had committed all; "
          f"integrity_check ok after each")
    return k


def one_app(db, marker):
    con = rl.connect_ro(db)
    try:
        apps = con.execute("SELECT id, note FROM application WHERE applicant = ?",
                           (marker,)).fetchall()
        made = con.execute("SELECT count(*) FROM history h JOIN application a ON a.id = h.app_id "
                           "WHERE a.applicant = ? AND h.field = '新建'", (marker,)).fetchone()[0]
        return apps, made
    finally:
        con.close()


def note_state(db, case):
    con = rl.connect_ro(db)
    try:
        note, version = con.execute("SELECT note, version FROM application WHERE case_no = ?",
                                    (case,)).fetchone()
        changes = con.execute("SELECT new FROM history h JOIN application a ON a.id = h.app_id "
                              "WHERE a.case_no = ? AND h.field = '备注'", (case,)).fetchall()
        return note, version, [c[0] for c in changes]
    finally:
        con.close()


def add_set_loops():
    db = fresh("loop.db")
    # how long one add takes here: the kills are spread over it
    t = [timed(["--db", db, "add", "收到日期=2026-01-05", f"申请人=T{i}", "申请人类型=自然人"])
         for i in range(3)]
    span = min(t)
    iterations = 120 // rl.SLOW
    outcome = {"add whole": 0, "add absent": 0, "set whole": 0, "set absent": 0}
    for i in range(iterations):
        marker = f"K{i}"
        st = killed_run(["--db", db, "add", "收到日期=2026-02-02", f"申请人={marker}",
                         "申请人类型=商业企业", "证件号码=91410100MA0000000X"],
                        RNG.uniform(0, span))
        apps, made = one_app(db, marker)
        if len(apps) > 1 or made != len(apps) or (st == 0 and not apps):
            rl.fail(f"add killed (status {st}): {len(apps)} rows, {made} history lines")
        outcome["add whole" if apps else "add absent"] += 1
        before = note_state(db, "2026-0001")
        st = killed_run(["--db", db, "set", "2026-0001", f"备注=V{i}", "渠道=网络"],
                        RNG.uniform(0, span))
        note, version, changes = note_state(db, "2026-0001")
        done = note == f"V{i}"
        if (done != (f"V{i}" in changes) or version != before[1] + done or
                (st == 0 and not done) or len(changes) != len(before[2]) + done):
            rl.fail(f"set killed (status {st}): note {note!r}, version {before[1]}→{version}, "
                    f"history {changes[-2:]}")
        outcome["set whole" if done else "set absent"] += 1
        if i % 20 == 19:
            check_file(db, "add/set loop")
    check_file(db, "add/set loop")
    print(f"crash: add and set killed {iterations} times each within {span * 1000:.0f} ms of "
          f"their start: {outcome['add whole']} adds whole, {outcome['add absent']} absent; "
          f"{outcome['set whole']} changes whole, {outcome['set absent']} absent; never half")
    return 2 * iterations


def exports():
    db = os.path.join(WORK, "full.db")
    out = os.path.join(WORK, "export.csv")
    span = timed(["--db", db, "export", "--with-personal-data", "-o", out])
    whole = open(out, "rb").read()
    kills = 4
    for k in range(kills):
        killed_run(["--db", db, "export", "--with-personal-data", "-o", out],
                   RNG.uniform(0, span))
        if open(out, "rb").read() != whole:
            rl.fail("export -o killed mid-way left a different file under the real name")
    print(f"crash: export -o killed {kills} times: the file under its name always whole")
    return kills


def main():
    rl.fresh_dir(WORK)
    total = imports() + add_set_loops() + exports()
    print(f"crash: {total} processes killed with SIGKILL, no file damaged, no change half made")


main()
