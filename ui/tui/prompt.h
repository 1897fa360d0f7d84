/*
 * prompt.h — small popups: a line of text, a yes/no question, a pick from a list, and lines to
 * read (the problems of an import).
 *
 * Each runs its own loop on top of the current screen (tui_key draws the screen under it) and
 * returns what the clerk chose; Esc always backs out. Keys come from keymap's KS_PROMPT,
 * KS_CONFIRM and KS_PICK tables, so the hint bar shows them.
 */
#ifndef GK_PROMPT_H
#define GK_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"

struct diag;
struct lineedit;
struct tui;

/* Asks for one line of text (at most max characters, 0 for no limit), starting from initial.
 * Returns the text as a new string (the caller frees it), or NULL when the clerk pressed Esc. */
char *prompt_line(struct tui *t, const char *title, const char *label, const char *initial,
		  size_t max);

/* Asks a question answered with y or n (Esc: n). */
bool prompt_confirm(struct tui *t, const char *title, const char *question);

/* Picks one of n items (initial: where the cursor starts, -1 for the first). Returns the
 * index, or -1 on Esc. A mouse click picks the item under it. */
int prompt_pick(struct tui *t, const char *title, const char *const *items, int n,
		int initial);

/* The same, with key already typed: the list opens finding it (typing in a list finds the
 * first item that holds what was typed). */
int prompt_pick_typed(struct tui *t, const char *title, const char *const *items, int n,
		      int initial, int key);
/* The same for a numbered list (at most 9 items): a digit picks its item at once. */
int prompt_pick_numbered(struct tui *t, const char *title, const char *const *items, int n);
/* Applies an editing action (or, for A_NONE, types the key when it is a character) to a
 * line editor; false when the action is not an editing one. Shared with the forms. */
bool prompt_edit(struct lineedit *e, enum action a, int key);

/* Shows the lines of d (and how many more there were) under a heading until Esc or Enter. */
void prompt_show(struct tui *t, const char *title, const char *heading, const struct diag *d);

#endif
