/*
 * tui.h — the terminal interface (docs/manual.md): its entry point, and what the screens share.
 *
 * The interface is a stack of screens over one open database. Each screen is a struct view, a
 * small set of operations like tig's view_ops: enter (load what it shows), layout (after a
 * resize), draw, handle (its own actions), reload (after a save here or another clerk's change
 * elsewhere). The main loop in tui.c reads keys, asks keymap for the action in the screen's
 * scope, lets the screen handle it, and handles what is left once for all: moving, help,
 * switching screens, quitting. Popups and forms run their own loop on top (tui_draw draws the
 * screen under them first, then each open overlay).
 */
#ifndef GK_TUI_H
#define GK_TUI_H

#include <stdbool.h>

#include "keymap.h"
#include "listview.h"
#include "status.h"

struct diag;
struct store;
struct pager;

/* The smallest terminal the screens are drawn in; below it a notice says so. */
#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 16

struct tui;

struct view {
	const char *name;                     /* 申请列表 */
	enum km_scope (*scope)(void);         /* the key table in force now */
	void (*enter)(struct tui *t);         /* becomes the current screen */
	void (*layout)(struct tui *t);        /* the area (tui_area) changed */
	void (*draw)(struct tui *t);
	/* an action in the screen's scope: true when the screen took it */
	bool (*handle)(struct tui *t, enum action a, int key);
	void (*reload)(struct tui *t);        /* the database changed */
	void (*status)(struct tui *t, struct strbuf *out);   /* its part of the status line */
	void (*click)(struct tui *t, int y, int x);          /* a mouse click in the area */
	/* moving: the main loop moves a list's cursor or scrolls a document */
	struct listview *lv;
	const struct lv_source *src;
	struct pager *pager;
};

struct tui {
	struct store *s;
	int today;
	int year;              /* the year of 年度统计, 年报 and 节假日 */
	bool readonly;
	long long late;        /* applications late today (the status line) */
	const struct view *stack[4];
	int depth;
	char *msg;             /* the message shown in the status line until the next key */
	bool msg_error;
	long long msg_at;      /* when it was set (seconds); it goes after a while untouched */
	bool quit;
};

/* Runs the interface on the open database s (the caller keeps and closes it), with `today`
 * as the day the clock counts to, until the clerk quits. Returns the exit status: 0, or 64
 * when there is no terminal to draw in. */
int tui_main(struct store *s, int today);

/* The area a screen draws in: rows top … top+height-1, all columns. */
void tui_area(int *top, int *height);

/* A message for the status line (shown until the next key); error ones stand out. */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Shows a failed operation: the status's sentence and the diag's last line (the store's
 * Chinese message naming what and where). */
void tui_fail(struct tui *t, enum status st, const struct diag *d);

/* Refuses a change on a read-only database with a message; true when it refused. */
bool tui_refuse_readonly(struct tui *t);

/* Opens a screen on top of the current one (详情 over 申请列表). */
void tui_push(struct tui *t, const struct view *v);
/* Closes the top screen (never the last). */
void tui_pop(struct tui *t);

/* Something was saved here: the screens and the late count reload. */
void tui_changed(struct tui *t);

/* Draws everything: the chrome, the current screen, and the open overlays (popups, forms),
 * or the too-small notice; then refreshes. */
void tui_draw(struct tui *t);

/* Overlays drawn by tui_draw on top of the screen, in the order they were pushed; the top
 * one's scope gives the hint bar and the help. */
typedef void tui_overlay_fn(struct tui *t, void *ctx);
void tui_push_overlay(tui_overlay_fn *fn, void *ctx, enum km_scope scope);
void tui_pop_overlay(void);

/* The year keys of 年度统计, 年报 and 节假日 ([, ], Left, Right, y) on t->year; true when the
 * action was one of them (the year may be unchanged: the clerk gave up, or asked for an
 * impossible year, which a message says). */
bool tui_year_action(struct tui *t, enum action a, bool *changed);

/* Shows the help of a scope (every key, from the key tables) until Esc. */
void tui_help(struct tui *t, enum km_scope scope);

/* Whether the terminal is at least TUI_MIN_COLS × TUI_MIN_LINES. */
bool tui_big_enough(void);

/* Called while drawing by whoever edits text: shows the terminal's cursor there after the
 * draw (it is hidden otherwise). */
void tui_cursor(int y, int x);

/* Reads a key for a popup's or a form's own loop: draws first, handles a resize (by drawing
 * again) and the once-a-second check for other clerks' changes, so the caller sees only keys
 * and mouse events. */
int tui_key(struct tui *t);

#endif
