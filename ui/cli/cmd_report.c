/*
 * cmd_report.c — the year-end tables: `report` (in the forms of report_format.h), `check`,
 * and `office`, the settings the reports and documents print.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annual.h"
#include "cli.h"
#include "office.h"
#include "cmds.h"
#include "report.h"
#include "report_format.h"
#include "store.h"
#include "text.h"
#include "xmem.h"

/* The whole report (report --whole): refused with the checks' lines, status 1, when a check
 * fails, unless it is asked for as a draft. */
static enum status whole_report(struct store *s, int year, const char *format, bool draft,
				const char *out_path)
{
	struct annual a;
	annual_init(&a);
	struct diag d = DIAG_INIT;
	enum status st = annual_build(s, year, &a, &d), rc;
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
	} else {
		char what[32];
		snprintf(what, sizeof what, "%d 年报告", year);
		rc = cli_write_annual(&a, what, format, draft, out_path);
	}
	diag_release(&d);
	annual_release(&a);
	return rc;
}

enum status cmd_report(struct cli *c, int argc, char **argv)
{
	int year = 0;
	const char *format = "text", *out_path = NULL;
	bool whole = false, draft = false;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "format", 'f', OPT_TEXT, &format, NULL, NULL, 0, 0, NULL },
		CLI_OPT_OUTPUT(&out_path),
		{ "whole", 0, OPT_FLAG, &whole, NULL, NULL, 0, 0, NULL },
		{ "draft", 0, OPT_FLAG, &draft, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("report", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("report", argc, argv, first, 0, false, NULL);
	if (rc != ST_OK)
		return rc;
	const struct report_format *fmt;
	rc = cli_report_form("report", format, whole, draft, out_path, &fmt);
	if (rc != ST_OK)
		return rc;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	if (whole)
		return whole_report(s, year, format, draft, out_path);
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
	bool tables = false;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "tables", 0, OPT_FLAG, &tables, NULL, NULL, 0, 0, NULL },
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
	struct annual a;
	annual_init(&a);
	struct diag d = DIAG_INIT;
	enum status st = annual_build(s, year, &a, &d);
	if (st == ST_OK)
		st = report_recount(s, &a.r, &d);
	if (tables)
		diag_clear(&a.problems);
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
	} else if (!annual_passes(&a)) {
		cli_print_problems(&a, stdout);
		rc = ST_CHECK;
	} else {
		struct strbuf line = STRBUF_INIT;
		report_overview_sentence(&a.r, &line);
		printf("%d 年度检查通过: 各列勾稽关系成立，上年结转与上一年度一致%s。%s\n", year,
		       tables ? "" : "，报告文字与报表一致", sb_str(&line));
		sb_release(&line);
	}
	diag_release(&d);
	annual_release(&a);
	return rc;
}

/* Prints every setting, one a line: `名称: 郑州市…` or `复议机关: （未设置）`. */
static void print_office(const struct office *o)
{
	for (int k = 0; k < OS_COUNT; k++)
		printf("%s: %s\n", office_name(k), o->v[k] ? o->v[k] : "（未设置）");
}

/* The setting `FIELD=VALUE` names, or -1. */
static int setting_of(const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *name = eq ? xstrndup(arg, (size_t)(eq - arg)) : NULL;
	int k = name ? office_parse(name) : -1;
	free(name);
	return k;
}

/* The --set FIELD=VALUE arguments, in one transaction: all of them or none. */
static enum status set_office(struct store *s, const struct cli_many *sets)
{
	for (int i = 0; i < sets->n; i++) {
		if (setting_of(sets->v[i]) >= 0)
			continue;
		struct strbuf names = STRBUF_INIT;
		office_names(&names);
		enum status st = cli_usage_error("office", "--set %s: 应为 设置=值，设置为 %s"
						 "（或其英文别名）", sets->v[i], sb_str(&names));
		sb_release(&names);
		return st;
	}
	struct diag d = DIAG_INIT;
	enum status st = store_begin(s, &d), one = ST_OK;
	for (int i = 0; st == ST_OK && i < sets->n; i++) {
		/* every value is checked, so that every problem is said at once */
		enum status got = store_office_put(s, setting_of(sets->v[i]),
						   strchr(sets->v[i], '=') + 1, &d);
		if (got == ST_DATA)
			one = ST_DATA;
		else
			st = got;
	}
	if (st == ST_OK && one == ST_OK)
		st = store_commit(s, &d);
	else
		store_rollback(s);
	st = cli_fail(st == ST_OK ? one : st, &d);
	diag_release(&d);
	return st;
}

enum status cmd_office(struct cli *c, int argc, char **argv)
{
	struct cli_many sets = { NULL, 0 };
	const struct cli_opt opts[] = {
		{ "set", 0, OPT_MANY, &sets, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("office", argc, argv, opts, &first);
	if (rc == ST_OK && argc - first > 1)
		rc = cli_usage_error("office", "机关名称只能有一个参数（含空格时请加引号）");
	if (rc == ST_OK && argc - first == 1 && sets.n)
		rc = cli_usage_error("office", "名称与 --set 只用一种：gongkai office --set 名称=…");
	bool writes = sets.n || argc - first == 1;
	struct store *s = rc == ST_OK ? cli_store(c, writes ? 0 : STORE_NOCREATE, &rc) : NULL;
	if (s && argc - first == 1) {
		struct diag d = DIAG_INIT;
		rc = cli_fail(store_office_set(s, argv[first], &d), &d);
		diag_release(&d);
		if (rc == ST_OK)
			printf("机关名称已设为: %s\n", argv[first]);
	} else if (s) {
		if (sets.n)
			rc = set_office(s, &sets);
		struct office o;
		office_init(&o);
		struct diag d = DIAG_INIT;
		if (rc == ST_OK && (rc = cli_fail(store_office_read(s, &o, &d), &d)) == ST_OK)
			print_office(&o);
		office_release(&o);
		diag_release(&d);
	}
	free(sets.v);
	return rc;
}
