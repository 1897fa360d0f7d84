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

#include "keymap.h"

struct tui;

/* Runs the form of action a on application id (0 for A_NEW). Returns false when a is not one
 * of these actions. *saved is the id of the application saved, or 0 when nothing was. */
bool dlg_app_run(struct tui *t, enum action a, long long id, long long *saved);

#endif
