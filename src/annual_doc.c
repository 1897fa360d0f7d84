/*
 * annual_doc.c — the whole annual report written out: as a document (docx.h), which gives
 * both the Word file and the text form, and as an HTML page for the website. The tables come
 * from the same layouts as the text report (report_layout_table2/3/4); the office's text is
 * split into paragraphs at line ends, a short line such as `（一）主动公开` being a subsection
 * heading.
 */
#include "annual.h"

#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "outfile.h"
#include "report_format.h"
#include "text.h"
#include "xmem.h"

/* Calls put for each non-blank line of the expanded text of section k. */
static void paragraphs(const struct annual *a, int k,
		       void (*put)(void *ctx, bool heading, const char *s, size_t n), void *ctx)
{
	struct strbuf ex = STRBUF_INIT;
	annual_expand(&a->r, a->text[k] ? a->text[k] : "", &ex);
	for (const char *p = sb_str(&ex); *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t lead = 0;
		while (lead < n && (p[lead] == ' ' || p[lead] == '\t'))
			lead++;
		while (lead + 3 <= n && memcmp(p + lead, "　", 3) == 0)
			lead += 3;
		if (lead < n)
			put(ctx, annual_is_heading(p + lead, n - lead), p + lead, n - lead);
		p += n + (nl ? 1 : 0);
	}
	sb_release(&ex);
}

/* ---- the document ---- */

static void docx_put(void *ctx, bool heading, const char *s, size_t n)
{
	char *text = xstrndup(s, n);
	docx_para(ctx, heading ? DOCX_HEADING2 : DOCX_BODY, text);
	free(text);
}

static void table_put(void *ctx, int row, int col, int rs, int cs, const char *text,
		      enum text_align align)
{
	docx_table_cell(ctx, row, col, rs, cs, text, align == TEXT_LEFT ? TEXT_LEFT : TEXT_CENTER);
}

/* Table 二, 三 or 四 as a Word table over the text block's width. */
static void docx_report_table(struct docx *doc, const struct report *r, int table)
{
	static const int w2[REPORT_T2_GRID_COLS] = { 2845, 2000, 2000, 2000 };
	int w3[REPORT_T3_GRID_COLS] = { 520, 1320, 2505 };
	int w4[REPORT_T4_GRID_COLS];
	for (int c = 3; c < REPORT_T3_GRID_COLS; c++)
		w3[c] = 643;
	for (int c = 0; c < REPORT_T4_GRID_COLS; c++)
		w4[c] = DOCX_TEXT_WIDTH / REPORT_T4_GRID_COLS;
	struct docx_table *t;
	if (table == 2) {
		t = docx_table_add(doc, REPORT_T2_GRID_ROWS, REPORT_T2_GRID_COLS, w2);
		report_layout_table2(r, &(struct report_cells){ table_put, t });
	} else if (table == 3) {
		t = docx_table_add(doc, REPORT_T3_GRID_ROWS, REPORT_T3_GRID_COLS, w3);
		/* a narrow group column: （三） over 不予公开 */
		report_layout_table3(r, 8, &(struct report_cells){ table_put, t });
		docx_table_header_rows(t, 3);
	} else {
		t = docx_table_add(doc, REPORT_T4_GRID_ROWS, REPORT_T4_GRID_COLS, w4);
		report_layout_table4(r, &(struct report_cells){ table_put, t });
	}
}

static const char *const table_heading[5] = {
	NULL, NULL, REPORT_T2_TITLE, REPORT_T3_TITLE, REPORT_T4_TITLE,
};

struct docx *annual_docx(const struct annual *a, bool draft)
{
	struct docx *doc = docx_new();
	struct strbuf title = STRBUF_INIT, line = STRBUF_INIT;
	report_title(&a->r, REPORT_WHOLE, draft, &title);
	docx_set_info(doc, sb_str(&title), a->r.office);
	docx_para(doc, DOCX_TITLE, sb_str(&title));
	docx_para(doc, DOCX_HEADING1, annual_section_heading(AN_OVERVIEW));
	paragraphs(a, AN_OVERVIEW, docx_put, doc);
	for (int t = 2; t <= 4; t++) {
		docx_para(doc, DOCX_HEADING1, table_heading[t]);
		docx_report_table(doc, &a->r, t);
	}
	docx_para(doc, DOCX_HEADING1, annual_section_heading(AN_PROBLEMS));
	paragraphs(a, AN_PROBLEMS, docx_put, doc);
	docx_para(doc, DOCX_HEADING1, annual_section_heading(AN_OTHER));
	report_fee_sentence(&a->r, &line);
	docx_para(doc, DOCX_BODY, sb_str(&line));
	paragraphs(a, AN_OTHER, docx_put, doc);
	if (a->r.nparts) {
		sb_reset(&line);
		report_parts_sentence(&a->r, &line);
		sb_adds(&line, "。");
		docx_para(doc, DOCX_BODY, sb_str(&line));
	}
	sb_release(&line);
	sb_release(&title);
	return doc;
}

/* ---- the page ---- */

static void html_put(void *ctx, bool heading, const char *s, size_t n)
{
	struct strbuf *out = ctx;
	char *text = xstrndup(s, n);
	sb_adds(out, heading ? "<h3>" : "<p class=\"t\">");
	report_html_escape(text, out);
	sb_adds(out, heading ? "</h3>\n" : "</p>\n");
	free(text);
}

