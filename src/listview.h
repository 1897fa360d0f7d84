/*
 * listview.h — the cursor and the scrolling of a list that holds only a page of its rows.
 *
 * The application list may hold a million rows; the screen holds a page of them around the
 * cursor (at most `cap`, a few screens' worth) and fetches the next or previous rows by keyset
 * when the cursor leaves it. This module does the arithmetic: where the cursor and the first
 * shown row are, when to fetch, which held rows to keep. The rows themselves stay with the
 * caller, who fetches and splices them through struct lv_source; nothing here knows what a row
 * is. A short list held whole (a year's holidays) uses it too, with more_before/after false.
 */
#ifndef GK_LISTVIEW_H
#define GK_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

/* Anchors of a fetch besides a held row's index. */
#define LV_EDGE ((size_t)-1)     /* from the start (forward) or the end (backward) */
#define LV_TARGET ((size_t)-2)   /* before the row the caller is jumping to (lv_jump) */

/*
 * The caller's rows. fetch puts into a staging area up to max rows next to the anchor: the
 * first max strictly after it (forward) or the last max strictly before it (backward). The
 * anchor is a held row's index, LV_EDGE (forward: from the start; backward: from the end), or
 * LV_TARGET (backward only: before the row lv_jump goes to, a row that may no longer exist).
 * fetch returns how many rows it staged, or -1 on an error. splice then makes the held rows:
 * the held rows [from, to) kept, with the staged rows, in list order, before them (backward) or
 * after them (forward); every other held row is dropped.
 */
struct lv_source {
	void *ctx;
	long (*fetch)(void *ctx, size_t anchor, bool backward, size_t max);
	void (*splice)(void *ctx, size_t from, size_t to, bool backward);
};

struct listview {
	size_t n;           /* rows held */
	size_t cur;         /* the cursor, an index into the held rows (0 when n is 0) */
	size_t top;         /* the first held row shown */
	int height;         /* rows shown (at least 1) */
	size_t cap;         /* the most rows held (kept at least three screens) */
	bool more_before;   /* rows exist before the first held one */
	bool more_after;    /* rows exist after the last held one */
};

/* An empty list showing height rows and holding at most cap (raised to 3 × height). */
void lv_init(struct listview *lv, int height, size_t cap);
/* A new height (after a resize); keeps the cursor visible. */
void lv_set_height(struct listview *lv, int height);
/* The list held whole: n rows, nothing more to fetch; the cursor kept within it. */
void lv_set_all(struct listview *lv, size_t n);

/* The first page (Home) / the last page (End), the cursor on the first / last row.
 * false on a fetch error. */
bool lv_home(struct listview *lv, const struct lv_source *src);
bool lv_end(struct listview *lv, const struct lv_source *src);

/* Moves the cursor by delta rows (negative: up), fetching as needed; stops at the ends.
 * The shown rows follow the cursor. false on a fetch error. */
bool lv_move(struct listview *lv, const struct lv_source *src, long delta);

/* Page down / up: the cursor and the shown rows move by a screen, the cursor keeping its
 * place on the screen where it can. */
bool lv_page(struct listview *lv, const struct lv_source *src, int pages);

/* Moves the cursor to the row the source calls LV_TARGET, showing it `row` lines below the
 * top of the screen where there are rows above it (row is clamped to the screen). When the
 * target no longer exists the cursor lands on the row after where it was, or the last row.
 * Used to find a search match and to reload after another clerk's change (target: the row
 * under the cursor, row: its place on the screen). false on a fetch error. */
bool lv_jump(struct listview *lv, const struct lv_source *src, int row);

/* Puts the cursor on held row i (e.g. a mouse click on a shown row); false if not held. */
bool lv_select(struct listview *lv, size_t i);

#endif
