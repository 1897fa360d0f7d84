/*
 * codes.c — lookup of the report's and the ledger's codes and labels.
 *
 * The tables are generated from the X-macro lists in codes.h, so a code, its label and its
 * place in the table are written once. Parsing is lenient in form (key or label, with or
 * without the 1. number or the group) but never guesses: a text that could mean two rows, or
 * whose number disagrees with its label, names nothing.
 */
#include "codes.h"

#include <stdbool.h>
#include <string.h>

#include "strbuf.h"

#define KEY_OF(name, key, label) key,
#define LABEL_OF(name, key, label) label,
#define CODE_SET(var, LIST) \
	static const char *const var##_keys[] = { LIST(KEY_OF) }; \
	static const char *const var##_labels[] = { LIST(LABEL_OF) }; \
	const struct code_set var = { var##_keys, var##_labels, \
		(int)(sizeof var##_keys / sizeof var##_keys[0]) };

CODE_SET(codes_applicant, APPLICANT_LIST)
CODE_SET(codes_channel, CHANNEL_LIST)
CODE_SET(codes_review_result, REVIEW_RESULT_LIST)
CODE_SET(codes_suit_kind, SUIT_KIND_LIST)
CODE_SET(codes_consult_party, CONSULT_PARTY_LIST)
CODE_SET(codes_fee_basis, FEE_BASIS_LIST)
CODE_SET(codes_answer_variant, ANSWER_VARIANT_LIST)
CODE_SET(codes_t4_group, T4_GROUP_LIST)
CODE_SET(codes_t4_col, T4_COL_LIST)

static const struct {
	const char *key, *label, *group, *group_short, *article, *ledger;
} rows[T3_ROWS] = {
#define ROW(name, key, label, grp, article) \
	[name] = { key, label, grp##_LABEL, grp##_SHORT, article, grp##_SHORT "/" label },
	T3_ROW_LIST(ROW)
#undef ROW
};

/* s[0..n) without surrounding ASCII blanks and full-width spaces */
static void trim(const char **s, size_t *n)
{
	static const char ideographic_space[] = "\xe3\x80\x80";
	for (;;) {
		if (*n && (**s == ' ' || **s == '\t')) {
			(*s)++, (*n)--;
		} else if (*n >= 3 && memcmp(*s, ideographic_space, 3) == 0) {
			*s += 3, *n -= 3;
		} else if (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) {
			(*n)--;
		} else if (*n >= 3 && memcmp(*s + *n - 3, ideographic_space, 3) == 0) {
			*n -= 3;
		} else {
			return;
		}
	}
}

static bool equal(const char *s, size_t n, const char *lit)
{
	return lit && strlen(lit) == n && memcmp(s, lit, n) == 0;
}

int code_parse(const struct code_set *set, const char *s)
{
	size_t n = strlen(s);
	trim(&s, &n);
	for (int i = 0; i < set->count; i++)
		if (equal(s, n, set->keys[i]) || equal(s, n, set->labels[i]))
			return i;
	return -1;
}

const char *code_key(const struct code_set *set, int i)
{
	return i >= 0 && i < set->count ? set->keys[i] : NULL;
}

const char *code_label(const struct code_set *set, int i)
{
	return i >= 0 && i < set->count ? set->labels[i] : NULL;
}

const char *t3_row_key(enum t3_row r)
{
	return (unsigned)r < T3_ROWS ? rows[r].key : NULL;
}

const char *t3_row_label(enum t3_row r)
{
	return (unsigned)r < T3_ROWS ? rows[r].label : NULL;
}

const char *t3_row_group(enum t3_row r)
{
	return (unsigned)r < T3_ROWS ? rows[r].group : NULL;
}

const char *t3_row_article(enum t3_row r)
{
	return (unsigned)r < T3_ROWS ? rows[r].article : NULL;
}

int t3_row_parse_key(const char *s)
{
	for (int r = 0; r < T3_ROWS; r++)
		if (strcmp(s, rows[r].key) == 0)
			return r;
	return -1;
}

/*
 * Splits a leading list number ("1." "1．" "1、") from a label: returns the number (0 when
 * there is none) and advances *s past it.
 */
static int take_number(const char **s, size_t *n)
{
	size_t i = 0;
	int num = 0;
	while (i < *n && (*s)[i] >= '0' && (*s)[i] <= '9' && i < 3)
		num = num * 10 + ((*s)[i++] - '0');
	if (i == 0)
		return 0;
	static const char *const dots[] = { ".", "．", "、" };
	for (size_t k = 0; k < 3; k++) {
		size_t dl = strlen(dots[k]);
		if (*n - i >= dl && memcmp(*s + i, dots[k], dl) == 0) {
			*s += i + dl;
			*n -= i + dl;
			return num;
		}
	}
	return 0;
}

/* Strips a group's "（三）" style prefix. */
static void skip_paren_number(const char **s, size_t *n)
{
	static const char open[] = "（", close[] = "）";
	if (*n < 3 || memcmp(*s, open, 3) != 0)
		return;
	const char *p = strstr(*s, close);
	if (p && p < *s + *n) {
		*n -= (size_t)(p + 3 - *s);
		*s = p + 3;
	}
}

static bool leaf_matches(int r, const char *s, size_t n, int num)
{
	const char *label = rows[r].label;
	size_t ln = strlen(label);
	const char *bare = label;
	int lnum = take_number(&bare, &ln);
	if (num && num != lnum)
		return false;
	if (equal(s, n, bare))
		return true;
	/* 予以公开 / 部分公开: the label without （一）, and for 部分公开 without its note */
	const char *b = label;
	size_t bn = strlen(label);
	skip_paren_number(&b, &bn);
	if (equal(s, n, b))
		return true;
	static const char partial_short[] = "部分公开";
	return r == R_PARTIAL && equal(s, n, partial_short);
}

static bool group_matches(int r, const char *g, size_t gn)
{
	if (!rows[r].group)
		return false;
	skip_paren_number(&g, &gn);
	return equal(g, gn, rows[r].group_short);
}

/* Finds a group separator: '/', '／', '›' or '>'. Returns its offset and length, or -1. */
static long find_separator(const char *s, size_t n, size_t *seplen)
{
	static const char *const seps[] = { "/", "／", "›", ">" };
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < 4; k++) {
			size_t l = strlen(seps[k]);
			if (n - i >= l && memcmp(s + i, seps[k], l) == 0) {
				*seplen = l;
				return (long)i;
			}
		}
	return -1;
}

int outcome_parse(const char *s)
{
	size_t n = strlen(s);
	trim(&s, &n);
	for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++)
		if (equal(s, n, rows[r].key) || equal(s, n, rows[r].label) ||
		    equal(s, n, outcome_ledger_label(r)))
			return r;

	const char *group = NULL;
	size_t gn = 0, seplen;
	long at = find_separator(s, n, &seplen);
	if (at >= 0) {
		group = s;
		gn = (size_t)at;
		trim(&group, &gn);
		s += (size_t)at + seplen;
		n -= (size_t)at + seplen;
		trim(&s, &n);
	}
	int num = take_number(&s, &n);
	int found = -1;
	for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++) {
		if (group ? !group_matches(r, group, gn) : false)
			continue;
		if (!leaf_matches(r, s, n, num))
			continue;
		if (found >= 0)
			return -1;  /* ambiguous: let the clerk name the group */
		found = r;
	}
	return found;
}

