/*
 * dlg_export.c — the report and the ledger to a file, chosen from one table of formats, written
 * through a temporary file and a rename so that a crash or a full disk never leaves half a
 * file where the clerk expects a whole one.
 */
#include "dlg_export.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledger.h"
#include "prompt.h"
#include "report.h"
#include "store.h"
#include "strbuf.h"
#include "syserr.h"
#include "tui.h"
#include "xmem.h"

/* What the writers get: the report of the year, and the store for the ledger. */
struct dlg_export_job {
	struct store *s;
	const struct report *r;
	int year;
	const struct dlg_export_format *fmt;
	size_t count;
	struct diag *d;
};

/* One format: a report written to text, or a report written by name (a library that writes
 * a file itself), or a stream from the store (the ledger). */
struct dlg_export_format {
	const char *label, *stem, *ext;
	void (*text)(const struct report *r, struct strbuf *out);
	enum status (*file)(const struct report *r, const char *path, struct diag *d);
	enum status (*stream)(struct dlg_export_job *j, FILE *fp, struct diag *d);
};

/* The terminal tables, as wide as `gongkai report` draws them. */
static void report_text_wide(const struct report *r, struct strbuf *out)
{
	report_text(r, 120, out);
}

static enum status ledger_year(struct dlg_export_job *j, FILE *fp, struct diag *d)
{
	struct ledger_export_options o = { .year = j->year };
	return ledger_export(j->s, fp, &o, &j->count, d);
}

/* The formats, in the order the clerk picks from. A report format is one line with its text
 * writer (void f(const struct report *, struct strbuf *)) or its file writer (enum status
 * f(const struct report *, const char *path, struct diag *)). */
static const struct dlg_export_format formats[] = {
	{ "年报：Excel（.xlsx，报送上级）", "report", "xlsx", NULL, report_xlsx, NULL },
	{ "年报：网页（.html，政府网站发布）", "report", "html", report_html, NULL, NULL },
	{ "年报：文本表格（.txt）", "report", "txt", report_text_wide, NULL, NULL },
	{ "年报：CSV（.csv，UTF-8 带 BOM）", "report", "csv", report_csv, NULL, NULL },
	{ "年报：JSON（.json，供全市汇总）", "report", "json", report_json, NULL, NULL },
	{ "台账：本年度表三、表四统计的申请（.csv，不含个人信息）", "ledger", "csv", NULL, NULL,
	  ledger_year },
};
#define NFORMATS (sizeof formats / sizeof formats[0])

/* ---- writing whole or not at all ---- */

static char *temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xasprintf("%.*s/.%s.tmpXXXXXX", (int)(slash - path), path, slash + 1)
		     : xasprintf(".%s.tmpXXXXXX", path);
}

static enum status finish(FILE *fp, const char *path, struct diag *d)
{
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0) {
		diag_add(d, "写入 %s 失败（磁盘可能已满）：%s", path, syserr_reason(errno).text);
		fclose(fp);
		return ST_IO;
	}
	if (fclose(fp) != 0) {
		diag_add(d, "写入 %s 失败：%s", path, syserr_reason(errno).text);
		return ST_IO;
	}
	return ST_OK;
}

enum status dlg_export_atomic(const char *path, enum status (*write)(FILE *fp, void *ctx),
			  enum status (*file)(const char *tmp, void *ctx, struct diag *d),
			  void *ctx, struct diag *d)
{
	char *tmp = temp_name(path);
	int fd = mkstemp(tmp);   /* created 0600 */
	FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!fp) {
		diag_add(d, "无法创建文件 %s：%s", path, syserr_reason(errno).text);
		if (fd >= 0)
			close(fd);
		free(tmp);
		return ST_CANTCREAT;
	}
	enum status st;
	if (write) {
		st = write(fp, ctx);
		if (st == ST_OK)
			st = finish(fp, path, d);
		else
			fclose(fp);
	} else {
		fclose(fp);
		st = file(tmp, ctx, d);
		if (st == ST_OK && chmod(tmp, 0600) != 0)
			st = ST_IO;
	}
	if (st == ST_OK && rename(tmp, path) != 0) {
		diag_add(d, "无法写入 %s：%s", path, syserr_reason(errno).text);
		st = ST_CANTCREAT;
	}
	if (st != ST_OK)
		unlink(tmp);
	free(tmp);
	return st;
}

/* ---- the formats ---- */

static enum status write_job(FILE *fp, void *ctx)
{
	struct dlg_export_job *j = ctx;
	if (j->fmt->stream)
		return j->fmt->stream(j, fp, j->d);
	struct strbuf sb = STRBUF_INIT;
	j->fmt->text(j->r, &sb);
	size_t n = fwrite(sb_str(&sb), 1, sb.len, fp);
	bool ok = n == sb.len;
	sb_release(&sb);
	return ok ? ST_OK : ST_IO;
}

static enum status file_job(const char *tmp, void *ctx, struct diag *d)
{
	struct dlg_export_job *j = ctx;
	return j->fmt->file(j->r, tmp, d);
}

/* path with a leading ~/ made the home folder's, and made absolute for the message. */
static char *full_path(const char *path)
{
	const char *home = getenv("HOME");
	if (strncmp(path, "~/", 2) == 0 && home)
		return xasprintf("%s/%s", home, path + 2);
	if (path[0] == '/')
		return xstrdup(path);
	char cwd[PATH_MAX];
	return getcwd(cwd, sizeof cwd) ? xasprintf("%s/%s", cwd, path) : xstrdup(path);
}

char *dlg_export_ask_path(struct tui *t, const char *stem, const char *ext, int year)
{
	char *initial = xasprintf("%s-%d.%s", stem, year, ext);
	char *path = prompt_line(t, "导出到文件", "文件名（可含路径；~/ 表示主目录）：", initial, 0);
	free(initial);
	if (!path || !*path) {
		free(path);
		return NULL;
	}
	char *full = full_path(path);
	free(path);
	if (!full)   /* never; keeps GCC 12 quiet under -fsanitize about a NULL %s */
		return NULL;
	struct stat sb;
	if (stat(full, &sb) == 0) {
		char *q = xasprintf("文件 %s 已存在。覆盖它吗？", full);
		bool yes = prompt_confirm(t, "文件已存在", q);
		free(q);
		if (!yes) {
			free(full);
			return NULL;
		}
	}
	return full;
}

void dlg_export_run(struct tui *t, int year)
{
	const char *labels[NFORMATS];
	for (size_t i = 0; i < NFORMATS; i++)
		labels[i] = formats[i].label;
	int k = prompt_pick(t, "导出格式", labels, (int)NFORMATS, 0);
	if (k < 0)
		return;
	char *path = dlg_export_ask_path(t, formats[k].stem, formats[k].ext, year);
	if (!path)
		return;
	struct report r;
	struct diag d = DIAG_INIT;
	report_init(&r);
	struct dlg_export_job j = { t->s, &r, year, &formats[k], 0, &d };
	enum status st = formats[k].stream ? ST_OK : report_build(t->s, year, &r, &d);
	if (st == ST_OK)
		st = dlg_export_atomic(path, formats[k].file ? NULL : write_job, file_job, &j, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	else if (formats[k].stream)
		tui_message(t, false, "已导出 %zu 件申请到 %s", j.count, path);
	else
		tui_message(t, false, "已导出 %d 年度报表到 %s%s", year, path,
			    r.problems.n ? "（注意：勾稽关系检查未通过）" : "");
	report_release(&r);
	diag_release(&d);
	free(path);
}
