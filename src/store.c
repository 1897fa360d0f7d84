/*
 * store.c — opening the gongkai database, its schema and calendar, transactions, settings and
 * the history; the statement cache and error mapping the other store files share.
 *
 * The file is created private (0600, its folder 0700) because it holds names, ID numbers and
 * phone numbers; a file shared by a group of clerks is prepared by share.c instead. It runs in
 * WAL mode with a busy timeout so that several clerks' processes can share it: readers never
 * block the writer, and a writer waits for another instead of failing.
 */
#include "store_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "codes.h"
#include "date.h"
#include "mask.h"
#include "office.h"
#include "strbuf.h"
#include "syserr.h"
#include "text.h"
#include "xmem.h"

extern const unsigned char holidays_csv[];
extern const unsigned long holidays_csv_len;

static const char *const stmt_sql[Q_COUNT] = {
#define STMT_SQL(id, sql) [id] = sql,
	STMT_LIST(STMT_SQL)
#undef STMT_SQL
};

/* ---- errors ---- */

enum status store_fail(struct store *s, int rc, const char *what, struct diag *d)
{
	enum status st;
	const char *why;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		st = ST_BUSY;
		why = "数据库正被其他人占用，等待超时";
		break;
	case SQLITE_FULL:
		st = ST_IO;
		why = "磁盘已满";
		break;
	case SQLITE_IOERR:
		st = ST_IO;
		why = "读写数据库文件出错";
		break;
	case SQLITE_READONLY:
		st = ST_READONLY;
		why = "数据库是只读的";
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		st = ST_NOTOURS;
		why = "数据库文件已损坏或不是 SQLite 数据库";
		break;
	case SQLITE_CONSTRAINT:
		st = ST_DATA;
		why = "数据不符合数据库的约束";
		break;
	case SQLITE_NOMEM:
		xmem_fatal();
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		st = ST_CANTCREAT;
		why = "无法打开数据库文件";
		break;
	default:
		st = ST_IO;
		why = "数据库出错";
		break;
	}
	/* SQLite's own English words only where the Chinese reason is not specific */
	const char *detail = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
	if (st == ST_IO && (rc & 0xff) != SQLITE_FULL)
		diag_add(d, "%s：%s（SQLite: %s）", what, why, detail);
	else
		diag_add(d, "%s：%s", what, why);
	return st;
}

sqlite3_stmt *store_prepare(struct store *s, const char *text, const char *what,
			    struct diag *d)
{
	struct strbuf sql = STRBUF_INIT;
	const char *at;
	while ((at = strstr(text, SPLIT)) != NULL) {
		sb_add(&sql, text, (size_t)(at - text));
		sb_addf(&sql, "%lld", s->split);   /* a number of the file's own schema */
		text = at + strlen(SPLIT);
	}
	sb_adds(&sql, text);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(s->db, sb_str(&sql), -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	sb_release(&sql);
	if (rc != SQLITE_OK) {
		s->stmt_status = store_fail(s, rc, what, d);
		return NULL;
	}
	return st;
}

sqlite3_stmt *store_stmt(struct store *s, enum stmt_id id, struct diag *d)
{
	sqlite3_stmt *st = s->stmt[id];
	if (!st)
		return s->stmt[id] = store_prepare(s, stmt_sql[id], "准备数据库语句", d);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

enum status store_number(struct store *s, enum stmt_id id, long long arg, long long *n,
			 const char *what, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, id, d);
	if (!q)
		return s->stmt_status;
	if (sqlite3_bind_parameter_count(q))
		sqlite3_bind_int64(q, 1, arg);
	int rc = sqlite3_step(q);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, what, d);
}

/* Where the number of the split is in a CREATE INDEX of either part: after the last "id <= "
 * or "id > " (schema.sql writes it last); NULL if there is none. */
