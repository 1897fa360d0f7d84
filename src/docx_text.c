/*
 * docx_text.c — a document of docx.h as plain text lines, for a preview on the terminal and
 * for scripts.
 *
 * The page is imitated in display columns: what is centred on paper is centred in the width,
 * body paragraphs start with two ideographic spaces as their first-line indent, the signature
 * block keeps its place at the right (docx_signature_indent, shared with the Word file), and
 * tables are drawn by grid.c with their columns in proportion to their widths on paper.
 */
#include "docx_priv.h"

#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "xmem.h"

#define MIN_WIDTH 20
#define INDENT "\u3000\u3000"     /* two ideographic spaces: the first-line indent */

/* Appends pad spaces, s, and a line break, without trailing spaces. */
static void add_line(struct strbuf *out, int pad, const char *s)
{
	size_t start = out->len;
	sb_repeat(out, " ", pad);
	sb_adds(out, s);
	while (out->len > start && out->buf[out->len - 1] == ' ')
		out->len--;
	if (out->buf)
		out->buf[out->len] = '\0';
	sb_addc(out, '\n');
}

/* prefix + text with tabs as spaces, wrapped to width; each line centred or at the left. */
static void wrapped(struct strbuf *out, const char *prefix, const char *text, int width,
		    bool centre)
{
	struct strbuf s = STRBUF_INIT;
	sb_adds(&s, prefix);
	for (const char *p = text; *p; p++)
		sb_addc(&s, *p == '\t' ? ' ' : *p);
	struct text_lines lines = { 0 };
	text_wrap(sb_str(&s), width, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		int pad = centre ? (width - text_width(lines.line[i])) / 2 : 0;
		add_line(out, pad < 0 ? 0 : pad, lines.line[i]);
	}
	text_lines_release(&lines);
	sb_release(&s);
}

/* A signature line at the right, `indent` columns in from the edge (wrapped first if it is
 * longer than the line). */
static void signature(struct strbuf *out, const char *text, int width, int indent)
{
	struct text_lines lines = { 0 };
	text_wrap(text, width, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		int pad = width - indent - text_width(lines.line[i]);
		add_line(out, pad < 0 ? 0 : pad, lines.line[i]);
	}
	text_lines_release(&lines);
}

/* The table with box lines; the columns share the width (less the borders) in proportion to
 * their twips, at least two columns each. */
static void table(struct strbuf *out, const struct docx_table *t, int width)
{
	long total = 0;
	for (int c = 0; c < t->cols; c++)
		total += t->widths[c];
	int room = width - t->cols - 1;
	int *cols = xmalloc((size_t)t->cols * sizeof *cols);
	for (int c = 0; c < t->cols; c++) {
		long w = room > 0 ? (long)t->widths[c] * room / total : 0;
		cols[c] = w < 2 ? 2 : (int)w;
	}
	struct grid *g = grid_new(t->rows, t->cols, cols);
	for (size_t i = 0; i < t->ncells; i++) {
		const struct docx_cell *cell = &t->cells[i];
		grid_cell(g, cell->row, cell->col, cell->rs, cell->cs, cell->text, cell->align);
	}
	grid_render(g, out);
	grid_free(&g);
	free(cols);
}

void docx_text(const struct docx *d, int width, struct strbuf *out)
{
	if (width < MIN_WIDTH)
		width = MIN_WIDTH;
	for (size_t i = 0; i < d->n; i++) {
		const struct docx_item *it = &d->items[i];
		if (docx_signature_start(d, i))
			sb_adds(out, "\n\n");
		switch (it->kind) {
		case DOCX_TITLE:
		case DOCX_NUMBER:
			wrapped(out, "", it->text, width, true);
			break;
		case DOCX_BODY:
		case DOCX_HEADING1:
		case DOCX_HEADING2:
			wrapped(out, INDENT, it->text, width, false);
			break;
		case DOCX_PLAIN:
			wrapped(out, "", it->text, width, false);
			break;
		case DOCX_SIGNATURE:
			signature(out, it->text, width, docx_signature_indent(d, i));
			break;
		case DOCX_PAGE_BREAK:
			wrapped(out, "", "（分页）", width, true);
			break;
		case DOCX_TABLE:
			table(out, it->table, width);
			break;
		}
		if (docx_block_end(d, i))
			sb_addc(out, '\n');
	}
}
