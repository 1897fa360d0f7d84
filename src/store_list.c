/*
 * store_list.c — the list of applications, a page at a time.
 *
 * Pages are fetched by keyset (rows after the last one shown, in list order: list_key, id),
 * never by OFFSET, so the hundredth page costs what the first does and the screen never holds
 * more than a page. The list of one year is a range of the app_year_list index, in each of its
 * two parts (before and after the split, store_priv.h: SPLIT). The list of every year is each
 * year's range of the same index, merged: one arm of a UNION ALL per year the file holds and
 * part, each in index order, which SQLite merges without a sort and stops reading once the
 * page is full (schema.sql: why there is no index of the whole list). The SQL of each
 * combination of filter and options is put together from fixed pieces once, prepared and kept
 * (a list over every year again when the number of years changes); every value is bound.
 */
#include "store_priv.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "codes.h"
#include "date.h"
#include "strbuf.h"
#include "xmem.h"

static const struct {
	const char *key, *label, *where;
	bool keyed;   /* a range of list_key: over every year, that range in each year */
} filters[LF_COUNT] = {
	/* voided ones sort last (list_key '9…'): every filter but 已作废 stops before them */
	[LF_ALL] = { "all", "全部", "list_key < '9'", true },
	[LF_OPEN] = { "open", "办理中", "list_key < '3'", true },
	[LF_LATE] = { "late", "已逾期", "list_key >= '1' AND list_key < :late", true },
	[LF_SOON] = { "soon", "即将到期", "list_key >= :late AND list_key <= :soon", true },
	/* "answered IS NULL" lets SQLite use the partial index app_state */
	[LF_CORRECTION] = { "correction", "待补正", "state = 'correction' AND answered IS NULL "
			    "AND list_key < '9'" },
	[LF_CONSULT] = { "consult", "征求意见中", "state = 'consult' AND answered IS NULL "
			 "AND list_key < '9'" },
	[LF_FEE] = { "fee", "待缴费", "state = 'fee' AND answered IS NULL AND list_key < '9'" },
	[LF_EXTENDED] = { "extended", "已延期", "list_key < '3' AND extended_on IS NOT NULL",
			  true },
	[LF_DONE] = { "done", "已办结", "list_key >= '3' AND list_key < '9'", true },
	[LF_VOIDED] = { "voided", "已作废", "list_key >= '9'", true },
	[LF_TODAY] = { "today", "今天到期", "list_key = :late", true },
	/* what waits on the applicant past its limit (docs/manual.md, 今日待办): a few rows of
	 * the partial index app_state each; the payment and reply limits count working days by
	 * the database's calendar (gk_workday_add, store.c) */
	[LF_CORRECTION_PASSED] = { "correction_passed", "补正期满", "state = 'correction' "
				   "AND answered IS NULL AND list_key < '9' "
				   "AND correction_limit < :today" },
	[LF_FEE_PASSED] = { "fee_passed", "缴费期满", "state = 'fee' AND answered IS NULL "
			    "AND list_key < '9' AND fee_paid_on IS NULL "
			    "AND gk_workday_add(coalesce(fee_delivered, fee_notice), :feedays) "
			    "< :today" },
	[LF_CONSULT_PASSED] = { "consult_passed", "征求意见逾期", "state = 'consult' "
				"AND answered IS NULL AND list_key < '9' AND consult_end IS NULL "
				"AND gk_workday_add(coalesce(consult_delivered, consult_start), "
				":consultdays) < :today" },
};

const char *store_list_filter_label(enum list_filter f)
{
	return (unsigned)f < LF_COUNT ? filters[f].label : "";
}

const char *store_list_filter_key(enum list_filter f)
{
	return (unsigned)f < LF_COUNT ? filters[f].key : "";
}

enum { OPT_YEAR = 1, OPT_SEARCH = 2, OPT_CURSOR = 4, OPT_BACKWARD = 8 };

/* Whether the filter's rows are read year by year (a range of list_key over every year). */
static bool every_year(enum list_filter f, int opts)
{
	return filters[f].keyed && !(opts & OPT_YEAR);
}

/* `year` is the condition on the year: none, the year asked for (:year), or each year's own
 * (one arm of a merge, ?), or every year (a count). */
enum year_cond { YEAR_NONE, YEAR_ASKED, YEAR_ARM, YEAR_EVERY };

static void add_conditions(struct strbuf *sql, enum list_filter f, int opts, enum year_cond year)
{
	sb_addf(sql, " WHERE (%s)", filters[f].where);
	if (year == YEAR_ASKED)
		sb_adds(sql, " AND received_year = :year");
	else if (year == YEAR_ARM)
		sb_adds(sql, " AND received_year = ?");
	else if (year == YEAR_EVERY)
		sb_adds(sql, " AND " EVERY_YEAR);
	if (opts & OPT_SEARCH)
		sb_adds(sql, " AND (instr(case_no, :q) > 0 OR instr(applicant, :q) > 0"
			     " OR instr(coalesce(request, ''), :q) > 0)");
}

/* The part of the large indexes an arm reads (store_priv.h, SPLIT): 0 for a filter that does
 * not read them. */
