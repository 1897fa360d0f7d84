/*
 * store.h — the gongkai database: the only module that talks to SQLite.
 *
 * A struct store is one open database file: its schema applied or checked, its statements
 * prepared once and reused, the working-day calendar loaded from it. Every change is one
 * transaction (BEGIN IMMEDIATE, waiting for other clerks' locks up to a busy timeout); every
 * value is bound, never pasted into SQL. Errors come back as enum status with a Chinese line in
 * the caller's struct diag; a raw SQLite message is never the only thing a clerk sees.
 */
#ifndef GK_STORE_H
#define GK_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "calendar.h"
#include "diag.h"
#include "status.h"
#include "tally.h"

struct strbuf;

struct store;

enum store_flags {
	STORE_READONLY = 1,   /* open an existing file for reading only; never create or migrate */
	STORE_NOCREATE = 2,   /* refuse a missing file instead of creating it */
};

/*
 * The path the program uses when no --db is given: $GONGKAI_DB, else
 * $XDG_DATA_HOME/gongkai/gongkai.db, else ~/.local/share/gongkai/gongkai.db. The caller frees it.
 */
char *store_default_path(void);

/*
 * Opens (creating with the schema and the shipped calendar when missing: the file 0600, a
 * missing folder 0700) or checks and migrates the database at path (":memory:" works).
 * A file that is not a gongkai database, is corrupt or is from a newer version gives ST_NOTOURS.
 * A file that cannot be written is opened read-only when it exists (store_readonly() tells).
 * On success *out owns the store (store_close frees it).
 */
enum status store_open(const char *path, int flags, struct store **out, struct diag *d);
void store_close(struct store **s);
bool store_readonly(const struct store *s);
const char *store_path(const struct store *s);

/* The working-day calendar of this database, reloaded when another process changed it. */
const struct calendar *store_calendar(struct store *s);

/*
 * True when another connection committed a change since the last call (PRAGMA data_version):
 * the screens redraw from the database then.
 */
bool store_changed_elsewhere(struct store *s);

/* Explicit transactions, for work that must be all or nothing (an import). store_begin takes
 * the write lock at once (BEGIN IMMEDIATE). Functions below that write use their own
 * transaction unless one is open. */
enum status store_begin(struct store *s, struct diag *d);
enum status store_commit(struct store *s, struct diag *d);
void store_rollback(struct store *s);

/*
 * For a large import (about `expected` rows) into a table that holds few applications, or not
 * many more than the import brings: inside the open transaction, drops the secondary indexes
 * and the triggers of the applications (keeping their definitions from the schema) so that
 * rows go in without them — the store keeps table 三's counts for them in memory meanwhile —
 * and store_bulk_end writes those counts and builds the indexes again, one sort each, before
 * the commit. Of the large indexes, only the recent part is dropped and sorted again while it
 * stays, with the import's rows, under half of the part before the split (schema.sql); past
 * that, both parts, and the split moves after the last application. Nothing to do when the
 * table is already large (*on is then false). A rollback brings the indexes and triggers back
 * by itself.
 */
enum status store_bulk_begin(struct store *s, long long expected, bool *on, struct diag *d);
enum status store_bulk_end(struct store *s, struct diag *d);
/* The split of the large indexes (schema.sql): the applications up to this id are in the part
 * a large import last built whole, those after it in the recent part. */
long long store_split(const struct store *s);

/*
 * An import's transaction: store_begin, then store_bulk_begin. Into a file without
 * applications (and no other connection on it), the file leaves WAL for a rollback journal
 * meanwhile, which writes each new page once instead of twice (into the WAL, then back). After
 * the commit or rollback, store_import_end goes back to WAL.
 */
enum status store_import_begin(struct store *s, long long expected, bool *bulk, struct diag *d);
void store_import_end(struct store *s);

/*
 * A snapshot for work that reads several times and must see one state of the file (a report's
 * tables, which must add up while other clerks write): every read between store_read_begin
 * and store_read_end sees the database as it was at the first of them. Inside a transaction
 * already open, both do nothing. store_read_end must follow every successful store_read_begin.
 */
enum status store_read_begin(struct store *s, bool *own, struct diag *d);
void store_read_end(struct store *s, bool own);

