/*
 * test_report.c — a year's report: built from the database, its JSON written and read back
 * exactly, malformed JSON refused with a line naming what, the sentences, CSV and text.
 */
#include "testutil.h"

#include "table2.h"

#include "report.h"
#include "text.h"

static struct store *sample(void)
{
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	static const struct { int type; const char *got, *done, *outcome; } rows[] = {
		{ AT_PERSON, "2022-12-20", "2023-01-10", "granted" },
		{ AT_PERSON, "2023-02-01", "2023-02-20", "withheld.process" },
		{ AT_LEGAL, "2023-03-01", "2023-03-02", "rejected.repeat" },
		{ AT_RESEARCH, "2023-12-25", NULL, NULL },
		{ AT_OTHER, "2023-06-01", "2023-06-09", "other.other" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		mkapp(&a, rows[i].type, rows[i].got, rows[i].done, rows[i].outcome);
		if (i == 1) {
			a.d.fee_notice = D("2023-02-03");
			a.d.fee_paid_on = D("2023-02-06");
			a.fee_fen = 394000;
			a.review = (struct review_case){ T4_REVIEW, D("2023-04-01"), -1, DATE_NONE };
		}
		put(s, &a);
	}
	assert_int_equal(store_office_set(s, "某市某局 <测试> & \"引号\"", NULL), ST_OK);
	struct table2 t2 = { .entered = true, .v = { 1, 0, 5, 2, 1, 30, 12, 4, T2_NA,
						      592372449 } };
	assert_int_equal(store_table2_set(s, 2023, &t2, NULL), ST_OK);
	app_release(&a);
	return s;
}

static void test_build_and_json_round_trip(void **state)
{
	(void)state;
	struct store *s = sample();
	struct report r, back;
	report_init(&r);
	report_init(&back);
	assert_int_equal(report_build(s, 2023, &r, NULL), ST_OK);
	assert_true(r.balanced);
	assert_true(r.carry_matches);
	assert_int_equal(r.t3.v[R_NEW][T3_TOTAL], 4);
	assert_int_equal(r.t3.v[R_CARRIED_IN][AT_PERSON], 1);
	assert_int_equal(r.t3.v[R_CARRIED_OUT][AT_RESEARCH], 1);
	assert_int_equal(r.t4.v[T4_REVIEW][T4_PENDING], 1);
	assert_int_equal(r.fees_fen, 394000);

	struct strbuf j = STRBUF_INIT, j2 = STRBUF_INIT;
	report_json(&r, &j);
	assert_non_null(strstr(j.buf, "\"new\":                        [1, 0, 1, 0, 1, 1, 4]"));
	assert_non_null(strstr(j.buf, "\"fees_yuan\": \"3940.00\""));
	assert_non_null(strstr(j.buf, "\"fees\": {\"amount\": \"59237.2449\"}"));
	assert_non_null(strstr(j.buf, "\"licensing\": {\"decisions\": 12}"));
	assert_non_null(strstr(j.buf, "\"coercion\": {\"decisions\": null}"));
	assert_non_null(strstr(j.buf, "\\\"引号\\\""));
	assert_int_equal(report_from_json(j.buf, j.len, &back, NULL), ST_OK);
	assert_true(tally_table3_equal(&r.t3, &back.t3));
	assert_true(tally_table4_equal(&r.t4, &back.t4));
	assert_memory_equal(&r.t2, &back.t2, sizeof r.t2);
	assert_string_equal(back.office, r.office);
	report_json(&back, &j2);
	assert_string_equal(j.buf, j2.buf);
	sb_release(&j);
	sb_release(&j2);
	report_release(&r);
	report_release(&back);
	store_close(&s);
}

static void test_json_refusals(void **state)
{
	(void)state;
	struct store *s = sample();
	struct report r;
	report_init(&r);
	assert_int_equal(report_build(s, 2023, &r, NULL), ST_OK);
	struct strbuf j = STRBUF_INIT;
	report_json(&r, &j);
	static const struct { const char *from, *to, *want; } edits[] = {
		{ "\"format\": \"2021\"", "\"format\": \"2019\"", "format:" },
		{ "\"year\": 2023", "\"year\": \"2023\"", "year:" },
		{ "\"carried_out\":", "\"carried_off\":", "table3.carried_out" },
		{ "[1, 0, 1, 0, 1, 1, 4]", "[1, 0, 1, 0, 1, 1]", "table3.new" },
		{ "[1, 0, 1, 0, 1, 1, 4]", "[1, 0, -1, 0, 1, 1, 4]", "table3.new[2]" },
		{ "\"fees_yuan\": \"3940.00\"", "\"fees_yuan\": 3940", "fees_yuan" },
		{ "\"upheld\": 0", "\"upheld\": 0.5", "table4.review.upheld" },
		{ "\"person\", \"business\"", "\"business\", \"person\"", "columns" },
		{ "{\n", "[\n", "不是有效的 JSON" },
	};
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		char *t = strdup(j.buf);
		char *at = strstr(t, edits[i].from);
		assert_non_null(at);
		struct strbuf e = STRBUF_INIT;
		sb_add(&e, t, (size_t)(at - t));
		sb_adds(&e, edits[i].to);
		sb_adds(&e, at + strlen(edits[i].from));
		struct diag d = DIAG_INIT;
		struct report x;
		report_init(&x);
		assert_int_equal(report_from_json(e.buf, e.len, &x, &d), ST_DATA);
		if (!strstr(diag_last(&d), edits[i].want))
			fail_msg("edit %zu: \"%s\" lacks \"%s\"", i, diag_last(&d), edits[i].want);
		report_release(&x);
		diag_release(&d);
		sb_release(&e);
		free(t);
	}
	sb_release(&j);
	report_release(&r);
	store_close(&s);
}

