/*
 * test_text.c — UTF-8 decoding, display widths of Chinese text, and cutting, padding and
 * wrapping it into columns.
 *
 * Widths follow glibc's wcwidth in C.UTF-8 (the test environment): there the curly quotes “”
 * and the ellipsis … are 1 column (East-Asian "ambiguous", narrow in glibc), the full-width
 * brackets （） 2, emoji 2, combining marks 0.
 */
#include "testutil.h"

#include "text.h"

static void test_utf8_valid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool ok;
	} cases[] = {
		{ "", true }, { "abc", true }, { "张三（自然人）", true }, { "\xf0\x9f\x98\x80", true },
		{ "\xc2\x80", true }, { "\xef\xbf\xbd", true }, { "\xf4\x8f\xbf\xbf", true },
		{ "\xed\x9f\xbf", true }, { "\xee\x80\x80", true },
		{ "\xc0\x80", false }, { "\xc1\xbf", false }, { "\xe0\x9f\xbf", false },
		{ "\xf0\x8f\xbf\xbf", false }, { "\xed\xa0\x80", false }, { "\xed\xbf\xbf", false },
		{ "\xf4\x90\x80\x80", false }, { "\xf5\x80\x80\x80", false }, { "\xff", false },
		{ "\x80", false }, { "\xe5\xbc", false }, { "\xe5\xbc" "a", false },
		{ "\xd5\xc5\xc8\xfd", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (utf8_valid(cases[i].s, strlen(cases[i].s)) != cases[i].ok)
			fail_msg("case %zu", i);
	assert_true(utf8_valid("a\0b", 3));
}

static void test_utf8_decode(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("张", 3, &cp), 3);
	assert_int_equal(cp, 0x5F20);
	assert_int_equal(utf8_decode("\xf0\xa0\x80\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x20000);
	assert_int_equal(utf8_decode("\xe5\xbc", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_scan("\xe5\xbc", 2, &cp), UTF8_TRUNCATED);
	assert_int_equal(utf8_scan("\xe5\xbc" "a", 3, &cp), 0);
	assert_int_equal(utf8_scan("\xed\xa0", 2, &cp), 0);  /* a surrogate is wrong at once */

	assert_int_equal(utf8_chars("", 0), 0);
	assert_int_equal(utf8_chars("张三abc", strlen("张三abc")), 5);
	assert_int_equal(utf8_chars("e\xcc\x81", 3), 2);
	assert_int_equal(utf8_chars("\xff\xfe\xe5\xbc", 4), 4);
	assert_int_equal(utf8_chars("😀", 4), 1);
}

static void test_utf8_encode_every_scalar(void **state)
{
	(void)state;
	char buf[4];
	uint32_t back;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		size_t len = utf8_encode(cp, buf);
		if (utf8_scan(buf, len, &back) != (int)len || back != cp)
			fail_msg("U+%04X", (unsigned)cp);
	}
}

static const struct {
	const char *s;
	int width;
} width_cases[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ "张三", 4 },
	{ "张三abc", 7 },
	{ "2023年", 6 },
	{ "申请人（自然人）", 16 },
	{ "（）", 4 },
	{ "、。，：；！？", 14 },
	{ "“引号”", 6 },         /* the curly quotes are 1 each in glibc's C.UTF-8 */
	{ "…", 1 },
	{ "😀", 2 },
	{ "👍x", 3 },
	{ "e\xcc\x81", 1 },       /* e + combining acute */
	{ "\xe4\xb8\xad\xcc\x81", 2 },
	{ "\xef\xbc\xa1", 2 },    /* full-width Ａ */
	{ "\xf0\xa0\x80\x80", 2 }, /* U+20000 in CJK extension B */
	{ "\xff", 1 },            /* invalid bytes: U+FFFD each */
	{ "\xe5\xbc", 2 },
	{ "a\tb", 3 },            /* controls are shown as U+FFFD */
	{ "a\nb\x7f\xc2\x80", 5 },
	{ "\xef\xbf\xbd", 1 },
};

static void check_widths(const char *locale_name)
{
	for (size_t i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		int w = text_width(width_cases[i].s);
		if (w != width_cases[i].width)
			fail_msg("%s: width of [%s] is %d, want %d", locale_name, width_cases[i].s, w,
				width_cases[i].width);
		assert_int_equal(text_width_n(width_cases[i].s, strlen(width_cases[i].s)), w);
	}
	assert_int_equal(text_width_n("张三", 3), 2);
}

static void test_width(void **state)
{
	(void)state;
	check_widths("C.UTF-8");
	assert_int_equal(text_cp_width(0x201C), 1);
	assert_int_equal(text_cp_width(0xFF08), 2);
	assert_int_equal(text_cp_width(0x0301), 0);
	assert_int_equal(text_cp_width(0x200B), 0);
	assert_int_equal(text_cp_width(0x1F600), 2);
}

/* In the "C" locale wcwidth knows nothing beyond ASCII: the built-in table gives the same. */
static void test_width_without_utf8_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C"));
	check_widths("C");
	assert_non_null(setlocale(LC_CTYPE, ""));
}

