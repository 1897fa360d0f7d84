/*
 * store_report.c — the year's numbers from the database: table 三 and 四 by SQL aggregates,
 * the fees of section 六, table 二 as entered, and the year lock (定稿).
 *
 * Each table 三 query reads one index range (see schema.sql), so a year's table costs about
 * as much as the applications it counts, not the whole file.
 */
#include "store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "date.h"
#include "text.h"
#include "xmem.h"

static void bind_year(sqlite3_stmt *q, int year)
{
	store_bind_date(q, 1, date_from_ymd(year, 1, 1));
	store_bind_date(q, 2, date_from_ymd(year, 12, 31));
}

static int column_type(sqlite3_stmt *q, int i)
{
	const char *t = (const char *)sqlite3_column_text(q, i);
	return t ? code_parse(&codes_applicant, t) : -1;
}

/* Runs one grouped query of table 三 and adds what it returns to t through add(). */
typedef void add_fn(struct table3 *t, sqlite3_stmt *q);

static enum status run_t3(struct store *s, enum stmt_id id, int year, struct table3 *t,
			  add_fn *add, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, id, d);
	if (!q)
		return s->stmt_status;
	bind_year(q, year);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		add(t, q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "统计表三", d);
}

static void add_new(struct table3 *t, sqlite3_stmt *q)
{
	int c = column_type(q, 0);
	if (c >= 0)
		t->v[R_NEW][c] += sqlite3_column_int64(q, 1);
}

static void add_outcome(struct table3 *t, sqlite3_stmt *q)
{
	const char *o = (const char *)sqlite3_column_text(q, 0);
	int r = o ? t3_row_parse_key(o) : -1, c = column_type(q, 1);
	if (outcome_is_valid(r) && c >= 0)
		t->v[r][c] += sqlite3_column_int64(q, 2);
}

static void add_carry(struct table3 *t, sqlite3_stmt *q)
{
	int c = column_type(q, 0);
	if (c < 0)
		return;
	t->v[R_CARRIED_IN][c] += sqlite3_column_int64(q, 1);
	t->v[R_CARRIED_OUT][c] += sqlite3_column_int64(q, 2);
}

enum status store_table3_recount(struct store *s, int year, struct table3 *t, struct diag *d)
{
	memset(t, 0, sizeof *t);
	enum status st = run_t3(s, Q_T3_NEW, year, t, add_new, d);
	if (st == ST_OK)
		st = run_t3(s, Q_T3_OUTCOMES, year, t, add_outcome, d);
	if (st == ST_OK)
		st = run_t3(s, Q_T3_CARRY_OPEN, year, t, add_carry, d);
	if (st == ST_OK)
		st = run_t3(s, Q_T3_CARRY_DONE, year, t, add_carry, d);
	tally_table3_finish(t);
	return st;
}

/* The year's own counts: received ('new') and answered by outcome, per applicant type. */
static enum status year_counts(struct store *s, int year, struct table3 *t, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_T3_YEAR_COUNTS, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(q, 0);
		int r = key ? t3_row_parse_key(key) : -1, c = column_type(q, 1);
		if (c >= 0 && (r == R_NEW || outcome_is_valid(r)))
			t->v[r][c] += sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "统计表三", d);
}

/* What was received, and answered, before the year, per applicant type. */
static enum status before_counts(struct store *s, int year, long long got[AT_COUNT],
				 long long done[AT_COUNT], struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_T3_BEFORE_COUNTS, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int c = column_type(q, 0);
		if (c < 0)
			continue;
		got[c] += (long long)sqlite3_column_double(q, 1);
		done[c] += (long long)sqlite3_column_double(q, 2);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "统计表三", d);
}

/*
 * From the counts: the year's own rows are read as they are; the years before give what was
 * received and answered before 1 January, whose difference is what was carried in. Every
 * application answered before the year was received before it (answered >= received).
 */
enum status store_table3(struct store *s, int year, struct table3 *t, struct diag *d)
{
	memset(t, 0, sizeof *t);
	long long got_before[AT_COUNT] = { 0 }, done_before[AT_COUNT] = { 0 };
	enum status st = year_counts(s, year, t, d);
	if (st == ST_OK)
		st = before_counts(s, year, got_before, done_before, d);
	if (st != ST_OK)
		return st;
	for (int c = 0; c < AT_COUNT; c++) {
		long long done = 0;
		for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++)
			done += t->v[r][c];
		t->v[R_CARRIED_IN][c] = got_before[c] - done_before[c];
		t->v[R_CARRIED_OUT][c] = t->v[R_CARRIED_IN][c] + t->v[R_NEW][c] - done;
	}
	tally_table3_finish(t);
	return ST_OK;
}

