/*
 * test_encoding.c — detecting UTF-8 and GB18030 ledgers and converting their fields.
 *
 * GB18030 bytes are written as escapes: 张三 = D5C5 C8FD, 李四 = C0EE CBC4, € = A2E3,
 * 𠀀 (U+20000) = 9532 8236 and 😀 (U+1F600) = 9439 FC36 (four-byte sequences).
 */
#include "testutil.h"

#include "csv.h"
#include "encoding.h"

static void test_names(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool ok;
		enum encoding enc;
	} cases[] = {
		{ "utf-8", true, ENC_UTF8 }, { "UTF-8", true, ENC_UTF8 }, { "utf8", true, ENC_UTF8 },
		{ "Utf8", true, ENC_UTF8 }, { "gb18030", true, ENC_GB18030 },
		{ "GB18030", true, ENC_GB18030 }, { "gbk", true, ENC_GB18030 },
		{ "GBK", true, ENC_GB18030 }, { "gb2312", true, ENC_GB18030 },
		{ "cp936", true, ENC_GB18030 }, { "", false, ENC_UTF8 }, { "utf-16", false, ENC_UTF8 },
		{ "latin1", false, ENC_UTF8 }, { "gb", false, ENC_UTF8 }, { "utf-8 ", false, ENC_UTF8 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum encoding e = ENC_UTF8;
		assert_int_equal(encoding_parse(cases[i].s, &e), cases[i].ok);
		if (cases[i].ok)
			assert_int_equal(e, cases[i].enc);
	}
	assert_string_equal(encoding_name(ENC_UTF8), "UTF-8");
	assert_string_equal(encoding_name(ENC_GB18030), "GB18030");
}

static void test_detect(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool whole;
		enum encoding want;
	} cases[] = {
		{ "", true, ENC_UTF8 },
		{ "case_no,received\r\n", true, ENC_UTF8 },
		{ "编号,申请人\r\n张三\r\n", true, ENC_UTF8 },
		{ "\xEF\xBB\xBF" "a\r\n", true, ENC_UTF8 },
		/* a BOM wins even over bytes that are not UTF-8 */
		{ "\xEF\xBB\xBF\xd5\xc5\xc8\xfd", true, ENC_UTF8 },
		{ "\xd5\xc5\xc8\xfd,\xc0\xee\xcb\xc4\r\n", true, ENC_GB18030 },
		{ "\xc9\xea\xc7\xeb\xc8\xcb,\x95\x32\x82\x36\x94\x39\xfc\x36\r\n", true, ENC_GB18030 },
		{ "a,\xa2\xe3", true, ENC_GB18030 },
		/* 张 and the first byte of 三 in UTF-8: cut by the sample, or the whole file? As a
		 * whole file these four bytes are not UTF-8 but are two GB18030 characters. */
		{ "\xe5\xbc\xa0\xe4", false, ENC_UTF8 },
		{ "\xe5\xbc\xa0\xe4", true, ENC_GB18030 },
		{ "\xe5\xbc\xa0\xe4\xb8", false, ENC_UTF8 },
		/* 张 and the lead byte of 三 in GB18030 */
		{ "\xd5\xc5\xc8", false, ENC_GB18030 },
		{ "\xd5\xc5\xc8", true, ENC_UTF8 },
		/* the first three bytes of a four-byte GB18030 sequence */
		{ "\xd5\xc5\x95\x32\x82", false, ENC_GB18030 },
		/* neither: reported later as invalid UTF-8 */
		{ "\x80" "abc", true, ENC_UTF8 },
		{ "ab\xff\xfe", true, ENC_UTF8 },
		{ "\xd5\xc5\xd5\x7f", true, ENC_UTF8 },
		{ "\xc0\xaf", true, ENC_GB18030 },  /* an overlong UTF-8 "/" is GB18030 text */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum encoding got = encoding_detect(cases[i].s, strlen(cases[i].s), cases[i].whole);
		if (got != cases[i].want)
			fail_msg("case %zu: detected %s", i, encoding_name(got));
	}
}

/* A 64 KiB sample that ends in the middle of a character is still recognised. */
static void test_detect_cut_sample(void **state)
{
	(void)state;
	struct strbuf utf = STRBUF_INIT, gb = STRBUF_INIT;
	while (utf.len < ENCODING_SAMPLE + 10)
		sb_adds(&utf, "申请人,张三\r\n");
	while (gb.len < ENCODING_SAMPLE + 10)
		sb_adds(&gb, "\xc9\xea\xc7\xeb\xc8\xcb,\xd5\xc5\xc8\xfd,\x95\x32\x82\x36\r\n");
	for (size_t cut = ENCODING_SAMPLE - 20; cut < ENCODING_SAMPLE; cut++) {
		assert_int_equal(encoding_detect(utf.buf, cut, false), ENC_UTF8);
		assert_int_equal(encoding_detect(gb.buf, cut, false), ENC_GB18030);
	}
	sb_release(&utf);
	sb_release(&gb);
}

static void check_convert(struct encoding_conv *c, const char *in, const char *want)
{
	struct strbuf out = STRBUF_INIT;
	sb_adds(&out, "前:");
	bool ok = encoding_convert(c, in, strlen(in), &out);
	if (!want) {
		if (ok)
			fail_msg("accepted [%s]", in);
		assert_string_equal(sb_str(&out), "前:");  /* left as it was */
		assert_int_equal(out.len, strlen("前:"));
	} else {
		if (!ok)
			fail_msg("refused [%s]", want);
		assert_string_equal(sb_str(&out) + strlen("前:"), want);
	}
	sb_release(&out);
}

