/*
 * grid.c — drawing a table with merged cells on a canvas of display columns.
 *
 * Each cell is a rectangle between border lines. Rendering works on a canvas one slot per
 * display column: every cell draws its outline by marking which directions a line leaves each
 * border slot (so shared borders and junctions come out as ├ ┬ ┼ …), then writes its wrapped,
 * centred text inside. A merged cell draws no inner borders, so its text may sit where the
 * border between two of its rows would be. Row heights grow to fit the tallest text.
 */
#include "grid.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

enum { UP = 1, DOWN = 2, LEFT = 4, RIGHT = 8 };

struct gcell {
	int row, col, rs, cs;
	char *text;
	enum text_align align;
};

struct grid {
	int rows, cols;
	int *widths;
	struct gcell *cells;
	size_t ncells, cap;
};

struct slot {
	char ch[5];      /* a UTF-8 character, or "" for a slot covered by a wide one */
	unsigned char lines;
};

struct grid *grid_new(int rows, int cols, const int *widths)
{
	struct grid *g = xcalloc(1, sizeof *g);
	g->rows = rows;
	g->cols = cols;
	g->widths = xmalloc((size_t)cols * sizeof *g->widths);
	memcpy(g->widths, widths, (size_t)cols * sizeof *widths);
	return g;
}

void grid_free(struct grid **gp)
{
	struct grid *g = *gp;
	if (!g)
		return;
	for (size_t i = 0; i < g->ncells; i++)
		free(g->cells[i].text);
	free(g->cells);
	free(g->widths);
	free(g);
	*gp = NULL;
}

void grid_cell(struct grid *g, int row, int col, int rs, int cs, const char *text,
	       enum text_align align)
{
	if (row < 0 || col < 0 || rs < 1 || cs < 1 || row + rs > g->rows || col + cs > g->cols)
		return;
	g->cells = xgrow(g->cells, &g->cap, g->ncells + 1, sizeof *g->cells);
	g->cells[g->ncells++] = (struct gcell){ row, col, rs, cs, xstrdup(text ? text : ""), align };
}

/* The inner width of a cell: its columns and the borders between them. */
static int cell_width(const struct grid *g, const struct gcell *c)
{
	int w = c->cs - 1;
	for (int i = 0; i < c->cs; i++)
		w += g->widths[c->col + i];
	return w;
}

/* Row heights (text lines) so that every cell's wrapped text fits. */
static int *row_heights(const struct grid *g)
{
	int *h = xmalloc((size_t)g->rows * sizeof *h);
	for (int r = 0; r < g->rows; r++)
		h[r] = 1;
	/* single-row cells first, then spanning ones grow their last row if they still lack room */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < g->ncells; i++) {
			const struct gcell *c = &g->cells[i];
			if ((pass == 0) != (c->rs == 1))
				continue;
			struct text_lines lines = { 0 };
			int need = (int)text_wrap(c->text, cell_width(g, c), &lines);
			text_lines_release(&lines);
			int have = c->rs - 1;
			for (int r = 0; r < c->rs; r++)
				have += h[c->row + r];
			if (need > have)
				h[c->row + c->rs - 1] += need - have;
		}
	}
	return h;
}

static void mark(struct slot *canvas, int width, int x, int y, unsigned char lines)
{
	canvas[y * width + x].lines |= lines;
}

static void outline(struct slot *cv, int W, int x0, int y0, int x1, int y1)
{
	for (int x = x0; x <= x1; x++) {
		unsigned char h = (x > x0 ? LEFT : 0) | (x < x1 ? RIGHT : 0);
		mark(cv, W, x, y0, h);
		mark(cv, W, x, y1, h);
	}
	for (int y = y0; y <= y1; y++) {
		unsigned char v = (y > y0 ? UP : 0) | (y < y1 ? DOWN : 0);
		mark(cv, W, x0, y, v);
		mark(cv, W, x1, y, v);
	}
}

