/*
 * test_store.c — the database: opening and refusing files, applications with their case
 * numbers, versions and history, the year lock, the tallies by SQL against an independent
 * count in C, table 四 across years, fees, and the list's keyset pages.
 */
#include "fee.h"
#include "testutil.h"

#include <sqlite3.h>

#include "tally.h"

static void test_new_database_has_calendar(void **state)
{
	(void)state;
	struct store *s = memstore();
	const struct calendar *cal = store_calendar(s);
	for (int y = 2019; y <= 2026; y++)
		assert_true(calendar_has_year(cal, y));
	assert_false(calendar_has_year(cal, 2027));
	assert_false(calendar_is_workday(cal, D("2023-10-02")));
	assert_true(calendar_is_workday(cal, D("2023-10-07")));
	store_close(&s);
	assert_null(s);
}

static void test_case_numbers_and_duplicates(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a, b;
	app_init(&a);
	app_init(&b);
	mkapp(&a, AT_PERSON, "2023-03-01", NULL, NULL);
	put(s, &a);
	assert_string_equal(a.case_no, "2023-0001");
	mkapp(&a, AT_PERSON, "2023-05-01", NULL, NULL);
	put(s, &a);
	assert_string_equal(a.case_no, "2023-0002");
	mkapp(&a, AT_LEGAL, "2024-01-02", NULL, NULL);
	put(s, &a);
	assert_string_equal(a.case_no, "2024-0001");

	mkapp(&b, AT_PERSON, "2023-06-01", NULL, NULL);
	app_set_text(&b.case_no, "2023-0002");
	struct diag d = DIAG_INIT;
	assert_int_equal(store_app_insert(s, &b, &d), ST_DATA);
	assert_non_null(strstr(diag_last(&d), "编号: 2023-0002 已存在"));
	diag_release(&d);

	/* past 9999 the numbers grow a digit and keep counting; other forms are passed over */
	mkapp(&b, AT_PERSON, "2023-06-02", NULL, NULL);
	app_set_text(&b.case_no, "2023-9999");
	put(s, &b);
	mkapp(&b, AT_PERSON, "2023-06-02", NULL, NULL);
	app_set_text(&b.case_no, "2023-9999补");
	put(s, &b);
	mkapp(&a, AT_PERSON, "2023-06-03", NULL, NULL);
	put(s, &a);
	assert_string_equal(a.case_no, "2023-10000");
	store_close(&s);
	s = memstore();
	mkapp(&b, AT_PERSON, "2023-06-02", NULL, NULL);
	app_set_text(&b.case_no, "2023-10041");
	put(s, &b);
	mkapp(&a, AT_PERSON, "2023-06-03", NULL, NULL);
	put(s, &a);
	assert_string_equal(a.case_no, "2023-10042");
	mkapp(&b, AT_LEGAL, "2024-01-02", NULL, NULL);
	app_set_text(&b.case_no, "2024-0001");
	put(s, &b);
	assert_int_equal(store_app_get_by_case(s, "2024-0001", &b, NULL), ST_OK);
	assert_int_equal(b.type, AT_LEGAL);
	assert_int_equal(store_app_get_by_case(s, "nope", &b, NULL), ST_NOTFOUND);
	app_release(&a);
	app_release(&b);
	store_close(&s);
}

static void test_clock_fields_are_kept(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2023-09-28", NULL, NULL);
	put(s, &a);
	assert_int_equal(a.state, STATE_OPEN);
	assert_int_equal(a.due, D("2023-11-01"));
	a.d.consult_start = D("2023-10-09");
	assert_int_equal(store_app_update(s, &a, NULL, NULL), ST_OK);
	assert_int_equal(a.state, STATE_CONSULT);
	assert_int_equal(a.due, DATE_NONE);
	struct app b;
	app_init(&b);
	assert_int_equal(store_app_get(s, a.id, &b, NULL), ST_OK);
	assert_int_equal(b.state, STATE_CONSULT);
	assert_true(b.left_days > 0);
	app_release(&a);
	app_release(&b);
	store_close(&s);
}

