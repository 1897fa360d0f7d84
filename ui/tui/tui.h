/*
 * tui.h — the terminal interface (docs/manual.md): its entry point, and what the screens share.
 *
 * The interface is a stack of screens over one open database. Each kind of screen is a struct
 * view_ops, a small set of operations like tig's: enter (load what it shows), layout (after a
 * resize), draw, handle (its own actions), reload (after a save here or another clerk's change
 * elsewhere). A struct view is one screen made from its ops, with its own state (v->priv), so
 * two screens never share a static. The main loop in tui.c reads keys, asks keymap for the
 * action in the screen's scope, lets the screen handle it, and handles what is left once for
 * all: moving, help, switching screens, quitting. Popups and forms run their own loop on top
 * (tui_draw draws the screen under them first, then each open overlay). tui.c knows no screen
 * by name: the screens of the top line are given to tui_run (screens.c).
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

struct view;

struct view_ops {
	const char *name;                              /* 申请列表 */
	size_t size;                                   /* of the screen's state (v->priv) */
	/* once, when the view is made: points lv, src or pager into the state; may be NULL */
	void (*init)(struct view *v);
	/* frees what the state holds (not the state itself); may be NULL */
	void (*release)(struct view *v);
	enum km_scope (*scope)(struct view *v);        /* the key table in force now */
	void (*enter)(struct tui *t, struct view *v);  /* becomes the current screen */
	void (*layout)(struct tui *t, struct view *v); /* the area (tui_area) changed */
	void (*draw)(struct tui *t, struct view *v);
	/* an action in the screen's scope: true when the screen took it */
	bool (*handle)(struct tui *t, struct view *v, enum action a, int key);
	void (*reload)(struct tui *t, struct view *v); /* the database changed */
	/* its part of the status line */
	void (*status)(struct tui *t, struct view *v, struct strbuf *out);
	/* a mouse click in the area */
	void (*click)(struct tui *t, struct view *v, int y, int x);
};

struct view {
	const struct view_ops *ops;
	void *priv;                   /* the screen's own state: ops->size bytes, zeroed at first */
	/* moving: the main loop moves a list's cursor or scrolls a pager */
	struct listview *lv;
	const struct lv_source *src;
	struct pager *pager;
};

/* A new view of ops, its state zeroed and ops->init run; view_free releases it and NULLs *v. */
struct view *view_new(const struct view_ops *ops);
void view_free(struct view **v);

#define TUI_MAX_SCREENS 8

struct tui {
	struct store *s;
	int today;
	int year;              /* the year of 年度统计, 年报 and 节假日 */
	bool readonly;
	long long late;        /* applications late today (the status line) */
	/* the screens of the top line, in key order (1, 2, …): made once, kept until the end */
	struct view *screens[TUI_MAX_SCREENS];
	size_t nscreens;
	/* what is shown: a screen of the top line, and what was opened over it (详情), which
	 * belongs to the stack and is freed when it is closed */
	struct view *stack[4];
	int depth;
	char *msg;             /* the message shown in the status line until the next key */
	bool msg_error;
	long long msg_at;      /* when it was set (seconds); it goes after a while untouched */
	bool quit;
};

/* Runs the interface on the open database s (the caller keeps and closes it), with `today`
 * as the day the clock counts to, until the clerk quits. ST_USAGE (after a line on stderr)
 * when there is no terminal to draw in. Defined in screens.c, which lists the screens. */
enum status tui_main(struct store *s, int today);

/* The main loop over the screens of the top line (screens[0] first, the one `q` returns to;
 * the keys A_SCREEN_LIST, A_SCREEN_LIST + 1, … choose them in order). */
enum status tui_run(struct store *s, int today, const struct view_ops *const *screens,
		    size_t n);

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

/* Opens a new screen on top of the current one (详情 over 申请列表); the stack owns v and
 * frees it when it is closed. */
void tui_push(struct tui *t, struct view *v);
/* Closes the top screen (never the last). */
void tui_pop(struct tui *t);
/* Makes screen i of the top line (0 is the list) the current one, as its number key does. */
void tui_switch(struct tui *t, size_t i);

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
