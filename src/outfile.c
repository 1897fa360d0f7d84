/*
 * outfile.c — writing a file whole or not at all (outfile.h): a temporary file beside the
 * target, synced, then renamed over it.
 */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syserr.h"
#include "xmem.h"

/* `.name.tmpXXXXXX` in the target's folder: hidden, and on the same file system, so that the
 * rename is atomic. */
static char *temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xasprintf("%.*s/.%s.tmpXXXXXX", (int)(slash - path), path, slash + 1)
		     : xasprintf(".%s.tmpXXXXXX", path);
}

static void empty(struct outfile *o)
{
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
}

enum status outfile_open(struct outfile *o, const char *path, struct diag *d)
{
	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return ST_OK;
	}
	o->path = xstrdup(path);
	o->tmp = temp_name(path);
	int fd = mkstemp(o->tmp);   /* created 0600 */
	if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
		diag_add(d, "无法创建输出文件 %s：%s", path, syserr_reason(errno).text);
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		empty(o);
		return ST_CANTCREAT;
	}
	return ST_OK;
}

void outfile_by_name(struct outfile *o)
{
	if (o->fp && !outfile_is_stdout(o))
		fclose(o->fp);
	o->fp = NULL;
}

bool outfile_is_stdout(const struct outfile *o)
{
	return o->fp == stdout;
}

/* Syncs the temporary file a library wrote by name (it may also have made it anew, with the
 * umask's mode: make it private again). */
static bool sync_named(const char *tmp)
{
	int fd = open(tmp, O_RDONLY);
	if (fd < 0)
		return false;
	bool ok = fchmod(fd, 0600) == 0 && fsync(fd) == 0;
	int err = errno;
	close(fd);
	errno = err;
	return ok;
}

enum status outfile_commit(struct outfile *o, struct diag *d)
{
	if (outfile_is_stdout(o)) {
		enum status st = ST_OK;
		if (fflush(stdout) != 0 || ferror(stdout)) {
			diag_add(d, "写入标准输出失败：%s", syserr_reason(errno).text);
			st = ST_IO;
		}
		empty(o);
		return st;
	}
	enum status st = ST_OK;
	if (o->fp) {
		if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0) {
			diag_add(d, "写入 %s 失败（磁盘可能已满）：%s", o->path,
				 syserr_reason(errno).text);
			st = ST_IO;
		}
		if (fclose(o->fp) != 0 && st == ST_OK) {
			diag_add(d, "写入 %s 失败：%s", o->path, syserr_reason(errno).text);
			st = ST_IO;
		}
		o->fp = NULL;
	}
	if (st == ST_OK && !sync_named(o->tmp)) {
		diag_add(d, "写入 %s 失败：%s", o->path, syserr_reason(errno).text);
		st = ST_IO;
	}
	if (st == ST_OK && rename(o->tmp, o->path) != 0) {
		diag_add(d, "无法写入 %s：%s", o->path, syserr_reason(errno).text);
		st = ST_CANTCREAT;
	}
	if (st != ST_OK)
		unlink(o->tmp);
	empty(o);
	return st;
}

void outfile_abort(struct outfile *o)
{
	if (o->fp && !outfile_is_stdout(o))
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	empty(o);
}

enum status outfile_write(const char *path, const void *buf, size_t n, struct diag *d)
{
	struct outfile o;
	enum status st = outfile_open(&o, path, d);
	if (st != ST_OK)
		return st;
	if (n && fwrite(buf, 1, n, o.fp) != n) {
		diag_add(d, "写入 %s 失败（磁盘可能已满）：%s", path && strcmp(path, "-") ? path : "标准输出",
			 syserr_reason(errno).text);
		outfile_abort(&o);
		return ST_IO;
	}
	return outfile_commit(&o, d);
}
