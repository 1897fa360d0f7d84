/*
 * test_docx.c — the Word writer read back by independent readers: libzip opens the archive,
 * expat parses every part into a small tree, and the tests look in the tree for the page of
 * GB/T 9704-2012, the fonts, the paragraphs, the merged cells of a table and the page-number
 * footers. Also the XML writer's escaping, the determinism of a render, and the plain text.
 */
#include "testutil.h"

#include <expat.h>
#include <time.h>
#include <zip.h>

#include "docx.h"
#include "xmlw.h"

/* ---- a tiny DOM over expat ---- */

struct node {
	char *name;
	char **attrs;             /* name, value, … , NULL */
	struct node **kids;
	size_t nkids, cap;
	struct strbuf text;       /* the character data directly inside */
	struct node *parent;
};

struct builder {
	struct node *root, *cur;
};

static void on_start(void *ctx, const char *name, const char **atts)
{
	struct builder *b = ctx;
	struct node *n = xcalloc(1, sizeof *n);
	n->name = xstrdup(name);
	size_t k = 0;
	while (atts[k])
		k++;
	n->attrs = xcalloc(k + 1, sizeof *n->attrs);
	for (size_t i = 0; i < k; i++)
		n->attrs[i] = xstrdup(atts[i]);
	n->parent = b->cur;
	if (b->cur) {
		b->cur->kids = xgrow(b->cur->kids, &b->cur->cap, b->cur->nkids + 1, sizeof *n);
		b->cur->kids[b->cur->nkids++] = n;
	} else {
		b->root = n;
	}
	b->cur = n;
}

static void on_end(void *ctx, const char *name)
{
	(void)name;
	struct builder *b = ctx;
	b->cur = b->cur->parent;
}

static void on_text(void *ctx, const char *s, int len)
{
	struct builder *b = ctx;
	if (b->cur)
		sb_add(&b->cur->text, s, (size_t)len);
}

static void node_free(struct node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		node_free(n->kids[i]);
	for (size_t i = 0; n->attrs[i]; i++)
		free(n->attrs[i]);
	free(n->attrs);
	free(n->kids);
	free(n->name);
	sb_release(&n->text);
	free(n);
}

/* Parses xml; fails the test when it is not well-formed. */
static struct node *parse(const char *xml, size_t len, const char *what)
{
	struct builder b = { NULL, NULL };
	XML_Parser p = XML_ParserCreate("UTF-8");
	XML_SetUserData(p, &b);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	if (XML_Parse(p, xml, (int)len, 1) != XML_STATUS_OK)
		fail_msg("%s is not well-formed: line %lu: %s", what,
			 (unsigned long)XML_GetCurrentLineNumber(p),
			 XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
	assert_non_null(b.root);
	return b.root;
}

static const char *attr(const struct node *n, const char *name)
{
	for (size_t i = 0; n && n->attrs[i]; i += 2)
		if (strcmp(n->attrs[i], name) == 0)
			return n->attrs[i + 1];
	return NULL;
}

static long attr_long(const struct node *n, const char *name)
{
	const char *v = attr(n, name);
	if (!v)
		fail_msg("<%s> has no %s", n ? n->name : "?", name);
	return strtol(v, NULL, 10);
}

/* The first element `name` in document order under n (n itself included); with a non-NULL
 * attribute name, the first whose attribute has the value. */
static struct node *find(struct node *n, const char *name, const char *aname, const char *aval)
{
	if (!n)
		return NULL;
	if (strcmp(n->name, name) == 0 && (!aname || (attr(n, aname)
						      && strcmp(attr(n, aname), aval) == 0)))
		return n;
	for (size_t i = 0; i < n->nkids; i++) {
		struct node *f = find(n->kids[i], name, aname, aval);
		if (f)
			return f;
	}
	return NULL;
}

/* Every element `name` under n, in document order, into out (up to max); returns how many. */
static size_t find_all(struct node *n, const char *name, struct node **out, size_t max,
		       size_t found)
{
	if (strcmp(n->name, name) == 0 && found < max)
		out[found++] = n;
	for (size_t i = 0; i < n->nkids; i++)
		found = find_all(n->kids[i], name, out, max, found);
	return found;
}

/* The text of the w:t elements under n, joined; a w:br is "\n", a w:tab "\t". */
static void text_of(const struct node *n, struct strbuf *out)
{
	if (strcmp(n->name, "w:t") == 0)
		sb_add(out, sb_str(&n->text), n->text.len);
	else if (strcmp(n->name, "w:br") == 0)
		sb_addc(out, '\n');
	else if (strcmp(n->name, "w:tab") == 0)
		sb_addc(out, '\t');
	for (size_t i = 0; i < n->nkids; i++)
		text_of(n->kids[i], out);
}

/* The value of <child w:val=…> of n ("" when it has no w:val, NULL when no such child). */
static const char *child_val(struct node *n, const char *child)
{
	struct node *c = find(n, child, NULL, NULL);
	if (!c)
		return NULL;
	return attr(c, "w:val") ? attr(c, "w:val") : "";
}

/* ---- the archive ---- */

struct docfile {
	struct strbuf bytes;
	zip_t *zip;
};

static void open_doc(const struct docx *d, struct docfile *f)
{
	struct diag dg = DIAG_INIT;
	f->bytes = (struct strbuf)STRBUF_INIT;
	assert_int_equal(docx_render(d, &f->bytes, &dg), ST_OK);
	assert_int_equal(diag_count(&dg), 0);
	assert_true(f->bytes.len > 4);
	assert_memory_equal(f->bytes.buf, "PK\x03\x04", 4);
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(f->bytes.buf, f->bytes.len, 0, &err);
	assert_non_null(src);
	f->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!f->zip)
		fail_msg("not a valid zip archive: %s", zip_error_strerror(&err));
	zip_error_fini(&err);
	diag_release(&dg);
}

