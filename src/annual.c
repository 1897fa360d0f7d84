/*
 * annual.c — the whole annual report: the office's sections, their fields, the checks of the
 * text against the tables, and the report as a document (text and Word through docx.h) and as
 * an HTML page. docs/annual-report.md says what each part holds and what the checks find.
 *
 * The text is checked the way an evaluator reads it: sentence by sentence (ending at 。！？；
 * or a line's end), a number followed by 件 in a sentence about applications (申请) is what
 * the nearest word before it says — 受理/收到/新收 the applications received, 办结/答复 those
 * answered, 上年结转 those carried in, 结转/继续办理 those carried over — and is compared with
 * table 三's 总计 column; a number of 元 in a sentence about the 信息处理费 with the fees of
 * section 六. Words that make a number something else (其中, 同比, 较上年, an outcome's name)
 * stop the reading until the next such word, so `其中予以公开 5 件` is left alone.
 */
#include "annual.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "docx.h"
#include "outfile.h"
#include "store.h"
#include "table2.h"
#include "text.h"
#include "xmem.h"

/* ---- the sections ---- */

static const struct {
	const char *key, *name, *heading, *skeleton;
	bool required;
} sections[AN_SECTIONS] = {
	[AN_OVERVIEW] = { "overview", "总体情况", "一、总体情况",
		"（一）主动公开\n\n（二）依申请公开\n{概述句}\n\n（三）政府信息管理\n\n"
		"（四）政府信息公开平台建设\n\n（五）监督保障\n", true },
	[AN_PROBLEMS] = { "problems", "问题改进", "五、存在的主要问题及改进情况",
		"（一）存在问题\n\n（二）改进措施\n", true },
	[AN_OTHER] = { "other", "其他事项", REPORT_S6_TITLE, "", false },
};

const char *annual_section_key(int k)
{
	return sections[k].key;
}

const char *annual_section_name(int k)
{
	return sections[k].name;
}

const char *annual_section_heading(int k)
{
	return sections[k].heading;
}

const char *annual_section_skeleton(int k)
{
	return sections[k].skeleton;
}

int annual_section_parse(const char *name)
{
	for (int k = 0; name && k < AN_SECTIONS; k++)
		if (strcmp(name, sections[k].key) == 0 || strcmp(name, sections[k].name) == 0)
			return k;
	return -1;
}

void annual_section_names(struct strbuf *out)
{
	for (int k = 0; k < AN_SECTIONS; k++)
		sb_addf(out, "%s%s（%s）", k ? "、" : "", sections[k].name, sections[k].key);
}

void annual_init(struct annual *a)
{
	memset(a, 0, sizeof *a);
	report_init(&a->r);
}

void annual_release(struct annual *a)
{
	report_release(&a->r);
	for (int k = 0; k < AN_SECTIONS; k++) {
		free(a->text[k]);
		free(a->last[k]);
	}
	diag_release(&a->problems);
	annual_init(a);
}

/* ---- fields ---- */

enum field { FLD_OVERVIEW, FLD_FEES, FLD_NEW, FLD_IN, FLD_DONE, FLD_OUT, FLD_FEE_YUAN, FLD_T2_FEES, FIELD_COUNT };
static const char *const field_names[FIELD_COUNT] = {
	"概述句", "收费句", "本年新收", "上年结转", "办结", "结转下年", "收费金额", "表二收费",
};

/* The field whose name is s[0..n), or -1. */
static int field_of(const char *s, size_t n)
{
	for (int f = 0; f < FIELD_COUNT; f++)
		if (strlen(field_names[f]) == n && memcmp(field_names[f], s, n) == 0)
			return f;
	return -1;
}

