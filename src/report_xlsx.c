/*
 * report_xlsx.c — the year-end tables as an Excel workbook (libxlsxwriter), for the clerk to
 * send to the supervising office and to print.
 *
 * One worksheet holds one report: the title, tables 二, 三 and 四 in the official layout with
 * merged cells, section 六's fee sentence and the overview. The three tables share one grid of
 * 15 equal columns, the number of table 四's cells: table 三 puts its labels over the first
 * eight (三、本年度办理结果 in A, the group labels in B:C, the leaves in D:H) and its seven
 * numbers in I:O, one column each; table 二 puts 信息内容 in A:C and its values in D:O. Every
 * number is written as a number. The sheet prints on one A4 page, portrait, centred.
 *
 * Excel does not size rows to wrapped text when it opens a file, so each row gets a height
 * from the display width of its longest label (text.c) and the width of the cell it sits in.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "codes.h"
#include "config.h"
#include "text.h"
#include "xmem.h"

#define NCOLS 15
#define COL_WIDTH 8.0            /* in Excel's units: the width of a '0' */
#define HAN_UNITS 2.2            /* a Han character of 宋体 11pt in those units, per 2 columns */
#define LINE_PT 14.5
#define MAX_ROWS 96
#define FONT_NAME "宋体"
#define FONT_CHARSET 134         /* GB2312: Excel and WPS substitute a Chinese font for it */

/* Table 三's columns in the grid. */
#define T3_LABEL_LAST 7          /* A:H hold the labels */
#define T3_GROUP_FIRST 1         /* B:C the group labels */
#define T3_LEAF_FIRST 3          /* D:H the leaves */
#define T3_NUM_FIRST 8           /* I:O the numbers */
#define T3_HEAD_ROWS 3

struct formats {
	lxw_format *title, *heading, *head, *label, *group, *vertical, *corner, *num, *fee,
		*slash, *sentence;
};

/* One worksheet being written: where the next row goes and how tall each row must be. */
struct sheet {
	lxw_worksheet *ws;
	const struct formats *f;
	int row;
	int lines[MAX_ROWS];     /* lines of text the row must show; 0 = a spacer */
	lxw_error err;           /* the first failure, reported when the workbook is closed */
};

/* ---- formats ---- */

static lxw_format *new_format(lxw_workbook *wb, double size, bool border)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, FONT_NAME);
	format_set_font_charset(f, FONT_CHARSET);
	format_set_font_size(f, size);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	return f;
}

static lxw_format *aligned(lxw_format *f, uint8_t align)
{
	format_set_align(f, align);
	return f;
}

static void formats_make(lxw_workbook *wb, struct formats *f)
{
	f->title = aligned(new_format(wb, 16, false), LXW_ALIGN_CENTER);
	format_set_bold(f->title);
	f->heading = aligned(new_format(wb, 12, false), LXW_ALIGN_LEFT);
	format_set_bold(f->heading);
	f->head = aligned(new_format(wb, 11, true), LXW_ALIGN_CENTER);
	f->label = aligned(new_format(wb, 11, true), LXW_ALIGN_LEFT);
	f->group = aligned(new_format(wb, 11, true), LXW_ALIGN_CENTER);
	f->vertical = aligned(new_format(wb, 11, true), LXW_ALIGN_CENTER);
	format_set_rotation(f->vertical, 270);   /* stacked, one character under the other */
	f->corner = aligned(new_format(wb, 11, true), LXW_ALIGN_CENTER);
	f->num = aligned(new_format(wb, 11, true), LXW_ALIGN_CENTER);
	format_set_num_format(f->num, "0");
	f->fee = aligned(new_format(wb, 11, true), LXW_ALIGN_CENTER);
	format_set_num_format(f->fee, "General");   /* 96171.6, 0: as printed */
	f->slash = aligned(new_format(wb, 11, true), LXW_ALIGN_CENTER);
	f->sentence = aligned(new_format(wb, 11, false), LXW_ALIGN_LEFT);
}

/* ---- cells ---- */

static void keep_error(struct sheet *sh, lxw_error e)
{
	if (e != LXW_NO_ERROR && sh->err == LXW_NO_ERROR)
		sh->err = e;
}

/* The lines text needs in a cell cols columns wide. */
static int lines_for(const char *text, int cols)
{
	double room = cols * COL_WIDTH - 1.0;
	double need = text_width(text) * HAN_UNITS / 2.0;
	int n = (int)ceil(need / room);
	return n < 1 ? 1 : n;
}

static void need_lines(struct sheet *sh, int row, int n)
{
	if (row >= 0 && row < MAX_ROWS && sh->lines[row] < n)
		sh->lines[row] = n;
}

