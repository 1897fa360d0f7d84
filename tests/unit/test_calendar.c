/*
 * test_calendar.c — working days by the shipped State Council calendar (2019–2026), against a
 * naive reference (refcal.h) on every day and against dates checked by hand.
 */
#include "testutil.h"

#include "refcal.h"

static struct calendar *shipped;

static int setup(void **state)
{
	(void)state;
	struct diag d = DIAG_INIT;
	shipped = calendar_new();
	enum status st = calendar_load_csv(shipped, (const char *)holidays_csv, holidays_csv_len,
					   &d);
	size_t problems = diag_count(&d);
	diag_release(&d);
	ref_load();
	return st == ST_OK && problems == 0 && ref_rows > 250 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&shipped);
	return shipped == NULL ? 0 : -1;
}

static void test_workday_every_day(void **state)
{
	(void)state;
	for (int d = iso("2018-01-01"); d <= iso("2028-12-31"); d++)
		if (calendar_is_workday(shipped, d) != ref_is_workday(d)) {
			char buf[DATE_BUF];
			fail_msg("is_workday(%s)", date_format(d, buf));
		}
}

/* W(D, N) for every day of 2018-12 to 2027-01 — so around every holiday and make-up workday
 * of the notices — and every N up to 45. */
static void test_add_workdays_against_reference(void **state)
{
	(void)state;
	for (int d = iso("2018-12-01"); d <= iso("2027-01-31"); d++)
		for (int n = 0; n <= 45; n++) {
			int got = calendar_add_workdays(shipped, d, n);
			int want = ref_add(d, n);
			if (got != want) {
				char a[DATE_BUF], b[DATE_BUF], c[DATE_BUF];
				fail_msg("W(%s, %d) = %s, want %s", date_format(d, a), n,
					 date_format(got, b), date_format(want, c));
			}
		}
}

/* Each row's day and its neighbours, with the periods of the 条例 (7, 15, 20, 40). */
static void test_add_workdays_around_each_row(void **state)
{
	(void)state;
	struct cal_entry e[400];
	size_t n = calendar_entries(shipped, iso("2018-01-01"), iso("2026-12-31"), e, 400);
	assert_int_equal(n, (size_t)ref_rows);
	for (size_t i = 0; i < n; i++)
		for (int d = e[i].day - 3; d <= e[i].day + 3; d++) {
			static const int periods[] = { 1, 7, 15, 20, 40 };
			for (size_t k = 0; k < sizeof periods / sizeof periods[0]; k++)
				assert_int_equal(calendar_add_workdays(shipped, d, periods[k]),
						 ref_add(d, periods[k]));
		}
}

