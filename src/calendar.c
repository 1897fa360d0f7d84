/*
 * calendar.c — working days by the week and the State Council's notices.
 *
 * The calendar keeps only the days a notice names, sorted, with a running sum of how each
 * changes the count of working days: an `off` weekday takes one away, a `work` weekend day adds
 * one, the others change nothing. The working days up to a day are then the weekdays up to it
 * (arithmetic) plus the running sum found by binary search, so counting between two days is
 * O(log entries) for any span — lists count it for every open application — and W(D, N), the
 * N-th working day after D, is a binary search over that count. The clock (clock.c) and
 * `gongkai due` build on these; calendar_load_csv reads data/holidays-cn.csv and new notices.
 */
#include "calendar.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xmem.h"

struct cal_day {
	int day;
	enum cal_kind kind;
	char *name;  /* owned */
};

struct calendar {
	struct cal_day *days;  /* sorted by day, one per day */
	size_t n, cap;
	/* shift[i]: the change to the count of working days made by days[0..i); n + 1 of them */
	int *shift;
	size_t shift_cap;
	int holidays;          /* entries that take a weekday away */
	/* covered[y - DATE_MIN_YEAR]: year y's notice is entered (calendar_has_year), kept up to
	 * date by every change, since the clock asks for every application it computes */
	unsigned char covered[DATE_MAX_YEAR - DATE_MIN_YEAR + 1];
};

/* The largest name the database's holiday table accepts, in characters. */
#define CAL_NAME_MAX 50

struct calendar *calendar_new(void)
{
	struct calendar *cal = xcalloc(1, sizeof *cal);
	cal->shift = xgrow(NULL, &cal->shift_cap, 1, sizeof *cal->shift);
	cal->shift[0] = 0;
	return cal;
}

void calendar_free(struct calendar **cal)
{
	if (!cal || !*cal)
		return;
	for (size_t i = 0; i < (*cal)->n; i++)
		free((*cal)->days[i].name);
	free((*cal)->days);
	free((*cal)->shift);
	free(*cal);
	*cal = NULL;
}

static bool is_weekend(int day)
{
	return date_weekday(day) >= 5;
}

/* How an entry changes the count of working days: -1, 0 or +1. */
static int entry_delta(const struct cal_day *e)
{
	if (e->kind == CAL_OFF)
		return is_weekend(e->day) ? 0 : -1;
	return is_weekend(e->day) ? 1 : 0;
}

/* Recomputes shift[] from entry `from` on, after a change there. */
static void refresh_from(struct calendar *cal, size_t from)
{
	cal->shift = xgrow(cal->shift, &cal->shift_cap, cal->n + 1, sizeof *cal->shift);
	for (size_t i = from; i < cal->n; i++)
		cal->shift[i + 1] = cal->shift[i] + entry_delta(&cal->days[i]);
}

