/*
 * dlg_event.c — the event keys of an application: 补正, 征求意见, 延期, 信息处理费, 复议/诉讼,
 * each a small form for the next step of its event, all made from one table of descriptors.
 *
 * An event is a few steps (the notice, then the reply; the start, then the end), each the dates
 * and words of the application it records. The form shows what is already recorded as lines to
 * read and asks only for the step at hand, with today as the date; an event whose steps are all
 * recorded says so and points to e for corrections. The whole application is checked by
 * app_check before it is saved (clock_check: the order of the dates, an extension after the due
 * date, a 补正 notice later than 7 working days); the fee is computed by fee.h and shown for the
 * clerk to confirm.
 */
#include "dlg_event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "appform.h"
#include "codes.h"
#include "date.h"
#include "doc.h"
#include "scr_docs.h"
#include "fee.h"
#include "form.h"
#include "store.h"
#include "strbuf.h"
#include "tui.h"
#include "xmem.h"

#define EV_FIELDS 5

/* One field of a step: the application's field it records. */
struct ev_field {
	enum app_field f;
	enum { EF_END, EF_DATE, EF_TODAY, EF_TEXT, EF_LONG, EF_NUMBER, EF_CHOICE } kind;
	const char *initial;   /* EF_NUMBER, EF_TEXT: the text it starts with */
	const char *need;      /* required: what to ask for when it is left empty */
	const char *note;      /* shown after the field */
};

struct ev_job;

struct ev_step {
	const char *done;                       /* said after saving */
	/* lines to read before the fields: what is recorded already; may be NULL */
	void (*info)(struct tui *t, struct form *fm, const struct app *a);
	struct ev_field fields[EV_FIELDS];      /* ends at EF_END */
	const char *hint;                       /* a line after the fields, or NULL */
};

struct ev_desc {
	enum action action;
	/* the form's title, around the case number: 补正 2023-0001（第三十条） */
	const char *title, *article;
	const char *verb;       /* after an answer: 不能再<verb> */
	/* the step the application is at (the first whose first field is empty), or -1 when
	 * every step is recorded: then says why nothing more can be recorded */
	int (*next)(struct tui *t, const struct app *a);
	struct ev_step steps[2];
	/* for the events that are not only fields of the application (信息处理费, 复议/诉讼):
	 * builds the step's form itself, and reads it back into a */
	void (*build)(struct tui *t, struct form *fm, struct ev_job *j);
	bool (*fill)(struct form *fm, struct ev_job *j, struct app *a);
};

struct ev_job {
	const struct ev_desc *desc;
	struct app a;       /* as read when the form opened */
	int step;
	int f[8];           /* the form's fields: those of the step's table, or the build's own */
	long long nth;      /* 信息处理费: the applicant's nth application of the month */
	long long saved;
	int offer;          /* the document the step saved calls for (enum doc_kind), or -1 */
};

static const char *day(int d, char buf[DATE_BUF])
{
	return date_format(d, buf);
}

/* ---- the fields of a step ---- */

static void build_fields(struct tui *t, struct form *fm, struct ev_job *j)
{
	const struct ev_field *ef = j->desc->steps[j->step].fields;
	for (int i = 0; i < EV_FIELDS && ef[i].kind != EF_END; i++) {
		enum app_field f = ef[i].f;
		switch (ef[i].kind) {
		case EF_DATE: j->f[i] = appform_date(fm, f, DATE_NONE); break;
		case EF_TODAY: j->f[i] = appform_date(fm, f, t->today); break;
		case EF_NUMBER:
			j->f[i] = form_number(fm, app_field_name(f), f, ef[i].initial);
			break;
		case EF_TEXT:
			j->f[i] = form_text(fm, app_field_name(f), f, ef[i].initial, LIMIT_PERSON);
			break;
		case EF_LONG:   /* several lines: what a document states in the office's words */
			j->f[i] = form_text(fm, app_field_name(f), f, ef[i].initial, LIMIT_TEXT);
			form_set_multiline(fm, j->f[i]);
			break;
		case EF_CHOICE:
			j->f[i] = appform_code(fm, f, NULL, f == F_CONSULT_PARTY ? &codes_consult_party
					       : &codes_review_result, NULL, -1);
			break;
		case EF_END: break;
		}
		if (ef[i].note)
			form_note(fm, j->f[i], ef[i].note);
	}
}

