/*
 * csv.c — reading and writing the ledger's CSV, byte by byte.
 *
 * The reader is a small state machine fed one byte at a time (runs of ordinary bytes are taken
 * in bulk), so a record may be split anywhere across refills of the input buffer. It copies the
 * fields of the current record into one buffer, each followed by a NUL, and hands out pointers
 * into it. Problems are kept per record (the first one wins, except an unclosed quote, which
 * explains everything after it); the state machine always reaches the end of the record, which
 * is where reading resumes.
 *
 * The writer quotes only when RFC 4180 requires it and applies the formula guard to text cells
 * (see csv.h); the import removes the guard with csv_unguard.
 */
#include "csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "syserr.h"
#include "xmem.h"

enum cstate {
	CS_RECORD,  /* before a record: a line end here is an empty line */
	CS_FIELD,   /* at the start of a field */
	CS_PLAIN,   /* inside an unquoted field */
	CS_QUOTED,  /* inside a quoted field */
	CS_QUOTE,   /* after a quote inside a quoted field: its end, or the first half of "" */
};

enum step {
	STEP_MORE,    /* feed the next byte */
	STEP_RECORD,  /* a record is complete */
	STEP_END,     /* the input ended between records */
};

struct csv_reader {
	FILE *fp;          /* NULL for a memory reader */
	const char *src;   /* the buffered input: buf, or the caller's memory */
	char *buf;
	size_t bufsize;
	size_t pos, end;   /* unread bytes are src[pos..end) */
	bool eof;          /* nothing beyond src[end] */
	bool failed;       /* a read failed; the next csv_next says so */
	bool done;         /* CSV_END from now on (after the end, or after a failed read) */
	bool bom_checked;
	bool had_bom;
	bool skip_lf;      /* the last line ended with CR: an LF right after it belongs to it */
	enum cstate state;
	size_t row;        /* spreadsheet row of the next line */
	struct csv_options opt;
	struct strbuf fail;

	/* the record being read */
	size_t rec_row;
	struct strbuf data;    /* the fields' bytes, each followed by a NUL */
	size_t field_start;    /* offset of the current field in data */
	bool field_long;       /* the current field passed max_field; its bytes are dropped */
	struct csv_field *field;
	size_t nfield, capfield;
	struct strbuf err;     /* the record's problem; empty when none */
	size_t err_field;
};

static struct csv_reader *reader_new(const struct csv_options *opt)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);
	if (opt)
		r->opt = *opt;
	if (!r->opt.max_field)
		r->opt.max_field = CSV_MAX_FIELD_DEFAULT;
	if (!r->opt.max_fields)
		r->opt.max_fields = CSV_MAX_FIELDS_DEFAULT;
	if (!r->opt.bufsize)
		r->opt.bufsize = CSV_BUFSIZE_DEFAULT;
	if (r->opt.bufsize < CSV_BUFSIZE_MIN)
		r->opt.bufsize = CSV_BUFSIZE_MIN;
	r->row = 1;
	r->state = CS_RECORD;
	return r;
}

struct csv_reader *csv_reader_new_file(FILE *fp, const struct csv_options *opt)
{
	struct csv_reader *r = reader_new(opt);
	r->fp = fp;
	r->bufsize = r->opt.bufsize;
	r->buf = xmalloc(r->bufsize);
	r->src = r->buf;
	return r;
}

struct csv_reader *csv_reader_new_mem(const char *data, size_t len, const struct csv_options *opt)
{
	struct csv_reader *r = reader_new(opt);
	r->src = data ? data : "";
	r->end = data ? len : 0;
	r->eof = true;
	return r;
}

void csv_reader_free(struct csv_reader **r)
{
	if (!*r)
		return;
	free((*r)->buf);
	free((*r)->field);
	sb_release(&(*r)->data);
	sb_release(&(*r)->err);
	sb_release(&(*r)->fail);
	free(*r);
	*r = NULL;
}

/* Reads until at least `want` unread bytes are buffered (want <= bufsize) or the input ends.
 * Returns whether there are that many. */
static bool fill(struct csv_reader *r, size_t want)
{
	if (r->end - r->pos >= want)
		return true;
	if (r->eof || r->failed)
		return false;
	memmove(r->buf, r->buf + r->pos, r->end - r->pos);
	r->end -= r->pos;
	r->pos = 0;
	while (r->end < want && !r->eof) {
		size_t k = fread(r->buf + r->end, 1, r->bufsize - r->end, r->fp);
		r->end += k;
		if (k == 0 && ferror(r->fp)) {
			int e = errno;
			r->failed = true;
			sb_addf(&r->fail, "读取文件时出错: %s", syserr_reason(e).text);
			return false;
		}
		if (k == 0)
			r->eof = true;
	}
	return r->end - r->pos >= want;
}

static void check_bom(struct csv_reader *r)
{
	if (r->bom_checked)
		return;
	r->bom_checked = true;
	fill(r, 3);
	if (r->end - r->pos >= 3 && memcmp(r->src + r->pos, CSV_BOM, 3) == 0) {
		r->pos += 3;
		r->had_bom = true;
	}
}

