/*
 * rollup_ui.h — 全市汇总 from the 年报 screen.
 */
#ifndef GK_ROLLUP_UI_H
#define GK_ROLLUP_UI_H

struct tui;

/* Asks for the bodies' files, checks them, and writes their sum for the year to a file. */
void rollup_run(struct tui *t, int year);

#endif
