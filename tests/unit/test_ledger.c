/*
 * test_ledger.c — the ledger CSV: every column imported and exported, exact round trips,
 * encodings, and every kind of bad input refused with its row and column and nothing written.
 */
#include "testutil.h"

#include "ledger.h"
#include "report.h"

#define TODAY "2026-11-26"

static const char full_header[] =
	"编号,收到日期,申请人,申请人类型,渠道,申请内容,证件号码,联系方式,补正通知日期,补正期限,"
	"补正收到日期,征求意见开始,征求意见结束,征求意见对象,延期日期,延期工作日,延期批准人,"
	"收费通知日期,答复日期,办理结果,信息处理费,缴费日期,复议申请日期,复议结果,复议决定日期,"
	"起诉日期,诉讼类型,诉讼结果,判决日期,备注\r\n";

/* Imports text into s; returns the status, problems in *errors. */
static enum status import_text(struct store *s, const char *text, size_t len, bool dry,
			       struct diag *errors)
{
	FILE *in = fmemopen((void *)text, len, "rb");
	assert_non_null(in);
	struct ledger_import_options o = { .dry_run = dry, .today = D(TODAY), .source = "t.csv" };
	struct ledger_import_result res;
	enum status st = ledger_import(s, in, &o, &res, errors);
	diag_release(&res.warnings);
	fclose(in);
	return st;
}

static char *export_text(struct store *s, bool personal, size_t *len)
{
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);
	struct ledger_export_options o = { .personal = personal };
	size_t n;
	assert_int_equal(ledger_export(s, out, &o, &n, NULL), ST_OK);
	fclose(out);
	return buf;
}

static long long count_apps(struct store *s)
{
	struct list_query q = { .filter = LF_ALL };
	long long n = -1;
	assert_int_equal(store_list_count(s, &q, &n, NULL), ST_OK);
	return n;
}

static const char rich[] =
	"2023-0001,2023-01-05,\"张三, 李四\",自然人,当面,\"第一行\r\n第二行 \"\"引号\"\"\",410101199001011234,"
	"13800000000,2023-01-09,2023-01-20,2023-01-16,2023-01-18,2023-02-03,第三方,2023-02-20,15,王主任,"
	"2023-02-21,2023-03-20,不予公开/4.保护第三方合法权益,100.50,2023-02-24,2023-04-01,纠正,"
	"2023-06-01,2023-07-01,复议后起诉,,,'=SUM(A1)\r\n"
	"A-7,2022/12/30,某律师事务所,legal,email,,,,,,,,,,,,,,2023年1月4日,granted,,,,,,,,,,''=x\r\n"
	"2023-0002,2023-11-30,某公司,商业企业,网络,查询,,,,,,,,,,,,,,,,,,,,,,,,\r\n";

static void test_round_trip_is_exact(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct strbuf in = STRBUF_INIT;
	sb_adds(&in, full_header);
	sb_adds(&in, rich);
	struct diag e = DIAG_INIT;
	enum status st = import_text(s, in.buf, in.len, false, &e);
	if (st != ST_OK)
		fail_msg("%s", diag_last(&e));
	assert_int_equal(count_apps(s), 3);

	size_t len1, len2;
	char *one = export_text(s, true, &len1);
	assert_memory_equal(one, "\xEF\xBB\xBF编号,", 10);
	assert_non_null(strstr(one, "'=SUM(A1)"));
	assert_non_null(strstr(one, ",''=x"));   /* stored '=x, guarded again */

	struct store *t = memstore();
	st = import_text(t, one, len1, false, &e);
	if (st != ST_OK)
		fail_msg("%s", diag_last(&e));
	char *two = export_text(t, true, &len2);
	assert_int_equal(len1, len2);
	assert_memory_equal(one, two, len1);

	struct app a;
	app_init(&a);
	assert_int_equal(store_app_get_by_case(t, "2023-0001", &a, NULL), ST_OK);
	assert_string_equal(a.applicant, "张三, 李四");
	assert_string_equal(a.request, "第一行\r\n第二行 \"引号\"");
	assert_string_equal(a.note, "=SUM(A1)");   /* the guard removed on import */
	assert_int_equal(a.fee_fen, 10050);
	assert_int_equal(a.outcome, R_WITHHELD_THIRD_PARTY);
	assert_int_equal(a.d.extension_days, 15);
	assert_int_equal(a.consult_party, CP_THIRD_PARTY);
	assert_int_equal(a.review.result, RR_CORRECTED);
	assert_int_equal(a.suit.kind, T4_SUIT_AFTER_REVIEW);
	assert_int_equal(store_app_get_by_case(t, "A-7", &a, NULL), ST_OK);
	assert_string_equal(a.note, "'=x");   /* the file's guard removed */
	assert_int_equal(a.d.received, D("2022-12-30"));

	for (int y = 2022; y <= 2024; y++) {
		struct table3 x, z;
		struct table4 u, v;
		store_table3(s, y, &x, NULL);
		store_table3(t, y, &z, NULL);
		store_table4(s, y, &u, NULL);
		store_table4(t, y, &v, NULL);
		assert_true(tally_table3_equal(&x, &z));
		assert_true(tally_table4_equal(&u, &v));
	}
	app_release(&a);
	free(one);
	free(two);
	sb_release(&in);
	diag_release(&e);
	store_close(&s);
	store_close(&t);
}

