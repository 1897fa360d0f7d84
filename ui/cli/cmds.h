/*
 * cmds.h — the command functions the table in commands.c dispatches to.
 */
#ifndef GK_CMDS_H
#define GK_CMDS_H

#include "cli.h"

cli_fn cmd_init, cmd_import, cmd_export, cmd_report, cmd_check, cmd_office, cmd_list, cmd_due,
	cmd_calendar, cmd_add, cmd_set, cmd_show, cmd_lock, cmd_unlock, cmd_audit, cmd_backup,
	cmd_restore, cmd_table2, cmd_rollup, cmd_doc, cmd_template, cmd_section, cmd_fee,
	cmd_void;

#endif
