/*
 * clock.c — the answer period of one application, event by event.
 *
 * The dates of an application become a short list of events sorted by date; one run over them
 * keeps the clock's state (running with a due date, stopped by a pause with the working days
 * left, or waiting for a 补正 with no date at all) and writes a Chinese line per step, the same
 * text the detail screen and `gongkai due` show. clock_check runs the same events to find what
 * only the running clock can tell (an extension after the due date in force), and adds the
 * checks of plain order. The rules are docs/deadlines.md's; each is marked with its article.
 */
#include "clock.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xmem.h"

enum ev_kind { EV_RECEIPT, EV_CORR_SENT, EV_CORR_RECEIVED, EV_PAUSE_END, EV_EXTENSION,
	       EV_PAUSE_START, EV_ANSWER };

/* The two pauses of the clock: consultation (第三十二条/第三十四条) and fee (第四十二条). */
enum { PAUSE_CONSULT, PAUSE_FEE, PAUSES };

struct event {
	int day;
	int rank;  /* the order of events of one day */
	enum ev_kind kind;
	enum clock_field field;
	int pause;
};

/* The state of one run over the events. */
struct run {
	const struct calendar *cal;
	const struct clock_dates *in;
	struct strbuf *steps;
	struct clock_problems *probs;  /* NULL when only computing */
	bool started, waiting, answered;
	int due;         /* in force while running (no pause stops it, not waiting) */
	int left;        /* while a pause stops the clock */
	int stopping;    /* open pauses that stop the clock */
	bool open[PAUSES], stops[PAUSES];
	bool extended;
	bool late;
	int missing_year;
};

static const char *const field_names[] = {
	[CLOCK_F_RECEIVED] = "收到日期",
	[CLOCK_F_CORRECTION_SENT] = "补正通知日期",
	[CLOCK_F_CORRECTION_LIMIT] = "补正期限",
	[CLOCK_F_CORRECTION_RECEIVED] = "补正收到日期",
	[CLOCK_F_CONSULT_START] = "征求意见开始",
	[CLOCK_F_CONSULT_END] = "征求意见结束",
	[CLOCK_F_EXTENDED_ON] = "延期日期",
	[CLOCK_F_EXTENSION_DAYS] = "延期工作日",
	[CLOCK_F_FEE_NOTICE] = "收费通知日期",
	[CLOCK_F_FEE_PAID] = "缴费日期",
	[CLOCK_F_ANSWERED] = "答复日期",
};

const char *clock_field_name(enum clock_field f)
{
	if ((unsigned)f >= sizeof field_names / sizeof field_names[0])
		return "";
	return field_names[f];
}

void clock_dates_init(struct clock_dates *in)
{
	*in = (struct clock_dates){
		.received = DATE_NONE, .correction_sent = DATE_NONE,
		.correction_limit = DATE_NONE, .correction_received = DATE_NONE,
		.consult_start = DATE_NONE, .consult_end = DATE_NONE,
		.extended_on = DATE_NONE, .extension_days = 0,
		.fee_notice = DATE_NONE, .fee_paid_on = DATE_NONE, .answered = DATE_NONE,
		.consult_delivered = DATE_NONE, .fee_delivered = DATE_NONE,
	};
}

static void add_problem(struct clock_problems *p, enum clock_field f, bool error,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void add_problem(struct clock_problems *p, enum clock_field f, bool error,
			const char *fmt, ...)
{
	if (!p)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	char *msg = xasprintf("%s: %s", clock_field_name(f), text);
	free(text);
	p->items = xgrow(p->items, &p->cap, p->n + 1, sizeof *p->items);
	p->items[p->n++] = (struct clock_problem){ f, error, msg };
	p->errors += error;
}

void clock_problems_release(struct clock_problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i].message);
	free(p->items);
	*p = (struct clock_problems)CLOCK_PROBLEMS_INIT;
}

/* ---- counting, noting the years without a notice ---- */

