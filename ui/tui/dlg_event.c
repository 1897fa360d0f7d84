/*
 * dlg_event.c — the event keys of an application (issue 4): 补正, 征求意见, 延期, 信息处理费,
 * 复议/诉讼, each a small form for the next step of its event.
 *
 * A form shows what is already recorded (as lines to read) and asks only for the step at hand,
 * with today as the date. The whole application is checked by app_check before it is saved
 * (clock_check: the order of the dates, an extension after the due date, a 补正 notice later
 * than 7 working days); the fee is computed by fee.h and shown for the clerk to confirm.
 */
#include "dlg_event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dlg_app.h"
#include "codes.h"
#include "date.h"
#include "fee.h"
#include "form.h"
#include "store.h"
#include "strbuf.h"
#include "tui.h"
#include "xmem.h"

struct ev_job {
	struct app a;      /* as read when the form opened */
	int step;          /* 0: the first step of the event, 1: the second */
	int f[6];          /* the form's fields, by the event's own numbering */
	long long nth;     /* 信息处理费: the applicant's nth application of the month */
	long long saved;
};

static const char *day(int d, char buf[DATE_BUF])
{
	return date_format(d, buf);
}

/* Saves j's application changed by fill (which reads the form into a, false on a problem),
 * then says what was done. */
static bool save_with(struct tui *t, struct form *fm, struct ev_job *j,
		      bool (*fill)(struct form *, struct ev_job *, struct app *), const char *done)
{
	struct app a;
	app_init(&a);
	app_copy(&a, &j->a);
	bool ok = fill(fm, j, &a) && dlg_app_check(t, fm, &a) && dlg_app_write(t, fm, &a, NULL);
	if (ok) {
		char buf[DATE_BUF];
		j->saved = a.id;
		if (a.due != DATE_NONE && a.state != STATE_ANSWERED)
			tui_message(t, false, "%s：%s，到期日 %s", a.case_no, done, day(a.due, buf));
		else
			tui_message(t, false, "%s：%s", a.case_no, done);
	}
	app_release(&a);
	return ok;
}

static bool required_date(struct form *fm, int i, int *out, const char *what)
{
	if (!form_get_date(fm, i, out))
		return false;
	if (*out == DATE_NONE) {
		form_problem(fm, i, false, "请填写%s", what);
		return false;
	}
	return true;
}

/* Runs a form built by the caller and releases it; returns the id saved, or 0. */
static long long run(struct tui *t, struct form *fm, struct ev_job *j)
{
	form_run(t, fm);
	form_release(fm);
	return j->saved;
}

static bool refuse_answered(struct tui *t, const struct app *a, const char *what)
{
	if (a->d.answered == DATE_NONE)
		return false;
	char buf[DATE_BUF];
	tui_message(t, true, "申请 %s 已于 %s 答复，不能再%s；如需更正请按 e 修改", a->case_no,
		    day(a->d.answered, buf), what);
	return true;
}

/* ---- 补正 (第三十条) ---- */

static bool fill_correction(struct form *fm, struct ev_job *j, struct app *a)
{
	if (j->step == 0)
		return required_date(fm, j->f[0], &a->d.correction_sent, "补正通知日期") &&
		       form_get_date(fm, j->f[1], &a->d.correction_limit);
	return required_date(fm, j->f[0], &a->d.correction_received, "收到补正的日期");
}

static bool save_correction(struct tui *t, struct form *fm, void *ctx)
{
	struct ev_job *j = ctx;
	return save_with(t, fm, j, fill_correction,
			 j->step == 0 ? "已登记补正通知，等待申请人补正（不计时）"
				      : "已登记收到补正，答复期限从收到之日重新计算");
}

