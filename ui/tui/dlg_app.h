/*
 * dlg_app.h — the forms that change an application: 新建 (n), 修改 (e), 答复 (a), 重新办理 (u),
 * and the events of its clock: 补正 (b), 征求意见 (c), 延期 (x), 信息处理费 (f), 复议/诉讼 (r).
 *
 * Each reads the application afresh, shows a small form, checks the result with app_check
 * (which runs clock_check) and saves it with one store call, its own transaction. A save after
 * another clerk's save of the same application (ST_CONFLICT) or one that would change a locked
 * year (ST_LOCKED) is refused with the store's message; nothing is overwritten.
 */
#ifndef GK_DLG_APP_H
#define GK_DLG_APP_H

#include <stdbool.h>

#include "codes.h"
#include "keymap.h"

struct tui;

/* Runs the form of action a on application id (0 for A_NEW). Returns false when a is not one
 * of these actions. *saved is the id of the application saved, or 0 when nothing was. */
bool dlg_app_run(struct tui *t, enum action a, long long id, long long *saved);

/* What the forms share (dlg_event.c uses them too). */
struct app;
struct form;
/* Checks a with app_check and marks its problems on the form; true when it may be saved
 * (no errors, and any warnings already shown once). */
bool dlg_app_check(struct tui *t, struct form *fm, const struct app *a);
/* Saves a (insert when it has no id yet, else update with reason); on failure the store's
 * Chinese lines go under the form and into the status line. */
bool dlg_app_write(struct tui *t, struct form *fm, struct app *a, const char *reason);
/* The choices of a code set after a first item meaning "none" (e.g. 尚未审结), for a choice
 * field whose index 0 is none: index i + 1 is code i. The array is static, one per set. */
const char *const *dlg_app_choices(const struct code_set *set, const char *none, int *n);

#endif
