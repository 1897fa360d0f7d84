/*
 * scr_list.c — screen 1, 申请列表: one line per application, late ones red, those due within
 * three working days yellow, in the store's order (running ones by due date first).
 *
 * The screen holds a page of rows around the cursor (listview.c does the arithmetic, the store
 * the keyset queries), so a list of 100,000 applications scrolls like one of ten. Filters and
 * the year narrow the list in the store's query; `/` finds the next application whose 编号,
 * 申请人 or 申请内容 holds a text, n and N go on to the next and previous one.
 */
#include "scr_list.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlg_app.h"
#include "agenda.h"
#include "calendar.h"
#include "clock.h"
#include "codes.h"
#include "date.h"
#include "draw.h"
#include "listcols.h"
#include "prompt.h"
#include "scr_detail.h"
#include "scr_docs.h"
#include "store.h"
#include "text.h"
#include "xmem.h"

struct list_screen {
	struct tui *t;
	struct list_page page, stage;
	struct listview lv;
	struct lv_source src;       /* the store's pages, for lv (ctx: this screen) */
	struct list_query q;
	char *search;               /* the text of the search in force, or NULL */
	char *target_key;           /* where lv_jump goes (LV_TARGET) */
	long long target_id;
	struct listcol_layout cols;
	int y0, rows;               /* screen row of the first line, lines shown */
	bool ready;
	struct strbuf due;          /* what is due today, briefly, for the status line */
};

static const char *const short_types[AT_COUNT] = {
	"自然人", "商业企业", "科研机构", "公益组织", "法律服务", "其他",
};

/* ---- the rows: fetching and splicing a page ---- */

