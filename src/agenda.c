/*
 * agenda.c — what is due today (今日待办), read from the list's own filters so that a number
 * shown and the list it opens always agree. No terminal here: the interface's greeting and
 * status line and `gongkai due --today` format what this gives.
 */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "strbuf.h"
#include "xmem.h"

static const struct {
	enum list_filter filter;
	const char *brief, *words;
} kinds[AG_COUNT] = {
#define AG_ROW(kind, filter, brief, words) [kind] = { filter, brief, words },
	AGENDA_LIST(AG_ROW)
#undef AG_ROW
};

/* The previous year's report is due by 31 January (第四十九条); the reminder runs from
 * 1 January to the end of March, until the year is locked (定稿). */
enum status agenda_report(struct store *s, int today, bool *due, int *year, int *days_left,
			  struct diag *d)
{
	int y, m, dd;
	date_to_ymd(today, &y, &m, &dd);
	*due = false;
	*year = y - 1;
	*days_left = 0;
	if (m > 3)
		return ST_OK;
	bool locked = false;
	enum status st = store_year_lock_get(s, y - 1, &locked, NULL, d);
	if (st != ST_OK || locked)
		return st;
	const struct calendar *cal = store_calendar(s);
	int end = date_from_ymd(y, 1, 31);
	*days_left = today <= end ? calendar_workdays_between(cal, today, end)
		   : -calendar_workdays_between(cal, end, today);
	if (today > end && *days_left == 0)
		*days_left = -1;   /* a weekend after the deadline: past, though no workday was */
	*due = true;
	return ST_OK;
}

static enum status item_cases(struct store *s, const struct list_query *q,
			      struct agenda_item *it, struct diag *d)
{
	struct list_page page = { 0 };
	enum status st = store_list_page(s, q, NULL, 0, false, AGENDA_CASES, &page, d);
	for (size_t i = 0; st == ST_OK && i < page.n && i < AGENDA_CASES; i++)
		it->cases[it->ncases++] = xstrdup(page.rows[i].case_no);
	store_list_page_release(&page);
	return st;
}

enum status agenda_build(struct store *s, int today, bool cases, struct agenda *ag,
			 struct diag *d)
{
	memset(ag, 0, sizeof *ag);
	struct list_query q = {
		.today = today,
		.soon_until = calendar_add_workdays(store_calendar(s), today, 3),
	};
	enum status st = ST_OK;
	for (int k = 0; st == ST_OK && k < AG_COUNT; k++) {
		struct agenda_item *it = &ag->items[ag->n];
		memset(it, 0, sizeof *it);
		it->kind = k;
		it->filter = kinds[k].filter;
		if (k == AG_REPORT) {
			bool due;
			st = agenda_report(s, today, &due, &it->year, &it->days_left, d);
			if (st == ST_OK && due)
				ag->n++;
			continue;
		}
		q.filter = kinds[k].filter;
		st = store_list_count(s, &q, &it->n, d);
		if (st == ST_OK && it->n == 0)
			continue;
		if (st == ST_OK && cases)
			st = item_cases(s, &q, it, d);
		ag->n++;
	}
	if (st != ST_OK)
		agenda_release(ag);
	return st;
}

void agenda_release(struct agenda *ag)
{
	for (size_t i = 0; i < AG_COUNT; i++) {
		for (size_t j = 0; j < ag->items[i].ncases; j++)
			free(ag->items[i].cases[j]);
		ag->items[i].ncases = 0;
	}
	ag->n = 0;
}

void agenda_line(const struct agenda_item *it, bool cases, struct strbuf *out)
{
	if (it->kind == AG_REPORT) {
		sb_addf(out, "%d 年度年报", it->year);
		if (it->days_left >= 0)
			sb_addf(out, "：距 1 月 31 日公布期限还有 %d 个工作日（第四十九条）",
				it->days_left);
		else
			sb_addf(out, "：已过 1 月 31 日公布期限 %d 个工作日，尚未定稿（第四十九条）",
				-it->days_left);
		return;
	}
	sb_addf(out, "%s %lld 件", kinds[it->kind].words, it->n);
	for (size_t i = 0; cases && i < it->ncases; i++)
		sb_addf(out, "%s%s", i ? "、" : "：", it->cases[i]);
	if (cases && (long long)it->ncases < it->n)
		sb_adds(out, "等");
}

void agenda_brief(const struct agenda_item *it, struct strbuf *out)
{
	if (it->kind == AG_REPORT)
		sb_addf(out, it->days_left >= 0 ? "年报剩%d日" : "年报逾期%d日",
			it->days_left >= 0 ? it->days_left : -it->days_left);
	else
		sb_addf(out, "%s%lld", kinds[it->kind].brief, it->n);
}
