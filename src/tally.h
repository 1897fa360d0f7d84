/*
 * tally.h — tables 三 and 四 of one year as numbers, and the rules they must obey.
 *
 * The store fills these from SQL aggregates (store_table3/store_table4); this module holds the
 * counting rules of docs/report.md in C as well — which cells one application adds to in year
 * Y — for the checks that compare the two, for the year lock (would this change alter a locked
 * year's table?) and for adding up several bodies' tables.
 */
#ifndef GK_TALLY_H
#define GK_TALLY_H

#include <stdbool.h>

#include "codes.h"
#include "diag.h"
#include "table2.h"

struct app;

struct table3 {
	long long v[T3_ROWS][T3_COLS];   /* [row][column], column T3_TOTAL the sum of the six */
};

struct table4 {
	long long v[T4_GROUPS][T4_COLS]; /* T4_TOTAL the sum of the other four */
};

/* Fills the derived cells: 总计 of the outcomes (row processed_total) and the total column. */
void tally_table3_finish(struct table3 *t);
void tally_table4_finish(struct table4 *t);

/* Adds one application to t by the counting rules for year Y (without finishing t). */
void tally_table3_count(struct table3 *t, const struct app *a, int year);
void tally_table4_count(struct table4 *t, const struct app *a, int year);

/* True when a and b differ in any cell that the application adds to in year Y: used to decide
 * whether a change touches a locked year. */
bool tally_app_differs(const struct app *a, const struct app *b, int year);

/* a += b, cell by cell. */
void tally_table3_add(struct table3 *a, const struct table3 *b);
void tally_table4_add(struct table4 *a, const struct table4 *b);
bool tally_table3_equal(const struct table3 *a, const struct table3 *b);
bool tally_table4_equal(const struct table4 *a, const struct table4 *b);

/*
 * The checks of docs/report.md on a finished table: per column new + carried_in =
 * processed_total + carried_out; processed_total is the sum of the 21 outcomes; the total
 * column is the sum of the six; no negative cell; table 四's totals. When prev_carried_out is
 * not NULL, also that carried_in equals last year's carried_out column by column.
 * Adds one Chinese line per problem to d; sets *balanced and *carry_matches.
 */
void tally_check(const struct table3 *t3, const struct table4 *t4,
		 const long long *prev_carried_out, bool *balanced, bool *carry_matches,
		 struct diag *d);

#endif