static void test_conflict_and_history(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app mine, theirs;
	app_init(&mine);
	app_init(&theirs);
	mkapp(&mine, AT_PERSON, "2023-03-01", NULL, NULL);
	put(s, &mine);
	assert_int_equal(store_app_get(s, mine.id, &theirs, NULL), ST_OK);

	app_set_text(&theirs.note, "另一位办事员的修改");
	assert_int_equal(store_app_update(s, &theirs, NULL, NULL), ST_OK);
	assert_int_equal(theirs.version, 2);

	app_set_text(&mine.applicant, "李四");
	struct diag d = DIAG_INIT;
	assert_int_equal(store_app_update(s, &mine, NULL, &d), ST_CONFLICT);
	assert_non_null(strstr(diag_last(&d), "已在"));
	diag_release(&d);

	/* answer, then reopen with a reason: both in the history, in order */
	theirs.d.answered = D("2023-03-10");
	theirs.outcome = R_GRANTED;
	assert_int_equal(store_app_update(s, &theirs, NULL, NULL), ST_OK);
	theirs.d.answered = DATE_NONE;
	theirs.outcome = -1;
	assert_int_equal(store_app_update(s, &theirs, "申请人补充了材料", NULL), ST_OK);

	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(s, theirs.id, &h, &n, NULL), ST_OK);
	/* 新建, 备注, 答复日期 + 办理结果, 答复日期 + 办理结果 again */
	assert_int_equal(n, 6);
	assert_string_equal(h[0].field, "新建");
	assert_string_equal(h[1].field, "备注");
	assert_string_equal(h[1].new_value, "另一位办事员的修改");
	assert_string_equal(h[4].field, "答复日期");
	assert_string_equal(h[4].old_value, "2023-03-10");
	assert_null(h[4].new_value);
	assert_string_equal(h[5].reason, "申请人补充了材料");
	assert_string_equal(h[5].user, store_user());

	/* as the detail screen and show print it */
	struct strbuf line = STRBUF_INIT;
	history_entry_text(&h[4], false, &line);
	assert_non_null(strstr(sb_str(&line), "  答复日期：2023-03-10 已清除（理由：申请人补充了材料）"));
	sb_release(&line);
	history_entry_text(&h[1], false, &line);
	assert_non_null(strstr(sb_str(&line), "  备注：另一位办事员的修改"));
	assert_null(strstr(sb_str(&line), "理由"));
	sb_release(&line);
	history_free(&h, n);
	app_release(&mine);
	app_release(&theirs);
	store_close(&s);
}

/* 证件号码 and 联系方式 in the history are masked like the fields themselves, unless asked */
static void test_history_text_masks_personal_data(void **state)
{
	(void)state;
	struct history_entry id = { "2023-03-02 09:15:00", "clerk", "证件号码",
				    "410105199001010011", "410112661035480187", "更正" };
	struct history_entry tel = { "2023-03-02 09:15:00", "clerk", "联系方式", NULL,
				     "13912345678", NULL };
	struct strbuf sb = STRBUF_INIT;
	history_entry_text(&id, false, &sb);
	assert_string_equal(sb_str(&sb), "2023-03-02 09:15:00 clerk  证件号码："
			    "4101**********0011 改为 4101**********0187（理由：更正）");
	sb_release(&sb);
	history_entry_text(&tel, false, &sb);
	assert_string_equal(sb_str(&sb), "2023-03-02 09:15:00 clerk  联系方式：139****5678");
	sb_release(&sb);
	history_entry_text(&id, true, &sb);
	assert_non_null(strstr(sb_str(&sb), "410105199001010011 改为 410112661035480187"));
	sb_release(&sb);
}

static void test_history_is_append_only(void **state)
{
	(void)state;
	char path[] = "/tmp/gk-test-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2023-03-01", NULL, NULL);
	put(s, &a);
	store_close(&s);
	app_release(&a);

	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE history SET user = 'x'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM history", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	unlink(path);
}

