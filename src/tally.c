/*
 * tally.c — the counting rules of table 三 and 四 (docs/report.md) in C, and their checks.
 *
 * For a reporting year Y (1 January to 31 December), per application:
 *   new          received in Y
 *   carried_in   received before Y, not finished before 1 January Y
 *   an outcome   finished in Y with that outcome, whenever received
 *   carried_out  received on or before 31 December Y, not finished by then
 * A reconsideration or lawsuit counts in Y when filed in Y, or filed earlier and still
 * undecided on 1 January Y; it is pending when undecided on 31 December Y. A voided
 * application (作废, a mistaken entry) counts nowhere, nor do its cases.
 */
#include "tally.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "date.h"

void tally_table3_finish(struct table3 *t)
{
	for (int c = 0; c < AT_COUNT; c++) {
		long long sum = 0;
		for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++)
			sum += t->v[r][c];
		t->v[R_PROCESSED_TOTAL][c] = sum;
	}
	for (int r = 0; r < T3_ROWS; r++) {
		long long sum = 0;
		for (int c = 0; c < AT_COUNT; c++)
			sum += t->v[r][c];
		t->v[r][T3_TOTAL] = sum;
	}
}

void tally_table4_finish(struct table4 *t)
{
	for (int g = 0; g < T4_GROUPS; g++)
		t->v[g][T4_TOTAL] = t->v[g][T4_UPHELD] + t->v[g][T4_CORRECTED] +
				    t->v[g][T4_OTHER] + t->v[g][T4_PENDING];
}

/* The rows of table 三 one application adds 1 to in year Y (at most 3); returns how many. */
static int app_rows(const struct app *a, int year, int rows[3])
{
	int first = date_from_ymd(year, 1, 1), last = date_from_ymd(year, 12, 31);
	int n = 0, got = a->d.received, done = a->d.answered;
	/* a voided application (a mistaken entry) is counted nowhere */
	if (got == DATE_NONE || a->type < 0 || a->type >= AT_COUNT || a->voided_at)
		return 0;
	if (got >= first && got <= last)
		rows[n++] = R_NEW;
	if (got < first && (done == DATE_NONE || done >= first))
		rows[n++] = R_CARRIED_IN;
	if (done != DATE_NONE && done >= first && done <= last && outcome_is_valid(a->outcome))
		rows[n++] = a->outcome;
	if (got <= last && (done == DATE_NONE || done > last))
		rows[n++] = R_CARRIED_OUT;
	return n;
}

/* The counting rule of table 三 is written in four places — tally_table3_count (tally.c), the
 * triggers tally_insert/tally_update (schema.sql), store_bulk_count (store_import.c) and
 * the Q_T3_* recount (store_priv.h); tests/unit/test_counting.c keeps the four equal.
 */
void tally_table3_count(struct table3 *t, const struct app *a, int year)
{
	int rows[3];
	int n = app_rows(a, year, rows);
	for (int i = 0; i < n; i++)
		t->v[rows[i]][a->type]++;
}

/* The table 四 column one case adds to in Y, or -1 when it does not count in Y. */
static int review_col(const struct review_case *r, int year, bool voided)
{
	if (voided)
		return -1;
	int first = date_from_ymd(year, 1, 1), last = date_from_ymd(year, 12, 31);
	if (r->kind < 0 || r->filed == DATE_NONE || r->filed > last)
		return -1;
	if (r->decided != DATE_NONE && r->decided < first)
		return -1;
	if (r->decided == DATE_NONE || r->decided > last || r->result < 0)
		return T4_PENDING;
	return r->result;   /* enum review_result matches the first three table 四 columns */
}

void tally_table4_count(struct table4 *t, const struct app *a, int year)
{
	const struct review_case *cases[2] = { &a->review, &a->suit };
	for (int i = 0; i < 2; i++) {
		int col = review_col(cases[i], year, a->voided_at != NULL);
		if (col >= 0 && cases[i]->kind < T4_GROUPS)
			t->v[cases[i]->kind][col]++;
	}
}

bool tally_app_differs(const struct app *a, const struct app *b, int year)
{
	int ra[3], rb[3];
	int na = a ? app_rows(a, year, ra) : 0, nb = b ? app_rows(b, year, rb) : 0;
	if (na != nb || (na && a->type != b->type) || memcmp(ra, rb, (size_t)na * sizeof ra[0]))
		return true;
	const struct review_case none = { -1, DATE_NONE, -1, DATE_NONE };
	const struct review_case *ca[2] = { a ? &a->review : &none, a ? &a->suit : &none };
	const struct review_case *cb[2] = { b ? &b->review : &none, b ? &b->suit : &none };
	for (int i = 0; i < 2; i++) {
		int x = review_col(ca[i], year, a && a->voided_at),
		    y = review_col(cb[i], year, b && b->voided_at);
		if (x != y || (x >= 0 && ca[i]->kind != cb[i]->kind))
			return true;
	}
	return false;
}

