/*
 * dlg_rollup.h — 全市汇总 from the 年报 screen.
 */
#ifndef GK_DLG_ROLLUP_H
#define GK_DLG_ROLLUP_H

struct tui;

/* Asks for the bodies' files, checks them, and writes their sum for the year to a file. */
void dlg_rollup_run(struct tui *t, int year);

#endif
