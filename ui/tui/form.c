/*
 * form.c — labelled fields in the screen's area, one below the other, each field's problem on
 * the line under it, the buttons at the end and what names no field below them.
 *
 * The form scrolls to keep the field in focus (and its problem) visible, so a form longer than
 * the terminal (修改 shows every field) works at 80×24 too.
 */
#include "form.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "codes.h"
#include "date.h"
#include "draw.h"
#include "input.h"
#include "dlg_outcome.h"
#include "prompt.h"
#include "text.h"
#include "textarea.h"
#include "tui.h"
#include "xmem.h"

#define LABEL_MAX 16
#define TEXT_MAX_WIDTH 60

void form_init(struct form *fm, const char *title, form_save_fn *save, void *ctx)
{
	memset(fm, 0, sizeof *fm);
	fm->title = xstrdup(title);
	fm->save = save;
	fm->ctx = ctx;
	fm->scope = KS_FORM;
}

void form_release(struct form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		free(fm->f[i].label);
		free(fm->f[i].info);
		free(fm->f[i].problem);
		for (int k = 0; k < fm->f[i].nchoices; k++)
			free(fm->f[i].choices[k]);
		free(fm->f[i].choices);
		le_release(&fm->f[i].le);
		free(fm->f[i].rows);
	}
	free(fm->f);
	free(fm->title);
	diag_release(&fm->general);
	memset(fm, 0, sizeof *fm);
}

static int add(struct form *fm, enum field_kind kind, const char *label, int app_field)
{
	size_t cap = (size_t)fm->cap;
	fm->f = xgrow(fm->f, &cap, (size_t)fm->n + 1, sizeof *fm->f);
	fm->cap = (int)cap;
	struct form_field *f = &fm->f[fm->n];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->label = xstrdup(label ? label : "");
	f->app_field = app_field;
	f->choice = f->outcome = -1;
	f->y = -1;
	le_init(&f->le, 0);
	return fm->n++;
}

int form_text(struct form *fm, const char *label, int app_field, const char *initial,
	      size_t max)
{
	int i = add(fm, FK_TEXT, label, app_field);
	fm->f[i].le.max = max;
	le_set(&fm->f[i].le, initial);
	return i;
}

int form_date(struct form *fm, const char *label, int app_field, int date)
{
	int i = add(fm, FK_DATE, label, app_field);
	char buf[DATE_BUF];
	fm->f[i].le.max = 20;
	le_set(&fm->f[i].le, date_format(date, buf));
	return i;
}

int form_number(struct form *fm, const char *label, int app_field, const char *initial)
{
	int i = add(fm, FK_NUMBER, label, app_field);
	fm->f[i].le.max = 20;
	le_set(&fm->f[i].le, initial);
	return i;
}

int form_choice(struct form *fm, const char *label, int app_field, const char *const *choices,
		int n, int initial)
{
	int i = add(fm, FK_CHOICE, label, app_field);
	fm->f[i].choices = xcalloc((size_t)(n > 0 ? n : 1), sizeof *fm->f[i].choices);
	for (int k = 0; k < n; k++)
		fm->f[i].choices[k] = xstrdup(choices[k]);
	fm->f[i].nchoices = n;
	fm->f[i].choice = initial >= 0 && initial < n ? initial : -1;
	return i;
}

int form_outcome(struct form *fm, const char *label, int app_field, int outcome)
{
	int i = add(fm, FK_OUTCOME, label, app_field);
	fm->f[i].outcome = outcome_is_valid(outcome) ? outcome : -1;
	return i;
}

int form_info(struct form *fm, const char *label, const char *text)
{
	int i = add(fm, FK_INFO, label, -1);
	form_note(fm, i, text);
	return i;
}

int form_heading(struct form *fm, const char *text)
{
	return add(fm, FK_HEADING, text, -1);
}

void form_note(struct form *fm, int i, const char *text)
{
	free(fm->f[i].info);
	fm->f[i].info = text ? xstrdup(text) : NULL;
}

void form_set_text(struct form *fm, int i, const char *text)
{
	bool changed = fm->f[i].le.changed;
	le_set(&fm->f[i].le, text);
	fm->f[i].le.changed = changed;
}

void form_set_area_rows(struct form *fm, int i, int rows)
{
	fm->f[i].area_max = rows;
}

void form_set_multiline(struct form *fm, int i)
{
	fm->f[i].multiline = true;
}