static void field_value(const struct report *r, int f, struct strbuf *out)
{
	char buf[32];
	switch (f) {
	case FLD_OVERVIEW: report_overview_sentence(r, out); break;
	case FLD_FEES: report_fee_sentence(r, out); break;
	case FLD_NEW: sb_addf(out, "%lld", r->t3.v[R_NEW][T3_TOTAL]); break;
	case FLD_IN: sb_addf(out, "%lld", r->t3.v[R_CARRIED_IN][T3_TOTAL]); break;
	case FLD_DONE: sb_addf(out, "%lld", r->t3.v[R_PROCESSED_TOTAL][T3_TOTAL]); break;
	case FLD_OUT: sb_addf(out, "%lld", r->t3.v[R_CARRIED_OUT][T3_TOTAL]); break;
	case FLD_FEE_YUAN: report_add_yuan(out, r->fees_fen); break;
	default: sb_adds(out, report_t2_cell_text(r, T2_FEES, buf)); break;
	}
}

/* The field that starts at s (a `{name}`): its number and length through the `}`, or -1 when
 * s is not a field; *name_len the name's length, for a message. */
static int field_at(const char *s, size_t *len, size_t *name_len)
{
	const char *end = strchr(s + 1, '}');
	const char *nl = strchr(s + 1, '\n');
	if (!end || (nl && nl < end) || end - s > 40) {
		*name_len = 0;
		return -1;
	}
	*name_len = (size_t)(end - s - 1);
	*len = (size_t)(end - s + 1);
	return field_of(s + 1, *name_len);
}

bool annual_fields_valid(const char *text, struct diag *d)
{
	bool ok = true;
	int line = 1;
	for (const char *p = text; p && *p; p++) {
		if (*p == '\n')
			line++;
		if (*p != '{')
			continue;
		size_t len, name_len;
		if (field_at(p, &len, &name_len) < 0 && name_len) {
			struct strbuf names = STRBUF_INIT;
			for (int f = 0; f < FIELD_COUNT; f++)
				sb_addf(&names, "%s{%s}", f ? "、" : "", field_names[f]);
			diag_add(d, "第 %d 行: 未知的字段 {%.*s}（可用的字段：%s）", line,
				 (int)name_len, p + 1, sb_str(&names));
			sb_release(&names);
			ok = false;
		}
	}
	return ok;
}

void annual_expand(const struct report *r, const char *text, struct strbuf *out)
{
	for (const char *p = text; p && *p;) {
		size_t len, name_len;
		int f = *p == '{' ? field_at(p, &len, &name_len) : -1;
		if (f >= 0) {
			field_value(r, f, out);
			p += len;
		} else {
			sb_addc(out, *p++);
		}
	}
}

/* ---- building ---- */

enum status annual_build(struct store *s, int year, struct annual *a, struct diag *d)
{
	annual_release(a);
	enum status st = report_build(s, year, &a->r, d);
	if (st == ST_OK)
		st = annual_read_text(s, a, d);
	if (st == ST_OK)
		annual_check(a);
	return st;
}

enum status annual_read_text(struct store *s, struct annual *a, struct diag *d)
{
	enum status st = ST_OK;
	for (int k = 0; st == ST_OK && k < AN_SECTIONS; k++) {
		long long v;
		free(a->text[k]);
		free(a->last[k]);
		a->last[k] = NULL;
		st = store_section_get(s, a->r.year, sections[k].key, &a->text[k], &a->version[k],
				       d);
		if (st == ST_OK)
			st = store_section_get(s, a->r.year - 1, sections[k].key, &a->last[k], &v, d);
	}
	return st;
}

/* ---- the checks ---- */

enum what { W_NONE, W_GOT, W_IN, W_DONE, W_OUT };

/* Words that say what the number after them counts, longest first where one begins another. */
/* `hold` words make the numbers of the rest of their clause (to the next ，) comparisons, not
 * this year's counts: 较上年收到的 20 件. */
