/*
 * test_doc.c — the written documents: every template the program ships is valid and keeps
 * what the law requires; each answer states the articles of its row and the right remedy
 * (reconsideration first for a refusal); a fact the case or the office lacks is named, never
 * printed blank; issuing numbers documents in the office's yearly sequence, keeps what they
 * said (a reprint is identical, a later template shows only in later documents), and a voided
 * document keeps its number.
 */
#include "testutil.h"

#include <zip.h>

#include "doc.h"
#include "office.h"

#define TIAOLI "《中华人民共和国政府信息公开条例》"

static struct store *office_store(bool complete)
{
	struct store *s = memstore();
	struct diag d = DIAG_INIT;
	assert_int_equal(store_office_put(s, OS_NAME, "郑州市郑东新区社会事业局", &d), ST_OK);
	assert_int_equal(store_office_put(s, OS_CODE, "郑东社公开", &d), ST_OK);
	if (complete) {
		assert_int_equal(store_office_put(s, OS_REVIEW_BODY, "郑州市郑东新区管理委员会", &d),
				 ST_OK);
		assert_int_equal(store_office_put(s, OS_COURT, "郑州铁路运输法院", &d), ST_OK);
		assert_int_equal(store_office_put(s, OS_CONTACT, "王某", &d), ST_OK);
		assert_int_equal(store_office_put(s, OS_PHONE, "0371-00000000", &d), ST_OK);
	}
	diag_release(&d);
	return s;
}

/* An answered application with every fact an answer may state. */
static void answered(struct app *a, const char *outcome)
{
	mkapp(a, AT_PERSON, "2025-09-01", "2025-09-26", outcome);
	a->channel = CH_IN_PERSON;
	app_set_text(&a->request, "2024年本区学校建设项目的立项批复文件");
	app_set_text(&a->answer_reasons, "该信息属于依法确定的国家秘密。");
}

/* The document of a as text, issued in s (a stored first). */
static enum status issue_text(struct store *s, struct app *a, enum doc_kind k, struct strbuf *out,
			      struct doc_issued *x, struct diag *d)
{
	if (!a->id)
		put(s, a);
	enum status st = doc_issue(s, a->id, k, DATE_NONE, x, d);
	if (st == ST_OK)
		assert_int_equal(doc_to_text(x, 2000, out, d), ST_OK);   /* no wrapping */
	return st;
}

static void test_every_default_template_is_valid(void **state)
{
	(void)state;
	for (size_t i = 0; i < DOC_TEMPLATES; i++) {
		const char *key = doc_template_key(i);
		size_t len = 0;
		const char *text = doc_template_default(key, &len);
		if (!text)
			fail_msg("no default template for %s", key);
		struct diag d = DIAG_INIT;
		if (doc_template_check(key, text, len, &d) != ST_OK)
			fail_msg("%s: %s", key, diag_last(&d) ? diag_last(&d) : "?");
		diag_release(&d);
	}
	assert_null(doc_template_key(DOC_TEMPLATES));
}

static void test_template_check_refusals(void **state)
{
	(void)state;
	struct diag d = DIAG_INIT;
	const char unknown[] = "【标题】{机关名称}\n{申请人}：\n本机关于{收件日}收到……\n{依据}{救济途径}\n";
	assert_int_equal(doc_template_check("answer.granted", unknown, sizeof unknown - 1, &d),
			 ST_DATA);
	assert_non_null(strstr(d.lines[0], "第3行: 未知的字段 {收件日}"));
	diag_clear(&d);
	/* an answer that drops its legal basis or its remedy is refused */
	const char no_remedy[] = "{申请人}：\n根据{依据}，予以公开。\n";
	assert_int_equal(doc_template_check("answer.granted", no_remedy, sizeof no_remedy - 1, &d),
			 ST_DATA);
	assert_non_null(strstr(diag_last(&d), "{救济途径}"));
	diag_clear(&d);
	/* a 补正 notice keeps what to correct and by when (第三十条) */
	const char no_limit[] = "{申请人}：请补正 {补正事项}。\n";
	assert_int_equal(doc_template_check("correction", no_limit, sizeof no_limit - 1, &d),
			 ST_DATA);
	assert_non_null(strstr(diag_last(&d), "{补正期限}"));
	diag_clear(&d);
	/* a field of another document is unknown here */
	const char other[] = "{申请人}：{补正事项}{补正期限}{金额}\n";
	assert_int_equal(doc_template_check("correction", other, sizeof other - 1, &d), ST_DATA);
	assert_non_null(strstr(d.lines[0], "{金额}"));
	diag_release(&d);
}

