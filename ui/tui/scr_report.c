/*
 * scr_report.c — screen 3, 年报: the statistical part of the annual report for the year as it
 * will be exported — tables 二, 三 and 四, the fee sentence of section 六, the overview sentence
 * and the checks — with table 二 entered here (e) and the exports (x).
 */
#include "scr_report.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pager.h"
#include "dlg_export.h"
#include "dlg_rollup.h"
#include "form.h"
#include "report.h"
#include "store.h"
#include "strbuf.h"
#include "tally.h"
#include "xmem.h"

static struct {
	struct pager pager;
	int built_width;
} P;

static enum km_scope scope(void)
{
	return KS_REPORT;
}

static void build(struct tui *t)
{
	struct report r;
	struct diag d = DIAG_INIT;
	report_init(&r);
	pager_clear(&P.pager);
	P.built_width = COLS;
	if (report_build(t->s, t->year, &r, &d) != ST_OK) {
		tui_fail(t, ST_IO, &d);
		pager_add(&P.pager, R_ERROR, "读取报表失败，请稍后再试。");
	} else {
		struct strbuf sb = STRBUF_INIT;
		report_text(&r, COLS - 2, &sb);
		const char *p = sb_str(&sb);
		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			char *line = xstrndup(p, n);
			bool head = n && (strncmp(line, "二、", strlen("二、")) == 0 ||
					  strncmp(line, "三、", strlen("三、")) == 0 ||
					  strncmp(line, "四、", strlen("四、")) == 0 ||
					  strncmp(line, "六、", strlen("六、")) == 0 || p == sb_str(&sb));
			pager_add(&P.pager, head ? R_HEADING : strstr(line, "✗") ? R_ERROR : R_NORMAL, line);
			free(line);
			p += n + (nl ? 1 : 0);
		}
		pager_blank(&P.pager);
		pager_add(&P.pager, R_NOTE, "按 e 编辑表二，按 x 导出（文本、CSV、JSON、台账）。");
		sb_release(&sb);
	}
	report_release(&r);
	diag_release(&d);
}

/* ---- table 二 ---- */

struct t2_job {
	int year;
	int f[T2_CELLS];
};

static bool save_table2(struct tui *t, struct form *fm, void *ctx)
{
	struct t2_job *j = ctx;
	struct table2 t2 = { .entered = true };
	bool ok = true;
	for (int c = 0; c < T2_CELLS; c++) {
		char *s = form_get_text(fm, j->f[c]);
		long long v;
		if (!*s || strcmp(s, "/") == 0) {
			t2.v[c] = T2_NA;
		} else if (c == T2_FEES) {
			if (table2_parse_wan(s, &t2.v[c]))
				;
			else {
				form_problem(fm, j->f[c], false, "「%s」不是有效金额（万元，最多四位小数）", s);
				ok = false;
			}
		} else if (form_get_int(fm, j->f[c], 0, 999999999, &v)) {
			t2.v[c] = v;
		} else {
			ok = false;
		}
		free(s);
	}
	struct diag d = DIAG_INIT;
	enum status st = ok ? store_table2_set(t->s, j->year, &t2, &d) : ST_DATA;
	if (ok && st != ST_OK) {
		for (size_t i = 0; i < d.n; i++)
			diag_add(&fm->general, "%s", d.lines[i]);
		tui_fail(t, st, &d);
	}
	diag_release(&d);
	if (ok && st == ST_OK)
		tui_message(t, false, "已保存 %d 年度表二", j->year);
	return ok && st == ST_OK;
}

static void edit_table2(struct tui *t)
{
	if (tui_refuse_readonly(t))
		return;
	struct table2 t2;
	struct diag d = DIAG_INIT;
	if (store_table2_get(t->s, t->year, &t2, &d) != ST_OK) {
		tui_fail(t, ST_IO, &d);
		diag_release(&d);
		return;
	}
	diag_release(&d);
	struct t2_job j = { .year = t->year };
	struct form fm;
	char title[96];
	snprintf(title, sizeof title, "%d 年度 表二 主动公开政府信息情况（填 / 或留空表示不适用）",
		 t->year);
	form_init(&fm, title, save_table2, &j);
	const char *row = NULL;
	for (int c = 0; c < T2_CELLS; c++) {
		if (!row || strcmp(row, table2_row_label(c)) != 0)
			form_heading(&fm, (row = table2_row_label(c)));
		/* a cell that does not apply (/) starts empty, so a number typed is the whole value */
		char v[32] = "";
		if (t2.entered && t2.v[c] == T2_NA)
			;
		else if (t2.entered && c == T2_FEES)
			table2_format_wan(t2.v[c], v);
		else if (t2.entered)
			snprintf(v, sizeof v, "%lld", t2.v[c]);
		/* the fee's column label is too long for the form: the same words, shorter */
		j.f[c] = form_text(&fm, c == T2_FEES ? "收费金额（万元）" : table2_col_label(c), -1, v, 24);
	}
	if (form_run(t, &fm))
		build(t);
	form_release(&fm);
}

/* ---- the view ---- */

static void enter(struct tui *t)
{
	build(t);
}

static void layout(struct tui *t)
{
	if (P.built_width && P.built_width != COLS)
		build(t);
}

static void draw(struct tui *t)
{
	(void)t;
	int top, height;
	tui_area(&top, &height);
	pager_draw(&P.pager, top, 1, height, COLS - 1);
}

static bool handle(struct tui *t, enum action a, int key)
{
	(void)key;
	bool changed;
	if (a == A_TABLE2) {
		edit_table2(t);
		return true;
	}
	if (a == A_EXPORT) {
		dlg_export_run(t, t->year);
		return true;
	}
	if (a == A_ROLLUP) {
		dlg_rollup_run(t, t->year);
		return true;
	}
	if (!tui_year_action(t, a, &changed))
		return false;
	if (changed) {
		P.pager.top = 0;
		build(t);
	}
	return true;
}

static void status(struct tui *t, struct strbuf *out)
{
	sb_addf(out, "%d 年度", t->year);
}

const struct view view_report = {
	.name = "年报",
	.scope = scope,
	.enter = enter,
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.reload = build,
	.status = status,
	.pager = &P.pager,
};
