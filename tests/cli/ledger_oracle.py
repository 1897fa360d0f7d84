#!/usr/bin/env python3
"""ledger_oracle.py — random ledgers against an independent count of table 三 and 四.

Builds ledgers the way docs/ledger.md describes them (Chinese or English headers in any order,
labels or codes, every date form, carry-over across years, every outcome, reviews and
lawsuits, fees), counts tables 三 and 四 per year by the rules of docs/report.md in plain
Python, imports each ledger with `gongkai import`, and compares `gongkai report --format json`
for every year the ledger spans. Then exports, re-imports into an empty database and checks the
tables are identical; and exports each year alone (`export --year Y`), imports that into an
empty database and checks it gives the same tables of Y.
Usage: ledger_oracle.py GONGKAI WORKDIR [SEEDS]
"""
import csv, datetime as dt, io, json, os, random, subprocess, sys

GK, WORK = sys.argv[1], sys.argv[2]
SEEDS = int(sys.argv[3]) if len(sys.argv) > 3 else 6
# Under valgrind (./dev valgrind sets GK_VALGRIND) only the first seed, which goes through every
# command the oracle runs: valgrind looks for uninitialised values along the program's paths, at
# about a second a run; the plain and sanitizer runs try every seed against the oracle.
if os.environ.get("GK_VALGRIND"):
    SEEDS = min(SEEDS, 1)
TODAY = dt.date(2026, 11, 26)
ENV = dict(os.environ, GONGKAI_TODAY=TODAY.isoformat(), LC_ALL="C.UTF-8")

TYPES = ["person", "business", "research", "nonprofit", "legal", "other"]
TYPE_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
OUTCOMES = [
    ("granted", "予以公开"), ("partial", "部分公开"),
    ("withheld.secret", "不予公开/1.属于国家秘密"), ("withheld.law", "2.其他法律行政法规禁止公开"),
    ("withheld.security", "属于国家秘密"), ("withheld.third_party", "不予公开/保护第三方合法权益"),
    ("withheld.internal", "5.属于三类内部事务信息"), ("withheld.process", "属于四类过程性信息"),
    ("withheld.enforcement", "7.属于行政执法案卷"), ("withheld.query", "属于行政查询事项"),
    ("unavailable.not_held", "无法提供/本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable.unclear", "补正后申请内容仍不明确"),
    ("rejected.petition", "不予处理/1.信访举报投诉类申请"), ("rejected.repeat", "重复申请"),
    ("rejected.publication", "3.要求提供公开出版物"), ("rejected.excessive", "无正当理由大量反复申请"),
    ("rejected.confirmation", "要求行政机关确认或重新出具已获取信息"),
    ("other.no_correction", "other.no_correction"), ("other.no_fee", "other.no_fee"),
    ("other.other", "其他处理/3.其他"),
]
# a label that names another leaf must not be used for this one
OUTCOMES[4] = ("withheld.security", "3.危及“三安全一稳定”")
ROWS = ["new", "carried_in"] + [k for k, _ in OUTCOMES] + ["processed_total", "carried_out"]
RESULTS = [("upheld", "维持"), ("corrected", "纠正"), ("other", "其他")]


def fmt_date(d, rng):
    form = rng.randrange(4)
    if form == 0:
        return d.isoformat()
    if form == 1:
        return f"{d.year}/{d.month}/{d.day}"
    if form == 2:
        return f"{d.year}.{d.month}.{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


def make_apps(rng, n):
    apps = []
    start = dt.date(2020, 1, 1)
    for i in range(n):
        got = start + dt.timedelta(days=rng.randrange((TODAY - start).days - 5))
        a = {"case": f"T{i:05d}", "got": got, "type": rng.randrange(6), "done": None,
             "outcome": None, "review": None, "suit": None}
        if rng.random() < 0.8:
            done = got + dt.timedelta(days=rng.randrange(0, 45))
            if done <= TODAY:
                a["done"], a["outcome"] = done, rng.randrange(len(OUTCOMES))
        for kind in ("review", "suit"):
            if a["done"] and rng.random() < 0.15:
                # mostly within the 60 days of the law, now and then years after the answer
                # (a case the ledger brings late): table 四 of a later year counts it
                late = rng.random() < 0.3
                filed = a["done"] + dt.timedelta(days=rng.randrange(1, 900 if late else 60))
                if filed > TODAY:
                    continue
                decided = filed + dt.timedelta(days=rng.randrange(20, 800 if late else 400))
                res = None if decided > TODAY or rng.random() < 0.2 else rng.randrange(3)
                sk = rng.randrange(2) if kind == "suit" else None
                a[kind] = (filed, res, decided if res is not None else None, sk)
        apps.append(a)
    return apps


