/*
 * dlg_app.c — entering and changing an application: 新建 (n), 修改 (e), 答复 (a) and 重新办理
 * (u), and the dispatch of the event keys to dlg_event.c.
 *
 * Every form works on a copy of the application as read when it opened (with its version), so
 * a save after another clerk's save is refused by the store rather than overwriting it, and
 * nothing is written until the whole form passes app_check (appform.h).
 */
#include "dlg_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "appform.h"
#include "dlg_dup.h"
#include "dlg_event.h"
#include "codes.h"
#include "date.h"
#include "form.h"
#include "prompt.h"
#include "scr_docs.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "tui.h"
#include "xmem.h"

/* ---- 新建 and 修改 ---- */

/* The form's fields, by what they hold: -1 when the form has no such field. */
struct app_job {
	struct app a;
	int f[F_COUNT];
	int reason;
	long long saved;
	struct dlg_dup dup;   /* the hint of a possible 重复申请 under 申请内容 */
};

static void add_text(struct form *fm, struct app_job *j, enum app_field f, size_t max)
{
	j->f[f] = appform_text(fm, &j->a, f, max);
}

static void add_date(struct form *fm, struct app_job *j, enum app_field f, int v)
{
	j->f[f] = appform_date(fm, f, v);
}

static void add_code(struct form *fm, struct app_job *j, enum app_field f,
		     const struct code_set *set, const char *none, int v)
{
	j->f[f] = appform_code(fm, f, NULL, set, none, v);
}

/* The note beside 收到日期 follows the channel chosen: which day counts (第三十一条); the hint
 * of a possible duplicate is looked for again when the clerk leaves what it depends on. */
static void fields_changed(struct form *fm, int field, void *ctx)
{
	struct app_job *j = ctx;
	dlg_dup_changed(&j->dup, field);
	if (field != j->f[F_CHANNEL])
		return;
	int choice = form_get_choice(fm, field);   /* 0 is （未填写） */
	form_note(fm, j->f[F_RECEIVED], channel_receipt_rule(choice - 1));
}

static void field_left(struct tui *t, struct form *fm, int field, void *ctx)
{
	struct app_job *j = ctx;
	dlg_dup_left(t, fm, &j->dup, field);
}

static bool form_action(struct tui *t, struct form *fm, enum action a, void *ctx)
{
	struct app_job *j = ctx;
	return dlg_dup_action(t, fm, &j->dup, a);
}

static void basic_fields(struct tui *t, struct form *fm, struct app_job *j, bool edit)
{
	const struct app *a = &j->a;
	if (edit)
		add_text(fm, j, F_CASE_NO, LIMIT_CASE_NO);
	add_date(fm, j, F_RECEIVED, a->d.received);
	form_note(fm, j->f[F_RECEIVED], channel_receipt_rule(a->channel));
	add_code(fm, j, F_CHANNEL, &codes_channel, "（未填写）", a->channel);
	fm->changed = fields_changed;
	fm->left = field_left;
	fm->action = form_action;
	fm->scope = KS_APP_FORM;
	add_text(fm, j, F_APPLICANT, LIMIT_NAME);
	add_code(fm, j, F_TYPE, &codes_applicant, NULL, a->type);
	add_text(fm, j, F_ID_NUMBER, LIMIT_ID_NUMBER);
	add_text(fm, j, F_CONTACT, LIMIT_CONTACT);
	add_text(fm, j, F_REQUEST, LIMIT_TEXT);
	dlg_dup_add(t, fm, &j->dup, j->a.id, j->f[F_RECEIVED], j->f[F_APPLICANT],
		    j->f[F_ID_NUMBER], j->f[F_REQUEST]);
	add_text(fm, j, F_NOTE, LIMIT_TEXT);
	form_set_multiline(fm, j->f[F_REQUEST]);
	form_set_multiline(fm, j->f[F_NOTE]);
	form_note(fm, j->f[F_REQUEST], "Ctrl-J 换行");
}