static void test_clean(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, ">");
	text_clean("a\tb\x01\x7f\xc2\x80\xff张\xe5\xbc" "c\r\n", &sb);
	assert_string_equal(sb_str(&sb), ">a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
		"\xef\xbf\xbd张\xef\xbf\xbd\xef\xbf\xbd" "c\xef\xbf\xbd\xef\xbf\xbd");
	sb_release(&sb);
}

static void test_fit(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int width;
		enum text_align align;
		const char *want;
	} cases[] = {
		{ "abc", 5, TEXT_LEFT, "abc  " },
		{ "abc", 5, TEXT_RIGHT, "  abc" },
		{ "abc", 6, TEXT_CENTER, " abc  " },
		{ "abc", 3, TEXT_CENTER, "abc" },
		{ "12", 6, TEXT_CENTER, "  12  " },
		{ "123", 6, TEXT_CENTER, " 123  " },
		{ "张三", 6, TEXT_CENTER, " 张三 " },
		{ "张三", 5, TEXT_CENTER, "张三 " },
		{ "张三", 4, TEXT_LEFT, "张三" },
		{ "张三李四", 8, TEXT_LEFT, "张三李四" },
		{ "张三李四", 7, TEXT_LEFT, "张三李…" },
		{ "张三李四", 6, TEXT_LEFT, "张三… " },  /* 李 would straddle: pad instead */
		{ "张三李四", 6, TEXT_RIGHT, " 张三…" },
		{ "张三李四", 6, TEXT_CENTER, "张三… " },
		{ "张三李四", 5, TEXT_LEFT, "张三…" },
		{ "abcdef", 4, TEXT_LEFT, "abc…" },
		{ "a张三", 3, TEXT_LEFT, "a… " },
		{ "张", 2, TEXT_LEFT, "张" },
		{ "张三", 2, TEXT_LEFT, "… " },
		{ "张", 1, TEXT_LEFT, "…" },
		{ "abc", 1, TEXT_LEFT, "…" },
		{ "abc", 0, TEXT_LEFT, "" },
		{ "abc", -3, TEXT_RIGHT, "" },
		{ "", 3, TEXT_LEFT, "   " },
		{ "a\xff" "b", 3, TEXT_LEFT, "a\xef\xbf\xbd" "b" },
		{ "a\nb", 4, TEXT_RIGHT, " a\xef\xbf\xbd" "b" },
		{ "e\xcc\x81" "x", 2, TEXT_LEFT, "e\xcc\x81" "x" },
		{ "e\xcc\x81" "xy", 2, TEXT_LEFT, "e\xcc\x81…" },
		{ "“不予公开”", 6, TEXT_LEFT, "“不予…" },
		{ "（一）申请人", 8, TEXT_LEFT, "（一）… " },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct strbuf sb = STRBUF_INIT;
		text_fit_align(cases[i].s, cases[i].width, cases[i].align, &sb);
		if (strcmp(sb_str(&sb), cases[i].want) != 0)
			fail_msg("case %zu: [%s] in %d: got [%s], want [%s]", i, cases[i].s,
				cases[i].width, sb_str(&sb), cases[i].want);
		sb_release(&sb);
	}
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "|");
	text_fit("张三", 5, &sb);
	sb_adds(&sb, "|");
	assert_string_equal(sb_str(&sb), "|张三 |");
	/* no text (the label of a code a damaged file holds): blanks, never a crash */
	text_fit(NULL, 3, &sb);
	sb_adds(&sb, "|");
	assert_string_equal(sb_str(&sb), "|张三 |   |");
	sb_release(&sb);
}

