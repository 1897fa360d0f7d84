/*
 * codes.h — the stable codes of the annual report format and the ledger, with their labels.
 *
 * These codes (`person`, `withheld.secret`, `carried_out`, …) are the program's interface to
 * scripts, tests and other offices (docs/report.md, docs/ledger.md): they are stored in the
 * database, printed in JSON and accepted in the ledger together with their Chinese labels.
 * Everything here is static data; lookups return -1 for a text that names nothing.
 */
#ifndef GK_CODES_H
#define GK_CODES_H

#include <stddef.h>

struct strbuf;

/* Columns of table 三 (申请人情况). The first six are applicant types; T3_TOTAL sums them. */
#define APPLICANT_LIST(X) \
	X(AT_PERSON,    "person",    "自然人") \
	X(AT_BUSINESS,  "business",  "商业企业") \
	X(AT_RESEARCH,  "research",  "科研机构") \
	X(AT_NONPROFIT, "nonprofit", "社会公益组织") \
	X(AT_LEGAL,     "legal",     "法律服务机构") \
	X(AT_OTHER,     "other",     "其他")

enum applicant_type {
#define CODE_ENUM(name, key, label) name,
	APPLICANT_LIST(CODE_ENUM)
	AT_COUNT
};
#define T3_TOTAL AT_COUNT
#define T3_COLS (AT_COUNT + 1)

#define CHANNEL_LIST(X) \
	X(CH_IN_PERSON, "in_person", "当面") \
	X(CH_POST,      "post",      "邮寄") \
	X(CH_LETTER,    "letter",    "平信") \
	X(CH_ONLINE,    "online",    "网络") \
	X(CH_EMAIL,     "email",     "电子邮件") \
	X(CH_FAX,       "fax",       "传真")

enum channel {
	CHANNEL_LIST(CODE_ENUM)
	CH_COUNT
};

/*
 * The 25 numbered rows of table 三, in printed order. `group` names the merged cell a leaf sits
 * under (G_NONE for rows 一/二/四, 总计 and the two ungrouped outcomes; each G_x has a printed
 * label and a short name, below), `article` the basis in the 条例 that the classification screen
 * shows beside an outcome (NULL for non-outcomes).
 */
#define G_NONE_LABEL        NULL
#define G_NONE_SHORT        ""
#define G_WITHHELD_LABEL    "（三）不予公开"
#define G_WITHHELD_SHORT    "不予公开"
#define G_UNAVAILABLE_LABEL "（四）无法提供"
#define G_UNAVAILABLE_SHORT "无法提供"
#define G_REJECTED_LABEL    "（五）不予处理"
#define G_REJECTED_SHORT    "不予处理"
#define G_OTHER_LABEL       "（六）其他处理"
#define G_OTHER_SHORT       "其他处理"

