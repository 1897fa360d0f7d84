/*
 * cmd_init.c — `init [--group NAME]`: creates the database (or checks the one there), private to
 * the clerk, or shared by a group of clerks with logins of their own (share.c,
 * docs/manual.md, "Several accounts, one file").
 */
#include <stdio.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmds.h"
#include "share.h"
#include "store.h"

enum status cmd_init(struct cli *c, int argc, char **argv)
{
	const char *group = NULL;
	const struct cli_opt opts[] = {
		{ "group", 0, OPT_TEXT, &group, "用户组", NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("init", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("init", argc, argv, first, 0, false, NULL);
	if (rc != ST_OK)
		return rc;
	const char *path = c->db_path;
	struct stat sb;
	bool existed = stat(path, &sb) == 0;
	struct share_done done = { 0 };
	struct diag d = DIAG_INIT;
	if (group) {
		rc = share_prepare(path, group, &done, &d);
		if (rc != ST_OK) {
			cli_fail(rc, &d);
			goto out;
		}
	}
	struct store *s = cli_store(c, 0, &rc);
	if (!s) {
		share_undo(&done);   /* nothing half made: the empty file and folders go */
		goto out;
	}
	if (group)
		printf(existed ? "数据库 %s 已设为用户组 %s 共享（文件 0660）\n"
			       : "已建立数据库 %s，供用户组 %s 共享（文件 0660，新建的文件夹 2770）\n",
		       path, group);
	else if (existed)
		printf(share_is_shared(path) ? "数据库 %s 已存在（用户组共享）\n"
					     : "数据库 %s 已存在\n", path);
	else
		printf("已建立数据库 %s（只有本用户可以读写：文件 0600）\n", path);
out:
	share_done_release(&done);
	diag_release(&d);
	return rc;
}