def write_ledger(apps, rng, path):
    english = rng.random() < 0.5
    cols = ["case_no", "received", "applicant", "applicant_type", "answered", "outcome",
            "review_filed", "review_result", "review_decided", "suit_filed", "suit_kind",
            "suit_result", "suit_decided", "note"]
    zh = {"case_no": "编号", "received": "收到日期", "applicant": "申请人",
          "applicant_type": "申请人类型", "answered": "答复日期", "outcome": "办理结果",
          "review_filed": "复议申请日期", "review_result": "复议结果", "review_decided": "复议决定日期",
          "suit_filed": "起诉日期", "suit_kind": "诉讼类型", "suit_result": "诉讼结果",
          "suit_decided": "判决日期", "note": "备注"}
    rng.shuffle(cols)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(cols if english else [zh[c] for c in cols])
        for a in apps:
            v = {"case_no": a["case"], "received": fmt_date(a["got"], rng),
                 "applicant": rng.choice(["张三", "李四, 王五", "某\"公司\"", "=HYPERLINK()"]),
                 "applicant_type": rng.choice([TYPES, TYPE_LABELS])[a["type"]],
                 "answered": fmt_date(a["done"], rng) if a["done"] else "",
                 "outcome": rng.choice(OUTCOMES[a["outcome"]]) if a["done"] else "",
                 "note": rng.choice(["", "多行\n备注", "  空格  "])}
            for kind in ("review", "suit"):
                r = a[kind]
                v[kind + "_filed"] = fmt_date(r[0], rng) if r else ""
                v[kind + "_result"] = rng.choice(RESULTS[r[1]]) if r and r[1] is not None else ""
                v[kind + "_decided"] = fmt_date(r[2], rng) if r and r[2] else ""
            v["suit_kind"] = (["direct", "复议后起诉"][a["suit"][3]] if a["suit"] else "")
            w.writerow([v[c] for c in cols])


def expected(apps, year):
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    t3 = {r: [0] * 7 for r in ROWS}
    for a in apps:
        c, got, done = a["type"], a["got"], a["done"]
        if first <= got <= last:
            t3["new"][c] += 1
        if got < first and (done is None or done >= first):
            t3["carried_in"][c] += 1
        if done and first <= done <= last:
            t3[OUTCOMES[a["outcome"]][0]][c] += 1
        if got <= last and (done is None or done > last):
            t3["carried_out"][c] += 1
    for c in range(6):
        t3["processed_total"][c] = sum(t3[k][c] for k, _ in OUTCOMES)
    for r in ROWS:
        t3[r][6] = sum(t3[r][:6])
    groups = ["review", "suit_direct", "suit_after_review"]
    t4 = {g: {k: 0 for k in ("upheld", "corrected", "other", "pending", "total")} for g in groups}
    for a in apps:
        for kind in ("review", "suit"):
            r = a[kind]
            if not r:
                continue
            filed, res, decided, sk = r
            if filed > last or (decided and decided < first):
                continue
            g = "review" if kind == "review" else groups[1 + sk]
            col = "pending" if decided is None or decided > last else RESULTS[res][0]
            t4[g][col] += 1
            t4[g]["total"] += 1
    return t3, t4


def run(*args, ok=(0,)):
    p = subprocess.run([GK, *args], env=ENV, capture_output=True, text=True)
    if p.returncode not in ok:
        sys.exit(f"gongkai {' '.join(args)} → {p.returncode}\n{p.stderr}")
    return p.stdout


def main():
    os.makedirs(WORK, exist_ok=True)
    for seed in range(SEEDS):
        rng = random.Random(seed)
        apps = make_apps(rng, rng.choice([1, 30, 250]))
        ledger = os.path.join(WORK, f"ledger{seed}.csv")
        db = os.path.join(WORK, f"oracle{seed}.db")
        db2 = os.path.join(WORK, f"again{seed}.db")
        for f in (db, db2):
            if os.path.exists(f):
                os.remove(f)
        write_ledger(apps, rng, ledger)
        out = run("--db", db, "import", ledger)
        assert out.strip() == f"导入 {len(apps)} 件", out
        years = range(min(a["got"] for a in apps).year, TODAY.year + 1)
        reports = {}
        for y in years:
            got = json.loads(run("--db", db, "report", "--year", str(y), "--format", "json"))
            t3, t4 = expected(apps, y)
            if got["table3"] != t3:
                bad = [r for r in ROWS if got["table3"][r] != t3[r]]
                sys.exit(f"seed {seed} year {y}: table3 rows {bad} differ: "
                         f"{[(got['table3'][r], t3[r]) for r in bad]}")
            if got["table4"] != t4:
                sys.exit(f"seed {seed} year {y}: table4 {got['table4']} != {t4}")
            assert got["checks"]["balanced"] and got["checks"]["carried_in_matches_last_year"]
            run("--db", db, "check", "--year", str(y), "--tables")
            reports[y] = got
        exported = os.path.join(WORK, f"export{seed}.csv")
        run("--db", db, "export", "--with-personal-data", "-o", exported)
        run("--db", db2, "import", exported)
        for y in years:
            again = json.loads(run("--db", db2, "report", "--year", str(y), "--format", "json"))
            assert again == reports[y], f"seed {seed} year {y}: re-imported export differs"
        exported2 = os.path.join(WORK, f"export{seed}b.csv")
        run("--db", db2, "export", "--with-personal-data", "-o", exported2)
        assert open(exported, "rb").read() == open(exported2, "rb").read(), "export not stable"
        # a year's ledger alone gives that year's tables (docs/ledger.md): it holds what table
        # 四 counts too, reviews and lawsuits about applications answered years before
        for y in years:
            part = os.path.join(WORK, f"export{seed}y{y}.csv")
            db3 = os.path.join(WORK, f"year{seed}y{y}.db")
            if os.path.exists(db3):
                os.remove(db3)
            run("--db", db, "export", "--year", str(y), "--with-personal-data", "-o", part)
            run("--db", db3, "import", part)
            again = json.loads(run("--db", db3, "report", "--year", str(y), "--format", "json"))
            for table in ("table3", "table4", "fees_yuan", "checks"):
                assert again[table] == reports[y][table], \
                    f"seed {seed} year {y}: {table} of the year's export differs: " \
                    f"{again[table]} != {reports[y][table]}"
        print(f"seed {seed}: {len(apps)} applications, years {years.start}–{years.stop - 1} ok")


main()
