/*
 * docx_style.c — the parts of a .docx that do not depend on the text: the package's content
 * types and relationships, the styles, the settings, the font table, the page-number footers
 * and the section's page setup. Together they carry the form of GB/T 9704-2012; document.xml
 * (docx.c) only names styles.
 *
 * Elements inside a property element follow the order of the ECMA-376 schema (Word refuses a
 * file that breaks it, where LibreOffice and WPS forgive).
 */
#include "docx_priv.h"


/*
 * The page of GB/T 9704: 22 lines of 28 characters in the 156 × 225 mm block.
 *   Lines: a document grid of lines only, pitch 12756 twips of text height / 22 = 579.8; 580
 *   would need 12760 and leave only 21 lines on the page, so 579 (22 × 579 = 12738 ≤ 12756).
 *   Characters: 8845 twips / 28 = 315.89 twips = 15.79 pt a character, 0.21 pt less than the
 *   16 pt of the body's characters. A grid of characters (linesAndChars, charSpace −842) would
 *   say so, but LibreOffice mishandles a negative charSpace and spreads the characters out,
 *   about 15 to a line. So the grid holds lines only, and the body's characters are set 0.25
 *   pt closer (character spacing −5 twentieths of a point): 28 × 15.75 = 441 pt, under the
 *   line's 442.25 pt, and 29 would need 456.75 — 28 to the line in Word, WPS and LibreOffice.
 */
#define CHAR_SPACING (-5)

/* The page number's line: 4号 (14 pt) 宋体, one character (14 pt) in from the edge. The
 * dash is to lie 7 mm under the text block (GB/T 9704 7.5); it sits at about mid-height of a
 * 14 pt line, some 2.5 mm over the line's foot, so the footer's foot is 35 − 7 − 2.5 mm from
 * the bottom of the page. */
#define FOOTER_PT 14
#define FOOTER_FROM_EDGE DOCX_MM(25.5)
#define TABLE_HALF_PT 21          /* 五号, 10.5 pt */
#define TITLE_HALF_PT 44          /* 二号, 22 pt */
#define TITLE_LINE 700            /* the title's lines 35 pt apart */

/* Starts a part whose root element declares the namespace ns as `xmlns_attr` ("xmlns" for
 * the default namespace, "xmlns:w" for the prefix w). */
static void start_part(struct xmlw *w, struct strbuf *out, const char *root,
		       const char *xmlns_attr, const char *ns)
{
	xmlw_init(w, out);
	xmlw_decl(w);
	xmlw_start(w, root);
	xmlw_attr(w, xmlns_attr, ns);
}

static void end_part(struct xmlw *w)
{
	while (xmlw_depth(w) > 0)
		xmlw_end(w);
	xmlw_release(w);
}

/* ---- the package ---- */

static void override(struct xmlw *w, const char *part, const char *type)
{
	xmlw_empty(w, "Override", "PartName", part, "ContentType", type);
}

#define CT_WORD "application/vnd.openxmlformats-officedocument.wordprocessingml."

void docx_part_content_types(bool core, struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "Types", "xmlns",
		   "http://schemas.openxmlformats.org/package/2006/content-types");
	xmlw_empty(&w, "Default", "Extension", "rels", "ContentType",
		   "application/vnd.openxmlformats-package.relationships+xml");
	xmlw_empty(&w, "Default", "Extension", "xml", "ContentType", "application/xml");
	override(&w, "/word/document.xml", CT_WORD "document.main+xml");
	override(&w, "/word/styles.xml", CT_WORD "styles+xml");
	override(&w, "/word/settings.xml", CT_WORD "settings+xml");
	override(&w, "/word/fontTable.xml", CT_WORD "fontTable+xml");
	override(&w, "/word/footer1.xml", CT_WORD "footer+xml");
	override(&w, "/word/footer2.xml", CT_WORD "footer+xml");
	if (core)
		override(&w, "/docProps/core.xml",
			 "application/vnd.openxmlformats-package.core-properties+xml");
	end_part(&w);
}

static void relationship(struct xmlw *w, const char *id, const char *type, const char *target)
{
	xmlw_start(w, "Relationship");
	xmlw_attr(w, "Id", id);
	xmlw_attr(w, "Type", type);
	xmlw_attr(w, "Target", target);
	xmlw_end(w);
}

#define REL_OFFICE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"

void docx_part_root_rels(bool core, struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "Relationships", "xmlns", NS_RELS);
	relationship(&w, "rId1", REL_OFFICE "officeDocument", "word/document.xml");
	if (core)
		relationship(&w, "rId2",
			     "http://schemas.openxmlformats.org/package/2006/relationships/"
			     "metadata/core-properties", "docProps/core.xml");
	end_part(&w);
}

