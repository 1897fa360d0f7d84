/*
 * test_agenda.c — what is due today: each item counted by its list filter, the case numbers in
 * list order, and the annual report's reminder from January to March until the year is locked.
 */
#include "testutil.h"

#include "agenda.h"

static const struct agenda_item *item(const struct agenda *ag, enum agenda_kind k)
{
	for (size_t i = 0; i < ag->n; i++)
		if (ag->items[i].kind == k)
			return &ag->items[i];
	return NULL;
}

static void test_items(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2023-10-09", NULL, NULL);   /* due 2023-11-06: late */
	put(s, &a);
	mkapp(&a, AT_PERSON, "2023-11-06", NULL, NULL);   /* 补正 limit passed */
	a.d.correction_sent = D("2023-11-07");
	a.d.correction_limit = D("2023-11-20");
	app_set_text(&a.correction_items, "身份证明");
	put(s, &a);
	struct agenda ag;
	assert_int_equal(agenda_build(s, D("2023-12-20"), true, &ag, NULL), ST_OK);
	const struct agenda_item *late = item(&ag, AG_LATE), *corr = item(&ag, AG_CORRECTION);
	assert_non_null(late);
	assert_int_equal(late->n, 1);
	assert_string_equal(late->cases[0], "2023-0001");
	assert_non_null(corr);
	assert_string_equal(corr->cases[0], "2023-0002");
	assert_null(item(&ag, AG_REPORT));
	struct strbuf sb = STRBUF_INIT;
	agenda_line(corr, true, &sb);
	assert_string_equal(sb_str(&sb), "补正期限已过（可按逾期不补正办结） 1 件：2023-0002");
	sb_release(&sb);
	agenda_release(&ag);
	/* the 补正 limit not passed yet: not due */
	assert_int_equal(agenda_build(s, D("2023-11-15"), false, &ag, NULL), ST_OK);
	assert_null(item(&ag, AG_CORRECTION));
	assert_non_null(item(&ag, AG_LATE));
	agenda_release(&ag);
	app_release(&a);
	store_close(&s);
}

static void test_report(void **state)
{
	(void)state;
	struct store *s = memstore();
	bool due;
	int year, left;
	assert_int_equal(agenda_report(s, D("2024-01-02"), &due, &year, &left, NULL), ST_OK);
	assert_true(due);
	assert_int_equal(year, 2023);
	assert_true(left > 0);
	assert_int_equal(agenda_report(s, D("2024-02-05"), &due, &year, &left, NULL), ST_OK);
	assert_true(due);
	assert_true(left < 0);
	assert_int_equal(agenda_report(s, D("2024-04-01"), &due, &year, &left, NULL), ST_OK);
	assert_false(due);
	assert_int_equal(store_year_lock(s, 2023, "{}", NULL), ST_OK);
	assert_int_equal(agenda_report(s, D("2024-01-02"), &due, &year, &left, NULL), ST_OK);
	assert_false(due);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_report),
	};
	return gk_run_tests(tests, NULL, NULL);
}
