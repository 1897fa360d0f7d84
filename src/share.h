/*
 * share.h — a database shared by a group of clerks, each with their own login on one server
 * (docs/manual.md, "Several accounts, one file"): the file and its folder belong to the group
 * and nobody else, so that every clerk of the group can read and write it.
 */
#ifndef GK_SHARE_H
#define GK_SHARE_H

#include <stdbool.h>

#include "diag.h"
#include "status.h"

/* What share_prepare made, so that share_undo can take it away again. */
struct share_done {
	char *file;        /* the database file it created (owned), or NULL */
	char *top;         /* the highest folder it created (owned), or NULL */
	char *folder;      /* the folder that holds the file (owned) */
};

/*
 * Makes path ready to be a database shared by group (a name): the group must exist and the
 * caller must be in it (or be root). Missing folders above path are created 2770 (setgid)
 * with that group; the folder that exists must already have that group and let the group
 * write (and not others); a missing file is created empty, 0660 with that group; an existing
 * one is made 0660 with that group when the caller owns it (or is root), and is otherwise
 * accepted only when it already is. Whatever the umask. Every refusal says what, where, and
 * the commands an administrator would run. ST_USAGE for an unknown group, ST_CANTCREAT for a
 * permission that is missing or a call that failed, ST_NOTOURS when path is not a regular file
 * or not an SQLite database (its modes are then left as they are).
 * On failure nothing it created is left. The caller releases *done with share_done_release.
 */
enum status share_prepare(const char *path, const char *group, struct share_done *done,
			  struct diag *d);

/* Removes what share_prepare created (for a later step that failed): the file, its -wal and
 * -shm, and the folders it made, deepest first. */
void share_undo(const struct share_done *done);
void share_done_release(struct share_done *done);

/* Whether the file at path is a shared database: its own mode lets its group read and write. */
bool share_is_shared(const char *path);

#endif
