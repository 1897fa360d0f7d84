/*
 * store_import.c — how an import writes many rows at once (store.h, store_import_begin and
 * store_bulk_begin): the journals of a first import, the large indexes (their recent part, or
 * both parts and a new split) and the triggers of the applications dropped and built again
 * once, and table 三's counts kept in memory meanwhile.
 */
#include "store_priv.h"

#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "date.h"
#include "share.h"
#include "strbuf.h"
#include "xmem.h"

/* Rebuilding the indexes (and the counts the triggers keep) costs less than keeping them up to
 * date row by row when the table is small, or when the import brings at least a hundredth of
 * what the table holds: most often only the recent part of the large indexes is sorted again,
 * and what that costs beyond the rows themselves is a read of the table for each index.
 * Measured into 1,000,000 applications: 100,000 rows in a third of the time row by row,
 * 30,000 in half; 10,000 about the same either way. */
#define BULK_SMALL_TABLE 20000
#define BULK_SHARE 100
/* The part of the large indexes after the split is kept under 1/BULK_RECENT_SHARE of the part
 * before it: an import into a large file sorts only its own rows and the few recent ones, and
 * the queries read two parts, never more. */
#define BULK_RECENT_SHARE 2

void store_bulk_forget(struct store *s)
{
	if (s->bulk)
		sqlite3_exec(s->db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
	for (size_t i = 0; i < s->nbulk; i++)
		free(s->bulk_indexes[i]);
	free(s->bulk_indexes);
	s->bulk_indexes = NULL;
	s->nbulk = 0;
	s->bulk_whole = false;
	free(s->bulk_counts);
	s->bulk_counts = NULL;
	s->nbulk_counts = s->bulk_counts_cap = 0;
	s->bulk = false;
}

static enum status exec_sql(struct store *s, const char *sql, const char *what, struct diag *d)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ST_OK : store_fail(s, rc, what, d);
}

/* Sets the journal mode, WAL or a rollback journal; whether SQLite took it (leaving WAL needs
 * the file to itself). */
static bool journal_mode(struct store *s, bool wal)
{
	const char *sql = wal ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE";
	sqlite3_stmt *q;
	bool took = false;
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW) {
			const char *now = (const char *)sqlite3_column_text(q, 0);
			took = now && sqlite3_stricmp(now, wal ? "wal" : "delete") == 0;
		}
		sqlite3_finalize(q);
	}
	return took;
}

enum status store_import_begin(struct store *s, long long expected, bool *bulk, struct diag *d)
{
	*bulk = false;
	/* whether there is any application at all: the largest id, not a count (store_bulk_begin
	 * counts them inside the transaction, where it matters) */
	long long last = 0;
	enum status st = store_number(s, Q_APP_MAX_ID, 0, &last, "准备导入", d);
	bool empty = st == ST_OK && last == 0;
	/* Into a file without applications, every page the import writes is new: a rollback
	 * journal keeps only the few pages there were (crash safe with synchronous = FULL), where
	 * the WAL would take every page once and the checkpoint write it again. Only when no other
	 * connection has the file open; store_import_end goes back to WAL. Not for a file shared
	 * by a group: a journal left by an import that was killed would have the group of the
	 * clerk who ran it, and another clerk might not be able to roll it back. */
	if (st == ST_OK && empty && !s->readonly && strcmp(s->path, ":memory:") != 0 &&
	    !share_is_shared(s->path))
		s->journal_switched = journal_mode(s, false);
	/* Each INSERT of a batch keeps the pages it changes in a statement journal, to undo
	 * itself should a row fail. SQLite keeps that journal in memory up to 64 KB, then in a
	 * temporary file for the rest of the transaction; with 16 KB pages an INSERT that touches
	 * five pages passes it, and every later one then writes its pages to the file (a third of
	 * the import's time, measured). In a file without applications the pages an INSERT
	 * changes are the few last ones of the table, so the journals stay small in memory: the
	 * temporary data goes to memory for the transaction (decided when it begins), and back to
	 * files before the indexes are sorted (store_bulk_end), which needs room. Possible only
	 * while the connection has no temporary table (store_case_held). */
	if (st == ST_OK && empty && !s->readonly &&
	    sqlite3_exec(s->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) == SQLITE_OK)
		s->temp_switched = true;
	if (st == ST_OK)
		st = store_begin(s, d);
	if (st == ST_OK && (st = store_bulk_begin(s, expected, bulk, d)) != ST_OK)
		store_rollback(s);
	if (st != ST_OK)
		store_import_end(s);
	return st;
}

