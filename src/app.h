/*
 * app.h — one application (申请) as the program holds it, and the checks of its fields.
 *
 * An application is what a clerk enters and classifies: who applied, when, what for, the dated
 * events of its clock (clock.h), its answer and outcome (a row of table 三), and at most one
 * reconsideration and one lawsuit about it (table 四). The field list below is also the ledger's
 * column list (docs/ledger.md, in its order; the columns gongkai adds to the common ledger are
 * marked *), so a form, a ledger row and a message all name a field the same way.
 */
#ifndef GK_APP_H
#define GK_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"
#include "strbuf.h"

/*       field                  Chinese name    English alias */
#define APP_FIELD_LIST(X) \
	X(F_CASE_NO,             "编号",            "case_no") \
	X(F_RECEIVED,            "收到日期",        "received") \
	X(F_ARRIVED,             "到达日期",        "arrived")             /* * */ \
	X(F_APPLICANT,           "申请人",          "applicant") \
	X(F_TYPE,                "申请人类型",      "applicant_type") \
	X(F_CHANNEL,             "渠道",            "channel") \
	X(F_REQUEST,             "申请内容",        "request") \
	X(F_ID_NUMBER,           "证件号码",        "id_number") \
	X(F_CONTACT,             "联系方式",        "contact") \
	X(F_CORRECTION_SENT,     "补正通知日期",    "correction_sent") \
	X(F_CORRECTION_LIMIT,    "补正期限",        "correction_limit")    /* * */ \
	X(F_CORRECTION_ITEMS,    "补正事项",        "correction_items")    /* * */ \
	X(F_CORRECTION_RECEIVED, "补正收到日期",    "correction_received") \
	X(F_CONSULT_START,       "征求意见开始",    "consult_start") \
	X(F_CONSULT_END,         "征求意见结束",    "consult_end") \
	X(F_CONSULT_PARTY,       "征求意见对象",    "consult_party")       /* * */ \
	X(F_CONSULT_NAME,        "征求意见对象名称", "consult_name")       /* * */ \
	X(F_CONSULT_DELIVERED,   "征求意见送达日期", "consult_delivered")  /* * */ \
	X(F_EXTENDED_ON,         "延期日期",        "extended_on") \
	X(F_EXTENSION_DAYS,      "延期工作日",      "extension_days") \
	X(F_EXTENSION_BY,        "延期批准人",      "extension_by")        /* * */ \
	X(F_EXTENSION_REASON,    "延期理由",        "extension_reason")    /* * */ \
	X(F_EXTENSION_TOLD,      "延期告知日期",    "extension_told")      /* * */ \
	X(F_FEE_NOTICE,          "收费通知日期",    "fee_notice") \
	X(F_FEE_DELIVERED,       "收费通知送达日期", "fee_delivered")      /* * */ \
	X(F_FEE_BASIS,           "计费方式",        "fee_basis")           /* * */ \
	X(F_FEE_UNITS,           "计费数量",        "fee_units")           /* * */ \
	X(F_REASONS_SENT,        "说明理由通知日期", "reasons_sent")       /* * */ \
	X(F_REASONS_LIMIT,       "说明理由期限",    "reasons_limit")       /* * */ \
	X(F_ANSWERED,            "答复日期",        "answered") \
	X(F_OUTCOME,             "办理结果",        "outcome") \
	X(F_ANSWER_VARIANT,      "答复情形",        "answer_variant")      /* * */ \
	X(F_ANSWER_REASONS,      "答复理由",        "answer_reasons")      /* * */ \
	X(F_RELATED_CASE,        "前次申请编号",    "related_case")        /* * */ \
	X(F_FEE,                 "信息处理费",      "fee_yuan") \
	X(F_FEE_PAID,            "缴费日期",        "fee_paid_on") \
	X(F_REVIEW_FILED,        "复议申请日期",  "review_filed") \
	X(F_REVIEW_RESULT,       "复议结果",      "review_result") \
	X(F_REVIEW_DECIDED,      "复议决定日期",  "review_decided") \
	X(F_SUIT_FILED,          "起诉日期",      "suit_filed") \
	X(F_SUIT_KIND,           "诉讼类型",      "suit_kind") \
	X(F_SUIT_RESULT,         "诉讼结果",      "suit_result") \
	X(F_SUIT_DECIDED,        "判决日期",      "suit_decided") \
	X(F_NOTE,                "备注",          "note")

