/*
 * test_guard.c — entries the recorded events contradict need confirming (guard.h): each rule
 * with its article, on both sides of its limit, with limits that cross the 2023 National Day
 * holiday and its make-up working days (7 and 8 October).
 */
#include "testutil.h"

#include "fee.h"
#include "guard.h"

/* The confirmations app_check gives a on field f; fails on an error. */
static size_t confirms(const struct app *a, const struct calendar *cal, enum app_field f)
{
	struct app_problems p = { 0 };
	if (!app_check(a, cal, D("2024-06-30"), &p))
		fail_msg("app_check refused: %s: %s", app_field_name(p.v[0].field), p.v[0].msg);
	size_t n = 0;
	for (size_t i = 0; i < p.n; i++)
		if (p.v[i].confirm) {
			assert_true(p.v[i].warning);
			if (p.v[i].field == f)
				n++;
		}
	app_problems_release(&p);
	return n;
}

static void base(struct app *a, const char *answered, const char *outcome)
{
	mkapp(a, AT_PERSON, "2023-09-20", answered, outcome);
}

/* （六）1 逾期不补正 (第三十条): a notice, and its limit passed without a correction. */
static void test_no_correction(void **state)
{
	(void)state;
	struct store *s = memstore();
	const struct calendar *cal = store_calendar(s);
	struct app a;
	app_init(&a);
	base(&a, "2023-10-20", "other.no_correction");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 1);            /* no notice */
	a.d.correction_sent = D("2023-09-22");
	a.d.correction_limit = D("2023-10-20");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 1);            /* on the limit's day */
	a.d.answered = D("2023-10-23");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 0);            /* after it */
	a.d.correction_received = D("2023-10-09");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 1);            /* it was corrected */
	/* （四）3 补正后仍不明确: only after a 补正 */
	base(&a, "2023-10-20", "unavailable.unclear");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 1);
	a.d.correction_sent = D("2023-09-22");
	a.d.correction_limit = D("2023-10-09");
	a.d.correction_received = D("2023-10-08");                    /* a make-up working day */
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 0);
	app_release(&a);
	store_close(&s);
}

/* （六）2 逾期未缴费: 20 working days from the day after the notice reached the applicant
 * (国办函〔2020〕109号): delivered 2023-09-27, the limit crosses 29 September – 6 October off and
 * 7–8 October worked, and ends on 2023-10-31. */
static void test_no_fee(void **state)
{
	(void)state;
	struct store *s = memstore();
	const struct calendar *cal = store_calendar(s);
	struct app a;
	app_init(&a);
	base(&a, "2023-11-01", "other.no_fee");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 1);            /* no notice */
	a.d.fee_notice = D("2023-09-26");
	a.d.fee_delivered = D("2023-09-27");
	a.fee_fen = 10000;
	bool provisional;
	assert_int_equal(clock_fee_limit(cal, &a.d, &provisional), D("2023-10-31"));
	assert_false(provisional);
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 0);            /* the day after the limit */
	a.d.answered = D("2023-10-31");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 1);            /* on the limit's day */
	a.d.fee_delivered = DATE_NONE;                                 /* provisional: from the notice */
	assert_int_equal(clock_fee_limit(cal, &a.d, &provisional), D("2023-10-30"));
	assert_true(provisional);
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 0);
	a.d.answered = D("2023-11-01");
	a.d.fee_paid_on = D("2023-10-10");
	assert_int_equal(confirms(&a, cal, F_OUTCOME), 1);            /* paid */
	app_release(&a);
	store_close(&s);
}

/* An answer while the party consulted may still reply: 15 working days from its receipt of the
 * letter (第三十二条, 第三十四条), from 2023-09-27 to 2023-10-24 across the holiday. */
static void test_consultation_open(void **state)
{
	(void)state;
	struct store *s = memstore();
	const struct calendar *cal = store_calendar(s);
	struct app a;
	app_init(&a);
	base(&a, "2023-10-24", "granted");
	a.d.consult_start = D("2023-09-26");
	a.d.consult_delivered = D("2023-09-27");
	a.consult_party = 0;
	bool provisional;
	assert_int_equal(clock_consult_limit(cal, &a.d, &provisional), D("2023-10-24"));
	assert_int_equal(confirms(&a, cal, F_ANSWERED), 1);
	a.d.answered = D("2023-10-25");
	assert_int_equal(confirms(&a, cal, F_ANSWERED), 0);
	a.d.answered = D("2023-10-20");
	a.d.consult_end = D("2023-10-19");                             /* the reply came */
	assert_int_equal(confirms(&a, cal, F_ANSWERED), 0);
	app_release(&a);
	store_close(&s);
}

