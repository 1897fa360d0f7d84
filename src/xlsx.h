/*
 * xlsx.h — reading the first worksheet of an Excel .xlsx workbook, row by row.
 *
 * Offices keep their ledger (台账) in Excel more often than as CSV, so `import` reads an .xlsx
 * too. An .xlsx is a zip archive (libzip) of XML parts (expat): the workbook names its sheets,
 * its relationships say which part holds the first one, the shared strings hold the texts,
 * the styles say which cells are formatted as dates. The sheet itself is streamed through
 * expat a row at a time, so memory holds one row, the shared strings and the styles, whatever
 * the number of rows.
 *
 * Rows come out as csv.h records, so the ledger reads both files alike: a record's fields are
 * the sheet's columns A, B, … up to the last cell that holds a value (a spreadsheet leaves
 * empty cells out, so a row may be shorter than the header), each as text: shared and inline
 * strings as they are, numbers in their shortest form ("100", "0.5"), a number in a cell
 * formatted as a date as `YYYY-MM-DD`, booleans TRUE/FALSE. Rows with no value are skipped;
 * rec.row is the spreadsheet's row number.
 *
 *	struct xlsx_reader *x;
 *	if (xlsx_open_fd(fd, &x, d) != ST_OK) report d, status 65;
 *	while ((res = xlsx_next(x, &rec)) != CSV_END) { as with csv_next }
 *	xlsx_free(&x);
 */
#ifndef GK_XLSX_H
#define GK_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"
#include "diag.h"
#include "status.h"

/* The zip archive's signature (a local file header), the first bytes of every .xlsx. */
#define XLSX_SIGNATURE "PK\x03\x04"
/* The signature of an OLE compound file: an old .xls, or an .xlsx saved with a password. */
#define XLSX_OLE_SIGNATURE "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

struct xlsx_reader;

/*
 * Opens the workbook in the seekable file fd (duplicated: the caller keeps and closes fd) and
 * prepares to read its first worksheet. ST_DATA with one Chinese line in d when it is not a
 * zip archive, not a workbook, or a part it needs is missing or malformed.
 */
enum status xlsx_open_fd(int fd, struct xlsx_reader **out, struct diag *d);
/* The same for a workbook in memory: data (from malloc) becomes the reader's, which frees it
 * (also on failure). */
enum status xlsx_open_mem(char *data, size_t len, struct xlsx_reader **out, struct diag *d);
void xlsx_free(struct xlsx_reader **x);

/*
 * The next row with a value. CSV_RECORD: rec holds it until the next call. CSV_BAD: the row
 * has a cell that cannot be read (a shared string that does not exist, a cell past column
 * CSV_MAX_FIELDS_DEFAULT, a text longer than CSV_MAX_FIELD_DEFAULT, a formula whose result
 * was never computed — no cached value, as programs that write workbooks leave it — which is
 * never read as empty): rec.error and rec.error_field say which. CSV_FAIL: the sheet's XML or
 * the archive is damaged, xlsx_error says where; CSV_END follows. CSV_END: no more rows.
 */
enum csv_result xlsx_next(struct xlsx_reader *x, struct csv_record *rec);
/* After CSV_FAIL, the problem in Chinese; else NULL. The string belongs to the reader. */
const char *xlsx_error(const struct xlsx_reader *x);

/* ---- the pieces, pure functions (tested on their own) ---- */

/* Reads a cell reference ("B3", "AA10"; letters then digits, no $) into a 1-based row and a
 * 0-based column. False when malformed or outside Excel's sheet (XFD1048576). */
bool xlsx_cell_ref(const char *s, unsigned *row, unsigned *col);
/* Reads the column letters at the start of s (a reference or a bare "B"); -1 when none. */
int xlsx_col_from_letters(const char *s);

/* The date of a serial day number (whole days; a time of day is dropped) as a date.h day
 * number: days since 1899-12-30, or since 1904-01-01 in a workbook with date1904. Serials
 * below 61 follow Excel's 1900 calendar (serial 60 is its 1900-02-29, which did not exist).
 * False when there is no such date within DATE_MIN_YEAR..DATE_MAX_YEAR. */
bool xlsx_serial_date(double serial, bool date1904, int *date);

/* The shortest text that reads back as v: "100", "0.1", "-2.5", "1234567.25", "1e+20". */
char *xlsx_number_text(double v, char buf[32]);

/* Whether a number format shows a date: the built-in formats 14–17 and 22 and the Chinese
 * built-in ones (27–31, 36, 50–54, 57, 58), or a custom code (code not NULL) with y, d, or m
 * but no h or s, outside quotes, escapes and [..] sections. */
bool xlsx_format_is_date(int id, const char *code);

/* Undoes OOXML's escapes of characters XML cannot hold: "_x000D_" → CR, "_x005F_" → "_".
 * Works in place; returns the new length. */
size_t xlsx_unescape(char *s, size_t n);

#endif
