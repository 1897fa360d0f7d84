/*
 * prompt.c — popups that ask one thing: a line of text, yes or no, one of a list.
 *
 * Each popup is an overlay drawn by tui_draw above the current screen, with its own loop
 * reading keys through tui_key (which keeps redrawing on a resize and notices other clerks'
 * changes meanwhile).
 */
#include "prompt.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "pager.h"
#include "draw.h"
#include "input.h"
#include "lineedit.h"
#include "text.h"
#include "tui.h"
#include "xmem.h"

bool prompt_edit(struct lineedit *e, enum action a, int key)
{
	switch (a) {
	case A_CURSOR_LEFT: le_left(e); return true;
	case A_CURSOR_RIGHT: le_right(e); return true;
	case A_CURSOR_HOME: le_home(e); return true;
	case A_CURSOR_END: le_end(e); return true;
	case A_DELETE_BACK: le_backspace(e); return true;
	case A_DELETE: le_delete(e); return true;
	case A_CLEAR: le_clear(e); return true;
	case A_NONE:
		if (key >= 0x20 && key < KM_BASE && key != 0x7f) {
			if (!le_insert(e, (uint32_t)key))
				beep();
			return true;
		}
		return false;
	default:
		return false;
	}
}

/* A popup of h rows centred on the screen, at most 76 columns wide; its inside in *y, *x, *w. */
static void centred(int h, int want_w, const char *title, int *y, int *x, int *w)
{
	int pw = want_w + 4;
	if (pw > COLS - 2)
		pw = COLS - 2;
	if (pw > 80)
		pw = 80;
	int py = (LINES - h) / 2, px = (COLS - pw) / 2;
	draw_popup(py, px, h, pw, title);
	*y = py + 1;
	*x = px + 2;
	*w = pw - 4;
}

/* ---- a line of text ---- */

struct line_prompt {
	const char *title, *label;
	struct lineedit e;
};

static void draw_line(struct tui *t, void *ctx)
{
	(void)t;
	struct line_prompt *p = ctx;
	int y, x, w;
	centred(6, 72, p->title, &y, &x, &w);
	draw_text(y + 1, x, w, p->label, R_NORMAL);
	struct strbuf sb = STRBUF_INIT;
	int cx;
	le_view(&p->e, w, &sb, &cx);
	draw_text(y + 2, x, w, sb_str(&sb), R_FIELD_FOCUS);
	tui_cursor(y + 2, x + cx);
	sb_release(&sb);
}

char *prompt_line(struct tui *t, const char *title, const char *label, const char *initial,
		  size_t max)
{
	struct line_prompt p = { title, label, { 0 } };
	le_init(&p.e, max);
	le_set(&p.e, initial);
	tui_push_overlay(draw_line, &p, KS_PROMPT);
	char *result = NULL;
	for (;;) {
		int key = tui_key(t);
		enum action a = km_lookup(KS_PROMPT, key);
		if (a == A_OK) {
			result = le_strdup(&p.e);
			break;
		}
		if (a == A_CANCEL)
			break;
		if (key != KM_MOUSE)
			prompt_edit(&p.e, a, key);
	}
	tui_pop_overlay();
	le_release(&p.e);
	return result;
}

/* ---- yes or no ---- */

struct confirm {
	const char *title, *question;
};

static void draw_confirm(struct tui *t, void *ctx)
{
	(void)t;
	struct confirm *c = ctx;
	struct text_lines lines = { 0 };
	text_wrap(c->question, 60, &lines);
	int y, x, w, h = (int)lines.n + 5;
	centred(h, 62, c->title, &y, &x, &w);
	for (size_t i = 0; i < lines.n; i++)
		draw_text(y + 1 + (int)i, x, w, lines.line[i], R_NORMAL);
	draw_text(y + 2 + (int)lines.n, x, w, "按 y 确认，按 n 或 Esc 返回", R_NOTE);
	text_lines_release(&lines);
}

