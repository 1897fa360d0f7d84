/*
 * test_template.c — the wording an office may edit: parsing a template against a catalogue
 * of fields (every mistake reported with its line), filling it in (required fields refused
 * when missing, lines with an empty optional field dropped, values of several paragraphs),
 * literal braces, and the check that a template keeps the fields it must.
 */
#include "testutil.h"

#include "docx.h"
#include "template.h"

enum { TF_APPLICANT, TF_RECEIVED, TF_REQUEST, TF_BASIS, TF_REMEDY, TF_OFFICE, TF_DATE, TF_CONTACT,
       TF_PHONE, NFIELDS };

static const struct tpl_field fields[NFIELDS] = {
	[TF_APPLICANT] = { "申请人", true, "申请人姓名或名称" },
	[TF_RECEIVED] = { "收到日期", true, "本机关收到申请的日期" },
	[TF_REQUEST] = { "申请内容", true, "申请人所申请的内容" },
	[TF_BASIS] = { "依据", true, "答复所依据的条款" },
	[TF_REMEDY] = { "救济途径", true, "行政复议和行政诉讼" },
	[TF_OFFICE] = { "机关名称", true, "本机关的名称" },
	[TF_DATE] = { "日期", true, "成文日期" },
	[TF_CONTACT] = { "联系人", false, "联系人姓名" },
	[TF_PHONE] = { "电话", false, NULL },
};

/* The values, by field number; NULL for none. */
struct values {
	const char *v[NFIELDS];
	int calls;
};

static const char *lookup(void *ctx, size_t field, const char *name)
{
	struct values *vals = ctx;
	assert_true(field < NFIELDS);
	assert_string_equal(name, fields[field].name);
	vals->calls++;
	return vals->v[field];
}

static struct values full_values(void)
{
	struct values v = { { NULL }, 0 };
	v.v[TF_APPLICANT] = "张三";
	v.v[TF_RECEIVED] = "2025年9月1日";
	v.v[TF_REQUEST] = "2024年度养老机构运营补贴发放明细";
	v.v[TF_BASIS] = "《中华人民共和国政府信息公开条例》第三十六条第（二）项";
	v.v[TF_REMEDY] = "如不服本答复，可以在收到本答复之日起60日内申请行政复议。";
	v.v[TF_OFFICE] = "郑州市郑东新区社会事业局";
	v.v[TF_DATE] = "2025年9月26日";
	v.v[TF_CONTACT] = "李四";
	v.v[TF_PHONE] = "0371-12345678";
	return v;
}

static struct template *parse_ok(const char *text)
{
	struct template *t = NULL;
	struct diag d = DIAG_INIT;
	enum status st = template_parse(text, strlen(text), fields, NFIELDS, &t, &d);
	if (st != ST_OK)
		fail_msg("refused: %s", diag_last(&d) ? diag_last(&d) : "?");
	assert_int_equal(diag_count(&d), 0);
	diag_release(&d);
	assert_non_null(t);
	return t;
}

static void para_is(const struct docx *doc, size_t i, enum docx_kind kind, const char *text)
{
	assert_true(i < docx_count(doc));
	assert_int_equal(docx_kind_at(doc, i), kind);
	assert_string_equal(docx_text_at(doc, i), text);
}

static const char answer[] =
	"\xEF\xBB\xBF# 政府信息公开申请答复书\r\n"
	"   # 缩进的注释\r\n"
	"【标题】{机关名称}\r\n"
	"【标题】政府信息公开申请答复书\n"
	"\n"
	"【抬头】{申请人}：\n"
	"　　本机关于{收到日期}收到您提出的政府信息公开申请，申请获取“{申请内容}”。  \n"
	"【正文】根据{依据}的规定，现答复如下：\n"
	"【一级标题】一、答复\n"
	"【二级标题】（一）说明\n"
	"{救济途径}\n"
	"联系人：{联系人}　电话：{电话}\n"
	"写大括号：{{不是字段}} 和 }}{{\n"
	"【正文】【附件】不是标记\n"
	"【落款】{机关名称}\n"
	"【落款】 {日期}\n"
	"【分页】\n"
	"【正文】\n";

