/*
 * cmd_report.c — the year-end tables: `report` (in the forms of report_format.h), `check`,
 * `office`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "report.h"
#include "report_format.h"
#include "store.h"
#include "text.h"
#include "xmem.h"


enum status cmd_report(struct cli *c, int argc, char **argv)
{
	int year = 0;
	const struct report_format *fmt = report_format_find("text");
	const char *out_path = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "format", 'f', OPT_REPORT, &fmt, NULL, NULL, 0, 0, NULL },
		CLI_OPT_OUTPUT(&out_path),
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("report", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("report", argc, argv, first, 0, false, NULL);
	if (rc != ST_OK)
		return rc;
	if (report_format_needs_file(fmt) && (!out_path || strcmp(out_path, "-") == 0))
		return cli_usage_error("report", "%s 格式须用 -o 指定输出文件", fmt->name);
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct report r;
	report_init(&r);
	struct diag d = DIAG_INIT;
	enum status st = report_build(s, year, &r, &d);
	if (st == ST_OK) {
		const struct report *one = &r;
		st = report_format_write(fmt, &one, 1, out_path, &d);
	}
	rc = cli_fail(st, &d);
	for (size_t i = 0; st == ST_OK && i < r.problems.n; i++)
		fprintf(stderr, "注意: %s\n", r.problems.lines[i]);
	/* a file is for publishing or passing on: say that table 二 in it is all / */
	if (st == ST_OK && !r.t2.entered && out_path && strcmp(out_path, "-") != 0)
		fprintf(stderr, "注意: %d 年度表二尚未录入，表中以 / 表示（录入: gongkai table2 --year %d "
			"--set 单元格=值）\n", year, year);
	diag_release(&d);
	report_release(&r);
	return rc;
}

enum status cmd_check(struct cli *c, int argc, char **argv)
{
	int year = 0;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("check", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("check", argc, argv, first, 0, false, NULL);
	if (rc != ST_OK)
		return rc;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct report r;
	report_init(&r);
	struct diag d = DIAG_INIT;
	enum status st = report_build(s, year, &r, &d);
	if (st == ST_OK)
		st = report_recount(s, &r, &d);
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
	} else if (r.problems.n) {
		for (size_t i = 0; i < r.problems.n; i++)
			printf("%s\n", r.problems.lines[i]);
		rc = ST_CHECK;
	} else {
		struct strbuf line = STRBUF_INIT;
		report_overview_sentence(&r, &line);
		printf("%d 年度检查通过: 各列勾稽关系成立，上年结转与上一年度一致。%s\n", year,
		       sb_str(&line));
		sb_release(&line);
	}
	diag_release(&d);
	report_release(&r);
	return rc;
}

enum status cmd_office(struct cli *c, int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error("office", "机关名称只能有一个参数（含空格时请加引号）");
	enum status rc = ST_OK;
	struct store *s = cli_store(c, argc == 1 ? STORE_NOCREATE : 0, &rc);
	if (!s)
		return rc;
	struct diag d = DIAG_INIT;
	enum status st;
	if (argc == 1) {
		char *name = NULL;
		st = store_office_get(s, &name, &d);
		if (st == ST_OK)
			printf("%s\n", name ? name : "（未设置机关名称：gongkai office 名称）");
		free(name);
	} else {
		size_t n = strlen(argv[1]);
		if (text_blank(argv[1]) || n > 600) {
			diag_add(&d, "机关名称: 不能为空，且不超过 200 字");
			st = ST_DATA;
		} else {
			st = store_office_set(s, argv[1], &d);
			if (st == ST_OK)
				printf("机关名称已设为: %s\n", argv[1]);
		}
	}
	rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}
