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
#include "text.h"

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
 * checks — balance per column, sums, and carried_in against the year before when that year is
 * locked (its table as published; counted from the same records, an unlocked year before
 * agrees by construction).
 */
enum status report_build(struct store *s, int year, struct report *r, struct diag *d);

/* Adds a problem to r for every cell where table 三 as the database's counts give it differs
 * from a recount of the applications themselves (store_table3_recount): `check` runs it. */
enum status report_recount(struct store *s, struct report *r, struct diag *d);

/* Re-runs the checks on r's tables (after reading or adding up), filling balanced,
 * carry_matches and problems; prev_carried_out may be NULL. */
void report_check(struct report *r, const long long *prev_carried_out);

/* The JSON of docs/report.md, complete on its own (a city's office adds these up). */
void report_json(const struct report *r, struct strbuf *out);
/*
 * Reads a report JSON written by report_json (of this or another body's gongkai). ST_DATA with
 * a line naming what is wrong when it is not such a report.
 */
enum status report_from_json(const char *text, size_t len, struct report *r, struct diag *d);

/* The report as CSV (UTF-8 with BOM): the title (report_title), one grid of labels and
 * numbers per table, section 六 (its heading, then the fee sentence), the overview sentence
 * and, for a roll-up, the sentence listing its bodies — as the text form has them. */
void report_csv(const struct report *r, struct strbuf *out);
/* The tables drawn for a terminal with box characters, aligned in display columns, at most
 * about `width` columns wide (labels wrap inside their cells; table 三 never narrower than
 * about 80). The table functions draw one table each (the tally screen uses them). */
void report_text(const struct report *r, int width, struct strbuf *out);
void report_text_table2(const struct report *r, struct strbuf *out);
void report_text_table3(const struct report *r, int width, struct strbuf *out);
void report_text_table4(const struct report *r, struct strbuf *out);

/*
 * The official layout of tables 二, 三 and 四 as cells, given to a sink: each cell at (row,
 * col) spanning rs rows and cs columns, with its text and alignment, in the grid of
 * REPORT_Tn_GRID_ROWS × REPORT_Tn_GRID_COLS. Table 三's columns are its vertical 三、本年度办理结果,
 * the group labels (group_width display columns: a narrower one breaks a label after its
 * number), the row labels and the seven numbers. The text form draws them with grid.c, the
 * Word form as Word tables.
 */
struct report_cells {
	void (*cell)(void *ctx, int row, int col, int rs, int cs, const char *text,
		     enum text_align align);
	void *ctx;
};
#define REPORT_T2_GRID_ROWS 14
#define REPORT_T2_GRID_COLS 4
#define REPORT_T3_GRID_ROWS (3 + T3_ROWS)
#define REPORT_T3_GRID_COLS (3 + T3_COLS)
#define REPORT_T4_GRID_ROWS 4
#define REPORT_T4_GRID_COLS (T4_GROUPS * T4_COLS)
void report_layout_table2(const struct report *r, const struct report_cells *k);
void report_layout_table3(const struct report *r, int group_width, const struct report_cells *k);
void report_layout_table4(const struct report *r, const struct report_cells *k);

/*
 * A standalone HTML5 page of the tables (report_html.c): the official layout with rowspan and
 * colspan, section 六's sentence, the overview and, for a roll-up, the bodies added up. Every
 * text is escaped; no script, no outside link; prints on A4. Appends to out.
 */
void report_html(const struct report *r, struct strbuf *out);
/* The parts of such a page, for the whole report (annual.c) to put its text between: the head
 * and the <h1> title; table 二, 三 or 四 (table = 2, 3, 4) with its <h2> heading; for a roll-up
 * the bodies added up; the closing line. */
void report_html_open(const char *title, struct strbuf *out);
void report_html_table(const struct report *r, int table, struct strbuf *out);
void report_html_parts(const struct report *r, struct strbuf *out);
void report_html_close(struct strbuf *out);
/* Appends s with &, <, >, " and ' escaped for HTML text and attribute values. */
void report_html_escape(const char *s, struct strbuf *out);

/*
 * An Excel workbook of the tables (report_xlsx.c), one worksheet per report: the official
 * layout with merged cells, numbers as numbers, printed on one A4 page. report_xlsx_many writes
 * reps[0..n) in order (a roll-up: the combined tables first, then one sheet per body);
 * report_xlsx is the case of one. The file at path is created or replaced by libxlsxwriter, so
 * give it a temporary name and rename it when this returns ST_OK. ST_CANTCREAT or ST_IO with
 * a line in d when it cannot be written.
 */
enum status report_xlsx(const struct report *r, const char *path, struct diag *d);
enum status report_xlsx_many(const struct report *const *reps, size_t n, const char *path,
			     struct diag *d);

/* The headings of the report's sections that hold the tables, and of section 六 (年报格式). */
#define REPORT_T2_TITLE "二、主动公开政府信息情况"
#define REPORT_T3_TITLE "三、收到和处理政府信息公开申请情况"
#define REPORT_T4_TITLE "四、政府信息公开行政复议、行政诉讼情况"
#define REPORT_S6_TITLE "六、其他需要报告的事项"
#define REPORT_T4_SUIT_LABEL "行政诉讼"
#define REPORT_T2_CONTENT_LABEL "信息内容"

/* The four blocks of table 二: heading, first cell, rows and value columns of each. */
struct report_t2_block {
	const char *heading;   /* 第二十条第（一）项 */
	int first;             /* enum t2_cell of the block's first cell */
	int rows, cols;        /* rows × cols cells follow from first, row by row */
};
#define REPORT_T2_BLOCKS 4
extern const struct report_t2_block report_t2_blocks[REPORT_T2_BLOCKS];

/* A cell of table 二 as printed: "/" when not applicable (or never entered), the fee in 万元
 * with four decimals, a count as it is. buf holds 32 bytes; returns buf. */
char *report_t2_cell_text(const struct report *r, int cell, char buf[32]);

/* Which part of the annual report a form holds: the tables alone, or the whole report. */
enum report_part { REPORT_TABLES, REPORT_WHOLE };
/* The title, the same in every form: `郑州市… 2023年政府信息公开工作年度报告` (a space after
 * the office's name, as published), then `（统计部分）` for the tables alone, `（汇总）` for a
 * roll-up and `（草稿）` for a draft. */
void report_title(const struct report *r, enum report_part part, bool draft, struct strbuf *out);
/* For a roll-up: `本表为 3 个机关的汇总：甲、乙、丙` (nothing when r is not one). */
void report_parts_sentence(const struct report *r, struct strbuf *out);

/* An amount in 分 as 元: `3940` when whole, else with two decimals (`123.45`). Appends to out. */
void report_add_yuan(struct strbuf *out, long long fen);
/* Section 六's sentence: `全年未收取政府信息公开信息处理费。` or `全年收取…3940元。` */
void report_fee_sentence(const struct report *r, struct strbuf *out);
/* The overview's sentence: `全年共受理依申请公开信息公开申请 8 件，办结 8 件。`, with the
 * carry-over in and out when there is any. */
void report_overview_sentence(const struct report *r, struct strbuf *out);

#endif
