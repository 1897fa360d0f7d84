/*
 * csv.h — RFC 4180 CSV: a streaming reader and a writer with the spreadsheet formula guard.
 *
 * The reader works on raw bytes: it splits records and fields and undoes the quoting, nothing
 * else. It reads UTF-8 and GB18030 files alike (no GB18030 trail byte is a quote, comma, CR or
 * LF); turning the bytes into text is encoding.h's business, checking them the importer's.
 * It holds one buffer of input and one record at a time, so a 200,000-row ledger is read in
 * bounded memory; a field longer than a set limit is reported and skipped, not buffered.
 *
 * Rows are counted as a spreadsheet counts them: the header is row 1, each record one row even
 * when a quoted field holds line breaks, and an empty line is one row (but no record).
 *
 *	struct csv_reader *r = csv_reader_new_file(fp, NULL);
 *	struct csv_record rec;
 *	enum csv_result res;
 *	while ((res = csv_next(r, &rec)) != CSV_END) {
 *		if (res == CSV_FAIL) { report csv_reader_error(r); break; }
 *		if (res == CSV_BAD) { report 第rec.row行: rec.error; continue; }
 *		use rec.field[0 .. rec.n)
 *	}
 *	csv_reader_free(&r);
 */
#ifndef GK_CSV_H
#define GK_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

#define CSV_MAX_FIELD_DEFAULT  65536   /* bytes in one field */
#define CSV_MAX_FIELDS_DEFAULT 256     /* fields in one record */
#define CSV_BUFSIZE_DEFAULT    65536   /* bytes read from a FILE at a time */
#define CSV_BUFSIZE_MIN        4       /* smaller requests are raised to this */

/* The UTF-8 byte-order mark: skipped by the reader, written first by the export. */
#define CSV_BOM "\xEF\xBB\xBF"

/* Limits of a reader; a zero member takes its default. */
struct csv_options {
	size_t max_field;   /* a longer field makes its record CSV_BAD */
	size_t max_fields;  /* more fields make the record CSV_BAD; the extra ones are dropped */
	size_t bufsize;     /* input buffer; tests use a tiny one to split records across refills */
};

/* One field: its bytes with the quoting undone, line breaks inside quotes kept as they were
 * (CRLF stays CRLF). p[len] is a NUL not counted in len; p never holds a NUL itself. */
struct csv_field {
	const char *p;
	size_t len;
};

/* One record. Everything it points to stays valid until the next csv_next or csv_reader_free. */
struct csv_record {
	const struct csv_field *field;
	size_t n;            /* number of fields; at least 1 */
	size_t row;          /* spreadsheet row of the record (header = 1) */
	const char *error;   /* CSV_BAD: the first problem, in Chinese (e.g. "引号未闭合"); else NULL */
	size_t error_field;  /* CSV_BAD: index of the field where that problem is; equal to
	                      * max_fields (so possibly >= n) for "字段超过 N 个" */
};

enum csv_result {
	CSV_END,     /* no more records (also after CSV_FAIL) */
	CSV_RECORD,  /* a good record */
	CSV_BAD,     /* a malformed record: rec.error says why; rec.field holds what could be read.
	              * Reading goes on with the next record, except after 引号未闭合, which runs
	              * to the end of the input, so the next call returns CSV_END. */
	CSV_FAIL,    /* reading the FILE failed; csv_reader_error says why. Returned once. */
};

struct csv_reader;

/* A reader over fp, which stays the caller's (it is not closed). opt may be NULL for the
 * defaults. Free with csv_reader_free. */
struct csv_reader *csv_reader_new_file(FILE *fp, const struct csv_options *opt);

/* A reader over data[0..len), which must outlive the reader. opt may be NULL. */
struct csv_reader *csv_reader_new_mem(const char *data, size_t len, const struct csv_options *opt);

void csv_reader_free(struct csv_reader **r);

/* The first bytes of the input, BOM included, for encoding detection (encoding_detect): up to
 * the buffer size (the whole of a memory input). *whole is set when they are all of the input.
 * Call before the first csv_next; the pointer is valid until then. A read error here shows up
 * as CSV_FAIL from csv_next. */
const char *csv_head(struct csv_reader *r, size_t *n, bool *whole);

/* Reads the next record into *rec; see enum csv_result. */
enum csv_result csv_next(struct csv_reader *r, struct csv_record *rec);

/* Whether the input began with a UTF-8 byte-order mark (known after csv_head or csv_next). */
bool csv_had_bom(const struct csv_reader *r);

/* After CSV_FAIL: the problem in Chinese, with the system's reason. Otherwise NULL. The string
 * belongs to the reader. */
const char *csv_reader_error(const struct csv_reader *r);

/* Bytes of memory the reader holds now (its buffers), for tests and benchmarks that check that
 * reading stays bounded whatever the input. */
size_t csv_reader_footprint(const struct csv_reader *r);

/* Whether every field of rec is empty: what a spreadsheet writes for a blank row (",,,,"). */
bool csv_record_blank(const struct csv_record *rec);

/*
 * Writing. Fields are quoted only when they must be (a comma, a quote, CR or LF in them);
 * records end with CRLF. Text cells go through the formula guard:
 *
 * A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage return as a
 * formula (OWASP "CSV injection"), so such a text gets a leading ' on export. To keep the guard
 * exactly reversible, a text whose leading run of ' is followed by one of those characters gets
 * one more ': "=1" → "'=1", "'=1" → "''=1", "'abc" stays "'abc". csv_unguard undoes it.
 */
struct csv_writer {
	struct strbuf *out;
	size_t nfields;    /* in the current record */
	size_t rec_start;  /* offset in out where the current record began */
};

/* Starts writing records at the end of out (which stays the caller's). */
void csv_writer_init(struct csv_writer *w, struct strbuf *out);

/* Adds a field as it is (dates, numbers, codes); s may be NULL for an empty field. */
void csv_write_field(struct csv_writer *w, const char *s, size_t n);

/* Adds a text field with the formula guard; s may be NULL for an empty field. */
void csv_write_text(struct csv_writer *w, const char *s, size_t n);

/* Ends the record with CRLF. A record of one empty field is written as "" so that it does not
 * read back as a blank line. */
void csv_end_record(struct csv_writer *w);

/* Appends s to sb as one CSV field: in double quotes, with " doubled, when it holds a comma,
 * a quote, CR or LF; as it is otherwise. No separator. */
void csv_quote(struct strbuf *sb, const char *s, size_t n);

/* Whether s[0..n) gets the formula guard on export (see above). */
bool csv_needs_guard(const char *s, size_t n);

/* Appends s to sb with the formula guard applied (not quoted). */
void csv_guard(struct strbuf *sb, const char *s, size_t n);

/* Removes the guard from an imported text: advances *s past it and returns the new length, or
 * returns n unchanged when s carries no guard. csv_unguard(guard(x)) == x for every x. */
size_t csv_unguard(const char **s, size_t n);

#endif
