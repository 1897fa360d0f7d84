#!/usr/bin/env python3
"""gen_ledger.py — a large synthetic ledger (台账 CSV) that is valid under docs/ledger.md.

  gen_ledger.py ROWS OUT.csv [--seed N] [--today YYYY-MM-DD] [--prefix B] [--narrow]

Ten years of applications (2017 to the year of --today) with a realistic mix: mostly natural
persons, some companies and law firms; most answered 予以公开 or 本机关不掌握, every outcome
present; about 3 % still open (recent ones); 补正, consultations, extensions and fees on a few
per cent; reconsiderations and lawsuits on some answered ones. Dates are consistent with the
clock rules (events in order, before the answer), every extension names who approved it, and
no outcome contradicts the events (逾期不补正 after a 补正 notice whose limit passed, 逾期未缴费
after a fee notice whose payment limit passed, 补正后仍不明确 after a 补正, 复议后起诉 after a
decided reconsideration), so the ledger imports without a problem or a question.

--narrow writes the ledger most offices keep: eight columns (case number, receipt date,
applicant, type, channel, request, answer date, outcome), no events, so no outcome that needs
one (逾期不补正, 逾期未缴费 and 补正后仍不明确 become 其他处理/3.其他).
"""
import argparse, csv, datetime as dt, random

p = argparse.ArgumentParser()
p.add_argument("rows", type=int)
p.add_argument("out")
p.add_argument("--seed", type=int, default=1)
p.add_argument("--today", default="2026-11-26")
p.add_argument("--prefix", default="B", help="case numbers are PREFIX followed by 7 digits")
p.add_argument("--narrow", action="store_true", help="eight columns, no events")
a = p.parse_args()
rng = random.Random(a.seed)
today = dt.date.fromisoformat(a.today)
first = dt.date(today.year - 9, 1, 1)
span = (today - first).days - 60

TYPES = (["自然人"] * 70 + ["商业企业"] * 12 + ["科研机构"] * 2 + ["社会公益组织"] * 2 +
         ["法律服务机构"] * 8 + ["其他"] * 6)
OUTCOMES = (["予以公开"] * 45 + ["部分公开"] * 10 + ["不予公开/1.属于国家秘密"] +
            ["不予公开/2.其他法律行政法规禁止公开"] + ["不予公开/3.危及“三安全一稳定”"] +
            ["不予公开/4.保护第三方合法权益"] * 2 + ["不予公开/5.属于三类内部事务信息"] +
            ["不予公开/6.属于四类过程性信息"] * 2 + ["不予公开/7.属于行政执法案卷"] +
            ["不予公开/8.属于行政查询事项"] + ["无法提供/1.本机关不掌握相关政府信息"] * 15 +
            ["无法提供/2.没有现成信息需要另行制作"] * 3 + ["无法提供/3.补正后申请内容仍不明确"] +
            ["不予处理/1.信访举报投诉类申请"] * 3 + ["不予处理/2.重复申请"] * 2 +
            ["不予处理/3.要求提供公开出版物"] + ["不予处理/4.无正当理由大量反复申请"] +
            ["不予处理/5.要求行政机关确认或重新出具已获取信息"] +
            ["其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"] +
            ["其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"] +
            ["其他处理/3.其他"] * 2)
