/*
 * store_app.c — applications in the database: insert, read, update with the conflict check,
 * the history of every change, the year lock, and the clock fields kept on each row.
 */
#include "store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "date.h"
#include "strbuf.h"
#include "tally.h"
#include "text.h"
#include "xmem.h"

static const char *const state_codes[] = {
	[STATE_OPEN] = "open", [STATE_CORRECTION] = "correction", [STATE_CONSULT] = "consult",
	[STATE_FEE] = "fee", [STATE_ANSWERED] = "answered",
};

/* Computes the clock of a with this database's calendar and keeps its result on a. */
static void apply_clock(struct store *s, struct app *a)
{
	app_compute_clock(a, store_calendar(s));
}

/*
 * Binding an application without copies: its strings and the static code keys are bound as
 * SQLITE_STATIC, and its dates are formatted into the binder's buffers; the binder, the
 * application and the statement's step must all live in the same caller's frame.
 */
struct binder {
	sqlite3_stmt *q;
	int base;                /* added to every parameter number: a row of a batch */
	/* of a statement kept between calls (the batch), which parameters are bound NULL
	 * already: most columns of most rows are empty, and binding NULL over NULL is skipped */
	bool *is_null;
	char dates[24][DATE_BUF];
	int ndates;
};

static void bind_null(struct binder *b, int i)
{
	if (b->is_null && b->is_null[b->base + i - 1])
		return;
	sqlite3_bind_null(b->q, b->base + i);
	if (b->is_null)
		b->is_null[b->base + i - 1] = true;
}

/* A value is about to be bound to parameter i: it is no longer NULL. */
static int bound(struct binder *b, int i)
{
	if (b->is_null)
		b->is_null[b->base + i - 1] = false;
	return b->base + i;
}

static void bind_str(struct binder *b, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(b->q, bound(b, i), v, -1, SQLITE_STATIC);
	else
		bind_null(b, i);
}

static void bind_int(struct binder *b, int i, bool present, long long v)
{
	if (present)
		sqlite3_bind_int64(b->q, bound(b, i), v);
	else
		bind_null(b, i);
}

static void bind_day(struct binder *b, int i, int date)
{
	if (date == DATE_NONE) {
		bind_null(b, i);
		return;
	}
	char *buf = b->dates[b->ndates++];
	sqlite3_bind_text(b->q, bound(b, i), date_format(date, buf), DATE_BUF - 1, SQLITE_STATIC);
}

static void bind_app(struct binder *b, const struct app *a)
{
	b->ndates = 0;
	bind_str(b, 1, a->case_no);
	bind_day(b, 2, a->d.received);
	bind_str(b, 3, a->applicant);
	bind_str(b, 4, code_key(&codes_applicant, a->type));
	bind_str(b, 5, code_key(&codes_channel, a->channel));
	bind_str(b, 6, a->request);
	bind_str(b, 7, a->id_number);
	bind_str(b, 8, a->contact);
	bind_str(b, 9, a->note);
	bind_day(b, 10, a->d.correction_sent);
	bind_day(b, 11, a->d.correction_limit);
	bind_day(b, 12, a->d.correction_received);
	bind_day(b, 13, a->d.consult_start);
	bind_day(b, 14, a->d.consult_end);
	bind_str(b, 15, code_key(&codes_consult_party, a->consult_party));
	bind_day(b, 16, a->d.extended_on);
	bind_int(b, 17, a->d.extended_on != DATE_NONE && a->d.extension_days > 0,
		 a->d.extension_days);
	bind_str(b, 18, a->extension_by);
	bind_day(b, 19, a->d.fee_notice);
	bind_int(b, 20, a->fee_fen >= 0, a->fee_fen);
	bind_day(b, 21, a->d.fee_paid_on);
	bind_day(b, 22, a->d.answered);
	bind_str(b, 23, outcome_is_valid(a->outcome) ? t3_row_key(a->outcome) : NULL);
	bind_str(b, 24, state_codes[a->state]);
	bind_day(b, 25, a->due);
	bind_int(b, 26, a->due == DATE_NONE && a->state != STATE_ANSWERED &&
		 a->state != STATE_CORRECTION, a->left_days);
	bind_day(b, 27, a->arrived);
	bind_str(b, 28, a->correction_items);
	bind_str(b, 29, a->consult_name);
	bind_day(b, 30, a->d.consult_delivered);
	bind_str(b, 31, a->extension_reason);
	bind_day(b, 32, a->extension_told);
	bind_day(b, 33, a->d.fee_delivered);
	bind_str(b, 34, code_key(&codes_fee_basis, a->fee_basis));
	bind_int(b, 35, a->fee_units > 0, a->fee_units);
	bind_day(b, 36, a->reasons_sent);
	bind_day(b, 37, a->reasons_limit);
	bind_str(b, 38, code_key(&codes_answer_variant, a->answer_variant));
	bind_str(b, 39, a->answer_reasons);
	bind_str(b, 40, a->related_case);
}

