/*
 * dlg_export.h — writing a year's report or ledger to a file from the interface.
 *
 * The report's forms are the core's one table (report_format.h); the ledger is one more line
 * in the list. A file is written whole or not at all (outfile.h); the clerk is told where it
 * went.
 */
#ifndef GK_DLG_EXPORT_H
#define GK_DLG_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

struct report;
struct report_format;
struct tui;

/* Asks for the form and the file name, writes, and says where the file went. */
void dlg_export_run(struct tui *t, int year);

/* Asks which form of the report (report_formats, with their labels); NULL when the clerk
 * backed out. */
const struct report_format *dlg_export_pick(struct tui *t, const char *title);

/* Asks for the file to write (default `stem-year.ext`), made absolute; asks before overwriting
 * a file that exists. NULL when the clerk backed out; the caller frees the path. */
char *dlg_export_ask_path(struct tui *t, const char *stem, const char *ext, int year);

/* The same from a whole file name to start from. */
char *dlg_export_ask_file(struct tui *t, const char *initial);

/* Writes reps[0..n) in form f to a file the clerk names (default stem-year.ext); true when it
 * was written (the clerk is told where), false when the clerk backed out or it failed (the
 * failure shown). */
bool dlg_export_report(struct tui *t, const struct report_format *f,
		       const struct report *const *reps, size_t n, const char *stem, int year,
		       char **written);

#endif
