/*
 * test_dup.c — possible duplicates (重复申请): the likeness of two requests (dup.c) on Chinese
 * examples, the line that names them, and the store's search for an applicant's earlier
 * applications (store_dup.c): by name, by ID number, within six months, never a voided one,
 * never the application itself, only the alike.
 */
#include "testutil.h"

#include "dup.h"

/* Requests that say the same in other words: alike. */
static const char *const reworded[][2] = {
	{ "申请公开2022年XX区XX路拆迁补偿安置方案", "请提供XX区XX路（2022年）拆迁的补偿安置方案" },
	{ "申请公开本人房屋所在地块的征收决定及补偿方案",
	  "请求贵单位提供我家房屋所在地块的征收决定和补偿方案" },
	{ "关于东风路拓宽工程的立项批复文件", "申请公开东风路拓宽工程立项批复" },
	{ "申请公开本人房屋所在地块的征收决定及补偿方案",
	  "再次申请公开我的房屋所在地块征收决定、补偿方案。" },
	{ "申请公开2022年XX区XX路拆迁补偿安置方案", "申请公开XX路拆迁补偿安置方案及补偿标准" },
	/* a synonym (低保户 / 最低生活保障对象) costs pairs; the rest carries it */
	{ "请提供XX镇2021年低保户名单及发放金额",
	  "申请公开XX镇2021年度最低生活保障对象名单和发放金额" },
	/* full-width digits and letters read as their ASCII forms */
	{ "申请公开ＸＸ路２０２２年拆迁补偿方案", "请提供xx路2022年拆迁补偿方案" },
};

/* One applicant's requests about other matters, even about the same place: not alike. */
static const char *const different[][2] = {
	{ "申请公开2022年XX区XX路拆迁补偿安置方案", "申请公开XX区XX路道路改造工程规划许可" },
	{ "申请公开本人房屋所在地块的征收决定及补偿方案", "申请公开2023年度财政预算执行情况" },
	{ "请提供东风路拓宽工程的施工许可证", "请提供本街道2022年环境卫生检查结果" },
	/* nothing but the words every request holds */
	{ "申请公开政府信息", "请提供相关政府信息" },
};

static void test_reworded_requests_are_alike(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof reworded / sizeof reworded[0]; i++) {
		double v = dup_similarity(reworded[i][0], reworded[i][1]);
		if (v < DUP_THRESHOLD)
			fail_msg("%s | %s: %.3f", reworded[i][0], reworded[i][1], v);
		assert_true(dup_similar(reworded[i][1], reworded[i][0]));
	}
}

static void test_other_matters_are_not(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof different / sizeof different[0]; i++) {
		double v = dup_similarity(different[i][0], different[i][1]);
		/* well below the threshold, not just under it */
		if (v >= DUP_THRESHOLD - 0.2)
			fail_msg("%s | %s: %.3f", different[i][0], different[i][1], v);
		assert_false(dup_similar(different[i][0], different[i][1]));
	}
}

static void test_empty_and_odd_text(void **state)
{
	(void)state;
	const char *r = "申请公开XX路拆迁补偿方案";
	assert_true(dup_similarity(r, r) > 0.999);
	assert_true(dup_similarity("", "") == 0.0);
	assert_true(dup_similarity(NULL, r) == 0.0);
	assert_true(dup_similarity(r, "") == 0.0);
	assert_false(dup_similar("", ""));
	assert_false(dup_similar("  ，。！ ", "，。"));
	assert_false(dup_similar("拆", "拆"));   /* one character makes no pair */
	/* punctuation and spaces are breaks, not characters */
	assert_true(dup_similarity("拆迁，补偿 方案", "拆迁补偿方案") > 0.5);
	/* invalid bytes neither crash nor match */
	assert_false(dup_similar("\xff\xfe\xfd", "\xff\xfe\xfd"));
	assert_true(dup_similarity("\xe6\x8b拆迁补偿方案", "拆迁补偿方案") > 0.999);
}