static void close_doc(struct docfile *f)
{
	zip_close(f->zip);
	sb_release(&f->bytes);
}

/* The part's text (NUL-terminated; the caller frees it), or NULL when there is no such part. */
static char *part_text(struct docfile *f, const char *name, size_t *len)
{
	zip_stat_t st;
	if (zip_stat(f->zip, name, 0, &st) < 0)
		return NULL;
	zip_file_t *zf = zip_fopen(f->zip, name, 0);
	assert_non_null(zf);
	char *buf = xmalloc((size_t)st.size + 1);
	assert_int_equal(zip_fread(zf, buf, st.size), (zip_int64_t)st.size);
	buf[st.size] = '\0';
	zip_fclose(zf);
	if (len)
		*len = (size_t)st.size;
	return buf;
}

static struct node *part(struct docfile *f, const char *name)
{
	size_t len;
	char *xml = part_text(f, name, &len);
	if (!xml)
		fail_msg("the archive has no %s", name);
	struct node *root = parse(xml, len, name);
	free(xml);
	return root;
}

/* A document with one of every paragraph kind, a page break and a merged table. */
static struct docx *sample(void)
{
	struct docx *d = docx_new();
	docx_para(d, DOCX_TITLE, "郑州市郑东新区社会事业局\n政府信息公开申请答复书");
	docx_para(d, DOCX_NUMBER, "郑东社公开〔2025〕12号");
	docx_para(d, DOCX_PLAIN, "张三：");
	docx_para(d, DOCX_BODY, "本机关于2025年9月1日收到您提出的政府信息公开申请。");
	docx_para(d, DOCX_HEADING1, "一、总体情况");
	docx_para(d, DOCX_HEADING2, "（一）主动公开");
	docx_para(d, DOCX_SIGNATURE, "郑州市郑东新区社会事业局");
	docx_para(d, DOCX_SIGNATURE, "2025年9月26日");
	docx_para(d, DOCX_PAGE_BREAK, NULL);
	docx_para(d, DOCX_BODY, "第二页");
	static const int widths[3] = { 2000, 1500, 1500 };
	struct docx_table *t = docx_table_add(d, 3, 3, widths);
	assert_non_null(t);
	docx_table_header_rows(t, 1);
	assert_true(docx_table_cell(t, 0, 0, 2, 2, "合并", TEXT_CENTER));
	assert_true(docx_table_cell(t, 0, 2, 1, 1, "总计", TEXT_RIGHT));
	assert_true(docx_table_cell(t, 2, 0, 1, 1, "左", TEXT_LEFT));
	/* (1, 2) and (2, 1), (2, 2) are left empty */
	return d;
}

