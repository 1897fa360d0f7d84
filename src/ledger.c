/*
 * ledger.c — reading and writing the ledger: CSV, and reading the first sheet of an .xlsx.
 *
 * Reading goes row source (csv.c records, or xlsx.c rows of the first worksheet) → encoding.c
 * (UTF-8) → csv_unguard → app_field_set (each column's text form, app.c) → app_check →
 * store_app_insert, all inside one transaction that is rolled back when any row had a problem.
 * Rows keep being checked (and inserted, to find duplicate case numbers) after the first
 * problem, so the clerk sees every problem at once; the case number of a row with problems is
 * held in the store all the same, so that a duplicate of it is found too. Only the row source
 * knows the file's format: an .xlsx is recognised by the zip signature at its start (or its
 * name).
 *
 * Two threads share the work: one reads, converts and checks rows (pure computation on the
 * file and the calendar), the other — the caller's — writes them to the database, the only
 * one that touches SQLite. They meet in a ring of QUEUE_LEN rows, so memory stays bounded and
 * every problem is still reported in the order of the file's rows.
 */
#include "ledger.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "csv.h"
#include "store.h"
#include "strbuf.h"
#include "xlsx.h"
#include "xmem.h"

#define PROGRESS_EVERY 1000
#define QUEUE_LEN 256
/* A thread waiting on the other is woken once this many slots are ready for it, not for each
 * one: a wake-up costs more than the row it would bring. */
#define QUEUE_WAKE 64
_Static_assert(QUEUE_WAKE >= STORE_BATCH && QUEUE_WAKE + STORE_BATCH <= QUEUE_LEN,
	       "a woken writer finds a whole batch, and a woken reader room for one");

/* One row on its way from the reading thread to the writing one. */
struct slot {
	size_t row;
	bool data;              /* a data row, to be counted */
	bool ok;                /* app passed every check: store it */
	enum status fail;       /* not ST_OK: the source failed here, and this is the last slot */
	struct app app;
	struct app_problems problems;
	struct diag lines;      /* this row's problems, each `第N行: …` */
	struct diag warnings;
};

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t filled, freed;
	struct slot slot[QUEUE_LEN];
	size_t count;           /* slots filled and not yet taken */
	bool done;              /* the reader has published its last slot */
	bool cancel;            /* the writer wants no more */
	bool reader_waits, writer_waits;
};

/* Where the records come from: the CSV reader or an xlsx sheet, behind one call. */
struct row_source {
	enum csv_result (*next)(void *impl, struct csv_record *rec);
	const char *(*error)(const void *impl);
	void *impl;
	enum status fail;     /* what CSV_FAIL means: the file unreadable, or the workbook damaged */
	bool spreadsheet;     /* a row leaves out its empty cells at the end */
};

struct import {
	struct store *s;
	const struct ledger_import_options *o;
	struct ledger_import_result *res;
	struct diag *errors;
	struct row_source src;
	struct csv_reader *reader;
	struct xlsx_reader *xlsx;
	struct encoding_conv *conv;
	int col_field[CSV_MAX_FIELDS_DEFAULT];  /* app field of each file column */
	char *col_name[CSV_MAX_FIELDS_DEFAULT]; /* the header as the file wrote it */
	size_t ncols;
	struct strbuf text;                     /* the reading thread's */
	const struct calendar *cal;             /* read-only while the import runs */
	size_t held;                            /* case numbers of rows not stored, held */
	struct queue q;
};

/* The header as the file names it for a field, else the field's Chinese name. */
static const char *column_name(const struct import *im, enum app_field f)
{
	for (size_t i = 0; i < im->ncols; i++)
		if (im->col_field[i] == (int)f)
			return im->col_name[i];
	return app_field_name(f);
}

/* Converts one field to UTF-8 into im->text; false (reported to out) when it is not text. */
static bool field_text(struct import *im, const struct csv_field *f, size_t row,
		       const char *col, struct diag *out)
{
	sb_reset(&im->text);
	if (!encoding_convert(im->conv, f->p, f->len, &im->text)) {
		diag_add(out, "第%zu行: %s: 不是有效的 %s 文本%s", row, col,
			 encoding_name(im->res->encoding),
			 im->o->encoding_given ? "" : "（如是 GBK/GB18030 文件，请加 --encoding gb18030）");
		return false;
	}
	return true;
}