static void write_file(const char *path, const char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(bytes, 1, n, f);
	fclose(f);
}

static void test_files_that_are_not_ours(void **state)
{
	(void)state;
	char path[] = "/tmp/gk-test-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	struct store *s = NULL;
	struct diag d = DIAG_INIT;

	write_file(path, "这不是数据库，只是一段文字。\n", 40);
	assert_int_equal(store_open(path, 0, &s, &d), ST_NOTOURS);
	assert_null(s);

	sqlite3 *db;
	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(db);
	diag_clear(&d);
	assert_int_equal(store_open(path, 0, &s, &d), ST_NOTOURS);
	assert_non_null(strstr(d.lines[0], "其他程序"));

	unlink(path);
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	store_close(&s);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	diag_clear(&d);
	assert_int_equal(store_open(path, 0, &s, &d), ST_NOTOURS);
	assert_non_null(strstr(d.lines[0], "更新版本"));

	unlink(path);
	diag_clear(&d);
	assert_int_equal(store_open(path, STORE_NOCREATE, &s, &d), ST_NOINPUT);
	diag_release(&d);
}

/* The mode of path's companion suffix, or -1 when it is missing. */
static int companion_mode(const char *path, const char *suffix)
{
	char name[160];
	snprintf(name, sizeof name, "%s%s", path, suffix);
	struct stat sb;
	return stat(name, &sb) == 0 ? (int)(sb.st_mode & 07777) : -1;
}

static void chmod_companions(const char *path, mode_t mode)
{
	char name[160];
	snprintf(name, sizeof name, "%s-wal", path);
	assert_int_equal(chmod(name, mode), 0);
	snprintf(name, sizeof name, "%s-shm", path);
	assert_int_equal(chmod(name, mode), 0);
}

/* A shared file (group read-write) gets 0660 -wal and -shm on every open, whatever made them;
 * a private file's are left exactly as they are (docs/manual.md, several accounts). */
static void test_shared_file_companions(void **state)
{
	(void)state;
	char dir[] = "/tmp/gk-share-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/ledger.db", dir);
	mode_t old = umask(077);
	struct store *a = NULL, *b = NULL;
	assert_int_equal(store_open(path, 0, &a, NULL), ST_OK);   /* holds -wal and -shm */
	assert_int_equal(companion_mode(path, "-wal"), 0600);
	chmod_companions(path, 0640);
	assert_int_equal(store_open(path, 0, &b, NULL), ST_OK);
	assert_int_equal(companion_mode(path, "-wal"), 0640);     /* private: untouched */
	assert_int_equal(companion_mode(path, "-shm"), 0640);
	store_close(&b);

	assert_int_equal(chmod(path, 0660), 0);
	chmod_companions(path, 0600);
	assert_int_equal(store_open(path, 0, &b, NULL), ST_OK);
	assert_int_equal(companion_mode(path, "-wal"), 0660);
	assert_int_equal(companion_mode(path, "-shm"), 0660);
	store_close(&b);
	store_close(&a);
	umask(old);
	assert_int_equal(companion_mode(path, "-wal"), -1);
	unlink(path);
	rmdir(dir);
}