static const char *const part_cond[] = { "", " AND id <= " SPLIT, " AND id > " SPLIT };

/* How many parts of the large indexes the filter's rows are read from: a range of list_key is
 * read from both parts of app_year_list, one arm each; the others from app_state. */
static int parts_of(enum list_filter f)
{
	return filters[f].keyed ? 2 : 1;
}

/* The statement of a list page; over every year, one with `arms` arms (none: no statement). */
static sqlite3_stmt *list_stmt(struct store *s, enum list_filter f, int opts, int arms,
			       struct diag *d)
{
	sqlite3_stmt **slot = &s->list_stmt[f][opts];
	bool merged = every_year(f, opts);
	if (*slot && (!merged || s->list_arms[f][opts] == arms)) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return *slot;
	}
	sqlite3_finalize(*slot);
	*slot = NULL;
	if (merged && arms < 1)
		return NULL;
	struct strbuf sql = STRBUF_INIT;
	bool back = opts & OPT_BACKWARD;
	int parts = parts_of(f);
	for (int i = 0; i < (merged ? arms : 1) * parts; i++) {
		if (i)
			sb_adds(&sql, " UNION ALL ");
		sb_adds(&sql, "SELECT " LIST_COLUMNS " FROM application");
		add_conditions(&sql, f, opts,
			       merged ? YEAR_ARM : opts & OPT_YEAR ? YEAR_ASKED : YEAR_NONE);
		sb_adds(&sql, part_cond[parts > 1 ? 1 + i % 2 : 0]);
		if (opts & OPT_CURSOR)
			sb_addf(&sql, " AND (list_key, id) %s (:key, :id)", back ? "<" : ">");
	}
	sb_addf(&sql, " ORDER BY list_key %s, id %s LIMIT :limit", back ? "DESC" : "ASC",
		back ? "DESC" : "ASC");
	*slot = store_prepare(s, sb_str(&sql), "准备列表查询", d);
	s->list_arms[f][opts] = merged ? arms : 0;
	sb_release(&sql);
	return *slot;
}

/* The years the file holds applications of, in order, into s->years (YEARS_HELD). */
static enum status list_years(struct store *s, int *n, struct diag *d)
{
	*n = 0;
	sqlite3_stmt *q = store_stmt(s, Q_YEARS_HELD, d);
	if (!q)
		return s->stmt_status;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		s->years = xgrow(s->years, &s->years_cap, (size_t)*n + 1, sizeof *s->years);
		s->years[(*n)++] = sqlite3_column_int(q, 0);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取申请列表", d);
}

/* Each arm's year, bound to the statement's nameless parameters in order: `per` arms a year,
 * one for each part of the index. */
static void bind_years(sqlite3_stmt *st, const int *years, int n, int per)
{
	int k = 0;
	for (int i = 1; i <= sqlite3_bind_parameter_count(st) && k < n * per; i++)
		if (!sqlite3_bind_parameter_name(st, i))
			sqlite3_bind_int(st, i, years[k++ / per]);
}

static void bind_named_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void bind_named_date_key(sqlite3_stmt *st, const char *name, int date)
{
	char buf[DATE_BUF + 1];
	buf[0] = '1';
	date_format(date, buf + 1);
	bind_named_text(st, name, buf);
}

static void bind_query(sqlite3_stmt *st, const struct list_query *q)
{
	bind_named_date_key(st, ":late", q->today);
	bind_named_date_key(st, ":soon", q->soon_until);
	char day[DATE_BUF];
	bind_named_text(st, ":today", date_format(q->today, day));
	int i = sqlite3_bind_parameter_index(st, ":feedays");
	if (i > 0)
		sqlite3_bind_int(st, i, CLOCK_FEE_PAY_DAYS);
	i = sqlite3_bind_parameter_index(st, ":consultdays");
	if (i > 0)
		sqlite3_bind_int(st, i, CLOCK_CONSULT_REPLY_DAYS);
	if (q->year)
		sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":year"), q->year);
	if (q->search && *q->search)
		bind_named_text(st, ":q", q->search);
}

static int query_opts(const struct list_query *q)
{
	return (q->year ? OPT_YEAR : 0) | (q->search && *q->search ? OPT_SEARCH : 0);
}

static void read_row(sqlite3_stmt *st, struct list_row *r)
{
	static const char *const states[] = { "open", "correction", "consult", "fee", "answered" };
	r->id = sqlite3_column_int64(st, 0);
	r->case_no = store_column_text_nn(st, 1);
	r->applicant = store_column_text_nn(st, 2);
	r->received = store_column_date(st, 3);
	const char *t = (const char *)sqlite3_column_text(st, 4);
	r->type = t ? code_parse(&codes_applicant, t) : -1;
	r->due = store_column_date(st, 5);
	r->left_days = sqlite3_column_int(st, 6);
	r->answered = store_column_date(st, 7);
	const char *o = (const char *)sqlite3_column_text(st, 8);
	r->outcome = o ? t3_row_parse_key(o) : -1;
	const char *state = (const char *)sqlite3_column_text(st, 9);
	r->state = STATE_OPEN;
	for (int i = 0; state && i < 5; i++)
		if (strcmp(state, states[i]) == 0)
			r->state = i;
	r->extended = sqlite3_column_int(st, 10) != 0;
	r->key = store_column_text_nn(st, 11);
	r->voided = sqlite3_column_int(st, 12) != 0;
	r->correction_limit = store_column_date(st, 13);
	r->fee_from = store_column_date(st, 14);
}