static int column_code(sqlite3_stmt *q, int i, const struct code_set *set)
{
	const char *t = (const char *)sqlite3_column_text(q, i);
	return t ? code_parse(set, t) : -1;
}

/* Reads Q_APP_GET's row into a. */
static void read_app(sqlite3_stmt *q, struct app *a)
{
	a->id = sqlite3_column_int64(q, 0);
	a->version = sqlite3_column_int64(q, 1);
	a->created_at = store_column_text(q, 2);
	a->created_by = store_column_text(q, 3);
	a->updated_at = store_column_text(q, 4);
	int c = 5;
	a->case_no = store_column_text_nn(q, c + 0);
	a->d.received = store_column_date(q, c + 1);
	a->applicant = store_column_text_nn(q, c + 2);
	a->type = column_code(q, c + 3, &codes_applicant);
	a->channel = column_code(q, c + 4, &codes_channel);
	a->request = store_column_text(q, c + 5);
	a->id_number = store_column_text(q, c + 6);
	a->contact = store_column_text(q, c + 7);
	a->note = store_column_text(q, c + 8);
	a->d.correction_sent = store_column_date(q, c + 9);
	a->d.correction_limit = store_column_date(q, c + 10);
	a->d.correction_received = store_column_date(q, c + 11);
	a->d.consult_start = store_column_date(q, c + 12);
	a->d.consult_end = store_column_date(q, c + 13);
	a->consult_party = column_code(q, c + 14, &codes_consult_party);
	a->d.extended_on = store_column_date(q, c + 15);
	a->d.extension_days = sqlite3_column_int(q, c + 16);
	a->extension_by = store_column_text(q, c + 17);
	a->d.fee_notice = store_column_date(q, c + 18);
	a->fee_fen = sqlite3_column_type(q, c + 19) == SQLITE_NULL ? -1
		   : sqlite3_column_int64(q, c + 19);
	a->d.fee_paid_on = store_column_date(q, c + 20);
	a->d.answered = store_column_date(q, c + 21);
	const char *o = (const char *)sqlite3_column_text(q, c + 22);
	a->outcome = o ? t3_row_parse_key(o) : -1;
	const char *state = (const char *)sqlite3_column_text(q, c + 23);
	for (int i = 0; state && i <= STATE_ANSWERED; i++)
		if (strcmp(state, state_codes[i]) == 0)
			a->state = i;
	a->due = store_column_date(q, c + 24);
	a->left_days = sqlite3_column_int(q, c + 25);
	a->arrived = store_column_date(q, c + 26);
	a->correction_items = store_column_text(q, c + 27);
	a->consult_name = store_column_text(q, c + 28);
	a->d.consult_delivered = store_column_date(q, c + 29);
	a->extension_reason = store_column_text(q, c + 30);
	a->extension_told = store_column_date(q, c + 31);
	a->d.fee_delivered = store_column_date(q, c + 32);
	a->fee_basis = column_code(q, c + 33, &codes_fee_basis);
	a->fee_units = sqlite3_column_int(q, c + 34);
	a->reasons_sent = store_column_date(q, c + 35);
	a->reasons_limit = store_column_date(q, c + 36);
	a->answer_variant = column_code(q, c + 37, &codes_answer_variant);
	a->answer_reasons = store_column_text(q, c + 38);
	a->related_case = store_column_text(q, c + 39);
}

