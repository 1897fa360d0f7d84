/*
 * scr_calendar.c — screen 4, 节假日: the days of a year that the State Council's notice makes
 * holidays (放假) or working weekend days (调休上班), and adding a year's notice from its CSV
 * file (i) or one day by hand (a, or Enter on a day).
 *
 * Every deadline counts working days with this calendar, so a change here recomputes the due
 * dates of the open applications (store_holidays_put does it in the same transaction).
 */
#include "scr_calendar.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "draw.h"
#include "form.h"
#include "prompt.h"
#include "scr_year.h"
#include "store.h"
#include "strbuf.h"
#include "syserr.h"
#include "text.h"
#include "xmem.h"

#define MAX_CSV (4 << 20)   /* a year's notice is a few kilobytes */

struct calendar_screen {
	struct cal_entry *e;   /* the days of t->year with an arrangement */
	size_t n;
	struct listview lv;
	int y0, rows;
	bool ready;
};

static enum km_scope scope(struct view *v)
{
	(void)v;
	return KS_CALENDAR;
}

static void init(struct view *v)
{
	struct calendar_screen *C = v->priv;
	v->lv = &C->lv;
}

static void release(struct view *v)
{
	struct calendar_screen *C = v->priv;
	free(C->e);
}

static void load(struct tui *t, struct view *v)
{
	struct calendar_screen *C = v->priv;
	const struct calendar *cal = store_calendar(t->s);
	size_t n = calendar_year_entries(cal, t->year, NULL, 0);
	free(C->e);
	C->e = xcalloc(n + 1, sizeof *C->e);
	C->n = calendar_year_entries(cal, t->year, C->e, n);
	lv_set_all(&C->lv, C->n);
}

static void layout(struct tui *t, struct view *v)
{
	(void)t;
	struct calendar_screen *C = v->priv;
	int top, height;
	tui_area(&top, &height);
	C->y0 = top + 3;
	C->rows = height - 3 > 1 ? height - 3 : 1;
	if (!C->ready) {
		lv_init(&C->lv, C->rows, 0);
		C->ready = true;
	}
	lv_set_height(&C->lv, C->rows);
}

static void draw(struct tui *t, struct view *v)
{
	const struct calendar_screen *C = v->priv;
	const struct calendar *cal = store_calendar(t->s);
	int top, height;
	tui_area(&top, &height);
	(void)height;
	int workdays = calendar_workdays_between(cal, date_from_ymd(t->year - 1, 12, 31),
						 date_from_ymd(t->year, 12, 31));
	char line[256];
	bool has = calendar_has_year(cal, t->year);
	snprintf(line, sizeof line, "%d 年节假日安排：%s全年工作日 %d 天", t->year,
		 has ? "已录入国务院办公厅通知，" : "", workdays);
	draw_text(top, 1, COLS - 2, line, R_HEADING);
	if (!has)
		draw_text(top + 1, 1, COLS - 2, "本年度节假日安排未录入，期限按周末推算。"
			  "按 i 从 CSV 文件导入通知（date,kind,name），或按 a 逐日添加。", R_WARNING);
	draw_fill(C->y0 - 1, 0, COLS, R_HEADER);
	draw_text(C->y0 - 1, 1, 12, "日期", R_HEADER);
	draw_text(C->y0 - 1, 14, 6, "星期", R_HEADER);
	draw_text(C->y0 - 1, 21, 10, "安排", R_HEADER);
	draw_text(C->y0 - 1, 32, COLS - 33, "名称", R_HEADER);
	for (int r = 0; r < C->rows && C->lv.top + (size_t)r < C->n; r++) {
		size_t i = C->lv.top + (size_t)r;
		const struct cal_entry *e = &C->e[i];
		enum draw_role role = i == C->lv.cur ? R_SELECTED : e->kind == CAL_WORK ? R_WARNING
			: R_NORMAL;
		char buf[DATE_BUF];
		int y = C->y0 + r;
		draw_fill(y, 0, COLS, role);
		if (i == C->lv.cur)
			draw_text(y, 0, 1, ">", role);
		draw_text(y, 1, 12, date_format(e->day, buf), role);
		draw_text(y, 14, 6, date_weekday_name(e->day), role);
		draw_text(y, 21, 10, e->kind == CAL_OFF ? "放假" : "调休上班", role);
		draw_text(y, 32, COLS - 33, e->name, role);
	}
}

