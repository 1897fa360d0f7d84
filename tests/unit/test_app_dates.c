/*
 * test_app_dates.c — app_check on dates that lie ahead: an event cannot be dated after today, but
 * the time limit given to the applicant for 补正 (第三十条) naturally is.
 */
#include "testutil.h"

#include <string.h>

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

static bool says_future(const struct app_problems *p, enum app_field f)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].field == f && !p->v[i].warning && strstr(p->v[i].msg, "晚于今天"))
			return true;
	return false;
}

/* Every date of an event is refused when it is tomorrow, the first day after today, and taken
 * when it is today; only the limits given to the applicant (补正期限, 说明理由期限) lie ahead. An
 * answer dated 1 January entered on 31 December would move a case into the next year. */
static void test_tomorrow_refused_for_every_event(void **state)
{
	(void)state;
	struct calendar *cal = calendar_new();
	int today = date_from_ymd(2023, 12, 31);
	int checked = 0;
	for (int f = 0; f < F_COUNT; f++) {
		if (!app_field_is_date(f))
			continue;
		bool limit = f == F_CORRECTION_LIMIT || f == F_REASONS_LIMIT;
		const char *days[] = { "2024-01-01", "2023-12-31" };
		for (int k = 0; k < 2; k++) {
			struct app a;
			app_init(&a);
			app_set_text(&a.applicant, "张三");
			a.type = AT_PERSON;
			a.d.received = date_from_ymd(2023, 12, 1);
			struct app_problems p = { 0 };
			assert_true(app_field_set(&a, f, days[k], &p));
			app_check(&a, cal, today, &p);
			bool want = k == 0 && !limit;
			if (says_future(&p, f) != want)
				fail_msg("%s=%s: %s", app_field_name(f), days[k],
					 want ? "taken" : "refused as a future date");
			app_problems_release(&p);
			app_release(&a);
		}
		checked++;
	}
	assert_true(checked >= 20);
	calendar_free(&cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_future_dates),
		cmocka_unit_test(test_tomorrow_refused_for_every_event),
	};
	return gk_run_tests(tests, NULL, NULL);
}