static enum status read_reviews(struct store *s, struct app *a, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_REVIEW_GET, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int64(q, 1, a->id);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int kind = column_code(q, 0, &codes_t4_group);
		struct review_case *r = kind == T4_REVIEW ? &a->review : &a->suit;
		r->kind = kind;
		r->filed = store_column_date(q, 1);
		r->result = column_code(q, 2, &codes_review_result);
		r->decided = store_column_date(q, 3);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取复议诉讼", d);
}

static enum status write_reviews(struct store *s, const struct app *a, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_REVIEW_DELETE, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int64(q, 1, a->id);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "保存复议诉讼", d);
	const struct review_case *cases[2] = { &a->review, &a->suit };
	for (int i = 0; i < 2; i++) {
		const struct review_case *r = cases[i];
		if (r->kind < 0)
			continue;
		if (!(q = store_stmt(s, Q_REVIEW_INSERT, d)))
			return s->stmt_status;
		sqlite3_bind_int64(q, 1, a->id);
		sqlite3_bind_text(q, 2, code_key(&codes_t4_group, r->kind), -1, SQLITE_STATIC);
		store_bind_date(q, 3, r->filed);
		store_bind_text(q, 4, code_key(&codes_review_result, r->result));
		store_bind_date(q, 5, r->decided);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return store_fail(s, rc, "保存复议诉讼", d);
	}
	return ST_OK;
}

/* The years that are locked (定稿), read once per transaction into s->locked. */
static enum status locked_years(struct store *s, struct diag *d)
{
	if (s->locks_known && s->in_txn)
		return ST_OK;
	s->nlocked = 0;
	sqlite3_stmt *q = store_stmt(s, Q_LOCKED_YEARS, d);
	if (!q)
		return s->stmt_status;
	size_t cap = s->nlocked;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		s->locked = xgrow(s->locked, &cap, s->nlocked + 1, sizeof *s->locked);
		s->locked[s->nlocked++] = sqlite3_column_int(q, 0);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "读取定稿年度", d);
	s->locks_known = true;
	return ST_OK;
}

/* ST_LOCKED when going from old to new (either may be NULL) changes a locked year's tables. */
static enum status check_locks(struct store *s, const struct app *old, const struct app *new,
			       struct diag *d)
{
	enum status st = locked_years(s, d);
	for (size_t i = 0; st == ST_OK && i < s->nlocked; i++) {
		if (tally_app_differs(old, new, s->locked[i])) {
			diag_add(d, "%d 年度报表已定稿锁定，这项修改会改变该年度的统计数字；"
				 "如确需修改，请先解锁该年度（需说明理由）", s->locked[i]);
			st = ST_LOCKED;
		}
	}
	return st;
}

/* The highest `YYYY-N…N` case number of a year with `width` digits, or 0 (one index seek:
 * among numbers of one width the text order is the numeric order). */
static enum status case_max(struct store *s, int year, int width, long long *max,
			    struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_CASE_MAX, d);
	if (!q)
		return s->stmt_status;
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%04d-%.*s", year % 10000, width, "000000");
	snprintf(hi, sizeof hi, "%04d-%.*s", year % 10000, width, "999999");
	sqlite3_bind_text(q, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, hi, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	*max = rc == SQLITE_ROW ? atoll((const char *)sqlite3_column_text(q, 0) + 5) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "分配编号", d);
	return ST_OK;
}

/* The next-number entry of a year in *out, asking the database the first time in a
 * transaction; on failure the database's status (reported in d). */
