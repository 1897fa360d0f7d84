/*
 * test_migrate.c — a file of an older version is brought up to date: every row kept, the new
 * columns empty, the tables recounted equal, the settings, table 二, the locks and the history
 * still there; a file that cannot be written is read through a copy brought up to date in
 * memory, and is left as it was.
 *
 * The old files are made with the schemas of versions 1 to 4 kept in tests/unit/fixtures/
 * (schema-v1.sql … schema-v4.sql; GK_SOURCE_ROOT names the source tree).
 */
#include "testutil.h"

#include <sqlite3.h>

#include "report.h"
#include "strbuf.h"
#include "tally.h"

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot read %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		fail_msg("short read of %s", path);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
}

/* The version the program writes (schema.sql). */
#define VERSION_NOW 5

/* A file of an older version as the program of that version left it. */
static void make_old(const char *path, int version)
{
	const char *root = getenv("GK_SOURCE_ROOT");
	char fixture[4096];
	snprintf(fixture, sizeof fixture, "%s/tests/unit/fixtures/schema-v%d.sql",
		 root ? root : ".", version);
	char *schema = read_all(fixture);
	sqlite3 *db;
	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	exec(db, "PRAGMA journal_mode = WAL");
	exec(db, "BEGIN");
	exec(db, schema);
	exec(db, "INSERT INTO meta VALUES ('office', '郑州市郑东新区社会事业局');"
		 "INSERT INTO holiday VALUES ('2023-01-02', 'off', '元旦'), "
		 "('2023-01-28', 'work', '春节');"
		 "INSERT INTO application (id, case_no, received, applicant, applicant_type, channel, "
		 "request, answered, outcome, state, created_at, created_by, updated_at) VALUES "
		 "(1, 'ZD2023-01', '2023-02-13', '王某', 'person', 'in_person', '第一行\n第二行', "
		 "'2023-02-20', 'granted', 'answered', '2023-02-13 09:00:00', 'clerk', "
		 "'2023-02-20 10:00:00'),"
		 "(2, 'ZD2023-02', '2023-12-20', '某律师事务所', 'legal', 'post', NULL, NULL, NULL, "
		 "'open', '2023-12-20 09:00:00', 'clerk', '2023-12-20 09:00:00'),"
		 "(3, 'ZD2022-09', '2022-12-01', '李某', 'person', 'online', '旧的', '2023-01-10', "
		 "'withheld.secret', 'answered', '2022-12-01 09:00:00', 'clerk', "
		 "'2023-01-10 09:00:00');"
		 "UPDATE application SET due = '2024-01-18', left_days = 17 WHERE id = 2;"
		 "UPDATE application SET extended_on = '2023-02-15', extension_days = 5, "
		 "extension_by = '王主任', fee_notice = '2023-02-16', fee_fen = 10000, "
		 "fee_paid_on = '2023-02-17' WHERE id = 1;"
		 "INSERT INTO review (app_id, kind, filed, result, decided) VALUES "
		 "(3, 'review', '2023-02-01', 'upheld', '2023-04-01');"
		 "INSERT INTO history (app_id, at, user, field, old, new, reason) VALUES "
		 "(1, '2023-02-13 09:00:00', 'clerk', '新建', NULL, 'ZD2023-01', NULL),"
		 "(1, '2023-02-20 10:00:00', 'clerk', '答复日期', NULL, '2023-02-20', NULL);"
		 "INSERT INTO table2 (year, rules_made, fee_yuan) VALUES (2023, 3, 592372449);"
		 "INSERT INTO year_lock VALUES (2022, '2023-01-20 09:00:00', 'clerk', '{}');");
	exec(db, "COMMIT");
	sqlite3_close(db);
	chmod(path, 0600);
	free(schema);
}

static long long user_version(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	long long v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

/* Marks the file at path with a count no application gives (year 1999): a rebuild counts the
 * applications again, an upgrade in place leaves the counts as they were. */
static void mark_counts(const char *path)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	exec(db, "INSERT INTO tally_count VALUES (1999, 1, 'new', 'person', 7)");
	sqlite3_close(db);
}

static bool counts_marked(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM tally_count WHERE "
					    "year = 1999", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	bool marked = sqlite3_column_int(q, 0) > 0;
	sqlite3_finalize(q);
	sqlite3_close(db);
	return marked;
}