static void note_missing(struct run *r, int from, int to)
{
	int y = calendar_missing_year(r->cal, from, to);
	if (y && (!r->missing_year || y < r->missing_year))
		r->missing_year = y;
}

static int w(struct run *r, int day, int n)
{
	int end = calendar_add_workdays(r->cal, day, n);
	note_missing(r, day, end);
	return end;
}

static int count(struct run *r, int from, int to)
{
	note_missing(r, from, to);
	return calendar_workdays_between(r->cal, from, to);
}

/* ---- the events ---- */

static const char *const pause_name[PAUSES] = { "征求意见", "收费通知" };

static void event_add(struct event *ev, size_t *n, int day, int rank, enum ev_kind kind,
		      enum clock_field field, int pause)
{
	if (day == DATE_NONE)
		return;
	struct event e = { day, rank, kind, field, pause };
	size_t i = *n;
	/* insertion sort: equal keys keep the order added (consultation before fee) */
	while (i > 0 && (ev[i - 1].day > day || (ev[i - 1].day == day && ev[i - 1].rank > rank))) {
		ev[i] = ev[i - 1];
		i--;
	}
	ev[i] = e;
	(*n)++;
}

/* Adds one pause's start and end; an end on the day of its start comes after it. */
static void event_add_pause(struct event *ev, size_t *n, int start, int end, int pause)
{
	static const enum clock_field fields[PAUSES][2] = {
		{ CLOCK_F_CONSULT_START, CLOCK_F_CONSULT_END },
		{ CLOCK_F_FEE_NOTICE, CLOCK_F_FEE_PAID },
	};
	event_add(ev, n, start, 5, EV_PAUSE_START, fields[pause][0], pause);
	event_add(ev, n, end, end == start ? 6 : 3, EV_PAUSE_END, fields[pause][1], pause);
}

/* The events of in, in the order they are applied (see clock_compute); returns how many. */
static size_t events_of(const struct clock_dates *in, struct event ev[9])
{
	size_t n = 0;
	event_add(ev, &n, in->received, 0, EV_RECEIPT, CLOCK_F_RECEIVED, 0);
	event_add(ev, &n, in->correction_sent, 1, EV_CORR_SENT, CLOCK_F_CORRECTION_SENT, 0);
	event_add(ev, &n, in->correction_received, 2, EV_CORR_RECEIVED,
		  CLOCK_F_CORRECTION_RECEIVED, 0);
	event_add_pause(ev, &n, in->consult_start, in->consult_end, PAUSE_CONSULT);
	event_add_pause(ev, &n, in->fee_notice, in->fee_paid_on, PAUSE_FEE);
	event_add(ev, &n, in->extended_on, 4, EV_EXTENSION, CLOCK_F_EXTENDED_ON, 0);
	event_add(ev, &n, in->answered, 7, EV_ANSWER, CLOCK_F_ANSWERED, 0);
	return n;
}

/* ---- applying them ---- */

static void on_receipt(struct run *r, int day)
{
	char a[DATE_BUF], b[DATE_BUF];
	r->started = true;
	r->due = w(r, day, CLOCK_ANSWER_DAYS);  /* 第三十三条 */
	sb_addf(r->steps, "收到申请 %s（%s）：到期日为其后第%d个工作日 %s\n", date_format(day, a),
		date_weekday_name(day), CLOCK_ANSWER_DAYS, date_format(r->due, b));
}

static void on_correction_sent(struct run *r, int day)
{
	char a[DATE_BUF], b[DATE_BUF];
	/* 第三十条: the notice goes out within 7 working days of receipt, once */
	int limit = w(r, r->in->received, CLOCK_CORRECTION_NOTICE_DAYS);
	r->waiting = true;
	sb_addf(r->steps, "补正通知 %s：待申请人补正", date_format(day, a));
	if (r->in->correction_limit != DATE_NONE)
		sb_addf(r->steps, "（补正期限 %s）", date_format(r->in->correction_limit, b));
	sb_adds(r->steps, "，答复期限自收到补正之日起重新计算\n");
	if (day > limit) {
		sb_addf(r->steps, "  补正通知晚于收到申请后第%d个工作日 %s（第三十条）\n",
			CLOCK_CORRECTION_NOTICE_DAYS, date_format(limit, b));
		add_problem(r->probs, CLOCK_F_CORRECTION_SENT, false,
			    "%s 晚于收到申请后第%d个工作日 %s（第三十条）", date_format(day, a),
			    CLOCK_CORRECTION_NOTICE_DAYS, date_format(limit, b));
	}
}

