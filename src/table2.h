/*
 * table2.h — table 二 of the annual report (主动公开政府信息情况): its cells, their keys in the
 * report JSON, and reading what a clerk types into one.
 */
#ifndef GK_TABLE2_H
#define GK_TABLE2_H

#include <stdbool.h>

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

const char *table2_row_key(enum t2_cell c);
const char *table2_col_key(enum t2_cell c);
const char *table2_row_label(enum t2_cell c);
const char *table2_col_label(enum t2_cell c);
/* The cell named "row.col" (e.g. "rules.made", "fees.amount"), or -1. */
int table2_cell_parse(const char *s);
/* Writes the 万元 amount of a fee in 元 as reports print it, without trailing zeros ("96171.6",
 * "59237.2449", "0"), into buf (32 bytes). */
char *table2_format_wan(long long yuan, char buf[32]);
/* The same with all four decimals ("96171.6000"): the report's JSON, read back by roll-ups. */
char *table2_format_wan_exact(long long yuan, char buf[32]);
/* Reads a 万元 amount with at most four decimals into 元; false when malformed. */
bool table2_parse_wan(const char *s, long long *yuan);
/* Reads the value of cell c as a clerk types it: "/" (T2_NA, not applicable), a whole
 * non-negative count of at most 12 digits, or for T2_FEES a 万元 amount (table2_parse_wan).
 * False when malformed. */
bool table2_parse_value(enum t2_cell c, const char *s, long long *v);

#endif