static void test_personal_data_left_out_by_default(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct strbuf in = STRBUF_INIT;
	sb_adds(&in, full_header);
	sb_adds(&in, rich);
	assert_int_equal(import_text(s, in.buf, in.len, false, NULL), ST_OK);
	size_t len;
	char *out = export_text(s, false, &len);
	assert_null(strstr(out, "410101199001011234"));
	assert_null(strstr(out, "证件号码"));
	assert_null(strstr(out, "13800000000"));
	free(out);
	sb_release(&in);
	store_close(&s);
}

static void test_english_headers_any_order_and_defaults(void **state)
{
	(void)state;
	struct store *s = memstore();
	const char text[] = "applicant_type,received,applicant,extended_on,note,extension_by\n"
			    "nonprofit,2023-03-01,某协会,2023-03-20,,王主任\n";
	struct diag e = DIAG_INIT;
	assert_int_equal(import_text(s, text, sizeof text - 1, false, &e), ST_OK);
	struct app a;
	app_init(&a);
	assert_int_equal(store_app_get_by_case(s, "2023-0001", &a, NULL), ST_OK);
	assert_int_equal(a.type, AT_NONPROFIT);
	assert_int_equal(a.d.extension_days, 20);   /* 延期日期 without days means 20 */
	app_release(&a);
	diag_release(&e);
	store_close(&s);
}

static void test_gb18030_and_bom(void **state)
{
	(void)state;
	struct store *s = memstore();
	/* 收到日期,申请人,申请人类型 / 2023-01-05,张三,自然人 in GB18030 */
	const char gb[] = "\xca\xd5\xb5\xbd\xc8\xd5\xc6\xda,\xc9\xea\xc7\xeb\xc8\xcb,"
			  "\xc9\xea\xc7\xeb\xc8\xcb\xc0\xe0\xd0\xcd\r\n"
			  "2023-01-05,\xd5\xc5\xc8\xfd,\xd7\xd4\xc8\xbb\xc8\xcb\r\n";
	struct diag e = DIAG_INIT;
	enum status st = import_text(s, gb, sizeof gb - 1, false, &e);
	if (st != ST_OK)
		fail_msg("%s", diag_last(&e));
	struct app a;
	app_init(&a);
	assert_int_equal(store_app_get_by_case(s, "2023-0001", &a, NULL), ST_OK);
	assert_string_equal(a.applicant, "张三");
	const char bom[] = "\xEF\xBB\xBF收到日期,申请人,申请人类型\n2023-01-06,李四,其他\n";
	assert_int_equal(import_text(s, bom, sizeof bom - 1, false, &e), ST_OK);
	assert_int_equal(count_apps(s), 2);
	app_release(&a);
	diag_release(&e);
	store_close(&s);
}

static void test_dry_run_writes_nothing(void **state)
{
	(void)state;
	struct store *s = memstore();
	const char text[] = "收到日期,申请人,申请人类型\n2023-01-05,张三,自然人\n";
	assert_int_equal(import_text(s, text, sizeof text - 1, true, NULL), ST_OK);
	assert_int_equal(count_apps(s), 0);
	store_close(&s);
}