static long fetch(void *ctx, size_t anchor, bool backward, size_t max)
{
	struct list_screen *L = ctx;
	struct tui *t = L->t;
	const char *key = NULL;
	long long id = 0;
	if (anchor == LV_TARGET) {
		key = L->target_key;
		id = L->target_id;
	} else if (anchor != LV_EDGE) {
		key = L->page.rows[anchor].key;
		id = L->page.rows[anchor].id;
	}
	struct diag d = DIAG_INIT;
	enum status st = store_list_page(t->s, &L->q, key, id, backward, max, &L->stage, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	diag_release(&d);
	return st == ST_OK ? (long)L->stage.n : -1;
}

static void free_row(struct list_row *r)
{
	free(r->case_no);
	free(r->applicant);
	free(r->key);
}

static void splice(void *ctx, size_t from, size_t to, bool backward)
{
	struct list_screen *L = ctx;
	size_t keep = to - from, n = keep + L->stage.n;
	struct list_row *rows = xcalloc(n ? n : 1, sizeof *rows);
	for (size_t i = 0; i < L->page.n; i++)
		if (i < from || i >= to)
			free_row(&L->page.rows[i]);
	struct list_row *kept = backward ? rows + L->stage.n : rows;
	struct list_row *staged = backward ? rows : rows + keep;
	if (keep)
		memcpy(kept, L->page.rows + from, keep * sizeof *rows);
	if (L->stage.n)
		memcpy(staged, L->stage.rows, L->stage.n * sizeof *rows);
	free(L->page.rows);
	L->page.rows = rows;
	L->page.n = L->page.cap = n;
	L->stage.n = 0;   /* its rows now belong to the page */
}

static const struct list_row *current(const struct list_screen *L)
{
	return L->lv.n ? &L->page.rows[L->lv.cur] : NULL;
}

/* Moves the cursor to the row at (key, id), `row` lines below the top of the screen. */
static void jump(struct list_screen *L, const char *key, long long id, int row)
{
	char *k = xstrdup(key);
	free(L->target_key);
	L->target_key = k;
	L->target_id = id;
	if (!lv_jump(&L->lv, &L->src, row))
		lv_home(&L->lv, &L->src);
}

/* Reads the list again where the cursor is (after a change here or by another clerk). */
static void reposition(struct list_screen *L)
{
	const struct list_row *r = current(L);
	if (!r) {
		lv_home(&L->lv, &L->src);
		return;
	}
	jump(L, r->key, r->id, (int)(L->lv.cur - L->lv.top));
}

/* Puts the cursor on application id (one just saved), wherever the list holds it. */
static void jump_to_id(struct tui *t, struct list_screen *L, long long id, bool say)
{
	struct list_page one = { 0 };
	struct diag d = DIAG_INIT;
	if (store_list_get(t->s, id, &one, &d) == ST_OK && one.n == 1)
		jump(L, one.rows[0].key, id, L->rows / 3);
	store_list_page_release(&one);
	diag_release(&d);
	const struct list_row *r = current(L);
	if (say && r && r->id != id)
		tui_message(t, false, "已保存；该申请不在当前筛选条件下，未显示在列表中");
}

/* ---- one line ---- */

struct row_info {
	bool late, soon, has_left;
	int left;
	const char *state;
	/* waiting on the applicant: the 补正 or payment limit, and whether it has passed */
	int limit;
	bool limit_passed;
};

static void row_info(const struct tui *t, const struct calendar *cal, const struct list_row *r,
		     struct row_info *ri)
{
	memset(ri, 0, sizeof *ri);
	bool answered = r->state == STATE_ANSWERED;
	if (r->voided) {
		ri->state = "已作废";
		return;
	}
	if (!answered && r->due != DATE_NONE) {
		ri->has_left = true;
		ri->left = calendar_workdays_between(cal, t->today, r->due);
		ri->late = t->today > r->due;   /* clock_is_overdue */
		if (ri->late && ri->left == 0)
			ri->left = -1;   /* a weekend after the due date: late, though no workday passed */
		ri->soon = !ri->late && ri->left <= 3;
	} else if (r->state == STATE_CONSULT || r->state == STATE_FEE) {
		ri->has_left = true;
		ri->left = r->left_days;
	}
	ri->state = app_state_label(r->state, r->extended, ri->late);
	ri->limit = DATE_NONE;
	if (r->state == STATE_CORRECTION)
		ri->limit = r->correction_limit;
	else if (r->state == STATE_FEE && r->fee_from != DATE_NONE)
		ri->limit = calendar_add_workdays(cal, r->fee_from, CLOCK_FEE_PAY_DAYS);
	ri->limit_passed = ri->limit != DATE_NONE && t->today > ri->limit;
}

/* The text of one cell of a row. */
static void cell(const struct tui *t, const struct list_row *r, const struct row_info *ri,
		 enum listcol col, int width, struct strbuf *out)
{
	char buf[DATE_BUF];
	switch (col) {
	case LC_CASE_NO: sb_adds(out, r->case_no); break;
	case LC_RECEIVED: sb_adds(out, date_format(r->received, buf)); break;
	case LC_APPLICANT: sb_adds(out, r->applicant); break;
	case LC_TYPE:
		if (r->type >= 0 && r->type < AT_COUNT)
			sb_adds(out, text_width(code_label(&codes_applicant, r->type)) <= width
				? code_label(&codes_applicant, r->type) : short_types[r->type]);
		break;
	case LC_STATE:
		sb_adds(out, text_width(ri->state) <= width || strcmp(ri->state, "征求意见中")
			? ri->state : "征求意见");
		break;
	case LC_DUE:
		if (r->voided)
			break;
		/* waiting on the applicant, the applicant's limit is what falls due */
		if (ri->limit_passed)
			sb_adds(out, r->state == STATE_FEE ? "缴费期满" : "补正期满");
		else if (ri->limit != DATE_NONE)
			sb_adds(out, date_format(ri->limit, buf));
		else if (r->state != STATE_ANSWERED && r->due != DATE_NONE)
			sb_adds(out, date_format(r->due, buf));
		else if (r->state == STATE_CONSULT || r->state == STATE_FEE)
			sb_adds(out, "暂停计时");
		break;
	case LC_LEFT:
		if (ri->has_left)
			sb_addf(out, "%d", ri->left);
		break;
	case LC_OUTCOME:
		/* one short form at every width: the group and number (不予公开4, 其他处理3), never a
		 * group's name that reads as a leaf; the full words are in the detail */
		outcome_code_label(r->outcome, out);
		(void)width;
		break;
	default: break;
	}
	(void)t;
}

static void draw_row(const struct tui *t, const struct list_screen *L,
		     const struct calendar *cal, int y, const struct list_row *r, bool selected)
{
	struct row_info ri;
	row_info(t, cal, r, &ri);
	enum draw_role role = selected ? R_SELECTED : ri.late || ri.limit_passed ? R_LATE
			    : ri.soon ? R_SOON
			    : r->state == STATE_ANSWERED || r->voided ? R_DONE : R_NORMAL;
	draw_fill(y, 0, COLS, selected ? R_SELECTED : R_NORMAL);
	if (selected)
		draw_text(y, 0, 1, ">", R_SELECTED);   /* the cursor, visible without colour too */
	for (int i = 0; i < L->cols.n; i++) {
		struct strbuf sb = STRBUF_INIT;
		int w = L->cols.c[i].width;
		cell(t, r, &ri, L->cols.c[i].col, w, &sb);
		draw_text_align(y, 1 + L->cols.c[i].x, w, sb_str(&sb),
				L->cols.c[i].col == LC_LEFT ? TEXT_RIGHT : TEXT_LEFT, role);
		sb_release(&sb);
	}
}

static void draw(struct tui *t, struct view *v)
{
	const struct list_screen *L = v->priv;
	draw_fill(L->y0 - 1, 0, COLS, R_HEADER);
	for (int i = 0; i < L->cols.n; i++)
		draw_text_align(L->y0 - 1, 1 + L->cols.c[i].x, L->cols.c[i].width, L->cols.c[i].header,
				L->cols.c[i].col == LC_LEFT ? TEXT_RIGHT : TEXT_LEFT, R_HEADER);
	if (L->lv.n == 0) {
		draw_text(L->y0 + 1, 2, COLS - 4, L->q.filter == LF_ALL && !L->q.year
			  ? "还没有申请。按 n 新建一件申请。"
			  : "没有符合筛选条件的申请。按 s 换筛选条件，按 y 换年度。", R_NOTE);
		return;
	}
	const struct calendar *cal = store_calendar(t->s);
	for (int r = 0; r < L->rows; r++) {
		size_t i = L->lv.top + (size_t)r;
		if (i >= L->lv.n)
			break;
		draw_row(t, L, cal, L->y0 + r, &L->page.rows[i], i == L->lv.cur);
	}
}

/* ---- the view's operations ---- */

static enum km_scope scope(struct view *v)
{
	const struct list_screen *L = v->priv;
	return L->search ? KS_SEARCH : KS_LIST;
}

static void init(struct view *v)
{
	struct list_screen *L = v->priv;
	L->src = (struct lv_source){ L, fetch, splice };
	v->lv = &L->lv;
	v->src = &L->src;
}

static void release(struct view *v)
{
	struct list_screen *L = v->priv;
	store_list_page_release(&L->page);
	store_list_page_release(&L->stage);
	free(L->search);
	free(L->target_key);
	sb_release(&L->due);
}

/* What is due today, briefly (逾期2 今天1 补正期满1 年报剩12日), for the status line. */
static void count_due(struct tui *t, struct list_screen *L)
{
	sb_reset(&L->due);
	struct agenda ag;
	struct diag d = DIAG_INIT;
	if (agenda_build(t->s, t->today, false, &ag, &d) == ST_OK) {
		/* the report's deadline first: in January it is the one a clerk must not miss */
		if (ag.n && ag.items[ag.n - 1].kind == AG_REPORT)
			agenda_brief(&ag.items[ag.n - 1], &L->due);
		for (size_t i = 0; i < ag.n; i++) {
			if (ag.items[i].kind == AG_LATE || ag.items[i].kind == AG_REPORT)
				continue;   /* the status line counts the late ones already */
			if (L->due.len)
				sb_adds(&L->due, " ");
			agenda_brief(&ag.items[i], &L->due);
		}
		agenda_release(&ag);
	}
	diag_release(&d);
}

static void layout(struct tui *t, struct view *v)
{
	(void)t;
	struct list_screen *L = v->priv;
	int top, height;
	tui_area(&top, &height);
	L->y0 = top + 1;
	L->rows = height - 1 > 1 ? height - 1 : 1;
	listcol_layout(COLS - 2, &L->cols);
	if (L->ready) {
		lv_set_height(&L->lv, L->rows);
		reposition(L);   /* a taller screen may need more rows */
	}
}

static void set_query_dates(struct tui *t, struct list_screen *L)
{
	L->q.today = t->today;
	L->q.soon_until = calendar_add_workdays(store_calendar(t->s), t->today, 3);
}

static void enter(struct tui *t, struct view *v)
{
	struct list_screen *L = v->priv;
	L->t = t;
	if (!L->ready) {
		lv_init(&L->lv, L->rows, 0);
		L->q.filter = LF_ALL;
		set_query_dates(t, L);
		L->ready = true;
		count_due(t, L);
		lv_home(&L->lv, &L->src);
		return;
	}
	count_due(t, L);
	reposition(L);
}

static void reload(struct tui *t, struct view *v)
{
	struct list_screen *L = v->priv;
	set_query_dates(t, L);
	count_due(t, L);
	reposition(L);
}

static void status(struct tui *t, struct view *v, struct strbuf *out)
{
	(void)t;
	const struct list_screen *L = v->priv;
	sb_addf(out, "筛选 %s", store_list_filter_label(L->q.filter));
	if (L->q.year)
		sb_addf(out, "  年度 %d（收到）", L->q.year);
	else
		sb_adds(out, "  全部年度");
	if (L->search)
		sb_addf(out, "  搜索「%s」", L->search);
	if (!L->due.len)
		return;
	/* as many items as fit beside the count of late ones the status line ends with */
	int room = COLS - text_width(sb_str(out)) - 11 - 19;
	const char *p = sb_str(&L->due);
	size_t fit = 0;
	while (p[fit]) {
		const char *sp = strchr(p + fit + 1, ' ');
		size_t end = sp ? (size_t)(sp - p) : strlen(p);
		if (text_width_n(p, end) > room)
			break;
		fit = end;
	}
	if (fit) {
		sb_adds(out, "  |  待办 ");
		sb_add(out, p, fit);
	}
}

/* ---- searching ---- */

static void end_search(struct list_screen *L)
{
	free(L->search);
	L->search = NULL;
}

/* Finds the next (or previous) application holding the search text, after (before) the
 * cursor, or from the start (end) of the list; wraps around once. */
static bool find(struct tui *t, struct list_screen *L, bool backward, bool from_start)
{
	struct list_query q = L->q;
	q.search = L->search;
	struct list_page m = { 0 };
	struct diag d = DIAG_INIT;
	const struct list_row *cur = from_start ? NULL : current(L);
	bool wrapped = false;
	enum status st = store_list_page(t->s, &q, cur ? cur->key : NULL, cur ? cur->id : 0,
					 backward, 1, &m, &d);
	if (st == ST_OK && m.n == 0 && cur) {
		wrapped = true;
		st = store_list_page(t->s, &q, NULL, 0, backward, 1, &m, &d);
	}
	bool found = st == ST_OK && m.n == 1;
	if (st != ST_OK)
		tui_fail(t, st, &d);
	else if (!found)
		tui_message(t, true, "找不到含有「%s」的申请（在%s中）", L->search,
			    store_list_filter_label(L->q.filter));
	else {
		jump(L, m.rows[0].key, m.rows[0].id, (int)(L->lv.cur - L->lv.top));
		if (wrapped)
			tui_message(t, false, backward ? "已到开头，从末尾继续找" : "已到末尾，从开头继续找");
	}
	store_list_page_release(&m);
	diag_release(&d);
	return found;
}

static void search(struct tui *t, struct list_screen *L)
{
	char *s = prompt_line(t, "搜索", "编号、申请人或申请内容中含有：", L->search, 200);
	if (!s)
		return;
	end_search(L);
	if (!*s) {
		free(s);
		return;
	}
	L->search = s;
	if (!find(t, L, false, true))
		end_search(L);
}

/* ---- filters and the year ---- */

static void set_filter(struct list_screen *L, int f)
{
	L->q.filter = (enum list_filter)((f + LF_COUNT) % LF_COUNT);
	lv_home(&L->lv, &L->src);
}

static void pick_filter(struct tui *t, struct list_screen *L)
{
	const char *labels[LF_COUNT];
	for (int f = 0; f < LF_COUNT; f++)
		labels[f] = store_list_filter_label(f);
	int f = prompt_pick(t, "筛选", labels, LF_COUNT, L->q.filter);
	if (f >= 0)
		set_filter(L, f);
}

/* 今日待办: a numbered box of what is due; a number (or Enter) shows those applications, the
 * report item opens 年报 at its year. At start (key KM_NONE) only when something is due. */
static void agenda(struct tui *t, struct list_screen *L, int key)
{
	struct agenda ag;
	struct diag d = DIAG_INIT;
	enum status st = agenda_build(t->s, t->today, false, &ag, &d);
	if (st != ST_OK) {
		if (key != KM_NONE)
			tui_fail(t, st, &d);
		diag_release(&d);
		return;
	}
	diag_release(&d);
	if (ag.n == 0) {
		if (key != KM_NONE)
			tui_message(t, false, "今天没有待办事项");
		return;
	}
	struct strbuf lines[AG_COUNT];
	const char *items[AG_COUNT];
	for (size_t i = 0; i < ag.n; i++) {
		lines[i] = (struct strbuf)STRBUF_INIT;
		sb_addf(&lines[i], "%zu  ", i + 1);
		agenda_line(&ag.items[i], false, &lines[i]);
		items[i] = sb_str(&lines[i]);
	}
	char title[80], day[DATE_BUF];
	snprintf(title, sizeof title, "今日待办 %s（按数字查看，Esc 关闭，t 再次打开）",
		 date_format(t->today, day));
	int i = prompt_pick_numbered(t, title, items, (int)ag.n);
	if (i >= 0 && ag.items[i].kind == AG_REPORT) {
		t->year = ag.items[i].year;
		tui_switch(t, 2);
	} else if (i >= 0) {
		end_search(L);
		L->q.year = 0;
		set_filter(L, ag.items[i].filter);
	}
	for (size_t j = 0; j < ag.n; j++)
		sb_release(&lines[j]);
	agenda_release(&ag);
}

static void ask_year(struct tui *t, struct list_screen *L)
{
	char initial[8] = "";
	if (L->q.year)
		snprintf(initial, sizeof initial, "%d", L->q.year);
	char *s = prompt_line(t, "年度", "只列这一年收到的申请（留空为全部年度）：", initial, 4);
	if (!s)
		return;
	int y = atoi(s);
	if (!*s)
		L->q.year = 0;
	else if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || strspn(s, "0123456789") != strlen(s))
		tui_message(t, true, "年度「%s」应为 %d 到 %d 之间的年份", s, DATE_MIN_YEAR,
			    DATE_MAX_YEAR);
	else
		L->q.year = y;
	free(s);
	lv_home(&L->lv, &L->src);
}