/* The rest of an application, for 修改: every event, the answer, the review and the suit. */
static void more_fields(struct form *fm, struct app_job *j)
{
	const struct app *a = &j->a;
	form_heading(fm, "补正");
	add_date(fm, j, F_CORRECTION_SENT, a->d.correction_sent);
	add_date(fm, j, F_CORRECTION_LIMIT, a->d.correction_limit);
	add_text(fm, j, F_CORRECTION_ITEMS, LIMIT_TEXT);
	form_set_multiline(fm, j->f[F_CORRECTION_ITEMS]);
	add_date(fm, j, F_CORRECTION_RECEIVED, a->d.correction_received);
	form_heading(fm, "征求意见");
	add_date(fm, j, F_CONSULT_START, a->d.consult_start);
	add_date(fm, j, F_CONSULT_END, a->d.consult_end);
	add_code(fm, j, F_CONSULT_PARTY, &codes_consult_party, "（未填写）", a->consult_party);
	add_text(fm, j, F_CONSULT_NAME, LIMIT_NAME);
	add_date(fm, j, F_CONSULT_DELIVERED, a->d.consult_delivered);
	form_heading(fm, "延期");
	add_date(fm, j, F_EXTENDED_ON, a->d.extended_on);
	j->f[F_EXTENSION_DAYS] = appform_number(fm, a, F_EXTENSION_DAYS);
	add_text(fm, j, F_EXTENSION_BY, LIMIT_PERSON);
	add_text(fm, j, F_EXTENSION_REASON, LIMIT_TEXT);
	form_set_multiline(fm, j->f[F_EXTENSION_REASON]);
	add_date(fm, j, F_EXTENSION_TOLD, a->extension_told);
	form_heading(fm, "信息处理费");
	add_date(fm, j, F_FEE_NOTICE, a->d.fee_notice);
	add_date(fm, j, F_FEE_DELIVERED, a->d.fee_delivered);
	add_code(fm, j, F_FEE_BASIS, &codes_fee_basis, "（未填写）", a->fee_basis);
	j->f[F_FEE_UNITS] = appform_number(fm, a, F_FEE_UNITS);
	add_text(fm, j, F_FEE, 16);
	form_note(fm, j->f[F_FEE], "元，如 100.00");
	add_date(fm, j, F_FEE_PAID, a->d.fee_paid_on);
	form_heading(fm, "说明理由（第三十五条）");
	add_date(fm, j, F_REASONS_SENT, a->reasons_sent);
	add_date(fm, j, F_REASONS_LIMIT, a->reasons_limit);
	form_heading(fm, "答复");
	add_date(fm, j, F_ANSWERED, a->d.answered);
	j->f[F_OUTCOME] = form_outcome(fm, app_field_name(F_OUTCOME), F_OUTCOME, a->outcome);
	add_code(fm, j, F_ANSWER_VARIANT, &codes_answer_variant, "（一般）", a->answer_variant);
	add_text(fm, j, F_ANSWER_REASONS, LIMIT_REASONS);
	form_set_multiline(fm, j->f[F_ANSWER_REASONS]);
	add_text(fm, j, F_RELATED_CASE, LIMIT_CASE_NO);
}

static void review_fields(struct form *fm, struct app_job *j)
{
	const struct app *a = &j->a;
	form_heading(fm, "行政复议");
	add_date(fm, j, F_REVIEW_FILED, a->review.filed);
	add_code(fm, j, F_REVIEW_RESULT, &codes_review_result, "尚未审结", a->review.result);
	add_date(fm, j, F_REVIEW_DECIDED, a->review.decided);
	form_heading(fm, "行政诉讼");
	int kind = a->suit.kind == T4_SUIT_DIRECT ? SK_DIRECT
		 : a->suit.kind == T4_SUIT_AFTER_REVIEW ? SK_AFTER_REVIEW : -1;
	add_code(fm, j, F_SUIT_KIND, &codes_suit_kind, "无诉讼", kind);
	add_date(fm, j, F_SUIT_FILED, a->suit.filed);
	add_code(fm, j, F_SUIT_RESULT, &codes_review_result, "尚未审结", a->suit.result);
	add_date(fm, j, F_SUIT_DECIDED, a->suit.decided);
	form_heading(fm, "");
	j->reason = form_text(fm, "修改理由", -1, NULL, 200);
	form_note(fm, j->reason, "可不填；记入修改记录");
}