void docx_part_document_rels(struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "Relationships", "xmlns", NS_RELS);
	relationship(&w, "rId1", REL_OFFICE "styles", "styles.xml");
	relationship(&w, "rId2", REL_OFFICE "settings", "settings.xml");
	relationship(&w, "rId3", REL_OFFICE "fontTable", "fontTable.xml");
	relationship(&w, RID_FOOTER_ODD, REL_OFFICE "footer", "footer1.xml");
	relationship(&w, RID_FOOTER_EVEN, REL_OFFICE "footer", "footer2.xml");
	end_part(&w);
}

void docx_part_core(const struct docx *d, struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "cp:coreProperties", "xmlns:cp",
		   "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	xmlw_attr(&w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	if (d->title) {
		xmlw_start(&w, "dc:title");
		xmlw_text(&w, d->title);
		xmlw_end(&w);
	}
	if (d->creator) {
		xmlw_start(&w, "dc:creator");
		xmlw_text(&w, d->creator);
		xmlw_end(&w);
	}
	end_part(&w);
}

/* ---- styles ---- */

static void val(struct xmlw *w, const char *name, const char *v)
{
	xmlw_empty(w, name, "w:val", v, NULL, NULL);
}

static void val_int(struct xmlw *w, const char *name, long v)
{
	xmlw_start(w, name);
	xmlw_attr_int(w, "w:val", v);
	xmlw_end(w);
}

/* rPr: the font for every script, the size in half-points, and whether characters keep to the
 * grid's pitch (only the body does: a 22 pt title or 10.5 pt table text on a 15.8 pt pitch
 * would be spread out). */
static void run_props(struct xmlw *w, const char *font, int half_pt, bool char_grid)
{
	xmlw_start(w, "w:rPr");
	if (font) {
		xmlw_start(w, "w:rFonts");
		xmlw_attr(w, "w:ascii", font);
		xmlw_attr(w, "w:hAnsi", font);
		xmlw_attr(w, "w:eastAsia", font);
		xmlw_attr(w, "w:cs", font);
		xmlw_end(w);
	}
	if (!char_grid)
		val(w, "w:snapToGrid", "0");
	else
		val_int(w, "w:spacing", CHAR_SPACING);
	if (half_pt) {
		val_int(w, "w:sz", half_pt);
		val_int(w, "w:szCs", half_pt);
	}
	xmlw_end(w);
}

static void style_start(struct xmlw *w, const char *id, const char *name)
{
	xmlw_start(w, "w:style");
	xmlw_attr(w, "w:type", "paragraph");
	xmlw_attr(w, "w:customStyle", "1");
	xmlw_attr(w, "w:styleId", id);
	val(w, "w:name", name);
	val(w, "w:basedOn", "Normal");
	val(w, "w:qFormat", "1");
}

/* An indent of two characters on the first line (hundredths of a character, and twips for a
 * reader that ignores those). */
static void first_line_indent(struct xmlw *w)
{
	xmlw_start(w, "w:ind");
	xmlw_attr(w, "w:firstLineChars", "200");
	xmlw_attr_int(w, "w:firstLine", 2 * CHAR_TW);
	xmlw_end(w);
}

struct para_style {
	const char *id, *name;
	const char *font;       /* NULL: the body font of the defaults */
	int half_pt;            /* 0: the default 16 pt */
	bool char_grid, indent, keep_next, line_grid;
	const char *jc;         /* NULL: justified, as the defaults */
	int outline;            /* heading level + 1, 0 for none */
	int exact_line;         /* a fixed line height in twips, 0 for the grid's */
};

static const struct para_style para_styles[] = {
	{ .id = STYLE_TITLE, .name = "公文标题", .font = FONT_TITLE, .half_pt = TITLE_HALF_PT,
	  .keep_next = true, .jc = "center", .exact_line = TITLE_LINE },
	{ .id = STYLE_NUMBER, .name = "发文字号", .char_grid = true, .keep_next = true,
	  .line_grid = true, .jc = "center" },
	{ .id = STYLE_BODY, .name = "公文正文", .char_grid = true, .indent = true,
	  .line_grid = true },
	{ .id = STYLE_PLAIN, .name = "主送机关", .char_grid = true, .line_grid = true },
	{ .id = STYLE_HEADING1, .name = "一级标题", .font = FONT_HEI, .char_grid = true,
	  .indent = true, .keep_next = true, .line_grid = true, .outline = 1 },
	{ .id = STYLE_HEADING2, .name = "二级标题", .font = FONT_KAI, .char_grid = true,
	  .indent = true, .keep_next = true, .line_grid = true, .outline = 2 },
	{ .id = STYLE_SIGNATURE, .name = "落款", .char_grid = true, .keep_next = true,
	  .line_grid = true, .jc = "right" },
	{ .id = STYLE_TABLE, .name = "表格文字", .font = FONT_SONG, .half_pt = TABLE_HALF_PT,
	  .jc = "center" },
	{ .id = STYLE_FOOTER, .name = "页码", .font = FONT_SONG, .half_pt = FOOTER_PT * 2 },
};

