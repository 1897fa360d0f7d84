/*
 * test_xlsx.c — the rules of reading an .xlsx cell (xlsx_value.c), and the reader on workbooks
 * built here byte for byte: shared strings with rich-text and phonetic runs, a date style,
 * cells left out, a row without a value, a damaged archive.
 */
#include "testutil.h"

#include <zip.h>

#include "xlsx.h"

static void test_cell_refs(void **state)
{
	(void)state;
	static const struct { const char *ref; unsigned row, col; } good[] = {
		{ "A1", 1, 0 }, { "B3", 3, 1 }, { "Z9", 9, 25 }, { "AA10", 10, 26 },
		{ "AZ1", 1, 51 }, { "BA2", 2, 52 }, { "XFD1048576", 1048576, 16383 }, { "c7", 7, 2 },
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		unsigned row = 0, col = 0;
		assert_true(xlsx_cell_ref(good[i].ref, &row, &col));
		assert_int_equal(row, good[i].row);
		assert_int_equal(col, good[i].col);
	}
	static const char *const bad[] = {
		"", "A", "1", "A0", "A01", "$A$1", "A1B", "XFE1", "AAAA1", "A1048577", "B-3", "B 3",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		unsigned row, col;
		assert_false(xlsx_cell_ref(bad[i], &row, &col));
	}
	assert_int_equal(xlsx_col_from_letters("B"), 1);
	assert_int_equal(xlsx_col_from_letters("1"), -1);
}

static int ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void test_serial_dates(void **state)
{
	(void)state;
	int d;
	assert_true(xlsx_serial_date(44970, false, &d));
	assert_int_equal(d, ymd(2023, 2, 13));
	assert_true(xlsx_serial_date(44970.75, false, &d));   /* a time of day is dropped */
	assert_int_equal(d, ymd(2023, 2, 13));
	assert_true(xlsx_serial_date(61, false, &d));
	assert_int_equal(d, ymd(1900, 3, 1));
	assert_true(xlsx_serial_date(59, false, &d));
	assert_int_equal(d, ymd(1900, 2, 28));
	assert_true(xlsx_serial_date(1, false, &d));
	assert_int_equal(d, ymd(1900, 1, 1));
	assert_false(xlsx_serial_date(60, false, &d));         /* Excel's 1900-02-29 */
	assert_false(xlsx_serial_date(0, false, &d));
	assert_false(xlsx_serial_date(-3, false, &d));
	assert_false(xlsx_serial_date(3e9, false, &d));
	assert_true(xlsx_serial_date(0, true, &d));
	assert_int_equal(d, ymd(1904, 1, 1));
	assert_true(xlsx_serial_date(43508, true, &d));        /* 44970 in the 1904 system */
	assert_int_equal(d, ymd(2023, 2, 13));
	assert_true(xlsx_serial_date(45291, false, &d));
	assert_int_equal(d, ymd(2023, 12, 31));
	assert_true(xlsx_serial_date(45351, false, &d));
	assert_int_equal(d, ymd(2024, 2, 29));
}

