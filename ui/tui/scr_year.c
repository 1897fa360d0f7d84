/*
 * scr_year.c — the year of screens 2, 3 and 4, and the page of a year's figures that 年度统计
 * and 年报 both show.
 */
#include "scr_year.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "prompt.h"
#include "xmem.h"

bool scr_year_action(struct tui *t, enum action a, bool *changed)
{
	int year = t->year;
	*changed = false;
	if (a == A_YEAR_PREV)
		year--;
	else if (a == A_YEAR_NEXT)
		year++;
	else if (a == A_YEAR) {
		char initial[8];
		snprintf(initial, sizeof initial, "%d", t->year);
		char *s = prompt_line(t, "年度", "年度：", initial, 4);
		if (!s)
			return true;
		year = strspn(s, "0123456789") == strlen(s) && *s ? atoi(s) : 0;
		if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
			tui_message(t, true, "年度「%s」应为 %d 到 %d 之间的年份", s, DATE_MIN_YEAR,
				    DATE_MAX_YEAR);
		free(s);
	} else {
		return false;
	}
	if (year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR && year != t->year) {
		t->year = year;
		*changed = true;
	}
	return true;
}

void yearpage_init(struct view *v, void (*build)(struct tui *t, struct view *v))
{
	struct yearpage *yp = v->priv;
	yp->build = build;
	v->pager = &yp->pager;
}

void yearpage_release(struct view *v)
{
	struct yearpage *yp = v->priv;
	pager_release(&yp->pager);
}

static void build(struct tui *t, struct view *v)
{
	struct yearpage *yp = v->priv;
	pager_clear(&yp->pager);
	yp->built_width = COLS;
	yp->build(t, v);
}

void yearpage_enter(struct tui *t, struct view *v)
{
	build(t, v);
}

void yearpage_layout(struct tui *t, struct view *v)
{
	struct yearpage *yp = v->priv;
	if (yp->built_width && yp->built_width != COLS)
		build(t, v);
}

void yearpage_draw(struct tui *t, struct view *v)
{
	(void)t;
	struct yearpage *yp = v->priv;
	int top, height;
	tui_area(&top, &height);
	pager_draw(&yp->pager, top, 1, height, COLS - 1);
}

void yearpage_status(struct tui *t, struct view *v, struct strbuf *out)
{
	(void)v;
	sb_addf(out, "%d 年度", t->year);
}

bool yearpage_handle(struct tui *t, struct view *v, enum action a)
{
	bool changed;
	if (!scr_year_action(t, a, &changed))
		return false;
	if (changed) {
		((struct yearpage *)v->priv)->pager.top = 0;
		build(t, v);
	}
	return true;
}

void yearpage_add_lines(struct pager *p, const char *text,
			enum draw_role (*role)(const char *line, bool first))
{
	bool first = true;
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		char *line = xstrndup(text, n);
		pager_add(p, role(line, first), line);
		free(line);
		first = false;
		text += n + (nl ? 1 : 0);
	}
}