static const char *split_number(const char *sql, int *part)
{
	const char *found = NULL;
	*part = 0;
	static const char *const marks[] = { " id <= ", " id > " };
	for (int k = 0; k < 2; k++)
		for (const char *p = sql; (p = strstr(p, marks[k])) != NULL; p++)
			if (!found || p > found) {
				found = p;
				*part = k + 1;
			}
	if (!found)
		return NULL;
	found += strlen(marks[*part - 1]);
	return *found >= '0' && *found <= '9' ? found : NULL;
}

int store_split_part(const char *sql)
{
	int part;
	return sql && strncmp(sql, "CREATE INDEX", 12) == 0 && split_number(sql, &part) ? part
										    : 0;
}

bool store_split_of(const char *sql, long long *w)
{
	int part;
	const char *n = store_split_part(sql) == 1 ? split_number(sql, &part) : NULL;
	if (n)
		*w = strtoll(n, NULL, 10);
	return n != NULL;
}

char *store_split_index_sql(const char *sql, long long w)
{
	int part;
	const char *n = store_split_part(sql) ? split_number(sql, &part) : NULL;
	if (!n)
		return xstrdup(sql);
	const char *end = n;
	while (*end >= '0' && *end <= '9')
		end++;
	return xasprintf("%.*s%lld%s", (int)(n - sql), sql, w, end);
}

/* Finalizes every statement written with the split (store_prepare makes them again). */
static void forget_split_statements(struct store *s)
{
	for (int i = 0; i < Q_COUNT; i++)
		if (s->stmt[i] && strstr(stmt_sql[i], SPLIT)) {
			sqlite3_finalize(s->stmt[i]);
			s->stmt[i] = NULL;
		}
	for (int f = 0; f < LF_COUNT; f++) {
		for (int o = 0; o < 16; o++) {
			sqlite3_finalize(s->list_stmt[f][o]);
			s->list_stmt[f][o] = NULL;
		}
		for (int o = 0; o < 4; o++) {
			sqlite3_finalize(s->count_stmt[f][o]);
			s->count_stmt[f][o] = NULL;
		}
	}
}

static long long pragma_schema_version(struct store *s)
{
	sqlite3_stmt *q;
	long long v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA schema_version", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

long long store_split(const struct store *s)
{
	return s->split;
}

enum status store_split_refresh(struct store *s, struct diag *d)
{
	long long version = pragma_schema_version(s);
	if (version == s->split_schema && version != -1)
		return ST_OK;
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(s->db, stmt_sql[Q_SPLIT_OF], -1, &q, NULL);
	long long split = 0;
	if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW)
		store_split_of((const char *)sqlite3_column_text(q, 0), &split);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "读取索引", d);
	if (split != s->split)
		forget_split_statements(s);
	s->split = split;
	s->split_schema = version;
	return ST_OK;
}

void store_bind_date(sqlite3_stmt *st, int i, int date)
{
	char buf[DATE_BUF];
	if (date == DATE_NONE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, date_format(date, buf), -1, SQLITE_TRANSIENT);
}

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (!v)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

int store_column_date(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	int v;
	if (!t || !date_parse_iso(t, strlen(t), &v))
		return DATE_NONE;
	return v;
}

char *store_column_text_nn(sqlite3_stmt *st, int i)
{
	char *s = store_column_text(st, i);
	return s ? s : xstrdup("");
}

char *store_column_text(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? xstrdup(t) : NULL;
}

void store_now(char buf[20])
{
	/* an import stamps many rows within one second: format each second once */
	static time_t last = (time_t)-1;
	static char text[20];
	time_t now = time(NULL);
	if (now != last) {
		struct tm tm;
		if (!localtime_r(&now, &tm) || !strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm))
			snprintf(text, sizeof text, "1970-01-01 00:00:00");
		last = now;
	}
	memcpy(buf, text, sizeof text);
}