static void para_style(struct xmlw *w, const struct para_style *s)
{
	style_start(w, s->id, s->name);
	xmlw_start(w, "w:pPr");
	if (s->keep_next)
		xmlw_empty(w, "w:keepNext", NULL, NULL, NULL, NULL);
	if (!s->line_grid)
		val(w, "w:snapToGrid", "0");
	if (s->exact_line) {
		/* off the grid: a 22 pt line does not fit the grid's 28.95 pt in every font, and
		 * would take two grid lines */
		xmlw_start(w, "w:spacing");
		xmlw_attr_int(w, "w:line", s->exact_line);
		xmlw_attr(w, "w:lineRule", "exact");
		xmlw_end(w);
	}
	if (s->indent)
		first_line_indent(w);
	if (s->jc)
		val(w, "w:jc", s->jc);
	if (s->outline)
		val_int(w, "w:outlineLvl", s->outline - 1);
	xmlw_end(w);
	if (s->font || s->half_pt || !s->char_grid)
		run_props(w, s->font, s->half_pt, s->char_grid);
	xmlw_end(w);
}

/* The defaults every style inherits: the body's font and size, Chinese as the East Asian
 * language, no space between paragraphs, single lines (the grid sets their pitch), justified. */
static void style_defaults(struct xmlw *w)
{
	xmlw_start(w, "w:docDefaults");
	xmlw_start(w, "w:rPrDefault");
	xmlw_start(w, "w:rPr");
	xmlw_start(w, "w:rFonts");
	xmlw_attr(w, "w:ascii", FONT_BODY);
	xmlw_attr(w, "w:hAnsi", FONT_BODY);
	xmlw_attr(w, "w:eastAsia", FONT_BODY);
	xmlw_attr(w, "w:cs", FONT_BODY);
	xmlw_end(w);
	val(w, "w:kern", "2");
	val_int(w, "w:sz", BODY_PT * 2);
	val_int(w, "w:szCs", BODY_PT * 2);
	xmlw_empty(w, "w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN");
	xmlw_end(w);
	xmlw_end(w);
	xmlw_start(w, "w:pPrDefault");
	xmlw_start(w, "w:pPr");
	val(w, "w:widowControl", "0");
	xmlw_start(w, "w:spacing");
	xmlw_attr(w, "w:before", "0");
	xmlw_attr(w, "w:after", "0");
	xmlw_attr(w, "w:line", "240");
	xmlw_attr(w, "w:lineRule", "auto");
	xmlw_end(w);
	val(w, "w:jc", "both");
	xmlw_end(w);
	xmlw_end(w);
	xmlw_end(w);
}

static void builtin_style(struct xmlw *w, const char *type, const char *id, const char *name)
{
	xmlw_start(w, "w:style");
	xmlw_attr(w, "w:type", type);
	xmlw_attr(w, "w:default", "1");
	xmlw_attr(w, "w:styleId", id);
	val(w, "w:name", name);
}

void docx_part_styles(struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "w:styles", "xmlns:w", NS_W);
	style_defaults(&w);
	builtin_style(&w, "paragraph", "Normal", "Normal");
	val(&w, "w:qFormat", "1");
	/* the size again, not only in the defaults: the grid's charSpace counts from the Normal
	 * style's size, and LibreOffice reads it only from the style */
	run_props(&w, NULL, BODY_PT * 2, true);
	xmlw_end(&w);
	builtin_style(&w, "character", "DefaultParagraphFont", "Default Paragraph Font");
	xmlw_end(&w);
	builtin_style(&w, "table", "TableNormal", "Normal Table");
	xmlw_end(&w);
	for (size_t i = 0; i < sizeof para_styles / sizeof para_styles[0]; i++)
		para_style(&w, &para_styles[i]);
	end_part(&w);
}

/* ---- settings and fonts ---- */

void docx_part_settings(struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "w:settings", "xmlns:w", NS_W);
	xmlw_empty(&w, "w:zoom", "w:percent", "100", NULL, NULL);
	val_int(&w, "w:defaultTabStop", 2 * CHAR_TW);
	/* separate footers for odd and even pages, for the page number's side (GB/T 9704 7.5) */
	xmlw_empty(&w, "w:evenAndOddHeaders", NULL, NULL, NULL, NULL);
	/* full-width punctuation keeps its whole cell, so that lines hold 28 characters */
	val(&w, "w:characterSpacingControl", "doNotCompress");
	xmlw_start(&w, "w:compat");
	xmlw_empty(&w, "w:balanceSingleByteDoubleByteWidth", NULL, NULL, NULL, NULL);
	xmlw_empty(&w, "w:useFELayout", NULL, NULL, NULL, NULL);
	xmlw_start(&w, "w:compatSetting");
	xmlw_attr(&w, "w:name", "compatibilityMode");
	xmlw_attr(&w, "w:uri", "http://schemas.microsoft.com/office/word");
	xmlw_attr(&w, "w:val", "15");
	xmlw_end(&w);
	xmlw_end(&w);
	xmlw_empty(&w, "w:themeFontLang", "w:val", "en-US", "w:eastAsia", "zh-CN");
	val(&w, "w:decimalSymbol", ".");
	val(&w, "w:listSeparator", ",");
	end_part(&w);
}

