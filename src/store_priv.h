/*
 * store_priv.h — what the store's source files share: the connection, the statement cache and
 * the error mapping. Nothing outside store*.c includes this (or sqlite3.h).
 */
#ifndef GK_STORE_PRIV_H
#define GK_STORE_PRIV_H

#include <sqlite3.h>

#include "store.h"

#define SCHEMA_VERSION 5
#define GONGKAI_APPLICATION_ID 1196114249   /* 0x474B4149, "GKAI" */
#define BUSY_TIMEOUT_MS 10000

/* The columns of an application that the program writes, in binding order (?1 … ?40). */
#define APP_COLUMNS \
	"case_no, received, applicant, applicant_type, channel, request, id_number, contact, note, " \
	"correction_sent, correction_limit, correction_received, consult_start, consult_end, " \
	"consult_party, extended_on, extension_days, extension_by, fee_notice, fee_fen, " \
	"fee_paid_on, answered, outcome, state, due, left_days, arrived, correction_items, " \
	"consult_name, consult_delivered, extension_reason, extension_told, fee_delivered, " \
	"fee_basis, fee_units, reasons_sent, reasons_limit, answer_variant, answer_reasons, " \
	"related_case"
#define APP_NCOLUMNS 40
/* the parameters of one row of the batch INSERT: the columns, created_at, created_by, updated_at */
#define STORE_BATCH_PARAMS (APP_NCOLUMNS + 3)
#define APP_COLUMNS_A \
	"a.case_no, a.received, a.applicant, a.applicant_type, a.channel, a.request, a.id_number, " \
	"a.contact, a.note, a.correction_sent, a.correction_limit, a.correction_received, " \
	"a.consult_start, a.consult_end, a.consult_party, a.extended_on, a.extension_days, " \
	"a.extension_by, a.fee_notice, a.fee_fen, a.fee_paid_on, a.answered, a.outcome, a.state, " \
	"a.due, a.left_days, a.arrived, a.correction_items, a.consult_name, a.consult_delivered, " \
	"a.extension_reason, a.extension_told, a.fee_delivered, a.fee_basis, a.fee_units, " \
	"a.reasons_sent, a.reasons_limit, a.answer_variant, a.answer_reasons, a.related_case"

/* An application with its reconsideration and lawsuit, for walks over many (no per-row query). */
#define APP_SELECT_JOINED \
	"SELECT a.id, a.version, a.created_at, a.created_by, a.updated_at, " APP_COLUMNS_A ", " \
	"r.kind, r.filed, r.result, r.decided, s.kind, s.filed, s.result, s.decided " \
	"FROM application AS a " \
	"LEFT JOIN review AS r ON r.app_id = a.id AND r.kind = 'review' " \
	"LEFT JOIN review AS s ON s.app_id = a.id AND s.kind <> 'review' "

/* The columns of one line of the list (store_list.c reads them in this order). */
#define LIST_COLUMNS "id, case_no, applicant, received, applicant_type, due, left_days, " \
	"answered, outcome, state, extended_on IS NOT NULL, list_key, voided_at IS NOT NULL, " \
	"correction_limit, coalesce(fee_delivered, fee_notice)"

/* The columns of a document issued, as store_doc.c reads them. */
#define DOC_COLUMNS "id, app_id, kind, year, serial, number, issued_on, template_version, " \
	"body, issued_at, issued_by, voided_at, void_reason"

/* The large indexes are in two parts (schema.sql): the applications up to the split, indexed
 * when an import last built them whole, and the recent ones after it, so that an import sorts
 * only what it brings. A partial index serves a query only when the query's WHERE repeats the
 * index's own, so a statement that reads them says which part it reads: "id <= " SPLIT and
 * "id > " SPLIT, where store.c writes the file's split as a number when it prepares the
 * statement. APPS(columns) is both parts as one table, apps; SQLite pushes the WHERE around it
 * into each arm. */
#define SPLIT "{split}"
#define APPS(cols) "(SELECT " cols " FROM application WHERE id <= " SPLIT " UNION ALL " \
	"SELECT " cols " FROM application WHERE id > " SPLIT ") AS apps"