/* Text in the cells rows r0..r1 × columns c0..c1, merged when that is more than one cell. */
static void put(struct sheet *sh, int r0, int c0, int r1, int c1, const char *text,
		lxw_format *f)
{
	if (r0 == r1 && c0 == c1)
		keep_error(sh, worksheet_write_string(sh->ws, (lxw_row_t)r0, (lxw_col_t)c0, text, f));
	else
		keep_error(sh, worksheet_merge_range(sh->ws, (lxw_row_t)r0, (lxw_col_t)c0,
						     (lxw_row_t)r1, (lxw_col_t)c1, text, f));
	if (r0 == r1 && f != sh->f->vertical)
		need_lines(sh, r0, lines_for(text, c1 - c0 + 1));
	else
		for (int r = r0; r <= r1; r++)
			need_lines(sh, r, 1);
}

/* A number in row r, columns c0..c1 (merged when more than one). */
static void put_number(struct sheet *sh, int r, int c0, int c1, double v, lxw_format *f)
{
	if (c1 > c0)
		put(sh, r, c0, r, c1, "", f);
	keep_error(sh, worksheet_write_number(sh->ws, (lxw_row_t)r, (lxw_col_t)c0, v, f));
	need_lines(sh, r, 1);
}

/* A line of text across the sheet (a title, a heading, a sentence). */
static void put_line(struct sheet *sh, const char *text, lxw_format *f)
{
	put(sh, sh->row, 0, sh->row, NCOLS - 1, text, f);
	sh->row++;
}

/* ---- table 二 ---- */

static void t2_value(struct sheet *sh, const struct report *r, int cell, int c0, int c1)
{
	char buf[32];
	report_t2_cell_text(r, cell, buf);
	if (strcmp(buf, "/") == 0)
		put(sh, sh->row, c0, sh->row, c1, "/", sh->f->slash);
	else if (cell == T2_FEES)   /* the decimal text read back: the double Excel would hold */
		put_number(sh, sh->row, c0, c1, strtod(buf, NULL), sh->f->fee);
	else
		put_number(sh, sh->row, c0, c1, (double)r->t2.v[cell], sh->f->num);
}

/* The value columns of a block: D:G, H:K, L:O for three values, D:O for one. */
static void t2_span(int cols, int c, int *c0, int *c1)
{
	int width = (NCOLS - 3) / cols;
	*c0 = 3 + c * width;
	*c1 = *c0 + width - 1;
}

static void t2_block(struct sheet *sh, const struct report *r, const struct report_t2_block *b)
{
	const struct formats *f = sh->f;
	put_line(sh, b->heading, f->head);
	put(sh, sh->row, 0, sh->row, 2, REPORT_T2_CONTENT_LABEL, f->head);
	for (int c = 0, c0, c1; c < b->cols; c++) {
		t2_span(b->cols, c, &c0, &c1);
		put(sh, sh->row, c0, sh->row, c1, table2_col_label(b->first + c), f->head);
	}
	sh->row++;
	for (int i = 0; i < b->rows; i++, sh->row++) {
		int cell = b->first + i * b->cols;
		put(sh, sh->row, 0, sh->row, 2, table2_row_label(cell), f->label);
		for (int c = 0, c0, c1; c < b->cols; c++) {
			t2_span(b->cols, c, &c0, &c1);
			t2_value(sh, r, cell + c, c0, c1);
		}
	}
}

static void table2(struct sheet *sh, const struct report *r)
{
	put_line(sh, REPORT_T2_TITLE, sh->f->heading);
	for (int b = 0; b < REPORT_T2_BLOCKS; b++)
		t2_block(sh, r, &report_t2_blocks[b]);
}

/* ---- table 三 ---- */

static void t3_header(struct sheet *sh)
{
	const struct formats *f = sh->f;
	int top = sh->row, last = NCOLS - 1;
	put(sh, top, 0, top + 2, T3_LABEL_LAST, T3_CORNER_NOTE, f->corner);
	put(sh, top, T3_NUM_FIRST, top, last, T3_HEADER, f->head);
	put(sh, top + 1, T3_NUM_FIRST, top + 2, T3_NUM_FIRST,
	    code_label(&codes_applicant, AT_PERSON), f->head);
	put(sh, top + 1, T3_NUM_FIRST + AT_BUSINESS, top + 1, T3_NUM_FIRST + AT_OTHER,
	    T3_ORG_HEADER, f->head);
	put(sh, top + 1, last, top + 2, last, T3_TOTAL_LABEL, f->head);
	for (int c = AT_BUSINESS; c < AT_COUNT; c++)
		put(sh, top + 2, T3_NUM_FIRST + c, top + 2, T3_NUM_FIRST + c,
		    code_label(&codes_applicant, c), f->head);
	sh->row += T3_HEAD_ROWS;
}

