/*
 * test_annual.c — the whole annual report: the fields of the office's text, the reading of the
 * numbers it writes (digits, full-width digits, Chinese numerals; which word a number follows),
 * the fee sentences, the empty and copied sections, and the text kept per year with versions.
 */
#include "testutil.h"

#include "annual.h"
#include "docx.h"

/* An annual report of 2023 with table 三 totals new 12, carried in 2, answered 13, carried
 * out 1, table 二 entered, last year's text "去年的文字", and section text k. */
static void setup_annual(struct annual *a)
{
	annual_init(a);
	a->r.year = 2023;
	a->r.t3.v[R_NEW][T3_TOTAL] = 12;
	a->r.t3.v[R_CARRIED_IN][T3_TOTAL] = 2;
	a->r.t3.v[R_PROCESSED_TOTAL][T3_TOTAL] = 13;
	a->r.t3.v[R_CARRIED_OUT][T3_TOTAL] = 1;
	a->r.t2.entered = true;
	a->r.balanced = a->r.carry_matches = true;
	a->text[AN_OVERVIEW] = xstrdup("（一）主动公开\n本局主动公开信息。\n");
	a->text[AN_PROBLEMS] = xstrdup("（一）存在问题\n公开不够及时。\n");
}

/* The problems annual_check finds with the overview's second paragraph being `text`. */
static size_t problems_with(struct annual *a, const char *text)
{
	free(a->text[AN_OVERVIEW]);
	a->text[AN_OVERVIEW] = xasprintf("（二）依申请公开\n%s\n", text);
	annual_check(a);
	return a->problems.n;
}

static void test_numbers_in_the_text(void **state)
{
	(void)state;
	struct annual a;
	setup_annual(&a);
	assert_int_equal(problems_with(&a, "全年共受理申请 12 件，办结 13 件，结转下年度继续办理 1 件。"), 0);
	assert_int_equal(problems_with(&a, "全年共受理申请 13 件。"), 1);
	assert_non_null(strstr(a.problems.lines[0], "写 13 件，表三的本年新收申请为 12 件"));
	assert_non_null(strstr(a.problems.lines[0], "一、总体情况：「全年共受理申请 13 件。」"));
	/* 受理 may count the carried-in applications too: 12 + 2 */
	assert_int_equal(problems_with(&a, "共受理申请 14 件（含上年结转 2 件）。"), 0);
	assert_int_equal(problems_with(&a, "共受理申请 14 件（含上年结转 3 件）。"), 1);
	assert_non_null(strstr(a.problems.lines[0], "表三的上年结转申请为 2 件"));
	/* Chinese numerals and full-width digits */
	assert_int_equal(problems_with(&a, "全年收到申请十二件，办结十三件。"), 0);
	assert_int_equal(problems_with(&a, "全年收到申请一十二件，办结十四件。"), 1);
	assert_int_equal(problems_with(&a, "全年收到申请１２件。"), 0);
	assert_int_equal(problems_with(&a, "全年收到申请１３件。"), 1);
	/* a number after a word that makes it something else is left alone */
	assert_int_equal(problems_with(&a, "收到申请 12 件，其中予以公开 5 件，同比增长 3 件。"), 0);
	assert_int_equal(problems_with(&a, "较上年收到的 20 件申请有所减少。"), 0);
	/* no 申请 in the sentence: not about applications */
	assert_int_equal(problems_with(&a, "全年收到来信 30 件。"), 0);
	/* each sentence on its own: the word before a number in another sentence does not count */
	assert_int_equal(problems_with(&a, "全年办结。申请 99 件资料已归档。"), 0);
	annual_release(&a);
}

static void test_fees_in_the_text(void **state)
{
	(void)state;
	struct annual a;
	setup_annual(&a);
	a.r.fees_fen = 394000;
	a.text[AN_OTHER] = xstrdup("全年收取信息处理费 3,940 元。");
	annual_check(&a);
	assert_int_equal(a.problems.n, 0);
	free(a.text[AN_OTHER]);
	a.text[AN_OTHER] = xstrdup("全年收取信息处理费0.394万元。");
	annual_check(&a);
	assert_int_equal(a.problems.n, 0);
	free(a.text[AN_OTHER]);
	a.text[AN_OTHER] = xstrdup("全年未收取政府信息公开信息处理费。");
	annual_check(&a);
	assert_int_equal(a.problems.n, 1);
	assert_non_null(strstr(a.problems.lines[0], "说未收取，而本年收取的信息处理费为 3940 元"));
	free(a.text[AN_OTHER]);
	a.text[AN_OTHER] = xstrdup("全年收取信息处理费 3940.5 元。");
	annual_check(&a);
	assert_int_equal(a.problems.n, 1);
	assert_non_null(strstr(a.problems.lines[0], "六、其他需要报告的事项"));
	annual_release(&a);
}

