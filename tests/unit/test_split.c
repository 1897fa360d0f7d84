/*
 * test_split.c — the large indexes in two parts (schema.sql): a large import into an empty or
 * small file builds both whole and moves the split after its last application; one that
 * brings little next to what the file holds sorts only the recent part and keeps the split;
 * and whatever reads those indexes (the applicant's earlier applications, the fee's count of
 * the month, table 三 recounted, the answers of a year, the fees of the voided left out) finds
 * applications on both sides of the split.
 */
#include "testutil.h"

#include "dup.h"

/* An application of `name` received on `received`, answered (granted) on `answered` or open. */
static long long add(struct store *s, const char *name, const char *received,
		     const char *answered)
{
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, received, answered, answered ? "granted" : NULL);
	app_set_text(&a.applicant, name);
	app_set_text(&a.request, "申请公开本单位2023年度财政预算执行情况");
	long long id = put(s, &a);
	app_release(&a);
	return id;
}

/* How many applications the whole list counts on `today`. */
static long long listed(struct store *s, const char *today)
{
	struct diag d = DIAG_INIT;
	struct list_query q = { .filter = LF_ALL, .today = D(today) };
	long long n = -1;
	assert_int_equal(store_list_count(s, &q, &n, &d), ST_OK);
	diag_release(&d);
	return n;
}

static int count_app(const struct app *a, void *ctx)
{
	(void)a;
	(*(int *)ctx)++;
	return 0;
}

static void test_split_moves_only_when_the_recent_part_grows(void **state)
{
	(void)state;
	struct store *s = memstore();
	assert_int_equal(store_split(s), 0);   /* a new file: every application recent */

	/* into an empty file: both parts built whole, the split after the last */
	bulk_begin(s, 100);
	for (int i = 0; i < 40; i++)
		add(s, i % 2 ? "乙" : "甲", i % 3 ? "2023-03-01" : "2023-03-20",
		    i % 4 ? "2023-03-28" : NULL);
	bulk_end(s);
	assert_int_equal(store_split(s), 40);

	/* one by one: after the split */
	add(s, "甲", "2023-03-25", "2023-03-28");
	assert_int_equal(store_split(s), 40);

	/* a few next to the 40 before the split: only the recent part is sorted again */
	bulk_begin(s, 5);
	for (int i = 0; i < 5; i++)
		add(s, "丙", "2023-03-02", "2023-03-29");
	bulk_end(s);
	assert_int_equal(store_split(s), 40);

	/* more than half of it: both whole again */
	bulk_begin(s, 20);
	for (int i = 0; i < 20; i++)
		add(s, "丁", "2023-04-02", NULL);
	bulk_end(s);
	assert_int_equal(store_split(s), 66);

	/* an import rolled back after its indexes were built leaves the split where it was */
	bulk_begin(s, 100);
	add(s, "戊", "2023-05-02", NULL);
	struct diag rd = DIAG_INIT;
	assert_int_equal(store_bulk_end(s, &rd), ST_OK);
	assert_int_equal(store_split(s), 67);
	store_rollback(s);
	assert_int_equal(store_split(s), 66);
	assert_int_equal(listed(s, "2023-06-01"), 66);
	diag_release(&rd);

	/* and the file opened again reads the split from its schema */
	char path[] = "/tmp/gk-split-XXXXXX.db";
	int fd = mkstemps(path, 3);
	close(fd);
	unlink(path);
	struct store *f = NULL, *other = NULL;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_open(path, 0, &f, &d), ST_OK);
	assert_int_equal(store_open(path, 0, &other, &d), ST_OK);
	store_changed_elsewhere(other);
	bulk_begin(f, 10);
	for (int i = 0; i < 10; i++)
		add(f, "甲", "2024-01-02", NULL);
	bulk_end(f);
	store_close(&f);
	/* another clerk's program, open meanwhile, follows the split once it sees the change */
	assert_int_equal(store_split(other), 0);
	assert_true(store_changed_elsewhere(other));
	assert_int_equal(store_split(other), 10);
	assert_int_equal(listed(other, "2024-02-01"), 10);
	store_close(&other);
	assert_int_equal(store_open(path, 0, &f, &d), ST_OK);
	assert_int_equal(store_split(f), 10);
	store_close(&f);
	unlink(path);
	diag_release(&d);
	store_close(&s);
}

static void test_reads_find_both_parts(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct diag d = DIAG_INIT;
	bulk_begin(s, 100);
	long long old = add(s, "甲", "2023-02-01", "2023-02-10");
	long long voided = add(s, "乙", "2023-02-02", "2023-02-10");
	add(s, "乙", "2022-12-30", "2023-01-04");
	bulk_end(s);
	assert_int_equal(store_split(s), 3);
	long long late = add(s, "甲", "2023-02-03", "2023-02-10");
	add(s, "乙", "2023-02-04", "2023-03-01");
	add(s, "丙", "2021-05-05", "2021-05-06");   /* a year only after the split */
	assert_int_equal(store_split(s), 3);

	/* an applicant's earlier applications, on both sides */
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2023-02-05", NULL, NULL);
	app_set_text(&a.request, "申请公开本单位2023年度财政预算执行情况");
	struct dup_list l = { 0 };
	assert_int_equal(store_dup_find(s, &a, &l, &d), ST_OK);
	assert_int_equal(l.n, 0);   /* 张三 has none */
	app_set_text(&a.applicant, "甲");
	assert_int_equal(store_dup_find(s, &a, &l, &d), ST_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, late);
	assert_int_equal(l.v[1].id, old);
	dup_list_release(&l);
	app_release(&a);

	/* the fee's count of the month: the third of 甲's February */
	long long n = 0;
	assert_int_equal(store_applicant_nth(s, "甲", NULL, D("2023-02-20"), 0, &n, &d), ST_OK);
	assert_int_equal(n, 3);

	/* a voided one before the split is left out of table 三 and of the fees */
	assert_int_equal(store_app_void(s, voided, 0, "录入重复", NULL, &d), ST_OK);
	for (int y = 2021; y <= 2023; y++) {
		struct table3 kept, recount;
		assert_int_equal(store_table3(s, y, &kept, &d), ST_OK);
		assert_int_equal(store_table3_recount(s, y, &recount, &d), ST_OK);
		assert_true(tally_table3_equal(&kept, &recount));
	}
	struct table3 t;
	assert_int_equal(store_table3_recount(s, 2023, &t, &d), ST_OK);
	assert_int_equal(t.v[R_GRANTED][T3_TOTAL], 4);   /* 3 + the one answered in 2023 */

	/* the answers of a year, and the years held, on both sides */
	int answered = 0, stopped = 0;
	assert_int_equal(store_app_foreach(s, SCOPE_ANSWERED_IN, 2023, count_app, &answered,
					   &stopped, &d), ST_OK);
	assert_int_equal(answered, 4);
	struct list_query q = { .filter = LF_ALL, .today = D("2023-06-01") };
	assert_int_equal(store_list_count(s, &q, &n, &d), ST_OK);
	assert_int_equal(n, 5);
	struct list_page page = { 0 };
	assert_int_equal(store_list_page(s, &q, NULL, 0, false, 10, &page, &d), ST_OK);
	assert_int_equal(page.n, 5);
	assert_string_equal(page.rows[4].applicant, "丙");   /* answered earliest: last */
	store_list_page_release(&page);
	diag_release(&d);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_moves_only_when_the_recent_part_grows),
		cmocka_unit_test(test_reads_find_both_parts),
	};
	return gk_run_tests(tests, NULL, NULL);
}
