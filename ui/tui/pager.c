/*
 * pager.c — lines of text in roles, scrolled and drawn in an area of the screen.
 */
#include "pager.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"
#include "xmem.h"

void pager_clear(struct pager *d)
{
	for (size_t i = 0; i < d->n; i++) {
		for (size_t k = 0; k < d->line[i].n; k++)
			free(d->line[i].seg[k].text);
		free(d->line[i].seg);
	}
	d->n = 0;
}

void pager_release(struct pager *d)
{
	pager_clear(d);
	free(d->line);
	d->line = NULL;
	d->cap = 0;
	d->top = 0;
}

static struct pager_line *new_line(struct pager *d)
{
	d->line = xgrow(d->line, &d->cap, d->n + 1, sizeof *d->line);
	struct pager_line *l = &d->line[d->n++];
	l->seg = NULL;
	l->n = 0;
	return l;
}

static void add_seg(struct pager_line *l, enum draw_role role, const char *text)
{
	l->seg = xrealloc(l->seg, (l->n + 1) * sizeof *l->seg);
	l->seg[l->n].text = xstrdup(text);
	l->seg[l->n].role = role;
	l->n++;
}

void pager_add(struct pager *d, enum draw_role role, const char *text)
{
	add_seg(new_line(d), role, text);
}

void pager_addf(struct pager *d, enum draw_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	pager_add(d, role, s);
	free(s);
}

void pager_seg(struct pager *d, enum draw_role role, const char *text)
{
	add_seg(d->n ? &d->line[d->n - 1] : new_line(d), role, text);
}

void pager_blank(struct pager *d)
{
	pager_add(d, R_NORMAL, "");
}

void pager_add_wrapped(struct pager *d, enum draw_role role, const char *text, int indent,
		     int width)
{
	struct text_lines lines = { 0 };
	text_wrap(text ? text : "", width - indent > 8 ? width - indent : 8, &lines);
	for (size_t i = 0; i < lines.n; i++)
		pager_addf(d, role, "%*s%s", indent, "", lines.line[i]);
	text_lines_release(&lines);
}

void pager_add_hanging(struct pager *d, enum draw_role role, const char *text, int indent,
		     int hang, int width)
{
	struct text_lines lines = { 0 };
	int w = width - indent - hang;
	text_wrap(text ? text : "", w > 8 ? w : 8, &lines);
	for (size_t i = 0; i < lines.n; i++)
		pager_addf(d, role, "%*s%s", indent + (i ? hang : 0), "", lines.line[i]);
	text_lines_release(&lines);
}

static void clamp(struct pager *d)
{
	int max = (int)d->n - d->height;
	if (d->top > max)
		d->top = max;
	if (d->top < 0)
		d->top = 0;
}

/* The widest line, in display columns. */
static int widest(const struct pager *d)
{
	int max = 0;
	for (size_t i = 0; i < d->n; i++) {
		int w = 0;
		for (size_t k = 0; k < d->line[i].n; k++)
			w += text_width(d->line[i].seg[k].text);
		if (w > max)
			max = w;
	}
	return max;
}

/* s after its first `cols` display columns; *pad: columns of a wide character cut in two,
 * drawn as spaces. */
static const char *skip_columns(const char *s, int cols, int *pad)
{
	size_t n = strlen(s);
	*pad = 0;
	while (cols > 0 && *s) {
		uint32_t cp;
		size_t len = utf8_decode(s, n, &cp);
		int w = text_cp_width(cp);
		if (w > cols)
			*pad = w - cols;
		cols -= w;
		s += len;
		n -= len;
	}
	return s;
}

/* One line from column d->left on. */
static void draw_line(const struct pager_line *l, int skip, int y, int x, int w)
{
	int used = 0;
	for (size_t k = 0; k < l->n && used < w; k++) {
		const char *t = l->seg[k].text;
		if (skip > 0) {
			int tw = text_width(t), pad;
			if (tw <= skip) {
				skip -= tw;
				continue;
			}
			t = skip_columns(t, skip, &pad);
			skip = 0;
			draw_fill(y, x + used, pad < w - used ? pad : w - used, l->seg[k].role);
			used += pad;
		}
		if (used < w)
			used += draw_str(y, x + used, w - used, t, l->seg[k].role);
	}
	draw_fill(y, x + used, w - used, R_NORMAL);
}

void pager_draw(struct pager *d, int y, int x, int h, int w)
{
	d->height = h;
	d->width = w;
	clamp(d);
	int max = widest(d) - w;
	if (d->left > max)
		d->left = max > 0 ? max : 0;
	for (int r = 0; r < h; r++) {
		size_t i = (size_t)(d->top + r);
		if (i < d->n)
			draw_line(&d->line[i], d->left, y + r, x, w);
		else
			draw_fill(y + r, x, w, R_NORMAL);
	}
}

bool pager_scroll(struct pager *d, enum action a)
{
	int page = d->height > 1 ? d->height - 1 : 1;
	switch (a) {
	case A_UP: d->top--; break;
	case A_DOWN: d->top++; break;
	case A_PGUP: d->top -= page; break;
	case A_PGDN: d->top += page; break;
	case A_HOME: d->top = 0; break;
	case A_END: d->top = (int)d->n; break;
	case A_SCROLL_LEFT: d->left = d->left > 10 ? d->left - 10 : 0; break;
	case A_SCROLL_RIGHT: d->left += 10; break;   /* kept within the widest line at drawing */
	default: return false;
	}
	clamp(d);
	return true;
}
