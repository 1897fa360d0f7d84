/*
 * date.c — day numbers and the date forms clerks write.
 *
 * The conversions are the classic era-based civil calendar algorithms (valid far beyond the
 * years a ledger holds); parsing is strict about real dates: 2023-02-30 is refused, not rolled
 * over into March.
 */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Days in month m (1–12) of year y. */
static int month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return mdays[m - 1] + (m == 2 && leap);
}

int date_from_ymd(int y, int m, int d)
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 1 || m > 12 || d < 1)
		return DATE_NONE;
	if (d > month_days(y, m))
		return DATE_NONE;
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(int date, int *y, int *m, int *d)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

int date_year(int date)
{
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	return y;
}

int date_weekday(int date)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int w = (date + 3) % 7;
	return w < 0 ? w + 7 : w;
}

const char *date_weekday_name(int date)
{
	static const char *const names[] = { "周一", "周二", "周三", "周四", "周五", "周六", "周日" };
	return names[date_weekday(date)];
}

/* Reads 1..maxd ASCII digits at *p (bounded by end); returns -1 when there are none. */
static int take_number(const char **p, const char *end, int maxd)
{
	int v = 0, k = 0;
	while (*p < end && k < maxd && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k ? v : -1;
}

static bool take_literal(const char **p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(end - *p) < n || memcmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

bool date_parse_iso(const char *s, size_t n, int *out)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	int v = date_from_ymd(y, m, d);
	if (v == DATE_NONE)
		return false;
	*out = v;
	return true;
}

/* The year, month and day numbers of a text in one of date_parse's forms (surrounding blanks
 * ignored), whether or not they make a real day; false when the text has no such form. */
static bool split_ymd(const char *s, size_t n, int *y, int *m, int *d)
{
	const char *p = s, *end = s + n;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;

	const char *start = p;
	*y = take_number(&p, end, 4);
	if (*y < 0 || p - start != 4)
		return false;
	bool cjk = false;
	char sep = 0;
	if (take_literal(&p, end, "年")) {
		cjk = true;
	} else if (p < end && (*p == '-' || *p == '/' || *p == '.')) {
		sep = *p++;
	} else {
		return false;
	}
	*m = take_number(&p, end, 2);
	if (*m < 0)
		return false;
	if (cjk ? !take_literal(&p, end, "月") : !(p < end && *p++ == sep))
		return false;
	*d = take_number(&p, end, 2);
	if (*d < 0)
		return false;
	if (cjk && !take_literal(&p, end, "日"))
		return false;
	return p == end;
}

bool date_parse(const char *s, size_t n, int *out)
{
	int y, m, d;
	if (!split_ymd(s, n, &y, &m, &d))
		return false;
	int v = date_from_ymd(y, m, d);
	if (v == DATE_NONE)
		return false;
	*out = v;
	return true;
}

struct date_why date_why_invalid(const char *s, size_t n)
{
	struct date_why w;
	int y, m, d;

	if (!split_ymd(s, n, &y, &m, &d) || date_from_ymd(y, m, d) != DATE_NONE)
		snprintf(w.text, sizeof w.text, "不是有效日期（应为 YYYY-MM-DD）");
	else if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		snprintf(w.text, sizeof w.text, "不是有效日期：年份应为 %d 到 %d", DATE_MIN_YEAR,
			 DATE_MAX_YEAR);
	else if (m < 1 || m > 12)
		snprintf(w.text, sizeof w.text, "不是有效日期：月份应为 1 到 12");
	else if (d < 1)
		snprintf(w.text, sizeof w.text, "不是有效日期：%d年%d月的日应为 1 到 %d", y, m,
			 month_days(y, m));
	else
		snprintf(w.text, sizeof w.text, "不是有效日期：%d年%d月只有%d天", y, m,
			 month_days(y, m));
	return w;
}

char *date_format(int date, char buf[DATE_BUF])
{
	if (date == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	/* by hand rather than snprintf: this runs for every date of every row of an import */
	unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
	buf[0] = (char)('0' + uy / 1000);
	buf[1] = (char)('0' + uy / 100 % 10);
	buf[2] = (char)('0' + uy / 10 % 10);
	buf[3] = (char)('0' + uy % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + um / 10);
	buf[6] = (char)('0' + um % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + ud / 10);
	buf[9] = (char)('0' + ud % 10);
	buf[10] = '\0';
	return buf;
}

int date_today(void)
{
	const char *fixed = getenv("GONGKAI_TODAY");
	int v;
	if (fixed && date_parse_iso(fixed, strlen(fixed), &v))
		return v;
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return date_from_ymd(2000, 1, 1);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
