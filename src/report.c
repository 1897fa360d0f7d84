/*
 * report.c — building a year's report from the database, its checks, its sentences, and its
 * machine-readable forms (JSON written and read, CSV).
 *
 * The JSON is the form other offices read back (全市汇总), so report_from_json accepts exactly
 * what report_json writes and names the first thing wrong with anything else.
 */
#include "report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "csv.h"
#include "store.h"
#include "xmem.h"

void report_init(struct report *r)
{
	memset(r, 0, sizeof *r);
}

void report_release(struct report *r)
{
	free(r->office);
	diag_release(&r->problems);
	for (size_t i = 0; i < r->nparts; i++)
		free(r->parts[i]);
	free(r->parts);
	report_init(r);
}

void report_check(struct report *r, const long long *prev_carried_out)
{
	diag_clear(&r->problems);
	tally_check(&r->t3, &r->t4, prev_carried_out, &r->balanced, &r->carry_matches,
		    &r->problems);
}

/* Last year's carried_out: as locked (published) when that year is locked, else counted. */
/*
 * Last year's carried_out as published, when that year is locked (*have set); else nothing to
 * compare with: counted from the same records, last year's carried_out is this year's
 * carried_in by construction (received before 1 January less answered before it), so only a
 * locked — published — table can disagree.
 */
static enum status previous_carried_out(struct store *s, int year, long long out[T3_COLS],
					bool *have, struct diag *d)
{
	char *json = NULL;
	enum status st = store_year_lock_get(s, year - 1, have, &json, d);
	if (st != ST_OK || !*have)
		return st;
	struct report prev;
	report_init(&prev);
	st = report_from_json(json, strlen(json), &prev, d);
	if (st == ST_OK)
		memcpy(out, prev.t3.v[R_CARRIED_OUT], sizeof prev.t3.v[R_CARRIED_OUT]);
	report_release(&prev);
	free(json);
	return st;
}

enum status report_build(struct store *s, int year, struct report *r, struct diag *d)
{
	report_release(r);
	r->year = year;
	long long prev[T3_COLS];
	bool locked_before = false;
	/* one snapshot: the tables must add up even while other clerks save */
	bool own;
	enum status st = store_read_begin(s, &own, d);
	if (st != ST_OK)
		return st;
	st = store_office_get(s, &r->office, d);
	if (st == ST_OK)
		st = store_table2_get(s, year, &r->t2, d);
	if (st == ST_OK)
		st = store_table3(s, year, &r->t3, d);
	if (st == ST_OK)
		st = store_table4(s, year, &r->t4, d);
	if (st == ST_OK)
		st = store_fees_paid(s, year, &r->fees_fen, d);
	if (st == ST_OK)
		st = previous_carried_out(s, year, prev, &locked_before, d);
	store_read_end(s, own);
	if (st == ST_OK)
		report_check(r, locked_before ? prev : NULL);
	return st;
}

enum status report_recount(struct store *s, struct report *r, struct diag *d)
{
	struct table3 scan;
	enum status st = store_table3_recount(s, r->year, &scan, d);
	for (int row = 0; st == ST_OK && row < T3_ROWS; row++)
		for (int c = 0; c < T3_COLS; c++)
			if (scan.v[row][c] != r->t3.v[row][c]) {
				diag_add(&r->problems, "表三 %s 行第 %d 列: 统计计数 %lld 与逐件重新统计 %lld "
					 "不一致（数据库可能被其他程序改动）", t3_row_key(row), c + 1,
					 r->t3.v[row][c], scan.v[row][c]);
				r->balanced = false;
			}
	return st;
}

/* ---- what every rendering shares ---- */

const struct report_t2_block report_t2_blocks[REPORT_T2_BLOCKS] = {
	{ "第二十条第（一）项", T2_RULES_MADE, 2, 3 },
	{ "第二十条第（五）项", T2_LICENSING, 1, 1 },
	{ "第二十条第（六）项", T2_PENALTY, 2, 1 },
	{ "第二十条第（八）项", T2_FEES, 1, 1 },
};