const char *store_user(void)
{
	static char name[64];
	if (!name[0]) {
		struct passwd pw, *res = NULL;
		char buf[1024];
		if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &res) == 0 && res)
			snprintf(name, sizeof name, "%s", res->pw_name);
		else
			snprintf(name, sizeof name, "uid%ld", (long)geteuid());
	}
	return name;
}

/* ---- transactions ---- */

static enum status exec_stmt(struct store *s, enum stmt_id id, const char *what,
			     struct diag *d)
{
	sqlite3_stmt *st = store_stmt(s, id, d);
	if (!st)
		return s->stmt_status;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(s, rc, what, d);
	return ST_OK;
}

enum status store_begin(struct store *s, struct diag *d)
{
	if (s->readonly) {
		diag_add(d, "数据库 %s 是只读的（%s），不能写入", s->path,
			 s->readonly_why ? s->readonly_why : "只读打开");
		return ST_READONLY;
	}
	enum status st = exec_stmt(s, Q_BEGIN, "开始写入", d);
	if (st == ST_OK) {
		store_calendar(s);   /* another clerk may have changed it before we took the lock */
		store_split_refresh(s, NULL);   /* or the split of the indexes */
		s->in_txn = true;
		s->ncase_next = 0;
		s->locks_known = false;
	}
	return st;
}

enum status store_commit(struct store *s, struct diag *d)
{
	enum status st = exec_stmt(s, Q_COMMIT, "保存", d);
	if (st != ST_OK) {
		store_rollback(s);
		return st;
	}
	s->in_txn = false;
	return ST_OK;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		exec_stmt(s, Q_ROLLBACK, "撤销", NULL);
	store_bulk_forget(s);   /* the rollback brought the indexes and triggers back */
	s->case_table = false;  /* and took a table of held case numbers it made */
	s->in_txn = false;
	store_split_refresh(s, NULL);   /* and the split an import had moved */
}

enum status store_read_begin(struct store *s, bool *own, struct diag *d)
{
	*own = !s->in_txn && sqlite3_get_autocommit(s->db);
	return *own ? exec_stmt(s, Q_BEGIN_READ, "读取数据库", d) : ST_OK;
}

void store_read_end(struct store *s, bool own)
{
	/* a read transaction has nothing to keep: ending it cannot lose anything */
	if (own && !sqlite3_get_autocommit(s->db))
		exec_stmt(s, Q_ROLLBACK, "读取数据库", NULL);
}

enum status store_txn_begin_own(struct store *s, bool *own, struct diag *d)
{
	/* after a full disk or an I/O error SQLite may have rolled the whole transaction back;
	 * going on would write the rest of it one statement at a time */
	if (s->in_txn && sqlite3_get_autocommit(s->db)) {
		diag_add(d, "写入中途出错，本次修改已全部撤销");
		return ST_IO;
	}
	*own = !s->in_txn;
	return *own ? store_begin(s, d) : ST_OK;
}

enum status store_txn_end_own(struct store *s, bool own, enum status st, struct diag *d)
{
	if (!own)
		return st;
	if (st != ST_OK) {
		store_rollback(s);
		return st;
	}
	return store_commit(s, d);
}

/* ---- opening ---- */

char *store_default_path(void)
{
	const char *env = getenv("GONGKAI_DB");
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/gongkai/gongkai.db", xdg);
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : "/tmp";
	}
	return xasprintf("%s/.local/share/gongkai/gongkai.db", home);
}

/* Creates the folders above path that are missing, each 0700. */
static enum status make_parents(const char *path, struct diag *d)
{
	char *dir = xstrdup(path);
	enum status st = ST_OK;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			diag_add(d, "无法创建文件夹 %s：%s", dir, syserr_reason(errno).text);
			st = ST_CANTCREAT;
			break;
		}
		*p = '/';
	}
	free(dir);
	return st;
}