/* Each bad ledger: the problem line expected (a substring), and nothing written. */
static const struct {
	const char *text, *want;
} bad[] = {
	{ "", "第1行: 文件是空的" },
	{ "收到日期,申请人\n2023-01-05,张三\n", "第1行: 申请人类型: 缺少必需的列" },
	{ "收到日期,申请人,申请人类型,收件日\n2023-01-05,张三,自然人,x\n", "第1行: 收件日: 未知的列名" },
	{ "收到日期,申请人,申请人类型,申请人\n", "第1行: 申请人: 列重复" },
	{ "收到日期,申请人,申请人类型\n2023-02-30,张三,自然人\n", "第2行: 收到日期: 2023-02-30 不是有效日期" },
	{ "收到日期,申请人,申请人类型\n20230230,张三,自然人\n", "第2行: 收到日期: 20230230 不是有效日期" },
	{ "收到日期,申请人,申请人类型\n一月,张三,自然人\n", "第2行: 收到日期: 一月 不是有效日期" },
	{ "收到日期,申请人,申请人类型\n,张三,自然人\n", "第2行: 收到日期: 不能为空" },
	{ "收到日期,申请人,申请人类型\n2023-01-05,,自然人\n", "第2行: 申请人: 不能为空" },
	{ "收到日期,申请人,申请人类型\n2023-01-05,张三,法人\n", "第2行: 申请人类型: 未知的值「法人」" },
	{ "收到日期,申请人,申请人类型,办理结果\n2023-01-05,张三,自然人,予以公开\n",
	  "第2行: 答复日期: 有办理结果时必须填写答复日期" },
	{ "收到日期,申请人,申请人类型,答复日期\n2023-01-05,张三,自然人,2023-01-06\n",
	  "第2行: 办理结果: 有答复日期时必须填写办理结果" },
	{ "收到日期,申请人,申请人类型,答复日期,办理结果\n2023-01-05,张三,自然人,2023-01-04,予以公开\n",
	  "第2行: 答复日期:" },
	{ "收到日期,申请人,申请人类型,答复日期,办理结果\n2023-01-05,张三,自然人,2023-01-06,同意\n",
	  "第2行: 办理结果: 未知的办理结果「同意」" },
	{ "收到日期,申请人,申请人类型\n2099-01-05,张三,自然人\n", "第2行: 收到日期: 2099-01-05 晚于今天" },
	{ "编号,收到日期,申请人,申请人类型\nA,2023-01-05,张三,自然人\nA,2023-01-06,李四,自然人\n",
	  "第3行: 编号: A 已存在" },
	{ "收到日期,申请人,申请人类型\n2023-01-05,张三\n", "第2行: 字段数 2 与表头的 3 列不一致" },
	{ "收到日期,申请人,申请人类型\n2023-01-05,\"张三,自然人\n", "第2行" },
	{ "收到日期,申请人,申请人类型\n2023-01-05,\xff\xfe,自然人\n", "第2行: 申请人: 不是有效的" },
	{ "收到日期,申请人,申请人类型\n2023-01-05,张\x01三,自然人\n", "第2行: 申请人: 含有控制字符" },
	{ "收到日期,申请人,申请人类型\n2023-01-05,张\xEF\xBB\xBF三,自然人\n", "第2行: 申请人: 中间含有字节顺序标记" },
	{ "收到日期,申请人,申请人类型,信息处理费\n2023-01-05,张三,自然人,1 00\n", "第2行: 信息处理费:" },
	{ "收到日期,申请人,申请人类型,延期日期,延期工作日\n2023-01-05,张三,自然人,2023-01-10,21\n",
	  "第2行: 延期工作日: 「21」应为 1 到 20 之间的整数" },
	{ "收到日期,申请人,申请人类型,复议结果\n2023-01-05,张三,自然人,维持\n", "第2行: 复议申请日期:" },
	{ "收到日期,申请人,申请人类型,起诉日期\n2023-01-05,张三,自然人,2023-02-01\n", "第2行: 诉讼类型:" },
	{ "收到日期,申请人,申请人类型,征求意见结束\n2023-01-05,张三,自然人,2023-02-01\n", "第2行: 征求意见结束:" },
};

