/*
 * test_app_dates.c — app_check on dates that lie ahead: an event cannot be dated after today, but
 * the time limit given to the applicant for 补正 (第三十条) naturally is.
 */
#include "testutil.h"

static bool has_problem(const struct app_problems *p, enum app_field f)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].field == f && !p->v[i].warning)
			return true;
	return false;
}

static void test_future_dates(void **state)
{
	(void)state;
	struct calendar *cal = calendar_new();
	struct app a;
	app_init(&a);
	app_set_text(&a.applicant, "张三");
	a.type = AT_PERSON;
	int today = date_from_ymd(2023, 12, 20);
	a.d.received = date_from_ymd(2023, 12, 18);
	a.d.correction_sent = today;
	a.d.correction_limit = date_from_ymd(2023, 12, 29);   /* ten days ahead: fine */
	struct app_problems p = { 0 };
	assert_true(app_check(&a, cal, today, &p));
	assert_false(has_problem(&p, F_CORRECTION_LIMIT));
	app_problems_clear(&p);

	a.d.correction_sent = date_from_ymd(2023, 12, 22);    /* an event ahead of today: refused */
	assert_false(app_check(&a, cal, today, &p));
	assert_true(has_problem(&p, F_CORRECTION_SENT));
	app_problems_release(&p);
	app_release(&a);
	calendar_free(&cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_future_dates),
	};
	return gk_run_tests(tests, NULL, NULL);
}