static void test_unbalanced_json_is_read_but_flagged(void **state)
{
	(void)state;
	struct store *s = sample();
	struct report r;
	report_init(&r);
	assert_int_equal(report_build(s, 2023, &r, NULL), ST_OK);
	r.t3.v[R_GRANTED][AT_PERSON] += 1;   /* a table someone typed by hand */
	r.t3.v[R_GRANTED][T3_TOTAL] += 1;
	struct strbuf j = STRBUF_INIT;
	report_json(&r, &j);
	struct report back;
	report_init(&back);
	assert_int_equal(report_from_json(j.buf, j.len, &back, NULL), ST_OK);
	assert_false(back.balanced);
	assert_true(back.problems.n > 0);
	sb_release(&j);
	report_release(&r);
	report_release(&back);
	store_close(&s);
}

static void test_sentences(void **state)
{
	(void)state;
	struct report r;
	report_init(&r);
	struct strbuf t = STRBUF_INIT;
	report_fee_sentence(&r, &t);
	assert_string_equal(t.buf, "全年未收取政府信息公开信息处理费。");
	sb_reset(&t);
	r.fees_fen = 394000;
	report_fee_sentence(&r, &t);
	assert_string_equal(t.buf, "全年收取政府信息公开信息处理费3940元。");
	sb_reset(&t);
	r.fees_fen = 10050;
	report_fee_sentence(&r, &t);
	assert_string_equal(t.buf, "全年收取政府信息公开信息处理费100.50元。");
	sb_reset(&t);
	r.t3.v[R_NEW][T3_TOTAL] = 8;
	r.t3.v[R_PROCESSED_TOTAL][T3_TOTAL] = 8;
	report_overview_sentence(&r, &t);
	assert_string_equal(t.buf, "全年共受理依申请公开信息公开申请 8 件，办结 8 件。");
	sb_reset(&t);
	r.t3.v[R_CARRIED_IN][T3_TOTAL] = 2;
	r.t3.v[R_CARRIED_OUT][T3_TOTAL] = 2;
	report_overview_sentence(&r, &t);
	assert_string_equal(t.buf, "全年共受理依申请公开信息公开申请 8 件，上年结转 2 件，办结 8 件，"
				   "结转下年度继续办理 2 件。");
	sb_release(&t);
	report_release(&r);
}