char *report_t2_cell_text(const struct report *r, int cell, char buf[32])
{
	long long v = r->t2.entered ? r->t2.v[cell] : T2_NA;
	if (v == T2_NA)
		snprintf(buf, 32, "/");
	else if (cell == T2_FEES)
		t2_format_wan(v, buf);
	else
		snprintf(buf, 32, "%lld", v);
	return buf;
}

void report_title(const struct report *r, struct strbuf *out)
{
	sb_addf(out, "%s%d年度政府信息公开工作年度报告（统计部分）%s", r->office ? r->office : "",
		r->year, r->nparts ? "（汇总）" : "");
}

void report_heading(const struct report *r, struct strbuf *out)
{
	sb_addf(out, "%s%s%d 年度政府信息公开工作年度报告（统计部分）%s", r->office ? r->office : "",
		r->office ? " " : "", r->year, r->nparts ? "（汇总）" : "");
}

void report_parts_sentence(const struct report *r, struct strbuf *out)
{
	if (!r->nparts)
		return;
	sb_addf(out, "本表为 %zu 个机关的汇总：", r->nparts);
	for (size_t i = 0; i < r->nparts; i++)
		sb_addf(out, "%s%s", i ? "、" : "", r->parts[i]);
	if (r->unchecked)
		sb_adds(out, "（含未通过检查的来源）");
}

/* ---- sentences ---- */

static void add_yuan(struct strbuf *out, long long fen)
{
	if (fen % 100)
		sb_addf(out, "%lld.%02lld", fen / 100, fen % 100);
	else
		sb_addf(out, "%lld", fen / 100);
}

void report_fee_sentence(const struct report *r, struct strbuf *out)
{
	if (r->fees_fen <= 0) {
		sb_adds(out, "全年未收取政府信息公开信息处理费。");
		return;
	}
	sb_adds(out, "全年收取政府信息公开信息处理费");
	add_yuan(out, r->fees_fen);
	sb_adds(out, "元。");
}

void report_overview_sentence(const struct report *r, struct strbuf *out)
{
	long long got = r->t3.v[R_NEW][T3_TOTAL], in = r->t3.v[R_CARRIED_IN][T3_TOTAL];
	long long done = r->t3.v[R_PROCESSED_TOTAL][T3_TOTAL];
	long long carried = r->t3.v[R_CARRIED_OUT][T3_TOTAL];
	sb_addf(out, "全年共受理依申请公开信息公开申请 %lld 件", got);
	if (in)
		sb_addf(out, "，上年结转 %lld 件", in);
	sb_addf(out, "，办结 %lld 件", done);
	if (carried)
		sb_addf(out, "，结转下年度继续办理 %lld 件", carried);
	sb_adds(out, "。");
}

/* ---- JSON ---- */

static void json_table3(const struct report *r, struct strbuf *out)
{
	sb_adds(out, "  \"table3\": {\n");
	for (int row = 0; row < T3_ROWS; row++) {
		const char *key = t3_row_key(row);
		sb_addf(out, "    \"%s\": %*s[", key, (int)(26 - strlen(key)), "");
		for (int c = 0; c < T3_COLS; c++)
			sb_addf(out, "%s%lld", c ? ", " : "", r->t3.v[row][c]);
		sb_addf(out, "]%s\n", row + 1 < T3_ROWS ? "," : "");
	}
	sb_adds(out, "  },\n");
}

static void json_table4(const struct report *r, struct strbuf *out)
{
	sb_adds(out, "  \"table4\": {\n");
	for (int g = 0; g < T4_GROUPS; g++) {
		const char *key = code_key(&codes_t4_group, g);
		sb_addf(out, "    \"%s\": %*s{", key, (int)(18 - strlen(key)), "");
		for (int c = 0; c < T4_COLS; c++)
			sb_addf(out, "%s\"%s\": %lld", c ? ", " : "", code_key(&codes_t4_col, c),
				r->t4.v[g][c]);
		sb_addf(out, "}%s\n", g + 1 < T4_GROUPS ? "," : "");
	}
	sb_adds(out, "  },\n");
}

