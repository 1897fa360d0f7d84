/*
 * cmd_backup.c — `backup FILE` and `restore FILE`, with SQLite's online backup.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmds.h"
#include "store.h"
#include "syserr.h"

int cmd_backup(struct cli *c, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error("backup", "需要备份文件名");
	int rc = 0;
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

int cmd_restore(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "replace", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	bool replace = false;
	int ch;
	while ((ch = cli_getopt("restore", argc, argv, ":", opts)) != -1) {
		if (ch == '?')
			return 64;
		replace = true;
	}
	if (optind + 1 != argc)
		return cli_usage_error("restore", "需要一个备份文件");
	/* the backup first: a missing one is the problem, whatever the database holds */
	if (access(argv[optind], R_OK) != 0) {
		fprintf(stderr, "gongkai: 无法读取备份文件 %s：%s\n", argv[optind],
			syserr_reason(errno).text);
		return 66;
	}
	int rc = 0;
	struct store *s = cli_store(c, 0, &rc);
	if (!s)
		return rc;
	long long n = 0;
	struct list_query q = { .filter = LF_ALL };
	struct diag d = DIAG_INIT;
	enum status st = store_list_count(s, &q, &n, &d);
	if (st == ST_OK && n && !replace) {
		fprintf(stderr, "gongkai: %s 中已有 %lld 件申请；恢复会以备份替换全部内容，"
			"确认时请加 --replace（可先 gongkai backup 留存当前内容）\n", store_path(s), n);
		diag_release(&d);
		return 64;
	}
	if (st == ST_OK)
		st = store_restore(s, argv[optind], &d);
	if (st == ST_OK)
		printf("已从 %s 恢复到 %s\n", argv[optind], store_path(s));
	rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}
