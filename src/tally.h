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

struct app;

struct table3 {
	long long v[T3_ROWS][T3_COLS];   /* [row][column], column T3_TOTAL the sum of the six */
};

struct table4 {
	long long v[T4_GROUPS][T4_COLS]; /* T4_TOTAL the sum of the other four */
};

/*
 * Table 二 (主动公开), entered by hand. Each cell: block heading and row of the official table,
 * its column, and the key in the report JSON ("table2": {"rules": {"made": 3, …}, …}).
 * The fee cell is kept in 元 and printed in 万元 with four decimals.
 */
#define T2_CELL_LIST(X) \
	X(T2_RULES_MADE,      "rules",     "made",      "规章",           "本年制发件数") \
	X(T2_RULES_REPEALED,  "rules",     "repealed",  "规章",           "本年废止件数") \
	X(T2_RULES_VALID,     "rules",     "valid",     "规章",           "现行有效件数") \
	X(T2_NORMS_MADE,      "normative", "made",      "行政规范性文件", "本年制发件数") \
	X(T2_NORMS_REPEALED,  "normative", "repealed",  "行政规范性文件", "本年废止件数") \
	X(T2_NORMS_VALID,     "normative", "valid",     "行政规范性文件", "现行有效件数") \
	X(T2_LICENSING,       "licensing", "decisions", "行政许可",       "本年处理决定数量") \
	X(T2_PENALTY,         "penalty",   "decisions", "行政处罚",       "本年处理决定数量") \
	X(T2_COERCION,        "coercion",  "decisions", "行政强制",       "本年处理决定数量") \
	X(T2_FEES,            "fees",      "amount",    "行政事业性收费", "本年收费金额（单位：万元）")

enum t2_cell {
#define T2_ENUM(name, row, col, row_label, col_label) name,
	T2_CELL_LIST(T2_ENUM)
#undef T2_ENUM
	T2_CELLS
};

#define T2_NA (-1)   /* a cell printed "/" */

struct table2 {
	bool entered;               /* false until a clerk entered table 二 for the year */
	long long v[T2_CELLS];      /* counts; T2_FEES in 元; T2_NA for "/" */
};

const char *t2_row_key(enum t2_cell c);
const char *t2_col_key(enum t2_cell c);
const char *t2_row_label(enum t2_cell c);
const char *t2_col_label(enum t2_cell c);
/* The cell named "row.col" (e.g. "rules.made", "fees.amount"), or -1. */
int t2_cell_parse(const char *s);
/* Writes the 万元 amount of a fee in 元 with four decimals ("59237.2449") into buf (32 bytes). */
char *t2_format_wan(long long yuan, char buf[32]);
/* Reads a 万元 amount with at most four decimals into 元; false when malformed. */
bool t2_parse_wan(const char *s, long long *yuan);
/* Reads the value of cell c as a clerk types it: "/" (T2_NA, not applicable), a whole
 * non-negative count of at most 12 digits, or for T2_FEES a 万元 amount (t2_parse_wan).
 * False when malformed. */
bool t2_parse_value(enum t2_cell c, const char *s, long long *v);

/* Fills the derived cells: 总计 of the outcomes (row processed_total) and the total column. */
void table3_finish(struct table3 *t);
void table4_finish(struct table4 *t);

/* Adds one application to t by the counting rules for year Y (without finishing t). */
void table3_count(struct table3 *t, const struct app *a, int year);
void table4_count(struct table4 *t, const struct app *a, int year);

/* True when a and b differ in any cell that the application adds to in year Y: used to decide
 * whether a change touches a locked year. */
bool tally_app_differs(const struct app *a, const struct app *b, int year);

/* a += b, cell by cell. */
void table3_add(struct table3 *a, const struct table3 *b);
void table4_add(struct table4 *a, const struct table4 *b);
bool table3_equal(const struct table3 *a, const struct table3 *b);
bool table4_equal(const struct table4 *a, const struct table4 *b);

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
