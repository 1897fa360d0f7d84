/*
 * table2.c — the cells of table 二 and the values a clerk types into them.
 */
#include "table2.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *row, *col, *row_label, *col_label;
} t2_cells[T2_CELLS] = {
#define T2_ROW(name, row, col, row_label, col_label) [name] = { row, col, row_label, col_label },
	T2_CELL_LIST(T2_ROW)
#undef T2_ROW
};

const char *table2_row_key(enum t2_cell c)
{
	return (unsigned)c < T2_CELLS ? t2_cells[c].row : NULL;
}

const char *table2_col_key(enum t2_cell c)
{
	return (unsigned)c < T2_CELLS ? t2_cells[c].col : NULL;
}

const char *table2_row_label(enum t2_cell c)
{
	return (unsigned)c < T2_CELLS ? t2_cells[c].row_label : NULL;
}

const char *table2_col_label(enum t2_cell c)
{
	return (unsigned)c < T2_CELLS ? t2_cells[c].col_label : NULL;
}

int table2_cell_parse(const char *s)
{
	const char *dot = strchr(s, '.');
	if (!dot)
		return -1;
	size_t rn = (size_t)(dot - s);
	for (int c = 0; c < T2_CELLS; c++)
		if (strlen(t2_cells[c].row) == rn && memcmp(s, t2_cells[c].row, rn) == 0 &&
		    strcmp(dot + 1, t2_cells[c].col) == 0)
			return c;
	return -1;
}

char *table2_format_wan_exact(long long yuan, char buf[32])
{
	snprintf(buf, 32, "%lld.%04lld", yuan / 10000, yuan % 10000);
	return buf;
}

char *table2_format_wan(long long yuan, char buf[32])
{
	/* as the published reports print it: 96171.6, 0 — no trailing zeros */
	table2_format_wan_exact(yuan, buf);
	size_t n = strlen(buf);
	while (buf[n - 1] == '0')
		buf[--n] = '\0';
	if (buf[n - 1] == '.')
		buf[--n] = '\0';
	return buf;
}

bool table2_parse_wan(const char *s, long long *yuan)
{
	long long whole = 0, frac = 0;
	int digits = 0, decimals = -1;
	for (const char *p = s; *p; p++) {
		if (*p == '.' && decimals < 0 && digits) {
			decimals = 0;
		} else if (*p >= '0' && *p <= '9') {
			if (decimals < 0) {
				if (++digits > 12)
					return false;
				whole = whole * 10 + (*p - '0');
			} else if (++decimals <= 4) {
				frac = frac * 10 + (*p - '0');
			} else {
				return false;
			}
		} else {
			return false;
		}
	}
	if (!digits || decimals == 0)
		return false;
	for (int i = decimals < 0 ? 0 : decimals; i < 4; i++)
		frac *= 10;
	*yuan = whole * 10000 + frac;
	return true;
}

bool table2_parse_value(enum t2_cell c, const char *s, long long *v)
{
	if (strcmp(s, "/") == 0) {
		*v = T2_NA;
		return true;
	}
	if (c == T2_FEES)
		return table2_parse_wan(s, v);
	long long n = 0;
	int digits = 0;
	for (const char *p = s; *p; p++, digits++) {
		if (*p < '0' || *p > '9' || digits >= 12)
			return false;
		n = n * 10 + (*p - '0');
	}
	if (!digits)
		return false;
	*v = n;
	return true;
}