/* 复议后起诉 (行政诉讼法 第四十五条): a reconsideration first, decided or left undecided. */
static void test_suit_after_review(void **state)
{
	(void)state;
	struct store *s = memstore();
	const struct calendar *cal = store_calendar(s);
	struct app a;
	app_init(&a);
	base(&a, "2023-10-10", "granted");
	a.suit.kind = T4_SUIT_AFTER_REVIEW;
	a.suit.filed = D("2024-01-10");
	assert_int_equal(confirms(&a, cal, F_SUIT_KIND), 1);          /* no reconsideration */
	a.review.kind = T4_REVIEW;
	a.review.filed = D("2023-10-20");
	assert_int_equal(confirms(&a, cal, F_SUIT_KIND), 1);          /* undecided: a question */
	a.review.result = RR_UPHELD;
	a.review.decided = D("2023-12-20");
	assert_int_equal(confirms(&a, cal, F_SUIT_KIND), 0);
	a.suit.kind = T4_SUIT_DIRECT;
	a.review.kind = -1;
	a.review.result = -1;
	a.review.decided = a.review.filed = DATE_NONE;
	assert_int_equal(confirms(&a, cal, F_SUIT_KIND), 0);
	app_release(&a);
	store_close(&s);
}

/* 按量 (国办函〔2020〕109号 第四条): an amount other than the pages give needs confirming. */
static void test_fee_by_pages(void **state)
{
	(void)state;
	struct store *s = memstore();
	const struct calendar *cal = store_calendar(s);
	struct app a;
	app_init(&a);
	base(&a, NULL, NULL);
	a.d.fee_notice = D("2023-09-26");
	a.fee_basis = FB_PER_PAGE;
	a.fee_units = 201;
	a.fee_fen = fee_for_pages(201) * 100;
	assert_int_equal(confirms(&a, cal, F_FEE), 0);
	a.fee_fen += 100;
	assert_int_equal(confirms(&a, cal, F_FEE), 1);
	app_release(&a);
	store_close(&s);
}

/* 按件 needs the store: the 11th application of the month charged 0 needs confirming, and a
 * confirmation the stored version had is not asked again when another field changes. */
static void test_store_part(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	for (int i = 0; i < 11; i++) {
		mkapp(&a, AT_PERSON, "2024-03-05", NULL, NULL);
		put(s, &a);
	}
	a.d.fee_notice = D("2024-03-06");
	a.fee_basis = FB_PER_ITEM;
	a.fee_units = 11;
	a.fee_fen = 0;
	struct app_problems p = { 0 };
	assert_true(app_check(&a, store_calendar(s), D("2024-06-30"), &p));
	assert_int_equal(guard_check(s, &a, D("2024-06-30"), &p, NULL), ST_OK);
	assert_int_equal(p.confirms, 1);
	assert_non_null(strstr(p.v[p.n - 1].msg, "按件计算的 100.00 元"));
	app_problems_clear(&p);
	a.fee_fen = 10000;
	assert_true(app_check(&a, store_calendar(s), D("2024-06-30"), &p));
	assert_int_equal(guard_check(s, &a, D("2024-06-30"), &p, NULL), ST_OK);
	assert_int_equal(p.confirms, 0);
	app_problems_clear(&p);

	/* confirmed once: an outcome without its 补正, stored; a note added later asks nothing */
	a.d.answered = D("2024-04-01");
	a.outcome = R_OTHER_NO_CORRECTION;
	assert_int_equal(store_app_update(s, &a, NULL, NULL), ST_OK);
	app_set_text(&a.note, "补记");
	assert_true(app_check(&a, store_calendar(s), D("2024-06-30"), &p));
	assert_int_equal(p.confirms, 1);
	assert_int_equal(guard_check(s, &a, D("2024-06-30"), &p, NULL), ST_OK);
	assert_int_equal(p.confirms, 0);
	app_problems_release(&p);
	app_release(&a);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_correction),
		cmocka_unit_test(test_no_fee),
		cmocka_unit_test(test_consultation_open),
		cmocka_unit_test(test_suit_after_review),
		cmocka_unit_test(test_fee_by_pages),
		cmocka_unit_test(test_store_part),
	};
	return gk_run_tests(tests, NULL, NULL);
}
