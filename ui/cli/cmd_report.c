/*
 * cmd_report.c — the year-end tables: `report` (text, CSV, JSON, HTML, Excel), `check`, `office`.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "xmem.h"


/* The width the text report is laid out for: a wide terminal, so few labels wrap; the same on
 * every machine, so the output can be compared with an expected file. */
#define REPORT_TEXT_WIDTH 120

bool cli_report_format(const char *s, enum report_format *f)
{
	static const char *const names[] = { "text", "csv", "json", "html", "xlsx" };
	for (int i = 0; i < 5; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum report_format)i;
			return true;
		}
	return false;
}

/* The report as text (text, CSV, JSON, HTML) on standard output or into out_path. */
static int write_text(const struct report *r, enum report_format fmt, const char *out_path)
{
	struct strbuf text = STRBUF_INIT;
	if (fmt == FMT_JSON)
		report_json(r, &text);
	else if (fmt == FMT_CSV)
		report_csv(r, &text);
	else if (fmt == FMT_HTML)
		report_html(r, &text);
	else
		report_text(r, REPORT_TEXT_WIDTH, &text);
	struct cli_output o;
	int rc = cli_output_open(&o, out_path);
	if (rc == 0) {
		fwrite(text.buf, 1, text.len, o.fp);
		rc = cli_output_commit(&o);
	}
	sb_release(&text);
	return rc;
}

/* The workbook, which libxlsxwriter writes by name: into the temporary file of out_path
 * (created 0600, truncated and filled in place), then renamed over it. One sheet per report. */
static int write_xlsx(const struct report *const *reps, size_t n, const char *out_path)
{
	struct cli_output o;
	int rc = cli_output_open(&o, out_path);
	if (rc)
		return rc;
	struct diag d = DIAG_INIT;
	enum status st = report_xlsx_many(reps, n, o.tmp, &d);
	if (st == ST_OK) {
		rc = cli_output_commit(&o);
	} else {
		cli_output_abort(&o);
		rc = cli_fail(st, &d);
	}
	diag_release(&d);
	return rc;
}

int cli_report_write(const struct report *const *reps, size_t n, enum report_format fmt,
		     const char *out_path)
{
	if (fmt == FMT_XLSX)
		return write_xlsx(reps, n, out_path);
	return write_text(reps[0], fmt, out_path);
}

int cmd_report(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int year = 0;
	enum report_format fmt = FMT_TEXT;
	const char *out_path = NULL;
	int ch;
	while ((ch = cli_getopt("report", argc, argv, ":o:f:", opts)) != -1) {
		if (ch == '?')
			return 64;
		if (ch == 'y' && !cli_year("report", optarg, &year))
			return 64;
		if (ch == 'f' && !cli_report_format(optarg, &fmt))
			return cli_usage_error("report", "未知的格式 %s（应为 text、csv、json、html 或 xlsx）",
					       optarg);
		if (ch == 'o')
			out_path = optarg;
	}
	if (optind != argc)
		return cli_usage_error("report", "多余的参数 %s", argv[optind]);
	if (!year)
		return cli_usage_error("report", "需要 --year 年度");
	if (fmt == FMT_XLSX && (!out_path || strcmp(out_path, "-") == 0))
		return cli_usage_error("report", "xlsx 格式须用 -o 指定输出文件");
	int rc = 0;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct report r;
	report_init(&r);
	struct diag d = DIAG_INIT;
	enum status st = report_build(s, year, &r, &d);
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
		goto out;
	}
	const struct report *one = &r;
	rc = cli_report_write(&one, 1, fmt, out_path);
	for (size_t i = 0; i < r.problems.n; i++)
		fprintf(stderr, "注意: %s\n", r.problems.lines[i]);
	if (!r.t2.entered && (fmt == FMT_HTML || fmt == FMT_XLSX))
		fprintf(stderr, "注意: %d 年度表二尚未录入，表中以 / 表示（录入: gongkai table2 --year %d "
			"--set 单元格=值）\n", year, year);
out:
	diag_release(&d);
	report_release(&r);
	return rc;
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	int year = 0, ch;
	while ((ch = cli_getopt("check", argc, argv, ":", opts)) != -1) {
		if (ch == '?')
			return 64;
		if (ch == 'y' && !cli_year("check", optarg, &year))
			return 64;
	}
	if (optind != argc)
		return cli_usage_error("check", "多余的参数 %s", argv[optind]);
	if (!year)
		return cli_usage_error("check", "需要 --year 年度");
	int rc = 0;
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
		rc = 1;
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

int cmd_office(struct cli *c, int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error("office", "机关名称只能有一个参数（含空格时请加引号）");
	int rc = 0;
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
