/*
 * doc.c — the documents of an application (doc.h): their kinds and templates, the facts each
 * states, rendering, and issuing with a number.
 *
 * The facts come from three places: the case (its fields and its clock), the office's settings
 * (office.h) and the document itself (its number and date). Each fact is a field of the
 * templates; a table below says which documents may use it and which cannot be made without it,
 * and where a clerk gives it when it is missing (a column of the ledger, or a setting).
 */
#include "doc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "calendar.h"
#include "clock.h"
#include "codes.h"
#include "date.h"
#include "fee.h"
#include "office.h"
#include "store.h"
#include "template.h"
#include "xmem.h"

extern const unsigned char templates_txt[];
extern const unsigned long templates_txt_len;

/* ---- kinds ---- */

static const struct {
	const char *code, *name;
} kinds[DK_COUNT] = {
#define DOC_KIND_ROW(name, code, zh) [name] = { code, zh },
	DOC_KIND_LIST(DOC_KIND_ROW)
#undef DOC_KIND_ROW
};

const char *doc_kind_code(enum doc_kind k)
{
	return (unsigned)k < DK_COUNT ? kinds[k].code : "?";
}

const char *doc_kind_name(enum doc_kind k)
{
	return (unsigned)k < DK_COUNT ? kinds[k].name : "?";
}

int doc_kind_parse(const char *text)
{
	while (*text == ' ' || *text == '\t')
		text++;
	size_t n = strlen(text);
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	for (int k = 0; k < DK_COUNT; k++)
		if ((strlen(kinds[k].code) == n && memcmp(text, kinds[k].code, n) == 0) ||
		    (strlen(kinds[k].name) == n && memcmp(text, kinds[k].name, n) == 0))
			return k;
	return -1;
}

void doc_kind_names(struct strbuf *out)
{
	for (int k = 0; k < DK_COUNT; k++)
		sb_addf(out, "%s%s（%s）", k ? "、" : "", kinds[k].name, kinds[k].code);
}

bool doc_kind_to_applicant(enum doc_kind k)
{
	return k != DK_CONSULT_THIRD_PARTY && k != DK_CONSULT_BODY && k != DK_OVER_OBJECTION;
}

/* ---- templates ---- */

/* The answers' templates beyond one per row: a row answered in another way. */
static const struct {
	int row;
	const char *suffix;
	int variant;
	const char *title;
} variants[] = {
	{ R_GRANTED, ".published", AV_PUBLISHED, "已主动公开，告知获取途径" },
	{ R_UNAVAILABLE_NOT_HELD, ".other_body", AV_OTHER_BODY, "由其他机关负责公开，告知该机关" },
};
#define NVARIANTS (sizeof variants / sizeof variants[0])

static const char *keys[DOC_TEMPLATES];

/* Fills keys: the procedural kinds, then `answer.<row>` and its variant after it. */
static void make_keys(void)
{
	static char answer_keys[DOC_TEMPLATES][64];
	if (keys[0])
		return;
	size_t n = 0;
	for (int k = 0; k < DK_COUNT; k++)
		if (k != DK_ANSWER)
			keys[n++] = kinds[k].code;
	for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST && n < DOC_TEMPLATES; r++) {
		snprintf(answer_keys[n], sizeof answer_keys[n], "answer.%s", t3_row_key(r));
		keys[n] = answer_keys[n];
		n++;
		for (size_t v = 0; v < NVARIANTS && n < DOC_TEMPLATES; v++)
			if (variants[v].row == r) {
				snprintf(answer_keys[n], sizeof answer_keys[n], "answer.%s%s",
					 t3_row_key(r), variants[v].suffix);
				keys[n] = answer_keys[n];
				n++;
			}
	}
}

const char *doc_template_key(size_t i)
{
	make_keys();
	return i < DOC_TEMPLATES ? keys[i] : NULL;
}

bool doc_template_known(const char *key)
{
	for (size_t i = 0; i < DOC_TEMPLATES; i++)
		if (strcmp(doc_template_key(i), key) == 0)
			return true;
	return false;
}

/* The row of table 三 an answer's key is for (its variant in *variant), or -1. */
static int answer_row(const char *key, int *variant)
{
	*variant = -1;
	if (strncmp(key, "answer.", 7) != 0)
		return -1;
	const char *rest = key + 7;
	for (int r = OUTCOME_FIRST; r <= OUTCOME_LAST; r++) {
		size_t n = strlen(t3_row_key(r));
		if (strncmp(rest, t3_row_key(r), n) != 0)
			continue;
		if (rest[n] == '\0')
			return r;
		for (size_t v = 0; v < NVARIANTS; v++)
			if (variants[v].row == r && strcmp(rest + n, variants[v].suffix) == 0) {
				*variant = variants[v].variant;
				return r;
			}
	}
	return -1;
}

/* The kind a template key is for, or -1. */
static int key_kind(const char *key)
{
	int variant;
	if (answer_row(key, &variant) >= 0)
		return DK_ANSWER;
	return doc_kind_parse(key);
}

void doc_template_title(const char *key, struct strbuf *out)
{
	int variant, row = answer_row(key, &variant);
	if (row < 0) {
		int k = key_kind(key);
		sb_adds(out, k >= 0 ? doc_kind_name(k) : key);
		return;
	}
	sb_adds(out, "答复书：");
	const char *group = t3_row_group(row);
	if (group)
		sb_addf(out, "%s（%s）", group, t3_row_label(row));
	else
		sb_adds(out, t3_row_label(row));
	for (size_t v = 0; v < NVARIANTS; v++)
		if (variants[v].variant == variant && variant >= 0)
			sb_addf(out, "，%s", variants[v].title);
}

