/*
 * calendar.h — the working-day calendar: weekends, the State Council's holidays and the
 * weekend days its notices make working days (调休上班).
 *
 * A working day (工作日) is Monday to Friday, except the days a yearly notice
 * (国务院办公厅关于XXXX年部分节假日安排的通知) makes holidays (`off`), plus the weekend days it
 * makes working days (`work`). The calendar holds those entries only; every other day follows
 * the week. Every deadline of 《政府信息公开条例》 (第三十条, 第三十三条, 第四十二条) counts
 * working days with it. The store fills a calendar from the database; calendar_load_csv reads the
 * `date,kind,name` text of data/holidays-cn.csv or a clerk's new notice.
 *
 * Days are day numbers (date.h). Nothing here prints or touches a database.
 */
#ifndef GK_CALENDAR_H
#define GK_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "status.h"
#include "strbuf.h"

struct calendar;

enum cal_kind { CAL_OFF, CAL_WORK };

/* One day of a notice, as calendar_entries lists it. `name` is borrowed from the calendar:
 * valid until that day's entry is replaced or removed, or the calendar is freed. */
struct cal_entry {
	int day;
	enum cal_kind kind;
	const char *name;
};

/* A new, empty calendar (weekends only); the caller frees it with calendar_free. */
struct calendar *calendar_new(void);
/* Frees *cal and every name in it and sets *cal to NULL. NULL-safe (on cal and *cal). */
void calendar_free(struct calendar **cal);

/* Adds or replaces the entry for one day. name (e.g. "国庆节"; NULL is taken as "") is copied.
 * A `work` entry on a weekday and an `off` entry on a weekend change no count; they are kept
 * as the notice gives them (e.g. 2020-02-03, the return from the extended 春节 of 2020). */
void calendar_set(struct calendar *cal, int day, enum cal_kind kind, const char *name);
/* Removes the entry for one day, if any; the day then follows the week again. */
void calendar_remove(struct calendar *cal, int day);

/* Loads the CSV text text[0..len): a header `date,kind,name`, then one row per day: a date
 * (`YYYY-MM-DD` or another form date_parse accepts), `off` or `work`, and a name of 1–50
 * characters (UTF-8, as the database's holiday table holds). Fields are not quoted; blanks
 * around them, CR before LF, a UTF-8 BOM and empty lines are ignored.
 * Returns ST_OK after setting every row (an existing entry for the same day is replaced).
 * On any bad row — or a missing header, or a day given twice — it adds one line per problem to
 * d, as `第N行: <列名>: <原因>` (列名 is the header's name: date, kind or name), and returns
 * ST_DATA without changing cal. d may be NULL. */
enum status calendar_load_csv(struct calendar *cal, const char *text, size_t len,
			      struct diag *d);

/* True when day is a working day by this calendar. */
bool calendar_is_workday(const struct calendar *cal, int day);
/* Why a row of a holiday notice looks wrong, or NULL: a 调休上班 (work) day is a Saturday or
 * Sunday, since Monday to Friday are working days anyway — though a notice may say so of a
 * weekday (2020-02-03 ended the extended 春节), so this is a warning, not a refusal. It names
 * the weekday: `是周三，本来就是工作日，调休上班通常是周六或周日`. */
const char *calendar_row_problem(int day, enum cal_kind kind);

/* The entry for a day: false when it has none; else true with *kind and *name (borrowed, valid
 * while the entry stays). kind or name may be NULL when not wanted. */
bool calendar_entry(const struct calendar *cal, int day, enum cal_kind *kind, const char **name);

/* W(D, N) of docs/deadlines.md: the N-th working day strictly after day (day itself is day 0).
 * W(D, 0) = D (and n < 0 is taken as 0). A binary search: O(log n · log entries). */
int calendar_add_workdays(const struct calendar *cal, int day, int n);

/* The number of working days in (from, to]; when to < from, minus the number in (to, from].
 * So calendar_workdays_between(a, b) + calendar_workdays_between(b, c) =
 * calendar_workdays_between(a, c). O(log entries), for any days. */
int calendar_workdays_between(const struct calendar *cal, int from, int to);

/* A year counts as entered when the calendar holds an `off` day of that year whose name
 * contains 春节 (every notice has one; the 2018 rows of the 2019 notice do not enter 2018). */
bool calendar_has_year(const struct calendar *cal, int year);

/* The first year holding a day of (from, to] that is not entered (calendar_has_year), or 0 when
 * there is none (also when to <= from). Says when a count over that span is only by weekends. */
int calendar_missing_year(const struct calendar *cal, int from, int to);

/* For `gongkai due`: appends to out one line per day in (day, W(day, n)] that is not counted or
 * that is a weekend made a working day, saying why:
 *   2023-09-30 周六 不计（周末）
 *   2023-10-02 周一 不计（中秋节、国庆节 放假）
 *   2023-10-07 周六 计入（中秋节、国庆节 调休上班）
 * A weekend day is told as 周末 even when a holiday's entry covers it too (it would not count
 * either way); a weekday holiday gives its name. If the span runs into years not entered, a
 * final line for each, e.g. `2027年节假日安排未录入，按周末推算`. Each line ends with "\n". */
void calendar_explain(const struct calendar *cal, int day, int n, struct strbuf *out);

/* The entries of days first..last (both included), in date order: writes up to max of them to
 * out (which may be NULL when max is 0) and returns how many there are in all, so a caller may
 * ask with max 0 first to size its array. Names are borrowed as in struct cal_entry. */
size_t calendar_entries(const struct calendar *cal, int first, int last,
			struct cal_entry *out, size_t max);

/* calendar_entries for the days of one year (for the calendar screen and `calendar list`). */
size_t calendar_year_entries(const struct calendar *cal, int year,
			     struct cal_entry *out, size_t max);

#endif
