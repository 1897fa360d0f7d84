/*
 * lineedit.h — the state of a one-line text field: its characters, the cursor, and the part
 * shown when the field is narrower than its text.
 *
 * Text is held as code points, so inserting or deleting never splits a UTF-8 sequence, and it
 * is measured in display columns (text_cp_width: a Han character is two). The view scrolls
 * sideways to keep the cursor visible and never shows half of a double-width character: a
 * column it would straddle at either edge is drawn as a space. Nothing here touches a terminal;
 * a form or a prompt draws what le_view gives.
 */
#ifndef GK_LINEEDIT_H
#define GK_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

struct lineedit {
	uint32_t *cp;     /* the characters, owned */
	size_t n, cap;
	size_t cur;       /* cursor: before cp[cur]; n means at the end */
	size_t first;     /* the first character shown */
	size_t max;       /* the most characters it takes; 0 for no limit */
	bool changed;     /* set by every edit, cleared by le_set */
};

/* An empty editor taking at most max characters (0: no limit). */
void le_init(struct lineedit *e, size_t max);
void le_release(struct lineedit *e);

/* Replaces the text with the UTF-8 text s (NULL is ""), the cursor at its end. Invalid bytes
 * become U+FFFD and control characters spaces, except line breaks and tabs: a stored text
 * keeps them (le_view draws them as ↵, ␍ and ⇥, one column each; they are deleted like any
 * character but never typed). Text beyond max is kept (le_set shows what is stored; only
 * typing is limited). Clears `changed`. */
void le_set(struct lineedit *e, const char *s);
/* Appends the text as UTF-8 to out. */
void le_text(const struct lineedit *e, struct strbuf *out);
/* The text as a new string; the caller frees it. */
char *le_strdup(const struct lineedit *e);

/* Inserts one character at the cursor and moves past it. Refused (false) for control
 * characters, non-characters beyond U+10FFFF or surrogates, and when the field is full. */
bool le_insert(struct lineedit *e, uint32_t cp);
/* Inserts a line break at the cursor (in a text of several lines); false when full. */
bool le_insert_break(struct lineedit *e);
/* Inserts the UTF-8 text s at the cursor (a paste), as far as it fits; false if any of it
 * was refused. */
bool le_insert_str(struct lineedit *e, const char *s);

/* Editing and moving; each returns false when there was nothing to do (at an edge). The
 * cursor moves by characters as seen: a combining mark goes with the character before it. */
bool le_backspace(struct lineedit *e);
bool le_delete(struct lineedit *e);
bool le_left(struct lineedit *e);
bool le_right(struct lineedit *e);
bool le_home(struct lineedit *e);
bool le_end(struct lineedit *e);
/* Deletes everything (Ctrl-U). */
bool le_clear(struct lineedit *e);

/* Display columns of the whole text, and from its start to the cursor. */
int le_width(const struct lineedit *e);
int le_cursor_col(const struct lineedit *e);

/*
 * Scrolls the view (e->first) so that the cursor, and the character under it, are visible in
 * a field `width` columns wide, showing as much text before the cursor as fits when the text
 * gets shorter. Appends exactly `width` columns to out (padded with spaces; a double-width
 * character that does not fit whole at the right edge is left out and its column padded) and
 * sets *cursor_x to the cursor's column within the field (0 … width-1). width < 1 appends
 * nothing and sets *cursor_x to 0.
 */
void le_view(struct lineedit *e, int width, struct strbuf *out, int *cursor_x);

#endif