static void read_review(struct form *fm, struct app_job *j, struct app *a)
{
	if (j->f[F_REVIEW_FILED] < 0)
		return;
	int rr = form_get_choice(fm, j->f[F_REVIEW_RESULT]) - 1;
	int sk = form_get_choice(fm, j->f[F_SUIT_KIND]) - 1;
	int sr = form_get_choice(fm, j->f[F_SUIT_RESULT]) - 1;
	a->review.kind = a->review.filed != DATE_NONE || rr >= 0 ||
		a->review.decided != DATE_NONE ? T4_REVIEW : -1;
	a->review.result = rr;
	a->suit.kind = sk == SK_DIRECT ? T4_SUIT_DIRECT : sk == SK_AFTER_REVIEW ? T4_SUIT_AFTER_REVIEW
		     : a->suit.filed != DATE_NONE || sr >= 0 || a->suit.decided != DATE_NONE
		     ? SUIT_KIND_MISSING : -1;
	a->suit.result = sr;
}

static bool read_app(struct form *fm, struct app_job *j, struct app *a)
{
	/* the review and the suit are read together: their kinds follow from what is filled */
	static const enum app_field reviews[] = { F_REVIEW_RESULT, F_SUIT_KIND, F_SUIT_RESULT };
	bool ok = true;
	for (int f = 0; f < F_COUNT; f++) {
		bool review = false;
		for (size_t k = 0; k < sizeof reviews / sizeof reviews[0]; k++)
			review |= f == (int)reviews[k];
		if (j->f[f] < 0 || review)
			continue;
		if (fm->f[j->f[f]].kind == FK_OUTCOME)
			a->outcome = form_get_outcome(fm, j->f[f]);
		else
			ok &= appform_read(fm, j->f[f], a, f);
	}
	read_review(fm, j, a);
	return ok;
}

static bool save_app(struct tui *t, struct form *fm, void *ctx)
{
	struct app_job *j = ctx;
	struct app a;
	app_init(&a);
	app_copy(&a, &j->a);
	char *reason = j->reason >= 0 ? form_get_text(fm, j->reason) : NULL;
	/* every field is checked, also when one could not be read */
	bool read = read_app(fm, j, &a);
	bool ok = appform_check(t, fm, &a) && read;
	if (ok && a.id && app_same(&a, &j->a)) {
		tui_message(t, false, "没有修改，申请 %s 未变", a.case_no);
	} else if (ok && appform_write(t, fm, &a, reason && *reason ? reason : NULL)) {
		j->saved = a.id;
		tui_message(t, false, "已保存申请 %s（%s）", a.case_no, a.applicant);
	} else {
		ok = false;
	}
	free(reason);
	app_release(&a);
	return ok;
}

static long long app_form(struct tui *t, long long id)
{
	struct app_job j;
	memset(&j, 0, sizeof j);
	for (int f = 0; f < F_COUNT; f++)
		j.f[f] = -1;
	j.reason = -1;
	app_init(&j.a);
	if (id && !appform_load(t, id, &j.a)) {
		app_release(&j.a);
		return 0;
	}
	if (!id)
		j.a.d.received = t->today;
	struct form fm;
	char title[160];
	if (id)
		snprintf(title, sizeof title, "修改申请 %s", j.a.case_no);
	else
		snprintf(title, sizeof title, "新建申请（编号保存时自动分配）");
	form_init(&fm, title, save_app, &j);
	basic_fields(t, &fm, &j, id != 0);
	if (id) {
		more_fields(&fm, &j);
		review_fields(&fm, &j);
	}
	form_run(t, &fm);
	form_release(&fm);
	dlg_dup_release(&j.dup);
	app_release(&j.a);
	return j.saved;
}

/* ---- 答复 ---- */

struct answer_job {
	struct app a;
	int outcome, date, variant, reasons, related;
	long long saved;
};