static void on_correction_received(struct run *r, int day)
{
	char a[DATE_BUF], b[DATE_BUF];
	r->waiting = false;
	if (r->extended) {
		sb_adds(r->steps, "  此前的延期随重新起算不再计入\n");
		add_problem(r->probs, CLOCK_F_EXTENDED_ON, false,
			    "%s 早于收到补正，答复期限自收到补正之日起重新计算，该延期不再起作用",
			    date_format(r->in->extended_on, a));
		r->extended = false;
	}
	/* 第三十条: the answer period runs from receipt of the corrected application */
	if (r->stopping) {
		r->left = CLOCK_ANSWER_DAYS;
		sb_addf(r->steps, "收到补正 %s：重新起算，暂停未结束，剩余 %d 个工作日\n",
			date_format(day, a), r->left);
		return;
	}
	r->due = w(r, day, CLOCK_ANSWER_DAYS);
	sb_addf(r->steps, "收到补正 %s：重新起算，到期日 %s\n", date_format(day, a),
		date_format(r->due, b));
}

int clock_fee_limit(const struct calendar *cal, const struct clock_dates *in, bool *provisional)
{
	*provisional = false;
	if (in->fee_notice == DATE_NONE)
		return DATE_NONE;
	*provisional = in->fee_delivered == DATE_NONE;
	int from = *provisional ? in->fee_notice : in->fee_delivered;
	return calendar_add_workdays(cal, from, CLOCK_FEE_PAY_DAYS);
}

int clock_consult_limit(const struct calendar *cal, const struct clock_dates *in,
			bool *provisional)
{
	*provisional = false;
	if (in->consult_start == DATE_NONE)
		return DATE_NONE;
	*provisional = in->consult_delivered == DATE_NONE;
	int from = *provisional ? in->consult_start : in->consult_delivered;
	return calendar_add_workdays(cal, from, CLOCK_CONSULT_REPLY_DAYS);
}

void clock_fee_limit_text(const struct clock *c, int today, struct strbuf *out)
{
	char b[DATE_BUF];
	if (c->fee_limit == DATE_NONE)
		return;
	sb_addf(out, "%s（%s）", date_format(c->fee_limit, b), c->fee_limit_provisional
		? "送达日期未登记，暂按通知日期计算" : "自送达次日起 20 个工作日");
	if (today > c->fee_limit)
		sb_adds(out, "，已过：逾期未缴费视为放弃申请");
}

void clock_consult_limit_text(const struct clock *c, int party, int today, struct strbuf *out)
{
	char b[DATE_BUF];
	if (c->consult_limit == DATE_NONE)
		return;
	sb_addf(out, "%s（%s）", date_format(c->consult_limit, b), c->consult_limit_provisional
		? "送达日期未登记，暂按开始日期计算" : "自收到征求意见之日起 15 个工作日");
	if (today <= c->consult_limit)
		return;
	/* 第三十二条: a third party's silence leaves the decision to the office; 第三十四条:
	 * another body's silence counts as agreeing */
	if (party == 0)
		sb_adds(out, "，已过：第三方逾期未提出意见的，由本机关依照条例规定决定（第三十二条）");
	else if (party == 1)
		sb_adds(out, "，已过：其他机关逾期未答复的，视为同意公开（第三十四条）");
	else
		sb_adds(out, "，已过：第三方由本机关决定（第三十二条），其他机关视为同意（第三十四条）");
}

/* The end of a fee notice's step: the applicant pays within 20 working days from the day after
 * the notice reached them (国办函〔2020〕109号). */