/* ---- applications ---- */

/*
 * Stores a new application. An empty case number is assigned (`YYYY-NNNN` by receipt year).
 * The clock's state and due date are computed and stored. On success a->id, a->version,
 * a->case_no and the computed fields are set. A duplicate case number gives ST_DATA with
 * `编号: … 已存在`. The caller has checked a with app_check. (The record's stamps, created_at
 * and the like, are read back by store_app_get, not set here.)
 */
enum status store_app_insert(struct store *s, struct app *a, struct diag *d);

/*
 * Inserts n applications as store_app_insert would, in order, inside the open transaction (an
 * import): STORE_BATCH of them with one statement when none has a reconsideration or lawsuit,
 * else — or when any is refused — one at a time, so each[i] and d[i] say what became of each.
 * Returns a status other than ST_OK only when the database itself failed.
 */
#define STORE_BATCH 48
enum status store_app_insert_many(struct store *s, struct app **apps, size_t n,
				  enum status *each, struct diag *d);

/*
 * The case numbers of an import's rows that had problems and were not stored. Such a number
 * still counts as taken, so that a later row with it is reported as a duplicate too
 * (docs/ledger.md: every problem at once). store_case_hold holds case_no for the file's row
 * `row` and says in *by who had it already: 0 nobody, STORE_CASE_STORED an application in
 * the database (stored before the import or earlier in it), else the row that held it first.
 * store_case_held says only which row holds it (*by = 0: none). Both run inside the import's
 * transaction; what is held goes when it is rolled back (an import with a problem always
 * is), and is never written to the file.
 */
#define STORE_CASE_STORED ((size_t)-1)
enum status store_case_hold(struct store *s, const char *case_no, size_t row, size_t *by,
			    struct diag *d);
enum status store_case_held(struct store *s, const char *case_no, size_t *by, struct diag *d);

/* Reads the application with that id (or case number) into *a (app_init'ed or released
 * first). ST_NOTFOUND when there is none. */
enum status store_app_get(struct store *s, long long id, struct app *a, struct diag *d);
enum status store_app_get_by_case(struct store *s, const char *case_no, struct app *a,
				  struct diag *d);

/*
 * Saves a changed application: refused with ST_CONFLICT when the stored version is no longer
 * a->version (another clerk saved it meanwhile), with ST_LOCKED when the change would alter a
 * table of a locked year. Each changed field is written to the history with the operating-system
 * user, the time and the reason (may be NULL). On success a->version and the computed fields are
 * updated.
 */
enum status store_app_update(struct store *s, struct app *a, const char *reason,
			     struct diag *d);

/*
 * Voids (作废) the application with that id: a mistaken entry, kept with its history and case
 * number (never reused) but counted in no table and shown in no list but 已作废. One
 * transaction: the row marked with the time, clerk (the login; NULL for store_user()) and
 * reason, and the history line `作废（理由：…）`. Refused with ST_DATA when the reason is blank
 * or the application is voided already (voiding is final), ST_CONFLICT when version_read is
 * not 0 and another save came after it, ST_LOCKED when it would change a locked year's tables.
 */
enum status store_app_void(struct store *s, long long id, long long version_read,
			   const char *reason, const char *clerk, struct diag *d);

/* Recomputes state and due date of every open application (after a calendar change). */
enum status store_recompute_open(struct store *s, struct diag *d);

/* ---- lists ---- */

/* The list's filters (docs/manual.md). */
#define LIST_FILTER_LIST(X) \
	X(LF_ALL,        "all",        "全部") \
	X(LF_OPEN,       "open",       "办理中") \
	X(LF_LATE,       "late",       "已逾期") \
	X(LF_SOON,       "soon",       "即将到期") \
	X(LF_CORRECTION, "correction", "待补正") \
	X(LF_CONSULT,    "consult",    "征求意见中") \
	X(LF_FEE,        "fee",        "待缴费") \
	X(LF_EXTENDED,   "extended",   "已延期") \
	X(LF_DONE,       "done",       "已办结") \
	X(LF_VOIDED,     "voided",     "已作废") \
	X(LF_TODAY,      "today",      "今天到期") \
	X(LF_CORRECTION_PASSED, "correction_passed", "补正期满") \
	X(LF_FEE_PASSED, "fee_passed", "缴费期满") \
	X(LF_CONSULT_PASSED, "consult_passed", "征求意见逾期")

