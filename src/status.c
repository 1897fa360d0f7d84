/*
 * status.c — message and exit-status tables of enum status, generated from STATUS_LIST.
 */
#include "status.h"

static const struct {
	const char *msg;
	int code;
} status_table[] = {
#define STATUS_ROW(name, code, msg) [name] = { msg, code },
	STATUS_LIST(STATUS_ROW)
#undef STATUS_ROW
};

const char *status_message(enum status st)
{
	if ((unsigned)st >= sizeof status_table / sizeof status_table[0])
		return "未知错误";
	return status_table[st].msg;
}

int status_exit_code(enum status st)
{
	if ((unsigned)st >= sizeof status_table / sizeof status_table[0])
		return 70;
	return status_table[st].code;
}