static void fee_limit_note(struct run *r)
{
	char b[DATE_BUF];
	bool provisional;
	int limit = clock_fee_limit(r->cal, r->in, &provisional);
	sb_addf(r->steps, "，缴费期限 %s%s", date_format(limit, b),
		provisional ? "（送达日期未登记，暂按通知日期计算）" : "（自送达次日起 20 个工作日）");
}

static void on_pause_start(struct run *r, int day, int p, enum clock_field field)
{
	char a[DATE_BUF], b[DATE_BUF];
	r->open[p] = true;
	r->stops[p] = true;
	sb_addf(r->steps, "%s %s 起暂停", pause_name[p], date_format(day, a));
	if (r->waiting) {
		sb_adds(r->steps, "：待补正中，尚无到期日");
	} else if (r->stopping) {
		sb_adds(r->steps, "：已在暂停中，继续暂停");
	} else if (day > r->due) {
		/* already late: a pause cannot give back time that has run out */
		r->stops[p] = false;
		sb_addf(r->steps, "：开始时已过到期日 %s，不再顺延", date_format(r->due, b));
		add_problem(r->probs, field, false, "%s 晚于当时的到期日 %s，不再顺延%s", a, b,
			    p == PAUSE_FEE ? "（第四十二条：收费通知应在答复期限内发出）" : "");
	} else {
		r->left = count(r, day, r->due);  /* 第三十三条: the time it takes is not counted */
		sb_addf(r->steps, "：剩余 %d 个工作日", r->left);
	}
	r->stopping += r->stops[p];
	if (p == PAUSE_FEE)
		fee_limit_note(r);
	sb_addc(r->steps, '\n');
}

static void on_pause_end(struct run *r, int day, int p)
{
	char a[DATE_BUF], b[DATE_BUF];
	const char *what = p == PAUSE_FEE ? "缴费" : "征求意见";
	const char *ends = p == PAUSE_FEE ? "，暂停结束" : " 结束";
	date_format(day, a);
	if (!r->open[p]) {
		sb_addf(r->steps, "%s %s：没有%s的开始日期，不计\n", what, a, pause_name[p]);
		return;
	}
	r->open[p] = false;
	if (!r->stops[p]) {
		sb_addf(r->steps, "%s %s%s（开始时已逾期，不影响到期日）\n", what, a, ends);
		return;
	}
	r->stops[p] = false;
	if (--r->stopping) {
		sb_addf(r->steps, "%s %s%s：%s未结束，继续暂停\n", what, a, ends,
			pause_name[p == PAUSE_FEE ? PAUSE_CONSULT : PAUSE_FEE]);
	} else if (r->waiting) {
		sb_addf(r->steps, "%s %s%s：待补正中，尚无到期日\n", what, a, ends);
	} else {
		r->due = w(r, day, r->left);
		sb_addf(r->steps, "%s %s%s：顺延 %d 个工作日，到期日 %s\n", what, a, ends, r->left,
			date_format(r->due, b));
		r->left = 0;
	}
}

static void on_extension(struct run *r, int day)
{
	char a[DATE_BUF], b[DATE_BUF];
	int n = r->in->extension_days;
	date_format(day, a);
	if (n < 1 || n > CLOCK_EXTENSION_MAX) {
		/* clock_check reports the days themselves */
		sb_addf(r->steps, "延期 %s 不予计算：延期工作日 %d 不在 1–%d 之间（第三十三条）\n",
			a, n, CLOCK_EXTENSION_MAX);
	} else if (r->waiting) {
		sb_addf(r->steps, "延期 %s 不予计算：待补正期间尚无答复期限\n", a);
		add_problem(r->probs, CLOCK_F_EXTENDED_ON, true,
			    "%s 处于待补正期间，尚无答复期限可以延长", a);
	} else if (r->stopping) {
		r->left += n;
		r->extended = true;
		sb_addf(r->steps, "延期 %s 批准 %d 个工作日：暂停中，剩余 %d 个工作日\n", a, n,
			r->left);
	} else if (day > r->due) {
		sb_addf(r->steps, "延期 %s 不予计算：晚于当时的到期日 %s\n", a,
			date_format(r->due, b));
		add_problem(r->probs, CLOCK_F_EXTENDED_ON, true,
			    "%s 晚于当时的到期日 %s，已逾期不能延期（第三十三条）", a, b);
	} else {
		r->due = w(r, r->due, n);  /* 第三十三条: at most 20 working days more */
		r->extended = true;
		sb_addf(r->steps, "延期 %s 批准 %d 个工作日：到期日 %s\n", a, n,
			date_format(r->due, b));
	}
}

