/*
 * app.c — the application record: its fields, copies and the checks a form or a ledger row
 * must pass before the store takes it.
 *
 * The checks here are the clerk-facing ones, each with a Chinese message naming the field; the
 * schema's CHECK constraints repeat the hard rules as a last line of defence.
 */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "date.h"
#include "guard.h"
#include "text.h"
#include "strbuf.h"
#include "xmem.h"

static const struct {
	const char *zh, *en;
} fields[F_COUNT] = {
#define APP_FIELD_ROW(name, zh, en) [name] = { zh, en },
	APP_FIELD_LIST(APP_FIELD_ROW)
#undef APP_FIELD_ROW
};

const char *app_field_name(enum app_field f)
{
	return (unsigned)f < F_COUNT ? fields[f].zh : "?";
}

const char *app_field_alias(enum app_field f)
{
	return (unsigned)f < F_COUNT ? fields[f].en : "?";
}

int app_field_parse(const char *header)
{
	size_t n = strlen(header);
	while (n && (*header == ' ' || *header == '\t'))
		header++, n--;
	while (n && (header[n - 1] == ' ' || header[n - 1] == '\t'))
		n--;
	for (int f = 0; f < F_COUNT; f++) {
		if ((strlen(fields[f].zh) == n && memcmp(header, fields[f].zh, n) == 0) ||
		    (strlen(fields[f].en) == n && memcmp(header, fields[f].en, n) == 0))
			return f;
	}
	return -1;
}

bool app_field_is_personal(enum app_field f)
{
	return f == F_ID_NUMBER || f == F_CONTACT;
}

bool app_field_is_multiline(enum app_field f)
{
	return f == F_REQUEST || f == F_NOTE || f == F_CORRECTION_ITEMS ||
	       f == F_EXTENSION_REASON || f == F_ANSWER_REASONS;
}

static int *date_slot(struct app *a, enum app_field f);

bool app_field_is_date(enum app_field f)
{
	struct app a;
	return date_slot(&a, f) != NULL;   /* the slot's address only, never read */
}

static void review_init(struct review_case *r)
{
	r->kind = -1;
	r->filed = DATE_NONE;
	r->result = -1;
	r->decided = DATE_NONE;
}

void app_init(struct app *a)
{
	memset(a, 0, sizeof *a);
	a->type = -1;
	a->channel = -1;
	a->arrived = DATE_NONE;
	a->consult_party = -1;
	a->extension_told = DATE_NONE;
	a->fee_fen = -1;
	a->fee_basis = -1;
	a->reasons_sent = DATE_NONE;
	a->reasons_limit = DATE_NONE;
	a->outcome = -1;
	a->answer_variant = -1;
	clock_dates_init(&a->d);
	review_init(&a->review);
	review_init(&a->suit);
	a->state = STATE_OPEN;
	a->due = DATE_NONE;
}

#define APP_STRINGS(X) X(case_no) X(applicant) X(request) X(id_number) X(contact) X(note) \
	X(correction_items) X(consult_name) X(extension_by) X(extension_reason) \
	X(answer_reasons) X(related_case) X(voided_at) X(voided_by) X(void_reason) \
	X(created_at) X(created_by) X(updated_at)

void app_release(struct app *a)
{
#define FREE_STRING(s) free(a->s);
	APP_STRINGS(FREE_STRING)
#undef FREE_STRING
	app_init(a);
}

void app_copy(struct app *dst, const struct app *src)
{
	if (dst == src)
		return;
	app_release(dst);
	*dst = *src;
#define DUP_STRING(s) dst->s = src->s ? xstrdup(src->s) : NULL;
	APP_STRINGS(DUP_STRING)
#undef DUP_STRING
}

void app_set_text(char **slot, const char *s)
{
	free(*slot);
	*slot = s && *s ? xstrdup(s) : NULL;
}

void app_problem_add(struct app_problems *p, enum app_field f, bool warning,
		     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n++] = (struct app_problem){ f, warning, false, msg };
	if (!warning)
		p->errors++;
}

void app_confirm_add(struct app_problems *p, enum app_field f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n++] = (struct app_problem){ f, true, true, msg };
	p->confirms++;
}