CHANNELS = ["当面", "邮寄", "平信", "网络", "电子邮件", "传真"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
TOPICS = ["征收补偿方案", "学校划片范围", "行政处罚决定书", "环评批复文件", "财政预算执行情况",
          "规划许可证", "养老服务补贴名单", "道路建设项目批复", "招标投标文件", "安置房分配方案"]
HEAD = ["编号", "收到日期", "申请人", "申请人类型", "渠道", "申请内容", "证件号码", "联系方式",
        "补正通知日期", "补正期限", "补正收到日期", "征求意见开始", "征求意见结束", "延期日期",
        "延期工作日", "延期批准人", "收费通知日期", "收费通知送达日期", "答复日期", "办理结果", "信息处理费", "缴费日期", "复议申请日期", "复议结果",
        "复议决定日期", "起诉日期", "诉讼类型", "诉讼结果", "判决日期", "备注"]
D = lambda d: d.isoformat() if d else ""
day = dt.timedelta(days=1)

NARROW = ["编号", "收到日期", "申请人", "申请人类型", "渠道", "申请内容", "答复日期", "办理结果"]
EVENTS = ["补正通知日期", "补正期限", "补正收到日期", "征求意见开始", "征求意见结束", "延期日期",
          "延期工作日", "延期批准人", "收费通知日期", "收费通知送达日期", "信息处理费", "缴费日期"]


def settle(v, got, done):
    """The events an outcome needs (docs/deadlines.md, what needs confirming): 逾期不补正 after a
    补正 notice whose limit passed, 逾期未缴费 after a fee notice whose payment limit passed (20
    working days: 45 calendar days are always more), 补正后仍不明确 after a 补正. Where the
    answer would then lie after today, the outcome becomes 其他处理/3.其他."""
    out = v["办理结果"]
    if a.narrow and out[:6] in ("其他处理/1", "其他处理/2", "无法提供/3"):
        v["办理结果"] = "其他处理/3.其他"
        return
    need = {"其他处理/1": 13, "其他处理/2": 46, "无法提供/3": 7}.get(out[:6])
    if need is None:
        return
    for k in EVENTS:
        v[k] = ""
    if done < got + need * day:
        done = got + need * day
    if done > today:
        v["办理结果"] = "其他处理/3.其他"
        return
    v["答复日期"] = D(done)
    if out.startswith("其他处理/2"):
        v["收费通知日期"], v["收费通知送达日期"] = D(got + 4 * day), D(got + 5 * day)
        v["信息处理费"] = "100.00"
    else:
        v["补正通知日期"], v["补正期限"] = D(got + 2 * day), D(got + 12 * day)
        if out.startswith("无法提供/3"):
            v["补正收到日期"] = D(got + 6 * day)


with open(a.out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    cols = NARROW if a.narrow else HEAD
    w.writerow(cols)
    for i in range(a.rows):
        got = first + dt.timedelta(days=rng.randrange(span))
        if rng.random() < 0.03:   # still open: received lately
            got = today - dt.timedelta(days=rng.randrange(1, 60))
        v = dict.fromkeys(HEAD, "")
        v["编号"] = f"{a.prefix}{i:07d}"
        v["收到日期"] = D(got)
        t = rng.choice(TYPES)
        v["申请人类型"] = t
        v["申请人"] = (rng.choice(SURNAMES) + "某" if t == "自然人" else
                    rng.choice(["郑州", "开封", "洛阳"]) + "某" + {"商业企业": "公司",
                    "科研机构": "研究院", "社会公益组织": "基金会", "法律服务机构": "律师事务所",
                    "其他": "村民委员会"}[t])
        v["渠道"] = rng.choice(CHANNELS)
        v["申请内容"] = rng.choice(TOPICS)
        if t == "自然人":
            v["证件号码"] = f"4101{rng.randrange(10**13, 10**14)}"
            v["联系方式"] = f"138{rng.randrange(10**7, 10**8)}"
        cursor = got
        r = rng.random() if got + 12 * day <= today and not a.narrow else 1.0   # none after today
        if r < 0.08:
            sent, back = got + 2 * day, got + 6 * day
            v["补正通知日期"], v["补正收到日期"] = D(sent), D(back)
            v["补正期限"] = D(sent + 10 * day)   # 第三十条: the notice gives a time limit
            cursor = back
        elif r < 0.12:
            s, e = got + 3 * day, got + 12 * day
            v["征求意见开始"], v["征求意见结束"] = D(s), D(e)
            cursor = e
        elif r < 0.14:
            x = got + 5 * day
            v["延期日期"], v["延期工作日"] = D(x), str(rng.randint(5, 20))
            v["延期批准人"] = "王主任"   # 第三十三条: the head of the disclosure office consents
            cursor = x
        elif r < 0.15:
            n, paid = got + 4 * day, got + 9 * day
            v["收费通知日期"], v["缴费日期"], v["信息处理费"] = D(n), D(paid), "100.00"
            cursor = paid
        done = cursor + dt.timedelta(days=rng.randrange(1, 30))
        if got > today - 60 * day and rng.random() < 0.8 or done > today:
            done = None
        if done:
            v["答复日期"], v["办理结果"] = D(done), rng.choice(OUTCOMES)
            settle(v, got, done)
            if rng.random() < 0.02:
                filed = done + dt.timedelta(days=rng.randrange(5, 50))
                dec = filed + dt.timedelta(days=rng.randrange(30, 120))
                if filed <= today:
                    v["复议申请日期"] = D(filed)
                    if dec <= today:
                        v["复议结果"], v["复议决定日期"] = rng.choice(["维持", "纠正", "其他"]), D(dec)
            if rng.random() < 0.01:
                filed = done + dt.timedelta(days=rng.randrange(5, 90))
                dec = filed + dt.timedelta(days=rng.randrange(60, 300))
                if filed <= today:
                    kind = rng.choice(["未经复议直接起诉", "复议后起诉"])
                    if not v["复议决定日期"]:   # 行政诉讼法 第四十五条: after a decided one
                        kind = "未经复议直接起诉"
                    v["起诉日期"], v["诉讼类型"] = D(filed), kind
                    if dec <= today:
                        v["诉讼结果"], v["判决日期"] = rng.choice(["维持", "纠正", "其他"]), D(dec)
        if a.narrow:
            v["复议申请日期"] = v["起诉日期"] = ""
        w.writerow([v[h] for h in cols])
