/*
 * tui.c — placeholder until the screens land: the interface is issue 3.
 */
#include <stdio.h>

#include "cli.h"
#include "tui.h"

int tui_main(struct cli *c)
{
	(void)c;
	fprintf(stderr, "gongkai: 终端界面正在开发中，请先使用命令（gongkai --help）\n");
	return 69;
}