/* Whether field f of a holds nothing. */
static bool empty(const struct app *a, enum app_field f)
{
	struct strbuf v = STRBUF_INIT;
	app_field_get(a, f, &v);
	bool none = v.len == 0;
	sb_release(&v);
	return none;
}

static bool fill_fields(struct form *fm, struct ev_job *j, struct app *a)
{
	const struct ev_field *ef = j->desc->steps[j->step].fields;
	bool ok = true;
	for (int i = 0; i < EV_FIELDS && ef[i].kind != EF_END; i++) {
		if (!appform_read(fm, j->f[i], a, ef[i].f)) {
			ok = false;
		} else if (ef[i].need && empty(a, ef[i].f)) {
			form_problem(fm, j->f[i], false, "%s", ef[i].need);
			ok = false;
		}
	}
	return ok;
}

/* ---- saving ---- */

/* The document a step of an event sends (docs/documents.md), or -1. */
static int document_of(enum action event, int step, const struct app *a)
{
	if (step != 0)
		return -1;
	switch (event) {
	case A_CORRECTION: return DK_CORRECTION;
	case A_EXTEND: return DK_EXTENSION;
	case A_FEE: return DK_FEE;
	case A_CONSULT:
		return a->consult_party == CP_BODY ? DK_CONSULT_BODY : DK_CONSULT_THIRD_PARTY;
	default: return -1;
	}
}

static bool save(struct tui *t, struct form *fm, void *ctx)
{
	struct ev_job *j = ctx;
	const struct ev_desc *e = j->desc;
	struct app a;
	app_init(&a);
	app_copy(&a, &j->a);
	bool ok = (e->fill ? e->fill(fm, j, &a) : fill_fields(fm, j, &a)) &&
		  appform_check(t, fm, &a) && appform_write(t, fm, &a, NULL);
	if (ok) {
		char buf[DATE_BUF];
		const char *done = e->steps[j->step].done;
		j->saved = a.id;
		j->offer = document_of(e->action, j->step, &a);
		if (a.due != DATE_NONE && a.state != STATE_ANSWERED)
			tui_message(t, false, "%s：%s，到期日 %s", a.case_no, done, day(a.due, buf));
		else
			tui_message(t, false, "%s：%s", a.case_no, done);
	}
	app_release(&a);
	return ok;
}

/* ---- 补正 (第三十条) ---- */

static int correction_next(struct tui *t, const struct app *a)
{
	char buf[DATE_BUF];
	if (a->d.correction_sent == DATE_NONE)
		return 0;
	if (a->d.correction_received == DATE_NONE)
		return 1;
	tui_message(t, true, "补正只能一次（第三十条）：%s 已于 %s 收到补正；更正日期请按 e",
		    a->case_no, day(a->d.correction_received, buf));
	return -1;
}

static void received_info(struct tui *t, struct form *fm, const struct app *a)
{
	(void)t;
	char buf[DATE_BUF];
	form_info(fm, "收到日期", day(a->d.received, buf));
}

static void correction_sent_info(struct tui *t, struct form *fm, const struct app *a)
{
	(void)t;
	char b1[DATE_BUF], b2[DATE_BUF], line[160];
	snprintf(line, sizeof line, "%s%s%s", day(a->d.correction_sent, b1),
		 a->d.correction_limit != DATE_NONE ? "，补正期限 " : "",
		 day(a->d.correction_limit, b2));
	form_info(fm, "补正通知", line);
}

/* ---- 征求意见 (第三十二条、第三十四条) ---- */

static int consult_next(struct tui *t, const struct app *a)
{
	char b1[DATE_BUF], b2[DATE_BUF];
	if (a->d.consult_start == DATE_NONE)
		return 0;
	if (a->d.consult_end == DATE_NONE)
		return 1;
	tui_message(t, true, "申请 %s 已征求意见（%s 至 %s）；更正日期请按 e", a->case_no,
		    day(a->d.consult_start, b1), day(a->d.consult_end, b2));
	return -1;
}

