/*
 * fuzz_csv.c — the CSV reader over arbitrary bytes, with small buffers and limits.
 *
 * The first byte chooses the reader's buffer size (4–35 bytes, so records split across refills
 * everywhere) and whether the field and field-count limits are small; the rest is the CSV.
 * Properties:
 * - a reader over a FILE with that tiny buffer returns exactly what a reader over the whole
 *   input in memory returns, record for record (result, row, fields, problem);
 * - every field is NUL-terminated, holds no NUL, and keeps within the limits; records are at
 *   least one field; rows only go forward; memory stays bounded by the input, not beyond;
 * - a good record written back with the writer reads back identically;
 * - the formula guard is undone exactly by csv_unguard.
 */
#include <string.h>

#include "csv.h"
#include "fuzz.h"
#include "strbuf.h"

static void check_record(const struct csv_record *rec, const struct csv_options *o, size_t *row)
{
	FUZZ_CHECK(rec->n >= 1 && rec->n <= o->max_fields);
	FUZZ_CHECK(rec->row > *row);
	*row = rec->row;
	for (size_t i = 0; i < rec->n; i++) {
		const struct csv_field *f = &rec->field[i];
		FUZZ_CHECK(f->p[f->len] == '\0');
		FUZZ_CHECK(memchr(f->p, '\0', f->len) == NULL);
		FUZZ_CHECK(f->len <= o->max_field);
	}
}

static void same_record(const struct csv_record *a, const struct csv_record *b)
{
	FUZZ_CHECK(a->n == b->n && a->row == b->row);
	FUZZ_CHECK((a->error == NULL) == (b->error == NULL));
	FUZZ_CHECK(!a->error || (strcmp(a->error, b->error) == 0 && a->error_field == b->error_field));
	for (size_t i = 0; i < a->n; i++)
		FUZZ_CHECK(a->field[i].len == b->field[i].len &&
			   memcmp(a->field[i].p, b->field[i].p, a->field[i].len) == 0);
}

/* Writes rec with the writer (after a BOM, as the export does) and reads it back. */
static void round_trip(const struct csv_record *rec)
{
	struct strbuf out = STRBUF_INIT;
	sb_adds(&out, CSV_BOM);
	struct csv_writer w;
	csv_writer_init(&w, &out);
	for (size_t i = 0; i < rec->n; i++)
		csv_write_field(&w, rec->field[i].p, rec->field[i].len);
	csv_end_record(&w);
	struct csv_reader *r = csv_reader_new_mem(out.buf, out.len, NULL);
	struct csv_record back;
	FUZZ_CHECK(csv_next(r, &back) == CSV_RECORD);
	FUZZ_CHECK(back.n == rec->n);
	for (size_t i = 0; i < rec->n; i++)
		FUZZ_CHECK(back.field[i].len == rec->field[i].len &&
			   memcmp(back.field[i].p, rec->field[i].p, back.field[i].len) == 0);
	FUZZ_CHECK(csv_next(r, &back) == CSV_END);
	csv_reader_free(&r);
	sb_release(&out);
}

static void guard_trip(const struct csv_field *f)
{
	struct strbuf g = STRBUF_INIT;
	csv_guard(&g, f->p, f->len);
	const char *p = g.buf ? g.buf : "";
	size_t n = csv_unguard(&p, g.len);
	FUZZ_CHECK(n == f->len && memcmp(p, f->p, n) == 0);
	FUZZ_CHECK(csv_needs_guard(f->p, f->len) == (g.len != f->len));
	sb_release(&g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	unsigned c = data[0];
	struct csv_options o = {
		.bufsize = CSV_BUFSIZE_MIN + (c & 31),
		.max_field = (c & 32) ? 24 : CSV_MAX_FIELD_DEFAULT,
		.max_fields = (c & 64) ? 6 : CSV_MAX_FIELDS_DEFAULT,
	};
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	FILE *fp = fmemopen((void *)text, len, "rb");
	FUZZ_CHECK(fp != NULL);
	struct csv_reader *file = csv_reader_new_file(fp, &o), *mem = csv_reader_new_mem(text, len, &o);
	struct csv_record a, b;
	enum csv_result ra, rb;
	size_t row = 0;
	do {
		ra = csv_next(file, &a);
		rb = csv_next(mem, &b);
		FUZZ_CHECK(ra == rb);
		FUZZ_CHECK(ra != CSV_FAIL);
		if (ra == CSV_END)
			break;
		FUZZ_CHECK((ra == CSV_BAD) == (a.error != NULL));
		check_record(&a, &o, &row);
		same_record(&a, &b);
		FUZZ_CHECK(csv_reader_footprint(file) <= 65536 + 8 * size + 8 * o.max_field);
		if (ra == CSV_RECORD) {
			round_trip(&a);
			for (size_t i = 0; i < a.n; i++)
				guard_trip(&a.field[i]);
		}
	} while (1);
	FUZZ_CHECK(csv_had_bom(file) == csv_had_bom(mem));
	csv_reader_free(&file);
	csv_reader_free(&mem);
	fclose(fp);
	return 0;
}
