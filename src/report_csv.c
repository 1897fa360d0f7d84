/*
 * report_csv.c — the report as CSV (UTF-8 with a byte-order mark, for Excel and WPS): the
 * same blocks in the same order as the text form.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "csv.h"

static void csv_row(struct strbuf *out, const char *const *cells, size_t n)
{
	struct csv_writer w;
	csv_writer_init(&w, out);
	for (size_t i = 0; i < n; i++)
		csv_write_text(&w, cells[i], cells[i] ? strlen(cells[i]) : 0);
	csv_end_record(&w);
}

static void csv_table2(const struct report *r, struct strbuf *out)
{
	static const char *const blocks[] = {
		"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
	};
	static const int first_cell[] = { T2_RULES_MADE, T2_LICENSING, T2_PENALTY, T2_FEES, T2_CELLS };
	const char *title[] = { REPORT_T2_TITLE };
	csv_row(out, title, 1);
	for (int b = 0; b < 4; b++) {
		csv_row(out, &blocks[b], 1);
		const char *head[4] = { "信息内容" };
		int ncols = b == 0 ? 3 : 1;
		for (int c = 0; c < ncols; c++)
			head[c + 1] = table2_col_label(first_cell[b] + c);
		csv_row(out, head, (size_t)ncols + 1);
		for (int cell = first_cell[b]; cell < first_cell[b + 1]; cell += ncols) {
			char nums[3][32];
			const char *row[4] = { table2_row_label(cell) };
			for (int c = 0; c < ncols; c++) {
				long long v = r->t2.entered ? r->t2.v[cell + c] : T2_NA;
				if (v == T2_NA)
					snprintf(nums[c], sizeof nums[c], "/");
				else if (cell + c == T2_FEES)
					table2_format_wan(v, nums[c]);
				else
					snprintf(nums[c], sizeof nums[c], "%lld", v);
				row[c + 1] = nums[c];
			}
			csv_row(out, row, (size_t)ncols + 1);
		}
	}
}

static void csv_table3(const struct report *r, struct strbuf *out)
{
	const char *title[] = { REPORT_T3_TITLE };
	csv_row(out, title, 1);
	const char *h1[10] = { T3_CORNER_NOTE, NULL, NULL, T3_HEADER };
	const char *h2[10] = { NULL, NULL, NULL, "自然人", T3_ORG_HEADER, NULL, NULL, NULL, NULL,
			       T3_TOTAL_LABEL };
	const char *h3[10] = { NULL };
	for (int c = AT_BUSINESS; c < AT_COUNT; c++)
		h3[3 + c] = code_label(&codes_applicant, c);
	csv_row(out, h1, 10);
	csv_row(out, h2, 10);
	csv_row(out, h3, 10);
	for (int row = 0; row < T3_ROWS; row++) {
		bool result = row >= OUTCOME_FIRST && row <= R_PROCESSED_TOTAL;
		const char *group = t3_row_group(row);
		const char *cells[10] = {
			result ? T3_RESULTS_LABEL : t3_row_label(row),
			result ? (group ? group : t3_row_label(row)) : NULL,
			result && group ? t3_row_label(row) : NULL,
		};
		char nums[T3_COLS][24];
		for (int c = 0; c < T3_COLS; c++) {
			snprintf(nums[c], sizeof nums[c], "%lld", r->t3.v[row][c]);
			cells[3 + c] = nums[c];
		}
		csv_row(out, cells, 10);
	}
}

static void csv_table4(const struct report *r, struct strbuf *out)
{
	const char *title[] = { REPORT_T4_TITLE };
	csv_row(out, title, 1);
	const char *h1[15] = { "行政复议" };
	h1[5] = "行政诉讼";
	const char *h2[15] = { NULL };
	h2[5] = code_label(&codes_t4_group, T4_SUIT_DIRECT);
	h2[10] = code_label(&codes_t4_group, T4_SUIT_AFTER_REVIEW);
	const char *h3[15];
	const char *row[15];
	char nums[15][24];
	for (int g = 0; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++) {
			h3[g * T4_COLS + c] = code_label(&codes_t4_col, c);
			snprintf(nums[g * T4_COLS + c], sizeof nums[0], "%lld", r->t4.v[g][c]);
			row[g * T4_COLS + c] = nums[g * T4_COLS + c];
		}
	csv_row(out, h1, 15);
	csv_row(out, h2, 15);
	csv_row(out, h3, 15);
	csv_row(out, row, 15);
}

/* A sentence (made by fn) alone on its row. */
static void csv_sentence(struct strbuf *out, void (*fn)(const struct report *, struct strbuf *),
			 const struct report *r)
{
	struct strbuf s = STRBUF_INIT;
	fn(r, &s);
	const char *cell[] = { sb_str(&s) };
	csv_row(out, cell, 1);
	sb_release(&s);
}

static void tables_title(const struct report *r, struct strbuf *out)
{
	report_title(r, REPORT_TABLES, false, out);
}

void report_csv(const struct report *r, struct strbuf *out)
{
	sb_adds(out, "\xEF\xBB\xBF");
	csv_sentence(out, tables_title, r);
	csv_table2(r, out);
	sb_adds(out, "\r\n");
	csv_table3(r, out);
	sb_adds(out, "\r\n");
	csv_table4(r, out);
	sb_adds(out, "\r\n");
	const char *six[] = { REPORT_S6_TITLE };
	csv_row(out, six, 1);
	csv_sentence(out, report_fee_sentence, r);
	sb_adds(out, "\r\n");
	csv_sentence(out, report_overview_sentence, r);
	if (r->nparts) {
		sb_adds(out, "\r\n");
		csv_sentence(out, report_parts_sentence, r);
	}
}
