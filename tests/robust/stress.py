#!/usr/bin/env python3
"""stress.py — several clerks, one file: processes that add, answer, annotate, import and
report at once, then an account of every write.

    stress.py GONGKAI WORKDIR [SECONDS] [PROCESSES]

PROCESSES workers (default 8) each run gongkai commands one after another against one new
database for SECONDS (default 20), so that up to PROCESSES gongkai processes work on the file at
every moment, the first of them racing to create it. Each write carries a unique marker (in 申请人
or 备注). Afterwards, reading the file apart from gongkai:

- every write reported as done (status 0) is there exactly once, with the values it wrote;
- every write refused (65 on purpose, 65 for a change another clerk overtook, 75 busy past the
  timeout) left nothing: not one of its markers is in the applications or the history;
- a while into the run another program holds the write lock longer than gongkai's busy timeout
  (10 s): the writes waiting then end with 75 and write nothing, and the run goes on;
- `report --format json` of each year equals an independent count of what was written, and
  every report read while the others wrote was consistent (its columns balance);
- PRAGMA integrity_check holds.
"""
import datetime as dt, os, random, re, sqlite3, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robustlib as rl

GK, WORK = sys.argv[1], sys.argv[2]
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
PROCS = int(sys.argv[4]) if len(sys.argv) > 4 else 8
DB = os.path.join(WORK, "stress.db")
YEARS = (2024, 2025, 2026)
FIRST = dt.date(2024, 1, 1)


class Ledger:
    """What the workers were told: done, refused, and the counts for the summary."""

    def __init__(self):
        self.lock = threading.Lock()
        self.apps = {}          # applicant marker → expected row
        self.refused = set()    # markers (applicant or note) that must be absent
        self.notes = set()      # note markers of changes reported done
        self.shared = []        # case numbers every worker may annotate
        self.counts = {}
        self.problems = []

    def count(self, what, n=1):
        with self.lock:
            self.counts[what] = self.counts.get(what, 0) + n

    def problem(self, msg):
        with self.lock:
            self.problems.append(msg)


L = Ledger()


def random_app(rng, marker):
    got = FIRST + dt.timedelta(days=rng.randrange((rl.TODAY - FIRST).days - 1))
    a = {"applicant": marker, "received": got.isoformat(), "applicant_type": rng.choice(rl.TYPES),
         "answered": None, "outcome": None}
    if rng.random() < 0.4:
        done = min(got + dt.timedelta(days=rng.randrange(0, 40)), rl.TODAY)
        a["answered"], a["outcome"] = done.isoformat(), rng.choice(rl.OUTCOMES)
    return a


def gk(*args, stdin=None):
    st, out, err = rl.run(GK, DB, *args, stdin=stdin, timeout=300)
    if st not in (0, 1, 65, 75):
        L.problem(f"gongkai {' '.join(args)[:80]} → status {st}: {err.strip()[:300]}")
    elif st != 0 and not rl.chinese(err):
        L.problem(f"gongkai {' '.join(args)[:80]} → {st} without a Chinese message: {err[:200]}")
    return st, out, err


def refused(st, markers, what):
    """Books a write that did not happen: busy (75) or refused (65)."""
    L.count("busy" if st == 75 else what)
    with L.lock:
        L.refused.update(markers)


