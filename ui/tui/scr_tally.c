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
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "xmem.h"

static struct {
	struct pager pager;
	int built_width;
	int balanced;   /* 1 the checks hold, 0 they fail, -1 not counted */
} T;

static enum km_scope scope(void)
{
	return KS_TALLY;
}

/* Adds the lines of text (each ending "\n") to the document in one role. */
static void add_lines(const char *text, enum draw_role role)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		pager_add(&T.pager, role, line);
		free(line);
		p += n + (nl ? 1 : 0);
	}
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
static void chart_header(int bw)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "  ");
	text_fit("月份", 4, &sb);
	sb_adds(&sb, " ");
	text_fit_align("收到", 5, TEXT_RIGHT, &sb);
	sb_repeat(&sb, " ", bw + 2);
	text_fit_align("办结", 5, TEXT_RIGHT, &sb);
	pager_add(&T.pager, R_NOTE, sb_str(&sb));
	sb_release(&sb);
}

static void monthly_chart(struct tui *t, int width)
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
	pager_blank(&T.pager);
	pager_addf(&T.pager, R_HEADING, "%d 年每月收到和办结的申请", t->year);
	if (!sum) {
		pager_add(&T.pager, R_NOTE, "  本年度没有收到或办结的申请。");
		return;
	}
	/* "  NN月 nnnnn bar nnnnn bar": 20 columns besides the two bars */
	int bw = (width - 20) / 2;
	struct strbuf sb = STRBUF_INIT;
	chart_header(bw);
	for (int m = 0; m < 12; m++) {
		sb_reset(&sb);
		sb_addf(&sb, "  %2d月 %5lld ", m + 1, rec[m]);
		pager_add(&T.pager, R_NORMAL, sb_str(&sb));
		sb_reset(&sb);
		bar(rec[m], max, bw, &sb);
		pager_seg(&T.pager, R_BAR, sb_str(&sb));
		sb_reset(&sb);
		sb_addf(&sb, " %5lld ", ans[m]);
		pager_seg(&T.pager, R_NORMAL, sb_str(&sb));
		sb_reset(&sb);
		bar(ans[m], max, bw, &sb);
		pager_seg(&T.pager, R_BAR2, sb_str(&sb));
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

static void outcome_chart(const struct report *r, int width)
{
	long long total = r->t3.v[R_PROCESSED_TOTAL][T3_TOTAL];
	pager_blank(&T.pager);
	pager_addf(&T.pager, R_HEADING, "%d 年办理结果构成（共办结 %lld 件）", r->year, total);
	if (!total) {
		pager_add(&T.pager, R_NOTE, "  本年度没有办结的申请。");
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
		long long n = 0;
		for (int row = shares[i].first; row <= shares[i].last; row++)
			n += r->t3.v[row][T3_TOTAL];
		sb_reset(&sb);
		sb_addf(&sb, "  %s %6lld 件 %5.1f%% ", shares[i].label, n, 100.0 * (double)n / (double)total);
		pager_add(&T.pager, R_NORMAL, sb_str(&sb));
		sb_reset(&sb);
		bar(n, total, width - text_width("  予以公开 123456 件 100.0% ") - 2, &sb);
		pager_seg(&T.pager, R_BAR, sb_str(&sb));
	}
	sb_release(&sb);
}

static void balance(const struct report *r, int width)
{
	if (r->balanced && r->carry_matches) {
		pager_add_wrapped(&T.pager, R_GOOD, "勾稽关系 ✓ 成立：各列第一项加第二项之和，等于第三项"
				"加第四项之和；上年结转与上一年度一致", 0, width);
		return;
	}
	pager_add(&T.pager, R_ERROR, "勾稽关系 ✗ 不成立：");
	for (size_t i = 0; i < r->problems.n; i++)
		pager_add_wrapped(&T.pager, R_ERROR, r->problems.lines[i], 2, width);
}

static void build(struct tui *t)
{
	int width = COLS - 2;
	struct report r;
	struct diag d = DIAG_INIT;
	report_init(&r);
	pager_clear(&T.pager);
	T.built_width = COLS;
	T.balanced = -1;
	if (report_build(t->s, t->year, &r, &d) != ST_OK) {
		tui_fail(t, ST_IO, &d);
		pager_add(&T.pager, R_ERROR, "读取统计数字失败，请稍后再试。");
	} else {
		struct strbuf sb = STRBUF_INIT;
		pager_addf(&T.pager, R_HEADING, "%d 年度  三、收到和处理政府信息公开申请情况", t->year);
		balance(&r, width);
		T.balanced = r.balanced && r.carry_matches;
		report_text_table3(&r, width, &sb);
		add_lines(sb_str(&sb), R_NORMAL);
		pager_blank(&T.pager);
		pager_addf(&T.pager, R_HEADING, "%d 年度  四、政府信息公开行政复议、行政诉讼情况", t->year);
		sb_reset(&sb);
		report_text_table4(&r, &sb);
		add_lines(sb_str(&sb), R_NORMAL);
		sb_release(&sb);
		monthly_chart(t, width);
		outcome_chart(&r, width);
	}
	report_release(&r);
	diag_release(&d);
}

static void enter(struct tui *t)
{
	build(t);
}

static void layout(struct tui *t)
{
	if (T.built_width && T.built_width != COLS)
		build(t);
}

static void draw(struct tui *t)
{
	(void)t;
	int top, height;
	tui_area(&top, &height);
	pager_draw(&T.pager, top, 1, height, COLS - 1);
}

static bool handle(struct tui *t, enum action a, int key)
{
	(void)key;
	bool changed;
	if (!tui_year_action(t, a, &changed))
		return false;
	if (changed) {
		T.pager.top = 0;
		build(t);
	}
	return true;
}

static void status(struct tui *t, struct strbuf *out)
{
	sb_addf(out, "%d 年度", t->year);
	if (T.balanced >= 0)
		sb_adds(out, T.balanced ? "  勾稽关系 ✓" : "  勾稽关系 ✗ 不成立");
}

const struct view view_tally = {
	.name = "年度统计",
	.scope = scope,
	.enter = enter,
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.reload = build,
	.status = status,
	.pager = &T.pager,
};