void doc_template_key_of(const struct app *a, enum doc_kind k, struct strbuf *out)
{
	if (k != DK_ANSWER || !outcome_is_valid(a->outcome)) {
		sb_adds(out, doc_kind_code(k));
		return;
	}
	sb_addf(out, "answer.%s", t3_row_key(a->outcome));
	for (size_t v = 0; v < NVARIANTS; v++)
		if (variants[v].row == a->outcome && variants[v].variant == a->answer_variant)
			sb_adds(out, variants[v].suffix);
}

const char *doc_template_default(const char *key, size_t *len)
{
	/* the sections of data/templates.txt: a line `==== key ====`, then the template */
	const char *all = (const char *)templates_txt;
	char mark[96];
	snprintf(mark, sizeof mark, "\n==== %s ====\n", key);
	const char *p = strstr(all, mark);
	if (!p)
		return NULL;
	p += strlen(mark);
	const char *end = strstr(p, "\n==== ");
	*len = end ? (size_t)(end - p) + 1 : strlen(p);
	return p;
}

/* ---- the facts ---- */

/* Where a clerk gives a fact that is missing. */
enum source { SRC_CASE, SRC_OFFICE, SRC_DOC, SRC_COMPUTED };

#define ANY ((1u << DK_COUNT) - 1)
#define K(k) (1u << (k))
#define ANSWER K(DK_ANSWER)

/*       field          name              used by (kinds)          required by (kinds)     from */
#define DOC_FIELD_LIST(X) \
	X(DF_OFFICE,     "机关名称",     ANY, ANY, SRC_OFFICE, OS_NAME, "本机关名称") \
	X(DF_NUMBER,     "文号",         ANY, ANY, SRC_DOC, 0, "文书的文号") \
	X(DF_DATE,       "日期",         ANY, ANY, SRC_DOC, 0, "成文日期") \
	X(DF_CASE_NO,    "编号",         ANY, ANY, SRC_CASE, F_CASE_NO, "申请的登记编号") \
	X(DF_APPLICANT,  "申请人",       ANY, ANY, SRC_CASE, F_APPLICANT, "申请人的姓名或名称") \
	X(DF_RECEIVED,   "收到日期",     ANY, ANY, SRC_CASE, F_RECEIVED, "收到申请之日（第三十一条）") \
	X(DF_RECEIVED_HOW, "收到日期说明", ANY, ANY, SRC_COMPUTED, 0, \
	  "按提交方式说明收到日期如何确定（第三十一条）") \
	X(DF_REQUEST,    "申请内容",     ANY, ANY, SRC_CASE, F_REQUEST, "申请公开的政府信息") \
	X(DF_CONTACT,    "联系人",       ANY, 0, SRC_OFFICE, OS_CONTACT, "本机关联系人") \
	X(DF_PHONE,      "电话",         ANY, 0, SRC_OFFICE, OS_PHONE, "联系电话") \
	X(DF_ADDRESS,    "地址",         ANY, 0, SRC_OFFICE, OS_ADDRESS, "本机关地址") \
	X(DF_DUE,        "到期日",       K(DK_RECEIPT) | K(DK_EXTENSION), \
	  K(DK_RECEIPT) | K(DK_EXTENSION), SRC_COMPUTED, 0, "答复期限届满之日") \
	X(DF_CORRECTION_ITEMS, "补正事项", K(DK_CORRECTION), K(DK_CORRECTION), SRC_CASE, \
	  F_CORRECTION_ITEMS, "要求申请人补正的事项") \
	X(DF_CORRECTION_LIMIT, "补正期限", K(DK_CORRECTION) | ANSWER, K(DK_CORRECTION), SRC_CASE, \
	  F_CORRECTION_LIMIT, "申请人补正的期限") \
	X(DF_CORRECTION_SENT, "补正通知日期", K(DK_CORRECTION) | ANSWER, 0, SRC_CASE, \
	  F_CORRECTION_SENT, "补正告知书发出之日") \
	X(DF_EXTENSION_REASON, "延期理由", K(DK_EXTENSION), K(DK_EXTENSION), SRC_CASE, \
	  F_EXTENSION_REASON, "需要延长答复期限的理由") \
	X(DF_EXTENSION_DAYS, "延期工作日", K(DK_EXTENSION), K(DK_EXTENSION), SRC_CASE, \
	  F_EXTENSION_DAYS, "延长的工作日数") \
	X(DF_APPROVER,   "负责人",       K(DK_EXTENSION), 0, SRC_CASE, F_EXTENSION_BY, \
	  "同意延期的政府信息公开工作机构负责人") \
	X(DF_CONSULTED,  "征求意见对象", K(DK_CONSULT_THIRD_PARTY) | K(DK_CONSULT_BODY) | \
	  K(DK_OVER_OBJECTION), K(DK_CONSULT_THIRD_PARTY) | K(DK_CONSULT_BODY) | \
	  K(DK_OVER_OBJECTION), SRC_CASE, F_CONSULT_NAME, "被征求意见的第三方或机关的名称") \
	X(DF_CONSULT_DATE, "征求意见日期", K(DK_CONSULT_THIRD_PARTY) | K(DK_CONSULT_BODY) | \
	  K(DK_CONSULT_NOTICE) | K(DK_OVER_OBJECTION), K(DK_CONSULT_NOTICE), SRC_CASE, \
	  F_CONSULT_START, "开始征求意见之日") \
	X(DF_DISCLOSE_REASONS, "公开理由", K(DK_OVER_OBJECTION), K(DK_OVER_OBJECTION), SRC_CASE, \
	  F_ANSWER_REASONS, "决定公开的理由（记在答复理由中）") \
	X(DF_FEE_BASIS,  "计费方式",     K(DK_FEE), K(DK_FEE), SRC_CASE, F_FEE_BASIS, \
	  "按件或按量") \
	X(DF_FEE_HOW,    "计费说明",     K(DK_FEE), K(DK_FEE), SRC_CASE, F_FEE_UNITS, \
	  "金额如何算得（按件为本月第几件，按量为页数）") \
	X(DF_FEE_AMOUNT, "金额",         K(DK_FEE), K(DK_FEE), SRC_CASE, F_FEE, "应缴金额（元）") \
	X(DF_FEE_NOTICE, "收费通知日期", K(DK_FEE) | ANSWER, 0, SRC_CASE, F_FEE_NOTICE, \
	  "收费通知书发出之日") \
	X(DF_FEE_LIMIT,  "缴费期限",     ANSWER, 0, SRC_COMPUTED, 0, "缴费期限届满之日") \
	X(DF_REASONS_LIMIT, "说明理由期限", K(DK_REASONS), K(DK_REASONS), SRC_CASE, \
	  F_REASONS_LIMIT, "申请人说明理由的期限") \
	X(DF_BASIS,      "依据",         ANSWER, ANSWER, SRC_COMPUTED, 0, \
	  "答复所依据的条款（按办理结果）") \
	X(DF_REASONS,    "答复理由",     ANSWER, 0, SRC_CASE, F_ANSWER_REASONS, \
	  "答复的理由、说明或获取途径") \
	X(DF_REMEDY,     "救济途径",     ANSWER | K(DK_OVER_OBJECTION), \
	  ANSWER | K(DK_OVER_OBJECTION), SRC_COMPUTED, 0, "行政复议、行政诉讼的途径和期限") \
	X(DF_EARLIER_NUMBER, "前次答复文号", ANSWER, 0, SRC_CASE, F_RELATED_CASE, \
	  "重复申请：前次申请答复书的文号") \
	X(DF_EARLIER_DATE, "前次答复日期", ANSWER, 0, SRC_CASE, F_RELATED_CASE, \
	  "重复申请：前次答复之日")