static const struct {
	const char *word;
	enum what what;
	bool hold;
} words[] = {
	{ "上年结转", W_IN, false }, { "结转下年", W_OUT, false }, { "结转至下年", W_OUT, false },
	{ "转入下年", W_OUT, false }, { "继续办理", W_OUT, false }, { "结转", W_OUT, false },
	{ "办结", W_DONE, false }, { "答复", W_DONE, false }, { "办理完毕", W_DONE, false },
	{ "处理完毕", W_DONE, false }, { "受理", W_GOT, false }, { "收到", W_GOT, false },
	{ "新收", W_GOT, false }, { "接收", W_GOT, false }, { "其中", W_NONE, false },
	{ "同比", W_NONE, true }, { "较上年", W_NONE, true }, { "比上年", W_NONE, true },
	{ "上年", W_NONE, true }, { "去年", W_NONE, true }, { "增加", W_NONE, false },
	{ "减少", W_NONE, false }, { "增长", W_NONE, false }, { "下降", W_NONE, false },
	{ "予以公开", W_NONE, false }, { "部分公开", W_NONE, false }, { "不予公开", W_NONE, false },
	{ "无法提供", W_NONE, false }, { "不予处理", W_NONE, false }, { "其他处理", W_NONE, false },
	{ "复议", W_NONE, false }, { "诉讼", W_NONE, false },
};

/* The value of a Chinese numeral (零〇一二两三四五六七八九十百千万) at s, its length in *len;
 * -1 when s does not start one. */
static long long chinese_number(const char *s, size_t *len)
{
	static const char *const digit[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八",
					     "九" };
	long long total = 0, section = 0, cur = -1;
	const char *p = s;
	if (strncmp(p, "百", 3) == 0 || strncmp(p, "千", 3) == 0 || strncmp(p, "万", 3) == 0)
		return -1;   /* a unit alone (万元) is no number */
	for (;;) {
		int d = -1;
		for (int i = 0; i < 10; i++)
			if (strncmp(p, digit[i], 3) == 0)
				d = i;
		if (strncmp(p, "〇", 3) == 0)
			d = 0;
		if (strncmp(p, "两", 3) == 0)
			d = 2;
		if (d >= 0) {
			cur = d;
			p += 3;
			continue;
		}
		long long unit = strncmp(p, "十", 3) == 0 ? 10 : strncmp(p, "百", 3) == 0 ? 100
			: strncmp(p, "千", 3) == 0 ? 1000 : strncmp(p, "万", 3) == 0 ? 10000 : 0;
		if (!unit)
			break;
		if (unit == 10000) {
			total = (total + section + (cur > 0 ? cur : 0)) * 10000;
			section = 0;
		} else {
			section += (cur >= 0 ? cur : 1) * unit;
		}
		cur = -1;
		p += 3;
	}
	if (p == s)
		return -1;
	*len = (size_t)(p - s);
	return total + section + (cur > 0 ? cur : 0);
}

/* A number at s: ASCII or full-width digits, with thousands commas and a decimal part, in
 * ten-thousandths (*v4: 万元 have four decimals), or a Chinese numeral; its length in *len.
 * False when s starts none. */
static bool number_at(const char *s, long long *v4, size_t *len)
{
	const char *p = s;
	long long v = 0, frac = 0;
	int nfrac = -1;
	for (;;) {
		int dgt = -1;
		if (*p >= '0' && *p <= '9') {
			dgt = *p - '0';
			p++;
		} else if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC
			   && (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
			dgt = (unsigned char)p[2] - 0x90;   /* ０..９ */
			p += 3;
		} else if (*p == ',' && p > s && p[1] >= '0' && p[1] <= '9' && nfrac < 0) {
			p++;
			continue;
		} else if (*p == '.' && p > s && nfrac < 0 && p[1] >= '0' && p[1] <= '9') {
			nfrac = 0;
			p++;
			continue;
		}
		if (dgt < 0)
			break;
		if (nfrac >= 0) {
			if (nfrac < 4)
				frac = frac * 10 + dgt;
			nfrac++;
		} else if (v < 100000000000LL) {
			v = v * 10 + dgt;
		}
	}
	if (p > s) {
		for (int i = nfrac < 0 ? 0 : nfrac; i < 4; i++)
			frac *= 10;
		*v4 = v * 10000 + (nfrac > 0 ? frac : 0);
		*len = (size_t)(p - s);
		return true;
	}
	long long c = chinese_number(s, len);
	if (c < 0)
		return false;
	*v4 = c * 10000;
	return true;
}

/* s after spaces (ASCII and ideographic). */
static const char *skip_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ')
			s++;
		else if (strncmp(s, "　", 3) == 0)
			s += 3;
		else
			return s;
	}
}