static void test_bad_input_is_refused_whole(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct store *s = memstore();
		/* one good row first: it must not be written either */
		struct app a;
		app_init(&a);
		struct diag e = DIAG_INIT;
		enum status st = import_text(s, bad[i].text, strlen(bad[i].text), false, &e);
		if (st != ST_DATA)
			fail_msg("case %zu: status %d, want 65", i, st);
		bool found = false;
		for (size_t k = 0; k < e.n; k++)
			found |= strstr(e.lines[k], bad[i].want) != NULL;
		if (!found)
			fail_msg("case %zu: no \"%s\" in \"%s\"", i, bad[i].want,
				 e.n ? e.lines[0] : "(none)");
		assert_int_equal(count_apps(s), 0);
		diag_release(&e);
		app_release(&a);
		store_close(&s);
	}
}

/* An unknown column is named with its place; the last one goes on to list the names there are
 * (the clerk has no specification to look them up in), once, and says aliases work too. */
static void test_unknown_column_lists_the_names(void **state)
{
	(void)state;
	struct store *s = memstore();
	const char text[] = "收到日期,申请人,收件日,申请人类型,附注,received\n2023-01-05,张三,x,自然人,y,\n";
	struct diag e = DIAG_INIT;
	assert_int_equal(import_text(s, text, sizeof text - 1, false, &e), ST_DATA);
	assert_int_equal(e.total, 3);
	assert_string_equal(e.lines[0], "第1行: 收件日: 未知的列名（第 3 列）");
	assert_string_equal(e.lines[1], "第1行: 附注: 未知的列名（第 5 列）\n"
			    "  可用的列名（中文，或其英文别名，如 收到日期 可写作 received）：编号、收到日期、"
			    "到达日期、申请人、申请人类型、渠道、申请内容、证件号码、联系方式、补正通知日期、"
			    "补正期限、补正事项、补正收到日期、征求意见开始、征求意见结束、征求意见对象、"
			    "征求意见对象名称、征求意见送达日期、延期日期、延期工作日、延期批准人、延期理由、"
			    "延期告知日期、收费通知日期、收费通知送达日期、计费方式、计费数量、说明理由通知日期、"
			    "说明理由期限、答复日期、办理结果、答复情形、答复理由、前次申请编号、信息处理费、"
			    "缴费日期、复议申请日期、复议结果、复议决定日期、起诉日期、诉讼类型、诉讼结果、"
			    "判决日期、备注");
	assert_string_equal(e.lines[2], "第1行: received: 列重复");
	assert_int_equal(count_apps(s), 0);
	diag_release(&e);
	store_close(&s);
}

static void test_good_rows_are_not_written_when_one_is_bad(void **state)
{
	(void)state;
	struct store *s = memstore();
	const char text[] = "收到日期,申请人,申请人类型\n2023-01-05,张三,自然人\n"
			    "2023-01-06,李四,自然人\n2023-13-01,王五,自然人\n2023-01-07,赵六,外星人\n";
	struct diag e = DIAG_INIT;
	assert_int_equal(import_text(s, text, sizeof text - 1, false, &e), ST_DATA);
	assert_int_equal(e.total, 2);   /* every problem, not just the first */
	assert_non_null(strstr(e.lines[0], "第4行"));
	assert_non_null(strstr(e.lines[1], "第5行"));
	assert_int_equal(count_apps(s), 0);
	diag_release(&e);
	store_close(&s);
}

/* The lines of e, one per line, for comparing a whole report at once. */
static char *lines_of(const struct diag *e)
{
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < e->n; i++)
		sb_addf(&b, "%s\n", e->lines[i]);
	return sb_detach(&b);
}

/* The case number of a row with other problems still counts as taken: a later row with it is
 * a duplicate, said along with everything else (docs/ledger.md: every problem at once). */