static void json_table2(const struct report *r, struct strbuf *out)
{
	if (!r->t2.entered) {
		sb_adds(out, "  \"table2\": null,\n");
		return;
	}
	sb_adds(out, "  \"table2\": {\n");
	for (int c = 0; c < T2_CELLS; c++) {
		bool first = c == 0 || strcmp(t2_row_key(c), t2_row_key(c - 1)) != 0;
		bool last = c + 1 == T2_CELLS || strcmp(t2_row_key(c), t2_row_key(c + 1)) != 0;
		if (first)
			sb_addf(out, "    \"%s\": {", t2_row_key(c));
		sb_addf(out, "%s\"%s\": ", first ? "" : ", ", t2_col_key(c));
		char buf[32];
		if (r->t2.v[c] == T2_NA)
			sb_adds(out, "null");
		else if (c == T2_FEES)
			sb_addf(out, "\"%s\"", t2_format_wan(r->t2.v[c], buf));
		else
			sb_addf(out, "%lld", r->t2.v[c]);
		if (last)
			sb_addf(out, "}%s\n", c + 1 < T2_CELLS ? "," : "");
	}
	sb_adds(out, "  },\n");
}

void report_json(const struct report *r, struct strbuf *out)
{
	sb_addf(out, "{\n  \"year\": %d,\n  \"format\": \"%s\",\n  \"office\": ", r->year,
		REPORT_FORMAT);
	sb_add_json(out, r->office);
	sb_adds(out, ",\n  \"columns\": [");
	for (int c = 0; c < T3_COLS; c++)
		sb_addf(out, "%s\"%s\"", c ? ", " : "",
			c == T3_TOTAL ? "total" : code_key(&codes_applicant, c));
	sb_adds(out, "],\n");
	json_table3(r, out);
	json_table4(r, out);
	json_table2(r, out);
	sb_addf(out, "  \"fees_yuan\": \"%lld.%02lld\",\n", r->fees_fen / 100, r->fees_fen % 100);
	if (r->nparts) {
		sb_adds(out, "  \"parts\": [");
		for (size_t i = 0; i < r->nparts; i++) {
			sb_adds(out, i ? ", " : "");
			sb_add_json(out, r->parts[i]);
		}
		sb_addf(out, "],\n  \"unchecked\": %s,\n", r->unchecked ? "true" : "false");
	}
	sb_addf(out, "  \"checks\": {\"balanced\": %s, \"carried_in_matches_last_year\": %s, "
		"\"problems\": [", r->balanced ? "true" : "false",
		r->carry_matches ? "true" : "false");
	for (size_t i = 0; i < r->problems.n; i++) {
		sb_adds(out, i ? ", " : "");
		sb_add_json(out, r->problems.lines[i]);
	}
	sb_adds(out, "]}\n}\n");
}

/* ---- reading JSON ---- */

static bool json_count(json_t *v, long long *out)
{
	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return false;
	*out = json_integer_value(v);
	return true;
}

static enum status read_table3(json_t *root, struct report *r, struct diag *d)
{
	json_t *t3 = json_object_get(root, "table3");
	if (!json_is_object(t3)) {
		diag_add(d, "table3: 缺少或不是对象");
		return ST_DATA;
	}
	for (int row = 0; row < T3_ROWS; row++) {
		json_t *a = json_object_get(t3, t3_row_key(row));
		if (!json_is_array(a) || json_array_size(a) != T3_COLS) {
			diag_add(d, "table3.%s: 缺少或不是 %d 个数的数组", t3_row_key(row), T3_COLS);
			return ST_DATA;
		}
		for (int c = 0; c < T3_COLS; c++)
			if (!json_count(json_array_get(a, (size_t)c), &r->t3.v[row][c])) {
				diag_add(d, "table3.%s[%d]: 不是非负整数", t3_row_key(row), c);
				return ST_DATA;
			}
	}
	if (json_object_size(t3) != T3_ROWS) {
		diag_add(d, "table3: 有多余的行（应恰好 %d 行）", T3_ROWS);
		return ST_DATA;
	}
	return ST_OK;
}

