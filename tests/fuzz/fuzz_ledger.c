/*
 * fuzz_ledger.c — the ledger import over arbitrary bytes, on an in-memory database.
 *
 * Properties:
 * - all or nothing: after a refused import (or a dry run) the database holds no application;
 *   after an accepted one it holds exactly the rows reported imported;
 * - every problem is reported with its line (`第N行: …`);
 * - an accepted ledger exported (with personal data) imports into an empty database again,
 *   and that database exports the very same bytes: export and import are inverses;
 * - what an import wrote passes SQLite's integrity check, which evaluates every CHECK
 *   constraint: the import leaves them to its own checks in C (app_check), so these must
 *   refuse whatever the schema refuses.
 */
#include <string.h>

#include "date.h"
#include "fuzz.h"
#include "ledger.h"
#include "store.h"

static struct store *open_store(void)
{
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	FUZZ_CHECK(store_open(":memory:", 0, &s, &d) == ST_OK);
	diag_release(&d);
	return s;
}

static long long count(struct store *s)
{
	struct list_query q = { .filter = LF_ALL };
	long long n = -1;
	FUZZ_CHECK(store_list_count(s, &q, &n, NULL) == ST_OK);
	return n;
}

static enum status import(struct store *s, const void *data, size_t size, bool dry,
			  struct ledger_import_result *res, struct diag *errors)
{
	FILE *in = fmemopen((void *)data, size, "rb");
	FUZZ_CHECK(in != NULL);
	struct ledger_import_options o = {
		.dry_run = dry, .today = date_from_ymd(2026, 11, 26), .source = "fuzz.csv",
	};
	enum status st = ledger_import(s, in, &o, res, errors);
	diag_release(&res->warnings);
	fclose(in);
	return st;
}

static char *export(struct store *s, size_t *len)
{
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);
	struct ledger_export_options o = { .personal = true };
	size_t n;
	FUZZ_CHECK(ledger_export(s, out, &o, &n, NULL) == ST_OK);
	fclose(out);
	return buf;
}

/* The export of s imports into an empty database and exports to the same bytes. */
static void inverse(struct store *s, long long n)
{
	size_t len1, len2;
	char *one = export(s, &len1);
	struct store *t = open_store();
	struct ledger_import_result res;
	struct diag errors = DIAG_INIT;
	errors.limit = 20;
	enum status st = import(t, one, len1, false, &res, &errors);
	if (st != ST_OK)
		fprintf(stderr, "re-import of the export refused: %s\n", diag_last(&errors));
	FUZZ_CHECK(st == ST_OK && count(t) == n);
	char *two = export(t, &len2);
	FUZZ_CHECK(len1 == len2 && memcmp(one, two, len1) == 0);
	free(one);
	free(two);
	diag_release(&errors);
	store_close(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct store *s;
	if (size == 0)
		return 0;
	if (!s)
		s = open_store();
	FUZZ_CHECK(count(s) == 0);
	bool dry = size % 5 == 3;
	struct ledger_import_result res;
	struct diag errors = DIAG_INIT;
	errors.limit = 50;
	enum status st = import(s, data, size, dry, &res, &errors);
	/* every problem of a CSV names its row; a workbook (a zip, or an old .xls or a locked
	 * Excel file) may be refused as a whole, with a message about the file */
	bool workbook = (size >= 4 && memcmp(data, "PK\3\4", 4) == 0) ||
			(size >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0);
	for (size_t i = 0; i < errors.n && !workbook; i++)
		FUZZ_CHECK(strncmp(errors.lines[i], "第", strlen("第")) == 0);
	if (st != ST_OK || dry) {
		FUZZ_CHECK(st == ST_OK || diag_count(&errors) > 0);
		FUZZ_CHECK(count(s) == 0);
		FUZZ_CHECK(res.imported == 0);
	} else {
		FUZZ_CHECK(count(s) == (long long)res.imported && res.imported == res.checked);
		struct diag bad = DIAG_INIT;
		if (store_integrity(s, &bad) != ST_OK)
			fprintf(stderr, "the import wrote what the schema refuses: %s\n", diag_last(&bad));
		FUZZ_CHECK(diag_count(&bad) == 0);
		diag_release(&bad);
		if (res.imported)
			inverse(s, (long long)res.imported);
		store_close(&s);   /* the next input starts from an empty database again */
	}
	diag_release(&errors);
	return 0;
}
