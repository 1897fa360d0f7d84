/*
 * docx.c — the document model of docx.h, its body as WordprocessingML, and the .docx archive.
 *
 * The caller adds paragraphs and tables; docx_render writes every part into memory (the form
 * of the page lives in the styles and the section, docx_style.c; here paragraphs only name
 * their style and add what depends on their neighbours: the space after the title block,
 * before the signature block, the signature lines' right indents, page breaks) and packs the
 * parts with libzip into a buffer, in a fixed order with a fixed timestamp, so that the same
 * document always gives the same bytes.
 */
#include "docx_priv.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "xmem.h"

#define MAX_TABLE_SIDE 500
/* 1980-01-01 00:00, the first moment a zip archive can name (MS-DOS date: year-1980 << 9 |
 * month << 5 | day): every part carries it, so no render depends on the clock. */
#define ZIP_DOS_DATE ((0 << 9) | (1 << 5) | 1)
#define ZIP_DOS_TIME 0

/* ---- the model ---- */

struct docx *docx_new(void)
{
	return xcalloc(1, sizeof(struct docx));
}

static void table_free(struct docx_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i].text);
	free(t->cells);
	free(t->owner);
	free(t->widths);
	free(t);
}

void docx_free(struct docx **dp)
{
	struct docx *d = *dp;
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].text);
		table_free(d->items[i].table);
	}
	free(d->items);
	free(d->title);
	free(d->creator);
	free(d);
	*dp = NULL;
}

void docx_set_info(struct docx *d, const char *title, const char *creator)
{
	free(d->title);
	free(d->creator);
	d->title = title ? xstrdup(title) : NULL;
	d->creator = creator ? xstrdup(creator) : NULL;
}

static struct docx_item *push(struct docx *d, enum docx_kind kind, const char *text)
{
	d->items = xgrow(d->items, &d->cap, d->n + 1, sizeof *d->items);
	struct docx_item *it = &d->items[d->n++];
	*it = (struct docx_item){ kind, xstrdup(text ? text : ""), NULL };
	return it;
}

void docx_para(struct docx *d, enum docx_kind kind, const char *text)
{
	if ((int)kind < DOCX_TITLE || kind >= DOCX_TABLE)
		return;
	push(d, kind, kind == DOCX_PAGE_BREAK ? "" : text);
}

struct docx_table *docx_table_add(struct docx *d, int rows, int cols, const int *widths)
{
	if (rows < 1 || cols < 1 || rows > MAX_TABLE_SIDE || cols > MAX_TABLE_SIDE || !widths)
		return NULL;
	for (int c = 0; c < cols; c++)
		if (widths[c] < 1)
			return NULL;
	struct docx_table *t = xcalloc(1, sizeof *t);
	t->rows = rows;
	t->cols = cols;
	t->widths = xmalloc((size_t)cols * sizeof *t->widths);
	memcpy(t->widths, widths, (size_t)cols * sizeof *widths);
	t->owner = xcalloc((size_t)rows * (size_t)cols, sizeof *t->owner);
	push(d, DOCX_TABLE, "")->table = t;
	return t;
}

bool docx_table_cell(struct docx_table *t, int row, int col, int rs, int cs, const char *text,
		     enum text_align align)
{
	if (!t || row < 0 || col < 0 || rs < 1 || cs < 1 || rs > t->rows - row
	    || cs > t->cols - col)
		return false;
	for (int r = row; r < row + rs; r++)
		for (int c = col; c < col + cs; c++)
			if (t->owner[r * t->cols + c])
				return false;
	t->cells = xgrow(t->cells, &t->cap, t->ncells + 1, sizeof *t->cells);
	t->cells[t->ncells++] = (struct docx_cell){ row, col, rs, cs,
		xstrdup(text ? text : ""), align };
	for (int r = row; r < row + rs; r++)
		for (int c = col; c < col + cs; c++)
			t->owner[r * t->cols + c] = (int)t->ncells;
	return true;
}