enum status store_table4(struct store *s, int year, struct table4 *t, struct diag *d)
{
	memset(t, 0, sizeof *t);
	sqlite3_stmt *q = store_stmt(s, Q_T4, d);
	if (!q)
		return s->stmt_status;
	bind_year(q, year);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(q, 0);
		const char *c = (const char *)sqlite3_column_text(q, 1);
		int gi = g ? code_parse(&codes_t4_group, g) : -1;
		int ci = c ? code_parse(&codes_t4_col, c) : -1;
		if (gi >= 0 && ci >= 0 && ci != T4_TOTAL)
			t->v[gi][ci] += sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	tally_table4_finish(t);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "统计表四", d);
}

enum status store_fees_paid(struct store *s, int year, long long *fen, struct diag *d)
{
	*fen = 0;
	sqlite3_stmt *q = store_stmt(s, Q_FEES_PAID, d);
	if (!q)
		return s->stmt_status;
	bind_year(q, year);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*fen = (long long)sqlite3_column_double(q, 0);
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "统计信息处理费", d);
}

enum status store_years(struct store *s, int **years, size_t *n, struct diag *d)
{
	*years = NULL;
	*n = 0;
	sqlite3_stmt *q = store_stmt(s, Q_YEARS, d);
	if (!q)
		return s->stmt_status;
	int rc = sqlite3_step(q), y0 = 0, y1 = 0;
	if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
		y0 = sqlite3_column_int(q, 0);
		y1 = sqlite3_column_int(q, 1);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "读取年度", d);
	if (!y0)
		return ST_OK;
	if (!(q = store_stmt(s, Q_OPEN_COUNT, d)))
		return s->stmt_status;
	rc = sqlite3_step(q);
	long long open = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "读取年度", d);
	/* an open application is carried over into every year up to this one */
	int now = date_year(date_today());
	if (open && now > y1)
		y1 = now;
	*years = xmalloc((size_t)(y1 - y0 + 1) * sizeof **years);
	for (int y = y0; y <= y1; y++)
		(*years)[(*n)++] = y;
	return ST_OK;
}

enum status store_monthly(struct store *s, int year, long long received[12],
			  long long answered[12], struct diag *d)
{
	memset(received, 0, 12 * sizeof *received);
	memset(answered, 0, 12 * sizeof *answered);
	sqlite3_stmt *q = store_stmt(s, Q_MONTH_COUNTS, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int m = sqlite3_column_int(q, 0);
		if (m >= 1 && m <= 12)
			(sqlite3_column_int(q, 1) ? received : answered)[m - 1] +=
				sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "按月统计", d);
}

enum status store_applicant_nth(struct store *s, const char *applicant, const char *id_number,
				int day, long long id, long long *n, struct diag *d)
{
	*n = 0;
	sqlite3_stmt *q = store_stmt(s, Q_APPLICANT_MONTH, d);
	if (!q)
		return s->stmt_status;
	int y, m, dd;
	date_to_ymd(day, &y, &m, &dd);
	store_bind_date(q, 1, date_from_ymd(y, m, 1));
	store_bind_date(q, 2, day);
	store_bind_text(q, 3, applicant);
	store_bind_text(q, 4, id_number && *id_number ? id_number : NULL);
	sqlite3_bind_int(q, 5, y);
	sqlite3_bind_int64(q, 6, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(q, 0) + (id == 0);   /* one not stored comes last */
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "统计同一申请人的申请", d);
}

/* ---- table 二 ---- */

enum status store_table2_get(struct store *s, int year, struct table2 *t, struct diag *d)
{
	memset(t, 0, sizeof *t);
	sqlite3_stmt *q = store_stmt(s, Q_T2_GET, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		t->entered = true;
		for (int c = 0; c < T2_CELLS; c++)
			t->v[c] = sqlite3_column_type(q, c) == SQLITE_NULL ? T2_NA
				: sqlite3_column_int64(q, c);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取表二", d);
}

static enum status year_history(struct store *s, int year, const char *field, const char *old,
				const char *new, const char *reason, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_HISTORY_YEAR, d);
	if (!q)
		return s->stmt_status;
	char now[20];
	store_now(now);
	sqlite3_bind_int(q, 1, year);
	sqlite3_bind_text(q, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, store_user(), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, field, -1, SQLITE_TRANSIENT);
	store_bind_text(q, 5, old);
	store_bind_text(q, 6, new);
	store_bind_text(q, 7, reason);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "写入修改记录", d);
}

static enum status refuse_if_locked(struct store *s, int year, const char *what,
				   struct diag *d)
{
	bool locked;
	enum status st = store_year_lock_get(s, year, &locked, NULL, d);
	if (st == ST_OK && locked) {
		diag_add(d, "%d 年度报表已定稿锁定，不能修改%s；如确需修改，请先解锁该年度", year, what);
		return ST_LOCKED;
	}
	return st;
}