static long long correction(struct tui *t, struct ev_job *j)
{
	const struct app *a = &j->a;
	char b1[DATE_BUF], b2[DATE_BUF], title[160];
	if (refuse_answered(t, a, "补正"))
		return 0;
	if (a->d.correction_received != DATE_NONE) {
		tui_message(t, true, "补正只能一次（第三十条）：%s 已于 %s 收到补正；更正日期请按 e",
			    a->case_no, day(a->d.correction_received, b1));
		return 0;
	}
	struct form fm;
	snprintf(title, sizeof title, "补正 %s（第三十条）", a->case_no);
	form_init(&fm, title, save_correction, j);
	j->step = a->d.correction_sent == DATE_NONE ? 0 : 1;
	if (j->step == 0) {
		form_info(&fm, "收到日期", day(a->d.received, b1));
		j->f[0] = form_date(&fm, app_field_name(F_CORRECTION_SENT), F_CORRECTION_SENT,
				    t->today);
		form_note(&fm, j->f[0], "应在收到申请之日起 7 个工作日内一次性告知");
		j->f[1] = form_date(&fm, app_field_name(F_CORRECTION_LIMIT), F_CORRECTION_LIMIT,
				    DATE_NONE);
		form_note(&fm, j->f[1], "申请人补正的合理期限，可不填");
	} else {
		snprintf(title, sizeof title, "%s%s%s", day(a->d.correction_sent, b1),
			 a->d.correction_limit != DATE_NONE ? "，补正期限 " : "",
			 day(a->d.correction_limit, b2));
		form_info(&fm, "补正通知", title);
		j->f[0] = form_date(&fm, app_field_name(F_CORRECTION_RECEIVED),
				    F_CORRECTION_RECEIVED, t->today);
		form_info(&fm, "", "申请人逾期不补正的：按 a 答复，选「其他处理 › 1」");
	}
	return run(t, &fm, j);
}

/* ---- 征求意见 (第三十二条、第三十四条) ---- */

static bool fill_consult(struct form *fm, struct ev_job *j, struct app *a)
{
	if (j->step == 1)
		return required_date(fm, j->f[0], &a->d.consult_end, "征求意见结束日期");
	bool ok = required_date(fm, j->f[0], &a->d.consult_start, "征求意见开始日期");
	a->consult_party = form_get_choice(fm, j->f[1]);
	if (a->consult_party < 0) {
		form_problem(fm, j->f[1], false, "请选择征求意见的对象：第三方 或 其他机关");
		ok = false;
	}
	return ok;
}

static bool save_consult(struct tui *t, struct form *fm, void *ctx)
{
	struct ev_job *j = ctx;
	return save_with(t, fm, j, fill_consult,
			 j->step == 0 ? "已开始征求意见，期间不计入答复期限"
				      : "征求意见已结束，恢复计时");
}

static long long consult(struct tui *t, struct ev_job *j)
{
	const struct app *a = &j->a;
	char b1[DATE_BUF], b2[DATE_BUF], title[160];
	if (refuse_answered(t, a, "征求意见"))
		return 0;
	if (a->d.consult_end != DATE_NONE) {
		tui_message(t, true, "申请 %s 已征求意见（%s 至 %s）；更正日期请按 e", a->case_no,
			    day(a->d.consult_start, b1), day(a->d.consult_end, b2));
		return 0;
	}
	struct form fm;
	snprintf(title, sizeof title, "征求意见 %s（第三十二条、第三十四条）", a->case_no);
	form_init(&fm, title, save_consult, j);
	j->step = a->d.consult_start == DATE_NONE ? 0 : 1;
	if (j->step == 0) {
		if (a->due != DATE_NONE)
			form_info(&fm, "当前到期日", day(a->due, b1));
		j->f[0] = form_date(&fm, app_field_name(F_CONSULT_START), F_CONSULT_START, t->today);
		j->f[1] = form_choice(&fm, app_field_name(F_CONSULT_PARTY), F_CONSULT_PARTY,
				      codes_consult_party.labels, codes_consult_party.count, -1);
		form_note(&fm, j->f[1], "第三方：第三十二条；其他机关：第三十四条；各 15 个工作日");
	} else {
		snprintf(title, sizeof title, "%s 起，征求%s意见", day(a->d.consult_start, b1),
			 a->consult_party >= 0 ? code_label(&codes_consult_party, a->consult_party)
					       : "");
		form_info(&fm, "已开始", title);
		j->f[0] = form_date(&fm, app_field_name(F_CONSULT_END), F_CONSULT_END, t->today);
	}
	return run(t, &fm, j);
}

