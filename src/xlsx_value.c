/*
 * xlsx_value.c — the small rules of reading an .xlsx cell: its reference, a date serial, a
 * number's text, which number formats are dates, and OOXML's _xHHHH_ escapes.
 *
 * Kept apart from the archive and XML work of xlsx.c so that each rule can be tested alone.
 */
#include "xlsx.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "text.h"

#define XLSX_MAX_COL 16384        /* XFD */
#define XLSX_MAX_ROW 1048576
#define XLSX_MAX_SERIAL 2958465.0 /* 9999-12-31 */

int xlsx_col_from_letters(const char *s)
{
	int col = 0, n = 0;
	for (; isalpha((unsigned char)s[n]); n++) {
		if (n == 3)
			return -1;
		col = col * 26 + (toupper((unsigned char)s[n]) - 'A' + 1);
	}
	return n == 0 || col > XLSX_MAX_COL ? -1 : col - 1;
}

bool xlsx_cell_ref(const char *s, unsigned *row, unsigned *col)
{
	int c = xlsx_col_from_letters(s);
	if (c < 0)
		return false;
	const char *p = s;
	while (isalpha((unsigned char)*p))
		p++;
	unsigned long r = 0;
	int digits = 0;
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		r = r * 10 + (unsigned long)(*p - '0');
		if (r > XLSX_MAX_ROW)
			return false;
	}
	if (!digits || *p || r == 0 || s[strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				      "abcdefghijklmnopqrstuvwxyz")] == '0')
		return false;
	*row = (unsigned)r;
	*col = (unsigned)c;
	return true;
}

bool xlsx_serial_date(double serial, bool date1904, int *date)
{
	if (!isfinite(serial) || serial < 0 || serial > XLSX_MAX_SERIAL)
		return false;
	int days = (int)floor(serial);
	int jan1 = date_from_ymd(1900, 1, 1), d;   /* day 1 of Excel's 1900 calendar */
	if (date1904)
		d = date_from_ymd(1904, 1, 1) + days;
	else if (days >= 61)                         /* from 1899-12-30: past its 1900-02-29 */
		d = jan1 - 2 + days;
	else if (days >= 1 && days <= 59)
		d = jan1 - 1 + days;
	else
		return false;
	int y = date_year(d);
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return false;
	*date = d;
	return true;
}

char *xlsx_number_text(double v, char buf[32])
{
	if (v == 0) {
		snprintf(buf, 32, "0");
	} else if (!isfinite(v)) {
		snprintf(buf, 32, "%g", v);
	} else if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, 32, "%.0f", v);
	} else {
		for (int p = 1; p <= 17; p++) {
			snprintf(buf, 32, "%.*g", p, v);
			if (strtod(buf, NULL) == v)
				break;
		}
	}
	return buf;
}

static bool builtin_date(int id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
	       (id >= 50 && id <= 54) || id == 57 || id == 58;
}

bool xlsx_format_is_date(int id, const char *code)
{
	if (!code)
		return builtin_date(id);
	bool y = false, m = false, d = false, time = false;
	for (const char *p = code; *p; p++) {
		char c = (char)tolower((unsigned char)*p);
		if (c == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if ((c == '\\' || c == '_' || c == '*') && p[1]) {
			p++;
		} else if (c == '[') {
			/* [h], [mm], [ss] are elapsed time; [Red], [$-804], [DBNum1] say nothing */
			if (strchr("hms", tolower((unsigned char)p[1])))
				time = true;
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else {
			y |= c == 'y';
			d |= c == 'd';
			m |= c == 'm';
			time |= c == 'h' || c == 's';
		}
	}
	return y || d || (m && !time);
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Whether s[0..7) is an escape _xHHHH_ of a character that is not a surrogate; its code point. */
static bool escape_at(const char *s, uint32_t *cp)
{
	if (s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return false;
	*cp = 0;
	for (int k = 0; k < 4; k++) {
		int v = hex(s[2 + k]);
		if (v < 0)
			return false;
		*cp = *cp << 4 | (uint32_t)v;
	}
	return *cp < 0xD800 || *cp > 0xDFFF;
}

size_t xlsx_unescape(char *s, size_t n)
{
	size_t out = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		if (i + 7 <= n && escape_at(s + i, &cp)) {
			char enc[4];
			size_t len = utf8_encode(cp, enc);
			memcpy(s + out, enc, len);
			out += len;
			i += 7;
		} else {
			s[out++] = s[i++];
		}
	}
	if (out < n)
		s[out] = '\0';
	return out;
}
