/*
 * tui.c — the terminal interface's main loop and chrome: the screen names at the top, the
 * status line and the key-hint bar at the bottom, messages, help, and the actions every screen
 * shares (moving, switching screens, help, quitting).
 *
 * Keys become actions through keymap (the current screen's scope first); the screen handles
 * its own, the loop the rest. Input waits at most a second, so the loop notices another clerk's
 * change (store_changed_elsewhere) and a signal (input.c) without a keypress. Curses is ended
 * on every way out: quitting, a signal, and a fatal allocation failure (xmem's hook).
 */
#include "tui.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "draw.h"
#include "input.h"
#include "pager.h"
#include "prompt.h"
#include "store.h"
#include "strbuf.h"
#include "xmem.h"

#define POLL_MS 1000
#define MESSAGE_SECONDS 10   /* a message left untouched this long makes way for the status */

struct overlay {
	tui_overlay_fn *fn;
	void *ctx;
	enum km_scope scope;
};
static struct overlay overlays[8];
static int noverlays;
static int cursor_y = -1, cursor_x;
static bool curses_on;
static struct tui *the_tui;   /* for the exit paths that have no context: signals, xmem */

static int tab_x[TUI_MAX_SCREENS + 1];   /* where each screen's name is on the top line */

struct view *view_new(const struct view_ops *ops)
{
	struct view *v = xcalloc(1, sizeof *v);
	v->ops = ops;
	v->priv = xcalloc(1, ops->size ? ops->size : 1);
	if (ops->init)
		ops->init(v);
	return v;
}

void view_free(struct view **v)
{
	if (!*v)
		return;
	if ((*v)->ops->release)
		(*v)->ops->release(*v);
	free((*v)->priv);
	free(*v);
	*v = NULL;
}

static void end_curses(void)
{
	if (curses_on) {
		endwin();
		curses_on = false;
	}
}

static void fatal_hook(void)
{
	end_curses();
}

/* A signal arrived (seen outside its handler): restore the terminal, close the database
 * (everything saved is committed: each change is its own transaction), and exit. */
static void on_signal(int sig)
{
	end_curses();
	if (the_tui)
		store_close(&the_tui->s);
	_exit(128 + sig);
}

bool tui_big_enough(void)
{
	return COLS >= TUI_MIN_COLS && LINES >= TUI_MIN_LINES;
}

void tui_area(int *top, int *height)
{
	*top = 1;
	*height = LINES - 3;
}

void tui_cursor(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

void tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	free(t->msg);
	t->msg = xvasprintf(fmt, ap);
	va_end(ap);
	t->msg_error = error;
	t->msg_at = (long long)time(NULL);
}

void tui_fail(struct tui *t, enum status st, const struct diag *d)
{
	if (d && d->n > 1)
		tui_message(t, true, "%s（另有 %zu 条问题）", d->lines[0], d->total - 1);
	else if (d && d->n == 1)
		tui_message(t, true, "%s", d->lines[0]);
	else
		tui_message(t, true, "%s", status_message(st));
}

bool tui_refuse_readonly(struct tui *t)
{
	if (!t->readonly)
		return false;
	tui_message(t, true, "数据库是只读的（%s），只能查看，不能修改", store_path(t->s));
	return true;
}

static struct view *top_view(const struct tui *t)
{
	return t->stack[t->depth - 1];
}

static bool is_screen(const struct tui *t, const struct view *v)
{
	for (size_t i = 0; i < t->nscreens; i++)
		if (t->screens[i] == v)
			return true;
	return false;
}

static void count_late(struct tui *t)
{
	struct list_query q = { .filter = LF_LATE, .today = t->today };
	struct diag d = DIAG_INIT;
	if (store_list_count(t->s, &q, &t->late, &d) != ST_OK)
		t->late = -1;
	diag_release(&d);
}

static void show(struct tui *t, struct view *v)
{
	t->stack[t->depth++] = v;
	if (v->ops->layout)
		v->ops->layout(t, v);
	if (v->ops->enter)
		v->ops->enter(t, v);
}

