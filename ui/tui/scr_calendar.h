/*
 * scr_calendar.h — screen 4, 节假日: the working-day calendar of a year, and adding a year's notice.
 */
#ifndef GK_SCR_CALENDAR_H
#define GK_SCR_CALENDAR_H

#include "tui.h"

extern const struct view_ops scr_calendar_ops;

#endif