/* ---- reading ---- */

char *form_get_text(const struct form *fm, int i)
{
	return le_strdup(&fm->f[i].le);
}

bool form_get_date(struct form *fm, int i, int *out)
{
	char *s = form_get_text(fm, i);
	size_t n = strlen(s);
	size_t a = 0;
	while (a < n && s[a] == ' ')
		a++;
	bool ok = true;
	if (a == n)
		*out = DATE_NONE;
	else if (!date_parse(s + a, n - a, out)) {
		form_problem(fm, i, false, "%s %s", s + a, date_why_invalid(s + a, n - a).text);
		ok = false;
	}
	free(s);
	return ok;
}

bool form_get_int(struct form *fm, int i, long long lo, long long hi, long long *out)
{
	char *s = form_get_text(fm, i), *end;
	bool ok = true;
	if (!*s) {
		*out = -1;
	} else {
		long long v = strtoll(s, &end, 10);
		if (*end || *s == '-' || *s == '+' || *s == ' ' || v < lo || v > hi) {
			form_problem(fm, i, false, "「%s」应为 %lld 到 %lld 之间的整数", s, lo, hi);
			ok = false;
		} else {
			*out = v;
		}
	}
	free(s);
	return ok;
}

int form_get_choice(const struct form *fm, int i)
{
	return fm->f[i].choice;
}

int form_get_outcome(const struct form *fm, int i)
{
	return fm->f[i].outcome;
}

/* ---- problems ---- */

void form_problem(struct form *fm, int i, bool warning, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	struct form_field *f = &fm->f[i];
	if (f->problem && strstr(f->problem, msg)) {   /* said already */
		free(msg);
		return;
	}
	if (f->problem && (!f->warning || warning)) {
		/* an error already there stays first; a second problem is added after it */
		char *both = xasprintf("%s；%s", f->problem, msg);
		free(msg);
		msg = both;
		warning = f->warning && warning;
	}
	free(f->problem);
	f->problem = msg;
	f->warning = warning;
}

void form_clear_problems(struct form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		free(fm->f[i].problem);
		fm->f[i].problem = NULL;
	}
	diag_clear(&fm->general);
}

bool form_app_problems(struct form *fm, const struct app_problems *p)
{
	for (size_t k = 0; k < p->n; k++) {
		const struct app_problem *pr = &p->v[k];
		int i = 0;
		while (i < fm->n && (fm->f[i].app_field != (int)pr->field || fm->f[i].kind == FK_INFO))
			i++;
		if (i < fm->n && fm->f[i].problem && !fm->f[i].warning)
			continue;   /* its value could not be read: that is what to fix first */
		if (i < fm->n)
			form_problem(fm, i, pr->warning, "%s", pr->msg);
		else
			diag_add(&fm->general, "%s%s: %s", pr->warning ? "提示 " : "",
				 app_field_name(pr->field), pr->msg);
	}
	return p->errors > 0;
}

bool form_warnings_seen(struct form *fm)
{
	bool any = false;
	for (int i = 0; i < fm->n; i++)
		any |= fm->f[i].problem && fm->f[i].warning;
	for (size_t k = 0; k < fm->general.n; k++)
		any |= strncmp(fm->general.lines[k], "提示", strlen("提示")) == 0;
	if (!any || fm->warned)
		return true;
	fm->warned = true;
	diag_add(&fm->general, "以上有提示（不影响保存）。确认无误请再按 F2 保存。");
	return false;
}

bool form_changed(const struct form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].changed || fm->f[i].le.changed)
			return true;
	return false;
}

/* ---- drawing ---- */

enum row_kind {
	ROW_FIELD, ROW_AREA, ROW_MORE, ROW_NOTE, ROW_PROBLEM, ROW_HEADING, ROW_BLANK, ROW_BUTTONS, ROW_GENERAL
};

struct row {
	enum row_kind kind;
	int field;
	char *text;   /* owned: what the row shows beside the label column */
	int part;     /* ROW_FIELD, ROW_AREA of a box: which of its rows */
};

struct rows {
	struct row *v;
	size_t n, cap;
};

/* The geometry of the form: label column, and where and how wide a field's box can be. */
struct geom {
	int x, w, lw, fx, fw;
};

static void row_add(struct rows *r, enum row_kind kind, int field, const char *text)
{
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = (struct row){ kind, field, text ? xstrdup(text) : NULL, 0 };
}

