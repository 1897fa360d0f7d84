/*
 * test_fee.c — 信息处理费 (国办函〔2020〕109号) at the edges of every band.
 */
#include "testutil.h"

#include "fee.h"

static void test_nth_application(void **state)
{
	(void)state;
	static const struct {
		int nth, yuan;
	} cases[] = {
		{ -3, 0 }, { 0, 0 }, { 1, 0 }, { 10, 0 },
		{ 11, 100 }, { 30, 100 },
		{ 31, 200 }, { 40, 200 },
		{ 41, 300 }, { 50, 300 },
		{ 51, 400 }, { 60, 400 }, { 61, 500 },
		{ 130, 1100 }, { 131, 1200 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (fee_for_nth_application(cases[i].nth) != cases[i].yuan)
			fail_msg("application %d: %d yuan, want %d", cases[i].nth,
				 fee_for_nth_application(cases[i].nth), cases[i].yuan);
}

static void test_count(void **state)
{
	(void)state;
	static const struct {
		int count;
		long yuan;
	} cases[] = {
		{ -1, 0 }, { 0, 0 }, { 10, 0 },
		{ 11, 100 }, { 30, 2000 },
		{ 31, 2200 }, { 40, 4000 },
		{ 41, 4300 }, { 50, 7000 }, { 51, 7400 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (fee_for_count(cases[i].count) != cases[i].yuan)
			fail_msg("%d applications: %ld yuan, want %ld", cases[i].count,
				 fee_for_count(cases[i].count), cases[i].yuan);
	/* the closed form is the sum of the applications one by one */
	long sum = 0;
	for (int n = 1; n <= 2000; n++) {
		sum += fee_for_nth_application(n);
		assert_int_equal(fee_for_count(n), sum);
	}
	/* the largest count stays exact */
	assert_true(fee_for_count(FEE_COUNT_MAX) > 0);
	assert_int_equal(fee_for_count(FEE_COUNT_MAX + 1), fee_for_count(FEE_COUNT_MAX));
}

static void test_pages(void **state)
{
	(void)state;
	static const struct {
		int pages;
		long yuan;
	} cases[] = {
		{ -5, 0 }, { 0, 0 }, { 30, 0 },
		{ 31, 10 }, { 100, 700 },
		{ 101, 720 }, { 200, 2700 },
		{ 201, 2740 }, { 250, 4700 }, { 1000, 34700 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (fee_for_pages(cases[i].pages) != cases[i].yuan)
			fail_msg("%d pages: %ld yuan, want %ld", cases[i].pages,
				 fee_for_pages(cases[i].pages), cases[i].yuan);
	/* each page costs the rate of its own band */
	for (int p = 1; p <= 500; p++) {
		long rate = p <= 30 ? 0 : p <= 100 ? 10 : p <= 200 ? 20 : 40;
		assert_int_equal(fee_for_pages(p) - fee_for_pages(p - 1), rate);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nth_application),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_pages),
	};
	return gk_run_tests(tests, NULL, NULL);
}
