/*
 * dlg_outcome.c — the outcome tree of table 三 as a picker: groups open and close, leaves carry
 * their article, the row under the cursor is explained in full at the bottom.
 *
 * The tree is read from codes.h (T3_ROW_LIST with its groups), so it has exactly the rows and
 * labels of the printed table.
 */
#include "dlg_outcome.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "doc.h"
#include "draw.h"
#include "input.h"
#include "listview.h"
#include "strbuf.h"
#include "text.h"
#include "tui.h"

#define MAX_NODES (OUTCOME_COUNT + 8)

/* One shown row: a leaf (an outcome row) or a group (its first leaf, group true). */
struct node {
	int row;
	bool group;
};

struct tree {
	bool open[T3_ROWS];   /* by the group's first leaf */
	struct node shown[MAX_NODES];
	size_t n;
	struct listview lv;
	int y0;               /* screen row of the first shown node at the last draw */
};

static bool first_of_group(int row)
{
	const char *g = t3_row_group(row);
	return g && (row == OUTCOME_FIRST || t3_row_group(row - 1) != g);
}

static int group_first(int row)
{
	while (row > OUTCOME_FIRST && t3_row_group(row - 1) &&
	       t3_row_group(row - 1) == t3_row_group(row))
		row--;
	return row;
}

static int group_size(int first)
{
	int n = 0;
	while (first + n <= OUTCOME_LAST && t3_row_group(first + n) == t3_row_group(first))
		n++;
	return n;
}

/* The shown rows: every ungrouped outcome and group, and the leaves of open groups. */
static void build(struct tree *tr)
{
	tr->n = 0;
	for (int row = OUTCOME_FIRST; row <= OUTCOME_LAST; row++) {
		if (!t3_row_group(row)) {
			tr->shown[tr->n++] = (struct node){ row, false };
			continue;
		}
		int first = group_first(row);
		if (first_of_group(row))
			tr->shown[tr->n++] = (struct node){ row, true };
		if (tr->open[first])
			tr->shown[tr->n++] = (struct node){ row, false };
	}
	lv_set_all(&tr->lv, tr->n);
}

static void select_row(struct tree *tr, int row, bool group)
{
	for (size_t i = 0; i < tr->n; i++)
		if (tr->shown[i].row == row && tr->shown[i].group == group)
			lv_select(&tr->lv, i);
}

static void node_label(const struct node *nd, struct strbuf *out)
{
	if (nd->group) {
		int first = group_first(nd->row);
		sb_addf(out, "%s（%d 项）", t3_row_group(first), group_size(first));
	} else if (t3_row_group(nd->row)) {
		sb_addf(out, "    %s", t3_row_label(nd->row));
	} else {
		sb_adds(out, t3_row_label(nd->row));
	}
}

static void draw_node(const struct tree *tr, size_t i, int y, int w)
{
	const struct node *nd = &tr->shown[i];
	bool sel = i == tr->lv.cur;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, sel ? ">" : " ");
	if (nd->group)
		sb_adds(&sb, tr->open[group_first(nd->row)] ? "- " : "+ ");
	else
		sb_adds(&sb, "  ");
	node_label(nd, &sb);
	int lw = w * 11 / 20;
	draw_text(y, 1, lw + 1, sb_str(&sb), sel ? R_SELECTED : nd->group ? R_HEADING : R_NORMAL);
	lw++;   /* a column between the label and its article */
	const char *article = nd->group ? "" : t3_row_article(nd->row);
	draw_text(y, 2 + lw, w - lw, article ? article : "", sel ? R_SELECTED : R_NOTE);
	sb_release(&sb);
}

/* The row under the cursor in full: its label as printed, and its basis. */
static void draw_explain(const struct tree *tr, int y, int h, int w)
{
	const struct node *nd = &tr->shown[tr->lv.cur];
	struct strbuf sb = STRBUF_INIT;
	if (nd->group)
		sb_addf(&sb, "%s：按 Enter 或 Right 展开，选择其中一项", t3_row_group(nd->row));
	else
		sb_addf(&sb, "%s%s%s\n依据：%s\n将出具答复书，依据%s", t3_row_group(nd->row) ?
			t3_row_group(nd->row) : "", t3_row_group(nd->row) ? " › " : "",
			t3_row_label(nd->row), t3_row_article(nd->row),
			doc_answer_basis(nd->row, -1) ? doc_answer_basis(nd->row, -1)
						      : "本机关所写的理由");
	struct text_lines lines = { 0 };
	text_wrap(sb_str(&sb), w, &lines);
	for (int k = 0; k < h && (size_t)k < lines.n; k++)
		draw_text(y + k, 2, w, lines.line[k], R_NORMAL);
	text_lines_release(&lines);
	sb_release(&sb);
}

