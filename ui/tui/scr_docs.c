/*
 * scr_docs.c — 文书: the written documents of one application (d on the list or its detail):
 * those issued, with their numbers, and those its state calls for; issuing one, its preview,
 * printing it again to a Word file, voiding it.
 *
 * Issuing asks first for what the case lacks (the items to correct, the reason for an
 * extension, the answer's reasons…) in a small form, saves the case, then issues; what only
 * the office's settings can give is said with where to set it. The preview is the document's
 * text as kept (docx_text), scrolled like any page.
 */
#include "scr_docs.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "appform.h"
#include "date.h"
#include "dlg_export.h"
#include "draw.h"
#include "form.h"
#include "outfile.h"
#include "pager.h"
#include "prompt.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "xmem.h"

/* One row: a document issued, or a kind the case calls for that is not issued. */
struct row {
	const struct doc_issued *doc;   /* NULL for a kind to issue */
	enum doc_kind kind;
};

struct docs_screen {
	long long id;
	struct app a;
	bool loaded;
	struct doc_issued *docs;
	size_t ndocs;
	struct row rows[64];
	size_t nrows;
	struct listview lv;
	int y0, height;
};

/* The preview of one document. */
struct doc_view {
	struct doc_issued doc;
	struct pager pager;
	int built_width;
};

/* ---- issuing ---- */

/* The form asking for the facts a document needs that the case lacks; saved on F2. */
struct ask_job {
	struct app a;
	int fields[16], at[16];
	size_t n;
	bool saved;
};

static bool save_facts(struct tui *t, struct form *fm, void *ctx)
{
	struct ask_job *j = ctx;
	struct app a;
	app_init(&a);
	app_copy(&a, &j->a);
	bool ok = true;
	for (size_t i = 0; i < j->n; i++)
		ok &= appform_read(fm, j->at[i], &a, j->fields[i]);
	for (size_t i = 0; ok && i < j->n; i++) {
		struct strbuf v = STRBUF_INIT;
		app_field_get(&a, j->fields[i], &v);
		if (!v.len) {
			form_problem(fm, j->at[i], false, "出具文书需要填写这一项");
			ok = false;
		}
		sb_release(&v);
	}
	ok = ok && appform_check(t, fm, &a) && appform_write(t, fm, &a, NULL);
	j->saved = ok;
	app_release(&a);
	return ok;
}

static int add_field(struct form *fm, const struct app *a, int f)
{
	if (app_field_is_date(f))
		return appform_date(fm, f, DATE_NONE);
	if (f == F_FEE_BASIS)
		return appform_code(fm, f, NULL, &codes_fee_basis, NULL, a->fee_basis);
	if (f == F_EXTENSION_DAYS || f == F_FEE_UNITS)
		return appform_number(fm, a, f);
	int i = appform_text(fm, a, f, app_field_is_multiline(f) ? LIMIT_REASONS : LIMIT_NAME);
	if (app_field_is_multiline(f))
		form_set_multiline(fm, i);
	return i;
}

/* Asks for the facts of application a that a document of kind k lacks; false when the clerk
 * gave up or nothing could be asked (the problem was said). */
static bool ask_facts(struct tui *t, const struct app *a, enum doc_kind k, const int *fields,
		      size_t n)
{
	struct ask_job j = { .n = n < 16 ? n : 16 };
	app_init(&j.a);
	app_copy(&j.a, a);
	memcpy(j.fields, fields, j.n * sizeof *fields);
	char title[160];
	snprintf(title, sizeof title, "出具%s：请先填写申请 %s 缺少的内容", doc_kind_name(k),
		 a->case_no);
	struct form fm;
	form_init(&fm, title, save_facts, &j);
	for (size_t i = 0; i < j.n; i++)
		j.at[i] = add_field(&fm, a, j.fields[i]);
	form_run(t, &fm);
	form_release(&fm);
	app_release(&j.a);
	return j.saved;
}

static void open_preview(struct tui *t, const struct doc_issued *x);

