/*
 * test_listview.c — the list's cursor and scrolling over a source that hands out rows a page at
 * a time by keyset, as the store does: the list never holds more than its cap, moving by one
 * row or a page lands on the right row of a 100,000-row list, and a jump finds a row (or the
 * one after it when it went away) with the rows above it on the screen.
 */
#include "testutil.h"

#include "listview.h"

/* The whole list: sorted distinct values, as the store's (list_key, id) order. */
struct fake {
	long *all;
	size_t total;
	long held[4096], staged[4096];
	size_t nheld, nstaged;
	long target;        /* the value lv_jump goes to */
	int fetches;
	bool fail;
};

/* The index of the first value of the list greater than v (greater or equal when inclusive). */
static size_t bound(const struct fake *f, long v, bool inclusive)
{
	size_t lo = 0, hi = f->total;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (inclusive ? f->all[mid] < v : f->all[mid] <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static long fetch(void *ctx, size_t anchor, bool backward, size_t max)
{
	struct fake *f = ctx;
	f->fetches++;
	if (f->fail)
		return -1;
	size_t from, to;
	if (!backward) {
		from = anchor == LV_EDGE ? 0 : bound(f, f->held[anchor], false);
		to = from + max < f->total ? from + max : f->total;
	} else {
		to = anchor == LV_EDGE ? f->total
		   : anchor == LV_TARGET ? bound(f, f->target, true)
					  : bound(f, f->held[anchor], true);
		from = to > max ? to - max : 0;
	}
	f->nstaged = to - from;
	memcpy(f->staged, f->all + from, f->nstaged * sizeof(long));
	return (long)f->nstaged;
}

static void splice(void *ctx, size_t from, size_t to, bool backward)
{
	struct fake *f = ctx;
	long keep[4096];
	size_t nkeep = to - from;
	assert_true(from <= to && to <= f->nheld);
	memcpy(keep, f->held + from, nkeep * sizeof(long));
	if (backward) {
		memcpy(f->held, f->staged, f->nstaged * sizeof(long));
		memcpy(f->held + f->nstaged, keep, nkeep * sizeof(long));
	} else {
		memcpy(f->held, keep, nkeep * sizeof(long));
		memcpy(f->held + nkeep, f->staged, f->nstaged * sizeof(long));
	}
	f->nheld = nkeep + f->nstaged;
	f->nstaged = 0;
}

static struct fake *fake_new(size_t total)
{
	struct fake *f = calloc(1, sizeof *f);
	f->all = malloc((total ? total : 1) * sizeof(long));
	for (size_t i = 0; i < total; i++)
		f->all[i] = (long)i * 10;   /* gaps, so a jump can aim between rows */
	f->total = total;
	return f;
}

static void fake_free(struct fake *f)
{
	free(f->all);
	free(f);
}

/* The list is consistent: holds what the source handed out, in order, contiguous in the whole
 * list, within its cap, with the cursor on the screen. Returns the value under the cursor. */
static long check(const struct listview *lv, const struct fake *f)
{
	assert_int_equal(lv->n, f->nheld);
	assert_true(lv->n <= lv->cap);
	if (lv->n == 0)
		return -1;
	size_t first = bound(f, f->held[0], true);
	for (size_t i = 0; i < lv->n; i++)
		assert_int_equal(f->held[i], f->all[first + i]);
	if (!lv->more_before)
		assert_int_equal(first, 0);
	if (!lv->more_after)
		assert_int_equal(first + lv->n, f->total);
	assert_true(lv->cur < lv->n);
	assert_true(lv->top <= lv->cur && lv->cur < lv->top + (size_t)lv->height);
	/* the screen is full whenever the list has the rows for it */
	size_t shown = lv->n - lv->top < (size_t)lv->height ? lv->n - lv->top : (size_t)lv->height;
	if (f->total >= (size_t)lv->height)
		assert_int_equal(shown, (size_t)lv->height);
	return f->held[lv->cur];
}

#define SRC(f) { f, fetch, splice }

static void test_move_by_rows(void **state)
{
	(void)state;
	struct fake *f = fake_new(100000);
	struct lv_source src = SRC(f);
	struct listview lv;
	lv_init(&lv, 20, 0);
	assert_int_equal(lv.cap, 60);
	assert_true(lv_home(&lv, &src));
	assert_int_equal(check(&lv, f), 0);
	for (long i = 1; i <= 1000; i++) {
		assert_true(lv_move(&lv, &src, 1));
		assert_int_equal(check(&lv, f), i * 10);
		assert_int_equal(lv.cur - lv.top, i < 20 ? (size_t)i : 19);
	}
	/* one row at a time costs a fetch only every couple of screens */
	assert_true(f->fetches < 1000 / 20);
	for (long i = 999; i >= 0; i--) {
		assert_true(lv_move(&lv, &src, -1));
		assert_int_equal(check(&lv, f), i * 10);
	}
	assert_true(lv_move(&lv, &src, -1));   /* at the top: stays */
	assert_int_equal(check(&lv, f), 0);
	fake_free(f);
}

static void test_pages_and_ends(void **state)
{
	(void)state;
	struct fake *f = fake_new(100000);
	struct lv_source src = SRC(f);
	struct listview lv;
	lv_init(&lv, 20, 100);
	assert_true(lv_home(&lv, &src));
	lv_move(&lv, &src, 5);
	for (int k = 1; k <= 30; k++) {
		assert_true(lv_page(&lv, &src, 1));
		assert_int_equal(check(&lv, f), (5 + 20L * k) * 10);
		assert_int_equal(lv.cur - lv.top, 5);   /* the cursor keeps its place on the screen */
	}
	for (int k = 29; k >= 0; k--) {
		assert_true(lv_page(&lv, &src, -1));
		assert_int_equal(check(&lv, f), (5 + 20L * k) * 10);
		assert_int_equal(lv.cur - lv.top, 5);
	}
	assert_true(lv_page(&lv, &src, -1));
	assert_int_equal(check(&lv, f), 0);

	assert_true(lv_end(&lv, &src));
	assert_int_equal(check(&lv, f), 999990);
	assert_int_equal(lv.cur - lv.top, 19);
	assert_true(lv_move(&lv, &src, 1));
	assert_int_equal(check(&lv, f), 999990);
	assert_true(lv_page(&lv, &src, 1));
	assert_int_equal(check(&lv, f), 999990);
	assert_true(lv_move(&lv, &src, -25));
	assert_int_equal(check(&lv, f), 999740);
	/* far jumps in both directions, through many fetches */
	assert_true(lv_move(&lv, &src, -50000));
	assert_int_equal(check(&lv, f), 499740);
	assert_true(lv_move(&lv, &src, -1000000));
	assert_int_equal(check(&lv, f), 0);
	assert_true(lv_move(&lv, &src, 1000000));
	assert_int_equal(check(&lv, f), 999990);
	assert_true(lv_home(&lv, &src));
	assert_int_equal(check(&lv, f), 0);
	fake_free(f);
}

static void test_jump(void **state)
{
	(void)state;
	struct fake *f = fake_new(100000);
	struct lv_source src = SRC(f);
	struct listview lv;
	lv_init(&lv, 20, 0);
	assert_true(lv_home(&lv, &src));
	f->target = 500000;
	assert_true(lv_jump(&lv, &src, 5));
	assert_int_equal(check(&lv, f), 500000);
	assert_int_equal(lv.cur - lv.top, 5);
	/* the row went away (or moved): the cursor lands on the row after where it was */
	f->target = 500005;
	assert_true(lv_jump(&lv, &src, 5));
	assert_int_equal(check(&lv, f), 500010);
	/* near the start there are fewer rows above */
	f->target = 20;
	assert_true(lv_jump(&lv, &src, 10));
	assert_int_equal(check(&lv, f), 20);
	assert_int_equal(lv.top, 0);
	f->target = 0;
	assert_true(lv_jump(&lv, &src, 0));
	assert_int_equal(check(&lv, f), 0);
	/* past the last row: the last row, the screen full */
	f->target = 2000000;
	assert_true(lv_jump(&lv, &src, 3));
	assert_int_equal(check(&lv, f), 999990);
	assert_int_equal(lv.cur - lv.top, 19);
	/* a row far below the screen's height is clamped to it */
	f->target = 300000;
	assert_true(lv_jump(&lv, &src, 99));
	assert_int_equal(check(&lv, f), 300000);
	assert_int_equal(lv.cur - lv.top, 19);
	/* moving on from a jump fetches on both sides */
	assert_true(lv_move(&lv, &src, -100));
	assert_int_equal(check(&lv, f), 299000);
	assert_true(lv_move(&lv, &src, 300));
	assert_int_equal(check(&lv, f), 302000);
	fake_free(f);
}

static void test_short_and_empty(void **state)
{
	(void)state;
	struct fake *f = fake_new(5);
	struct lv_source src = SRC(f);
	struct listview lv;
	lv_init(&lv, 20, 0);
	assert_true(lv_home(&lv, &src));
	assert_false(lv.more_after);
	assert_int_equal(check(&lv, f), 0);
	assert_true(lv_page(&lv, &src, 1));
	assert_int_equal(check(&lv, f), 40);
	assert_true(lv_end(&lv, &src));
	assert_int_equal(lv.top, 0);
	assert_int_equal(check(&lv, f), 40);
	assert_true(lv_select(&lv, 2));
	assert_int_equal(check(&lv, f), 20);
	assert_false(lv_select(&lv, 5));
	/* a smaller screen (a resize) keeps the cursor visible */
	lv_set_height(&lv, 2);
	assert_int_equal(check(&lv, f), 20);
	assert_true(lv.cap >= 6);
	fake_free(f);

	f = fake_new(0);
	src.ctx = f;
	lv_init(&lv, 20, 0);
	assert_true(lv_home(&lv, &src));
	assert_int_equal(lv.n, 0);
	assert_true(lv_move(&lv, &src, 3));
	assert_true(lv_page(&lv, &src, -1));
	assert_true(lv_end(&lv, &src));
	assert_int_equal(lv.n, 0);
	f->target = 10;
	assert_true(lv_jump(&lv, &src, 4));
	assert_int_equal(lv.n, 0);
	assert_int_equal(lv.cur, 0);
	fake_free(f);
}

static void test_held_whole(void **state)
{
	(void)state;
	struct listview lv;
	struct lv_source none = { NULL, NULL, NULL };
	lv_init(&lv, 10, 0);
	lv_set_all(&lv, 35);
	assert_true(lv_move(&lv, &none, 12));
	assert_int_equal(lv.cur, 12);
	assert_int_equal(lv.top, 3);
	assert_true(lv_page(&lv, &none, 1));
	assert_int_equal(lv.cur, 22);
	assert_int_equal(lv.top, 13);
	assert_true(lv_move(&lv, &none, 100));
	assert_int_equal(lv.cur, 34);
	assert_int_equal(lv.top, 25);
	lv_set_all(&lv, 4);   /* fewer rows now (a year with fewer holidays) */
	assert_int_equal(lv.cur, 3);
	assert_int_equal(lv.top, 0);
}

static void test_fetch_error(void **state)
{
	(void)state;
	struct fake *f = fake_new(1000);
	struct lv_source src = SRC(f);
	struct listview lv;
	lv_init(&lv, 20, 0);
	assert_true(lv_home(&lv, &src));
	f->fail = true;
	assert_false(lv_move(&lv, &src, 100));
	assert_false(lv_home(&lv, &src));
	f->fail = false;
	assert_int_equal(check(&lv, f), 0);   /* left as it was */
	assert_true(lv_move(&lv, &src, 100));
	assert_int_equal(check(&lv, f), 1000);
	fake_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move_by_rows),
		cmocka_unit_test(test_pages_and_ends),
		cmocka_unit_test(test_jump),
		cmocka_unit_test(test_short_and_empty),
		cmocka_unit_test(test_held_whole),
		cmocka_unit_test(test_fetch_error),
	};
	return gk_run_tests(tests, NULL, NULL);
}