/* Each row's answer states its articles (docs/documents.md) and the remedy it allows. */
static void test_answers_state_their_articles_and_remedy(void **state)
{
	(void)state;
	static const struct { const char *outcome; int variant; const char *article; } rows[] = {
		{ "granted", -1, TIAOLI "第三十六条第（二）项" },
		{ "granted", AV_PUBLISHED, TIAOLI "第三十六条第（一）项" },
		{ "withheld.secret", -1, "第十四条、第三十六条第（三）项" },
		{ "withheld.law", -1, "第十四条、第三十六条第（三）项" },
		{ "withheld.security", -1, "第十四条、第三十六条第（三）项" },
		{ "withheld.third_party", -1, "第十五条、第三十二条、第三十六条第（三）项" },
		{ "withheld.internal", -1, "第十六条、第三十六条第（三）项" },
		{ "withheld.process", -1, "第十六条、第三十六条第（三）项" },
		{ "withheld.enforcement", -1, "第十六条、第三十六条第（三）项" },
		{ "withheld.query", -1, "第三十六条第（七）项" },
		{ "unavailable.not_held", -1, "第三十六条第（四）项" },
		{ "unavailable.not_held", AV_OTHER_BODY, "第三十六条第（五）项" },
		{ "unavailable.needs_creation", -1, "第三十八条" },
		{ "rejected.petition", -1, "第三十九条第一款" },
		{ "rejected.publication", -1, "第三十九条第二款" },
		{ "rejected.excessive", -1, "第三十五条" },
		{ "rejected.confirmation", -1, "第三十九条" },
		{ "other.other", -1, NULL },
	};
	struct store *s = office_store(true);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct app a;
		app_init(&a);
		answered(&a, rows[i].outcome);
		a.answer_variant = rows[i].variant;
		struct strbuf text = STRBUF_INIT;
		struct doc_issued x = { 0 };
		struct diag d = DIAG_INIT;
		if (issue_text(s, &a, DK_ANSWER, &text, &x, &d) != ST_OK)
			fail_msg("%s: %s", rows[i].outcome, diag_last(&d) ? diag_last(&d) : "?");
		const char *t = sb_str(&text);
		if (rows[i].article && !strstr(t, rows[i].article))
			fail_msg("%s: no %s in\n%s", rows[i].outcome, rows[i].article, t);
		bool withheld = strncmp(rows[i].outcome, "withheld.", 9) == 0;
		/* 行政复议法 第二十三条第一款第（四）项: a refusal goes to reconsideration first */
		if (withheld != (strstr(t, "应当先申请行政复议") != NULL))
			fail_msg("%s: reconsideration first %s said", rows[i].outcome,
				 withheld ? "not" : "wrongly");
		if (withheld == (strstr(t, "六个月内向郑州铁路运输法院提起行政诉讼") != NULL))
			fail_msg("%s: a direct lawsuit %s offered", rows[i].outcome,
				 withheld ? "wrongly" : "not");
		assert_non_null(strstr(t, "郑州市郑东新区管理委员会申请行政复议"));
		assert_non_null(strstr(t, "2025年9月1日"));
		assert_non_null(strstr(t, "2024年本区学校建设项目的立项批复文件"));
		assert_non_null(strstr(t, "联系人：王某"));
		doc_issued_release(&x);
		sb_release(&text);
		diag_release(&d);
		app_release(&a);
	}
	store_close(&s);
}

static void test_partial_answer_mixes_the_remedies(void **state)
{
	(void)state;
	struct store *s = office_store(true);
	struct app a;
	app_init(&a);
	answered(&a, "partial");
	struct strbuf text = STRBUF_INIT;
	struct doc_issued x = { 0 };
	assert_int_equal(issue_text(s, &a, DK_ANSWER, &text, &x, NULL), ST_OK);
	assert_non_null(strstr(sb_str(&text), TIAOLI "第三十七条"));
	assert_non_null(strstr(sb_str(&text), "不予公开的部分不服的"));
	assert_non_null(strstr(sb_str(&text), "应当先申请行政复议"));
	assert_non_null(strstr(sb_str(&text), "六个月内向郑州铁路运输法院提起行政诉讼"));
	doc_issued_release(&x);
	sb_release(&text);
	app_release(&a);
	store_close(&s);
}

