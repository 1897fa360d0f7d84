/*
 * syserr.c — Chinese reasons for errno values (see syserr.h).
 *
 * The table holds the reasons a clerk meets when a file or folder cannot be opened, created or
 * written: a wrong path, no permission, a full or read-only disk. Everything else falls back to
 * the C library's own text inside 系统错误（…）.
 */
#include "syserr.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const struct {
	int err;
	const char *text;
} reasons[] = {
	{ ENOENT, "文件或文件夹不存在" },
	{ EACCES, "没有权限" },
	{ EPERM, "没有权限" },
	{ ENOSPC, "磁盘已满" },
#ifdef EDQUOT
	{ EDQUOT, "超出磁盘配额" },
#endif
	{ EROFS, "文件系统是只读的" },
	{ EISDIR, "这是一个文件夹" },
	{ ENOTDIR, "路径中有一项不是文件夹" },
	{ ENAMETOOLONG, "文件名太长" },
	{ EFBIG, "文件超过允许的大小" },
	{ EMFILE, "打开的文件太多" },
	{ ENFILE, "打开的文件太多" },
	{ EIO, "磁盘读写出错" },
	{ EEXIST, "文件已存在" },
	{ EBUSY, "文件正被占用" },
	{ ELOOP, "符号链接太多" },
};

struct syserr syserr_reason(int err)
{
	struct syserr r;

	if (err == 0) {
		snprintf(r.text, sizeof r.text, "原因不明");
		return r;
	}
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
		if (reasons[i].err == err) {
			snprintf(r.text, sizeof r.text, "%s", reasons[i].text);
			return r;
		}
	}
	/* strerror's text is copied at once: its buffer may be reused by the next call */
	snprintf(r.text, sizeof r.text, "系统错误（%s）", strerror(err));
	return r;
}
