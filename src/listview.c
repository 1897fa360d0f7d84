/*
 * listview.c — cursor, scrolling and keyset paging of a list held a page at a time.
 *
 * The held rows are a window on the whole list: when the cursor would leave it, the rows on
 * the screen are kept and the window is refilled beyond them with one fetch, so moving by one
 * row costs nothing and moving by a page costs at most one query, whatever the list's length.
 * Positions are indices into the held rows; a move is computed as a target index that fetching
 * shifts along with the rows, so it lands on the same row however the window moved.
 */
#include "listview.h"

#include <string.h>

static size_t min_cap(int height)
{
	return 3 * (size_t)height;
}

void lv_init(struct listview *lv, int height, size_t cap)
{
	memset(lv, 0, sizeof *lv);
	lv->height = height > 0 ? height : 1;
	lv->cap = cap > min_cap(lv->height) ? cap : min_cap(lv->height);
}

/* Keeps the cursor within the held rows and on the screen, and the screen full when the held
 * rows reach the end of the list. */
static void follow(struct listview *lv)
{
	size_t h = (size_t)lv->height;
	if (lv->n == 0) {
		lv->cur = lv->top = 0;
		return;
	}
	if (lv->cur >= lv->n)
		lv->cur = lv->n - 1;
	if (lv->top > lv->cur)
		lv->top = lv->cur;
	if (lv->cur >= lv->top + h)
		lv->top = lv->cur - h + 1;
	if (!lv->more_after && lv->top + h > lv->n)
		lv->top = lv->n > h ? lv->n - h : 0;
}

void lv_set_height(struct listview *lv, int height)
{
	lv->height = height > 0 ? height : 1;
	if (lv->cap < min_cap(lv->height))
		lv->cap = min_cap(lv->height);
	follow(lv);
}

void lv_set_all(struct listview *lv, size_t n)
{
	lv->n = n;
	lv->more_before = lv->more_after = false;
	follow(lv);
}

bool lv_select(struct listview *lv, size_t i)
{
	if (i >= lv->n)
		return false;
	lv->cur = i;
	follow(lv);
	return true;
}

bool lv_home(struct listview *lv, const struct lv_source *src)
{
	long got = src->fetch(src->ctx, LV_EDGE, false, lv->cap);
	if (got < 0)
		return false;
	src->splice(src->ctx, 0, 0, false);
	lv->n = (size_t)got;
	lv->cur = lv->top = 0;
	lv->more_before = false;
	lv->more_after = (size_t)got == lv->cap;
	follow(lv);
	return true;
}

bool lv_end(struct listview *lv, const struct lv_source *src)
{
	long got = src->fetch(src->ctx, LV_EDGE, true, lv->cap);
	if (got < 0)
		return false;
	src->splice(src->ctx, 0, 0, true);
	lv->n = (size_t)got;
	lv->cur = lv->n ? lv->n - 1 : 0;
	lv->more_before = (size_t)got == lv->cap;
	lv->more_after = false;
	follow(lv);
	return true;
}

/* Refills the window after its last row, keeping the held rows from keep_from on (at most
 * two screens, so at least a screen is fetched). *dropped is how far indices moved down. */
static bool extend_after(struct listview *lv, const struct lv_source *src, size_t keep_from,
			 size_t *dropped)
{
	size_t h = (size_t)lv->height;
	if (lv->n - keep_from > 2 * h)
		keep_from = lv->n - 2 * h;
	size_t kept = lv->n - keep_from, max = lv->cap - kept;
	long got = src->fetch(src->ctx, lv->n - 1, false, max);
	if (got < 0)
		return false;
	src->splice(src->ctx, keep_from, lv->n, false);
	lv->n = kept + (size_t)got;
	lv->cur = lv->cur > keep_from ? lv->cur - keep_from : 0;
	lv->top = lv->top > keep_from ? lv->top - keep_from : 0;
	lv->more_before = lv->more_before || keep_from > 0;
	lv->more_after = (size_t)got == max;
	*dropped = keep_from;
	return true;
}

/* Refills the window before its first row, keeping the held rows before keep_to (at most two
 * screens). *added is how far indices moved up. */
