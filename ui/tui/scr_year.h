/*
 * scr_year.h — what the screens of a year (2 年度统计, 3 年报, 4 节假日) share: the year they
 * show (t->year) and its keys; and, for 年度统计 and 年报, a page of the year's figures that
 * is built again when the screen is entered, the year or the width changes, or the database
 * changes.
 */
#ifndef GK_SCR_YEAR_H
#define GK_SCR_YEAR_H

#include <stdbool.h>

#include "pager.h"
#include "tui.h"

/* The year keys ([, ], Left, Right, y) on t->year; true when the action was one of them (the
 * year may be unchanged: the clerk gave up, or asked for an impossible year, which a message
 * says). */
bool scr_year_action(struct tui *t, enum action a, bool *changed);

/*
 * The state a year page's screen begins with (its struct's first member, so that the view's
 * state is a struct yearpage): the page, and the function that fills it for t->year.
 */
struct yearpage {
	struct pager pager;
	int built_width;   /* COLS when it was last built; 0 before */
	void (*build)(struct tui *t, struct view *v);
};

/* For view_ops: init points v->pager at the page (build is set by the screen's own init);
 * enter and reload build; layout builds again when the width changed; draw shows the page
 * in the screen's area; release frees it. */
void yearpage_init(struct view *v, void (*build)(struct tui *t, struct view *v));
void yearpage_release(struct view *v);
void yearpage_enter(struct tui *t, struct view *v);
void yearpage_layout(struct tui *t, struct view *v);
void yearpage_draw(struct tui *t, struct view *v);
void yearpage_status(struct tui *t, struct view *v, struct strbuf *out);
/* The year keys on a year page: builds it again for the new year, from the top. */
bool yearpage_handle(struct tui *t, struct view *v, enum action a);

/* Adds text, line by line (each ending "\n"), to the page; role(line) gives each its role. */
void yearpage_add_lines(struct pager *p, const char *text,
			enum draw_role (*role)(const char *line, bool first));

#endif