static enum status read_table4(json_t *root, struct report *r, struct diag *d)
{
	json_t *t4 = json_object_get(root, "table4");
	if (!json_is_object(t4)) {
		diag_add(d, "table4: 缺少或不是对象");
		return ST_DATA;
	}
	for (int g = 0; g < T4_GROUPS; g++) {
		const char *gk = code_key(&codes_t4_group, g);
		json_t *o = json_object_get(t4, gk);
		for (int c = 0; c < T4_COLS; c++) {
			const char *ck = code_key(&codes_t4_col, c);
			if (!json_is_object(o) || !json_count(json_object_get(o, ck), &r->t4.v[g][c])) {
				diag_add(d, "table4.%s.%s: 缺少或不是非负整数", gk, ck);
				return ST_DATA;
			}
		}
	}
	return ST_OK;
}

static enum status read_table2(json_t *root, struct report *r, struct diag *d)
{
	json_t *t2 = json_object_get(root, "table2");
	if (json_is_null(t2))
		return ST_OK;
	if (!json_is_object(t2)) {
		diag_add(d, "table2: 应为 null 或对象");
		return ST_DATA;
	}
	r->t2.entered = true;
	for (int c = 0; c < T2_CELLS; c++) {
		json_t *row = json_object_get(t2, t2_row_key(c));
		json_t *v = json_is_object(row) ? json_object_get(row, t2_col_key(c)) : NULL;
		bool ok = v != NULL;
		if (json_is_null(v))
			r->t2.v[c] = T2_NA;
		else if (c == T2_FEES)
			ok = json_is_string(v) && t2_parse_wan(json_string_value(v), &r->t2.v[c]);
		else
			ok = json_count(v, &r->t2.v[c]);
		if (!ok) {
			diag_add(d, "table2.%s.%s: 缺少或格式不对", t2_row_key(c), t2_col_key(c));
			return ST_DATA;
		}
	}
	return ST_OK;
}

static bool parse_yuan(const char *s, long long *fen)
{
	long long yuan = 0;
	int digits = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9' && digits < 13; p++, digits++)
		yuan = yuan * 10 + (*p - '0');
	if (!digits || p[0] != '.' || p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9' ||
	    p[3])
		return false;
	*fen = yuan * 100 + (p[1] - '0') * 10 + (p[2] - '0');
	return true;
}

static enum status read_header(json_t *root, struct report *r, struct diag *d)
{
	json_t *year = json_object_get(root, "year"), *format = json_object_get(root, "format");
	json_t *office = json_object_get(root, "office"), *cols = json_object_get(root, "columns");
	if (!json_is_integer(year) || json_integer_value(year) < 1900 ||
	    json_integer_value(year) > 2999) {
		diag_add(d, "year: 缺少或不是有效年度");
		return ST_DATA;
	}
	r->year = (int)json_integer_value(year);
	if (!json_is_string(format) || strcmp(json_string_value(format), REPORT_FORMAT) != 0) {
		diag_add(d, "format: 应为 \"%s\"（国办公开办函〔2021〕30号格式）", REPORT_FORMAT);
		return ST_DATA;
	}
	if (!json_is_null(office) && !json_is_string(office)) {
		diag_add(d, "office: 应为字符串或 null");
		return ST_DATA;
	}
	if (json_is_string(office))
		r->office = xstrdup(json_string_value(office));
	bool cols_ok = json_is_array(cols) && json_array_size(cols) == T3_COLS;
	for (int c = 0; cols_ok && c < T3_COLS; c++) {
		json_t *v = json_array_get(cols, (size_t)c);
		const char *want = c == T3_TOTAL ? "total" : code_key(&codes_applicant, c);
		cols_ok = json_is_string(v) && strcmp(json_string_value(v), want) == 0;
	}
	if (!cols_ok) {
		diag_add(d, "columns: 应为 person、business、research、nonprofit、legal、other、total");
		return ST_DATA;
	}
	json_t *fees = json_object_get(root, "fees_yuan");
	if (!json_is_string(fees) || !parse_yuan(json_string_value(fees), &r->fees_fen)) {
		diag_add(d, "fees_yuan: 缺少或不是金额字符串（如 \"0.00\"）");
		return ST_DATA;
	}
	return ST_OK;
}