bool prompt_confirm(struct tui *t, const char *title, const char *question)
{
	struct confirm c = { title, question };
	tui_push_overlay(draw_confirm, &c, KS_CONFIRM);
	bool yes = false;
	for (;;) {
		enum action a = km_lookup(KS_CONFIRM, tui_key(t));
		if (a == A_YES || a == A_NO) {
			yes = a == A_YES;
			break;
		}
	}
	tui_pop_overlay();
	return yes;
}

/* ---- one of a list ---- */

struct pick {
	const char *title;
	const char *const *items;
	int n;
	struct listview lv;
	int y0, x0, w;   /* where the items were drawn */
	struct lineedit find;   /* what was typed: the cursor goes to the first item holding it */
	bool missed;            /* no item holds it */
};

static void draw_pick(struct tui *t, void *ctx)
{
	(void)t;
	struct pick *p = ctx;
	int rows = p->n < LINES - 6 ? p->n : LINES - 6, want = text_width(p->title) + 4;
	for (int i = 0; i < p->n; i++)
		if (text_width(p->items[i]) + 4 > want)
			want = text_width(p->items[i]) + 4;
	lv_set_height(&p->lv, rows);
	int y, x, w;
	bool finding = p->find.n > 0;
	if (finding && want < 2 * (int)p->find.n + 20)
		want = 2 * (int)p->find.n + 20;   /* 查找：… and （没有） fit */
	centred(rows + 2 + finding, want, p->title, &y, &x, &w);
	p->y0 = y;
	p->x0 = x;
	p->w = w;
	for (int r = 0; r < rows; r++) {
		size_t i = p->lv.top + (size_t)r;
		if (i >= (size_t)p->n)
			break;
		bool sel = i == p->lv.cur;
		draw_text(y + r, x - 1, w + 2, sel ? ">" : "", sel ? R_SELECTED : R_NORMAL);
		draw_text(y + r, x, w, p->items[i], sel ? R_SELECTED : R_NORMAL);
	}
	if (finding) {
		struct strbuf sb = STRBUF_INIT;
		char *typed = le_strdup(&p->find);
		sb_addf(&sb, "查找：%s%s", typed, p->missed ? "（没有）" : "");
		free(typed);
		draw_text(y + rows, x, w, sb_str(&sb), p->missed ? R_ERROR : R_NOTE);
		sb_release(&sb);
	}
}

/* Typing in a list finds in it: the cursor goes to the first item that holds what was typed
 * (传 → 传真), Backspace takes a character back. True when the key was one of these. */
static bool pick_find(struct pick *p, int key)
{
	bool typed = key > ' ' && key < KM_BASE && key != 0x7f;
	if (key == KM_BACKSPACE && p->find.n)
		le_backspace(&p->find);
	else if (typed)
		le_insert(&p->find, (uint32_t)key);
	else
		return false;
	char *text = le_strdup(&p->find);
	p->missed = *text != '\0';
	for (int i = 0; *text && i < p->n; i++)
		if (strstr(p->items[i], text)) {
			lv_select(&p->lv, (size_t)i);
			p->missed = false;
			break;
		}
	free(text);
	return true;
}

static bool pick_move(struct pick *p, enum action a)
{
	static const struct lv_source none = { NULL, NULL, NULL };
	switch (a) {
	case A_UP: return lv_move(&p->lv, &none, -1);
	case A_DOWN: return lv_move(&p->lv, &none, 1);
	case A_PGUP: return lv_page(&p->lv, &none, -1);
	case A_PGDN: return lv_page(&p->lv, &none, 1);
	case A_HOME: return lv_select(&p->lv, 0);
	case A_END: return lv_select(&p->lv, (size_t)p->n - 1);
	default: return false;
	}
}

