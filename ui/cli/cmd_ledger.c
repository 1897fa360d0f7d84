/*
 * cmd_ledger.c — `gongkai import` and `gongkai export`: the ledger CSV (docs/ledger.md).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmds.h"
#include "ledger.h"
#include "store.h"
#include "syserr.h"

#define MAX_REPORTED 1000   /* problem lines kept; the rest are counted */

int cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "encoding", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 },
	};
	struct ledger_import_options o = { .today = c->today, .progress = cli_progress,
					   .ctx = "导入" };
	int ch;
	while ((ch = cli_getopt("import", argc, argv, ":", opts)) != -1) {
		if (ch == '?')
			return 64;
		if (ch == 'n')
			o.dry_run = true;
		if (ch == 'e' && !(o.encoding_given = encoding_parse(optarg, &o.encoding)))
			return cli_usage_error("import", "未知的编码 %s（应为 utf-8 或 gb18030）", optarg);
	}
	if (optind + 1 != argc)
		return cli_usage_error("import", "需要恰好一个台账文件（- 表示标准输入）");
	const char *path = argv[optind];
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!in) {
		fprintf(stderr, "gongkai: 无法读取台账文件 %s：%s\n", path, syserr_reason(errno).text);
		return 66;
	}
	struct stat sb;
	if (in != stdin && fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "gongkai: 台账文件 %s 是文件夹，不是文件\n", path);
		fclose(in);
		return 66;
	}
	int rc = 0;
	struct store *s = cli_store(c, 0, &rc);
	if (!s) {
		if (in != stdin)
			fclose(in);
		return rc;
	}
	o.source = path;
	struct diag errors = DIAG_INIT;
	errors.limit = MAX_REPORTED;
	struct ledger_import_result res;
	enum status st = ledger_import(s, in, &o, &res, &errors);
	cli_progress_done();
	if (in != stdin)
		fclose(in);
	for (size_t i = 0; i < res.warnings.n; i++)
		fprintf(stderr, "%s\n", res.warnings.lines[i]);
	if (st == ST_OK && o.dry_run)
		printf("检查通过: %zu 件，未写入（--dry-run）\n", res.checked);
	else if (st == ST_OK)
		printf("导入 %zu 件\n", res.imported);
	else if (st == ST_DATA)
		fprintf(stderr, "共 %zu 处问题，未导入任何内容\n", diag_count(&errors));
	else if (st != ST_NOINPUT)
		fprintf(stderr, "导入中止，未导入任何内容\n");
	rc = cli_fail(st, &errors);
	diag_release(&errors);
	diag_release(&res.warnings);
	return rc;
}

int cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "with-personal-data", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct ledger_export_options o = { .progress = cli_progress, .ctx = "导出" };
	const char *out_path = NULL;
	int ch;
	while ((ch = cli_getopt("export", argc, argv, ":o:", opts)) != -1) {
		if (ch == '?')
			return 64;
		if (ch == 'y' && !cli_year("export", optarg, &o.year))
			return 64;
		if (ch == 'o')
			out_path = optarg;
		if (ch == 'p')
			o.personal = true;
	}
	if (optind != argc)
		return cli_usage_error("export", "多余的参数 %s", argv[optind]);
	int rc = 0;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct cli_output out;
	if ((rc = cli_output_open(&out, out_path)) != 0)
		return rc;
	struct diag d = DIAG_INIT;
	size_t n = 0;
	enum status st = ledger_export(s, out.fp, &o, &n, &d);
	cli_progress_done();
	if (st != ST_OK) {
		cli_output_abort(&out);
		if (out_path && strcmp(out_path, "-"))
			diag_add(&d, "未写入 %s（未完成的临时文件已删除）", out_path);
		rc = cli_fail(st, &d);
	} else if ((rc = cli_output_commit(&out)) == 0 && out_path && strcmp(out_path, "-")) {
		fprintf(stderr, "导出 %zu 件到 %s\n", n, out_path);
	}
	diag_release(&d);
	return rc;
}
