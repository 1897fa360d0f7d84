/*
 * guard.c — entries the recorded events contradict, to be confirmed (guard.h).
 *
 * Each rule names the step the outcome needs and the article it comes from: 第三十条 (补正 and
 * what follows when it is not made), 第四十二条 with 国办函〔2020〕109号 (the fee, its payment
 * limit and its amount), 第三十二条 and 第三十四条 (a consultation's reply limit), and
 * 行政诉讼法 第四十五条 (a lawsuit after a reconsideration, or after its body failed to decide).
 */
#include "guard.h"

#include <string.h>

#include "codes.h"
#include "date.h"
#include "diag.h"
#include "fee.h"
#include "store.h"

/* （六）1 逾期不补正 (第三十条): the applicant was asked to correct and let the limit pass. */
static void no_correction(const struct app *a, struct app_problems *p)
{
	char x[DATE_BUF], y[DATE_BUF];
	if (a->d.correction_sent == DATE_NONE) {
		app_confirm_add(p, F_OUTCOME, "逾期不补正，但没有补正通知（第三十条：补正须书面"
				"一次性告知）");
		return;
	}
	if (a->d.correction_received != DATE_NONE)
		app_confirm_add(p, F_OUTCOME, "逾期不补正，但已于 %s 收到补正（第三十条）",
				date_format(a->d.correction_received, x));
	else if (a->d.correction_limit != DATE_NONE && a->d.answered <= a->d.correction_limit)
		app_confirm_add(p, F_OUTCOME, "逾期不补正，但答复日期 %s 未过补正期限 %s（第三十条："
				"逾期不补正才视为放弃申请）", date_format(a->d.answered, x),
				date_format(a->d.correction_limit, y));
}

/* （六）2 逾期未缴费 (第四十二条, 国办函〔2020〕109号): a notice, its limit passed, nothing paid. */
static void no_fee(const struct app *a, const struct calendar *cal, struct app_problems *p)
{
	char x[DATE_BUF], y[DATE_BUF];
	if (a->d.fee_notice == DATE_NONE) {
		app_confirm_add(p, F_OUTCOME, "逾期未缴费，但没有收费通知（第四十二条）");
		return;
	}
	if (a->d.fee_paid_on != DATE_NONE) {
		app_confirm_add(p, F_OUTCOME, "逾期未缴费，但已于 %s 缴费（第四十二条）",
				date_format(a->d.fee_paid_on, x));
		return;
	}
	bool provisional;
	int limit = clock_fee_limit(cal, &a->d, &provisional);
	if (a->d.answered <= limit)
		app_confirm_add(p, F_OUTCOME, "逾期未缴费，但答复日期 %s 未过缴费期限 %s%s（国办函"
				"〔2020〕109号：收到收费通知次日起 20 个工作日内缴费）",
				date_format(a->d.answered, x), date_format(limit, y),
				provisional ? "（送达日期未登记，暂按通知日期计算）" : "");
}

/* An answer while the party consulted may still reply (第三十二条, 第三十四条). */
static void consult_open(const struct app *a, const struct calendar *cal, struct app_problems *p)
{
	char x[DATE_BUF], y[DATE_BUF];
	if (a->d.consult_start == DATE_NONE || a->d.consult_end != DATE_NONE ||
	    a->d.answered == DATE_NONE)
		return;
	bool provisional;
	int limit = clock_consult_limit(cal, &a->d, &provisional);
	if (a->d.answered <= limit)
		app_confirm_add(p, F_ANSWERED, "%s 征求意见尚未结束：没有答复，答复期限 %s%s 也未过"
				"（第三十二条、第三十四条：自收到征求意见之日起 15 个工作日）",
				date_format(a->d.answered, x), date_format(limit, y),
				provisional ? "（送达日期未登记，暂按开始日期计算）" : "");
}

/* 复议后起诉: a reconsideration came first (行政诉讼法 第四十五条). */
static void suit_after_review(const struct app *a, struct app_problems *p)
{
	char x[DATE_BUF];
	if (a->suit.kind != T4_SUIT_AFTER_REVIEW)
		return;
	if (a->review.kind < 0)
		app_confirm_add(p, F_SUIT_KIND, "复议后起诉，但没有复议申请（行政诉讼法第四十五条）");
	else if (a->review.result < 0)
		app_confirm_add(p, F_SUIT_KIND, "复议（%s 申请）尚未决定：复议机关逾期不作决定的，"
				"申请人可以起诉（行政诉讼法第四十五条），是这种情形吗",
				date_format(a->review.filed, x));
}