static void test_duplicate_of_a_row_with_problems(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} cases[] = {
		/* the first has another problem, the second none */
		{ "编号,收到日期,申请人,申请人类型\nX1,2023-02-30,甲,自然人\nX1,2023-03-05,庚,自然人\n",
		  "第2行: 收到日期: 2023-02-30 不是有效日期：2023年2月只有28天\n"
		  "第3行: 编号: X1 与第2行重复\n" },
		/* both have other problems; the header's own name for the column */
		{ "case_no,received,applicant,applicant_type\nX1,2023-02-30,甲,自然人\n"
		  "X1,2023-03-05,,自然人\nX1,2023-03-06,辛,自然人\n",
		  "第2行: received: 2023-02-30 不是有效日期：2023年2月只有28天\n"
		  "第3行: applicant: 不能为空\n"
		  "第3行: case_no: X1 与第2行重复\n"
		  "第4行: case_no: X1 与第2行重复\n" },
		/* a good row first: the later one with problems is its duplicate */
		{ "编号,收到日期,申请人,申请人类型\nY1,2023-03-05,甲,自然人\nY1,2023-02-30,庚,自然人\n",
		  "第3行: 收到日期: 2023-02-30 不是有效日期：2023年2月只有28天\n"
		  "第3行: 编号: Y1 已存在\n" },
		/* already in the database (see below) */
		{ "编号,收到日期,申请人,申请人类型\nOLD,2023-02-30,甲,自然人\n",
		  "第2行: 收到日期: 2023-02-30 不是有效日期：2023年2月只有28天\n"
		  "第2行: 编号: OLD 已存在\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct store *s = memstore();
		const char old[] = "编号,收到日期,申请人,申请人类型\nOLD,2023-01-05,甲,自然人\n";
		assert_int_equal(import_text(s, old, sizeof old - 1, false, NULL), ST_OK);
		struct diag e = DIAG_INIT;
		assert_int_equal(import_text(s, cases[i].text, strlen(cases[i].text), false, &e),
				 ST_DATA);
		char *got = lines_of(&e);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got\n%swant\n%s", i, got, cases[i].want);
		free(got);
		assert_int_equal(count_apps(s), 1);
		diag_release(&e);
		store_close(&s);
	}
}

/* Past a batch of good rows, in a dry run too; and what a refused import held is gone after
 * it, so the corrected file then imports. */
static void test_held_case_numbers_across_batches(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct strbuf t = STRBUF_INIT;
	sb_adds(&t, "编号,收到日期,申请人,申请人类型\nX1,2023-02-30,甲,自然人\n");
	for (int i = 0; i < 40; i++)
		sb_addf(&t, "N%d,2023-04-%02d,某%d,其他\n", i, 1 + i % 28, i);
	sb_adds(&t, "X1,2023-05-01,乙,自然人\n");
	for (int dry = 1; dry >= 0; dry--) {
		struct diag e = DIAG_INIT;
		assert_int_equal(import_text(s, t.buf, t.len, dry, &e), ST_DATA);
		assert_int_equal(e.total, 2);
		assert_string_equal(e.lines[1], "第43行: 编号: X1 与第2行重复");
		assert_int_equal(count_apps(s), 0);
		diag_release(&e);
	}
	const char fixed[] = "编号,收到日期,申请人,申请人类型\nX1,2023-02-28,甲,自然人\n";
	assert_int_equal(import_text(s, fixed, sizeof fixed - 1, false, NULL), ST_OK);
	assert_int_equal(count_apps(s), 1);
	sb_release(&t);
	store_close(&s);
}

static void test_too_long_is_an_error_not_a_cut(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct strbuf t = STRBUF_INIT;
	sb_adds(&t, "收到日期,申请人,申请人类型\n2023-01-05,");
	sb_repeat(&t, "名", LIMIT_NAME + 1);
	sb_adds(&t, ",自然人\n");
	struct diag e = DIAG_INIT;
	assert_int_equal(import_text(s, t.buf, t.len, false, &e), ST_DATA);
	assert_non_null(strstr(e.lines[0], "第2行: 申请人: 长度 201 字，超过上限 200 字"));
	sb_reset(&t);
	sb_adds(&t, "收到日期,申请人,申请人类型\n2023-01-05,");
	sb_repeat(&t, "名", LIMIT_NAME);
	sb_adds(&t, ",自然人\n");
	assert_int_equal(import_text(s, t.buf, t.len, false, NULL), ST_OK);
	sb_release(&t);
	diag_release(&e);
	store_close(&s);
}

/* A second import into a table that already holds some: the counts behind table 三 must add
 * up with what was there (the bulk path drops the triggers that keep them). */