static void rows_release(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].text);
	free(r->v);
}

/* Adds text wrapped to width as rows; the first as `first` kind, the others as `rest`. */
static void add_wrapped(struct rows *r, enum row_kind first, enum row_kind rest, int field,
			const char *text, int width)
{
	struct text_lines lines = { 0 };
	text_wrap(text, width, &lines);
	for (size_t i = 0; i < lines.n; i++)
		row_add(r, i ? rest : first, field, lines.line[i]);
	text_lines_release(&lines);
}

static int label_width(const struct form *fm)
{
	int w = 4;
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].kind != FK_HEADING && text_width(fm->f[i].label) > w)
			w = text_width(fm->f[i].label);
	return w > LABEL_MAX ? LABEL_MAX : w;
}

static const char *field_value(const struct form_field *f, char *buf, size_t size)
{
	if (f->kind == FK_CHOICE)
		return f->choice >= 0 ? f->choices[f->choice] : "（请选择）";
	if (f->kind == FK_OUTCOME) {
		if (f->outcome < 0)
			return "（未选择，按 Enter 从表三中选择）";
		snprintf(buf, size, "%s", outcome_ledger_label(f->outcome));
		return buf;
	}
	return "";
}

/* ---- text boxes (textarea.h) ---- */

#define AREA_MIN_ROWS 3
#define AREA_MAX_ROWS 6
#define AREA_MIN_WIDTH 20

/* Lays the box's text out again at the box's width (one column kept for the cursor), into
 * the field's rows: once a draw, which every row of the box then reads. */
static void area_relayout(struct form_field *f, int width)
{
	free(f->rows);
	f->nrows = ta_layout(f->le.cp, f->le.n, width - 1, &f->rows);
	f->area_width = width;
}

/* How many rows the box of a field takes: its text's as last laid out, 3 to 6. */
static int area_rows(const struct form_field *f)
{
	size_t n = f->nrows, most = f->area_max > AREA_MIN_ROWS ? (size_t)f->area_max
								 : AREA_MAX_ROWS;
	return n < AREA_MIN_ROWS ? AREA_MIN_ROWS : n > most ? (int)most : (int)n;
}

/* Lays the box out and scrolls it so the cursor's row is shown. */
static void area_follow(struct form_field *f, int width)
{
	area_relayout(f, width);
	int k = area_rows(f), n = (int)f->nrows;
	int r = (int)ta_row_of(f->rows, f->nrows, f->le.cur);
	if (r < f->area_top)
		f->area_top = r;
	if (r >= f->area_top + k)
		f->area_top = r - k + 1;
	if (f->area_top > n - k)
		f->area_top = n - k;
	if (f->area_top < 0)
		f->area_top = 0;
}

/* Draws row `part` of a field's box at y, as area_follow laid it out. */
static void draw_area(struct form *fm, int i, int part, int y, int x)
{
	struct form_field *f = &fm->f[i];
	bool focus = fm->focus == i;
	int width = f->area_width, k = area_rows(f);
	const struct ta_row *rows = f->rows;
	size_t n = f->nrows, r = (size_t)(f->area_top + part);
	struct strbuf sb = STRBUF_INIT;
	sb_addc(&sb, ' ');
	for (size_t c = r < n ? rows[r].start : 0; r < n && c < rows[r].end; c++) {
		char u[4];
		sb_add(&sb, u, utf8_encode(f->le.cp[c] == '\t' ? ' ' : f->le.cp[c], u));
	}
	draw_text(y, x - 1, width + 1, sb_str(&sb), focus ? R_FIELD_FOCUS : R_FIELD);
	if (focus && r < n && ta_row_of(rows, n, f->le.cur) == r)
		tui_cursor(y, x + ta_col(f->le.cp, &rows[r], f->le.cur));
	if (part == 0 && f->area_top > 0)
		draw_text(y, x + width + 1, 8, "（上有）", R_NOTE);
	if (part == k - 1 && (size_t)(f->area_top + k) < n)
		draw_text(y, x + width + 1, 8, "（下有）", R_NOTE);
	sb_release(&sb);
}