enum status store_table2_set(struct store *s, int year, const struct table2 *t,
			     struct diag *d)
{
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	st = refuse_if_locked(s, year, "表二", d);
	sqlite3_stmt *q = st == ST_OK ? store_stmt(s, Q_T2_SET, d) : NULL;
	if (st == ST_OK && !q)
		st = s->stmt_status;
	if (q) {
		sqlite3_bind_int(q, 1, year);
		for (int c = 0; c < T2_CELLS; c++) {
			if (t->v[c] == T2_NA)
				sqlite3_bind_null(q, c + 2);
			else
				sqlite3_bind_int64(q, c + 2, t->v[c]);
		}
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			st = store_fail(s, rc, "保存表二", d);
	}
	if (st == ST_OK)
		st = year_history(s, year, "表二", NULL, NULL, NULL, d);
	return store_txn_end_own(s, own, st, d);
}

/* ---- the office's text of the report ---- */

enum status store_section_get(struct store *s, int year, const char *section, char **body,
			      long long *version, struct diag *d)
{
	*body = NULL;
	*version = 0;
	sqlite3_stmt *q = store_stmt(s, Q_SECTION_GET, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	sqlite3_bind_text(q, 2, section, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*body = store_column_text_nn(q, 0);
		*version = sqlite3_column_int64(q, 1);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取报告文字", d);
}

enum status store_section_put(struct store *s, int year, const char *section,
			      const char *label, const char *body, long long version_read,
			      struct diag *d)
{
	bool own;
	char *old = NULL;
	long long version;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	st = refuse_if_locked(s, year, "报告文字", d);
	if (st == ST_OK)
		st = store_section_get(s, year, section, &old, &version, d);
	if (st == ST_OK && version_read >= 0 && version != version_read) {
		diag_add(d, "%d 年报告的「%s」已被其他人修改（%s），请重新打开后再改", year, label,
			 version ? "已保存新的版本" : "已删除");
		st = ST_CONFLICT;
	}
	bool same = st == ST_OK && strcmp(old ? old : "", body) == 0;
	sqlite3_stmt *q = NULL;
	if (st == ST_OK && !same) {
		q = store_stmt(s, *body ? Q_SECTION_SET : Q_SECTION_DELETE, d);
		if (!q)
			st = s->stmt_status;
	}
	if (q) {
		char now[20];
		store_now(now);
		sqlite3_bind_int(q, 1, year);
		sqlite3_bind_text(q, 2, section, -1, SQLITE_STATIC);
		if (*body) {
			sqlite3_bind_text(q, 3, body, -1, SQLITE_STATIC);
			sqlite3_bind_text(q, 4, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(q, 5, store_user(), -1, SQLITE_STATIC);
		}
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			st = store_fail(s, rc, "保存报告文字", d);
	}
	if (q && st == ST_OK) {
		char field[64];
		snprintf(field, sizeof field, "报告·%s", label);
		st = year_history(s, year, field, NULL, NULL, NULL, d);
	}
	free(old);
	return store_txn_end_own(s, own, st, d);
}

/* ---- the year lock ---- */

enum status store_year_lock_get(struct store *s, int year, bool *locked, char **report,
				struct diag *d)
{
	if (report)
		*report = NULL;
	sqlite3_stmt *q = store_stmt(s, Q_LOCK_GET, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	int rc = sqlite3_step(q);
	*locked = rc == SQLITE_ROW;
	if (*locked && report)
		*report = store_column_text(q, 0);
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取定稿", d);
}

enum status store_year_lock(struct store *s, int year, const char *report_json,
			    struct diag *d)
{
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	bool locked;
	st = store_year_lock_get(s, year, &locked, NULL, d);
	if (st == ST_OK && locked) {
		diag_add(d, "%d 年度已经定稿锁定", year);
		st = ST_DATA;
	}
	sqlite3_stmt *q = st == ST_OK ? store_stmt(s, Q_LOCK_ADD, d) : NULL;
	if (st == ST_OK && !q)
		st = s->stmt_status;
	if (q) {
		char now[20];
		store_now(now);
		sqlite3_bind_int(q, 1, year);
		sqlite3_bind_text(q, 2, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 3, store_user(), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 4, report_json, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			st = store_fail(s, rc, "定稿", d);
	}
	if (st == ST_OK)
		st = year_history(s, year, "定稿", NULL, "锁定", NULL, d);
	s->locks_known = false;
	return store_txn_end_own(s, own, st, d);
}

enum status store_year_unlock(struct store *s, int year, const char *reason, struct diag *d)
{
	if (text_blank(reason)) {
		diag_add(d, "解锁 %d 年度须说明理由", year);
		return ST_USAGE;
	}
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	sqlite3_stmt *q = store_stmt(s, Q_LOCK_DELETE, d);
	if (!q) {
		st = s->stmt_status;
	} else {
		sqlite3_bind_int(q, 1, year);
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE) {
			st = store_fail(s, rc, "解锁", d);
		} else if (sqlite3_changes(s->db) == 0) {
			diag_add(d, "%d 年度没有定稿锁定", year);
			st = ST_DATA;
		}
	}
	if (st == ST_OK)
		st = year_history(s, year, "定稿", "锁定", "解锁", reason, d);
	s->locks_known = false;
	return store_txn_end_own(s, own, st, d);
}
