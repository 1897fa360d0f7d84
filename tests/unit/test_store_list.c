/*
 * test_store_list.c — the store functions the terminal interface added: store_list_get, the list
 * line of one application, which must locate it in the keyset list exactly as
 * store_list_page does (the interface moves its cursor there after a save).
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_get),
	};
	return gk_run_tests(tests, NULL, NULL);
}
