/*
 * fee.c — the rates of 国办函〔2020〕109号 as arithmetic.
 *
 * The two schedules are marginal: each band's rate applies to the applications or pages that
 * fall in it, so a total is the sum of whole bands below the count plus a part of the last one,
 * computed in closed form (a month's list is counted for every applicant of a report).
 */
#include "fee.h"

/* 按件 (国办函〔2020〕109号): free up to 10, 100 each to 30, then bands of 10 */
#define FREE_APPLICATIONS 10
#define FIRST_BAND_END 30
#define BAND 10
#define STEP_YUAN 100

static int clamp_count(int n)
{
	if (n < 0)
		return 0;
	return n > FEE_COUNT_MAX ? FEE_COUNT_MAX : n;
}

int fee_for_nth_application(int nth)
{
	nth = clamp_count(nth);
	if (nth <= FREE_APPLICATIONS)
		return 0;
	if (nth <= FIRST_BAND_END)
		return STEP_YUAN;
	/* the 31st–40th are band 0 of the higher rates, at 200 */
	return STEP_YUAN * (2 + (nth - FIRST_BAND_END - 1) / BAND);
}

long fee_for_count(int count)
{
	count = clamp_count(count);
	if (count <= FREE_APPLICATIONS)
		return 0;
	long total = (long)STEP_YUAN * ((count < FIRST_BAND_END ? count : FIRST_BAND_END)
					- FREE_APPLICATIONS);
	if (count <= FIRST_BAND_END)
		return total;
	long over = count - FIRST_BAND_END;
	long full = over / BAND, rest = over % BAND;
	/* full bands k = 0..full-1 cost BAND * 100 * (2 + k) each; the rest is in band `full` */
	total += (long)BAND * STEP_YUAN * (2 * full + full * (full - 1) / 2);
	total += rest * STEP_YUAN * (2 + full);
	return total;
}

/* 按量: the upper page of each band and its rate per page (the first band is free) */
static const struct {
	int upto;
	int yuan;
} page_bands[] = {
	{ 30, 0 },
	{ 100, 10 },
	{ 200, 20 },
	{ FEE_COUNT_MAX, 40 },
};

long fee_for_pages(int pages)
{
	pages = clamp_count(pages);
	long total = 0;
	int below = 0;
	for (unsigned i = 0; i < sizeof page_bands / sizeof page_bands[0] && pages > below; i++) {
		int top = pages < page_bands[i].upto ? pages : page_bands[i].upto;
		total += (long)(top - below) * page_bands[i].yuan;
		below = page_bands[i].upto;
	}
	return total;
}
