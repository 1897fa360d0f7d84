/*
 * listcols.h — the columns of the application list and their widths for a terminal width.
 *
 * At 80 columns every column shows, the narrow ones with short headers and short labels; a
 * wider terminal gives the columns their full widths and 申请人 takes what is left; a narrower
 * one drops 结果, then 类型, then 收到日期, before 申请人 would shrink below its minimum.
 * Columns are separated by one space. Terminal-free: the list screen draws what this lays out.
 */
#ifndef GK_LISTCOLS_H
#define GK_LISTCOLS_H

#include <stdbool.h>

/*       column        header        short     min ideal drop (0: never; 1 goes first) */
#define LISTCOL_LIST(X) \
	X(LC_CASE_NO,  "编号",       "编号",   9, 12, 0) \
	X(LC_RECEIVED, "收到日期",   "收到",   10, 10, 3) \
	X(LC_APPLICANT, "申请人",    "申请人", 8,  0,  0) \
	X(LC_TYPE,     "类型",       "类型",   8,  12, 2) \
	X(LC_STATE,    "状态",       "状态",   8,  10, 0) \
	X(LC_DUE,      "到期日",     "到期日", 10, 10, 0) \
	X(LC_LEFT,     "剩余工作日", "剩余",   4,  10, 0) \
	X(LC_OUTCOME,  "结果",       "结果",   9,  24, 1)

enum listcol {
#define LISTCOL_ENUM(name, header, short_header, min, ideal, drop) name,
	LISTCOL_LIST(LISTCOL_ENUM)
#undef LISTCOL_ENUM
	LC_COUNT
};

struct listcol_layout {
	int n;                      /* columns shown, left to right */
	struct {
		enum listcol col;
		int x, width;           /* where it starts and how wide it is, in display columns */
		const char *header;     /* the full header when it fits, else the short one */
	} c[LC_COUNT];
	int width;                  /* columns used (at most the width asked for) */
};

/* Lays out the list for a terminal `width` columns wide. Below the width that the never-
 * dropped columns need at their minimum, those columns still show and 申请人 shrinks (to one
 * column at least); the result may then be wider than asked, which the caller clips. */
void listcol_layout(int width, struct listcol_layout *out);

/* The index in out->c of column col, or -1 when it is not shown. */
int listcol_find(const struct listcol_layout *l, enum listcol col);

#endif
