/*
 * cmd_backup.c — `backup FILE` and `restore FILE`, with SQLite's online backup.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmds.h"
#include "store.h"
#include "syserr.h"

enum status cmd_backup(struct cli *c, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error("backup", "需要备份文件名");
	enum status rc = ST_OK;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct diag d = DIAG_INIT;
	enum status st = store_backup(s, argv[1], &d);
	if (st == ST_OK)
		printf("已备份到 %s\n", argv[1]);
	rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}

enum status cmd_restore(struct cli *c, int argc, char **argv)
{
	bool replace = false;
	const struct cli_opt opts[] = {
		{ "replace", 0, OPT_FLAG, &replace, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("restore", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("restore", argc, argv, first, 1, false, "需要一个备份文件");
	if (rc != ST_OK)
		return rc;
	const char *from = argv[first];
	/* the backup first: a missing one is the problem, whatever the database holds */
	if (access(from, R_OK) != 0)
		return cli_refuse(ST_NOINPUT, "无法读取备份文件 %s：%s", from, syserr_reason(errno).text);
	struct store *s = cli_store(c, 0, &rc);
	if (!s)
		return rc;
	long long n = 0;
	struct list_query q = { .filter = LF_ALL };
	struct diag d = DIAG_INIT;
	enum status st = store_list_count(s, &q, &n, &d);
	if (st == ST_OK && n && !replace) {
		diag_release(&d);
		return cli_refuse(ST_USAGE, "%s 中已有 %lld 件申请；恢复会以备份替换全部内容，"
				  "确认时请加 --replace（可先 gongkai backup 留存当前内容）",
				  store_path(s), n);
	}
	if (st == ST_OK)
		st = store_restore(s, from, &d);
	if (st == ST_OK)
		printf("已从 %s 恢复到 %s\n", from, store_path(s));
	rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}