static void test_number_text(void **state)
{
	(void)state;
	static const struct { double v; const char *text; } cases[] = {
		{ 100, "100" }, { 0, "0" }, { -0.0, "0" }, { 0.1, "0.1" }, { -2.5, "-2.5" },
		{ 1234567.25, "1234567.25" }, { 59237.2449, "59237.2449" }, { 1e20, "1e+20" },
		{ 123456789012345.0, "123456789012345" }, { 0.30000000000000004, "0.30000000000000004" },
		{ 1.0 / 3, "0.3333333333333333" }, { 100.5, "100.5" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[32];
		assert_string_equal(xlsx_number_text(cases[i].v, buf), cases[i].text);
		assert_true(strtod(buf, NULL) == cases[i].v);
	}
}

static void test_date_formats(void **state)
{
	(void)state;
	for (int id = 14; id <= 17; id++)
		assert_true(xlsx_format_is_date(id, NULL));
	assert_true(xlsx_format_is_date(22, NULL));
	assert_true(xlsx_format_is_date(31, NULL));            /* yyyy"年"m"月"d"日" */
	assert_true(xlsx_format_is_date(57, NULL));
	assert_false(xlsx_format_is_date(0, NULL));
	assert_false(xlsx_format_is_date(2, NULL));
	assert_false(xlsx_format_is_date(20, NULL));           /* h:mm */
	assert_false(xlsx_format_is_date(49, NULL));           /* @ */
	static const char *const dates[] = {
		"yyyy-mm-dd", "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy年m月d日",
		"d-mmm-yy", "mmm-yy", "m/d/yy h:mm", "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"",
		"yyyy-mm-dd h:mm:ss", "mm\"月\"dd\"日\"",
	};
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
		assert_true(xlsx_format_is_date(164, dates[i]));
	static const char *const others[] = {
		"0.00", "General", "#,##0", "0.00E+00", "@", "h:mm", "mm:ss", "[h]:mm",
		"\"day\" 0", "0.00_);[Red]\\(0.00\\)", "[mm]:ss", "\"yyyy\"0",
	};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		assert_false(xlsx_format_is_date(164, others[i]));
}

static void test_unescape(void **state)
{
	(void)state;
	char s[] = "a_x000D_b_x005F_x000D_c_x4E2D_d_xZZ00_e_x000";
	size_t n = xlsx_unescape(s, strlen(s));
	assert_int_equal(n, strlen(s));
	assert_string_equal(s, "a\rb_x000D_c中d_xZZ00_e_x000");
	char sur[] = "_xD800_";
	assert_int_equal(xlsx_unescape(sur, 7), 7);
	assert_string_equal(sur, "_xD800_");
}

/* ---- whole workbooks ---- */

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
	"xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
static const char top_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char workbook[] =
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"台账\" sheetId=\"7\" r:id=\"rId9\"/>"
	"<sheet name=\"其他\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char wb_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"/xl/worksheets/ledger.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/styles\" Target=\"styles.xml\"/></Relationships>";
static const char styles[] =
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;"
	"d&quot;日&quot;\"/></numFmts>"
	"<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/>"
	"<xf numFmtId=\"2\"/></cellXfs></styleSheet>";
static const char sst[] =
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\">"
	"<si><t>编号</t></si>"
	"<si><r><rPr><b/></rPr><t>收到</t></r><r><t xml:space=\"preserve\">日期</t></r></si>"
	"<si><t>王&amp;某</t><rPh sb=\"0\" eb=\"1\"><t>おう</t></rPh></si>"
	"<si><t>a_x000D_b</t></si></sst>";
static const char sheet[] =
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
	"<c r=\"C1\" s=\"1\"/></row>"
	"<row r=\"2\" spans=\"1:4\"><c r=\"A2\" s=\"3\"><v>100</v></c><c r=\"B2\" s=\"1\">"
	"<v>44970</v></c><c r=\"D2\" t=\"s\"><v>2</v></c></row>"
	"<row r=\"3\"><c r=\"A3\" s=\"3\"/></row>"
	"<row r=\"5\"><c t=\"inlineStr\"><is><t>内联</t></is></c><c s=\"2\"><v>45291.5</v></c>"
	"<c t=\"b\"><v>1</v></c><c t=\"str\"><f>A1</f><v>x_x005F_y</v></c><c t=\"s\"><v>3</v></c>"
	"</row>"
	"<row r=\"6\"><c r=\"B6\" t=\"s\"><v>99</v></c></row>"
	"<row r=\"7\"><c r=\"A7\"><v>0.1</v></c></row>"
	"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";

/* A zip archive of the parts (name, text) pairs up to a NULL name, in memory (malloc). */
static char *make_zip(const char *const *parts, size_t *len)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (; parts[0]; parts += 2) {
		zip_source_t *s = zip_source_buffer(z, parts[1], strlen(parts[1]), 0);
		assert_true(zip_file_add(z, parts[0], s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	zip_source_open(src);
	zip_source_seek(src, 0, SEEK_END);
	*len = (size_t)zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *data = xmalloc(*len);
	assert_int_equal(zip_source_read(src, data, *len), (zip_int64_t)*len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
	return data;
}

static const char *const full[] = {
	"[Content_Types].xml", content_types, "_rels/.rels", top_rels,
	"xl/workbook.xml", workbook, "xl/_rels/workbook.xml.rels", wb_rels,
	"xl/styles.xml", styles, "xl/sharedStrings.xml", sst,
	"xl/worksheets/ledger.xml", sheet,
	"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>错"
	"</t></is></c></row></sheetData></worksheet>",
	NULL,
};

static void field_is(const struct csv_record *rec, size_t i, const char *text)
{
	assert_true(i < rec->n);
	assert_int_equal(rec->field[i].len, strlen(text));
	assert_memory_equal(rec->field[i].p, text, strlen(text));
}

static void test_reads_the_first_sheet(void **state)
{
	(void)state;
	size_t len;
	char *data = make_zip(full, &len);
	struct xlsx_reader *x;
	struct diag d = DIAG_INIT;
	assert_int_equal(xlsx_open_mem(data, len, &x, &d), ST_OK);
	struct csv_record rec;
	assert_int_equal(xlsx_next(x, &rec), CSV_RECORD);
	assert_int_equal(rec.row, 1);
	assert_int_equal(rec.n, 2);                 /* C1 has a style and no value */
	field_is(&rec, 0, "编号");
	field_is(&rec, 1, "收到日期");                /* rich-text runs joined */
	assert_int_equal(xlsx_next(x, &rec), CSV_RECORD);
	assert_int_equal(rec.row, 2);
	assert_int_equal(rec.n, 4);
	field_is(&rec, 0, "100");                   /* number format 0.00: still the number */
	field_is(&rec, 1, "2023-02-13");
	field_is(&rec, 2, "");                      /* C2 left out */
	field_is(&rec, 3, "王&某");                  /* the phonetic run left out */
	assert_int_equal(xlsx_next(x, &rec), CSV_RECORD);   /* row 3 has no value: skipped */
	assert_int_equal(rec.row, 5);
	assert_int_equal(rec.n, 5);
	field_is(&rec, 0, "内联");
	field_is(&rec, 1, "2023-12-31");            /* custom 年月日 format, time dropped */
	field_is(&rec, 2, "TRUE");
	field_is(&rec, 3, "x_y");
	field_is(&rec, 4, "a\rb");
	assert_int_equal(xlsx_next(x, &rec), CSV_BAD);
	assert_int_equal(rec.row, 6);
	assert_int_equal(rec.error_field, 1);
	assert_non_null(strstr(rec.error, "共享字符串"));
	assert_int_equal(xlsx_next(x, &rec), CSV_RECORD);
	field_is(&rec, 0, "0.1");
	assert_int_equal(xlsx_next(x, &rec), CSV_END);
	assert_int_equal(xlsx_next(x, &rec), CSV_END);
	xlsx_free(&x);
	assert_null(x);
	diag_release(&d);
}

/* Opening parts (a list like full, with some left out or replaced) gives ST_DATA and a line
 * containing `want`. */
static void open_fails(const char *const *parts, const char *want)
{
	size_t len;
	char *data = make_zip(parts, &len);
	struct xlsx_reader *x;
	struct diag d = DIAG_INIT;
	assert_int_equal(xlsx_open_mem(data, len, &x, &d), ST_DATA);
	assert_null(x);
	assert_int_equal(d.n, 1);
	if (!strstr(d.lines[0], want))
		fail_msg("%s: want %s", d.lines[0], want);
	diag_release(&d);
}

static void test_bad_workbooks(void **state)
{
	(void)state;
	const char *const no_workbook[] = { "a.txt", "hello", NULL };
	open_fails(no_workbook, "xl/workbook.xml");
	const char *const no_sheet[] = {
		"xl/workbook.xml", "<workbook><sheets/></workbook>", NULL,
	};
	open_fails(no_sheet, "没有工作表");
	const char *const bad_xml[] = {
		"xl/workbook.xml", "<workbook><sheets><sheet r:id=\"x\"></workbook>", NULL,
	};
	open_fails(bad_xml, "XML 格式有误");
	const char *const missing_part[] = {
		"xl/workbook.xml", workbook, "xl/_rels/workbook.xml.rels", wb_rels, NULL,
	};
	open_fails(missing_part, "xl/worksheets/ledger.xml");
	struct xlsx_reader *x;
	struct diag d = DIAG_INIT;
	assert_int_equal(xlsx_open_mem(xstrdup("PK\x03\x04 not really"), 14, &x, &d), ST_DATA);
	assert_non_null(strstr(d.lines[0], "zip"));
	diag_release(&d);
}

/* A sheet whose XML breaks off after its first row: that row, then CSV_FAIL, then CSV_END. */
static void test_broken_sheet(void **state)
{
	(void)state;
	const char *parts[sizeof full / sizeof full[0]];
	memcpy(parts, full, sizeof full);
	parts[13] = "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>甲</t></is>"
		    "</c></row><row r=\"2\"><c><v>1</v></c></sheetData>";
	size_t len;
	char *data = make_zip(parts, &len);
	struct xlsx_reader *x;
	struct diag d = DIAG_INIT;
	assert_int_equal(xlsx_open_mem(data, len, &x, &d), ST_OK);
	struct csv_record rec;
	assert_int_equal(xlsx_next(x, &rec), CSV_RECORD);
	assert_int_equal(xlsx_next(x, &rec), CSV_FAIL);
	assert_non_null(strstr(xlsx_error(x), "XML 格式有误"));
	assert_int_equal(xlsx_next(x, &rec), CSV_END);
	xlsx_free(&x);
	diag_release(&d);
}

/* A formula keeps its computed result (a number, an empty text, an error value); one whose
 * result was never computed — <v> empty, as openpyxl writes it, or left out — makes its row
 * CSV_BAD at its column, never an empty cell. */
static void test_formulas_without_results(void **state)
{
	(void)state;
	const char *parts[sizeof full / sizeof full[0]];
	memcpy(parts, full, sizeof full);
	parts[13] = "<worksheet><sheetData>"
		"<row r=\"2\"><c r=\"A2\"><f>1+1</f><v>2</v></c>"
		"<c r=\"B2\" t=\"str\"><f>IF(A2=2,\"\",\"x\")</f><v></v></c>"
		"<c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
		"<c r=\"D2\" t=\"inlineStr\"><is><t>甲</t></is></c></row>"
		"<row r=\"3\"><c r=\"A3\"><v>5</v></c><c r=\"B3\"><f>A3*2</f><v/></c>"
		"<c r=\"C3\"><f>A3*3</f></c></row>"
		"<row r=\"4\"><c r=\"C4\"><f t=\"shared\" si=\"0\"/></c></row>"
		"<row r=\"5\"><c r=\"A5\" t=\"b\"><f>TRUE()</f></c></row>"
		"<row r=\"6\"><c r=\"A6\" t=\"str\"><f>\"乙\"</f><v>乙</v></c></row>"
		"</sheetData></worksheet>";
	size_t len;
	char *data = make_zip(parts, &len);
	struct xlsx_reader *x;
	struct diag d = DIAG_INIT;
	assert_int_equal(xlsx_open_mem(data, len, &x, &d), ST_OK);
	struct csv_record rec;
	assert_int_equal(xlsx_next(x, &rec), CSV_RECORD);
	assert_int_equal(rec.n, 4);
	field_is(&rec, 0, "2");
	field_is(&rec, 1, "");
	field_is(&rec, 2, "#DIV/0!");
	field_is(&rec, 3, "甲");
	static const struct { unsigned row; size_t col; } bad[] = { { 3, 1 }, { 4, 2 }, { 5, 0 } };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(xlsx_next(x, &rec), CSV_BAD);
		assert_int_equal(rec.row, bad[i].row);
		assert_int_equal(rec.error_field, bad[i].col);
		assert_non_null(strstr(rec.error, "是公式且没有计算结果"));
	}
	assert_int_equal(xlsx_next(x, &rec), CSV_RECORD);
	field_is(&rec, 0, "乙");
	assert_int_equal(xlsx_next(x, &rec), CSV_END);
	xlsx_free(&x);
	diag_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_refs),
		cmocka_unit_test(test_serial_dates),
		cmocka_unit_test(test_number_text),
		cmocka_unit_test(test_date_formats),
		cmocka_unit_test(test_unescape),
		cmocka_unit_test(test_reads_the_first_sheet),
		cmocka_unit_test(test_bad_workbooks),
		cmocka_unit_test(test_broken_sheet),
		cmocka_unit_test(test_formulas_without_results),
	};
	return gk_run_tests(tests, NULL, NULL);
}