void tally_table3_add(struct table3 *a, const struct table3 *b)
{
	for (int r = 0; r < T3_ROWS; r++)
		for (int c = 0; c < T3_COLS; c++)
			a->v[r][c] += b->v[r][c];
}

void tally_table4_add(struct table4 *a, const struct table4 *b)
{
	for (int g = 0; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++)
			a->v[g][c] += b->v[g][c];
}

bool tally_table3_equal(const struct table3 *a, const struct table3 *b)
{
	return memcmp(a->v, b->v, sizeof a->v) == 0;
}

bool tally_table4_equal(const struct table4 *a, const struct table4 *b)
{
	return memcmp(a->v, b->v, sizeof a->v) == 0;
}

static const char *col_name(int c)
{
	return c == T3_TOTAL ? T3_TOTAL_LABEL : code_label(&codes_applicant, c);
}

static bool check_sums(const struct table3 *t, struct diag *d)
{
	bool ok = true;
	for (int c = 0; c < T3_COLS; c++) {
		long long sum = 0;
		for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++)
			sum += t->v[r][c];
		if (sum != t->v[R_PROCESSED_TOTAL][c]) {
			diag_add(d, "表三 %s 列: （七）总计 %lld 不等于各项办理结果之和 %lld",
				 col_name(c), t->v[R_PROCESSED_TOTAL][c], sum);
			ok = false;
		}
	}
	for (int r = 0; r < T3_ROWS; r++) {
		long long sum = 0;
		for (int c = 0; c < AT_COUNT; c++) {
			sum += t->v[r][c];
			if (t->v[r][c] < 0) {
				diag_add(d, "表三 %s 行 %s 列: 数值为负数 %lld", t3_row_key(r),
					 col_name(c), t->v[r][c]);
				ok = false;
			}
		}
		if (sum != t->v[r][T3_TOTAL]) {
			diag_add(d, "表三 %s 行: 总计 %lld 不等于六类申请人之和 %lld", t3_row_key(r),
				 t->v[r][T3_TOTAL], sum);
			ok = false;
		}
	}
	return ok;
}

static bool check_table4(const struct table4 *t, struct diag *d)
{
	bool ok = true;
	for (int g = 0; g < T4_GROUPS; g++) {
		long long sum = 0;
		for (int c = 0; c < T4_TOTAL; c++) {
			sum += t->v[g][c];
			if (t->v[g][c] < 0) {
				diag_add(d, "表四 %s %s: 数值为负数", code_label(&codes_t4_group, g),
					 code_label(&codes_t4_col, c));
				ok = false;
			}
		}
		if (sum != t->v[g][T4_TOTAL]) {
			diag_add(d, "表四 %s: 总计 %lld 不等于各项之和 %lld",
				 code_label(&codes_t4_group, g), t->v[g][T4_TOTAL], sum);
			ok = false;
		}
	}
	return ok;
}

void tally_check(const struct table3 *t3, const struct table4 *t4,
		 const long long *prev_carried_out, bool *balanced, bool *carry_matches,
		 struct diag *d)
{
	*balanced = true;
	for (int c = 0; c < T3_COLS; c++) {
		long long in = t3->v[R_NEW][c] + t3->v[R_CARRIED_IN][c];
		long long out = t3->v[R_PROCESSED_TOTAL][c] + t3->v[R_CARRIED_OUT][c];
		if (in != out) {
			diag_add(d, "表三 %s 列不平衡: 第一项 %lld + 第二项 %lld ≠ 第三项 %lld + 第四项 %lld",
				 col_name(c), t3->v[R_NEW][c], t3->v[R_CARRIED_IN][c],
				 t3->v[R_PROCESSED_TOTAL][c], t3->v[R_CARRIED_OUT][c]);
			*balanced = false;
		}
	}
	if (!check_sums(t3, d))
		*balanced = false;
	if (t4 && !check_table4(t4, d))
		*balanced = false;
	*carry_matches = true;
	if (!prev_carried_out)
		return;
	for (int c = 0; c < T3_COLS; c++) {
		if (t3->v[R_CARRIED_IN][c] != prev_carried_out[c]) {
			diag_add(d, "表三 %s 列: 上年结转 %lld 不等于上一年度结转下年度 %lld",
				 col_name(c), t3->v[R_CARRIED_IN][c], prev_carried_out[c]);
			*carry_matches = false;
		}
	}
}