enum doc_field {
#define DF_ENUM(name, zh, used, needed, source, from, desc) name,
	DOC_FIELD_LIST(DF_ENUM)
#undef DF_ENUM
	DF_COUNT
};

static const struct {
	const char *name;
	unsigned used, needed;
	enum source source;
	int from;          /* SRC_CASE: enum app_field; SRC_OFFICE: enum office_setting */
	const char *desc;
} fields[DF_COUNT] = {
#define DF_ROW(name, zh, used, needed, source, from, desc) \
	[name] = { zh, used, needed, source, from, desc },
	DOC_FIELD_LIST(DF_ROW)
#undef DF_ROW
};

/* The answers whose reasons paragraph the law requires (a refusal's reason, where to get
 * what is published, the search made, the body responsible, …): all but the plain grant, the
 * repeat (it cites the earlier answer) and the two given up. */
static bool reasons_required(int row, int variant)
{
	if (row == R_GRANTED)
		return variant == AV_PUBLISHED;   /* where it is published */
	return row != R_REJECTED_REPEAT && row != R_OTHER_NO_CORRECTION && row != R_OTHER_NO_FEE &&
	       row != R_UNAVAILABLE_UNCLEAR;
}

/* Whether field f may be used (and *needed: must have a value) in the template of key. */
static bool field_in(const char *key, enum doc_field f, bool *needed)
{
	int kind = key_kind(key), variant, row = answer_row(key, &variant);
	*needed = false;
	if (kind < 0 || !(fields[f].used & K(kind)))
		return false;
	*needed = (fields[f].needed & K(kind)) != 0;
	if (kind != DK_ANSWER)
		return true;
	switch (f) {
	case DF_REASONS: *needed = reasons_required(row, variant); break;
	case DF_BASIS: *needed = row != R_OTHER_OTHER; break;
	case DF_CORRECTION_SENT:
		*needed = row == R_UNAVAILABLE_UNCLEAR || row == R_OTHER_NO_CORRECTION;
		break;
	case DF_CORRECTION_LIMIT: *needed = row == R_OTHER_NO_CORRECTION; break;
	case DF_FEE_NOTICE: case DF_FEE_LIMIT: *needed = row == R_OTHER_NO_FEE; break;
	case DF_EARLIER_NUMBER: case DF_EARLIER_DATE: *needed = row == R_REJECTED_REPEAT; break;
	default: break;
	}
	return true;
}

/* The catalogue of a template key, for template.h; map[i] is the doc_field of entry i. */
static size_t catalogue(const char *key, struct tpl_field *out, enum doc_field *map)
{
	size_t n = 0;
	for (int f = 0; f < DF_COUNT; f++) {
		bool needed;
		if (!field_in(key, f, &needed))
			continue;
		out[n] = (struct tpl_field){ fields[f].name, needed, fields[f].desc };
		map[n++] = (enum doc_field)f;
	}
	return n;
}

/* The fields a template must keep, beyond what its wording may change: what the law says the
 * document states (docs/documents.md). */
static size_t must_keep(const char *key, const char **out)
{
	size_t n = 0;
	switch (key_kind(key)) {
	case DK_ANSWER:
		out[n++] = fields[DF_BASIS].name;
		out[n++] = fields[DF_REMEDY].name;
		break;
	case DK_RECEIPT: out[n++] = fields[DF_DUE].name; break;
	case DK_CORRECTION:
		out[n++] = fields[DF_CORRECTION_ITEMS].name;
		out[n++] = fields[DF_CORRECTION_LIMIT].name;
		break;
	case DK_EXTENSION:
		out[n++] = fields[DF_EXTENSION_REASON].name;
		out[n++] = fields[DF_EXTENSION_DAYS].name;
		out[n++] = fields[DF_DUE].name;
		break;
	case DK_CONSULT_NOTICE: out[n++] = fields[DF_CONSULT_DATE].name; break;
	case DK_OVER_OBJECTION:
		out[n++] = fields[DF_DISCLOSE_REASONS].name;
		out[n++] = fields[DF_REMEDY].name;
		break;
	case DK_FEE:
		out[n++] = fields[DF_FEE_BASIS].name;
		out[n++] = fields[DF_FEE_HOW].name;
		out[n++] = fields[DF_FEE_AMOUNT].name;
		break;
	case DK_REASONS: out[n++] = fields[DF_REASONS_LIMIT].name; break;
	default: break;
	}
	return n;
}