void app_problem_remove(struct app_problems *p, size_t i)
{
	if (i >= p->n)
		return;
	if (!p->v[i].warning)
		p->errors--;
	if (p->v[i].confirm)
		p->confirms--;
	free(p->v[i].msg);
	memmove(&p->v[i], &p->v[i + 1], (p->n - i - 1) * sizeof *p->v);
	p->n--;
}

void app_problems_clear(struct app_problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].msg);
	p->n = 0;
	p->errors = 0;
	p->confirms = 0;
}

void app_problems_drop_echoes(struct app_problems *p, size_t from)
{
	size_t kept = from;
	for (size_t i = from; i < p->n; i++) {
		bool echo = false;
		for (size_t k = 0; k < from && !echo; k++)
			echo = !p->v[k].warning && p->v[k].field == p->v[i].field;
		if (!echo) {
			p->v[kept++] = p->v[i];
			continue;
		}
		if (!p->v[i].warning)
			p->errors--;
		if (p->v[i].confirm)
			p->confirms--;
		free(p->v[i].msg);
	}
	p->n = kept;
}

void app_problems_release(struct app_problems *p)
{
	app_problems_clear(p);
	free(p->v);
	p->v = NULL;
	p->cap = 0;
}

/*
 * Text a clerk typed or a ledger held: at most `limit` characters, valid UTF-8, no control
 * characters (line breaks and tabs only where `multiline`), no byte-order mark in the middle.
 */
static void check_text(struct app_problems *p, enum app_field f, const char *s, size_t limit,
		       bool required, bool multiline)
{
	if (!s || !*s) {
		if (required)
			app_problem_add(p, f, false, "不能为空");
		return;
	}
	size_t n = strlen(s), chars = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		int len = utf8_scan(s + i, n - i, &c);
		if (len <= 0) {
			app_problem_add(p, f, false, "含有无效的字符编码（第 %zu 个字符处）", chars + 1);
			return;
		}
		if (c == 0xFEFF) {
			app_problem_add(p, f, false, "中间含有字节顺序标记（BOM），请删除");
			return;
		}
		bool control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
		if (control && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) {
			app_problem_add(p, f, false, "含有控制字符（U+%04X），请删除", (unsigned)c);
			return;
		}
		i += (size_t)len;
		chars++;
	}
	if (chars > limit)
		app_problem_add(p, f, false, "长度 %zu 字，超过上限 %zu 字", chars, limit);
}

/* An event's date lies on or before today: an answer dated tomorrow entered today would move a
 * case into another day's, or year's, count. Only the limits given to the applicant (补正期限,
 * 说明理由期限) may lie ahead, and they are not checked here. */
static void check_date(struct app_problems *p, enum app_field f, int date, int today)
{
	char a[DATE_BUF];
	if (date != DATE_NONE && date > today)
		app_problem_add(p, f, false, "%s 晚于今天，不能是将来的日期", date_format(date, a));
}

static void check_review(struct app_problems *p, const struct review_case *r, int received,
			 int today, enum app_field filed, enum app_field result, enum app_field decided)
{
	char a[DATE_BUF], b[DATE_BUF];
	if (r->kind == -1)
		return;
	if (r->kind == SUIT_KIND_MISSING)
		app_problem_add(p, F_SUIT_KIND, false,
				"有起诉日期或诉讼结果时必须填写（未经复议直接起诉 或 复议后起诉）");
	if (r->filed == DATE_NONE)
		app_problem_add(p, filed, false, "填写了%s时不能为空",
				filed == F_REVIEW_FILED ? "复议结果" : "诉讼信息");
	check_date(p, filed, r->filed, today);
	check_date(p, decided, r->decided, today);
	if (r->filed != DATE_NONE && r->filed < received)
		app_problem_add(p, filed, false, "%s 早于收到日期 %s", date_format(r->filed, a),
				date_format(received, b));
	if ((r->result >= 0) != (r->decided != DATE_NONE))
		app_problem_add(p, r->result >= 0 ? decided : result, false,
				r->result >= 0 ? "有结果时必须填写决定日期" : "有决定日期时必须填写结果");
	if (r->decided != DATE_NONE && r->decided < r->filed)
		app_problem_add(p, decided, false, "%s 早于%s %s", date_format(r->decided, a),
				app_field_name(filed), date_format(r->filed, b));
}