/* The columns a field's box takes (not for FK_INFO). */
static int box_width(const struct form_field *f, int fw)
{
	int w = 12;
	if (f->kind == FK_TEXT && f->multiline)
		return fw > AREA_MIN_WIDTH ? fw - 10 : fw;   /* room for （上有） beside it */
	if (f->kind == FK_TEXT) {
		w = TEXT_MAX_WIDTH;
		if (f->le.max && (int)f->le.max + 1 < w)
			w = (int)f->le.max + 1;
	} else if (f->kind == FK_CHOICE) {
		w = text_width("（请选择）");
		for (int k = 0; k < f->nchoices; k++)
			if (text_width(f->choices[k]) > w)
				w = text_width(f->choices[k]);
		w += 2;
	} else if (f->kind == FK_OUTCOME) {
		char buf[256];
		w = text_width(field_value(f, buf, sizeof buf)) + 2;
	}
	return w < fw ? w : fw;
}

/* The remark after a field: its own note, or a hint while it has the focus. */
static const char *field_note(const struct form *fm, int i)
{
	const struct form_field *f = &fm->f[i];
	if (f->info)
		return f->info;
	if (fm->focus == i && f->kind == FK_CHOICE)
		return "Enter 选择，Left/Right 切换";
	if (fm->focus == i && f->kind == FK_DATE)
		return "YYYY-MM-DD";
	return NULL;
}

static void field_rows(const struct form *fm, int i, const struct geom *g, struct rows *r)
{
	const struct form_field *f = &fm->f[i];
	if (f->kind == FK_INFO) {
		if (f->info)   /* without text the line is not shown (可能重复 while there is none) */
			add_wrapped(r, ROW_FIELD, ROW_MORE, i, f->info, g->fw);
	} else if (f->kind == FK_TEXT && f->multiline) {
		int k = area_rows(f);
		for (int part = 0; part < k; part++) {
			row_add(r, part ? ROW_AREA : ROW_FIELD, i, NULL);
			r->v[r->n - 1].part = part;
		}
	} else {
		row_add(r, ROW_FIELD, i, NULL);
		const char *note = field_note(fm, i);
		int room = g->fw - box_width(f, g->fw) - 2;
		if (note && text_width(note) > room)
			add_wrapped(r, ROW_NOTE, ROW_NOTE, i, note, g->fw);
	}
	if (f->problem)
		add_wrapped(r, ROW_PROBLEM, ROW_PROBLEM, i, f->problem, g->fw);
}

static void build_rows(const struct form *fm, const struct geom *g, struct rows *r)
{
	for (int i = 0; i < fm->n; i++) {
		if (fm->f[i].kind == FK_HEADING) {
			if (i > 0)
				row_add(r, ROW_BLANK, -1, NULL);
			row_add(r, ROW_HEADING, i, NULL);
		} else {
			field_rows(fm, i, g, r);
		}
	}
	row_add(r, ROW_BLANK, -1, NULL);
	row_add(r, ROW_BUTTONS, -1, NULL);
	for (size_t k = 0; k < fm->general.n; k++)
		add_wrapped(r, ROW_GENERAL, ROW_GENERAL, -1, fm->general.lines[k], g->w - 2);
}

/* Keeps the rows of the field in focus (with its problem) inside the h rows shown. */
static void scroll_to_focus(struct form *fm, const struct rows *r, int h)
{
	int first = -1, last = -1;
	for (size_t i = 0; i < r->n; i++) {
		bool mine = fm->focus >= fm->n ? r->v[i].kind == ROW_BUTTONS || r->v[i].kind ==
			ROW_GENERAL : r->v[i].field == fm->focus && r->v[i].kind != ROW_HEADING;
		if (mine) {
			if (first < 0)
				first = (int)i;
			last = (int)i;
		}
	}
	if (first < 0)
		return;
	if (last - fm->scroll >= h)
		fm->scroll = last - h + 1;
	if (first < fm->scroll)
		fm->scroll = first;
	/* show the heading just above the first field of a section too */
	if (first > 0 && first - 1 < fm->scroll && r->v[first - 1].kind == ROW_HEADING &&
	    last - (first - 1) < h)
		fm->scroll = first - 1;
	if (fm->scroll < 0)
		fm->scroll = 0;
}