/* ---- 延期 (第三十三条) ---- */

static bool fill_extension(struct form *fm, struct ev_job *j, struct app *a)
{
	long long days = -1;
	bool ok = required_date(fm, j->f[0], &a->d.extended_on, "延期日期");
	ok &= form_get_int(fm, j->f[1], 1, CLOCK_EXTENSION_MAX, &days);
	if (ok && days < 0) {
		form_problem(fm, j->f[1], false, "请填写延长的工作日数（1 到 20）");
		ok = false;
	}
	a->d.extension_days = days > 0 ? (int)days : 0;
	char *by = form_get_text(fm, j->f[2]);
	app_set_text(&a->extension_by, by);
	if (!*by) {
		form_problem(fm, j->f[2], false,
			     "请填写同意延期的负责人（第三十三条：经政府信息公开工作机构负责人同意）");
		ok = false;
	}
	free(by);
	return ok;
}

static bool save_extension(struct tui *t, struct form *fm, void *ctx)
{
	return save_with(t, fm, ctx, fill_extension, "已延期，请告知申请人");
}

static long long extension(struct tui *t, struct ev_job *j)
{
	const struct app *a = &j->a;
	char b1[DATE_BUF], title[160];
	if (refuse_answered(t, a, "延期"))
		return 0;
	if (a->d.extended_on != DATE_NONE) {
		tui_message(t, true, "只能延期一次（第三十三条）：%s 已于 %s 延期 %d 个工作日，%s同意",
			    a->case_no, day(a->d.extended_on, b1), a->d.extension_days,
			    a->extension_by ? a->extension_by : "负责人");
		return 0;
	}
	struct form fm;
	snprintf(title, sizeof title, "延期 %s（第三十三条）", a->case_no);
	form_init(&fm, title, save_extension, j);
	form_info(&fm, "当前到期日", a->due != DATE_NONE ? day(a->due, b1) : "（暂停计时中）");
	j->f[0] = form_date(&fm, app_field_name(F_EXTENDED_ON), F_EXTENDED_ON, t->today);
	form_note(&fm, j->f[0], "须在到期日之前");
	j->f[1] = form_number(&fm, app_field_name(F_EXTENSION_DAYS), F_EXTENSION_DAYS, "20");
	form_note(&fm, j->f[1], "最长 20 个工作日");
	j->f[2] = form_text(&fm, app_field_name(F_EXTENSION_BY), F_EXTENSION_BY, NULL, LIMIT_PERSON);
	form_note(&fm, j->f[2], "同意延期的负责人");
	return run(t, &fm, j);
}

/* ---- 信息处理费 (第四十二条，国办函〔2020〕109号) ---- */

enum { FEE_NOTICE, FEE_MODE, FEE_PAGES, FEE_AMOUNT, FEE_BASIS };

static const char *const fee_modes[] = { "按件（本月申请件数）", "按量（页数）" };

