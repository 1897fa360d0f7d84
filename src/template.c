/*
 * template.c — parsing the wording of a document and filling it in (template.h).
 *
 * A template is read once into lines of segments: literal text and references to fields of
 * the caller's catalogue, each line with its kind of paragraph. Every problem of the file is
 * reported with its line number, so that the clerk who edited it can fix them all at once.
 * Filling in first looks up every value, refuses when a required one is missing, and only then
 * appends paragraphs to the document, so a refused document leaves no half of itself behind.
 */
#include "template.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmem.h"

#define IDEO_SPACE "\u3000"
#define FW_OPEN "\uFF5B"      /* ｛ */
#define FW_CLOSE "\uFF5D"     /* ｝ */
#define NO_FIELD ((size_t)-1)

struct seg {
	char *text;           /* literal text, or NULL for a field */
	size_t field;         /* index in the catalogue */
};

struct tline {
	size_t lineno;
	enum docx_kind kind;
	struct seg *segs;
	size_t nseg, cap;
};

struct template {
	struct tpl_field *fields;   /* copies of the catalogue's strings */
	size_t nfields;
	struct tline *lines;
	size_t n, cap;
};

static const struct {
	const char *tag;
	enum docx_kind kind;
} tags[] = {
	{ "【标题】", DOCX_TITLE },
	{ "【文号】", DOCX_NUMBER },
	{ "【抬头】", DOCX_PLAIN },
	{ "【正文】", DOCX_BODY },
	{ "【一级标题】", DOCX_HEADING1 },
	{ "【二级标题】", DOCX_HEADING2 },
	{ "【落款】", DOCX_SIGNATURE },
	{ "【分页】", DOCX_PAGE_BREAK },
};
#define NTAGS (sizeof tags / sizeof tags[0])

/* ---- small pieces ---- */

/* The length of the space (ASCII space, tab or ideographic space) at s[0..n), or 0. */
static size_t space_at(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (n >= 3 && memcmp(s, IDEO_SPACE, 3) == 0)
		return 3;
	return 0;
}

static bool space_ends(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'
		       || s[n - 1] == '\n')) {
		*len = 1;
		return true;
	}
	if (n >= 3 && memcmp(s + n - 3, IDEO_SPACE, 3) == 0) {
		*len = 3;
		return true;
	}
	return false;
}

/* Narrows *s, *n to leave out spaces and line breaks at both ends. */
static void trim(const char **s, size_t *n)
{
	size_t k;
	while (*n > 0 && ((k = space_at(*s, *n)) > 0 || **s == '\r' || **s == '\n')) {
		k = k ? k : 1;
		*s += k;
		*n -= k;
	}
	while (space_ends(*s, *n, &k))
		*n -= k;
}

static size_t field_find(const struct template *t, const char *name, size_t n)
{
	for (size_t i = 0; i < t->nfields; i++)
		if (strlen(t->fields[i].name) == n && memcmp(t->fields[i].name, name, n) == 0)
			return i;
	return NO_FIELD;
}

/* "{申请人}、{收到日期}、…", for a message. */
static void field_list(const struct template *t, struct strbuf *out)
{
	for (size_t i = 0; i < t->nfields; i++)
		sb_addf(out, "%s{%s}", i ? "、" : "", t->fields[i].name);
	if (t->nfields == 0)
		sb_adds(out, "（无）");
}

static void add_seg(struct tline *l, char *text, size_t field)
{
	l->segs = xgrow(l->segs, &l->cap, l->nseg + 1, sizeof *l->segs);
	l->segs[l->nseg++] = (struct seg){ text, field };
}

static void flush_literal(struct tline *l, struct strbuf *lit)
{
	if (lit->len)
		add_seg(l, sb_detach(lit), NO_FIELD);
}

static void line_release(struct tline *l)
{
	for (size_t i = 0; i < l->nseg; i++)
		free(l->segs[i].text);
	free(l->segs);
}

/* ---- parsing ---- */

/* What one line's parse shares: the template, the diag and the count of problems. */
struct parse {
	struct template *t;
	struct diag *d;
	size_t problems;
	size_t lineno;
};

