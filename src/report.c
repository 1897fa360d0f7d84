/*
 * report.c — building a year's report from the database, its checks and its sentences. Its
 * forms are written by report_text.c, report_csv.c, report_json.c (written and read back),
 * report_html.c and report_xlsx.c, listed once in report_format.c.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
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
		table2_format_wan(v, buf);
	else
		snprintf(buf, 32, "%lld", v);
	return buf;
}

void report_title(const struct report *r, enum report_part part, bool draft, struct strbuf *out)
{
	if (r->office && *r->office)
		sb_addf(out, "%s ", r->office);
	sb_addf(out, "%d年政府信息公开工作年度报告", r->year);
	if (part == REPORT_TABLES)
		sb_adds(out, "（统计部分）");
	if (r->nparts)
		sb_adds(out, "（汇总）");
	if (draft)
		sb_adds(out, "（草稿）");
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

void report_add_yuan(struct strbuf *out, long long fen)
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
	report_add_yuan(out, r->fees_fen);
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