/* Whatever the text, the result takes exactly the asked width and is a prefix of the text. */
static void test_fit_property(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"", "a", "张", "张三李四王五赵六", "a张b三c李d四", "（一）依申请公开", "e\xcc\x81\xcc\x81z",
		"😀😀a😀", "\xff\xfe张", "“引号”与…", "tab\there", "因不可抗力或者其他法定事由不能按期答复",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		for (int w = 0; w <= 40; w++) {
			for (int a = TEXT_LEFT; a <= TEXT_CENTER; a++) {
				struct strbuf sb = STRBUF_INIT;
				text_fit_align(texts[t], w, (enum text_align)a, &sb);
				if (text_width(sb_str(&sb)) != w || !utf8_valid(sb_str(&sb), sb.len))
					fail_msg("[%s] in %d: [%s]", texts[t], w, sb_str(&sb));
				sb_release(&sb);
			}
		}
	}
}

static void check_wrap(const char *s, int width, const char *const *want, size_t n)
{
	struct text_lines lines = { 0 };
	size_t got = text_wrap(s, width, &lines);
	if (got != n || lines.n != n)
		fail_msg("[%s] in %d: %zu lines, want %zu", s, width, got, n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(lines.line[i], want[i]) != 0)
			fail_msg("[%s] in %d: line %zu is [%s], want [%s]", s, width, i,
				lines.line[i], want[i]);
	text_lines_release(&lines);
	assert_null(lines.line);
}

static void test_wrap(void **state)
{
	(void)state;
	static const char *const a[] = { "申请人", "要求公", "开的信", "息内容" };
	check_wrap("申请人要求公开的信息内容", 6, a, 4);
	static const char *const b[] = { "申请", "人要", "求公", "开的", "信息", "内容" };
	check_wrap("申请人要求公开的信息内容", 5, b, 6);
	static const char *const c[] = { "hello", "world" };
	check_wrap("hello world", 5, c, 2);
	static const char *const d[] = { "a", "b", "c", "d", "" };
	check_wrap("a\nb\r\nc\rd\n", 10, d, 5);
	static const char *const e[] = { "" };
	check_wrap("", 5, e, 1);
	check_wrap("abc", 0, NULL, 0);
	static const char *const f[] = { "…", "a" };
	check_wrap("张a", 1, f, 2);
	static const char *const g[] = { "ab", "张" };
	check_wrap("ab张", 3, g, 2);
	static const char *const h[] = { "abc", "e\xcc\x81" };
	check_wrap("abce\xcc\x81", 3, h, 2);
	static const char *const i[] = { "ab\xef\xbf\xbd", "c" };
	check_wrap("ab\tc", 3, i, 2);
	static const char *const j[] = { "（二）", "申请人" };
	check_wrap("（二）申请人", 7, j, 2);
	/* a number, a case number or a date is not cut when it fits on the next line */
	static const char *const k[] = { "证件号码：4101 改为", "410105199001019999（理", "由：更正）" };
	check_wrap("证件号码：4101 改为 410105199001019999（理由：更正）", 22, k, 3);
	static const char *const l[] = { "收到申请", "2023-12-20，到期", "日 2024-01-18" };
	check_wrap("收到申请2023-12-20，到期日 2024-01-18", 16, l, 3);
	/* a word longer than the line is still cut, and Han text wraps anywhere */
	static const char *const m[] = { "见", "abcdef", "gh" };
	check_wrap("见abcdefgh", 6, m, 3);
	static const char *const o[] = { "ab cd", "efg" };
	check_wrap("ab cd efg", 5, o, 2);
	static const char *const p[] = { "a张", "b张" };
	check_wrap("a张b张", 3, p, 2);
}

/* 禁则: closing punctuation does not begin a line, opening punctuation does not end one; the
 * character before goes down with it, or the opening mark goes down to what it opens. */
