/*
 * status.h — the one status enum of gongkai, with its Chinese message and exit status.
 *
 * Every core function that can fail returns an enum status; details for the clerk (which
 * line, which field) travel separately in a struct diag (diag.h). The list below is the single
 * source: the enum, the message table and the sysexits mapping are generated from it.
 */
#ifndef GK_STATUS_H
#define GK_STATUS_H

/*       name          exit  message */
#define STATUS_LIST(X) \
	X(ST_OK,         0,  "完成") \
	X(ST_CHECK,      1,  "检查发现问题") \
	X(ST_USAGE,      64, "用法错误") \
	X(ST_DATA,       65, "数据有误，未写入任何内容") \
	X(ST_NOTFOUND,   65, "找不到该申请") \
	X(ST_CONFLICT,   65, "该申请已被其他人修改，请重新打开后再改") \
	X(ST_LOCKED,     65, "该年度报表已定稿锁定，须先解锁") \
	X(ST_NOINPUT,    66, "输入文件不存在或无法读取") \
	X(ST_CANTCREAT,  73, "无法创建输出文件") \
	X(ST_READONLY,   73, "数据库是只读的，不能写入") \
	X(ST_IO,         74, "读写错误（磁盘可能已满）") \
	X(ST_BUSY,       75, "数据库正被其他人占用，请稍后重试，未写入任何内容") \
	X(ST_NOTOURS,    76, "不是 gongkai 数据库、文件已损坏或来自更新的版本")

enum status {
#define STATUS_ENUM(name, code, msg) name,
	STATUS_LIST(STATUS_ENUM)
#undef STATUS_ENUM
};

/* The Chinese sentence for a status; a static string, never NULL. */
const char *status_message(enum status st);

/* The process exit status (sysexits) that a command ending with st returns. */
int status_exit_code(enum status st);

#endif