/* A problem of clock_check, as a problem of the application's field. */
static void add_clock_problem(struct app_problems *p, const struct clock_problem *cp)
{
	static const enum app_field clock_fields[] = {
		[CLOCK_F_RECEIVED] = F_RECEIVED,
		[CLOCK_F_CORRECTION_SENT] = F_CORRECTION_SENT,
		[CLOCK_F_CORRECTION_LIMIT] = F_CORRECTION_LIMIT,
		[CLOCK_F_CORRECTION_RECEIVED] = F_CORRECTION_RECEIVED,
		[CLOCK_F_CONSULT_START] = F_CONSULT_START,
		[CLOCK_F_CONSULT_END] = F_CONSULT_END,
		[CLOCK_F_EXTENDED_ON] = F_EXTENDED_ON,
		[CLOCK_F_EXTENSION_DAYS] = F_EXTENSION_DAYS,
		[CLOCK_F_FEE_NOTICE] = F_FEE_NOTICE,
		[CLOCK_F_FEE_PAID] = F_FEE_PAID,
		[CLOCK_F_ANSWERED] = F_ANSWERED,
	};
	enum app_field f = clock_fields[cp->field];
	/* clock_check names the field first ("征求意见结束: …"); the problem carries it apart */
	const char *msg = cp->message, *name = app_field_name(f);
	size_t n = strlen(name);
	if (strncmp(msg, name, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2;
	app_problem_add(p, f, !cp->is_error, "%s", msg);
}

static void check_dates(const struct app *a, const struct calendar *cal, int today,
			struct app_problems *p, struct clock *c)
{
	static const struct { enum app_field f; size_t off; } dated[] = {
		{ F_RECEIVED, offsetof(struct clock_dates, received) },
		{ F_CORRECTION_SENT, offsetof(struct clock_dates, correction_sent) },
		/* not 补正期限: the limit given to the applicant lies ahead (第三十条) */
		{ F_CORRECTION_RECEIVED, offsetof(struct clock_dates, correction_received) },
		{ F_CONSULT_START, offsetof(struct clock_dates, consult_start) },
		{ F_CONSULT_END, offsetof(struct clock_dates, consult_end) },
		{ F_EXTENDED_ON, offsetof(struct clock_dates, extended_on) },
		{ F_FEE_NOTICE, offsetof(struct clock_dates, fee_notice) },
		{ F_FEE_PAID, offsetof(struct clock_dates, fee_paid_on) },
		{ F_ANSWERED, offsetof(struct clock_dates, answered) },
	};
	for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++) {
		int d;
		memcpy(&d, (const char *)&a->d + dated[i].off, sizeof d);
		check_date(p, dated[i].f, d, today);
	}
	if (a->d.received == DATE_NONE) {
		app_problem_add(p, F_RECEIVED, false, "不能为空");
		return;
	}
	struct clock_problems cp = CLOCK_PROBLEMS_INIT;
	if (c)
		clock_check_compute(cal, &a->d, &cp, c);
	else
		clock_check(cal, &a->d, &cp);
	for (size_t i = 0; i < cp.n; i++)
		add_clock_problem(p, &cp.items[i]);
	clock_problems_release(&cp);
}

static bool check_all(const struct app *a, const struct calendar *cal, int today,
		      struct app_problems *p, struct clock *c);

/* A date field that needs another before it: "没有补正通知日期" or "早于…". */
static void after(struct app_problems *p, enum app_field f, int date, enum app_field first,
		  int first_date)
{
	char a[DATE_BUF], b[DATE_BUF];
	if (date == DATE_NONE)
		return;
	if (first_date == DATE_NONE)
		app_problem_add(p, f, false, "没有%s", app_field_name(first));
	else if (date < first_date)
		app_problem_add(p, f, false, "%s 早于%s %s", date_format(date, a), app_field_name(first),
				date_format(first_date, b));
}

/* The fields that record what a letter said or when it arrived, beside the clock's own. */
static void check_more_dates(const struct app *a, int today, struct app_problems *p)
{
	char x[DATE_BUF], y[DATE_BUF];
	static const enum app_field dated[] = { F_ARRIVED, F_CONSULT_DELIVERED, F_EXTENSION_TOLD,
						F_FEE_DELIVERED, F_REASONS_SENT };
	const int days[] = { a->arrived, a->d.consult_delivered, a->extension_told,
			     a->d.fee_delivered, a->reasons_sent };
	for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++)
		check_date(p, dated[i], days[i], today);
	/* 第三十一条: the receipt date is the day it arrived, or a later day of confirmation */
	if (a->arrived != DATE_NONE && a->d.received != DATE_NONE && a->arrived > a->d.received)
		app_problem_add(p, F_ARRIVED, false, "%s 晚于收到日期 %s（收到日期为到达之日或其后"
				"确认之日）", date_format(a->arrived, x), date_format(a->d.received, y));
	/* 第三十一条: in person or by post the day it arrived is the receipt date; only an
	 * ordinary letter, the internet or a fax counts from a later confirmation */
	if (a->arrived != DATE_NONE && a->d.received != DATE_NONE && a->arrived < a->d.received &&
	    (a->channel == CH_IN_PERSON || a->channel == CH_POST))
		app_problem_add(p, F_ARRIVED, true, "%s 早于收到日期 %s：%s", date_format(a->arrived, x),
				date_format(a->d.received, y), channel_receipt_rule(a->channel));
	after(p, F_CONSULT_DELIVERED, a->d.consult_delivered, F_CONSULT_START, a->d.consult_start);
	after(p, F_EXTENSION_TOLD, a->extension_told, F_EXTENDED_ON, a->d.extended_on);
	after(p, F_FEE_DELIVERED, a->d.fee_delivered, F_FEE_NOTICE, a->d.fee_notice);
	after(p, F_REASONS_SENT, a->reasons_sent, F_RECEIVED, a->d.received);
	after(p, F_REASONS_LIMIT, a->reasons_limit, F_REASONS_SENT, a->reasons_sent);
	/* 第三十条: the 补正 notice gives the applicant a reasonable time limit */
	if (a->d.correction_sent != DATE_NONE && a->d.correction_limit == DATE_NONE)
		app_problem_add(p, F_CORRECTION_LIMIT, false, "补正通知须载明补正的合理期限（第三十条），"
				"请填写补正期限");
	if (a->correction_items && a->d.correction_sent == DATE_NONE)
		app_problem_add(p, F_CORRECTION_ITEMS, false, "没有补正通知日期");
	if (a->consult_name && a->d.consult_start == DATE_NONE)
		app_problem_add(p, F_CONSULT_NAME, false, "没有征求意见开始日期");
	if (a->extension_reason && a->d.extended_on == DATE_NONE)
		app_problem_add(p, F_EXTENSION_REASON, false, "没有延期日期");
	/* 第四十二条, 国办函〔2020〕109号: the notice states the amount; 按量 counts pages */
	if (a->d.fee_notice != DATE_NONE && a->fee_fen < 0)
		app_problem_add(p, F_FEE, false, "收费通知须载明收费金额（第四十二条），请填写信息处理费");
	if (a->fee_basis == FB_PER_PAGE && a->fee_units <= 0)
		app_problem_add(p, F_FEE_UNITS, false, "按量计费须填写页数");
	if (a->fee_units > 0 && a->fee_basis < 0)
		app_problem_add(p, F_FEE_UNITS, false, "没有计费方式（按件或按量）");
	if (a->answer_variant == AV_PUBLISHED && a->outcome != R_GRANTED)
		app_problem_add(p, F_ANSWER_VARIANT, false, "「已主动公开」只用于办理结果为予以公开");
	if (a->answer_variant == AV_OTHER_BODY && a->outcome != R_UNAVAILABLE_NOT_HELD)
		app_problem_add(p, F_ANSWER_VARIANT, false,
				"「由其他机关负责公开」只用于办理结果为 无法提供/1.本机关不掌握相关政府信息");
}