static void on_answer(struct run *r, int day)
{
	char a[DATE_BUF], b[DATE_BUF];
	r->answered = true;
	date_format(day, a);
	if (r->waiting)
		sb_addf(r->steps, "答复 %s：待补正期间答复，不计逾期\n", a);
	else if (r->stopping)
		sb_addf(r->steps, "答复 %s：暂停期间答复，不计逾期\n", a);
	else if (day > r->due)
		sb_addf(r->steps, "答复 %s：逾期（到期日 %s）\n", a, date_format(r->due, b));
	else
		sb_addf(r->steps, "答复 %s：按期（到期日 %s）\n", a, date_format(r->due, b));
	r->late = !r->waiting && !r->stopping && day > r->due;
}

static void apply(struct run *r, const struct event *e)
{
	char a[DATE_BUF];
	if (!r->started && e->kind != EV_RECEIPT) {
		sb_addf(r->steps, "%s %s：早于收到日期，不计\n", clock_field_name(e->field),
			date_format(e->day, a));
		return;
	}
	if (r->answered) {
		sb_addf(r->steps, "%s %s：在答复之后，不计\n", clock_field_name(e->field),
			date_format(e->day, a));
		return;
	}
	switch (e->kind) {
	case EV_RECEIPT: on_receipt(r, e->day); break;
	case EV_CORR_SENT: on_correction_sent(r, e->day); break;
	case EV_CORR_RECEIVED: on_correction_received(r, e->day); break;
	case EV_PAUSE_END: on_pause_end(r, e->day, e->pause); break;
	case EV_EXTENSION: on_extension(r, e->day); break;
	case EV_PAUSE_START: on_pause_start(r, e->day, e->pause, e->field); break;
	case EV_ANSWER: on_answer(r, e->day); break;
	}
}

/* The state the run ended in, into out (steps are already there). */
static void finish(struct run *r, struct clock *out)
{
	bool paused = r->open[PAUSE_CONSULT] || r->open[PAUSE_FEE];
	bool no_due = !r->started || r->waiting || r->stopping;
	out->due = no_due ? DATE_NONE : r->due;
	out->left = !r->answered && !r->waiting && r->stopping ? r->left : 0;
	out->extended = r->extended;
	out->late = r->answered && r->late;
	if (r->answered)
		out->state = CLOCK_ANSWERED;
	else if (r->waiting)
		out->state = CLOCK_CORRECTION;
	else if (paused)
		out->state = r->open[PAUSE_CONSULT] ? CLOCK_CONSULT : CLOCK_FEE;
	else
		out->state = CLOCK_OPEN;
	out->fee_limit = DATE_NONE;
	out->fee_limit_provisional = false;
	if (r->in->fee_notice != DATE_NONE && r->in->fee_paid_on == DATE_NONE) {
		out->fee_limit = clock_fee_limit(r->cal, r->in, &out->fee_limit_provisional);
		note_missing(r, r->in->fee_notice, out->fee_limit);
	}
	out->consult_limit = DATE_NONE;
	out->consult_limit_provisional = false;
	if (r->in->consult_start != DATE_NONE && r->in->consult_end == DATE_NONE)
		out->consult_limit = clock_consult_limit(r->cal, r->in,
							 &out->consult_limit_provisional);
	if (out->consult_limit != DATE_NONE)
		note_missing(r, r->in->consult_start, out->consult_limit);
	out->missing_year = r->missing_year;
	if (r->missing_year)
		sb_addf(r->steps, "%d年节假日安排未录入，按周末推算\n", r->missing_year);
}

