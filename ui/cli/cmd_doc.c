/*
 * cmd_doc.c — the written documents on the command line: `doc` (list, issue, print again,
 * void) and `template` (list, show, load the office's wording).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "cmds.h"
#include "date.h"
#include "doc.h"
#include "outfile.h"
#include "store.h"
#include "strbuf.h"
#include "syserr.h"
#include "text.h"
#include "xmem.h"

/* The width the text form of a document is laid out for. */
#define DOC_TEXT_WIDTH 80

static const char *const doc_formats[] = { "text", "docx", NULL };

static void list(const struct app *a, const struct doc_issued *docs, size_t n)
{
	char buf[DATE_BUF];
	printf("已出具：\n");
	for (size_t i = 0; i < n; i++) {
		printf("  %s  %s  %s", docs[i].number, date_format(docs[i].issued_on, buf),
		       doc_kind_name(docs[i].kind));
		if (docs[i].voided_at)
			printf("（已作废：%s）", docs[i].void_reason ? docs[i].void_reason : "");
		printf("\n");
	}
	if (!n)
		printf("  （无）\n");
	bool due[DK_COUNT], any = false;
	doc_due(a, due);
	printf("待出具：\n");
	for (int k = 0; k < DK_COUNT; k++) {
		bool issued = false;
		for (size_t i = 0; i < n; i++)
			issued |= docs[i].kind == (enum doc_kind)k && !docs[i].voided_at;
		if (due[k] && !issued) {
			printf("  %s（%s）\n", doc_kind_name(k), doc_kind_code(k));
			any = true;
		}
	}
	if (!any)
		printf("  （无）\n");
}

/* The latest document of kind k not voided, or NULL. */
static const struct doc_issued *latest(const struct doc_issued *docs, size_t n, enum doc_kind k)
{
	const struct doc_issued *x = NULL;
	for (size_t i = 0; i < n; i++)
		if (docs[i].kind == k && !docs[i].voided_at)
			x = &docs[i];
	return x;
}

static enum status write_doc(const struct doc_issued *x, bool docx, const char *path)
{
	struct strbuf out = STRBUF_INIT;
	struct diag d = DIAG_INIT;
	enum status st = docx ? doc_to_docx(x, &out, &d) : doc_to_text(x, DOC_TEXT_WIDTH, &out, &d);
	if (st == ST_OK)
		st = outfile_write(path, out.buf, out.len, &d);
	sb_release(&out);
	st = cli_fail(st, &d);
	diag_release(&d);
	return st;
}

