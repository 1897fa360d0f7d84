/*
 * report_format.h — the forms a report is written in, listed once: the command line's
 * --format, the interface's export list and the file they write all come from this table, so
 * a new form is one line in report_format.c.
 */
#ifndef GK_REPORT_FORMAT_H
#define GK_REPORT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "report.h"
#include "status.h"
#include "strbuf.h"

/* The width the text form is laid out for: a wide terminal, so few labels wrap; the same on
 * every machine, so the output can be compared with an expected file. */
#define REPORT_TEXT_WIDTH 120

struct report_format {
	const char *name;    /* the --format name: text, csv, json, html, xlsx */
	const char *ext;     /* the file extension, without the dot */
	const char *label;   /* Chinese, for the interface's list of exports */
	/* One of the two writers: text appends the form of one report; file writes reps[0..n)
	 * (a roll-up: the sum, then each body) to a file by its name. */
	void (*text)(const struct report *r, struct strbuf *out);
	enum status (*file)(const struct report *const *reps, size_t n, const char *path,
			    struct diag *d);
};

/* The forms, in the order the interface offers them; ends with a NULL name. */
extern const struct report_format report_formats[];

/* The form of that --format name, or NULL. */
const struct report_format *report_format_find(const char *name);
/* The names for a message: `text、csv、json、html 或 xlsx`. Appends to out. */
void report_format_names(struct strbuf *out);
/* Whether the form needs a file (it cannot go to standard output). */
bool report_format_needs_file(const struct report_format *f);

/*
 * Writes reps[0..n) in form f to path whole or not at all (outfile.h); a text form writes the
 * first report only, to standard output when path is NULL or "-". ST_CANTCREAT or ST_IO with a
 * line in d when the file cannot be written.
 */
enum status report_format_write(const struct report_format *f, const struct report *const *reps,
				size_t n, const char *path, struct diag *d);

#endif
