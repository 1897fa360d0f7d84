/*
 * dlg_event.h — the events of an application's clock, each a small form: 补正 (b), 征求意见
 * (c), 延期 (x), 信息处理费 (f), 复议/诉讼 (r).
 *
 * Each form offers the next step of its event (the notice, then the reply; the start, then the
 * end) and refuses what the 条例 does not allow a second time (a second 补正 or extension),
 * pointing to e for corrections. The dates are checked by app_check (clock_check): an
 * extension after the due date is refused there.
 */
#ifndef GK_DLG_EVENT_H
#define GK_DLG_EVENT_H

#include <stdbool.h>

#include "keymap.h"

struct app;
struct tui;

/* Runs the event form of action a (A_CORRECTION … A_REVIEW) on a (as read from the store).
 * Returns false when a is not an event action; *saved is a's id when something was saved. */
bool dlg_event_run(struct tui *t, enum action a, const struct app *app, long long *saved);

#endif
