/*
 * diag.h — the problems found by one operation, as Chinese lines for the clerk.
 *
 * A core function that checks input (a ledger, a form, a command-line value) adds one line per
 * problem, e.g. `第12行: 收到日期: 2023-02-30 不是有效日期`, and returns a status. The caller
 * decides how to show them (stderr, a form, a message bar). A diag may have a limit: past it,
 * problems are counted but not kept, so a million-row file of garbage cannot exhaust memory.
 */
#ifndef GK_DIAG_H
#define GK_DIAG_H

#include <stddef.h>

struct diag {
	char **lines;   /* owned */
	size_t n;       /* lines kept */
	size_t cap;
	size_t total;   /* problems reported, kept or not */
	size_t limit;   /* 0 = keep all */
};

#define DIAG_INIT { NULL, 0, 0, 0, 0 }

void diag_add(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Problems reported so far (NULL-safe: a NULL diag has none). */
size_t diag_count(const struct diag *d);
/* The last line kept, or NULL. */
const char *diag_last(const struct diag *d);
void diag_clear(struct diag *d);
void diag_release(struct diag *d);

#endif
