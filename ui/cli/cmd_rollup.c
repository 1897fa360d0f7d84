/*
 * cmd_rollup.c — `gongkai rollup`: the tables of several bodies added up (全市汇总).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cmds.h"
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

static int write_rollup(struct rollup_part *parts, size_t n, int year, const char *office,
			enum report_format fmt, const char *out_path)
{
	struct report sum;
	report_init(&sum);
	rollup_sum(parts, n, year, office, &sum);
	const struct report **reps = xcalloc(n + 1, sizeof *reps);
	reps[0] = &sum;
	for (size_t i = 0; i < n; i++)
		reps[i + 1] = &parts[i].rep;
	int rc = cli_report_write(reps, n + 1, fmt, out_path);
	if (rc == 0)
		fprintf(stderr, "已汇总 %zu 个来源、%zu 个机关%s\n", n, sum.nparts,
			sum.unchecked ? "（含未通过检查的来源）" : "");
	free(reps);
	report_release(&sum);
	return rc;
}

int cmd_rollup(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "office", required_argument, NULL, 'n' },
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	int year = 0, ch;
	enum report_format fmt = FMT_TEXT;
	const char *out_path = NULL, *office = NULL;
	bool force = false;
	while ((ch = cli_getopt("rollup", argc, argv, ":o:f:", opts)) != -1) {
		if (ch == '?')
			return 64;
		if (ch == 'y' && !cli_year("rollup", optarg, &year))
			return 64;
		if (ch == 'f' && !cli_report_format(optarg, &fmt))
			return cli_usage_error("rollup", "未知的格式 %s（应为 text、csv、json、html 或 xlsx）",
					       optarg);
		if (ch == 'o')
			out_path = optarg;
		if (ch == 'n')
			office = optarg;
		if (ch == 'F')
			force = true;
	}
	if (!year)
		return cli_usage_error("rollup", "需要 --year 年度");
	if (optind >= argc)
		return cli_usage_error("rollup", "需要至少一个来源（机关的 gongkai 数据库或报表 JSON）");
	if (fmt == FMT_XLSX && (!out_path || strcmp(out_path, "-") == 0))
		return cli_usage_error("rollup", "xlsx 格式须用 -o 指定输出文件");

	size_t n = (size_t)(argc - optind);
	struct rollup_part *parts = xcalloc(n, sizeof *parts);
	struct diag d = DIAG_INIT;
	enum status st = ST_OK;
	for (size_t i = 0; i < n; i++) {
		enum status got = rollup_load(argv[optind + (int)i], year, &parts[i], &d);
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
	int rc;
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
		fprintf(stderr, "gongkai: 汇总未完成%s\n",
			loaded ? "（来源未通过检查时可加 --force 仍然汇总，结果会注明）" : "");
	} else {
		cli_fail(ST_OK, &d);   /* the --force notes */
		char *name = rollup_office(c, office);
		rc = write_rollup(parts, n, year, name, fmt, out_path);
		free(name);
	}
	diag_release(&notes);
	for (size_t i = 0; i < n; i++)
		rollup_part_release(&parts[i]);
	free(parts);
	diag_release(&d);
	return rc;
}