static void run_clock(const struct calendar *cal, const struct clock_dates *in,
		      struct clock *out, struct clock_problems *probs, bool quiet)
{
	/* quiet: no steps text (a NULL strbuf takes nothing), for the store and the checks */
	struct run r = { .cal = cal, .in = in, .steps = quiet ? NULL : &out->steps,
			 .probs = probs, .due = DATE_NONE };
	struct event ev[9];
	size_t n = events_of(in, ev);
	sb_reset(&out->steps);
	if (in->received == DATE_NONE)
		sb_adds(&out->steps, "缺少收到日期，无法计算答复期限\n");
	for (size_t i = 0; i < n && in->received != DATE_NONE; i++)
		apply(&r, &ev[i]);
	finish(&r, out);
}

void clock_compute(const struct calendar *cal, const struct clock_dates *in, struct clock *out)
{
	run_clock(cal, in, out, NULL, false);
}

void clock_compute_quiet(const struct calendar *cal, const struct clock_dates *in,
			 struct clock *out)
{
	run_clock(cal, in, out, NULL, true);
}

void clock_release(struct clock *c)
{
	sb_release(&c->steps);
}

int clock_workdays_left(const struct calendar *cal, const struct clock *c, int today)
{
	if (c->state == CLOCK_ANSWERED)
		return 0;
	if (c->due == DATE_NONE)
		return c->left;
	return calendar_workdays_between(cal, today, c->due);
}

bool clock_is_overdue(const struct clock *c, int today)
{
	return c->state != CLOCK_ANSWERED && c->due != DATE_NONE && today > c->due;
}

/* ---- checking the dates ---- */

struct dated {
	enum clock_field field;
	int day;
};