/* The index of the first entry whose day is > day (upper) or >= day (!upper). */
static size_t find(const struct calendar *cal, int day, bool upper)
{
	size_t lo = 0, hi = cal->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = cal->days[mid].day;
		if (d < day || (upper && d == day))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct cal_day *lookup(const struct calendar *cal, int day)
{
	size_t i = find(cal, day, false);
	return i < cal->n && cal->days[i].day == day ? &cal->days[i] : NULL;
}

/* Adds or replaces an entry. Appending in date order costs O(1) (plus the search), so that a
 * whole file of rows, sorted, loads in O(n log n). */
static void put(struct calendar *cal, int day, enum cal_kind kind, const char *name, size_t len)
{
	size_t i = find(cal, day, false);
	if (i < cal->n && cal->days[i].day == day) {
		cal->holidays -= entry_delta(&cal->days[i]) < 0;
		free(cal->days[i].name);
	} else {
		cal->days = xgrow(cal->days, &cal->cap, cal->n + 1, sizeof *cal->days);
		memmove(&cal->days[i + 1], &cal->days[i], (cal->n - i) * sizeof *cal->days);
		cal->n++;
	}
	cal->days[i] = (struct cal_day){ .day = day, .kind = kind, .name = xstrndup(name, len) };
	cal->holidays += entry_delta(&cal->days[i]) < 0;
	refresh_from(cal, i);
}

/* Whether the entries of a year hold its Spring Festival holiday, read from the entries. */
static bool scan_year(const struct calendar *cal, int year)
{
	int first = date_from_ymd(year, 1, 1);
	int last = date_from_ymd(year, 12, 31);
	if (first == DATE_NONE || last == DATE_NONE)
		return false;
	for (size_t i = find(cal, first, false); i < cal->n && cal->days[i].day <= last; i++)
		if (cal->days[i].kind == CAL_OFF && strstr(cal->days[i].name, "春节"))
			return true;
	return false;
}

static void recover_year(struct calendar *cal, int day)
{
	int y = date_year(day);
	if (y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR)
		cal->covered[y - DATE_MIN_YEAR] = scan_year(cal, y);
}

void calendar_set(struct calendar *cal, int day, enum cal_kind kind, const char *name)
{
	if (!name)
		name = "";
	put(cal, day, kind, name, strlen(name));
	recover_year(cal, day);
}

void calendar_remove(struct calendar *cal, int day)
{
	size_t i = find(cal, day, false);
	if (i >= cal->n || cal->days[i].day != day)
		return;
	cal->holidays -= entry_delta(&cal->days[i]) < 0;
	free(cal->days[i].name);
	memmove(&cal->days[i], &cal->days[i + 1], (cal->n - i - 1) * sizeof *cal->days);
	cal->n--;
	refresh_from(cal, i);
	recover_year(cal, day);
}

bool calendar_is_workday(const struct calendar *cal, int day)
{
	const struct cal_day *e = lookup(cal, day);
	if (e)
		return e->kind == CAL_WORK;
	return !is_weekend(day);
}

bool calendar_entry(const struct calendar *cal, int day, enum cal_kind *kind, const char **name)
{
	const struct cal_day *e = lookup(cal, day);
	if (!e)
		return false;
	if (kind)
		*kind = e->kind;
	if (name)
		*name = e->name;
	return true;
}

static long long floor_div(long long a, long long b)
{
	long long q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Monday to Friday from a fixed Monday up to day (a running count: only differences matter). */
static long long weekdays_upto(int day)
{
	long long x = (long long)day + 3;  /* 1970-01-01 was a Thursday: x % 7 == 0 on Mondays */
	long long q = floor_div(x, 7);
	long long r = x - 7 * q;
	return 5 * q + (r + 1 < 5 ? r + 1 : 5);
}

static long long workdays_upto(const struct calendar *cal, int day)
{
	return weekdays_upto(day) + cal->shift[find(cal, day, true)];
}

int calendar_workdays_between(const struct calendar *cal, int from, int to)
{
	return (int)(workdays_upto(cal, to) - workdays_upto(cal, from));
}

int calendar_add_workdays(const struct calendar *cal, int day, int n)
{
	if (n <= 0)
		return day;
	/* Any 7 days after `day` hold 5 weekdays and each holiday takes at most one away, so the
	 * answer lies in (day, day + 7 * ceil((n + holidays) / 5)]. */
	long long want = workdays_upto(cal, day) + n;
	long long lo = (long long)day + 1;
	long long hi = (long long)day + 7 * (((long long)n + cal->holidays + 4) / 5);
	if (hi > INT_MAX)
		hi = INT_MAX;
	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;
		if (workdays_upto(cal, (int)mid) >= want)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (int)lo;
}

bool calendar_has_year(const struct calendar *cal, int year)
{
	return year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR && cal->covered[year - DATE_MIN_YEAR];
}

int calendar_missing_year(const struct calendar *cal, int from, int to)
{
	if (to <= from)
		return 0;
	for (int y = date_year(from + 1), last = date_year(to); y <= last; y++)
		if (!calendar_has_year(cal, y))
			return y;
	return 0;
}

/* One line of calendar_explain for day d, or nothing when d counts as an ordinary weekday. */
static void explain_day(const struct calendar *cal, int d, struct strbuf *out)
{
	const struct cal_day *e = lookup(cal, d);
	const char *name = e && e->name[0] ? e->name : "节假日";
	char buf[DATE_BUF];
	bool weekend = is_weekend(d);

	if (!weekend && !(e && e->kind == CAL_OFF))
		return;
	sb_addf(out, "%s %s ", date_format(d, buf), date_weekday_name(d));
	if (weekend && e && e->kind == CAL_WORK)
		sb_addf(out, "计入（%s 调休上班）\n", name);
	else if (weekend)
		sb_adds(out, "不计（周末）\n");
	else
		sb_addf(out, "不计（%s 放假）\n", name);
}

void calendar_explain(const struct calendar *cal, int day, int n, struct strbuf *out)
{
	int end = calendar_add_workdays(cal, day, n);
	for (int d = day + 1; d <= end; d++)
		explain_day(cal, d, out);
	for (int y = date_year(day + 1), last = date_year(end); end > day && y <= last; y++)
		if (!calendar_has_year(cal, y))
			sb_addf(out, "%d年节假日安排未录入，按周末推算\n", y);
}

size_t calendar_entries(const struct calendar *cal, int first, int last,
			struct cal_entry *out, size_t max)
{
	size_t total = 0;
	for (size_t i = find(cal, first, false); i < cal->n && cal->days[i].day <= last; i++) {
		if (total < max)
			out[total] = (struct cal_entry){ cal->days[i].day, cal->days[i].kind,
							 cal->days[i].name };
		total++;
	}
	return total;
}

size_t calendar_year_entries(const struct calendar *cal, int year,
			     struct cal_entry *out, size_t max)
{
	int first = date_from_ymd(year, 1, 1);
	int last = date_from_ymd(year, 12, 31);
	if (first == DATE_NONE || last == DATE_NONE)
		return 0;
	return calendar_entries(cal, first, last, out, max);
}

/* ---- loading the `date,kind,name` text ---- */

/* One good row of the text, waiting until the whole text is known to be good. */
struct csv_row {
	int day;
	enum cal_kind kind;
	size_t line;
	const char *name;  /* into the text */
	size_t name_len;
};

struct csv_load {
	struct diag *d;
	struct csv_row *rows;
	size_t n, cap;
	size_t problems;
};

struct span {
	const char *s;
	size_t n;
};

static struct span trim(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return (struct span){ s, n };
}

static bool span_is(struct span f, const char *word)
{
	return f.n == strlen(word) && memcmp(f.s, word, f.n) == 0;
}

/* Splits a line at commas into at most max fields; returns how many the line has. */
static size_t split(struct span line, struct span *f, size_t max)
{
	size_t k = 0;
	const char *p = line.s, *end = line.s + line.n;
	for (;;) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		const char *stop = c ? c : end;
		if (k < max)
			f[k] = trim(p, (size_t)(stop - p));
		k++;
		if (!c)
			return k;
		p = c + 1;
	}
}

/* The bytes of the UTF-8 sequence that starts with byte c, or 0 when none can start with it. */
static size_t utf8_seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/* The number of characters of valid UTF-8 in s[0..n), or -1 when it is not valid UTF-8. */
static long utf8_chars(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	long chars = 0;
	while (p < end) {
		size_t k = utf8_seq_len(*p);
		if (k == 0 || (size_t)(end - p) < k)
			return -1;
		for (size_t i = 1; i < k; i++)
			if ((p[i] & 0xc0) != 0x80)
				return -1;
		p += k;
		chars++;
	}
	return chars;
}

/* How much of a bad value to quote back: at most 40 bytes, not cutting a character. */
static int quote_len(struct span f)
{
	size_t n = f.n < 40 ? f.n : 40;
	while (n < f.n && n > 0 && ((unsigned char)f.s[n] & 0xc0) == 0x80)
		n--;
	return (int)n;
}

static void problem(struct csv_load *ld, size_t line, const char *col, const char *what,
		    struct span f)
{
	ld->problems++;
	if (f.s)
		diag_add(ld->d, "第%zu行: %s: “%.*s”%s", line, col, quote_len(f), f.s, what);
	else
		diag_add(ld->d, "第%zu行: %s: %s", line, col, what);
}

static void load_row(struct csv_load *ld, size_t line, struct span text)
{
	struct span f[3];
	size_t k = split(text, f, 3);
	if (k != 3) {
		ld->problems++;
		diag_add(ld->d, "第%zu行: 应为 date,kind,name 三列，实为 %zu 列", line, k);
		return;
	}
	struct csv_row row = { .line = line, .name = f[2].s, .name_len = f[2].n };
	size_t before = ld->problems;
	if (!date_parse(f[0].s, f[0].n, &row.day)) {
		char what[sizeof(struct date_why) + 1];
		snprintf(what, sizeof what, " %s", date_why_invalid(f[0].s, f[0].n).text);
		problem(ld, line, "date", what, f[0]);
	}
	if (span_is(f[1], "off"))
		row.kind = CAL_OFF;
	else if (span_is(f[1], "work"))
		row.kind = CAL_WORK;
	else
		problem(ld, line, "kind", " 应为 off（放假）或 work（调休上班）", f[1]);
	long chars = utf8_chars(f[2].s, f[2].n);
	if (f[2].n == 0)
		problem(ld, line, "name", "不能为空", (struct span){ NULL, 0 });
	else if (chars < 0)
		problem(ld, line, "name", "不是有效的 UTF-8 文字", (struct span){ NULL, 0 });
	else if (chars > CAL_NAME_MAX)
		problem(ld, line, "name", "超过 50 个字", (struct span){ NULL, 0 });
	if (ld->problems != before)
		return;
	ld->rows = xgrow(ld->rows, &ld->cap, ld->n + 1, sizeof *ld->rows);
	ld->rows[ld->n++] = row;
}

static int row_cmp(const void *a, const void *b)
{
	const struct csv_row *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Sorts the rows by date (so that they load in order) and reports a day given twice: which of
 * the two would the clerk mean? */
static void sort_rows(struct csv_load *ld)
{
	char buf[DATE_BUF];
	if (ld->n)
		qsort(ld->rows, ld->n, sizeof *ld->rows, row_cmp);
	for (size_t i = 1; i < ld->n; i++) {
		if (ld->rows[i].day != ld->rows[i - 1].day)
			continue;
		ld->problems++;
		diag_add(ld->d, "第%zu行: date: %s 与第%zu行重复", ld->rows[i].line,
			 date_format(ld->rows[i].day, buf), ld->rows[i - 1].line);
	}
}

/* Reads the header and every row of text into ld; returns false when the header is wrong. */
static bool load_lines(struct csv_load *ld, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (size_t line = 1; p < end || line == 1; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		struct span s = trim(p, (size_t)(stop - p));
		p = nl ? nl + 1 : end;
		if (line == 1) {
			struct span f[3];
			if (split(s, f, 3) != 3 || !span_is(f[0], "date") || !span_is(f[1], "kind")
			    || !span_is(f[2], "name")) {
				ld->problems++;
				diag_add(ld->d, "第1行: 表头应为 date,kind,name");
				return false;
			}
		} else if (s.n) {
			load_row(ld, line, s);
		}
	}
	return true;
}

enum status calendar_load_csv(struct calendar *cal, const char *text, size_t len,
			      struct diag *d)
{
	struct csv_load ld = { .d = d };
	if (load_lines(&ld, text, len))
		sort_rows(&ld);
	enum status st = ld.problems ? ST_DATA : ST_OK;
	for (size_t i = 0; st == ST_OK && i < ld.n; i++)
		put(cal, ld.rows[i].day, ld.rows[i].kind, ld.rows[i].name, ld.rows[i].name_len);
	for (size_t i = 0; st == ST_OK && i < ld.n; i++)
		recover_year(cal, ld.rows[i].day);
	free(ld.rows);
	return st;
}

const char *calendar_row_problem(int day, enum cal_kind kind)
{
	static const char *const why[] = {
		"是周一，本来就是工作日，调休上班通常是周六或周日",
		"是周二，本来就是工作日，调休上班通常是周六或周日",
		"是周三，本来就是工作日，调休上班通常是周六或周日",
		"是周四，本来就是工作日，调休上班通常是周六或周日",
		"是周五，本来就是工作日，调休上班通常是周六或周日",
	};
	int wd = date_weekday(day);   /* 0 Monday … 6 Sunday */
	return kind == CAL_WORK && wd >= 0 && wd < 5 ? why[wd] : NULL;
}
