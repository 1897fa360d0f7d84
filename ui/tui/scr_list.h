/*
 * scr_list.h — screen 1, 申请列表: the applications, a page at a time.
 */
#ifndef GK_SCR_LIST_H
#define GK_SCR_LIST_H

#include "tui.h"

extern const struct view_ops scr_list_ops;

#endif
