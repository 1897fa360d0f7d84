/*
 * draw.c — colours and column-exact text on the curses screen.
 *
 * The roles of draw.h map to colour pairs when the terminal has colours and NO_COLOR is not
 * set, and always carry an attribute that tells them apart in monochrome: the cursor row is
 * reversed, late rows bold, the chrome reversed, so nothing depends on colour alone.
 */
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "strbuf.h"

static bool use_color;

static const struct {
	short fg, bg;
	int mono;   /* the attribute without colour (and added to the colour) */
} roles[R_COUNT] = {
	[R_NORMAL] = { -1, -1, A_NORMAL },
	[R_TAB] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE },
	[R_TAB_ACTIVE] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
	[R_STATUS] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE },
	[R_HINT] = { -1, -1, A_NORMAL },
	[R_HINT_KEY] = { COLOR_CYAN, -1, A_BOLD },
	[R_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE },
	[R_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
	[R_LATE] = { COLOR_RED, -1, A_BOLD },
	[R_SOON] = { COLOR_YELLOW, -1, A_UNDERLINE },
	[R_DONE] = { -1, -1, A_NORMAL },
	[R_ERROR] = { COLOR_RED, -1, A_BOLD },
	[R_WARNING] = { COLOR_YELLOW, -1, A_BOLD },
	[R_GOOD] = { COLOR_GREEN, -1, A_BOLD },
	[R_HEADING] = { COLOR_CYAN, -1, A_BOLD },
	[R_POPUP] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE },
	[R_FIELD] = { -1, -1, A_UNDERLINE },
	[R_FIELD_FOCUS] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
	[R_NOTE] = { -1, -1, A_DIM },
	[R_BAR] = { COLOR_CYAN, -1, A_NORMAL },
	[R_BAR2] = { COLOR_GREEN, -1, A_NORMAL },
};

void draw_init(void)
{
	const char *no = getenv("NO_COLOR");
	use_color = !(no && *no) && has_colors() && start_color() == OK;
	if (!use_color)
		return;
	use_default_colors();
	for (int r = 1; r < R_COUNT; r++)
		init_pair((short)r, roles[r].fg, roles[r].bg);
}

bool draw_has_color(void)
{
	return use_color;
}

int draw_attr(enum draw_role r)
{
	if (!use_color || (roles[r].fg < 0 && roles[r].bg < 0))
		return roles[r].mono;
	/* with colour the pair carries the background: reverse would swap it back */
	int mono = roles[r].mono & ~A_REVERSE;
	if (r == R_SOON)
		mono &= ~A_UNDERLINE;
	return (int)COLOR_PAIR(r) | mono;
}

void draw_text_align(int y, int x, int width, const char *s, enum text_align align,
		     enum draw_role r)
{
	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	struct strbuf sb = STRBUF_INIT;
	text_fit_align(s ? s : "", width, align, &sb);
	attrset(draw_attr(r));
	mvaddstr(y, x, sb_str(&sb));
	attrset(A_NORMAL);
	sb_release(&sb);
}

void draw_text(int y, int x, int width, const char *s, enum draw_role r)
{
	draw_text_align(y, x, width, s, TEXT_LEFT, r);
}

int draw_str(int y, int x, int max, const char *s, enum draw_role r)
{
	int w = text_width(s);
	if (w > max)
		w = max;
	draw_text(y, x, w, s, r);
	return w;
}

void draw_fill(int y, int x, int width, enum draw_role r)
{
	draw_text(y, x, width, "", r);
}

void draw_popup(int y, int x, int h, int w, const char *title)
{
	/* the rows it covers are cleared the whole width, so nothing of the screen under it is
	 * left beside it to be read as part of it; the box is drawn with + - |, which every
	 * terminal and font shows (and a screen read back as text keeps) */
	for (int i = 0; i < h; i++)
		draw_fill(y + i, 0, COLS, R_NORMAL);
	struct strbuf edge = STRBUF_INIT;
	sb_adds(&edge, "+");
	sb_repeat(&edge, "-", w - 2);
	sb_adds(&edge, "+");
	for (int i = 0; i < h; i++) {
		if (i == 0 || i == h - 1) {
			draw_text(y + i, x, w, sb_str(&edge), R_POPUP);
			continue;
		}
		draw_text(y + i, x, 1, "|", R_POPUP);
		draw_fill(y + i, x + 1, w - 2, R_NORMAL);
		draw_text(y + i, x + w - 1, 1, "|", R_POPUP);
	}
	sb_release(&edge);
	if (title && *title) {
		int tw = text_width(title) + 2;
		if (tw > w - 2)
			tw = w - 2;
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, " %s ", title);
		draw_text_align(y, x + (w - tw) / 2, tw, sb_str(&sb), TEXT_CENTER, R_POPUP);
		sb_release(&sb);
	}
}

void draw_too_small(int min_cols, int min_lines)
{
	erase();
	char line1[128], line2[128];
	snprintf(line1, sizeof line1, "终端窗口太小：%d 列 %d 行", COLS, LINES);
	snprintf(line2, sizeof line2, "请放大到至少 %d 列 %d 行", min_cols, min_lines);
	int y = LINES / 2 - 1;
	draw_text_align(y < 0 ? 0 : y, 0, COLS, line1, TEXT_CENTER, R_WARNING);
	if (y + 1 < LINES)
		draw_text_align(y + 1, 0, COLS, line2, TEXT_CENTER, R_NORMAL);
}