/* Temporary data back in files (store_import_begin switched it to memory); the change drops
 * the connection's temporary tables. */
static void temp_store_back(struct store *s)
{
	if (s->temp_switched &&
	    sqlite3_exec(s->db, "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL) == SQLITE_OK) {
		s->temp_switched = false;
		s->case_table = false;
	}
}

void store_import_end(struct store *s)
{
	/* the page cache an import set (store_bulk_begin, store_bulk_end) back to SQLite's own */
	sqlite3_exec(s->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
	if (sqlite3_get_autocommit(s->db))
		temp_store_back(s);
	if (s->journal_switched && sqlite3_get_autocommit(s->db)) {
		/* should another connection hold the file now, its own open sets WAL again */
		journal_mode(s, true);
		s->journal_switched = false;
	}
}

enum status store_bulk_begin(struct store *s, long long expected, bool *on, struct diag *d)
{
	*on = false;
	store_bulk_forget(s);
	exec_sql(s, "PRAGMA cache_size = -8000; PRAGMA threads = 1", "准备导入", NULL);
	long long n = 0, recent = 0;
	/* how many applications the file holds, and how many after the split */
	enum status st = store_number(s, Q_BULK_SIZE, 0, &n, "准备导入", d);
	if (st == ST_OK)
		st = store_number(s, Q_RECENT_SIZE, s->split, &recent, "准备导入", d);
	if (st != ST_OK)
		return st;
	if (n >= BULK_SMALL_TABLE && expected * BULK_SHARE < n)
		return ST_OK;
	/* The recent part of the large indexes (schema.sql) is sorted again with what the import
	 * brings, the part before the split is kept, while the recent part stays under half of
	 * it; past that, both are sorted whole, and the split moves to the last application. */
	s->bulk_whole = (recent + expected) * BULK_RECENT_SHARE > n - recent;
	sqlite3_stmt *q = store_stmt(s, Q_BULK_INDEXES, d);
	if (!q)
		return s->stmt_status;
	size_t cap = 0;
	struct strbuf drop = STRBUF_INIT;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(q, 2);
		if (!s->bulk_whole && store_split_part(sql) == 1)
			continue;
		s->bulk_indexes = xgrow(s->bulk_indexes, &cap, s->nbulk + 1, sizeof *s->bulk_indexes);
		s->bulk_indexes[s->nbulk++] = xstrdup(sql);
		/* the names come from our own schema, not from input */
		sb_addf(&drop, "DROP %s \"%s\";", (const char *)sqlite3_column_text(q, 0),
			(const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_reset(q);
	st = rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "准备导入", d);
	if (st == ST_OK && drop.len)
		st = exec_sql(s, drop.buf, "准备导入", d);
	/* The import checked every row in C by the rules the CHECK constraints repeat
	 * (app_check); SQLite need not evaluate them again for each row. Every other write, and
	 * every other connection, keeps them. */
	if (st == ST_OK && s->nbulk > 0)
		st = exec_sql(s, "PRAGMA ignore_check_constraints = ON", "准备导入", d);
	sb_release(&drop);
	if (st != ST_OK)
		store_bulk_forget(s);
	*on = s->bulk = st == ST_OK && s->nbulk > 0;
	return st;
}

static long long *bulk_cell(struct store *s, int day, int row, int type)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	for (size_t i = 0; i < s->nbulk_counts; i++)
		if (s->bulk_counts[i].year == y && s->bulk_counts[i].month == m)
			return &s->bulk_counts[i].v[row][type];
	s->bulk_counts = xgrow(s->bulk_counts, &s->bulk_counts_cap, s->nbulk_counts + 1,
			       sizeof *s->bulk_counts);
	struct bulk_month *b = &s->bulk_counts[s->nbulk_counts++];
	memset(b, 0, sizeof *b);
	b->year = y;
	b->month = m;
	return &b->v[row][type];
}

/* The counting rule of table 三 is written in four places — tally_table3_count (tally.c), the
 * triggers tally_insert/tally_update (schema.sql), store_bulk_count (store_import.c) and
 * the Q_T3_* recount (store_priv.h); tests/unit/test_counting.c keeps the four equal.
 */
void store_bulk_count(struct store *s, const struct app *a)
{
	if (a->type < 0 || a->type >= AT_COUNT || a->voided_at)
		return;
	(*bulk_cell(s, a->d.received, R_NEW, a->type))++;
	if (a->d.answered != DATE_NONE && outcome_is_valid(a->outcome))
		(*bulk_cell(s, a->d.answered, a->outcome, a->type))++;
}

/* Adds one year's received and answered of one type to tally_year. */
static enum status bulk_year_add(struct store *s, int year, int type, long long got,
				 long long done, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_TALLY_YEAR_ADD, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	sqlite3_bind_text(q, 2, code_key(&codes_applicant, type), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, got);
	sqlite3_bind_int64(q, 4, done);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "统计", d);
}

/* The months gathered during a bulk import, added up per year into tally_year. */
static enum status bulk_write_years(struct store *s, struct diag *d)
{
	enum status st = ST_OK;
	for (size_t i = 0; st == ST_OK && i < s->nbulk_counts; i++)
		for (int c = 0; st == ST_OK && c < AT_COUNT; c++) {
			const struct bulk_month *b = &s->bulk_counts[i];
			long long done = 0;
			for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++)
				done += b->v[r][c];
			if (b->v[R_NEW][c] || done)
				st = bulk_year_add(s, b->year, c, b->v[R_NEW][c], done, d);
		}
	return st;
}

