/*
 * scr_tally.c — screen 2, 年度统计: table 三 of the year exactly as the report prints it, the
 * balance check (勾稽关系), table 四, and two charts drawn with block characters: applications
 * received and answered per month, and the share of each outcome.
 *
 * Everything is counted by the store's indexed aggregates when the screen is entered, when the
 * year changes, and when an application is saved here or by another clerk.
 */
#include "scr_tally.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "pager.h"
#include "report.h"
#include "scr_year.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "xmem.h"

struct tally_screen {
	struct yearpage yp;   /* first: the screen is a year page */
	int balanced;         /* 1 the checks hold, 0 they fail, -1 not counted */
};

static enum km_scope scope(struct view *v)
{
	(void)v;
	return KS_TALLY;
}

static enum draw_role normal(const char *line, bool first)
{
	(void)line;
	(void)first;
	return R_NORMAL;
}

/* A bar of value/max × width columns: whole blocks and an eighth block for the rest. */
static void bar(long long value, long long max, int width, struct strbuf *out)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	int cells = 0;
	if (max > 0 && value > 0) {
		long long units = value * width * 8 / max;
		if (units == 0)
			units = 1;   /* a value that is not zero shows */
		for (long long i = 0; i < units / 8; i++)
			sb_adds(out, "█");
		sb_adds(out, eighths[units % 8]);
		cells = (int)(units / 8) + (units % 8 ? 1 : 0);
	}
	sb_repeat(out, " ", width - cells);
}

/* The column names above the monthly chart, over its numbers. */
static void chart_header(struct pager *pg, int bw)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "  ");
	text_fit("月份", 4, &sb);
	sb_adds(&sb, " ");
	text_fit_align("收到", 5, TEXT_RIGHT, &sb);
	sb_repeat(&sb, " ", bw + 2);
	text_fit_align("办结", 5, TEXT_RIGHT, &sb);
	pager_add(pg, R_NOTE, sb_str(&sb));
	sb_release(&sb);
}

static void monthly_chart(struct tui *t, struct pager *pg, int width)
{
	long long rec[12], ans[12], max = 0, sum = 0;
	struct diag d = DIAG_INIT;
	if (store_monthly(t->s, t->year, rec, ans, &d) != ST_OK) {
		tui_fail(t, ST_IO, &d);
		diag_release(&d);
		return;
	}
	diag_release(&d);
	for (int m = 0; m < 12; m++) {
		max = rec[m] > max ? rec[m] : max;
		max = ans[m] > max ? ans[m] : max;
		sum += rec[m] + ans[m];
	}
	pager_blank(pg);
	pager_addf(pg, R_HEADING, "%d 年每月收到和办结的申请", t->year);
	if (!sum) {
		pager_add(pg, R_NOTE, "  本年度没有收到或办结的申请。");
		return;
	}
	/* "  NN月 nnnnn bar nnnnn bar": 20 columns besides the two bars */
	int bw = (width - 20) / 2;
	struct strbuf sb = STRBUF_INIT;
	chart_header(pg, bw);
	for (int m = 0; m < 12; m++) {
		sb_reset(&sb);
		sb_addf(&sb, "  %2d月 %5lld ", m + 1, rec[m]);
		pager_add(pg, R_NORMAL, sb_str(&sb));
		sb_reset(&sb);
		bar(rec[m], max, bw, &sb);
		pager_seg(pg, R_BAR, sb_str(&sb));
		sb_reset(&sb);
		sb_addf(&sb, " %5lld ", ans[m]);
		pager_seg(pg, R_NORMAL, sb_str(&sb));
		sb_reset(&sb);
		bar(ans[m], max, bw, &sb);
		pager_seg(pg, R_BAR2, sb_str(&sb));
	}
	sb_release(&sb);
}

/* The outcome groups of table 三: first and last row of each. */
static const struct {
	const char *label;
	int first, last;
} shares[] = {
	{ "予以公开", R_GRANTED, R_GRANTED },
	{ "部分公开", R_PARTIAL, R_PARTIAL },
	{ "不予公开", R_WITHHELD_SECRET, R_WITHHELD_QUERY },
	{ "无法提供", R_UNAVAILABLE_NOT_HELD, R_UNAVAILABLE_UNCLEAR },
	{ "不予处理", R_REJECTED_PETITION, R_REJECTED_CONFIRMATION },
	{ "其他处理", R_OTHER_NO_CORRECTION, R_OTHER_OTHER },
};

