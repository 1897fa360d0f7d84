/*
 * pager.h — a scrollable document of lines: the tallies, the report, an application's detail,
 * the help.
 *
 * A line is one or more segments, each text in a role (draw.h), drawn one after another; a
 * line wider than the screen is cut at a column boundary. The main loop scrolls a document with
 * the moving keys (pager_scroll); the screen that owns it rebuilds its lines when what it shows
 * changes.
 */
#ifndef GK_PAGER_H
#define GK_PAGER_H

#include <stddef.h>

#include "draw.h"
#include "keymap.h"

struct pager_seg {
	char *text;
	enum draw_role role;
};

struct pager_line {
	struct pager_seg *seg;
	size_t n;
};

struct pager {
	struct pager_line *line;
	size_t n, cap;
	int top;      /* the first line shown */
	int height;   /* lines shown at the last draw */
	int left;     /* the first column shown: a table wider than the window scrolls sideways */
	int width;    /* columns shown at the last draw */
};

/* Empties the document (keeping the scroll position, clamped at the next draw). */
void pager_clear(struct pager *d);
void pager_release(struct pager *d);

/* Adds one line of one segment (text without line breaks). */
void pager_add(struct pager *d, enum draw_role role, const char *text);
void pager_addf(struct pager *d, enum draw_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Adds a segment to the last line (a new line when there is none). */
void pager_seg(struct pager *d, enum draw_role role, const char *text);
/* Adds text of several lines (split at line breaks), each wrapped to width columns and
 * indented by indent spaces. */
void pager_add_wrapped(struct pager *d, enum draw_role role, const char *text, int indent,
		     int width);
/* The same with a hanging indent: the lines after the first start `hang` columns further in,
 * so an entry of a list that wraps is seen as one. */
void pager_add_hanging(struct pager *d, enum draw_role role, const char *text, int indent,
		     int hang, int width);
void pager_blank(struct pager *d);

/* Draws the lines from d->top in rows y … y+h-1, columns x … x+w-1. */
void pager_draw(struct pager *d, int y, int x, int h, int w);

/* Scrolls for a moving action (A_UP, A_DOWN, A_PGUP, A_PGDN, A_HOME, A_END, and sideways
 * A_SCROLL_LEFT, A_SCROLL_RIGHT); false for any other action. */
bool pager_scroll(struct pager *d, enum action a);

#endif
