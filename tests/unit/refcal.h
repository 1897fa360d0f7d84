/*
 * refcal.h — a plain reference calendar for the unit tests.
 *
 * The shipped holiday CSV read line by line with sscanf into a table of one flag per day, and
 * W(D, N) found by stepping one day at a time: deliberately naive and sharing nothing with
 * calendar.c, so that the tests compare the fast calendar against an independent count.
 */
#ifndef GK_REFCAL_H
#define GK_REFCAL_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

extern const unsigned char holidays_csv[];
extern const unsigned long holidays_csv_len;

#define REF_FIRST_YEAR 1999
#define REF_LAST_YEAR 2102
#define REF_DAYS (366 * (REF_LAST_YEAR - REF_FIRST_YEAR + 1))

static bool ref_work[REF_DAYS];
static int ref_rows;  /* rows of the CSV */

static inline int ref_base(void)
{
	return date_from_ymd(REF_FIRST_YEAR, 1, 1);
}

/* Fills ref_work from the week and from the CSV's rows. */
static inline void ref_load(void)
{
	int base = ref_base();
	for (int i = 0; i < REF_DAYS; i++)
		ref_work[i] = date_weekday(base + i) < 5;
	const char *p = (const char *)holidays_csv;
	ref_rows = 0;
	while ((p = strchr(p, '\n')) != NULL) {
		p++;
		int y, m, d;
		char kind[8];
		if (sscanf(p, "%4d-%2d-%2d,%7[a-z],", &y, &m, &d, kind) != 4)
			continue;
		ref_work[date_from_ymd(y, m, d) - base] = strcmp(kind, "work") == 0;
		ref_rows++;
	}
}

static inline bool ref_is_workday(int day)
{
	return ref_work[day - ref_base()];
}

static inline int ref_add(int day, int n)
{
	while (n > 0)
		if (ref_is_workday(++day))
			n--;
	return day;
}

static inline int ref_between(int from, int to)
{
	int k = 0;
	for (int d = from + 1; d <= to; d++)
		k += ref_is_workday(d);
	for (int d = to + 1; d <= from; d++)
		k -= ref_is_workday(d);
	return k;
}

/* A date from its ISO text, for tables of cases; NULL is DATE_NONE. A typo in a table
 * stops the test rather than quietly becoming an absent date. */
static inline int iso(const char *s)
{
	int v = DATE_NONE;
	if (s && !date_parse_iso(s, strlen(s), &v)) {
		fprintf(stderr, "refcal: bad date in a test table: %s\n", s);
		abort();
	}
	return v;
}

#endif