/* The first year above `cond`'s in both parts: each part's by one seek of its index. */
#define YEAR_MIN(cond) "(SELECT min(m) FROM (SELECT min(received_year) AS m FROM application " \
	"WHERE id <= " SPLIT cond " UNION ALL SELECT min(received_year) FROM application " \
	"WHERE id > " SPLIT cond "))"
/* The years the file holds applications of, in order, each found by one seek of app_year_list
 * (each part) past the one before (so a year without applications costs nothing); the last is
 * NULL. A range of list_key over every year is each year's part of that index, sought one year
 * after the other: EVERY_YEAR, written first in a WHERE, so that a table alias before it (a.)
 * applies to received_year. */
#define YEARS_HELD "WITH RECURSIVE gk_year(y) AS (" \
	"SELECT " YEAR_MIN("") " UNION ALL " \
	"SELECT " YEAR_MIN(" AND received_year > gk_year.y") " " \
	"FROM gk_year WHERE gk_year.y IS NOT NULL) SELECT y FROM gk_year"
#define EVERY_YEAR "received_year IN (" YEARS_HELD ")"
/* Applications answered from a day (?N, inclusive) or after it, or up to one, as a range of
 * list_key: an answered application's key is '3' followed by 99991231 less its answer date as
 * YYYYMMDD (schema.sql), eight digits for any date of years 1000 to 8999, so a later answer has
 * a smaller key and the range is read from app_year_list in each year. A voided application's
 * key begins with '9', outside every such range. */
#define LIST_KEY_OF(p) "('3' || (99991231 - CAST(replace(" p ", '-', '') AS INTEGER)))"
#define ANSWERED_FROM(p) EVERY_YEAR " AND list_key > '3' AND list_key <= " LIST_KEY_OF(p)
#define ANSWERED_AFTER(p) EVERY_YEAR " AND list_key > '3' AND list_key < " LIST_KEY_OF(p)
#define ANSWERED_BETWEEN(from, to) EVERY_YEAR " AND list_key BETWEEN " LIST_KEY_OF(to) " AND " \
	LIST_KEY_OF(from)
/* An application (or a review of one) not voided. The voided ones are the few whose list_key
 * begins with '9' (schema.sql): the list of their ids is read once from app_year_list, where
 * looking each row's application up in the table cost a random read per row (50 ms for table
 * 四 at a million applications); the ids are in the indexes that serve the query. */
#define NOT_VOIDED(id) id " NOT IN (SELECT id FROM " APPS("id, received_year, list_key") \
	" WHERE " EVERY_YEAR " AND list_key >= '9')"
#define VOIDED_NOT NOT_VOIDED("review.app_id")

/* Table 三's outcomes and carry-over of the year (?1 to ?2) in one part of the index (`part`:
 * "<= " SPLIT or "> " SPLIT). */
#define T3_OUTCOMES_IN(part) "SELECT outcome, applicant_type, count(*) FROM application " \
	"WHERE " ANSWERED_BETWEEN("?1", "?2") " AND answered BETWEEN ?1 AND ?2 " \
	"AND voided_at IS NULL AND id " part " GROUP BY outcome, applicant_type"
#define T3_CARRY_DONE_IN(part) "SELECT applicant_type, sum(received < ?1), " \
	"sum(received <= ?2 AND answered > ?2) FROM application " \
	"WHERE " ANSWERED_FROM("?1") " AND answered >= ?1 AND received <= ?2 " \
	"AND voided_at IS NULL AND id " part " GROUP BY applicant_type"
#define DUP_APPS APPS("id, case_no, received, applicant, request, answered, outcome, " \
	"id_number, voided_at")