const char *csv_head(struct csv_reader *r, size_t *n, bool *whole)
{
	if (r->fp)
		fill(r, r->bufsize);
	const char *p = r->src + r->pos;
	*n = r->end - r->pos;
	*whole = r->eof;
	check_bom(r);
	return p;
}

bool csv_had_bom(const struct csv_reader *r)
{
	return r->had_bom;
}

const char *csv_reader_error(const struct csv_reader *r)
{
	return r->failed ? sb_str(&r->fail) : NULL;
}

size_t csv_reader_footprint(const struct csv_reader *r)
{
	return sizeof *r + r->bufsize + r->data.cap + r->capfield * sizeof *r->field
		+ r->err.cap + r->fail.cap;
}

/* Notes a problem of the current record; only the first one is kept. */
static void bad(struct csv_reader *r, const char *msg)
{
	if (r->err.len)
		return;
	sb_adds(&r->err, msg);
	r->err_field = r->nfield;
}

static void add_bytes(struct csv_reader *r, const char *p, size_t n)
{
	if (r->field_long || !n)
		return;
	if (n > r->opt.max_field - (r->data.len - r->field_start)) {
		r->field_long = true;
		r->data.len = r->field_start;
		if (!r->err.len) {
			sb_addf(&r->err, "字段超过 %zu 字节", r->opt.max_field);
			r->err_field = r->nfield;
		}
		return;
	}
	sb_add(&r->data, p, n);
}

static void add_byte(struct csv_reader *r, int c)
{
	char ch = (char)c;

	if (c == '\0')
		bad(r, "含有空字符（NUL）");
	else
		add_bytes(r, &ch, 1);
}

static void end_field(struct csv_reader *r)
{
	if (r->nfield >= r->opt.max_fields) {
		if (!r->err.len) {
			sb_addf(&r->err, "字段超过 %zu 个", r->opt.max_fields);
			r->err_field = r->nfield;
		}
		r->data.len = r->field_start;
	} else {
		r->field = xgrow(r->field, &r->capfield, r->nfield + 1, sizeof *r->field);
		r->field[r->nfield++].len = r->data.len - r->field_start;
		sb_addc(&r->data, '\0');
	}
	r->field_start = r->data.len;
	r->field_long = false;
}

/* Ends the record at the line end (or EOF) c. */
static enum step end_record(struct csv_reader *r, int c)
{
	end_field(r);
	r->row++;
	r->skip_lf = c == '\r';
	r->state = CS_RECORD;
	return STEP_RECORD;
}

static bool is_line_end(int c)
{
	return c == '\r' || c == '\n' || c == EOF;
}

static enum step step_plain(struct csv_reader *r, int c)
{
	if (c == ',') {
		end_field(r);
		r->state = CS_FIELD;
	} else if (is_line_end(c)) {
		return end_record(r, c);
	} else {
		if (c == '"')
			bad(r, "未加引号的字段中含有引号");
		add_byte(r, c);
	}
	return STEP_MORE;
}

static enum step step_field(struct csv_reader *r, int c)
{
	if (c == '"') {
		r->state = CS_QUOTED;
		return STEP_MORE;
	}
	r->state = CS_PLAIN;
	return step_plain(r, c);
}

static enum step step_record(struct csv_reader *r, int c)
{
	if (r->skip_lf) {
		r->skip_lf = false;
		if (c == '\n')
			return STEP_MORE;
	}
	if (c == EOF) {
		r->done = true;
		return STEP_END;
	}
	if (c == '\r' || c == '\n') {
		/* an empty line: no record, but a row of the spreadsheet */
		r->row++;
		r->skip_lf = c == '\r';
		return STEP_MORE;
	}
	r->rec_row = r->row;
	sb_reset(&r->data);
	sb_reset(&r->err);
	r->field_start = 0;
	r->field_long = false;
	r->nfield = 0;
	r->state = CS_FIELD;
	return step_field(r, c);
}

static enum step step_quoted(struct csv_reader *r, int c)
{
	if (c == '"') {
		r->state = CS_QUOTE;
	} else if (c == EOF) {
		/* the quote swallowed the rest of the file: that is the problem to show */
		sb_reset(&r->err);
		sb_adds(&r->err, "引号未闭合");
		r->err_field = r->nfield;
		return end_record(r, c);
	} else {
		add_byte(r, c);
	}
	return STEP_MORE;
}

static enum step step_quote(struct csv_reader *r, int c)
{
	if (c == '"') {
		add_byte(r, c);
		r->state = CS_QUOTED;
	} else if (c == ',') {
		end_field(r);
		r->state = CS_FIELD;
	} else if (is_line_end(c)) {
		return end_record(r, c);
	} else {
		bad(r, "结束引号后还有其他字符");
		r->state = CS_PLAIN;
		add_byte(r, c);
	}
	return STEP_MORE;
}