/* Makes sure a missing database file is created private, before SQLite creates it 0644. */
static enum status create_private(const char *path, struct diag *d)
{
	enum status st = make_parents(path, d);
	if (st != ST_OK)
		return st;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST) {
		diag_add(d, "无法创建数据库文件 %s：%s", path, syserr_reason(errno).text);
		return ST_CANTCREAT;
	}
	if (fd >= 0)
		close(fd);
	return ST_OK;
}

static enum status put_holidays(struct store *s, const struct holiday_row *rows, size_t n,
				struct diag *d)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *q = store_stmt(s, Q_HOLIDAY_PUT, d);
		if (!q)
			return s->stmt_status;
		store_bind_date(q, 1, rows[i].day);
		sqlite3_bind_text(q, 2, rows[i].kind == CAL_WORK ? "work" : "off", -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, rows[i].name, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return store_fail(s, rc, "保存节假日安排", d);
	}
	return ST_OK;
}

static enum status load_calendar(struct store *s, struct diag *d)
{
	sqlite3_stmt *st = store_stmt(s, Q_HOLIDAY_ALL, d);
	if (!st)
		return s->stmt_status;
	struct calendar *cal = calendar_new();
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day = store_column_date(st, 0);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		const char *name = (const char *)sqlite3_column_text(st, 2);
		if (day != DATE_NONE && kind && name)
			calendar_set(cal, day, strcmp(kind, "work") == 0 ? CAL_WORK : CAL_OFF, name);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		calendar_free(&cal);
		return store_fail(s, rc, "读取节假日安排", d);
	}
	calendar_free(&s->cal);
	s->cal = cal;
	return ST_OK;
}

enum status store_reload_calendar(struct store *s, struct diag *d)
{
	return load_calendar(s, d);
}

static long long data_version(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, Q_DATA_VERSION, NULL);
	long long v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

const struct calendar *store_calendar(struct store *s)
{
	/* while we hold the write lock nobody else can commit: no need to ask */
	if (s->in_txn)
		return s->cal;
	long long v = data_version(s);
	if (v != s->cal_version && load_calendar(s, NULL) == ST_OK)
		s->cal_version = v;
	return s->cal;
}

bool store_changed_elsewhere(struct store *s)
{
	long long v = data_version(s);
	bool changed = v != s->seen_version;
	s->seen_version = v;
	if (changed)
		store_split_refresh(s, NULL);
	return changed;
}

enum status store_seed_holidays(struct store *s, struct diag *d)
{
	struct calendar *cal = calendar_new();
	enum status st = calendar_load_csv(cal, (const char *)holidays_csv,
					   (size_t)holidays_csv_len, d);
	int lo = date_from_ymd(DATE_MIN_YEAR, 1, 1), hi = date_from_ymd(DATE_MAX_YEAR, 12, 31);
	size_t n = st == ST_OK ? calendar_entries(cal, lo, hi, NULL, 0) : 0;
	struct cal_entry *e = xcalloc(n + 1, sizeof *e);
	struct holiday_row *rows = xcalloc(n + 1, sizeof *rows);
	calendar_entries(cal, lo, hi, e, n);
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct holiday_row){ e[i].day, e[i].kind, e[i].name };
	if (st == ST_OK)
		st = put_holidays(s, rows, n, d);
	free(rows);
	free(e);
	calendar_free(&cal);
	return st;
}

/* gk_workday_add(day, n): the n-th working day after day by this database's calendar, NULL
 * for a NULL or unreadable day. For the list's limits that no column keeps (store_list.c);
 * not deterministic (the calendar may change), so never used in an index. */
static void sql_workday_add(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct store *s = sqlite3_user_data(cx);
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	int day;
	if (!text || !s->cal || !date_parse(text, strlen(text), &day)) {
		sqlite3_result_null(cx);
		return;
	}
	char buf[DATE_BUF];
	date_format(calendar_add_workdays(s->cal, day, sqlite3_value_int(argv[1])), buf);
	sqlite3_result_text(cx, buf, -1, SQLITE_TRANSIENT);
}

