/*
 * appform.h — a form over an application: what the forms of dlg_app.c (新建, 修改, 答复, 重新
 * 办理) and dlg_event.c (补正, 征求意见, 延期, 信息处理费, 复议/诉讼) share.
 *
 * A field of the form edits one field of the application and is read back through
 * app_field_set, the same reading a ledger row or `gongkai set` gets, so a value the form
 * takes is one the ledger would take. The whole application is checked by app_check before it
 * is saved with one store call, its own transaction; a save after another clerk's save of the
 * same application (ST_CONFLICT) or one that would change a locked year (ST_LOCKED) is refused
 * with the store's words under the form; nothing is overwritten.
 */
#ifndef GK_APPFORM_H
#define GK_APPFORM_H

#include <stdbool.h>

#include "app.h"
#include "codes.h"
#include "form.h"

struct tui;

/* A field of the form for application field f, holding a's value as text (as the ledger
 * writes it); max characters for text. Returns the form field's index. */
int appform_text(struct form *fm, const struct app *a, enum app_field f, size_t max);
int appform_date(struct form *fm, enum app_field f, int date);
/* A short number field (延期工作日) holding a's value. */
int appform_number(struct form *fm, const struct app *a, enum app_field f);
/* A choice among a code set's labels, after a first item meaning none (e.g. 尚未审结) when
 * none is not NULL: index i + 1 is code i. initial is a code or -1; label NULL for the
 * field's name. */
int appform_code(struct form *fm, enum app_field f, const char *label,
		 const struct code_set *set, const char *none, int initial);

/* Reads form field i back into a's field f through app_field_set (a choice as its label; the
 * none item clears the field); a value it cannot read is marked on the field. False then. */
bool appform_read(struct form *fm, int i, struct app *a, enum app_field f);

/* Checks a with app_check and marks its problems on the form; true when it may be saved
 * (no errors, and any warnings already shown once). */
bool appform_check(struct tui *t, struct form *fm, const struct app *a);
/* Saves a (insert when it has no id yet, else update with reason); on failure the store's
 * Chinese lines go under the form. */
bool appform_write(struct tui *t, struct form *fm, struct app *a, const char *reason);

/* Reads application id afresh; false after showing why it could not. */
bool appform_load(struct tui *t, long long id, struct app *a);

#endif