enum status doc_template_check(const char *key, const char *text, size_t len, struct diag *d)
{
	if (!doc_template_known(key)) {
		diag_add(d, "未知的文书模板 %s", key);
		return ST_DATA;
	}
	struct tpl_field cat[DF_COUNT];
	enum doc_field map[DF_COUNT];
	size_t n = catalogue(key, cat, map);
	struct template *t = NULL;
	enum status st = template_parse(text, len, cat, n, &t, d);
	const char *keep[4];
	size_t nkeep = must_keep(key, keep);
	if (st == ST_OK)
		st = template_require(t, keep, nkeep, d);
	template_free(&t);
	return st;
}

void doc_template_annotated(const char *key, const char *text, struct strbuf *out)
{
	struct tpl_field cat[DF_COUNT];
	enum doc_field map[DF_COUNT];
	size_t n = catalogue(key, cat, map);
	struct strbuf title = STRBUF_INIT;
	doc_template_title(key, &title);
	sb_addf(out, "# 文书模板 %s：%s\n", key, sb_str(&title));
	sb_adds(out, "# 每行一段；【标题】【文号】【抬头】【正文】【落款】等标记段落的样式；"
		     "{字段} 在出具时填入。\n");
	sb_adds(out, "# 必填字段没有内容时文书不能出具；可选字段没有内容时，所在的整行不出现。\n");
	const char *keep[4];
	size_t nkeep = must_keep(key, keep);
	if (nkeep) {
		sb_adds(out, "# 必须保留的字段：");
		for (size_t i = 0; i < nkeep; i++)
			sb_addf(out, "{%s}", keep[i]);
		sb_adds(out, "\n");
	}
	sb_adds(out, "# 可用的字段：\n");
	template_field_help(cat, n, out);
	sb_adds(out, "\n");
	sb_adds(out, text);
	sb_release(&title);
}

/* ---- which documents a case calls for ---- */

int doc_event_date(const struct app *a, enum doc_kind k)
{
	switch (k) {
	case DK_RECEIPT: return a->d.received;
	case DK_CORRECTION: return a->d.correction_sent;
	case DK_EXTENSION:
		return a->extension_told != DATE_NONE ? a->extension_told : a->d.extended_on;
	case DK_CONSULT_THIRD_PARTY:
	case DK_CONSULT_NOTICE:
	case DK_CONSULT_BODY:
		return a->d.consult_start;
	case DK_OVER_OBJECTION: return a->d.answered;
	case DK_FEE: return a->d.fee_notice;
	case DK_REASONS: return a->reasons_sent;
	case DK_ANSWER: return a->d.answered;
	default: return DATE_NONE;
	}
}

const char *doc_not_yet(const struct app *a, enum doc_kind k)
{
	switch (k) {
	case DK_RECEIPT: return NULL;
	case DK_CORRECTION:
		return a->d.correction_sent == DATE_NONE ? "尚未登记补正通知（补正通知日期）" : NULL;
	case DK_EXTENSION:
		return a->d.extended_on == DATE_NONE ? "尚未登记延期（延期日期）" : NULL;
	case DK_CONSULT_THIRD_PARTY:
	case DK_CONSULT_BODY:
		if (a->d.consult_start == DATE_NONE)
			return "尚未登记征求意见（征求意见开始）";
		if (a->consult_party != (k == DK_CONSULT_BODY ? CP_BODY : CP_THIRD_PARTY))
			return k == DK_CONSULT_BODY ? "征求意见的对象不是其他机关（征求意见对象）"
						    : "征求意见的对象不是第三方（征求意见对象）";
		return NULL;
	case DK_CONSULT_NOTICE:
		return a->d.consult_start == DATE_NONE ? "尚未登记征求意见（征求意见开始）" : NULL;
	case DK_OVER_OBJECTION:
		if (a->consult_party != CP_THIRD_PARTY)
			return "没有征求第三方意见（征求意见对象）";
		return a->outcome != R_GRANTED && a->outcome != R_PARTIAL
		       ? "只在征求第三方意见后决定予以公开或部分公开时出具（办理结果）" : NULL;
	case DK_FEE:
		return a->d.fee_notice == DATE_NONE ? "尚未登记收费通知（收费通知日期）" : NULL;
	case DK_REASONS:
		return a->reasons_sent == DATE_NONE ? "尚未登记要求说明理由（说明理由通知日期）" : NULL;
	case DK_ANSWER:
		return a->d.answered == DATE_NONE ? "尚未答复（答复日期、办理结果）" : NULL;
	default:
		return "未知的文书";
	}
}

void doc_due(const struct app *a, bool due[DK_COUNT])
{
	for (int k = 0; k < DK_COUNT; k++)
		due[k] = doc_not_yet(a, k) == NULL;
}

void doc_number(const char *code, int year, long long serial, struct strbuf *out)
{
	sb_addf(out, "%s〔%d〕%lld号", code, year, serial);
}

/* ---- values ---- */

struct values {
	char *v[DF_COUNT];
	/* why a computed fact has no value: the office setting it needs */
	int remedy_needs;   /* an office setting, or -1 */
};