static void test_second_import_keeps_the_counts(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct strbuf in = STRBUF_INIT;
	sb_adds(&in, full_header);
	sb_adds(&in, rich);
	assert_int_equal(import_text(s, in.buf, in.len, false, NULL), ST_OK);
	const char more[] = "收到日期,申请人,申请人类型,答复日期,办理结果\n"
			    "2023-01-09,甲,自然人,2023-01-20,予以公开\n2022-12-01,乙,legal,,\n";
	assert_int_equal(import_text(s, more, sizeof more - 1, false, NULL), ST_OK);
	for (int y = 2022; y <= 2024; y++) {
		struct table3 kept, recount;
		assert_int_equal(store_table3(s, y, &kept, NULL), ST_OK);
		assert_int_equal(store_table3_recount(s, y, &recount, NULL), ST_OK);
		assert_true(tally_table3_equal(&kept, &recount));
	}
	struct table3 t;
	store_table3(s, 2023, &t, NULL);
	assert_int_equal(t.v[R_GRANTED][AT_PERSON], 1);
	assert_int_equal(t.v[R_CARRIED_IN][AT_LEGAL], 2);
	sb_release(&in);
	store_close(&s);
}

/* Rows without a case number across several years, more than one batch of them, and one
 * given number of the same form: each gets the next free number of its year, none twice. */
static void test_case_numbers_in_batches(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct strbuf t = STRBUF_INIT;
	sb_adds(&t, "编号,收到日期,申请人,申请人类型\n,2022-05-01,甲,自然人\n2023-0500,2023-05-01,乙,自然人\n");
	for (int i = 0; i < 60; i++)
		sb_addf(&t, ",%d-0%d-1%d,某%d,其他\n", 2021 + i % 3, 1 + i % 9, i % 10, i);
	assert_int_equal(import_text(s, t.buf, t.len, false, NULL), ST_OK);
	assert_int_equal(count_apps(s), 62);
	struct app a;
	app_init(&a);
	assert_int_equal(store_app_get_by_case(s, "2021-0020", &a, NULL), ST_OK);
	assert_int_equal(store_app_get_by_case(s, "2022-0021", &a, NULL), ST_OK);   /* 1 + 20 */
	assert_int_equal(store_app_get_by_case(s, "2022-0022", &a, NULL), ST_NOTFOUND);
	assert_int_equal(store_app_get_by_case(s, "2023-0520", &a, NULL), ST_OK);   /* after 0500 */
	assert_int_equal(store_app_get_by_case(s, "2023-0001", &a, NULL), ST_NOTFOUND);
	app_release(&a);
	sb_release(&t);
	store_close(&s);
}

/* Rows written together share one statement, whose parameters keep what they were bound to:
 * a cell empty in one row is empty in the database even when the row that held the same place
 * in the batch before had a value there, and the reverse. */
static void test_empty_cells_stay_empty_across_batches(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct strbuf t = STRBUF_INIT;
	sb_adds(&t, "编号,收到日期,申请人,申请人类型,申请内容,证件号码,延期日期,延期工作日,延期批准人,"
		    "答复日期,办理结果\n");
	int rows = 3 * STORE_BATCH;
	for (int i = 0; i < rows; i++) {
		/* filled in the first batch's even places, the second batch's odd ones, ... */
		bool full = (i / STORE_BATCH + i) % 2 == 0;
		sb_addf(&t, "2023-%04d,2023-03-01,某%d,自然人,%s,%s,%s,%s,%s,%s,%s\n", i + 1, i,
			full ? "规划" : "", full ? "110101199001011234" : "",
			full ? "2023-03-10" : "", full ? "10" : "", full ? "王主任" : "",
			full ? "2023-03-20" : "", full ? "予以公开" : "");
	}
	assert_int_equal(import_text(s, t.buf, t.len, false, NULL), ST_OK);
	struct app a;
	app_init(&a);
	for (int i = 0; i < rows; i++) {
		bool full = (i / STORE_BATCH + i) % 2 == 0;
		char case_no[16];
		snprintf(case_no, sizeof case_no, "2023-%04d", i + 1);
		assert_int_equal(store_app_get_by_case(s, case_no, &a, NULL), ST_OK);
		if (full) {
			assert_string_equal(a.request, "规划");
			assert_string_equal(a.id_number, "110101199001011234");
			assert_int_equal(a.d.extension_days, 10);
			assert_string_equal(a.extension_by, "王主任");
			assert_int_equal(a.d.answered, D("2023-03-20"));
		} else {
			assert_null(a.request);
			assert_null(a.id_number);
			assert_int_equal(a.d.extended_on, DATE_NONE);
			assert_null(a.extension_by);
			assert_int_equal(a.d.answered, DATE_NONE);
		}
	}
	app_release(&a);
	sb_release(&t);
	store_close(&s);
}

