/*
 * scr_detail.c — 详情: every field of one application, its clock (the state, the due date or
 * the working days kept while paused, and the steps that led there), the events of the clock,
 * the answer, the reconsideration and the lawsuit, and the history of every change.
 *
 * 证件号码 and 联系方式 are masked (mask.h) until the clerk presses p. The event keys work here
 * as on the list; after a save the screen reads the application again.
 */
#include "scr_detail.h"
#include "scr_docs.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dlg_app.h"
#include "clock.h"
#include "codes.h"
#include "date.h"
#include "pager.h"
#include "mask.h"
#include "store.h"
#include "text.h"
#include "xmem.h"

struct detail_screen {
	long long id;
	struct app a;
	bool loaded;
	bool personal;   /* show 证件号码 and 联系方式 in full */
	struct pager pager;
};

static enum km_scope scope(struct view *v)
{
	(void)v;
	return KS_DETAIL;
}

static void init(struct view *v)
{
	struct detail_screen *D = v->priv;
	app_init(&D->a);
	v->pager = &D->pager;
}

static void release(struct view *v)
{
	struct detail_screen *D = v->priv;
	app_release(&D->a);
	pager_release(&D->pager);
}

/* "label  value" as one line, the value wrapped under itself when long. */
static void field_line(struct detail_screen *D, const char *label, const char *value,
		       int width)
{
	struct strbuf sb = STRBUF_INIT;
	text_fit_align(label, 12, TEXT_RIGHT, &sb);
	sb_adds(&sb, "  ");
	struct text_lines lines = { 0 };
	text_wrap(value, width - 14 > 20 ? width - 14 : 20, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		if (i == 0) {
			pager_add(&D->pager, R_HEADING, sb_str(&sb));
			pager_seg(&D->pager, R_NORMAL, lines.line[0]);
		} else {
			pager_addf(&D->pager, R_NORMAL, "%14s%s", "", lines.line[i]);
		}
	}
	text_lines_release(&lines);
	sb_release(&sb);
}

static void field(struct detail_screen *D, enum app_field f, int width)
{
	struct strbuf v = STRBUF_INIT;
	if (f == F_ID_NUMBER && D->a.id_number && !D->personal)
		mask_id_number(D->a.id_number, &v);
	else if (f == F_CONTACT && D->a.contact && !D->personal)
		mask_contact(D->a.contact, &v);
	else
		app_field_get(&D->a, f, &v);
	if (f == F_RECEIVED || f == F_ANSWERED) {
		int day = f == F_RECEIVED ? D->a.d.received : D->a.d.answered;
		if (day != DATE_NONE)
			sb_addf(&v, "（%s）", date_weekday_name(day));
	}
	if (v.len)
		field_line(D, app_field_name(f), sb_str(&v), width);
	sb_release(&v);
}

static void heading(struct detail_screen *D, const char *text)
{
	pager_blank(&D->pager);
	pager_addf(&D->pager, R_HEADING, "【%s】", text);
}

static void section(struct detail_screen *D, const char *title, const enum app_field *fields,
		    size_t n, int width)
{
	struct strbuf v = STRBUF_INIT;
	bool any = false;
	for (size_t i = 0; i < n && !any; i++) {
		sb_reset(&v);
		app_field_get(&D->a, fields[i], &v);
		any = v.len > 0;
	}
	sb_release(&v);
	if (!any)
		return;
	heading(D, title);
	for (size_t i = 0; i < n; i++)
		field(D, fields[i], width);
}

