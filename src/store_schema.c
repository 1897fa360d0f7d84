/*
 * store_schema.c — the database's structure: created in a new file from schema.sql, checked
 * in a file that exists, and brought up to date in a file of an older version.
 *
 * schema.sql is the only place the structure is written. A file of an older version is rebuilt
 * by it, all in one transaction: the old tables are renamed aside, schema.sql creates the new
 * ones with their indexes and triggers, each old table's rows are copied into the new table of
 * the same name by the columns both have (a new column starts empty), and the old tables are
 * dropped. The counts kept by triggers (tally_count, tally_year) are not copied: the triggers
 * count the applications again as they are copied in. When the versions differ only in indexes
 * and triggers (every table as schema.sql writes it), only those are dropped and made again,
 * without copying a row: dropping an index costs a file of a million applications a moment,
 * not the minute of a copy. Either way a crash leaves the old file as it was. A file that
 * cannot be written (a body's file read for a roll-up) is brought up to date in a copy in
 * memory, and read from there.
 */
#include "store_priv.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"
#include "xmem.h"

extern const unsigned char schema_sql[];

#define OLD_PREFIX "gk_old_"

static enum status pragma_int(struct store *s, const char *sql, long long *out, struct diag *d)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		enum status e = store_fail(s, rc, "读取数据库", d);
		return e == ST_IO || e == ST_BUSY || e == ST_READONLY ? e : ST_NOTOURS;
	}
	return ST_OK;
}

static enum status exec(struct store *s, const char *sql, const char *what, struct diag *d)
{
	char *err = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &err);
	if (rc == SQLITE_OK)
		return ST_OK;
	diag_add(d, "%s失败（SQLite: %s）", what, err ? err : sqlite3_errstr(rc));
	sqlite3_free(err);
	return rc == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR ? ST_IO
	       : (rc & 0xff) == SQLITE_BUSY ? ST_BUSY : ST_NOTOURS;
}

/* Creates the schema in an empty file; *created stays false when another process created it
 * while this one waited for the write lock. */
static enum status create_schema(struct store *s, bool *created, struct diag *d)
{
	*created = false;
	enum status st = store_begin(s, d);
	long long tables = 0;
	if (st == ST_OK)
		st = pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables, d);
	if (st != ST_OK || tables > 0) {
		store_rollback(s);
		return st;
	}
	*created = true;
	st = exec(s, (const char *)schema_sql, "建立数据库结构", d);
	if (st != ST_OK) {
		store_rollback(s);
		return st;
	}
	st = store_seed_holidays(s, d);
	return store_txn_end_own(s, true, st, d);
}

/* ---- bringing an older file up to date ---- */

/* The names of the schema's objects of one type (table, index, trigger) that are ours. */
static enum status names_of(struct store *s, const char *type, char ***out, size_t *n,
			    struct diag *d)
{
	sqlite3_stmt *q;
	*out = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(s->db, "SELECT name FROM sqlite_schema WHERE type = ?1 "
				    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT NULL "
				    "ORDER BY name", -1, &q, NULL);
	size_t cap = 0;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, type, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = store_column_text(q, 0);
		}
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取数据库结构", d);
}