static void test_render(void **state)
{
	(void)state;
	struct template *t = parse_ok(answer);
	struct values v = full_values();
	struct docx *doc = docx_new();
	struct diag d = DIAG_INIT;
	assert_int_equal(template_render(t, lookup, &v, doc, &d), ST_OK);
	assert_int_equal(diag_count(&d), 0);
	assert_int_equal(docx_count(doc), 15);
	para_is(doc, 0, DOCX_TITLE, "郑州市郑东新区社会事业局");
	para_is(doc, 1, DOCX_TITLE, "政府信息公开申请答复书");
	para_is(doc, 2, DOCX_PLAIN, "张三：");
	/* the ideographic indent and the trailing spaces are gone: the kind gives the indent */
	para_is(doc, 3, DOCX_BODY, "本机关于2025年9月1日收到您提出的政府信息公开申请，申请获取"
		"“2024年度养老机构运营补贴发放明细”。");
	para_is(doc, 4, DOCX_BODY, "根据《中华人民共和国政府信息公开条例》第三十六条第（二）项"
		"的规定，现答复如下：");
	para_is(doc, 5, DOCX_HEADING1, "一、答复");
	para_is(doc, 6, DOCX_HEADING2, "（一）说明");
	para_is(doc, 7, DOCX_BODY, "如不服本答复，可以在收到本答复之日起60日内申请行政复议。");
	para_is(doc, 8, DOCX_BODY, "联系人：李四　电话：0371-12345678");
	para_is(doc, 9, DOCX_BODY, "写大括号：{不是字段} 和 }{");
	para_is(doc, 10, DOCX_BODY, "【附件】不是标记");
	para_is(doc, 11, DOCX_SIGNATURE, "郑州市郑东新区社会事业局");
	para_is(doc, 12, DOCX_SIGNATURE, "2025年9月26日");
	para_is(doc, 13, DOCX_PAGE_BREAK, "");
	para_is(doc, 14, DOCX_BODY, "");                    /* a tag alone: an empty line */
	assert_true(template_uses(t, "联系人"));
	assert_false(template_uses(t, "不存在"));
	docx_free(&doc);
	diag_release(&d);
	template_free(&t);
	assert_null(t);
}

static void test_optional_empty_drops_the_line(void **state)
{
	(void)state;
	struct template *t = parse_ok("甲\n联系人：{联系人}　电话：{电话}\n乙\n");
	struct values v = full_values();
	static const char *const empty[] = { NULL, "", " \u3000\n" };
	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		v.v[TF_CONTACT] = empty[i];               /* the phone alone is not enough */
		struct docx *doc = docx_new();
		assert_int_equal(template_render(t, lookup, &v, doc, NULL), ST_OK);
		assert_int_equal(docx_count(doc), 2);
		para_is(doc, 0, DOCX_BODY, "甲");
		para_is(doc, 1, DOCX_BODY, "乙");
		docx_free(&doc);
	}
	template_free(&t);
}

static void test_required_missing_refuses(void **state)
{
	(void)state;
	struct template *t = parse_ok(answer);
	struct values v = full_values();
	v.v[TF_APPLICANT] = "  ";
	v.v[TF_REMEDY] = NULL;
	struct docx *doc = docx_new();
	docx_para(doc, DOCX_BODY, "已有的一段");
	struct diag d = DIAG_INIT;
	assert_int_equal(template_render(t, lookup, &v, doc, &d), ST_DATA);
	/* nothing added: no blank, no placeholder, no half of a document */
	assert_int_equal(docx_count(doc), 1);
	assert_int_equal(diag_count(&d), 2);
	assert_string_equal(d.lines[0], "文书不能生成：缺少必填的字段 {申请人}（申请人姓名或名称）");
	assert_string_equal(d.lines[1], "文书不能生成：缺少必填的字段 {救济途径}（行政复议和行政诉讼）");
	docx_free(&doc);
	diag_release(&d);
	template_free(&t);
}

static void test_multi_paragraph_values(void **state)
{
	(void)state;
	struct template *t = parse_ok("【正文】{申请内容}\n申请内容：{申请内容}\n【落款】{机关名称}\n");
	struct values v = full_values();
	v.v[TF_REQUEST] = "\n1. 补贴名单；\r\n\r\n　　2. 发放金额。 \n";
	v.v[TF_OFFICE] = "某局\n办公室";
	struct docx *doc = docx_new();
	assert_int_equal(template_render(t, lookup, &v, doc, NULL), ST_OK);
	assert_int_equal(docx_count(doc), 5);
	/* a field alone on its line: one paragraph per line of the value, of the line's kind */
	para_is(doc, 0, DOCX_BODY, "1. 补贴名单；");
	para_is(doc, 1, DOCX_BODY, "2. 发放金额。");
	/* inside a line: the value trimmed, its line breaks kept inside the paragraph */
	para_is(doc, 2, DOCX_BODY, "申请内容：1. 补贴名单；\r\n\r\n　　2. 发放金额。");
	para_is(doc, 3, DOCX_SIGNATURE, "某局");
	para_is(doc, 4, DOCX_SIGNATURE, "办公室");
	docx_free(&doc);
	template_free(&t);
}

/* Parses text expecting refusal; the diag's lines are compared with want (NULL-ended). */
static void refused(const char *text, size_t len, const char *const *want)
{
	static char dummy;
	struct template *t = (struct template *)&dummy;   /* must be set to NULL */
	struct diag d = DIAG_INIT;
	assert_int_equal(template_parse(text, len, fields, NFIELDS, &t, &d), ST_DATA);
	assert_null(t);
	size_t n = 0;
	while (want[n])
		n++;
	if (diag_count(&d) != n)
		fail_msg("%zu problems, %zu expected; first: %s", diag_count(&d), n,
			 diag_last(&d) ? d.lines[0] : "none");
	for (size_t i = 0; i < n; i++)
		if (!strstr(d.lines[i], want[i]))
			fail_msg("line %zu: \"%s\" does not contain \"%s\"", i, d.lines[i], want[i]);
	diag_release(&d);
}

