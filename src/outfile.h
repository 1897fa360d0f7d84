/*
 * outfile.h — a file that appears whole or not at all: every file gongkai writes for a clerk
 * (a report, a ledger, a document, a backup) goes through here.
 *
 * The data goes to a temporary file in the target's folder (mode 0600 whatever the umask: it
 * may hold personal data), which is flushed, synced and renamed over the target only when all
 * of it was written. A crash, a full disk or a refusal leaves the old file (or none) under the
 * name, never half a new one, and removes the temporary file. A path of NULL or "-" means
 * standard output, written as it comes.
 */
#ifndef GK_OUTFILE_H
#define GK_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "status.h"

struct outfile {
	FILE *fp;      /* where to write: the temporary file, or stdout */
	char *path;    /* the target; NULL for standard output */
	char *tmp;     /* the temporary file's name, for a library that writes a file by name */
};

/* Creates the temporary file for path (or takes stdout). ST_CANTCREAT with a line naming path
 * and the reason in Chinese when it cannot. */
enum status outfile_open(struct outfile *o, const char *path, struct diag *d);

/* For a library that writes a file by its name (libxlsxwriter, SQLite's backup): closes
 * o->fp, so that the library writes o->tmp; outfile_commit then syncs and renames it. */
void outfile_by_name(struct outfile *o);

/* Whether o writes to standard output rather than a file. */
bool outfile_is_stdout(const struct outfile *o);

/*
 * Finishes: flushes and syncs what was written through o->fp — or, when a library wrote the
 * temporary file by its name (o->tmp) meanwhile, syncs that and makes it 0600 again — then
 * renames it to the target. ST_IO (could not write: disk full) or ST_CANTCREAT (could not
 * rename) with a line in d; the temporary file is gone either way. o is emptied.
 */
enum status outfile_commit(struct outfile *o, struct diag *d);

/* Gives up: closes and removes the temporary file. o is emptied. Safe on an emptied o. */
void outfile_abort(struct outfile *o);

/* The whole of buf[0..n) to path (or standard output) through an outfile. */
enum status outfile_write(const char *path, const void *buf, size_t n, struct diag *d);

#endif