static enum status read_parts(json_t *root, struct report *r, struct diag *d)
{
	json_t *parts = json_object_get(root, "parts");
	if (!parts)
		return ST_OK;
	if (!json_is_array(parts)) {
		diag_add(d, "parts: 应为机关名称的数组");
		return ST_DATA;
	}
	r->parts = xcalloc(json_array_size(parts) + 1, sizeof *r->parts);
	for (size_t i = 0; i < json_array_size(parts); i++) {
		json_t *v = json_array_get(parts, i);
		if (!json_is_string(v)) {
			diag_add(d, "parts[%zu]: 应为机关名称", i);
			return ST_DATA;
		}
		r->parts[r->nparts++] = xstrdup(json_string_value(v));
	}
	r->unchecked = json_is_true(json_object_get(root, "unchecked"));
	return ST_OK;
}

enum status report_from_json(const char *text, size_t len, struct report *r, struct diag *d)
{
	report_release(r);
	json_error_t err;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		diag_add(d, "第%d行: 不是有效的 JSON（%s）", err.line, err.text);
		return ST_DATA;
	}
	enum status st = json_is_object(root) ? ST_OK : ST_DATA;
	if (st != ST_OK)
		diag_add(d, "不是 gongkai 报表 JSON（顶层应为对象）");
	if (st == ST_OK)
		st = read_header(root, r, d);
	if (st == ST_OK)
		st = read_table3(root, r, d);
	if (st == ST_OK)
		st = read_table4(root, r, d);
	if (st == ST_OK)
		st = read_table2(root, r, d);
	if (st == ST_OK)
		st = read_parts(root, r, d);
	json_decref(root);
	if (st == ST_OK)
		report_check(r, NULL);
	return st;
}

/* ---- CSV ---- */

static void csv_row(struct strbuf *out, const char *const *cells, size_t n)
{
	struct csv_writer w;
	csv_writer_init(&w, out);
	for (size_t i = 0; i < n; i++)
		csv_write_text(&w, cells[i], cells[i] ? strlen(cells[i]) : 0);
	csv_end_record(&w);
}

static void csv_table2(const struct report *r, struct strbuf *out)
{
	static const char *const blocks[] = {
		"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
	};
	static const int first_cell[] = { T2_RULES_MADE, T2_LICENSING, T2_PENALTY, T2_FEES, T2_CELLS };
	const char *title[] = { REPORT_T2_TITLE };
	csv_row(out, title, 1);
	for (int b = 0; b < 4; b++) {
		csv_row(out, &blocks[b], 1);
		const char *head[4] = { "信息内容" };
		int ncols = b == 0 ? 3 : 1;
		for (int c = 0; c < ncols; c++)
			head[c + 1] = t2_col_label(first_cell[b] + c);
		csv_row(out, head, (size_t)ncols + 1);
		for (int cell = first_cell[b]; cell < first_cell[b + 1]; cell += ncols) {
			char nums[3][32];
			const char *row[4] = { t2_row_label(cell) };
			for (int c = 0; c < ncols; c++) {
				long long v = r->t2.entered ? r->t2.v[cell + c] : T2_NA;
				if (v == T2_NA)
					snprintf(nums[c], sizeof nums[c], "/");
				else if (cell + c == T2_FEES)
					t2_format_wan(v, nums[c]);
				else
					snprintf(nums[c], sizeof nums[c], "%lld", v);
				row[c + 1] = nums[c];
			}
			csv_row(out, row, (size_t)ncols + 1);
		}
	}
}