static enum status case_next_of(struct store *s, int year, struct case_next **out,
				struct diag *d)
{
	for (int i = 0; i < s->ncase_next; i++)
		if (s->case_next[i].year == year) {
			*out = &s->case_next[i];
			return ST_OK;
		}
	long long max = 0;
	for (int width = 6; width >= 4 && !max; width--) {
		enum status st = case_max(s, year, width, &max, d);
		if (st != ST_OK)
			return st;
	}
	if (s->ncase_next == (int)(sizeof s->case_next / sizeof s->case_next[0]))
		s->ncase_next = 0;   /* more years than that in one transaction: start over */
	s->case_next[s->ncase_next] = (struct case_next){ year, max + 1 };
	*out = &s->case_next[s->ncase_next++];
	return ST_OK;
}

/* The number N of a case number `YYYY-N…N` of that year, or 0 when it is of another form. */
static long long case_number_of(const char *case_no, int year)
{
	char prefix[8];
	snprintf(prefix, sizeof prefix, "%04d-", year % 10000);
	if (strncmp(case_no, prefix, 5) != 0 || !case_no[5] || strlen(case_no) > 11)
		return 0;
	long long n = 0;
	for (const char *p = case_no + 5; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		n = n * 10 + (*p - '0');
	}
	return n;
}

/*
 * Gives a an empty case number the next free `YYYY-NNNN` of its receipt year, or, when it
 * has one of that form, makes sure later ones come after it. Rows of one transaction (a batch
 * of an import) may not be in the database yet, so the numbers are kept per year here.
 */
static enum status assign_case_no(struct store *s, struct app *a, struct diag *d)
{
	int year = date_year(a->d.received);
	bool given = a->case_no && *a->case_no;
	long long n = given ? case_number_of(a->case_no, year) : 0;
	if (given && !n)
		return ST_OK;
	struct case_next *c;
	enum status st = case_next_of(s, year, &c, d);
	if (st != ST_OK)
		return st;
	if (given) {
		if (n >= c->next)
			c->next = n + 1;
		return ST_OK;
	}
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-%04lld", year % 10000, c->next++);
	app_set_text(&a->case_no, buf);
	return ST_OK;
}

static enum status add_history(struct store *s, long long app_id, const char *field,
			       const char *old, const char *new, const char *reason,
			       struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_HISTORY_ADD, d);
	if (!q)
		return s->stmt_status;
	char now[20];
	store_now(now);
	if (app_id)
		sqlite3_bind_int64(q, 1, app_id);
	sqlite3_bind_text(q, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 4, store_user(), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, field, -1, SQLITE_TRANSIENT);
	store_bind_text(q, 6, old);
	store_bind_text(q, 7, new);
	store_bind_text(q, 8, reason);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "写入修改记录", d);
}

enum status store_history_note(struct store *s, long long app_id, const char *what,
			       const char *text, struct diag *d)
{
	return add_history(s, app_id, what, NULL, text, NULL, d);
}

static enum status insert_row(struct store *s, struct app *a, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_APP_INSERT, d);
	if (!q)
		return s->stmt_status;
	char now[20];
	store_now(now);
	struct binder b = { .q = q };
	bind_app(&b, a);
	sqlite3_bind_text(q, APP_NCOLUMNS + 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, APP_NCOLUMNS + 2, store_user(), -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		diag_add(d, "编号: %s 已存在", a->case_no);
		return ST_DATA;
	}
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "保存申请", d);
	a->id = sqlite3_last_insert_rowid(s->db);
	a->version = 1;
	if (s->bulk)
		store_bulk_count(s, a);
	return ST_OK;
}

/* What must happen before a row goes in: its clock, its case number, the year lock. */
static enum status prepare_insert(struct store *s, struct app *a, struct diag *d)
{
	/* an import computes the clock in its reading thread, with this very calendar */
	if (!app_clock_current(a, store_calendar(s)))
		apply_clock(s, a);
	enum status st = assign_case_no(s, a, d);
	if (st == ST_OK)
		st = check_locks(s, NULL, a, d);
	return st;
}

