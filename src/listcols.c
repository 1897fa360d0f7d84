/*
 * listcols.c — which columns of the application list show, and how wide, for a terminal width.
 *
 * Columns start at their minimum; those with a drop order leave, first to last, until the rest
 * fit; the room left is handed out in the order of `growth` (申请人 first, so a name is readable
 * at 80 columns), and whatever remains goes to 申请人.
 */
#include "listcols.h"

#include "text.h"

static const struct {
	const char *header, *short_header;
	int min, ideal, drop;
} spec[LC_COUNT] = {
#define LISTCOL_ROW(name, header, short_header, min, ideal, drop) \
	[name] = { header, short_header, min, ideal, drop },
	LISTCOL_LIST(LISTCOL_ROW)
#undef LISTCOL_ROW
};

/* Where the room beyond the minimums goes first: each column up to a width. */
static const struct {
	enum listcol col;
	int upto;
} growth[] = {
	{ LC_APPLICANT, 13 }, { LC_STATE, 10 }, { LC_TYPE, 12 }, { LC_OUTCOME, 16 },
	{ LC_CASE_NO, 12 }, { LC_LEFT, 10 }, { LC_OUTCOME, 24 },
};

static int needed(const bool shown[LC_COUNT])
{
	int w = 0, n = 0;
	for (int c = 0; c < LC_COUNT; c++)
		if (shown[c]) {
			w += spec[c].min;
			n++;
		}
	return n ? w + n - 1 : 0;
}

/* Drops the shown column that goes first; false when none may go. */
static bool drop_one(bool shown[LC_COUNT])
{
	int best = -1;
	for (int c = 0; c < LC_COUNT; c++)
		if (shown[c] && spec[c].drop > 0 && (best < 0 || spec[c].drop < spec[best].drop))
			best = c;
	if (best < 0)
		return false;
	shown[best] = false;
	return true;
}

static void grow(const bool shown[LC_COUNT], int widths[LC_COUNT], int extra)
{
	for (size_t i = 0; i < sizeof growth / sizeof growth[0] && extra > 0; i++) {
		enum listcol c = growth[i].col;
		if (!shown[c] || widths[c] >= growth[i].upto)
			continue;
		int add = growth[i].upto - widths[c];
		if (add > extra)
			add = extra;
		widths[c] += add;
		extra -= add;
	}
	widths[LC_APPLICANT] += extra;
}

void listcol_layout(int width, struct listcol_layout *out)
{
	bool shown[LC_COUNT];
	int widths[LC_COUNT];
	for (int c = 0; c < LC_COUNT; c++) {
		shown[c] = true;
		widths[c] = spec[c].min;
	}
	while (needed(shown) > width && drop_one(shown))
		;
	int extra = width - needed(shown);
	if (extra >= 0) {
		grow(shown, widths, extra);
	} else {
		widths[LC_APPLICANT] += extra;
		if (widths[LC_APPLICANT] < 1)
			widths[LC_APPLICANT] = 1;
	}
	out->n = 0;
	int x = 0;
	for (int c = 0; c < LC_COUNT; c++) {
		if (!shown[c])
			continue;
		if (out->n)
			x++;
		out->c[out->n].col = c;
		out->c[out->n].x = x;
		out->c[out->n].width = widths[c];
		out->c[out->n].header = text_width(spec[c].header) <= widths[c] ? spec[c].header
										   : spec[c].short_header;
		out->n++;
		x += widths[c];
	}
	out->width = x;
}

int listcol_find(const struct listcol_layout *l, enum listcol col)
{
	for (int i = 0; i < l->n; i++)
		if (l->c[i].col == col)
			return i;
	return -1;
}
