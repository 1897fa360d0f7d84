/*
 * strbuf.h — a growable byte string, always NUL-terminated.
 *
 * Used wherever the core builds text of unknown length: report tables, JSON, the steps of a
 * due-date computation. A zeroed struct strbuf is an empty buffer. The functions that add
 * take a NULL buffer and do nothing, so a producer of optional text need not test for it.
 */
#ifndef GK_STRBUF_H
#define GK_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;  /* NUL-terminated once anything was added; NULL while empty */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Add s as a JSON string, quoted and escaped ("null" for NULL). */
void sb_add_json(struct strbuf *sb, const char *s);
/* Add s repeated n times. */
void sb_repeat(struct strbuf *sb, const char *s, int n);
/* The text so far; "" (static) while empty. Valid until the next change. */
const char *sb_str(const struct strbuf *sb);
void sb_reset(struct strbuf *sb);
/* Hand the string to the caller (who frees it; never NULL) and empty the buffer. */
char *sb_detach(struct strbuf *sb);
void sb_release(struct strbuf *sb);

#endif
