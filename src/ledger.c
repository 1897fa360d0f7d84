/*
 * ledger.c — reading and writing the ledger CSV.
 *
 * Reading goes csv.c (records) → encoding.c (UTF-8) → csv_unguard → app_field_set (each
 * column's text form, app.c) → app_check → store_app_insert, all inside one transaction that
 * is rolled back when any row had a problem. Rows keep being checked (and inserted, to find
 * duplicate case numbers) after the first problem, so the clerk sees every problem at once.
 */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "csv.h"
#include "store.h"
#include "strbuf.h"
#include "xmem.h"

#define PROGRESS_EVERY 1000

struct import {
	struct store *s;
	const struct ledger_import_options *o;
	struct ledger_import_result *res;
	struct diag *errors;
	struct csv_reader *reader;
	struct encoding_conv *conv;
	int col_field[CSV_MAX_FIELDS_DEFAULT];  /* app field of each file column */
	char *col_name[CSV_MAX_FIELDS_DEFAULT]; /* the header as the file wrote it */
	size_t ncols;
	struct strbuf text;
	struct app app;
	struct app_problems problems;
};

/* The header as the file names it for a field, else the field's Chinese name. */
static const char *column_name(const struct import *im, enum app_field f)
{
	for (size_t i = 0; i < im->ncols; i++)
		if (im->col_field[i] == (int)f)
			return im->col_name[i];
	return app_field_name(f);
}

/* Converts one field to UTF-8 into im->text; false (reported) when it is not valid text. */
static bool field_text(struct import *im, const struct csv_field *f, size_t row,
		       const char *col)
{
	sb_reset(&im->text);
	if (!encoding_convert(im->conv, f->p, f->len, &im->text)) {
		diag_add(im->errors, "第%zu行: %s: 不是有效的 %s 文本%s", row, col,
			 encoding_name(im->res->encoding),
			 im->o->encoding_given ? "" : "（如是 GBK/GB18030 文件，请加 --encoding gb18030）");
		return false;
	}
	return true;
}

static enum status read_header(struct import *im)
{
	struct csv_record rec;
	enum csv_result r = csv_next(im->reader, &rec);
	if (r == CSV_FAIL) {
		diag_add(im->errors, "%s", csv_reader_error(im->reader));
		return ST_NOINPUT;
	}
	if (r == CSV_END) {
		diag_add(im->errors, "第1行: 文件是空的，没有表头");
		return ST_DATA;
	}
	if (r == CSV_BAD) {
		diag_add(im->errors, "第%zu行: 表头: %s", rec.row, rec.error);
		return ST_DATA;
	}
	bool seen[F_COUNT] = { false };
	size_t before = diag_count(im->errors);
	im->ncols = rec.n;
	for (size_t i = 0; i < rec.n; i++) {
		im->col_field[i] = -1;
		char *where = xasprintf("表头第 %zu 列", i + 1);
		bool ok = field_text(im, &rec.field[i], rec.row, where);
		free(where);
		if (!ok)
			continue;
		im->col_name[i] = xstrdup(sb_str(&im->text));
		int f = app_field_parse(im->col_name[i]);
		if (f < 0)
			diag_add(im->errors, "第%zu行: %s: 未知的列名（第 %zu 列；列名见 ledger-csv 说明，"
				 "可用中文列名或英文别名）", rec.row, im->col_name[i], i + 1);
		else if (seen[f])
			diag_add(im->errors, "第%zu行: %s: 列重复", rec.row, im->col_name[i]);
		else
			seen[f] = true;
		im->col_field[i] = f;
	}
	static const enum app_field required[] = { F_RECEIVED, F_APPLICANT, F_TYPE };
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!seen[required[i]])
			diag_add(im->errors, "第1行: %s: 缺少必需的列", app_field_name(required[i]));
	return diag_count(im->errors) == before ? ST_OK : ST_DATA;
}

static void report_problems(struct import *im, size_t row)
{
	for (size_t i = 0; i < im->problems.n; i++) {
		const struct app_problem *p = &im->problems.v[i];
		if (p->warning)
			diag_add(&im->res->warnings, "第%zu行: %s: %s（提示）", row,
				 column_name(im, p->field), p->msg);
		else
			diag_add(im->errors, "第%zu行: %s: %s", row, column_name(im, p->field), p->msg);
	}
}

/* Reads one data record into im->app; false when it had a problem (reported). */
static bool read_row(struct import *im, const struct csv_record *rec)
{
	app_release(&im->app);
	app_problems_clear(&im->problems);
	if (rec->n != im->ncols) {
		diag_add(im->errors, "第%zu行: 字段数 %zu 与表头的 %zu 列不一致", rec->row, rec->n,
			 im->ncols);
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < rec->n; i++) {
		int f = im->col_field[i];
		if (!field_text(im, &rec->field[i], rec->row, im->col_name[i])) {
			ok = false;
			continue;
		}
		/* the guard is a prefix: what is left still ends at the buffer's NUL */
		const char *v = sb_str(&im->text);
		csv_unguard(&v, im->text.len);
		app_field_set(&im->app, f, v, &im->problems);
	}
	app_fill_defaults(&im->app);
	if (ok && im->problems.errors == 0)
		app_check(&im->app, store_calendar(im->s), im->o->today, &im->problems);
	report_problems(im, rec->row);
	return ok && im->problems.errors == 0;
}

