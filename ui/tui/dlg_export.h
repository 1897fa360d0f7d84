/*
 * export.h — writing a year's report or ledger to a file from the interface.
 *
 * The formats are one table in dlg_export.c (a label, a file extension and the function that
 * writes it); a new format is one line there. A file is written whole or not at all: into a
 * temporary file (mode 0600: it may hold personal data) in the same folder, flushed, then
 * renamed into place; the clerk is told where it went.
 */
#ifndef GK_DLG_EXPORT_H
#define GK_DLG_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "status.h"

struct tui;

/* Asks for the format and the file name, writes, and says where the file went. */
void dlg_export_run(struct tui *t, int year);

/* Asks for the file to write (default `stem-year.ext`), made absolute; asks before overwriting
 * a file that exists. NULL when the clerk backed out; the caller frees the path. */
char *dlg_export_ask_path(struct tui *t, const char *stem, const char *ext, int year);

/*
 * Writes path whole or not at all: write(fp, ctx) fills a temporary file next to it (mode
 * 0600), which is then synced and renamed to path. Or, when write is NULL, file(tmp, ctx)
 * creates the temporary file itself by name (a library that writes to a path). On failure the
 * temporary file is removed, d says why in Chinese, and the status is ST_CANTCREAT or ST_IO.
 */
enum status dlg_export_atomic(const char *path, enum status (*write)(FILE *fp, void *ctx),
			  enum status (*file)(const char *tmp, void *ctx, struct diag *d),
			  void *ctx, struct diag *d);

#endif
