/*
 * ledger.h — the ledger (台账) CSV of docs/ledger.md: import and export.
 *
 * Import also reads the first worksheet of an Excel .xlsx with the same columns (xlsx.h),
 * recognised by the zip signature at the start of the file or by the name in `source`; its
 * rows are checked exactly as the CSV's, N in `第N行` being the spreadsheet's row.
 *
 * Import is all or nothing: the whole file is read and checked inside one transaction, every
 * problem is reported as `第N行: <列名>: <原因>`, and nothing is written unless every row is
 * good. It streams: memory does not grow with the file. Export writes UTF-8 with a BOM, Chinese
 * headers and labels, dates as YYYY-MM-DD and the formula guard; a file export wrote imports
 * into an empty database and gives the same tables.
 */
#ifndef GK_LEDGER_H
#define GK_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "encoding.h"
#include "status.h"

struct store;

struct ledger_import_options {
	bool dry_run;           /* check everything, write nothing */
	bool encoding_given;    /* use `encoding` instead of detecting it */
	enum encoding encoding;
	int today;              /* dates more than a day after this are refused */
	const char *source;     /* the file's name, for the history (and .xlsx by its name) */
	/* called every 1000 rows and at the end, e.g. to show progress; may be NULL */
	void (*progress)(size_t rows, void *ctx);
	void *ctx;
};

struct ledger_import_result {
	size_t rows;            /* data rows read */
	size_t imported;        /* applications written (0 on a dry run or on error) */
	size_t checked;         /* applications that passed every check */
	enum encoding encoding; /* the file's encoding, as detected or given */
	struct diag warnings;   /* `第N行: 列名: … （提示）`, for rows that were imported anyway */
};

/*
 * Reads a ledger from in into the database. On ST_DATA, errors holds one line per problem
 * (all of them, up to errors->limit kept) and the database is unchanged. res->warnings must be
 * released by the caller (diag_release).
 */
enum status ledger_import(struct store *s, FILE *in, const struct ledger_import_options *o,
			  struct ledger_import_result *res, struct diag *errors);

struct ledger_export_options {
	int year;               /* 0: all; else those that the year's table 三 or 四 counts */
	bool personal;          /* include 证件号码 and 联系方式 */
	void (*progress)(size_t rows, void *ctx);
	void *ctx;
};

/* Writes the ledger to out; *count is the number of applications written. ST_IO when out
 * could not be written. */
enum status ledger_export(struct store *s, FILE *out, const struct ledger_export_options *o,
			  size_t *count, struct diag *d);

#endif
