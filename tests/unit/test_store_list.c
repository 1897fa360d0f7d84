/*
 * test_store_list.c — the list a page at a time: store_list_get, the list line of one
 * application, which must locate it in the keyset list exactly as store_list_page does (the
 * interface moves its cursor there after a save); and the list of every year, merged from each
 * year's range of the year index (in each of its two parts, before and after the split),
 * in one order whichever way it is paged.
 */
#include "testutil.h"

static long long add(struct store *s, const char *name, int received, int answered)
{
	struct app a;
	struct diag d = DIAG_INIT;
	app_init(&a);
	app_set_text(&a.applicant, name);
	a.type = AT_PERSON;
	a.d.received = received;
	if (answered != DATE_NONE) {
		a.d.answered = answered;
		a.outcome = R_GRANTED;
	}
	assert_int_equal(store_app_insert(s, &a, &d), ST_OK);
	long long id = a.id;
	app_release(&a);
	diag_release(&d);
	return id;
}

static void test_list_get(void **state)
{
	(void)state;
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_open(":memory:", 0, &s, &d), ST_OK);
	long long open_id = add(s, "张三", date_from_ymd(2023, 12, 1), DATE_NONE);
	long long done_id = add(s, "李四", date_from_ymd(2023, 11, 1), date_from_ymd(2023, 11, 20));

	/* the whole list, in its order */
	struct list_query q = { .filter = LF_ALL, .today = date_from_ymd(2023, 12, 20) };
	struct list_page all = { 0 }, one = { 0 };
	assert_int_equal(store_list_page(s, &q, NULL, 0, false, 10, &all, &d), ST_OK);
	assert_int_equal(all.n, 2);
	for (size_t i = 0; i < all.n; i++) {
		assert_int_equal(store_list_get(s, all.rows[i].id, &one, &d), ST_OK);
		assert_int_equal(one.n, 1);
		assert_int_equal(one.rows[0].id, all.rows[i].id);
		assert_string_equal(one.rows[0].key, all.rows[i].key);
		assert_string_equal(one.rows[0].applicant, all.rows[i].applicant);
		assert_int_equal(one.rows[0].state, all.rows[i].state);
		assert_int_equal(one.rows[0].due, all.rows[i].due);
	}
	assert_int_equal(all.rows[0].id, open_id);   /* running ones first */
	assert_int_equal(all.rows[1].id, done_id);

	/* its key finds it: the rows strictly after the one before it start with it */
	assert_int_equal(store_list_get(s, done_id, &one, &d), ST_OK);
	struct list_page before = { 0 };
	assert_int_equal(store_list_page(s, &q, one.rows[0].key, done_id, true, 1, &before, &d),
			 ST_OK);
	assert_int_equal(before.n, 1);
	assert_int_equal(before.rows[0].id, open_id);

	/* whatever the filter, and none for an id that does not exist */
	assert_int_equal(store_list_get(s, 999, &one, &d), ST_NOTFOUND);
	assert_int_equal(one.n, 0);
	assert_true(strstr(diag_last(&d), "找不到该申请") != NULL);
	store_list_page_release(&all);
	store_list_page_release(&one);
	store_list_page_release(&before);
	diag_release(&d);
	store_close(&s);
}

/* Every row of the list of q, paged by `size` from the start (or from the end, backward),
 * ids in list order into ids; how many. Checks each page's keys are in list order. */