/* What every test below checks of a file brought up to date. */
static void check_contents(struct store *s)
{
	struct app a;
	app_init(&a);
	struct diag d = DIAG_INIT;
	assert_int_equal(store_app_get_by_case(s, "ZD2023-01", &a, &d), ST_OK);
	long long id = a.id;
	assert_string_equal(a.applicant, "王某");
	assert_string_equal(a.request, "第一行\n第二行");
	assert_int_equal(a.outcome, R_GRANTED);
	assert_int_equal(a.d.extension_days, 5);
	assert_string_equal(a.extension_by, "王主任");
	assert_int_equal(a.fee_fen, 10000);
	assert_int_equal(a.d.fee_paid_on, D("2023-02-17"));
	/* the new columns start empty */
	assert_int_equal(a.arrived, DATE_NONE);
	assert_null(a.answer_reasons);
	assert_int_equal(a.fee_basis, -1);
	assert_null(a.voided_at);
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(s, id, &h, &n, &d), ST_OK);
	assert_int_equal(n, 2);
	history_free(&h, n);
	app_release(&a);

	char *office = NULL;
	assert_int_equal(store_office_get(s, &office, &d), ST_OK);
	assert_string_equal(office, "郑州市郑东新区社会事业局");
	free(office);
	struct table2 t2;
	assert_int_equal(store_table2_get(s, 2023, &t2, &d), ST_OK);
	assert_true(t2.entered);
	assert_int_equal(t2.v[T2_RULES_MADE], 3);
	assert_int_equal(t2.v[T2_FEES], 592372449);

	/* the counts the triggers keep (made again by a rebuild, kept by an upgrade in place)
	 * agree with a recount */
	for (int y = 2022; y <= 2024; y++) {
		struct table3 kept, recount;
		assert_int_equal(store_table3(s, y, &kept, &d), ST_OK);
		assert_int_equal(store_table3_recount(s, y, &recount, &d), ST_OK);
		assert_true(tally_table3_equal(&kept, &recount));
	}
	struct table3 t;
	assert_int_equal(store_table3(s, 2023, &t, &d), ST_OK);
	assert_int_equal(t.v[R_NEW][T3_TOTAL], 2);
	assert_int_equal(t.v[R_CARRIED_IN][T3_TOTAL], 1);
	assert_int_equal(t.v[R_GRANTED][T3_TOTAL], 1);
	assert_int_equal(t.v[R_WITHHELD_SECRET][T3_TOTAL], 1);
	assert_int_equal(t.v[R_CARRIED_OUT][T3_TOTAL], 1);
	struct table4 t4;
	assert_int_equal(store_table4(s, 2023, &t4, &d), ST_OK);
	assert_int_equal(t4.v[T4_REVIEW][T4_UPHELD], 1);
	diag_release(&d);
}

static void test_old_file_brought_up_to_date(void **state)
{
	(void)state;
	char path[] = "/tmp/gk-migrate-XXXXXX.db";
	int fd = mkstemps(path, 3);
	close(fd);
	make_old(path, 1);
	assert_int_equal(user_version(path), 1);
	mark_counts(path);
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	enum status st = store_open(path, 0, &s, &d);
	if (st != ST_OK)
		fail_msg("open: %s", diag_last(&d) ? diag_last(&d) : "?");
	check_contents(s);
	/* and the new columns can be written */
	struct app a;
	app_init(&a);
	assert_int_equal(store_app_get_by_case(s, "ZD2023-02", &a, &d), ST_OK);
	a.arrived = D("2023-12-18");
	app_set_text(&a.answer_reasons, "理由");
	assert_int_equal(store_app_update(s, &a, NULL, &d), ST_OK);
	app_release(&a);
	store_close(&s);
	assert_int_equal(user_version(path), VERSION_NOW);
	assert_false(counts_marked(path));   /* rebuilt: version 1 lacks columns */
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* opened again: nothing more to do, everything still there */
	assert_int_equal(store_open(path, 0, &s, &d), ST_OK);
	check_contents(s);
	store_close(&s);
	diag_release(&d);
	unlink(path);
}

/* How many of the named indexes the file at path has. */
static int indexes_named(const char *path, const char *names)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE "
					    "type = 'index' AND instr(?1, ' ' || name || ' ') > 0",
					    -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, names, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return n;
}

/* The definition of every index of the file at path, one per line, in name order. */
static char *index_definitions(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name || ': ' || coalesce(sql, '') "
					    "FROM sqlite_schema WHERE type = 'index' ORDER BY name",
					    -1, &q, NULL), SQLITE_OK);
	struct strbuf out = STRBUF_INIT;
	while (sqlite3_step(q) == SQLITE_ROW)
		sb_addf(&out, "%s\n", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	sqlite3_close(db);
	return sb_detach(&out);
}