static void due_info(struct tui *t, struct form *fm, const struct app *a)
{
	(void)t;
	char buf[DATE_BUF];
	if (a->due != DATE_NONE)
		form_info(fm, "当前到期日", day(a->due, buf));
}

static void consult_started_info(struct tui *t, struct form *fm, const struct app *a)
{
	(void)t;
	char buf[DATE_BUF], line[160];
	snprintf(line, sizeof line, "%s 起，征求%s意见", day(a->d.consult_start, buf),
		 a->consult_party >= 0 ? code_label(&codes_consult_party, a->consult_party) : "");
	form_info(fm, "已开始", line);
}

/* ---- 延期 (第三十三条) ---- */

static int extension_next(struct tui *t, const struct app *a)
{
	char buf[DATE_BUF];
	if (a->d.extended_on == DATE_NONE)
		return 0;
	tui_message(t, true, "只能延期一次（第三十三条）：%s 已于 %s 延期 %d 个工作日，%s同意",
		    a->case_no, day(a->d.extended_on, buf), a->d.extension_days,
		    a->extension_by ? a->extension_by : "负责人");
	return -1;
}

static void extension_info(struct tui *t, struct form *fm, const struct app *a)
{
	(void)t;
	char buf[DATE_BUF];
	form_info(fm, "当前到期日", a->due != DATE_NONE ? day(a->due, buf) : "（暂停计时中）");
}

/* ---- 信息处理费 (第四十二条，国办函〔2020〕109号) ---- */

enum { FEE_NOTICE, FEE_MODE, FEE_PAGES, FEE_AMOUNT, FEE_BASIS, FEE_DELIVERED };

static const char *const fee_modes[] = { "按件（本月申请件数）", "按量（页数）" };

static int fee_next(struct tui *t, const struct app *a)
{
	char buf[DATE_BUF];
	if (a->d.fee_notice == DATE_NONE)
		return 0;
	if (a->d.fee_paid_on == DATE_NONE)
		return 1;
	tui_message(t, true, "申请 %s 已于 %s 缴费；更正请按 e", a->case_no,
		    day(a->d.fee_paid_on, buf));
	return -1;
}

/* Proposes the amount for the way of charging chosen; the clerk may change it. */
static void fee_recompute(struct form *fm, int field, void *ctx)
{
	struct ev_job *j = ctx;
	if (field != j->f[FEE_MODE] && field != j->f[FEE_PAGES] && field >= 0)
		return;
	char amount[32], basis[512];
	long yuan;
	if (form_get_choice(fm, j->f[FEE_MODE]) == 1) {
		char *p = form_get_text(fm, j->f[FEE_PAGES]);
		int pages = atoi(p);
		free(p);
		yuan = fee_for_pages(pages);
		snprintf(basis, sizeof basis, "%d 页：30页以下（含30页）免费，31至100页的部分每页 10 元，"
			 "101至200页的部分每页 20 元，201页以上的部分每页 40 元（国办函〔2020〕109号）",
			 pages);
	} else {
		yuan = fee_for_nth_application((int)j->nth);
		snprintf(basis, sizeof basis, "该申请人本月第 %lld 件申请：前 10 件免费，第 11 至 30 件"
			 "每件 100 元，此后每 10 件加收 100 元", j->nth);
	}
	snprintf(amount, sizeof amount, "%ld.00", yuan);
	form_set_text(fm, j->f[FEE_AMOUNT], amount);
	form_note(fm, j->f[FEE_BASIS], basis);
}