static size_t walk(struct store *s, const struct list_query *q, bool backward, size_t size,
		   long long *ids, size_t max)
{
	struct list_page page = { 0 };
	struct diag d = DIAG_INIT;
	char *key = NULL;
	long long id = 0;
	size_t n = 0;
	for (;;) {
		assert_int_equal(store_list_page(s, q, key, id, backward, size, &page, &d), ST_OK);
		if (page.n == 0)
			break;
		assert_true(page.n <= size);
		for (size_t i = 0; i < page.n; i++) {
			size_t at = backward ? page.n - 1 - i : i;
			assert_true(n < max);
			ids[n++] = page.rows[at].id;
		}
		free(key);
		const struct list_row *edge = &page.rows[backward ? 0 : page.n - 1];
		key = strdup(edge->key);
		id = edge->id;
	}
	free(key);
	if (backward)
		for (size_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {
			long long t = ids[i];
			ids[i] = ids[j];
			ids[j] = t;
		}
	store_list_page_release(&page);
	diag_release(&d);
	return n;
}

/* The lines of the ids, in that order, are in list order: keys never go down, and ids go up
 * where keys are equal. */
static void assert_list_order(struct store *s, const long long *ids, size_t n)
{
	struct list_page one = { 0 };
	struct diag d = DIAG_INIT;
	char *last = NULL;
	long long last_id = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(store_list_get(s, ids[i], &one, &d), ST_OK);
		const char *key = one.rows[0].key;
		if (last) {
			int c = strcmp(last, key);
			if (c > 0 || (c == 0 && last_id >= ids[i]))
				fail_msg("row %zu (id %lld, key %s) after id %lld, key %s", i, ids[i], key,
					 last_id, last);
		}
		free(last);
		last = strdup(key);
		last_id = ids[i];
	}
	free(last);
	store_list_page_release(&one);
	diag_release(&d);
}

/* The rows before `split_after` are added in one large import (before the split of the large
 * indexes), the others one by one (after it): 0, all recent; all, none recent. */
static void list_of_every_year_merged_in_order(size_t split_after)
{
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_open(":memory:", 0, &s, &d), ST_OK);
	struct list_query q = { .filter = LF_ALL, .today = date_from_ymd(2024, 3, 1),
				.soon_until = date_from_ymd(2024, 3, 10) };
	struct list_page page = { 0 };
	long long n = -1;
	/* no application at all: an empty list, counted 0 */
	assert_int_equal(store_list_page(s, &q, NULL, 0, false, 5, &page, &d), ST_OK);
	assert_int_equal(page.n, 0);
	assert_int_equal(store_list_count(s, &q, &n, &d), ST_OK);
	assert_int_equal(n, 0);

	/* years with gaps between them (2009, 2013, 2014, 2023, 2024); answers that fall in the
	 * next year, so that one answer day (one key) is shared by applications of two years;
	 * some still open; one voided */
	static const struct {
		int y, m, d, ay, am, ad;
	} rows[] = {
		{ 2009, 5, 4, 2009, 5, 20 }, { 2009, 12, 28, 2010, 1, 15 }, { 2013, 3, 1, 2013, 3, 20 },
		{ 2013, 12, 20, 2014, 1, 10 }, { 2014, 1, 2, 2014, 1, 10 }, { 2014, 1, 3, 2014, 1, 10 },
		{ 2013, 12, 30, 2014, 1, 10 }, { 2014, 6, 1, 0, 0, 0 }, { 2023, 2, 1, 2023, 2, 9 },
		{ 2023, 12, 25, 2024, 1, 5 }, { 2024, 1, 3, 2024, 1, 5 }, { 2024, 2, 1, 0, 0, 0 },
		{ 2024, 2, 20, 0, 0, 0 }, { 2023, 11, 1, 2023, 11, 2 }, { 2009, 1, 5, 2009, 1, 6 },
		{ 2014, 8, 8, 2014, 9, 9 }, { 2024, 2, 28, 0, 0, 0 }, { 2013, 7, 7, 2013, 7, 8 },
	};
	size_t total = sizeof rows / sizeof rows[0];
	long long voided = 0;
	for (size_t i = 0; i < total; i++) {
		if (i == 0 && split_after > 0)
			bulk_begin(s, 1000);   /* both parts built whole: a file this small */
		long long id = add(s, "王某", date_from_ymd(rows[i].y, rows[i].m, rows[i].d),
				   rows[i].ay ? date_from_ymd(rows[i].ay, rows[i].am, rows[i].ad) :
				   DATE_NONE);
		if (i + 1 == split_after)
			bulk_end(s);
		if (i == 4)
			voided = id;
	}
	assert_int_equal(store_split(s), (long long)split_after);
	assert_int_equal(store_app_void(s, voided, 0, "录入重复", NULL, &d), ST_OK);

	/* forward and backward, by pages of 1, 2, 3 and 50: the same rows in the same order, in
	 * list order, every application but the voided one once */
	long long first[64], ids[64];
	size_t got = walk(s, &q, false, 50, first, 64);
	assert_int_equal(got, total - 1);
	assert_list_order(s, first, got);
	for (size_t i = 0; i < got; i++) {
		assert_true(first[i] != voided);
		for (size_t j = 0; j < i; j++)
			assert_true(first[i] != first[j]);
	}
	assert_int_equal(store_list_count(s, &q, &n, &d), ST_OK);
	assert_int_equal(n, (long long)got);
	for (size_t size = 1; size <= 3; size++)
		for (int back = 0; back <= 1; back++) {
			assert_int_equal(walk(s, &q, back, size, ids, 64), got);
			assert_memory_equal(ids, first, got * sizeof *ids);
		}

	/* the filters that are a range of the list, over every year: each a part of the whole
	 * list, in its order, and counted as many */
	static const enum list_filter parts[] = { LF_OPEN, LF_DONE, LF_VOIDED, LF_LATE, LF_SOON };
	size_t open = 0, done = 0;
	for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
		struct list_query p = q;
		p.filter = parts[k];
		size_t m = walk(s, &p, false, 2, ids, 64);
		assert_list_order(s, ids, m);
		assert_int_equal(store_list_count(s, &p, &n, &d), ST_OK);
		assert_int_equal(n, (long long)m);
		if (parts[k] == LF_OPEN)
			open = m;
		if (parts[k] == LF_DONE)
			done = m;
		if (parts[k] == LF_VOIDED) {
			assert_int_equal(m, 1);
			assert_int_equal(ids[0], voided);
		}
	}
	assert_int_equal(open, 4);
	assert_int_equal(open + done, got);

	/* an application of a year the file did not hold yet is in the next page read */
	long long later = add(s, "李某", date_from_ymd(2025, 1, 2), DATE_NONE);
	long long early = add(s, "赵某", date_from_ymd(2001, 6, 1), date_from_ymd(2001, 6, 2));
	size_t now = walk(s, &q, false, 4, ids, 64);
	assert_int_equal(now, got + 2);
	assert_list_order(s, ids, now);
	assert_int_equal(ids[open], later);   /* due latest: the last of the running ones */
	assert_int_equal(ids[now - 1], early);   /* answered earliest: last */

	store_list_page_release(&page);
	diag_release(&d);
	store_close(&s);
}