class Worker:
    def __init__(self, w, deadline):
        self.w, self.deadline, self.seq = w, deadline, 0
        self.rng = random.Random(1000 + w)
        self.mine = []          # markers of this worker's applications still open

    def marker(self, kind):
        self.seq += 1
        return f"{kind}{self.w}-{self.seq}"

    def add(self):
        a = random_app(self.rng, self.marker("S"))
        args = ["add", f"收到日期={a['received']}", f"申请人={a['applicant']}",
                f"申请人类型={a['applicant_type']}", f"备注=新建{a['applicant']}"]
        if a["answered"]:
            # any outcome, even one the events contradict (逾期不补正 with no 补正): confirmed
            args += [f"答复日期={a['answered']}", f"办理结果={a['outcome']}", "--confirm"]
        st, out, _ = gk(*args)
        if st != 0:
            return refused(st, [a["applicant"]], "add_refused")
        m = re.match(r"已登记 (\S+)", out)
        if not m:
            return L.problem(f"add said {out!r}")
        a["case_no"] = m.group(1)
        with L.lock:
            L.apps[a["applicant"]] = a
            if len(L.shared) < 6:
                L.shared.append(a["case_no"])
        if not a["answered"]:
            self.mine.append(a)
        L.count("add")

    def answer(self):
        if not self.mine:
            return self.add()
        a = self.mine[self.rng.randrange(len(self.mine))]
        got = dt.date.fromisoformat(a["received"])
        done = min(got + dt.timedelta(days=self.rng.randrange(0, 30)), rl.TODAY).isoformat()
        outcome, note = self.rng.choice(rl.OUTCOMES), self.marker("U")
        st, _, err = gk("set", a["case_no"], f"答复日期={done}", f"办理结果={outcome}",
                      f"备注={note}", "--confirm")
        if st != 0:
            if st == 65 and "已被其他人修改" not in err and "已在" not in err:
                L.problem(f"set {a['case_no']} refused for another reason: {err[:200]}")
            return refused(st, [note], "set_refused")
        with L.lock:
            a["answered"], a["outcome"] = done, outcome
            L.notes.add(note)
        self.mine.remove(a)
        L.count("set")

    def annotate(self):
        """A note on one of a few applications every worker annotates: real conflicts."""
        with L.lock:
            case = self.rng.choice(L.shared) if L.shared else None
        if not case:
            return self.add()
        note = self.marker("N")
        st, _, err = gk("set", case, f"备注={note}")
        if st != 0:
            if st == 65 and "已被其他人修改" not in err and "已在" not in err:
                L.problem(f"set {case} refused for another reason: {err[:200]}")
            return refused(st, [note], "conflict")
        with L.lock:
            L.notes.add(note)
        L.count("set")

    def ledger(self, bad):
        n = self.rng.randrange(5, 40)
        rows = [random_app(self.rng, self.marker("I")) for _ in range(n)]
        lines = ["编号,收到日期,申请人,申请人类型,答复日期,办理结果"]
        for i, a in enumerate(rows):
            a["case_no"] = a["applicant"] if i % 2 else ""
            lines.append(f"{a['case_no']},{a['received']},{a['applicant']},"
                         f"{a['applicant_type']},{a['answered'] or ''},{a['outcome'] or ''}")
        if bad:
            lines.insert(1 + n // 2, f",2023-02-30,{self.marker('B')},person,,")
        return rows, ("\r\n".join(lines) + "\r\n").encode()

    def import_(self, bad=False):
        rows, data = self.ledger(bad)
        st, out, _ = gk("import", "-", stdin=data)
        if st != 0:
            if not bad and st != 75:
                L.problem(f"a good import refused with {st}")
            return refused(st, [a["applicant"] for a in rows], "import_refused")
        if bad:
            return L.problem("an import with a bad row was accepted")
        if out.strip() != f"导入 {len(rows)} 件":
            L.problem(f"import said {out!r} for {len(rows)} rows")
        with L.lock:
            for a in rows:
                L.apps[a["applicant"]] = a
        L.count("import")
        L.count("import_rows", len(rows))

    def bad_add(self):
        marker = self.marker("B")
        st, _, err = gk("add", "收到日期=2023-02-30", f"申请人={marker}", "申请人类型=自然人")
        # 75: the file was busy past the timeout before the fields were read (as any write)
        if not (st == 65 and "收到日期" in err or st == 75 and "占用" in err):
            L.problem(f"a bad add gave {st}: {err[:200]}")
        refused(st, [marker], "add_refused")

    def read(self):
        year = self.rng.choice(YEARS)
        st, out, err = gk("report", "--year", str(year), "--format", "json")
        if st == 0 and '"balanced": true' not in out:
            L.problem(f"a report read during writes does not balance: {err.strip()[:300]}")
        L.count("read")

    def run(self):
        ops = [(self.add, 40), (self.answer, 20), (self.annotate, 10),
               (self.import_, 10), (lambda: self.import_(True), 4), (self.bad_add, 4),
               (self.read, 12)]
        fns, weights = zip(*ops)
        try:
            while time.monotonic() < self.deadline:
                self.rng.choices(fns, weights)[0]()
                L.count("operations")
        except Exception as e:  # a test bug or a timeout: fail, do not hang
            L.problem(f"worker {self.w}: {e!r}")


def hold_write_lock(start, seconds):
    """Another program (this one) keeps the write lock past gongkai's busy timeout."""
    time.sleep(start)
    con = sqlite3.connect(DB, timeout=60, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        time.sleep(seconds)
        con.execute("ROLLBACK")
        L.count("lock_held")
    finally:
        con.close()


def verify():
    rows = rl.apps(DB)
    by_applicant = {}
    for r in rows:
        by_applicant.setdefault(r["applicant"], []).append(r)
    for marker, a in L.apps.items():
        got = by_applicant.get(marker, [])
        if len(got) != 1:
            rl.fail(f"{marker}: reported done, found {len(got)} times")
        for k in ("received", "applicant_type", "answered", "outcome"):
            if got[0][k] != a[k]:
                rl.fail(f"{marker}: {k} is {got[0][k]!r}, wrote {a[k]!r}")
    if len(rows) != len(L.apps):
        extra = sorted(set(by_applicant) - set(L.apps))[:5]
        rl.fail(f"{len(rows)} applications in the file, {len(L.apps)} reported done: {extra}")
    notes = [new for _, field, _, new in rl.history(DB) if field == "备注" and new]
    seen = {}
    for n in notes:
        seen[n] = seen.get(n, 0) + 1
    for n in L.notes:
        if seen.get(n) != 1:
            rl.fail(f"change {n}: reported done, in the history {seen.get(n, 0)} times")
    for m in L.refused:
        if m in by_applicant or m in seen:
            rl.fail(f"{m}: refused, but it was written")
    for year in YEARS:
        st, out, err = rl.run(GK, DB, "report", "--year", str(year), "--format", "json")
        import json
        got = json.loads(out)["table3"] if st == 0 else None
        if got != rl.table3(rows, year):
            rl.fail(f"report {year}: {st} {err[:200]} tables differ from the independent count")
        if rl.run(GK, DB, "check", "--year", str(year), "--tables")[0] != 0:
            rl.fail(f"check --year {year} failed")
    ic = rl.integrity(DB)
    if ic != "ok":
        rl.fail(f"integrity_check: {ic}")


def main():
    rl.fresh_dir(WORK)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(DB + suffix):
            os.remove(DB + suffix)
    deadline = time.monotonic() + SECONDS
    workers = [Worker(w, deadline) for w in range(PROCS)]
    threads = [threading.Thread(target=w.run) for w in workers]
    lock = SECONDS >= 14 and not rl.SANITIZED   # the sanitizer run spends its time writing
    if lock:
        threads.append(threading.Thread(target=hold_write_lock, args=(2.0, 10.5)))
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - start
    for p in L.problems[:20]:
        print(f"FAIL: {p}", file=sys.stderr)
    if L.problems:
        rl.fail(f"{len(L.problems)} problems during the run")
    verify()
    c = L.counts.get
    if lock and (not c("lock_held") or not c("busy")):
        rl.fail("the write lock held past the timeout gave no status 75")
    print(f"stress: {PROCS} processes for {took:.0f} s, {c('operations', 0)} operations: "
          f"{c('add', 0)} adds, {c('set', 0)} changes, {c('import', 0)} imports "
          f"({c('import_rows', 0)} rows), {c('read', 0)} reports read while writing; refused as "
          f"they should be: {c('add_refused', 0)} adds, {c('import_refused', 0)} imports, "
          f"{c('conflict', 0)} overtaken changes, {c('set_refused', 0)} other changes; "
          f"busy past the timeout (75{', while another program held the lock for 10.5 s' if lock else ''}): "
          f"{c('busy', 0)}; {len(L.apps)} applications and "
          f"{len(L.notes)} changes all present exactly once, nothing refused present, "
          f"tables of {YEARS[0]}–{YEARS[-1]} equal to the independent count")


main()
