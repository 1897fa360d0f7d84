/*
 * report_html.c — the year-end tables as a standalone HTML5 page, for the government website.
 *
 * The page holds everything itself (inline CSS; no script, font, image or link from outside),
 * so it can be uploaded as it is or pasted into a site's editor. The tables keep the official
 * layout with rowspan and colspan: table 三's corner note over its three header rows and label
 * columns, 三、本年度办理结果 standing beside its 22 rows, each group label over its leaves.
 * Labels are th cells (scope row or col), numbers td. Every text from the database (the
 * office's name, a body of a roll-up) is escaped.
 */
#include "report.h"

#include <stdio.h>

#include "codes.h"
#include "config.h"

static const char style[] =
	"body{font-family:\"SimSun\",\"宋体\",\"Songti SC\",\"Noto Serif CJK SC\","
	"\"Source Han Serif SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",serif;"
	"color:#000;background:#fff;line-height:1.5;max-width:60em;margin:2em auto;"
	"padding:0 1em}\n"
	"h1{font-size:1.4em;text-align:center;margin:0 0 1em}\n"
	"h2{font-size:1.1em;margin:1.5em 0 .5em}\n"
	"table{border-collapse:collapse;width:100%;margin:0 0 1em}\n"
	"th,td{border:1px solid #000;padding:.3em .4em;vertical-align:middle}\n"
	"th{font-weight:normal;text-align:center}\n"
	"th.l{text-align:left}\n"
	"th.v{padding:.4em .2em;writing-mode:vertical-rl;letter-spacing:.2em}\n"
	"col.v{width:1.6em}col.g{width:7.6em}col.n{width:4.2em}\n"
	"table.t4{table-layout:fixed}\n"
	"td{text-align:center;font-variant-numeric:tabular-nums}\n"
	"p.gen{font-size:.85em;color:#555;margin-top:2em}\n"
	"h3{font-size:1em;margin:1em 0 .3em}\n"
	"p.t{text-indent:2em;margin:.3em 0}\n"
	"@page{size:A4;margin:15mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt;line-height:1.35}"
	"th,td{padding:.15em .3em}col.g{width:6em}col.n{width:3.2em}"
	"table{page-break-inside:avoid}tr{page-break-inside:avoid}h2{page-break-after:avoid}"
	"p.gen{color:#000}}\n";

void report_html_escape(const char *s, struct strbuf *out)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': sb_adds(out, "&amp;"); break;
		case '<': sb_adds(out, "&lt;"); break;
		case '>': sb_adds(out, "&gt;"); break;
		case '"': sb_adds(out, "&quot;"); break;
		case '\'': sb_adds(out, "&#39;"); break;
		default: sb_addc(out, *s); break;
		}
	}
}

/* <th rowspan colspan class>text</th>, leaving out the spans of 1. */
static void th(struct strbuf *out, int rs, int cs, const char *cls, const char *scope,
	       const char *text)
{
	sb_adds(out, "<th");
	if (rs > 1)
		sb_addf(out, " rowspan=\"%d\"", rs);
	if (cs > 1)
		sb_addf(out, " colspan=\"%d\"", cs);
	if (scope)
		sb_addf(out, " scope=\"%s\"", scope);
	if (cls)
		sb_addf(out, " class=\"%s\"", cls);
	sb_addc(out, '>');
	report_html_escape(text, out);
	sb_adds(out, "</th>");
}

static void td(struct strbuf *out, int cs, const char *text)
{
	if (cs > 1)
		sb_addf(out, "<td colspan=\"%d\">", cs);
	else
		sb_adds(out, "<td>");
	report_html_escape(text, out);
	sb_adds(out, "</td>");
}

static void td_num(struct strbuf *out, long long v)
{
	sb_addf(out, "<td>%lld</td>", v);
}

/* ---- table 二: four columns, 信息内容 and up to three values ---- */