/* Every statement the store runs, prepared once on first use and kept. */
#define STMT_LIST(X) \
	X(Q_BEGIN, "BEGIN IMMEDIATE") \
	X(Q_BEGIN_READ, "BEGIN DEFERRED") \
	X(Q_COMMIT, "COMMIT") \
	X(Q_ROLLBACK, "ROLLBACK") \
	X(Q_DATA_VERSION, "PRAGMA data_version") \
	X(Q_APP_INSERT, "INSERT INTO application (" APP_COLUMNS ", created_at, created_by, " \
		"updated_at) VALUES (" \
		"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, " \
		"?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, " \
		"?38, ?39, ?40, ?41, ?42, ?41)") \
	X(Q_APP_UPDATE, "UPDATE application SET (" APP_COLUMNS ") = (" \
		"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, " \
		"?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, " \
		"?38, ?39, ?40), " \
		"version = version + 1, updated_at = ?41 WHERE id = ?42 AND version = ?43") \
	X(Q_APP_GET, "SELECT id, version, created_at, created_by, updated_at, " APP_COLUMNS \
		", voided_at, voided_by, void_reason FROM application WHERE id = ?1") \
	X(Q_APP_VOID, "UPDATE application SET voided_at = ?2, voided_by = ?3, void_reason = ?4, " \
		"version = version + 1, updated_at = ?2 WHERE id = ?1 AND voided_at IS NULL") \
	X(Q_APP_BY_CASE, "SELECT id FROM application WHERE case_no = ?1") \
	X(Q_CASE_HELD, "SELECT row FROM temp.import_case WHERE case_no = ?1") \
	X(Q_CASE_HOLD, "INSERT INTO temp.import_case (case_no, row) VALUES (?1, ?2) " \
		"ON CONFLICT DO NOTHING") \
	X(Q_APP_OPEN_IDS, "SELECT id FROM application WHERE answered IS NULL ORDER BY id") \
	X(Q_APP_SET_CLOCK, "UPDATE application SET state = ?2, due = ?3, left_days = ?4 " \
		"WHERE id = ?1") \
	X(Q_CASE_MAX, "SELECT case_no FROM application WHERE case_no BETWEEN ?1 AND ?2 " \
		"AND length(case_no) = length(?1) AND substr(case_no, 6) GLOB '[0-9]*' " \
		"AND substr(case_no, 6) NOT GLOB '*[^0-9]*' ORDER BY case_no DESC LIMIT 1") \
	X(Q_REVIEW_GET, "SELECT kind, filed, result, decided FROM review WHERE app_id = ?1") \
	X(Q_REVIEW_DELETE, "DELETE FROM review WHERE app_id = ?1") \
	X(Q_REVIEW_INSERT, "INSERT INTO review (app_id, kind, filed, result, decided) " \
		"VALUES (?1, ?2, ?3, ?4, ?5)") \
	X(Q_HISTORY_ADD, "INSERT INTO history (app_id, year, at, user, field, old, new, reason) " \
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") \
	/* an application that came with a ledger has no 新建 line: its first line, 导入, is made \
	 * from its own stamps (the import's file and count are on a line of the whole database) */ \
	X(Q_HISTORY_GET, "SELECT at, user, field, old, new, reason FROM (" \
		"SELECT 0 AS k, created_at AS at, created_by AS user, '导入' AS field, " \
		"NULL AS old, case_no AS new, NULL AS reason FROM application WHERE id = ?1 " \
		"AND NOT EXISTS (SELECT 1 FROM history WHERE app_id = ?1 AND field = '新建') " \
		"UNION ALL SELECT id, at, user, field, old, new, reason FROM history " \
		"WHERE app_id = ?1) ORDER BY k") \
	X(Q_META_GET, "SELECT value FROM meta WHERE key = ?1") \
	X(Q_META_ALL, "SELECT key, value FROM meta") \
	X(Q_META_DELETE, "DELETE FROM meta WHERE key = ?1") \
	X(Q_META_SET, "INSERT INTO meta (key, value) VALUES (?1, ?2) " \
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value") \
	X(Q_HOLIDAY_ALL, "SELECT day, kind, name FROM holiday ORDER BY day") \
	X(Q_HOLIDAY_PUT, "INSERT INTO holiday (day, kind, name) VALUES (?1, ?2, ?3) " \
		"ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name") \
	X(Q_BULK_SIZE, "SELECT count(*) FROM application") \
	X(Q_APP_MAX_ID, "SELECT coalesce(max(id), 0) FROM application") \
	X(Q_RECENT_SIZE, "SELECT count(*) FROM application WHERE id > ?1") \
	/* the split of the large indexes, in the first one's WHERE (store.c) */ \
	X(Q_SPLIT_OF, "SELECT sql FROM sqlite_schema WHERE type = 'index' " \
		"AND name = 'app_year_list'") \
	X(Q_BULK_INDEXES, "SELECT type, name, sql FROM sqlite_schema " \
		"WHERE type IN ('index', 'trigger') AND tbl_name = 'application' AND sql IS NOT NULL " \
		"AND name NOT IN ('app_state', 'app_fee_paid')") \
	X(Q_TALLY_ADD, "INSERT INTO tally_count VALUES (?1, ?2, ?3, ?4, ?5) " \
		"ON CONFLICT DO UPDATE SET n = n + excluded.n") \
	X(Q_LOCKED_YEARS, "SELECT year FROM year_lock ORDER BY year") \
	X(Q_T3_YEAR_COUNTS, "SELECT row, type, sum(n) FROM tally_count WHERE year = ?1 " \
		"GROUP BY row, type") \
	X(Q_T3_BEFORE_COUNTS, "SELECT type, total(got), total(done) FROM tally_year " \
		"WHERE year < ?1 GROUP BY type") \
	X(Q_TALLY_YEAR_ADD, "INSERT INTO tally_year (year, type, got, done) VALUES (?1, ?2, ?3, ?4) " \
		"ON CONFLICT DO UPDATE SET got = got + excluded.got, done = done + excluded.done") \
	/* each count of the year, added up by store_monthly (no temporary tree for a GROUP BY) */ \
	X(Q_MONTH_COUNTS, "SELECT month, row = 'new', n FROM tally_count WHERE year = ?1") \
	/* The counting rule of table 三 is written in four places — tally_table3_count (tally.c), the
	 * triggers tally_insert/tally_update (schema.sql), store_bulk_count (store_import.c) and
	 * the Q_T3_* recount (store_priv.h); tests/unit/test_counting.c keeps the four equal. */ \
	X(Q_T3_NEW, "SELECT applicant_type, count(*) FROM application " \
		"WHERE received BETWEEN ?1 AND ?2 AND voided_at IS NULL GROUP BY applicant_type") \
	/* grouped in each part of the index and added up by the caller: a GROUP BY over both \
	 * parts as one (APPS) would not take the years' condition into each */ \
	X(Q_T3_OUTCOMES, T3_OUTCOMES_IN("<= " SPLIT) " UNION ALL " T3_OUTCOMES_IN("> " SPLIT)) \
	X(Q_T3_CARRY_OPEN, "SELECT applicant_type, sum(received < ?1), count(*) " \
		"FROM application WHERE answered IS NULL AND received <= ?2 AND voided_at IS NULL " \
		"GROUP BY applicant_type") \
	X(Q_T3_CARRY_DONE, T3_CARRY_DONE_IN("<= " SPLIT) " UNION ALL " \
		T3_CARRY_DONE_IN("> " SPLIT)) \
	/* a voided application's reconsideration and lawsuit are counted nowhere either */ \
	/* those decided from the year on come one row each, added up by store_table4: grouped
	 * here, SQLite sorted them into a temporary tree first, three quarters of the time */ \
	X(Q_T4, "SELECT kind, 'pending', count(*) FROM review " \
		"WHERE decided IS NULL AND filed <= ?2 AND " VOIDED_NOT " GROUP BY kind UNION ALL " \
		"SELECT kind, CASE WHEN decided > ?2 THEN 'pending' ELSE result END, 1 " \
		"FROM review WHERE decided >= ?1 AND filed <= ?2 AND " VOIDED_NOT) \
	X(Q_FEES_PAID, "SELECT total(fee_fen) FROM application WHERE fee_paid_on BETWEEN ?1 AND ?2 " \
		"AND " NOT_VOIDED("id")) \
	X(Q_YEARS, "SELECT min(year), max(year) FROM tally_year WHERE got > 0 OR done > 0") \
	/* not voided: list_key below '9', read from the partial index app_state itself (the +
	 * keeps SQLite from walking app_year_list instead) */ \
	X(Q_OPEN_COUNT, "SELECT count(*) FROM application WHERE answered IS NULL " \
		"AND +list_key < '9'") \
	X(Q_T2_GET, "SELECT rules_made, rules_repealed, rules_valid, norms_made, norms_repealed, " \
		"norms_valid, licensing, penalty, coercion, fee_yuan FROM table2 WHERE year = ?1") \
	X(Q_T2_SET, "INSERT OR REPLACE INTO table2 (year, rules_made, rules_repealed, rules_valid, " \
		"norms_made, norms_repealed, norms_valid, licensing, penalty, coercion, fee_yuan) " \
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)") \
	X(Q_SECTION_GET, "SELECT body, version FROM report_text WHERE year = ?1 AND section = ?2") \
	X(Q_SECTION_SET, "INSERT INTO report_text (year, section, body, version, updated_at, " \
		"updated_by) VALUES (?1, ?2, ?3, 1, ?4, ?5) ON CONFLICT (year, section) DO UPDATE " \
		"SET body = excluded.body, version = version + 1, updated_at = excluded.updated_at, " \
		"updated_by = excluded.updated_by") \
	X(Q_SECTION_DELETE, "DELETE FROM report_text WHERE year = ?1 AND section = ?2") \
	X(Q_LOCK_GET, "SELECT report FROM year_lock WHERE year = ?1") \
	X(Q_LOCK_ADD, "INSERT INTO year_lock (year, locked_at, locked_by, report) " \
		"VALUES (?1, ?2, ?3, ?4)") \
	X(Q_LOCK_DELETE, "DELETE FROM year_lock WHERE year = ?1") \
	X(Q_APP_ALL, APP_SELECT_JOINED "WHERE a.voided_at IS NULL ORDER BY a.id") \
	/* what table 三 and 四 of the year count: received in it, open during it, or with a \
	 * reconsideration or lawsuit that table 四 counts (filed by the year's end, undecided \
	 * on 1 January), so that the file imported alone gives the year's tables (Q_T4) */ \
	X(Q_APP_YEAR, APP_SELECT_JOINED "WHERE a.received <= ?2 AND a.voided_at IS NULL " \
		"AND (a.received >= ?1 " \
		"OR a.answered IS NULL OR a.answered >= ?1 " \
		"OR (r.filed <= ?2 AND (r.decided IS NULL OR r.decided >= ?1)) " \
		"OR (s.filed <= ?2 AND (s.decided IS NULL OR s.decided >= ?1))) ORDER BY a.id") \
	X(Q_APP_ANSWERED_IN, APP_SELECT_JOINED "WHERE a.id IN (SELECT id FROM " \
		APPS("id, received_year, list_key, answered") " WHERE " ANSWERED_BETWEEN("?1", "?2") \
		" AND answered BETWEEN ?1 AND ?2) AND a.voided_at IS NULL ORDER BY a.answered, a.id") \
	/* open on the year's last day: not answered yet, or answered after it */ \
	X(Q_APP_OPEN_OLDEST, APP_SELECT_JOINED "WHERE a.id IN (" \
		"SELECT id FROM (SELECT id, received FROM application WHERE answered IS NULL " \
		"AND received <= ?2 AND voided_at IS NULL ORDER BY received LIMIT 10) UNION ALL " \
		"SELECT id FROM (SELECT id, received FROM " \
		APPS("id, received, answered, received_year, list_key, voided_at") \
		" WHERE " ANSWERED_AFTER("?2") \
		" AND answered > ?2 AND received <= ?2 AND voided_at IS NULL " \
		"ORDER BY received LIMIT 10)) " \
		"ORDER BY a.received, a.id LIMIT 10") \
	X(Q_APPLICANT_MONTH, "SELECT count(*) FROM " \
		APPS("id, received_year, received, applicant, id_number, voided_at") \
		" WHERE received_year = ?5 " \
		"AND received BETWEEN ?1 AND ?2 AND applicant = ?3 AND (?4 IS NULL OR id_number = ?4) " \
		"AND voided_at IS NULL AND (received < ?2 OR ?6 = 0 OR id <= ?6)") \
	/* an applicant's earlier applications, by name or by ID number (store_dup.c) */ \
	X(Q_APP_DUP, "SELECT id, case_no, received, applicant, request, answered, outcome " \
		"FROM " DUP_APPS " WHERE applicant = ?1 AND received BETWEEN ?3 AND ?4 " \
		"AND voided_at IS NULL AND id <> ?5 UNION " \
		"SELECT id, case_no, received, applicant, request, answered, outcome " \
		"FROM " DUP_APPS " WHERE id_number = ?2 AND received BETWEEN ?3 AND ?4 " \
		"AND voided_at IS NULL AND id <> ?5 ORDER BY 3 DESC, 1 DESC LIMIT 500") \
	X(Q_HISTORY_YEAR, "INSERT INTO history (year, at, user, field, old, new, reason) " \
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
	X(Q_LIST_ROW, "SELECT " LIST_COLUMNS " FROM application WHERE id = ?1") \
	/* the years the file holds applications of (store_list.c) */ \
	X(Q_YEARS_HELD, YEARS_HELD " WHERE y IS NOT NULL") \
	/* the office's templates and the documents issued (store_doc.c) */ \
	X(Q_TEMPLATE_LATEST, "SELECT version, body FROM template WHERE kind = ?1 " \
		"ORDER BY version DESC LIMIT 1") \
	X(Q_TEMPLATE_ADD, "INSERT INTO template (kind, version, body, created_at, created_by) " \
		"VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM template WHERE kind = ?1), " \
		"?2, ?3, ?4) RETURNING version") \
	X(Q_TEMPLATE_VERSIONS, "SELECT kind, max(version) FROM template GROUP BY kind") \
	X(Q_DOC_NEXT, "SELECT coalesce(max(serial), 0) + 1 FROM document WHERE year = ?1") \
	X(Q_DOC_ADD, "INSERT INTO document (app_id, kind, year, serial, number, issued_on, " \
		"template_version, body, issued_at, issued_by) " \
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
	X(Q_DOC_OF_APP, "SELECT " DOC_COLUMNS " FROM document WHERE app_id = ?1 ORDER BY id") \
	X(Q_DOC_GET, "SELECT " DOC_COLUMNS " FROM document WHERE id = ?1") \
	X(Q_DOC_VOID, "UPDATE document SET voided_at = ?2, voided_by = ?3, void_reason = ?4 " \
		"WHERE id = ?1 AND voided_at IS NULL")

enum stmt_id {
#define STMT_ENUM(id, sql) id,
	STMT_LIST(STMT_ENUM)
#undef STMT_ENUM
	Q_COUNT
};

struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	const char *readonly_why;    /* why it is read-only (static Chinese text), or NULL */
	bool in_txn;
	sqlite3_stmt *stmt[Q_COUNT];
	enum status stmt_status;     /* why store_stmt last returned NULL */
	long long split;             /* the split of the large indexes (SPLIT), as last read */
	long long split_schema;      /* the schema_version it was read at */
	struct calendar *cal;
	long long cal_version;       /* data_version when the calendar was loaded */
	long long seen_version;      /* data_version at the last store_changed_elsewhere */
	/* the next free `YYYY-NNNN` case number of each year met in the open transaction */
	struct case_next {
		int year;
		long long next;
	} case_next[64];
	int ncase_next;
	int *locked;                 /* the locked years, read once per transaction */
	size_t nlocked;
	bool locks_known;
	char **bulk_indexes;         /* CREATE INDEX statements to run at store_bulk_end */
	size_t nbulk;
	bool bulk;                   /* between store_bulk_begin and _end, the triggers dropped */
	bool bulk_whole;             /* and both parts of the large indexes, not the recent one */
	bool journal_switched;       /* an import into an empty file left WAL (store_import_end) */
	bool temp_switched;          /* and keeps its statement journals in memory */
	bool case_table;             /* temp.import_case is there (store_case_table) */
	struct bulk_month *bulk_counts;   /* what the tally triggers would have counted meanwhile */
	size_t nbulk_counts, bulk_counts_cap;
	/* list statements by filter and by [year][search][cursor][backward]; one over every year
	 * has an arm per year (store_list.c), list_arms of them */
	sqlite3_stmt *list_stmt[LF_COUNT][16];
	int list_arms[LF_COUNT][16];
	int *years;                  /* the years received, as the last list over all read them */
	size_t years_cap;
	sqlite3_stmt *count_stmt[LF_COUNT][4];
	sqlite3_stmt *batch_stmt;        /* STORE_BATCH rows in one INSERT (an import) */
	bool batch_null[STORE_BATCH * STORE_BATCH_PARAMS];   /* its parameters bound NULL */
};

