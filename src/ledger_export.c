/*
 * ledger_export.c — writing the ledger CSV: UTF-8 with a byte-order mark, Chinese headers and
 * labels, dates as YYYY-MM-DD, every text cell through the formula guard, one application per
 * line in the order they were entered (an imported ledger keeps its order), streamed (memory
 * does not grow with the file). Personal data (证件号码, 联系方式) only when asked for; with it,
 * ledger_import reads the file back exactly.
 */
#include "ledger.h"

#include <string.h>

#include "app.h"
#include "csv.h"
#include "store.h"
#include "strbuf.h"

#define PROGRESS_EVERY 1000

struct export {
	FILE *out;
	const struct ledger_export_options *o;
	struct strbuf line, value;
	size_t count;
};

static int export_one(const struct app *a, void *ctx)
{
	struct export *ex = ctx;
	struct csv_writer w;
	sb_reset(&ex->line);
	csv_writer_init(&w, &ex->line);
	for (int f = 0; f < F_COUNT; f++) {
		if (app_field_is_personal(f) && !ex->o->personal)
			continue;
		sb_reset(&ex->value);
		app_field_get(a, f, &ex->value);
		csv_write_text(&w, sb_str(&ex->value), ex->value.len);
	}
	csv_end_record(&w);
	if (fwrite(ex->line.buf, 1, ex->line.len, ex->out) != ex->line.len)
		return 1;
	ex->count++;
	if (ex->o->progress && ex->count % PROGRESS_EVERY == 0)
		ex->o->progress(ex->count, ex->o->ctx);
	return 0;
}

enum status ledger_export(struct store *s, FILE *out, const struct ledger_export_options *o,
			  size_t *count, struct diag *d)
{
	struct export ex = { .out = out, .o = o };
	struct csv_writer w;
	sb_adds(&ex.line, CSV_BOM);
	csv_writer_init(&w, &ex.line);
	for (int f = 0; f < F_COUNT; f++)
		if (!app_field_is_personal(f) || o->personal)
			csv_write_field(&w, app_field_name(f), strlen(app_field_name(f)));
	csv_end_record(&w);
	int stopped = 0;
	enum status st = ST_OK;
	if (fwrite(ex.line.buf, 1, ex.line.len, out) != ex.line.len)
		stopped = 1;
	else
		st = store_app_foreach(s, o->year ? SCOPE_LEDGER_YEAR : SCOPE_ALL, o->year,
				       export_one, &ex, &stopped, d);
	if (st == ST_OK && (stopped || fflush(out) != 0 || ferror(out))) {
		diag_add(d, "写入台账失败（磁盘可能已满）");
		st = ST_IO;
	}
	if (o->progress)
		o->progress(ex.count, o->ctx);
	*count = ex.count;
	sb_release(&ex.line);
	sb_release(&ex.value);
	return st;
}