static void t2_block(const struct report *r, const struct report_t2_block *b,
		     struct strbuf *out)
{
	int span = b->cols == 1 ? 3 : 1;
	sb_adds(out, "<tr>");
	th(out, 1, 4, NULL, "colgroup", b->heading);
	sb_adds(out, "</tr>\n<tr>");
	th(out, 1, 1, NULL, "col", REPORT_T2_CONTENT_LABEL);
	for (int c = 0; c < b->cols; c++)
		th(out, 1, span, NULL, "col", table2_col_label(b->first + c));
	sb_adds(out, "</tr>\n");
	for (int i = 0; i < b->rows; i++) {
		int cell = b->first + i * b->cols;
		sb_adds(out, "<tr>");
		th(out, 1, 1, "l", "row", table2_row_label(cell));
		for (int c = 0; c < b->cols; c++) {
			char buf[32];
			td(out, span, report_t2_cell_text(r, cell + c, buf));
		}
		sb_adds(out, "</tr>\n");
	}
}

static void table2(const struct report *r, struct strbuf *out)
{
	sb_adds(out, "<h2>" REPORT_T2_TITLE "</h2>\n<table class=\"t2\">\n");
	for (int b = 0; b < REPORT_T2_BLOCKS; b++)
		t2_block(r, &report_t2_blocks[b], out);
	sb_adds(out, "</table>\n");
}

/* ---- table 三: three label columns and seven numbers ---- */

static void t3_header(struct strbuf *out)
{
	sb_adds(out, "<thead>\n<tr>");
	th(out, 3, 3, NULL, NULL, T3_CORNER_NOTE);
	th(out, 1, T3_COLS, NULL, "colgroup", T3_HEADER);
	sb_adds(out, "</tr>\n<tr>");
	th(out, 2, 1, NULL, "col", code_label(&codes_applicant, AT_PERSON));
	th(out, 1, AT_COUNT - 1, NULL, "colgroup", T3_ORG_HEADER);
	th(out, 2, 1, NULL, "col", T3_TOTAL_LABEL);
	sb_adds(out, "</tr>\n<tr>");
	for (int c = AT_BUSINESS; c < AT_COUNT; c++)
		th(out, 1, 1, NULL, "col", code_label(&codes_applicant, c));
	sb_adds(out, "</tr>\n</thead>\n");
}

static void t3_labels(int row, struct strbuf *out)
{
	const char *group = t3_row_group(row);
	if (row < OUTCOME_FIRST || row > R_PROCESSED_TOTAL) {
		th(out, 1, 3, "l", "row", t3_row_label(row));
		return;
	}
	if (row == OUTCOME_FIRST)
		th(out, R_PROCESSED_TOTAL - OUTCOME_FIRST + 1, 1, "v", "rowgroup",
		   T3_RESULTS_LABEL);
	if (!group) {
		th(out, 1, 2, "l", "row", t3_row_label(row));
		return;
	}
	if (t3_row_group(row - 1) != group) {
		int span = 1;
		while (row + span <= OUTCOME_LAST && t3_row_group(row + span) == group)
			span++;
		th(out, span, 1, NULL, "rowgroup", group);
	}
	th(out, 1, 1, "l", "row", t3_row_label(row));
}

static void table3(const struct report *r, struct strbuf *out)
{
	sb_adds(out, "<h2>" REPORT_T3_TITLE "</h2>\n<table class=\"t3\">\n"
		"<colgroup><col class=\"v\"><col class=\"g\"><col><col span=\"7\" class=\"n\">"
		"</colgroup>\n");
	t3_header(out);
	sb_adds(out, "<tbody>\n");
	for (int row = 0; row < T3_ROWS; row++) {
		sb_adds(out, "<tr>");
		t3_labels(row, out);
		for (int c = 0; c < T3_COLS; c++)
			td_num(out, r->t3.v[row][c]);
		sb_adds(out, "</tr>\n");
	}
	sb_adds(out, "</tbody>\n</table>\n");
}

