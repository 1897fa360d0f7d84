/*
 * docx_priv.h — what the Word writer's source files share: the document model, the page of
 * GB/T 9704-2012 in twips, and the parts each file writes. Nothing outside docx*.c includes it.
 */
#ifndef GK_DOCX_PRIV_H
#define GK_DOCX_PRIV_H

#include "docx.h"
#include "xmlw.h"

/* ---- the model ---- */

struct docx_cell {
	int row, col, rs, cs;
	char *text;
	enum text_align align;
};

struct docx_table {
	int rows, cols;
	int *widths;              /* twips, one per column */
	int *owner;               /* rows × cols: index + 1 of the cell covering it, 0 for none */
	struct docx_cell *cells;
	size_t ncells, cap;
	int header_rows;
};

struct docx_item {
	enum docx_kind kind;
	char *text;               /* "" for a page break or a table */
	struct docx_table *table; /* DOCX_TABLE only */
};

struct docx {
	struct docx_item *items;
	size_t n, cap;
	char *title, *creator;    /* for docProps/core.xml; NULL when not set */
};

/* ---- the page (GB/T 9704-2012 5.2) in twips: 1 mm = 1440 / 25.4 twips ---- */

#define PAGE_W 11906              /* A4, 210 mm */
#define PAGE_H 16838              /* 297 mm */
#define MARGIN_TOP 2098           /* 37 mm */
#define MARGIN_BOTTOM 1984        /* 35 mm */
#define MARGIN_LEFT 1587          /* 28 mm */
#define MARGIN_RIGHT 1474         /* 26 mm: 11906 − 1587 − 1474 = 8845, the 156 mm line */
#define TEXT_HEIGHT (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM)   /* 12756, 225 mm */

/* The document grid's line: see docx_style.c for how it is worked out. */
#define GRID_LINE_PITCH 579
#define BODY_PT 16                /* 三号 */
#define CHAR_TW (BODY_PT * 20)    /* one character of the body, in twips */

/* Fonts (font names as WPS and Word on a Chinese Windows know them). */
#define FONT_TITLE "方正小标宋简体"
#define FONT_BODY "仿宋_GB2312"
#define FONT_HEI "黑体"
#define FONT_KAI "楷体_GB2312"
#define FONT_SONG "宋体"

/* Style ids of styles.xml (docx_style.c), used by document.xml (docx.c). */
#define STYLE_TITLE "GkTitle"
#define STYLE_NUMBER "GkNumber"
#define STYLE_BODY "GkBody"
#define STYLE_PLAIN "GkPlain"
#define STYLE_HEADING1 "GkHeading1"
#define STYLE_HEADING2 "GkHeading2"
#define STYLE_SIGNATURE "GkSignature"
#define STYLE_TABLE "GkTableText"
#define STYLE_FOOTER "GkFooter"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* The relationship ids of word/_rels/document.xml.rels. */
#define RID_FOOTER_ODD "rId4"
#define RID_FOOTER_EVEN "rId5"

/* ---- the fixed parts (docx_style.c), each appended to out as a whole XML document ---- */

void docx_part_content_types(bool core, struct strbuf *out);
void docx_part_root_rels(bool core, struct strbuf *out);
void docx_part_core(const struct docx *d, struct strbuf *out);
void docx_part_document_rels(struct strbuf *out);
void docx_part_styles(struct strbuf *out);
void docx_part_settings(struct strbuf *out);
void docx_part_fonts(struct strbuf *out);
/* The page-number footer of odd pages (right) or even pages (left). */
void docx_part_footer(bool odd, struct strbuf *out);
/* The section properties closing the body: page size, margins, footers and the grid. */
void docx_section(struct xmlw *w);

/* ---- layout the Word file and the plain text share (docx.c) ---- */

/* The display columns of the widest line of s (a wide character is 2, as on a terminal). */
int docx_widest_line(const char *s);
/* The right indent of signature item i in half-characters (display columns): the block's last
 * line 8 (four characters), each line above centred over it. */
int docx_signature_indent(const struct docx *d, size_t i);
/* Whether item i ends a block of title and 文号 lines (a blank line follows it). */
bool docx_block_end(const struct docx *d, size_t i);
/* Whether item i begins a signature block after text (two blank lines precede it). */
bool docx_signature_start(const struct docx *d, size_t i);

#endif
