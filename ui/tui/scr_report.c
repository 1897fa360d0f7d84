/*
 * scr_report.c — screen 3, 年报: the whole annual report of the year as it will be exported —
 * the title, the six sections with the office's text and tables 二, 三 and 四 — and under it
 * the checks of the tables and of the text; the office's text written here (t), table 二
 * entered (e), the exports (x) and the roll-up (h).
 */
#include "scr_report.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annual.h"
#include "pager.h"
#include "prompt.h"
#include "dlg_export.h"
#include "dlg_rollup.h"
#include "form.h"
#include "report.h"
#include "scr_year.h"
#include "store.h"
#include "strbuf.h"
#include "tally.h"
#include "xmem.h"

struct report_screen {
	struct yearpage yp;   /* first: the screen is a year page */
};

static enum km_scope scope(struct view *v)
{
	(void)v;
	return KS_REPORT;
}

/* The section headings and the title stand out; a failed check is red. */
static enum draw_role line_role(const char *line, bool first)
{
	static const char *const heads[] = { "一、", "二、", "三、", "四、", "五、", "六、" };
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (strncmp(line, heads[i], strlen(heads[i])) == 0)
			return R_HEADING;
	return first && *line ? R_HEADING : strstr(line, "✗") ? R_ERROR : R_NORMAL;
}

static void build(struct tui *t, struct view *v)
{
	struct pager *pg = v->pager;
	struct annual a;
	struct diag d = DIAG_INIT;
	annual_init(&a);
	if (annual_build(t->s, t->year, &a, &d) != ST_OK) {
		tui_fail(t, ST_IO, &d);
		pager_add(pg, R_ERROR, "读取报表失败，请稍后再试。");
	} else {
		struct strbuf sb = STRBUF_INIT;
		annual_text(&a, false, COLS - 2, &sb);
		yearpage_add_lines(pg, sb_str(&sb), line_role);
		pager_blank(pg);
		if (annual_passes(&a)) {
			pager_add(pg, R_GOOD, "检查: ✓ 勾稽关系成立，报告文字与报表一致，可以导出发布。");
		} else {
			pager_add(pg, R_ERROR, "检查: ✗ 未通过，导出只能作为（草稿）：");
			for (size_t i = 0; i < a.r.problems.n; i++)
				pager_addf(pg, R_ERROR, "  %s", a.r.problems.lines[i]);
			for (size_t i = 0; i < a.problems.n; i++)
				pager_addf(pg, R_ERROR, "  %s", a.problems.lines[i]);
		}
		pager_blank(pg);
		pager_add(pg, R_NOTE, "按 t 编写报告文字，e 编辑表二，x 导出（整份年报 Word、网页、文本，"
			  "或报表、台账），h 全市汇总。");
		sb_release(&sb);
	}
	annual_release(&a);
	diag_release(&d);
}

/* ---- the office's text ---- */

struct section_job {
	int year, section, field;
	long long version;   /* as read */
};

static bool save_section(struct tui *t, struct form *fm, void *ctx)
{
	struct section_job *j = ctx;
	char *text = form_get_text(fm, j->field);
	struct diag d = DIAG_INIT;
	enum status st = ST_DATA;
	/* the skeleton saved untouched is no text of the office's */
	const char *body = strcmp(text, annual_section_skeleton(j->section)) == 0 ? "" : text;
	if (!annual_fields_valid(text, &d)) {
		form_problem(fm, j->field, false, "%s", diag_last(&d));
	} else {
		st = store_section_put(t->s, j->year, annual_section_key(j->section),
				       annual_section_name(j->section), body, j->version, &d);
		if (st != ST_OK) {
			for (size_t i = 0; i < d.n; i++)
				diag_add(&fm->general, "%s", d.lines[i]);
			tui_fail(t, st, &d);
		}
	}
	if (st == ST_OK)
		tui_message(t, false, "已保存 %d 年报告的「%s」", j->year,
			    annual_section_name(j->section));
	diag_release(&d);
	free(text);
	return st == ST_OK;
}

static void edit_section(struct tui *t, struct view *v)
{
	if (tui_refuse_readonly(t))
		return;
	const char *labels[AN_SECTIONS];
	for (int k = 0; k < AN_SECTIONS; k++)
		labels[k] = annual_section_heading(k);
	int k = prompt_pick(t, "编写哪一部分", labels, AN_SECTIONS, 0);
	if (k < 0)
		return;
	struct section_job j = { .year = t->year, .section = k };
	char *body = NULL;
	struct diag d = DIAG_INIT;
	if (store_section_get(t->s, t->year, annual_section_key(k), &body, &j.version, &d)
	    != ST_OK) {
		tui_fail(t, ST_IO, &d);
		diag_release(&d);
		return;
	}
	diag_release(&d);
	char title[160];
	snprintf(title, sizeof title, "%d 年报告 %s（{概述句} {收费句} 等字段导出时换成报表中的数）",
		 t->year, annual_section_heading(k));
	struct form fm;
	form_init(&fm, title, save_section, &j);
	j.field = form_text(&fm, annual_section_name(k), -1,
			    body ? body : annual_section_skeleton(k), 100000);
	form_set_multiline(&fm, j.field);
	form_set_area_rows(&fm, j.field, LINES - 10);
	free(body);
	if (form_run(t, &fm))
		yearpage_enter(t, v);
	form_release(&fm);
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

static void edit_table2(struct tui *t, struct view *v)
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
		char cell[32] = "";
		if (t2.entered && t2.v[c] == T2_NA)
			;
		else if (t2.entered && c == T2_FEES)
			table2_format_wan(t2.v[c], cell);
		else if (t2.entered)
			snprintf(cell, sizeof cell, "%lld", t2.v[c]);
		/* the fee's column label is too long for the form: the same words, shorter */
		j.f[c] = form_text(&fm, c == T2_FEES ? "收费金额（万元）" : table2_col_label(c), -1, cell,
				   24);
	}
	if (form_run(t, &fm))
		yearpage_enter(t, v);
	form_release(&fm);
}

/* ---- the view ---- */

static void init(struct view *v)
{
	yearpage_init(v, build);
}

static bool handle(struct tui *t, struct view *v, enum action a, int key)
{
	(void)key;
	switch (a) {
	case A_SECTION: edit_section(t, v); return true;
	case A_TABLE2: edit_table2(t, v); return true;
	case A_EXPORT: dlg_export_run(t, t->year); return true;
	case A_ROLLUP: dlg_rollup_run(t, t->year); return true;
	default: return yearpage_handle(t, v, a);
	}
}

const struct view_ops scr_report_ops = {
	.name = "年报",
	.size = sizeof(struct report_screen),
	.init = init,
	.release = yearpage_release,
	.scope = scope,
	.enter = yearpage_enter,
	.layout = yearpage_layout,
	.draw = yearpage_draw,
	.handle = handle,
	.reload = yearpage_enter,
	.status = yearpage_status,
};
