/*
 * test_codes.c — every code and label of the format, and the forms a ledger writes outcomes in.
 */
#include "testutil.h"

#include "text.h"

static void test_rows_are_the_official_table(void **state)
{
	(void)state;
	static const char *const keys[T3_ROWS] = {
		"new", "carried_in", "granted", "partial",
		"withheld.secret", "withheld.law", "withheld.security", "withheld.third_party",
		"withheld.internal", "withheld.process", "withheld.enforcement", "withheld.query",
		"unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
		"rejected.petition", "rejected.repeat", "rejected.publication", "rejected.excessive",
		"rejected.confirmation", "other.no_correction", "other.no_fee", "other.other",
		"processed_total", "carried_out",
	};
	for (int r = 0; r < T3_ROWS; r++) {
		assert_string_equal(t3_row_key(r), keys[r]);
		assert_int_equal(t3_row_parse_key(keys[r]), r);
	}
	assert_int_equal(OUTCOME_COUNT, 21);
	assert_string_equal(t3_row_label(R_WITHHELD_SECURITY), "3.危及“三安全一稳定”");
	assert_string_equal(t3_row_label(R_OTHER_NO_FEE),
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
	assert_string_equal(t3_row_group(R_REJECTED_REPEAT), "（五）不予处理");
	assert_null(t3_row_group(R_PARTIAL));
	assert_null(t3_row_article(R_NEW));
	assert_non_null(t3_row_article(R_REJECTED_CONFIRMATION));
}

static void test_every_outcome_parses_in_every_form(void **state)
{
	(void)state;
	for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++) {
		assert_int_equal(outcome_parse(t3_row_key(r)), r);
		assert_int_equal(outcome_parse(t3_row_label(r)), r);
		assert_int_equal(outcome_parse(outcome_ledger_label(r)), r);
		if (t3_row_group(r)) {
			char buf[300];
			snprintf(buf, sizeof buf, "%s/%s", t3_row_group(r), t3_row_label(r));
			assert_int_equal(outcome_parse(buf), r);
		}
	}
}

static void test_outcome_forms(void **state)
{
	(void)state;
	static const struct { const char *text; int row; } cases[] = {
		{ "不予公开/属于国家秘密", R_WITHHELD_SECRET },
		{ "属于国家秘密", R_WITHHELD_SECRET },
		{ "1.属于国家秘密", R_WITHHELD_SECRET },
		{ " 1.属于国家秘密　", R_WITHHELD_SECRET },
		{ "不予公开／1.属于国家秘密", R_WITHHELD_SECRET },
		{ "不予处理 › 重复申请", R_REJECTED_REPEAT },
		{ "予以公开", R_GRANTED },
		{ "（一）予以公开", R_GRANTED },
		{ "部分公开", R_PARTIAL },
		{ "其他处理/3.其他", R_OTHER_OTHER },
		{ "其他", R_OTHER_OTHER },
		{ "withheld.query", R_WITHHELD_QUERY },
		{ "2.属于国家秘密", -1 },          /* number disagrees */
		{ "无法提供/属于国家秘密", -1 },    /* wrong group */
		{ "国家秘密", -1 },
		{ "", -1 },
		{ "new", -1 },                      /* a row, but not an outcome */
		{ "processed_total", -1 },
		{ "granted ", R_GRANTED },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = outcome_parse(cases[i].text);
		if (got != cases[i].row)
			fail_msg("%s: got %d, want %d", cases[i].text, got, cases[i].row);
	}
}

/* The list's compact form: every outcome a different text, at most 9 columns. */
static void test_code_labels(void **state)
{
	(void)state;
	static const struct {
		int outcome;
		const char *want;
	} some[] = {
		{ R_GRANTED, "予以公开" }, { R_PARTIAL, "部分公开" },
		{ R_WITHHELD_SECRET, "不予公开1" }, { R_UNAVAILABLE_NOT_HELD, "无法提供1" },
		{ R_REJECTED_PETITION, "不予处理1" }, { R_OTHER_NO_CORRECTION, "其他处理1" },
		{ R_OTHER_OTHER, "其他处理3" },
	};
	for (size_t i = 0; i < sizeof some / sizeof some[0]; i++) {
		struct strbuf sb = STRBUF_INIT;
		outcome_code_label(some[i].outcome, &sb);
		assert_string_equal(sb_str(&sb), some[i].want);
		sb_release(&sb);
	}
	struct strbuf all[OUTCOME_LAST + 1] = { 0 };
	for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++) {
		outcome_code_label(r, &all[r]);
		assert_true(text_width(sb_str(&all[r])) <= 9);
		for (int q = OUTCOME_FIRST; q < r; q++)
			assert_string_not_equal(sb_str(&all[q]), sb_str(&all[r]));
	}
	for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++)
		sb_release(&all[r]);
}

static void test_code_sets(void **state)
{
	(void)state;
	assert_int_equal(codes_applicant.count, 6);
	assert_int_equal(code_parse(&codes_applicant, "法律服务机构"), AT_LEGAL);
	assert_int_equal(code_parse(&codes_applicant, "legal"), AT_LEGAL);
	assert_int_equal(code_parse(&codes_applicant, "法人或其他组织"), -1);
	assert_int_equal(code_parse(&codes_channel, "电子邮件"), CH_EMAIL);
	assert_int_equal(code_parse(&codes_channel, "in_person"), CH_IN_PERSON);
	assert_int_equal(code_parse(&codes_review_result, "纠正"), RR_CORRECTED);
	assert_int_equal(code_parse(&codes_suit_kind, "after_review"), SK_AFTER_REVIEW);
	assert_string_equal(code_key(&codes_t4_col, T4_PENDING), "pending");
	assert_string_equal(code_label(&codes_t4_col, T4_OTHER), "其他结果");
	assert_null(code_key(&codes_channel, 99));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_are_the_official_table),
		cmocka_unit_test(test_every_outcome_parses_in_every_form),
		cmocka_unit_test(test_outcome_forms),
		cmocka_unit_test(test_code_labels),
		cmocka_unit_test(test_code_sets),
	};
	return gk_run_tests(tests, NULL, NULL);
}