/* Every "id <= 0" and "id > 0" of text as "id <= N" and "id > N"; the caller frees it. */
static char *split_at(const char *text, int n)
{
	struct strbuf out = STRBUF_INIT;
	for (const char *p = text; *p;) {
		if (strncmp(p, "id <= 0", 7) == 0 || strncmp(p, "id > 0", 6) == 0) {
			size_t k = p[3] == '<' ? 6 : 5;
			sb_add(&out, p, k);
			sb_addf(&out, "%d", n);
			p += k + 1;
		} else {
			sb_addc(&out, *p++);
		}
	}
	return sb_detach(&out);
}

/* A file of an older version ends with every index as a new file has it: those a later
 * version added are made (version 3: the search for possible duplicates), those it dropped
 * are gone (version 3: app_answered; version 4: app_list, the whole list now being each
 * year's range of app_year_list merged), those it changed are as schema.sql says (version
 * 5: the large indexes in two parts, every application before the split, here 3, and none
 * after it). A file of version 2 to 4, whose tables are those of version 5, keeps its
 * tables (no row copied). */
static void indexes_brought_up_to_date(int version)
{
	char path[] = "/tmp/gk-migrate2-XXXXXX.db";
	int fd = mkstemps(path, 3);
	close(fd);
	make_old(path, version);
	assert_int_equal(user_version(path), version);
	assert_int_equal(indexes_named(path, " app_applicant app_id_number "), version >= 3 ? 2 : 0);
	assert_int_equal(indexes_named(path, " app_list "), version <= 3);
	mark_counts(path);
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	enum status st = store_open(path, 0, &s, &d);
	if (st != ST_OK)
		fail_msg("open: %s", diag_last(&d) ? diag_last(&d) : "?");
	check_contents(s);
	store_close(&s);
	assert_int_equal(user_version(path), VERSION_NOW);
	assert_int_equal(indexes_named(path, " app_applicant app_id_number "), 2);
	assert_int_equal(indexes_named(path, " app_list app_answered "), 0);
	assert_true(counts_marked(path));   /* the tables of versions 2 to 4 are those of 5 */
	char fresh[] = "/tmp/gk-migrate3-XXXXXX.db";
	fd = mkstemps(fresh, 3);
	close(fd);
	unlink(fresh);
	assert_int_equal(store_open(fresh, 0, &s, &d), ST_OK);
	store_close(&s);
	char *fresh_defs = index_definitions(fresh), *got = index_definitions(path);
	char *want = split_at(fresh_defs, 3);
	assert_string_equal(got, want);
	free(want);
	free(fresh_defs);
	free(got);
	unlink(fresh);
	diag_release(&d);
	unlink(path);
}

static void test_version_2_file_gets_the_indexes(void **state)
{
	(void)state;
	indexes_brought_up_to_date(2);
}

static void test_version_3_file_loses_the_whole_list_index(void **state)
{
	(void)state;
	indexes_brought_up_to_date(3);
}

static void test_version_4_file_gets_the_indexes_in_two_parts(void **state)
{
	(void)state;
	indexes_brought_up_to_date(4);
}

static void test_read_only_old_file_read_in_memory(void **state)
{
	(void)state;
	char path[] = "/tmp/gk-migrate-ro-XXXXXX.db";
	int fd = mkstemps(path, 3);
	close(fd);
	make_old(path, 1);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	enum status st = store_open(path, STORE_READONLY, &s, &d);
	if (st != ST_OK)
		fail_msg("open: %s", diag_last(&d) ? diag_last(&d) : "?");
	assert_true(store_readonly(s));
	check_contents(s);
	store_close(&s);
	/* the file on disk is as it was */
	assert_int_equal(user_version(path), 1);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_size, after.st_size);
	assert_int_equal(before.st_mtime, after.st_mtime);
	diag_release(&d);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_old_file_brought_up_to_date),
		cmocka_unit_test(test_version_2_file_gets_the_indexes),
		cmocka_unit_test(test_version_3_file_loses_the_whole_list_index),
		cmocka_unit_test(test_version_4_file_gets_the_indexes_in_two_parts),
		cmocka_unit_test(test_read_only_old_file_read_in_memory),
	};
	return gk_run_tests(tests, NULL, NULL);
}
