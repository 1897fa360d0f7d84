/*
 * cli.c — what the commands share: opening the database, options, errors, usage, atomic
 * output files and progress.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "store.h"
#include "syserr.h"
#include "xmem.h"

struct store *cli_store(struct cli *c, int flags, int *status)
{
	if (c->store)
		return c->store;
	struct diag d = DIAG_INIT;
	enum status st = store_open(c->db_path, flags, &c->store, &d);
	if (st != ST_OK) {
		*status = cli_fail(st, &d);
		c->store = NULL;
	}
	diag_release(&d);
	return c->store;
}

int cli_fail(enum status st, const struct diag *d)
{
	for (size_t i = 0; d && i < d->n; i++)
		fprintf(stderr, "%s\n", d->lines[i]);
	if (d && d->total > d->n)
		fprintf(stderr, "……另有 %zu 处问题未列出\n", d->total - d->n);
	if (st != ST_OK)
		fprintf(stderr, "gongkai: %s\n", status_message(st));
	return status_exit_code(st);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "gongkai%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "（用法见 gongkai %s%s--help）\n", cmd ? cmd : "", cmd ? " " : "");
	return 64;
}

int cli_help(const char *cmd)
{
	for (const struct cli_command *k = cli_commands; k->name; k++) {
		if (strcmp(k->name, cmd) == 0) {
			printf("用法: gongkai %s\n\n%s\n", k->usage, k->help);
			return 0;
		}
	}
	return cli_usage_error(NULL, "未知的命令 %s", cmd);
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	/* shortopts begin with ':' so that a missing argument is told from an unknown option */
	opterr = 0;
	int ch = getopt_long(argc, argv, shortopts, longopts, NULL);
	const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	if (ch == '?') {
		if (optopt)
			cli_usage_error(cmd, "未知的选项 -%c", optopt);
		else
			cli_usage_error(cmd, "未知的选项 %s", arg);
	} else if (ch == ':') {
		cli_usage_error(cmd, "选项 %s 缺少参数", arg);
		ch = '?';
	}
	return ch;
}

bool cli_int(const char *cmd, const char *what, const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi || *s == ' ' || *s == '+') {
		cli_usage_error(cmd, "%s「%s」应为 %d 到 %d 之间的整数", what, s, lo, hi);
		return false;
	}
	*out = (int)v;
	return true;
}

bool cli_year(const char *cmd, const char *s, int *year)
{
	return cli_int(cmd, "年度", s, DATE_MIN_YEAR, DATE_MAX_YEAR, year);
}

int cli_output_open(struct cli_output *o, const char *path)
{
	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	o->path = xstrdup(path);
	const char *slash = strrchr(path, '/');
	o->tmp = slash ? xasprintf("%.*s/.%s.tmpXXXXXX", (int)(slash - path), path, slash + 1)
		       : xasprintf(".%s.tmpXXXXXX", path);
	int fd = mkstemp(o->tmp);   /* created 0600 */
	if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
		fprintf(stderr, "gongkai: 无法创建输出文件 %s：%s\n", path, syserr_reason(errno).text);
		if (fd >= 0)
			close(fd);
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return 73;
	}
	return 0;
}

int cli_output_commit(struct cli_output *o)
{
	if (o->fp == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "gongkai: 写入标准输出失败：%s\n", syserr_reason(errno).text);
			return 74;
		}
		return 0;
	}
	int rc = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0) {
		fprintf(stderr, "gongkai: 写入 %s 失败（磁盘可能已满）：%s\n", o->path,
			syserr_reason(errno).text);
		rc = 74;
	}
	if (fclose(o->fp) != 0 && !rc) {
		fprintf(stderr, "gongkai: 写入 %s 失败：%s\n", o->path, syserr_reason(errno).text);
		rc = 74;
	}
	o->fp = NULL;
	if (!rc && rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "gongkai: 无法写入 %s：%s\n", o->path, syserr_reason(errno).text);
		rc = 73;
	}
	if (rc)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	return rc;
}

void cli_output_abort(struct cli_output *o)
{
	if (o->fp && o->fp != stdout) {
		fclose(o->fp);
		unlink(o->tmp);
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}

static bool progress_shown;

void cli_progress(size_t n, void *what)
{
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%s %zu 行 …", (const char *)what, n);
	progress_shown = true;
}

void cli_progress_done(void)
{
	if (progress_shown)
		fprintf(stderr, "\r\033[K");
	progress_shown = false;
}