/* A fact the document needs and the case or the office lacks is named, with where to give it,
 * and nothing is issued. */
static void test_missing_facts_are_named(void **state)
{
	(void)state;
	struct store *s = office_store(false);
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2025-09-01", NULL, NULL);
	app_set_text(&a.request, "某文件");
	a.d.correction_sent = D("2025-09-03");
	put(s, &a);
	struct doc_issued x = { 0 };
	struct diag d = DIAG_INIT;
	assert_int_equal(doc_issue(s, a.id, DK_CORRECTION, DATE_NONE, &x, &d), ST_DATA);
	assert_int_equal(d.n, 2);
	assert_non_null(strstr(d.lines[0], "缺少 补正事项"));
	assert_non_null(strstr(d.lines[1], "缺少 补正期限"));
	assert_non_null(strstr(d.lines[0], "gongkai set 2025-0001 补正事项="));
	diag_clear(&d);
	/* no document number was taken */
	struct doc_issued *docs;
	size_t n;
	assert_int_equal(store_doc_list(s, a.id, &docs, &n, &d), ST_OK);
	assert_int_equal(n, 0);
	doc_issued_free(&docs, n);
	/* an answer without the office's reconsideration body */
	a.d.answered = D("2025-09-20");
	a.outcome = R_WITHHELD_SECRET;
	app_set_text(&a.answer_reasons, "国家秘密");
	assert_int_equal(store_app_update(s, &a, NULL, &d), ST_OK);
	assert_int_equal(doc_issue(s, a.id, DK_ANSWER, DATE_NONE, &x, &d), ST_DATA);
	assert_non_null(strstr(diag_last(&d), "缺少机关设置「复议机关」"));
	diag_clear(&d);
	/* a document whose event is not recorded */
	assert_int_equal(doc_issue(s, a.id, DK_FEE, DATE_NONE, &x, &d), ST_DATA);
	assert_non_null(strstr(diag_last(&d), "尚未登记收费通知"));
	diag_release(&d);
	app_release(&a);
	store_close(&s);
}

static void test_numbers_follow_the_yearly_sequence(void **state)
{
	(void)state;
	struct store *s = office_store(true);
	struct app a, b;
	app_init(&a);
	app_init(&b);
	mkapp(&a, AT_PERSON, "2025-12-29", NULL, NULL);
	app_set_text(&a.request, "甲");
	put(s, &a);
	mkapp(&b, AT_LEGAL, "2026-01-05", NULL, NULL);
	app_set_text(&b.request, "乙");
	put(s, &b);
	struct doc_issued x = { 0 };
	struct diag d = DIAG_INIT;
	assert_int_equal(doc_issue(s, a.id, DK_RECEIPT, DATE_NONE, &x, &d), ST_OK);
	assert_string_equal(x.number, "郑东社公开〔2025〕1号");
	doc_issued_release(&x);
	assert_int_equal(doc_issue(s, a.id, DK_RECEIPT, DATE_NONE, &x, &d), ST_OK);
	assert_string_equal(x.number, "郑东社公开〔2025〕2号");
	/* a voided document keeps its number: the next is 3 */
	assert_int_equal(store_doc_void(s, x.id, "打印有误", &d), ST_OK);
	assert_int_equal(store_doc_void(s, x.id, "再次", &d), ST_DATA);
	doc_issued_release(&x);
	assert_int_equal(doc_issue(s, a.id, DK_RECEIPT, DATE_NONE, &x, &d), ST_OK);
	assert_string_equal(x.number, "郑东社公开〔2025〕3号");
	doc_issued_release(&x);
	/* a new year starts at 1, with no leading zeros and no 第 */
	assert_int_equal(doc_issue(s, b.id, DK_RECEIPT, DATE_NONE, &x, &d), ST_OK);
	assert_string_equal(x.number, "郑东社公开〔2026〕1号");
	doc_issued_release(&x);
	struct doc_issued *docs;
	size_t n;
	assert_int_equal(store_doc_list(s, a.id, &docs, &n, &d), ST_OK);
	assert_int_equal(n, 3);
	assert_non_null(docs[1].voided_at);
	assert_string_equal(docs[1].void_reason, "打印有误");
	doc_issued_free(&docs, n);
	/* the case's history names each */
	struct history_entry *h;
	assert_int_equal(store_history(s, a.id, &h, &n, &d), ST_OK);
	bool seen = false;
	for (size_t i = 0; i < n; i++)
		seen |= strstr(h[i].new_value ? h[i].new_value : "", "登记回执 郑东社公开〔2025〕3号") != NULL;
	assert_true(seen);
	history_free(&h, n);
	diag_release(&d);
	app_release(&a);
	app_release(&b);
	store_close(&s);
}