/* 按量 (国办函〔2020〕109号 第四条): the amount the pages give. 按件 needs the other
 * applications and is guard_check's. */
static void fee_by_pages(const struct app *a, struct app_problems *p)
{
	if (a->fee_basis != FB_PER_PAGE || a->fee_units <= 0 || a->fee_fen < 0)
		return;
	long yuan = fee_for_pages(a->fee_units);
	if (a->fee_fen != (long long)yuan * 100)
		app_confirm_add(p, F_FEE, "%lld.%02lld 元与按量计算的 %ld.00 元（%d 页）不符（国办函"
				"〔2020〕109号 第四条）", a->fee_fen / 100, a->fee_fen % 100, yuan,
				a->fee_units);
}

void guard_app(const struct app *a, const struct calendar *cal, struct app_problems *p)
{
	if (a->d.answered != DATE_NONE) {
		if (a->outcome == R_OTHER_NO_CORRECTION)
			no_correction(a, p);
		else if (a->outcome == R_OTHER_NO_FEE)
			no_fee(a, cal, p);
		else if (a->outcome == R_UNAVAILABLE_UNCLEAR && a->d.correction_sent == DATE_NONE)
			app_confirm_add(p, F_OUTCOME, "补正后仍不明确，但没有补正通知（第三十条）");
	}
	consult_open(a, cal, p);
	suit_after_review(a, p);
	fee_by_pages(a, p);
}

/* 按件: the amount the applicant's n-th application of the month gives. */
static enum status fee_by_count(struct store *s, const struct app *a, struct app_problems *p,
				struct diag *d)
{
	if (a->fee_basis != FB_PER_ITEM || a->fee_fen < 0 || a->d.received == DATE_NONE ||
	    !a->applicant)
		return ST_OK;
	long long nth;
	enum status st = store_applicant_nth(s, a->applicant, a->id_number, a->d.received, a->id,
					     &nth, d);
	if (st != ST_OK)
		return st;
	long yuan = fee_for_nth_application((int)(nth > FEE_COUNT_MAX ? FEE_COUNT_MAX : nth));
	if (a->fee_fen != (long long)yuan * 100)
		app_confirm_add(p, F_FEE, "%lld.%02lld 元与按件计算的 %ld.00 元（该申请人本月第 %lld "
				"件申请）不符（国办函〔2020〕109号 第四条）", a->fee_fen / 100,
				a->fee_fen % 100, yuan, nth);
	return ST_OK;
}

enum status guard_fee_count(struct store *s, const struct app *a, struct app_problems *p,
			    struct diag *d)
{
	return fee_by_count(s, a, p, d);
}

/* Whether the stored copy had the same confirmation (the same field and words). */
static bool had(const struct app_problems *old, const struct app_problem *pr)
{
	for (size_t i = 0; i < old->n; i++)
		if (old->v[i].confirm && old->v[i].field == pr->field &&
		    strcmp(old->v[i].msg, pr->msg) == 0)
			return true;
	return false;
}

enum status guard_check(struct store *s, const struct app *a, int today,
			struct app_problems *p, struct diag *d)
{
	enum status st = fee_by_count(s, a, p, d);
	if (st != ST_OK || !a->id || !p->confirms)
		return st;
	struct app old;
	app_init(&old);
	struct app_problems op = { 0 };
	st = store_app_get(s, a->id, &old, d);
	if (st == ST_OK) {
		app_check(&old, store_calendar(s), today, &op);
		st = fee_by_count(s, &old, &op, d);
	}
	for (size_t i = p->n; st == ST_OK && i-- > 0;)
		if (p->v[i].confirm && had(&op, &p->v[i]))
			app_problem_remove(p, i);
	app_problems_release(&op);
	app_release(&old);
	return st;
}

int guard_problem_date(const struct app *a, const struct app_problem *pr)
{
	if (pr->field == F_SUIT_KIND)
		return a->suit.filed;
	if (pr->field == F_FEE || pr->field == F_FEE_UNITS)
		return a->d.fee_notice != DATE_NONE ? a->d.fee_notice : a->d.answered;
	return a->d.answered;
}
