/*
 * scr_settings.c — screen 5, 设置: every setting of the office (office.h: its name, the 文号
 * code, contact, the remedy bodies …), the database file, whether it is read-only, and the
 * clerk's login the history records. e (or Enter) edits all the settings in one form; saving
 * writes them together in one transaction, or none of them.
 */
#include "scr_settings.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "office.h"
#include "store.h"
#include "strbuf.h"
#include "xmem.h"

struct settings_screen {
	struct office o;
	bool loaded, failed;
};

/* 垂直管理 is picked, not typed: item 0 leaves it unset. */
static const char *const vertical_items[] = { "（未设置）", "是", "否" };

static enum km_scope scope(struct view *v)
{
	(void)v;
	return KS_SETTINGS;
}

static void init(struct view *v)
{
	struct settings_screen *S = v->priv;
	office_init(&S->o);
}

static void release(struct view *v)
{
	struct settings_screen *S = v->priv;
	office_release(&S->o);
}

static void load(struct tui *t, struct view *v)
{
	struct settings_screen *S = v->priv;
	struct diag d = DIAG_INIT;
	office_release(&S->o);
	office_init(&S->o);
	S->failed = store_office_read(t->s, &S->o, &d) != ST_OK;
	if (S->failed)
		tui_fail(t, ST_IO, &d);
	S->loaded = true;
	diag_release(&d);
}

static void draw(struct tui *t, struct view *v)
{
	const struct settings_screen *S = v->priv;
	int top, height;
	tui_area(&top, &height);
	int y = top, end = top + height, label_w = 12, x = label_w + 3;
	draw_text(y++, 1, COLS - 2, "本机关设置（文书抬头、文号、联系方式、救济途径和年报标题）",
		  R_HEADING);
	for (int k = 0; k < OS_COUNT && y < end; k++, y++) {
		draw_text(y, 2, label_w, office_name(k), R_NORMAL);
		const char *val = S->o.v[k];
		draw_text(y, x, COLS - x - 1, val ? val : "（未设置）", val ? R_NORMAL : R_NOTE);
	}
	y++;
	if (y < end)
		draw_text(y++, 1, COLS - 2, "数据库", R_HEADING);
	if (y < end) {
		draw_text(y, 2, label_w, "文件", R_NORMAL);
		draw_text(y++, x, COLS - x - 1, store_path(t->s), R_NORMAL);
	}
	if (y < end) {
		draw_text(y, 2, label_w, "读写", R_NORMAL);
		draw_text(y++, x, COLS - x - 1, t->readonly ? "只读（不能写入这个文件）" : "可读写",
			  t->readonly ? R_WARNING : R_NORMAL);
	}
	if (y < end) {
		const char *user = store_user();
		draw_text(y, 2, label_w, "登录用户", R_NORMAL);
		draw_text(y++, x, COLS - x - 1, user && *user ? user : "（未知）", R_NORMAL);
	}
	y++;
	if (y < end && !t->readonly)
		draw_text(y, 1, COLS - 2, "按 e 或 Enter 修改设置；全部一起保存，修改记入修改记录。",
			  R_NOTE);
}

/* ---- the form ---- */

struct settings_job {
	int f[OS_COUNT];
};

static bool save(struct tui *t, struct form *fm, void *ctx)
{
	const struct settings_job *j = ctx;
	char *val[OS_COUNT] = { 0 };
	struct strbuf bad = STRBUF_INIT;
	form_clear_problems(fm);
	for (int k = 0; k < OS_COUNT; k++) {
		if (k == OS_VERTICAL) {
			int c = form_get_choice(fm, j->f[k]);
			val[k] = xstrdup(c >= 1 && c < 3 ? vertical_items[c] : "");
			continue;
		}
		val[k] = form_get_text(fm, j->f[k]);
		char *clean = NULL;
		struct strbuf why = STRBUF_INIT;
		if (office_value(k, val[k], &clean, &why)) {
			free(clean);
		} else {
			form_problem(fm, j->f[k], false, "%s%s", office_name(k), sb_str(&why));
			sb_addf(&bad, "%s%s", bad.len ? "、" : "", office_name(k));
		}
		sb_release(&why);
	}
	enum status st = ST_OK;
	struct diag d = DIAG_INIT;
	if (bad.len) {
		tui_message(t, true, "未保存：%s 的值不对，见表单中的说明", sb_str(&bad));
		st = ST_DATA;
	} else {
		/* all of them or none: one transaction */
		st = store_begin(t->s, &d);
		for (int k = 0; st == ST_OK && k < OS_COUNT; k++)
			st = store_office_put(t->s, k, val[k], &d);
		if (st == ST_OK)
			st = store_commit(t->s, &d);
		else
			store_rollback(t->s);
		if (st != ST_OK) {
			for (size_t i = 0; i < d.n; i++)
				diag_add(&fm->general, "%s", d.lines[i]);
			tui_fail(t, st, &d);
		}
	}
	diag_release(&d);
	sb_release(&bad);
	for (int k = 0; k < OS_COUNT; k++)
		free(val[k]);
	if (st == ST_OK)
		tui_message(t, false, "已保存本机关设置");
	return st == ST_OK;
}

static void edit(struct tui *t, struct view *v)
{
	if (tui_refuse_readonly(t))
		return;
	load(t, v);
	struct settings_screen *S = v->priv;
	if (S->failed)
		return;
	struct settings_job j;
	struct form fm;
	form_init(&fm, "本机关设置（全部一起保存）", save, &j);
	for (int k = 0; k < OS_COUNT; k++) {
		const char *cur = S->o.v[k];
		if (k == OS_VERTICAL) {
			int c = !cur ? 0 : strcmp(cur, "是") == 0 ? 1 : strcmp(cur, "否") == 0 ? 2 : 0;
			j.f[k] = form_choice(&fm, office_name(k), -1, vertical_items, 3, c);
			fm.f[j.f[k]].none_first = true;
		} else {
			j.f[k] = form_text(&fm, office_name(k), -1, cur ? cur : "", 400);
		}
		form_note(&fm, j.f[k], office_what(k));
	}
	if (form_run(t, &fm))
		tui_changed(t);
	form_release(&fm);
}

/* ---- the view ---- */

static void enter(struct tui *t, struct view *v)
{
	load(t, v);
}

static void layout(struct tui *t, struct view *v)
{
	(void)t;
	(void)v;
}

static bool handle(struct tui *t, struct view *v, enum action a, int key)
{
	(void)key;
	switch (a) {
	case A_SETTINGS_EDIT: edit(t, v); return true;
	default: return false;
	}
}

const struct view_ops scr_settings_ops = {
	.name = "设置",
	.size = sizeof(struct settings_screen),
	.init = init,
	.release = release,
	.scope = scope,
	.enter = enter,
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.reload = enter,
};