void annual_html(const struct annual *a, bool draft, struct strbuf *out)
{
	struct strbuf title = STRBUF_INIT, line = STRBUF_INIT;
	report_title(&a->r, REPORT_WHOLE, draft, &title);
	report_html_open(sb_str(&title), out);
	sb_addf(out, "<h2>%s</h2>\n", annual_section_heading(AN_OVERVIEW));
	paragraphs(a, AN_OVERVIEW, html_put, out);
	for (int t = 2; t <= 4; t++)
		report_html_table(&a->r, t, out);
	sb_addf(out, "<h2>%s</h2>\n", annual_section_heading(AN_PROBLEMS));
	paragraphs(a, AN_PROBLEMS, html_put, out);
	sb_addf(out, "<h2>%s</h2>\n", annual_section_heading(AN_OTHER));
	report_fee_sentence(&a->r, &line);
	html_put(out, false, sb_str(&line), line.len);
	paragraphs(a, AN_OTHER, html_put, out);
	report_html_parts(&a->r, out);
	report_html_close(out);
	sb_release(&line);
	sb_release(&title);
}

/* ---- the text form ---- */

/* The width of the text form: the tables' (report_format.h), the paragraphs a little narrower
 * for reading. */
#define TEXT_PARA_WIDTH 96

struct text_ctx {
	struct strbuf *out;
	int width;
};

static void text_put(void *ctx, bool heading, const char *s, size_t n)
{
	struct text_ctx *tc = ctx;
	struct strbuf *out = tc->out, para = STRBUF_INIT;
	if (!heading)
		sb_adds(&para, "　　");
	sb_add(&para, s, n);
	struct text_lines lines = { 0 };
	text_wrap(sb_str(&para), tc->width, &lines);
	for (size_t i = 0; i < lines.n; i++)
		sb_addf(out, "%s\n", lines.line[i]);
	text_lines_release(&lines);
	sb_release(&para);
}

void annual_text(const struct annual *a, bool draft, int width, struct strbuf *out)
{
	struct strbuf title = STRBUF_INIT, line = STRBUF_INIT;
	struct text_ctx tc = { out, width < TEXT_PARA_WIDTH ? width : TEXT_PARA_WIDTH };
	if (tc.width < 20)
		tc.width = 20;
	report_title(&a->r, REPORT_WHOLE, draft, &title);
	int pad = (tc.width - text_width(sb_str(&title))) / 2;
	sb_addf(out, "%*s%s\n\n%s\n", pad > 0 ? pad : 0, "", sb_str(&title),
		annual_section_heading(AN_OVERVIEW));
	paragraphs(a, AN_OVERVIEW, text_put, &tc);
	sb_adds(out, "\n" REPORT_T2_TITLE "\n");
	report_text_table2(&a->r, out);
	sb_adds(out, "\n" REPORT_T3_TITLE "\n");
	report_text_table3(&a->r, width, out);
	sb_adds(out, "\n" REPORT_T4_TITLE "\n");
	report_text_table4(&a->r, out);
	sb_addf(out, "\n%s\n", annual_section_heading(AN_PROBLEMS));
	paragraphs(a, AN_PROBLEMS, text_put, &tc);
	sb_addf(out, "\n%s\n", annual_section_heading(AN_OTHER));
	report_fee_sentence(&a->r, &line);
	text_put(&tc, false, sb_str(&line), line.len);
	paragraphs(a, AN_OTHER, text_put, &tc);
	if (a->r.nparts) {
		sb_reset(&line);
		report_parts_sentence(&a->r, &line);
		sb_adds(&line, "。");
		text_put(&tc, false, sb_str(&line), line.len);
	}
	sb_release(&line);
	sb_release(&title);
}

/* ---- writing ---- */

const struct annual_format annual_formats[] = {
	{ "docx", "docx", "Word 文件（.docx，公文格式，表格按官方格式合并单元格）" },
	{ "html", "html", "网页（.html，可直接发布到政府网站）" },
	{ "text", "txt", "文本（.txt）" },
	{ NULL, NULL, NULL },
};

bool annual_format_known(const char *name)
{
	for (const struct annual_format *f = annual_formats; name && f->name; f++)
		if (strcmp(name, f->name) == 0)
			return true;
	return false;
}

enum status annual_write(const struct annual *a, const char *format, bool draft,
			 const char *path, struct diag *d)
{
	if (!annual_format_known(format)) {
		diag_add(d, "整份年报的格式只能是 text、html 或 docx，不能是 %s", format ? format : "");
		return ST_USAGE;
	}
	bool to_stdout = !path || strcmp(path, "-") == 0;
	if (strcmp(format, "docx") == 0 && to_stdout) {
		diag_add(d, "Word 文件须写入文件：请用 -o 文件名.docx");
		return ST_USAGE;
	}
	struct strbuf out = STRBUF_INIT;
	enum status st = ST_OK;
	if (strcmp(format, "html") == 0) {
		annual_html(a, draft, &out);
	} else if (strcmp(format, "text") == 0) {
		annual_text(a, draft, REPORT_TEXT_WIDTH, &out);
	} else {
		struct docx *doc = annual_docx(a, draft);
		st = docx_render(doc, &out, d);
		docx_free(&doc);
	}
	if (st == ST_OK)
		st = outfile_write(path, out.buf, out.len, d);
	sb_release(&out);
	return st;
}