/* Random applications over several years; the SQL tally must equal the count in C. */
static void test_tally_matches_independent_count(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app *apps = calloc(400, sizeof *apps);
	srand(7);
	int first = D("2020-01-01"), span = D("2026-11-20") - first;
	for (int i = 0; i < 400; i++) {
		app_init(&apps[i]);
		mkapp(&apps[i], rand() % AT_COUNT, NULL, NULL, NULL);
		apps[i].d.received = first + rand() % span;
		if (rand() % 5) {
			int done = apps[i].d.received + rand() % 60;
			if (done <= D("2026-11-26")) {
				apps[i].d.answered = done;
				apps[i].outcome = OUTCOME_FIRST + rand() % OUTCOME_COUNT;
			}
		}
		put(s, &apps[i]);
	}
	/* then change some: the counts kept by the triggers must follow */
	for (int i = 0; i < 400; i += 7) {
		apps[i].type = (apps[i].type + 1) % AT_COUNT;
		if (apps[i].d.answered != DATE_NONE && i % 2) {
			apps[i].d.answered = DATE_NONE;
			apps[i].outcome = -1;
		} else if (apps[i].d.answered != DATE_NONE) {
			apps[i].outcome = OUTCOME_FIRST + (apps[i].outcome + 3) % OUTCOME_COUNT;
		}
		assert_int_equal(store_app_update(s, &apps[i], "测试", NULL), ST_OK);
	}
	for (int y = 2019; y <= 2027; y++) {
		struct table3 sql, scan, c;
		memset(&c, 0, sizeof c);
		assert_int_equal(store_table3(s, y, &sql, NULL), ST_OK);
		assert_int_equal(store_table3_recount(s, y, &scan, NULL), ST_OK);
		for (int i = 0; i < 400; i++)
			tally_table3_count(&c, &apps[i], y);
		tally_table3_finish(&c);
		assert_true(tally_table3_equal(&sql, &c));
		assert_true(tally_table3_equal(&scan, &c));
		bool balanced, carry;
		struct table3 prev;
		store_table3(s, y - 1, &prev, NULL);
		tally_check(&sql, NULL, prev.v[R_CARRIED_OUT], &balanced, &carry, NULL);
		assert_true(balanced);
		assert_true(carry);
	}
	for (int i = 0; i < 400; i++)
		app_release(&apps[i]);
	free(apps);
	store_close(&s);
}

static void test_carry_over(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	mkapp(&a, AT_BUSINESS, "2022-12-20", "2023-01-10", "partial");
	put(s, &a);
	mkapp(&a, AT_BUSINESS, "2021-06-01", NULL, NULL);
	put(s, &a);
	struct table3 t;
	assert_int_equal(store_table3(s, 2022, &t, NULL), ST_OK);
	assert_int_equal(t.v[R_NEW][AT_BUSINESS], 1);
	assert_int_equal(t.v[R_CARRIED_IN][AT_BUSINESS], 1);
	assert_int_equal(t.v[R_CARRIED_OUT][AT_BUSINESS], 2);
	assert_int_equal(t.v[R_CARRIED_OUT][T3_TOTAL], 2);
	assert_int_equal(store_table3(s, 2023, &t, NULL), ST_OK);
	assert_int_equal(t.v[R_CARRIED_IN][AT_BUSINESS], 2);
	assert_int_equal(t.v[R_PARTIAL][AT_BUSINESS], 1);
	assert_int_equal(t.v[R_PROCESSED_TOTAL][T3_TOTAL], 1);
	assert_int_equal(t.v[R_CARRIED_OUT][AT_BUSINESS], 1);
	assert_int_equal(t.v[R_NEW][T3_TOTAL], 0);
	app_release(&a);
	store_close(&s);
}

static void test_balance_check_fails_when_it_should(void **state)
{
	(void)state;
	struct table3 t;
	memset(&t, 0, sizeof t);
	t.v[R_NEW][AT_PERSON] = 5;
	t.v[R_GRANTED][AT_PERSON] = 4;
	tally_table3_finish(&t);
	bool balanced, carry;
	struct diag d = DIAG_INIT;
	tally_check(&t, NULL, NULL, &balanced, &carry, &d);
	assert_false(balanced);
	assert_true(carry);
	assert_non_null(strstr(d.lines[0], "自然人 列不平衡"));

	t.v[R_CARRIED_OUT][AT_PERSON] = 1;
	tally_table3_finish(&t);
	long long prev[T3_COLS] = { 2 };
	diag_clear(&d);
	tally_check(&t, NULL, prev, &balanced, &carry, &d);
	assert_true(balanced);
	assert_false(carry);
	assert_non_null(strstr(d.lines[0], "上年结转 0 不等于上一年度结转下年度 2"));

	t.v[R_PROCESSED_TOTAL][AT_PERSON] = 9;   /* a hand-made total that does not add up */
	diag_clear(&d);
	tally_check(&t, NULL, NULL, &balanced, &carry, &d);
	assert_false(balanced);
	diag_release(&d);
}