static void test_wrap_punctuation(void **state)
{
	(void)state;
	static const char *const a[] = { "今天天气很", "好。明天" };
	check_wrap("今天天气很好。明天", 12, a, 2);
	static const char *const b[] = { "（见附件", "一）。其他" };
	check_wrap("（见附件一）。其他", 12, b, 2);
	static const char *const c[] = { "申请人张三", "（身份证）" };
	check_wrap("申请人张三（身份证）", 12, c, 2);
	static const char *const d[] = { "他说：", "「好」" };
	check_wrap("他说：「好」", 8, d, 2);
	static const char *const e[] = { "3.危及“三安全一稳", "定”" };
	check_wrap("3.危及“三安全一稳定”", 19, e, 2);
	static const char *const t[] = { "他说", "“好”" };
	check_wrap("他说“好”", 5, t, 2);
	/* ASCII punctuation after Han text, like its full-width forms */
	static const char *const f[] = { "申请内", "容,见附" };
	check_wrap("申请内容,见附", 8, f, 2);
	static const char *const g[] = { "申请人", "(张三)" };
	check_wrap("申请人(张三)", 8, g, 2);
	static const char *const h[] = { "第一", "[二]" };
	check_wrap("第一[二]", 5, h, 2);
	/* … and within ASCII text a word is kept whole as before */
	static const char *const i[] = { "see f(x),", "g(y)" };
	check_wrap("see f(x), g(y)", 9, i, 2);
	/* a word goes down with its punctuation, a dash or an ellipsis is not split */
	static const char *const j[] = { "编号", "ABC123、其", "他" };
	check_wrap("编号ABC123、其他", 10, j, 3);
	static const char *const k[] = { "他", "说——", "好" };
	check_wrap("他说——好", 5, k, 3);
	static const char *const l[] = { "等", "等……" };
	check_wrap("等等……", 5, l, 2);
	/* combining marks stay with their character; spaces at the break are dropped, before it
	 * as after it */
	static const char *const m[] = { "看e\xcc\x81", "见、" };
	check_wrap("看e\xcc\x81见、", 4, m, 2);
	static const char *const o[] = { "一 二", "三。" };
	check_wrap("一 二 三。", 6, o, 2);
	static const char *const s[] = { "ab", "cd" };
	check_wrap("ab cd", 3, s, 2);
	/* a line that would be left empty, or a long run of punctuation, is broken anyway */
	static const char *const p[] = { "、", "、", "、" };
	check_wrap("、、、", 2, p, 3);
	static const char *const q[] = { "（", "（" };
	check_wrap("（（", 3, q, 2);
	static const char *const r[] = { "一二三", "四」」」", "」" };
	check_wrap("一二三四」」」」", 8, r, 3);
}

/* A label of table 三 in a 36-column cell: 、 does not begin the second line. */
static void test_wrap_report_label_punctuation(void **state)
{
	(void)state;
	static const char *const a[] = { "2.申请人逾期未按收费通知要求缴纳费",
					 "用、行政机关不再处理其政府信息公开申", "请" };
	check_wrap("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 36,
		   a, 3);
	static const char *const b[] = { "（二）部分公开（区分处理的，只计这一情形，不计其他情",
					 "形）" };
	check_wrap("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 52, b, 2);
}

/* A 33-character label of table 三 in a 24-column cell of the text report. */
static void test_wrap_report_label(void **state)
{
	(void)state;
	static const char label[] = "因不可抗力或者其他法定事由不能按期作出答复而依法延长答复期限的数量";
	struct text_lines lines = { 0 };
	struct strbuf joined = STRBUF_INIT;

	assert_int_equal(utf8_chars(label, strlen(label)), 33);
	sb_adds(&joined, "x");
	assert_int_equal(text_wrap(label, 24, &lines), 3);
	assert_int_equal(text_wrap("第二段", 24, &lines), 1);  /* appends */
	assert_int_equal(lines.n, 4);
	for (size_t k = 0; k < 3; k++) {
		assert_true(text_width(lines.line[k]) <= 24);
		sb_adds(&joined, lines.line[k]);
	}
	assert_int_equal(text_width(lines.line[0]), 24);
	assert_int_equal(text_width(lines.line[2]), 18);
	assert_string_equal(sb_str(&joined) + 1, label);
	assert_string_equal(lines.line[3], "第二段");
	text_lines_release(&lines);
	sb_release(&joined);
}

static void test_blank_and_pad(void **state)
{
	(void)state;
	assert_true(text_blank(NULL));
	assert_true(text_blank(""));
	assert_true(text_blank(" \t\r\n\u3000 "));
	assert_false(text_blank(" 理由 "));
	assert_false(text_blank("\u3001"));   /* 、 is not a space */
	struct strbuf sb = STRBUF_INIT;
	text_pad("A1", 5, &sb);
	assert_string_equal(sb_str(&sb), "A1   ");
	sb_reset(&sb);
	text_pad("郑东社事〔2026〕12号", 12, &sb);   /* wider than 12: whole, not cut */
	assert_string_equal(sb_str(&sb), "郑东社事〔2026〕12号");
	sb_reset(&sb);
	text_pad("张三", 6, &sb);
	assert_string_equal(sb_str(&sb), "张三  ");
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blank_and_pad),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_utf8_encode_every_scalar),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_without_utf8_locale),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_property),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_punctuation),
		cmocka_unit_test(test_wrap_report_label_punctuation),
		cmocka_unit_test(test_wrap_report_label),
	};
	return gk_run_tests(tests, NULL, NULL);
}
