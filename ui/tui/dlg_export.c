/*
 * dlg_export.c — the report and the ledger to a file: the report's forms from the core's table
 * (report_format.h) and the ledger after them, written whole or not at all (outfile.h).
 */
#include "dlg_export.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "annual.h"
#include "ledger.h"
#include "outfile.h"
#include "prompt.h"
#include "report.h"
#include "report_format.h"
#include "store.h"
#include "strbuf.h"
#include "tui.h"
#include "xmem.h"

#define MAX_FORMATS 16

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
	char *path = dlg_export_ask_file(t, initial);
	free(initial);
	return path;
}

char *dlg_export_ask_file(struct tui *t, const char *initial)
{
	char *again = NULL;
	for (;;) {
		char *path = prompt_line(t, "导出到文件", again ? "文件已存在，换一个文件名：" :
					 "文件名（可含路径；~/ 表示主目录）：", again ? again : initial, 0);
		free(again);
		again = NULL;
		if (!path || !*path) {
			free(path);
			return NULL;
		}
		char *full = full_path(path);
		if (!full) {   /* never; keeps GCC 12 quiet under -fsanitize about a NULL %s */
			free(path);
			return NULL;
		}
		struct stat sb;
		if (stat(full, &sb) != 0) {
			free(path);
			return full;
		}
		char *q = xasprintf("文件 %s 已存在。覆盖它吗？（按 n 换一个文件名）", full);
		bool yes = prompt_confirm(t, "文件已存在", q);
		free(q);
		if (yes) {
			free(path);
			return full;
		}
		/* no: the same name to change, rather than the export given up */
		free(full);
		again = path;
	}
}

const struct report_format *dlg_export_pick(struct tui *t, const char *title)
{
	const char *labels[MAX_FORMATS];
	int n = 0;
	while (report_formats[n].name && n < MAX_FORMATS)
		labels[n] = report_formats[n].label, n++;
	int k = prompt_pick(t, title, labels, n, 0);
	return k < 0 ? NULL : &report_formats[k];
}

bool dlg_export_report(struct tui *t, const struct report_format *f,
		       const struct report *const *reps, size_t n, const char *stem, int year,
		       char **written)
{
	*written = dlg_export_ask_path(t, stem, f->ext, year);
	if (!*written)
		return false;
	struct diag d = DIAG_INIT;
	enum status st = report_format_write(f, reps, n, *written, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	diag_release(&d);
	if (st != ST_OK) {
		free(*written);
		*written = NULL;
	}
	return st == ST_OK;
}

/* The ledger of the applications the year's tables count; with their ID numbers and contacts
 * only after the clerk confirms what the file will hold. */
static void export_ledger(struct tui *t, int year, bool personal)
{
	if (personal) {
		char *q = xasprintf("这个文件将包含 %d 年度各申请人的证件号码和联系方式等个人信息"
				    "（文件权限 0600，仅本人可读）。请妥善保管，不要发布或随意传送。"
				    "继续导出吗？", year);
		bool yes = prompt_confirm(t, "含个人信息", q);
		free(q);
		if (!yes)
			return;
	}
	char *path = dlg_export_ask_path(t, personal ? "ledger-personal" : "ledger", "csv", year);
	if (!path)
		return;
	struct outfile o;
	struct diag d = DIAG_INIT;
	size_t count = 0;
	struct ledger_export_options opt = { .year = year, .personal = personal };
	enum status st = outfile_open(&o, path, &d);
	if (st == ST_OK && (st = ledger_export(t->s, o.fp, &opt, &count, &d)) != ST_OK)
		outfile_abort(&o);
	else if (st == ST_OK)
		st = outfile_commit(&o, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	else
		tui_message(t, false, "已导出 %zu 件申请到 %s%s", count, path,
			    personal ? "（含个人信息）" : "");
	diag_release(&d);
	free(path);
}

/* The number of forms of the whole report (annual_formats). */
static int whole_forms(void)
{
	int n = 0;
	while (annual_formats[n].name)
		n++;
	return n;
}

/* The whole report in form k; when a check fails, only as a draft, after asking. */
static void export_whole(struct tui *t, int year, int k)
{
	struct annual a;
	struct diag d = DIAG_INIT;
	annual_init(&a);
	enum status st = annual_build(t->s, year, &a, &d);
	bool draft = st == ST_OK && !annual_passes(&a);
	char *q = draft ? xasprintf("%d 年报告未通过检查（%zu 个问题，见年报屏幕的“检查”）。"
				    "导出为标题标明（草稿）的稿件吗？", year,
				    a.r.problems.n + a.problems.n) : NULL;
	char *path = NULL;
	if (st != ST_OK)
		tui_fail(t, st, &d);
	else if ((!draft || prompt_confirm(t, "未通过检查", q))
		 && (path = dlg_export_ask_path(t, draft ? "annual-report-draft" : "annual-report",
						annual_formats[k].ext, year)) != NULL) {
		st = annual_write(&a, annual_formats[k].name, draft, path, &d);
		if (st != ST_OK)
			tui_fail(t, st, &d);
		else
			tui_message(t, false, "已导出 %d 年报告%s到 %s", year, draft ? "（草稿）" : "",
				    path);
	}
	free(q);
	free(path);
	annual_release(&a);
	diag_release(&d);
}

void dlg_export_run(struct tui *t, int year)
{
	const char *labels[2 * MAX_FORMATS + 2];
	char *owned[2 * MAX_FORMATS];
	int w = whole_forms(), n = 0;
	if (w > MAX_FORMATS)
		w = MAX_FORMATS;
	for (int i = 0; i < w; i++)
		labels[i] = owned[i] = xasprintf("整份年报：%s", annual_formats[i].label);
	while (report_formats[n].name && n < MAX_FORMATS) {
		labels[w + n] = owned[w + n] = xasprintf("报表：%s", report_formats[n].label);
		n++;
	}
	labels[w + n] = "台账：本年度表三、表四统计的申请（.csv，不含个人信息）";
	labels[w + n + 1] = "台账：同上，含证件号码和联系方式（.csv，导出前确认）";
	int k = prompt_pick(t, "导出格式", labels, w + n + 2, 0);
	for (int i = 0; i < w + n; i++)
		free(owned[i]);
	if (k < 0)
		return;
	if (k < w) {
		export_whole(t, year, k);
		return;
	}
	k -= w;
	if (k >= n) {
		export_ledger(t, year, k > n);
		return;
	}
	struct report r;
	struct diag d = DIAG_INIT;
	report_init(&r);
	enum status st = report_build(t->s, year, &r, &d);
	const struct report *one = &r;
	char *path = NULL;
	if (st != ST_OK)
		tui_fail(t, st, &d);
	else if (dlg_export_report(t, &report_formats[k], &one, 1, "report", year, &path))
		tui_message(t, false, "已导出 %d 年度报表到 %s%s", year, path,
			    r.problems.n ? "（注意：勾稽关系检查未通过）" : "");
	free(path);
	report_release(&r);
	diag_release(&d);
}