bool scr_docs_issue(struct tui *t, long long id, enum doc_kind k)
{
	if (tui_refuse_readonly(t))
		return false;
	struct app a;
	app_init(&a);
	struct diag d = DIAG_INIT;
	int missing[16];
	size_t n = 0;
	enum status st = appform_load(t, id, &a) ? ST_OK : ST_NOTFOUND;
	if (st == ST_OK && !doc_not_yet(&a, k))
		st = doc_missing_fields(t->s, &a, k, missing, 16, &n, &d);
	if (st == ST_OK && n && !ask_facts(t, &a, k, missing, n)) {
		app_release(&a);
		diag_release(&d);
		return false;
	}
	struct doc_issued x = { 0 };
	if (st == ST_OK)
		st = doc_issue(t->s, id, k, DATE_NONE, &x, &d);
	if (st == ST_DATA && d.n)
		prompt_show(t, "文书未出具", "这份文书还不能出具：", &d);
	else if (st != ST_OK && st != ST_NOTFOUND)
		tui_fail(t, st, &d);
	if (st == ST_OK) {
		tui_message(t, false, "已出具%s %s", doc_kind_name(k), x.number);
		tui_changed(t);
		open_preview(t, &x);
	}
	doc_issued_release(&x);
	app_release(&a);
	diag_release(&d);
	return st == ST_OK;
}

void scr_docs_offer(struct tui *t, long long id, enum doc_kind k)
{
	char q[200];
	snprintf(q, sizeof q, "现在出具%s吗？（以后也可以在申请详情中按 d 出具）", doc_kind_name(k));
	if (prompt_confirm(t, "出具文书", q))
		scr_docs_issue(t, id, k);
}

/* ---- writing a document to a file ---- */

static void write_file(struct tui *t, const struct doc_issued *x, const char *case_no)
{
	char *initial = xasprintf("%s-%s-%s.docx", doc_kind_name(x->kind), case_no ? case_no : "",
				  x->number);
	char *path = dlg_export_ask_file(t, initial);
	free(initial);
	if (!path)
		return;
	struct strbuf bytes = STRBUF_INIT;
	struct diag d = DIAG_INIT;
	enum status st = doc_to_docx(x, &bytes, &d);
	if (st == ST_OK)
		st = outfile_write(path, bytes.buf, bytes.len, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	else
		tui_message(t, false, "已把%s %s 存为 %s", doc_kind_name(x->kind), x->number, path);
	sb_release(&bytes);
	diag_release(&d);
	free(path);
}

/* ---- the preview ---- */

static enum km_scope view_scope(struct view *v)
{
	(void)v;
	return KS_DOC_VIEW;
}

static void view_init(struct view *v)
{
	struct doc_view *dv = v->priv;
	v->pager = &dv->pager;
}

static void view_release(struct view *v)
{
	struct doc_view *dv = v->priv;
	doc_issued_release(&dv->doc);
	pager_release(&dv->pager);
}

static void view_build(struct tui *t, struct view *v)
{
	struct doc_view *dv = v->priv;
	pager_clear(&dv->pager);
	dv->built_width = COLS;
	struct strbuf text = STRBUF_INIT;
	struct diag d = DIAG_INIT;
	int width = COLS - 6 < 80 ? COLS - 6 : 80;
	if (doc_to_text(&dv->doc, width, &text, &d) != ST_OK) {
		tui_fail(t, ST_NOTOURS, &d);
	} else {
		if (dv->doc.voided_at)
			pager_addf(&dv->pager, R_ERROR, "（此文书已于 %s 作废：%s）", dv->doc.voided_at,
				   dv->doc.void_reason ? dv->doc.void_reason : "");
		const char *p = sb_str(&text);
		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			char *line = xstrndup(p, n);
			pager_add(&dv->pager, R_NORMAL, line);
			free(line);
			p += n + (nl ? 1 : 0);
		}
	}
	sb_release(&text);
	diag_release(&d);
}

static void view_layout(struct tui *t, struct view *v)
{
	struct doc_view *dv = v->priv;
	if (dv->built_width && dv->built_width != COLS)
		view_build(t, v);
}

static void view_draw(struct tui *t, struct view *v)
{
	(void)t;
	struct doc_view *dv = v->priv;
	int top, height;
	tui_area(&top, &height);
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s %s", doc_kind_name(dv->doc.kind), dv->doc.number);
	draw_fill(top, 0, COLS, R_HEADER);
	draw_text(top, 1, COLS - 2, sb_str(&sb), R_HEADER);
	sb_release(&sb);
	pager_draw(&dv->pager, top + 1, 2, height - 1, COLS - 3);
}

static bool view_handle(struct tui *t, struct view *v, enum action a, int key)
{
	(void)key;
	struct doc_view *dv = v->priv;
	if (a != A_DOC_WRITE)
		return false;
	write_file(t, &dv->doc, NULL);
	return true;
}

static void view_status(struct tui *t, struct view *v, struct strbuf *out)
{
	(void)t;
	const struct doc_view *dv = v->priv;
	char buf[DATE_BUF];
	sb_addf(out, "%s  %s 出具", dv->doc.number, date_format(dv->doc.issued_on, buf));
}