#define T3_ROW_LIST(X) \
	X(R_NEW, "new", "一、本年新收政府信息公开申请数量", G_NONE, NULL) \
	X(R_CARRIED_IN, "carried_in", "二、上年结转政府信息公开申请数量", G_NONE, NULL) \
	X(R_GRANTED, "granted", "（一）予以公开", G_NONE, \
		"第三十六条（一）（二）：已主动公开或予以提供") \
	X(R_PARTIAL, "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", G_NONE, \
		"第三十七条：区分处理") \
	X(R_WITHHELD_SECRET, "withheld.secret", "1.属于国家秘密", G_WITHHELD, "第十四条") \
	X(R_WITHHELD_LAW, "withheld.law", "2.其他法律行政法规禁止公开", G_WITHHELD, "第十四条") \
	X(R_WITHHELD_SECURITY, "withheld.security", "3.危及“三安全一稳定”", G_WITHHELD, \
		"第十四条") \
	X(R_WITHHELD_THIRD_PARTY, "withheld.third_party", "4.保护第三方合法权益", G_WITHHELD, \
		"第十五条，经征求第三方意见（第三十二条）") \
	X(R_WITHHELD_INTERNAL, "withheld.internal", "5.属于三类内部事务信息", G_WITHHELD, \
		"第十六条第一款：人事管理、后勤管理、内部工作流程") \
	X(R_WITHHELD_PROCESS, "withheld.process", "6.属于四类过程性信息", G_WITHHELD, \
		"第十六条第二款：讨论记录、过程稿、磋商信函、请示报告") \
	X(R_WITHHELD_ENFORCEMENT, "withheld.enforcement", "7.属于行政执法案卷", G_WITHHELD, \
		"第十六条第二款：行政执法案卷") \
	X(R_WITHHELD_QUERY, "withheld.query", "8.属于行政查询事项", G_WITHHELD, \
		"第三十六条（七）：工商、不动产登记资料等") \
	X(R_UNAVAILABLE_NOT_HELD, "unavailable.not_held", "1.本机关不掌握相关政府信息", \
		G_UNAVAILABLE, "第三十六条（四）（五）") \
	X(R_UNAVAILABLE_NEEDS_CREATION, "unavailable.needs_creation", "2.没有现成信息需要另行制作", \
		G_UNAVAILABLE, "第三十八条") \
	X(R_UNAVAILABLE_UNCLEAR, "unavailable.unclear", "3.补正后申请内容仍不明确", G_UNAVAILABLE, \
		"第三十条：补正后仍不明确") \
	X(R_REJECTED_PETITION, "rejected.petition", "1.信访举报投诉类申请", G_REJECTED, \
		"第三十九条第一款") \
	X(R_REJECTED_REPEAT, "rejected.repeat", "2.重复申请", G_REJECTED, "第三十六条（六）") \
	X(R_REJECTED_PUBLICATION, "rejected.publication", "3.要求提供公开出版物", G_REJECTED, \
		"第三十九条第二款") \
	X(R_REJECTED_EXCESSIVE, "rejected.excessive", "4.无正当理由大量反复申请", G_REJECTED, \
		"第三十五条") \
	X(R_REJECTED_CONFIRMATION, "rejected.confirmation", "5.要求行政机关确认或重新出具已获取信息", \
		G_REJECTED, "年报格式所列情形") \
	X(R_OTHER_NO_CORRECTION, "other.no_correction", \
		"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", G_OTHER, \
		"第三十条：逾期不补正，视为放弃申请") \
	X(R_OTHER_NO_FEE, "other.no_fee", \
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", \
		G_OTHER, "第四十二条及收费管理办法：逾期未缴费") \
	X(R_OTHER_OTHER, "other.other", "3.其他", G_OTHER, "其他情形，如申请人撤回申请") \
	X(R_PROCESSED_TOTAL, "processed_total", "（七）总计", G_NONE, NULL) \
	X(R_CARRIED_OUT, "carried_out", "四、结转下年度继续办理", G_NONE, NULL)

enum t3_row {
#define T3_ROW_ENUM(name, key, label, group, article) name,
	T3_ROW_LIST(T3_ROW_ENUM)
#undef T3_ROW_ENUM
	T3_ROWS
};

/* Outcomes are the 21 rows from R_GRANTED to R_OTHER_OTHER; an outcome is its row number. */
#define OUTCOME_FIRST R_GRANTED
#define OUTCOME_LAST  R_OTHER_OTHER
#define OUTCOME_COUNT (OUTCOME_LAST - OUTCOME_FIRST + 1)
/* The merged label over all outcome rows and 总计. */
#define T3_RESULTS_LABEL "三、本年度办理结果"
#define T3_CORNER_NOTE "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
#define T3_HEADER "申请人情况"
#define T3_ORG_HEADER "法人或其他组织"
#define T3_TOTAL_LABEL "总计"

/* Table 四: three groups of five columns. */
#define T4_GROUP_LIST(X) \
	X(T4_REVIEW,            "review",            "行政复议") \
	X(T4_SUIT_DIRECT,       "suit_direct",       "未经复议直接起诉") \
	X(T4_SUIT_AFTER_REVIEW, "suit_after_review", "复议后起诉")
enum t4_group {
	T4_GROUP_LIST(CODE_ENUM)
	T4_GROUPS
};
#define T4_COL_LIST(X) \
	X(T4_UPHELD,    "upheld",    "结果维持") \
	X(T4_CORRECTED, "corrected", "结果纠正") \
	X(T4_OTHER,     "other",     "其他结果") \
	X(T4_PENDING,   "pending",   "尚未审结") \
	X(T4_TOTAL,     "total",     "总计")
enum t4_col {
	T4_COL_LIST(CODE_ENUM)
	T4_COLS
};

/* The result of a reconsideration or lawsuit (its first three table 四 columns). */
#define REVIEW_RESULT_LIST(X) \
	X(RR_UPHELD,    "upheld",    "维持") \
	X(RR_CORRECTED, "corrected", "纠正") \
	X(RR_OTHER,     "other",     "其他")
enum review_result {
	REVIEW_RESULT_LIST(CODE_ENUM)
	RR_COUNT
};

#define SUIT_KIND_LIST(X) \
	X(SK_DIRECT,       "direct",       "未经复议直接起诉") \
	X(SK_AFTER_REVIEW, "after_review", "复议后起诉")
enum suit_kind {
	SUIT_KIND_LIST(CODE_ENUM)
	SK_COUNT
};

#define CONSULT_PARTY_LIST(X) \
	X(CP_THIRD_PARTY, "third_party", "第三方") \
	X(CP_BODY,        "body",        "其他机关")
enum consult_party {
	CONSULT_PARTY_LIST(CODE_ENUM)
	CP_COUNT
};

/* How a fee is charged (国办函〔2020〕109号): per application, or per page; never both. */
#define FEE_BASIS_LIST(X) \
	X(FB_PER_ITEM, "per_item", "按件") \
	X(FB_PER_PAGE, "per_page", "按量")
enum fee_basis {
	FEE_BASIS_LIST(CODE_ENUM)
	FB_COUNT
};

/* The two answers a leaf of table 三 gives in two ways (第三十六条): 予以公开 of information
 * already published (第（一）项: where to get it), and 不掌握 of information another body
 * holds (第（五）项: which body). Without one, the leaf's usual answer. */
#define ANSWER_VARIANT_LIST(X) \
	X(AV_PUBLISHED,  "published",  "已主动公开") \
	X(AV_OTHER_BODY, "other_body", "由其他机关负责公开")
enum answer_variant {
	ANSWER_VARIANT_LIST(CODE_ENUM)
	AV_COUNT
};
#undef CODE_ENUM

/* A family of codes, for generic lookup and for lists to pick from. */
struct code_set {
	const char *const *keys;
	const char *const *labels;
	int count;
};

extern const struct code_set codes_applicant, codes_channel, codes_review_result,
	codes_suit_kind, codes_consult_party, codes_fee_basis, codes_answer_variant,
	codes_t4_group, codes_t4_col;

/* The index of the code whose key or label equals s (surrounding blanks ignored), or -1. */
int code_parse(const struct code_set *set, const char *s);
const char *code_key(const struct code_set *set, int i);
const char *code_label(const struct code_set *set, int i);
/* Which day counts as the receipt date for a channel (第三十一条), in words for the form beside
 * 收到日期; for -1 (not chosen) the rule for every channel. A static string. */
const char *channel_receipt_rule(int channel);

const char *t3_row_key(enum t3_row r);
const char *t3_row_label(enum t3_row r);
/* The group label (e.g. G_WITHHELD) of a leaf, or NULL. */
const char *t3_row_group(enum t3_row r);
const char *t3_row_article(enum t3_row r);
/* The row whose key is s, or -1. */
int t3_row_parse_key(const char *s);
static inline int outcome_is_valid(int r) { return r >= OUTCOME_FIRST && r <= OUTCOME_LAST; }

/*
 * Reads an outcome as the ledger may write it: the key (`withheld.secret`), the label with or
 * without its number (`1.属于国家秘密`, `属于国家秘密`), with its group before a slash
 * (`不予公开/属于国家秘密`, `（三）不予公开/1.属于国家秘密`), or `予以公开`, `部分公开` and their
 * full labels. A bare leaf label that several groups share (`其他`) needs its group.
 * Returns the row (an outcome) or -1.
 */
int outcome_parse(const char *s);
/* The form export writes: `予以公开`, `部分公开`, or `不予公开/1.属于国家秘密`. Static string. */
const char *outcome_ledger_label(int outcome);
/* The short form the list screen uses: the leaf without its number (`属于国家秘密`),
 * `予以公开`, `部分公开`, and `其他处理` for other.other. Static. */
const char *outcome_short_label(int outcome);
/* The compact form for a narrow column, unambiguous: `予以公开`, `部分公开`, or the group and the
 * leaf's number, `不予公开4`, `无法提供1`, `不予处理2`, `其他处理3`; appended to out. */
void outcome_code_label(int outcome, struct strbuf *out);

#endif