static void test_table4_across_years(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2022-03-01", "2022-03-20", "withheld.secret");
	a.review = (struct review_case){ T4_REVIEW, D("2022-05-01"), RR_CORRECTED, D("2023-02-01") };
	a.suit = (struct review_case){ T4_SUIT_DIRECT, D("2022-06-01"), -1, DATE_NONE };
	put(s, &a);
	mkapp(&a, AT_LEGAL, "2023-03-01", "2023-03-20", "rejected.repeat");
	a.suit = (struct review_case){ T4_SUIT_AFTER_REVIEW, D("2023-06-01"), RR_UPHELD,
				       D("2023-12-31") };
	put(s, &a);
	struct table4 t;
	assert_int_equal(store_table4(s, 2022, &t, NULL), ST_OK);
	assert_int_equal(t.v[T4_REVIEW][T4_PENDING], 1);
	assert_int_equal(t.v[T4_SUIT_DIRECT][T4_PENDING], 1);
	assert_int_equal(t.v[T4_SUIT_AFTER_REVIEW][T4_TOTAL], 0);
	assert_int_equal(store_table4(s, 2023, &t, NULL), ST_OK);
	assert_int_equal(t.v[T4_REVIEW][T4_CORRECTED], 1);     /* filed 2022, decided 2023 */
	assert_int_equal(t.v[T4_REVIEW][T4_TOTAL], 1);
	assert_int_equal(t.v[T4_SUIT_DIRECT][T4_PENDING], 1);  /* still undecided */
	assert_int_equal(t.v[T4_SUIT_AFTER_REVIEW][T4_UPHELD], 1);
	assert_int_equal(store_table4(s, 2024, &t, NULL), ST_OK);
	assert_int_equal(t.v[T4_REVIEW][T4_TOTAL], 0);          /* decided before 2024 */
	assert_int_equal(t.v[T4_SUIT_DIRECT][T4_PENDING], 1);
	/* a voided application's reviews and suits count nowhere, undecided or decided */
	long long first = a.id - 1;
	assert_int_equal(store_app_void(s, first, 0, "重复登记", "clerk1", NULL), ST_OK);
	assert_int_equal(store_table4(s, 2023, &t, NULL), ST_OK);
	assert_int_equal(t.v[T4_REVIEW][T4_TOTAL], 0);
	assert_int_equal(t.v[T4_SUIT_DIRECT][T4_TOTAL], 0);
	assert_int_equal(t.v[T4_SUIT_AFTER_REVIEW][T4_UPHELD], 1);
	assert_int_equal(store_app_void(s, a.id, 0, "测试", "clerk1", NULL), ST_OK);
	assert_int_equal(store_table4(s, 2023, &t, NULL), ST_OK);
	assert_int_equal(t.v[T4_SUIT_AFTER_REVIEW][T4_TOTAL], 0);
	app_release(&a);
	store_close(&s);
}

static void test_fees_paid_in_year(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2023-03-01", "2023-04-20", "granted");
	a.d.fee_notice = D("2023-03-10");
	a.d.fee_paid_on = D("2023-03-20");
	a.fee_fen = 394000;
	put(s, &a);
	mkapp(&a, AT_PERSON, "2023-12-01", NULL, NULL);
	a.d.fee_notice = D("2023-12-10");
	a.d.fee_paid_on = D("2024-01-05");
	a.fee_fen = 10050;
	put(s, &a);
	long long fen;
	assert_int_equal(store_fees_paid(s, 2023, &fen, NULL), ST_OK);
	assert_int_equal(fen, 394000);
	assert_int_equal(store_fees_paid(s, 2024, &fen, NULL), ST_OK);
	assert_int_equal(fen, 10050);
	app_release(&a);
	store_close(&s);
}

