/*
 * textarea.h — a text of several lines laid out in a box: where each row of the box begins and
 * ends, which row the cursor is on and in which column, and where the cursor goes one row up or
 * down. The text is a lineedit's code points; a line break ends a row, and a row that would be
 * wider than the box wraps at a character (a Han character is two columns and is never cut).
 * Nothing here touches a terminal: the form draws the rows it gives.
 */
#ifndef GK_TEXTAREA_H
#define GK_TEXTAREA_H

#include <stddef.h>
#include <stdint.h>

/* One row of the box: the characters [start, end) of the text (end is at the line break that
 * ends it, or where it wrapped). */
struct ta_row {
	size_t start, end;
};

/* The rows of cp[0..n) in a box `width` columns wide (at least 2 is used), in *rows (the
 * caller frees it); returns how many (at least one). */
size_t ta_layout(const uint32_t *cp, size_t n, int width, struct ta_row **rows);
/* The row the cursor (before cp[cur]) is on: the last row starting at or before it, so a
 * cursor where a row wrapped shows at the start of the next. */
size_t ta_row_of(const struct ta_row *rows, size_t nrows, size_t cur);
/* The display columns from the start of row r to cur. */
int ta_col(const uint32_t *cp, const struct ta_row *r, size_t cur);
/* The cursor moved drow rows (-1 up, 1 down) to the column nearest the one it is in, never
 * inside a double-width character; cur itself when there is no such row. */
size_t ta_move(const uint32_t *cp, const struct ta_row *rows, size_t nrows, size_t cur,
	       int drow);

#endif