/* A header that names no column of the ledger. The last such one goes on to say which names
 * there are (the clerk has this message, not the specification). */
static void unknown_column(struct import *im, size_t row, size_t i, bool last)
{
	if (!last) {
		diag_add(im->errors, "第%zu行: %s: 未知的列名（第 %zu 列）", row, im->col_name[i],
			 i + 1);
		return;
	}
	struct strbuf names = STRBUF_INIT;
	app_field_names(&names);
	diag_add(im->errors, "第%zu行: %s: 未知的列名（第 %zu 列）\n"
		 "  可用的列名（中文，或其英文别名，如 %s 可写作 %s）：%s", row, im->col_name[i],
		 i + 1, app_field_name(F_RECEIVED), app_field_alias(F_RECEIVED), sb_str(&names));
	sb_release(&names);
}

static enum status read_header(struct import *im)
{
	struct csv_record rec;
	enum csv_result r = im->src.next(im->src.impl, &rec);
	if (r == CSV_FAIL) {
		diag_add(im->errors, "%s", im->src.error(im->src.impl));
		return im->src.fail == ST_IO ? ST_NOINPUT : im->src.fail;
	}
	if (r == CSV_END) {
		diag_add(im->errors, "第1行: 文件是空的，没有表头");
		return ST_DATA;
	}
	if (r == CSV_BAD) {
		diag_add(im->errors, "第%zu行: 表头: %s", rec.row, rec.error);
		return ST_DATA;
	}
	size_t before = diag_count(im->errors), unknown = 0;
	im->ncols = rec.n;
	for (size_t i = 0; i < rec.n; i++) {
		im->col_field[i] = -1;
		char *where = xasprintf("表头第 %zu 列", i + 1);
		bool ok = field_text(im, &rec.field[i], rec.row, where, im->errors);
		free(where);
		if (!ok)
			continue;
		im->col_name[i] = xstrdup(sb_str(&im->text));
		im->col_field[i] = app_field_parse(im->col_name[i]);
		unknown += im->col_field[i] < 0;
	}
	bool seen[F_COUNT] = { false };
	for (size_t i = 0; i < rec.n; i++) {
		int f = im->col_field[i];
		if (!im->col_name[i])
			continue;
		if (f < 0)
			unknown_column(im, rec.row, i, --unknown == 0);
		else if (seen[f])
			diag_add(im->errors, "第%zu行: %s: 列重复", rec.row, im->col_name[i]);
		else
			seen[f] = true;
	}
	static const enum app_field required[] = { F_RECEIVED, F_APPLICANT, F_TYPE };
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!seen[required[i]])
			diag_add(im->errors, "第%zu行: %s: 缺少必需的列", rec.row,
				 app_field_name(required[i]));
	return diag_count(im->errors) == before ? ST_OK : ST_DATA;
}

static void report_problems(struct import *im, struct slot *sl)
{
	for (size_t i = 0; i < sl->problems.n; i++) {
		const struct app_problem *p = &sl->problems.v[i];
		if (p->warning)
			diag_add(&sl->warnings, "第%zu行: %s: %s（提示）", sl->row,
				 column_name(im, p->field), p->msg);
		else
			diag_add(&sl->lines, "第%zu行: %s: %s", sl->row, column_name(im, p->field),
				 p->msg);
	}
}

/* Whether the record has as many fields as the header (a spreadsheet row may have fewer, the
 * empty cells at its end left out); reported when not. */
static bool row_width_ok(struct import *im, const struct csv_record *rec, struct diag *out)
{
	if (rec->n == im->ncols || (im->src.spreadsheet && rec->n < im->ncols))
		return true;
	if (im->src.spreadsheet)
		diag_add(out, "第%zu行: 第 %zu 列: 表头没有这一列，单元格却有内容", rec->row, rec->n);
	else
		diag_add(out, "第%zu行: 字段数 %zu 与表头的 %zu 列不一致", rec->row, rec->n,
			 im->ncols);
	return false;
}