void docx_table_header_rows(struct docx_table *t, int n)
{
	if (t)
		t->header_rows = n < 0 ? 0 : n > t->rows ? t->rows : n;
}

size_t docx_count(const struct docx *d)
{
	return d->n;
}

enum docx_kind docx_kind_at(const struct docx *d, size_t i)
{
	return d->items[i].kind;
}

const char *docx_text_at(const struct docx *d, size_t i)
{
	return d->items[i].text;
}

/* ---- layout shared with the plain text (docx_text.c) ---- */

int docx_widest_line(const char *s)
{
	int widest = 0;
	while (*s) {
		size_t n = strcspn(s, "\r\n");
		int w = text_width_n(s, n);
		if (w > widest)
			widest = w;
		s += n;
		s += strspn(s, "\r\n");
	}
	return widest;
}

int docx_signature_indent(const struct docx *d, size_t i)
{
	size_t last = i;
	while (last + 1 < d->n && d->items[last + 1].kind == DOCX_SIGNATURE)
		last++;
	/* the date ends four characters in (room for the seal); a line above is centred over it
	 * (GB/T 9704-2012 7.3.5.1) */
	int indent = 8;
	if (last != i)
		indent += (docx_widest_line(d->items[last].text)
			   - docx_widest_line(d->items[i].text)) / 2;
	return indent < 0 ? 0 : indent;
}

bool docx_block_end(const struct docx *d, size_t i)
{
	enum docx_kind k = d->items[i].kind;
	if (k != DOCX_TITLE && k != DOCX_NUMBER)
		return false;
	return i + 1 >= d->n
	       || (d->items[i + 1].kind != DOCX_TITLE && d->items[i + 1].kind != DOCX_NUMBER);
}

bool docx_signature_start(const struct docx *d, size_t i)
{
	return d->items[i].kind == DOCX_SIGNATURE && i > 0
	       && d->items[i - 1].kind != DOCX_SIGNATURE
	       && d->items[i - 1].kind != DOCX_PAGE_BREAK;
}

/* ---- document.xml ---- */

static void text_elem(struct xmlw *w, const char *s, size_t n)
{
	if (n == 0)
		return;
	xmlw_start(w, "w:t");
	xmlw_attr(w, "xml:space", "preserve");
	xmlw_text_n(w, s, n);
	xmlw_end(w);
}

/* One run holding text: a tab becomes <w:tab/>, a line break (LF, CRLF, CR) <w:br/>. */
static void runs(struct xmlw *w, const char *s)
{
	if (!*s)
		return;
	xmlw_start(w, "w:r");
	while (*s) {
		size_t n = strcspn(s, "\t\r\n");
		text_elem(w, s, n);
		s += n;
		if (*s == '\t') {
			xmlw_empty(w, "w:tab", NULL, NULL, NULL, NULL);
			s++;
		} else if (*s) {
			xmlw_empty(w, "w:br", NULL, NULL, NULL, NULL);
			s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
		}
	}
	xmlw_end(w);
}

static void val(struct xmlw *w, const char *name, const char *v)
{
	xmlw_empty(w, name, "w:val", v, NULL, NULL);
}

/* What a paragraph adds to its style. */
struct pprops {
	const char *style;
	bool page_break;
	bool keep_next;                   /* kept on the page of the paragraph after it */
	int before_lines, after_lines;    /* in lines of the grid */
	int right;                        /* right indent in twips; < 0 for the style's */
	const char *jc;                   /* NULL for the style's */
};

static void spacing(struct xmlw *w, int before, int after)
{
	xmlw_start(w, "w:spacing");
	if (before) {
		xmlw_attr_int(w, "w:beforeLines", before * 100L);
		xmlw_attr_int(w, "w:before", before * (long)GRID_LINE_PITCH);
	}
	if (after) {
		xmlw_attr_int(w, "w:afterLines", after * 100L);
		xmlw_attr_int(w, "w:after", after * (long)GRID_LINE_PITCH);
	}
	xmlw_end(w);
}