/* 作废: refused without a reason, after another clerk's save, in a locked year, and twice;
 * done, it leaves table 三 and every list but 已作废, and keeps its history. */
static void test_void(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a, b;
	app_init(&a);
	app_init(&b);
	mkapp(&a, AT_PERSON, "2023-03-01", NULL, NULL);
	put(s, &a);
	mkapp(&b, AT_LEGAL, "2022-06-01", NULL, NULL);
	put(s, &b);
	struct table3 t;
	assert_int_equal(store_table3(s, 2023, &t, NULL), ST_OK);
	assert_int_equal(t.v[R_NEW][AT_PERSON], 1);
	struct diag d = DIAG_INIT;
	assert_int_equal(store_app_void(s, a.id, 0, " ", "clerk1", &d), ST_DATA);
	assert_int_equal(store_app_void(s, a.id, a.version + 1, "重复", "clerk1", &d), ST_CONFLICT);
	assert_int_equal(store_year_lock(s, 2022, "{}", NULL), ST_OK);
	assert_int_equal(store_app_void(s, b.id, 0, "测试", "clerk1", &d), ST_LOCKED);
	assert_int_equal(store_app_void(s, a.id, a.version, "重复登记", "clerk1", &d), ST_OK);
	assert_int_equal(store_app_void(s, a.id, 0, "再次", "clerk1", &d), ST_DATA);
	assert_non_null(strstr(diag_last(&d), "作废不能撤销"));
	assert_int_equal(store_table3(s, 2023, &t, NULL), ST_OK);
	assert_int_equal(t.v[R_NEW][AT_PERSON], 0);
	struct app got;
	app_init(&got);
	assert_int_equal(store_app_get(s, a.id, &got, NULL), ST_OK);
	assert_string_equal(got.voided_by, "clerk1");
	assert_string_equal(got.void_reason, "重复登记");
	app_set_text(&got.note, "改不了");
	assert_int_equal(store_app_update(s, &got, NULL, &d), ST_DATA);
	struct list_query q = { .filter = LF_ALL };
	long long n = 0;
	assert_int_equal(store_list_count(s, &q, &n, NULL), ST_OK);
	assert_int_equal(n, 1);
	q.filter = LF_VOIDED;
	assert_int_equal(store_list_count(s, &q, &n, NULL), ST_OK);
	assert_int_equal(n, 1);
	struct history_entry *h;
	size_t nh;
	assert_int_equal(store_history(s, a.id, &h, &nh, NULL), ST_OK);
	assert_true(nh >= 2);
	assert_string_equal(h[nh - 1].field, "作废");
	assert_string_equal(h[nh - 1].user, "clerk1");
	assert_string_equal(h[nh - 1].reason, "重复登记");
	history_free(&h, nh);
	diag_release(&d);
	app_release(&a);
	app_release(&b);
	app_release(&got);
	store_close(&s);
}

static void test_year_lock(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2022-12-20", "2023-01-10", "granted");
	put(s, &a);
	assert_int_equal(store_year_lock(s, 2022, "{}", NULL), ST_OK);
	struct diag d = DIAG_INIT;
	assert_int_equal(store_year_lock(s, 2022, "{}", &d), ST_DATA);

	/* a note changes no table: allowed */
	app_set_text(&a.note, "补记");
	assert_int_equal(store_app_update(s, &a, NULL, NULL), ST_OK);
	/* the applicant type changes 2022's new and carried_out: refused */
	a.type = AT_LEGAL;
	diag_clear(&d);
	assert_int_equal(store_app_update(s, &a, NULL, &d), ST_LOCKED);
	assert_non_null(strstr(diag_last(&d), "2022 年度报表已定稿锁定"));
	a.type = AT_PERSON;
	/* the answer date moving within 2023 leaves 2022 alone: allowed */
	a.d.answered = D("2023-01-11");
	assert_int_equal(store_app_update(s, &a, NULL, NULL), ST_OK);
	/* a new application received in 2022: refused */
	struct app b;
	app_init(&b);
	mkapp(&b, AT_OTHER, "2022-06-01", NULL, NULL);
	assert_int_equal(store_app_insert(s, &b, NULL), ST_LOCKED);

	assert_int_equal(store_year_unlock(s, 2022, NULL, NULL), ST_USAGE);
	assert_int_equal(store_year_unlock(s, 2022, "更正申请人类型", NULL), ST_OK);
	bool locked;
	assert_int_equal(store_year_lock_get(s, 2022, &locked, NULL, NULL), ST_OK);
	assert_false(locked);
	assert_int_equal(store_app_insert(s, &b, NULL), ST_OK);
	diag_release(&d);
	app_release(&a);
	app_release(&b);
	store_close(&s);
}

