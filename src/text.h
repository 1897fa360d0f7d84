/*
 * text.h — UTF-8 text measured and shaped for the screen and the text report.
 *
 * Terminal-free: these functions only compute. Widths are display columns as a terminal shows
 * them: a Han character or a full-width punctuation mark is 2, a combining mark 0, ASCII 1.
 * The width of a code point is libc's wcwidth() in the current locale (so it agrees with what
 * ncursesw draws), with a built-in table for code points that locale does not know (for
 * instance when the program runs in the "C" locale). In C.UTF-8 and zh_CN.UTF-8, glibc gives
 * the East-Asian "ambiguous" characters width 1: the curly quotes “” (U+201C/D), … (U+2026),
 * · (U+00B7), box drawing. A terminal set to show them wide will disagree, so the chrome avoids
 * them; the full-width brackets （） and the ideographic punctuation 、。，are 2 everywhere.
 *
 * Bytes that are not valid UTF-8 count as U+FFFD (one column per byte), and so do control
 * characters (C0, DEL, C1): text_clean, text_fit and text_wrap write U+FFFD in their place, so
 * what is measured is what is drawn. Strings are NUL-terminated unless a length is given.
 */
#ifndef GK_TEXT_H
#define GK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

#define UTF8_REPLACEMENT "\xEF\xBF\xBD"  /* U+FFFD */
#define UTF8_TRUNCATED (-1)

/* Strict decoding of the sequence at s[0..n), n > 0: returns its length (1–4) and sets *cp;
 * 0 when the bytes are not UTF-8 (overlong forms, surrogates, above U+10FFFF, a stray
 * continuation byte); UTF8_TRUNCATED when they are a valid start cut off by the end at n. */
int utf8_scan(const char *s, size_t n, uint32_t *cp);

/* The code point at s[0..n), n > 0, and its length; an invalid or cut-off sequence gives
 * U+FFFD and length 1, so a loop over a string always advances. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Writes cp (at most U+10FFFF, not a surrogate) as UTF-8 into out; returns its length 1–4. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Whether s[0..n) is strictly valid UTF-8 (NUL bytes are valid). */
bool utf8_valid(const char *s, size_t n);

/* Number of code points in s[0..n), each invalid byte counting as one. The program's length
 * limits count these (a name of at most 200 characters). */
size_t utf8_chars(const char *s, size_t n);

/* Display columns of one code point: 0, 1 or 2 (controls count 1, as their U+FFFD). */
int text_cp_width(uint32_t cp);

/* Display columns of s / of s[0..n). */
int text_width(const char *s);
int text_width_n(const char *s, size_t n);

/* Appends to out a copy of s that is safe to draw: invalid bytes and control characters
 * (tab and line breaks included) replaced by U+FFFD. */
void text_clean(const char *s, struct strbuf *out);

enum text_align { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };

/* Appends to out the cleaned s in exactly `width` columns (nothing when width <= 0): padded
 * with spaces when shorter; when wider, cut at a character boundary so that the kept part plus
 * a final "…" fit, never through a double-width character (the column it would straddle is
 * padded instead). TEXT_CENTER puts the odd column of padding on the right. A NULL s is
 * taken as "" (the label of a code a damaged file holds). */
void text_fit_align(const char *s, int width, enum text_align align, struct strbuf *out);

/* text_fit_align with TEXT_LEFT. */
void text_fit(const char *s, int width, struct strbuf *out);
/* Whether s is NULL or holds nothing but spaces, tabs, line breaks and ideographic spaces (a
 * reason or a name that says nothing). */
bool text_blank(const char *s);

/* Appends the cleaned s padded with spaces to at least `width` columns, never cut: for a value
 * that must be copied whole (a case number), at the price of alignment when it is longer. */
void text_pad(const char *s, int width, struct strbuf *out);

/* Lines of text, each an owned NUL-terminated string. A zeroed struct is empty. */
struct text_lines {
	char **line;
	size_t n;
	size_t cap;
};

/* Splits s into lines of at most `width` columns at character boundaries and appends them to
 * out; returns how many were added. A line break in s (LF, CRLF or CR) ends a line; a space
 * where a line is broken is dropped; combining marks stay with their character. A word of
 * ASCII letters, digits and marks (a case number, an ID number, a date) goes whole to the
 * next line rather than be cut (one longer than a line is cut there). The Chinese rules of
 * line breaking (禁则): closing punctuation (、，。；：！？）」》…, and , . ; : ! ? ) ] after
 * wide text) does not begin a line, opening punctuation (（「《“ ( [) does not end one; the
 * last characters of the line go down with it instead (a few at most, never all of them).
 * "" gives one empty line; width <= 0 gives none. The lines are cleaned as by text_clean. A
 * character wider than the width (a Han character when width is 1) is shown as "…". */
size_t text_wrap(const char *s, int width, struct text_lines *out);

void text_lines_release(struct text_lines *l);

#endif