static const struct view_ops doc_view_ops = {
	.name = "文书预览",
	.size = sizeof(struct doc_view),
	.init = view_init,
	.release = view_release,
	.scope = view_scope,
	.enter = view_build,
	.layout = view_layout,
	.draw = view_draw,
	.handle = view_handle,
	.status = view_status,
};

static void open_preview(struct tui *t, const struct doc_issued *x)
{
	struct view *v = view_new(&doc_view_ops);
	struct doc_view *dv = v->priv;
	dv->doc = *x;
	dv->doc.number = xstrdup(x->number);
	dv->doc.body = xstrdup(x->body);
	dv->doc.issued_at = x->issued_at ? xstrdup(x->issued_at) : NULL;
	dv->doc.issued_by = x->issued_by ? xstrdup(x->issued_by) : NULL;
	dv->doc.voided_at = x->voided_at ? xstrdup(x->voided_at) : NULL;
	dv->doc.void_reason = x->void_reason ? xstrdup(x->void_reason) : NULL;
	tui_push(t, v);
}

/* ---- the list of a case's documents ---- */

static enum km_scope scope(struct view *v)
{
	(void)v;
	return KS_DOCS;
}

static void init(struct view *v)
{
	struct docs_screen *S = v->priv;
	app_init(&S->a);
	v->lv = &S->lv;
}

static void release(struct view *v)
{
	struct docs_screen *S = v->priv;
	app_release(&S->a);
	doc_issued_free(&S->docs, S->ndocs);
}

/* Reads the case and its documents: the kinds its state calls for and that are not issued
 * first (what there is to do), then the documents issued, in order. */
static void load(struct tui *t, struct view *v)
{
	struct docs_screen *S = v->priv;
	struct diag d = DIAG_INIT;
	doc_issued_free(&S->docs, S->ndocs);
	S->ndocs = 0;
	S->nrows = 0;
	S->loaded = store_app_get(t->s, S->id, &S->a, &d) == ST_OK &&
		    store_doc_list(t->s, S->id, &S->docs, &S->ndocs, &d) == ST_OK;
	if (!S->loaded)
		tui_fail(t, ST_IO, &d);
	diag_release(&d);
	bool due[DK_COUNT];
	if (S->loaded)
		doc_due(&S->a, due);
	for (int k = 0; S->loaded && k < DK_COUNT; k++) {
		bool issued = false;
		for (size_t i = 0; i < S->ndocs; i++)
			issued |= S->docs[i].kind == (enum doc_kind)k && !S->docs[i].voided_at;
		if (due[k] && !issued)
			S->rows[S->nrows++] = (struct row){ NULL, k };
	}
	for (size_t i = 0; i < S->ndocs && S->nrows < 64; i++)
		S->rows[S->nrows++] = (struct row){ &S->docs[i], S->docs[i].kind };
	lv_set_all(&S->lv, S->nrows);
}

static void layout(struct tui *t, struct view *v)
{
	(void)t;
	struct docs_screen *S = v->priv;
	int top, height;
	tui_area(&top, &height);
	S->y0 = top + 2;
	S->height = height - 2 > 1 ? height - 2 : 1;
	lv_set_height(&S->lv, S->height);
}

static void enter(struct tui *t, struct view *v)
{
	load(t, v);
}

static void draw_row(const struct docs_screen *S, size_t i, int y)
{
	const struct row *r = &S->rows[i];
	bool sel = i == S->lv.cur;
	enum draw_role role = sel ? R_SELECTED : !r->doc ? R_WARNING : r->doc->voided_at ? R_DONE
			    : R_NORMAL;
	draw_fill(y, 0, COLS, role);
	if (sel)
		draw_text(y, 0, 1, ">", role);
	char buf[DATE_BUF];
	if (r->doc) {
		draw_text(y, 1, 28, r->doc->number, role);
		draw_text(y, 30, 10, date_format(r->doc->issued_on, buf), role);
	} else {
		draw_text(y, 1, 28, "（待出具）", role);
	}
	struct strbuf what = STRBUF_INIT;
	sb_adds(&what, doc_kind_name(r->kind));
	if (r->doc && r->doc->voided_at)
		sb_addf(&what, "  已作废：%s", r->doc->void_reason ? r->doc->void_reason : "");
	draw_text(y, 42, COLS - 43, sb_str(&what), role);
	sb_release(&what);
}