/* Each font the styles name, with the name a reader without it should try (w:altName); the
 * fallbacks of the fallbacks are listed too, so that 仿宋_GB2312 → 仿宋 → FangSong. */
static const struct { const char *name, *alt; } fonts[] = {
	{ FONT_TITLE, "宋体" },
	{ "宋体", "SimSun" },
	{ FONT_BODY, "仿宋" },
	{ "仿宋", "FangSong" },
	{ FONT_KAI, "楷体" },
	{ "楷体", "KaiTi" },
	{ FONT_HEI, "SimHei" },
};

void docx_part_fonts(struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "w:fonts", "xmlns:w", NS_W);
	for (size_t i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
		xmlw_start(&w, "w:font");
		xmlw_attr(&w, "w:name", fonts[i].name);
		val(&w, "w:altName", fonts[i].alt);
		val(&w, "w:charset", "86");          /* GB2312 */
		val(&w, "w:family", "auto");
		val(&w, "w:pitch", "variable");
		xmlw_end(&w);
	}
	end_part(&w);
}

/* ---- the footers and the section ---- */

static void text_run(struct xmlw *w, const char *text)
{
	xmlw_start(w, "w:r");
	xmlw_start(w, "w:t");
	xmlw_attr(w, "xml:space", "preserve");
	xmlw_text(w, text);
	xmlw_end(w);
	xmlw_end(w);
}

static void field_char(struct xmlw *w, const char *type)
{
	xmlw_start(w, "w:r");
	xmlw_empty(w, "w:fldChar", "w:fldCharType", type, NULL, NULL);
	xmlw_end(w);
}

void docx_part_footer(bool odd, struct strbuf *out)
{
	struct xmlw w;
	start_part(&w, out, "w:ftr", "xmlns:w", NS_W);
	xmlw_start(&w, "w:p");
	xmlw_start(&w, "w:pPr");
	val(&w, "w:pStyle", STYLE_FOOTER);
	xmlw_start(&w, "w:ind");
	xmlw_attr_int(&w, odd ? "w:right" : "w:left", FOOTER_PT * 20);
	xmlw_end(&w);
	val(&w, "w:jc", odd ? "right" : "left");
	xmlw_end(&w);
	/* — PAGE — : 一字线 (U+2014) on each side of the number */
	text_run(&w, "\u2014 ");
	field_char(&w, "begin");
	xmlw_start(&w, "w:r");
	xmlw_start(&w, "w:instrText");
	xmlw_attr(&w, "xml:space", "preserve");
	xmlw_text(&w, " PAGE ");
	xmlw_end(&w);
	xmlw_end(&w);
	field_char(&w, "separate");
	text_run(&w, odd ? "1" : "2");
	field_char(&w, "end");
	text_run(&w, " \u2014");
	end_part(&w);
}

static void footer_ref(struct xmlw *w, const char *type, const char *rid)
{
	xmlw_empty(w, "w:footerReference", "w:type", type, "r:id", rid);
}

void docx_section(struct xmlw *w)
{
	xmlw_start(w, "w:sectPr");
	footer_ref(w, "default", RID_FOOTER_ODD);
	footer_ref(w, "even", RID_FOOTER_EVEN);
	xmlw_start(w, "w:pgSz");
	xmlw_attr_int(w, "w:w", PAGE_W);
	xmlw_attr_int(w, "w:h", PAGE_H);
	xmlw_end(w);
	xmlw_start(w, "w:pgMar");
	xmlw_attr_int(w, "w:top", MARGIN_TOP);
	xmlw_attr_int(w, "w:right", MARGIN_RIGHT);
	xmlw_attr_int(w, "w:bottom", MARGIN_BOTTOM);
	xmlw_attr_int(w, "w:left", MARGIN_LEFT);
	xmlw_attr_int(w, "w:header", DOCX_MM(15));
	xmlw_attr_int(w, "w:footer", FOOTER_FROM_EDGE);
	xmlw_attr(w, "w:gutter", "0");
	xmlw_end(w);
	xmlw_start(w, "w:docGrid");
	xmlw_attr(w, "w:type", "lines");
	xmlw_attr_int(w, "w:linePitch", GRID_LINE_PITCH);
	xmlw_end(w);
	xmlw_end(w);
}