static void test_utf8_fields(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "", "" }, { "abc", "abc" }, { "张三", "张三" }, { "\xf0\x9f\x98\x80", "😀" },
		{ "\xef\xbf\xbf", "\xef\xbf\xbf" }, { "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf" },
		{ "\xc0\xaf", NULL },            /* overlong */
		{ "\xe0\x80\xaf", NULL },        /* overlong */
		{ "\xf0\x80\x80\xaf", NULL },    /* overlong */
		{ "\xed\xa0\x80", NULL },        /* surrogate */
		{ "\xf4\x90\x80\x80", NULL },    /* above U+10FFFF */
		{ "\xf8\x88\x80\x80\x80", NULL },
		{ "\xe5\xbc", NULL },            /* cut */
		{ "a\x80", NULL },
		{ "\xd5\xc5\xc8\xfd", NULL },    /* GB18030 张三 */
	};
	struct encoding_conv *c = encoding_conv_new(ENC_UTF8);
	assert_non_null(c);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_convert(c, cases[i][0], cases[i][1]);
	encoding_conv_free(&c);
	assert_null(c);
}

static void test_gb18030_fields(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "", "" }, { "abc, \"x\"", "abc, \"x\"" },
		{ "\xd5\xc5\xc8\xfd", "张三" },
		{ "\xc0\xee\xcb\xc4 (\xa3\xa8\xa3\xa9)", "李四 (（）)" },
		{ "\x95\x32\x82\x36", "𠀀" },
		{ "\x94\x39\xfc\x36", "😀" },
		{ "\xa2\xe3", "€" },
		{ "\xd5", NULL },                /* cut two-byte sequence */
		{ "\x81\x30\x81", NULL },        /* cut four-byte sequence */
		{ "\x80", NULL },
		{ "\xff", NULL },
		{ "\xd5\x7f", NULL },
		{ "a\xd5\xc5\xfe\x39\xfe\x39", NULL },
		{ "\xe5\xbc\xa0\xe4", "寮犱" },  /* UTF-8 张 read as GB18030: valid, but wrong */
	};
	struct encoding_conv *c = encoding_conv_new(ENC_GB18030);
	assert_non_null(c);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_convert(c, cases[i][0], cases[i][1]);
		/* a failure leaves nothing behind for the next field */
		check_convert(c, "\xc8\xfd", "三");
	}
	encoding_conv_free(&c);
}

static void test_gb18030_long_field(void **state)
{
	(void)state;
	struct strbuf in = STRBUF_INIT, want = STRBUF_INIT, out = STRBUF_INIT;
	for (int i = 0; i < 5000; i++) {
		sb_adds(&in, i % 2 ? "\xd5\xc5" : "\x95\x32\x82\x36");
		sb_adds(&want, i % 2 ? "张" : "𠀀");
	}
	struct encoding_conv *c = encoding_conv_new(ENC_GB18030);
	assert_true(encoding_convert(c, in.buf, in.len, &out));
	assert_int_equal(out.len, want.len);
	assert_string_equal(out.buf, want.buf);
	encoding_conv_free(&c);
	sb_release(&in);
	sb_release(&want);
	sb_release(&out);
}

/* The reader splits a GB18030 file on bytes; each field then converts on its own. */
static void test_gb18030_ledger(void **state)
{
	(void)state;
	static const char file[] =
		"\xc9\xea\xc7\xeb\xc8\xcb,note\r\n"                        /* 申请人,note */
		"\xd5\xc5\xc8\xfd,\"\xc0\xee\xcb\xc4,\"\"\xa2\xe3\"\"\"\r\n"  /* 张三,"李四,""€""" */
		"\xd5,x\r\n";                                              /* a cut character */
	size_t n;
	bool whole;
	struct csv_reader *r = csv_reader_new_mem(file, sizeof file - 1, NULL);
	const char *head = csv_head(r, &n, &whole);
	enum encoding enc = encoding_detect(head, n, whole);
	/* the whole file is not GB18030 (the cut character), so detection says UTF-8 … */
	assert_int_equal(enc, ENC_UTF8);
	/* … and a sample that stops before the bad row says GB18030 */
	assert_int_equal(encoding_detect(head, n - 7, false), ENC_GB18030);

	struct encoding_conv *c = encoding_conv_new(ENC_GB18030);
	struct csv_record rec;
	struct strbuf out = STRBUF_INIT;
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_true(encoding_convert(c, rec.field[0].p, rec.field[0].len, &out));
	assert_string_equal(out.buf, "申请人");
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	sb_reset(&out);
	assert_true(encoding_convert(c, rec.field[1].p, rec.field[1].len, &out));
	assert_string_equal(out.buf, "李四,\"€\"");
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_int_equal(rec.row, 3);
	assert_false(encoding_convert(c, rec.field[0].p, rec.field[0].len, &out));
	assert_int_equal(csv_next(r, &rec), CSV_END);
	sb_release(&out);
	encoding_conv_free(&c);
	csv_reader_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_detect_cut_sample),
		cmocka_unit_test(test_utf8_fields),
		cmocka_unit_test(test_gb18030_fields),
		cmocka_unit_test(test_gb18030_long_field),
		cmocka_unit_test(test_gb18030_ledger),
	};
	return gk_run_tests(tests, NULL, NULL);
}