/* Closes the top view, freeing it unless it is a screen of the top line. */
static void drop_top(struct tui *t)
{
	struct view *v = t->stack[--t->depth];
	if (!is_screen(t, v))
		view_free(&v);
}

void tui_push(struct tui *t, struct view *v)
{
	if (t->depth >= (int)(sizeof t->stack / sizeof t->stack[0])) {
		view_free(&v);
		return;
	}
	show(t, v);
}

void tui_pop(struct tui *t)
{
	if (t->depth <= 1)
		return;
	drop_top(t);
	struct view *v = top_view(t);
	if (v->ops->layout)
		v->ops->layout(t, v);
	if (v->ops->reload)
		v->ops->reload(t, v);
}

static void switch_to(struct tui *t, struct view *v)
{
	while (t->depth > 0)
		drop_top(t);
	show(t, v);
}

void tui_changed(struct tui *t)
{
	count_late(t);
	struct view *v = top_view(t);
	if (v->ops->reload)
		v->ops->reload(t, v);
}

void tui_push_overlay(tui_overlay_fn *fn, void *ctx, enum km_scope scope)
{
	if (noverlays < (int)(sizeof overlays / sizeof overlays[0]))
		overlays[noverlays++] = (struct overlay){ fn, ctx, scope };
}

void tui_pop_overlay(void)
{
	if (noverlays > 0)
		noverlays--;
	/* The terminal blanked whole double-width characters that the popup's edge cut through,
	 * which curses does not know: repaint every line rather than only the cells it thinks
	 * changed, or a character under the edge would stay missing. */
	redrawwin(stdscr);
}

/* ---- chrome ---- */

static void draw_tabs(const struct tui *t)
{
	draw_fill(0, 0, COLS, R_TAB);
	int x = 1;
	for (size_t i = 0; i < t->nscreens; i++) {
		char label[64];
		snprintf(label, sizeof label, " %zu %s ", i + 1, t->screens[i]->ops->name);
		bool active = t->stack[0] == t->screens[i];
		tab_x[i] = x;
		x += draw_str(0, x, COLS - x, label, active ? R_TAB_ACTIVE : R_TAB) + 1;
	}
	tab_x[t->nscreens] = x;
	if (t->depth > 1) {
		char label[64];
		snprintf(label, sizeof label, "› %s ", top_view(t)->ops->name);
		x += draw_str(0, x, COLS - x, label, R_TAB);
	}
	const char *title = "gongkai 政府信息公开申请台账";
	int w = text_width(title);
	if (COLS - x > w + 2)
		draw_str(0, COLS - w - 1, w, title, R_TAB);
}

