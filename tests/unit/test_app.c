/*
 * test_app.c — one application's fields: every field's text form read and written back,
 * the checks a form or ledger row must pass (each naming its field), masking of personal data.
 */
#include "testutil.h"

static struct calendar *cal;

static int setup(void **state)
{
	(void)state;
	cal = calendar_new();
	return calendar_load_csv(cal, (const char *)holidays_csv, holidays_csv_len, NULL);
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	return 0;
}

/* One value per field, in the form export writes. */
static const char *const values[F_COUNT] = {
	[F_CASE_NO] = "2023-0042", [F_RECEIVED] = "2023-03-01", [F_APPLICANT] = "张三",
	[F_TYPE] = "法律服务机构", [F_CHANNEL] = "电子邮件", [F_REQUEST] = "第一行\n第二行",
	[F_ID_NUMBER] = "410101199001011234", [F_CONTACT] = "13800000000",
	[F_CORRECTION_SENT] = "2023-03-02", [F_CORRECTION_LIMIT] = "2023-03-16",
	[F_CORRECTION_RECEIVED] = "2023-03-06", [F_CONSULT_START] = "2023-03-07",
	[F_CONSULT_END] = "2023-03-15", [F_CONSULT_PARTY] = "其他机关",
	[F_EXTENDED_ON] = "2023-03-20", [F_EXTENSION_DAYS] = "7", [F_EXTENSION_BY] = "王主任",
	[F_FEE_NOTICE] = "2023-03-21", [F_ANSWERED] = "2023-04-20",
	[F_OUTCOME] = "无法提供/2.没有现成信息需要另行制作", [F_FEE] = "1234.05",
	[F_FEE_PAID] = "2023-03-23", [F_REVIEW_FILED] = "2023-05-01", [F_REVIEW_RESULT] = "维持",
	[F_REVIEW_DECIDED] = "2023-06-01", [F_SUIT_FILED] = "2023-07-01",
	[F_SUIT_KIND] = "未经复议直接起诉", [F_SUIT_RESULT] = "其他", [F_SUIT_DECIDED] = "2023-09-01",
	[F_NOTE] = "  前后空格保留  ",
	[F_ARRIVED] = "2023-02-27", [F_CORRECTION_ITEMS] = "请写明文件名称\n及年份",
	[F_CONSULT_NAME] = "郑州市某局", [F_CONSULT_DELIVERED] = "2023-03-08",
	[F_EXTENSION_REASON] = "需要调取档案", [F_EXTENSION_TOLD] = "2023-03-21",
	[F_FEE_DELIVERED] = "2023-03-22", [F_FEE_BASIS] = "按量", [F_FEE_UNITS] = "150",
	[F_REASONS_SENT] = "2023-03-03", [F_REASONS_LIMIT] = "2023-03-17",
	[F_ANSWER_VARIANT] = "", [F_ANSWER_REASONS] = "档案中没有现成信息。\n需汇总加工。",
	[F_RELATED_CASE] = "2022-0007",
};

static void test_every_field_round_trips(void **state)
{
	(void)state;
	struct app a, b;
	app_init(&a);
	app_init(&b);
	struct app_problems p = { 0 };
	for (int f = 0; f < F_COUNT; f++)
		assert_true(app_field_set(&a, f, values[f], &p));
	assert_int_equal(p.n, 0);
	assert_true(app_check(&a, cal, D("2026-11-26"), &p));
	struct strbuf v = STRBUF_INIT;
	for (int f = 0; f < F_COUNT; f++) {
		sb_reset(&v);
		app_field_get(&a, f, &v);
		if (strcmp(sb_str(&v), values[f]) != 0)
			fail_msg("%s: \"%s\" != \"%s\"", app_field_name(f), sb_str(&v), values[f]);
		assert_int_equal(app_field_parse(app_field_name(f)), f);
		assert_int_equal(app_field_parse(app_field_alias(f)), f);
	}
	app_copy(&b, &a);
	for (int f = 0; f < F_COUNT; f++) {
		sb_reset(&v);
		app_field_get(&b, f, &v);
		assert_string_equal(sb_str(&v), values[f]);
	}
	/* empty text clears a field */
	assert_true(app_field_set(&b, F_ANSWERED, " ", &p));
	assert_int_equal(b.d.answered, DATE_NONE);
	assert_true(app_field_set(&b, F_FEE, "", &p));
	assert_int_equal(b.fee_fen, -1);
	sb_release(&v);
	app_problems_release(&p);
	app_release(&a);
	app_release(&b);
}