enum status store_app_insert(struct store *s, struct app *a, struct diag *d)
{
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	st = prepare_insert(s, a, d);
	if (st == ST_OK)
		st = insert_row(s, a, d);
	if (st == ST_OK && (a->review.kind >= 0 || a->suit.kind >= 0))
		st = write_reviews(s, a, d);
	if (st == ST_OK && own)
		st = add_history(s, a->id, "新建", NULL, a->case_no, NULL, d);
	return store_txn_end_own(s, own, st, d);
}

/* The statement that inserts STORE_BATCH rows at once, put together from one fixed row. */
#define BATCH_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " \
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

static sqlite3_stmt *batch_stmt(struct store *s, struct diag *d)
{
	if (s->batch_stmt) {
		sqlite3_reset(s->batch_stmt);
		return s->batch_stmt;
	}
	struct strbuf sql = STRBUF_INIT;
	sb_adds(&sql, "INSERT INTO application (" APP_COLUMNS ", created_at, created_by, "
		      "updated_at) VALUES " BATCH_ROW);
	for (int i = 1; i < STORE_BATCH; i++)
		sb_adds(&sql, ", " BATCH_ROW);
	int rc = sqlite3_prepare_v3(s->db, sb_str(&sql), -1, SQLITE_PREPARE_PERSISTENT,
				    &s->batch_stmt, NULL);
	sb_release(&sql);
	/* a new statement's parameters are all NULL */
	for (size_t i = 0; i < sizeof s->batch_null / sizeof *s->batch_null; i++)
		s->batch_null[i] = true;
	if (rc != SQLITE_OK) {
		s->stmt_status = store_fail(s, rc, "准备导入语句", d);
		return NULL;
	}
	return s->batch_stmt;
}

/* One statement for a whole batch; SQLITE_CONSTRAINT leaves nothing of it written. */
static int insert_batch(struct store *s, struct app **apps, struct diag *d)
{
	sqlite3_stmt *q = batch_stmt(s, d);
	if (!q)
		return sqlite3_extended_errcode(s->db);
	char now[20];
	store_now(now);
	struct binder b[STORE_BATCH];
	for (int i = 0; i < STORE_BATCH; i++) {
		b[i] = (struct binder){ .q = q, .base = i * STORE_BATCH_PARAMS, .is_null = s->batch_null };
		bind_app(&b[i], apps[i]);
		sqlite3_bind_text(q, b[i].base + APP_NCOLUMNS + 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, b[i].base + APP_NCOLUMNS + 2, store_user(), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, b[i].base + APP_NCOLUMNS + 3, now, -1, SQLITE_STATIC);
	}
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc;
}

enum status store_app_insert_many(struct store *s, struct app **apps, size_t n,
				  enum status *each, struct diag *d)
{
	enum status st = ST_OK;
	bool batch = n == STORE_BATCH && s->in_txn;
	for (size_t i = 0; i < n; i++) {
		each[i] = batch ? prepare_insert(s, apps[i], &d[i]) : ST_OK;
		batch &= each[i] == ST_OK && apps[i]->review.kind < 0 && apps[i]->suit.kind < 0;
		if (each[i] != ST_OK && each[i] != ST_DATA && each[i] != ST_LOCKED)
			return each[i];
	}
	int rc = batch ? insert_batch(s, apps, &d[0]) : SQLITE_CONSTRAINT;
	if (batch && rc == SQLITE_DONE) {
		/* the rows took the next ids, in order */
		long long last = sqlite3_last_insert_rowid(s->db);
		for (size_t i = 0; i < n; i++) {
			apps[i]->id = last - (long long)(n - 1 - i);
			apps[i]->version = 1;
			if (s->bulk)
				store_bulk_count(s, apps[i]);
		}
		return ST_OK;
	}
	if ((rc & 0xff) != SQLITE_CONSTRAINT)
		return store_fail(s, rc, "保存申请", &d[0]);
	/* one at a time: each refusal said for its own application */
	for (size_t i = 0; i < n; i++) {
		diag_clear(&d[i]);
		each[i] = store_app_insert(s, apps[i], &d[i]);
		if (each[i] != ST_OK && each[i] != ST_DATA && each[i] != ST_LOCKED)
			return each[i];
	}
	return st;
}

