/*
 * agenda.h — what is due (今日待办): the few things a clerk must act on today, each one a
 * filter of the list away.
 *
 * Late answers, answers due today and within 3 working days, 补正 limits passed (close as
 * 逾期不补正?), payment limits passed (逾期未缴费视为放弃), consultation replies overdue, and —
 * from 1 January to the end of March, until the year is locked — the previous year's annual
 * report, due by 31 January (第四十九条). The greeting of the interface, the list's status line
 * and `gongkai due --today` all read this one list.
 */
#ifndef GK_AGENDA_H
#define GK_AGENDA_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "status.h"
#include "store.h"

struct strbuf;

/*       kind           list filter            short (status line)  words */
#define AGENDA_LIST(X) \
	X(AG_LATE,       LF_LATE,               "逾期",   "已逾期未答复") \
	X(AG_TODAY,      LF_TODAY,              "今天",   "今天到期") \
	X(AG_SOON,       LF_SOON,               "3日内",  "3 个工作日内到期（含今天）") \
	X(AG_CORRECTION, LF_CORRECTION_PASSED,  "补正期满", "补正期限已过（可按逾期不补正办结）") \
	X(AG_FEE,        LF_FEE_PASSED,         "缴费期满", "缴费期限已过（逾期未缴视为放弃申请）") \
	X(AG_CONSULT,    LF_CONSULT_PASSED,     "征求逾期", "征求意见答复期限已过") \
	X(AG_REPORT,     LF_ALL,                "年报",   "上一年度年报")

enum agenda_kind {
#define AG_ENUM(kind, filter, brief, words) kind,
	AGENDA_LIST(AG_ENUM)
#undef AG_ENUM
	AG_COUNT
};

#define AGENDA_CASES 10

struct agenda_item {
	enum agenda_kind kind;
	enum list_filter filter;    /* the list's filter that shows these (not for AG_REPORT) */
	long long n;                /* how many applications */
	char *cases[AGENDA_CASES];  /* the first case numbers in list order (owned) */
	size_t ncases;
	int year;                   /* AG_REPORT: the year of the report */
	int days_left;              /* AG_REPORT: working days left to 31 January (< 0: past) */
};

struct agenda {
	struct agenda_item items[AG_COUNT];
	size_t n;                   /* only the items with something due, in AGENDA_LIST order */
};

/*
 * What is due on `today` (cases: with up to AGENDA_CASES case numbers each). Empty (n = 0)
 * when nothing is. The caller releases *ag with agenda_release.
 */
enum status agenda_build(struct store *s, int today, bool cases, struct agenda *ag,
			 struct diag *d);
void agenda_release(struct agenda *ag);

/* The report item alone: *year and *days_left, and whether it is due (January to March, the
 * previous year not locked). */
enum status agenda_report(struct store *s, int today, bool *due, int *year, int *days_left,
			  struct diag *d);

/* One line of an item in words: `已逾期未答复 3 件：2026-0001、2026-0004、2026-0007`, or for the
 * report `2025 年度年报：距 1 月 31 日还有 12 个工作日（第四十九条）`. */
void agenda_line(const struct agenda_item *it, bool cases, struct strbuf *out);
/* The item briefly, for a status line: `逾期3`, `年报12日`. */
void agenda_brief(const struct agenda_item *it, struct strbuf *out);

#endif