static void test_add_workdays_by_hand(void **state)
{
	(void)state;
	static const struct {
		const char *from;
		int n;
		const char *want;
	} cases[] = {
		{ "2023-09-28", 20, "2023-11-01" },  /* 中秋国庆 09-29..10-06, 10-07/08 调休上班 */
		{ "2024-02-08", 20, "2024-03-13" },  /* 春节 02-10..17, 02-18 (Sunday) counts */
		{ "2019-09-27", 20, "2019-10-30" },  /* 09-29 and 10-12 make-up days count */
		{ "2020-01-17", 20, "2020-02-21" },  /* 2020 春节 extended to 02-02 */
		{ "2023-03-01", 20, "2023-03-29" },  /* no holiday */
		{ "2023-03-10", 20, "2023-04-10" },  /* 清明 04-05 */
		{ "2023-04-18", 20, "2023-05-17" },  /* 04-23 and 05-06 count, 04-29..05-03 not */
		{ "2024-09-13", 1, "2024-09-14" },   /* a Saturday make-up day */
		{ "2024-09-13", 2, "2024-09-18" },   /* 中秋 09-15..17 */
		{ "2025-09-30", 1, "2025-10-09" },   /* 国庆中秋 10-01..08 */
		{ "2025-09-30", 3, "2025-10-11" },   /* then Saturday 10-11 works */
		{ "2025-12-31", 1, "2026-01-04" },   /* 元旦 01-01..03, Sunday 01-04 works */
		{ "2022-04-01", 1, "2022-04-02" },
		{ "2022-04-01", 2, "2022-04-06" },
		{ "2021-02-10", 5, "2021-02-23" },
		{ "2023-10-01", 1, "2023-10-07" },   /* from a holiday */
		{ "2023-10-01", 20, "2023-11-01" },
		{ "2023-10-07", 20, "2023-11-02" },  /* from a make-up day */
		{ "2026-12-31", 1, "2027-01-01" },   /* 2027 not entered: by the week */
		{ "2026-12-15", 20, "2027-01-12" },
		{ "2023-10-01", 0, "2023-10-01" },   /* W(D, 0) = D, even on a holiday */
		{ "2023-10-02", -5, "2023-10-02" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = calendar_add_workdays(shipped, iso(cases[i].from), cases[i].n);
		char buf[DATE_BUF];
		if (got != iso(cases[i].want))
			fail_msg("W(%s, %d) = %s, want %s", cases[i].from, cases[i].n,
				 date_format(got, buf), cases[i].want);
	}
}

static void test_between_against_reference(void **state)
{
	(void)state;
	for (int d = iso("2018-12-01"); d <= iso("2027-01-31"); d++)
		for (int k = -45; k <= 45; k++)
			if (calendar_workdays_between(shipped, d, d + k) != ref_between(d, d + k)) {
				char buf[DATE_BUF];
				fail_msg("between(%s, %+d days)", date_format(d, buf), k);
			}
}

static void test_between_by_hand(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to;
		int want;
	} cases[] = {
		{ "2023-09-28", "2023-11-01", 20 },
		{ "2023-11-01", "2023-09-28", -20 },
		{ "2023-10-07", "2023-10-09", 2 },   /* Sunday 10-08 works */
		{ "2023-10-09", "2023-10-07", -2 },
		{ "2023-09-28", "2023-10-06", 0 },   /* all holiday and weekend */
		{ "2024-09-13", "2024-09-14", 1 },
		{ "2023-03-03", "2023-03-05", 0 },   /* a weekend */
		{ "2023-03-03", "2023-03-03", 0 },
		{ "2023-03-15", "2023-03-29", 10 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(calendar_workdays_between(shipped, iso(cases[i].from),
							   iso(cases[i].to)), cases[i].want);
}

/* The count is additive and inverts W; over the whole range 2000–2100 it agrees with counting
 * day by day (it is O(log n): the list of open applications calls it for every row). */
static void test_between_long_spans(void **state)
{
	(void)state;
	int a = iso("2000-01-01"), b = iso("2100-12-31");
	assert_int_equal(calendar_workdays_between(shipped, a, b), ref_between(a, b));
	assert_int_equal(calendar_workdays_between(shipped, b, a), -ref_between(a, b));
	int m = iso("2023-10-04");
	assert_int_equal(calendar_workdays_between(shipped, a, m)
			 + calendar_workdays_between(shipped, m, b),
			 calendar_workdays_between(shipped, a, b));
	for (int d = iso("2019-01-01"); d <= iso("2026-12-31"); d += 3) {
		int due = calendar_add_workdays(shipped, d, 20);
		assert_int_equal(calendar_workdays_between(shipped, d, due), 20);
	}
}

static void test_has_year(void **state)
{
	(void)state;
	assert_false(calendar_has_year(shipped, 2018));  /* only rows of the 2019 notice */
	for (int y = 2019; y <= 2026; y++)
		assert_true(calendar_has_year(shipped, y));
	assert_false(calendar_has_year(shipped, 2027));
	assert_false(calendar_has_year(shipped, 1200));

	struct calendar *cal = calendar_new();
	calendar_set(cal, iso("2027-01-01"), CAL_OFF, "元旦");
	calendar_set(cal, iso("2027-02-07"), CAL_WORK, "春节");
	assert_false(calendar_has_year(cal, 2027));  /* a make-up day is not the notice */
	calendar_set(cal, iso("2027-02-08"), CAL_OFF, "春节");
	assert_true(calendar_has_year(cal, 2027));
	calendar_remove(cal, iso("2027-02-08"));
	assert_false(calendar_has_year(cal, 2027));
	calendar_free(&cal);
}

static void test_missing_year(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to;
		int want;
	} cases[] = {
		{ "2026-12-20", "2027-01-10", 2027 },
		{ "2026-01-01", "2026-12-31", 0 },
		{ "2018-12-31", "2019-01-02", 0 },     /* (from, to]: 2018-12-31 is not in it */
		{ "2018-12-30", "2019-01-02", 2018 },
		{ "2026-12-31", "2026-12-31", 0 },
		{ "2027-01-05", "2026-01-05", 0 },
		{ "2017-06-01", "2030-01-01", 2017 },  /* the first of several */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(calendar_missing_year(shipped, iso(cases[i].from), iso(cases[i].to)),
				 cases[i].want);
}

static void test_explain(void **state)
{
	(void)state;
	static const struct {
		const char *from;
		int n;
		const char *want;
	} cases[] = {
		{ "2023-09-28", 3,
		  "2023-09-29 周五 不计（中秋节、国庆节 放假）\n"
		  "2023-09-30 周六 不计（周末）\n"
		  "2023-10-01 周日 不计（周末）\n"
		  "2023-10-02 周一 不计（中秋节、国庆节 放假）\n"
		  "2023-10-03 周二 不计（中秋节、国庆节 放假）\n"
		  "2023-10-04 周三 不计（中秋节、国庆节 放假）\n"
		  "2023-10-05 周四 不计（中秋节、国庆节 放假）\n"
		  "2023-10-06 周五 不计（中秋节、国庆节 放假）\n"
		  "2023-10-07 周六 计入（中秋节、国庆节 调休上班）\n"
		  "2023-10-08 周日 计入（中秋节、国庆节 调休上班）\n" },
		{ "2023-03-01", 5, "2023-03-04 周六 不计（周末）\n2023-03-05 周日 不计（周末）\n" },
		{ "2023-03-01", 2, "" },
		{ "2023-03-01", 0, "" },
		/* 2020-02-03 is a Monday the notice lists as `work`: it changes nothing, no line */
		{ "2020-01-31", 1, "2020-02-01 周六 不计（周末）\n2020-02-02 周日 不计（周末）\n" },
		{ "2026-12-30", 3,
		  "2027-01-02 周六 不计（周末）\n"
		  "2027-01-03 周日 不计（周末）\n"
		  "2027年节假日安排未录入，按周末推算\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct strbuf sb = STRBUF_INIT;
		calendar_explain(shipped, iso(cases[i].from), cases[i].n, &sb);
		assert_string_equal(sb_str(&sb), cases[i].want);
		sb_release(&sb);
	}
}

static void test_entries(void **state)
{
	(void)state;
	enum cal_kind kind;
	const char *name;
	assert_true(calendar_entry(shipped, iso("2023-10-07"), &kind, &name));
	assert_int_equal(kind, CAL_WORK);
	assert_string_equal(name, "中秋节、国庆节");
	assert_true(calendar_entry(shipped, iso("2024-02-10"), &kind, NULL));
	assert_int_equal(kind, CAL_OFF);
	assert_false(calendar_entry(shipped, iso("2023-10-09"), &kind, &name));

	size_t total = calendar_year_entries(shipped, 2023, NULL, 0);
	assert_int_equal(total, 33);
	struct cal_entry e[40];
	assert_int_equal(calendar_year_entries(shipped, 2023, e, 40), total);
	assert_int_equal(e[0].day, iso("2023-01-01"));
	assert_int_equal(e[total - 1].day, iso("2023-10-08"));
	for (size_t i = 1; i < total; i++)
		assert_true(e[i - 1].day < e[i].day);
	/* a short array gets the first entries; the total still says how many */
	assert_int_equal(calendar_year_entries(shipped, 2023, e, 2), total);
	assert_int_equal(e[1].day, iso("2023-01-02"));
	assert_string_equal(e[1].name, "元旦");
	assert_int_equal(calendar_year_entries(shipped, 2027, e, 40), 0);
	assert_int_equal(calendar_year_entries(shipped, 2018, e, 40), 3);
}

static void test_set_replace_remove(void **state)
{
	(void)state;
	struct calendar *cal = calendar_new();
	int fri = iso("2027-01-01"), sat = iso("2027-01-02"), mon = iso("2027-01-04");
	assert_true(calendar_is_workday(cal, fri));
	assert_int_equal(calendar_add_workdays(cal, iso("2026-12-31"), 1), fri);

	char name[] = "元旦";
	calendar_set(cal, fri, CAL_OFF, name);
	name[0] = 'x';  /* the calendar holds its own copy */
	const char *got;
	assert_true(calendar_entry(cal, fri, NULL, &got));
	assert_string_equal(got, "元旦");
	assert_false(calendar_is_workday(cal, fri));
	assert_int_equal(calendar_add_workdays(cal, iso("2026-12-31"), 1), mon);
	assert_int_equal(calendar_workdays_between(cal, iso("2026-12-31"), mon), 1);

	calendar_set(cal, sat, CAL_WORK, NULL);
	assert_true(calendar_entry(cal, sat, NULL, &got));
	assert_string_equal(got, "");
	assert_int_equal(calendar_add_workdays(cal, iso("2026-12-31"), 1), sat);

	calendar_set(cal, fri, CAL_WORK, "改");  /* replace: one entry still */
	assert_int_equal(calendar_entries(cal, fri, mon, NULL, 0), 2);
	assert_int_equal(calendar_workdays_between(cal, iso("2026-12-31"), mon), 3);
	calendar_remove(cal, sat);
	calendar_remove(cal, sat);
	calendar_remove(cal, fri);
	assert_int_equal(calendar_entries(cal, fri, mon, NULL, 0), 0);
	assert_int_equal(calendar_workdays_between(cal, iso("2026-12-31"), mon), 2);

	calendar_free(&cal);
	assert_null(cal);
	calendar_free(&cal);
	calendar_free(NULL);
}

/* Entries set out of order, and many of them, keep the counts right. */
static void test_unsorted_and_many(void **state)
{
	(void)state;
	struct calendar *cal = calendar_new();
	int base = iso("2001-01-01");
	for (int i = 2000; i >= 0; i -= 7)
		calendar_set(cal, base + i, CAL_OFF, "x");
	for (int i = 3; i <= 2000; i += 7)
		calendar_set(cal, base + i, CAL_WORK, "y");
	for (int from = base - 10; from < base + 2010; from += 13) {
		int naive = 0;
		for (int d = from + 1; d <= from + 60; d++)
			naive += calendar_is_workday(cal, d);
		assert_int_equal(calendar_workdays_between(cal, from, from + 60), naive);
		int w = calendar_add_workdays(cal, from, naive);
		assert_true(calendar_is_workday(cal, w));
		assert_int_equal(calendar_workdays_between(cal, from, w), naive);
	}
	calendar_free(&cal);
}

static void test_load_accepts(void **state)
{
	(void)state;
	static const char text[] =
		"\xef\xbb\xbf" "date,kind,name\r\n"
		"\r\n"
		" 2027/1/1 , off , 元旦 \r\n"
		"2027-02-06,work,春节\n"
		"2027年2月8日,off,春节\n"
		"   \n"
		"2027-02-09,off,春节";  /* no newline at the end */
	struct calendar *cal = calendar_new();
	struct diag d = DIAG_INIT;
	assert_int_equal(calendar_load_csv(cal, text, sizeof text - 1, &d), ST_OK);
	assert_int_equal(diag_count(&d), 0);
	assert_int_equal(calendar_year_entries(cal, 2027, NULL, 0), 4);
	const char *name;
	assert_true(calendar_entry(cal, iso("2027-01-01"), NULL, &name));
	assert_string_equal(name, "元旦");
	assert_true(calendar_has_year(cal, 2027));
	assert_true(calendar_is_workday(cal, iso("2027-02-06")));

	/* a second load replaces the entry of a day it names, keeps the others */
	static const char again[] = "date,kind,name\n2027-01-01,work,补班\n";
	assert_int_equal(calendar_load_csv(cal, again, sizeof again - 1, &d), ST_OK);
	assert_true(calendar_is_workday(cal, iso("2027-01-01")));
	assert_int_equal(calendar_year_entries(cal, 2027, NULL, 0), 4);

	static const char header_only[] = "date,kind,name\n";
	assert_int_equal(calendar_load_csv(cal, header_only, sizeof header_only - 1, &d), ST_OK);
	assert_int_equal(calendar_year_entries(cal, 2027, NULL, 0), 4);
	diag_release(&d);
	calendar_free(&cal);
}

static void test_load_refuses(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t problems;
		const char *first;
	} cases[] = {
		{ "", 1, "第1行: 表头应为 date,kind,name" },
		{ "day,kind,name\n2027-01-01,off,元旦\n", 1, "第1行: 表头应为 date,kind,name" },
		{ "date,kind\n", 1, "第1行: 表头应为 date,kind,name" },
		{ "date,kind,name\n2027-02-30,off,春节\n", 1,
		  "第2行: date: “2027-02-30” 不是有效日期：2027年2月只有28天" },
		{ "date,kind,name\n2027-01-01,holiday,元旦\n", 1,
		  "第2行: kind: “holiday” 应为 off（放假）或 work（调休上班）" },
		{ "date,kind,name\n2027-01-01,off,\n", 1, "第2行: name: 不能为空" },
		{ "date,kind,name\n2027-01-01,off\n", 1,
		  "第2行: 应为 date,kind,name 三列，实为 2 列" },
		{ "date,kind,name\n2027-01-01,off,元旦,x\n", 1,
		  "第2行: 应为 date,kind,name 三列，实为 4 列" },
		{ "date,kind,name\n2027-01-01,off,\xe5\x85\n", 1,
		  "第2行: name: 不是有效的 UTF-8 文字" },
		{ "date,kind,name\n2027-01-01,off,"
		  "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
		  "一二三四五六七八九十一二三四五六七八九十一\n", 1, "第2行: name: 超过 50 个字" },
		{ "date,kind,name\n2027-01-01,off,元旦\n\n2027-01-01,off,元旦\n", 1,
		  "第4行: date: 2027-01-01 与第2行重复" },
		/* every bad row is reported, not only the first */
		{ "date,kind,name\n2027-01-01,of,元旦\n2027-01-02,off,元旦\nx,y,\n", 4,
		  "第2行: kind: “of” 应为 off（放假）或 work（调休上班）" },
		/* a long value is quoted back shortened, without cutting a character */
		{ "date,kind,name\n一二三四五六七八九十一二三四五,off,元旦\n", 1,
		  "第2行: date: “一二三四五六七八九十一二三” 不是有效日期（应为 YYYY-MM-DD）" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct calendar *cal = calendar_new();
		calendar_set(cal, iso("2027-01-01"), CAL_WORK, "原有");
		struct diag d = DIAG_INIT;
		enum status st = calendar_load_csv(cal, cases[i].text, strlen(cases[i].text), &d);
		if (st != ST_DATA)
			fail_msg("case %zu accepted", i);
		assert_int_equal(diag_count(&d), cases[i].problems);
		assert_string_equal(d.lines[0], cases[i].first);
		/* nothing changed */
		const char *name;
		assert_int_equal(calendar_entries(cal, iso("2000-01-01"), iso("2100-01-01"), NULL, 0),
				 1);
		assert_true(calendar_entry(cal, iso("2027-01-01"), NULL, &name));
		assert_string_equal(name, "原有");
		assert_int_equal(calendar_load_csv(cal, cases[i].text, strlen(cases[i].text), NULL),
				 ST_DATA);
		diag_release(&d);
		calendar_free(&cal);
	}
}

/* A huge file loads, and a huge bad one is refused with its problems counted. */
static void test_load_huge(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "date,kind,name\n");
	int base = iso("2000-01-03");
	for (int i = 0; i < 30000; i++) {
		char buf[DATE_BUF];
		sb_addf(&sb, "%s,off,假\n", date_format(base + i, buf));
	}
	struct calendar *cal = calendar_new();
	struct diag d = DIAG_INIT;
	assert_int_equal(calendar_load_csv(cal, sb_str(&sb), sb.len, &d), ST_OK);
	assert_int_equal(calendar_entries(cal, base, base + 40000, NULL, 0), 30000);
	int next = base + 30000;
	while (date_weekday(next) >= 5)
		next++;
	assert_int_equal(calendar_add_workdays(cal, base, 1), next);
	sb_reset(&sb);
	sb_adds(&sb, "date,kind,name\n");
	for (int i = 0; i < 30000; i++)
		sb_adds(&sb, "2023-02-30,off,x\n");
	d.limit = 10;
	assert_int_equal(calendar_load_csv(cal, sb_str(&sb), sb.len, &d), ST_DATA);
	assert_int_equal(diag_count(&d), 30000);
	assert_int_equal(d.n, 10);
	diag_release(&d);
	sb_release(&sb);
	calendar_free(&cal);
}

/* 调休上班 on a weekday is odd (a warning); 放假 may be any day (a holiday's weekend too) */
static void test_row_problem(void **state)
{
	(void)state;
	assert_null(calendar_row_problem(iso("2026-02-14"), CAL_WORK));   /* Saturday */
	assert_null(calendar_row_problem(iso("2026-01-04"), CAL_WORK));   /* Sunday */
	assert_null(calendar_row_problem(iso("2026-10-03"), CAL_OFF));    /* Saturday off */
	assert_null(calendar_row_problem(iso("2026-10-05"), CAL_OFF));
	assert_string_equal(calendar_row_problem(iso("2026-11-25"), CAL_WORK),
			    "是周三，本来就是工作日，调休上班通常是周六或周日");
	assert_non_null(strstr(calendar_row_problem(iso("2026-11-23"), CAL_WORK), "周一"));
	assert_non_null(strstr(calendar_row_problem(iso("2026-11-27"), CAL_WORK), "周五"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_row_problem),
		cmocka_unit_test(test_workday_every_day),
		cmocka_unit_test(test_add_workdays_against_reference),
		cmocka_unit_test(test_add_workdays_around_each_row),
		cmocka_unit_test(test_add_workdays_by_hand),
		cmocka_unit_test(test_between_against_reference),
		cmocka_unit_test(test_between_by_hand),
		cmocka_unit_test(test_between_long_spans),
		cmocka_unit_test(test_has_year),
		cmocka_unit_test(test_missing_year),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_set_replace_remove),
		cmocka_unit_test(test_unsorted_and_many),
		cmocka_unit_test(test_load_accepts),
		cmocka_unit_test(test_load_refuses),
		cmocka_unit_test(test_load_huge),
	};
	return gk_run_tests(tests, setup, teardown);
}
