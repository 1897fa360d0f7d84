/*
 * test_date.c — day numbers, weekdays and every date form a ledger may hold.
 */
#include "testutil.h"

static int parse(const char *s)
{
	int v = DATE_NONE;
	if (!date_parse(s, strlen(s), &v))
		return DATE_NONE;
	return v;
}

static void test_epoch_and_round_trip(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	for (int d = date_from_ymd(1999, 12, 25); d < date_from_ymd(2031, 1, 5); d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), d);
		char buf[DATE_BUF];
		assert_int_equal(parse(date_format(d, buf)), d);
	}
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(date_from_ymd(2023, 10, 7)), 5);  /* a Saturday */
	assert_int_equal(date_weekday(date_from_ymd(2026, 11, 26)), 3); /* a Thursday */
	assert_string_equal(date_weekday_name(date_from_ymd(2024, 2, 4)), "周日");
}

static void test_impossible_dates(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2023-02-30", "20230230", "2023-13-01", "2023-00-10", "2023-04-31", "2023-4-31",
		"2100-02-29", "一月", "", "   ", "2023-02", "2023/02/", "2023--02-01", "23-02-01",
		"2023-02-01x", "2023年2月1", "2023年2月1号", "2023-2/1", "2023.02-01", "0000-01-01",
		"2023-02-01 10:00", "+2023-02-01", "２０２３-02-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int v;
		if (date_parse(bad[i], strlen(bad[i]), &v))
			fail_msg("accepted %s", bad[i]);
	}
}

static void test_accepted_forms(void **state)
{
	(void)state;
	int want = date_from_ymd(2024, 2, 29);
	assert_int_equal(parse("2024-02-29"), want);
	assert_int_equal(parse("2024/2/29"), want);
	assert_int_equal(parse("2024/02/29"), want);
	assert_int_equal(parse("2024.2.29"), want);
	assert_int_equal(parse("2024年2月29日"), want);
	assert_int_equal(parse(" 2024-02-29\t"), want);
	assert_int_equal(parse("2000-02-29"), date_from_ymd(2000, 2, 29));
}

/* What the clerk is told about a refused date: the reason when the text looks like a date,
 * in every form date_parse accepts; the expected form otherwise. */
static void test_why_invalid(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "2023-02-29", "不是有效日期：2023年2月只有28天" },
		{ "2023-02-30", "不是有效日期：2023年2月只有28天" },
		{ "2024-02-30", "不是有效日期：2024年2月只有29天" },
		{ "2100-02-29", "不是有效日期：2100年2月只有28天" },   /* not a leap year */
		{ "2000-02-30", "不是有效日期：2000年2月只有29天" },   /* a leap year */
		{ "2023-04-31", "不是有效日期：2023年4月只有30天" },
		{ "2023-01-32", "不是有效日期：2023年1月只有31天" },
		{ "2023-12-99", "不是有效日期：2023年12月只有31天" },
		{ "2023/2/30", "不是有效日期：2023年2月只有28天" },
		{ "2023.4.31", "不是有效日期：2023年4月只有30天" },
		{ "2023年2月30日", "不是有效日期：2023年2月只有28天" },
		{ " 2023-06-31\t", "不是有效日期：2023年6月只有30天" },
		{ "2023-13-01", "不是有效日期：月份应为 1 到 12" },
		{ "2023-00-10", "不是有效日期：月份应为 1 到 12" },
		{ "2023年13月1日", "不是有效日期：月份应为 1 到 12" },
		{ "2023-13-00", "不是有效日期：月份应为 1 到 12" },
		{ "2023-02-00", "不是有效日期：2023年2月的日应为 1 到 28" },
		{ "2024/2/0", "不是有效日期：2024年2月的日应为 1 到 29" },
		{ "0000-01-01", "不是有效日期：年份应为 1900 到 2999" },
		{ "3023-01-01", "不是有效日期：年份应为 1900 到 2999" },
		/* not the form of a date: the form is named */
		{ "20230230", "不是有效日期（应为 YYYY-MM-DD）" },
		{ "2023-2/30", "不是有效日期（应为 YYYY-MM-DD）" },
		{ "2023-02-30x", "不是有效日期（应为 YYYY-MM-DD）" },
		{ "2023-002-01", "不是有效日期（应为 YYYY-MM-DD）" },
		{ "2023年2月30", "不是有效日期（应为 YYYY-MM-DD）" },
		{ "一月", "不是有效日期（应为 YYYY-MM-DD）" },
		{ "", "不是有效日期（应为 YYYY-MM-DD）" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int v;
		size_t n = strlen(cases[i].text);
		if (date_parse(cases[i].text, n, &v))
			fail_msg("accepted %s", cases[i].text);
		assert_string_equal(date_why_invalid(cases[i].text, n).text, cases[i].want);
	}
	/* a real day is not invalid: 2024 is a leap year */
	int v;
	assert_true(date_parse("2024-02-29", 10, &v));
	assert_int_equal(v, date_from_ymd(2024, 2, 29));
	/* only the bytes given are read */
	assert_string_equal(date_why_invalid("2023-02-301", 10).text,
			    "不是有效日期：2023年2月只有28天");
}

static void test_iso_is_strict(void **state)
{
	(void)state;
	int v;
	assert_true(date_parse_iso("2023-01-05", 10, &v));
	assert_false(date_parse_iso("2023/01/05", 10, &v));
	assert_false(date_parse_iso("2023-1-5", 8, &v));
	assert_false(date_parse_iso("2023-02-29", 10, &v));
}

static void test_format_none(void **state)
{
	(void)state;
	char buf[DATE_BUF];
	assert_string_equal(date_format(DATE_NONE, buf), "");
	assert_string_equal(date_format(date_from_ymd(2019, 5, 15), buf), "2019-05-15");
}

static void test_today_can_be_fixed(void **state)
{
	(void)state;
	setenv("GONGKAI_TODAY", "2023-06-01", 1);
	assert_int_equal(date_today(), date_from_ymd(2023, 6, 1));
	setenv("GONGKAI_TODAY", "nonsense", 1);
	assert_true(date_today() > date_from_ymd(2020, 1, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch_and_round_trip),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_impossible_dates),
		cmocka_unit_test(test_accepted_forms),
		cmocka_unit_test(test_why_invalid),
		cmocka_unit_test(test_iso_is_strict),
		cmocka_unit_test(test_format_none),
		cmocka_unit_test(test_today_can_be_fixed),
	};
	return gk_run_tests(tests, NULL, NULL);
}
