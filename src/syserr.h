/*
 * syserr.h — the reason of a failed system call (an errno value) in Chinese, for messages such
 * as `无法创建文件 /data/年报.txt：文件或文件夹不存在`.
 *
 * The clerk reads these; strerror() speaks English (or whatever the C library's catalogue
 * holds). The common reasons a file cannot be read or written have a sentence of their own;
 * any other errno is shown as 系统错误（strerror's text）, so that it can still be looked up.
 */
#ifndef GK_SYSERR_H
#define GK_SYSERR_H

#define SYSERR_LEN 192

/* Returned by value, so that a message can take the text directly:
 *   diag_add(d, "无法打开 %s：%s", path, syserr_reason(errno).text);
 * The array lives until the end of that full expression (C11 6.2.4p8); keep the struct itself
 * to use it longer. */
struct syserr {
	char text[SYSERR_LEN];
};

/* The reason for errno value err, NUL-terminated: a fixed Chinese sentence for the common
 * ones (ENOENT 文件或文件夹不存在, EACCES 没有权限, ENOSPC 磁盘已满, …), 原因不明 for 0, and
 * 系统错误（…） with the C library's text for any other. Never fails. */
struct syserr syserr_reason(int err);

#endif