/* Proposes the amount for the way of charging chosen; the clerk may change it. */
static void fee_recompute(struct form *fm, int field, void *ctx)
{
	struct ev_job *j = ctx;
	if (j->step != 0 || (field != j->f[FEE_MODE] && field != j->f[FEE_PAGES] && field >= 0))
		return;
	char amount[32], basis[256];
	long yuan;
	if (form_get_choice(fm, j->f[FEE_MODE]) == 1) {
		char *p = form_get_text(fm, j->f[FEE_PAGES]);
		int pages = atoi(p);
		free(p);
		yuan = fee_for_pages(pages);
		snprintf(basis, sizeof basis, "%d 页：30 页以内免费，31 至 100 页每页 10 元，"
			 "101 至 200 页每页 20 元，200 页以上每页 40 元", pages);
	} else {
		yuan = fee_for_nth_application((int)j->nth);
		snprintf(basis, sizeof basis, "该申请人本月第 %lld 件申请：前 10 件免费，第 11 至 30 件"
			 "每件 100 元，此后每 10 件加收 100 元", j->nth);
	}
	snprintf(amount, sizeof amount, "%ld.00", yuan);
	form_set_text(fm, j->f[FEE_AMOUNT], amount);
	form_note(fm, j->f[FEE_BASIS], basis);
}

static bool fill_fee(struct form *fm, struct ev_job *j, struct app *a)
{
	if (j->step == 1)
		return required_date(fm, j->f[0], &a->d.fee_paid_on, "缴费日期");
	bool ok = required_date(fm, j->f[FEE_NOTICE], &a->d.fee_notice, "收费通知日期");
	struct app_problems p = { 0 };
	char *text = form_get_text(fm, j->f[FEE_AMOUNT]);
	if (!app_field_set(a, F_FEE, text, &p) || a->fee_fen < 0) {
		form_app_problems(fm, &p);
		if (!p.n)
			form_problem(fm, j->f[FEE_AMOUNT], false, "请填写金额（元）");
		ok = false;
	} else if (a->fee_fen == 0) {
		form_problem(fm, j->f[FEE_AMOUNT], false, "金额为 0：按规定不收费，不必发出收费通知");
		ok = false;
	}
	free(text);
	app_problems_release(&p);
	return ok;
}

static bool save_fee(struct tui *t, struct form *fm, void *ctx)
{
	struct ev_job *j = ctx;
	return save_with(t, fm, j, fill_fee,
			 j->step == 0 ? "已登记收费通知，缴费前暂停计时" : "已登记缴费，恢复计时");
}