static void draw_field(struct form *fm, const struct row *row, int y, const struct geom *g)
{
	int i = row->field;
	struct form_field *f = &fm->f[i];
	bool focus = fm->focus == i;
	f->y = y;
	draw_text_align(y, g->x, g->lw, f->label, TEXT_RIGHT, focus ? R_HEADING : R_NORMAL);
	if (f->kind == FK_INFO) {
		draw_text(y, g->fx, g->fw, row->text, f->notice ? R_WARNING : R_NORMAL);
		return;
	}
	int used = box_width(f, g->fw);
	if (f->kind == FK_TEXT && f->multiline) {
		draw_area(fm, i, row->part, y, g->fx + 1);
		return;
	}
	if (f->kind == FK_TEXT || f->kind == FK_DATE || f->kind == FK_NUMBER) {
		struct strbuf sb = STRBUF_INIT;
		int cx;
		le_view(&f->le, used, &sb, &cx);
		draw_text(y, g->fx, used, sb_str(&sb), focus ? R_FIELD_FOCUS : R_FIELD);
		if (focus)
			tui_cursor(y, g->fx + cx);
		sb_release(&sb);
	} else {
		char buf[256];
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, " %s", field_value(f, buf, sizeof buf));
		draw_text(y, g->fx, used, sb_str(&sb), focus ? R_FIELD_FOCUS : R_FIELD);
		sb_release(&sb);
	}
	const char *note = field_note(fm, i);
	int room = g->fw - used - 2;
	if (note && text_width(note) <= room)
		draw_text(y, g->fx + used + 2, room, note, R_NOTE);
}

static void draw_buttons(struct form *fm, int y, int x)
{
	fm->buttons_y = y;
	fm->save_x = x;
	int w = draw_str(y, x, COLS - x, "[ 保存 F2 ]", fm->focus == fm->n ? R_SELECTED : R_GOOD);
	fm->cancel_x = x + w + 3;
	draw_str(y, fm->cancel_x, COLS - fm->cancel_x, "[ 取消 Esc ]",
		 fm->focus == fm->n + 1 ? R_SELECTED : R_NORMAL);
}

static bool is_warning_line(const char *s)
{
	return strncmp(s, "提示", strlen("提示")) == 0 ||
	       strncmp(s, "以上有提示", strlen("以上有提示")) == 0 ||
	       strncmp(s, "请确认", strlen("请确认")) == 0 ||
	       strncmp(s, "仍要保存吗", strlen("仍要保存吗")) == 0;
}

static void draw_row(struct form *fm, const struct row *r, int y, const struct geom *g)
{
	switch (r->kind) {
	case ROW_FIELD: draw_field(fm, r, y, g); break;
	case ROW_AREA: draw_area(fm, r->field, r->part, y, g->fx + 1); break;
	case ROW_MORE:
		draw_text(y, g->fx, g->fw, r->text, fm->f[r->field].notice ? R_WARNING : R_NORMAL);
		break;
	case ROW_NOTE: draw_text(y, g->fx, g->fw, r->text, R_NOTE); break;
	case ROW_PROBLEM:
		draw_text(y, g->fx, g->fw, r->text, fm->f[r->field].warning ? R_WARNING : R_ERROR);
		break;
	case ROW_HEADING: draw_text(y, g->x, g->w, fm->f[r->field].label, R_HEADING); break;
	case ROW_BUTTONS: draw_buttons(fm, y, g->fx); break;
	case ROW_GENERAL:
		draw_text(y, g->x, g->w, r->text, is_warning_line(r->text) ? R_WARNING : R_ERROR);
		break;
	case ROW_BLANK: break;
	}
}

static void draw_form(struct tui *t, void *ctx)
{
	(void)t;
	struct form *fm = ctx;
	int top, height;
	tui_area(&top, &height);
	draw_popup(top, 0, height, COLS, fm->title);
	int y0 = top + 1, h = height - 2;
	struct geom g = { .x = 2, .w = COLS - 4, .lw = label_width(fm) };
	g.fx = g.x + g.lw + 2;
	g.fw = g.w - g.lw - 2;
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].kind == FK_TEXT && fm->f[i].multiline)
			area_follow(&fm->f[i], box_width(&fm->f[i], g.fw) - 1);
	struct rows r = { 0 };
	build_rows(fm, &g, &r);
	scroll_to_focus(fm, &r, h);
	for (int i = 0; i < fm->n; i++)
		fm->f[i].y = -1;
	fm->buttons_y = -1;
	for (int k = 0; k < h && (size_t)(fm->scroll + k) < r.n; k++)
		draw_row(fm, &r.v[fm->scroll + k], y0 + k, &g);
	if (fm->scroll > 0)
		draw_text(y0, COLS - 14, 12, "（上面还有）", R_NOTE);
	if ((size_t)(fm->scroll + h) < r.n)
		draw_text(y0 + h - 1, COLS - 14, 12, "（下面还有）", R_NOTE);
	rows_release(&r);
}

