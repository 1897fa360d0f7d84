/*
 * report_text.c — the year-end tables drawn for a terminal, merged cells and all (grid.c).
 *
 * Table 三 keeps the official layout: the corner note over the label columns, 申请人情况 over
 * the seven number columns, 法人或其他组织 over its five, 三、本年度办理结果 standing vertically
 * beside its 22 rows and each group label merged over its leaves. The label column takes the
 * width that is left, so a wider terminal wraps fewer labels.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "grid.h"

#define T3_HEAD_ROWS 3

/* A report_cells sink that puts the cells into a grid. */
static void grid_put(void *ctx, int row, int col, int rs, int cs, const char *text,
		     enum text_align align)
{
	grid_cell(ctx, row, col, rs, cs, text, align);
}

static int digits(long long v)
{
	int n = 1;
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* The widest number of table 三, so every number column fits it. */
static int number_width(const struct report *r)
{
	long long max = 0;
	for (int row = 0; row < T3_ROWS; row++)
		for (int c = 0; c < T3_COLS; c++)
			if (r->t3.v[row][c] > max)
				max = r->t3.v[row][c];
	int w = digits(max) + 1;
	return w < 6 ? 6 : w;
}

static void t3_header(const struct report_cells *k)
{
	k->cell(k->ctx, 0, 0, T3_HEAD_ROWS, 3, T3_CORNER_NOTE, TEXT_LEFT);
	k->cell(k->ctx, 0, 3, 1, T3_COLS, T3_HEADER, TEXT_CENTER);
	k->cell(k->ctx, 1, 3, 2, 1, code_label(&codes_applicant, AT_PERSON), TEXT_CENTER);
	k->cell(k->ctx, 1, 4, 1, AT_COUNT - 1, T3_ORG_HEADER, TEXT_CENTER);
	k->cell(k->ctx, 1, 3 + T3_TOTAL, 2, 1, T3_TOTAL_LABEL, TEXT_CENTER);
	for (int c = AT_BUSINESS; c < AT_COUNT; c++)
		k->cell(k->ctx, 2, 3 + c, 1, 1, code_label(&codes_applicant, c), TEXT_CENTER);
}

static void t3_labels(const struct report_cells *k, int group_width)
{
	int top = T3_HEAD_ROWS;
	k->cell(k->ctx, top + OUTCOME_FIRST, 0, R_PROCESSED_TOTAL - OUTCOME_FIRST + 1, 1,
		  T3_RESULTS_LABEL, TEXT_CENTER);
	for (int row = 0; row < T3_ROWS; row++) {
		const char *group = t3_row_group(row);
		bool result = row >= OUTCOME_FIRST && row <= R_PROCESSED_TOTAL;
		if (!result) {
			k->cell(k->ctx, top + row, 0, 1, 3, t3_row_label(row), TEXT_LEFT);
		} else if (!group) {
			k->cell(k->ctx, top + row, 1, 1, 2, t3_row_label(row), TEXT_LEFT);
		} else {
			if (row == OUTCOME_FIRST || t3_row_group(row - 1) != group) {
				int span = 1;
				while (row + span <= OUTCOME_LAST && t3_row_group(row + span) == group)
					span++;
				/* a narrow column breaks "（三）不予公开" after its number, not inside a word */
				char text[64];
				size_t num = strlen("（三）");
				snprintf(text, sizeof text, "%.*s%s%s", (int)num, group,
					 group_width < text_width(group) ? "\n" : "", group + num);
				k->cell(k->ctx, top + row, 1, span, 1, text, TEXT_CENTER);
			}
			k->cell(k->ctx, top + row, 2, 1, 1, t3_row_label(row), TEXT_LEFT);
		}
	}
}

void report_text_table3(const struct report *r, int width, struct strbuf *out)
{
	/* number columns of four Han characters and a one-line group label when there is room */
	int nw = number_width(r), group = 14;
	int fixed = 2 + T3_COLS * 8 + (3 + T3_COLS + 1);
	if (width - fixed - group >= 24 && nw < 8)
		nw = 8;
	else if (width - (2 + T3_COLS * nw + (3 + T3_COLS + 1)) - group < 24)
		group = 8;
	int label = width - (2 + group + T3_COLS * nw + (3 + T3_COLS + 1));
	if (label < 16)
		label = 16;
	int widths[3 + T3_COLS] = { 2, group, label };
	for (int c = 0; c < T3_COLS; c++)
		widths[3 + c] = nw;
	struct grid *g = grid_new(REPORT_T3_GRID_ROWS, REPORT_T3_GRID_COLS, widths);
	report_layout_table3(r, group, &(struct report_cells){ grid_put, g });
	grid_render(g, out);
	grid_free(&g);
}

void report_layout_table3(const struct report *r, int group_width, const struct report_cells *k)
{
	t3_header(k);
	t3_labels(k, group_width);
	for (int row = 0; row < T3_ROWS; row++)
		for (int c = 0; c < T3_COLS; c++) {
			char num[24];
			snprintf(num, sizeof num, "%lld", r->t3.v[row][c]);
			k->cell(k->ctx, T3_HEAD_ROWS + row, 3 + c, 1, 1, num, TEXT_RIGHT);
		}
}

static void t2_block(const struct report_cells *k, int *row, const struct report_t2_block *b,
		     const struct report *r)
{
	k->cell(k->ctx, (*row)++, 0, 1, 4, b->heading, TEXT_CENTER);
	k->cell(k->ctx, *row, 0, 1, 1, REPORT_T2_CONTENT_LABEL, TEXT_CENTER);
	int span = b->cols == 1 ? 3 : 1;
	for (int c = 0; c < b->cols; c++)
		k->cell(k->ctx, *row, 1 + c, 1, span, table2_col_label(b->first + c), TEXT_CENTER);
	(*row)++;
	for (int i = 0; i < b->rows; i++, (*row)++) {
		int cell = b->first + i * b->cols;
		k->cell(k->ctx, *row, 0, 1, 1, table2_row_label(cell), TEXT_LEFT);
		for (int c = 0; c < b->cols; c++) {
			char num[32];
			k->cell(k->ctx, *row, 1 + c, 1, span, report_t2_cell_text(r, cell + c, num),
				TEXT_RIGHT);
		}
	}
}

void report_layout_table2(const struct report *r, const struct report_cells *k)
{
	int row = 0;
	for (int b = 0; b < REPORT_T2_BLOCKS; b++)
		t2_block(k, &row, &report_t2_blocks[b], r);
}

void report_text_table2(const struct report *r, struct strbuf *out)
{
	static const int widths[REPORT_T2_GRID_COLS] = { 16, 14, 14, 14 };
	struct grid *g = grid_new(REPORT_T2_GRID_ROWS, REPORT_T2_GRID_COLS, widths);
	report_layout_table2(r, &(struct report_cells){ grid_put, g });
	grid_render(g, out);
	grid_free(&g);
}

void report_text_table4(const struct report *r, struct strbuf *out)
{
	int widths[T4_GROUPS * T4_COLS];
	long long max = 0;
	for (int g = 0; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++)
			if (r->t4.v[g][c] > max)
				max = r->t4.v[g][c];
	for (int i = 0; i < T4_GROUPS * T4_COLS; i++)
		widths[i] = digits(max) > 4 ? digits(max) : 4;
	struct grid *g = grid_new(REPORT_T4_GRID_ROWS, REPORT_T4_GRID_COLS, widths);
	report_layout_table4(r, &(struct report_cells){ grid_put, g });
	grid_render(g, out);
	grid_free(&g);
}

void report_layout_table4(const struct report *r, const struct report_cells *k)
{
	k->cell(k->ctx, 0, 0, 1, T4_COLS, code_label(&codes_t4_group, T4_REVIEW), TEXT_CENTER);
	k->cell(k->ctx, 0, T4_COLS, 1, 2 * T4_COLS, REPORT_T4_SUIT_LABEL, TEXT_CENTER);
	for (int c = 0; c < T4_COLS; c++)
		k->cell(k->ctx, 1, c, 2, 1, code_label(&codes_t4_col, c), TEXT_CENTER);
	for (int g = T4_SUIT_DIRECT; g < T4_GROUPS; g++) {
		k->cell(k->ctx, 1, g * T4_COLS, 1, T4_COLS, code_label(&codes_t4_group, g),
			TEXT_CENTER);
		for (int c = 0; c < T4_COLS; c++)
			k->cell(k->ctx, 2, g * T4_COLS + c, 1, 1, code_label(&codes_t4_col, c),
				TEXT_CENTER);
	}
	for (int g = 0; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++) {
			char num[24];
			snprintf(num, sizeof num, "%lld", r->t4.v[g][c]);
			k->cell(k->ctx, 3, g * T4_COLS + c, 1, 1, num, TEXT_RIGHT);
		}
}

void report_text(const struct report *r, int width, struct strbuf *out)
{
	report_title(r, REPORT_TABLES, false, out);
	sb_adds(out, "\n\n" REPORT_T2_TITLE "\n");
	if (!r->t2.entered)
		sb_adds(out, "（表二尚未录入，以 / 表示）\n");
	report_text_table2(r, out);
	sb_adds(out, "\n" REPORT_T3_TITLE "\n");
	report_text_table3(r, width, out);
	sb_adds(out, "\n" REPORT_T4_TITLE "\n");
	report_text_table4(r, out);
	sb_adds(out, "\n" REPORT_S6_TITLE "\n");
	report_fee_sentence(r, out);
	sb_adds(out, "\n\n");
	report_overview_sentence(r, out);
	sb_adds(out, "\n");
	if (r->nparts) {
		sb_adds(out, "\n");
		report_parts_sentence(r, out);
		sb_adds(out, "\n");
	}
	sb_addf(out, "\n勾稽关系: %s\n", r->balanced && r->carry_matches ? "✓ 成立" : "✗ 不成立");
	for (size_t i = 0; i < r->problems.n; i++)
		sb_addf(out, "  %s\n", r->problems.lines[i]);
}
