/*
 * test_counting.c — the counting rule of table 三, which lives in four places, gives the same
 * table in all of them on the same applications:
 *
 *   1. tally_table3_count (tally.c): the rule in C;
 *   2. the triggers of schema.sql (tally_insert, tally_update), which keep tally_count and
 *      tally_year as each application is saved, read by store_table3;
 *   3. store_bulk_count (store_import.c), which counts in C what a bulk import writes with the
 *      triggers dropped;
 *   4. the Q_T3_* queries (store_priv.h), the recount from the applications that `check` runs.
 *
 * Random applications over several years (every type and outcome, answers across New Year,
 * open ones), some changed afterwards; then the same applications through a ledger export and a
 * bulk import into a second file.
 */
#include "testutil.h"

#include "ledger.h"
#include "tally.h"

#define N 600

static void make(struct app *apps, int n)
{
	srand(11);
	int first = D("2020-11-01"), span = D("2024-02-01") - first;
	for (int i = 0; i < n; i++) {
		app_init(&apps[i]);
		mkapp(&apps[i], rand() % AT_COUNT, NULL, NULL, NULL);
		apps[i].d.received = first + rand() % span;
		if (rand() % 4) {
			apps[i].d.answered = apps[i].d.received + rand() % 90;
			apps[i].outcome = OUTCOME_FIRST + rand() % OUTCOME_COUNT;
		}
	}
}

/* Changes some after saving: type, outcome, a reopening, an answer moved across New Year. */
static void change(struct store *s, struct app *apps, int n)
{
	for (int i = 0; i < n; i += 5) {
		apps[i].type = (apps[i].type + 1) % AT_COUNT;
		if (apps[i].d.answered != DATE_NONE && i % 3 == 0) {
			apps[i].d.answered = DATE_NONE;
			apps[i].outcome = -1;
		} else if (apps[i].d.answered != DATE_NONE) {
			apps[i].outcome = OUTCOME_FIRST + (apps[i].outcome + 5) % OUTCOME_COUNT;
			apps[i].d.answered += 20;
		} else {
			apps[i].d.answered = apps[i].d.received + 30;
			apps[i].outcome = OUTCOME_FIRST + i % OUTCOME_COUNT;
		}
		assert_int_equal(store_app_update(s, &apps[i], "测试", NULL), ST_OK);
	}
}

/* The applications of a through export and import into a new file (the bulk path). */
static struct store *through_ledger(struct store *a)
{
	char *buf = NULL;
	size_t len = 0, count = 0;
	FILE *out = open_memstream(&buf, &len);
	struct ledger_export_options eo = { 0 };
	assert_int_equal(ledger_export(a, out, &eo, &count, NULL), ST_OK);
	fclose(out);
	assert_int_equal(count, N);
	struct store *b = memstore();
	FILE *in = fmemopen(buf, len, "rb");
	struct ledger_import_options io = { .today = D("2030-01-01"), .source = "counting.csv" };
	struct ledger_import_result res;
	struct diag d = DIAG_INIT;
	enum status st = ledger_import(b, in, &io, &res, &d);
	if (st != ST_OK)
		fail_msg("import: %s", diag_last(&d) ? diag_last(&d) : "?");
	assert_int_equal(res.imported, N);
	fclose(in);
	diag_release(&d);
	diag_release(&res.warnings);
	free(buf);
	return b;
}

static void test_four_places_agree(void **state)
{
	(void)state;
	struct app *apps = calloc(N, sizeof *apps);
	make(apps, N);
	struct store *a = memstore();
	for (int i = 0; i < N; i++)
		put(a, &apps[i]);
	change(a, apps, N);
	struct store *b = through_ledger(a);
	for (int y = 2019; y <= 2025; y++) {
		struct table3 rule, kept, recount, bulk, bulk_recount;
		memset(&rule, 0, sizeof rule);
		for (int i = 0; i < N; i++)
			tally_table3_count(&rule, &apps[i], y);
		tally_table3_finish(&rule);
		assert_int_equal(store_table3(a, y, &kept, NULL), ST_OK);
		assert_int_equal(store_table3_recount(a, y, &recount, NULL), ST_OK);
		assert_int_equal(store_table3(b, y, &bulk, NULL), ST_OK);
		assert_int_equal(store_table3_recount(b, y, &bulk_recount, NULL), ST_OK);
		if (!tally_table3_equal(&rule, &kept))
			fail_msg("%d: the triggers' counts differ from the rule in C", y);
		if (!tally_table3_equal(&rule, &recount))
			fail_msg("%d: the recount queries differ from the rule in C", y);
		if (!tally_table3_equal(&rule, &bulk))
			fail_msg("%d: the bulk import's counts differ from the rule in C", y);
		if (!tally_table3_equal(&rule, &bulk_recount))
			fail_msg("%d: the recount after a bulk import differs", y);
		/* not all zero: the years hold something to compare */
		if (y >= 2021 && y <= 2023)
			assert_true(rule.v[R_NEW][T3_TOTAL] > 0 && rule.v[R_PROCESSED_TOTAL][T3_TOTAL] > 0);
	}
	for (int i = 0; i < N; i++)
		app_release(&apps[i]);
	free(apps);
	store_close(&a);
	store_close(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_four_places_agree),
	};
	return gk_run_tests(tests, NULL, NULL);
}