/* ---- the tests ---- */

static void test_parts(void **state)
{
	(void)state;
	struct docx *d = sample();
	struct docfile f;
	open_doc(d, &f);
	static const char *const parts[] = {
		"[Content_Types].xml", "_rels/.rels", "word/document.xml",
		"word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/fontTable.xml", "word/footer1.xml", "word/footer2.xml",
	};
	size_t nparts = sizeof parts / sizeof parts[0];
	assert_int_equal(zip_get_num_entries(f.zip, 0), (zip_int64_t)nparts);
	for (size_t i = 0; i < nparts; i++) {
		/* in this order, each well-formed, each dated 1980-01-01 */
		assert_string_equal(zip_get_name(f.zip, i, 0), parts[i]);
		node_free(part(&f, parts[i]));
		zip_stat_t st;
		assert_int_equal(zip_stat_index(f.zip, i, 0, &st), 0);
		struct tm tm;
		localtime_r(&st.mtime, &tm);
		assert_int_equal(tm.tm_year, 80);
		assert_int_equal(tm.tm_mon, 0);
		assert_int_equal(tm.tm_mday, 1);
	}
	assert_null(part_text(&f, "docProps/core.xml", NULL));
	struct node *ct = part(&f, "[Content_Types].xml");
	struct node *o = find(ct, "Override", "PartName", "/word/document.xml");
	assert_non_null(o);
	assert_string_equal(attr(o, "ContentType"), "application/vnd.openxmlformats-officedocument"
			    ".wordprocessingml.document.main+xml");
	assert_non_null(find(ct, "Override", "PartName", "/word/footer2.xml"));
	assert_null(find(ct, "Override", "PartName", "/docProps/core.xml"));
	node_free(ct);
	struct node *rels = part(&f, "word/_rels/document.xml.rels");
	struct node *ftr = find(rels, "Relationship", "Target", "footer2.xml");
	assert_non_null(ftr);
	node_free(rels);
	close_doc(&f);
	docx_free(&d);
	assert_null(d);
}

static void test_page_setup(void **state)
{
	(void)state;
	struct docx *d = sample();
	struct docfile f;
	open_doc(d, &f);
	struct node *doc = part(&f, "word/document.xml");
	struct node *sect = find(doc, "w:sectPr", NULL, NULL);
	assert_non_null(sect);
	/* the body's last element */
	struct node *body = find(doc, "w:body", NULL, NULL);
	assert_ptr_equal(body->kids[body->nkids - 1], sect);
	struct node *sz = find(sect, "w:pgSz", NULL, NULL);
	assert_int_equal(attr_long(sz, "w:w"), 11906);          /* A4 210 mm */
	assert_int_equal(attr_long(sz, "w:h"), 16838);          /* 297 mm */
	assert_null(attr(sz, "w:orient"));
	struct node *mar = find(sect, "w:pgMar", NULL, NULL);
	assert_int_equal(attr_long(mar, "w:top"), 2098);        /* 37 mm */
	assert_int_equal(attr_long(mar, "w:bottom"), 1984);     /* 35 mm */
	assert_int_equal(attr_long(mar, "w:left"), 1587);       /* 28 mm */
	assert_int_equal(attr_long(mar, "w:right"), 1474);      /* 26 mm */
	long width = 11906 - 1587 - 1474, height = 16838 - 2098 - 1984;
	assert_int_equal(width, DOCX_TEXT_WIDTH);
	assert_true(labs(width - DOCX_MM(156)) <= 1);
	assert_true(labs(height - DOCX_MM(225)) <= 1);
	struct node *grid = find(sect, "w:docGrid", NULL, NULL);
	assert_string_equal(attr(grid, "w:type"), "lines");
	long pitch = attr_long(grid, "w:linePitch");
	assert_int_equal(height / pitch, 22);                   /* 22 lines, and no more */
	/* 28 characters to the line, no more: the body's characters set closer (styles.xml) */
	struct node *styles = part(&f, "word/styles.xml");
	struct node *body_style = find(styles, "w:style", "w:styleId", "Normal");
	struct node *spacing = find(body_style, "w:spacing", NULL, NULL);
	assert_non_null(spacing);
	double char_pt = 16.0 + attr_long(spacing, "w:val") / 20.0;
	assert_int_equal((int)(width / 20.0 / char_pt), 28);
	node_free(styles);
	assert_non_null(find(sect, "w:footerReference", "w:type", "default"));
	assert_non_null(find(sect, "w:footerReference", "w:type", "even"));
	node_free(doc);
	struct node *set = part(&f, "word/settings.xml");
	assert_non_null(find(set, "w:evenAndOddHeaders", NULL, NULL));
	node_free(set);
	close_doc(&f);
	docx_free(&d);
}