/* Table 三's counts of one month gathered during a bulk import (row R_NEW or an outcome). */
struct bulk_month {
	int year, month;
	long long v[T3_ROWS][AT_COUNT];
};
/* Is this our file, of a version we know? Creates the schema in an empty file, and brings a
 * file of an older version up to date (store_schema.c). */
enum status store_schema_check(struct store *s, struct diag *d);
/* Inserts the shipped State Council calendar (data/holidays-cn.csv) into a new database. */
enum status store_seed_holidays(struct store *s, struct diag *d);

/* Counts an inserted application as the tally_insert trigger would. */
void store_bulk_count(struct store *s, const struct app *a);
/* Forgets what store_bulk_begin kept (after store_bulk_end, a rollback, or at close), and gives
 * the CHECK constraints back to every later write. */
void store_bulk_forget(struct store *s);
/* Makes the temporary table of an import's held case numbers unless this connection has it
 * (store_app.c; a rollback or a change of temp_store takes it away). */
enum status store_case_table(struct store *s, struct diag *d);

/* How a file can be opened (store_file.c): read-only, and then why, and whether as immutable
 * (SQLite cannot make its -wal and -shm files there, and none exists). */
struct store_access {
	bool readonly, immutable;
	const char *why;   /* static Chinese text; NULL when the file can be written */
};
void store_file_access(const char *path, int flags, struct store_access *a);
/* For a shared database (its mode group read-write): its -wal and -shm files, once they exist,
 * made 0660 with the database file's group where this process owns them. Anything else is left
 * as it is; failures are ignored (a clerk outside the group could not write them anyway). */