struct reading {
	struct annual *a;
	int section;
};

static void quote(const char *s, size_t n, struct strbuf *out)
{
	/* at most about 60 characters of the sentence, cut at a character */
	size_t i = 0, chars = 0;
	while (i < n && chars < 60) {
		size_t step = utf8_decode(s + i, n - i, &(uint32_t){ 0 });
		i += step ? step : 1;
		chars++;
	}
	sb_addf(out, "「%.*s%s」", (int)i, s, i < n ? "……" : "");
}

static void problem(struct reading *rd, const char *s, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void problem(struct reading *rd, const char *s, size_t n, const char *fmt, ...)
{
	struct strbuf line = STRBUF_INIT;
	sb_addf(&line, "%s：", sections[rd->section].heading);
	quote(s, n, &line);
	va_list ap;
	va_start(ap, fmt);
	char *rest = xvasprintf(fmt, ap);
	va_end(ap);
	sb_adds(&line, rest);
	free(rest);
	diag_add(&rd->a->problems, "%s", sb_str(&line));
	sb_release(&line);
}

static bool contains(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (memcmp(s + i, word, w) == 0)
			return true;
	return false;
}

/* The numbers of applications in one sentence s[0..n). */
static void check_counts(struct reading *rd, const char *s, size_t n)
{
	const struct table3 *t = &rd->a->r.t3;
	enum what what = W_NONE;
	bool hold = false;
	for (size_t i = 0; i < n;) {
		size_t len = 0;
		if (strncmp(s + i, "，", 3) == 0 || s[i] == ',')
			hold = false;
		for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
			size_t wl = strlen(words[w].word);
			if (i + wl <= n && memcmp(s + i, words[w].word, wl) == 0) {
				hold = hold || words[w].hold;
				what = hold ? W_NONE : words[w].what;
				len = wl;
				break;
			}
		}
		long long v4;
		if (!len && number_at(s + i, &v4, &len)) {
			const char *after = skip_spaces(s + i + len);
			if (what != W_NONE && after < s + n && strncmp(after, "件", 3) == 0
			    && v4 % 10000 == 0) {
				long long v = v4 / 10000, got = t->v[R_NEW][T3_TOTAL];
				long long in = t->v[R_CARRIED_IN][T3_TOTAL];
				static const char *const name[] = { "", "本年新收申请", "上年结转申请",
								    "办理结果总计", "结转下年度继续办理" };
				long long want = what == W_GOT ? got : what == W_IN ? in
					: what == W_DONE ? t->v[R_PROCESSED_TOTAL][T3_TOTAL]
					: t->v[R_CARRIED_OUT][T3_TOTAL];
				/* 受理 may count the carried-in applications too */
				bool ok = v == want || (what == W_GOT && v == got + in);
				if (!ok)
					problem(rd, s, n, "写 %lld 件，表三的%s为 %lld 件", v, name[what],
						want);
				what = W_NONE;
			}
		}
		if (!len) {
			size_t step = utf8_decode(s + i, n - i, &(uint32_t){ 0 });
			len = step ? step : 1;
		}
		i += len;
	}
}

/* The fee amounts in one sentence about the 信息处理费. */
static void check_fees(struct reading *rd, const char *s, size_t n)
{
	long long fen = rd->a->r.fees_fen;
	if (fen > 0 && (contains(s, n, "未收取") || contains(s, n, "未收费")
			|| contains(s, n, "没有收取"))) {
		struct strbuf have = STRBUF_INIT;
		report_add_yuan(&have, fen);
		problem(rd, s, n, "说未收取，而本年收取的信息处理费为 %s 元", sb_str(&have));
		sb_release(&have);
		return;
	}
	for (size_t i = 0; i < n;) {
		long long v4;
		size_t len;
		if (number_at(s + i, &v4, &len)) {
			const char *after = skip_spaces(s + i + len);
			bool wan = strncmp(after, "万元", 6) == 0;
			if (wan || strncmp(after, "元", 3) == 0) {
				/* in 分: 元 to two decimals, 万元 to four */
				long long said = wan ? v4 * 100 : v4 / 100;
				if (said != fen || (!wan && v4 % 100)) {
					struct strbuf have = STRBUF_INIT;
					report_add_yuan(&have, fen);
					problem(rd, s, n, "写的金额与本年收取的信息处理费 %s 元不符",
						sb_str(&have));
					sb_release(&have);
				}
			}
		} else {
			size_t step = utf8_decode(s + i, n - i, &(uint32_t){ 0 });
			len = step ? step : 1;
		}
		i += len;
	}
}