static void paragraph(struct xmlw *w, const struct pprops *p, const char *text)
{
	xmlw_start(w, "w:p");
	xmlw_start(w, "w:pPr");
	val(w, "w:pStyle", p->style);
	if (p->keep_next)
		xmlw_empty(w, "w:keepNext", NULL, NULL, NULL, NULL);
	if (p->page_break)
		xmlw_empty(w, "w:pageBreakBefore", NULL, NULL, NULL, NULL);
	if (p->before_lines || p->after_lines)
		spacing(w, p->before_lines, p->after_lines);
	if (p->right >= 0) {
		xmlw_start(w, "w:ind");
		xmlw_attr_int(w, "w:right", p->right);
		xmlw_end(w);
	}
	if (p->jc)
		val(w, "w:jc", p->jc);
	xmlw_end(w);
	runs(w, text);
	xmlw_end(w);
}

static void page_break_paragraph(struct xmlw *w)
{
	xmlw_start(w, "w:p");
	xmlw_start(w, "w:r");
	xmlw_empty(w, "w:br", "w:type", "page", NULL, NULL);
	xmlw_end(w);
	xmlw_end(w);
}

static const char *jc_of(enum text_align a)
{
	return a == TEXT_LEFT ? "left" : a == TEXT_RIGHT ? "right" : "center";
}

static void width_elem(struct xmlw *w, const char *name, int twips)
{
	xmlw_start(w, name);
	xmlw_attr_int(w, "w:w", twips);
	xmlw_attr(w, "w:type", "dxa");
	xmlw_end(w);
}

static void borders(struct xmlw *w)
{
	static const char *const side[] = {
		"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV",
	};
	xmlw_start(w, "w:tblBorders");
	for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
		xmlw_start(w, side[i]);
		xmlw_attr(w, "w:val", "single");
		xmlw_attr(w, "w:sz", "4");          /* eighths of a point: a 0.5 pt line */
		xmlw_attr(w, "w:space", "0");
		xmlw_attr(w, "w:color", "000000");
		xmlw_end(w);
	}
	xmlw_end(w);
}

static void table_props(struct xmlw *w, const struct docx_table *t)
{
	int total = 0;
	for (int c = 0; c < t->cols; c++)
		total += t->widths[c];
	xmlw_start(w, "w:tblPr");
	width_elem(w, "w:tblW", total);
	val(w, "w:jc", "center");
	borders(w);
	xmlw_empty(w, "w:tblLayout", "w:type", "fixed", NULL, NULL);
	xmlw_start(w, "w:tblCellMar");
	width_elem(w, "w:left", DOCX_MM(1));
	width_elem(w, "w:right", DOCX_MM(1));
	xmlw_end(w);
	xmlw_end(w);
	xmlw_start(w, "w:tblGrid");
	for (int c = 0; c < t->cols; c++)
		width_elem(w, "w:gridCol", t->widths[c]);
	xmlw_end(w);
}

/* One <w:tc>: width, span, vertical merge ("restart", "" to continue, NULL for none). */
static void table_cell(struct xmlw *w, int width, int span, const char *vmerge, const char *text,
		       enum text_align align)
{
	xmlw_start(w, "w:tc");
	xmlw_start(w, "w:tcPr");
	width_elem(w, "w:tcW", width);
	if (span > 1) {
		xmlw_start(w, "w:gridSpan");
		xmlw_attr_int(w, "w:val", span);
		xmlw_end(w);
	}
	if (vmerge && *vmerge)
		val(w, "w:vMerge", vmerge);
	else if (vmerge)
		xmlw_empty(w, "w:vMerge", NULL, NULL, NULL, NULL);
	val(w, "w:vAlign", "center");
	xmlw_end(w);
	paragraph(w, &(struct pprops){ STYLE_TABLE, false, false, 0, 0, -1, jc_of(align) }, text);
	xmlw_end(w);
}