static void draw(struct tui *t, struct view *v)
{
	(void)t;
	const struct docs_screen *S = v->priv;
	int top, height;
	tui_area(&top, &height);
	if (!S->loaded) {
		draw_text(top + 1, 2, COLS - 4, "找不到这件申请。按 Esc 返回。", R_ERROR);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "申请 %s  %s 的文书", S->a.case_no, S->a.applicant);
	draw_fill(top, 0, COLS, R_HEADER);
	draw_text(top, 1, COLS - 2, sb_str(&sb), R_HEADER);
	sb_release(&sb);
	draw_text(top + 1, 1, 28, "文号", R_NOTE);
	draw_text(top + 1, 30, 10, "日期", R_NOTE);
	draw_text(top + 1, 42, COLS - 43, "文书", R_NOTE);
	if (!S->nrows)
		draw_text(S->y0 + 1, 2, COLS - 4, "还没有文书，办理情况也还没有要出具的文书。", R_NOTE);
	for (int r = 0; r < S->height && S->lv.top + (size_t)r < S->nrows; r++)
		draw_row(S, S->lv.top + (size_t)r, S->y0 + r);
}

static const struct row *current(const struct docs_screen *S)
{
	return S->nrows ? &S->rows[S->lv.cur] : NULL;
}

static void void_doc(struct tui *t, struct view *v, const struct doc_issued *x)
{
	if (tui_refuse_readonly(t))
		return;
	if (x->voided_at) {
		tui_message(t, true, "%s 已于 %s 作废", x->number, x->voided_at);
		return;
	}
	char label[200];
	snprintf(label, sizeof label, "作废%s %s 的理由（文号保留不再使用）：",
		 doc_kind_name(x->kind), x->number);
	char *reason = prompt_line(t, "作废文书", label, NULL, 500);
	if (!reason)
		return;
	struct diag d = DIAG_INIT;
	enum status st = text_blank(reason) ? ST_DATA : store_doc_void(t->s, x->id, reason, &d);
	if (text_blank(reason))
		tui_message(t, true, "作废文书须说明理由");
	else if (st != ST_OK)
		tui_fail(t, st, &d);
	else
		tui_message(t, false, "已作废 %s", x->number);
	diag_release(&d);
	free(reason);
	load(t, v);
}

static bool handle(struct tui *t, struct view *v, enum action a, int key)
{
	(void)key;
	struct docs_screen *S = v->priv;
	const struct row *r = current(S);
	if (a != A_DOC_PREVIEW && a != A_DOC_ISSUE && a != A_DOC_WRITE && a != A_DOC_VOID)
		return false;
	if (!r) {
		tui_message(t, true, "没有文书");
		return true;
	}
	if (a == A_DOC_ISSUE && r->doc) {
		char q[200];
		snprintf(q, sizeof q, "已出具%s %s。再出具一份新的（新的文号）吗？",
			 doc_kind_name(r->kind), r->doc->number);
		if (!prompt_confirm(t, "再出具一份", q))
			return true;
	}
	if (!r->doc && a != A_DOC_PREVIEW && a != A_DOC_ISSUE) {
		tui_message(t, true, "%s还没有出具：按 i 或 Enter 出具", doc_kind_name(r->kind));
		return true;
	}
	if (a == A_DOC_PREVIEW && r->doc) {
		open_preview(t, r->doc);
	} else if (a == A_DOC_PREVIEW || a == A_DOC_ISSUE) {
		char q[200];
		snprintf(q, sizeof q, "出具%s吗？它将编上本年度的下一个文号，记入修改记录。",
			 doc_kind_name(r->kind));
		if (r->doc || prompt_confirm(t, "出具文书", q))
			scr_docs_issue(t, S->id, r->kind);
	}
	else if (a == A_DOC_WRITE)
		write_file(t, r->doc, S->a.case_no);
	else
		void_doc(t, v, r->doc);
	return true;
}

static void status(struct tui *t, struct view *v, struct strbuf *out)
{
	(void)t;
	const struct docs_screen *S = v->priv;
	if (S->loaded)
		sb_addf(out, "%s  已出具 %zu 份", S->a.case_no, S->ndocs);
}

static void click(struct tui *t, struct view *v, int y, int x)
{
	(void)t;
	(void)x;
	struct docs_screen *S = v->priv;
	if (y >= S->y0)
		lv_select(&S->lv, S->lv.top + (size_t)(y - S->y0));
}

const struct view_ops scr_docs_ops = {
	.name = "文书",
	.size = sizeof(struct docs_screen),
	.init = init,
	.release = release,
	.scope = scope,
	.enter = enter,
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.reload = load,
	.status = status,
	.click = click,
};

void scr_docs_open(struct tui *t, long long id)
{
	struct view *v = view_new(&scr_docs_ops);
	((struct docs_screen *)v->priv)->id = id;
	tui_push(t, v);
}