/* Walks the whole list forward and back in small pages; returns how many rows it saw. */
static size_t walk(struct store *s, const struct list_query *q, long long *ids, bool back)
{
	struct list_page p = { 0 };
	char *key = NULL;
	long long id = 0;
	size_t n = 0;
	while (store_list_page(s, q, key, id, back, 7, &p, NULL) == ST_OK && p.n) {
		for (size_t i = 0; i < p.n; i++) {
			size_t k = back ? p.n - 1 - i : i;
			ids[n++] = p.rows[k].id;
		}
		free(key);
		const struct list_row *edge = back ? &p.rows[0] : &p.rows[p.n - 1];
		key = strdup(edge->key);
		id = edge->id;
	}
	free(key);
	store_list_page_release(&p);
	return n;
}

static void test_list_pages_and_filters(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	for (int i = 0; i < 60; i++) {
		char day[16];
		snprintf(day, sizeof day, "2026-%02d-%02d", 1 + i % 10, 1 + i % 27);
		mkapp(&a, i % AT_COUNT, day, NULL, NULL);
		if (i % 3 == 0) {
			a.d.answered = a.d.received + 5;
			a.outcome = R_GRANTED;
		}
		if (i % 10 == 1)
			a.d.correction_sent = a.d.received + 1;
		put(s, &a);
	}
	struct list_query q = { .filter = LF_ALL, .today = D("2026-11-26") };
	long long fwd[80], bwd[80];
	size_t n = walk(s, &q, fwd, false);
	assert_int_equal(n, 60);
	assert_int_equal(walk(s, &q, bwd, true), 60);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(fwd[i], bwd[n - 1 - i]);

	long long count;
	q.filter = LF_DONE;
	assert_int_equal(store_list_count(s, &q, &count, NULL), ST_OK);
	assert_int_equal(count, 20);
	q.filter = LF_CORRECTION;
	assert_int_equal(store_list_count(s, &q, &count, NULL), ST_OK);
	assert_int_equal(count, 4);
	q.filter = LF_OPEN;
	assert_int_equal(store_list_count(s, &q, &count, NULL), ST_OK);
	assert_int_equal(count, 40);
	q.filter = LF_LATE;   /* every running one was due long before November */
	assert_int_equal(store_list_count(s, &q, &count, NULL), ST_OK);
	assert_int_equal(count, 36);
	q.filter = LF_ALL;
	q.search = "2026-0003";
	assert_int_equal(store_list_count(s, &q, &count, NULL), ST_OK);
	assert_int_equal(count, 1);
	app_release(&a);
	store_close(&s);
}

static void test_monthly_and_applicant_counts(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2023-01-31", "2023-02-01", "granted");
	put(s, &a);
	mkapp(&a, AT_PERSON, "2023-02-03", "2023-03-01", "partial");
	put(s, &a);
	mkapp(&a, AT_LEGAL, "2023-02-10", NULL, NULL);
	app_set_text(&a.applicant, "某律师事务所");
	put(s, &a);
	mkapp(&a, AT_PERSON, "2022-02-10", "2023-02-20", "granted");
	put(s, &a);
	long long got[12], done[12];
	assert_int_equal(store_monthly(s, 2023, got, done, NULL), ST_OK);
	assert_int_equal(got[0], 1);
	assert_int_equal(got[1], 2);
	assert_int_equal(got[2], 0);
	assert_int_equal(done[1], 2);
	assert_int_equal(done[2], 1);
	long long n;
	/* 张三's applications of February 2023: a new one of the 10th comes after that of the 3rd */
	assert_int_equal(store_applicant_nth(s, "张三", NULL, D("2023-02-10"), 0, &n, NULL), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_applicant_nth(s, "某律师事务所", NULL, D("2023-02-28"), 0, &n, NULL),
			 ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_applicant_nth(s, "张三", "nobody", D("2023-02-28"), 0, &n, NULL),
			 ST_OK);
	assert_int_equal(n, 1);
	app_release(&a);
	store_close(&s);
}

