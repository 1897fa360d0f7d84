/*
 * diag.c — collecting problem lines for the clerk.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "xmem.h"

void diag_add(struct diag *d, const char *fmt, ...)
{
	if (!d)
		return;
	d->total++;
	if (d->limit && d->n >= d->limit)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *line = xvasprintf(fmt, ap);
	va_end(ap);
	d->lines = xgrow(d->lines, &d->cap, d->n + 1, sizeof *d->lines);
	d->lines[d->n++] = line;
}

size_t diag_count(const struct diag *d)
{
	return d ? d->total : 0;
}

const char *diag_last(const struct diag *d)
{
	return d && d->n ? d->lines[d->n - 1] : NULL;
}

void diag_clear(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i]);
	d->n = 0;
	d->total = 0;
}

void diag_release(struct diag *d)
{
	diag_clear(d);
	free(d->lines);
	d->lines = NULL;
	d->cap = 0;
}