/* ---- running ---- */

static bool focusable(const struct form *fm, int i)
{
	return i >= fm->n || (fm->f[i].kind != FK_INFO && fm->f[i].kind != FK_HEADING);
}

static void move_focus(struct form *fm, int dir)
{
	int i = fm->focus;
	do
		i = (i + dir + fm->n + 2) % (fm->n + 2);
	while (!focusable(fm, i) && i != fm->focus);
	fm->focus = i;
}

/* PgDn / PgUp: the focus moves eight fields, stopping at the ends instead of wrapping. */
static void page_focus(struct form *fm, int dir)
{
	for (int k = 0; k < 8; k++) {
		int before = fm->focus;
		move_focus(fm, dir);
		if (dir > 0 ? fm->focus < before : fm->focus > before) {
			fm->focus = before;
			break;
		}
	}
}

static void field_changed(struct form *fm, int i)
{
	fm->warned = false;
	free(fm->f[i].problem);   /* said of the old value; the save checks again */
	fm->f[i].problem = NULL;
	if (fm->changed)
		fm->changed(fm, i, fm->ctx);
}

/* Enter on a field: pick a choice (key: the character typed on the field, which the list
 * opens finding) or an outcome; on a line of text, the next field. After a pick the focus
 * stays on the field, so that Tab goes on to the next one and skips none. */
static void choose(struct tui *t, struct form *fm, int key)
{
	struct form_field *f = &fm->f[fm->focus];
	if (f->kind == FK_CHOICE) {
		int c = prompt_pick_typed(t, f->label, (const char *const *)f->choices,
					  f->nchoices, f->choice, key);
		if (c >= 0 && c != f->choice) {
			f->choice = c;
			f->changed = true;
			field_changed(fm, fm->focus);
		}
	} else if (f->kind == FK_OUTCOME) {
		int o = dlg_outcome_pick(t, f->outcome);
		if (o >= 0 && o != f->outcome) {
			f->outcome = o;
			f->changed = true;
			field_changed(fm, fm->focus);
		}
	} else {
		move_focus(fm, 1);
	}
}

static void step_choice(struct form *fm, int dir)
{
	struct form_field *f = &fm->f[fm->focus];
	if (f->nchoices <= 0)
		return;
	f->choice = f->choice < 0 ? (dir > 0 ? 0 : f->nchoices - 1)
				  : (f->choice + dir + f->nchoices) % f->nchoices;
	f->changed = true;
	field_changed(fm, fm->focus);
}

static bool try_save(struct tui *t, struct form *fm)
{
	form_clear_problems(fm);
	if (fm->save(t, fm, fm->ctx))
		return true;
	/* to the first field with an error, so the clerk sees what stopped the save */
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].problem && !fm->f[i].warning) {
			fm->focus = i;
			return false;
		}
	fm->focus = fm->n;
	return false;
}

static bool give_up(struct tui *t, struct form *fm)
{
	return !form_changed(fm) ||
	       prompt_confirm(t, "放弃修改", "填写的内容还没有保存。放弃这些修改吗？");
}

static void click(struct form *fm)
{
	int y, x, wheel;
	if (!input_mouse(&y, &x, &wheel) || wheel)
		return;
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].y == y && focusable(fm, i))
			fm->focus = i;
	if (y == fm->buttons_y)
		fm->focus = x >= fm->cancel_x ? fm->n + 1 : x >= fm->save_x ? fm->n : fm->focus;
}

/* Up, Down, Home and End inside a text box: true when the key moved the cursor in it (at the
 * box's first or last row Up and Down leave it, as in any form). */