static void test_summary_line(void **state)
{
	(void)state;
	struct dup_list l = { 0 };
	struct strbuf sb = STRBUF_INIT;
	dup_summary(&l, &sb);
	assert_string_equal(sb_str(&sb), "");
	struct dup_match m = { .id = 1, .case_no = "2023-0012", .applicant = "张三",
			       .request = "某某", .received = D("2023-03-02"),
			       .answered = D("2023-03-20"), .outcome = t3_row_parse_key("granted") };
	dup_list_add(&l, &m);
	dup_summary(&l, &sb);
	assert_string_equal(sb_str(&sb), "2023-0012（2023-03-02 收到，答复：予以公开）");
	m.case_no = "2023-0003";
	m.answered = DATE_NONE;
	m.outcome = -1;
	dup_list_add(&l, &m);
	sb_reset(&sb);
	dup_summary(&l, &sb);
	assert_string_equal(sb_str(&sb), "2023-0012（2023-03-02 收到，答复：予以公开）等 2 件");
	sb_reset(&sb);
	dup_match_brief(&l.v[1], &sb);
	assert_string_equal(sb_str(&sb), "2023-0003（2023-03-02 收到，尚未答复）");
	sb_release(&sb);
	dup_list_release(&l);
	assert_int_equal(l.n, 0);
}

/* ---- the store ---- */

static long long add(struct store *s, const char *name, const char *id_number,
		     const char *received, const char *request)
{
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, received, NULL, NULL);
	app_set_text(&a.applicant, name);
	app_set_text(&a.id_number, id_number);
	app_set_text(&a.request, request);
	long long id = put(s, &a);
	app_release(&a);
	return id;
}

/* The case numbers store_dup_find gives for a new application, joined with spaces. */
static char *found(struct store *s, long long id, const char *name, const char *id_number,
		   const char *received, const char *request)
{
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, received, NULL, NULL);
	a.id = id;
	app_set_text(&a.applicant, name);
	app_set_text(&a.id_number, id_number);
	app_set_text(&a.request, request);
	struct dup_list l = { 0 };
	struct diag d = DIAG_INIT;
	assert_int_equal(store_dup_find(s, &a, &l, &d), ST_OK);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < l.n; i++)
		sb_addf(&sb, "%s%s", i ? " " : "", l.v[i].case_no);
	dup_list_release(&l);
	app_release(&a);
	diag_release(&d);
	return sb_detach(&sb);
}

#define EXPECT(want, ...) do { \
		char *got_ = found(__VA_ARGS__); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

static const char *const CHAIQIAN = "申请公开2023年XX区XX路拆迁补偿安置方案";
static const char *const CHAIQIAN2 = "请提供XX区XX路（2023年）拆迁的补偿安置方案";

