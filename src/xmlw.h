/*
 * xmlw.h — writing XML into a strbuf, escaped so that any text a clerk typed stays well-formed.
 *
 * The Word writer (docx.c) builds every part of a .docx through this. Elements are opened and
 * closed in order; attributes go on the element opened last, before any content. Text and
 * attribute values are taken as UTF-8 and written so that an XML 1.0 parser reads back what
 * was meant:
 *   - & < > are escaped everywhere, " ' too in attribute values;
 *   - bytes that are not UTF-8 become U+FFFD (one per bad byte, as text.h counts them);
 *   - characters XML 1.0 forbids are dropped: C0 controls other than tab, LF and CR (NUL
 *     included, when a length is given), and U+FFFE, U+FFFF;
 *   - CR is written &#13; (a parser would turn a raw CR into LF), and in attribute values tab,
 *     LF and CR are written as references (a parser would turn them into spaces).
 * Element and attribute names are the program's own text and are written as they are.
 *
 *	struct strbuf out = STRBUF_INIT;
 *	struct xmlw w;
 *	xmlw_init(&w, &out);
 *	xmlw_decl(&w);
 *	xmlw_start(&w, "w:p"); xmlw_attr(&w, "w:rsid", "00"); xmlw_text(&w, "张三 & 李四");
 *	xmlw_end(&w);
 *	xmlw_release(&w);         (out holds the document; the caller releases it)
 */
#ifndef GK_XMLW_H
#define GK_XMLW_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct xmlw {
	struct strbuf *out;     /* not owned */
	char **open;            /* names of the open elements, innermost last (owned copies) */
	size_t depth, cap;
	bool tag_open;          /* the start tag of open[depth-1] still takes attributes */
};

/* A writer appending to out (which the caller keeps and releases). */
void xmlw_init(struct xmlw *w, struct strbuf *out);
/* Frees the writer's own memory (not out). Elements still open are left unclosed. */
void xmlw_release(struct xmlw *w);

/* The declaration <?xml version="1.0" encoding="UTF-8" standalone="yes"?> and a line break. */
void xmlw_decl(struct xmlw *w);

/* Opens element `name` (copied); its attributes may follow. */
void xmlw_start(struct xmlw *w, const char *name);
/* An attribute of the element opened last; ignored once that element has content. */
void xmlw_attr(struct xmlw *w, const char *name, const char *value);
void xmlw_attr_int(struct xmlw *w, const char *name, long value);
/* Escaped text inside the current element (NULL is nothing). */
void xmlw_text(struct xmlw *w, const char *s);
void xmlw_text_n(struct xmlw *w, const char *s, size_t n);
/* Closes the element opened last: <name/> when it has no content, else </name>. Nothing when
 * no element is open. */
void xmlw_end(struct xmlw *w);
/* An element with no content and up to two attributes (NULL names are skipped): the common
 * <w:jc w:val="center"/>. */
void xmlw_empty(struct xmlw *w, const char *name, const char *attr1, const char *val1,
		const char *attr2, const char *val2);
/* How many elements are open (0 when the document is complete). */
size_t xmlw_depth(const struct xmlw *w);

/* The escaping itself, appending to out: text content, and an attribute value (without the
 * quotes). s[0..n) may hold any bytes. */
void xml_escape_text(const char *s, size_t n, struct strbuf *out);
void xml_escape_attr(const char *s, size_t n, struct strbuf *out);

#endif
