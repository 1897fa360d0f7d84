/*
 * dlg_dup.c — the hint of a possible duplicate (重复申请) in an application's form, and the
 * popup that lists the earlier applications it names.
 *
 * The search (store_dup_find: the applicant's applications of about six months, by name or ID
 * number, with an alike request) runs when the clerk leaves 收到日期, 申请人, 证件号码 or 申请内容
 * after changing it, or presses F3: never at every key typed. The fields are read as typed,
 * without marking anything on the form; a date not yet readable means no search.
 */
#include "dlg_dup.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "codes.h"
#include "date.h"
#include "draw.h"
#include "pager.h"
#include "store.h"
#include "strbuf.h"
#include "tui.h"
#include "xmem.h"

static char *field_text(const struct form *fm, int i)
{
	return i >= 0 ? form_get_text(fm, i) : NULL;
}

/* The receipt date as typed, or DATE_NONE when it cannot be read (yet). */
static int field_date(const struct form *fm, int i)
{
	int day = DATE_NONE;
	char *s = field_text(fm, i);
	const char *p = s ? s : "";
	while (*p == ' ')
		p++;
	if (*p && !date_parse(p, strlen(p), &day))
		day = DATE_NONE;
	free(s);
	return day;
}

static void show_line(struct form *fm, const struct dlg_dup *h)
{
	if (h->found.n == 0) {
		form_note(fm, h->line, NULL);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	dup_summary(&h->found, &sb);
	sb_adds(&sb, " · F3 查看");
	form_note(fm, h->line, sb_str(&sb));
	sb_release(&sb);
}

/* Looks for the earlier applications the form's application may repeat. */
static void look(struct tui *t, struct form *fm, struct dlg_dup *h)
{
	struct app a;
	app_init(&a);
	a.id = h->id;
	a.applicant = field_text(fm, h->applicant);
	a.id_number = field_text(fm, h->id_number);
	a.request = field_text(fm, h->request);
	a.d.received = field_date(fm, h->received);
	struct diag d = DIAG_INIT;
	enum status st = store_dup_find(t->s, &a, &h->found, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);   /* a hint that could not be looked for: said, nothing more */
	diag_release(&d);
	app_release(&a);
	h->stale = false;
	show_line(fm, h);
}

void dlg_dup_add(struct tui *t, struct form *fm, struct dlg_dup *h, long long id, int received,
		 int applicant, int id_number, int request)
{
	memset(h, 0, sizeof *h);
	h->id = id;
	h->received = received;
	h->applicant = applicant;
	h->id_number = id_number;
	h->request = request;
	h->line = form_info(fm, "可能重复", NULL);
	fm->f[h->line].notice = true;
	if (id)
		look(t, fm, h);
}

static bool watched(const struct dlg_dup *h, int field)
{
	return field >= 0 && (field == h->received || field == h->applicant ||
			      field == h->id_number || field == h->request);
}

void dlg_dup_changed(struct dlg_dup *h, int field)
{
	if (watched(h, field))
		h->stale = true;
}

void dlg_dup_left(struct tui *t, struct form *fm, struct dlg_dup *h, int field)
{
	if (h->stale && watched(h, field))
		look(t, fm, h);
}

/* ---- the popup ---- */

struct dup_view {
	const struct dup_list *l;
	struct pager pager;
	int width;   /* the width the pager's lines were wrapped to */
};

static void build(struct dup_view *v, int w)
{
	pager_clear(&v->pager);
	v->width = w;
	pager_add_wrapped(&v->pager, R_HEADING, "同一申请人半年内申请内容相近的申请（最新的在前）。"
			  "是否属于重复申请，由您判断；本提示不影响保存。", 0, w);
	char day[DATE_BUF];
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < v->l->n; i++) {
		const struct dup_match *m = &v->l->v[i];
		pager_blank(&v->pager);
		pager_add(&v->pager, R_WARNING, m->case_no);
		sb_reset(&sb);
		sb_addf(&sb, "收到日期：%s    ", date_format(m->received, day));
		const char *o = outcome_short_label(m->outcome);
		if (m->answered == DATE_NONE)
			sb_adds(&sb, "尚未答复");
		else
			sb_addf(&sb, "答复：%s，%s", date_format(m->answered, day), o ? o : "");
		pager_add_hanging(&v->pager, R_NORMAL, sb_str(&sb), 2, 10, w);
		sb_reset(&sb);
		sb_addf(&sb, "申请人：%s", m->applicant);
		pager_add_hanging(&v->pager, R_NORMAL, sb_str(&sb), 2, 7, w);
		sb_reset(&sb);
		sb_addf(&sb, "申请内容：%s", m->request ? m->request : "");
		pager_add_hanging(&v->pager, R_NORMAL, sb_str(&sb), 2, 10, w);
		sb_reset(&sb);
		sb_addf(&sb, "相近程度：%d%%", (int)(m->score * 100 + 0.5));
		pager_addf(&v->pager, R_NOTE, "  %s", sb_str(&sb));
	}
	pager_blank(&v->pager);
	pager_add(&v->pager, R_NOTE, "（Esc 或 Enter 返回表单）");
	sb_release(&sb);
}

static void draw_dup(struct tui *t, void *ctx)
{
	(void)t;
	struct dup_view *v = ctx;
	int pw = COLS - 2 > 80 ? 80 : COLS - 2;
	if (v->width != pw - 4)
		build(v, pw - 4);
	int h = (int)v->pager.n + 2;
	if (h > LINES - 4)
		h = LINES - 4;
	int py = (LINES - h) / 2, px = (COLS - pw) / 2;
	draw_popup(py, px, h, pw, "可能重复的申请");
	pager_draw(&v->pager, py + 1, px + 2, h - 2, pw - 4);
}

static void show(struct tui *t, const struct dup_list *l)
{
	struct dup_view v = { .l = l };
	tui_push_overlay(draw_dup, &v, KS_DUP);
	for (;;) {
		int key = tui_key(t);
		enum action a = km_lookup(KS_DUP, key);
		if (a == A_BACK || key == KM_NEWLINE)
			break;
		pager_scroll(&v.pager, a);
	}
	tui_pop_overlay();
	pager_release(&v.pager);
}

bool dlg_dup_action(struct tui *t, struct form *fm, struct dlg_dup *h, enum action a)
{
	if (a != A_DUP_SHOW)
		return false;
	if (h->stale)
		look(t, fm, h);
	if (h->found.n)
		show(t, &h->found);
	else
		tui_message(t, false, "没有可能重复的申请：同一申请人半年内没有内容相近的申请");
	return true;
}

void dlg_dup_release(struct dlg_dup *h)
{
	dup_list_release(&h->found);
}