/* The label cells of row `row` of the table, which sits at sheet row y. */
static void t3_label(struct sheet *sh, int row, int y)
{
	const struct formats *f = sh->f;
	const char *group = t3_row_group(row);
	if (row < OUTCOME_FIRST || row > R_PROCESSED_TOTAL) {
		put(sh, y, 0, y, T3_LABEL_LAST, t3_row_label(row), f->label);
		return;
	}
	if (!group) {
		put(sh, y, T3_GROUP_FIRST, y, T3_LABEL_LAST, t3_row_label(row), f->label);
		return;
	}
	if (t3_row_group(row - 1) != group) {
		int span = 1;
		while (row + span <= OUTCOME_LAST && t3_row_group(row + span) == group)
			span++;
		put(sh, y, T3_GROUP_FIRST, y + span - 1, T3_LEAF_FIRST - 1, group, f->group);
	}
	put(sh, y, T3_LEAF_FIRST, y, T3_LABEL_LAST, t3_row_label(row), f->label);
}

static void table3(struct sheet *sh, const struct report *r)
{
	put_line(sh, REPORT_T3_TITLE, sh->f->heading);
	t3_header(sh);
	int top = sh->row;
	put(sh, top + OUTCOME_FIRST, 0, top + R_PROCESSED_TOTAL, 0, T3_RESULTS_LABEL,
	    sh->f->vertical);
	for (int row = 0; row < T3_ROWS; row++) {
		t3_label(sh, row, top + row);
		for (int c = 0; c < T3_COLS; c++)
			put_number(sh, top + row, T3_NUM_FIRST + c, T3_NUM_FIRST + c,
				   (double)r->t3.v[row][c], sh->f->num);
	}
	sh->row += T3_ROWS;
}

/* ---- table 四 ---- */

static void table4(struct sheet *sh, const struct report *r)
{
	const struct formats *f = sh->f;
	put_line(sh, REPORT_T4_TITLE, f->heading);
	int top = sh->row;
	put(sh, top, 0, top, T4_COLS - 1, code_label(&codes_t4_group, T4_REVIEW), f->head);
	put(sh, top, T4_COLS, top, NCOLS - 1, REPORT_T4_SUIT_LABEL, f->head);
	for (int c = 0; c < T4_COLS; c++)
		put(sh, top + 1, c, top + 2, c, code_label(&codes_t4_col, c), f->head);
	for (int g = T4_SUIT_DIRECT; g < T4_GROUPS; g++) {
		put(sh, top + 1, g * T4_COLS, top + 1, g * T4_COLS + T4_COLS - 1,
		    code_label(&codes_t4_group, g), f->head);
		for (int c = 0; c < T4_COLS; c++)
			put(sh, top + 2, g * T4_COLS + c, top + 2, g * T4_COLS + c,
			    code_label(&codes_t4_col, c), f->head);
	}
	for (int g = 0; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++)
			put_number(sh, top + 3, g * T4_COLS + c, g * T4_COLS + c,
				   (double)r->t4.v[g][c], f->num);
	sh->row += 4;
}

/* ---- the sheet ---- */

static void sentences(struct sheet *sh, const struct report *r)
{
	struct strbuf s = STRBUF_INIT;
	put_line(sh, REPORT_S6_TITLE, sh->f->heading);
	report_fee_sentence(r, &s);
	put_line(sh, sb_str(&s), sh->f->sentence);
	sh->row++;
	sb_reset(&s);
	report_overview_sentence(r, &s);
	put_line(sh, sb_str(&s), sh->f->sentence);
	if (r->nparts) {
		sb_reset(&s);
		report_parts_sentence(r, &s);
		put_line(sh, sb_str(&s), sh->f->sentence);
	}
	sb_release(&s);
}

static void page_setup(struct sheet *sh)
{
	lxw_worksheet *ws = sh->ws;
	keep_error(sh, worksheet_set_column(ws, 0, NCOLS - 1, COL_WIDTH, NULL));
	for (int row = 0; row < sh->row && row < MAX_ROWS; row++) {
		double h = sh->lines[row] ? sh->lines[row] * LINE_PT + 6 : 8;
		if (row == 0)
			h = sh->lines[row] * 22 + 8;
		keep_error(sh, worksheet_set_row(ws, (lxw_row_t)row, h, NULL));
	}
	worksheet_set_paper(ws, 9);   /* A4 */
	worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
	worksheet_center_horizontally(ws);
	worksheet_fit_to_pages(ws, 1, 1);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	keep_error(sh, worksheet_print_area(ws, 0, 0, (lxw_row_t)(sh->row - 1), NCOLS - 1));
}

