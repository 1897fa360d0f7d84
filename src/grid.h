/*
 * grid.h — a table with merged cells, drawn as text with box characters.
 *
 * The official report tables merge cells (三、本年度办理结果 over 22 rows, 申请人情况 over seven
 * columns), so the text report and the tally screen draw them through this one renderer: cells
 * with row and column spans, text wrapped inside its cell and centred or aligned, widths in
 * display columns (a Han character is two). The result is plain UTF-8 lines, so the same
 * drawing serves standard output and a curses window.
 */
#ifndef GK_GRID_H
#define GK_GRID_H

#include <stddef.h>

#include "strbuf.h"
#include "text.h"

struct grid;

/* A grid of rows × cols; widths[c] is the inner width of column c in display columns. */
struct grid *grid_new(int rows, int cols, const int *widths);
void grid_free(struct grid **g);

/* Puts text (copied) in the cell at (row, col) spanning rs rows and cs columns. Cells must not
 * overlap; a position no cell covers is drawn as an empty cell. */
void grid_cell(struct grid *g, int row, int col, int rs, int cs, const char *text,
	       enum text_align align);

/* Appends the drawing to out, one line per text line, each ending with "\n". */
void grid_render(const struct grid *g, struct strbuf *out);

#endif
