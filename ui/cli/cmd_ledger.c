/*
 * cmd_ledger.c — `gongkai import` and `gongkai export`: the ledger CSV (docs/ledger.md).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmds.h"
#include "ledger.h"
#include "outfile.h"
#include "store.h"
#include "syserr.h"

#define MAX_REPORTED 1000   /* problem lines kept; the rest are counted */

enum status cmd_import(struct cli *c, int argc, char **argv)
{
	struct ledger_import_options o = { .today = c->today, .progress = cli_progress,
					   .ctx = "导入" };
	const char *encoding = NULL;
	const struct cli_opt opts[] = {
		{ "dry-run", 0, OPT_FLAG, &o.dry_run, NULL, NULL, 0, 0, NULL },
		{ "encoding", 0, OPT_TEXT, &encoding, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("import", argc, argv, opts, &first);
	if (rc != ST_OK)
		return rc;
	if (encoding && !(o.encoding_given = encoding_parse(encoding, &o.encoding)))
		return cli_usage_error("import", "未知的编码 %s（应为 utf-8 或 gb18030）", encoding);
	if ((rc = cli_args("import", argc, argv, first, 1, false,
			   "需要恰好一个台账文件（- 表示标准输入）")) != ST_OK)
		return rc;
	const char *path = argv[first];
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!in)
		return cli_refuse(ST_NOINPUT, "无法读取台账文件 %s：%s", path, syserr_reason(errno).text);
	struct stat sb;
	if (in != stdin && fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(in);
		return cli_refuse(ST_NOINPUT, "台账文件 %s 是文件夹，不是文件", path);
	}
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

enum status cmd_export(struct cli *c, int argc, char **argv)
{
	struct ledger_export_options o = { .progress = cli_progress, .ctx = "导出" };
	const char *out_path = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR_OPTIONAL(&o.year),
		CLI_OPT_OUTPUT(&out_path),
		{ "with-personal-data", 0, OPT_FLAG, &o.personal, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("export", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("export", argc, argv, first, 0, false, NULL);
	if (rc != ST_OK)
		return rc;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct outfile out;
	struct diag d = DIAG_INIT;
	size_t n = 0;
	enum status st = outfile_open(&out, out_path, &d);
	if (st == ST_OK) {
		st = ledger_export(s, out.fp, &o, &n, &d);
		cli_progress_done();
		if (st != ST_OK) {
			outfile_abort(&out);
			if (out_path && strcmp(out_path, "-"))
				diag_add(&d, "未写入 %s（未完成的临时文件已删除）", out_path);
		} else {
			st = outfile_commit(&out, &d);
		}
	}
	if (st == ST_OK && out_path && strcmp(out_path, "-"))
		fprintf(stderr, "导出 %zu 件到 %s\n", n, out_path);
	rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}