/* An office's wording shows in the next document, never in a reprint of an older one. */
static void test_template_versions_and_reprints(void **state)
{
	(void)state;
	struct store *s = office_store(true);
	struct app a;
	app_init(&a);
	answered(&a, "granted");
	app_set_text(&a.answer_reasons, NULL);
	put(s, &a);
	struct doc_issued first = { 0 }, second = { 0 }, again = { 0 };
	struct diag d = DIAG_INIT;
	assert_int_equal(doc_issue(s, a.id, DK_ANSWER, DATE_NONE, &first, &d), ST_OK);
	assert_int_equal(first.template_version, 0);
	size_t len;
	const char *def = doc_template_default("answer.granted", &len);
	struct strbuf mine = STRBUF_INIT;
	sb_add(&mine, def, len);
	sb_adds(&mine, "本机关特别提示：请妥善保管所获信息。\n");
	assert_int_equal(doc_template_check("answer.granted", mine.buf, mine.len, &d), ST_OK);
	int version;
	assert_int_equal(store_template_add(s, "answer.granted", mine.buf, &version, &d), ST_OK);
	assert_int_equal(version, 1);
	assert_int_equal(doc_issue(s, a.id, DK_ANSWER, DATE_NONE, &second, &d), ST_OK);
	assert_int_equal(second.template_version, 1);
	struct strbuf t1 = STRBUF_INIT, t2 = STRBUF_INIT, b1 = STRBUF_INIT, b2 = STRBUF_INIT;
	assert_int_equal(doc_to_text(&second, 80, &t2, &d), ST_OK);
	assert_non_null(strstr(sb_str(&t2), "请妥善保管所获信息"));
	/* the first, printed again now, is as it was: byte for byte, as .docx too */
	assert_int_equal(store_doc_get(s, first.id, &again, &d), ST_OK);
	assert_int_equal(doc_to_text(&again, 80, &t1, &d), ST_OK);
	assert_null(strstr(sb_str(&t1), "请妥善保管所获信息"));
	assert_int_equal(doc_to_docx(&first, &b1, &d), ST_OK);
	assert_int_equal(doc_to_docx(&again, &b2, &d), ST_OK);
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.buf, b2.buf, b1.len);
	sb_release(&t1);
	sb_release(&t2);
	sb_release(&b1);
	sb_release(&b2);
	sb_release(&mine);
	doc_issued_release(&first);
	doc_issued_release(&second);
	doc_issued_release(&again);
	diag_release(&d);
	app_release(&a);
	store_close(&s);
}

/* A 重复申请 answer cites the earlier answer by its number and date. */
static void test_repeat_cites_the_earlier_answer(void **state)
{
	(void)state;
	struct store *s = office_store(true);
	struct app first, repeat;
	app_init(&first);
	app_init(&repeat);
	answered(&first, "granted");
	put(s, &first);
	struct doc_issued x = { 0 };
	struct diag d = DIAG_INIT;
	assert_int_equal(doc_issue(s, first.id, DK_ANSWER, DATE_NONE, &x, &d), ST_OK);
	char *earlier = xstrdup(x.number);
	doc_issued_release(&x);
	answered(&repeat, "rejected.repeat");
	repeat.d.received = D("2025-10-08");
	repeat.d.answered = D("2025-10-09");
	put(s, &repeat);
	/* without the earlier case named: said */
	assert_int_equal(doc_issue(s, repeat.id, DK_ANSWER, DATE_NONE, &x, &d), ST_DATA);
	assert_non_null(strstr(diag_last(&d), "前次申请编号"));
	diag_clear(&d);
	app_set_text(&repeat.related_case, first.case_no);
	assert_int_equal(store_app_update(s, &repeat, NULL, &d), ST_OK);
	struct strbuf text = STRBUF_INIT;
	assert_int_equal(issue_text(s, &repeat, DK_ANSWER, &text, &x, &d), ST_OK);
	assert_non_null(strstr(sb_str(&text), earlier));
	assert_non_null(strstr(sb_str(&text), "2025年9月26日"));
	assert_non_null(strstr(sb_str(&text), "第三十六条第（六）项"));
	sb_release(&text);
	free(earlier);
	doc_issued_release(&x);
	diag_release(&d);
	app_release(&first);
	app_release(&repeat);
	store_close(&s);
}