bool app_check(const struct app *a, const struct calendar *cal, int today,
	       struct app_problems *p)
{
	return check_all(a, cal, today, p, NULL);
}

static void keep_clock(struct app *a, const struct clock *c, const struct calendar *cal)
{
	switch (c->state) {
	case CLOCK_CORRECTION: a->state = STATE_CORRECTION; break;
	case CLOCK_CONSULT: a->state = STATE_CONSULT; break;
	case CLOCK_FEE: a->state = STATE_FEE; break;
	case CLOCK_ANSWERED: a->state = STATE_ANSWERED; break;
	default: a->state = STATE_OPEN; break;
	}
	a->due = c->due;
	a->left_days = c->left;
	a->clock_of = cal;
	a->clock_from = a->d;
}

bool app_check_and_clock(struct app *a, const struct calendar *cal, int today,
			 struct app_problems *p)
{
	struct clock c = CLOCK_INIT;
	c.state = (enum clock_state)-1;   /* stays so when the dates were not run */
	bool ok = check_all(a, cal, today, p, &c);
	if ((int)c.state >= 0)
		keep_clock(a, &c, cal);
	clock_release(&c);
	return ok;
}

bool app_case_no_valid(const char *case_no)
{
	struct app_problems p = { 0 };
	check_text(&p, F_CASE_NO, case_no, LIMIT_CASE_NO, true, false);
	bool ok = p.errors == 0;
	app_problems_release(&p);
	return ok;
}