/* 国办函〔2020〕109号 第四条: 15 applications of one person on one day are the 1st to the 15th in
 * the order registered, so 10 are free and 5 cost 100元 (500元), never 15 × 100元. */
static void test_same_day_applications_counted_in_order(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	long long ids[15];
	mkapp(&a, AT_PERSON, "2024-03-01", NULL, NULL);
	put(s, &a);   /* earlier in the month: the first */
	mkapp(&a, AT_PERSON, "2024-02-29", NULL, NULL);
	put(s, &a);   /* the month before: not counted */
	for (int i = 0; i < 15; i++) {
		mkapp(&a, AT_PERSON, "2024-03-05", NULL, NULL);
		ids[i] = put(s, &a);
	}
	mkapp(&a, AT_PERSON, "2024-03-04", NULL, NULL);
	put(s, &a);   /* registered later, received earlier: before the 15 */
	long total = 0;
	for (int i = 0; i < 15; i++) {
		long long n;
		assert_int_equal(store_applicant_nth(s, "张三", NULL, D("2024-03-05"), ids[i], &n,
						     NULL), ST_OK);
		assert_int_equal(n, i + 3);
		total += fee_for_nth_application((int)n);
	}
	/* the 3rd to the 17th: the 3rd–10th free, the 11th–17th 100元 each */
	assert_int_equal(total, 700);
	app_release(&a);
	store_close(&s);
}

/* The 15 alone in their month: 10 free, 5 × 100元. */
static void test_fifteen_in_a_day_cost_500(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	long long ids[15];
	for (int i = 0; i < 15; i++) {
		mkapp(&a, AT_PERSON, "2024-03-05", NULL, NULL);
		ids[i] = put(s, &a);
	}
	long total = 0;
	for (int i = 0; i < 15; i++) {
		long long n;
		assert_int_equal(store_applicant_nth(s, "张三", NULL, D("2024-03-05"), ids[i], &n,
						     NULL), ST_OK);
		assert_int_equal(n, i + 1);
		total += fee_for_nth_application((int)n);
	}
	assert_int_equal(total, 500);
	assert_int_equal(total, fee_for_count(15));
	app_release(&a);
	store_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_database_has_calendar),
		cmocka_unit_test(test_case_numbers_and_duplicates),
		cmocka_unit_test(test_clock_fields_are_kept),
		cmocka_unit_test(test_conflict_and_history),
		cmocka_unit_test(test_history_text_masks_personal_data),
		cmocka_unit_test(test_history_is_append_only),
		cmocka_unit_test(test_files_that_are_not_ours),
		cmocka_unit_test(test_shared_file_companions),
		cmocka_unit_test(test_tally_matches_independent_count),
		cmocka_unit_test(test_carry_over),
		cmocka_unit_test(test_balance_check_fails_when_it_should),
		cmocka_unit_test(test_table4_across_years),
		cmocka_unit_test(test_fees_paid_in_year),
		cmocka_unit_test(test_year_lock),
		cmocka_unit_test(test_void),
		cmocka_unit_test(test_list_pages_and_filters),
		cmocka_unit_test(test_monthly_and_applicant_counts),
		cmocka_unit_test(test_same_day_applications_counted_in_order),
		cmocka_unit_test(test_fifteen_in_a_day_cost_500),
	};
	return gk_run_tests(tests, NULL, NULL);
}
