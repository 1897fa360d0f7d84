/*
 * dlg_rollup.c — 全市汇总 from the 年报 screen: the clerk names the files of the bodies (their
 * gongkai databases or report JSON, wildcards allowed), gongkai checks each as `gongkai rollup`
 * does, shows what fails and asks before adding up anyway (what `--force` would pass over),
 * then writes the sum in the format
 * picked (Excel with a sheet per body, a web page, JSON for the level above, CSV or text).
 */
#include "dlg_rollup.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "dlg_export.h"
#include "prompt.h"
#include "report.h"
#include "rollup.h"
#include "store.h"
#include "tui.h"
#include "xmem.h"

#define MAX_SOURCES 2000

struct roll {
	struct rollup_part *parts;
	size_t n, cap;
	const struct report **reps;   /* the sum, then each part: what the writers get */
	size_t nreps;
};

/* Adds the files a pattern names (a plain name, or one with * ? [ ], ~/ for home). */
static void add_pattern(const char *pattern, char ***paths, size_t *n, size_t *cap)
{
	glob_t g;
	if (glob(pattern, GLOB_TILDE | GLOB_NOCHECK, NULL, &g) != 0)
		return;
	for (size_t i = 0; i < g.gl_pathc && *n < MAX_SOURCES; i++) {
		*paths = xgrow(*paths, cap, *n + 1, sizeof **paths);
		(*paths)[(*n)++] = xstrdup(g.gl_pathv[i]);
	}
	globfree(&g);
}

/* Asks for the source files, one name or pattern per question, until an empty answer. */
static char **ask_sources(struct tui *t, size_t *n)
{
	char **paths = NULL;
	size_t cap = 0;
	*n = 0;
	for (;;) {
		char *label = xasprintf("第 %zu 个来源（数据库或报表 JSON，可用 * 通配；留空结束）：",
					*n + 1);
		char *line = prompt_line(t, "全市汇总：选择来源", label, "", 0);
		free(label);
		if (!line) {   /* Esc: nothing at all */
			for (size_t i = 0; i < *n; i++)
				free(paths[i]);
			free(paths);
			*n = 0;
			return NULL;
		}
		bool done = !*line;
		if (!done)
			add_pattern(line, &paths, n, &cap);
		free(line);
		if (done)
			return paths;
	}
}

/* Loads and checks every source; false when the clerk backs out (or nothing can be added).
 * What --force passes over on the command line is shown and added only when the clerk says
 * so; identical tables of different bodies are shown, then added. */
static bool load_all(struct tui *t, struct roll *r, char **paths, size_t n, int year)
{
	struct diag d = DIAG_INIT, notes = DIAG_INIT;
	r->parts = xcalloc(n, sizeof *r->parts);
	bool fatal = false;
	for (size_t i = 0; i < n; i++)
		fatal |= rollup_load(paths[i], year, &r->parts[r->n++], &d) != ST_OK;
	bool go;
	if (fatal) {
		prompt_show(t, "全市汇总", "以下来源无法汇总：", &d);
		go = false;
	} else if (rollup_check(r->parts, r->n, false, &d, &notes) != ST_OK) {
		for (size_t i = 0; i < notes.n; i++)
			diag_add(&d, "%s", notes.lines[i]);
		prompt_show(t, "全市汇总", "以下来源未通过检查：", &d);
		go = prompt_confirm(t, "全市汇总", "仍然汇总吗？结果会注明含未通过检查的来源。");
	} else {
		if (notes.n)
			prompt_show(t, "全市汇总", "请留意：", &notes);
		go = true;
	}
	diag_release(&notes);
	diag_release(&d);
	return go;
}

static void roll_release(struct roll *r)
{
	for (size_t i = 0; i < r->n; i++)
		rollup_part_release(&r->parts[i]);
	free(r->parts);
	free(r->reps);
}

/* Picks the form and the file, and writes the sum (with a sheet per body in Excel). */
static void write_sum(struct tui *t, struct roll *r, const struct report *sum, int year)
{
	const struct report_format *f = dlg_export_pick(t, "汇总导出格式");
	if (!f)
		return;
	r->reps = xcalloc(r->n + 1, sizeof *r->reps);
	r->reps[r->nreps++] = sum;
	for (size_t i = 0; i < r->n; i++)
		r->reps[r->nreps++] = &r->parts[i].rep;
	char *path = NULL;
	if (dlg_export_report(t, f, r->reps, r->nreps, "rollup", year, &path))
		tui_message(t, false, "已汇总 %zu 个机关的 %d 年度报表到 %s%s", sum->nparts, year, path,
			    sum->unchecked ? "（含未通过检查的来源）" : "");
	free(path);
}

void dlg_rollup_run(struct tui *t, int year)
{
	size_t n;
	char **paths = ask_sources(t, &n);
	if (!paths || !n) {
		free(paths);
		return;
	}
	struct roll r = { 0 };
	if (load_all(t, &r, paths, n, year)) {
		char *office = NULL;
		store_office_get(t->s, &office, NULL);
		struct report sum;
		report_init(&sum);
		rollup_sum(r.parts, r.n, year, office, &sum);
		write_sum(t, &r, &sum, year);
		report_release(&sum);
		free(office);
	}
	roll_release(&r);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}