static bool save_answer(struct tui *t, struct form *fm, void *ctx)
{
	struct answer_job *j = ctx;
	struct app a;
	app_init(&a);
	app_copy(&a, &j->a);
	bool ok = form_get_date(fm, j->date, &a.d.answered);
	a.outcome = form_get_outcome(fm, j->outcome);
	/* what the answer states beside the outcome: its way, its reasons, the earlier case */
	ok &= appform_read(fm, j->variant, &a, F_ANSWER_VARIANT);
	ok &= appform_read(fm, j->reasons, &a, F_ANSWER_REASONS);
	ok &= appform_read(fm, j->related, &a, F_RELATED_CASE);
	if (ok && a.d.answered == DATE_NONE) {
		form_problem(fm, j->date, false, "请填写答复日期");
		ok = false;
	}
	if (ok && a.outcome < 0) {
		form_problem(fm, j->outcome, false, "请从表三中选择办理结果");
		ok = false;
	}
	ok = ok && appform_check(t, fm, &a) && appform_write(t, fm, &a, NULL);
	if (ok) {
		j->saved = a.id;
		tui_message(t, false, "已答复 %s：%s", a.case_no, outcome_ledger_label(a.outcome));
	}
	app_release(&a);
	return ok;
}

static long long answer_form(struct tui *t, long long id)
{
	struct answer_job j = { .saved = 0 };
	app_init(&j.a);
	if (!appform_load(t, id, &j.a))
		goto out;
	char buf[DATE_BUF];
	if (j.a.d.answered != DATE_NONE) {
		tui_message(t, true, "申请 %s 已于 %s 答复（%s）；要更改请按 u 重新办理", j.a.case_no,
			    date_format(j.a.d.answered, buf), outcome_ledger_label(j.a.outcome));
		goto out;
	}
	struct form fm;
	char title[160];
	snprintf(title, sizeof title, "答复申请 %s", j.a.case_no);
	form_init(&fm, title, save_answer, &j);
	form_info(&fm, "申请人", j.a.applicant);
	if (j.a.due != DATE_NONE) {
		snprintf(title, sizeof title, "%s%s", date_format(j.a.due, buf),
			 t->today > j.a.due ? "（已逾期）" : "");
		form_info(&fm, "到期日", title);
	}
	j.outcome = form_outcome(&fm, app_field_name(F_OUTCOME), F_OUTCOME, -1);
	j.date = form_date(&fm, app_field_name(F_ANSWERED), F_ANSWERED, t->today);
	j.variant = appform_code(&fm, F_ANSWER_VARIANT, NULL, &codes_answer_variant, "（一般）",
				 j.a.answer_variant);
	form_note(&fm, j.variant, "予以公开且已主动公开的，或不掌握而由其他机关负责公开的");
	j.reasons = appform_text(&fm, &j.a, F_ANSWER_REASONS, LIMIT_REASONS);
	form_set_multiline(&fm, j.reasons);
	form_note(&fm, j.reasons, "答复书载明的理由、检索情况或获取途径（Ctrl-J 换行）");
	j.related = appform_text(&fm, &j.a, F_RELATED_CASE, LIMIT_CASE_NO);
	form_note(&fm, j.related, "重复申请：前次申请的编号");
	form_run(t, &fm);
	form_release(&fm);
	if (j.saved)
		scr_docs_offer(t, j.saved, DK_ANSWER);
out:
	app_release(&j.a);
	return j.saved;
}

/* ---- 重新办理 ---- */

struct reopen_job {
	struct app a;
	int reason;
	long long saved;
};

static bool save_reopen(struct tui *t, struct form *fm, void *ctx)
{
	struct reopen_job *j = ctx;
	char *reason = form_get_text(fm, j->reason);
	struct app a;
	app_init(&a);
	app_copy(&a, &j->a);
	a.d.answered = DATE_NONE;
	a.outcome = -1;
	bool ok = !text_blank(reason);
	if (!ok)
		form_problem(fm, j->reason, false, "请说明为什么重新办理（记入修改记录）");
	ok = ok && appform_check(t, fm, &a) && appform_write(t, fm, &a, reason);
	if (ok) {
		j->saved = a.id;
		tui_message(t, false, "申请 %s 已重新办理", a.case_no);
	}
	app_release(&a);
	free(reason);
	return ok;
}