/* A click on an item picks it: its index, or -1. */
static int pick_click(const struct pick *p)
{
	int y, x, wheel;
	if (!input_mouse(&y, &x, &wheel) || wheel || x < p->x0 - 1 || x > p->x0 + p->w)
		return -1;
	long i = (long)p->lv.top + (y - p->y0);
	return y >= p->y0 && i < (long)p->lv.top + p->lv.height && i < p->n ? (int)i : -1;
}

static int pick_run(struct tui *t, const char *title, const char *const *items, int n,
		    int initial, bool numbered, int first_key);

int prompt_pick(struct tui *t, const char *title, const char *const *items, int n,
		int initial)
{
	return pick_run(t, title, items, n, initial, false, KM_NONE);
}

int prompt_pick_typed(struct tui *t, const char *title, const char *const *items, int n,
		      int initial, int key)
{
	return pick_run(t, title, items, n, initial, false, key);
}

int prompt_pick_numbered(struct tui *t, const char *title, const char *const *items, int n)
{
	return pick_run(t, title, items, n, 0, true, KM_NONE);
}

static int pick_run(struct tui *t, const char *title, const char *const *items, int n,
		    int initial, bool numbered, int first_key)
{
	if (n <= 0)
		return -1;
	struct pick p = { .title = title, .items = items, .n = n };
	lv_init(&p.lv, n, 0);
	lv_set_all(&p.lv, (size_t)n);
	lv_select(&p.lv, initial >= 0 && initial < n ? (size_t)initial : 0);
	le_init(&p.find, 40);
	if (first_key != KM_NONE)
		pick_find(&p, first_key);
	tui_push_overlay(draw_pick, &p, KS_PICK);
	int chosen = -1;
	for (;;) {
		int key = tui_key(t);
		if (key == KM_MOUSE) {
			if ((chosen = pick_click(&p)) >= 0)
				break;
			continue;
		}
		if (numbered && key >= '1' && key <= '9' && key - '1' < n) {
			chosen = key - '1';
			break;
		}
		enum action a = km_lookup(KS_PICK, key);
		if (a == A_CHOOSE) {
			chosen = (int)p.lv.cur;
			break;
		}
		if (a == A_CANCEL)
			break;
		if (a == A_HELP)
			tui_help(t, KS_PICK);
		else if (a == A_NONE || key == KM_BACKSPACE)
			pick_find(&p, key);
		else
			pick_move(&p, a);
	}
	tui_pop_overlay();
	le_release(&p.find);
	return chosen;
}

/* ---- lines to read ---- */

struct show {
	const char *title;
	struct pager pager;
};

static void draw_show(struct tui *t, void *ctx)
{
	(void)t;
	struct show *s = ctx;
	int h = (int)s->pager.n + 2;
	if (h > LINES - 4)
		h = LINES - 4;
	int y, x, w;
	centred(h, 76, s->title, &y, &x, &w);
	pager_draw(&s->pager, y, x, h - 2, w);
}

void prompt_show(struct tui *t, const char *title, const char *heading, const struct diag *d)
{
	struct show s = { title, { 0 } };
	pager_add_wrapped(&s.pager, R_HEADING, heading, 0, 74);
	for (size_t i = 0; d && i < d->n; i++)
		pager_add_wrapped(&s.pager, R_ERROR, d->lines[i], 2, 74);
	if (d && d->total > d->n)
		pager_addf(&s.pager, R_NOTE, "  ……另有 %zu 处问题未列出", d->total - d->n);
	pager_add(&s.pager, R_NOTE, "（Enter 或 Esc 关闭）");
	tui_push_overlay(draw_show, &s, KS_HELP);
	for (;;) {
		int key = tui_key(t);
		enum action a = km_lookup(KS_HELP, key);
		if (a == A_BACK || key == KM_ENTER || key == KM_NEWLINE)
			break;
		pager_scroll(&s.pager, a);
	}
	tui_pop_overlay();
	pager_release(&s.pager);
}
