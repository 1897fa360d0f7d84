/*
 * textarea.c — laying out a text of several lines in a box (textarea.h).
 */
#include "textarea.h"

#include "text.h"
#include "xmem.h"

size_t ta_layout(const uint32_t *cp, size_t n, int width, struct ta_row **rows)
{
	if (width < 2)
		width = 2;
	size_t cap = 0, count = 0, start = 0;
	int col = 0;
	*rows = NULL;
	for (size_t i = 0; i <= n; i++) {
		bool end = i == n || cp[i] == '\n';
		int w = end ? 0 : text_cp_width(cp[i]);
		if (w < 0)
			w = 1;
		if (!end && col + w > width && i > start) {
			*rows = xgrow(*rows, &cap, count + 1, sizeof **rows);
			(*rows)[count++] = (struct ta_row){ start, i };
			start = i;
			col = 0;
		}
		if (end) {
			*rows = xgrow(*rows, &cap, count + 1, sizeof **rows);
			(*rows)[count++] = (struct ta_row){ start, i };
			start = i + 1;
			col = 0;
		} else {
			col += w;
		}
	}
	return count;
}

size_t ta_row_of(const struct ta_row *rows, size_t nrows, size_t cur)
{
	size_t r = 0;
	while (r + 1 < nrows && rows[r + 1].start <= cur)
		r++;
	return r;
}

int ta_col(const uint32_t *cp, const struct ta_row *r, size_t cur)
{
	int col = 0;
	for (size_t i = r->start; i < cur && i < r->end; i++) {
		int w = text_cp_width(cp[i]);
		col += w < 0 ? 1 : w;
	}
	return col;
}

size_t ta_move(const uint32_t *cp, const struct ta_row *rows, size_t nrows, size_t cur,
	       int drow)
{
	size_t r = ta_row_of(rows, nrows, cur);
	if ((drow < 0 && r == 0) || (drow > 0 && r + 1 >= nrows))
		return cur;
	int want = ta_col(cp, &rows[r], cur);
	const struct ta_row *to = &rows[drow < 0 ? r - 1 : r + 1];
	size_t i = to->start;
	int col = 0;
	while (i < to->end) {
		int w = text_cp_width(cp[i]);
		w = w < 0 ? 1 : w;
		if (col + w > want)
			break;
		col += w;
		i++;
	}
	/* the end of a row that wrapped is the next row's start: stay on this row */
	if (i == to->end && to + 1 < rows + nrows && to[1].start == i && i > to->start)
		i--;
	return i;
}