static void names_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The columns of table that hold data (not generated), quoted and joined with commas. */
static enum status columns_of(struct store *s, const char *table, struct strbuf *out,
			      struct diag *d)
{
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(s->db, "SELECT name FROM pragma_table_xinfo(?1) "
				    "WHERE hidden = 0 ORDER BY cid", -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			sb_addf(out, "%s\"%s\"", out->len ? "," : "",
				(const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取数据库结构", d);
}

/* Whether the comma-joined quoted list has the quoted column c. */
static bool has_column(const char *list, const char *c)
{
	size_t n = strlen(c);
	for (const char *p = list; (p = strstr(p, c)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return true;
	return false;
}

/* Copies the rows of OLD_PREFIX table into table, by the columns both have. */
static enum status copy_rows(struct store *s, const char *table, struct diag *d)
{
	struct strbuf old = STRBUF_INIT, now = STRBUF_INIT, both = STRBUF_INIT, sql = STRBUF_INIT;
	char *old_name = xasprintf(OLD_PREFIX "%s", table);
	enum status st = columns_of(s, old_name, &old, d);
	if (st == ST_OK)
		st = columns_of(s, table, &now, d);
	for (const char *p = sb_str(&old); st == ST_OK && *p;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char *c = xstrndup(p, n);
		if (has_column(sb_str(&now), c))
			sb_addf(&both, "%s%s", both.len ? "," : "", c);
		free(c);
		p += n + (comma ? 1 : 0);
	}
	/* the names are the schema's own (sqlite_schema, pragma_table_xinfo), quoted */
	if (st == ST_OK && both.len) {
		sb_addf(&sql, "INSERT INTO \"%s\" (%s) SELECT %s FROM \"%s\"", table, sb_str(&both),
			sb_str(&both), old_name);
		st = exec(s, sb_str(&sql), "升级数据库", d);
	}
	free(old_name);
	sb_release(&old);
	sb_release(&now);
	sb_release(&both);
	sb_release(&sql);
	return st;
}

/* The tables whose rows the schema's triggers make from other tables' rows. */
static bool derived(const char *table)
{
	return strcmp(table, "tally_count") == 0 || strcmp(table, "tally_year") == 0;
}

/* Drops every index and trigger, renames every table aside, creates the new schema, copies
 * the rows, drops the old tables. Inside the caller's transaction, foreign keys off. */
static enum status rebuild(struct store *s, struct diag *d)
{
	char **tables = NULL, **indexes = NULL, **triggers = NULL;
	size_t nt = 0, ni = 0, ntr = 0;
	struct strbuf sql = STRBUF_INIT;
	enum status st = names_of(s, "table", &tables, &nt, d);
	if (st == ST_OK)
		st = names_of(s, "index", &indexes, &ni, d);
	if (st == ST_OK)
		st = names_of(s, "trigger", &triggers, &ntr, d);
	/* every name here is the schema's own, from sqlite_schema */
	for (size_t i = 0; st == ST_OK && i < ntr; i++)
		sb_addf(&sql, "DROP TRIGGER \"%s\";", triggers[i]);
	for (size_t i = 0; st == ST_OK && i < ni; i++)
		sb_addf(&sql, "DROP INDEX \"%s\";", indexes[i]);
	for (size_t i = 0; st == ST_OK && i < nt; i++)
		sb_addf(&sql, "ALTER TABLE \"%s\" RENAME TO \"" OLD_PREFIX "%s\";", tables[i],
			tables[i]);
	if (st == ST_OK)
		st = exec(s, sb_str(&sql), "升级数据库", d);
	if (st == ST_OK)
		st = exec(s, (const char *)schema_sql, "升级数据库", d);
	for (size_t i = 0; st == ST_OK && i < nt; i++)
		if (!derived(tables[i]))
			st = copy_rows(s, tables[i], d);
	sb_reset(&sql);
	for (size_t i = 0; st == ST_OK && i < nt; i++)
		sb_addf(&sql, "DROP TABLE \"" OLD_PREFIX "%s\";", tables[i]);
	if (st == ST_OK)
		st = exec(s, sb_str(&sql), "升级数据库", d);
	long long broken = 0;
	if (st == ST_OK)
		st = pragma_int(s, "SELECT count(*) FROM pragma_foreign_key_check", &broken, d);
	if (st == ST_OK && broken) {
		diag_add(d, "升级数据库失败：有 %lld 条记录的引用不完整", broken);
		st = ST_NOTOURS;
	}
	sb_release(&sql);
	names_free(tables, nt);
	names_free(indexes, ni);
	names_free(triggers, ntr);
	return st;
}

/* One object of a schema: its type, name and SQL text. */
struct object {
	char *type, *name, *sql;
};

static void objects_free(struct object *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].type);
		free(v[i].name);
		free(v[i].sql);
	}
	free(v);
}

/* The tables (tables true) or the indexes and triggers of db's main schema that are ours, by
 * type and name; an SQLite result code. */
static int objects_of(sqlite3 *db, bool tables, struct object **out, size_t *n)
{
	sqlite3_stmt *q;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_schema "
				    "WHERE (type = 'table') = ?1 AND sql IS NOT NULL "
				    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
				    -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(q, 1, tables);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = (struct object){ store_column_text(q, 0),
							  store_column_text(q, 1),
							  store_column_text(q, 2) };
		}
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static bool has_object(const struct object *v, size_t n, const struct object *o)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].type, o->type) && !strcmp(v[i].name, o->name) &&
		    !strcmp(v[i].sql, o->sql))
			return true;
	return false;
}