static void draw_status(struct tui *t)
{
	int y = LINES - 2;
	if (t->msg) {
		/* a message too long for the line takes the lines above it too (up to three), over
		 * the screen's last rows, so what it tells the clerk to do is not cut off */
		struct text_lines lines = { 0 };
		text_wrap(t->msg, COLS - 2, &lines);
		size_t n = lines.n < 3 ? lines.n : 3;
		for (size_t i = 0; i < n; i++) {
			int row = y - (int)(n - 1 - i);
			draw_fill(row, 0, COLS, R_NORMAL);
			draw_text(row, 1, COLS - 1, lines.line[i], t->msg_error ? R_ERROR : R_GOOD);
		}
		text_lines_release(&lines);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	struct view *v = top_view(t);
	sb_addf(&sb, " %s", v->ops->name);
	const struct pager *pg = v->pager;
	if (noverlays) {
		/* a form or a list is open over the screen: the screen's own position means nothing */
		sb_addf(&sb, " › %s", km_scope_title(overlays[noverlays - 1].scope));
	} else if (v->ops->status) {
		sb_adds(&sb, "  |  ");
		v->ops->status(t, v, &sb);
	}
	if (!noverlays && pg && pg->n > (size_t)pg->height)
		sb_addf(&sb, "  |  第 %d 至 %d 行，共 %zu 行", pg->top + 1,
			pg->top + pg->height < (int)pg->n ? pg->top + pg->height : (int)pg->n,
			pg->n);
	if (t->late >= 0)
		sb_addf(&sb, "  |  已逾期 %lld 件", t->late);
	if (t->readonly)
		sb_adds(&sb, "  |  只读");
	draw_text(y, 0, COLS, sb_str(&sb), R_STATUS);
	sb_release(&sb);
}

/* The hint bar: each "key label" item with its key picked out. */
static void draw_hints(enum km_scope scope)
{
	int y = LINES - 1;
	struct strbuf sb = STRBUF_INIT;
	km_hints(scope, COLS - 2, &sb);
	draw_fill(y, 0, COLS, R_HINT);
	const char *p = sb_str(&sb);
	int x = 1;
	while (*p) {
		const char *end = strstr(p, "  "), *space = strchr(p, ' ');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t klen = space && (size_t)(space - p) < len ? (size_t)(space - p) : len;
		char *key = xstrndup(p, klen), *label = xstrndup(p + klen, len - klen);
		x += draw_str(y, x, COLS - x, key, R_HINT_KEY);
		x += draw_str(y, x, COLS - x, label, R_HINT) + 2;
		free(key);
		free(label);
		p += len;
		while (*p == ' ')
			p++;
	}
	sb_release(&sb);
}

static enum km_scope current_scope(const struct tui *t)
{
	if (noverlays)
		return overlays[noverlays - 1].scope;
	return top_view(t)->ops->scope(top_view(t));
}

void tui_draw(struct tui *t)
{
	cursor_y = -1;
	erase();
	if (!tui_big_enough()) {
		draw_too_small(TUI_MIN_COLS, TUI_MIN_LINES);
	} else {
		draw_tabs(t);
		top_view(t)->ops->draw(t, top_view(t));
		draw_status(t);
		draw_hints(current_scope(t));
		for (int i = 0; i < noverlays; i++)
			overlays[i].fn(t, overlays[i].ctx);
	}
	if (cursor_y >= 0 && tui_big_enough()) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* ---- timings for the benchmark ($GONGKAI_BENCH) ---- */

/*
 * With GONGKAI_BENCH=FILE the interface appends to FILE how long it took: from its start to
 * the first full screen, and from each key to the screen drawn after it (the handling, any
 * database work and the redraw), and its peak memory when it ends. bench/tui_timing reads it.
 */
static FILE *bench_out;
static double bench_start, bench_key_at = -1;
static int bench_key;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void bench_open(void)
{
	const char *path = getenv("GONGKAI_BENCH");
	bench_start = now_ms();
	if (path && *path)
		bench_out = fopen(path, "a");
}

/* After a draw: the first screen, or the key that led to it. */
static void bench_drawn(void)
{
	static bool first_done;
	if (!bench_out)
		return;
	if (!first_done) {
		fprintf(bench_out, "first_screen\t%.3f\n", now_ms() - bench_start);
		first_done = true;
	} else if (bench_key_at >= 0) {
		char name[16];
		fprintf(bench_out, "key %s\t%.3f\n", km_key_name(bench_key, name),
			now_ms() - bench_key_at);
	}
	bench_key_at = -1;
	fflush(bench_out);
}

static void bench_close(void)
{
	if (!bench_out)
		return;
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		fprintf(bench_out, "peak_kb\t%ld\n", ru.ru_maxrss);
	fclose(bench_out);
	bench_out = NULL;
}

/* ---- input shared by every loop ---- */

static void relayout(struct tui *t)
{
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i]->ops->layout)
			t->stack[i]->ops->layout(t, t->stack[i]);
}

static void poll_changes(struct tui *t)
{
	if (store_changed_elsewhere(t->s))
		tui_changed(t);
}

int tui_key(struct tui *t)
{
	for (;;) {
		tui_draw(t);
		bench_drawn();
		int key = input_key(POLL_MS);
		if (key == KM_TIMEOUT) {
			poll_changes(t);
			if (t->msg && (long long)time(NULL) - t->msg_at >= MESSAGE_SECONDS) {
				free(t->msg);   /* the status line comes back */
				t->msg = NULL;
			}
			continue;
		}
		if (key == KM_RESIZE) {
			relayout(t);
			continue;
		}
		bench_key = key;
		bench_key_at = now_ms();
		return key;
	}
}