/* The style with the id, from styles.xml. */
static struct node *style(struct node *styles, const char *id)
{
	struct node *s = find(styles, "w:style", "w:styleId", id);
	if (!s)
		fail_msg("no style %s", id);
	return s;
}

static void font_is(struct node *n, const char *font)
{
	struct node *f = find(n, "w:rFonts", NULL, NULL);
	assert_non_null(f);
	assert_string_equal(attr(f, "w:eastAsia"), font);
	assert_string_equal(attr(f, "w:ascii"), font);
	assert_string_equal(attr(f, "w:hAnsi"), font);
}

static void test_styles_and_fonts(void **state)
{
	(void)state;
	struct docx *d = sample();
	struct docfile f;
	open_doc(d, &f);
	struct node *st = part(&f, "word/styles.xml");
	struct node *defaults = find(st, "w:docDefaults", NULL, NULL);
	font_is(defaults, "仿宋_GB2312");
	assert_string_equal(child_val(defaults, "w:sz"), "32");           /* 三号 */
	assert_string_equal(child_val(style(st, "Normal"), "w:sz"), "32");
	struct node *title = style(st, "GkTitle");
	font_is(title, "方正小标宋简体");
	assert_string_equal(child_val(title, "w:sz"), "44");              /* 二号 */
	assert_string_equal(child_val(title, "w:jc"), "center");
	assert_string_equal(child_val(style(st, "GkNumber"), "w:jc"), "center");
	struct node *body = style(st, "GkBody");
	struct node *ind = find(body, "w:ind", NULL, NULL);
	assert_int_equal(attr_long(ind, "w:firstLineChars"), 200);
	assert_int_equal(attr_long(ind, "w:firstLine"), 640);
	assert_null(find(style(st, "GkPlain"), "w:ind", NULL, NULL));
	struct node *h1 = style(st, "GkHeading1"), *h2 = style(st, "GkHeading2");
	font_is(h1, "黑体");
	font_is(h2, "楷体_GB2312");
	assert_int_equal(attr_long(find(h1, "w:ind", NULL, NULL), "w:firstLineChars"), 200);
	assert_int_equal(attr_long(find(h2, "w:ind", NULL, NULL), "w:firstLineChars"), 200);
	assert_string_equal(child_val(style(st, "GkSignature"), "w:jc"), "right");
	struct node *table = style(st, "GkTableText");
	font_is(table, "宋体");
	assert_string_equal(child_val(table, "w:sz"), "21");              /* 五号 */
	struct node *footer = style(st, "GkFooter");
	font_is(footer, "宋体");
	assert_string_equal(child_val(footer, "w:sz"), "28");             /* 4号 */
	node_free(st);

	struct node *ft = part(&f, "word/fontTable.xml");
	static const char *const fallbacks[][2] = {
		{ "方正小标宋简体", "宋体" }, { "宋体", "SimSun" }, { "仿宋_GB2312", "仿宋" },
		{ "仿宋", "FangSong" }, { "楷体_GB2312", "楷体" }, { "楷体", "KaiTi" },
		{ "黑体", "SimHei" },
	};
	for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
		struct node *font = find(ft, "w:font", "w:name", fallbacks[i][0]);
		if (!font)
			fail_msg("fontTable.xml does not list %s", fallbacks[i][0]);
		assert_string_equal(child_val(font, "w:altName"), fallbacks[i][1]);
	}
	node_free(ft);
	close_doc(&f);
	docx_free(&d);
}

