/*
 * dup.c — possible duplicate applications (重复申请): the likeness of two requests by the pairs
 * of adjacent characters they share, and the words the form and `gongkai add` use to name an
 * earlier application that may be repeated.
 *
 * A request is read as a sequence of characters in which punctuation, spaces and the common
 * words of requests are breaks; a pair is two characters next to each other with no break
 * between them. The likeness is the Dice coefficient of the two sets of pairs,
 * 2·|A∩B| / (|A| + |B|): the share of pairs the two have in common, whatever their order, so a
 * request reworded (the same matter, its parts in another order, other words around it) stays
 * alike, and one about another matter does not.
 */
#include "dup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "date.h"
#include "text.h"
#include "xmem.h"

/* Words nearly every request holds, longest first (a longer word is taken before a word it
 * holds): they say that it is a request, not what it asks for. */
static const char *const common_words[] = {
	"中华人民共和国政府信息公开条例", "中华人民共和国", "政府信息公开", "政府信息",
	"贵单位", "贵机关", "申请人", "申请", "公开", "信息", "提供", "关于", "请求", "本人",
	"贵局", "贵委", "贵办", "依据", "根据", "条例", "相关", "有关", "要求", "获取",
	"予以", "我们", "的", "我", "请",
};

/* Punctuation, spaces and symbols: breaks between pairs, never part of one. */
static bool is_break(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			 (cp >= 'A' && cp <= 'Z'));
	return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
	       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
	       (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	       cp == 0xFFFD;
}

/* Full-width letters and digits read as their ASCII forms, capitals as small letters, so
 * `２０２３` and `2023` make the same pairs. */
static uint32_t fold(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF5A)
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

/* The length of the common word s starts with, or 0. */
static size_t common_word_at(const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof common_words / sizeof common_words[0]; k++) {
		size_t len = strlen(common_words[k]);
		if (len <= n && memcmp(s, common_words[k], len) == 0)
			return len;
	}
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The set of pairs of s: sorted, each once; *n of them, owned by the caller. */
static uint64_t *pairs_of(const char *s, size_t *n)
{
	*n = 0;
	size_t len = s ? strlen(s) : 0, cap = 0;
	uint64_t *v = NULL;
	uint32_t prev = 0;   /* 0: a break before the next character */
	for (size_t i = 0; i < len;) {
		size_t w = common_word_at(s + i, len - i);
		if (w) {
			i += w;
			prev = 0;
			continue;
		}
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		cp = fold(cp);
		if (is_break(cp)) {
			prev = 0;
			continue;
		}
		if (prev) {
			v = xgrow(v, &cap, *n + 1, sizeof *v);
			v[(*n)++] = (uint64_t)prev << 32 | cp;
		}
		prev = cp;
	}
	if (*n)
		qsort(v, *n, sizeof *v, cmp_u64);
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	*n = k;
	return v;
}

double dup_similarity(const char *a, const char *b)
{
	size_t na, nb, both = 0;
	uint64_t *pa = pairs_of(a, &na), *pb = pairs_of(b, &nb);
	for (size_t i = 0, j = 0; i < na && j < nb;) {
		if (pa[i] == pb[j]) {
			both++;
			i++;
			j++;
		} else if (pa[i] < pb[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(pa);
	free(pb);
	return na && nb ? 2.0 * (double)both / (double)(na + nb) : 0.0;
}

bool dup_similar(const char *a, const char *b)
{
	return dup_similarity(a, b) >= DUP_THRESHOLD;
}

void dup_list_add(struct dup_list *l, const struct dup_match *m)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	struct dup_match *c = &l->v[l->n++];
	*c = *m;
	c->case_no = xstrdup(m->case_no ? m->case_no : "");
	c->applicant = xstrdup(m->applicant ? m->applicant : "");
	c->request = m->request ? xstrdup(m->request) : NULL;
}

void dup_list_release(struct dup_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].case_no);
		free(l->v[i].applicant);
		free(l->v[i].request);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void dup_match_brief(const struct dup_match *m, struct strbuf *out)
{
	char day[DATE_BUF];
	sb_addf(out, "%s（%s 收到，", m->case_no, date_format(m->received, day));
	const char *o = outcome_short_label(m->outcome);
	if (m->answered == DATE_NONE)
		sb_adds(out, "尚未答复）");
	else if (o)
		sb_addf(out, "答复：%s）", o);
	else
		sb_adds(out, "已答复）");
}

void dup_summary(const struct dup_list *l, struct strbuf *out)
{
	if (l->n == 0)
		return;
	dup_match_brief(&l->v[0], out);
	if (l->n > 1)
		sb_addf(out, "等 %zu 件", l->n);
}