enum status cmd_doc(struct cli *c, int argc, char **argv)
{
	bool list_only = false, again = false, voiding = false;
	const char *out_path = NULL, *reason = NULL, *date_text = NULL;
	int fmt = -1;
	const struct cli_opt opts[] = {
		{ "list", 0, OPT_FLAG, &list_only, NULL, NULL, 0, 0, NULL },
		{ "format", 'f', OPT_CHOICE, &fmt, "格式", NULL, 0, 0, doc_formats },
		CLI_OPT_OUTPUT(&out_path),
		{ "new", 0, OPT_FLAG, &again, NULL, NULL, 0, 0, NULL },
		{ "date", 0, OPT_TEXT, &date_text, NULL, NULL, 0, 0, NULL },
		{ "void", 0, OPT_FLAG, &voiding, NULL, NULL, 0, 0, NULL },
		{ "reason", 0, OPT_TEXT, &reason, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("doc", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("doc", argc, argv, first, list_only ? 1 : 2, false,
			      list_only ? "--list 需要一个编号" : "需要 编号 和 文书种类");
	if (rc != ST_OK)
		return rc;
	int kind = list_only ? -1 : doc_kind_parse(argv[first + 1]);
	if (!list_only && kind < 0) {
		struct strbuf names = STRBUF_INIT;
		doc_kind_names(&names);
		rc = cli_usage_error("doc", "未知的文书种类 %s；应为 %s", argv[first + 1], sb_str(&names));
		sb_release(&names);
		return rc;
	}
	if (voiding && text_blank(reason))
		return cli_usage_error("doc", "作废文书须用 --reason 说明理由（记入修改记录）");
	int date = DATE_NONE;
	if (date_text && !date_parse(date_text, strlen(date_text), &date))
		return cli_usage_error("doc", "--date %s %s", date_text,
				       date_why_invalid(date_text, strlen(date_text)).text);
	/* a Word file is binary: to a file, as a report's xlsx is */
	bool docx = fmt == 1 || (fmt < 0 && out_path && strlen(out_path) > 5 &&
				 strcmp(out_path + strlen(out_path) - 5, ".docx") == 0);
	if (docx && (!out_path || strcmp(out_path, "-") == 0))
		return cli_usage_error("doc", "docx 格式须用 -o 指定输出文件");
	/* a document needs a case: a missing database is an error, never made */
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct app a;
	app_init(&a);
	struct doc_issued *docs = NULL, x = { 0 };
	size_t n = 0;
	struct diag d = DIAG_INIT;
	enum status st = store_app_get_by_case(s, argv[first], &a, &d);
	if (st == ST_OK)
		st = store_doc_list(s, a.id, &docs, &n, &d);
	const struct doc_issued *have = st == ST_OK && kind >= 0 ? latest(docs, n, kind) : NULL;
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
	} else if (list_only) {
		list(&a, docs, n);
	} else if (voiding) {
		if (!have)
			diag_add(&d, "申请 %s 没有未作废的%s", a.case_no, doc_kind_name(kind));
		st = have ? store_doc_void(s, have->id, reason, &d) : ST_DATA;
		if (st == ST_OK)
			fprintf(stderr, "已作废 %s（文号保留，不再使用）\n", have->number);
		rc = cli_fail(st, &d);
	} else if (have && !again) {
		fprintf(stderr, "重印 %s（%s 出具）\n", have->number, have->issued_at);
		rc = write_doc(have, docx, out_path);
	} else {
		st = doc_issue(s, a.id, kind, date, &x, &d);
		if (st == ST_OK)
			fprintf(stderr, "已出具 %s %s\n", doc_kind_name(kind), x.number);
		rc = cli_fail(st, &d);
		if (rc == ST_OK)
			rc = write_doc(&x, docx, out_path);
	}
	doc_issued_release(&x);
	doc_issued_free(&docs, n);
	app_release(&a);
	diag_release(&d);
	return rc;
}

/* ---- template ---- */

/* The template key a KIND names: a key as `template list` prints it, or a document's Chinese
 * name or code for the procedural ones. */
static const char *template_key(const char *text)
{
	if (doc_template_known(text))
		return text;
	int k = doc_kind_parse(text);
	return k >= 0 && k != DK_ANSWER ? doc_kind_code(k) : NULL;
}

struct versions {
	const char *keys[DOC_TEMPLATES];
	int v[DOC_TEMPLATES];
};

static void note_version(const char *key, int version, void *ctx)
{
	struct versions *vs = ctx;
	for (size_t i = 0; i < DOC_TEMPLATES; i++)
		if (strcmp(doc_template_key(i), key) == 0)
			vs->v[i] = version;
}

static enum status template_list(struct store *s)
{
	struct versions vs = { { 0 }, { 0 } };
	struct diag d = DIAG_INIT;
	enum status st = store_template_versions(s, note_version, &vs, &d);
	struct strbuf line = STRBUF_INIT;
	for (size_t i = 0; st == ST_OK && i < DOC_TEMPLATES; i++) {
		sb_reset(&line);
		text_pad(doc_template_key(i), 42, &line);
		if (vs.v[i])
			sb_addf(&line, "本机关第 %d 版  ", vs.v[i]);
		else
			sb_adds(&line, "程序默认      ");
		doc_template_title(doc_template_key(i), &line);
		printf("%s\n", sb_str(&line));
	}
	sb_release(&line);
	st = cli_fail(st, &d);
	diag_release(&d);
	return st;
}

static enum status template_show(struct store *s, const char *key)
{
	char *text = NULL;
	int version;
	struct diag d = DIAG_INIT;
	enum status st = store_template_latest(s, key, &text, &version, &d);
	if (st == ST_OK) {
		size_t len = 0;
		const char *def = text ? NULL : doc_template_default(key, &len);
		struct strbuf out = STRBUF_INIT, body = STRBUF_INIT;
		if (text)
			sb_adds(&body, text);
		else
			sb_add(&body, def, len);
		doc_template_annotated(key, sb_str(&body), &out);
		fputs(sb_str(&out), stdout);
		fprintf(stderr, "%s\n", version ? "（本机关的措辞）" : "（程序默认的措辞）");
		sb_release(&out);
		sb_release(&body);
	}
	free(text);
	st = cli_fail(st, &d);
	diag_release(&d);
	return st;
}

static enum status template_load(struct store *s, const char *key, const char *path)
{
	struct strbuf text = STRBUF_INIT;
	enum status rc = cli_read_text(path, "模板文件", 100000, &text);
	if (rc != ST_OK) {
		sb_release(&text);
		return rc;
	}
	struct diag d = DIAG_INIT;
	int version = 0;
	enum status st = doc_template_check(key, sb_str(&text), text.len, &d);
	if (st == ST_OK)
		st = store_template_add(s, key, sb_str(&text), &version, &d);
	if (st == ST_OK)
		printf("已保存模板 %s 第 %d 版：此后出具的文书使用新的措辞，已出具的文书不变\n", key,
		       version);
	else if (st == ST_DATA)
		diag_add(&d, "模板 %s 未保存", key);
	sb_release(&text);
	st = cli_fail(st, &d);
	diag_release(&d);
	return st;
}

enum status cmd_template(struct cli *c, int argc, char **argv)
{
	const struct cli_opt opts[] = { CLI_OPT_END };
	int first;
	enum status rc = cli_parse("template", argc, argv, opts, &first);
	if (rc != ST_OK)
		return rc;
	const char *sub = first < argc ? argv[first] : NULL;
	int want = !sub ? -1 : !strcmp(sub, "list") ? 1 : !strcmp(sub, "show") ? 2
		 : !strcmp(sub, "load") ? 3 : -1;
	if (want < 0)
		return cli_usage_error("template", "需要子命令 list、show 或 load");
	if (argc - first != want)
		return cli_usage_error("template", want == 1 ? "template list 不需要参数"
				       : want == 2 ? "template show 需要一个模板"
						   : "template load 需要模板和文件");
	const char *key = want > 1 ? template_key(argv[first + 1]) : NULL;
	if (want > 1 && !key)
		return cli_usage_error("template", "未知的模板 %s（gongkai template list 列出全部模板）",
				       argv[first + 1]);
	struct store *s = cli_store(c, want == 3 ? 0 : STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	if (want == 1)
		return template_list(s);
	if (want == 2)
		return template_show(s, key);
	return template_load(s, key, argv[first + 2]);
}
