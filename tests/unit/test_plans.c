/*
 * test_plans.c — every statement the store runs is served by an index where one should serve:
 * no full scan of the applications (or the reviews) but for the few walks over all of them,
 * and no temporary sort where the list pages by an index (keyset paging needs the index order);
 * in a file whose large indexes are split in two parts (schema.sql), each read by its own.
 */
#include "testutil.h"

/* Statements that walk every application on purpose (and only these). */
static const char *const full_walks[] = {
	"Q_APP_ALL",          /* export of everything */
	"Q_APP_YEAR",         /* export of one year: what its table 三 and 四 count */
	"Q_T3_NEW",           /* the recount of table 三 by `check`, from the applications */
	"Q_BULK_SIZE",        /* count(*) before a large import: SQLite counts pages, not rows */
	"Q_APP_OPEN_IDS",     /* recompute after a calendar change: only open ones, by a partial index */
};

static bool allowed_full(const char *name)
{
	for (size_t i = 0; i < sizeof full_walks / sizeof full_walks[0]; i++)
		if (strcmp(name, full_walks[i]) == 0)
			return true;
	return false;
}

struct seen {
	int statements, lists, dup;
	char problems[4096];
};

static void check_plan(const char *name, const char *plan, void *ctx)
{
	struct seen *s = ctx;
	bool list = strncmp(name, "list ", 5) == 0;
	s->statements++;
	s->lists += list;
	/* "SCAN application" without an index is a full table scan */
	const char *scan = strstr(plan, "SCAN application");
	if (!scan)
		scan = strstr(plan, "SCAN review");
	bool full = scan && !strstr(scan, "INDEX");
	if (full && !allowed_full(name))
		snprintf(s->problems + strlen(s->problems), sizeof s->problems - strlen(s->problems),
			 "%s: full scan:\n%s", name, plan);
	/* a part of the large indexes not used: the part's whole range of ids read instead */
	if ((strstr(plan, "application USING INTEGER PRIMARY KEY (rowid<") ||
	     strstr(plan, "application USING INTEGER PRIMARY KEY (rowid>")) &&
	    strcmp(name, "Q_RECENT_SIZE") != 0)
		snprintf(s->problems + strlen(s->problems), sizeof s->problems - strlen(s->problems),
			 "%s: reads a range of ids instead of a part's index:\n%s", name, plan);
	/* a filtered list searches an index range; only the whole list (or a bare search) scans */
	bool whole = strncmp(name, "list all", 8) == 0;
	if (list && !whole && strstr(plan, "SCAN application"))
		snprintf(s->problems + strlen(s->problems), sizeof s->problems - strlen(s->problems),
			 "%s: scans instead of searching an index range:\n%s", name, plan);
	if (strcmp(name, "Q_CASE_MAX") == 0 && strstr(plan, "TEMP B-TREE"))
		snprintf(s->problems + strlen(s->problems), sizeof s->problems - strlen(s->problems),
			 "%s: sorts the year's case numbers:\n%s", name, plan);
	/* an applicant's earlier applications: by name and by ID number, each through its index */
	if (strcmp(name, "Q_APP_DUP") == 0 && (!strstr(plan, "INDEX app_applicant") ||
					     !strstr(plan, "INDEX app_id_number")))
		snprintf(s->problems + strlen(s->problems), sizeof s->problems - strlen(s->problems),
			 "%s: not by the applicant's indexes:\n%s", name, plan);
	s->dup += strcmp(name, "Q_APP_DUP") == 0;
	/* a list page must come in index order, never through a sort of the whole list */
	if (list && strstr(plan, "TEMP B-TREE FOR ORDER BY"))
		snprintf(s->problems + strlen(s->problems), sizeof s->problems - strlen(s->problems),
			 "%s: sorts instead of paging by the index:\n%s", name, plan);
}

static void test_every_statement_uses_an_index(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct seen seen = { 0 };
	struct diag d = DIAG_INIT;
	/* the large indexes split after a first import (the statements say where, as numbers) */
	bulk_begin(s, 100);
	struct app a;
	app_init(&a);
	for (int i = 0; i < 3; i++) {
		mkapp(&a, AT_PERSON, "2023-03-01", NULL, NULL);
		put(s, &a);
	}
	app_release(&a);
	bulk_end(s);
	assert_int_equal(store_split(s), 3);
	assert_int_equal(store_query_plans(s, check_plan, &seen, &d), ST_OK);
	assert_true(seen.statements > 40);
	assert_int_equal(seen.lists, LF_COUNT * 16);
	assert_int_equal(seen.dup, 1);
	if (seen.problems[0])
		fail_msg("%s", seen.problems);
	diag_release(&d);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_statement_uses_an_index),
	};
	return gk_run_tests(tests, NULL, NULL);
}