/* Reads one data record into the slot's application and checks it (the reading thread). */
static void read_row(struct import *im, const struct csv_record *rec, struct slot *sl)
{
	static const struct csv_field empty = { "", 0 };
	sl->data = true;
	if (!row_width_ok(im, rec, &sl->lines))
		return;
	bool ok = true;
	for (size_t i = 0; i < im->ncols; i++) {
		int f = im->col_field[i];
		const struct csv_field *field = i < rec->n ? &rec->field[i] : &empty;
		if (!field_text(im, field, rec->row, im->col_name[i], &sl->lines)) {
			ok = false;
			continue;
		}
		/* the guard is a prefix: what is left still ends at the buffer's NUL */
		const char *v = sb_str(&im->text);
		csv_unguard(&v, im->text.len);
		app_field_set(&sl->app, f, v, &sl->problems);
	}
	app_fill_defaults(&sl->app);
	/* the clock computed here, off the writing thread's path, with the checks' own run; the
	 * checks run also when a value could not be read, so every problem of the row is said
	 * at once (but not again for the value that was unreadable) */
	size_t read = sl->problems.n;
	if (ok) {
		app_check_and_clock(&sl->app, im->cal, im->o->today, &sl->problems);
		app_problems_drop_echoes(&sl->problems, read);
	}
	report_problems(im, sl);
	sl->ok = ok && sl->problems.errors == 0;
}

static void slot_reset(struct slot *sl)
{
	app_release(&sl->app);
	app_problems_clear(&sl->problems);
	diag_clear(&sl->lines);
	diag_clear(&sl->warnings);
	sl->row = 0;
	sl->data = sl->ok = false;
	sl->fail = ST_OK;
}

/* Fills a slot from the next record; false at the end of the input (nothing to publish). A
 * blank record fills nothing: the caller reads on into the same slot. */
static bool read_one(struct import *im, struct slot *sl, bool *blank)
{
	struct csv_record rec;
	enum csv_result r = im->src.next(im->src.impl, &rec);
	*blank = false;
	slot_reset(sl);
	if (r == CSV_END)
		return false;
	if (r == CSV_FAIL) {
		diag_add(&sl->lines, "%s", im->src.error(im->src.impl));
		sl->fail = im->src.fail;
		return true;
	}
	sl->row = rec.row;
	if (r == CSV_BAD) {
		const char *col = rec.error_field < im->ncols && im->col_name[rec.error_field]
			? im->col_name[rec.error_field] : "格式";
		diag_add(&sl->lines, "第%zu行: %s: %s", rec.row, col, rec.error);
	} else if (csv_record_blank(&rec)) {
		*blank = true;
	} else {
		read_row(im, &rec, sl);
	}
	return true;
}