static void test_list_of_every_year_merged_in_order(void **state)
{
	(void)state;
	list_of_every_year_merged_in_order(0);
}

/* Every year in both parts of the index, and some (2009 and 2013 early, 2024 late) in one */
static void test_list_merged_across_the_split(void **state)
{
	(void)state;
	list_of_every_year_merged_in_order(1);
	list_of_every_year_merged_in_order(7);
	list_of_every_year_merged_in_order(11);
	list_of_every_year_merged_in_order(18);
}

/* One application in each year from 1900 to 2026 (the oldest receipt date the program takes to
 * this year): 127 arms in the merge, still one list in order. */
static void test_list_of_every_year_with_many_years(void **state)
{
	(void)state;
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_open(":memory:", 0, &s, &d), ST_OK);
	size_t years = 0, open = 0;
	for (int y = 1900; y <= 2026; y++, years++) {
		add(s, "王某", date_from_ymd(y, 6, 1), y % 3 ? date_from_ymd(y, 6, 20) : DATE_NONE);
		open += y % 3 == 0;
	}
	assert_int_equal(years, 127);
	struct list_query q = { .filter = LF_ALL, .today = date_from_ymd(2026, 7, 1) };
	long long ids[200], back[200];
	assert_int_equal(walk(s, &q, false, 7, ids, 200), years);
	assert_list_order(s, ids, years);
	assert_int_equal(walk(s, &q, true, 5, back, 200), years);
	assert_memory_equal(back, ids, years * sizeof *ids);
	long long n;
	q.filter = LF_DONE;
	assert_int_equal(store_list_count(s, &q, &n, &d), ST_OK);
	assert_int_equal(n, (long long)(years - open));   /* every third year still open */
	diag_release(&d);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_get),
		cmocka_unit_test(test_list_of_every_year_merged_in_order),
		cmocka_unit_test(test_list_merged_across_the_split),
		cmocka_unit_test(test_list_of_every_year_with_many_years),
	};
	return gk_run_tests(tests, NULL, NULL);
}
