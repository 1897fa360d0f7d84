/*
 * date.h — civil dates as day numbers.
 *
 * A date is an int: days since 1970-01-01 (proleptic Gregorian), so that "the day after",
 * differences and comparisons are arithmetic. DATE_NONE marks an absent date. Text forms are
 * ISO `YYYY-MM-DD` (what the database and every export hold); the ledger import also accepts
 * `YYYY/M/D`, `YYYY.M.D` and `YYYY年M月D日`.
 */
#ifndef GK_DATE_H
#define GK_DATE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#define DATE_NONE INT_MIN
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2999

/* Bytes for date_format's output, with the NUL. */
#define DATE_BUF 11

/* The day number of y-m-d, or DATE_NONE when that day does not exist (2023-02-30). */
int date_from_ymd(int y, int m, int d);
void date_to_ymd(int date, int *y, int *m, int *d);
int date_year(int date);
/* 0 = Monday … 6 = Sunday */
int date_weekday(int date);
/* "周一" … "周日" */
const char *date_weekday_name(int date);

/* Strict `YYYY-MM-DD` (exactly 10 bytes of s[0..n)). Returns false when not a real date. */
bool date_parse_iso(const char *s, size_t n, int *out);
/* Any accepted form, surrounding blanks ignored. Returns false when not a real date. */
bool date_parse(const char *s, size_t n, int *out);
/* What to tell the clerk about a text date_parse refused, as the words that follow the text
 * in a message (`2023-02-30 不是有效日期：2023年2月只有28天`). Always begins with 不是有效日期.
 * For a text in one of the accepted forms (2023/2/30, 2023年2月30日 as well): the year is out
 * of range (年份应为 1900 到 2999), the month is (月份应为 1 到 12), the day is 0 (…的日应为
 * 1 到 28) or past the month's end (2023年2月只有28天, 2024年2月只有29天); for any other text
 * 不是有效日期（应为 YYYY-MM-DD）. Returned by value so that a message takes it directly:
 *   printf("%s %s", s, date_why_invalid(s, strlen(s)).text);
 * the array lives until the end of that full expression (C11 6.2.4p8). */
struct date_why {
	char text[96];
};
struct date_why date_why_invalid(const char *s, size_t n);

/* Writes `YYYY-MM-DD` into buf (DATE_BUF bytes); "" for DATE_NONE. Returns buf. */
char *date_format(int date, char buf[DATE_BUF]);

/* Today in local time, or the date in $GONGKAI_TODAY (YYYY-MM-DD) when that is set, so that
 * tests and a re-run of yesterday's morning list see a fixed day. */
int date_today(void);

#endif