static void test_values_forms(void **state)
{
	(void)state;
	struct app a;
	app_init(&a);
	struct app_problems p = { 0 };
	static const struct { enum app_field f; const char *text; bool ok; } cases[] = {
		{ F_FEE, "100", true }, { F_FEE, "100.5", true }, { F_FEE, "0.05", true },
		{ F_FEE, "-1", false }, { F_FEE, "1,000", false }, { F_FEE, "100.555", false },
		{ F_FEE, "1 00", false }, { F_FEE, "元", false }, { F_FEE, ".5", false },
		{ F_EXTENSION_DAYS, "20", true }, { F_EXTENSION_DAYS, "0", false },
		{ F_EXTENSION_DAYS, "2 0", false }, { F_EXTENSION_DAYS, "二十", false },
		{ F_RECEIVED, "2023年2月28日", true }, { F_RECEIVED, "2023-02-29", false },
		{ F_TYPE, "person", true }, { F_TYPE, " 自然人 ", true }, { F_TYPE, "个人", false },
		{ F_SUIT_KIND, "after_review", true }, { F_SUIT_KIND, "起诉", false },
		{ F_OUTCOME, "partial", true }, { F_OUTCOME, "公开", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		app_problems_clear(&p);
		bool ok = app_field_set(&a, cases[i].f, cases[i].text, &p);
		if (ok != cases[i].ok)
			fail_msg("%s「%s」: %s", app_field_name(cases[i].f), cases[i].text,
				 ok ? "accepted" : "refused");
		assert_int_equal(p.errors, ok ? 0 : 1);
		if (!ok)
			assert_int_equal(p.v[0].field, cases[i].f);
	}
	app_field_set(&a, F_FEE, "100.5", &p);
	assert_int_equal(a.fee_fen, 10050);
	app_problems_release(&p);
	app_release(&a);
}

/* A good application, then spoiled in one way: app_check must name the field. */
static void spoil(struct app *a, int k)
{
	switch (k) {
	case 0: app_set_text(&a->applicant, NULL); break;
	case 1: a->type = -1; break;
	case 2: a->d.received = D("2026-11-28"); break;         /* more than a day ahead */
	case 3: app_set_text(&a->note, "a\x01b"); break;
	case 4: app_set_text(&a->applicant, "甲\n乙"); break;     /* one-line field */
	case 5: a->d.answered = D("2023-03-01"); break;          /* no outcome */
	case 6: a->outcome = R_GRANTED; break;                  /* no answer date */
	case 7: a->consult_party = CP_BODY; break;              /* no consultation */
	case 8: app_set_text(&a->extension_by, "王主任"); break; /* no extension */
	case 9: a->d.fee_paid_on = D("2023-03-05"); break;       /* no amount */
	case 10: a->review = (struct review_case){ T4_REVIEW, DATE_NONE, RR_UPHELD,
						   D("2023-05-01") }; break;
	case 11: a->suit = (struct review_case){ SUIT_KIND_MISSING, D("2023-05-01"), -1,
						 DATE_NONE }; break;
	case 12: a->review = (struct review_case){ T4_REVIEW, D("2023-05-01"), RR_UPHELD,
						   D("2023-04-01") }; break;
	case 13: a->d.consult_end = D("2023-03-05"); break;      /* end without start */
	case 14: a->fee_fen = LIMIT_FEE_FEN + 1; break;
	}
}

static void test_checks_name_the_field(void **state)
{
	(void)state;
	static const enum app_field want[] = {
		F_APPLICANT, F_TYPE, F_RECEIVED, F_NOTE, F_APPLICANT, F_OUTCOME, F_ANSWERED,
		F_CONSULT_PARTY, F_EXTENSION_BY, F_FEE, F_REVIEW_FILED, F_SUIT_KIND,
		F_REVIEW_DECIDED, F_CONSULT_END, F_FEE,
	};
	struct app a;
	app_init(&a);
	struct app_problems p = { 0 };
	for (int k = 0; k < (int)(sizeof want / sizeof want[0]); k++) {
		mkapp(&a, AT_PERSON, "2023-03-01", NULL, NULL);
		app_problems_clear(&p);
		assert_true(app_check(&a, cal, D("2026-11-26"), &p));
		spoil(&a, k);
		assert_false(app_check(&a, cal, D("2026-11-26"), &p));
		bool named = false;
		for (size_t i = 0; i < p.n; i++)
			named |= !p.v[i].warning && p.v[i].field == want[k];
		if (!named)
			fail_msg("case %d: %s not named (first: %s: %s)", k, app_field_name(want[k]),
				 app_field_name(p.v[0].field), p.v[0].msg);
	}
	app_problems_release(&p);
	app_release(&a);
}

static void test_same(void **state)
{
	(void)state;
	struct app x, y;
	app_init(&x);
	app_init(&y);
	mkapp(&x, AT_PERSON, "2023-03-01", "2023-03-10", "granted");
	app_copy(&y, &x);
	assert_true(app_same(&x, &y));
	app_set_text(&y.note, "改了备注");
	assert_false(app_same(&x, &y));
	app_copy(&y, &x);
	y.d.answered = D("2023-03-11");
	assert_false(app_same(&x, &y));
	app_release(&x);
	app_release(&y);
}

static void test_state_labels(void **state)
{
	(void)state;
	assert_string_equal(app_state_label(STATE_OPEN, false, false), "办理中");
	assert_string_equal(app_state_label(STATE_OPEN, true, false), "已延期");
	assert_string_equal(app_state_label(STATE_OPEN, true, true), "已逾期");
	assert_string_equal(app_state_label(STATE_CONSULT, true, false), "征求意见中");
	assert_string_equal(app_state_label(STATE_CORRECTION, false, false), "待补正");
	assert_string_equal(app_state_label(STATE_FEE, false, false), "待缴费");
	assert_string_equal(app_state_label(STATE_ANSWERED, true, true), "已办结");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_field_round_trips),
		cmocka_unit_test(test_state_labels),
		cmocka_unit_test(test_same),
		cmocka_unit_test(test_values_forms),
		cmocka_unit_test(test_checks_name_the_field),
	};
	return gk_run_tests(tests, setup, teardown);
}