static enum status configure(struct store *s, struct diag *d)
{
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_create_function_v2(s->db, "gk_workday_add", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, s,
				   sql_workday_add, NULL, NULL, NULL);
	/* cell_size_check: a damaged page is found when it is read, before it can spread.
	 * page_size: of a new file only (it must come before WAL; an existing file keeps its
	 * own). Pages of 16 KB take a quarter of the reads and writes of SQLite's 4 KB when an
	 * import fills the table and builds the indexes, and a screen reads a few pages either
	 * way. */
	const char *sql = s->readonly
		? "PRAGMA foreign_keys = ON; PRAGMA cell_size_check = ON; PRAGMA query_only = ON;"
		: "PRAGMA foreign_keys = ON; PRAGMA cell_size_check = ON; PRAGMA page_size = 16384; "
		  "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "设置数据库", d);
	return ST_OK;
}

static enum status open_file(struct store *s, int flags, struct diag *d)
{
	bool memory = strcmp(s->path, ":memory:") == 0;
	struct stat sb;
	bool exists = memory || stat(s->path, &sb) == 0;
	if (!exists && (flags & (STORE_READONLY | STORE_NOCREATE))) {
		diag_add(d, "数据库文件 %s 不存在（请检查 --db；新的数据库由 import、add 或打开界面时建立）", s->path);
		return ST_NOINPUT;
	}
	if (exists && !memory && !S_ISREG(sb.st_mode)) {
		diag_add(d, "%s 不是普通文件", s->path);
		return ST_NOTOURS;
	}
	if (!exists) {
		enum status st = create_private(s->path, d);
		if (st != ST_OK)
			return st;
	}
	struct store_access acc = { .readonly = (flags & STORE_READONLY) != 0 };
	if (!memory)
		store_file_access(s->path, flags, &acc);
	char *uri = acc.immutable ? store_file_uri(s->path) : NULL;
	int oflags = (acc.readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		     (uri ? SQLITE_OPEN_URI : 0) | SQLITE_OPEN_NOMUTEX;
	int rc = sqlite3_open_v2(uri ? uri : s->path, &s->db, oflags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		enum status st = store_fail(s, rc, "打开数据库", d);
		return st == ST_CANTCREAT && exists ? ST_NOINPUT : st;
	}
	s->readonly = acc.readonly || sqlite3_db_readonly(s->db, "main") == 1;
	s->readonly_why = acc.why;
	return ST_OK;
}

/* Settings of the SQLite library itself, made once before its first use (sqlite3_config
 * refuses them later; speed, not correctness): SQLite keeps no count of the memory it uses,
 * which cost a lock on every allocation (a few per cent of an import). */
static void library_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum status store_open(const char *path, int flags, struct store **out, struct diag *d)
{
	library_setup();
	struct store *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->cal_version = -1;
	s->split_schema = -1;
	enum status st = open_file(s, flags, d);
	if (st == ST_OK)
		st = configure(s, d);
	if (st == ST_OK)
		st = store_schema_check(s, d);
	if (st == ST_OK)
		st = store_split_refresh(s, d);
	if (st == ST_OK)
		st = load_calendar(s, d);
	/* after the first read, which made the -wal and -shm files */
	if (st == ST_OK && strcmp(path, ":memory:") != 0)
		store_file_share(path);
	if (st != ST_OK) {
		store_close(&s);
		return st;
	}
	s->cal_version = data_version(s);
	s->seen_version = s->cal_version;
	*out = s;
	return ST_OK;
}

void store_close(struct store **sp)
{
	struct store *s = *sp;
	if (!s)
		return;
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_finalize(s->batch_stmt);
	for (int f = 0; f < LF_COUNT; f++) {
		for (int o = 0; o < 16; o++)
			sqlite3_finalize(s->list_stmt[f][o]);
		for (int o = 0; o < 4; o++)
			sqlite3_finalize(s->count_stmt[f][o]);
	}
	if (s->db)
		sqlite3_close(s->db);
	calendar_free(&s->cal);
	store_bulk_forget(s);
	free(s->years);
	free(s->locked);
	free(s->path);
	free(s);
	*sp = NULL;
}

bool store_readonly(const struct store *s)
{
	return s->readonly;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

/* ---- settings ---- */

enum status store_office_get(struct store *s, char **name, struct diag *d)
{
	sqlite3_stmt *st = store_stmt(s, Q_META_GET, d);
	if (!st)
		return s->stmt_status;
	sqlite3_bind_text(st, 1, "office", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*name = rc == SQLITE_ROW ? store_column_text(st, 0) : NULL;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "读取机关名称", d);
	return ST_OK;
}

enum status store_office_set(struct store *s, const char *name, struct diag *d)
{
	return store_office_put(s, OS_NAME, name, d);
}

enum status store_office_read(struct store *s, struct office *o, struct diag *d)
{
	office_release(o);
	sqlite3_stmt *q = store_stmt(s, Q_META_ALL, d);
	if (!q)
		return s->stmt_status;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(q, 0);
		for (int k = 0; key && k < OS_COUNT; k++)
			if (strcmp(key, office_key(k)) == 0) {
				free(o->v[k]);
				o->v[k] = store_column_text(q, 1);
			}
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取机关设置", d);
}

/* A change of a setting in the history: no application, no year. */
static enum status setting_history(struct store *s, int k, const char *old, const char *new,
				   struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_HISTORY_ADD, d);
	if (!q)
		return s->stmt_status;
	char now[20], field[64];
	store_now(now);
	snprintf(field, sizeof field, "设置·%s", office_name(k));
	sqlite3_bind_null(q, 1);
	sqlite3_bind_null(q, 2);
	sqlite3_bind_text(q, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 4, store_user(), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, field, -1, SQLITE_TRANSIENT);
	store_bind_text(q, 6, old);
	store_bind_text(q, 7, new);
	sqlite3_bind_null(q, 8);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "写入修改记录", d);
}