static long long reopen_form(struct tui *t, long long id)
{
	struct reopen_job j = { .saved = 0 };
	app_init(&j.a);
	if (!appform_load(t, id, &j.a))
		goto out;
	if (j.a.d.answered == DATE_NONE) {
		tui_message(t, true, "申请 %s 尚未答复，不需要重新办理", j.a.case_no);
		goto out;
	}
	struct form fm;
	char title[160], buf[DATE_BUF];
	snprintf(title, sizeof title, "重新办理申请 %s（撤销答复）", j.a.case_no);
	form_init(&fm, title, save_reopen, &j);
	snprintf(title, sizeof title, "%s，%s", date_format(j.a.d.answered, buf),
		 outcome_ledger_label(j.a.outcome));
	form_info(&fm, "原答复", title);
	j.reason = form_text(&fm, "理由", -1, NULL, 200);
	form_note(&fm, j.reason, "必填，记入修改记录");
	form_run(t, &fm);
	form_release(&fm);
out:
	app_release(&j.a);
	return j.saved;
}

/* ---- dispatch ---- */

static bool is_app_action(enum action a)
{
	return a == A_NEW || a == A_VOID || (a >= A_EDIT && a <= A_REVIEW);
}

/* ---- 作废 ---- */

/* Asks the reason, then a confirmation naming the case, and voids it: the version read here
 * guards against another clerk's save in between. Returns the id when voided, else 0. */
static long long void_form(struct tui *t, const struct app *a)
{
	char *reason = prompt_line(t, "作废申请", "作废的理由（记入修改记录）：", NULL, 500);
	if (!reason)
		return 0;
	long long done = 0;
	if (text_blank(reason)) {
		tui_message(t, true, "作废须说明理由，未作废");
		free(reason);
		return 0;
	}
	char day[DATE_BUF], q[600];
	snprintf(q, sizeof q, "作废申请 %s（%s，%s 收到）？作废后不再计入任何统计和列表，"
		 "编号不再使用，不能撤销。", a->case_no, a->applicant,
		 date_format(a->d.received, day));
	if (prompt_confirm(t, "作废申请", q)) {
		struct diag d = DIAG_INIT;
		enum status st = store_app_void(t->s, a->id, a->version, reason, NULL, &d);
		if (st == ST_OK) {
			tui_message(t, false, "已作废 %s（按 s 选“已作废”可查看）", a->case_no);
			done = a->id;
		} else {
			tui_fail(t, st, &d);
		}
		diag_release(&d);
	}
	free(reason);
	return done;
}

bool dlg_app_run(struct tui *t, enum action a, long long id, long long *saved)
{
	*saved = 0;
	if (!is_app_action(a))
		return false;
	if (tui_refuse_readonly(t))
		return true;
	if (a != A_NEW) {
		/* a voided application is final: every change is refused here, and by the store */
		struct app cur;
		app_init(&cur);
		bool ok = appform_load(t, id, &cur);
		if (ok && cur.voided_at)
			tui_message(t, true, "申请 %s 已于 %s 作废，不能再修改（作废不能撤销）",
				    cur.case_no, cur.voided_at);
		else if (ok && a == A_VOID)
			*saved = void_form(t, &cur);
		ok = ok && !cur.voided_at && a != A_VOID;
		app_release(&cur);
		if (!ok)
			return true;
	}
	if (a == A_NEW)
		*saved = app_form(t, 0);
	else if (a == A_EDIT)
		*saved = app_form(t, id);
	else if (a == A_ANSWER)
		*saved = answer_form(t, id);
	else if (a == A_REOPEN)
		*saved = reopen_form(t, id);
	else {
		struct app app;
		app_init(&app);
		if (appform_load(t, id, &app))
			dlg_event_run(t, a, &app, saved);
		app_release(&app);
	}
	return true;
}