const char *outcome_ledger_label(int outcome)
{
	if (!outcome_is_valid(outcome))
		return NULL;
	if (outcome == R_GRANTED)
		return "予以公开";
	if (outcome == R_PARTIAL)
		return "部分公开";
	return rows[outcome].ledger;
}

const char *outcome_short_label(int outcome)
{
	if (!outcome_is_valid(outcome))
		return NULL;
	if (outcome == R_GRANTED)
		return "予以公开";
	if (outcome == R_PARTIAL)
		return "部分公开";
	if (outcome == R_OTHER_OTHER)
		return "其他处理";
	/* the leaf without its number: after the "N." prefix */
	const char *l = rows[outcome].label;
	const char *dot = strchr(l, '.');
	return dot ? dot + 1 : l;
}

void outcome_code_label(int outcome, struct strbuf *out)
{
	if (!outcome_is_valid(outcome))
		return;
	if (!rows[outcome].group) {
		sb_adds(out, outcome_short_label(outcome));
		return;
	}
	const char *l = rows[outcome].label;
	size_t n = strlen(l);
	sb_addf(out, "%s%d", rows[outcome].group_short, take_number(&l, &n));
}

const char *channel_receipt_rule(int channel)
{
	/* 第三十一条: （一）当面提交的，以提交之日; （二）邮寄的，以签收之日; 以平常信函等无需签收
	 * 的方式的，以双方确认之日; （三）互联网渠道或者传真的，以双方确认之日 */
	switch (channel) {
	case CH_IN_PERSON: return "第三十一条：当面提交的，以提交之日为收到申请之日";
	case CH_POST: return "第三十一条：邮寄的，以本机关签收之日为收到申请之日";
	case CH_LETTER: return "第三十一条：平信以与申请人确认之日为收到之日，到达日期另记";
	case CH_ONLINE:
	case CH_EMAIL:
		return "第三十一条：网络提交的，以双方确认之日为收到之日，到达日期另记";
	case CH_FAX:
		return "第三十一条：传真提交的，以双方确认之日为收到之日，到达日期另记";
	default: return "第三十一条：当面提交之日，邮寄签收之日，平信、网络、传真确认之日";
	}
}