static bool area_key(struct form *fm, struct form_field *f, int key)
{
	if (key != KM_UP && key != KM_DOWN && key != KM_HOME && key != KM_END)
		return false;
	(void)fm;
	/* at the width the box was last drawn at */
	area_relayout(f, f->area_width > 1 ? f->area_width : 40);
	const struct ta_row *rows = f->rows;
	size_t n = f->nrows, r = ta_row_of(rows, n, f->le.cur), cur = f->le.cur;
	if (key == KM_UP || key == KM_DOWN)
		cur = ta_move(f->le.cp, rows, n, cur, key == KM_UP ? -1 : 1);
	else if (key == KM_HOME)
		cur = rows[r].start;
	else
		cur = rows[r].end > rows[r].start && r + 1 < n && rows[r + 1].start == rows[r].end
			? rows[r].end - 1 : rows[r].end;
	bool moved = cur != f->le.cur || key == KM_HOME || key == KM_END;
	f->le.cur = cur;
	return moved;
}

/* One key; returns 1 when saved, -1 when given up, 0 to go on. */
static int form_key(struct tui *t, struct form *fm, int key)
{
	enum action a = km_lookup(fm->scope, key);
	bool on_button = fm->focus >= fm->n;
	struct form_field *f = on_button ? NULL : &fm->f[fm->focus];
	if (key == KM_MOUSE) {
		click(fm);
		return 0;
	}
	if (f && f->multiline && area_key(fm, f, key))
		return 0;
	if ((a == A_NEWLINE || (a == A_CHOOSE && key == KM_ENTER)) && f && f->multiline) {
		if (le_insert_break(&f->le))
			field_changed(fm, fm->focus);
		else
			form_problem(fm, fm->focus, false, "最多 %zu 字，已写满，多出的字没有写入",
				     f->le.max);
		return 0;
	}
	if (a == A_NEWLINE)
		a = A_CHOOSE;   /* a text of one line: Ctrl-J is Enter */
	switch (a) {
	case A_SAVE: return try_save(t, fm) ? 1 : 0;
	case A_CANCEL: return give_up(t, fm) ? -1 : 0;
	case A_FIELD_NEXT: move_focus(fm, 1); return 0;
	case A_FIELD_PREV: move_focus(fm, -1); return 0;
	case A_PGDN: page_focus(fm, 1); return 0;
	case A_PGUP: page_focus(fm, -1); return 0;
	case A_HELP: tui_help(t, fm->scope); return 0;
	case A_CHOOSE:
		if (fm->focus == fm->n)
			return try_save(t, fm) ? 1 : 0;
		if (fm->focus == fm->n + 1)
			return give_up(t, fm) ? -1 : 0;
		choose(t, fm, KM_NONE);
		return 0;
	default:
		if (a != A_NONE && fm->action && fm->action(t, fm, a, fm->ctx))
			return 0;
		break;
	}
	bool typed = a == A_NONE && key > ' ' && key < KM_BASE && key != 0x7f;
	if (!f) {
		if (typed)
			tui_message(t, true, "光标在按钮上，输入的字没有写入；按 Tab 或 ↑ 回到要填的一项");
		return 0;
	}
	if (f->kind == FK_CHOICE && (a == A_CURSOR_LEFT || a == A_CURSOR_RIGHT)) {
		step_choice(fm, a == A_CURSOR_LEFT ? -1 : 1);
	} else if (f->kind == FK_CHOICE || f->kind == FK_OUTCOME) {
		if (key == ' ')
			choose(t, fm, KM_NONE);
		else if (typed && f->kind == FK_CHOICE)
			choose(t, fm, key);   /* the list opens, finding what is typed */
		else if (typed)
			tui_message(t, true, "「%s」从列表中选择（按 Enter 或空格），输入的字没有写入",
				    f->label);
	} else if (typed && f->le.max && f->le.n >= f->le.max) {
		form_problem(fm, fm->focus, false, "最多 %zu 字，已写满，多出的字没有写入",
			     f->le.max);
	} else if (prompt_edit(&f->le, a, key) && (a == A_NONE || a == A_DELETE_BACK ||
						    a == A_DELETE || a == A_CLEAR)) {
		field_changed(fm, fm->focus);
	}
	return 0;
}

bool form_run(struct tui *t, struct form *fm)
{
	fm->focus = 0;
	if (!focusable(fm, 0))
		move_focus(fm, 1);
	tui_push_overlay(draw_form, fm, fm->scope);
	int done = 0;
	while (!done) {
		int before = fm->focus;
		done = form_key(t, fm, tui_key(t));
		if (!done && fm->left && fm->focus != before && before < fm->n)
			fm->left(t, fm, before, fm->ctx);
	}
	tui_pop_overlay();
	return done > 0;
}
