/*
 * form.h — a form of labelled fields: text, dates, choices from a list, an outcome from the
 * tree of table 三; each field's problems shown under it; 保存 and 取消.
 *
 * A screen builds a form, gives it a save function, and runs it. The save function reads the
 * fields, checks them (app_check, clock_check), marks what is wrong on the fields it concerns,
 * and writes (one store call, its own transaction); it returns true when the form may close.
 * Esc asks before throwing away what was typed. Choices are picked from a list (or stepped with
 * Left/Right), never typed as codes.
 */
#ifndef GK_FORM_H
#define GK_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "keymap.h"
#include "lineedit.h"
#include "textarea.h"

struct app_problems;
struct tui;

enum field_kind { FK_TEXT, FK_DATE, FK_NUMBER, FK_CHOICE, FK_OUTCOME, FK_INFO, FK_HEADING };

struct form_field {
	enum field_kind kind;
	char *label;
	int app_field;          /* the enum app_field the checks name it by, or -1 */
	struct lineedit le;     /* FK_TEXT, FK_DATE, FK_NUMBER */
	char **choices;         /* FK_CHOICE: the form's own copy of the items */
	int nchoices, choice;   /* FK_CHOICE: the index chosen, -1 for none */
	bool none_first;        /* FK_CHOICE: item 0 means "no value" (尚未审结, 未填写) */
	int outcome;            /* FK_OUTCOME: an outcome row, -1 for none */
	char *info;             /* FK_INFO: its text (NULL: the line is not shown); otherwise a
				 * note shown after the field */
	bool notice;            /* FK_INFO: drawn as a notice to heed (可能重复) */
	char *problem;          /* shown under the field */
	bool warning;           /* the problem is a warning, not an error */
	bool changed;           /* a choice or outcome was changed (text: le.changed) */
	bool multiline;         /* FK_TEXT: a box of several rows, Enter a line break (申请内容) */
	int area_top;           /* multiline: the first row of the text shown in the box */
	int area_width;         /* multiline: the box's text columns at the last draw */
	int area_max;           /* multiline: the most rows the box grows to (0: 6) */
	struct ta_row *rows;    /* multiline: its text's rows at the last draw, owned */
	size_t nrows;
	int y;                  /* its screen row at the last draw, -1 when not shown */
};

struct form;
typedef bool form_save_fn(struct tui *t, struct form *fm, void *ctx);
typedef void form_changed_fn(struct form *fm, int field, void *ctx);
typedef void form_left_fn(struct tui *t, struct form *fm, int field, void *ctx);
typedef bool form_action_fn(struct tui *t, struct form *fm, enum action a, void *ctx);

struct form {
	char *title;
	struct form_field *f;
	int n, cap;
	int focus;              /* a field, or n for 保存, n + 1 for 取消 */
	int scroll;             /* the first row shown */
	struct diag general;    /* problems that name no field of this form */
	bool warned;            /* warnings were shown once; the next save accepts them */
	form_save_fn *save;
	form_changed_fn *changed;   /* after a field changed (e.g. to recompute a fee); may be NULL */
	form_left_fn *left;         /* after the focus left a field (for work too slow for every
				     * key, e.g. looking for possible duplicates); may be NULL */
	form_action_fn *action;     /* an action of `scope` the form has none of its own for;
				     * true when it was handled; may be NULL */
	enum km_scope scope;        /* its keys: KS_FORM, or a scope whose parent is KS_FORM */
	void *ctx;
	int buttons_y, save_x, cancel_x;   /* where the buttons were drawn */
};

void form_init(struct form *fm, const char *title, form_save_fn *save, void *ctx);
void form_release(struct form *fm);

/* Adding fields; each returns the field's index. Dates are day numbers (DATE_NONE: empty). */
int form_text(struct form *fm, const char *label, int app_field, const char *initial,
	      size_t max);
int form_date(struct form *fm, const char *label, int app_field, int date);
int form_number(struct form *fm, const char *label, int app_field, const char *initial);
/* A choice among n items (copied: the form owns its list); initial -1 for none. */
int form_choice(struct form *fm, const char *label, int app_field, const char *const *choices,
		int n, int initial);
int form_outcome(struct form *fm, const char *label, int app_field, int outcome);
int form_info(struct form *fm, const char *label, const char *text);
int form_heading(struct form *fm, const char *text);

/* A note shown after a field (e.g. "YYYY-MM-DD", or what a choice means); NULL clears it.
 * For an FK_INFO field, its text. */
void form_note(struct form *fm, int i, const char *text);
/* Replaces a text field's content (e.g. a recomputed amount). */
void form_set_text(struct form *fm, int i, const char *text);
/* Makes a text field a box of 3 to 6 rows that wraps its text (textarea.h): Enter or Ctrl-J is
 * a line break, Up/Down move a row inside it, Home/End go to the row's ends, Tab leaves it. */
void form_set_multiline(struct form *fm, int i);
/* Lets a text box grow to `rows` rows (default 6), for a long text such as a report's section. */
void form_set_area_rows(struct form *fm, int i, int rows);

/* Reading fields. form_get_date gives DATE_NONE for an empty field; on a date it cannot read
 * it marks the field and returns false. form_get_int likewise for a whole number in lo..hi
 * (empty: *out = -1). */
char *form_get_text(const struct form *fm, int i);
bool form_get_date(struct form *fm, int i, int *out);
bool form_get_int(struct form *fm, int i, long long lo, long long hi, long long *out);
int form_get_choice(const struct form *fm, int i);
int form_get_outcome(const struct form *fm, int i);

/* Problems: on a field, or in the general area below the buttons. */
void form_problem(struct form *fm, int i, bool warning, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void form_clear_problems(struct form *fm);
/* The problems of app_check on the fields they name; any other goes to the general area with
 * its field's name. Returns true when there is an error. */
bool form_app_problems(struct form *fm, const struct app_problems *p);
/* True when the form may save despite its warnings: there are none, or they were shown on the
 * last attempt (then the clerk saves again to accept them). */
bool form_warnings_seen(struct form *fm);
/* True when any field was changed since the form was built. */
bool form_changed(const struct form *fm);

/* Runs the form until it is saved (true) or given up (false). */
bool form_run(struct tui *t, struct form *fm);

#endif