static void csv_table3(const struct report *r, struct strbuf *out)
{
	const char *title[] = { REPORT_T3_TITLE };
	csv_row(out, title, 1);
	const char *h1[10] = { T3_CORNER_NOTE, NULL, NULL, T3_HEADER };
	const char *h2[10] = { NULL, NULL, NULL, "自然人", T3_ORG_HEADER, NULL, NULL, NULL, NULL,
			       T3_TOTAL_LABEL };
	const char *h3[10] = { NULL };
	for (int c = AT_BUSINESS; c < AT_COUNT; c++)
		h3[3 + c] = code_label(&codes_applicant, c);
	csv_row(out, h1, 10);
	csv_row(out, h2, 10);
	csv_row(out, h3, 10);
	for (int row = 0; row < T3_ROWS; row++) {
		bool result = row >= OUTCOME_FIRST && row <= R_PROCESSED_TOTAL;
		const char *group = t3_row_group(row);
		const char *cells[10] = {
			result ? T3_RESULTS_LABEL : t3_row_label(row),
			result ? (group ? group : t3_row_label(row)) : NULL,
			result && group ? t3_row_label(row) : NULL,
		};
		char nums[T3_COLS][24];
		for (int c = 0; c < T3_COLS; c++) {
			snprintf(nums[c], sizeof nums[c], "%lld", r->t3.v[row][c]);
			cells[3 + c] = nums[c];
		}
		csv_row(out, cells, 10);
	}
}

static void csv_table4(const struct report *r, struct strbuf *out)
{
	const char *title[] = { REPORT_T4_TITLE };
	csv_row(out, title, 1);
	const char *h1[15] = { "行政复议" };
	h1[5] = "行政诉讼";
	const char *h2[15] = { NULL };
	h2[5] = code_label(&codes_t4_group, T4_SUIT_DIRECT);
	h2[10] = code_label(&codes_t4_group, T4_SUIT_AFTER_REVIEW);
	const char *h3[15];
	const char *row[15];
	char nums[15][24];
	for (int g = 0; g < T4_GROUPS; g++)
		for (int c = 0; c < T4_COLS; c++) {
			h3[g * T4_COLS + c] = code_label(&codes_t4_col, c);
			snprintf(nums[g * T4_COLS + c], sizeof nums[0], "%lld", r->t4.v[g][c]);
			row[g * T4_COLS + c] = nums[g * T4_COLS + c];
		}
	csv_row(out, h1, 15);
	csv_row(out, h2, 15);
	csv_row(out, h3, 15);
	csv_row(out, row, 15);
}

/* A sentence (made by fn) alone on its row. */
static void csv_sentence(struct strbuf *out, void (*fn)(const struct report *, struct strbuf *),
			 const struct report *r)
{
	struct strbuf s = STRBUF_INIT;
	fn(r, &s);
	const char *cell[] = { sb_str(&s) };
	csv_row(out, cell, 1);
	sb_release(&s);
}

void report_csv(const struct report *r, struct strbuf *out)
{
	sb_adds(out, "\xEF\xBB\xBF");
	csv_sentence(out, report_heading, r);
	csv_table2(r, out);
	sb_adds(out, "\r\n");
	csv_table3(r, out);
	sb_adds(out, "\r\n");
	csv_table4(r, out);
	sb_adds(out, "\r\n");
	const char *six[] = { REPORT_S6_TITLE };
	csv_row(out, six, 1);
	csv_sentence(out, report_fee_sentence, r);
	sb_adds(out, "\r\n");
	csv_sentence(out, report_overview_sentence, r);
	if (r->nparts) {
		sb_adds(out, "\r\n");
		csv_sentence(out, report_parts_sentence, r);
	}
}