static bool check_all(const struct app *a, const struct calendar *cal, int today,
		      struct app_problems *p, struct clock *c)
{
	size_t before = p->errors;
	check_text(p, F_CASE_NO, a->case_no, LIMIT_CASE_NO, false, false);
	check_text(p, F_APPLICANT, a->applicant, LIMIT_NAME, true, false);
	if (a->type < 0 || a->type >= AT_COUNT)
		app_problem_add(p, F_TYPE, false, "请选择申请人类型");
	check_text(p, F_REQUEST, a->request, LIMIT_TEXT, false, true);
	check_text(p, F_ID_NUMBER, a->id_number, LIMIT_ID_NUMBER, false, false);
	check_text(p, F_CONTACT, a->contact, LIMIT_CONTACT, false, false);
	check_text(p, F_NOTE, a->note, LIMIT_TEXT, false, true);
	check_text(p, F_EXTENSION_BY, a->extension_by, LIMIT_PERSON, false, false);
	check_text(p, F_CORRECTION_ITEMS, a->correction_items, LIMIT_TEXT, false, true);
	check_text(p, F_CONSULT_NAME, a->consult_name, LIMIT_NAME, false, false);
	check_text(p, F_EXTENSION_REASON, a->extension_reason, LIMIT_TEXT, false, true);
	check_text(p, F_ANSWER_REASONS, a->answer_reasons, LIMIT_REASONS, false, true);
	check_text(p, F_RELATED_CASE, a->related_case, LIMIT_CASE_NO, false, false);
	check_dates(a, cal, today, p, c);
	check_more_dates(a, today, p);

	if (a->d.answered != DATE_NONE && !outcome_is_valid(a->outcome))
		app_problem_add(p, F_OUTCOME, false, "有答复日期时必须填写办理结果");
	if (a->d.answered == DATE_NONE && a->outcome >= 0)
		app_problem_add(p, F_ANSWERED, false, "有办理结果时必须填写答复日期");
	if (a->consult_party >= 0 && a->d.consult_start == DATE_NONE)
		app_problem_add(p, F_CONSULT_PARTY, false, "没有征求意见开始日期");
	if (a->extension_by && a->d.extended_on == DATE_NONE)
		app_problem_add(p, F_EXTENSION_BY, false, "没有延期日期");
	/* 第三十三条第二款: an extension needs the consent of the head of the disclosure office */
	if (!a->extension_by && a->d.extended_on != DATE_NONE)
		app_problem_add(p, F_EXTENSION_BY, false, "延期须经政府信息公开工作机构负责人同意"
				"（第三十三条），请填写同意延期的负责人");
	if (a->fee_fen > LIMIT_FEE_FEN)
		app_problem_add(p, F_FEE, false, "金额过大");
	if (a->d.fee_paid_on != DATE_NONE && a->fee_fen < 0)
		app_problem_add(p, F_FEE, false, "有缴费日期时必须填写金额");
	check_review(p, &a->review, a->d.received, today, F_REVIEW_FILED, F_REVIEW_RESULT,
		     F_REVIEW_DECIDED);
	check_review(p, &a->suit, a->d.received, today, F_SUIT_FILED, F_SUIT_RESULT,
		     F_SUIT_DECIDED);
	/* what the events contradict, once the entry itself holds together (guard.c) */
	if (p->errors == before)
		guard_app(a, cal, p);
	return p->errors == before;
}