static char *cn_date(int date)
{
	if (date == DATE_NONE)
		return NULL;
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	return xasprintf("%d年%d月%d日", y, m, d);
}

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

/* 第三十一条: how the receipt date is fixed for the way the application came. */
static const char *received_how(int channel)
{
	switch (channel) {
	case CH_IN_PERSON: return "当面提交的，以提交之日为收到申请之日";
	case CH_POST: return "以邮寄方式提交的，以本机关签收之日为收到申请之日";
	case CH_LETTER: return "以平常信函等无需签收的方式提交的，以本机关与您确认之日为收到申请之日";
	case CH_ONLINE: case CH_EMAIL:
		return "通过互联网渠道提交的，以双方确认之日为收到申请之日";
	case CH_FAX: return "通过传真提交的，以双方确认之日为收到申请之日";
	default: return "以本机关收到申请之日为准";
	}
}

/* The articles an answer rests on, by the row of table 三 it ends in (docs/documents.md). */
const char *doc_answer_basis(int row, int variant)
{
#define TIAOLI "《中华人民共和国政府信息公开条例》"
	switch (row) {
	case R_GRANTED:
		return variant == AV_PUBLISHED ? TIAOLI "第三十六条第（一）项"
					       : TIAOLI "第三十六条第（二）项";
	case R_PARTIAL: return TIAOLI "第三十七条";
	case R_WITHHELD_SECRET: case R_WITHHELD_LAW: case R_WITHHELD_SECURITY:
		return TIAOLI "第十四条、第三十六条第（三）项";
	case R_WITHHELD_THIRD_PARTY:
		return TIAOLI "第十五条、第三十二条、第三十六条第（三）项";
	case R_WITHHELD_INTERNAL: case R_WITHHELD_PROCESS: case R_WITHHELD_ENFORCEMENT:
		return TIAOLI "第十六条、第三十六条第（三）项";
	case R_WITHHELD_QUERY: return TIAOLI "第三十六条第（七）项";
	case R_UNAVAILABLE_NOT_HELD:
		return variant == AV_OTHER_BODY ? TIAOLI "第三十六条第（五）项"
						: TIAOLI "第三十六条第（四）项";
	case R_UNAVAILABLE_NEEDS_CREATION: return TIAOLI "第三十八条";
	case R_UNAVAILABLE_UNCLEAR: return TIAOLI "第三十条";
	case R_REJECTED_PETITION: return TIAOLI "第三十九条第一款";
	case R_REJECTED_REPEAT: return TIAOLI "第三十六条第（六）项";
	case R_REJECTED_PUBLICATION: return TIAOLI "第三十九条第二款";
	case R_REJECTED_EXCESSIVE: return TIAOLI "第三十五条";
	case R_REJECTED_CONFIRMATION: return TIAOLI "第三十九条、第三十六条";
	case R_OTHER_NO_CORRECTION: return TIAOLI "第三十条";
	case R_OTHER_NO_FEE:
		return TIAOLI "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";
	default: return NULL;
	}
#undef TIAOLI
}

/* The remedy sentence (第五十一条): reconsideration within 60 days (行政复议法 第二十条) to the
 * office's reconsideration body, or a lawsuit within six months (行政诉讼法 第四十六条); a
 * refusal to disclose goes to reconsideration first (行政复议法 第二十三条第一款第（四）项), and
 * the answer says so (第二十三条第二款). NULL with *needs the missing setting. */
static char *remedy(const struct office *o, enum doc_kind kind, int row, int *needs)
{
	const char *body = o->v[OS_REVIEW_BODY], *court = o->v[OS_COURT];
	*needs = -1;
	bool withheld = kind == DK_ANSWER && row >= R_WITHHELD_SECRET && row <= R_WITHHELD_QUERY;
	bool partial = kind == DK_ANSWER && row == R_PARTIAL;
	if (!body) {
		*needs = OS_REVIEW_BODY;
		return NULL;
	}
	const char *what = kind == DK_OVER_OBJECTION ? "本决定" : "本答复";
	if (withheld)
		return xasprintf("如对%s不服，可以自知道%s之日起六十日内向%s申请行政复议。依照"
				 "《中华人民共和国行政复议法》第二十三条第一款第（四）项，对不予公开"
				 "政府信息的决定，应当先申请行政复议；对行政复议决定不服的，可以依法"
				 "向人民法院提起行政诉讼。", what, what, body);
	if (!court) {
		*needs = OS_COURT;
		return NULL;
	}
	if (partial)
		return xasprintf("对本答复中不予公开的部分不服的，依照《中华人民共和国行政复议法》"
				 "第二十三条第一款第（四）项，应当先申请行政复议，可以自知道本答复之日起"
				 "六十日内向%s提出；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。"
				 "对本答复的其他内容不服的，可以自知道本答复之日起六十日内向%s申请行政"
				 "复议，也可以自知道本答复之日起六个月内向%s提起行政诉讼。", body, body,
				 court);
	return xasprintf("如对%s不服，可以自知道%s之日起六十日内向%s申请行政复议，也可以自"
			 "知道%s之日起六个月内向%s提起行政诉讼。", what, what, body, what, court);
}

/* 国办函〔2020〕109号: how the amount was reached. */
static char *fee_how(const struct app *a)
{
	if (a->fee_basis < 0 || a->fee_units <= 0)
		return NULL;
	if (a->fee_basis == FB_PER_ITEM)
		return xasprintf("该申请为您本月提出的第%d件申请。按件计收：同一申请人一个自然月内"
				 "累计申请10件以下（含10件）的，不收费；11件至30件（含30件）的部分，"
				 "每件收费100元；31件以上的部分，每增加10件，每件收费标准提高100元",
				 a->fee_units);
	return xasprintf("所需提供的政府信息共%d页。按量计收：30页以下（含30页）的，不收费；"
			 "31页至100页（含100页）的部分，每页收费10元；101页至200页（含200页）的"
			 "部分，每页收费20元；201页以上的部分，每页收费40元", a->fee_units);
}

