/*
 * draw.h — drawing on the terminal: the interface's colours and text that fits its columns.
 *
 * Every string reaches the screen through draw_text, which fits it to an exact number of
 * display columns (text_fit: a Han character is two, a cut ends in …, never half a character),
 * so a line never spills into the next cell or leaves a stale half of a wide character behind.
 * Colours are pairs chosen once; each role also has a monochrome form (reverse, bold,
 * underline) so it reads the same without colour, and NO_COLOR turns colour off.
 */
#ifndef GK_DRAW_H
#define GK_DRAW_H

#include <stdbool.h>

#include "text.h"

/* The roles of text on the screen. */
enum draw_role {
	R_NORMAL,
	R_TAB,          /* the screen names at the top */
	R_TAB_ACTIVE,
	R_STATUS,       /* the status line */
	R_HINT,         /* the key-hint bar */
	R_HINT_KEY,
	R_HEADER,       /* column headers */
	R_SELECTED,     /* the row under the cursor */
	R_LATE,         /* late: red */
	R_SOON,         /* due within 3 working days: yellow */
	R_DONE,         /* answered: dim */
	R_ERROR,        /* a message about something refused */
	R_WARNING,
	R_GOOD,
	R_HEADING,      /* a section heading in a document */
	R_POPUP,        /* the frame and title of a popup */
	R_FIELD,        /* an input field */
	R_FIELD_FOCUS,
	R_NOTE,         /* a quiet remark */
	R_BAR,          /* chart bars */
	R_BAR2,
	R_COUNT
};

/* Sets up colours (after initscr): off when NO_COLOR is set or the terminal has none. */
void draw_init(void);
bool draw_has_color(void);
/* The curses attributes of a role. */
int draw_attr(enum draw_role r);

/* Draws s at (y, x) in exactly width columns (padded or cut), in the role's attributes. */
void draw_text(int y, int x, int width, const char *s, enum draw_role r);
void draw_text_align(int y, int x, int width, const char *s, enum text_align align,
		     enum draw_role r);
/* Draws s at (y, x) in its own width, cut to at most max columns; returns the width drawn. */
int draw_str(int y, int x, int max, const char *s, enum draw_role r);
/* Fills width columns at (y, x) with spaces in the role's attributes. */
void draw_fill(int y, int x, int width, enum draw_role r);

/* A popup: a frame of reverse-video spaces with the title in its top row; the inside
 * (rows y+1 … y+h-2, columns x+1 … x+w-2) cleared. No box-drawing characters: their width is
 * ambiguous in East-Asian terminals. */
void draw_popup(int y, int x, int h, int w, const char *title);

/* The centred notice shown instead of the screen when the terminal is too small. */
void draw_too_small(int min_cols, int min_lines);

#endif
