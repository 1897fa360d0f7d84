/*
 * input.c — reading keys with wget_wch and translating curses' key codes into keymap's, and
 * turning SIGINT, SIGTERM and SIGHUP into an orderly exit outside the signal handler.
 */
#include "input.h"

#include <curses.h>
#include <signal.h>
#include <string.h>

#include "keymap.h"

static volatile sig_atomic_t got_signal;
static void (*exit_fn)(int sig);
static MEVENT last_mouse;
static bool have_mouse;

static void on_signal(int sig)
{
	got_signal = sig;   /* nothing else is safe here; input_key does the rest */
}

void input_signals(void (*fn)(int sig))
{
	exit_fn = fn;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;   /* no SA_RESTART: a blocked read returns at once */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

void input_init(void)
{
	/* raw: Ctrl-C comes as a key (a form takes it as Esc, elsewhere the program asks before
	 * quitting) instead of ending the program and the clerk's typing; a SIGINT sent by kill
	 * still ends it cleanly (input_signals) */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* Home and End as PuTTY, tmux, screen and rxvt send them, whatever TERM says */
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME },
		{ "\033[8~", KEY_END }, { "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) <= 0)
			define_key(extra[i].seq, extra[i].key);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

static void check_signal(void)
{
	if (got_signal && exit_fn)
		exit_fn(got_signal);
}

static int function_key(wint_t k)
{
	static const struct {
		int curses, km;
	} map[] = {
		{ KEY_UP, KM_UP }, { KEY_DOWN, KM_DOWN }, { KEY_LEFT, KM_LEFT },
		{ KEY_RIGHT, KM_RIGHT }, { KEY_PPAGE, KM_PGUP }, { KEY_NPAGE, KM_PGDN },
		{ KEY_HOME, KM_HOME }, { KEY_END, KM_END }, { KEY_BACKSPACE, KM_BACKSPACE },
		{ KEY_DC, KM_DELETE }, { KEY_IC, KM_INSERT }, { KEY_BTAB, KM_BTAB },
		{ KEY_ENTER, KM_ENTER }, { KEY_RESIZE, KM_RESIZE }, { KEY_A1, KM_HOME },
		{ KEY_C1, KM_END }, { KEY_A3, KM_PGUP }, { KEY_C3, KM_PGDN },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if ((int)k == map[i].curses)
			return map[i].km;
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return KM_F1 + (int)(k - KEY_F(1));
	if (k == KEY_MOUSE) {
		have_mouse = getmouse(&last_mouse) == OK;
		return have_mouse ? KM_MOUSE : KM_NONE;
	}
	return KM_NONE;
}

static int char_key(wint_t c)
{
	switch (c) {
	case '\r':
		return KM_ENTER;
	case '\n':
		return KM_NEWLINE;   /* Ctrl-J, or a line of pasted text ending */
	case 127:
	case 8:
		return KM_BACKSPACE;
	default:
		return (int)c;
	}
}

int input_key(int timeout_ms)
{
	for (;;) {
		check_signal();
		timeout(timeout_ms);
		wint_t c;
		int rc = wget_wch(stdscr, &c);
		check_signal();
		if (rc == ERR)
			return KM_TIMEOUT;
		int key = rc == KEY_CODE_YES ? function_key(c) : char_key(c);
		if (key != KM_NONE)
			return key;
	}
}

bool input_mouse(int *y, int *x, int *wheel)
{
	if (!have_mouse)
		return false;
	*y = last_mouse.y;
	*x = last_mouse.x;
	*wheel = (last_mouse.bstate & BUTTON4_PRESSED) ? -1
	       : (last_mouse.bstate & BUTTON5_PRESSED) ? 1 : 0;
	return true;
}