enum status store_app_get(struct store *s, long long id, struct app *a, struct diag *d)
{
	app_release(a);
	sqlite3_stmt *q = store_stmt(s, Q_APP_GET, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		read_app(q, a);
		a->voided_at = store_column_text(q, 5 + APP_NCOLUMNS);
		a->voided_by = store_column_text(q, 6 + APP_NCOLUMNS);
		a->void_reason = store_column_text(q, 7 + APP_NCOLUMNS);
	}
	sqlite3_reset(q);
	if (rc == SQLITE_DONE) {
		diag_add(d, "找不到该申请（内部编号 %lld），可能已被删除", id);
		return ST_NOTFOUND;
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "读取申请", d);
	return read_reviews(s, a, d);
}

enum status store_app_get_by_case(struct store *s, const char *case_no, struct app *a,
				  struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_APP_BY_CASE, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_text(q, 1, case_no, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	long long id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (rc == SQLITE_DONE) {
		diag_add(d, "编号: 找不到编号为 %s 的申请", case_no);
		return ST_NOTFOUND;
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "读取申请", d);
	return store_app_get(s, id, a, d);
}

/* Runs a one-value query on case_no: *found says whether it gave a row, *v its value. */
static enum status case_query(struct store *s, enum stmt_id id, const char *case_no,
			      bool *found, long long *v, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, id, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_text(q, 1, case_no, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	*found = rc == SQLITE_ROW;
	*v = *found ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "查找编号", d);
}

/* The case numbers of an import's rows that were not stored (store_case_hold): a table of
 * this connection only, never in the file, made by the import that first needs it — inside its
 * transaction, so it goes with the import's rollback, rows and all. Made at the first row with
 * a problem only: while the connection has no temporary table, an import may choose where
 * SQLite keeps its temporary data (store_import_begin). */
enum status store_case_table(struct store *s, struct diag *d)
{
	if (s->case_table)
		return ST_OK;
	int rc = sqlite3_exec(s->db, "CREATE TEMP TABLE IF NOT EXISTS import_case (case_no TEXT "
			      "PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID", NULL, NULL, NULL);
	s->case_table = rc == SQLITE_OK;
	return rc == SQLITE_OK ? ST_OK : store_fail(s, rc, "记录编号", d);
}

enum status store_case_held(struct store *s, const char *case_no, size_t *by, struct diag *d)
{
	*by = 0;
	if (!s->case_table)   /* no table: nothing is held */
		return ST_OK;
	bool found = false;
	long long row = 0;
	enum status st = case_query(s, Q_CASE_HELD, case_no, &found, &row, d);
	*by = st == ST_OK && found ? (size_t)row : 0;
	return st;
}

enum status store_case_hold(struct store *s, const char *case_no, size_t row, size_t *by,
			    struct diag *d)
{
	bool found = false;
	long long id = 0;
	enum status st = case_query(s, Q_APP_BY_CASE, case_no, &found, &id, d);
	*by = found ? STORE_CASE_STORED : 0;
	if (st != ST_OK || found)
		return st;
	if ((st = store_case_held(s, case_no, by, d)) != ST_OK || *by)
		return st;
	if ((st = store_case_table(s, d)) != ST_OK)
		return st;
	sqlite3_stmt *q = store_stmt(s, Q_CASE_HOLD, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_text(q, 1, case_no, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)row);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "记录编号", d);
}

/* One history row per field whose text form differs between old and new. */
static enum status history_diff(struct store *s, const struct app *old, const struct app *new,
				const char *reason, struct diag *d)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	enum status st = ST_OK;
	for (int f = 0; st == ST_OK && f < F_COUNT; f++) {
		sb_reset(&a);
		sb_reset(&b);
		app_field_get(old, f, &a);
		app_field_get(new, f, &b);
		if (strcmp(sb_str(&a), sb_str(&b)) != 0)
			st = add_history(s, new->id, app_field_name(f), a.len ? sb_str(&a) : NULL,
					 b.len ? sb_str(&b) : NULL, reason, d);
	}
	sb_release(&a);
	sb_release(&b);
	return st;
}

