/*
 * store_doc.c — the office's templates and the documents issued, in the database.
 *
 * A template is never changed: each load is a new version, and a document keeps the words it
 * was issued with (its body), so a reprint is what was sent. A document is never deleted or
 * changed either (schema.sql refuses it); voiding one only marks it, and its number stays
 * taken.
 */
#include "store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "strbuf.h"
#include "xmem.h"

enum status store_template_latest(struct store *s, const char *key, char **text, int *version,
				  struct diag *d)
{
	*text = NULL;
	*version = 0;
	sqlite3_stmt *q = store_stmt(s, Q_TEMPLATE_LATEST, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int(q, 0);
		*text = store_column_text_nn(q, 1);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取文书模板", d);
}

enum status store_template_add(struct store *s, const char *key, const char *text,
			       int *version, struct diag *d)
{
	bool own;
	enum status st = store_txn_begin_own(s, &own, d);
	if (st != ST_OK)
		return st;
	sqlite3_stmt *q = store_stmt(s, Q_TEMPLATE_ADD, d);
	if (!q) {
		st = s->stmt_status;
	} else {
		char now[20];
		store_now(now);
		sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 4, store_user(), -1, SQLITE_STATIC);
		int rc = sqlite3_step(q);
		*version = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
		if (rc == SQLITE_ROW)
			rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			st = store_fail(s, rc, "保存文书模板", d);
	}
	if (st == ST_OK) {
		char line[160];
		snprintf(line, sizeof line, "%s 第 %d 版", key, *version);
		st = store_history_note(s, 0, "文书模板", line, d);
	}
	return store_txn_end_own(s, own, st, d);
}

enum status store_template_versions(struct store *s, void (*fn)(const char *key, int version,
				    void *ctx), void *ctx, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_TEMPLATE_VERSIONS, d);
	if (!q)
		return s->stmt_status;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(q, 0);
		if (key)
			fn(key, sqlite3_column_int(q, 1), ctx);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "读取文书模板", d);
}

enum status store_doc_next_serial(struct store *s, int year, long long *serial, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_DOC_NEXT, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int(q, 1, year);
	int rc = sqlite3_step(q);
	*serial = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "读取文号", d);
}

enum status store_doc_add(struct store *s, struct doc_issued *x, struct diag *d)
{
	sqlite3_stmt *q = store_stmt(s, Q_DOC_ADD, d);
	if (!q)
		return s->stmt_status;
	char now[20];
	store_now(now);
	free(x->issued_at);
	free(x->issued_by);
	x->issued_at = xstrdup(now);
	x->issued_by = xstrdup(store_user());
	sqlite3_bind_int64(q, 1, x->app_id);
	sqlite3_bind_text(q, 2, doc_kind_code(x->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, x->year);
	sqlite3_bind_int64(q, 4, x->serial);
	sqlite3_bind_text(q, 5, x->number, -1, SQLITE_STATIC);
	store_bind_date(q, 6, x->issued_on);
	sqlite3_bind_int(q, 7, x->template_version);
	sqlite3_bind_text(q, 8, x->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 9, x->issued_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 10, x->issued_by, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "保存文书", d);
	x->id = sqlite3_last_insert_rowid(s->db);
	struct strbuf line = STRBUF_INIT;
	sb_addf(&line, "%s %s", doc_kind_name(x->kind), x->number);
	enum status st = store_history_note(s, x->app_id, "文书", sb_str(&line), d);
	sb_release(&line);
	return st;
}

static void read_doc(sqlite3_stmt *q, struct doc_issued *x)
{
	x->id = sqlite3_column_int64(q, 0);
	x->app_id = sqlite3_column_int64(q, 1);
	const char *kind = (const char *)sqlite3_column_text(q, 2);
	int k = kind ? doc_kind_parse(kind) : -1;
	x->kind = k >= 0 ? (enum doc_kind)k : DK_ANSWER;
	x->year = sqlite3_column_int(q, 3);
	x->serial = sqlite3_column_int64(q, 4);
	x->number = store_column_text_nn(q, 5);
	x->issued_on = store_column_date(q, 6);
	x->template_version = sqlite3_column_int(q, 7);
	x->body = store_column_text_nn(q, 8);
	x->issued_at = store_column_text_nn(q, 9);
	x->issued_by = store_column_text_nn(q, 10);
	x->voided_at = store_column_text(q, 11);
	x->void_reason = store_column_text(q, 12);
}

enum status store_doc_list(struct store *s, long long app_id, struct doc_issued **out,
			   size_t *n, struct diag *d)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *q = store_stmt(s, Q_DOC_OF_APP, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int64(q, 1, app_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		memset(&(*out)[*n], 0, sizeof **out);
		read_doc(q, &(*out)[(*n)++]);
	}
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		return ST_OK;
	doc_issued_free(out, *n);
	*n = 0;
	return store_fail(s, rc, "读取文书", d);
}

enum status store_doc_get(struct store *s, long long id, struct doc_issued *out, struct diag *d)
{
	doc_issued_release(out);
	sqlite3_stmt *q = store_stmt(s, Q_DOC_GET, d);
	if (!q)
		return s->stmt_status;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		read_doc(q, out);
	sqlite3_reset(q);
	if (rc == SQLITE_DONE) {
		diag_add(d, "找不到该文书");
		return ST_NOTFOUND;
	}
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "读取文书", d);
}

enum status store_doc_void(struct store *s, long long id, const char *reason, struct diag *d)
{
	bool own;
	struct doc_issued x;
	memset(&x, 0, sizeof x);
	enum status st = store_txn_begin_own(s, &own, d);
	if (st == ST_OK)
		st = store_doc_get(s, id, &x, d);
	if (st == ST_OK && x.voided_at) {
		diag_add(d, "文书 %s 已于 %s 作废", x.number, x.voided_at);
		st = ST_DATA;
	}
	sqlite3_stmt *q = st == ST_OK ? store_stmt(s, Q_DOC_VOID, d) : NULL;
	if (st == ST_OK && !q)
		st = s->stmt_status;
	if (q) {
		char now[20];
		store_now(now);
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_text(q, 2, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 3, store_user(), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 4, reason, -1, SQLITE_STATIC);
		int rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			st = store_fail(s, rc, "作废文书", d);
	}
	if (st == ST_OK) {
		struct strbuf line = STRBUF_INIT;
		sb_addf(&line, "%s %s（理由：%s）", doc_kind_name(x.kind), x.number, reason);
		st = store_history_note(s, x.app_id, "文书作废", sb_str(&line), d);
		sb_release(&line);
	}
	doc_issued_release(&x);
	return store_txn_end_own(s, own, st, d);
}