static void values_make(const char *key, const struct doc_facts *f, struct values *v)
{
	const struct app *a = f->a;
	const struct office *o = f->office;
	int kind = key_kind(key), variant, row = answer_row(key, &variant);
	memset(v, 0, sizeof *v);
	v->remedy_needs = -1;
	v->v[DF_OFFICE] = dup_or_null(o->v[OS_NAME]);
	v->v[DF_NUMBER] = dup_or_null(f->number);
	v->v[DF_DATE] = cn_date(f->date);
	v->v[DF_CASE_NO] = dup_or_null(a->case_no);
	v->v[DF_APPLICANT] = dup_or_null(a->applicant);
	v->v[DF_RECEIVED] = cn_date(a->d.received);
	v->v[DF_RECEIVED_HOW] = xstrdup(received_how(a->channel));
	v->v[DF_REQUEST] = dup_or_null(a->request);
	v->v[DF_CONTACT] = dup_or_null(o->v[OS_CONTACT]);
	v->v[DF_PHONE] = dup_or_null(o->v[OS_PHONE]);
	v->v[DF_ADDRESS] = dup_or_null(o->v[OS_ADDRESS]);
	if (kind == DK_RECEIPT) {
		v->v[DF_DUE] = cn_date(calendar_add_workdays(f->cal, a->d.received,
							     CLOCK_ANSWER_DAYS));
	} else if (kind == DK_EXTENSION) {
		struct clock c = CLOCK_INIT;
		struct clock_dates upto = a->d;
		upto.answered = DATE_NONE;   /* the due date as the extension made it */
		clock_compute_quiet(f->cal, &upto, &c);
		v->v[DF_DUE] = cn_date(c.due);
		clock_release(&c);
	}
	v->v[DF_CORRECTION_ITEMS] = dup_or_null(a->correction_items);
	v->v[DF_CORRECTION_LIMIT] = cn_date(a->d.correction_limit);
	v->v[DF_CORRECTION_SENT] = cn_date(a->d.correction_sent);
	v->v[DF_EXTENSION_REASON] = dup_or_null(a->extension_reason);
	if (a->d.extension_days > 0)
		v->v[DF_EXTENSION_DAYS] = xasprintf("%d", a->d.extension_days);
	v->v[DF_APPROVER] = dup_or_null(a->extension_by);
	v->v[DF_CONSULTED] = dup_or_null(a->consult_name);
	v->v[DF_CONSULT_DATE] = cn_date(a->d.consult_start);
	v->v[DF_DISCLOSE_REASONS] = dup_or_null(a->answer_reasons);
	if (a->fee_basis >= 0)
		v->v[DF_FEE_BASIS] = xstrdup(code_label(&codes_fee_basis, a->fee_basis));
	v->v[DF_FEE_HOW] = fee_how(a);
	if (a->fee_fen >= 0)
		v->v[DF_FEE_AMOUNT] = xasprintf("%lld.%02lld", a->fee_fen / 100, a->fee_fen % 100);
	v->v[DF_FEE_NOTICE] = cn_date(a->d.fee_notice);
	bool provisional;
	v->v[DF_FEE_LIMIT] = cn_date(clock_fee_limit(f->cal, &a->d, &provisional));
	v->v[DF_REASONS_LIMIT] = cn_date(a->reasons_limit);
	if (kind == DK_ANSWER)
		v->v[DF_BASIS] = dup_or_null(doc_answer_basis(row, variant));
	v->v[DF_REASONS] = dup_or_null(a->answer_reasons);
	if (kind == DK_ANSWER || kind == DK_OVER_OBJECTION)
		v->v[DF_REMEDY] = remedy(o, kind, row, &v->remedy_needs);
	v->v[DF_EARLIER_NUMBER] = dup_or_null(f->earlier_number);
	v->v[DF_EARLIER_DATE] = cn_date(f->earlier_date);
}

static void values_release(struct values *v)
{
	for (int f = 0; f < DF_COUNT; f++)
		free(v->v[f]);
}

/* "缺少 补正事项（要求申请人补正的事项）：…" naming where the clerk gives it. */
static void say_missing(const char *key, enum doc_field f, const struct values *v,
			const struct doc_facts *facts, struct diag *d)
{
	struct strbuf title = STRBUF_INIT;
	doc_template_title(key, &title);
	const char *cno = facts->a->case_no ? facts->a->case_no : "编号";
	int setting = fields[f].source == SRC_OFFICE ? fields[f].from
		    : f == DF_REMEDY ? v->remedy_needs : -1;
	if (setting >= 0)
		diag_add(d, "%s缺少机关设置「%s」（%s）：请先设置（gongkai office --set %s=…，"
			 "或在界面的机关设置中填写）", sb_str(&title), office_name(setting),
			 office_what(setting), office_name(setting));
	else if (f == DF_EARLIER_NUMBER || f == DF_EARLIER_DATE)
		diag_add(d, "%s缺少前次答复：请在「前次申请编号」中填写所重复申请的编号，"
			 "并确认该申请已出具答复书（gongkai set %s 前次申请编号=…）",
			 sb_str(&title), cno);
	else if (fields[f].source == SRC_CASE)
		diag_add(d, "%s缺少 %s（%s）：请先填写（gongkai set %s %s=…，或在界面中修改）",
			 sb_str(&title), app_field_name(fields[f].from), fields[f].desc, cno,
			 app_field_name(fields[f].from));
	else if (f == DF_DUE)
		diag_add(d, "%s缺少到期日：暂停计时中（征求意见或待缴费）没有到期日，请在恢复计时后"
			 "出具", sb_str(&title));
	else
		diag_add(d, "%s缺少 %s（%s）", sb_str(&title), fields[f].name, fields[f].desc);
	sb_release(&title);
}

