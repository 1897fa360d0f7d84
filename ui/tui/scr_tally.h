/*
 * scr_tally.h — screen 2, 年度统计: table 三 and 四 of a year, the balance check, and charts.
 */
#ifndef GK_SCR_TALLY_H
#define GK_SCR_TALLY_H

#include "tui.h"

extern const struct view_ops scr_tally_ops;

#endif