static void test_csv_and_text_hold_every_label(void **state)
{
	(void)state;
	struct store *s = sample();
	struct report r;
	report_init(&r);
	assert_int_equal(report_build(s, 2023, &r, NULL), ST_OK);
	struct strbuf c = STRBUF_INIT, t = STRBUF_INIT;
	report_csv(&r, &c);
	report_text(&r, 120, &t);
	assert_memory_equal(c.buf, "\xEF\xBB\xBF", 3);
	for (int row = 0; row < T3_ROWS; row++)
		assert_non_null(strstr(c.buf, t3_row_label(row)));
	assert_non_null(strstr(c.buf, T3_CORNER_NOTE));
	assert_non_null(strstr(c.buf, "三、本年度办理结果,（三）不予公开,6.属于四类过程性信息,1,0,0,0,0,0,1"));
	assert_non_null(strstr(c.buf, "行政事业性收费,59237.2449"));
	assert_non_null(strstr(c.buf, "行政强制,/"));
	/* the text table: labels wrap in their cells, so look for short ones and the sentences */
	assert_non_null(strstr(t.buf, "1.属于国家秘密"));
	assert_non_null(strstr(t.buf, "法人或其他组织"));
	assert_non_null(strstr(t.buf, "勾稽关系: ✓ 成立"));
	/* section 六 as the format heads it, its sentence below, then the overview — in both */
	struct strbuf want = STRBUF_INIT;
	sb_adds(&want, "\n六、其他需要报告的事项\n全年收取政府信息公开信息处理费3940元。\n\n");
	report_overview_sentence(&r, &want);
	sb_adds(&want, "\n");
	assert_non_null(strstr(t.buf, sb_str(&want)));
	sb_reset(&want);
	sb_adds(&want, "\r\n六、其他需要报告的事项\r\n全年收取政府信息公开信息处理费3940元。\r\n\r\n");
	report_overview_sentence(&r, &want);
	sb_adds(&want, "\r\n");
	assert_true(c.len > want.len);
	assert_string_equal(c.buf + c.len - want.len, sb_str(&want));
	assert_null(strstr(c.buf, "收费情况"));
	sb_release(&want);
	/* every line of table 三 is equally wide in display columns */
	const char *start = strstr(t.buf, "三、收到和处理政府信息公开申请情况\n");
	assert_non_null(start);
	start = strchr(start, '\n') + 1;
	int width = -1, lines = 0;
	/* box-drawing characters all begin with the byte 0xE2 */
	for (const char *p = start; (unsigned char)*p == 0xE2; lines++) {
		const char *nl = strchr(p, '\n');
		int w = text_width_n(p, (size_t)(nl - p));
		if (width < 0)
			width = w;
		assert_int_equal(w, width);
		p = nl + 1;
	}
	assert_true(lines > 2 * T3_ROWS);
	assert_true(width > 80);
	sb_release(&c);
	sb_release(&t);
	report_release(&r);
	store_close(&s);
}

/* A roll-up's CSV has the text's heading and its list of bodies: it cannot be taken for one
 * body's report, named or not. */
static void test_rollup_csv_as_text(void **state)
{
	(void)state;
	struct report r;
	report_init(&r);
	r.year = 2023;
	r.parts = calloc(2, sizeof *r.parts);
	r.parts[r.nparts++] = strdup("甲局");
	r.parts[r.nparts++] = strdup("乙局");
	for (int named = 0; named < 2; named++) {
		if (named)
			r.office = strdup("某市");
		struct strbuf c = STRBUF_INIT, t = STRBUF_INIT, head = STRBUF_INIT;
		report_csv(&r, &c);
		report_text(&r, 120, &t);
		report_title(&r, REPORT_TABLES, false, &head);
		assert_string_equal(sb_str(&head), named ? "某市 2023年政府信息公开工作年度报告（统计部分）（汇总）"
					      : "2023年政府信息公开工作年度报告（统计部分）（汇总）");
		assert_memory_equal(c.buf + 3, head.buf, head.len);
		assert_memory_equal(c.buf + 3 + head.len, "\r\n", 2);
		assert_memory_equal(t.buf, head.buf, head.len);
		const char *parts = "本表为 2 个机关的汇总：甲局、乙局";
		assert_non_null(strstr(t.buf, parts));
		assert_true(c.len > strlen(parts) + 2);
		assert_memory_equal(c.buf + c.len - strlen(parts) - 2, parts, strlen(parts));
		sb_release(&c);
		sb_release(&t);
		sb_release(&head);
	}
	report_release(&r);
}