static void *read_thread(void *arg)
{
	struct import *im = arg;
	struct queue *q = &im->q;
	size_t tail = 0;
	for (;;) {
		pthread_mutex_lock(&q->mu);
		while (q->count == QUEUE_LEN && !q->cancel) {
			q->reader_waits = true;
			pthread_cond_wait(&q->freed, &q->mu);
		}
		q->reader_waits = false;
		bool cancel = q->cancel;
		pthread_mutex_unlock(&q->mu);
		if (cancel)
			break;
		struct slot *sl = &q->slot[tail];
		bool blank, more;
		while ((more = read_one(im, sl, &blank)) && blank)
			;
		if (!more)
			break;
		tail = (tail + 1) % QUEUE_LEN;
		pthread_mutex_lock(&q->mu);
		q->count++;
		if (q->writer_waits && (q->count >= QUEUE_WAKE || sl->fail != ST_OK))
			pthread_cond_signal(&q->filled);
		pthread_mutex_unlock(&q->mu);
		if (sl->fail != ST_OK)
			break;
	}
	pthread_mutex_lock(&q->mu);
	q->done = true;
	pthread_cond_signal(&q->filled);
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* Stores a checked row (the writing thread). A failure other than bad data (disk full, a
 * lock held too long) ends the import. */
/* Stores the checked rows of a batch (the writing thread): one statement for a full batch.
 * A failure other than bad data (disk full, a lock held too long) ends the import. */
static enum status insert_rows(struct import *im, struct slot **rows, size_t n)
{
	struct app *apps[STORE_BATCH];
	enum status each[STORE_BATCH];
	struct diag d[STORE_BATCH];
	for (size_t i = 0; i < n; i++) {
		apps[i] = &rows[i]->app;
		d[i] = (struct diag)DIAG_INIT;
	}
	enum status st = store_app_insert_many(im->s, apps, n, each, d);
	for (size_t i = 0; i < n; i++) {
		if (each[i] == ST_OK && st == ST_OK)
			im->res->checked++;
		for (size_t k = 0; k < d[i].n; k++)
			diag_add(im->errors, "第%zu行: %s", rows[i]->row, d[i].lines[k]);
		if (each[i] != ST_OK && d[i].n == 0)
			diag_add(im->errors, "第%zu行: 无法保存", rows[i]->row);
		diag_release(&d[i]);
	}
	return st;
}

/* What the writing thread does with one slot before storing it; returns a status that ends
 * the import. *store says whether the row is to be stored. */
static enum status take(struct import *im, struct slot *sl, bool *store)
{
	*store = false;
	for (size_t i = 0; i < sl->lines.n; i++)
		diag_add(im->errors, "%s", sl->lines.lines[i]);
	for (size_t i = 0; i < sl->warnings.n; i++)
		diag_add(&im->res->warnings, "%s", sl->warnings.lines[i]);
	if (sl->fail != ST_OK)
		return sl->fail;
	if (!sl->data)
		return ST_OK;
	im->res->rows++;
	if (im->o->progress && im->res->rows % PROGRESS_EVERY == 0)
		im->o->progress(im->res->rows, im->o->ctx);
	*store = sl->ok;
	return ST_OK;
}

/* Waits for filled slots; returns how many (at most max) may be taken now, 0 at the end. */
static size_t wait_filled(struct queue *q, size_t max)
{
	pthread_mutex_lock(&q->mu);
	while (q->count < max && !q->done) {
		q->writer_waits = true;
		pthread_cond_wait(&q->filled, &q->mu);
	}
	q->writer_waits = false;
	size_t n = q->count < max ? q->count : max;
	pthread_mutex_unlock(&q->mu);
	return n;
}

/* The case number the file gave a data row, or NULL: none (the program will assign one), or
 * one that is itself a problem (too long, not text), which holds no number. */
static const char *given_case(const struct slot *sl)
{
	const char *c = sl->app.case_no;
	if (!sl->data || !c || !*c)
		return NULL;
	return sl->ok || app_case_no_valid(c) ? c : NULL;
}

/*
 * A row with problems is not stored, but its case number counts as taken all the same: it is
 * held, and said to be a duplicate when an application or an earlier row has it already.
 */
static enum status hold_case(struct import *im, const struct slot *sl)
{
	size_t by;
	enum status st = store_case_hold(im->s, given_case(sl), sl->row, &by, im->errors);
	if (st == ST_OK && by == STORE_CASE_STORED)
		diag_add(im->errors, "第%zu行: %s: %s 已存在", sl->row, column_name(im, F_CASE_NO),
			 sl->app.case_no);
	else if (st == ST_OK && by)
		diag_add(im->errors, "第%zu行: %s: %s 与第%zu行重复", sl->row,
			 column_name(im, F_CASE_NO), sl->app.case_no, by);
	im->held++;
	return st;
}

/* Whether a good row's case number is held by an earlier row with problems (then it is not
 * stored: *store becomes false, and the duplicate is said). */
static enum status check_held(struct import *im, const struct slot *sl, bool *store)
{
	size_t by = 0;
	enum status st = given_case(sl) ? store_case_held(im->s, given_case(sl), &by, im->errors)
		: ST_OK;
	if (st == ST_OK && by) {
		diag_add(im->errors, "第%zu行: %s: %s 与第%zu行重复", sl->row,
			 column_name(im, F_CASE_NO), sl->app.case_no, by);
		*store = false;
	}
	return st;
}

/* Takes n slots from head on, stores the good ones together, and hands the slots back. */
static enum status take_batch(struct import *im, size_t head, size_t n, enum status st)
{
	struct queue *q = &im->q;
	struct slot *rows[STORE_BATCH];
	size_t nrows = 0;
	for (size_t i = 0; i < n && st == ST_OK; i++) {
		struct slot *sl = &q->slot[(head + i) % QUEUE_LEN];
		bool held = !sl->ok && given_case(sl);
		/* the rows before it go in first, so a duplicate is said of the later row */
		if (held && nrows) {
			st = insert_rows(im, rows, nrows);
			nrows = 0;
			if (st != ST_OK)
				break;
		}
		bool store;
		st = take(im, sl, &store);
		if (st == ST_OK && held)
			st = hold_case(im, sl);
		else if (st == ST_OK && store && im->held)
			st = check_held(im, sl, &store);
		if (store)
			rows[nrows++] = sl;
	}
	if (st == ST_OK && nrows)
		st = insert_rows(im, rows, nrows);
	pthread_mutex_lock(&q->mu);
	if (st != ST_OK)
		q->cancel = true;   /* the reader stops; what it already read is passed over */
	q->count -= n;
	if (q->reader_waits && (q->count <= QUEUE_LEN - QUEUE_WAKE || q->cancel))
		pthread_cond_signal(&q->freed);
	pthread_mutex_unlock(&q->mu);
	return st;
}

static enum status read_rows(struct import *im)
{
	pthread_t reader;
	if (pthread_create(&reader, NULL, read_thread, im) != 0) {
		diag_add(im->errors, "无法启动读取线程");
		return ST_IO;
	}
	enum status st = ST_OK;
	size_t head = 0, n;
	while ((n = wait_filled(&im->q, STORE_BATCH)) > 0) {
		st = take_batch(im, head, n, st);
		head = (head + n) % QUEUE_LEN;
	}
	pthread_join(reader, NULL);
	if (im->o->progress)
		im->o->progress(im->res->rows, im->o->ctx);
	return st;
}

static void queue_init(struct queue *q)
{
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->filled, NULL);
	pthread_cond_init(&q->freed, NULL);
	for (size_t i = 0; i < QUEUE_LEN; i++)
		app_init(&q->slot[i].app);
}