/* The dated fields other than the receipt, in the order of the form. */
static size_t dated_of(const struct clock_dates *in, struct dated out[9])
{
	const struct dated all[] = {
		{ CLOCK_F_CORRECTION_SENT, in->correction_sent },
		{ CLOCK_F_CORRECTION_LIMIT, in->correction_limit },
		{ CLOCK_F_CORRECTION_RECEIVED, in->correction_received },
		{ CLOCK_F_CONSULT_START, in->consult_start },
		{ CLOCK_F_CONSULT_END, in->consult_end },
		{ CLOCK_F_EXTENDED_ON, in->extended_on },
		{ CLOCK_F_FEE_NOTICE, in->fee_notice },
		{ CLOCK_F_FEE_PAID, in->fee_paid_on },
		{ CLOCK_F_ANSWERED, in->answered },
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (all[i].day != DATE_NONE)
			out[n++] = all[i];
	return n;
}

/* Day (of field f) must follow the event `before` (of field bf), which must exist. Days that
 * are before receipt are left alone: check_receipt has said so already. */
static void check_after(const struct clock_dates *in, struct clock_problems *p,
			enum clock_field f, int day, enum clock_field bf, int before)
{
	char a[DATE_BUF], b[DATE_BUF];
	if (day == DATE_NONE || (in->received != DATE_NONE && day < in->received))
		return;
	if (before == DATE_NONE)
		add_problem(p, f, true, "%s 没有%s", date_format(day, a), clock_field_name(bf));
	else if (day < before)
		add_problem(p, f, true, "%s 早于%s %s", date_format(day, a), clock_field_name(bf),
			    date_format(before, b));
}

/* Nothing happens before receipt (第三十一条 fixes the day the application arrived). */
static void check_receipt(const struct clock_dates *in, struct clock_problems *p)
{
	char a[DATE_BUF], b[DATE_BUF];
	struct dated d[9];
	size_t n = dated_of(in, d);
	if (in->received == DATE_NONE) {
		add_problem(p, CLOCK_F_RECEIVED, true, "不能为空");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (d[i].day < in->received)
			add_problem(p, d[i].field, true, "%s 早于收到日期 %s",
				    date_format(d[i].day, a), date_format(in->received, b));
}

/* The answer closes the case: every other event (but the 补正 limit, a date set for the
 * applicant) comes on or before it. */
static void check_answer(const struct clock_dates *in, struct clock_problems *p)
{
	struct dated d[9];
	size_t n = dated_of(in, d);
	const struct dated *latest = NULL;
	for (size_t i = 0; i < n; i++)
		if (d[i].field != CLOCK_F_ANSWERED && d[i].field != CLOCK_F_CORRECTION_LIMIT
		    && (!latest || d[i].day > latest->day))
			latest = &d[i];
	if (latest && in->answered != DATE_NONE && in->answered < latest->day)
		check_after(in, p, CLOCK_F_ANSWERED, in->answered, latest->field, latest->day);
}

/* 第三十三条: an extension is of 1 to 20 working days, and has both its date and its days. */
static void check_extension(const struct clock_dates *in, struct clock_problems *p)
{
	char a[DATE_BUF];
	int n = in->extension_days;
	if (in->extended_on == DATE_NONE) {
		if (n != 0)
			add_problem(p, CLOCK_F_EXTENDED_ON, true, "不能为空（已填延期工作日 %d）",
				    n);
	} else if (n == 0) {
		add_problem(p, CLOCK_F_EXTENSION_DAYS, true, "不能为空（已填延期日期 %s）",
			    date_format(in->extended_on, a));
	} else if (n < 1 || n > CLOCK_EXTENSION_MAX) {
		add_problem(p, CLOCK_F_EXTENSION_DAYS, true, "%d 不在 1–%d 之间（第三十三条）", n,
			    CLOCK_EXTENSION_MAX);
	}
}

/* The applicant's own limits: 补正 (第三十条) and payment (国办函〔2020〕109号). */
static void check_limits(const struct calendar *cal, const struct clock_dates *in,
			 struct clock_problems *p)
{
	char a[DATE_BUF], b[DATE_BUF];
	if (in->correction_received != DATE_NONE && in->correction_limit != DATE_NONE
	    && in->correction_received > in->correction_limit)
		add_problem(p, CLOCK_F_CORRECTION_RECEIVED, false, "%s 晚于补正期限 %s",
			    date_format(in->correction_received, a),
			    date_format(in->correction_limit, b));
	if (in->fee_notice == DATE_NONE || in->fee_paid_on == DATE_NONE)
		return;
	bool provisional;
	int limit = clock_fee_limit(cal, in, &provisional);
	if (in->fee_paid_on > limit)
		add_problem(p, CLOCK_F_FEE_PAID, false,
			    "%s 晚于缴费期限 %s（逾期未缴费视为放弃申请）",
			    date_format(in->fee_paid_on, a), date_format(limit, b));
}

void clock_check(const struct calendar *cal, const struct clock_dates *in,
		 struct clock_problems *out)
{
	struct clock c = CLOCK_INIT;
	clock_check_compute(cal, in, out, &c);
	clock_release(&c);
}

void clock_check_compute(const struct calendar *cal, const struct clock_dates *in,
			 struct clock_problems *out, struct clock *c)
{
	check_receipt(in, out);
	check_after(in, out, CLOCK_F_CORRECTION_LIMIT, in->correction_limit,
		    CLOCK_F_CORRECTION_SENT, in->correction_sent);
	check_after(in, out, CLOCK_F_CORRECTION_RECEIVED, in->correction_received,
		    CLOCK_F_CORRECTION_SENT, in->correction_sent);
	check_after(in, out, CLOCK_F_CONSULT_END, in->consult_end,
		    CLOCK_F_CONSULT_START, in->consult_start);
	check_after(in, out, CLOCK_F_FEE_PAID, in->fee_paid_on,
		    CLOCK_F_FEE_NOTICE, in->fee_notice);
	check_answer(in, out);
	check_extension(in, out);
	check_limits(cal, in, out);
	/* what only the running clock knows: the due date in force at each event */
	run_clock(cal, in, c, out, true);
}
