/*
 * scr_detail.h — 详情: one application in full, its clock and its history.
 */
#ifndef GK_SCR_DETAIL_H
#define GK_SCR_DETAIL_H

#include "tui.h"

extern const struct view_ops scr_detail_ops;

/* Opens the detail screen of application id on top of the current screen. */
void scr_detail_open(struct tui *t, long long id);

#endif