static bool extend_before(struct listview *lv, const struct lv_source *src, size_t keep_to,
			  size_t *added)
{
	size_t h = (size_t)lv->height;
	if (keep_to > 2 * h)
		keep_to = 2 * h;
	if (keep_to > lv->n)
		keep_to = lv->n;
	size_t max = lv->cap - keep_to;
	long got = src->fetch(src->ctx, 0, true, max);
	if (got < 0)
		return false;
	src->splice(src->ctx, 0, keep_to, true);
	bool dropped = keep_to < lv->n;
	lv->n = keep_to + (size_t)got;
	lv->cur = (lv->cur < keep_to ? lv->cur : (keep_to ? keep_to - 1 : 0)) + (size_t)got;
	lv->top = (lv->top < keep_to ? lv->top : 0) + (size_t)got;
	lv->more_before = (size_t)got == max;
	lv->more_after = lv->more_after || dropped;
	*added = (size_t)got;
	return true;
}

bool lv_move(struct listview *lv, const struct lv_source *src, long delta)
{
	if (lv->n == 0)
		return true;
	long target = (long)lv->cur + delta;
	size_t h = (size_t)lv->height;
	for (;;) {
		size_t shift;
		if (target >= (long)lv->n && lv->more_after) {
			/* the cursor leaves the window downwards: the last screen is all it still needs */
			if (!extend_after(lv, src, lv->n > h ? lv->n - h : 0, &shift))
				return false;
			target -= (long)shift;
		} else if (target < 0 && lv->more_before) {
			if (!extend_before(lv, src, h, &shift))
				return false;
			target += (long)shift;
		} else {
			break;
		}
	}
	if (target < 0)
		target = 0;
	if (target >= (long)lv->n)
		target = lv->n ? (long)lv->n - 1 : 0;
	lv->cur = (size_t)target;
	follow(lv);
	return true;
}

/* Fetches what the screen lacks: rows after the held ones when it runs past them, or rows
 * before when the held rows end the list and do not fill it from the top row down. */
static bool fill_screen(struct listview *lv, const struct lv_source *src)
{
	size_t h = (size_t)lv->height, shift;
	if (lv->more_after && lv->top + h > lv->n)
		return extend_after(lv, src, lv->top, &shift);
	if (!lv->more_after && lv->more_before && lv->n - lv->top < h && lv->n < lv->cap) {
		if (!extend_before(lv, src, lv->n, &shift))
			return false;
		lv->top = lv->n > h ? lv->n - h : 0;
	}
	return true;
}

bool lv_page(struct listview *lv, const struct lv_source *src, int pages)
{
	size_t rel = lv->cur - lv->top;
	if (!lv_move(lv, src, (long)pages * lv->height))
		return false;
	lv->top = lv->cur > rel ? lv->cur - rel : 0;
	if (!fill_screen(lv, src))
		return false;
	follow(lv);
	return true;
}

bool lv_jump(struct listview *lv, const struct lv_source *src, int row)
{
	if (row >= lv->height)
		row = lv->height - 1;
	if (row < 0)
		row = 0;
	/* at least one row before the target, to anchor the fetch of the target and what follows */
	size_t want = row > 0 ? (size_t)row : 1;
	long before = src->fetch(src->ctx, LV_TARGET, true, want);
	if (before < 0)
		return false;
	src->splice(src->ctx, 0, 0, true);
	lv->n = (size_t)before;
	lv->cur = lv->top = 0;
	size_t max = lv->cap - (size_t)before;
	long after = src->fetch(src->ctx, before ? (size_t)before - 1 : LV_EDGE, false, max);
	if (after < 0) {
		lv->more_before = lv->more_after = true;
		follow(lv);
		return false;
	}
	src->splice(src->ctx, 0, (size_t)before, false);
	lv->n = (size_t)before + (size_t)after;
	lv->more_before = (size_t)before == want;
	lv->more_after = (size_t)after == max;
	lv->cur = (size_t)before;
	lv->top = lv->cur > (size_t)row ? lv->cur - (size_t)row : 0;
	follow(lv);
	bool ok = fill_screen(lv, src);
	follow(lv);
	return ok;
}
