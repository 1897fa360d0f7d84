/*
 * cmd_rollup.c — `gongkai rollup`: the tables of several bodies added up (全市汇总).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "annual.h"
#include "cli.h"
#include "cmds.h"
#include "report_format.h"
#include "rollup.h"
#include "store.h"
#include "xmem.h"

/* The name printed for the roll-up: --office, else the name set in this office's own
 * database when it exists (it is not created for a roll-up). */
static char *rollup_office(struct cli *c, const char *given)
{
	if (given)
		return xstrdup(given);
	struct stat sb;
	if (stat(c->db_path, &sb) != 0)
		return NULL;
	struct store *s = NULL;
	char *name = NULL;
	if (store_open(c->db_path, STORE_READONLY, &s, NULL) == ST_OK)
		store_office_get(s, &name, NULL);
	store_close(&s);
	return name;
}

/* The city's own text of the year and the year before, from this office's database when it
 * exists (it is not created for a roll-up). */
static enum status rollup_text(struct cli *c, struct annual *a, struct diag *d)
{
	struct stat sb;
	if (stat(c->db_path, &sb) != 0)
		return ST_OK;
	struct store *s = NULL;
	enum status st = store_open(c->db_path, STORE_READONLY, &s, d);
	if (st == ST_OK)
		st = annual_read_text(s, a, d);
	store_close(&s);
	return st;
}

/* rollup --whole: the sum's tables with the city's own text, checked as a report is. */
static enum status write_whole(struct cli *c, struct annual *a, const char *format, bool draft,
			       const char *out_path)
{
	struct diag d = DIAG_INIT;
	enum status st = rollup_text(c, a, &d);
	if (st != ST_OK) {
		st = cli_fail(st, &d);
	} else {
		annual_check(a);
		st = cli_write_annual(a, "汇总报告", format, draft, out_path);
	}
	diag_release(&d);
	return st;
}

static enum status write_rollup(struct cli *c, struct rollup_part *parts, size_t n, int year,
				const char *office, const struct report_format *fmt,
				const char *format, bool whole, bool draft, const char *out_path)
{
	struct annual a;
	annual_init(&a);
	struct report *sum = &a.r;
	rollup_sum(parts, n, year, office, sum);
	if (whole) {
		enum status rc = write_whole(c, &a, format, draft, out_path);
		if (rc == ST_OK)
			fprintf(stderr, "已汇总 %zu 个来源、%zu 个机关%s\n", n, sum->nparts,
				sum->unchecked ? "（含未通过检查的来源）" : "");
		annual_release(&a);
		return rc;
	}
	const struct report **reps = xcalloc(n + 1, sizeof *reps);
	reps[0] = sum;
	for (size_t i = 0; i < n; i++)
		reps[i + 1] = &parts[i].rep;
	struct diag d = DIAG_INIT;
	enum status rc = cli_fail(report_format_write(fmt, reps, n + 1, out_path, &d), &d);
	diag_release(&d);
	if (rc == ST_OK)
		fprintf(stderr, "已汇总 %zu 个来源、%zu 个机关%s\n", n, sum->nparts,
			sum->unchecked ? "（含未通过检查的来源）" : "");
	free(reps);
	annual_release(&a);
	return rc;
}

enum status cmd_rollup(struct cli *c, int argc, char **argv)
{
	int year = 0;
	const char *format = "text", *out_path = NULL, *office = NULL;
	bool force = false, whole = false, draft = false;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "format", 'f', OPT_TEXT, &format, NULL, NULL, 0, 0, NULL },
		CLI_OPT_OUTPUT(&out_path),
		{ "office", 0, OPT_TEXT, &office, NULL, NULL, 0, 0, NULL },
		{ "force", 0, OPT_FLAG, &force, NULL, NULL, 0, 0, NULL },
		{ "whole", 0, OPT_FLAG, &whole, NULL, NULL, 0, 0, NULL },
		{ "draft", 0, OPT_FLAG, &draft, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("rollup", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("rollup", argc, argv, first, 1, true,
			      "需要至少一个来源（机关的 gongkai 数据库或报表 JSON）");
	if (rc != ST_OK)
		return rc;
	const struct report_format *fmt;
	rc = cli_report_form("rollup", format, whole, draft, out_path, &fmt);
	if (rc != ST_OK)
		return rc;

	size_t n = (size_t)(argc - first);
	struct rollup_part *parts = xcalloc(n, sizeof *parts);
	struct diag d = DIAG_INIT;
	enum status st = ST_OK;
	for (size_t i = 0; i < n; i++) {
		enum status got = rollup_load(argv[first + (int)i], year, &parts[i], &d);
		if (got != ST_OK && (st == ST_OK || got == ST_NOINPUT))
			st = got;
		if (isatty(STDERR_FILENO) && n > 1)
			fprintf(stderr, "\r读取来源 %zu/%zu …", i + 1, n);
	}
	if (isatty(STDERR_FILENO) && n > 1)
		fprintf(stderr, "\r\033[K");
	/* a source that cannot be read or is of another year or format can never be added;
	 * only the checks of rollup_check are the ones --force passes over */
	struct diag notes = DIAG_INIT;
	bool loaded = st == ST_OK;
	if (loaded)
		st = rollup_check(parts, n, force, &d, &notes);
	cli_fail(ST_OK, &notes);
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
		fprintf(stderr, "gongkai: 汇总未完成%s\n",
			loaded ? "（来源未通过检查时可加 --force 仍然汇总，结果会注明）" : "");
	} else {
		cli_fail(ST_OK, &d);   /* the --force notes */
		char *name = rollup_office(c, office);
		rc = write_rollup(c, parts, n, year, name, fmt, format, whole, draft, out_path);
		free(name);
	}
	diag_release(&notes);
	for (size_t i = 0; i < n; i++)
		rollup_part_release(&parts[i]);
	free(parts);
	diag_release(&d);
	return rc;
}
