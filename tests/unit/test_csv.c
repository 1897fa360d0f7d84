/*
 * test_csv.c — the CSV reader (records, rows, every problem, streaming in bounded memory) and
 * the writer with its formula guard (a property test of the round trip).
 */
#include "testutil.h"

#include "csv.h"

/* One line per result: "row:f0|f1" for a record, "row!field reason:f0|f1" for a bad one,
 * "FAIL" for a read error; CR and LF inside fields as \r and \n; "BOM " first when skipped. */
static void render_result(struct strbuf *sb, enum csv_result res, const struct csv_record *rec)
{
	if (res == CSV_FAIL) {
		sb_adds(sb, "FAIL");
		return;
	}
	if (res == CSV_BAD)
		sb_addf(sb, "%zu!%zu %s:", rec->row, rec->error_field, rec->error);
	else
		sb_addf(sb, "%zu:", rec->row);
	for (size_t i = 0; i < rec->n; i++) {
		if (i)
			sb_addc(sb, '|');
		const struct csv_field *f = &rec->field[i];
		assert_int_equal(f->p[f->len], '\0');
		for (size_t k = 0; k < f->len; k++) {
			if (f->p[k] == '\r')
				sb_adds(sb, "\\r");
			else if (f->p[k] == '\n')
				sb_adds(sb, "\\n");
			else
				sb_addc(sb, f->p[k]);
		}
	}
}

static char *render_reader(struct csv_reader *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv_record rec;
	enum csv_result res;
	bool first = true;

	while ((res = csv_next(r, &rec)) != CSV_END) {
		if (csv_had_bom(r) && first)
			sb_adds(&sb, "BOM ");
		if (!first)
			sb_addc(&sb, '\n');
		render_result(&sb, res, &rec);
		first = false;
	}
	if (csv_had_bom(r) && first)
		sb_adds(&sb, "BOM ");
	assert_int_equal(csv_next(r, &rec), CSV_END);  /* and stays at the end */
	return sb_detach(&sb);
}

static FILE *file_with(const char *data, size_t n)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	rewind(fp);
	return fp;
}

/* Reads data from memory and from a file with several buffer sizes; all must agree. */
static char *render(const char *data, size_t n, const struct csv_options *base)
{
	struct csv_options opt = base ? *base : (struct csv_options){ 0 };
	struct csv_reader *r = csv_reader_new_mem(data, n, &opt);
	char *want = render_reader(r);
	csv_reader_free(&r);
	assert_null(r);

	static const size_t sizes[] = { 1, 4, 5, 7, 64, 0 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		FILE *fp = file_with(data, n);
		opt.bufsize = sizes[i];
		r = csv_reader_new_file(fp, &opt);
		char *got = render_reader(r);
		if (strcmp(got, want) != 0)
			fail_msg("buffer %zu: got\n%s\nfrom memory\n%s", sizes[i], got, want);
		free(got);
		csv_reader_free(&r);
		fclose(fp);
	}
	return want;
}

struct read_case {
	const char *in;
	size_t len;         /* 0: strlen(in) */
	size_t max_field;
	size_t max_fields;
	const char *want;
};

static void run_cases(const struct read_case *c, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		struct csv_options opt = { .max_field = c[i].max_field, .max_fields = c[i].max_fields };
		size_t n = c[i].len ? c[i].len : strlen(c[i].in);
		char *got = render(c[i].in, n, &opt);
		if (strcmp(got, c[i].want) != 0)
			fail_msg("case %zu: got\n%s\nwant\n%s", i, got, c[i].want);
		free(got);
	}
}

