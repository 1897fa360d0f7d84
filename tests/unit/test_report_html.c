/*
 * test_report_html.c — what the HTML and Excel renderings share: escaping, the text of a table 二
 * cell, reading a cell's value as a clerk types it, the title, and the page's frame.
 * (The tables' layout is checked from outside by report_check.py with a real HTML parser and
 * a real xlsx reader.)
 */
#include "testutil.h"

#include "report.h"

static void test_html_escape(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	report_html_escape("<a href=\"x\">&'局'</a>", &sb);
	assert_string_equal(sb_str(&sb), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;局&#39;&lt;/a&gt;");
	sb_reset(&sb);
	report_html_escape("", &sb);
	report_html_escape(NULL, &sb);
	assert_string_equal(sb_str(&sb), "");
	report_html_escape("郑东新区", &sb);
	assert_string_equal(sb_str(&sb), "郑东新区");
	sb_release(&sb);
}

static void test_t2_values(void **state)
{
	(void)state;
	long long v;
	assert_true(table2_parse_value(T2_RULES_MADE, "3", &v));
	assert_int_equal(v, 3);
	assert_true(table2_parse_value(T2_LICENSING, "/", &v));
	assert_int_equal(v, T2_NA);
	assert_true(table2_parse_value(T2_FEES, "59237.2449", &v));
	assert_int_equal(v, 592372449);
	assert_true(table2_parse_value(T2_FEES, "/", &v));
	assert_int_equal(v, T2_NA);
	assert_true(table2_parse_value(T2_PENALTY, "0", &v));
	assert_int_equal(v, 0);
	static const char *const bad[] = { "", "-1", "1.5", "+3", " 3", "3 ", "1e3", "//",
					   "1234567890123" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(table2_parse_value(T2_RULES_VALID, bad[i], &v));
	assert_false(table2_parse_value(T2_FEES, "1.23456", &v));
	assert_false(table2_parse_value(T2_FEES, "-1", &v));
}

static void test_t2_cell_text(void **state)
{
	(void)state;
	struct report r;
	report_init(&r);
	char buf[32];
	assert_string_equal(report_t2_cell_text(&r, T2_RULES_MADE, buf), "/");   /* not entered */
	r.t2.entered = true;
	r.t2.v[T2_RULES_MADE] = 12;
	r.t2.v[T2_LICENSING] = T2_NA;
	r.t2.v[T2_FEES] = 592372449;
	assert_string_equal(report_t2_cell_text(&r, T2_RULES_MADE, buf), "12");
	assert_string_equal(report_t2_cell_text(&r, T2_LICENSING, buf), "/");
	assert_string_equal(report_t2_cell_text(&r, T2_FEES, buf), "59237.2449");
	assert_string_equal(report_t2_cell_text(&r, T2_PENALTY, buf), "0");
	report_release(&r);
}

static void test_title_and_parts(void **state)
{
	(void)state;
	struct report r;
	report_init(&r);
	r.year = 2023;
	struct strbuf sb = STRBUF_INIT;
	report_title(&r, REPORT_TABLES, false, &sb);
	assert_string_equal(sb_str(&sb), "2023年政府信息公开工作年度报告（统计部分）");
	sb_reset(&sb);
	report_title(&r, REPORT_WHOLE, false, &sb);
	assert_string_equal(sb_str(&sb), "2023年政府信息公开工作年度报告");
	r.office = xstrdup("某市");
	r.parts = xcalloc(2, sizeof *r.parts);
	r.parts[0] = xstrdup("甲局");
	r.parts[1] = xstrdup("乙局");
	r.nparts = 2;
	sb_reset(&sb);
	report_title(&r, REPORT_TABLES, false, &sb);
	assert_string_equal(sb_str(&sb), "某市 2023年政府信息公开工作年度报告（统计部分）（汇总）");
	sb_reset(&sb);
	report_title(&r, REPORT_WHOLE, true, &sb);
	assert_string_equal(sb_str(&sb), "某市 2023年政府信息公开工作年度报告（汇总）（草稿）");
	sb_reset(&sb);
	report_parts_sentence(&r, &sb);
	assert_string_equal(sb_str(&sb), "本表为 2 个机关的汇总：甲局、乙局");
	sb_release(&sb);
	report_release(&r);
}

static void test_html_page(void **state)
{
	(void)state;
	struct report r;
	report_init(&r);
	r.year = 2023;
	r.office = xstrdup("<script>alert(1)</script>&局");
	r.fees_fen = 394000;
	struct strbuf sb = STRBUF_INIT;
	report_html(&r, &sb);
	const char *page = sb_str(&sb);
	assert_true(strncmp(page, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) == 0);
	assert_non_null(strstr(page, "<meta charset=\"utf-8\">"));
	assert_null(strstr(page, "<script"));
	assert_non_null(strstr(page, "&lt;script&gt;alert(1)&lt;/script&gt;&amp;局"));
	assert_non_null(strstr(page, "全年收取政府信息公开信息处理费3940元。"));
	assert_non_null(strstr(page, T3_CORNER_NOTE));
	assert_null(strstr(page, "http"));
	assert_null(strstr(page, "本表为"));
	assert_true(strcmp(page + sb.len - 8, "</html>\n") == 0);
	sb_release(&sb);
	report_release(&r);
}

static void test_html_rollup_lists_its_bodies(void **state)
{
	(void)state;
	struct report r;
	report_init(&r);
	r.year = 2023;
	r.office = xstrdup("某市");
	r.parts = xcalloc(2, sizeof *r.parts);
	r.parts[0] = xstrdup("甲局");
	r.parts[1] = xstrdup("乙<局>");
	r.nparts = 2;
	r.unchecked = true;
	struct strbuf sb = STRBUF_INIT;
	report_html(&r, &sb);
	const char *page = sb_str(&sb);
	assert_non_null(strstr(page, "<title>某市 2023年政府信息公开工作年度报告（统计部分）（汇总）"));
	assert_non_null(strstr(page, "本表为 2 个机关的汇总（含未通过检查的来源）："));
	assert_non_null(strstr(page, "<li>甲局</li>\n<li>乙&lt;局&gt;</li>"));
	sb_release(&sb);
	report_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_t2_values),
		cmocka_unit_test(test_t2_cell_text),
		cmocka_unit_test(test_title_and_parts),
		cmocka_unit_test(test_html_page),
		cmocka_unit_test(test_html_rollup_lists_its_bodies),
	};
	return gk_run_tests(tests, NULL, NULL);
}