static bool month_count(struct tui *t, struct ev_job *j)
{
	struct diag d = DIAG_INIT;
	enum status st = store_applicant_nth(t->s, j->a.applicant, j->a.id_number,
					     j->a.d.received, j->a.id, &j->nth, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	diag_release(&d);
	return st == ST_OK;
}

/* The notice: the date, the way of charging and the amount the rules give, to confirm. */
static void fee_build(struct tui *t, struct form *fm, struct ev_job *j)
{
	if (j->step == 1) {
		build_fields(t, fm, j);
		return;
	}
	j->f[FEE_NOTICE] = appform_date(fm, F_FEE_NOTICE, t->today);
	form_note(fm, j->f[FEE_NOTICE], "应在答复期限内发出");
	j->f[FEE_MODE] = form_choice(fm, "计费方式", -1, fee_modes, 2, 0);
	j->f[FEE_PAGES] = form_number(fm, "页数", -1, "");
	form_note(fm, j->f[FEE_PAGES], "按量计费时填写");
	j->f[FEE_AMOUNT] = form_text(fm, "金额（元）", F_FEE, NULL, 16);
	form_note(fm, j->f[FEE_AMOUNT], "程序计算，请核对");
	j->f[FEE_BASIS] = form_info(fm, "计算依据", "");
	j->f[FEE_DELIVERED] = appform_date(fm, F_FEE_DELIVERED, DATE_NONE);
	form_note(fm, j->f[FEE_DELIVERED], "缴费期限自送达次日起算，未知可暂不填");
	fm->changed = fee_recompute;
	fee_recompute(fm, -1, j);
}

static bool fee_fill(struct form *fm, struct ev_job *j, struct app *a)
{
	if (j->step == 1)
		return fill_fields(fm, j, a);
	bool ok = appform_read(fm, j->f[FEE_NOTICE], a, F_FEE_NOTICE);
	if (ok && a->d.fee_notice == DATE_NONE) {
		form_problem(fm, j->f[FEE_NOTICE], false, "请填写收费通知日期");
		ok = false;
	}
	ok = appform_read(fm, j->f[FEE_DELIVERED], a, F_FEE_DELIVERED) && ok;
	/* the basis and its count are kept with the fee (国办函〔2020〕109号 第四条) */
	if (form_get_choice(fm, j->f[FEE_MODE]) == 1) {
		a->fee_basis = FB_PER_PAGE;
		ok = appform_read(fm, j->f[FEE_PAGES], a, F_FEE_UNITS) && ok;
	} else {
		a->fee_basis = FB_PER_ITEM;
		a->fee_units = j->nth > 0 && j->nth <= LIMIT_FEE_UNITS ? (int)j->nth : 0;
	}
	if (!appform_read(fm, j->f[FEE_AMOUNT], a, F_FEE)) {
		ok = false;
	} else if (a->fee_fen < 0) {
		form_problem(fm, j->f[FEE_AMOUNT], false, "请填写金额（元）");
		ok = false;
	} else if (a->fee_fen == 0) {
		form_problem(fm, j->f[FEE_AMOUNT], false, "金额为 0：按规定不收费，不必发出收费通知");
		ok = false;
	}
	return ok;
}

static void fee_notice_info(struct tui *t, struct form *fm, const struct app *a)
{
	char b1[DATE_BUF], b2[DATE_BUF], line[200];
	struct strbuf amount = STRBUF_INIT;
	app_field_get(a, F_FEE, &amount);
	bool provisional;
	int limit = clock_fee_limit(store_calendar(t->s), &a->d, &provisional);
	snprintf(line, sizeof line, "%s 发出，金额 %s 元；应在 %s 前缴费%s（逾期视为放弃申请）",
		 day(a->d.fee_notice, b1), sb_str(&amount), day(limit, b2),
		 provisional ? "（送达日期未登记，暂按通知日期计算）" : "");
	form_info(fm, "收费通知", line);
	sb_release(&amount);
}

/* ---- 复议、诉讼 ---- */

enum { RV_KIND, RV_FILED, RV_RESULT, RV_DECIDED };

static const char *const review_kinds[] = {
	"行政复议", "行政诉讼：未经复议直接起诉", "行政诉讼：复议后起诉",
};

static int kind_group(int k)
{
	return k == 0 ? T4_REVIEW : k == 1 ? T4_SUIT_DIRECT : T4_SUIT_AFTER_REVIEW;
}

static int review_next(struct tui *t, const struct app *a)
{
	(void)t;
	(void)a;
	return 0;   /* a case can always be recorded, or its decision added */
}

/* Fills the fields from the recorded case of the kind chosen, and names them for the checks. */
static void review_refill(struct form *fm, int field, void *ctx)
{
	struct ev_job *j = ctx;
	if (field != j->f[RV_KIND] && field >= 0)
		return;
	int k = form_get_choice(fm, j->f[RV_KIND]);
	bool suit = k > 0;
	const struct review_case *rc = suit ? &j->a.suit : &j->a.review;
	bool same = rc->kind == kind_group(k) || (suit && rc->kind >= 0);
	char buf[DATE_BUF];
	form_set_text(fm, j->f[RV_FILED], same ? day(rc->filed, buf) : "");
	fm->f[j->f[RV_RESULT]].choice = same && rc->result >= 0 ? rc->result + 1 : 0;
	form_set_text(fm, j->f[RV_DECIDED], same ? day(rc->decided, buf) : "");
	fm->f[j->f[RV_FILED]].app_field = suit ? F_SUIT_FILED : F_REVIEW_FILED;
	fm->f[j->f[RV_RESULT]].app_field = suit ? F_SUIT_RESULT : F_REVIEW_RESULT;
	fm->f[j->f[RV_DECIDED]].app_field = suit ? F_SUIT_DECIDED : F_REVIEW_DECIDED;
	form_note(fm, j->f[RV_FILED], suit ? "起诉日期" : "申请复议的日期");
}

static void review_build(struct tui *t, struct form *fm, struct ev_job *j)
{
	(void)t;
	const struct app *a = &j->a;
	int kind = a->suit.kind == T4_SUIT_DIRECT ? 1 : a->suit.kind == T4_SUIT_AFTER_REVIEW ? 2
		 : 0;
	j->f[RV_KIND] = form_choice(fm, "类别", -1, review_kinds, 3, kind);
	j->f[RV_FILED] = form_date(fm, "申请或起诉日期", F_REVIEW_FILED, DATE_NONE);
	j->f[RV_RESULT] = appform_code(fm, F_REVIEW_RESULT, "结果", &codes_review_result, "尚未审结",
				       -1);
	form_note(fm, j->f[RV_RESULT], "纠正：撤销、变更、确认违法、责令履行；其他：驳回、终止等");
	j->f[RV_DECIDED] = form_date(fm, "决定或判决日期", F_REVIEW_DECIDED, DATE_NONE);
	fm->changed = review_refill;
	review_refill(fm, -1, j);
}

static bool review_fill(struct form *fm, struct ev_job *j, struct app *a)
{
	int k = form_get_choice(fm, j->f[RV_KIND]);
	struct review_case *rc = k > 0 ? &a->suit : &a->review;
	rc->kind = kind_group(k);
	bool ok = form_get_date(fm, j->f[RV_FILED], &rc->filed);
	if (ok && rc->filed == DATE_NONE) {
		form_problem(fm, j->f[RV_FILED], false, "请填写%s", k > 0 ? "起诉日期" : "复议申请日期");
		ok = false;
	}
	ok &= form_get_date(fm, j->f[RV_DECIDED], &rc->decided);
	rc->result = form_get_choice(fm, j->f[RV_RESULT]) - 1;
	return ok;
}

/* ---- the table ---- */

static const struct ev_desc events[] = {
	{ A_CORRECTION, "补正", "（第三十条）", "补正", correction_next, {
		{ "已登记补正通知，等待申请人补正（不计时）", received_info, {
			{ F_CORRECTION_SENT, EF_TODAY, NULL, "请填写补正通知日期",
			  "应在收到申请之日起 7 个工作日内一次性告知" },
			{ F_CORRECTION_LIMIT, EF_DATE, NULL,
			  "请填写补正期限（第三十条：补正通知载明合理的补正期限）",
			  "申请人补正的合理期限（第三十条）" },
			{ F_CORRECTION_ITEMS, EF_LONG, NULL, NULL,
			  "需要补正的事项，一次性写全（补正告知书载明）" },
		  }, NULL },
		{ "已登记收到补正，答复期限从收到之日重新计算", correction_sent_info, {
			{ F_CORRECTION_RECEIVED, EF_TODAY, NULL, "请填写收到补正的日期", NULL },
		  }, "逾期不补正的：按 a 答复，选「其他处理 › 1」；补正只有一次（第三十条一次性告知），"
		     "补正后仍不明确的：选「无法提供 › 3」" },
	  }, NULL, NULL },
	{ A_CONSULT, "征求意见", "（第三十二条、第三十四条）", "征求意见", consult_next, {
		{ "已开始征求意见，期间不计入答复期限", due_info, {
			{ F_CONSULT_START, EF_TODAY, NULL, "请填写征求意见开始日期", NULL },
			{ F_CONSULT_PARTY, EF_CHOICE, NULL, "请选择征求意见的对象：第三方 或 其他机关",
			  "第三方：第三十二条；其他机关：第三十四条；各 15 个工作日" },
		  }, NULL },
		{ "征求意见已结束，恢复计时", consult_started_info, {
			{ F_CONSULT_END, EF_TODAY, NULL, "请填写征求意见结束日期", NULL },
		  }, NULL },
	  }, NULL, NULL },
	{ A_EXTEND, "延期", "（第三十三条）", "延期", extension_next, {
		{ "已延期，请告知申请人", extension_info, {
			{ F_EXTENDED_ON, EF_TODAY, NULL, "请填写延期日期", "须在到期日之前" },
			{ F_EXTENSION_DAYS, EF_NUMBER, "20", "请填写延长的工作日数（1 到 20）",
			  "最长 20 个工作日" },
			{ F_EXTENSION_BY, EF_TEXT, NULL,
			  "请填写同意延期的负责人（第三十三条：经政府信息公开工作机构负责人同意）",
			  "同意延期的负责人" },
			{ F_EXTENSION_REASON, EF_LONG, NULL, NULL, "延期答复告知书载明的理由" },
			{ F_EXTENSION_TOLD, EF_DATE, NULL, NULL,
			  "告知申请人之日（第三十三条），告知后按 e 补填亦可" },
		  }, NULL },
	  }, NULL, NULL },
	{ A_FEE, "信息处理费", "（第四十二条）", "收费", fee_next, {
		{ "已登记收费通知，缴费前暂停计时", NULL, { { 0 } }, NULL },
		{ "已登记缴费，恢复计时", fee_notice_info, {
			{ F_FEE_PAID, EF_TODAY, NULL, "请填写缴费日期", NULL },
		  }, "逾期未缴费的：按 a 答复，选「其他处理 › 2」" },
	  }, fee_build, fee_fill },
	{ A_REVIEW, "行政复议、行政诉讼", "", NULL, review_next, {
		{ "已登记复议、诉讼情况（计入表四）", NULL, { { 0 } }, NULL },
	  }, review_build, review_fill },
};

static const struct ev_desc *find(enum action a)
{
	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
		if (events[i].action == a)
			return &events[i];
	return NULL;
}

static bool refuse_answered(struct tui *t, const struct ev_desc *e, const struct app *a)
{
	if (!e->verb || a->d.answered == DATE_NONE)
		return false;
	char buf[DATE_BUF];
	tui_message(t, true, "申请 %s 已于 %s 答复，不能再%s；如需更正请按 e 修改", a->case_no,
		    day(a->d.answered, buf), e->verb);
	return true;
}

bool dlg_event_run(struct tui *t, enum action a, const struct app *app, long long *saved)
{
	const struct ev_desc *e = find(a);
	if (!e)
		return false;
	*saved = 0;
	struct ev_job j;
	memset(&j, 0, sizeof j);
	j.desc = e;
	app_init(&j.a);
	app_copy(&j.a, app);
	if (refuse_answered(t, e, &j.a) || (j.step = e->next(t, &j.a)) < 0)
		goto out;
	if (a == A_FEE && j.step == 0 && !month_count(t, &j))
		goto out;
	char title[160];
	snprintf(title, sizeof title, "%s %s%s", e->title, j.a.case_no, e->article);
	struct form fm;
	form_init(&fm, title, save, &j);
	const struct ev_step *step = &e->steps[j.step];
	if (step->info)
		step->info(t, &fm, &j.a);
	if (e->build)
		e->build(t, &fm, &j);
	else
		build_fields(t, &fm, &j);
	if (step->hint)
		form_info(&fm, "", step->hint);
	j.offer = -1;
	form_run(t, &fm);
	form_release(&fm);
	*saved = j.saved;
	if (j.saved && j.offer >= 0)
		scr_docs_offer(t, j.saved, (enum doc_kind)j.offer);
out:
	app_release(&j.a);
	return true;
}