static bool month_count(struct tui *t, struct ev_job *j)
{
	struct diag d = DIAG_INIT;
	enum status st = store_applicant_month_count(t->s, j->a.applicant, j->a.id_number,
						     j->a.d.received, &j->nth, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	diag_release(&d);
	return st == ST_OK;
}

static void fee_notice_fields(struct tui *t, struct form *fm, struct ev_job *j)
{
	j->f[FEE_NOTICE] = form_date(fm, app_field_name(F_FEE_NOTICE), F_FEE_NOTICE, t->today);
	form_note(fm, j->f[FEE_NOTICE], "应在答复期限内发出");
	j->f[FEE_MODE] = form_choice(fm, "计费方式", -1, fee_modes, 2, 0);
	j->f[FEE_PAGES] = form_number(fm, "页数", -1, "");
	form_note(fm, j->f[FEE_PAGES], "按量计费时填写");
	j->f[FEE_AMOUNT] = form_text(fm, "金额（元）", F_FEE, NULL, 16);
	form_note(fm, j->f[FEE_AMOUNT], "程序计算，请核对");
	j->f[FEE_BASIS] = form_info(fm, "计算依据", "");
	fm->changed = fee_recompute;
	fee_recompute(fm, -1, j);
}

static long long fee(struct tui *t, struct ev_job *j)
{
	const struct app *a = &j->a;
	char b1[DATE_BUF], title[160];
	struct strbuf amount = STRBUF_INIT;
	if (refuse_answered(t, a, "收费"))
		return 0;
	if (a->d.fee_paid_on != DATE_NONE) {
		tui_message(t, true, "申请 %s 已于 %s 缴费；更正请按 e", a->case_no,
			    day(a->d.fee_paid_on, b1));
		return 0;
	}
	j->step = a->d.fee_notice == DATE_NONE ? 0 : 1;
	if (j->step == 0 && !month_count(t, j))
		return 0;
	struct form fm;
	snprintf(title, sizeof title, "信息处理费 %s（第四十二条）", a->case_no);
	form_init(&fm, title, save_fee, j);
	if (j->step == 0) {
		fee_notice_fields(t, &fm, j);
	} else {
		app_field_get(a, F_FEE, &amount);
		snprintf(title, sizeof title, "%s 发出，金额 %s 元；应在 %s 前缴费（逾期视为放弃申请）",
			 day(a->d.fee_notice, b1), sb_str(&amount),
			 day(calendar_add_workdays(store_calendar(t->s), a->d.fee_notice,
						   CLOCK_FEE_PAY_DAYS), (char[DATE_BUF]){ 0 }));
		form_info(&fm, "收费通知", title);
		j->f[0] = form_date(&fm, app_field_name(F_FEE_PAID), F_FEE_PAID, t->today);
		form_info(&fm, "", "逾期未缴费的：按 a 答复，选「其他处理 › 2」");
	}
	sb_release(&amount);
	return run(t, &fm, j);
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

static bool fill_review(struct form *fm, struct ev_job *j, struct app *a)
{
	int k = form_get_choice(fm, j->f[RV_KIND]);
	struct review_case *rc = k > 0 ? &a->suit : &a->review;
	rc->kind = kind_group(k);
	bool ok = required_date(fm, j->f[RV_FILED], &rc->filed, k > 0 ? "起诉日期" : "复议申请日期");
	ok &= form_get_date(fm, j->f[RV_DECIDED], &rc->decided);
	rc->result = form_get_choice(fm, j->f[RV_RESULT]) - 1;
	return ok;
}

static bool save_review(struct tui *t, struct form *fm, void *ctx)
{
	return save_with(t, fm, ctx, fill_review, "已登记复议、诉讼情况（计入表四）");
}

static long long review(struct tui *t, struct ev_job *j)
{
	const struct app *a = &j->a;
	char title[160];
	int kind = a->suit.kind == T4_SUIT_DIRECT ? 1 : a->suit.kind == T4_SUIT_AFTER_REVIEW ? 2
		 : 0;
	int n;
	const char *const *results = dlg_app_choices(&codes_review_result, "尚未审结", &n);
	struct form fm;
	snprintf(title, sizeof title, "行政复议、行政诉讼 %s", a->case_no);
	form_init(&fm, title, save_review, j);
	j->f[RV_KIND] = form_choice(&fm, "类别", -1, review_kinds, 3, kind);
	j->f[RV_FILED] = form_date(&fm, "申请或起诉日期", F_REVIEW_FILED, DATE_NONE);
	j->f[RV_RESULT] = form_choice(&fm, "结果", F_REVIEW_RESULT, results, n, 0);
	form_note(&fm, j->f[RV_RESULT], "纠正：撤销、变更、确认违法、责令履行；其他：驳回、终止等");
	j->f[RV_DECIDED] = form_date(&fm, "决定或判决日期", F_REVIEW_DECIDED, DATE_NONE);
	fm.changed = review_refill;
	review_refill(&fm, -1, j);
	return run(t, &fm, j);
}

bool dlg_event_run(struct tui *t, enum action a, const struct app *app, long long *saved)
{
	struct ev_job j;
	memset(&j, 0, sizeof j);
	app_init(&j.a);
	app_copy(&j.a, app);
	bool known = true;
	switch (a) {
	case A_CORRECTION: *saved = correction(t, &j); break;
	case A_CONSULT: *saved = consult(t, &j); break;
	case A_EXTEND: *saved = extension(t, &j); break;
	case A_FEE: *saved = fee(t, &j); break;
	case A_REVIEW: *saved = review(t, &j); break;
	default: known = false; break;
	}
	app_release(&j.a);
	return known;
}