/* [ and ] step through 全部年度, this year, last year, …: [ goes back in time. */
static void step_year(struct tui *t, struct list_screen *L, int dir)
{
	int now = date_year(t->today);
	if (!L->q.year)
		L->q.year = dir < 0 ? now : 0;
	else if (dir > 0 && L->q.year >= now)
		L->q.year = 0;
	else
		L->q.year += dir;
	lv_home(&L->lv, &L->src);
}

static bool handle(struct tui *t, struct view *v, enum action a, int key)
{
	struct list_screen *L = v->priv;
	const struct list_row *r = current(L);
	long long saved = 0;
	switch (a) {
	case A_OPEN:
		if (r)
			scr_detail_open(t, r->id);
		return true;
	case A_DOCS:
		if (r)
			scr_docs_open(t, r->id);
		else
			tui_message(t, true, "列表是空的：先按 n 新建一件申请");
		return true;
	case A_SEARCH: search(t, L); return true;
	case A_SEARCH_NEXT: find(t, L, false, false); return true;
	case A_SEARCH_PREV: find(t, L, true, false); return true;
	case A_SEARCH_END: end_search(L); return true;
	case A_FILTER: pick_filter(t, L); return true;
	case A_AGENDA: agenda(t, L, key); return true;
	case A_FILTER_NEXT: set_filter(L, L->q.filter + 1); return true;
	case A_FILTER_PREV: set_filter(L, L->q.filter - 1); return true;
	case A_YEAR: ask_year(t, L); return true;
	case A_YEAR_PREV: step_year(t, L, -1); return true;
	case A_YEAR_NEXT: step_year(t, L, 1); return true;
	default: break;
	}
	if (a != A_NEW && !r && ((a >= A_EDIT && a <= A_REVIEW) || a == A_VOID)) {
		tui_message(t, true, "列表是空的：先按 n 新建一件申请");
		return true;
	}
	if (!dlg_app_run(t, a, a == A_NEW || !r ? 0 : r->id, &saved))
		return false;
	if (saved) {
		/* the cursor stays on the application just saved, wherever it now sorts */
		tui_changed(t);
		jump_to_id(t, L, saved, a == A_NEW);
	}
	return true;
}

static void click(struct tui *t, struct view *v, int y, int x)
{
	(void)x;
	struct list_screen *L = v->priv;
	if (y < L->y0)
		return;
	size_t i = L->lv.top + (size_t)(y - L->y0);
	if (i == L->lv.cur && i < L->lv.n)
		scr_detail_open(t, L->page.rows[i].id);   /* a second click opens it */
	else
		lv_select(&L->lv, i);
}

const struct view_ops scr_list_ops = {
	.name = "申请列表",
	.size = sizeof(struct list_screen),
	.init = init,
	.release = release,
	.scope = scope,
	.enter = enter,
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.reload = reload,
	.status = status,
	.click = click,
};