/* The int holding a date field, or NULL when f is not a date. */
static int *date_slot(struct app *a, enum app_field f)
{
	switch (f) {
	case F_RECEIVED: return &a->d.received;
	case F_ARRIVED: return &a->arrived;
	case F_CONSULT_DELIVERED: return &a->d.consult_delivered;
	case F_EXTENSION_TOLD: return &a->extension_told;
	case F_FEE_DELIVERED: return &a->d.fee_delivered;
	case F_REASONS_SENT: return &a->reasons_sent;
	case F_REASONS_LIMIT: return &a->reasons_limit;
	case F_CORRECTION_SENT: return &a->d.correction_sent;
	case F_CORRECTION_LIMIT: return &a->d.correction_limit;
	case F_CORRECTION_RECEIVED: return &a->d.correction_received;
	case F_CONSULT_START: return &a->d.consult_start;
	case F_CONSULT_END: return &a->d.consult_end;
	case F_EXTENDED_ON: return &a->d.extended_on;
	case F_FEE_NOTICE: return &a->d.fee_notice;
	case F_FEE_PAID: return &a->d.fee_paid_on;
	case F_ANSWERED: return &a->d.answered;
	case F_REVIEW_FILED: return &a->review.filed;
	case F_REVIEW_DECIDED: return &a->review.decided;
	case F_SUIT_FILED: return &a->suit.filed;
	case F_SUIT_DECIDED: return &a->suit.decided;
	default: return NULL;
	}
}

static char **text_slot(struct app *a, enum app_field f)
{
	switch (f) {
	case F_CASE_NO: return &a->case_no;
	case F_APPLICANT: return &a->applicant;
	case F_REQUEST: return &a->request;
	case F_ID_NUMBER: return &a->id_number;
	case F_CONTACT: return &a->contact;
	case F_EXTENSION_BY: return &a->extension_by;
	case F_NOTE: return &a->note;
	case F_CORRECTION_ITEMS: return &a->correction_items;
	case F_CONSULT_NAME: return &a->consult_name;
	case F_EXTENSION_REASON: return &a->extension_reason;
	case F_ANSWER_REASONS: return &a->answer_reasons;
	case F_RELATED_CASE: return &a->related_case;
	default: return NULL;
	}
}

/* The code set and slot of a field that holds a code from a list, or NULL. */
static const struct code_set *code_slot(struct app *a, enum app_field f, int **slot)
{
	switch (f) {
	case F_TYPE: *slot = &a->type; return &codes_applicant;
	case F_CHANNEL: *slot = &a->channel; return &codes_channel;
	case F_CONSULT_PARTY: *slot = &a->consult_party; return &codes_consult_party;
	case F_FEE_BASIS: *slot = &a->fee_basis; return &codes_fee_basis;
	case F_ANSWER_VARIANT: *slot = &a->answer_variant; return &codes_answer_variant;
	case F_REVIEW_RESULT: *slot = &a->review.result; return &codes_review_result;
	case F_SUIT_RESULT: *slot = &a->suit.result; return &codes_review_result;
	default: return NULL;
	}
}

static void add_fee(struct strbuf *out, long long fen)
{
	if (fen >= 0)
		sb_addf(out, "%lld.%02lld", fen / 100, fen % 100);
}

