/*
 * scr_report.h — screen 3, 年报: tables 二 (editable), 三 and 四, the sentences, and exports.
 */
#ifndef GK_SCR_REPORT_H
#define GK_SCR_REPORT_H

#include "tui.h"

extern const struct view_ops scr_report_ops;

#endif
