/*
 * main.c — gongkai's entry point: global options, then a command, or the terminal interface.
 *
 *   gongkai [--db PATH]                  the terminal interface
 *   gongkai [--db PATH] COMMAND [ARGS]   one command (docs/manual.md); `gongkai --help` lists them
 */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "date.h"
#include "keymap.h"
#include "strbuf.h"
#include "store.h"
#include "tui.h"
#include "xmem.h"

static enum status usage(void)
{
	printf("gongkai %s — 政府信息公开申请台账与年度报表\n\n"
	       "用法: gongkai [--db 数据库文件] [命令 [参数…]]\n"
	       "不带命令时打开终端界面。\n\n命令:\n", GK_VERSION);
	for (const struct cli_command *k = cli_commands; k->name; k++)
		printf("  gongkai %s\n", k->usage);
	printf("\n全局选项:\n"
	       "  --db PATH      数据库文件（默认 $GONGKAI_DB，否则 "
	       "$XDG_DATA_HOME/gongkai/gongkai.db）\n"
	       "  --help, -h     显示帮助；gongkai 命令 --help 显示该命令的帮助\n"
	       "  --keys         列出终端界面的全部按键\n"
	       "  --version, -V  显示版本\n\n"
	       "退出状态: 0 完成；1 check 发现问题；64 用法错误；65 数据有误；66 输入文件无法读取；\n"
	       "73 无法创建输出文件；74 读写错误；75 数据库被占用；76 不是 gongkai 数据库。\n");
	return ST_OK;
}

/* Takes --db PATH / --db=PATH out of argv wherever it is; returns false on a missing value. */
static bool take_db(int *argc, char **argv, const char **db)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= *argc)
				return false;
			*db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			*db = argv[i] + 5;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	return true;
}

static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* past a file-size limit (ulimit -f) a write fails with EFBIG and is reported (status 74)
	 * instead of the process being killed with a half-written temporary file left behind */
	signal(SIGXFSZ, SIG_IGN);
	const char *db = NULL;
	if (!take_db(&argc, argv, &db))
		return status_exit_code(cli_usage_error(NULL, "选项 --db 缺少数据库文件名"));
	/* a fixed "today" (tests, or a report re-run as of a date) that cannot be read is an error,
	 * not silently the real date */
	const char *fixed = getenv("GONGKAI_TODAY");
	int fixed_day;
	if (fixed && *fixed && !date_parse_iso(fixed, strlen(fixed), &fixed_day))
		return status_exit_code(cli_usage_error(NULL, "环境变量 GONGKAI_TODAY: %s 不是有效日期"
							"（应为 YYYY-MM-DD）", fixed));
	char *default_db = db ? NULL : store_default_path();
	struct cli c = { .db_path = db ? db : default_db, .today = date_today() };
	enum status st = ST_OK;

	if (argc < 2) {
		struct store *s = cli_store(&c, 0, &st);
		if (s)
			st = tui_main(s, c.today);
	} else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
		   strcmp(argv[1], "help") == 0) {
		st = argc > 2 ? cli_help(argv[2]) : usage();
	} else if (strcmp(argv[1], "--keys") == 0) {
		/* every key of the interface, as docs/manual.md lists them */
		struct strbuf keys = STRBUF_INIT;
		km_markdown(&keys);
		fputs(sb_str(&keys), stdout);
		sb_release(&keys);
	} else if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("gongkai %s\n", GK_VERSION);
	} else {
		const struct cli_command *k = cli_commands;
		while (k->name && strcmp(k->name, argv[1]) != 0)
			k++;
		if (!k->name)
			st = cli_usage_error(NULL, "未知的命令或选项 %s", argv[1]);
		else if (wants_help(argc - 1, argv + 1))
			st = cli_help(k->name);
		else
			st = k->run(&c, argc - 1, argv + 1);
	}
	store_close(&c.store);
	free(default_db);
	return status_exit_code(st);
}
