/*
 * input.h — keys from the terminal, as keymap.h's key codes, and the signals that end the
 * program.
 *
 * Input is read with wget_wch, so a Chinese character typed through the terminal's input
 * method arrives as one code point. SIGINT, SIGTERM and SIGHUP only set a flag in their handler;
 * input_key sees it on its next turn (it never waits longer than its timeout) and calls the
 * exit function the interface gave, which restores the terminal outside the handler.
 */
#ifndef GK_INPUT_H
#define GK_INPUT_H

#include <stdbool.h>

/* Installs the signal handlers (before initscr, so curses keeps them) and the function that
 * input_key calls when one arrived: it receives the signal's number and must not return. */
void input_signals(void (*on_signal)(int sig));

/* Sets up the terminal's input after initscr: keypad, no echo, mouse clicks, a short Esc. */
void input_init(void);

/* Waits at most timeout_ms (negative: until a key) and returns a key (enum km_key or a code
 * point), KM_TIMEOUT when nothing came, KM_RESIZE after the terminal changed size, KM_MOUSE
 * for a mouse event (see input_mouse). */
int input_key(int timeout_ms);

/* The last mouse event: where, and whether it was a click of the first button or a turn of
 * the wheel (wheel: -1 up, +1 down, 0 none). False when there was none. */
bool input_mouse(int *y, int *x, int *wheel);

#endif
