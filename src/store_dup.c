/*
 * store_dup.c — an applicant's earlier applications that a new one may repeat (重复申请): read
 * by the applicant's name or ID number through their indexes (schema.sql: app_applicant,
 * app_id_number), then kept when their request is alike (dup.c).
 *
 * Only the applications of one applicant in about six months are read, so the cost stays that
 * of the applicant's own applications, whatever the size of the file; the form asks when a
 * field is left, not at every key.
 */
#include "store_priv.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "codes.h"
#include "date.h"
#include "dup.h"
#include "text.h"
#include "xmem.h"

#define IDEOGRAPHIC_SPACE "\xE3\x80\x80"   /* U+3000, the full-width space */

/* s without the spaces around it (ASCII and full-width), as a new string; NULL when nothing
 * is left. */
static char *trimmed(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	for (;;) {
		if (n && (*s == ' ' || *s == '\t')) {
			s++, n--;
		} else if (n >= 3 && memcmp(s, IDEOGRAPHIC_SPACE, 3) == 0) {
			s += 3, n -= 3;
		} else if (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
			n--;
		} else if (n >= 3 && memcmp(s + n - 3, IDEOGRAPHIC_SPACE, 3) == 0) {
			n -= 3;
		} else {
			break;
		}
	}
	return n ? xstrndup(s, n) : NULL;
}

/* Reads the candidates of the statement and keeps the alike, at most DUP_MAX. */
static int read_matches(sqlite3_stmt *q, const char *request, struct dup_list *out)
{
	int rc = SQLITE_DONE;
	while (out->n < DUP_MAX && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *other = (const char *)sqlite3_column_text(q, 4);
		double score = dup_similarity(request, other);
		if (score < DUP_THRESHOLD)
			continue;
		const char *o = (const char *)sqlite3_column_text(q, 6);
		struct dup_match m = {
			.id = sqlite3_column_int64(q, 0),
			.case_no = (char *)sqlite3_column_text(q, 1),
			.received = store_column_date(q, 2),
			.applicant = (char *)sqlite3_column_text(q, 3),
			.request = (char *)other,
			.answered = store_column_date(q, 5),
			.outcome = o ? t3_row_parse_key(o) : -1,
			.score = score,
		};
		dup_list_add(out, &m);   /* copies the strings at once */
	}
	return out->n == DUP_MAX ? SQLITE_DONE : rc;
}

enum status store_dup_find(struct store *s, const struct app *a, struct dup_list *out,
			   struct diag *d)
{
	dup_list_release(out);
	char *name = trimmed(a->applicant), *id_number = trimmed(a->id_number);
	enum status st = ST_OK;
	if (text_blank(a->request) || a->d.received == DATE_NONE || (!name && !id_number))
		goto out;
	sqlite3_stmt *q = store_stmt(s, Q_APP_DUP, d);
	if (!q) {
		st = s->stmt_status;
		goto out;
	}
	store_bind_text(q, 1, name);
	store_bind_text(q, 2, id_number);
	store_bind_date(q, 3, a->d.received - DUP_DAYS);
	store_bind_date(q, 4, a->d.received);
	sqlite3_bind_int64(q, 5, a->id);
	int rc = read_matches(q, a->request, out);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		dup_list_release(out);
		st = store_fail(s, rc, "查找同一申请人的申请", d);
	}
out:
	free(name);
	free(id_number);
	return st;
}