static void outcome_chart(struct pager *pg, const struct report *r, int width)
{
	long long total = r->t3.v[R_PROCESSED_TOTAL][T3_TOTAL];
	pager_blank(pg);
	pager_addf(pg, R_HEADING, "%d 年办理结果构成（共办结 %lld 件）", r->year, total);
	if (!total) {
		pager_add(pg, R_NOTE, "  本年度没有办结的申请。");
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
		long long n = 0;
		for (int row = shares[i].first; row <= shares[i].last; row++)
			n += r->t3.v[row][T3_TOTAL];
		sb_reset(&sb);
		sb_addf(&sb, "  %s %6lld 件 %5.1f%% ", shares[i].label, n, 100.0 * (double)n / (double)total);
		pager_add(pg, R_NORMAL, sb_str(&sb));
		sb_reset(&sb);
		bar(n, total, width - text_width("  予以公开 123456 件 100.0% ") - 2, &sb);
		pager_seg(pg, R_BAR, sb_str(&sb));
	}
	sb_release(&sb);
}

static void balance(struct pager *pg, const struct report *r, int width)
{
	if (r->balanced && r->carry_matches) {
		pager_add_wrapped(pg, R_GOOD, "勾稽关系 ✓ 成立：各列第一项加第二项之和，等于第三项"
				"加第四项之和；上年结转与上一年度一致", 0, width);
		return;
	}
	pager_add(pg, R_ERROR, "勾稽关系 ✗ 不成立：");
	for (size_t i = 0; i < r->problems.n; i++)
		pager_add_wrapped(pg, R_ERROR, r->problems.lines[i], 2, width);
}

static void build(struct tui *t, struct view *v)
{
	struct tally_screen *T = v->priv;
	struct pager *pg = &T->yp.pager;
	int width = COLS - 2;
	struct report r;
	struct diag d = DIAG_INIT;
	report_init(&r);
	T->balanced = -1;
	if (report_build(t->s, t->year, &r, &d) != ST_OK) {
		tui_fail(t, ST_IO, &d);
		pager_add(pg, R_ERROR, "读取统计数字失败，请稍后再试。");
	} else {
		struct strbuf sb = STRBUF_INIT;
		pager_addf(pg, R_HEADING, "%d 年度  三、收到和处理政府信息公开申请情况", t->year);
		balance(pg, &r, width);
		T->balanced = r.balanced && r.carry_matches;
		report_text_table3(&r, width, &sb);
		yearpage_add_lines(pg, sb_str(&sb), normal);
		pager_blank(pg);
		pager_addf(pg, R_HEADING, "%d 年度  四、政府信息公开行政复议、行政诉讼情况", t->year);
		sb_reset(&sb);
		report_text_table4(&r, &sb);
		yearpage_add_lines(pg, sb_str(&sb), normal);
		sb_release(&sb);
		monthly_chart(t, pg, width);
		outcome_chart(pg, &r, width);
	}
	report_release(&r);
	diag_release(&d);
}

static void init(struct view *v)
{
	yearpage_init(v, build);
}

static bool handle(struct tui *t, struct view *v, enum action a, int key)
{
	(void)key;
	return yearpage_handle(t, v, a);
}

static void status(struct tui *t, struct view *v, struct strbuf *out)
{
	const struct tally_screen *T = v->priv;
	yearpage_status(t, v, out);
	if (T->balanced >= 0)
		sb_adds(out, T->balanced ? "  勾稽关系 ✓" : "  勾稽关系 ✗ 不成立");
}

const struct view_ops scr_tally_ops = {
	.name = "年度统计",
	.size = sizeof(struct tally_screen),
	.init = init,
	.release = yearpage_release,
	.scope = scope,
	.enter = yearpage_enter,
	.layout = yearpage_layout,
	.draw = yearpage_draw,
	.handle = handle,
	.reload = yearpage_enter,
	.status = status,
};