static void draw_tree(struct tui *t, void *ctx)
{
	(void)t;
	struct tree *tr = ctx;
	int top, height;
	tui_area(&top, &height);
	draw_popup(top, 0, height, COLS, "选择办理结果（表三）");
	int w = COLS - 4, explain = 4, h = height - 3 - explain;
	lv_set_height(&tr->lv, h);
	tr->y0 = top + 1;
	for (int r = 0; r < h && tr->lv.top + (size_t)r < tr->n; r++)
		draw_node(tr, tr->lv.top + (size_t)r, tr->y0 + r, w);
	draw_fill(top + height - 2 - explain, 1, COLS - 2, R_NORMAL);
	draw_explain(tr, top + height - 1 - explain, explain, w);
}

/* Opens or closes the group of the node under the cursor; true when it changed. */
static bool toggle(struct tree *tr, bool open)
{
	const struct node *nd = &tr->shown[tr->lv.cur];
	if (!t3_row_group(nd->row) || (!nd->group && open))
		return false;
	int first = group_first(nd->row);
	if (tr->open[first] == open)
		return false;
	tr->open[first] = open;
	build(tr);
	select_row(tr, first, true);
	return true;
}

static bool tree_move(struct tree *tr, enum action a)
{
	static const struct lv_source none = { NULL, NULL, NULL };
	switch (a) {
	case A_UP: return lv_move(&tr->lv, &none, -1);
	case A_DOWN: return lv_move(&tr->lv, &none, 1);
	case A_PGUP: return lv_page(&tr->lv, &none, -1);
	case A_PGDN: return lv_page(&tr->lv, &none, 1);
	case A_HOME: return lv_select(&tr->lv, 0);
	case A_END: return lv_select(&tr->lv, tr->n - 1);
	default: return false;
	}
}

/* A click selects the node under it and, like Enter, picks a leaf or opens a group. */
static bool clicked(struct tree *tr)
{
	int y, x, wheel;
	if (!input_mouse(&y, &x, &wheel))
		return false;
	if (wheel) {
		tree_move(tr, wheel < 0 ? A_UP : A_DOWN);
		return false;
	}
	long i = (long)tr->lv.top + (y - tr->y0);
	if (y < tr->y0 || i >= (long)tr->lv.top + tr->lv.height || i >= (long)tr->n)
		return false;
	lv_select(&tr->lv, (size_t)i);
	return true;
}

/* The numbers of the printed table: a digit picks the n-th of the top rows (予以公开 1 …
 * 其他处理 6), opening a group; a digit after a group picks its n-th leaf (3 4 → 不予公开4).
 * *group is the first leaf of the group waiting for its digit, or -1. */
static bool tree_digit(struct tree *tr, int key, int *group)
{
	if (key < '1' || key > '9')
		return false;
	int d = key - '0';
	if (*group >= 0 && d <= group_size(*group)) {
		select_row(tr, *group + d - 1, false);
		*group = -1;
		return true;
	}
	int n = 0;
	for (int row = OUTCOME_FIRST; row <= OUTCOME_LAST; row++) {
		if (t3_row_group(row) && !first_of_group(row))
			continue;
		if (++n != d)
			continue;
		*group = -1;
		if (t3_row_group(row)) {
			tr->open[row] = true;
			build(tr);
			*group = row;
		}
		select_row(tr, row, true);
		return true;
	}
	return true;
}

int dlg_outcome_pick(struct tui *t, int initial)
{
	int group = -1;
	struct tree tr;
	memset(&tr, 0, sizeof tr);
	lv_init(&tr.lv, 10, 0);
	if (outcome_is_valid(initial) && t3_row_group(initial))
		tr.open[group_first(initial)] = true;
	build(&tr);
	if (outcome_is_valid(initial))
		select_row(&tr, initial, false);
	tui_push_overlay(draw_tree, &tr, KS_TREE);
	int chosen = -1;
	for (;;) {
		int key = tui_key(t);
		enum action a = key == KM_MOUSE ? (clicked(&tr) ? A_CHOOSE : A_NONE)
						: km_lookup(KS_TREE, key);
		if (a == A_NONE && tree_digit(&tr, key, &group))
			continue;
		if (a != A_NONE)
			group = -1;
		const struct node *nd = &tr.shown[tr.lv.cur];
		if (a == A_CHOOSE && !nd->group) {
			chosen = nd->row;
			break;
		}
		if (a == A_CANCEL)
			break;
		if (a == A_CHOOSE)
			toggle(&tr, !tr.open[group_first(nd->row)]);
		else if (a == A_EXPAND)
			toggle(&tr, true);
		else if (a == A_COLLAPSE)
			toggle(&tr, false);
		else if (a == A_HELP)
			tui_help(t, KS_TREE);
		else
			tree_move(&tr, a);
	}
	tui_pop_overlay();
	return chosen;
}
