/*
 * testutil.h — small helpers the unit tests share: dates from text, applications in one line,
 * a fresh in-memory database.
 */
#ifndef GK_TESTUTIL_H
#define GK_TESTUTIL_H

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "codes.h"
#include "date.h"
#include "store.h"

/* A date from "YYYY-MM-DD", or DATE_NONE for NULL. */
static inline int D(const char *s)
{
	int v = DATE_NONE;
	if (s && !date_parse_iso(s, strlen(s), &v))
		fail_msg("bad test date %s", s);
	return v;
}

/* An application with the essentials; outcome is a row key ("granted") or NULL. */
static inline void mkapp(struct app *a, int type, const char *received, const char *answered,
			 const char *outcome)
{
	app_release(a);
	app_set_text(&a->applicant, "张三");
	a->type = type;
	a->d.received = D(received);
	a->d.answered = D(answered);
	a->outcome = outcome ? t3_row_parse_key(outcome) : -1;
}

static inline struct store *memstore(void)
{
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	if (store_open(":memory:", 0, &s, &d) != ST_OK)
		fail_msg("cannot open an in-memory store: %s", diag_last(&d) ? diag_last(&d) : "?");
	diag_release(&d);
	return s;
}

/* Inserts a copy of a; fails the test when the store refuses. Returns the id. */
static inline long long put(struct store *s, struct app *a)
{
	struct diag d = DIAG_INIT;
	enum status st = store_app_insert(s, a, &d);
	if (st != ST_OK)
		fail_msg("insert refused (%d): %s", st, diag_last(&d) ? diag_last(&d) : "?");
	diag_release(&d);
	return a->id;
}

#endif
