/*
 * dlg_dup.h — the hint of a possible duplicate (重复申请) in an application's form: the line
 * 可能重复 under 申请内容, kept up to date when the clerk leaves one of the fields it is
 * computed from, and the popup F3 opens with the earlier applications in full.
 *
 * It is a hint: it never stops a save. Whether the application repeats an earlier one, and so
 * may be answered 不予处理 (第三十六条（六）), is the clerk's decision.
 */
#ifndef GK_DLG_DUP_H
#define GK_DLG_DUP_H

#include <stdbool.h>

#include "dup.h"
#include "form.h"

struct tui;

struct dlg_dup {
	int line;             /* the form's 可能重复 line (FK_INFO), hidden while there is none */
	int received, applicant, id_number, request;   /* the form fields it is computed from */
	long long id;         /* the application itself (修改), left out; 0 for a new one */
	bool stale;           /* one of those fields changed since the last look */
	struct dup_list found;
};

/* Adds the (hidden) line to the form, after the fields added so far; the field indexes are
 * those of the form's 收到日期, 申请人, 证件号码 and 申请内容 (-1 for one it has not). For
 * 修改, id is the application's: it is looked for at once, and never found itself. */
void dlg_dup_add(struct tui *t, struct form *fm, struct dlg_dup *h, long long id, int received,
		 int applicant, int id_number, int request);
/* To call from the form's changed callback: notes that field changed. */
void dlg_dup_changed(struct dlg_dup *h, int field);
/* To call from the form's left callback: looks again when field is one of those fields and
 * something changed. */
void dlg_dup_left(struct tui *t, struct form *fm, struct dlg_dup *h, int field);
/* To call from the form's action callback: A_DUP_SHOW (F3) looks again if need be and shows
 * the earlier applications (or says there are none). True when a was A_DUP_SHOW. */
bool dlg_dup_action(struct tui *t, struct form *fm, struct dlg_dup *h, enum action a);
void dlg_dup_release(struct dlg_dup *h);

#endif
