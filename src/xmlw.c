/*
 * xmlw.c — an XML writer for the parts of the files the program produces (docx.c).
 *
 * Nothing here parses; the writer keeps the names of the open elements so that closing one
 * needs no name, and writes <x/> for an element that got no content. The escaping is the one
 * place that decides how arbitrary bytes become XML 1.0 text.
 */
#include "xmlw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmem.h"

/* Whether XML 1.0 (section 2.2, Char) allows cp in a document. Surrogates never come out of
 * utf8_decode, and everything above U+FFFF it gives is allowed. */
static bool xml_char(uint32_t cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xFFFE && cp != 0xFFFF;
}

static void escape(const char *s, size_t n, bool attr, struct strbuf *out)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		const char *rep = NULL;
		switch (cp) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '\r': rep = "&#13;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\'': rep = attr ? "&apos;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		default: break;
		}
		if (rep)
			sb_adds(out, rep);
		else if (cp == 0xFFFD)
			sb_adds(out, UTF8_REPLACEMENT);   /* also for a bad byte, decoded as U+FFFD */
		else if (xml_char(cp))
			sb_add(out, s + i, len);
		i += len;
	}
}

void xml_escape_text(const char *s, size_t n, struct strbuf *out)
{
	escape(s, n, false, out);
}

void xml_escape_attr(const char *s, size_t n, struct strbuf *out)
{
	escape(s, n, true, out);
}

void xmlw_init(struct xmlw *w, struct strbuf *out)
{
	*w = (struct xmlw){ .out = out };
}

void xmlw_release(struct xmlw *w)
{
	for (size_t i = 0; i < w->depth; i++)
		free(w->open[i]);
	free(w->open);
	w->open = NULL;
	w->depth = w->cap = 0;
	w->tag_open = false;
}

void xmlw_decl(struct xmlw *w)
{
	sb_adds(w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
}

/* Ends the start tag left open for attributes, as content follows. */
static void close_tag(struct xmlw *w)
{
	if (w->tag_open) {
		sb_addc(w->out, '>');
		w->tag_open = false;
	}
}

void xmlw_start(struct xmlw *w, const char *name)
{
	close_tag(w);
	sb_addc(w->out, '<');
	sb_adds(w->out, name);
	w->open = xgrow(w->open, &w->cap, w->depth + 1, sizeof *w->open);
	w->open[w->depth++] = xstrdup(name);
	w->tag_open = true;
}

void xmlw_attr(struct xmlw *w, const char *name, const char *value)
{
	if (!w->tag_open)
		return;
	sb_addc(w->out, ' ');
	sb_adds(w->out, name);
	sb_adds(w->out, "=\"");
	if (value)
		xml_escape_attr(value, strlen(value), w->out);
	sb_addc(w->out, '"');
}

void xmlw_attr_int(struct xmlw *w, const char *name, long value)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%ld", value);
	xmlw_attr(w, name, buf);
}

void xmlw_text_n(struct xmlw *w, const char *s, size_t n)
{
	close_tag(w);
	if (s)
		xml_escape_text(s, n, w->out);
}

void xmlw_text(struct xmlw *w, const char *s)
{
	xmlw_text_n(w, s, s ? strlen(s) : 0);
}

void xmlw_end(struct xmlw *w)
{
	if (w->depth == 0)
		return;
	char *name = w->open[--w->depth];
	if (w->tag_open) {
		sb_adds(w->out, "/>");
		w->tag_open = false;
	} else {
		sb_adds(w->out, "</");
		sb_adds(w->out, name);
		sb_addc(w->out, '>');
	}
	free(name);
}

void xmlw_empty(struct xmlw *w, const char *name, const char *attr1, const char *val1,
		const char *attr2, const char *val2)
{
	xmlw_start(w, name);
	if (attr1)
		xmlw_attr(w, attr1, val1);
	if (attr2)
		xmlw_attr(w, attr2, val2);
	xmlw_end(w);
}

size_t xmlw_depth(const struct xmlw *w)
{
	return w->depth;
}