#define PROBLEM(p, ...) do { (p)->problems++; diag_add((p)->d, __VA_ARGS__); } while (0)

/* A field written with full-width braces (typed with a Chinese input method) would come out
 * as literal text; catch it when the name inside is a field of the catalogue. */
static void check_full_width(struct parse *p, const char *s, size_t n)
{
	const char *end = s + n;
	for (const char *o = s; (o = memmem(o, (size_t)(end - o), FW_OPEN, 3)); o += 3) {
		const char *c = memmem(o + 3, (size_t)(end - o - 3), FW_CLOSE, 3);
		if (!c)
			return;
		const char *name = o + 3;
		size_t len = (size_t)(c - name);
		trim(&name, &len);
		if (field_find(p->t, name, len) != NO_FIELD)
			PROBLEM(p, "第%zu行: ｛%.*s｝用了全角大括号，字段要用半角的 {%.*s}",
				p->lineno, (int)len, name, (int)len, name);
	}
}

/* Parses the field at s[i] == '{' (not "{{"); returns the index after it, or 0 when the line
 * cannot be read further. */
static size_t parse_field(struct parse *p, struct tline *l, struct strbuf *lit, const char *s,
			  size_t n, size_t i)
{
	size_t j = i + 1;
	while (j < n && s[j] != '}' && s[j] != '{')
		j++;
	if (j >= n || s[j] == '{') {
		PROBLEM(p, "第%zu行: 字段的 { 没有配对的 }（要写大括号本身，请写 {{ 或 }}）",
			p->lineno);
		return 0;
	}
	const char *name = s + i + 1;
	size_t len = j - i - 1;
	trim(&name, &len);
	if (len == 0) {
		PROBLEM(p, "第%zu行: 空的字段 {}，大括号中应写字段名", p->lineno);
		return j + 1;
	}
	size_t f = field_find(p->t, name, len);
	if (f == NO_FIELD) {
		struct strbuf known = STRBUF_INIT;
		field_list(p->t, &known);
		PROBLEM(p, "第%zu行: 未知的字段 {%.*s}，可用的字段：%s", p->lineno, (int)len, name,
			sb_str(&known));
		sb_release(&known);
		return j + 1;
	}
	flush_literal(l, lit);
	add_seg(l, NULL, f);
	return j + 1;
}

/* The text of a line (after its tag) as segments. */
static void parse_text(struct parse *p, struct tline *l, const char *s, size_t n)
{
	struct strbuf lit = STRBUF_INIT;
	check_full_width(p, s, n);
	for (size_t i = 0; i < n;) {
		bool doubled = i + 1 < n && s[i + 1] == s[i];
		if ((s[i] == '{' || s[i] == '}') && doubled) {
			sb_addc(&lit, s[i]);
			i += 2;
		} else if (s[i] == '}') {
			PROBLEM(p, "第%zu行: 多余的 }（要写 } 本身，请写 }}）", p->lineno);
			break;
		} else if (s[i] == '{') {
			i = parse_field(p, l, &lit, s, n, i);
			if (i == 0)
				break;
		} else {
			sb_addc(&lit, s[i++]);
		}
	}
	flush_literal(l, &lit);
	sb_release(&lit);
}

/* The tag at the start of s (which begins with 【): its kind and length, or false after
 * reporting it unknown. A 【 without its 】 is not a tag: the line is body text. */
static bool parse_tag(struct parse *p, const char *s, size_t n, enum docx_kind *kind,
		      size_t *len)
{
	const char *close = memmem(s, n, "】", 3);
	if (!close) {
		*kind = DOCX_BODY;
		*len = 0;
		return true;
	}
	size_t taglen = (size_t)(close - s) + 3;
	for (size_t i = 0; i < NTAGS; i++) {
		if (strlen(tags[i].tag) == taglen && memcmp(tags[i].tag, s, taglen) == 0) {
			*kind = tags[i].kind;
			*len = taglen;
			return true;
		}
	}
	struct strbuf known = STRBUF_INIT;
	for (size_t i = 0; i < NTAGS; i++)
		sb_adds(&known, tags[i].tag);
	PROBLEM(p, "第%zu行: 未知的标记 %.*s，可用的标记：%s（正文要以【开头时，请在行首先写"
		"【正文】）", p->lineno, (int)taglen, s, sb_str(&known));
	sb_release(&known);
	return false;
}

