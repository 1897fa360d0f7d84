/*
 * testutil.h — what every unit test includes first, and only this before its own module's
 * headers: the C library headers the tests use, cmocka with the headers it needs before it
 * (setjmp.h, stdarg.h, stddef.h, stdint.h), the core's types (applications, codes, dates, the
 * store and the calendar), the shipped holiday calendar as compiled into the program, and small
 * helpers: dates from text, applications in one line, a fresh in-memory database, and
 * gk_run_tests, which every test's main ends with.
 */
#ifndef GK_TESTUTIL_H
#define GK_TESTUTIL_H

#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* cmocka.h needs these before it */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app.h"
#include "calendar.h"
#include "codes.h"
#include "date.h"
#include "store.h"
#include "strbuf.h"
#include "xmem.h"

/* The State Council holiday calendar (data/holidays-cn.csv) as compiled into the program. */
extern const unsigned char holidays_csv[];
extern const unsigned long holidays_csv_len;

/* gk_run_tests(TESTS, SETUP, TEARDOWN): the end of every test's main. Sets the locale from the
 * environment as the program does (the suite runs with LC_ALL=C.UTF-8, so that display widths
 * of Chinese text are counted), then runs the group TESTS (an array of CMUnitTest) and returns
 * the number of tests that failed. */
#define gk_run_tests(tests, setup, teardown) \
	(setlocale(LC_ALL, ""), cmocka_run_group_tests(tests, setup, teardown))

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

/* Opens a large import's transaction for about `expected` rows (the store then chooses which
 * parts of the large indexes it builds again at bulk_end); fails the test when it is refused
 * or would not take the bulk way. */
static inline void bulk_begin(struct store *s, long long expected)
{
	struct diag d = DIAG_INIT;
	bool on = false;
	assert_int_equal(store_begin(s, &d), ST_OK);
	assert_int_equal(store_bulk_begin(s, expected, &on, &d), ST_OK);
	assert_true(on);
	diag_release(&d);
}

/* Builds the indexes again and commits the import bulk_begin opened. */
static inline void bulk_end(struct store *s)
{
	struct diag d = DIAG_INIT;
	assert_int_equal(store_bulk_end(s, &d), ST_OK);
	assert_int_equal(store_commit(s, &d), ST_OK);
	diag_release(&d);
}

#endif
