/*
 * report.h — the year-end tables of one body (or of several added up), and their text forms.
 *
 * A struct report holds everything the annual report's statistical part needs for a year:
 * tables 二, 三 and 四, the fees of section 六, the office's name and the checks. It is built
 * from a database (report_build) or read from another body's report JSON (report_from_json,
 * for 全市汇总), and written as JSON, CSV, a terminal table, HTML or Excel.
 */
#ifndef GK_REPORT_H
#define GK_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "status.h"
#include "strbuf.h"
#include "tally.h"

struct store;

/* The report format version written in the JSON's "format" (国办公开办函〔2021〕30号). */
#define REPORT_FORMAT "2021"

struct report {
	int year;
	char *office;             /* NULL until set */
	struct table2 t2;
	struct table3 t3;
	struct table4 t4;
	long long fees_fen;       /* information-processing fees paid in the year */
	bool balanced;            /* the checks of tally_check */
	bool carry_matches;
	struct diag problems;     /* one line per failed check */
	/* a roll-up (全市汇总): the bodies added up, and whether some were not checked */
	char **parts;
	size_t nparts;
	bool unchecked;
};

void report_init(struct report *r);
void report_release(struct report *r);

/*
 * Builds the report of a year from the database: the tables, the fees, the office, and the
 * checks — balance per column, sums, and carried_in against the year before (its locked table
 * when that year is locked, else as counted now).
 */
enum status report_build(struct store *s, int year, struct report *r, struct diag *d);

/* Adds a problem to r for every cell where table 三 as the database's counts give it differs
 * from a recount of the applications themselves (store_table3_recount): `check` runs it. */
enum status report_recount(struct store *s, struct report *r, struct diag *d);

/* Re-runs the checks on r's tables (after reading or adding up), filling balanced,
 * carry_matches and problems; prev_carried_out may be NULL. */
void report_check(struct report *r, const long long *prev_carried_out);

/* The JSON of report-2021.md, complete on its own (a city's office adds these up). */
void report_json(const struct report *r, struct strbuf *out);
/*
 * Reads a report JSON written by report_json (of this or another body's gongkai). ST_DATA with
 * a line naming what is wrong when it is not such a report.
 */
enum status report_from_json(const char *text, size_t len, struct report *r, struct diag *d);

/* The tables as CSV (UTF-8 with BOM, labels and numbers, one grid per table). */
void report_csv(const struct report *r, struct strbuf *out);
/* The tables drawn for a terminal with box characters, aligned in display columns, at most
 * about `width` columns wide (labels wrap inside their cells; table 三 never narrower than
 * about 80). The table functions draw one table each (the tally screen uses them). */
void report_text(const struct report *r, int width, struct strbuf *out);
void report_text_table2(const struct report *r, struct strbuf *out);
void report_text_table3(const struct report *r, int width, struct strbuf *out);
void report_text_table4(const struct report *r, struct strbuf *out);

/* Section 六's sentence: `全年未收取政府信息公开信息处理费。` or `全年收取…3940元。` */
void report_fee_sentence(const struct report *r, struct strbuf *out);
/* The overview's sentence: `全年共受理依申请公开信息公开申请 8 件，办结 8 件。`, with the
 * carry-over in and out when there is any. */
void report_overview_sentence(const struct report *r, struct strbuf *out);

#endif
