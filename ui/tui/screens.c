/*
 * screens.c — the interface's entry point: the screens of the top line, in the order their
 * keys (1–5) choose them, given to the main loop (tui.c), which knows none of them by name.
 */
#include "tui.h"

#include "scr_calendar.h"
#include "scr_list.h"
#include "scr_report.h"
#include "scr_settings.h"
#include "scr_tally.h"

enum status tui_main(struct store *s, int today)
{
	static const struct view_ops *const screens[] = {
		&scr_list_ops, &scr_tally_ops, &scr_report_ops, &scr_calendar_ops,
		&scr_settings_ops,
	};
	return tui_run(s, today, screens, sizeof screens / sizeof screens[0]);
}