static void clock_part(struct tui *t, struct detail_screen *D, int width)
{
	const struct calendar *cal = store_calendar(t->s);
	struct clock c = CLOCK_INIT;
	char buf[DATE_BUF];
	clock_compute(cal, &D->a.d, &c);
	heading(D, "期限");
	static const char *const states[] = {
		[CLOCK_CORRECTION] = "待补正（等待申请人补正，不计时）",
		[CLOCK_CONSULT] = "征求意见中（暂停计时）", [CLOCK_FEE] = "待缴费（暂停计时）",
		[CLOCK_ANSWERED] = "已办结",
	};
	bool late = clock_is_overdue(&c, t->today);
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, late || c.state == CLOCK_OPEN
		? app_state_label(STATE_OPEN, D->a.d.extended_on != DATE_NONE, late)
		: states[c.state]);
	if (c.state == CLOCK_ANSWERED)
		sb_adds(&sb, c.late ? "，逾期答复" : "，按期答复");
	if (D->a.voided_at) {
		sb_reset(&sb);
		sb_adds(&sb, "已作废（不再计时）");
	}
	field_line(D, "状态", sb_str(&sb), width);
	sb_reset(&sb);
	if (c.due != DATE_NONE && c.state != CLOCK_ANSWERED && !D->a.voided_at) {
		int left = clock_workdays_left(cal, &c, t->today);
		sb_addf(&sb, "%s（%s），", date_format(c.due, buf), date_weekday_name(c.due));
		if (late)
			sb_addf(&sb, "已超过 %d 个工作日", left < 0 ? -left : 1);
		else
			sb_addf(&sb, "剩余 %d 个工作日", left);
		field_line(D, "到期日", sb_str(&sb), width);
	} else if (c.state == CLOCK_CONSULT || c.state == CLOCK_FEE) {
		sb_addf(&sb, "暂停时剩余 %d 个工作日，恢复计时后从结束之日起算", c.left);
		field_line(D, "剩余工作日", sb_str(&sb), width);
	}
	sb_reset(&sb);
	clock_fee_limit_text(&c, t->today, &sb);
	if (sb.len)
		field_line(D, "缴费期限", sb_str(&sb), width);
	sb_reset(&sb);
	clock_consult_limit_text(&c, D->a.consult_party, t->today, &sb);
	if (sb.len)
		field_line(D, "答复期限", sb_str(&sb), width);
	sb_release(&sb);
	pager_add(&D->pager, R_NOTE, "     计算依据：");
	pager_add_wrapped(&D->pager, R_NORMAL, sb_str(&c.steps), 6, width);
	clock_release(&c);
}

static void reviews(struct detail_screen *D, int width)
{
	static const enum app_field review[] = { F_REVIEW_FILED, F_REVIEW_RESULT, F_REVIEW_DECIDED };
	static const enum app_field suit[] = { F_SUIT_KIND, F_SUIT_FILED, F_SUIT_RESULT,
					       F_SUIT_DECIDED };
	if (D->a.review.kind < 0 && D->a.suit.kind < 0)
		return;
	heading(D, "行政复议、行政诉讼");
	for (size_t i = 0; D->a.review.kind >= 0 && i < 3; i++)
		field(D, review[i], width);
	if (D->a.review.kind >= 0 && D->a.review.result < 0)
		field_line(D, "复议结果", "尚未审结", width);
	for (size_t i = 0; D->a.suit.kind >= 0 && i < 4; i++)
		field(D, suit[i], width);
	if (D->a.suit.kind >= 0 && D->a.suit.result < 0)
		field_line(D, "诉讼结果", "尚未审结", width);
}

static void history(struct tui *t, struct detail_screen *D, int width)
{
	struct history_entry *h = NULL;
	size_t n = 0;
	struct diag d = DIAG_INIT;
	if (store_history(t->s, D->id, &h, &n, &d) != ST_OK) {
		tui_fail(t, ST_IO, &d);
		diag_release(&d);
		return;
	}
	heading(D, "修改记录");
	for (size_t i = 0; i < n; i++) {
		struct strbuf sb = STRBUF_INIT;
		history_entry_text(&h[i], D->personal, &sb);
		pager_add_hanging(&D->pager, R_NORMAL, sb_str(&sb), 2, 4, width);
		sb_release(&sb);
	}
	history_free(&h, n);
	diag_release(&d);
}