enum status store_office_put(struct store *s, int k, const char *value, struct diag *d)
{
	if (k < 0 || k >= OS_COUNT)
		return ST_USAGE;
	char *v = NULL;
	struct strbuf why = STRBUF_INIT;
	if (!office_value(k, value, &v, &why)) {
		diag_add(d, "%s: %s", k == OS_NAME ? "机关名称" : office_name(k), sb_str(&why));
		sb_release(&why);
		return ST_DATA;
	}
	sb_release(&why);
	bool own;
	struct office o;
	office_init(&o);
	enum status st = store_txn_begin_own(s, &own, d);
	if (st == ST_OK)
		st = store_office_read(s, &o, d);
	const char *old = st == ST_OK ? o.v[k] : NULL;
	bool same = st == ST_OK && (old ? strcmp(old, v) == 0 : !*v);
	sqlite3_stmt *q = st == ST_OK && !same ? store_stmt(s, *v ? Q_META_SET : Q_META_DELETE, d)
					       : NULL;
	if (st == ST_OK && !same && !q)
		st = s->stmt_status;
	if (q) {
		sqlite3_bind_text(q, 1, office_key(k), -1, SQLITE_STATIC);
		if (*v)
			sqlite3_bind_text(q, 2, v, -1, SQLITE_STATIC);
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			st = store_fail(s, rc, "保存机关设置", d);
		if (st == ST_OK)
			st = setting_history(s, k, old, *v ? v : NULL, d);
	}
	office_release(&o);
	free(v);
	return store_txn_end_own(s, own, st, d);
}

/* ---- calendar ---- */