static enum step step(struct csv_reader *r, int c)
{
	switch (r->state) {
	case CS_RECORD:
		return step_record(r, c);
	case CS_FIELD:
		return step_field(r, c);
	case CS_PLAIN:
		return step_plain(r, c);
	case CS_QUOTED:
		return step_quoted(r, c);
	case CS_QUOTE:
		return step_quote(r, c);
	}
	return STEP_MORE;
}

static bool plain_special(char c)
{
	return c == ',' || c == '"' || c == '\r' || c == '\n' || c == '\0';
}

/* Inside a field, takes the buffered run of bytes that need no decision in one go. */
static void take_run(struct csv_reader *r)
{
	const char *p = r->src + r->pos, *e = r->src + r->end, *q = p;

	if (r->state == CS_PLAIN) {
		while (q < e && !plain_special(*q))
			q++;
	} else {
		while (q < e && *q != '"' && *q != '\0')
			q++;
	}
	add_bytes(r, p, (size_t)(q - p));
	r->pos += (size_t)(q - p);
}

static int next_byte(struct csv_reader *r)
{
	if (r->pos == r->end && !fill(r, 1))
		return EOF;
	return (unsigned char)r->src[r->pos++];
}

static void give_record(struct csv_reader *r, struct csv_record *rec)
{
	size_t off = 0;

	for (size_t i = 0; i < r->nfield; i++) {
		r->field[i].p = r->data.buf + off;
		off += r->field[i].len + 1;
	}
	rec->field = r->field;
	rec->n = r->nfield;
	rec->row = r->rec_row;
	rec->error = r->err.len ? r->err.buf : NULL;
	rec->error_field = r->err.len ? r->err_field : 0;
}

enum csv_result csv_next(struct csv_reader *r, struct csv_record *rec)
{
	memset(rec, 0, sizeof *rec);
	if (r->done)
		return CSV_END;
	check_bom(r);
	for (;;) {
		if (r->state == CS_PLAIN || r->state == CS_QUOTED)
			take_run(r);
		int c = next_byte(r);
		if (c == EOF && r->failed) {
			r->done = true;
			return CSV_FAIL;
		}
		enum step s = step(r, c);
		if (s == STEP_END)
			return CSV_END;
		if (s == STEP_RECORD)
			break;
	}
	give_record(r, rec);
	return rec->error ? CSV_BAD : CSV_RECORD;
}

bool csv_record_blank(const struct csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		if (rec->field[i].len)
			return false;
	return true;
}

/* ---- writing ---- */

static bool is_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool csv_needs_guard(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && s[k] == '\'')
		k++;
	return k < n && is_formula_start(s[k]);
}

void csv_guard(struct strbuf *sb, const char *s, size_t n)
{
	if (csv_needs_guard(s, n))
		sb_addc(sb, '\'');
	sb_add(sb, s, n);
}

size_t csv_unguard(const char **s, size_t n)
{
	if (n > 0 && (*s)[0] == '\'' && csv_needs_guard(*s + 1, n - 1)) {
		(*s)++;
		return n - 1;
	}
	return n;
}

static bool needs_quotes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return true;
	return false;
}

/* Appends one field: `guard` puts a ' in front, inside the quotes if there are any. */
static void put_field(struct strbuf *sb, bool guard, const char *s, size_t n)
{
	bool quote = needs_quotes(s, n);

	if (quote)
		sb_addc(sb, '"');
	if (guard)
		sb_addc(sb, '\'');
	if (!quote) {
		sb_add(sb, s, n);
		return;
	}
	const char *e = s + n;
	while (s < e) {
		const char *q = memchr(s, '"', (size_t)(e - s));
		size_t k = q ? (size_t)(q - s) + 1 : (size_t)(e - s);
		sb_add(sb, s, k);
		if (q)
			sb_addc(sb, '"');
		s += k;
	}
	sb_addc(sb, '"');
}

void csv_quote(struct strbuf *sb, const char *s, size_t n)
{
	put_field(sb, false, s, n);
}

void csv_writer_init(struct csv_writer *w, struct strbuf *out)
{
	w->out = out;
	w->nfields = 0;
	w->rec_start = out->len;
}

static void begin_field(struct csv_writer *w)
{
	if (w->nfields == 0)
		w->rec_start = w->out->len;
	else
		sb_addc(w->out, ',');
	w->nfields++;
}

void csv_write_field(struct csv_writer *w, const char *s, size_t n)
{
	begin_field(w);
	if (s)
		put_field(w->out, false, s, n);
}

void csv_write_text(struct csv_writer *w, const char *s, size_t n)
{
	begin_field(w);
	if (s)
		put_field(w->out, csv_needs_guard(s, n), s, n);
}

void csv_end_record(struct csv_writer *w)
{
	if (w->nfields == 1 && w->out->len == w->rec_start)
		sb_adds(w->out, "\"\"");
	sb_adds(w->out, "\r\n");
	w->nfields = 0;
}