/* The paragraphs of the body (not those in tables), up to max. */
static size_t body_paragraphs(struct node *doc, struct node **out, size_t max)
{
	struct node *body = find(doc, "w:body", NULL, NULL);
	size_t n = 0;
	for (size_t i = 0; i < body->nkids && n < max; i++)
		if (strcmp(body->kids[i]->name, "w:p") == 0)
			out[n++] = body->kids[i];
	return n;
}

static void para_is(struct node *p, const char *style, const char *text)
{
	struct node *ps = find(p, "w:pStyle", NULL, NULL);
	assert_non_null(ps);
	assert_string_equal(attr(ps, "w:val"), style);
	struct strbuf sb = STRBUF_INIT;
	text_of(p, &sb);
	assert_string_equal(sb_str(&sb), text);
	sb_release(&sb);
}

static void test_paragraphs(void **state)
{
	(void)state;
	struct docx *d = sample();
	docx_para(d, DOCX_TABLE, "refused");                 /* not a paragraph kind */
	docx_para(d, DOCX_BODY, "甲\t乙\r\n丙");
	assert_int_equal(docx_count(d), 12);
	assert_int_equal(docx_kind_at(d, 10), DOCX_TABLE);
	assert_string_equal(docx_text_at(d, 11), "甲\t乙\r\n丙");
	struct docfile f;
	open_doc(d, &f);
	struct node *doc = part(&f, "word/document.xml");
	struct node *p[16];
	size_t n = body_paragraphs(doc, p, 16);
	assert_int_equal(n, 10);
	para_is(p[0], "GkTitle", "郑州市郑东新区社会事业局\n政府信息公开申请答复书");
	para_is(p[1], "GkNumber", "郑东社公开〔2025〕12号");
	/* a blank line after the title block: on the 文号, the block's last line */
	assert_null(find(p[0], "w:spacing", NULL, NULL));
	assert_int_equal(attr_long(find(p[1], "w:spacing", NULL, NULL), "w:afterLines"), 100);
	para_is(p[2], "GkPlain", "张三：");
	para_is(p[3], "GkBody", "本机关于2025年9月1日收到您提出的政府信息公开申请。");
	para_is(p[4], "GkHeading1", "一、总体情况");
	para_is(p[5], "GkHeading2", "（一）主动公开");
	para_is(p[6], "GkSignature", "郑州市郑东新区社会事业局");
	para_is(p[7], "GkSignature", "2025年9月26日");
	/* the block is set off by two lines; the date ends four characters (4 × 320 twips) in,
	 * the office's name (24 columns of 160 twips) is centred over the date (13 columns:
	 * digits are half as wide), (24 − 13) / 2 = 5 columns further right */
	assert_int_equal(attr_long(find(p[6], "w:spacing", NULL, NULL), "w:beforeLines"), 200);
	assert_int_equal(attr_long(find(p[7], "w:ind", NULL, NULL), "w:right"), 1280);
	assert_int_equal(attr_long(find(p[6], "w:ind", NULL, NULL), "w:right"), 1280 - 5 * 160);
	/* the page break: the next paragraph begins a page */
	para_is(p[8], "GkBody", "第二页");
	assert_non_null(find(p[8], "w:pageBreakBefore", NULL, NULL));
	assert_null(find(p[7], "w:pageBreakBefore", NULL, NULL));
	para_is(p[9], "GkBody", "甲\t乙\n丙");
	node_free(doc);
	close_doc(&f);
	docx_free(&d);
}