/* An imported application has no 新建 line: its history starts with a 导入 line made from its
 * own stamps, then its own changes. */
static void test_history_starts_with_the_import(void **state)
{
	(void)state;
	struct store *s = memstore();
	const char one[] = "编号,收到日期,申请人,申请人类型\nA-1,2023-05-01,甲,自然人\n";
	assert_int_equal(import_text(s, one, sizeof one - 1, false, NULL), ST_OK);
	struct app a;
	app_init(&a);
	assert_int_equal(store_app_get_by_case(s, "A-1", &a, NULL), ST_OK);
	app_set_text(&a.note, "已电话联系");
	assert_int_equal(store_app_update(s, &a, NULL, NULL), ST_OK);
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(s, a.id, &h, &n, NULL), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].field, "导入");
	assert_string_equal(h[0].new_value, "A-1");
	assert_string_equal(h[0].user, store_user());
	assert_string_equal(h[0].at, a.created_at);
	assert_string_equal(h[1].field, "备注");
	assert_string_equal(h[1].new_value, "已电话联系");
	history_free(&h, n);
	app_release(&a);
	store_close(&s);
}

/* A value that cannot be read does not hide the row's other problems, and is not said twice. */
static void test_unreadable_value_hides_nothing(void **state)
{
	(void)state;
	struct store *s = memstore();
	const char text[] = "编号,收到日期,申请人,申请人类型,答复日期,办理结果\n"
			    "X1,2023-02-30,,自然人,2023-03-01,\n";
	struct diag e = DIAG_INIT;
	assert_int_equal(import_text(s, text, sizeof text - 1, false, &e), ST_DATA);
	int date = 0, name = 0, outcome = 0;
	for (size_t k = 0; k < e.n; k++) {
		date += strstr(e.lines[k], "第2行: 收到日期") != NULL;
		name += strstr(e.lines[k], "第2行: 申请人: 不能为空") != NULL;
		outcome += strstr(e.lines[k], "第2行: 办理结果") != NULL;
	}
	assert_int_equal(date, 1);      /* once: not also 不能为空 */
	assert_int_equal(name, 1);
	assert_int_equal(outcome, 1);   /* answered without an outcome */
	diag_release(&e);
	store_close(&s);
}

static void test_header_only_imports_nothing(void **state)
{
	(void)state;
	struct store *s = memstore();
	const char text[] = "收到日期,申请人,申请人类型\r\n\r\n,,\r\n";
	assert_int_equal(import_text(s, text, sizeof text - 1, false, NULL), ST_OK);
	assert_int_equal(count_apps(s), 0);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_is_exact),
		cmocka_unit_test(test_empty_cells_stay_empty_across_batches),
		cmocka_unit_test(test_history_starts_with_the_import),
		cmocka_unit_test(test_unreadable_value_hides_nothing),
		cmocka_unit_test(test_personal_data_left_out_by_default),
		cmocka_unit_test(test_english_headers_any_order_and_defaults),
		cmocka_unit_test(test_gb18030_and_bom),
		cmocka_unit_test(test_dry_run_writes_nothing),
		cmocka_unit_test(test_bad_input_is_refused_whole),
		cmocka_unit_test(test_good_rows_are_not_written_when_one_is_bad),
		cmocka_unit_test(test_unknown_column_lists_the_names),
		cmocka_unit_test(test_duplicate_of_a_row_with_problems),
		cmocka_unit_test(test_held_case_numbers_across_batches),
		cmocka_unit_test(test_too_long_is_an_error_not_a_cut),
		cmocka_unit_test(test_second_import_keeps_the_counts),
		cmocka_unit_test(test_case_numbers_in_batches),
		cmocka_unit_test(test_header_only_imports_nothing),
	};
	return gk_run_tests(tests, NULL, NULL);
}