/* The split of the file's large indexes (store_priv.h, SPLIT): that of its first one, or, if
 * they are not in two parts, its largest application id. */
static enum status file_split(struct store *s, const struct object *have, size_t nhave,
			      long long *split, struct diag *d)
{
	for (size_t i = 0; i < nhave; i++)
		if (strcmp(have[i].name, "app_year_list") == 0 && store_split_of(have[i].sql, split))
			return ST_OK;
	return store_number(s, Q_APP_MAX_ID, 0, split, "升级数据库", d);
}

#define STRINGIFY(x) #x
#define VERSION_PRAGMA(v) "PRAGMA user_version = " STRINGIFY(v)

/* When every table of the file is as schema.sql writes it (the versions between differ in
 * indexes and triggers only), drops the indexes and triggers schema.sql no longer has, makes
 * those it has that the file lacks, and sets the version: *done. Otherwise nothing, and *done
 * false (the file is rebuilt). Inside the caller's transaction. */
static enum status upgrade_in_place(struct store *s, bool *done, struct diag *d)
{
	*done = false;
	sqlite3 *mem = NULL;
	struct object *want = NULL, *have = NULL, *want_t = NULL, *have_t = NULL;
	size_t nwant = 0, nhave = 0, nwant_t = 0, nhave_t = 0;
	int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(mem, (const char *)schema_sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = objects_of(mem, true, &want_t, &nwant_t);
	if (rc == SQLITE_OK)
		rc = objects_of(mem, false, &want, &nwant);
	sqlite3_close(mem);
	enum status st = rc == SQLITE_OK ? ST_OK : store_fail(s, rc, "升级数据库", d);
	if (st == ST_OK && ((rc = objects_of(s->db, true, &have_t, &nhave_t)) != SQLITE_OK ||
			    (rc = objects_of(s->db, false, &have, &nhave)) != SQLITE_OK))
		st = store_fail(s, rc, "升级数据库", d);
	bool same = st == ST_OK && nwant_t == nhave_t;
	for (size_t i = 0; same && i < nwant_t; i++)
		same = has_object(have_t, nhave_t, &want_t[i]);
	/* The large indexes are wanted at the file's split, or, when it has none yet, with every
	 * application before it (the recent part empty). */
	long long split = 0;
	if (same)
		st = file_split(s, have, nhave, &split, d);
	same = same && st == ST_OK;
	for (size_t i = 0; same && i < nwant; i++)
		if (store_split_part(want[i].sql)) {
			char *sql = store_split_index_sql(want[i].sql, split);
			free(want[i].sql);
			want[i].sql = sql;
		}
	struct strbuf sql = STRBUF_INIT;
	if (same) {
		/* the names and texts are the schema's own (sqlite_schema, schema.sql) */
		for (size_t i = 0; i < nhave; i++)
			if (!has_object(want, nwant, &have[i]))
				sb_addf(&sql, "DROP %s \"%s\";", have[i].type, have[i].name);
		for (size_t i = 0; i < nwant; i++)
			if (!has_object(have, nhave, &want[i])) {
				sb_adds(&sql, want[i].sql);
				sb_adds(&sql, ";");
			}
		sb_adds(&sql, VERSION_PRAGMA(SCHEMA_VERSION));
		st = exec(s, sb_str(&sql), "升级数据库", d);
		*done = st == ST_OK;
	}
	sb_release(&sql);
	objects_free(want, nwant);
	objects_free(have, nhave);
	objects_free(want_t, nwant_t);
	objects_free(have_t, nhave_t);
	return st;
}

/* Brings the file from version `from` to SCHEMA_VERSION, under the write lock (another
 * clerk's program may have done it meanwhile: then there is nothing to do). */
static enum status migrate(struct store *s, struct diag *d)
{
	enum status st = exec(s, "PRAGMA foreign_keys = OFF", "升级数据库", d);
	if (st == ST_OK)
		st = store_begin(s, d);
	if (st != ST_OK) {
		exec(s, "PRAGMA foreign_keys = ON", "升级数据库", NULL);
		return st;
	}
	long long version = 0;
	st = pragma_int(s, "PRAGMA user_version", &version, d);
	bool done = false;
	if (st == ST_OK && version < SCHEMA_VERSION)
		st = upgrade_in_place(s, &done, d);
	if (st == ST_OK && version < SCHEMA_VERSION && !done)
		st = rebuild(s, d);
	if (st == ST_OK)
		st = store_commit(s, d);
	else
		store_rollback(s);
	enum status fk = exec(s, "PRAGMA foreign_keys = ON", "升级数据库", d);
	return st != ST_OK ? st : fk;
}

/* A file that cannot be written: read it from a copy in memory, brought up to date. */
static enum status migrate_in_memory(struct store *s, struct diag *d)
{
	sqlite3 *mem = NULL;
	int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(mem, "main", s->db, "main")
					    : NULL;
	if (b) {
		rc = sqlite3_backup_step(b, -1);
		int fin = sqlite3_backup_finish(b);
		rc = rc == SQLITE_DONE ? fin : rc;
	} else if (rc == SQLITE_OK) {
		rc = sqlite3_errcode(mem);
	}
	if (rc != SQLITE_OK) {
		sqlite3_close(mem);
		return store_fail(s, rc, "读取旧版本数据库", d);
	}
	sqlite3_close(s->db);
	s->db = mem;
	sqlite3_extended_result_codes(s->db, 1);
	s->readonly = false;   /* the copy in memory is written, never the file */
	enum status st = migrate(s, d);
	s->readonly = true;
	if (st == ST_OK)
		st = exec(s, "PRAGMA query_only = ON", "读取旧版本数据库", d);
	return st;
}

/* A file cut short inside a page (a copy that stopped part way) reads as whole until a command
 * reaches its last page; SQLite writes whole pages only, so it is said at once instead. */
static enum status whole_pages(struct store *s, struct diag *d)
{
	struct stat sb;
	long long page = 0;
	if (strcmp(s->path, ":memory:") == 0 || stat(s->path, &sb) != 0)
		return ST_OK;
	enum status st = pragma_int(s, "PRAGMA page_size", &page, d);
	if (st == ST_OK && page > 0 && sb.st_size % page != 0) {
		diag_add(d, "%s 不完整：文件大小 %lld 字节不是整页（每页 %lld 字节），可能被截断或"
			 "复制不全；请用备份恢复", s->path, (long long)sb.st_size, page);
		return ST_NOTOURS;
	}
	return st;
}

enum status store_schema_check(struct store *s, struct diag *d)
{
	long long tables = 0, app_id = 0, version = 0;
	enum status st = pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables, d);
	if (st == ST_OK)
		st = pragma_int(s, "PRAGMA application_id", &app_id, d);
	if (st == ST_OK)
		st = pragma_int(s, "PRAGMA user_version", &version, d);
	if (st != ST_OK) {
		if (st == ST_NOTOURS)
			diag_add(d, "%s 不是 gongkai 数据库（不是 SQLite 文件或已损坏）", s->path);
		return st;
	}
	if (tables == 0 && app_id == 0 && version == 0) {
		if (s->readonly) {
			diag_add(d, "%s 是空文件，且只读，无法建立数据库", s->path);
			return ST_NOTOURS;
		}
		bool created;
		st = create_schema(s, &created, d);
		/* created by another clerk's process meanwhile: check it as any other file */
		return st != ST_OK || created ? st : store_schema_check(s, d);
	}
	if (app_id != GONGKAI_APPLICATION_ID) {
		diag_add(d, "%s 是其他程序的 SQLite 数据库，不是 gongkai 数据库", s->path);
		return ST_NOTOURS;
	}
	if ((st = whole_pages(s, d)) != ST_OK)
		return st;
	if (version > SCHEMA_VERSION) {
		diag_add(d, "%s 来自更新版本的 gongkai（数据库版本 %lld，本程序支持到 %d），请升级程序",
			 s->path, version, SCHEMA_VERSION);
		return ST_NOTOURS;
	}
	if (version < 1) {
		diag_add(d, "%s 的数据库版本 %lld 无法识别", s->path, version);
		return ST_NOTOURS;
	}
	if (version < SCHEMA_VERSION) {
		st = s->readonly ? migrate_in_memory(s, d) : migrate(s, d);
		if (st != ST_OK)
			diag_add(d, "%s 是旧版本的 gongkai 数据库（版本 %lld），未能升级到版本 %d；"
				 "文件未改动", s->path, version, SCHEMA_VERSION);
	}
	return st;
}