static void queue_release(struct queue *q)
{
	for (size_t i = 0; i < QUEUE_LEN; i++) {
		app_release(&q->slot[i].app);
		app_problems_release(&q->slot[i].problems);
		diag_release(&q->slot[i].lines);
		diag_release(&q->slot[i].warnings);
	}
	pthread_cond_destroy(&q->freed);
	pthread_cond_destroy(&q->filled);
	pthread_mutex_destroy(&q->mu);
}

static void choose_encoding(struct import *im, const char *head, size_t n, bool whole)
{
	if (im->o->encoding_given)
		im->res->encoding = im->o->encoding;
	else
		im->res->encoding = encoding_detect(head, n, whole);
	im->conv = encoding_conv_new(im->res->encoding);
}

static enum csv_result csv_source_next(void *impl, struct csv_record *rec)
{
	return csv_next(impl, rec);
}

static const char *csv_source_error(const void *impl)
{
	return csv_reader_error(impl);
}

static enum csv_result xlsx_source_next(void *impl, struct csv_record *rec)
{
	return xlsx_next(impl, rec);
}

static const char *xlsx_source_error(const void *impl)
{
	return xlsx_error(impl);
}

static bool has_prefix(const char *head, size_t n, const char *sig)
{
	return n >= strlen(sig) && memcmp(head, sig, strlen(sig)) == 0;
}

static bool named_xlsx(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	return n > 5 && (strcasecmp(name + n - 5, ".xlsx") == 0 ||
			 strcasecmp(name + n - 5, ".xlsm") == 0);
}

/*
 * Opens the workbook in `in`: through its file descriptor when it can seek (libzip reads the
 * central directory at the end), else from its bytes — the head the CSV reader already took,
 * then the rest — gathered in memory (a pipe).
 */
static enum status open_xlsx(struct import *im, FILE *in, const char *head, size_t n,
			     bool whole)
{
	int fd = fileno(in);
	if (fd >= 0 && lseek(fd, 0, SEEK_CUR) >= 0)
		return xlsx_open_fd(fd, &im->xlsx, im->errors);
	struct strbuf all = STRBUF_INIT;
	sb_add(&all, head, n);
	char buf[65536];
	for (size_t got; !whole && (got = fread(buf, 1, sizeof buf, in)) > 0;)
		sb_add(&all, buf, got);
	if (ferror(in)) {
		diag_add(im->errors, "读取 xlsx 文件失败");
		sb_release(&all);
		return ST_NOINPUT;
	}
	size_t len = all.len;
	return xlsx_open_mem(sb_detach(&all), len, &im->xlsx, im->errors);
}

