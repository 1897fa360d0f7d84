/*
 * scr_settings.h — screen 5, 设置: the office's settings (office.h), the database file, and
 * editing the settings in one form.
 */
#ifndef GK_SCR_SETTINGS_H
#define GK_SCR_SETTINGS_H

#include "tui.h"

extern const struct view_ops scr_settings_ops;

#endif