static void rows_clear(struct list_page *page)
{
	for (size_t i = 0; i < page->n; i++) {
		free(page->rows[i].case_no);
		free(page->rows[i].applicant);
		free(page->rows[i].key);
	}
	page->n = 0;
}

void store_list_page_release(struct list_page *page)
{
	rows_clear(page);
	free(page->rows);
	page->rows = NULL;
	page->cap = 0;
}

enum status store_list_page(struct store *s, const struct list_query *q, const char *key,
			    long long id, bool backward, size_t max, struct list_page *page,
			    struct diag *d)
{
	rows_clear(page);
	int opts = query_opts(q) | (key ? OPT_CURSOR : 0) | (backward ? OPT_BACKWARD : 0);
	int years = 0;
	if (every_year(q->filter, opts)) {
		enum status ys = list_years(s, &years, d);
		if (ys != ST_OK)
			return ys;
		if (years == 0)
			return ST_OK;   /* no application at all */
	}
	sqlite3_stmt *st = list_stmt(s, q->filter, opts, years, d);
	if (!st)
		return s->stmt_status;
	bind_years(st, s->years, years, parts_of(q->filter));
	bind_query(st, q);
	if (key) {
		bind_named_text(st, ":key", key);
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
	}
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":limit"), (long long)max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		page->rows = xgrow(page->rows, &page->cap, page->n + 1, sizeof *page->rows);
		read_row(st, &page->rows[page->n++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "读取申请列表", d);
	if (backward) {
		/* fetched nearest first: put them back in list order */
		for (size_t i = 0, j = page->n ? page->n - 1 : 0; i < j; i++, j--) {
			struct list_row t = page->rows[i];
			page->rows[i] = page->rows[j];
			page->rows[j] = t;
		}
	}
	return ST_OK;
}

enum status store_list_get(struct store *s, long long id, struct list_page *page,
			   struct diag *d)
{
	rows_clear(page);
	sqlite3_stmt *st = store_stmt(s, Q_LIST_ROW, d);
	if (!st)
		return s->stmt_status;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		page->rows = xgrow(page->rows, &page->cap, 1, sizeof *page->rows);
		read_row(st, &page->rows[page->n++]);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		diag_add(d, "找不到该申请（内部编号 %lld），可能已被删除", id);
		return ST_NOTFOUND;
	}
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "读取申请", d);
}

enum status store_list_count(struct store *s, const struct list_query *q, long long *n,
			     struct diag *d)
{
	int opts = query_opts(q);
	sqlite3_stmt **slot = &s->count_stmt[q->filter][opts];
	if (*slot) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
	} else {
		/* a count in each part of the index, added up */
		struct strbuf sql = STRBUF_INIT;
		int parts = parts_of(q->filter);
		sb_adds(&sql, "SELECT 0");
		for (int i = 0; i < parts; i++) {
			sb_adds(&sql, " + (SELECT count(*) FROM application");
			add_conditions(&sql, q->filter, opts,
				       every_year(q->filter, opts) ? YEAR_EVERY :
				       opts & OPT_YEAR ? YEAR_ASKED : YEAR_NONE);
			sb_adds(&sql, part_cond[parts > 1 ? 1 + i : 0]);
			sb_adds(&sql, ")");
		}
		*slot = store_prepare(s, sb_str(&sql), "准备列表查询", d);
		sb_release(&sql);
		if (!*slot)
			return s->stmt_status;
	}
	bind_query(*slot, q);
	int rc = sqlite3_step(*slot);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(*slot, 0) : 0;
	sqlite3_reset(*slot);
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "统计申请数", d);
}

enum status store_list_plans(struct store *s,
			     void (*fn)(const char *name, const char *plan, void *ctx), void *ctx,
			     struct diag *d)
{
	struct strbuf plan = STRBUF_INIT, name = STRBUF_INIT;
	enum status st = ST_OK;
	for (int f = 0; st == ST_OK && f < LF_COUNT; f++)
		for (int opts = 0; st == ST_OK && opts < 16; opts++) {
			/* over every year, the plan of a merge of two years */
			sqlite3_stmt *q = list_stmt(s, f, opts, 2, d);
			if (!q)
				return ST_IO;
			sb_reset(&plan);
			sb_reset(&name);
			sb_addf(&name, "list %s%s%s%s%s", filters[f].key,
				opts & OPT_YEAR ? " year" : "", opts & OPT_SEARCH ? " search" : "",
				opts & OPT_CURSOR ? " after" : "", opts & OPT_BACKWARD ? " back" : "");
			st = store_plan_of(s, q, &plan, d);
			if (st == ST_OK)
				fn(sb_str(&name), sb_str(&plan), ctx);
		}
	sb_release(&plan);
	sb_release(&name);
	return st;
}
