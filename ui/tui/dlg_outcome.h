/*
 * dlg_outcome.h — picking how an application ended from the tree of table 三.
 *
 * 予以公开 and 部分公开 stand alone; 不予公开 › 1–8, 无法提供 › 1–3, 不予处理 › 1–5 and
 * 其他处理 › 1–3 open like folders. Each leaf shows the article of the 条例 it rests on
 * (t3_row_article), and the one under the cursor is spelled out in full below, so a clerk who
 * does not remember the rows can still classify correctly.
 */
#ifndef GK_DLG_OUTCOME_H
#define GK_DLG_OUTCOME_H

struct tui;

/* Runs the picker starting at initial (an outcome row, or -1); returns the outcome chosen,
 * or -1 when the clerk pressed Esc. */
int dlg_outcome_pick(struct tui *t, int initial);

#endif
