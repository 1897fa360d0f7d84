/*
 * cmds.h — the command functions the table in commands.c dispatches to.
 */
#ifndef GK_CMDS_H
#define GK_CMDS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

struct report;

cli_fn cmd_import, cmd_export, cmd_report, cmd_check, cmd_office, cmd_list, cmd_due,
	cmd_calendar, cmd_add, cmd_set, cmd_show, cmd_lock, cmd_unlock, cmd_audit, cmd_backup,
	cmd_restore, cmd_table2, cmd_rollup;

/* The formats of a report, and writing reports in one (cmd_report.c): xlsx writes one sheet
 * per report, the others the first report only. */
enum report_format { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_HTML, FMT_XLSX };
bool cli_report_format(const char *s, enum report_format *f);
int cli_report_write(const struct report *const *reps, size_t n, enum report_format fmt,
		     const char *out_path);

#endif