static enum status update_row(struct store *s, struct app *a, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_APP_UPDATE, d);
	if (!q)
		return s->stmt_status;
	char now[20];
	store_now(now);
	struct binder b = { .q = q };
	bind_app(&b, a);
	sqlite3_bind_text(q, APP_NCOLUMNS + 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, APP_NCOLUMNS + 2, a->id);
	sqlite3_bind_int64(q, APP_NCOLUMNS + 3, a->version);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		diag_add(d, "编号: %s 已被其他申请使用", a->case_no);
		return ST_DATA;
	}
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "保存申请", d);
	if (sqlite3_changes(s->db) != 1) {
		diag_add(d, "申请 %s 已被其他人修改，未保存；请重新打开后再改", a->case_no);
		return ST_CONFLICT;
	}
	a->version++;
	app_set_text(&a->updated_at, now);
	return ST_OK;
}

enum status store_app_update(struct store *s, struct app *a, const char *reason,
			     struct diag *d)
{
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	struct app old;
	app_init(&old);
	st = store_app_get(s, a->id, &old, d);
	if (st == ST_OK && old.voided_at) {
		diag_add(d, "申请 %s 已于 %s 作废，不能再修改（作废不能撤销）", old.case_no,
			 old.voided_at);
		st = ST_DATA;
	}
	if (st == ST_OK && old.version != a->version) {
		diag_add(d, "申请 %s 已在 %s 被其他人修改，未保存；请重新打开后再改",
			 old.case_no, old.updated_at ? old.updated_at : "");
		st = ST_CONFLICT;
	}
	if (st == ST_OK) {
		if (!a->case_no || !*a->case_no)
			app_set_text(&a->case_no, old.case_no);
		apply_clock(s, a);
		st = check_locks(s, &old, a, d);
	}
	if (st == ST_OK)
		st = update_row(s, a, d);
	if (st == ST_OK)
		st = write_reviews(s, a, d);
	if (st == ST_OK)
		st = history_diff(s, &old, a, reason, d);
	app_release(&old);
	return store_txn_end_own(s, own, st, d);
}

static enum status void_row(struct store *s, struct app *a, const char *reason,
			   const char *clerk, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_APP_VOID, d);
	if (!q)
		return s->stmt_status;
	char now[20];
	store_now(now);
	sqlite3_bind_int64(q, 1, a->id);
	sqlite3_bind_text(q, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, clerk, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, reason, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "作废申请", d);
	return ST_OK;
}