/* Writes one line of text into the canvas from x, at most `width` columns. */
static void put_text(struct slot *cv, int W, int x, int y, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		int w = text_cp_width(cp);
		if (w > 0) {
			struct slot *sl = &cv[y * W + x];
			memcpy(sl->ch, s + i, len);
			sl->ch[len] = '\0';
			if (w == 2)
				cv[y * W + x + 1].ch[0] = '\0';
			x += w;
		}
		i += len;
	}
}

static void fill(const struct grid *g, const struct gcell *c, struct slot *cv, int W,
		 const int *xs, const int *ys)
{
	int x0 = xs[c->col], y0 = ys[c->row];
	int x1 = xs[c->col + c->cs], y1 = ys[c->row + c->rs];
	outline(cv, W, x0, y0, x1, y1);
	int width = cell_width(g, c), height = y1 - y0 - 1;
	struct text_lines lines = { 0 };
	text_wrap(c->text, width, &lines);
	int top = y0 + 1 + (height - (int)lines.n) / 2;
	for (size_t i = 0; i < lines.n; i++) {
		struct strbuf fitted = STRBUF_INIT;
		text_fit_align(lines.line[i], width, c->align, &fitted);
		put_text(cv, W, x0 + 1, top + (int)i, sb_str(&fitted));
		sb_release(&fitted);
	}
	text_lines_release(&lines);
}

static const char *junction(unsigned char l)
{
	static const char *const glyph[16] = {
		[0] = " ", [UP] = "│", [DOWN] = "│", [UP | DOWN] = "│",
		[LEFT] = "─", [RIGHT] = "─", [LEFT | RIGHT] = "─",
		[DOWN | RIGHT] = "┌", [DOWN | LEFT] = "┐", [UP | RIGHT] = "└", [UP | LEFT] = "┘",
		[UP | DOWN | RIGHT] = "├", [UP | DOWN | LEFT] = "┤",
		[LEFT | RIGHT | DOWN] = "┬", [LEFT | RIGHT | UP] = "┴",
		[UP | DOWN | LEFT | RIGHT] = "┼",
	};
	return glyph[l & 15];
}

void grid_render(const struct grid *g, struct strbuf *out)
{
	int *h = row_heights(g);
	int *xs = xmalloc((size_t)(g->cols + 1) * sizeof *xs);
	int *ys = xmalloc((size_t)(g->rows + 1) * sizeof *ys);
	xs[0] = ys[0] = 0;
	for (int c = 0; c < g->cols; c++)
		xs[c + 1] = xs[c] + g->widths[c] + 1;
	for (int r = 0; r < g->rows; r++)
		ys[r + 1] = ys[r] + h[r] + 1;
	int W = xs[g->cols] + 1, H = ys[g->rows] + 1;
	struct slot *cv = xcalloc((size_t)W * (size_t)H, sizeof *cv);
	for (int i = 0; i < W * H; i++)
		strcpy(cv[i].ch, " ");
	/* every position no cell covers is an empty cell of its own */
	bool *covered = xcalloc((size_t)(g->rows * g->cols), sizeof *covered);
	for (size_t i = 0; i < g->ncells; i++) {
		const struct gcell *c = &g->cells[i];
		for (int r = c->row; r < c->row + c->rs; r++)
			for (int k = c->col; k < c->col + c->cs; k++)
				covered[r * g->cols + k] = true;
		fill(g, c, cv, W, xs, ys);
	}
	for (int r = 0; r < g->rows; r++)
		for (int k = 0; k < g->cols; k++)
			if (!covered[r * g->cols + k])
				outline(cv, W, xs[k], ys[r], xs[k + 1], ys[r + 1]);
	for (int y = 0; y < H; y++) {
		for (int x = 0; x < W; x++) {
			const struct slot *sl = &cv[y * W + x];
			sb_adds(out, sl->lines ? junction(sl->lines) : sl->ch);
		}
		sb_adds(out, "\n");
	}
	free(covered);
	free(cv);
	free(ys);
	free(xs);
	free(h);
}