enum app_field {
#define APP_FIELD_ENUM(name, zh, en) name,
	APP_FIELD_LIST(APP_FIELD_ENUM)
#undef APP_FIELD_ENUM
	F_COUNT
};

const char *app_field_name(enum app_field f);   /* the Chinese name, e.g. 收到日期 */
const char *app_field_alias(enum app_field f);  /* the English alias, e.g. received */
/* Every field's Chinese name, joined with 、 (for a message that lists them), appended to out. */
void app_field_names(struct strbuf *out);
/* The field a ledger header names (Chinese or alias, blanks ignored), or -1. */
int app_field_parse(const char *header);
/* Personal data (证件号码, 联系方式): masked on screen, left out of exports unless asked. */
bool app_field_is_personal(enum app_field f);
/* Whether the field holds a date. */
bool app_field_is_date(enum app_field f);
/* Free text that may hold line breaks (申请内容, 备注, 补正事项, 延期理由, 答复理由). */
bool app_field_is_multiline(enum app_field f);

/* Length limits, in characters (code points). Longer is refused, never cut. */
#define LIMIT_CASE_NO    64
#define LIMIT_NAME       200
#define LIMIT_TEXT       2000
#define LIMIT_ID_NUMBER  64
#define LIMIT_CONTACT    200
#define LIMIT_PERSON     100
#define LIMIT_REASONS    4000   /* 答复理由: an answer's reasons, paragraph by paragraph */
/* The most a fee is counted by: the nth application of a month, or the pages (按量). */
#define LIMIT_FEE_UNITS  1000000
/* The largest fee the program takes, in 分 (one billion yuan: a typo, not a fee). */
#define LIMIT_FEE_FEN    100000000000LL

/* A reconsideration (行政复议) or a lawsuit (行政诉讼) about an application. */
struct review_case {
	int kind;      /* enum t4_group, or -1 when there is none */
	int filed;     /* date */
	int result;    /* enum review_result, or -1 while undecided */
	int decided;   /* date, or DATE_NONE while undecided */
};

enum app_state { STATE_OPEN, STATE_CORRECTION, STATE_CONSULT, STATE_FEE, STATE_ANSWERED };
/* The state in words, the same on the list, in `gongkai list` and on the detail screen:
 * 已逾期 (late) first, then 已延期 for a running application whose time was extended, then
 * 办理中, 待补正, 征求意见中, 待缴费, 已办结. */
const char *app_state_label(enum app_state st, bool extended, bool late);

struct app {
	long long id;           /* 0 until stored */
	long long version;      /* the stored version this copy was read at; 0 until stored */
	char *case_no;          /* NULL or "" before storing: the store assigns one */
	char *applicant;
	int type;               /* enum applicant_type, -1 when not chosen */
	int channel;            /* enum channel, or -1 */
	char *request, *id_number, *contact, *note;   /* NULL when empty */
	struct clock_dates d;   /* received, the clock's events, answered */
	int arrived;            /* the day it arrived, when not the receipt date (第三十一条) */
	char *correction_items; /* what the 补正 notice asks to supply (第三十条) */
	int consult_party;      /* enum consult_party, or -1 */
	char *consult_name;     /* the third party or body consulted */
	char *extension_by;     /* who approved the extension, or NULL */
	char *extension_reason; /* why (the notice to the applicant says it) */
	int extension_told;     /* the day the applicant was told of the extension */
	long long fee_fen;      /* the fee in 分, or -1 when none */
	int fee_basis;          /* enum fee_basis, or -1 */
	int fee_units;          /* 按件: the applicant's nth application of the month; 按量: pages;
				 * 0 when not recorded */
	int reasons_sent, reasons_limit;   /* 说明理由 (第三十五条): the request and its limit */
	int outcome;            /* an outcome row of table 三, or -1 while open */
	int answer_variant;     /* enum answer_variant, or -1 */
	char *answer_reasons;   /* the answer's reasons in the office's words */
	char *related_case;     /* 重复申请: the earlier application's case number */
	/* a mistaken entry voided (作废): kept, left out of every table and list */
	char *voided_at, *voided_by, *void_reason;
	struct review_case review;   /* kind T4_REVIEW or -1 */
	struct review_case suit;     /* kind T4_SUIT_DIRECT / T4_SUIT_AFTER_REVIEW or -1 */