static void test_store_finds_the_applicants_alike_requests(void **state)
{
	(void)state;
	struct store *s = memstore();
	char *no[8];
	long long ids[8];
	ids[0] = add(s, "张三", NULL, "2023-03-02", CHAIQIAN);                   /* name */
	ids[1] = add(s, "张 三", "410105199001011234", "2023-04-10", CHAIQIAN);  /* ID number */
	ids[2] = add(s, "张三", NULL, "2022-11-01", CHAIQIAN);                   /* 7 months before */
	ids[3] = add(s, "张三", NULL, "2023-05-01", CHAIQIAN);                   /* voided below */
	ids[4] = add(s, "张三", NULL, "2023-05-02", "申请公开2023年度财政预算执行情况");
	ids[5] = add(s, "李四", NULL, "2023-05-03", CHAIQIAN);                   /* another */
	ids[6] = add(s, "张三", NULL, "2023-06-02", CHAIQIAN);                   /* after it */
	for (int i = 0; i < 7; i++) {
		struct app a;
		app_init(&a);
		struct diag d = DIAG_INIT;
		assert_int_equal(store_app_get(s, ids[i], &a, &d), ST_OK);
		no[i] = xstrdup(a.case_no);
		if (i == 3)
			assert_int_equal(store_app_void(s, a.id, a.version, "重复登记", "clerk", &d),
					 ST_OK);
		app_release(&a);
		diag_release(&d);
	}
	char want[200];
	/* by the name: 1 (a different spelling of the name) is not found without the ID number */
	EXPECT(no[0], s, 0, "张三", NULL, "2023-06-01", CHAIQIAN2);
	/* the name trimmed; by the ID number too, newest first */
	snprintf(want, sizeof want, "%s %s", no[1], no[0]);
	EXPECT(want, s, 0, " 张三\xe3\x80\x80", "410105199001011234", "2023-06-01", CHAIQIAN2);
	/* by the ID number alone, whatever the name */
	EXPECT(no[1], s, 0, "张叁", "410105199001011234", "2023-06-01", CHAIQIAN2);
	/* 183 days: on 2023-09-01 the window opens on 2023-03-02, on 09-02 the day after */
	snprintf(want, sizeof want, "%s %s", no[6], no[0]);
	EXPECT(want, s, 0, "张三", NULL, "2023-09-01", CHAIQIAN2);
	EXPECT(no[6], s, 0, "张三", NULL, "2023-09-02", CHAIQIAN2);
	/* 2022-11-01 is found from 2023-01-01, not from 2023-06-01 (above) */
	EXPECT(no[2], s, 0, "张三", NULL, "2023-01-01", CHAIQIAN2);
	/* the application itself is left out (修改); the one of 2022-11-01 is in its window */
	EXPECT(no[2], s, ids[0], "张三", NULL, "2023-03-02", CHAIQIAN);
	/* another matter of the same applicant: only the alike one */
	EXPECT(no[4], s, 0, "张三", NULL, "2023-06-01", "请提供2023年度财政预算的执行情况");
	/* nothing to look for */
	EXPECT("", s, 0, "张三", NULL, "2023-06-01", "  ");
	EXPECT("", s, 0, "  ", NULL, "2023-06-01", CHAIQIAN2);
	EXPECT("", s, 0, "王五", "", "2023-06-01", CHAIQIAN2);
	for (int i = 0; i < 7; i++)
		free(no[i]);
	store_close(&s);
}

static void test_store_gives_at_most_five(void **state)
{
	(void)state;
	struct store *s = memstore();
	for (int i = 1; i <= 8; i++) {
		char day[16];
		snprintf(day, sizeof day, "2023-05-%02d", i);
		add(s, "张三", NULL, day, CHAIQIAN);
	}
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2023-06-01", NULL, NULL);
	app_set_text(&a.request, CHAIQIAN2);
	struct dup_list l = { 0 };
	struct diag d = DIAG_INIT;
	assert_int_equal(store_dup_find(s, &a, &l, &d), ST_OK);
	assert_int_equal(l.n, DUP_MAX);
	assert_int_equal(l.v[0].received, D("2023-05-08"));
	assert_int_equal(l.v[4].received, D("2023-05-04"));
	assert_string_equal(l.v[0].applicant, "张三");
	assert_string_equal(l.v[0].request, CHAIQIAN);
	assert_int_equal(l.v[0].answered, DATE_NONE);
	assert_true(l.v[0].score >= DUP_THRESHOLD);
	dup_list_release(&l);
	app_release(&a);
	diag_release(&d);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reworded_requests_are_alike),
		cmocka_unit_test(test_other_matters_are_not),
		cmocka_unit_test(test_empty_and_odd_text),
		cmocka_unit_test(test_summary_line),
		cmocka_unit_test(test_store_finds_the_applicants_alike_requests),
		cmocka_unit_test(test_store_gives_at_most_five),
	};
	return gk_run_tests(tests, NULL, NULL);
}