/* ---- table 四: fifteen numbers under three groups ---- */

static void table4(const struct report *r, struct strbuf *out)
{
	sb_adds(out, "<h2>" REPORT_T4_TITLE "</h2>\n<table class=\"t4\">\n<thead>\n<tr>");
	th(out, 1, T4_COLS, NULL, "colgroup", code_label(&codes_t4_group, T4_REVIEW));
	th(out, 1, 2 * T4_COLS, NULL, "colgroup", REPORT_T4_SUIT_LABEL);
	sb_adds(out, "</tr>\n<tr>");
	for (int c = 0; c < T4_COLS; c++)
		th(out, 2, 1, NULL, "col", code_label(&codes_t4_col, c));
	for (int g = T4_SUIT_DIRECT; g < T4_GROUPS; g++)
		th(out, 1, T4_COLS, NULL, "colgroup", code_label(&codes_t4_group, g));
	sb_adds(out, "</tr>\n<tr>");
	for (int g = T4_SUIT_DIRECT; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++)
			th(out, 1, 1, NULL, "col", code_label(&codes_t4_col, c));
	sb_adds(out, "</tr>\n</thead>\n<tbody>\n<tr>");
	for (int g = 0; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++)
			td_num(out, r->t4.v[g][c]);
	sb_adds(out, "</tr>\n</tbody>\n</table>\n");
}

/* ---- the page ---- */

static void paragraph(struct strbuf *out, const char *cls,
		      void (*sentence)(const struct report *, struct strbuf *),
		      const struct report *r)
{
	struct strbuf s = STRBUF_INIT;
	sentence(r, &s);
	sb_adds(out, cls ? "<p class=\"" : "<p>");
	if (cls)
		sb_addf(out, "%s\">", cls);
	report_html_escape(sb_str(&s), out);
	sb_adds(out, "</p>\n");
	sb_release(&s);
}

void report_html_parts(const struct report *r, struct strbuf *out)
{
	if (!r->nparts)
		return;
	sb_addf(out, "<p>本表为 %zu 个机关的汇总%s：</p>\n<ol class=\"parts\">\n", r->nparts,
		r->unchecked ? "（含未通过检查的来源）" : "");
	for (size_t i = 0; i < r->nparts; i++) {
		sb_adds(out, "<li>");
		report_html_escape(r->parts[i], out);
		sb_adds(out, "</li>\n");
	}
	sb_adds(out, "</ol>\n");
}

void report_html_open(const char *title, struct strbuf *out)
{
	sb_adds(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	sb_addf(out, "<meta name=\"generator\" content=\"gongkai %s\">\n<title>", GK_VERSION);
	report_html_escape(title, out);
	sb_addf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
	report_html_escape(title, out);
	sb_adds(out, "</h1>\n");
}

void report_html_table(const struct report *r, int table, struct strbuf *out)
{
	if (table == 2)
		table2(r, out);
	else if (table == 3)
		table3(r, out);
	else
		table4(r, out);
}

void report_html_close(struct strbuf *out)
{
	sb_addf(out, "<p class=\"gen\">本页由 gongkai %s 生成，表格格式依国办公开办函〔2021〕30号。"
		"</p>\n</body>\n</html>\n", GK_VERSION);
}

void report_html(const struct report *r, struct strbuf *out)
{
	struct strbuf title = STRBUF_INIT;
	report_title(r, REPORT_TABLES, false, &title);
	report_html_open(sb_str(&title), out);
	sb_release(&title);
	for (int t = 2; t <= 4; t++)
		report_html_table(r, t, out);
	sb_adds(out, "<h2>" REPORT_S6_TITLE "</h2>\n");
	paragraph(out, "fee", report_fee_sentence, r);
	paragraph(out, "overview", report_overview_sentence, r);
	report_html_parts(r, out);
	report_html_close(out);
}