static void table_row(struct xmlw *w, const struct docx_table *t, int r)
{
	xmlw_start(w, "w:tr");
	xmlw_start(w, "w:trPr");
	xmlw_empty(w, "w:cantSplit", NULL, NULL, NULL, NULL);
	if (r < t->header_rows)
		xmlw_empty(w, "w:tblHeader", NULL, NULL, NULL, NULL);
	xmlw_end(w);
	for (int c = 0; c < t->cols;) {
		int k = t->owner[r * t->cols + c];
		if (!k) {
			table_cell(w, t->widths[c], 1, NULL, "", TEXT_CENTER);
			c++;
			continue;
		}
		const struct docx_cell *cell = &t->cells[k - 1];
		int width = 0;
		for (int i = 0; i < cell->cs; i++)
			width += t->widths[c + i];
		bool top = cell->row == r;
		const char *vmerge = cell->rs == 1 ? NULL : top ? "restart" : "";
		table_cell(w, width, cell->cs, vmerge, top ? cell->text : "", cell->align);
		c += cell->cs;
	}
	xmlw_end(w);
}

static void table(struct xmlw *w, const struct docx_table *t)
{
	xmlw_start(w, "w:tbl");
	table_props(w, t);
	for (int r = 0; r < t->rows; r++)
		table_row(w, t, r);
	xmlw_end(w);
}

static const char *style_of(enum docx_kind k)
{
	switch (k) {
	case DOCX_TITLE: return STYLE_TITLE;
	case DOCX_NUMBER: return STYLE_NUMBER;
	case DOCX_BODY: return STYLE_BODY;
	case DOCX_HEADING1: return STYLE_HEADING1;
	case DOCX_HEADING2: return STYLE_HEADING2;
	case DOCX_SIGNATURE: return STYLE_SIGNATURE;
	default: return STYLE_PLAIN;
	}
}

static void part_document(const struct docx *d, struct strbuf *out)
{
	struct xmlw w;
	xmlw_init(&w, out);
	xmlw_decl(&w);
	xmlw_start(&w, "w:document");
	xmlw_attr(&w, "xmlns:w", NS_W);
	xmlw_attr(&w, "xmlns:r", NS_R);
	xmlw_start(&w, "w:body");
	bool pending_break = false, ends_with_table = false;
	for (size_t i = 0; i < d->n; i++) {
		const struct docx_item *it = &d->items[i];
		ends_with_table = false;
		if (it->kind == DOCX_PAGE_BREAK) {
			pending_break = true;
		} else if (it->kind == DOCX_TABLE) {
			if (pending_break)
				page_break_paragraph(&w);
			pending_break = false;
			table(&w, it->table);
			ends_with_table = true;
		} else {
			struct pprops p = { style_of(it->kind), pending_break, false, 0, 0, -1, NULL };
			/* the signature and date never stand alone on a page (GB/T 9704 7.3.5): the
			 * text before them goes with them */
			p.keep_next = i + 1 < d->n && docx_signature_start(d, i + 1);
			if (docx_block_end(d, i))
				p.after_lines = 1;
			if (docx_signature_start(d, i))
				p.before_lines = 2;
			if (it->kind == DOCX_SIGNATURE)
				p.right = docx_signature_indent(d, i) * CHAR_TW / 2;
			paragraph(&w, &p, it->text);
			pending_break = false;
		}
	}
	if (pending_break)
		page_break_paragraph(&w);
	/* Word wants a paragraph between a table and the end of the body */
	if (ends_with_table)
		paragraph(&w, &(struct pprops){ STYLE_PLAIN, false, false, 0, 0, -1, NULL }, "");
	docx_section(&w);
	while (xmlw_depth(&w) > 0)
		xmlw_end(&w);
	xmlw_release(&w);
}

/* ---- the archive ---- */

struct part {
	const char *name;
	struct strbuf data;
};