void app_field_get(const struct app *a, enum app_field f, struct strbuf *out)
{
	struct app *m = (struct app *)a;   /* the slot helpers serve get and set; get only reads */
	int *date = date_slot(m, f), *code;
	char **text = text_slot(m, f);
	const struct code_set *set = code_slot(m, f, &code);
	char buf[DATE_BUF];

	if (date) {
		sb_adds(out, date_format(*date, buf));
	} else if (text) {
		if (*text)
			sb_adds(out, *text);
	} else if (set) {
		if (*code >= 0)
			sb_adds(out, code_label(set, *code));
	} else if (f == F_OUTCOME) {
		if (outcome_is_valid(a->outcome))
			sb_adds(out, outcome_ledger_label(a->outcome));
	} else if (f == F_EXTENSION_DAYS) {
		if (a->d.extension_days > 0)
			sb_addf(out, "%d", a->d.extension_days);
	} else if (f == F_FEE_UNITS) {
		if (a->fee_units > 0)
			sb_addf(out, "%d", a->fee_units);
	} else if (f == F_FEE) {
		add_fee(out, a->fee_fen);
	} else if (f == F_SUIT_KIND) {
		if (a->suit.kind == T4_SUIT_DIRECT || a->suit.kind == T4_SUIT_AFTER_REVIEW)
			sb_adds(out, code_label(&codes_suit_kind,
				a->suit.kind == T4_SUIT_DIRECT ? SK_DIRECT : SK_AFTER_REVIEW));
	}
}

/* s without surrounding blanks, as a new string (the caller frees it). */
static char *trimmed(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

static bool parse_small_int(const char *s, int lo, int hi, int *out)
{
	if (!*s || strlen(s) > 7)
		return false;
	int v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* Yuan with at most two decimals ("100", "100.5", "100.00") into 分. */
static bool parse_fee(const char *s, long long *fen)
{
	long long yuan = 0;
	int digits = 0, decimals = -1, cents = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '.' && decimals < 0 && digits > 0) {
			decimals = 0;
		} else if (*p >= '0' && *p <= '9') {
			if (decimals < 0) {
				if (++digits > 12)
					return false;
				yuan = yuan * 10 + (*p - '0');
			} else if (++decimals <= 2) {
				cents = cents * 10 + (*p - '0');
			} else {
				return false;
			}
		} else {
			return false;
		}
	}
	if (digits == 0 || decimals == 0)
		return false;
	if (decimals == 1)
		cents *= 10;
	*fen = yuan * 100 + cents;
	return true;
}

static void mark_review(struct app *a, enum app_field f)
{
	if (f >= F_REVIEW_FILED && f <= F_REVIEW_DECIDED && a->review.kind < 0)
		a->review.kind = T4_REVIEW;
	if (f >= F_SUIT_FILED && f <= F_SUIT_DECIDED && f != F_SUIT_KIND && a->suit.kind == -1)
		a->suit.kind = SUIT_KIND_MISSING;
}

static bool set_parsed(struct app *a, enum app_field f, const char *v, struct app_problems *p)
{
	int *date = date_slot(a, f), *code;
	const struct code_set *set = code_slot(a, f, &code);

	if (date) {
		int d;
		if (!date_parse(v, strlen(v), &d)) {
			app_problem_add(p, f, false, "%s %s", v, date_why_invalid(v, strlen(v)).text);
			return false;
		}
		*date = d;
	} else if (set) {
		int c = code_parse(set, v);
		if (c < 0) {
			struct strbuf all = STRBUF_INIT;
			for (int i = 0; i < set->count; i++)
				sb_addf(&all, "%s%s", i ? "、" : "", set->labels[i]);
			app_problem_add(p, f, false, "未知的值「%s」，应为 %s 之一", v, sb_str(&all));
			sb_release(&all);
			return false;
		}
		*code = c;
	} else if (f == F_OUTCOME) {
		int r = outcome_parse(v);
		if (r < 0) {
			app_problem_add(p, f, false, "未知的办理结果「%s」（应为年报表三的结果，"
					"如 予以公开、不予公开/1.属于国家秘密 或 withheld.secret）", v);
			return false;
		}
		a->outcome = r;
	} else if (f == F_EXTENSION_DAYS) {
		if (!parse_small_int(v, 1, 20, &a->d.extension_days)) {
			app_problem_add(p, f, false, "「%s」应为 1 到 20 之间的整数", v);
			return false;
		}
	} else if (f == F_FEE_UNITS) {
		if (!parse_small_int(v, 1, LIMIT_FEE_UNITS, &a->fee_units)) {
			app_problem_add(p, f, false, "「%s」应为 1 到 %d 之间的整数（按件为本月第几件，"
					"按量为页数）", v, LIMIT_FEE_UNITS);
			return false;
		}
	} else if (f == F_FEE) {
		if (!parse_fee(v, &a->fee_fen)) {
			app_problem_add(p, f, false, "「%s」不是有效金额（以元为单位，如 100.00）", v);
			return false;
		}
	} else if (f == F_SUIT_KIND) {
		int k = code_parse(&codes_suit_kind, v);
		if (k < 0) {
			app_problem_add(p, f, false, "未知的诉讼类型「%s」，应为 未经复议直接起诉 或 "
					"复议后起诉", v);
			return false;
		}
		a->suit.kind = k == SK_DIRECT ? T4_SUIT_DIRECT : T4_SUIT_AFTER_REVIEW;
	}
	mark_review(a, f);
	return true;
}

