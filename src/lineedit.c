/*
 * lineedit.c — one line of editable text, in code points, with a sideways-scrolling view.
 *
 * Forms and prompts of the interface keep one struct lineedit per text field. The arithmetic
 * of the cursor and the view lives here, tested without a terminal: the form only draws the
 * string le_view returns and puts the terminal's cursor at the column it says.
 */
#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmem.h"

void le_init(struct lineedit *e, size_t max)
{
	memset(e, 0, sizeof *e);
	e->max = max;
}

void le_release(struct lineedit *e)
{
	free(e->cp);
	le_init(e, e->max);
}

static bool is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

static bool insertable(uint32_t c)
{
	return !is_control(c) && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

static void put(struct lineedit *e, size_t at, uint32_t c)
{
	e->cp = xgrow(e->cp, &e->cap, e->n + 1, sizeof *e->cp);
	memmove(e->cp + at + 1, e->cp + at, (e->n - at) * sizeof *e->cp);
	e->cp[at] = c;
	e->n++;
}

/* Line breaks and tabs a stored text may hold (申请内容, 备注): kept as they are, so that
 * saving a form never changes a field the clerk did not touch, and drawn as a visible sign. */
static bool kept_control(uint32_t c)
{
	return c == '\n' || c == '\r' || c == '\t';
}

void le_set(struct lineedit *e, const char *s)
{
	e->n = e->cur = e->first = 0;
	size_t len = s ? strlen(s) : 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += utf8_decode(s + i, len - i, &c);
		put(e, e->n, is_control(c) && !kept_control(c) ? ' ' : c);
	}
	e->cur = e->n;
	e->changed = false;
}

void le_text(const struct lineedit *e, struct strbuf *out)
{
	for (size_t i = 0; i < e->n; i++) {
		char u[4];
		sb_add(out, u, utf8_encode(e->cp[i], u));
	}
}

char *le_strdup(const struct lineedit *e)
{
	struct strbuf sb = STRBUF_INIT;
	le_text(e, &sb);
	return sb_detach(&sb);
}

bool le_insert(struct lineedit *e, uint32_t c)
{
	if (!insertable(c) || (e->max && e->n >= e->max))
		return false;
	put(e, e->cur++, c);
	e->changed = true;
	return true;
}

bool le_insert_break(struct lineedit *e)
{
	if (e->max && e->n >= e->max)
		return false;
	put(e, e->cur++, '\n');
	e->changed = true;
	return true;
}

bool le_insert_str(struct lineedit *e, const char *s)
{
	bool all = true;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += utf8_decode(s + i, len - i, &c);
		all &= le_insert(e, c);
	}
	return all;
}

static bool is_mark(const struct lineedit *e, size_t i)
{
	return i < e->n && text_cp_width(e->cp[i]) == 0;
}

/* The start of the character (base and its marks) before position i. */
static size_t char_before(const struct lineedit *e, size_t i)
{
	while (i > 0 && is_mark(e, i - 1))
		i--;
	return i > 0 ? i - 1 : 0;
}

/* The end of the character (base and its marks) that starts at position i. */
static size_t char_after(const struct lineedit *e, size_t i)
{
	if (i < e->n)
		i++;
	while (is_mark(e, i))
		i++;
	return i;
}

static void cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->cp + from, e->cp + to, (e->n - to) * sizeof *e->cp);
	e->n -= to - from;
	e->changed = true;
}

bool le_backspace(struct lineedit *e)
{
	if (e->cur == 0)
		return false;
	size_t from = char_before(e, e->cur);
	cut(e, from, e->cur);
	e->cur = from;
	return true;
}

bool le_delete(struct lineedit *e)
{
	if (e->cur >= e->n)
		return false;
	cut(e, e->cur, char_after(e, e->cur));
	return true;
}

bool le_left(struct lineedit *e)
{
	if (e->cur == 0)
		return false;
	e->cur = char_before(e, e->cur);
	return true;
}

bool le_right(struct lineedit *e)
{
	if (e->cur >= e->n)
		return false;
	e->cur = char_after(e, e->cur);
	return true;
}

bool le_home(struct lineedit *e)
{
	bool moved = e->cur != 0;
	e->cur = 0;
	return moved;
}

bool le_end(struct lineedit *e)
{
	bool moved = e->cur != e->n;
	e->cur = e->n;
	return moved;
}

bool le_clear(struct lineedit *e)
{
	if (e->n == 0)
		return false;
	e->n = e->cur = e->first = 0;
	e->changed = true;
	return true;
}

static int cols(const struct lineedit *e, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to; i++)
		w += text_cp_width(e->cp[i]);
	return w;
}

int le_width(const struct lineedit *e)
{
	return cols(e, 0, e->n);
}

int le_cursor_col(const struct lineedit *e)
{
	return cols(e, 0, e->cur);
}

/* Columns the cursor needs: the character under it, or one past the end. */
static int cursor_cell(const struct lineedit *e)
{
	int w = e->cur < e->n ? text_cp_width(e->cp[e->cur]) : 1;
	return w > 0 ? w : 1;
}

static void scroll(struct lineedit *e, int width)
{
	if (e->first > e->cur)
		e->first = e->cur;
	while (is_mark(e, e->first) && e->first > 0)
		e->first--;
	while (e->first < e->cur && cols(e, e->first, e->cur) + cursor_cell(e) > width)
		e->first = char_after(e, e->first);
	/* show more of the text before the cursor when it fits (after deleting at the end) */
	while (e->first > 0) {
		size_t prev = char_before(e, e->first);
		int need = cols(e, prev, e->n) + (e->cur == e->n ? 1 : 0);
		if (need > width)
			break;
		e->first = prev;
	}
}

void le_view(struct lineedit *e, int width, struct strbuf *out, int *cursor_x)
{
	*cursor_x = 0;
	if (width < 1)
		return;
	scroll(e, width);
	int used = 0;
	for (size_t i = e->first; i < e->n; i++) {
		int w = text_cp_width(e->cp[i]);
		if (used + w > width)
			break;
		uint32_t c = e->cp[i];
		if (kept_control(c))   /* one column, as text_cp_width counts a control */
			c = c == '\n' ? 0x21B5 : c == '\r' ? 0x240D : 0x21E5;   /* ↵ ␍ ⇥ */
		char u[4];
		sb_add(out, u, utf8_encode(c, u));
		used += w;
	}
	sb_repeat(out, " ", width - used);
	int x = cols(e, e->first, e->cur);
	*cursor_x = x < width ? x : width - 1;
}