static void test_empty_copied_and_table2(void **state)
{
	(void)state;
	struct annual a;
	setup_annual(&a);
	annual_check(&a);
	assert_int_equal(a.problems.n, 0);
	assert_true(annual_passes(&a));
	/* the skeleton alone is not written */
	free(a.text[AN_PROBLEMS]);
	a.text[AN_PROBLEMS] = xstrdup(annual_section_skeleton(AN_PROBLEMS));
	annual_check(&a);
	assert_int_equal(a.problems.n, 1);
	assert_non_null(strstr(a.problems.lines[0], "五、存在的主要问题及改进情况：尚未填写"));
	assert_false(annual_passes(&a));
	/* last year's text, but for spaces and blank lines */
	free(a.text[AN_PROBLEMS]);
	a.text[AN_PROBLEMS] = xstrdup("（一）存在问题\n\n公开不够及时。");
	a.last[AN_PROBLEMS] = xstrdup("（一）存在问题\n公开不够及时。\n");
	annual_check(&a);
	assert_int_equal(a.problems.n, 1);
	assert_non_null(strstr(a.problems.lines[0], "与 2022 年报告的文字相同"));
	free(a.last[AN_PROBLEMS]);
	a.last[AN_PROBLEMS] = NULL;
	a.r.t2.entered = false;
	annual_check(&a);
	assert_int_equal(a.problems.n, 1);
	assert_non_null(strstr(a.problems.lines[0], "表二尚未录入"));
	/* a failing table check fails the report */
	a.r.t2.entered = true;
	annual_check(&a);
	assert_true(annual_passes(&a));
	a.r.balanced = false;
	assert_false(annual_passes(&a));
	annual_release(&a);
}

static void test_fields(void **state)
{
	(void)state;
	struct annual a;
	setup_annual(&a);
	a.r.fees_fen = 12345;
	struct strbuf out = STRBUF_INIT;
	annual_expand(&a.r, "{本年新收}/{上年结转}/{办结}/{结转下年}/{收费金额}元 {收费句} {未知} {", &out);
	assert_string_equal(sb_str(&out), "12/2/13/1/123.45元 全年收取政府信息公开信息处理费123.45元。 "
			    "{未知} {");
	sb_reset(&out);
	annual_expand(&a.r, "{概述句}", &out);
	assert_string_equal(sb_str(&out), "全年共受理依申请公开信息公开申请 12 件，上年结转 2 件，办结 13 件，"
			    "结转下年度继续办理 1 件。");
	sb_release(&out);
	struct diag d = DIAG_INIT;
	assert_true(annual_fields_valid("{概述句}\n{表二收费} { 空格 不是字段", &d));
	assert_false(annual_fields_valid("第一行\n第二行 {收到件数}", &d));
	assert_string_equal(diag_last(&d), "第 2 行: 未知的字段 {收到件数}（可用的字段：{概述句}、{收费句}、"
			    "{本年新收}、{上年结转}、{办结}、{结转下年}、{收费金额}、{表二收费}）");
	diag_release(&d);
	assert_int_equal(annual_section_parse("总体情况"), AN_OVERVIEW);
	assert_int_equal(annual_section_parse("problems"), AN_PROBLEMS);
	assert_int_equal(annual_section_parse("其他"), -1);
	annual_release(&a);
}

/* The document: title, six headings in order, three tables, the office's subsection headings. */
static void test_document(void **state)
{
	(void)state;
	struct annual a;
	setup_annual(&a);
	a.r.office = xstrdup("某局");
	struct docx *doc = annual_docx(&a, true);
	assert_string_equal(docx_text_at(doc, 0), "某局 2023年政府信息公开工作年度报告（草稿）");
	static const char *const headings[] = { "一、总体情况", "二、主动公开政府信息情况",
		"三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
		"五、存在的主要问题及改进情况", "六、其他需要报告的事项" };
	size_t h = 0, tables = 0, sub = 0;
	for (size_t i = 0; i < docx_count(doc); i++) {
		if (docx_kind_at(doc, i) == DOCX_HEADING1)
			assert_string_equal(docx_text_at(doc, i), headings[h++]);
		tables += docx_kind_at(doc, i) == DOCX_TABLE;
		sub += docx_kind_at(doc, i) == DOCX_HEADING2;
	}
	assert_int_equal(h, 6);
	assert_int_equal(tables, 3);
	assert_int_equal(sub, 2);   /* （一）主动公开 and （一）存在问题 */
	docx_free(&doc);
	annual_release(&a);
}

static void test_store_sections(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct diag d = DIAG_INIT;
	char *body;
	long long v;
	assert_int_equal(store_section_get(s, 2023, "overview", &body, &v, &d), ST_OK);
	assert_null(body);
	assert_int_equal(v, 0);
	assert_int_equal(store_section_put(s, 2023, "overview", "总体情况", "第一稿", 0, &d), ST_OK);
	assert_int_equal(store_section_get(s, 2023, "overview", &body, &v, &d), ST_OK);
	assert_string_equal(body, "第一稿");
	assert_int_equal(v, 1);
	free(body);
	/* another clerk saved version 2 in between: a save of what was read at 1 is refused */
	assert_int_equal(store_section_put(s, 2023, "overview", "总体情况", "第二稿", 1, &d), ST_OK);
	assert_int_equal(store_section_put(s, 2023, "overview", "总体情况", "我的稿", 1, &d),
			 ST_CONFLICT);
	assert_non_null(strstr(diag_last(&d), "已被其他人修改"));
	assert_int_equal(store_section_get(s, 2023, "overview", &body, &v, &d), ST_OK);
	assert_string_equal(body, "第二稿");
	assert_int_equal(v, 2);
	free(body);
	/* "" removes it */
	assert_int_equal(store_section_put(s, 2023, "overview", "总体情况", "", 2, &d), ST_OK);
	assert_int_equal(store_section_get(s, 2023, "overview", &body, &v, &d), ST_OK);
	assert_null(body);
	diag_release(&d);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_in_the_text),
		cmocka_unit_test(test_fees_in_the_text),
		cmocka_unit_test(test_empty_copied_and_table2),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_store_sections),
	};
	return gk_run_tests(tests, NULL, NULL);
}