/* Chooses the row source by the file's first bytes (or its name) and opens it. */
static enum status open_source(struct import *im, FILE *in)
{
	size_t n;
	bool whole;
	im->reader = csv_reader_new_file(in, NULL);
	const char *head = csv_head(im->reader, &n, &whole);
	if (has_prefix(head, n, "\xFF\xFE") || has_prefix(head, n, "\xFE\xFF")) {
		/* Excel's "Unicode text": named as such rather than as a header full of NUL bytes */
		diag_add(im->errors, "第1行: 文件是 UTF-16 编码（如 Excel 的“Unicode 文本”），"
			 "请另存为“CSV UTF-8”或“CSV”后再导入");
		return ST_DATA;
	}
	if (has_prefix(head, n, XLSX_OLE_SIGNATURE)) {
		diag_add(im->errors, "这是旧版 .xls 文件或设了打开密码的 Excel 文件，无法读取：请在 Excel "
			 "或 WPS 中另存为 .xlsx（不设密码）或 CSV 后再导入");
		return ST_DATA;
	}
	if (!has_prefix(head, n, XLSX_SIGNATURE) && !named_xlsx(im->o->source)) {
		choose_encoding(im, head, n, whole);
		im->src = (struct row_source){ csv_source_next, csv_source_error, im->reader,
					       ST_IO, false };
		return ST_OK;
	}
	im->res->encoding = ENC_UTF8;   /* the XML of a workbook is read as UTF-8 */
	im->conv = encoding_conv_new(ENC_UTF8);
	enum status st = open_xlsx(im, in, head, n, whole);
	csv_reader_free(&im->reader);
	im->src = (struct row_source){ xlsx_source_next, xlsx_source_error, im->xlsx, ST_DATA,
				       true };
	return st;
}

static enum status finish(struct import *im, enum status st)
{
	if (st == ST_OK && diag_count(im->errors))
		st = ST_DATA;
	if (st != ST_OK || im->o->dry_run) {
		store_rollback(im->s);
		return st;
	}
	char *note = xasprintf("%s，共 %zu 件", im->o->source ? im->o->source : "-",
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

/* About how many rows a file holds, from its size (a ledger row is 100 to 300 bytes); 0 for a
 * pipe. It only decides how the rows go into the database. */
static long long expected_rows(FILE *in)
{
	struct stat sb;
	if (fstat(fileno(in), &sb) != 0 || !S_ISREG(sb.st_mode))
		return 0;
	return (long long)sb.st_size / 200;
}

enum status ledger_import(struct store *s, FILE *in, const struct ledger_import_options *o,
			  struct ledger_import_result *res, struct diag *errors)
{
	struct import *im = xcalloc(1, sizeof *im);   /* the queue is too big for the stack */
	*im = (struct import){ .s = s, .o = o, .res = res, .errors = errors };
	memset(res, 0, sizeof *res);
	queue_init(&im->q);
	enum status st = open_source(im, in);
	if (st == ST_OK)
		st = read_header(im);
	bool bulk = false;
	if (st == ST_OK)
		st = store_import_begin(s, expected_rows(in), &bulk, errors);
	if (st == ST_OK) {
		im->cal = store_calendar(s);
		st = read_rows(im);
		/* a dry run is rolled back, which brings the indexes back without building them */
		if (st == ST_OK && bulk && !o->dry_run && !diag_count(errors))
			st = store_bulk_end(s, errors);
		st = finish(im, st);
		store_import_end(s);
	}
	for (size_t i = 0; i < im->ncols; i++)
		free(im->col_name[i]);
	queue_release(&im->q);
	sb_release(&im->text);
	encoding_conv_free(&im->conv);
	csv_reader_free(&im->reader);
	xlsx_free(&im->xlsx);
	free(im);
	return st;
}