/* The .docx read back: a zip with the parts, A4, and the text of the document. */
static void test_docx_of_a_document(void **state)
{
	(void)state;
	struct store *s = office_store(true);
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2025-09-01", NULL, NULL);
	app_set_text(&a.request, "申请内容<与>&");
	a.d.correction_sent = D("2025-09-03");
	a.d.correction_limit = D("2025-09-17");
	app_set_text(&a.correction_items, "请写明文件的名称。\n请写明文件的年份。");
	put(s, &a);
	struct doc_issued x = { 0 };
	struct strbuf bytes = STRBUF_INIT;
	struct diag d = DIAG_INIT;
	assert_int_equal(doc_issue(s, a.id, DK_CORRECTION, DATE_NONE, &x, &d), ST_OK);
	assert_int_equal(doc_to_docx(&x, &bytes, &d), ST_OK);
	zip_error_t err;
	zip_source_t *src = zip_source_buffer_create(bytes.buf, bytes.len, 0, &err);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &err);
	assert_non_null(z);
	zip_stat_t st;
	assert_int_equal(zip_stat(z, "word/document.xml", 0, &st), 0);
	char *xml = calloc(1, st.size + 1);
	zip_file_t *f = zip_fopen(z, "word/document.xml", 0);
	assert_int_equal(zip_fread(f, xml, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	assert_non_null(strstr(xml, "w:w=\"11906\" w:h=\"16838\""));
	assert_non_null(strstr(xml, "郑东社公开〔2025〕1号"));
	assert_non_null(strstr(xml, "申请内容&lt;与&gt;&amp;"));
	assert_non_null(strstr(xml, "请写明文件的名称。"));
	assert_non_null(strstr(xml, "2025年9月17日"));
	assert_non_null(strstr(xml, "视为放弃申请"));
	free(xml);
	zip_close(z);
	sb_release(&bytes);
	doc_issued_release(&x);
	diag_release(&d);
	app_release(&a);
	store_close(&s);
}

/* What a case's state calls for. */
static void test_documents_due(void **state)
{
	(void)state;
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2025-09-01", NULL, NULL);
	bool due[DK_COUNT];
	doc_due(&a, due);
	assert_true(due[DK_RECEIPT]);
	assert_false(due[DK_CORRECTION]);
	assert_false(due[DK_ANSWER]);
	a.d.consult_start = D("2025-09-05");
	a.consult_party = CP_BODY;
	doc_due(&a, due);
	assert_true(due[DK_CONSULT_BODY]);
	assert_true(due[DK_CONSULT_NOTICE]);
	assert_false(due[DK_CONSULT_THIRD_PARTY]);
	assert_false(due[DK_OVER_OBJECTION]);
	a.consult_party = CP_THIRD_PARTY;
	a.d.answered = D("2025-09-30");
	a.outcome = R_GRANTED;
	doc_due(&a, due);
	assert_true(due[DK_CONSULT_THIRD_PARTY]);
	assert_true(due[DK_OVER_OBJECTION]);
	assert_true(due[DK_ANSWER]);
	assert_int_equal(doc_kind_parse("补正告知书"), DK_CORRECTION);
	assert_int_equal(doc_kind_parse(" answer "), DK_ANSWER);
	assert_int_equal(doc_kind_parse("告知书"), -1);
	struct strbuf key = STRBUF_INIT;
	a.outcome = R_UNAVAILABLE_NOT_HELD;
	a.answer_variant = AV_OTHER_BODY;
	doc_template_key_of(&a, DK_ANSWER, &key);
	assert_string_equal(sb_str(&key), "answer.unavailable.not_held.other_body");
	sb_release(&key);
	app_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_default_template_is_valid),
		cmocka_unit_test(test_template_check_refusals),
		cmocka_unit_test(test_answers_state_their_articles_and_remedy),
		cmocka_unit_test(test_partial_answer_mixes_the_remedies),
		cmocka_unit_test(test_missing_facts_are_named),
		cmocka_unit_test(test_numbers_follow_the_yearly_sequence),
		cmocka_unit_test(test_template_versions_and_reprints),
		cmocka_unit_test(test_repeat_cites_the_earlier_answer),
		cmocka_unit_test(test_docx_of_a_document),
		cmocka_unit_test(test_documents_due),
	};
	return gk_run_tests(tests, NULL, NULL);
}