enum list_filter {
#define LF_ENUM(name, key, label) name,
	LIST_FILTER_LIST(LF_ENUM)
#undef LF_ENUM
	LF_COUNT
};
const char *store_list_filter_label(enum list_filter f);
const char *store_list_filter_key(enum list_filter f);

struct list_query {
	enum list_filter filter;
	int year;            /* only applications received in this year; 0 for all */
	int today;           /* LF_LATE: due before today; LF_TODAY: due today; the *_PASSED
			      * filters: the applicant's limit before today */
	int soon_until;      /* LF_SOON: due from today to this date */
	const char *search;  /* only those with this text in 编号, 申请人 or 申请内容; NULL for all */
};

/* One line of the list. The order is running ones by due date, then paused ones and those
 * waiting for 补正 by receipt date, then answered ones, newest answer first; `key` and `id`
 * together are a row's position in it (the cursor for the next page). */
struct list_row {
	long long id;
	char *case_no, *applicant, *key;
	int received, type, due, left_days, answered, outcome;
	enum app_state state;
	bool extended;
	bool voided;         /* 已作废 (LF_VOIDED lists them) */
	/* while waiting on the applicant: the 补正 limit as entered, and the day the fee notice
	 * reached them (else was sent), from which the payment limit counts (clock_fee_limit) */
	int correction_limit, fee_from;
};
struct list_page {
	struct list_row *rows;
	size_t n, cap;
};

/*
 * Up to max rows of the list, in list order, strictly after the row at (key, id) — or strictly
 * before it when backward — or from the start (the end, backward) when key is NULL. Replaces
 * what page held. Keyset paging: the cost of a page does not grow with the list.
 */
enum status store_list_page(struct store *s, const struct list_query *q, const char *key,
			    long long id, bool backward, size_t max, struct list_page *page,
			    struct diag *d);
/* The line of the list of one application, whatever the filter, as page's only row (its key
 * locates it in the list: the interface moves the cursor to an application just saved).
 * ST_NOTFOUND when there is none. */
enum status store_list_get(struct store *s, long long id, struct list_page *page,
			   struct diag *d);
/* How many rows the query matches (for the status line: the count of late ones). */
enum status store_list_count(struct store *s, const struct list_query *q, long long *n,
			     struct diag *d);
void store_list_page_release(struct list_page *page);

/* Which applications store_app_foreach walks, and in what order. */
enum app_scope {
	SCOPE_ALL,           /* every one, in the order they were entered */
	SCOPE_LEDGER_YEAR,   /* those the year's table 三 or 四 counts: received in the year,
	                      * open during it, or with a reconsideration or lawsuit table 四
	                      * counts; in the order entered */
	SCOPE_ANSWERED_IN,   /* answered in the year, by answer date */
	SCOPE_OPEN_OLDEST,   /* the ten oldest received by the year's end and open on its last
				 day (answered later, or not yet) */
};

/*
 * Calls fn for each application of the scope, with its reconsideration and lawsuit filled in;
 * a non-zero return from fn stops the walk and is returned through *stopped. The app passed to
 * fn is valid during the call only.
 */
enum status store_app_foreach(struct store *s, enum app_scope scope, int year,
			      int (*fn)(const struct app *, void *), void *ctx, int *stopped,
			      struct diag *d);

/* ---- the year's tables ---- */

/* Table 三 of a year (docs/report.md's rules), finished: from the per-year counts the
 * database keeps (tally_count), so it costs the same whatever the number of applications. */
enum status store_table3(struct store *s, int year, struct table3 *t, struct diag *d);
/* The same table counted again from the applications themselves by SQL aggregates over the
 * year's index ranges: slower, for `check`, which compares the two. */
enum status store_table3_recount(struct store *s, int year, struct table3 *t, struct diag *d);
/* Table 四 of a year from the recorded reconsiderations and lawsuits, finished. */
enum status store_table4(struct store *s, int year, struct table4 *t, struct diag *d);
/* The information-processing fees paid in a year, in 分 (section 六). */
enum status store_fees_paid(struct store *s, int year, long long *fen, struct diag *d);
/* The years that hold any application (received, answered or open), ascending: the caller
 * frees *years. */
