#!/usr/bin/env python3
"""clock_oracle.py — open applications with clock events against docs/deadlines.md, computed apart.

Writes ledgers of open applications carrying 补正, consultation, extension and fee events,
computes each due date in plain Python straight from docs/deadlines.md ("The computation, exactly")
and the State Council calendar CSV, imports the ledger with `gongkai import`, and compares
`gongkai list --open --format json`: `due` (null while a pause is open), `workdays_left`
(the days kept while paused) and `state`.
Usage: clock_oracle.py GONGKAI HOLIDAYS_CSV WORKDIR [SEEDS]
"""
import csv, datetime as dt, json, os, random, subprocess, sys

GK, HOLIDAYS, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
SEEDS = int(sys.argv[4]) if len(sys.argv) > 4 else 5
# Under valgrind (./dev valgrind sets GK_VALGRIND) only the first seed, which goes through every
# command the oracle runs: valgrind looks for uninitialised values along the program's paths, at
# about a second a run; the plain and sanitizer runs try every seed against the oracle.
if os.environ.get("GK_VALGRIND"):
    SEEDS = min(SEEDS, 1)
TODAY = dt.date(2026, 11, 26)
ENV = dict(os.environ, GONGKAI_TODAY=TODAY.isoformat(), LC_ALL="C.UTF-8")
ONE = dt.timedelta(days=1)

special = {}
with open(HOLIDAYS, encoding="utf-8") as f:
    for row in csv.DictReader(f):
        special[dt.date.fromisoformat(row["date"])] = row["kind"]


def workday(d):
    kind = special.get(d)
    if kind:
        return kind == "work"
    return d.weekday() < 5


def W(d, n):
    """the n-th working day strictly after d; W(d, 0) = d"""
    while n > 0:
        d += ONE
        if workday(d):
            n -= 1
    return d


def between(a, b):
    """working days in (a, b]"""
    n, d = 0, a
    while d < b:
        d += ONE
        n += workday(d)
    return n


def rand_after(rng, d, lo, hi):
    return d + dt.timedelta(days=rng.randint(lo, hi))


def make(rng, i):
    """one open application whose events do not overlap, and its expected clock"""
    got = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(300))
    a = {"case": f"C{i:04d}", "got": got}
    due, base = W(got, 20), got
    if rng.random() < 0.3:
        a["corr_sent"] = rand_after(rng, got, 1, 9)
        if rng.random() < 0.2:   # still waiting for the applicant
            a["expect"] = ("correction", None, None)
            return a
        a["corr_got"] = rand_after(rng, a["corr_sent"], 1, 15)
        base = a["corr_got"]
        due = W(base, 20)
    cursor = base
    for kind in rng.sample(["consult", "fee", "ext"], rng.randint(0, 3)):
        if cursor >= due - ONE * 3:
            break
        start = cursor + dt.timedelta(days=rng.randint(1, max(1, (due - cursor).days - 2)))
        if kind == "ext":
            n = rng.randint(1, 20)
            a["ext"], a["ext_days"] = start, n
            due, cursor = W(due, n), start
            continue
        left = between(start, due)
        if rng.random() < 0.25:   # the pause is still open
            a[kind + "_start"] = start
            a["expect"] = (kind, None, left)
            return a
        end = rand_after(rng, start, 0, 25)
        a[kind + "_start"], a[kind + "_end"] = start, end
        due, cursor = W(end, left), end
    a["expect"] = ("open", due, between(TODAY, due) if due >= TODAY else -between(due, TODAY))
    return a


COLS = ["编号", "收到日期", "申请人", "申请人类型", "补正通知日期", "补正期限", "补正收到日期",
        "征求意见开始", "征求意见结束", "延期日期", "延期工作日", "延期批准人", "收费通知日期",
        "信息处理费", "缴费日期"]


def write(apps, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLS)
        for a in apps:
            g = lambda k: a[k].isoformat() if k in a else ""
            # 第三十条: a 补正 notice gives a limit; 第三十三条: the head consents to an
            # extension; 第四十二条: a fee notice states the amount
            limit = (a["corr_sent"] + dt.timedelta(days=20)).isoformat() if "corr_sent" in a else ""
            w.writerow([a["case"], g("got"), "申请人", "自然人", g("corr_sent"), limit,
                        g("corr_got"), g("consult_start"), g("consult_end"), g("ext"),
                        str(a["ext_days"]) if "ext" in a else "", "王主任" if "ext" in a else "",
                        g("fee_start"), "100.00" if "fee_start" in a else "", g("fee_end")])


def main():
    os.makedirs(WORK, exist_ok=True)
    for seed in range(SEEDS):
        rng = random.Random(1000 + seed)
        apps = [make(rng, i) for i in range(200)]
        apps = [a for a in apps if max(v for v in a.values() if isinstance(v, dt.date)) <= TODAY]
        ledger, db = os.path.join(WORK, f"clock{seed}.csv"), os.path.join(WORK, f"clock{seed}.db")
        if os.path.exists(db):
            os.remove(db)
        write(apps, ledger)
        p = subprocess.run([GK, "--db", db, "import", ledger], env=ENV, capture_output=True,
                           text=True)
        if p.returncode:
            sys.exit(f"import failed: {p.stderr[:2000]}")
        p = subprocess.run([GK, "--db", db, "list", "--open", "--format", "json"], env=ENV,
                           capture_output=True, text=True, check=True)
        got = {item["case_no"]: item for item in json.loads(p.stdout)}
        assert len(got) == len(apps), (len(got), len(apps))
        for a in apps:
            state, due, left = a["expect"]
            item = got[a["case"]]
            want = (state, due.isoformat() if due else None, left)
            have = (item["state"], item["due"], item["workdays_left"])
            if want != have:
                sys.exit(f"seed {seed} {a['case']}: {have} != expected {want}; events "
                         f"{ {k: str(v) for k, v in a.items() if k not in ('expect',)} }")
        print(f"seed {seed}: {len(apps)} open applications ok")


main()
