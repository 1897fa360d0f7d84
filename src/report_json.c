/*
 * report_json.c — the report as JSON (docs/report.md), and read back from it.
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
#include "xmem.h"

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
		bool first = c == 0 || strcmp(table2_row_key(c), table2_row_key(c - 1)) != 0;
		bool last = c + 1 == T2_CELLS || strcmp(table2_row_key(c), table2_row_key(c + 1)) != 0;
		if (first)
			sb_addf(out, "    \"%s\": {", table2_row_key(c));
		sb_addf(out, "%s\"%s\": ", first ? "" : ", ", table2_col_key(c));
		char buf[32];
		if (r->t2.v[c] == T2_NA)
			sb_adds(out, "null");
		else if (c == T2_FEES)
			sb_addf(out, "\"%s\"", table2_format_wan_exact(r->t2.v[c], buf));
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
		json_t *row = json_object_get(t2, table2_row_key(c));
		json_t *v = json_is_object(row) ? json_object_get(row, table2_col_key(c)) : NULL;
		bool ok = v != NULL;
		if (json_is_null(v))
			r->t2.v[c] = T2_NA;
		else if (c == T2_FEES)
			ok = json_is_string(v) && table2_parse_wan(json_string_value(v), &r->t2.v[c]);
		else
			ok = json_count(v, &r->t2.v[c]);
		if (!ok) {
			diag_add(d, "table2.%s.%s: 缺少或格式不对", table2_row_key(c), table2_col_key(c));
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