static void write_sheet(struct sheet *sh, const struct report *r)
{
	struct strbuf title = STRBUF_INIT;
	report_title(r, REPORT_TABLES, false, &title);
	put(sh, 0, 0, 0, NCOLS - 1, sb_str(&title), sh->f->title);
	need_lines(sh, 0, (int)ceil(text_width(sb_str(&title)) * HAN_UNITS * 16 / 11 / 2 /
				     (NCOLS * COL_WIDTH - 2)));
	sb_release(&title);
	sh->row = 2;
	table2(sh, r);
	sh->row++;
	table3(sh, r);
	sh->row++;
	table4(sh, r);
	sh->row++;
	sentences(sh, r);
	page_setup(sh);
}

/*
 * A worksheet name from the report: 汇总 for a roll-up, else the office (or 2023年度), with
 * the characters Excel refuses replaced, at most 31 characters, and unique in the workbook.
 */
static char *sheet_name(const struct report *r, char **used, size_t nused)
{
	struct strbuf sb = STRBUF_INIT;
	if (r->nparts)
		sb_adds(&sb, "汇总");
	else if (r->office && *r->office)
		sb_adds(&sb, r->office);
	else
		sb_addf(&sb, "%d年度", r->year);
	for (size_t i = 0; i < sb.len; i++)
		if (strchr("[]:*?/\\'", sb.buf[i]) || (unsigned char)sb.buf[i] < 0x20)
			sb.buf[i] = '_';
	char *base = sb_detach(&sb);
	size_t cut = 0, chars = 0;
	for (uint32_t cp; base[cut] && chars < 27; chars++)
		cut += utf8_decode(base + cut, strlen(base + cut), &cp);
	base[cut] = '\0';
	char *name = xstrdup(base);
	for (int k = 2; ; k++) {
		bool taken = false;
		for (size_t i = 0; i < nused && !taken; i++)
			taken = strcasecmp(used[i], name) == 0;
		if (!taken)
			break;
		free(name);
		name = xasprintf("%s(%d)", base, k);
	}
	free(base);
	return name;
}

static void set_properties(lxw_workbook *wb, const struct report *r)
{
	struct strbuf title = STRBUF_INIT;
	report_title(r, REPORT_TABLES, false, &title);
	char *comments = xasprintf("由 gongkai %s 生成（国办公开办函〔2021〕30号格式）", GK_VERSION);
	lxw_doc_properties props = {
		.title = title.buf,
		.subject = "政府信息公开工作年度报告",
		.comments = comments,
	};
	workbook_set_properties(wb, &props);
	sb_release(&title);
	free(comments);
}

static enum status close_workbook(lxw_workbook *wb, lxw_error err, const char *path,
				  struct diag *d)
{
	lxw_error closed = workbook_close(wb);
	if (err == LXW_NO_ERROR)
		err = closed;
	if (err == LXW_NO_ERROR)
		return ST_OK;
	if (err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE) {
		diag_add(d, "无法创建 Excel 文件 %s（%s）", path, lxw_strerror(err));
		return ST_CANTCREAT;
	}
	diag_add(d, "写入 Excel 文件 %s 失败（%s）", path, lxw_strerror(err));
	return ST_IO;
}

enum status report_xlsx_many(const struct report *const *reps, size_t n, const char *path,
			     struct diag *d)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		diag_add(d, "无法创建 Excel 文件 %s", path);
		return ST_CANTCREAT;
	}
	struct formats f;
	formats_make(wb, &f);
	if (n)
		set_properties(wb, reps[0]);
	char **names = xcalloc(n + 1, sizeof *names);
	lxw_error err = LXW_NO_ERROR;
	for (size_t i = 0; i < n; i++) {
		names[i] = sheet_name(reps[i], names, i);
		struct sheet *sh = xcalloc(1, sizeof *sh);
		sh->f = &f;
		sh->ws = workbook_add_worksheet(wb, names[i]);
		if (sh->ws)
			write_sheet(sh, reps[i]);
		else
			sh->err = LXW_ERROR_PARAMETER_VALIDATION;
		if (err == LXW_NO_ERROR)
			err = sh->err;
		free(sh);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return close_workbook(wb, err, path, d);
}

enum status report_xlsx(const struct report *r, const char *path, struct diag *d)
{
	const struct report *one[] = { r };
	return report_xlsx_many(one, 1, path, d);
}