/* Whether the sentence ends at s: 。！？； (and their ASCII forms) or a line's end. */
static size_t sentence_end(const char *s)
{
	static const char *const ends[] = { "。", "！", "？", "；", "\n", "!", "?", ";" };
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
		if (strncmp(s, ends[k], strlen(ends[k])) == 0)
			return strlen(ends[k]);
	return 0;
}

static void check_text(struct reading *rd, const char *text)
{
	const char *start = text;
	for (const char *p = text;; ) {
		size_t e = *p ? sentence_end(p) : 1;
		if (!e) {
			p++;
			continue;
		}
		size_t n = (size_t)(p - start) + (*p && *p != '\n' ? e : 0);
		const char *s = start;
		while (n && (*s == ' ' || *s == '\n')) {
			s++;
			n--;
		}
		if (n && contains(s, n, "申请"))
			check_counts(rd, s, n);
		if (n && contains(s, n, "处理费"))
			check_fees(rd, s, n);
		if (!*p)
			break;
		p += e;
		start = p;
	}
}

bool annual_is_heading(const char *s, size_t n)
{
	if (n > 60 || !(strncmp(s, "（", 3) == 0 || *s == '('))
		return false;
	for (size_t i = 0; i + 3 < n; i++)
		if (memcmp(s + i, "。", 3) == 0)
			return false;
	return true;
}

/* Whether the text is only headings, fields and blank lines: nothing the office wrote itself. */
static bool only_skeleton(const char *text)
{
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		struct strbuf line = STRBUF_INIT;
		sb_add(&line, p, n);
		size_t len, name_len;
		bool heading = annual_is_heading(p, n);
		bool field = *p == '{' && field_at(p, &len, &name_len) >= 0 && len == n;
		bool blank = text_blank(sb_str(&line));
		sb_release(&line);
		if (!heading && !field && !blank)
			return false;
		p += n + (nl ? 1 : 0);
	}
	return true;
}

/* Whether two texts are the same but for spaces and blank lines. */
static bool same_text(const char *x, const char *y)
{
	for (;;) {
		while (*x == ' ' || *x == '\n' || *x == '\t' || *x == '\r')
			x++;
		while (*y == ' ' || *y == '\n' || *y == '\t' || *y == '\r')
			y++;
		if (!*x || !*y)
			return !*x && !*y;
		if (*x++ != *y++)
			return false;
	}
}

void annual_check(struct annual *a)
{
	diag_clear(&a->problems);
	struct reading rd = { a, 0 };
	for (int k = 0; k < AN_SECTIONS; k++) {
		const char *text = a->text[k] ? a->text[k] : "";
		if (sections[k].required && only_skeleton(text))
			diag_add(&a->problems, "%s：尚未填写（gongkai section --year %d %s 或年报屏幕"
				 "的 t 键）", sections[k].heading, a->r.year, sections[k].name);
		else if (*text && a->last[k] && same_text(text, a->last[k]))
			diag_add(&a->problems, "%s：与 %d 年报告的文字相同（内容雷同），请按本年情况改写",
				 sections[k].heading, a->r.year - 1);
		struct strbuf ex = STRBUF_INIT;
		annual_expand(&a->r, text, &ex);
		rd.section = k;
		check_text(&rd, sb_str(&ex));
		sb_release(&ex);
	}
	if (!a->r.t2.entered)
		diag_add(&a->problems, REPORT_T2_TITLE "：表二尚未录入（gongkai table2 --year %d 或统计"
			 "屏幕）", a->r.year);
}

bool annual_passes(const struct annual *a)
{
	return !a->problems.n && !a->r.problems.n && a->r.balanced && a->r.carry_matches;
}