/* The <w:tc> elements of row r of the table. */
static size_t row_cells(struct node *tbl, size_t r, struct node **out, size_t max)
{
	struct node *rows[16];
	size_t nrows = 0;
	for (size_t i = 0; i < tbl->nkids; i++)
		if (strcmp(tbl->kids[i]->name, "w:tr") == 0 && nrows < 16)
			rows[nrows++] = tbl->kids[i];
	assert_true(r < nrows);
	size_t n = 0;
	for (size_t i = 0; i < rows[r]->nkids && n < max; i++)
		if (strcmp(rows[r]->kids[i]->name, "w:tc") == 0)
			out[n++] = rows[r]->kids[i];
	return n;
}

static void cell_is(struct node *tc, long width, const char *span, const char *vmerge,
		    const char *text, const char *jc)
{
	struct node *pr = find(tc, "w:tcPr", NULL, NULL);
	assert_int_equal(attr_long(find(pr, "w:tcW", NULL, NULL), "w:w"), width);
	const char *s = child_val(pr, "w:gridSpan");
	if (span)
		assert_string_equal(s, span);
	else
		assert_null(s);
	const char *v = child_val(pr, "w:vMerge");
	if (vmerge)
		assert_string_equal(v, vmerge);
	else
		assert_null(v);
	assert_string_equal(child_val(pr, "w:vAlign"), "center");
	assert_non_null(find(tc, "w:p", NULL, NULL));      /* every cell holds a paragraph */
	struct strbuf sb = STRBUF_INIT;
	text_of(tc, &sb);
	assert_string_equal(sb_str(&sb), text);
	sb_release(&sb);
	if (jc)
		assert_string_equal(child_val(find(tc, "w:p", NULL, NULL), "w:jc"), jc);
}

static void test_table(void **state)
{
	(void)state;
	struct docx *d = sample();
	/* refused: overlapping, outside, empty span, bad sizes */
	static const int w1[1] = { 100 }, w0[1] = { 0 };
	struct docx_table *t = docx_table_add(d, 2, 1, w1);
	assert_non_null(t);
	assert_true(docx_table_cell(t, 0, 0, 2, 1, "x", TEXT_CENTER));
	assert_false(docx_table_cell(t, 1, 0, 1, 1, "overlap", TEXT_CENTER));
	assert_false(docx_table_cell(t, 0, 1, 1, 1, "outside", TEXT_CENTER));
	assert_false(docx_table_cell(t, 0, 0, 0, 1, "empty", TEXT_CENTER));
	assert_false(docx_table_cell(t, -1, 0, 1, 1, "negative", TEXT_CENTER));
	assert_null(docx_table_add(d, 0, 1, w1));
	assert_null(docx_table_add(d, 1, 1, w0));
	assert_null(docx_table_add(d, 1, 501, w1));

	struct docfile f;
	open_doc(d, &f);
	struct node *doc = part(&f, "word/document.xml");
	struct node *tbls[4];
	assert_int_equal(find_all(doc, "w:tbl", tbls, 4, 0), 2);
	struct node *tbl = tbls[0];
	struct node *cols[4];
	assert_int_equal(find_all(tbl, "w:gridCol", cols, 4, 0), 3);
	assert_int_equal(attr_long(cols[0], "w:w"), 2000);
	assert_int_equal(attr_long(cols[2], "w:w"), 1500);
	assert_int_equal(attr_long(find(tbl, "w:tblW", NULL, NULL), "w:w"), 5000);
	struct node *borders = find(tbl, "w:tblBorders", NULL, NULL);
	static const char *const sides[] = {
		"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV",
	};
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(attr(find(borders, sides[i], NULL, NULL), "w:val"), "single");
	struct node *tc[4];
	/* row 0: the merged cell starts (2 columns, restart), then 总计 at the right */
	assert_int_equal(row_cells(tbl, 0, tc, 4), 2);
	cell_is(tc[0], 3500, "2", "restart", "合并", "center");
	cell_is(tc[1], 1500, NULL, NULL, "总计", "right");
	assert_non_null(find(tbl->kids[2], "w:tblHeader", NULL, NULL));
	/* row 1: the merge continues (no w:val), and an empty cell no one put */
	assert_int_equal(row_cells(tbl, 1, tc, 4), 2);
	cell_is(tc[0], 3500, "2", "", "", NULL);
	cell_is(tc[1], 1500, NULL, NULL, "", NULL);
	/* row 2: three single cells */
	assert_int_equal(row_cells(tbl, 2, tc, 4), 3);
	cell_is(tc[0], 2000, NULL, NULL, "左", "left");
	cell_is(tc[2], 1500, NULL, NULL, "", NULL);
	/* the body does not end with a table: Word wants a paragraph there */
	struct node *body = find(doc, "w:body", NULL, NULL);
	assert_string_equal(body->kids[body->nkids - 2]->name, "w:p");
	node_free(doc);
	close_doc(&f);
	docx_free(&d);
}

