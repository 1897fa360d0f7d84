/*
 * doc.h — the written documents (文书) of an application: which exist, which its state calls
 * for, the facts each states, and issuing one (docs/documents.md).
 *
 * Every step of an application is a written act: a receipt, a 补正 notice, an extension
 * notice, a letter to a third party or another body, a fee notice, a request to state reasons,
 * and the answer, whose wording depends on the row of table 三 it ends in. Each is made from a
 * template (template.h) — the office's own wording when it loaded one, else the program's —
 * filled in with facts of the case, its clock and the office's settings. A fact the document
 * needs and the case lacks stops it, named, never printed as a blank.
 *
 * Issuing gives the document the next number of the office's sequence of its year (文号:
 * `郑东社公开〔2025〕12号`, never reused) and keeps what it said, so that it prints again as it
 * was sent; the application's history records it.
 */
#ifndef GK_DOC_H
#define GK_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "docx.h"
#include "status.h"
#include "strbuf.h"

struct app;
struct calendar;
struct office;
struct store;

/*       kind                     code                         name */
#define DOC_KIND_LIST(X) \
	X(DK_RECEIPT,              "receipt",                   "登记回执") \
	X(DK_CORRECTION,           "correction",                "补正告知书") \
	X(DK_EXTENSION,            "extension",                 "延期答复告知书") \
	X(DK_CONSULT_THIRD_PARTY,  "consult_third_party",       "征求意见书") \
	X(DK_CONSULT_NOTICE,       "consult_notice",            "征求意见告知书") \
	X(DK_CONSULT_BODY,         "consult_body",              "征求意见函") \
	X(DK_OVER_OBJECTION,       "disclosure_over_objection", "公开决定告知书") \
	X(DK_FEE,                  "fee",                       "收费通知书") \
	X(DK_REASONS,              "reasons",                   "说明理由告知书") \
	X(DK_ANSWER,               "answer",                    "答复书")

enum doc_kind {
#define DOC_KIND_ENUM(name, code, zh) name,
	DOC_KIND_LIST(DOC_KIND_ENUM)
#undef DOC_KIND_ENUM
	DK_COUNT
};

const char *doc_kind_code(enum doc_kind k);   /* "correction" */
const char *doc_kind_name(enum doc_kind k);   /* "补正告知书" */
/* The kind a code or a Chinese name names (blanks around ignored), or -1. */
int doc_kind_parse(const char *text);
/* Every kind as `name（code）`, joined with 、, for a message. */
void doc_kind_names(struct strbuf *out);

/* To whom it goes: the applicant, or the third party or body consulted. */
bool doc_kind_to_applicant(enum doc_kind k);

/*
 * The templates: one per kind, and for the answer one per row of table 三, with two rows
 * answered in two ways (已主动公开, 由其他机关负责公开). A template key is `receipt`, …,
 * `answer.granted`, `answer.granted.published`, `answer.unavailable.not_held.other_body`.
 */
#define DOC_TEMPLATES 32
/* The key of template i (0 ≤ i < DOC_TEMPLATES), in the order `template list` prints them. */
const char *doc_template_key(size_t i);
/* Whether key is a template key. */
bool doc_template_known(const char *key);
/* What a template is for, in Chinese: `答复书：不予公开（属于国家秘密）`. */
void doc_template_title(const char *key, struct strbuf *out);
/* The key of the template a kind of document of application a uses (the answer's by its
 * outcome and 答复情形). */
void doc_template_key_of(const struct app *a, enum doc_kind k, struct strbuf *out);
/* The program's own wording of a template (compiled in), as text; NULL for an unknown key. */
const char *doc_template_default(const char *key, size_t *len);
/*
 * Checks a template's text for key: the syntax, every field one it may use (with the line and
 * the fields it could use), and that it keeps the fields the law requires of that document
 * (an answer keeps {依据} and {救济途径}; a 补正 notice {补正事项} and {补正期限}; …). ST_OK,
 * or ST_DATA with one line per problem in d.
 */