/* ---- help ---- */

struct help {
	struct pager pager;
	const char *title;
};

static void draw_help(struct tui *t, void *ctx)
{
	(void)t;
	struct help *h = ctx;
	int top, height;
	tui_area(&top, &height);
	for (int y = top; y < top + height; y++)
		draw_fill(y, 0, COLS, R_NORMAL);
	draw_fill(top, 0, COLS, R_HEADING);
	draw_text(top, 1, COLS - 2, h->title, R_HEADING);
	pager_draw(&h->pager, top + 1, 2, height - 1, COLS - 3);
}

void tui_help(struct tui *t, enum km_scope scope)
{
	struct help h = { { 0 }, NULL };
	char title[128];
	snprintf(title, sizeof title, "帮助：%s 的按键（Esc 返回）", km_scope_title(scope));
	h.title = title;
	struct strbuf sb = STRBUF_INIT;
	km_help(scope, COLS - 4, &sb);
	struct text_lines lines = { 0 };
	text_wrap(sb_str(&sb), 1000, &lines);
	for (size_t i = 0; i < lines.n; i++)
		pager_add(&h.pager, lines.line[i][0] == ' ' || !lines.line[i][0] ? R_NORMAL : R_HEADING,
			lines.line[i]);
	if (scope == KS_REPORT || scope == KS_TALLY) {
		pager_blank(&h.pager);
		pager_add_wrapped(&h.pager, R_NOTE, "表四的统计口径：本年提起的复议、诉讼，以及此前提起、"
				"1 月 1 日尚未审结的，12 月 31 日仍未审结的计入「尚未审结」（国家格式对"
				"以前年度提起的案件未作规定，这是本程序的做法）。", 0, 76);
	}
	text_lines_release(&lines);
	sb_release(&sb);
	tui_push_overlay(draw_help, &h, KS_HELP);
	for (;;) {
		int key = tui_key(t);
		enum action a = km_lookup(KS_HELP, key);
		if (a == A_BACK)
			break;
		pager_scroll(&h.pager, a);
	}
	tui_pop_overlay();
	pager_release(&h.pager);
}

/* ---- the main loop ---- */

static void move_cursor(struct tui *t, struct view *v, enum action a)
{
	bool ok = true;
	if (v->lv) {
		switch (a) {
		case A_UP: ok = lv_move(v->lv, v->src, -1); break;
		case A_DOWN: ok = lv_move(v->lv, v->src, 1); break;
		case A_PGUP: ok = lv_page(v->lv, v->src, -1); break;
		case A_PGDN: ok = lv_page(v->lv, v->src, 1); break;
		case A_HOME: ok = v->src ? lv_home(v->lv, v->src) : lv_select(v->lv, 0); break;
		case A_END: ok = v->src ? lv_end(v->lv, v->src)
					: lv_select(v->lv, v->lv->n ? v->lv->n - 1 : 0); break;
		default: break;
		}
	} else if (v->pager) {
		pager_scroll(v->pager, a);
	}
	if (!ok)
		tui_message(t, true, "读取列表失败，请稍后再试");
}

static void click(struct tui *t, struct view *v)
{
	int y, x, wheel;
	if (!input_mouse(&y, &x, &wheel))
		return;
	if (wheel) {
		for (int i = 0; i < 3; i++)
			move_cursor(t, v, wheel < 0 ? A_UP : A_DOWN);
		return;
	}
	if (y == 0) {
		for (size_t i = 0; i < t->nscreens; i++)
			if (x >= tab_x[i] && x < tab_x[i + 1])
				switch_to(t, t->screens[i]);
		return;
	}
	int top, height;
	tui_area(&top, &height);
	if (y >= top && y < top + height && v->ops->click)
		v->ops->click(t, v, y, x);
}