/* Appends the whole archive in src (closed) to out. */
static enum status read_source(zip_source_t *src, struct strbuf *out, struct diag *dg)
{
	if (zip_source_open(src) < 0) {
		diag_add(dg, "生成 Word 文件失败（%s）", zip_error_strerror(zip_source_error(src)));
		return ST_IO;
	}
	enum status st = ST_OK;
	zip_int64_t len = -1;
	if (zip_source_seek(src, 0, SEEK_END) == 0)
		len = zip_source_tell(src);
	char *buf = len >= 0 ? xmalloc((size_t)len + 1) : NULL;
	if (!buf || zip_source_seek(src, 0, SEEK_SET) < 0
	    || zip_source_read(src, buf, (zip_uint64_t)len) != len) {
		diag_add(dg, "生成 Word 文件失败（%s）", zip_error_strerror(zip_source_error(src)));
		st = ST_IO;
	} else {
		sb_add(out, buf, (size_t)len);
	}
	free(buf);
	zip_source_close(src);
	return st;
}

static enum status pack(struct part *parts, size_t n, struct strbuf *out, struct diag *dg)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
	if (!z) {
		diag_add(dg, "生成 Word 文件失败（%s）", zip_error_strerror(&err));
		zip_source_free(src);
		zip_error_fini(&err);
		return ST_IO;
	}
	zip_error_fini(&err);
	zip_source_keep(src);    /* for reading after zip_close, which drops the archive's hold */
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, sb_str(&parts[i].data), parts[i].data.len, 0);
		zip_int64_t idx = s ? zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0 || zip_file_set_dostime(z, (zip_uint64_t)idx, ZIP_DOS_TIME, ZIP_DOS_DATE,
						    0) < 0) {
			if (idx < 0)
				zip_source_free(s);
			diag_add(dg, "生成 Word 文件失败：%s（%s）", parts[i].name, zip_strerror(z));
			zip_discard(z);
			zip_source_free(src);
			return ST_IO;
		}
	}
	if (zip_close(z) < 0) {
		diag_add(dg, "生成 Word 文件失败（%s）", zip_strerror(z));
		zip_discard(z);
		zip_source_free(src);
		return ST_IO;
	}
	enum status st = read_source(src, out, dg);
	zip_source_free(src);
	return st;
}

enum status docx_render(const struct docx *d, struct strbuf *out, struct diag *dg)
{
	bool core = d->title || d->creator;
	/* the order of the parts in the archive is fixed: [Content_Types].xml first, as readers
	 * that sniff the format expect */
	struct part parts[] = {
		{ "[Content_Types].xml", STRBUF_INIT },
		{ "_rels/.rels", STRBUF_INIT },
		{ "docProps/core.xml", STRBUF_INIT },
		{ "word/document.xml", STRBUF_INIT },
		{ "word/_rels/document.xml.rels", STRBUF_INIT },
		{ "word/styles.xml", STRBUF_INIT },
		{ "word/settings.xml", STRBUF_INIT },
		{ "word/fontTable.xml", STRBUF_INIT },
		{ "word/footer1.xml", STRBUF_INIT },
		{ "word/footer2.xml", STRBUF_INIT },
	};
	size_t n = sizeof parts / sizeof parts[0];
	docx_part_content_types(core, &parts[0].data);
	docx_part_root_rels(core, &parts[1].data);
	if (core)
		docx_part_core(d, &parts[2].data);
	part_document(d, &parts[3].data);
	docx_part_document_rels(&parts[4].data);
	docx_part_styles(&parts[5].data);
	docx_part_settings(&parts[6].data);
	docx_part_fonts(&parts[7].data);
	docx_part_footer(true, &parts[8].data);
	docx_part_footer(false, &parts[9].data);
	if (!core) {
		memmove(&parts[2], &parts[3], (n - 3) * sizeof parts[0]);
		n--;
	}
	enum status st = pack(parts, n, out, dg);
	for (size_t i = 0; i < n; i++)
		sb_release(&parts[i].data);
	return st;
}