static void parse_line(struct parse *p, const char *s, size_t n)
{
	if (!utf8_valid(s, n) || memchr(s, '\0', n)) {
		PROBLEM(p, "第%zu行: 不是 UTF-8 文字（模板文件须以 UTF-8 编码保存）", p->lineno);
		return;
	}
	trim(&s, &n);
	if (n == 0 || s[0] == '#')
		return;
	enum docx_kind kind = DOCX_BODY;
	size_t taglen = 0;
	if (n >= 3 && memcmp(s, "【", 3) == 0 && !parse_tag(p, s, n, &kind, &taglen))
		return;
	s += taglen;
	n -= taglen;
	trim(&s, &n);
	if (kind == DOCX_PAGE_BREAK && n > 0) {
		PROBLEM(p, "第%zu行: 【分页】后面不能有文字", p->lineno);
		return;
	}
	struct template *t = p->t;
	t->lines = xgrow(t->lines, &t->cap, t->n + 1, sizeof *t->lines);
	struct tline *l = &t->lines[t->n++];
	*l = (struct tline){ .lineno = p->lineno, .kind = kind };
	parse_text(p, l, s, n);
}

enum status template_parse(const char *text, size_t len, const struct tpl_field *fields,
			   size_t nfields, struct template **out, struct diag *d)
{
	struct template *t = xcalloc(1, sizeof *t);
	t->fields = xcalloc(nfields ? nfields : 1, sizeof *t->fields);
	t->nfields = nfields;
	for (size_t i = 0; i < nfields; i++)
		t->fields[i] = (struct tpl_field){ xstrdup(fields[i].name), fields[i].required,
						   xstrdup(fields[i].desc ? fields[i].desc : "") };
	struct parse p = { t, d, 0, 0 };
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - text) - i : len - i;
		p.lineno++;
		parse_line(&p, text + i, n);
		i += n + 1;
	}
	if (p.problems) {
		template_free(&t);
		*out = NULL;
		return ST_DATA;
	}
	*out = t;
	return ST_OK;
}

void template_free(struct template **tp)
{
	struct template *t = *tp;
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		line_release(&t->lines[i]);
	free(t->lines);
	for (size_t i = 0; i < t->nfields; i++) {
		free((char *)t->fields[i].name);
		free((char *)t->fields[i].desc);
	}
	free(t->fields);
	free(t);
	*tp = NULL;
}

/* ---- checks ---- */

bool template_uses(const struct template *t, const char *name)
{
	size_t f = field_find(t, name, strlen(name));
	if (f == NO_FIELD)
		return false;
	for (size_t i = 0; i < t->n; i++)
		for (size_t k = 0; k < t->lines[i].nseg; k++)
			if (!t->lines[i].segs[k].text && t->lines[i].segs[k].field == f)
				return true;
	return false;
}

enum status template_require(const struct template *t, const char *const *names, size_t n,
			     struct diag *d)
{
	enum status st = ST_OK;
	for (size_t i = 0; i < n; i++) {
		if (!template_uses(t, names[i])) {
			diag_add(d, "模板缺少必须保留的字段 {%s}", names[i]);
			st = ST_DATA;
		}
	}
	return st;
}

/* ---- filling in ---- */

/* The paragraphs made so far, appended to the document only when all is well. */
struct paras {
	enum docx_kind *kind;
	char **text;
	size_t n, cap, tcap;
};

static void paras_add(struct paras *ps, enum docx_kind kind, const char *s, size_t n)
{
	ps->kind = xgrow(ps->kind, &ps->cap, ps->n + 1, sizeof *ps->kind);
	ps->text = xgrow(ps->text, &ps->tcap, ps->n + 1, sizeof *ps->text);
	ps->kind[ps->n] = kind;
	ps->text[ps->n++] = xstrndup(s, n);
}