/* ---- importing a notice ---- */

static char *read_file(const char *path, size_t *len, struct diag *d)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		diag_add(d, "无法打开 %s：%s", path, syserr_reason(errno).text);
		return NULL;
	}
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0 && sb.len <= MAX_CSV)
		sb_add(&sb, buf, n);
	bool bad = ferror(fp) || sb.len > MAX_CSV;
	fclose(fp);
	if (bad) {
		diag_add(d, "%s：%s", path, sb.len > MAX_CSV ? "文件太大，不是节假日通知" : "读取失败");
		sb_release(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb.len ? sb_detach(&sb) : xstrdup("");
}

/* The rows of cal (all its days) for the store; names borrowed from cal. */
static struct holiday_row *rows_of(const struct calendar *cal, size_t *n)
{
	int lo = date_from_ymd(DATE_MIN_YEAR, 1, 1), hi = date_from_ymd(DATE_MAX_YEAR, 12, 31);
	*n = calendar_entries(cal, lo, hi, NULL, 0);
	struct cal_entry *e = xcalloc(*n + 1, sizeof *e);
	struct holiday_row *rows = xcalloc(*n + 1, sizeof *rows);
	calendar_entries(cal, lo, hi, e, *n);
	for (size_t i = 0; i < *n; i++)
		rows[i] = (struct holiday_row){ e[i].day, e[i].kind, e[i].name };
	free(e);
	return rows;
}

static void import(struct tui *t)
{
	if (tui_refuse_readonly(t))
		return;
	char *path = prompt_line(t, "导入节假日通知", "CSV 文件（date,kind,name；kind 为 off 或 work）：",
				 "", 0);
	if (!path || !*path) {
		free(path);
		return;
	}
	struct diag d = DIAG_INIT;
	size_t len = 0, n = 0;
	char *text = read_file(path, &len, &d);
	struct calendar *cal = calendar_new();
	enum status st = text ? calendar_load_csv(cal, text, len, &d) : ST_NOINPUT;
	struct holiday_row *rows = st == ST_OK ? rows_of(cal, &n) : NULL;
	if (st == ST_OK && n == 0) {
		diag_add(&d, "%s 中没有任何日期", path);
		st = ST_DATA;
	}
	if (st == ST_OK)
		st = store_holidays_put(t->s, rows, n, &d);
	if (st == ST_DATA && d.n > 1)
		prompt_show(t, "导入失败", "文件有以下问题，未导入任何内容：", &d);
	else if (st != ST_OK)
		tui_fail(t, st, &d);
	else {
		int y0 = date_year(rows[0].day), y1 = date_year(rows[n - 1].day);
		if (y1 != y0)
			tui_message(t, false, "已导入 %zu 天（%d 至 %d 年）；办理中申请的到期日已重新计算",
				    n, y0, y1);
		else
			tui_message(t, false, "已导入 %zu 天（%d 年）；办理中申请的到期日已重新计算", n, y0);
		for (int y = y0; y <= y1; y++)
			if (!calendar_has_year(store_calendar(t->s), y)) {
				tui_message(t, true, "已导入 %zu 天，但 %d 年没有春节放假的日期，仍视为该年"
					    "节假日安排未录入（期限按周末推算）；请导入完整的通知", n, y);
				break;
			}
		t->year = y0;
		tui_changed(t);
	}
	free(rows);
	calendar_free(&cal);
	free(text);
	free(path);
	diag_release(&d);
}

/* ---- one day ---- */

struct day_job {
	int day, kind, name;
	const struct calendar *cal;
};

/* Another date typed: the form shows that day's arrangement when the calendar has one, and
 * otherwise no longer the name of the day it was opened on (unless the clerk typed one). */
static void day_changed(struct form *fm, int field, void *ctx)
{
	struct day_job *j = ctx;
	if (field != j->day)
		return;
	char *text = form_get_text(fm, j->day);
	int day;
	enum cal_kind kind;
	const char *name;
	if (date_parse(text, strlen(text), &day) && calendar_entry(j->cal, day, &kind, &name)) {
		fm->f[j->kind].choice = kind == CAL_WORK ? 1 : 0;
		form_set_text(fm, j->name, name);
	} else if (!fm->f[j->name].le.changed) {
		form_set_text(fm, j->name, NULL);
	}
	free(text);
}

static const char *const kinds[] = { "放假", "调休上班" };

static bool save_day(struct tui *t, struct form *fm, void *ctx)
{
	struct day_job *j = ctx;
	int day;
	bool ok = form_get_date(fm, j->day, &day);
	if (ok && day == DATE_NONE) {
		form_problem(fm, j->day, false, "请填写日期");
		ok = false;
	}
	enum cal_kind kind = form_get_choice(fm, j->kind) == 1 ? CAL_WORK : CAL_OFF;
	const char *odd = ok ? calendar_row_problem(day, kind) : NULL;
	if (odd) {
		char buf[DATE_BUF];
		form_problem(fm, j->kind, true, "%s %s", date_format(day, buf), odd);
		ok = form_warnings_seen(fm);   /* saved on the second F2 */
	}
	char *name = form_get_text(fm, j->name);
	size_t chars = utf8_chars(name, strlen(name));
	if (chars < 1 || chars > 50) {
		form_problem(fm, j->name, false, "名称应为 1 到 50 个字，如 国庆节");
		ok = false;
	}
	struct diag d = DIAG_INIT;
	struct holiday_row row = { day, kind, name };
	enum status st = ok ? store_holidays_put(t->s, &row, 1, &d) : ST_DATA;
	if (ok && st != ST_OK) {
		for (size_t i = 0; i < d.n; i++)
			diag_add(&fm->general, "%s", d.lines[i]);
		tui_fail(t, st, &d);
	} else if (ok) {
		char buf[DATE_BUF];
		tui_message(t, false, "已保存 %s %s（%s）；办理中申请的到期日已重新计算",
			    date_format(day, buf), kinds[row.kind == CAL_WORK], name);
		t->year = date_year(day);
	}
	diag_release(&d);
	free(name);
	return ok && st == ST_OK;
}

static void edit_day(struct tui *t, const struct calendar_screen *C)
{
	if (tui_refuse_readonly(t))
		return;
	const struct cal_entry *e = C->n ? &C->e[C->lv.cur] : NULL;
	struct day_job j;
	struct form fm;
	form_init(&fm, "添加或修改一天", save_day, &j);
	j.day = form_date(&fm, "日期", -1, e ? e->day : t->today);
	j.kind = form_choice(&fm, "安排", -1, kinds, 2, e && e->kind == CAL_WORK ? 1 : 0);
	j.name = form_text(&fm, "名称", -1, e ? e->name : NULL, 50);
	form_note(&fm, j.name, "如 春节、国庆节；保存后所有办理中申请的到期日按新安排重新计算");
	fm.changed = day_changed;
	j.cal = store_calendar(t->s);
	if (form_run(t, &fm))
		tui_changed(t);
	form_release(&fm);
}

static bool handle(struct tui *t, struct view *v, enum action a, int key)
{
	(void)key;
	struct calendar_screen *C = v->priv;
	bool changed;
	if (a == A_CAL_IMPORT) {
		import(t);
		return true;
	}
	if (a == A_CAL_DAY) {
		edit_day(t, C);
		return true;
	}
	if (!scr_year_action(t, a, &changed))
		return false;
	if (changed) {
		load(t, v);
		lv_select(&C->lv, 0);
	}
	return true;
}

static void click(struct tui *t, struct view *v, int y, int x)
{
	(void)t;
	(void)x;
	struct calendar_screen *C = v->priv;
	if (y >= C->y0)
		lv_select(&C->lv, C->lv.top + (size_t)(y - C->y0));
}

const struct view_ops scr_calendar_ops = {
	.name = "节假日",
	.size = sizeof(struct calendar_screen),
	.init = init,
	.release = release,
	.scope = scope,
	.enter = load,
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.reload = load,
	.status = yearpage_status,
	.click = click,
};
