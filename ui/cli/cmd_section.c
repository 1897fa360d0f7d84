/*
 * cmd_section.c — `section`: the office's own text of the annual report (sections 一, 五 and
 * 六), printed so it can be edited, loaded back from a file or standard input, or started
 * from the year before's text (annual.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annual.h"
#include "cli.h"
#include "cmds.h"
#include "store.h"
#include "text.h"

/* The longest text a section takes (the database's limit). */
#define SECTION_MAX 100000

/* The text as a clerk's editor saved it: no byte-order mark, line ends \n, no blank lines at
 * either end. */
static void normalise(const char *in, size_t n, struct strbuf *out)
{
	if (n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
		in += 3;
		n -= 3;
	}
	for (size_t i = 0; i < n; i++)
		if (in[i] != '\r')
			sb_addc(out, in[i]);
		else if (i + 1 >= n || in[i + 1] != '\n')
			sb_addc(out, '\n');
	while (out->len && (out->buf[out->len - 1] == '\n' || out->buf[out->len - 1] == ' '))
		out->buf[--out->len] = '\0';
	size_t lead = 0;
	while (lead < out->len && out->buf[lead] == '\n')
		lead++;
	if (lead) {
		memmove(out->buf, out->buf + lead, out->len - lead + 1);
		out->len -= lead;
	}
}

static enum status section_load(struct store *s, int year, int k, const char *path)
{
	struct strbuf raw = STRBUF_INIT, text = STRBUF_INIT;
	enum status st = cli_read_text(path, "报告文字文件", SECTION_MAX, &raw);
	if (st == ST_OK && !utf8_valid(raw.buf ? raw.buf : "", raw.len))
		st = cli_refuse(ST_DATA, "报告文字文件 %s 不是 UTF-8 编码的文本（请另存为 UTF-8）", path);
	if (st == ST_OK && raw.len && memchr(raw.buf, '\0', raw.len))
		st = cli_refuse(ST_DATA, "报告文字文件 %s 含有空字符，不是文本", path);
	struct diag d = DIAG_INIT;
	if (st == ST_OK) {
		normalise(raw.buf ? raw.buf : "", raw.len, &text);
		if (!annual_fields_valid(sb_str(&text), &d)) {
			diag_add(&d, "%d 年报告的「%s」未保存", year, annual_section_name(k));
			st = ST_DATA;
		}
	}
	if (st == ST_OK)
		st = store_section_put(s, year, annual_section_key(k), annual_section_name(k),
				       sb_str(&text), -1, &d);
	if (st == ST_OK)
		printf("已保存 %d 年报告的「%s」（%zu 字）\n", year, annual_section_name(k),
		       utf8_chars(text.buf ? text.buf : "", text.len));
	st = cli_fail(st, &d);
	diag_release(&d);
	sb_release(&raw);
	sb_release(&text);
	return st;
}

static enum status section_show(struct store *s, int year, int k)
{
	char *body = NULL;
	long long version;
	struct diag d = DIAG_INIT;
	enum status st = store_section_get(s, year, annual_section_key(k), &body, &version, &d);
	if (st == ST_OK) {
		const char *text = body ? body : annual_section_skeleton(k);
		fputs(text, stdout);
		if (*text && text[strlen(text) - 1] != '\n')
			putchar('\n');
		fflush(stdout);
		if (!body)
			fprintf(stderr, "（%d 年报告的「%s」尚未填写：以上是本部分的标题，可修改后用 "
				"gongkai section --year %d %s 文件 保存）\n", year,
				annual_section_name(k), year, annual_section_name(k));
	}
	free(body);
	st = cli_fail(st, &d);
	diag_release(&d);
	return st;
}

/* Every section `from` has and `year` has not, copied: a new year starts from last year's. */
static enum status section_copy(struct store *s, int year, int from)
{
	struct diag d = DIAG_INIT;
	int copied = 0;
	enum status st = ST_OK;
	for (int k = 0; st == ST_OK && k < AN_SECTIONS; k++) {
		char *have = NULL, *old = NULL;
		long long v;
		st = store_section_get(s, year, annual_section_key(k), &have, &v, &d);
		if (st == ST_OK && !have)
			st = store_section_get(s, from, annual_section_key(k), &old, &v, &d);
		if (st == ST_OK && old) {
			st = store_section_put(s, year, annual_section_key(k), annual_section_name(k),
					       old, 0, &d);
			if (st == ST_OK) {
				printf("已将 %d 年报告的「%s」复制到 %d 年\n", from,
				       annual_section_name(k), year);
				copied++;
			}
		} else if (st == ST_OK && have) {
			printf("%d 年报告的「%s」已有文字，未覆盖\n", year, annual_section_name(k));
		}
		free(have);
		free(old);
	}
	if (st == ST_OK && copied)
		printf("请按 %d 年的情况改写：与上年相同的部分 gongkai check 会指出\n", year);
	else if (st == ST_OK)
		printf("没有可复制的文字（%d 年报告没有 %d 年尚未填写的部分）\n", from, year);
	st = cli_fail(st, &d);
	diag_release(&d);
	return st;
}

enum status cmd_section(struct cli *c, int argc, char **argv)
{
	int year = 0, from = 0;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "from", 0, OPT_YEAR, &from, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("section", argc, argv, opts, &first);
	if (rc != ST_OK)
		return rc;
	int nargs = argc - first;
	if (from && nargs)
		return cli_usage_error("section", "--from 复制全部部分，不需要部分名称");
	if (!from && (nargs < 1 || nargs > 2))
		return cli_usage_error("section", "需要部分名称，以及要保存的文件（可选）");
	int k = from ? 0 : annual_section_parse(argv[first]);
	if (k < 0) {
		struct strbuf names = STRBUF_INIT;
		annual_section_names(&names);
		rc = cli_usage_error("section", "未知的部分 %s（可用：%s）", argv[first],
				     sb_str(&names));
		sb_release(&names);
		return rc;
	}
	bool writes = from || nargs == 2;
	struct store *s = cli_store(c, writes ? 0 : STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	if (from)
		return section_copy(s, year, from);
	if (nargs == 2)
		return section_load(s, year, k, argv[first + 1]);
	return section_show(s, year, k);
}