static void clear_field(struct app *a, enum app_field f)
{
	int *date = date_slot(a, f), *code;
	if (date)
		*date = DATE_NONE;
	else if (code_slot(a, f, &code))
		*code = -1;
	else if (f == F_OUTCOME)
		a->outcome = -1;
	else if (f == F_EXTENSION_DAYS)
		a->d.extension_days = 0;
	else if (f == F_FEE_UNITS)
		a->fee_units = 0;
	else if (f == F_FEE)
		a->fee_fen = -1;
	else if (f == F_SUIT_KIND && a->suit.kind >= 0)
		a->suit.kind = SUIT_KIND_MISSING;
}

bool app_field_set(struct app *a, enum app_field f, const char *text, struct app_problems *p)
{
	char **slot = text_slot(a, f);
	if (slot) {
		/* free text keeps its inner form; only the outer blanks of one-line fields go */
		char *v = app_field_is_multiline(f) ? xstrdup(text) : trimmed(text);
		free(*slot);
		*slot = *v ? v : NULL;
		if (!*v)
			free(v);
		return true;
	}
	/* dates and codes are short: trim them on the stack (this runs for every ledger cell) */
	while (*text == ' ' || *text == '\t')
		text++;
	size_t n = strlen(text);
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	char buf[128], *v = n < sizeof buf ? buf : xmalloc(n + 1);
	memcpy(v, text, n);
	v[n] = '\0';
	bool ok = true;
	if (*v)
		ok = set_parsed(a, f, v, p);
	else
		clear_field(a, f);
	if (v != buf)
		free(v);
	return ok;
}

void app_fill_defaults(struct app *a)
{
	if (a->d.extended_on != DATE_NONE && a->d.extension_days <= 0)
		a->d.extension_days = 20;
}

void app_compute_clock(struct app *a, const struct calendar *cal)
{
	struct clock c = CLOCK_INIT;
	clock_compute_quiet(cal, &a->d, &c);
	keep_clock(a, &c, cal);
	clock_release(&c);
}

bool app_clock_current(const struct app *a, const struct calendar *cal)
{
	return a->clock_of == cal && memcmp(&a->clock_from, &a->d, sizeof a->d) == 0;
}

const char *app_state_label(enum app_state st, bool extended, bool late)
{
	static const char *const names[] = {
		[STATE_OPEN] = "办理中", [STATE_CORRECTION] = "待补正", [STATE_CONSULT] = "征求意见中",
		[STATE_FEE] = "待缴费", [STATE_ANSWERED] = "已办结",
	};
	if (late && st != STATE_ANSWERED)
		return "已逾期";
	if (extended && st == STATE_OPEN)
		return "已延期";
	return names[st];
}

bool app_same(const struct app *x, const struct app *y)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	bool same = true;
	for (int f = 0; same && f < F_COUNT; f++) {
		sb_reset(&a);
		sb_reset(&b);
		app_field_get(x, f, &a);
		app_field_get(y, f, &b);
		same = strcmp(sb_str(&a), sb_str(&b)) == 0;
	}
	sb_release(&a);
	sb_release(&b);
	return same;
}

void app_field_names(struct strbuf *out)
{
	for (int f = 0; f < F_COUNT; f++)
		sb_addf(out, "%s%s", f ? "、" : "", app_field_name(f));
}
