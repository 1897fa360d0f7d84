/*
 * tui.h — the terminal interface (tui.md).
 */
#ifndef GK_TUI_H
#define GK_TUI_H

struct cli;

/* Runs the interface on the database of c until the clerk quits; returns the exit status. */
int tui_main(struct cli *c);

#endif