enum status store_app_void(struct store *s, long long id, long long version_read,
			   const char *reason, const char *clerk, struct diag *d)
{
	if (text_blank(reason)) {
		diag_add(d, "作废须说明理由（记入修改记录）");
		return ST_DATA;
	}
	size_t chars = 0;
	for (const char *c = reason; *c; c++)
		chars += ((unsigned char)*c & 0xC0) != 0x80;
	if (chars > 500) {
		diag_add(d, "作废理由太长（最多 500 字）");
		return ST_DATA;
	}
	if (!clerk)
		clerk = store_user();
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	struct app old, gone;
	app_init(&old);
	app_init(&gone);
	st = store_app_get(s, id, &old, d);
	if (st == ST_OK && old.voided_at) {
		diag_add(d, "申请 %s 已于 %s 作废（作废不能撤销）", old.case_no, old.voided_at);
		st = ST_DATA;
	}
	if (st == ST_OK && version_read && old.version != version_read) {
		diag_add(d, "申请 %s 已在 %s 被其他人修改，未作废；请重新打开看过后再作废",
			 old.case_no, old.updated_at ? old.updated_at : "");
		st = ST_CONFLICT;
	}
	if (st == ST_OK) {
		/* voided, it leaves every table it was counted in: a locked year's too */
		app_copy(&gone, &old);
		app_set_text(&gone.voided_at, "-");
		app_set_text(&gone.void_reason, reason);
		st = check_locks(s, &old, &gone, d);
	}
	if (st == ST_OK)
		st = void_row(s, &old, reason, clerk, d);
	if (st == ST_OK) {
		/* the history line is 作废（理由：…）, with the clerk's login */
		sqlite3_stmt *q = store_stmt(s, Q_HISTORY_ADD, d);
		if (!q) {
			st = s->stmt_status;
		} else {
			char now[20];
			store_now(now);
			sqlite3_bind_int64(q, 1, id);
			sqlite3_bind_text(q, 3, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(q, 4, clerk, -1, SQLITE_STATIC);
			sqlite3_bind_text(q, 5, "作废", -1, SQLITE_STATIC);
			sqlite3_bind_text(q, 8, reason, -1, SQLITE_STATIC);
			int rc = sqlite3_step(q);
			sqlite3_reset(q);
			if (rc != SQLITE_DONE)
				st = store_fail(s, rc, "写入修改记录", d);
		}
	}
	app_release(&old);
	app_release(&gone);
	return store_txn_end_own(s, own, st, d);
}

enum status store_recompute_open(struct store *s, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_APP_OPEN_IDS, d);
	if (!q)
		return s->stmt_status;
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		ids = xgrow(ids, &cap, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_reset(q);
	enum status st = rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取办理中的申请", d);
	struct app a;
	app_init(&a);
	for (size_t i = 0; st == ST_OK && i < n; i++) {
		st = store_app_get(s, ids[i], &a, d);
		if (st != ST_OK)
			break;
		apply_clock(s, &a);
		sqlite3_stmt *u = store_stmt(s, Q_APP_SET_CLOCK, d);
		if (!u) {
			st = s->stmt_status;
			break;
		}
		sqlite3_bind_int64(u, 1, a.id);
		sqlite3_bind_text(u, 2, state_codes[a.state], -1, SQLITE_STATIC);
		store_bind_date(u, 3, a.due);
		sqlite3_bind_int(u, 4, a.left_days);
		rc = sqlite3_step(u);
		sqlite3_reset(u);
		if (rc != SQLITE_DONE)
			st = store_fail(s, rc, "更新到期日", d);
	}
	app_release(&a);
	free(ids);
	return st;
}

/* Reads one joined review (kind, filed, result, decided at column c) of Q_APP_ALL. */
static void read_joined_review(sqlite3_stmt *q, int c, struct review_case *r)
{
	if (sqlite3_column_type(q, c) == SQLITE_NULL)
		return;
	r->kind = column_code(q, c, &codes_t4_group);
	r->filed = store_column_date(q, c + 1);
	r->result = column_code(q, c + 2, &codes_review_result);
	r->decided = store_column_date(q, c + 3);
}

enum status store_app_foreach(struct store *s, enum app_scope scope, int year,
			      int (*fn)(const struct app *, void *), void *ctx, int *stopped,
			      struct diag *d)
{
	static const enum stmt_id stmts[] = {
		[SCOPE_ALL] = Q_APP_ALL, [SCOPE_LEDGER_YEAR] = Q_APP_YEAR,
		[SCOPE_ANSWERED_IN] = Q_APP_ANSWERED_IN, [SCOPE_OPEN_OLDEST] = Q_APP_OPEN_OLDEST,
	};
	*stopped = 0;
	sqlite3_stmt *q = store_stmt(s, stmts[scope], d);
	if (!q)
		return s->stmt_status;
	if (scope != SCOPE_ALL) {
		store_bind_date(q, 1, date_from_ymd(year, 1, 1));
		store_bind_date(q, 2, date_from_ymd(year, 12, 31));
	}
	struct app a;
	app_init(&a);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		app_release(&a);
		read_app(q, &a);
		read_joined_review(q, 5 + APP_NCOLUMNS, &a.review);
		read_joined_review(q, 5 + APP_NCOLUMNS + 4, &a.suit);
		if ((*stopped = fn(&a, ctx)) != 0)
			break;
	}
	app_release(&a);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "读取申请", d);
	return ST_OK;
}
