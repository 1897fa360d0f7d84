/*
 * appform.c — fields of an application in a form, read back the ledger's way, checked and
 * saved (appform.h).
 */
#include "appform.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "guard.h"
#include "store.h"
#include "strbuf.h"
#include "tui.h"
#include "xmem.h"

int appform_text(struct form *fm, const struct app *a, enum app_field f, size_t max)
{
	struct strbuf v = STRBUF_INIT;
	if (a)
		app_field_get(a, f, &v);
	int i = form_text(fm, app_field_name(f), f, sb_str(&v), max);
	sb_release(&v);
	return i;
}

int appform_number(struct form *fm, const struct app *a, enum app_field f)
{
	struct strbuf v = STRBUF_INIT;
	if (a)
		app_field_get(a, f, &v);
	int i = form_number(fm, app_field_name(f), f, sb_str(&v));
	sb_release(&v);
	return i;
}

int appform_date(struct form *fm, enum app_field f, int date)
{
	return form_date(fm, app_field_name(f), f, date);
}

int appform_code(struct form *fm, enum app_field f, const char *label,
		 const struct code_set *set, const char *none, int initial)
{
	int off = none ? 1 : 0;
	const char **items = xcalloc((size_t)set->count + 1, sizeof *items);
	if (none)
		items[0] = none;
	for (int k = 0; k < set->count; k++)
		items[k + off] = set->labels[k];
	int i = form_choice(fm, label ? label : app_field_name(f), f, items, set->count + off,
			    initial >= 0 ? initial + off : none ? 0 : -1);
	fm->f[i].none_first = none != NULL;
	free(items);
	return i;
}

bool appform_read(struct form *fm, int i, struct app *a, enum app_field f)
{
	const struct form_field *ff = &fm->f[i];
	char *text;
	if (ff->kind == FK_CHOICE)   /* nothing chosen, or the none item: the field is cleared */
		text = xstrdup(ff->choice < (ff->none_first ? 1 : 0) ? "" : ff->choices[ff->choice]);
	else
		text = form_get_text(fm, i);
	struct app_problems p = { 0 };
	bool ok = app_field_set(a, f, text, &p);
	form_app_problems(fm, &p);
	app_problems_release(&p);
	free(text);
	return ok;
}

bool appform_check(struct tui *t, struct form *fm, const struct app *a)
{
	struct app_problems p = { 0 }, rest = { 0 };
	struct diag d = DIAG_INIT;
	app_check(a, store_calendar(t->s), t->today, &p);
	enum status st = p.errors ? ST_OK : guard_check(t->s, a, t->today, &p, &d);
	for (size_t i = 0; i < d.n; i++)
		diag_add(&fm->general, "%s", d.lines[i]);
	/* what needs confirming goes under the buttons, each with its reason (guard.h); the rest
	 * beside its field */
	for (size_t i = 0; i < p.n; i++)
		if (p.v[i].confirm)
			diag_add(&fm->general, "请确认 %s：%s", app_field_name(p.v[i].field),
				 p.v[i].msg);
		else
			app_problem_add(&rest, p.v[i].field, p.v[i].warning, "%s", p.v[i].msg);
	bool errors = form_app_problems(fm, &rest) || st != ST_OK;
	bool ask = !errors && p.confirms && !fm->warned;
	if (ask) {
		fm->warned = true;   /* the next F2 saves, unless a field changes meanwhile */
		diag_add(&fm->general, "仍要保存吗？再按 F2 保存");
	}
	app_problems_release(&rest);
	app_problems_release(&p);
	diag_release(&d);
	return !errors && !ask && form_warnings_seen(fm);
}

bool appform_write(struct tui *t, struct form *fm, struct app *a, const char *reason)
{
	struct diag d = DIAG_INIT;
	enum status st = a->id ? store_app_update(t->s, a, reason, &d)
			       : store_app_insert(t->s, a, &d);
	if (st != ST_OK) {
		/* said once, under the form's buttons: the store's own words when it has them */
		if (!d.n)
			diag_add(&fm->general, "未保存：%s", status_message(st));
		for (size_t i = 0; i < d.n; i++)
			diag_add(&fm->general, "%s%s", i == 0 && !strstr(d.lines[i], "未保存")
				 ? "未保存：" : "", d.lines[i]);
	}
	diag_release(&d);
	return st == ST_OK;
}

bool appform_load(struct tui *t, long long id, struct app *a)
{
	struct diag d = DIAG_INIT;
	enum status st = store_app_get(t->s, id, a, &d);
	if (st != ST_OK)
		tui_fail(t, st, &d);
	diag_release(&d);
	return st == ST_OK;
}