/* Stores the row; ST_OK also when the store refused it for its data (reported, and the
 * import goes on to find every problem), another status when the database failed (a full
 * disk, an I/O error, a damaged file): the import stops there. */
static enum status insert_row(struct import *im, size_t row)
{
	struct diag d = DIAG_INIT;
	enum status st = store_app_insert(im->s, &im->app, &d);
	if (st == ST_OK) {
		im->res->checked++;
	} else {
		for (size_t i = 0; i < d.n; i++)
			diag_add(im->errors, "第%zu行: %s", row, d.lines[i]);
		if (d.n == 0)
			diag_add(im->errors, "第%zu行: 无法保存", row);
	}
	diag_release(&d);
	return st == ST_DATA || st == ST_LOCKED ? ST_OK : st;
}

static enum status read_rows(struct import *im)
{
	struct csv_record rec;
	enum csv_result r;
	while ((r = csv_next(im->reader, &rec)) != CSV_END) {
		if (r == CSV_FAIL) {
			diag_add(im->errors, "%s", csv_reader_error(im->reader));
			return ST_IO;
		}
		if (r == CSV_BAD) {
			const char *col = rec.error_field < im->ncols && im->col_name[rec.error_field]
				? im->col_name[rec.error_field] : "格式";
			diag_add(im->errors, "第%zu行: %s: %s", rec.row, col, rec.error);
			continue;
		}
		if (csv_record_blank(&rec))
			continue;
		im->res->rows++;
		enum status st = read_row(im, &rec) ? insert_row(im, rec.row) : ST_OK;
		if (st != ST_OK)
			return st;
		if (im->o->progress && im->res->rows % PROGRESS_EVERY == 0)
			im->o->progress(im->res->rows, im->o->ctx);
	}
	if (im->o->progress)
		im->o->progress(im->res->rows, im->o->ctx);
	return ST_OK;
}

static void choose_encoding(struct import *im)
{
	if (im->o->encoding_given) {
		im->res->encoding = im->o->encoding;
	} else {
		size_t n;
		bool whole;
		const char *head = csv_head(im->reader, &n, &whole);
		im->res->encoding = encoding_detect(head, n, whole);
	}
	im->conv = encoding_conv_new(im->res->encoding);
}

/* A file Excel saved as "Unicode text" (UTF-16, with its byte-order mark): named as such
 * rather than reported as a header full of NUL bytes. */
static bool is_utf16(struct import *im)
{
	size_t n;
	bool whole;
	const unsigned char *h = (const unsigned char *)csv_head(im->reader, &n, &whole);
	return n >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF));
}

static enum status finish(struct import *im, enum status st)
{
	if (st == ST_OK && diag_count(im->errors))
		st = ST_DATA;
	if (st != ST_OK || im->o->dry_run) {
		store_rollback(im->s);
		return st;
	}
	char *note = xasprintf("%s：%zu 件", im->o->source ? im->o->source : "-",
			       im->res->checked);
	st = store_history_note(im->s, 0, "导入", note, im->errors);
	free(note);
	if (st == ST_OK)
		st = store_commit(im->s, im->errors);
	else
		store_rollback(im->s);
	if (st == ST_OK)
		im->res->imported = im->res->checked;
	return st;
}

enum status ledger_import(struct store *s, FILE *in, const struct ledger_import_options *o,
			  struct ledger_import_result *res, struct diag *errors)
{
	struct import im = { .s = s, .o = o, .res = res, .errors = errors };
	memset(res, 0, sizeof *res);
	app_init(&im.app);
	im.reader = csv_reader_new_file(in, NULL);
	choose_encoding(&im);
	enum status st;
	if (is_utf16(&im)) {
		diag_add(errors, "第1行: 文件是 UTF-16 编码（如 Excel 的“Unicode 文本”），"
			 "请另存为“CSV UTF-8”或“CSV”后再导入");
		st = ST_DATA;
	} else {
		st = read_header(&im);
	}
	if (st == ST_OK)
		st = store_begin(s, errors);
	if (st == ST_OK) {
		st = read_rows(&im);
		st = finish(&im, st);
	}
	for (size_t i = 0; i < im.ncols; i++)
		free(im.col_name[i]);
	app_release(&im.app);
	app_problems_release(&im.problems);
	sb_release(&im.text);
	encoding_conv_free(&im.conv);
	csv_reader_free(&im.reader);
	return st;
}

/* ---- export ---- */

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