static void test_escaping(void **state)
{
	(void)state;
	struct docx *d = docx_new();
	docx_set_info(d, "标题 \"引号\" & <尖括号> '单引号'", "机关\x01名\xff");
	docx_para(d, DOCX_BODY, "<&>\"' a\x01\x1f b\xff\xfe c\xe4\xb8 \xef\xbf\xbe ]]> 完");
	struct docfile f;
	open_doc(d, &f);
	struct node *doc = part(&f, "word/document.xml");
	struct node *p[2];
	assert_int_equal(body_paragraphs(doc, p, 2), 1);
	struct strbuf sb = STRBUF_INIT;
	text_of(p[0], &sb);
	/* controls and U+FFFE dropped; each bad byte one U+FFFD */
	assert_string_equal(sb_str(&sb), "<&>\"' a b\xef\xbf\xbd\xef\xbf\xbd c\xef\xbf\xbd\xef"
			    "\xbf\xbd  ]]> 完");
	sb_release(&sb);
	node_free(doc);
	struct node *core = part(&f, "docProps/core.xml");
	assert_string_equal(sb_str(&find(core, "dc:title", NULL, NULL)->text),
			    "标题 \"引号\" & <尖括号> '单引号'");
	assert_string_equal(sb_str(&find(core, "dc:creator", NULL, NULL)->text),
			    "机关名\xef\xbf\xbd");
	assert_null(find(core, "dcterms:created", NULL, NULL));
	assert_null(find(core, "dcterms:modified", NULL, NULL));
	node_free(core);
	struct node *ct = part(&f, "[Content_Types].xml");
	assert_non_null(find(ct, "Override", "PartName", "/docProps/core.xml"));
	node_free(ct);
	close_doc(&f);
	docx_free(&d);
}

static void test_xml_writer(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	xml_escape_attr("a\tb\nc\rd\"e'f<g>&", 15, &out);
	assert_string_equal(sb_str(&out), "a&#9;b&#10;c&#13;d&quot;e&apos;f&lt;g&gt;&amp;");
	sb_reset(&out);
	xml_escape_text("a\tb\nc\rd\"e'\0f", 12, &out);          /* NUL dropped */
	assert_string_equal(sb_str(&out), "a\tb\nc&#13;d\"e'f");
	sb_reset(&out);
	struct xmlw w;
	xmlw_init(&w, &out);
	xmlw_start(&w, "a");
	xmlw_attr(&w, "x", "1 < 2");
	xmlw_attr_int(&w, "n", -842);
	xmlw_start(&w, "b");
	xmlw_end(&w);
	xmlw_text(&w, "t&");
	xmlw_attr(&w, "late", "ignored");
	assert_int_equal(xmlw_depth(&w), 1);
	xmlw_end(&w);
	xmlw_end(&w);                                      /* nothing open: nothing */
	assert_int_equal(xmlw_depth(&w), 0);
	xmlw_release(&w);
	assert_string_equal(sb_str(&out), "<a x=\"1 &lt; 2\" n=\"-842\"><b/>t&amp;</a>");
	node_free(parse(out.buf, out.len, "xmlw output"));
	sb_release(&out);
}