enum status store_years(struct store *s, int **years, size_t *n, struct diag *d);

/* Applications received and answered in each month of a year (index 0 = January). */
enum status store_monthly(struct store *s, int year, long long received[12],
			  long long answered[12], struct diag *d);

/* The place of one application among those the same applicant (same name, and same ID number
 * when given) made in the calendar month of `day`, its receipt date: the n-th application that
 * decides the fee charged per application (国办函〔2020〕109号 第四条). Counted in the order
 * received, and on the same day in the order registered (by id): `id` is the application's own,
 * or 0 for one not stored yet, which comes after every one stored. Voided ones never count. */
enum status store_applicant_nth(struct store *s, const char *applicant, const char *id_number,
				int day, long long id, long long *n, struct diag *d);

struct dup_list;
/* The earlier applications that a may repeat (dup.h): those of the same applicant — the same
 * name (a's, trimmed), or the same ID number when a has one — received in the DUP_DAYS days
 * up to a's receipt date, not voided, not a itself (a->id when stored), whose request is
 * dup_similar to a's. Newest first, at most DUP_MAX, into out (emptied first; the caller
 * releases it with dup_list_release). Nothing is looked for while a has no request, no receipt
 * date, or neither name nor ID number. */
enum status store_dup_find(struct store *s, const struct app *a, struct dup_list *out,
			   struct diag *d);

/* Table 二 of a year (t->entered false when never entered). */
enum status store_table2_get(struct store *s, int year, struct table2 *t, struct diag *d);
enum status store_table2_set(struct store *s, int year, const struct table2 *t,
			     struct diag *d);

/* ---- the office's text of the annual report (annual.h) ---- */

/* The text of one section (its key: overview, problems, other) of a year: *body (the caller
 * frees it; NULL when never written) and its version (0 when none), which store_section_put
 * is given back. */
enum status store_section_get(struct store *s, int year, const char *section, char **body,
			      long long *version, struct diag *d);
/*
 * Saves the text of a section ("" removes it), in its own transaction unless one is open, the
 * change named in the year's history (报告·label). version_read is the version the text was
 * read at: when another clerk saved in between, ST_CONFLICT and nothing written (a negative
 * version_read saves whatever is there). ST_LOCKED when the year is locked. Nothing is written
 * when the text is unchanged.
 */
enum status store_section_put(struct store *s, int year, const char *section,
			      const char *label, const char *body, long long version_read,
			      struct diag *d);

/* ---- the year lock (定稿) ---- */

/* Whether the year is locked, and (when report is not NULL) the report JSON stored when it
 * was locked (the caller frees it; NULL when not locked). */
enum status store_year_lock_get(struct store *s, int year, bool *locked, char **report,
				struct diag *d);
/* Locks a year, keeping its report as published. ST_DATA when it is locked already. */
enum status store_year_lock(struct store *s, int year, const char *report_json,
			    struct diag *d);
/* Unlocks a year; the reason (required) goes into the history. */
enum status store_year_unlock(struct store *s, int year, const char *reason, struct diag *d);

/* ---- backup ---- */

/*
 * Copies the whole database to path with SQLite's online backup (safe while other clerks
 * write), into a temporary file that is checked and then renamed into place, mode 0600.
 */
enum status store_backup(struct store *s, const char *path, struct diag *d);
/*
 * Replaces the contents of s with the gongkai database at `from` (checked first: a gongkai
 * file of a version this program reads, passing SQLite's integrity check). All or nothing.
 */
enum status store_restore(struct store *s, const char *from, struct diag *d);
/* SQLite's integrity check of the whole file; ST_NOTOURS with the first problems when it fails. */
enum status store_integrity(struct store *s, struct diag *d);

/* ---- settings ---- */