enum status doc_template_check(const char *key, const char *text, size_t len, struct diag *d);
/* The text `template show` prints: comment lines naming the template and every field it may
 * use (and which are required), then text. */
void doc_template_annotated(const char *key, const char *text, struct strbuf *out);

/* Which kinds the state of application a calls for (its events are recorded): due[k]. */
void doc_due(const struct app *a, bool due[DK_COUNT]);
/* The date a document of kind k is dated by default: the day of its event (the receipt, the
 * 补正 notice, the extension, …); DATE_NONE when the case has no such event yet. */
int doc_event_date(const struct app *a, enum doc_kind k);
/* Why a kind cannot be issued for a yet (its event is not recorded), in Chinese; NULL when it
 * can. */
const char *doc_not_yet(const struct app *a, enum doc_kind k);

/* The articles the answer of a row of table 三 rests on (answered the way variant says, or -1
 * for the usual way): `《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项`; NULL for
 * 其他. A static string. */
const char *doc_answer_basis(int row, int variant);

/* The 文号: `<code>〔<year>〕<serial>号` — no leading zeros, no 第. Appends to out. */
void doc_number(const char *code, int year, long long serial, struct strbuf *out);

/* What a document states beside the template: the case, the office, the calendar for due
 * dates, the document's date and number, and for a 重复申请 the earlier answer. */
struct doc_facts {
	const struct app *a;
	const struct office *office;
	const struct calendar *cal;
	int date;
	const char *number;
	const char *earlier_number;   /* the earlier application's answer, or NULL */
	int earlier_date;
};

/*
 * Makes the document of template key from text with the facts: its paragraphs appended to
 * doc. ST_DATA with one line per missing fact, each naming the fact and how to give it
 * (`缺少 补正事项（补正通知中要求补正的事项）：gongkai set 2025-0012 补正事项=…`), and then
 * nothing is added.
 */
enum status doc_render(const char *key, const char *text, size_t len,
		       const struct doc_facts *f, struct docx *doc, struct diag *d);

/* A document's paragraphs as the text kept in the database (JSON), and read back. */
void doc_body_write(const struct docx *doc, struct strbuf *out);
enum status doc_body_read(const char *body, struct docx *doc, struct diag *d);

/* One document issued, as kept. */
struct doc_issued {
	long long id, app_id;
	enum doc_kind kind;
	int year;
	long long serial;
	char *number;            /* 郑东社公开〔2025〕12号 */
	int issued_on;
	int template_version;    /* 0: the program's wording */
	char *body;              /* what it said (doc_body_read) */
	char *issued_at, *issued_by;
	char *voided_at, *void_reason;   /* NULL unless voided */
};
void doc_issued_release(struct doc_issued *x);
void doc_issued_free(struct doc_issued **v, size_t n);

/*
 * Issues a document of kind k for application id: reads the case, the office's settings and
 * its template (the office's latest version, else the program's), dates it (date, or
 * DATE_NONE for the day of its event), numbers it, and keeps it — with a line in the case's
 * history — in one transaction. *out is the document issued (doc_issued_release). ST_DATA
 * with every missing fact (office settings included) named; ST_NOTFOUND without the case.
 */
enum status doc_issue(struct store *s, long long id, enum doc_kind k, int date,
		      struct doc_issued *out, struct diag *d);

/*
 * The fields of application a (enum app_field) that a document of kind k needs and a lacks,
 * by the template the office uses now: up to max into fields, *n how many. For a form that
 * asks for them before issuing. (Facts of the office's settings are not among them.)
 */
enum status doc_missing_fields(struct store *s, const struct app *a, enum doc_kind k,
			       int *fields, size_t max, size_t *n, struct diag *d);

/* Writes a document kept in the store as .docx bytes or as text (width columns). */
enum status doc_to_docx(const struct doc_issued *x, struct strbuf *out, struct diag *d);
enum status doc_to_text(const struct doc_issued *x, int width, struct strbuf *out,
			struct diag *d);

#endif
