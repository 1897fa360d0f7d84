/*
 * docx.h — written documents (文书) as Word files, and the same documents as plain text.
 *
 * A document is a list of paragraphs and tables, built by calls and then rendered: as a .docx
 * (WordprocessingML in a zip archive) that clerks open, print and seal in WPS or Word, or as
 * plain text for a preview and for scripts. The page follows GB/T 9704-2012 (党政机关公文格式):
 * A4 portrait, margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm, a text block of
 * 156 × 225 mm holding 22 lines of 28 characters, page numbers `— 1 —` in 4号 宋体 at the foot,
 * odd pages right and even pages left, one character in from the edge. Fonts are named (with
 * their fallbacks listed in the file) and their substitution is left to the reader.
 *
 * Paragraph kinds and their form:
 *   DOCX_TITLE      二号 (22 pt) 方正小标宋简体 (fallback 宋体, SimSun), centred;
 *   DOCX_NUMBER     the 文号, centred under the title, body font; a blank line follows;
 *   DOCX_BODY       三号 (16 pt) 仿宋_GB2312 (fallback 仿宋, FangSong), justified, first line
 *                   indented two characters;
 *   DOCX_PLAIN      body font, no indent (the addressee line `张三：`);
 *   DOCX_HEADING1   黑体 16 pt, indented two characters (`一、总体情况`);
 *   DOCX_HEADING2   楷体_GB2312 (楷体, KaiTi) 16 pt, indented two characters (`（一）主动公开`);
 *   DOCX_SIGNATURE  the office's name and the date, at the right. Consecutive signature lines
 *                   form one block, set off from the text above by two blank lines: the last
 *                   line (the date) ends four characters in from the right edge, leaving room
 *                   for the seal, and each line above is centred over it (GB/T 9704 7.3.5.1);
 *   DOCX_PAGE_BREAK what follows begins a new page.
 * A line break in a paragraph's text is a line break inside the paragraph; a tab is a tab.
 *
 * Tables (the annual report's 二, 三, 四) are set in 五号 (10.5 pt) 宋体, every cell bordered,
 * text centred vertically; cells may span rows and columns (written as gridSpan and vMerge).
 *
 * Rendering is deterministic: the same document gives the same bytes (fixed part order and
 * fixed timestamps in the archive, no current time anywhere), so a reprint is identical.
 */
#ifndef GK_DOCX_H
#define GK_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "status.h"
#include "strbuf.h"
#include "text.h"

enum docx_kind {
	DOCX_TITLE,
	DOCX_NUMBER,
	DOCX_BODY,
	DOCX_PLAIN,
	DOCX_HEADING1,
	DOCX_HEADING2,
	DOCX_SIGNATURE,
	DOCX_PAGE_BREAK,
	DOCX_TABLE,        /* an item made by docx_table_add, never passed to docx_para */
};

/* Lengths in the file are in twips (twentieths of a point; 1440 to the inch). */
#define DOCX_MM(mm) ((int)((mm) * 1440.0 / 25.4 + 0.5))
/* The width of the text block, 156 mm: what the columns of a full-width table add up to. */
#define DOCX_TEXT_WIDTH 8845

struct docx;
struct docx_table;

/* An empty document; docx_free releases it and everything added to it. */
struct docx *docx_new(void);
void docx_free(struct docx **d);

/* The title and author written in the file's properties (docProps/core.xml), copied; NULL
 * leaves one out, and with both NULL (the default) the file has no such part. No date is ever
 * written there. */
void docx_set_info(struct docx *d, const char *title, const char *creator);

/* Appends a paragraph of the kind with text (copied; NULL is ""). For DOCX_PAGE_BREAK the text
 * is ignored. DOCX_TABLE is refused (nothing is added). */
void docx_para(struct docx *d, enum docx_kind kind, const char *text);

/*
 * Appends a table of rows × cols (each 1..500) whose column c is widths[c] twips wide (at
 * least 1; DOCX_MM converts; DOCX_TEXT_WIDTH is the whole line). Returns the table, owned by
 * the document and valid until docx_free; NULL (nothing added) when a size is out of range.
 */
struct docx_table *docx_table_add(struct docx *d, int rows, int cols, const int *widths);
/*
 * Puts text (copied; line breaks kept) in the cell at (row, col) spanning rs rows and cs
 * columns, aligned as given. False, and nothing stored, when the cell leaves the table or
 * overlaps a cell already put. Positions no cell covers are empty bordered cells.
 */
bool docx_table_cell(struct docx_table *t, int row, int col, int rs, int cs, const char *text,
		     enum text_align align);
/* Marks the first n rows as the table's heading, repeated at the top of each page it runs to. */
void docx_table_header_rows(struct docx_table *t, int n);

/* The document's items in order: how many, and the kind and text of item i (< docx_count;
 * "" for a page break or a table). The text belongs to the document. */
size_t docx_count(const struct docx *d);
enum docx_kind docx_kind_at(const struct docx *d, size_t i);
const char *docx_text_at(const struct docx *d, size_t i);

/*
 * Appends the .docx file to out (binary: use out->len, not strlen), for the caller to write
 * to disk atomically. ST_IO with a Chinese line in dg when the archive cannot be made (out is
 * then left as it was).
 */
enum status docx_render(const struct docx *d, struct strbuf *out, struct diag *dg);

/*
 * Appends the document as plain UTF-8 text lines (each ending in "\n") of at most `width`
 * display columns (at least 20 is used): the title and 文号 centred, body paragraphs indented
 * with two ideographic spaces (　　) and wrapped, the signature block at the right four
 * characters (eight columns) in, centred over the date as on paper, blank lines where the
 * page has space (one after the title block, two before the signature), `（分页）` centred for
 * a page break, and tables drawn with box lines, their columns in proportion to their widths (a
 * table may be wider than `width` when its cells need it).
 */
void docx_text(const struct docx *d, int width, struct strbuf *out);

#endif