/* Adds what the bulk import counted to tally_count and tally_year, as the triggers would. */
static enum status bulk_write_counts(struct store *s, struct diag *d)
{
	enum status st = bulk_write_years(s, d);
	if (st != ST_OK)
		return st;
	for (size_t i = 0; i < s->nbulk_counts; i++)
		for (int r = 0; r < T3_ROWS; r++)
			for (int c = 0; c < AT_COUNT; c++) {
				long long n = s->bulk_counts[i].v[r][c];
				if (!n)
					continue;
				sqlite3_stmt *q = store_stmt(s, Q_TALLY_ADD, d);
				if (!q)
					return s->stmt_status;
				sqlite3_bind_int(q, 1, s->bulk_counts[i].year);
				sqlite3_bind_int(q, 2, s->bulk_counts[i].month);
				sqlite3_bind_text(q, 3, t3_row_key(r), -1, SQLITE_STATIC);
				sqlite3_bind_text(q, 4, code_key(&codes_applicant, c), -1, SQLITE_STATIC);
				sqlite3_bind_int64(q, 5, n);
				int rc = sqlite3_step(q);
				sqlite3_reset(q);
				if (rc != SQLITE_DONE)
					return store_fail(s, rc, "统计", d);
			}
	return ST_OK;
}

enum status store_bulk_end(struct store *s, struct diag *d)
{
	enum status st = bulk_write_counts(s, d);
	/* SQLite sorts an index's keys in runs as large as the page cache: runs of 1 MB, which
	 * stay in the processor's cache, then merged, were measured a third quicker than 8 MB */
	if (st == ST_OK)
		st = exec_sql(s, "PRAGMA cache_size = -1000", "建立索引", d);
	/* the sort in temporary files, not all in memory (store_import_begin); refused only when
	 * the import made a temporary table, which it does for a row with a problem, and such
	 * an import never gets here */
	if (st == ST_OK)
		temp_store_back(s);
	long long split = s->split;
	if (st == ST_OK && s->bulk_whole)
		st = store_number(s, Q_APP_MAX_ID, 0, &split, "建立索引", d);
	for (size_t i = 0; st == ST_OK && i < s->nbulk; i++) {
		char *sql = store_split_index_sql(s->bulk_indexes[i], split);
		st = exec_sql(s, sql, "建立索引", d);
		free(sql);
	}
	/* the statements of the store read the new split from the schema */
	if (st == ST_OK && split != s->split)
		st = store_split_refresh(s, d);
	store_bulk_forget(s);
	return st;
}