static void test_deterministic(void **state)
{
	(void)state;
	struct docx *d = sample();
	docx_set_info(d, "答复书", "社会事业局");
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	assert_int_equal(docx_render(d, &a, NULL), ST_OK);
	assert_int_equal(docx_render(d, &b, NULL), ST_OK);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	/* a second document built the same way: the same bytes */
	struct docx *e = sample();
	docx_set_info(e, "答复书", "社会事业局");
	sb_reset(&b);
	assert_int_equal(docx_render(e, &b, NULL), ST_OK);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	/* and a different one differs */
	docx_para(e, DOCX_BODY, "多一段");
	sb_reset(&b);
	assert_int_equal(docx_render(e, &b, NULL), ST_OK);
	assert_true(a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0);
	/* rendering appends */
	size_t before = b.len;
	assert_int_equal(docx_render(e, &b, NULL), ST_OK);
	assert_int_equal(b.len, 2 * before);
	sb_release(&a);
	sb_release(&b);
	docx_free(&d);
	docx_free(&e);
}

static void test_footers(void **state)
{
	(void)state;
	struct docx *d = sample();
	struct docfile f;
	open_doc(d, &f);
	for (int odd = 1; odd >= 0; odd--) {
		struct node *ftr = part(&f, odd ? "word/footer1.xml" : "word/footer2.xml");
		assert_string_equal(ftr->name, "w:ftr");
		struct node *p = find(ftr, "w:p", NULL, NULL);
		assert_string_equal(child_val(p, "w:pStyle"), "GkFooter");
		assert_string_equal(child_val(p, "w:jc"), odd ? "right" : "left");
		/* one character of 14 pt in from the edge */
		assert_int_equal(attr_long(find(p, "w:ind", NULL, NULL), odd ? "w:right" : "w:left"),
				 280);
		assert_string_equal(sb_str(&find(p, "w:instrText", NULL, NULL)->text), " PAGE ");
		assert_non_null(find(p, "w:fldChar", "w:fldCharType", "begin"));
		assert_non_null(find(p, "w:fldChar", "w:fldCharType", "separate"));
		assert_non_null(find(p, "w:fldChar", "w:fldCharType", "end"));
		struct strbuf sb = STRBUF_INIT;
		text_of(p, &sb);
		assert_string_equal(sb_str(&sb), odd ? "\u2014 1 \u2014" : "\u2014 2 \u2014");
		sb_release(&sb);
		node_free(ftr);
	}
	close_doc(&f);
	docx_free(&d);
}

static void test_plain_text(void **state)
{
	(void)state;
	struct docx *d = sample();
	struct strbuf out = STRBUF_INIT;
	docx_text(d, 40, &out);
	const char *expect_start =
		"        郑州市郑东新区社会事业局\n"
		"         政府信息公开申请答复书\n"
		"         郑东社公开〔2025〕12号\n"
		"\n"
		"张三：\n"
		"　　本机关于2025年9月1日收到您提出的政府\n"
		"信息公开申请。\n"
		"　　一、总体情况\n"
		"　　（一）主动公开\n"
		"\n"
		"\n"
		"             郑州市郑东新区社会事业局\n"      /* centred over the date */
		"                   2025年9月26日\n"   /* 8 columns from the right edge */
		"                （分页）\n"
		"　　第二页\n"
		"┌";
	if (strncmp(sb_str(&out), expect_start, strlen(expect_start)) != 0)
		fail_msg("got:\n%s", sb_str(&out));
	assert_non_null(strstr(sb_str(&out), "│          合并           ├"));
	assert_non_null(strstr(sb_str(&out), "│左            │"));
	/* no line is wider than 40 columns outside the table, none ends in a space */
	for (const char *s = sb_str(&out); *s;) {
		size_t n = strcspn(s, "\n");
		assert_true(n == 0 || s[n - 1] != ' ');
		if (!memmem(s, n, "\xe2\x94", 2))                   /* box drawing */
			assert_true(text_width_n(s, n) <= 40);
		s += n + (s[n] == '\n');
	}
	sb_release(&out);
	docx_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_page_setup),
		cmocka_unit_test(test_styles_and_fonts),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_xml_writer),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_footers),
		cmocka_unit_test(test_plain_text),
	};
	return gk_run_tests(tests, NULL, NULL);
}