struct lookup {
	const struct values *v;
	const enum doc_field *map;
};

static const char *look(void *ctx, size_t field, const char *name)
{
	(void)name;
	const struct lookup *l = ctx;
	return l->v->v[l->map[field]];
}

enum status doc_render(const char *key, const char *text, size_t len,
		       const struct doc_facts *f, struct docx *doc, struct diag *d)
{
	struct tpl_field cat[DF_COUNT];
	enum doc_field map[DF_COUNT];
	size_t n = catalogue(key, cat, map);
	struct template *t = NULL;
	enum status st = template_parse(text, len, cat, n, &t, d);
	if (st != ST_OK)
		return st;
	struct values v;
	values_make(key, f, &v);
	/* every missing fact said at once, with where to give it */
	for (size_t i = 0; i < n; i++)
		if (cat[i].required && template_uses(t, cat[i].name) && !v.v[map[i]]) {
			say_missing(key, map[i], &v, f, d);
			st = ST_DATA;
		}
	struct lookup l = { &v, map };
	if (st == ST_OK)
		st = template_render(t, look, &l, doc, d);
	values_release(&v);
	template_free(&t);
	return st;
}

/* ---- what a document said, kept ---- */

static const char *const kind_tags[] = {
	[DOCX_TITLE] = "title", [DOCX_NUMBER] = "number", [DOCX_BODY] = "body",
	[DOCX_PLAIN] = "plain", [DOCX_HEADING1] = "heading1", [DOCX_HEADING2] = "heading2",
	[DOCX_SIGNATURE] = "signature", [DOCX_PAGE_BREAK] = "page_break",
};

void doc_body_write(const struct docx *doc, struct strbuf *out)
{
	sb_adds(out, "[");
	for (size_t i = 0; i < docx_count(doc); i++) {
		enum docx_kind k = docx_kind_at(doc, i);
		if (k == DOCX_TABLE)
			continue;
		sb_addf(out, "%s\n{\"k\": \"%s\", \"t\": ", i ? "," : "", kind_tags[k]);
		sb_add_json(out, docx_text_at(doc, i));
		sb_adds(out, "}");
	}
	sb_adds(out, "\n]\n");
}

enum status doc_body_read(const char *body, struct docx *doc, struct diag *d)
{
	json_error_t err;
	json_t *root = json_loads(body, 0, &err);
	if (!root || !json_is_array(root)) {
		json_decref(root);
		diag_add(d, "文书内容无法读取（数据库中的记录已损坏）");
		return ST_NOTOURS;
	}
	size_t i;
	json_t *p;
	json_array_foreach(root, i, p) {
		const char *tag = json_string_value(json_object_get(p, "k"));
		const char *text = json_string_value(json_object_get(p, "t"));
		int k = -1;
		for (int j = 0; tag && j <= DOCX_PAGE_BREAK; j++)
			if (strcmp(tag, kind_tags[j]) == 0)
				k = j;
		if (k >= 0)
			docx_para(doc, (enum docx_kind)k, text ? text : "");
	}
	json_decref(root);
	return ST_OK;
}

void doc_issued_release(struct doc_issued *x)
{
	free(x->number);
	free(x->body);
	free(x->issued_at);
	free(x->issued_by);
	free(x->voided_at);
	free(x->void_reason);
	memset(x, 0, sizeof *x);
}

void doc_issued_free(struct doc_issued **v, size_t n)
{
	for (size_t i = 0; *v && i < n; i++)
		doc_issued_release(&(*v)[i]);
	free(*v);
	*v = NULL;
}

static enum status with_docx(const struct doc_issued *x, struct docx **out, struct diag *d)
{
	*out = docx_new();
	docx_set_info(*out, x->number, NULL);
	enum status st = doc_body_read(x->body, *out, d);
	if (st != ST_OK)
		docx_free(out);
	return st;
}

enum status doc_to_docx(const struct doc_issued *x, struct strbuf *out, struct diag *d)
{
	struct docx *doc;
	enum status st = with_docx(x, &doc, d);
	if (st == ST_OK)
		st = docx_render(doc, out, d);
	docx_free(&doc);
	return st;
}

enum status doc_to_text(const struct doc_issued *x, int width, struct strbuf *out,
			struct diag *d)
{
	struct docx *doc;
	enum status st = with_docx(x, &doc, d);
	if (st == ST_OK)
		docx_text(doc, width, out);
	docx_free(&doc);
	return st;
}

/* ---- issuing ---- */

/* The earlier application's answer that a 重复申请 cites: its number and date. */
static enum status earlier_answer(struct store *s, const struct app *a, char **number, int *date,
				  struct diag *d)
{
	*number = NULL;
	*date = DATE_NONE;
	if (!a->related_case || a->outcome != R_REJECTED_REPEAT)
		return ST_OK;
	struct app e;
	app_init(&e);
	struct diag quiet = DIAG_INIT;
	enum status st = store_app_get_by_case(s, a->related_case, &e, &quiet);
	diag_release(&quiet);
	if (st == ST_NOTFOUND) {
		diag_add(d, "前次申请编号 %s：没有这件申请", a->related_case);
		app_release(&e);
		return ST_DATA;
	}
	struct doc_issued *docs = NULL;
	size_t n = 0;
	if (st == ST_OK)
		st = store_doc_list(s, e.id, &docs, &n, d);
	for (size_t i = 0; st == ST_OK && i < n; i++)
		if (docs[i].kind == DK_ANSWER && !docs[i].voided_at) {
			free(*number);
			*number = xstrdup(docs[i].number);
			*date = docs[i].issued_on;
		}
	doc_issued_free(&docs, n);
	app_release(&e);
	return st;
}