void store_file_share(const char *path);
/* A `file:` URI that opens path as immutable; the caller frees it. */
char *store_file_uri(const char *path);

/* Prepares sql (a statement of the store's own) with SPLIT written as s->split; sets
 * s->stmt_status and reports to d on failure. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql, const char *what, struct diag *d);
/* Reads the file's split (s->split) again if the schema changed since it was read: another
 * connection's import may have moved it. The statements written with the old one are
 * finalized (they are still right, but no index serves them). */
enum status store_split_refresh(struct store *s, struct diag *d);
/* Sets the split of the large indexes' SQL (a CREATE INDEX of schema.sql's, either part) to w;
 * the caller frees it. Any other SQL comes back as it is. */
char *store_split_index_sql(const char *sql, long long w);
/* Whether sql is the CREATE INDEX of the part before the split (1), after it (2), or neither. */
int store_split_part(const char *sql);
/* The split written in sql, when it is the CREATE INDEX of the part before it (into *w). */
bool store_split_of(const char *sql, long long *w);
/* One number from the statement id (with ?1 bound to arg when it has a parameter) into *n;
 * `what` names the work in the message of a failure. */
enum status store_number(struct store *s, enum stmt_id id, long long arg, long long *n,
			 const char *what, struct diag *d);
/* The statement, reset and with its bindings cleared; NULL after reporting to d. */
sqlite3_stmt *store_stmt(struct store *s, enum stmt_id id, struct diag *d);
/* Maps a SQLite result to a status and adds a Chinese line naming `what` to d. */
enum status store_fail(struct store *s, int rc, const char *what, struct diag *d);
/* Binding helpers: DATE_NONE, negative codes and NULL strings bind as NULL. */
void store_bind_date(sqlite3_stmt *st, int i, int date);
void store_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Reads a date column (NULL → DATE_NONE). */
int store_column_date(sqlite3_stmt *st, int i);
/* A copy of a text column, or NULL. */
char *store_column_text(sqlite3_stmt *st, int i);
/* The same for a column the schema says is NOT NULL: "" when a damaged file gives NULL
 * (SQLite does not check what it reads), so that no reader meets a NULL it never expects. */
char *store_column_text_nn(sqlite3_stmt *st, int i);
/* The time now, `YYYY-MM-DD HH:MM:SS` in local time, into buf (20 bytes). */
void store_now(char buf[20]);
/* The query plan of one prepared statement, one line per step, into out. */
enum status store_plan_of(struct store *s, sqlite3_stmt *st, struct strbuf *out,
			  struct diag *d);
/* The list's statements, prepared for every filter and option (store_list.c). */
enum status store_list_plans(struct store *s,
			     void (*fn)(const char *name, const char *plan, void *ctx), void *ctx,
			     struct diag *d);

/* Reads the calendar from the file again. */
enum status store_reload_calendar(struct store *s, struct diag *d);
/* Runs f between BEGIN IMMEDIATE and COMMIT unless a transaction is already open. */
enum status store_txn_begin_own(struct store *s, bool *own, struct diag *d);
enum status store_txn_end_own(struct store *s, bool own, enum status st, struct diag *d);

#endif
