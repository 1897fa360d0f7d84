/*
 * text.c — UTF-8 decoding and display-column arithmetic for Chinese text.
 *
 * The list screen, the forms and the text report all lay text out in columns; they measure
 * and cut it here, so that a Han character is never split and what is measured is exactly what
 * is drawn (invalid bytes and controls become U+FFFD in both). Nothing here knows about the
 * terminal; the locale matters only through wcwidth (see text.h).
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "xmem.h"

#define ELLIPSIS "\xE2\x80\xA6"  /* U+2026 …, one column */

int utf8_scan(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	int len;
	uint32_t v;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xC2 || u[0] > 0xF4)
		return 0;  /* a continuation byte, an overlong lead, or beyond U+10FFFF */
	if (u[0] < 0xE0) {
		len = 2;
		v = u[0] & 0x1F;
	} else if (u[0] < 0xF0) {
		len = 3;
		v = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0;  /* overlong */
		else if (u[0] == 0xED)
			hi = 0x9F;  /* surrogates */
	} else {
		len = 4;
		v = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90;  /* overlong */
		else if (u[0] == 0xF4)
			hi = 0x8F;  /* beyond U+10FFFF */
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return UTF8_TRUNCATED;
		if (u[i] < lo || u[i] > hi)
			return 0;
		v = v << 6 | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return len;
}

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	int len = utf8_scan(s, n, cp);

	if (len > 0)
		return (size_t)len;
	*cp = 0xFFFD;
	return 1;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t n)
{
	uint32_t cp;

	for (size_t i = 0; i < n;) {
		int len = utf8_scan(s + i, n - i, &cp);
		if (len <= 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

size_t utf8_chars(const char *s, size_t n)
{
	size_t count = 0;
	uint32_t cp;

	for (size_t i = 0; i < n; count++)
		i += utf8_decode(s + i, n - i, &cp);
	return count;
}

/* ---- widths ---- */

struct range {
	uint32_t lo, hi;
};

/* Used only when wcwidth does not know a code point (e.g. in the "C" locale): the main
 * blocks of combining marks and zero-width format characters … */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
	{ 0x202A, 0x202E }, { 0x2060, 0x2064 }, { 0x20D0, 0x20FF }, { 0x302A, 0x302D },
	{ 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
	{ 0xE0100, 0xE01EF },
};

/* … and the East-Asian wide and full-width blocks (Unicode UAX #11, W and F). */
static const struct range double_width[] = {
	{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
	{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 },
	{ 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F }, { 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD },
	{ 0x30000, 0x3FFFD },
};

static bool in_ranges(uint32_t cp, const struct range *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cp >= t[i].lo && cp <= t[i].hi)
			return true;
	return false;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

int text_cp_width(uint32_t cp)
{
	if (cp < 0x7F || is_control(cp))
		return 1;  /* ASCII, or a control shown as U+FFFD */
#ifdef __STDC_ISO_10646__
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w > 2 ? 2 : w;
#endif
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_ranges(cp, double_width, sizeof double_width / sizeof double_width[0]))
		return 2;
	return 1;
}

int text_width_n(const char *s, size_t n)
{
	int w = 0;
	uint32_t cp;

	for (size_t i = 0; i < n;) {
		i += utf8_decode(s + i, n - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

/* ---- cleaning, fitting, wrapping ---- */

/* Appends the character at s[0..n) (n > 0) as it will be drawn; returns its length in s. */
static size_t add_char(struct strbuf *out, const char *s, size_t n, uint32_t *cp)
{
	size_t len = utf8_decode(s, n, cp);

	if (*cp == 0xFFFD || is_control(*cp))
		sb_adds(out, UTF8_REPLACEMENT);
	else
		sb_add(out, s, len);
	return len;
}

static void clean_n(const char *s, size_t n, struct strbuf *out)
{
	uint32_t cp;

	for (size_t i = 0; i < n;)
		i += add_char(out, s + i, n - i, &cp);
}

void text_clean(const char *s, struct strbuf *out)
{
	clean_n(s, strlen(s), out);
}

/* The length of the longest prefix of s[0..n) that takes at most maxw columns; its width goes
 * to *used. Combining marks after the last character that fits are kept with it. */
static size_t fit_prefix(const char *s, size_t n, int maxw, int *used)
{
	size_t i = 0;
	uint32_t cp;

	*used = 0;
	while (i < n) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		int w = text_cp_width(cp);
		if (*used + w > maxw)
			break;
		*used += w;
		i += len;
	}
	return i;
}

void text_fit_align(const char *s, int width, enum text_align align, struct strbuf *out)
{
	if (width <= 0)
		return;
	if (!s)   /* nothing to show (an unknown code's label): blanks */
		s = "";
	size_t n = strlen(s);
	int used;
	bool cut = text_width_n(s, n) > width;
	size_t keep = fit_prefix(s, n, cut ? width - 1 : width, &used);
	int pad = width - used - (cut ? 1 : 0);
	int left = align == TEXT_RIGHT ? pad : align == TEXT_CENTER ? pad / 2 : 0;

	sb_repeat(out, " ", left);
	clean_n(s, keep, out);
	if (cut)
		sb_adds(out, ELLIPSIS);
	sb_repeat(out, " ", pad - left);
}

void text_fit(const char *s, int width, struct strbuf *out)
{
	text_fit_align(s, width, TEXT_LEFT, out);
}

static void lines_push(struct text_lines *l, struct strbuf *line)
{
	l->line = xgrow(l->line, &l->cap, l->n + 1, sizeof *l->line);
	l->line[l->n++] = sb_detach(line);
}

/* A character of a word that should not be cut: a letter, digit or mark of ASCII (a case
 * number, an ID number, a date, a file name). */
static bool word_char(uint32_t cp)
{
	return cp > ' ' && cp < 0x7f;
}

/* The line-breaking rules of Chinese text (禁则; GB/T 15834 标点符号用法 asks the same): closing
 * punctuation does not begin a line, opening punctuation does not end one. */
static const uint32_t closing[] = {
	0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F,   /* 、。，；：！？ */
	0xFF09, 0x300D, 0x300F, 0x300B, 0x3009, 0x3011, 0x3015,   /* ）」』》〉】〕 */
	0x3017, 0xFF3D, 0xFF5D, 0x201D, 0x2019, 0x2026, 0x2014,   /* 〗］｝”’…— */
};
static const uint32_t opening[] = {
	0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010, 0x3014,   /* （「『《〈【〔 */
	0x3016, 0xFF3B, 0xFF5B, 0x201C, 0x2018, '(', '[',         /* 〖［｛“‘ ( [ */
};

static bool listed(uint32_t cp, const uint32_t *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] == cp)
			return true;
	return false;
}

/* Whether cp, after prev, may not begin a line. ASCII , . ; : ! ? ) ] only after wide text:
 * after ASCII they belong to a word (2023.1, f(x)) and word_char keeps them with it. */
static bool no_line_start(uint32_t cp, uint32_t prev)
{
	if (cp < 0x7f)
		return cp && strchr(",.;:!?)]", (int)cp) && text_cp_width(prev) == 2;
	return listed(cp, closing, sizeof closing / sizeof closing[0]);
}

static bool no_line_end(uint32_t cp)
{
	return listed(cp, opening, sizeof opening / sizeof opening[0]);
}

/* How many places that break a rule of punctuation a line end moves back over. What follows
 * it down is short (用、 or （ or 一）。); a longer run of punctuation (……——) is broken anyway
 * rather than take half the line with it. */
#define WRAP_PUNCT_MAX 3

/* A place where the line being built may end: before the character cp at s[i], after `len`
 * bytes of the line; prev is the character before it (combining marks aside). `clean`: ending
 * there cuts no word, and is not just after a space (ending before the space is better). */
struct wrap_place {
	size_t len, i;
	uint32_t prev, cp;
	bool clean;
};

/* Whether ending at place k of n cuts no word. At the last place, before the character that
 * does not fit, that is all that is asked. */
static bool wrap_whole(const struct wrap_place *p, size_t k, size_t n)
{
	if (k == n - 1)
		return !(word_char(p[k].cp) && word_char(p[k].prev));
	return p[k].clean;
}

/* Which of the n places p (n > 0) a line ends at when the character at the last one does not
 * fit: the last place that cuts no word and breaks no rule of punctuation, looking back over
 * at most WRAP_PUNCT_MAX places that break one; failing that, as without the rules: the last
 * place that cuts no word, else the last place. Never the start of the line (it is not a
 * place), so a line is never left empty. */
static size_t wrap_choose(const struct wrap_place *p, size_t n)
{
	size_t k = n;
	int passed = 0;

	while (k-- > 0 && passed <= WRAP_PUNCT_MAX) {
		bool punct_ok = !no_line_start(p[k].cp, p[k].prev) && !no_line_end(p[k].prev);
		if (punct_ok && wrap_whole(p, k, n))
			return k;
		passed += !punct_ok;
	}
	for (k = n; k-- > 0;)
		if (wrap_whole(p, k, n))
			return k;
	return n - 1;
}

size_t text_wrap(const char *s, int width, struct text_lines *out)
{
	if (width <= 0)
		return 0;
	size_t n = strlen(s), before = out->n;
	struct strbuf line = STRBUF_INIT;
	int used = 0;
	uint32_t cp, prev = 0;
	struct wrap_place *place = NULL;   /* where this line may end, in order */
	size_t nplace = 0, cap = 0;

	for (size_t i = 0; i < n;) {
		if (s[i] == '\r' || s[i] == '\n') {
			i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			lines_push(out, &line);
			used = 0;
			prev = 0;
			nplace = 0;
			continue;
		}
		size_t len = utf8_decode(s + i, n - i, &cp);
		int w = text_cp_width(cp);
		if (used > 0 && w > 0) {
			place = xgrow(place, &cap, nplace + 1, sizeof *place);
			place[nplace++] = (struct wrap_place){ line.len, i, prev, cp,
				cp == ' ' || w == 2 || (!word_char(prev) && prev != ' ') };
		}
		if (used + w > width && used > 0) {
			/* what follows the end chosen goes down with what did not fit; a space before
			 * it is dropped like one after it */
			const struct wrap_place *end = &place[wrap_choose(place, nplace)];
			size_t keep = end->len > 1 && line.buf[end->len - 1] == ' ' ? end->len - 1
										   : end->len;
			struct strbuf head = STRBUF_INIT;
			sb_add(&head, line.buf, keep);
			lines_push(out, &head);
			sb_reset(&line);
			i = end->i;
			used = 0;
			prev = 0;
			nplace = 0;
			if (s[i] == ' ')
				i++;
			continue;
		}
		if (w > width) {
			sb_adds(&line, ELLIPSIS);
			used += 1;
			i += len;
		} else {
			i += add_char(&line, s + i, n - i, &cp);
			used += w;
		}
		if (w > 0)
			prev = cp;
	}
	lines_push(out, &line);
	free(place);
	return out->n - before;
}

void text_lines_release(struct text_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	l->line = NULL;
	l->n = l->cap = 0;
}

void text_pad(const char *s, int width, struct strbuf *out)
{
	size_t before = out->len;
	text_clean(s ? s : "", out);
	int w = text_width(out->buf ? out->buf + before : "");
	for (; w < width; w++)
		sb_addc(out, ' ');
}

bool text_blank(const char *s)
{
	if (!s)
		return true;
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\u3000", 3) == 0)
			s += 3;
		else
			return false;
	}
	return true;
}