static void build(struct tui *t, struct detail_screen *D)
{
	int width = COLS - 4;
	pager_clear(&D->pager);
	if (!D->loaded)
		return;
	if (D->a.voided_at) {
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, "已作废：%s %s（理由：%s）；不计入任何统计，不能再修改", D->a.voided_at,
			D->a.voided_by ? D->a.voided_by : "", D->a.void_reason ? D->a.void_reason : "");
		pager_add_wrapped(&D->pager, R_ERROR, sb_str(&sb), 1, COLS - 4);
		sb_release(&sb);
	}
	static const enum app_field basic[] = {
		F_CASE_NO, F_RECEIVED, F_CHANNEL, F_APPLICANT, F_TYPE, F_ID_NUMBER, F_CONTACT,
		F_REQUEST, F_NOTE,
	};
	for (size_t i = 0; i < sizeof basic / sizeof basic[0]; i++)
		field(D, basic[i], width);
	if ((D->a.id_number || D->a.contact) && !D->personal)
		pager_add(&D->pager, R_NOTE, "              （证件号码和联系方式已部分隐藏，按 p 显示）");
	clock_part(t, D, width);
	static const enum app_field corr[] = { F_CORRECTION_SENT, F_CORRECTION_LIMIT,
					       F_CORRECTION_RECEIVED };
	static const enum app_field cons[] = { F_CONSULT_START, F_CONSULT_END, F_CONSULT_PARTY };
	static const enum app_field ext[] = { F_EXTENDED_ON, F_EXTENSION_DAYS, F_EXTENSION_BY };
	static const enum app_field fee[] = { F_FEE_NOTICE, F_FEE, F_FEE_PAID };
	section(D, "补正（第三十条）", corr, 3, width);
	section(D, "征求意见（第三十二条、第三十四条）", cons, 3, width);
	section(D, "延期（第三十三条）", ext, 3, width);
	section(D, "信息处理费（第四十二条）", fee, 3, width);
	if (D->a.d.answered != DATE_NONE) {
		heading(D, "答复");
		field(D, F_ANSWERED, width);
		field(D, F_OUTCOME, width);
		if (outcome_is_valid(D->a.outcome))
			field_line(D, "依据", t3_row_article(D->a.outcome), width);
	}
	reviews(D, width);
	history(t, D, width);
}

static void load(struct tui *t, struct detail_screen *D)
{
	struct diag d = DIAG_INIT;
	enum status st = store_app_get(t->s, D->id, &D->a, &d);
	D->loaded = st == ST_OK;
	if (st != ST_OK)
		tui_fail(t, st, &d);
	diag_release(&d);
	build(t, D);
}

void scr_detail_open(struct tui *t, long long id)
{
	struct view *v = view_new(&scr_detail_ops);
	((struct detail_screen *)v->priv)->id = id;
	tui_push(t, v);
}

static void enter(struct tui *t, struct view *v)
{
	load(t, v->priv);
}

static void layout(struct tui *t, struct view *v)
{
	struct detail_screen *D = v->priv;
	if (D->id)
		build(t, D);
}

static void draw(struct tui *t, struct view *v)
{
	(void)t;
	struct detail_screen *D = v->priv;
	int top, height;
	tui_area(&top, &height);
	if (!D->loaded) {
		draw_text(top + 1, 2, COLS - 4, "找不到这件申请（可能已被删除）。按 Esc 返回。", R_ERROR);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "申请 %s  %s", D->a.case_no, D->a.applicant);
	draw_fill(top, 0, COLS, R_HEADER);
	draw_text(top, 1, COLS - 2, sb_str(&sb), R_HEADER);
	sb_release(&sb);
	pager_draw(&D->pager, top + 1, 1, height - 1, COLS - 2);
}

static bool handle(struct tui *t, struct view *v, enum action a, int key)
{
	(void)key;
	struct detail_screen *D = v->priv;
	long long saved = 0;
	if (a == A_PERSONAL) {
		D->personal = !D->personal;
		build(t, D);
		return true;
	}
	if (a == A_DOCS && D->loaded) {
		scr_docs_open(t, D->id);
		return true;
	}
	if (!D->loaded || !dlg_app_run(t, a, D->id, &saved))
		return false;
	if (saved)
		tui_changed(t);
	return true;
}

static void status(struct tui *t, struct view *v, struct strbuf *out)
{
	(void)t;
	const struct detail_screen *D = v->priv;
	if (D->loaded)
		sb_addf(out, "%s", D->a.case_no);
}

const struct view_ops scr_detail_ops = {
	.name = "申请详情",
	.size = sizeof(struct detail_screen),
	.init = init,
	.release = release,
	.scope = scope,
	.enter = enter,
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.reload = enter,
	.status = status,
};
