/*
 * test_robust.c — the store under faults, in one process: a full database in the middle of an
 * import, a transaction SQLite rolled back behind the store's back, reads that must see one
 * snapshot while another connection writes, file names that must reach SQLite unchanged, and
 * writes to a file opened read-only. Each case is a defect found by the robustness suite
 * (tests/robust) or the guard against one, kept here where it runs in milliseconds.
 */
#include "testutil.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ledger.h"
#include "store_priv.h"

static long long count_apps(struct store *s)
{
	struct list_query q = { .filter = LF_ALL };
	long long n = -1;
	assert_int_equal(store_list_count(s, &q, &n, NULL), ST_OK);
	return n;
}

/* A ledger of n good rows. The caller frees it. */
static char *make_ledger(int n, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	fputs("编号,收到日期,申请人,申请人类型,申请内容\n", f);
	for (int i = 0; i < n; i++)
		fprintf(f, "R%05d,2024-03-0%d,申请人%d,自然人,%0200d\n", i, 1 + i % 9, i, i);
	fclose(f);
	return buf;
}

static enum status import_text(struct store *s, const char *text, size_t len, struct diag *e)
{
	FILE *in = fmemopen((void *)text, len, "rb");
	struct ledger_import_options o = { .today = D("2026-11-26"), .source = "t.csv" };
	struct ledger_import_result res;
	enum status st = ledger_import(s, in, &o, &res, e);
	diag_release(&res.warnings);
	fclose(in);
	return st;
}

/* The database fills up in the middle of an import: status ST_IO (74), not "bad data" (65),
 * nothing written, one problem line naming the row, and the store still works afterwards.
 * (Before: every later row was reported as a data problem, and after SQLite had rolled the
 * transaction back, rows were written one by one.) */