	/* kept by the store: computed from the dates and the calendar, and the record's stamps */
	const struct calendar *clock_of;   /* the calendar state and due were computed with, */
	struct clock_dates clock_from;     /* and the dates they were computed from */
	enum app_state state;
	int due;                /* DATE_NONE while paused or waiting for 补正 */
	int left_days;          /* working days left at the start of an open pause */
	char *created_at, *created_by, *updated_at;
};

/* An empty application: every date DATE_NONE, every choice -1, no strings. */
void app_init(struct app *a);
/* Frees the strings and re-inits. */
void app_release(struct app *a);
/* A deep copy into dst (released first if it held anything, so init it before first use). */
void app_copy(struct app *dst, const struct app *src);
/* Replaces *slot with a copy of s (NULL or "" clears it). */
void app_set_text(char **slot, const char *s);

/* Marks a lawsuit whose ledger row gave dates but no 诉讼类型 (an error app_check reports). */
#define SUIT_KIND_MISSING (-2)

/* One problem with one field: for a form (shown beside the field) or a ledger row. */
struct app_problem {
	enum app_field field;
	bool warning;   /* a warning is shown but does not stop a save */
	/* a warning that needs confirming (guard.h): what the events say contradicts the entry;
	 * a form saves on a second F2, add and set only with --confirm, an import saves it and
	 * lists it */
	bool confirm;
	char *msg;      /* Chinese, without the field name: "2023-02-30 不是有效日期" */
};
struct app_problems {
	struct app_problem *v;
	size_t n, cap;
	size_t errors;     /* problems that are not warnings */
	size_t confirms;   /* warnings that need confirming */
};
void app_problem_add(struct app_problems *p, enum app_field f, bool warning,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Adds a warning that needs confirming (confirm set). */
void app_confirm_add(struct app_problems *p, enum app_field f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Removes problem i, keeping the order and the counts. */
void app_problem_remove(struct app_problems *p, size_t i);
void app_problems_clear(struct app_problems *p);
/* Drops the problems from index `from` on that name a field which already has an error before
 * it: when a value could not be read, what the checks then say of that field is its echo. */
void app_problems_drop_echoes(struct app_problems *p, size_t from);
void app_problems_release(struct app_problems *p);

/*
 * Checks every field of a: required fields, lengths, text without control characters, dates
 * of events not after `today` (the 补正 and 说明理由 limits given to the applicant may lie
 * ahead), the order of the clock's events (clock_check), an
 * outcome exactly when there is an answer date, the review and the lawsuit. Adds one problem per
 * fault to p; returns true when there is no error (warnings allowed).
 */
bool app_check(const struct app *a, const struct calendar *cal, int today,
	       struct app_problems *p);

/* Whether case_no is a case number app_check would take (not empty, at most LIMIT_CASE_NO
 * characters of valid text): for a row whose other problems kept app_check from running. */
bool app_case_no_valid(const char *case_no);

/* app_check, and from the same run of the clock the state, due and left_days of a (as
 * app_compute_clock would): for an import, which does both for every row. */
bool app_check_and_clock(struct app *a, const struct calendar *cal, int today,
			 struct app_problems *p);

/* Computes state, due and left_days from the dates with cal (the store does this on every
 * save; an import may do it beforehand in its reading thread) and records what it used. */
void app_compute_clock(struct app *a, const struct calendar *cal);
/* Whether state, due and left_days are those of the dates now on a, by cal. */
bool app_clock_current(const struct app *a, const struct calendar *cal);

struct strbuf;
/*
 * The text form of one field, as the ledger writes it and the history records it: dates
 * `YYYY-MM-DD`, codes as their Chinese labels, the outcome as `不予公开/1.属于国家秘密`, the fee
 * as `100.00`; "" when empty. Appends to out.
 */
void app_field_get(const struct app *a, enum app_field f, struct strbuf *out);
/* Whether x and y hold the same value in every field (as app_field_get writes them). */
bool app_same(const struct app *x, const struct app *y);
/*
 * Sets one field from its text form (any form the ledger accepts; empty clears it). On text
 * that names nothing adds a problem for f and returns false, leaving the field unchanged.
 * Blanks around a value are ignored.
 */
bool app_field_set(struct app *a, enum app_field f, const char *text, struct app_problems *p);
/* Completes what the ledger may leave implicit: 延期工作日 20 when only 延期日期 is given. */
void app_fill_defaults(struct app *a);

#endif