/* The body's name (NULL until set); the caller frees it. */
enum status store_office_get(struct store *s, char **name, struct diag *d);
/* Sets the body's name (store_office_put of OS_NAME). */
enum status store_office_set(struct store *s, const char *name, struct diag *d);
struct office;
/* Every setting of the office (office.h) into *o (office_init'ed; the caller releases it). */
enum status store_office_read(struct store *s, struct office *o, struct diag *d);
/* Sets one setting to value as office_value gives it ("" clears it; 名称 cannot be cleared),
 * in its own transaction unless one is open, the change kept in the history (设置·名称 old →
 * new). Nothing is written when the value is unchanged. ST_DATA with a line naming the setting
 * when the value is not one it takes. */
enum status store_office_put(struct store *s, int setting, const char *value, struct diag *d);

/* ---- templates and documents (store_doc.c) ---- */

struct doc_issued;
/* The office's latest version of template key: *text (the caller frees it) and *version; NULL
 * and 0 when the office never loaded one (the program's own wording is used). */
enum status store_template_latest(struct store *s, const char *key, char **text, int *version,
				  struct diag *d);
/* Keeps text as the next version of template key (checked by the caller: doc_template_check),
 * with a line in the history; *version is its number. */
enum status store_template_add(struct store *s, const char *key, const char *text,
			       int *version, struct diag *d);
/* The latest version of every template the office loaded: calls fn(key, version, ctx). */
enum status store_template_versions(struct store *s, void (*fn)(const char *key, int version,
				    void *ctx), void *ctx, struct diag *d);
/* The next serial number of the documents of year (inside the caller's write transaction,
 * so that no other clerk takes it meanwhile). */
enum status store_doc_next_serial(struct store *s, int year, long long *serial, struct diag *d);
/* Keeps a document issued (x: app_id, kind, year, serial, number, issued_on,
 * template_version, body); sets x->id, issued_at and issued_by, and notes it in the case's
 * history. Inside the caller's transaction. */
enum status store_doc_add(struct store *s, struct doc_issued *x, struct diag *d);
/* The documents of an application, in the order issued (doc_issued_free). */
enum status store_doc_list(struct store *s, long long app_id, struct doc_issued **out,
			   size_t *n, struct diag *d);
/* One document; ST_NOTFOUND when there is none. */
enum status store_doc_get(struct store *s, long long id, struct doc_issued *out, struct diag *d);
/* Voids a document (作废): it keeps its number and its words; the reason is kept and noted in
 * the case's history. ST_DATA when it is voided already. */
enum status store_doc_void(struct store *s, long long id, const char *reason, struct diag *d);

/* ---- calendar ---- */

/* Adds or replaces calendar rows (a year's notice) and recomputes open applications' clocks. */
struct holiday_row {
	int day;
	enum cal_kind kind;
	const char *name;
};
enum status store_holidays_put(struct store *s, const struct holiday_row *rows, size_t n,
			       struct diag *d);

/* ---- history ---- */

struct history_entry {
	char *at, *user, *field, *old_value, *new_value, *reason;
};
/* The history of one application, oldest first; the caller frees with history_free. */
enum status store_history(struct store *s, long long app_id, struct history_entry **out,
			  size_t *n, struct diag *d);
void history_free(struct history_entry **v, size_t n);
/* One entry as the detail screen and `show` print it, appended to out:
 * `2026-03-02 09:15:00 wangfang  备注：旧 改为 新（理由：…）`, `…：旧 已清除`, or `…：新` for a
 * line that records no old value. 证件号码 and 联系方式 are masked (mask.h) unless personal. */
void history_entry_text(const struct history_entry *h, bool personal, struct strbuf *out);

/* Adds a history line that is not a field change (e.g. `导入` with the file and count);
 * app_id 0 for one about the whole database. */
enum status store_history_note(struct store *s, long long app_id, const char *what,
			       const char *text, struct diag *d);

/*
 * For tests and the benchmark: calls fn with the name and SQLite's query plan (EXPLAIN QUERY
 * PLAN, one line per step) of every statement the store runs, the list's in every combination
 * of filter and options, so a test can fail on a full scan where an index should serve.
 */
enum status store_query_plans(struct store *s,
			      void (*fn)(const char *name, const char *plan, void *ctx), void *ctx,
			      struct diag *d);

/* The operating-system user name recorded in the history (a static string for the process). */
const char *store_user(void);

#endif