static void test_import_stops_when_the_database_is_full(void **state)
{
	(void)state;
	struct store *s = memstore();
	/* room for 20 pages more than the empty database: less than the 3,000 rows need */
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	char *sql = sqlite3_mprintf("PRAGMA max_page_count = %d", sqlite3_column_int(q, 0) + 20);
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	size_t len;
	char *text = make_ledger(3000, &len);
	struct diag e = DIAG_INIT;
	assert_int_equal(import_text(s, text, len, &e), ST_IO);
	assert_int_equal(count_apps(s), 0);
	assert_int_equal(diag_count(&e), 1);
	assert_non_null(strstr(e.lines[0], "第"));
	diag_release(&e);
	assert_int_equal(sqlite3_exec(s->db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(import_text(s, text, len, &e), ST_OK);
	assert_int_equal(count_apps(s), 3000);
	diag_release(&e);
	free(text);
	store_close(&s);
}

/* SQLite rolls a whole transaction back after some I/O errors; the store must not go on
 * writing the rest of it one statement at a time. */
static void test_no_writes_after_a_lost_transaction(void **state)
{
	(void)state;
	struct store *s = memstore();
	struct app a;
	app_init(&a);
	assert_int_equal(store_begin(s, NULL), ST_OK);
	mkapp(&a, AT_PERSON, "2024-03-01", NULL, NULL);
	assert_int_equal(store_app_insert(s, &a, NULL), ST_OK);
	assert_int_equal(sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	struct diag d = DIAG_INIT;
	mkapp(&a, AT_PERSON, "2024-03-02", NULL, NULL);
	assert_int_equal(store_app_insert(s, &a, &d), ST_IO);
	assert_non_null(strstr(diag_last(&d), "撤销"));
	assert_int_not_equal(store_commit(s, NULL), ST_OK);
	assert_int_equal(count_apps(s), 0);
	diag_release(&d);
	app_release(&a);
	store_close(&s);
}

static char *temp_dir(void)
{
	char *dir = strdup("/tmp/gongkai-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

static void remove_db(const char *path)
{
	const char *suffix[] = { "", "-wal", "-shm", "-journal" };
	for (int i = 0; i < 4; i++) {
		char *f = xasprintf("%s%s", path, suffix[i]);
		unlink(f);
		free(f);
	}
}

/* Removes the database at path with its companions and the temporary folder that held it,
 * and frees both names. */
static void remove_dir(char *dir, char *path)
{
	remove_db(path);
	rmdir(dir);
	free(path);
	free(dir);
}

/* Everything read between store_read_begin and store_read_end sees the file as it was at the
 * first read, while another connection commits: a report's tables always add up. */
static void test_read_snapshot(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/snap.db", dir);
	struct store *reader = NULL, *writer = NULL;
	assert_int_equal(store_open(path, 0, &reader, NULL), ST_OK);
	assert_int_equal(store_open(path, 0, &writer, NULL), ST_OK);
	struct app a;
	app_init(&a);
	bool own;
	assert_int_equal(store_read_begin(reader, &own, NULL), ST_OK);
	assert_true(own);
	assert_int_equal(count_apps(reader), 0);
	mkapp(&a, AT_PERSON, "2024-03-01", NULL, NULL);
	assert_int_equal(store_app_insert(writer, &a, NULL), ST_OK);
	assert_int_equal(count_apps(writer), 1);
	assert_int_equal(count_apps(reader), 0);
	store_read_end(reader, own);
	assert_int_equal(count_apps(reader), 1);
	/* inside a write transaction it does nothing: the writer sees its own rows */
	assert_int_equal(store_begin(writer, NULL), ST_OK);
	assert_int_equal(store_read_begin(writer, &own, NULL), ST_OK);
	assert_false(own);
	store_read_end(writer, own);
	store_rollback(writer);
	app_release(&a);
	store_close(&reader);
	store_close(&writer);
	remove_dir(dir, path);
}

/* A file name with the characters a URI gives meaning to reaches SQLite unchanged when the
 * file is opened as immutable: it opens the same file, not another one. */
static void test_immutable_uri_names_the_same_file(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char *path = xasprintf("%s/台账 ?#%%25&=.db", dir);
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	store_office_set(s, "某局", NULL);
	store_close(&s);
	char *uri = store_file_uri(path);
	assert_non_null(strstr(uri, "immutable=1"));
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
			 SQLITE_OK);
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT value FROM meta", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "某局");
	sqlite3_finalize(q);
	sqlite3_close(db);
	free(uri);
	remove_dir(dir, path);
}

/* A file opened read-only refuses every write with ST_READONLY (73), saying so. */
static void test_readonly_refuses_writes(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/ro.db", dir);
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	store_close(&s);
	assert_int_equal(store_open(path, STORE_READONLY, &s, NULL), ST_OK);
	assert_true(store_readonly(s));
	struct app a;
	app_init(&a);
	mkapp(&a, AT_PERSON, "2024-03-01", NULL, NULL);
	struct diag d = DIAG_INIT;
	assert_int_equal(store_app_insert(s, &a, &d), ST_READONLY);
	assert_non_null(strstr(diag_last(&d), "只读"));
	assert_int_equal(store_office_set(s, "某局", NULL), ST_READONLY);
	assert_int_equal(count_apps(s), 0);
	diag_release(&d);
	app_release(&a);
	store_close(&s);
	remove_dir(dir, path);
}

/* The schema is damaged after the file was opened (another program wrote over it): the first
 * statement prepared afterwards fails, and the status is 76 (not ours or damaged) with the
 * Chinese reason, not a read error (74). */
static void test_damage_found_when_preparing(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/dmg.db", dir);
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);

	sqlite3 *other;
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "PRAGMA writable_schema = ON; "
				      "UPDATE sqlite_master SET sql = 'CREATE TABLE history (' "
				      "WHERE name = 'history'; PRAGMA schema_version = 4242;",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);

	struct history_entry *h = NULL;
	size_t n = 0;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_history(s, 1, &h, &n, &d), ST_NOTOURS);
	assert_non_null(strstr(diag_last(&d), "已损坏"));
	diag_release(&d);
	char *office = NULL;
	assert_int_equal(store_office_get(s, &office, &d), ST_NOTOURS);
	free(office);
	diag_release(&d);
	store_close(&s);
	remove_dir(dir, path);
}


static const char *pragma_text(struct store *s, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	snprintf(buf, size, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return buf;
}

static bool file_exists(const char *path, const char *suffix)
{
	char *f = xasprintf("%s%s", path, suffix);
	bool yes = access(f, F_OK) == 0;
	free(f);
	return yes;
}

/* A raw write that breaks a CHECK constraint (the database refuses a date that is no date). */
static int write_a_bad_date(struct store *s)
{
	return sqlite3_exec(s->db, "UPDATE application SET received = '2024-02-30' WHERE id = 1",
			    NULL, NULL, NULL);
}

/* An import into a file without applications runs under a rollback journal and comes back to
 * WAL afterwards, whether it is committed or refused; the CHECK constraints it did not need
 * (its rows were checked in C) guard every later write again, and the indexes and triggers it
 * dropped are all back. */
static void test_import_into_an_empty_file(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/empty.db", dir);
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	char buf[64];
	long long schema = 0;
	assert_int_equal(sqlite3_exec(s->db, "SELECT 1", NULL, NULL, NULL), SQLITE_OK);
	schema = atoll(pragma_text(s, "SELECT count(*) FROM sqlite_schema", buf, sizeof buf));

	/* refused: a bad row at the end */
	size_t len;
	char *text = make_ledger(3000, &len);
	char *bad = xasprintf("%s坏行,2024-02-30,某人,自然人,x\n", text);
	struct diag e = DIAG_INIT;
	assert_int_equal(import_text(s, bad, strlen(bad), &e), ST_DATA);
	diag_release(&e);
	assert_int_equal(count_apps(s), 0);
	assert_string_equal(pragma_text(s, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	assert_false(file_exists(path, "-journal"));

	/* accepted */
	assert_int_equal(import_text(s, text, len, &e), ST_OK);
	assert_int_equal(count_apps(s), 3000);
	assert_string_equal(pragma_text(s, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	assert_false(file_exists(path, "-journal"));
	assert_string_equal(pragma_text(s, "PRAGMA ignore_check_constraints", buf, sizeof buf), "0");
	assert_int_equal(write_a_bad_date(s), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(atoll(pragma_text(s, "SELECT count(*) FROM sqlite_schema", buf, sizeof buf)),
			 schema);
	assert_int_equal(store_integrity(s, &e), ST_OK);

	/* into a file that holds applications, and a dry run: WAL all along, checks back */
	assert_int_equal(sqlite3_exec(s->db, "PRAGMA journal_mode", NULL, NULL, NULL), SQLITE_OK);
	char *more = make_ledger(10, &len);
	more[strlen("编号,收到日期,申请人,申请人类型,申请内容\n")] = 'S';   /* other case numbers */
	for (char *p = more; (p = strstr(p, "\nR")); p++)
		p[1] = 'S';
	struct ledger_import_options o = { .dry_run = true, .today = D("2026-11-26"), .source = "t" };
	struct ledger_import_result res;
	FILE *in = fmemopen(more, len, "rb");
	assert_int_equal(ledger_import(s, in, &o, &res, &e), ST_OK);
	fclose(in);
	diag_release(&res.warnings);
	assert_int_equal(count_apps(s), 3000);
	assert_int_equal(atoll(pragma_text(s, "SELECT count(*) FROM sqlite_schema", buf, sizeof buf)),
			 schema);
	assert_int_equal(import_text(s, more, len, &e), ST_OK);
	assert_int_equal(count_apps(s), 3010);
	assert_string_equal(pragma_text(s, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	assert_int_equal(write_a_bad_date(s), SQLITE_CONSTRAINT_CHECK);
	diag_release(&e);
	free(more);
	free(bad);
	free(text);
	store_close(&s);
	remove_dir(dir, path);
}

/* While another connection has the file open, an import into it stays in WAL (leaving WAL
 * needs the file to itself) and still goes in whole. */
static void test_import_beside_another_connection(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/shared.db", dir);
	struct store *s = NULL, *other = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	assert_int_equal(store_open(path, 0, &other, NULL), ST_OK);
	assert_int_equal(count_apps(other), 0);
	size_t len;
	char *text = make_ledger(500, &len);
	assert_int_equal(import_text(s, text, len, NULL), ST_OK);
	char buf[64];
	assert_string_equal(pragma_text(s, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	assert_int_equal(count_apps(other), 500);
	free(text);
	store_close(&other);
	store_close(&s);
	remove_dir(dir, path);
}

/* Whether store_file_access would read path as immutable, asked as a user who cannot write
 * it: this process unless it is root, else a child that becomes nobody. */
static bool immutable_for_a_reader(const char *path)
{
	struct store_access a;
	if (geteuid() != 0) {
		store_file_access(path, 0, &a);
		return a.readonly && a.immutable;
	}
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(2);
		store_file_access(path, 0, &a);
		_exit(a.readonly && a.immutable ? 0 : 1);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) <= 1);
	return WEXITSTATUS(status) == 0;
}

/* A file a clerk cannot write, with a rollback journal left beside it by an import into an
 * empty file that is under way or was killed, is not read as immutable (which would show the
 * half-written import); without the journal it is. */
static void test_hot_journal_is_not_read_as_immutable(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/hot.db", dir);
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	store_close(&s);
	assert_int_equal(chmod(dir, 0755), 0);
	assert_int_equal(chmod(path, 0644), 0);
	assert_true(immutable_for_a_reader(path));
	char *journal = xasprintf("%s-journal", path);
	FILE *f = fopen(journal, "w");
	assert_non_null(f);
	fclose(f);
	assert_false(immutable_for_a_reader(path));
	free(journal);
	remove_dir(dir, path);
}

struct mode_seen {
	struct store *s;
	char mode[16];
	char temp[4];           /* PRAGMA temp_store: 0 SQLite's default, 2 memory */
};

/* The import's progress callback (every 1000 rows): the journal mode it runs under, and where
 * its temporary data (the statement journals) goes. */
static void note_mode(size_t rows, void *ctx)
{
	(void)rows;
	struct mode_seen *m = ctx;
	if (!m->mode[0]) {
		pragma_text(m->s, "PRAGMA journal_mode", m->mode, sizeof m->mode);
		pragma_text(m->s, "PRAGMA temp_store", m->temp, sizeof m->temp);
	}
}

/* The journal mode an import of 3000 rows into s ran under. */
static const char *mode_during_import(struct store *s, struct mode_seen *m, const char *prefix)
{
	size_t len;
	char *text = make_ledger(3000, &len);
	for (char *p = text; (p = strstr(p, "\nR")); p++)
		p[1] = prefix[0];
	*m = (struct mode_seen){ .s = s };
	struct ledger_import_options o = { .today = D("2026-11-26"), .source = "t",
					   .progress = note_mode, .ctx = m };
	struct ledger_import_result res;
	FILE *in = fmemopen(text, len, "rb");
	assert_int_equal(ledger_import(s, in, &o, &res, NULL), ST_OK);
	fclose(in);
	diag_release(&res.warnings);
	free(text);
	return m->mode;
}

/* Whether s is back to its everyday settings after an import: WAL, temporary data where
 * SQLite puts it by default. */
static void assert_everyday(struct store *s)
{
	char buf[16];
	assert_string_equal(pragma_text(s, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	assert_string_equal(pragma_text(s, "PRAGMA temp_store", buf, sizeof buf), "0");
}

/* Under which journal an import runs: a rollback journal into a private file without
 * applications; WAL into one that holds some, and into a file shared by a group (a journal
 * left by a killed import would bear the group of the clerk who ran it). Into a file without
 * applications, shared or not, the statement journals stay in memory; into one that holds
 * some, where an INSERT may reuse many freed pages, they may go to a file. */
static void test_journal_of_an_import(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/j.db", dir);
	struct store *s = NULL;
	struct mode_seen m;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	assert_string_equal(mode_during_import(s, &m, "A"), "delete");
	assert_string_equal(m.temp, "2");
	assert_everyday(s);
	assert_string_equal(mode_during_import(s, &m, "B"), "wal");
	assert_string_equal(m.temp, "0");
	assert_everyday(s);
	store_close(&s);
	remove_db(path);

	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	assert_int_equal(chmod(path, 0660), 0);
	assert_string_equal(mode_during_import(s, &m, "A"), "wal");
	assert_string_equal(m.temp, "2");
	assert_everyday(s);
	store_close(&s);
	remove_dir(dir, path);
}

/* Imports a ledger whose second row has a problem and holds the case number the third row
 * gives again, into s, twice: each time the same two problems, nothing else. */
static void import_held_twice(struct store *s)
{
	static const char bad[] = "编号,收到日期,申请人,申请人类型\nX1,2023-01-05,甲,不知道\n"
				  "X1,2023-01-06,乙,自然人\n";
	struct ledger_import_options o = { .today = D("2026-11-26"), .source = "t" };
	struct ledger_import_result res;
	for (int twice = 0; twice < 2; twice++) {
		struct diag e = DIAG_INIT;
		FILE *in = fmemopen((void *)bad, sizeof bad - 1, "rb");
		assert_int_equal(ledger_import(s, in, &o, &res, &e), ST_DATA);
		fclose(in);
		/* row 2: its type, and its number held; row 3: the number row 2 holds */
		assert_int_equal(diag_count(&e), 2);
		assert_non_null(strstr(e.lines[1], "第3行: 编号: X1 与第2行重复"));
		diag_release(&e);
		diag_release(&res.warnings);
		assert_everyday(s);
	}
}

/* An import that fails on a row with a problem makes its temporary table of held case numbers
 * inside its transaction, and rolls it back with everything else: the next import of the same
 * connection makes it again. Into a file without applications (the table made after memory was
 * chosen for temporary data, and gone with the switch back) and into one with some (gone with
 * the rollback alone); and the connection is back to the defaults after each. */
static void test_failed_import_then_another(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/f.db", dir);
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	import_held_twice(s);
	struct mode_seen m;
	assert_string_equal(mode_during_import(s, &m, "A"), "delete");
	assert_everyday(s);
	assert_int_equal(count_apps(s), 3000);
	import_held_twice(s);
	assert_int_equal(count_apps(s), 3000);
	store_close(&s);
	remove_dir(dir, path);
}

/* A new file has pages of 16 KB; a file made with SQLite's 4 KB keeps them. */
static void test_page_size(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = xasprintf("%s/p.db", dir);
	char buf[16];
	struct store *s = NULL;
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	assert_string_equal(pragma_text(s, "PRAGMA page_size", buf, sizeof buf), "16384");
	store_close(&s);
	/* the same file with 4 KB pages, as gongkai made them before */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; "
				      "VACUUM", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(path, 0, &s, NULL), ST_OK);
	assert_string_equal(pragma_text(s, "PRAGMA page_size", buf, sizeof buf), "4096");
	struct mode_seen m;
	mode_during_import(s, &m, "A");
	assert_int_equal(count_apps(s), 3000);
	assert_string_equal(pragma_text(s, "PRAGMA page_size", buf, sizeof buf), "4096");
	store_close(&s);
	remove_dir(dir, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_stops_when_the_database_is_full),
		cmocka_unit_test(test_no_writes_after_a_lost_transaction),
		cmocka_unit_test(test_read_snapshot),
		cmocka_unit_test(test_immutable_uri_names_the_same_file),
		cmocka_unit_test(test_readonly_refuses_writes),
		cmocka_unit_test(test_damage_found_when_preparing),
		cmocka_unit_test(test_import_into_an_empty_file),
		cmocka_unit_test(test_import_beside_another_connection),
		cmocka_unit_test(test_hot_journal_is_not_read_as_immutable),
		cmocka_unit_test(test_journal_of_an_import),
		cmocka_unit_test(test_failed_import_then_another),
		cmocka_unit_test(test_page_size),
	};
	return gk_run_tests(tests, NULL, NULL);
}