/* Reads the template the office uses for key: its latest version, else the program's. */
static enum status template_of(struct store *s, const char *key, char **text, int *version,
			       struct diag *d)
{
	enum status st = store_template_latest(s, key, text, version, d);
	if (st == ST_OK && !*text) {
		size_t len;
		const char *def = doc_template_default(key, &len);
		*text = def ? xstrndup(def, len) : NULL;
		if (!*text) {
			diag_add(d, "没有文书模板 %s", key);
			st = ST_NOTOURS;
		}
	}
	return st;
}

/* Makes the document inside the open transaction: everything read, numbered, kept. */
static enum status issue(struct store *s, struct app *a, enum doc_kind k, int date,
			 struct doc_issued *out, struct diag *d)
{
	const char *why = doc_not_yet(a, k);
	if (why) {
		diag_add(d, "申请 %s 不能出具%s：%s", a->case_no, doc_kind_name(k), why);
		return ST_DATA;
	}
	if (a->voided_at) {
		diag_add(d, "申请 %s 已作废，不能出具文书", a->case_no);
		return ST_DATA;
	}
	struct office o;
	office_init(&o);
	struct strbuf key = STRBUF_INIT, number = STRBUF_INIT, body = STRBUF_INIT;
	char *text = NULL, *earlier = NULL;
	int version = 0, earlier_date = DATE_NONE;
	struct docx *doc = docx_new();
	if (date == DATE_NONE)
		date = doc_event_date(a, k);
	doc_template_key_of(a, k, &key);
	enum status st = store_office_read(s, &o, d);
	if (st == ST_OK)
		st = template_of(s, sb_str(&key), &text, &version, d);
	if (st == ST_OK)
		st = earlier_answer(s, a, &earlier, &earlier_date, d);
	long long serial = 0;
	if (st == ST_OK && !o.v[OS_CODE]) {
		diag_add(d, "缺少机关设置「文号代字」（%s）：请先设置（gongkai office --set 文号代字=…，"
			 "或在界面的机关设置中填写）", office_what(OS_CODE));
		st = ST_DATA;
	}
	if (st == ST_OK)
		st = store_doc_next_serial(s, date_year(date), &serial, d);
	if (st == ST_OK)
		doc_number(o.v[OS_CODE], date_year(date), serial, &number);
	struct doc_facts f = { a, &o, store_calendar(s), date, number.len ? sb_str(&number) : NULL,
			       earlier, earlier_date };
	/* rendered also when a setting is missing, so that every missing fact is said at once */
	enum status made = text ? doc_render(sb_str(&key), text, strlen(text), &f, doc, d) : st;
	if (st == ST_OK)
		st = made;
	if (st == ST_OK) {
		doc_body_write(doc, &body);
		*out = (struct doc_issued){ .app_id = a->id, .kind = k, .year = date_year(date),
			.serial = serial, .number = sb_detach(&number), .issued_on = date,
			.template_version = version, .body = sb_detach(&body) };
		st = store_doc_add(s, out, d);
	}
	docx_free(&doc);
	free(text);
	free(earlier);
	sb_release(&key);
	sb_release(&number);
	sb_release(&body);
	office_release(&o);
	return st;
}

enum status doc_missing_fields(struct store *s, const struct app *a, enum doc_kind k,
			       int *out, size_t max, size_t *n, struct diag *d)
{
	*n = 0;
	struct office o;
	office_init(&o);
	struct strbuf key = STRBUF_INIT;
	char *text = NULL;
	int version;
	doc_template_key_of(a, k, &key);
	enum status st = store_office_read(s, &o, d);
	if (st == ST_OK)
		st = template_of(s, sb_str(&key), &text, &version, d);
	struct tpl_field cat[DF_COUNT];
	enum doc_field map[DF_COUNT];
	size_t nf = catalogue(sb_str(&key), cat, map);
	struct template *t = NULL;
	if (st == ST_OK)
		st = template_parse(text, strlen(text), cat, nf, &t, d);
	if (st == ST_OK) {
		struct doc_facts f = { a, &o, store_calendar(s), doc_event_date(a, k), "-", NULL,
				       DATE_NONE };
		struct values v;
		values_make(sb_str(&key), &f, &v);
		for (size_t i = 0; i < nf; i++) {
			enum doc_field df = map[i];
			bool seen = false;
			for (size_t j = 0; j < *n; j++)
				seen |= out[j] == fields[df].from;
			if (cat[i].required && template_uses(t, cat[i].name) && !v.v[df] &&
			    fields[df].source == SRC_CASE && !seen && *n < max)
				out[(*n)++] = fields[df].from;
		}
		values_release(&v);
	}
	template_free(&t);
	free(text);
	sb_release(&key);
	office_release(&o);
	return st;
}

enum status doc_issue(struct store *s, long long id, enum doc_kind k, int date,
		      struct doc_issued *out, struct diag *d)
{
	memset(out, 0, sizeof *out);
	struct app a;
	app_init(&a);
	enum status st = store_begin(s, d);
	if (st == ST_OK)
		st = store_app_get(s, id, &a, d);
	if (st == ST_OK)
		st = issue(s, &a, k, date, out, d);
	if (st == ST_OK)
		st = store_commit(s, d);
	else
		store_rollback(s);
	if (st != ST_OK)
		doc_issued_release(out);
	app_release(&a);
	return st;
}