#define REFUSED(text, ...) \
	refused(text, sizeof(text) - 1, (const char *const[]){ __VA_ARGS__, NULL })

static void test_parse_errors(void **state)
{
	(void)state;
	REFUSED("【标题】答复书\n张三：\n本机关于{申请日}收到申请。\n",
		"第3行: 未知的字段 {申请日}，可用的字段：{申请人}、{收到日期}、{申请内容}、{依据}、"
		"{救济途径}、{机关名称}、{日期}、{联系人}、{电话}");
	REFUSED("甲\n本机关于{收到日期收到申请。\n", "第2行: 字段的 { 没有配对的 }");
	REFUSED("本机关于{收到{日期}收到申请。\n", "第1行: 字段的 { 没有配对的 }");
	REFUSED("# 注释\n\n本机关于收到日期}收到申请。\n", "第3行: 多余的 }（要写 } 本身，请写 }}）");
	REFUSED("【附注】本文\n", "第1行: 未知的标记 【附注】，可用的标记：【标题】【文号】【抬头】"
		"【正文】【一级标题】【二级标题】【落款】【分页】");
	REFUSED("甲{}乙{ }\n", "第1行: 空的字段 {}", "第1行: 空的字段 {}");
	REFUSED("申请人：｛申请人｝\n", "第1行: ｛申请人｝用了全角大括号，字段要用半角的 {申请人}");
	REFUSED("【分页】多余\n", "第1行: 【分页】后面不能有文字");
	REFUSED("甲\n\xd5\xc5\xc8\xfd\n", "第2行: 不是 UTF-8 文字");
	/* every problem of the file at once, each with its line */
	REFUSED("{甲}\n{乙} {申请人} {丙}\n【坏】\n好的一行\n}\n",
		"第1行: 未知的字段 {甲}", "第2行: 未知的字段 {乙}", "第2行: 未知的字段 {丙}",
		"第3行: 未知的标记 【坏】", "第5行: 多余的 }");
}

static void test_parse_edges(void **state)
{
	(void)state;
	/* an empty template, comments only, a 【 that is no tag, full-width braces round text */
	struct template *t = parse_ok("");
	struct values v = full_values();
	struct docx *doc = docx_new();
	assert_int_equal(template_render(t, lookup, &v, doc, NULL), ST_OK);
	assert_int_equal(docx_count(doc), 0);
	template_free(&t);
	t = parse_ok("# 只有注释\n\n  \t\n");
	template_free(&t);
	t = parse_ok("【注意事项\n｛不是字段｝\n{ 申请人 }\n");
	assert_int_equal(template_render(t, lookup, &v, doc, NULL), ST_OK);
	assert_int_equal(docx_count(doc), 3);
	para_is(doc, 0, DOCX_BODY, "【注意事项");
	para_is(doc, 1, DOCX_BODY, "｛不是字段｝");
	para_is(doc, 2, DOCX_BODY, "张三");
	template_free(&t);
	docx_free(&doc);
	/* the catalogue is copied: the template outlives the caller's array */
	struct tpl_field mine[1] = { { xstrdup("临时"), true, NULL } };
	struct diag d = DIAG_INIT;
	assert_int_equal(template_parse("{临时}", 8, mine, 1, &t, &d), ST_OK);
	free((char *)mine[0].name);
	assert_true(template_uses(t, "临时"));
	template_free(&t);
	diag_release(&d);
}

static void test_require(void **state)
{
	(void)state;
	struct template *t = parse_ok(answer);
	static const char *const must[] = { "依据", "救济途径" };
	struct diag d = DIAG_INIT;
	assert_int_equal(template_require(t, must, 2, &d), ST_OK);
	assert_int_equal(diag_count(&d), 0);
	template_free(&t);
	/* an office that deleted the basis and the remedy */
	t = parse_ok("【抬头】{申请人}：\n经审查，现答复如下。\n");
	assert_int_equal(template_require(t, must, 2, &d), ST_DATA);
	assert_int_equal(diag_count(&d), 2);
	assert_string_equal(d.lines[0], "模板缺少必须保留的字段 {依据}");
	assert_string_equal(d.lines[1], "模板缺少必须保留的字段 {救济途径}");
	template_free(&t);
	diag_release(&d);
}

static void test_field_help(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	template_field_help(fields + TF_OFFICE, 4, &out);
	assert_string_equal(sb_str(&out),
			    "# {机关名称}　本机关的名称（必填）\n"
			    "# {日期}　成文日期（必填）\n"
			    "# {联系人}　联系人姓名（可空：为空时该行不出现）\n"
			    "# {电话}（可空：为空时该行不出现）\n");
	/* the help is itself a valid template (comments only) */
	struct template *t = parse_ok(sb_str(&out));
	template_free(&t);
	sb_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_optional_empty_drops_the_line),
		cmocka_unit_test(test_required_missing_refuses),
		cmocka_unit_test(test_multi_paragraph_values),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_edges),
		cmocka_unit_test(test_require),
		cmocka_unit_test(test_field_help),
	};
	return gk_run_tests(tests, NULL, NULL);
}