static void paras_release(struct paras *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->text[i]);
	free(ps->kind);
	free(ps->text);
}

/* One paragraph per non-blank line of the value, each trimmed. */
static void split_value(struct paras *ps, enum docx_kind kind, const char *v)
{
	while (*v) {
		size_t n = strcspn(v, "\r\n");
		const char *s = v;
		size_t len = n;
		trim(&s, &len);
		if (len)
			paras_add(ps, kind, s, len);
		v += n;
		v += strspn(v, "\r\n");
	}
}

/* Fills in line l with the values vals (one per segment; NULL for literal text). */
static void fill_line(struct paras *ps, const struct tline *l, const char *const *vals)
{
	if (l->kind == DOCX_PAGE_BREAK) {
		paras_add(ps, l->kind, "", 0);
		return;
	}
	if (l->nseg == 1 && !l->segs[0].text) {
		split_value(ps, l->kind, vals[0]);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	for (size_t k = 0; k < l->nseg; k++) {
		const char *s = l->segs[k].text ? l->segs[k].text : vals[k];
		size_t n = strlen(s);
		if (!l->segs[k].text)
			trim(&s, &n);
		sb_add(&sb, s, n);
	}
	paras_add(ps, l->kind, sb_str(&sb), sb.len);
	sb_release(&sb);
}

/* Looks up the values of line l into vals; false when the line is to be left out (an
 * optional field without a value). A required field without one is marked in missing. */
static bool line_values(const struct template *t, const struct tline *l,
			template_lookup_fn lookup, void *ctx, const char **vals, bool *missing)
{
	bool keep = true;
	for (size_t k = 0; k < l->nseg; k++) {
		vals[k] = NULL;
		if (l->segs[k].text)
			continue;
		size_t f = l->segs[k].field;
		const char *v = lookup(ctx, f, t->fields[f].name);
		if (text_blank(v)) {
			if (t->fields[f].required)
				missing[f] = true;
			else
				keep = false;
		} else {
			vals[k] = v;
		}
	}
	return keep;
}

enum status template_render(const struct template *t, template_lookup_fn lookup, void *ctx,
			    struct docx *doc, struct diag *d)
{
	bool *missing = xcalloc(t->nfields ? t->nfields : 1, sizeof *missing);
	struct paras ps = { 0 };
	const char **vals = NULL;
	size_t vcap = 0;
	bool refused = false;
	for (size_t i = 0; i < t->n; i++) {
		const struct tline *l = &t->lines[i];
		vals = xgrow(vals, &vcap, l->nseg ? l->nseg : 1, sizeof *vals);
		bool keep = line_values(t, l, lookup, ctx, vals, missing);
		for (size_t f = 0; f < t->nfields && !refused; f++)
			refused = missing[f];
		if (keep && !refused)
			fill_line(&ps, l, vals);
	}
	for (size_t f = 0; f < t->nfields; f++)
		if (missing[f])
			diag_add(d, "文书不能生成：缺少必填的字段 {%s}%s%s%s", t->fields[f].name,
				 *t->fields[f].desc ? "（" : "", t->fields[f].desc,
				 *t->fields[f].desc ? "）" : "");
	if (!refused)
		for (size_t i = 0; i < ps.n; i++)
			docx_para(doc, ps.kind[i], ps.text[i]);
	paras_release(&ps);
	free(vals);
	free(missing);
	return refused ? ST_DATA : ST_OK;
}

void template_field_help(const struct tpl_field *fields, size_t nfields, struct strbuf *out)
{
	for (size_t i = 0; i < nfields; i++)
		sb_addf(out, "# {%s}%s%s%s\n", fields[i].name,
			fields[i].desc && *fields[i].desc ? "\u3000" : "",
			fields[i].desc ? fields[i].desc : "",
			fields[i].required ? "（必填）" : "（可空：为空时该行不出现）");
}
