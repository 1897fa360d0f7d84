/*
 * store_backup.c — copying a gongkai database out and back with SQLite's online backup API.
 *
 * The backup runs page by page and restarts by itself when another connection writes
 * meanwhile, so a nightly backup never stops the clerks. A backup goes to a temporary file next
 * to the target (outfile.h), is checked, and is renamed into place: a crash never leaves half a
 * backup under the real name. A restore first checks the source the way store_open checks any file.
 */
#include "store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "xmem.h"

#define PAGES_PER_STEP 512

/* Runs a backup from src to dst to the end, waiting while either side is busy. */
static int copy_db(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return sqlite3_errcode(dst);
	int rc, waits = 0;
	do {
		rc = sqlite3_backup_step(b, PAGES_PER_STEP);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (++waits > BUSY_TIMEOUT_MS / 50)
				break;
			sqlite3_sleep(50);
		}
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

enum status store_integrity(struct store *s, struct diag *d)
{
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check(5)", -1, &q, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "检查数据库", d);
	bool ok = true;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(q, 0);
		if (line && strcmp(line, "ok") != 0) {
			if (ok)
				diag_add(d, "%s 未通过完整性检查（文件已损坏）:", s->path);
			diag_add(d, "  %s", line);
			ok = false;
		}
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "检查数据库", d);
	return ok ? ST_OK : ST_NOTOURS;
}

enum status store_backup(struct store *s, const char *path, struct diag *d)
{
	struct outfile o;
	enum status st = outfile_open(&o, path, d);
	if (st != ST_OK)
		return st;
	outfile_by_name(&o);   /* SQLite writes the copy by its name */
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(o.tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_db(dst, s->db);
	if (rc != SQLITE_OK) {
		/* the error may be the copy's (a full disk), not s's: name it by its code */
		char *what = xasprintf("备份到 %s", path);
		st = store_fail(NULL, rc, what, d);
		free(what);
	}
	sqlite3_close(dst);
	if (st == ST_OK) {
		/* opened for writing (nothing is written) so that closing it removes the -wal and
		 * -shm files a reader would leave beside the backup */
		struct store *check = NULL;
		st = store_open(o.tmp, STORE_NOCREATE, &check, d);
		if (st == ST_OK)
			st = store_integrity(check, d);
		store_close(&check);
	}
	if (st == ST_OK)
		return outfile_commit(&o, d);
	outfile_abort(&o);
	return st;
}

enum status store_restore(struct store *s, const char *from, struct diag *d)
{
	if (s->readonly) {
		diag_add(d, "数据库 %s 是只读打开的，不能恢复", s->path);
		return ST_READONLY;
	}
	struct store *src = NULL;
	enum status st = store_open(from, STORE_READONLY, &src, d);
	if (st == ST_OK)
		st = store_integrity(src, d);
	if (st == ST_OK) {
		int rc = copy_db(s->db, src->db);
		if (rc != SQLITE_OK)
			st = store_fail(s, rc, "恢复", d);
	}
	store_close(&src);
	/* the calendar in memory was the old file's (prepared statements re-prepare themselves) */
	if (st == ST_OK)
		st = store_reload_calendar(s, d);
	return st;
}