enum status store_holidays_put(struct store *s, const struct holiday_row *rows, size_t n,
			       struct diag *d)
{
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st == ST_OK)
		st = put_holidays(s, rows, n, d);
	if (st == ST_OK)
		st = load_calendar(s, d);
	if (st == ST_OK)
		st = store_recompute_open(s, d);
	st = store_txn_end_own(s, own, st, d);
	if (st != ST_OK)
		load_calendar(s, NULL);   /* back to what the file holds */
	return st;
}

/* ---- history ---- */

enum status store_history(struct store *s, long long app_id, struct history_entry **out,
			  size_t *n, struct diag *d)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, Q_HISTORY_GET, d);
	if (!st)
		return s->stmt_status;
	sqlite3_bind_int64(st, 1, app_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		struct history_entry *h = &(*out)[(*n)++];
		h->at = store_column_text(st, 0);
		h->user = store_column_text(st, 1);
		h->field = store_column_text(st, 2);
		h->old_value = store_column_text(st, 3);
		h->new_value = store_column_text(st, 4);
		h->reason = store_column_text(st, 5);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		history_free(out, *n);
		*n = 0;
		return store_fail(s, rc, "读取修改记录", d);
	}
	return ST_OK;
}

void history_free(struct history_entry **v, size_t n)
{
	if (!*v)
		return;
	for (size_t i = 0; i < n; i++) {
		struct history_entry *h = &(*v)[i];
		free(h->at);
		free(h->user);
		free(h->field);
		free(h->old_value);
		free(h->new_value);
		free(h->reason);
	}
	free(*v);
	*v = NULL;
}

void history_entry_text(const struct history_entry *h, bool personal, struct strbuf *out)
{
	void (*mask)(const char *, struct strbuf *) = NULL;
	if (!personal && strcmp(h->field, app_field_name(F_ID_NUMBER)) == 0)
		mask = mask_id_number;
	else if (!personal && strcmp(h->field, app_field_name(F_CONTACT)) == 0)
		mask = mask_contact;
	sb_addf(out, "%s %s  %s", h->at, h->user, h->field);
	if (h->old_value || h->new_value)
		sb_adds(out, "：");
	if (h->old_value) {
		if (mask)
			mask(h->old_value, out);
		else
			sb_adds(out, h->old_value);
		sb_adds(out, h->new_value ? " 改为 " : " 已清除");
	}
	if (h->new_value) {
		if (mask)
			mask(h->new_value, out);
		else
			sb_adds(out, h->new_value);
	}
	if (h->reason)
		sb_addf(out, "（理由：%s）", h->reason);
}

/* ---- query plans ---- */

static const char *const stmt_names[Q_COUNT] = {
#define STMT_NAME(id, sql) [id] = #id,
	STMT_LIST(STMT_NAME)
#undef STMT_NAME
};

enum status store_plan_of(struct store *s, sqlite3_stmt *st, struct strbuf *out,
			  struct diag *d)
{
	char *sql = xasprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(st));
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "查询计划", d);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		sb_addf(out, "%s\n", (const char *)sqlite3_column_text(q, 3));
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "查询计划", d);
}

enum status store_query_plans(struct store *s,
			      void (*fn)(const char *name, const char *plan, void *ctx), void *ctx,
			      struct diag *d)
{
	struct strbuf plan = STRBUF_INIT;
	/* the statements on an import's held case numbers need their table */
	enum status st = s->readonly ? ST_OK : store_case_table(s, d);
	for (int i = 0; st == ST_OK && i < Q_COUNT; i++) {
		if (i == Q_BEGIN || i == Q_COMMIT || i == Q_ROLLBACK || i == Q_DATA_VERSION)
			continue;
		sqlite3_stmt *q = store_stmt(s, i, d);
		if (!q) {
			st = s->stmt_status;
			break;
		}
		sb_reset(&plan);
		st = store_plan_of(s, q, &plan, d);
		if (st == ST_OK)
			fn(stmt_names[i], sb_str(&plan), ctx);
	}
	sb_release(&plan);
	return st == ST_OK ? store_list_plans(s, fn, ctx, d) : st;
}