/* Whether the text at p begins with a box-drawing character (U+2500–U+257F). */
static bool box_at(const char *p)
{
	uint32_t cp;
	utf8_decode(p, strlen(p), &cp);
	return cp >= 0x2500 && cp <= 0x257F;
}

/* At every width the screen may give it, no line of a label in table 三 begins with closing
 * punctuation (、，。）” …) or ends with opening punctuation (（“ …): text_wrap's 禁则. A cell
 * one character wide (三、本年度办理结果 standing vertically) has no choice and is let be. */
static void test_text_labels_keep_punctuation(void **state)
{
	(void)state;
	static const char *const closing[] = { "、", "，", "。", "；", "：", "）", "”", "…" };
	static const char *const opening[] = { "（", "“" };
	struct store *s = sample();
	struct report r;
	report_init(&r);
	assert_int_equal(report_build(s, 2023, &r, NULL), ST_OK);
	for (int width = 60; width <= 200; width++) {
		struct strbuf t = STRBUF_INIT;
		report_text_table3(&r, width, &t);
		for (const char *p = strstr(t.buf, "│"); p; p = strstr(p + 1, "│")) {
			const char *q = p + strlen("│");
			while (*q == ' ')
				q++;
			for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++) {
				size_t n = strlen(closing[i]);
				if (strncmp(q, closing[i], n) == 0 && !box_at(q + n))
					fail_msg("width %d: a line begins with %s: %.*s", width,
						 closing[i], (int)strcspn(p, "\n"), p);
			}
		}
		for (const char *p = t.buf; (p = strstr(p, "│")) != NULL; p += strlen("│")) {
			for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++) {
				size_t n = strlen(opening[i]);
				const char *q = p;
				while (q > t.buf && q[-1] == ' ')
					q--;
				if ((size_t)(q - t.buf) >= n && strncmp(q - n, opening[i], n) == 0)
					fail_msg("width %d: a line ends with %s", width, opening[i]);
			}
		}
		sb_release(&t);
	}
	report_release(&r);
	store_close(&s);
}

/* Table 二's 万元 as published reports print them; the JSON keeps four decimals. */
static void test_wan_without_trailing_zeros(void **state)
{
	(void)state;
	static const struct { long long yuan; const char *shown, *exact; } cases[] = {
		{ 961716000, "96171.6", "96171.6000" }, { 0, "0", "0.0000" },
		{ 592372449, "59237.2449", "59237.2449" }, { 10000, "1", "1.0000" },
		{ 1, "0.0001", "0.0001" }, { 100100, "10.01", "10.0100" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[32];
		assert_string_equal(table2_format_wan(cases[i].yuan, buf), cases[i].shown);
		assert_string_equal(table2_format_wan_exact(cases[i].yuan, buf), cases[i].exact);
		long long back;
		assert_true(table2_parse_wan(cases[i].shown, &back));
		assert_int_equal(back, cases[i].yuan);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_and_json_round_trip),
		cmocka_unit_test(test_json_refusals),
		cmocka_unit_test(test_unbalanced_json_is_read_but_flagged),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_csv_and_text_hold_every_label),
		cmocka_unit_test(test_rollup_csv_as_text),
		cmocka_unit_test(test_text_labels_keep_punctuation),
		cmocka_unit_test(test_wan_without_trailing_zeros),
	};
	return gk_run_tests(tests, NULL, NULL);
}