static void test_shapes(void **state)
{
	(void)state;
	static const struct read_case cases[] = {
		{ "", 0, 0, 0, "" },
		{ "a,b,c\r\n1,2,3\r\n", 0, 0, 0, "1:a|b|c\n2:1|2|3" },
		{ "a,b\n1,2\n", 0, 0, 0, "1:a|b\n2:1|2" },
		{ "a,b\r1,2\r", 0, 0, 0, "1:a|b\n2:1|2" },
		{ "a,b\r\n1,2", 0, 0, 0, "1:a|b\n2:1|2" },
		{ "a,b\n1,2\r", 0, 0, 0, "1:a|b\n2:1|2" },
		{ "a,b\r\n", 0, 0, 0, "1:a|b" },
		{ "a", 0, 0, 0, "1:a" },
		{ ",\r\n,,\r\n", 0, 0, 0, "1:|\n2:||" },
		{ "a,", 0, 0, 0, "1:a|" },
		{ " a , b \n", 0, 0, 0, "1: a | b " },
		{ "\"\"\r\n", 0, 0, 0, "1:" },
		{ "\"a\"", 0, 0, 0, "1:a" },
		{ "\"a\"\r", 0, 0, 0, "1:a" },
		{ "\"\"\"\"", 0, 0, 0, "1:\"" },
		{ "\"a,b\",\"c\"\"d\",\"\"\r\n", 0, 0, 0, "1:a,b|c\"d|" },
		{ "\"x\"\"\",\"\"\"y\"\r\n", 0, 0, 0, "1:x\"|\"y" },
		{ "h\r\n\"x\r\ny\",z\r\nnext\r\n", 0, 0, 0, "1:h\n2:x\\r\\ny|z\n3:next" },
		{ "h\n\"1\n2\n3\n4\"\n\"a\rb\"\nz", 0, 0, 0, "1:h\n2:1\\n2\\n3\\n4\n3:a\\rb\n4:z" },
		/* GB18030 bytes pass through untouched: 张三,"李四,""x""" */
		{ "\xd5\xc5\xc8\xfd,\"\xc0\xee\xcb\xc4,\"\"x\"\"\"\r\n", 0, 0, 0,
		  "1:\xd5\xc5\xc8\xfd|\xc0\xee\xcb\xc4,\"x\"" },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_blank_lines_count_as_rows(void **state)
{
	(void)state;
	static const struct read_case cases[] = {
		{ "h\r\n\r\n\r\na\r\n\nb\n\rc", 0, 0, 0, "1:h\n4:a\n6:b\n8:c" },
		{ "\n\nh\n", 0, 0, 0, "3:h" },
		{ "\r\n\r\n", 0, 0, 0, "" },
		{ "h\n\n", 0, 0, 0, "1:h" },
		{ "h\r\r\n\r", 0, 0, 0, "1:h" },
		/* a line break inside quotes does not start a row */
		{ "h\n\"a\n\nb\"\n\nc\n", 0, 0, 0, "1:h\n2:a\\n\\nb\n4:c" },
		/* a line of spaces or commas is a record, not a blank line */
		{ "h\n \n,,\n", 0, 0, 0, "1:h\n2: \n3:||" },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_bom(void **state)
{
	(void)state;
	static const struct read_case cases[] = {
		{ "\xEF\xBB\xBF" "a,b\r\n1,2\r\n", 0, 0, 0, "BOM 1:a|b\n2:1|2" },
		{ "\xEF\xBB\xBF", 0, 0, 0, "BOM " },
		{ "\xEF\xBB\xBF\r\na\r\n", 0, 0, 0, "BOM 2:a" },
		{ "\xEF\xBB\xBF\"a\"", 0, 0, 0, "BOM 1:a" },
		/* not a BOM: kept as field bytes */
		{ "\xEF\xBBx\n", 0, 0, 0, "1:\xEF\xBBx" },
		{ "\xEF\xBB", 0, 0, 0, "1:\xEF\xBB" },
		/* only at the very start */
		{ "a\n\xEF\xBB\xBF" "b\n", 0, 0, 0, "1:a\n2:\xEF\xBB\xBF" "b" },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_problems(void **state)
{
	(void)state;
	static const struct read_case cases[] = {
		{ "h\r\n\"abc\r\ndef\r\n", 0, 0, 0, "1:h\n2!0 引号未闭合:abc\\r\\ndef\\r\\n" },
		{ "h\n\na,\"b", 0, 0, 0, "1:h\n3!1 引号未闭合:a|b" },
		{ "h\n\"ab\"c,d\nok\n", 0, 0, 0, "1:h\n2!0 结束引号后还有其他字符:abc|d\n3:ok" },
		{ "h\n\"ab\" ,d\nok\n", 0, 0, 0, "1:h\n2!0 结束引号后还有其他字符:ab |d\n3:ok" },
		{ "h\nab\"c,d\nok\n", 0, 0, 0, "1:h\n2!0 未加引号的字段中含有引号:ab\"c|d\n3:ok" },
		{ "h\nx, \"y\"\nok\n", 0, 0, 0, "1:h\n2!1 未加引号的字段中含有引号:x| \"y\"\n3:ok" },
		{ "h\na\0b,c\nok\n", 11, 0, 0, "1:h\n2!0 含有空字符（NUL）:ab|c\n3:ok" },
		{ "h\nc,\"a\0\nb\"\nok\n", 14, 0, 0, "1:h\n2!1 含有空字符（NUL）:c|a\\nb\n3:ok" },
		/* the first problem of a record is the one reported … */
		{ "x\"y,\"a\"b\nok", 0, 0, 0, "1!0 未加引号的字段中含有引号:x\"y|ab\n2:ok" },
		/* … except an unclosed quote, which swallowed everything after it */
		{ "x\"y,\"ab\nok\n", 0, 0, 0, "1!1 引号未闭合:x\"y|ab\\nok\\n" },
		{ "abcd,abcde,x\nok\n", 0, 4, 0, "1!1 字段超过 4 字节:abcd||x\n2:ok" },
		{ "h\n\n\"ab\ncde\",x\r\nok\r\n", 0, 4, 0, "1:h\n3!0 字段超过 4 字节:|x\n4:ok" },
		{ "\"a\"\"\"\"b\"\nok", 0, 4, 0, "1:a\"\"b\n2:ok" },
		{ "\"a\"\"\"\"bc\"\nok", 0, 4, 0, "1!0 字段超过 4 字节:\n2:ok" },
		{ "\"abcdefgh", 0, 4, 0, "1!0 引号未闭合:" },
		{ "a,b,c,d,e\nok\n", 0, 0, 3, "1!3 字段超过 3 个:a|b|c\n2:ok" },
		{ "a,b,c\n", 0, 0, 3, "1:a|b|c" },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_record_blank(void **state)
{
	(void)state;
	static const char in[] = ",,\nx,,\n\"\"\n";
	struct csv_reader *r = csv_reader_new_mem(in, sizeof in - 1, NULL);
	struct csv_record rec;

	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_true(csv_record_blank(&rec));
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_false(csv_record_blank(&rec));
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_true(csv_record_blank(&rec));
	assert_int_equal(csv_next(r, &rec), CSV_END);
	csv_reader_free(&r);
}

/* A file of: a header, a 1 MB field (plain or quoted with commas and line breaks), a row. */
static void check_huge_field(bool quoted)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	fputs("h1,h2\r\n", fp);
	if (quoted)
		fputc('"', fp);
	for (int i = 0; i < 1024 * 1024 / 8; i++)
		fputs(quoted ? "a,\"\"b\r\nc" : "abcdefgh", fp);
	fputs(quoted ? "\",y\r\nok,1\r\n" : ",y\r\nok,1\r\n", fp);
	rewind(fp);

	struct csv_reader *r = csv_reader_new_file(fp, NULL);
	struct csv_record rec;
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_int_equal(csv_next(r, &rec), CSV_BAD);
	assert_int_equal(rec.row, 2);
	assert_string_equal(rec.error, "字段超过 65536 字节");
	assert_int_equal(rec.error_field, 0);
	assert_int_equal(rec.n, 2);
	assert_int_equal(rec.field[0].len, 0);
	assert_string_equal(rec.field[1].p, "y");
	/* never held whole: one input buffer plus about one maximal field */
	assert_true(csv_reader_footprint(r) < 3 * 65536 + 4096);
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_int_equal(rec.row, 3);
	assert_string_equal(rec.field[0].p, "ok");
	assert_int_equal(csv_next(r, &rec), CSV_END);
	csv_reader_free(&r);
	fclose(fp);
}

static void test_huge_field_is_skipped(void **state)
{
	(void)state;
	check_huge_field(false);
	check_huge_field(true);
}

static void test_field_at_limit_is_kept(void **state)
{
	(void)state;
	struct strbuf in = STRBUF_INIT;
	sb_repeat(&in, "x", CSV_MAX_FIELD_DEFAULT);
	sb_adds(&in, ",\"");
	sb_repeat(&in, "\"\"", CSV_MAX_FIELD_DEFAULT);
	sb_adds(&in, "\"\n");
	struct csv_reader *r = csv_reader_new_mem(in.buf, in.len, NULL);
	struct csv_record rec;
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	assert_int_equal(rec.field[0].len, CSV_MAX_FIELD_DEFAULT);
	assert_int_equal(rec.field[1].len, CSV_MAX_FIELD_DEFAULT);
	assert_int_equal(rec.field[1].p[12345], '"');
	assert_int_equal(csv_next(r, &rec), CSV_END);
	csv_reader_free(&r);
	sb_release(&in);
}

/* 200,000 rows read through a FILE in bounded memory, with correct row numbers. */
static void test_streams_a_big_ledger(void **state)
{
	(void)state;
	enum { ROWS = 200000 };
	FILE *fp = tmpfile();
	assert_non_null(fp);
	fputs(CSV_BOM "编号,申请人,申请内容\r\n", fp);
	for (int i = 0; i < ROWS; i++)
		fprintf(fp, "2024-%06d,张三%d,\"请公开，\"\"第%d号\"\"文件\r\n及附件\"\r\n", i, i, i);
	rewind(fp);

	struct csv_options opt = { .bufsize = 4096 };
	struct csv_reader *r = csv_reader_new_file(fp, &opt);
	struct csv_record rec;
	size_t most = 0;
	long count = 0;
	char want[64];
	assert_int_equal(csv_next(r, &rec), CSV_RECORD);
	while (csv_next(r, &rec) == CSV_RECORD) {
		snprintf(want, sizeof want, "张三%ld", count);
		assert_string_equal(rec.field[1].p, want);
		assert_int_equal(rec.row, count + 2);
		count++;
		size_t fp_now = csv_reader_footprint(r);
		most = fp_now > most ? fp_now : most;
	}
	assert_int_equal(count, ROWS);
	assert_true(csv_had_bom(r));
	assert_true(most < 8192);
	csv_reader_free(&r);
	fclose(fp);
}

static void test_head_for_detection(void **state)
{
	(void)state;
	static const char in[] = CSV_BOM "a,b\r\n1,2\r\n";
	FILE *fp = file_with(in, sizeof in - 1);
	struct csv_options opt = { .bufsize = 8 };
	struct csv_reader *r = csv_reader_new_file(fp, &opt);
	size_t n;
	bool whole;
	const char *p = csv_head(r, &n, &whole);
	assert_int_equal(n, 8);
	assert_false(whole);
	assert_memory_equal(p, in, 8);
	assert_true(csv_had_bom(r));
	char *got = render_reader(r);
	assert_string_equal(got, "BOM 1:a|b\n2:1|2");
	free(got);
	csv_reader_free(&r);
	fclose(fp);

	r = csv_reader_new_mem(in + 3, sizeof in - 4, NULL);
	p = csv_head(r, &n, &whole);
	assert_int_equal(n, sizeof in - 4);
	assert_true(whole);
	assert_false(csv_had_bom(r));
	csv_reader_free(&r);
}

static void test_read_error(void **state)
{
	(void)state;
	FILE *fp = fopen("/dev/null", "w");  /* reading a write-only stream fails */
	assert_non_null(fp);
	struct csv_reader *r = csv_reader_new_file(fp, NULL);
	struct csv_record rec;
	assert_null(csv_reader_error(r));
	assert_int_equal(csv_next(r, &rec), CSV_FAIL);
	assert_non_null(csv_reader_error(r));
	assert_non_null(strstr(csv_reader_error(r), "读取文件时出错"));
	assert_int_equal(csv_next(r, &rec), CSV_END);
	csv_reader_free(&r);
	fclose(fp);
}

/* ---- writing ---- */

static char *quoted(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	csv_quote(&sb, s, strlen(s));
	return sb_detach(&sb);
}

static void test_quote_only_when_needed(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "abc", "abc" }, { "", "" }, { " lead and trail ", " lead and trail " },
		{ "张三", "张三" }, { "a,b", "\"a,b\"" }, { "a\"b", "\"a\"\"b\"" },
		{ "\"", "\"\"\"\"" }, { "a\nb", "\"a\nb\"" }, { "a\rb", "\"a\rb\"" },
		{ "a\r\nb", "\"a\r\nb\"" }, { "=1", "=1" }, { "'x", "'x" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = quoted(cases[i][0]);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

static void test_writer_records(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	struct csv_writer w;

	sb_adds(&out, CSV_BOM);
	csv_writer_init(&w, &out);
	csv_write_field(&w, "2024-01-02", 10);
	csv_write_text(&w, "=HYPERLINK(\"x\")", 15);
	csv_write_text(&w, NULL, 0);
	csv_write_text(&w, "张三", strlen("张三"));
	csv_end_record(&w);
	csv_write_field(&w, "", 0);
	csv_end_record(&w);
	csv_write_text(&w, "-", 1);
	csv_write_field(&w, NULL, 0);
	csv_end_record(&w);
	assert_string_equal(sb_str(&out), CSV_BOM "2024-01-02,\"'=HYPERLINK(\"\"x\"\")\",,张三\r\n"
		"\"\"\r\n'-,\r\n");

	char *got = render(out.buf, out.len, NULL);
	assert_string_equal(got, "BOM 1:2024-01-02|'=HYPERLINK(\"x\")||张三\n2:\n3:'-|");
	free(got);
	sb_release(&out);
}

static void test_guard_cases(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "=1+1", "'=1+1" }, { "+86 10 1234", "'+86 10 1234" }, { "-5", "'-5" },
		{ "@SUM(A1)", "'@SUM(A1)" }, { "\tx", "'\tx" }, { "\rx", "'\rx" },
		{ "'=x", "''=x" }, { "''-x", "'''-x" }, { "'abc", "'abc" }, { "'", "'" },
		{ "''", "''" }, { "a=b", "a=b" }, { "", "" }, { "张=", "张=" }, { " =x", " =x" },
		{ "=", "'=" }, { "'\t", "''\t" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct strbuf sb = STRBUF_INIT;
		csv_guard(&sb, cases[i][0], strlen(cases[i][0]));
		assert_string_equal(sb_str(&sb), cases[i][1]);
		assert_int_equal(csv_needs_guard(cases[i][0], strlen(cases[i][0])),
			sb.len != strlen(cases[i][0]));
		sb_release(&sb);
	}
}

static void test_unguard_cases(void **state)
{
	(void)state;
	/* a hand-made ledger's cells are taken as they are unless they carry the guard */
	static const char *const cases[][2] = {
		{ "'=x", "=x" }, { "''=x", "'=x" }, { "'''@", "''@" }, { "'abc", "'abc" },
		{ "'", "'" }, { "''", "''" }, { "=x", "=x" }, { "-5", "-5" }, { "", "" },
		{ "'\r", "\r" }, { "a'=", "a'=" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = cases[i][0];
		size_t n = csv_unguard(&s, strlen(s));
		assert_int_equal(n, strlen(cases[i][1]));
		assert_memory_equal(s, cases[i][1], n);
	}
}

static const char *const alphabet[] = {
	"'", "=", "+", "-", "@", "\t", "\r", "\n", ",", "\"", " ", "a", "张", "0",
};
enum { NALPHA = sizeof alphabet / sizeof alphabet[0] };

/* Checks the guard round trip for s directly, and queues s for the CSV round trip. */
static void check_guard(const char *s, size_t n, struct csv_writer *w)
{
	struct strbuf g = STRBUF_INIT;
	csv_guard(&g, s, n);
	const char *back = sb_str(&g);
	size_t m = csv_unguard(&back, g.len);
	if (m != n || memcmp(back, s, n) != 0)
		fail_msg("guard round trip broke for [%.*s]", (int)n, s);
	/* the guarded text never starts a formula */
	if (g.len && strchr("=+-@\t\r", g.buf[0]))
		fail_msg("guarded [%.*s] still starts with a formula character", (int)n, s);
	sb_release(&g);
	csv_write_text(w, s, n);
	csv_write_field(w, s, n);
	csv_write_field(w, "end", 3);
	csv_end_record(w);
}

/* Reads back the queued records: each gives its string twice, guarded and as it is. */
static size_t check_csv_back(const struct strbuf *out, const struct strbuf *strings,
	const size_t *lens)
{
	struct csv_reader *r = csv_reader_new_mem(out->buf, out->len, NULL);
	struct csv_record rec;
	size_t k = 0, off = 0;

	while (csv_next(r, &rec) == CSV_RECORD) {
		assert_int_equal(rec.n, 3);
		const char *s = rec.field[0].p;
		size_t n = csv_unguard(&s, rec.field[0].len);
		const char *want = strings->buf + off;
		if (n != lens[k] || memcmp(s, want, n) != 0)
			fail_msg("CSV round trip broke for [%.*s]", (int)lens[k], want);
		assert_int_equal(rec.field[1].len, lens[k]);
		assert_memory_equal(rec.field[1].p, want, lens[k]);
		assert_string_equal(rec.field[2].p, "end");
		off += lens[k++];
	}
	csv_reader_free(&r);
	return k;
}

static void test_guard_round_trip_property(void **state)
{
	(void)state;
	enum { BATCH = 1000 };
	struct strbuf out = STRBUF_INIT, strings = STRBUF_INIT, s = STRBUF_INIT;
	size_t lens[BATCH], queued = 0, checked = 0, made = 0;
	struct csv_writer w;
	unsigned seed = 12345;

	csv_writer_init(&w, &out);
	/* every string of up to 4 symbols, then random ones of up to 24 */
	size_t exhaustive = 1 + NALPHA + NALPHA * NALPHA + NALPHA * NALPHA * NALPHA
		+ NALPHA * NALPHA * NALPHA * NALPHA;
	for (size_t total = 0; total < exhaustive + 30000; total++) {
		sb_reset(&s);
		if (total < exhaustive) {
			for (size_t v = total; v; v = (v - 1) / NALPHA)
				sb_adds(&s, alphabet[(v - 1) % NALPHA]);
		} else {
			seed = seed * 1103515245u + 12345u;
			for (unsigned len = (seed >> 16) % 25; len; len--) {
				seed = seed * 1103515245u + 12345u;
				sb_adds(&s, alphabet[(seed >> 16) % NALPHA]);
			}
		}
		check_guard(sb_str(&s), s.len, &w);
		sb_add(&strings, sb_str(&s), s.len);
		lens[queued++] = s.len;
		made++;
		if (queued == BATCH) {
			checked += check_csv_back(&out, &strings, lens);
			queued = 0;
			sb_reset(&out);
			sb_reset(&strings);
			csv_writer_init(&w, &out);
		}
	}
	checked += check_csv_back(&out, &strings, lens);
	assert_int_equal(checked, made);
	sb_release(&out);
	sb_release(&strings);
	sb_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_blank_lines_count_as_rows),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_problems),
		cmocka_unit_test(test_record_blank),
		cmocka_unit_test(test_huge_field_is_skipped),
		cmocka_unit_test(test_field_at_limit_is_kept),
		cmocka_unit_test(test_streams_a_big_ledger),
		cmocka_unit_test(test_head_for_detection),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_quote_only_when_needed),
		cmocka_unit_test(test_writer_records),
		cmocka_unit_test(test_guard_cases),
		cmocka_unit_test(test_unguard_cases),
		cmocka_unit_test(test_guard_round_trip_property),
	};
	return gk_run_tests(tests, NULL, NULL);
}