static void generic(struct tui *t, struct view *v, enum action a, enum km_scope sc,
		    int key)
{
	char name[16];
	switch (a) {
	case A_SCROLL_LEFT: case A_SCROLL_RIGHT:
		if (v->pager)
			pager_scroll(v->pager, a);
		break;
	case A_UP: case A_DOWN: case A_PGUP: case A_PGDN: case A_HOME: case A_END:
		move_cursor(t, v, a);
		break;
	case A_HELP: tui_help(t, sc); break;
	case A_QUIT:
		if (t->depth > 1)
			tui_pop(t);
		else if (top_view(t) != t->screens[0])
			switch_to(t, t->screens[0]);
		else
			t->quit = true;
		break;
	case A_BACK: tui_pop(t); break;
	case A_SCREEN_LIST: case A_SCREEN_TALLY: case A_SCREEN_REPORT: case A_SCREEN_CAL:
	case A_SCREEN_SETTINGS:
		if ((size_t)(a - A_SCREEN_LIST) < t->nscreens)
			switch_to(t, t->screens[a - A_SCREEN_LIST]);
		break;
	case A_REDRAW: clearok(curscr, TRUE); break;
	case A_QUIT_ASK:
		if (prompt_confirm(t, "退出", "退出 gongkai 吗？（已保存的内容都在数据库中）"))
			t->quit = true;
		break;
	default:
		if (key != KM_ESC)
			tui_message(t, false, "按键 %s 在本屏没有作用；按 F1 查看可用的按键",
				    km_key_name(key, name));
		break;
	}
}

void tui_switch(struct tui *t, size_t i)
{
	if (i < t->nscreens)
		switch_to(t, t->screens[i]);
}

static void run(struct tui *t)
{
	while (!t->quit) {
		int key = tui_key(t);
		free(t->msg);
		t->msg = NULL;
		struct view *v = top_view(t);
		if (!tui_big_enough()) {
			if (key == 'q' || key == KM_F10)
				t->quit = true;
			continue;
		}
		if (key == KM_MOUSE) {
			click(t, v);
			continue;
		}
		enum km_scope sc = v->ops->scope(v);
		enum action a = km_lookup(sc, key);
		if (v->ops->handle && v->ops->handle(t, v, a, key))
			continue;
		generic(t, v, a, sc, key);
	}
}

enum status tui_run(struct store *s, int today, const struct view_ops *const *screens,
		    size_t n)
{
	bench_open();
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "gongkai: 终端界面需要在终端中运行（脚本请使用命令，见 gongkai --help）\n");
		return ST_USAGE;
	}
	struct tui t = { .s = s, .today = today, .year = date_year(today),
			 .readonly = store_readonly(s), .late = -1 };
	the_tui = &t;
	input_signals(on_signal);
	xmem_set_fatal_hook(fatal_hook);
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		const char *term = getenv("TERM");
		fprintf(stderr, "gongkai: 无法在这个终端中显示界面（TERM=%s）；请检查 TERM 设置\n",
			term && *term ? term : "未设置");
		return ST_USAGE;   /* like a command that cannot work here (statuses: docs/manual.md) */
	}
	curses_on = true;
	draw_init();
	input_init();
	curs_set(0);
	count_late(&t);
	for (size_t i = 0; i < n && i < TUI_MAX_SCREENS; i++)
		t.screens[t.nscreens++] = view_new(screens[i]);
	switch_to(&t, t.screens[0]);
	if (t.readonly)
		tui_message(&t, true, "数据库是只读的（%s）：只能查看，不能修改", store_path(s));
	/* the first screen greets the clerk with what is due today (scr_list.c), if anything */
	struct view *first = top_view(&t);
	if (first->ops->handle && tui_big_enough())
		first->ops->handle(&t, first, A_AGENDA, KM_NONE);
	run(&t);
	while (t.depth > 0)
		drop_top(&t);
	for (size_t i = 0; i < t.nscreens; i++)
		view_free(&t.screens[i]);
	end_curses();
	delscreen(scr);
	bench_close();
	free(t.msg);
	the_tui = NULL;
	return ST_OK;
}
