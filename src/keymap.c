/*
 * keymap.c — the key tables of the interface and what is generated from them.
 *
 * One table per scope, in the order the hint bar lists its keys. The interface never tests a
 * key itself: it asks km_lookup for the action, so a key changed here changes the screens, the
 * hint bar and the help screen together.
 */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "annual.h"
#include "report_format.h"
#include "text.h"

static const struct {
	const char *hint, *help;
} actions[A_COUNT] = {
#define ACTION_ROW(name, hint, help) [name] = { hint, help },
	ACTION_LIST(ACTION_ROW)
#undef ACTION_ROW
};

static const char *const scope_titles[KS_COUNT] = {
#define SCOPE_ROW(name, title) [name] = title,
	SCOPE_LIST(SCOPE_ROW)
#undef SCOPE_ROW
};

#define B(key, action, hint) { key, action, hint }

/* Moving in a list: shared by the scopes that show one. */
#define MOVE_KEYS \
	B(KM_UP, A_UP, false), B('k', A_UP, false), B(KM_DOWN, A_DOWN, false), \
	B('j', A_DOWN, false), B(KM_PGUP, A_PGUP, false), B(KM_PGDN, A_PGDN, false), \
	B(KM_HOME, A_HOME, false), B(KM_END, A_END, false)

/* Editing one line of text: shared by forms and prompts. */
#define EDIT_KEYS \
	B(KM_LEFT, A_CURSOR_LEFT, false), B(KM_RIGHT, A_CURSOR_RIGHT, false), \
	B(KM_HOME, A_CURSOR_HOME, false), B(KM_CTRL('a'), A_CURSOR_HOME, false), \
	B(KM_END, A_CURSOR_END, false), B(KM_CTRL('e'), A_CURSOR_END, false), \
	B(KM_BACKSPACE, A_DELETE_BACK, false), B(KM_DELETE, A_DELETE, false), \
	B(KM_CTRL('d'), A_DELETE, false), B(KM_CTRL('u'), A_CLEAR, false)

/* The keys of one application, on the list and on its detail screen. */
#define APP_KEYS \
	B('a', A_ANSWER, true), B('e', A_EDIT, true), B('b', A_CORRECTION, true), \
	B('c', A_CONSULT, true), B('x', A_EXTEND, true), B('f', A_FEE, true), \
	B('r', A_REVIEW, true), B('u', A_REOPEN, true), B('d', A_DOCS, true), \
	B('v', A_VOID, false)

#define YEAR_KEYS \
	B('[', A_YEAR_PREV, true), B(']', A_YEAR_NEXT, true), B(KM_LEFT, A_YEAR_PREV, false), \
	B(KM_RIGHT, A_YEAR_NEXT, false), B('y', A_YEAR, true)

static const struct km_binding global_keys[] = {
	B(KM_F1, A_HELP, true), B('?', A_HELP, false), B('q', A_QUIT, true), B(KM_F10, A_QUIT, false),
	B('1', A_SCREEN_LIST, false), B('2', A_SCREEN_TALLY, false),
	B('3', A_SCREEN_REPORT, false), B('4', A_SCREEN_CAL, false), B('5', A_SCREEN_SETTINGS, false),
	MOVE_KEYS, B(KM_CTRL('l'), A_REDRAW, false), B(KM_CTRL('c'), A_QUIT_ASK, false),
};

/* The list's most used keys first: they are the ones an 80-column hint bar has room for. */
static const struct km_binding list_keys[] = {
	B('n', A_NEW, true), B(KM_ENTER, A_OPEN, true), B('a', A_ANSWER, true),
	B('/', A_SEARCH, true), B('s', A_FILTER, true), B('e', A_EDIT, true),
	B('b', A_CORRECTION, true), B('c', A_CONSULT, true), B('x', A_EXTEND, true),
	B('f', A_FEE, true), B('r', A_REVIEW, true), B('u', A_REOPEN, true),
	B('d', A_DOCS, true), B('v', A_VOID, false), B('t', A_AGENDA, false),
	B(KM_TAB, A_FILTER_NEXT, false),
	B(KM_BTAB, A_FILTER_PREV, false), YEAR_KEYS,
};

static const struct km_binding search_keys[] = {
	B('n', A_SEARCH_NEXT, true), B('N', A_SEARCH_PREV, true), B(KM_ESC, A_SEARCH_END, true),
};

#define SIDEWAYS_KEYS B('>', A_SCROLL_RIGHT, true), B('<', A_SCROLL_LEFT, true)

static const struct km_binding tally_keys[] = { YEAR_KEYS, SIDEWAYS_KEYS };

static const struct km_binding report_keys[] = {
	B('t', A_SECTION, true), B('e', A_TABLE2, true), B('x', A_EXPORT, true),
	B('h', A_ROLLUP, true), YEAR_KEYS, SIDEWAYS_KEYS,
};

static const struct km_binding calendar_keys[] = {
	B('i', A_CAL_IMPORT, true), B('a', A_CAL_DAY, true), B(KM_ENTER, A_CAL_DAY, false),
	YEAR_KEYS,
};

static const struct km_binding settings_keys[] = {
	B('e', A_SETTINGS_EDIT, true), B(KM_ENTER, A_SETTINGS_EDIT, false),
};

static const struct km_binding detail_keys[] = {
	B(KM_ESC, A_BACK, true), B('p', A_PERSONAL, true), APP_KEYS,
};

static const struct km_binding docs_keys[] = {
	B(KM_ESC, A_BACK, true), B(KM_ENTER, A_DOC_PREVIEW, true), B('i', A_DOC_ISSUE, true),
	B('w', A_DOC_WRITE, true), B('v', A_DOC_VOID, true),
};

static const struct km_binding doc_view_keys[] = {
	B(KM_ESC, A_BACK, true), B('w', A_DOC_WRITE, true),
};

static const struct km_binding help_keys[] = {
	B(KM_ESC, A_BACK, true), B('q', A_BACK, false), B(KM_F1, A_BACK, false), MOVE_KEYS,
	B(KM_CTRL('c'), A_BACK, false),
};

static const struct km_binding form_keys[] = {
	B(KM_F2, A_SAVE, true), B(KM_ESC, A_CANCEL, true), B(KM_TAB, A_FIELD_NEXT, true),
	B(KM_DOWN, A_FIELD_NEXT, false), B(KM_BTAB, A_FIELD_PREV, false),
	B(KM_UP, A_FIELD_PREV, false), B(KM_PGDN, A_PGDN, false), B(KM_PGUP, A_PGUP, false),
	B(KM_ENTER, A_CHOOSE, true), B(KM_F1, A_HELP, true),
	B(KM_F10, A_CANCEL, false), EDIT_KEYS, B(KM_NEWLINE, A_NEWLINE, false),
	B(KM_CTRL('c'), A_CANCEL, false),
};

/* The form of an application (新建, 修改), over every form's keys. */
/* the earlier applications a new one may repeat (F3 in 填写申请): read like help */
static const struct km_binding dup_keys[] = {
	B(KM_ENTER, A_BACK, true),
};

static const struct km_binding app_form_keys[] = {
	B(KM_F3, A_DUP_SHOW, false),
};

static const struct km_binding pick_keys[] = {
	B(KM_ENTER, A_CHOOSE, true), B(KM_ESC, A_CANCEL, true), B(KM_F1, A_HELP, true), MOVE_KEYS,
	B(KM_CTRL('c'), A_CANCEL, false),
};

static const struct km_binding tree_keys[] = {
	B(KM_ENTER, A_CHOOSE, true), B(KM_RIGHT, A_EXPAND, true), B(KM_LEFT, A_COLLAPSE, true),
	B(KM_ESC, A_CANCEL, true), B(KM_F1, A_HELP, true), MOVE_KEYS,
	B(KM_CTRL('c'), A_CANCEL, false),
};

static const struct km_binding prompt_keys[] = {
	B(KM_ENTER, A_OK, true), B(KM_ESC, A_CANCEL, true), EDIT_KEYS,
	B(KM_CTRL('c'), A_CANCEL, false),
};

static const struct km_binding confirm_keys[] = {
	B('y', A_YES, true), B('n', A_NO, true), B(KM_ESC, A_NO, false),
	B(KM_CTRL('c'), A_NO, false),
};

#undef B

static const struct {
	const struct km_binding *v;
	size_t n;
	int parent;
} tables[KS_COUNT] = {
	[KS_GLOBAL] = { global_keys, sizeof global_keys / sizeof global_keys[0], -1 },
	[KS_LIST] = { list_keys, sizeof list_keys / sizeof list_keys[0], KS_GLOBAL },
	[KS_SEARCH] = { search_keys, sizeof search_keys / sizeof search_keys[0], KS_LIST },
	[KS_TALLY] = { tally_keys, sizeof tally_keys / sizeof tally_keys[0], KS_GLOBAL },
	[KS_REPORT] = { report_keys, sizeof report_keys / sizeof report_keys[0], KS_GLOBAL },
	[KS_CALENDAR] = { calendar_keys, sizeof calendar_keys / sizeof calendar_keys[0],
			  KS_GLOBAL },
	[KS_SETTINGS] = { settings_keys, sizeof settings_keys / sizeof settings_keys[0],
			  KS_GLOBAL },
	[KS_DETAIL] = { detail_keys, sizeof detail_keys / sizeof detail_keys[0], KS_GLOBAL },
	[KS_DOCS] = { docs_keys, sizeof docs_keys / sizeof docs_keys[0], KS_GLOBAL },
	[KS_DOC_VIEW] = { doc_view_keys, sizeof doc_view_keys / sizeof doc_view_keys[0], KS_GLOBAL },
	[KS_HELP] = { help_keys, sizeof help_keys / sizeof help_keys[0], -1 },
	[KS_DUP] = { dup_keys, sizeof dup_keys / sizeof dup_keys[0], KS_HELP },
	[KS_FORM] = { form_keys, sizeof form_keys / sizeof form_keys[0], -1 },
	[KS_APP_FORM] = { app_form_keys, sizeof app_form_keys / sizeof app_form_keys[0], KS_FORM },
	[KS_PICK] = { pick_keys, sizeof pick_keys / sizeof pick_keys[0], -1 },
	[KS_TREE] = { tree_keys, sizeof tree_keys / sizeof tree_keys[0], -1 },
	[KS_PROMPT] = { prompt_keys, sizeof prompt_keys / sizeof prompt_keys[0], -1 },
	[KS_CONFIRM] = { confirm_keys, sizeof confirm_keys / sizeof confirm_keys[0], -1 },
};

const char *action_hint(enum action a)
{
	return (unsigned)a < A_COUNT ? actions[a].hint : "";
}

const char *action_help(enum action a)
{
	return (unsigned)a < A_COUNT ? actions[a].help : "";
}

/* A form's label up to its parenthesis (Word 文件), after 、 unless it is the first. */
static void add_form_label(struct strbuf *out, const char *label, bool first)
{
	const char *paren = strstr(label, "（");
	if (!first)
		sb_adds(out, "、");
	sb_add(out, label, paren ? (size_t)(paren - label) : strlen(label));
}

void action_help_text(enum action a, struct strbuf *out)
{
	if (a != A_EXPORT) {
		sb_adds(out, action_help(a));
		return;
	}
	/* the forms named from the lists of them (annual_doc.c, report_format.c), so none is
	 * left out */
	sb_adds(out, "导出整份年报（");
	for (const struct annual_format *f = annual_formats; f->name; f++)
		add_form_label(out, f->label, f == annual_formats);
	sb_adds(out, "）、报表（");
	for (const struct report_format *f = report_formats; f->name; f++)
		add_form_label(out, f->label, f == report_formats);
	sb_adds(out, "）或台账到文件");
}

const char *km_scope_title(enum km_scope s)
{
	return (unsigned)s < KS_COUNT ? scope_titles[s] : "";
}

int km_scope_parent(enum km_scope s)
{
	return (unsigned)s < KS_COUNT ? tables[s].parent : -1;
}

const struct km_binding *km_bindings(enum km_scope s, size_t *n)
{
	*n = (unsigned)s < KS_COUNT ? tables[s].n : 0;
	return *n ? tables[s].v : NULL;
}

/* The action key has in scope s alone, or A_NONE. */
static enum action lookup_one(int s, int key)
{
	for (size_t i = 0; i < tables[s].n; i++)
		if (tables[s].v[i].key == key)
			return tables[s].v[i].action;
	return A_NONE;
}

enum action km_lookup(enum km_scope s, int key)
{
	for (int sc = s; sc >= 0 && sc < KS_COUNT; sc = tables[sc].parent) {
		enum action a = lookup_one(sc, key);
		if (a != A_NONE)
			return a;
	}
	/* a line feed is Enter where it means nothing of its own (a terminal may send one) */
	return key == KM_NEWLINE ? km_lookup(s, KM_ENTER) : A_NONE;
}

const char *km_key_name(int key, char buf[16])
{
	static const char *const special[] = {
		"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End", "Backspace", "Delete",
		"Insert", "Shift-Tab", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10",
		"F11", "F12",
	};
	if (key >= KM_BASE && key < KM_BASE + (int)(sizeof special / sizeof special[0]))
		snprintf(buf, 16, "%s", special[key - KM_BASE]);
	else if (key == KM_ENTER)
		snprintf(buf, 16, "Enter");
	else if (key == KM_NEWLINE)
		snprintf(buf, 16, "Ctrl-J");
	else if (key == KM_ESC)
		snprintf(buf, 16, "Esc");
	else if (key == KM_TAB)
		snprintf(buf, 16, "Tab");
	else if (key == KM_SPACE)
		snprintf(buf, 16, "空格");
	else if (key > 0 && key < 0x20)
		snprintf(buf, 16, "Ctrl-%c", 'A' + key - 1);
	else if (key > 0x20 && key < KM_BASE) {
		char u[4];
		size_t n = utf8_encode((uint32_t)key, u);
		snprintf(buf, 16, "%.*s", (int)n, u);
	} else
		snprintf(buf, 16, "?");
	return buf;
}

/* Whether the binding at scope sc, index i is the one key reaches from scope s: no scope
 * nearer to s binds the same key. */
static bool reachable(int s, int sc, int key)
{
	for (int t = s; t != sc; t = tables[t].parent)
		if (lookup_one(t, key) != A_NONE)
			return false;
	return true;
}

/* The scopes of the hint bar, in the order it lists them: the global one first when it is in
 * the chain, then s and its parents. Returns how many. */
static int hint_order(enum km_scope s, int order[KS_COUNT])
{
	int n = 0;
	bool global = false;
	for (int sc = s; sc >= 0; sc = tables[sc].parent)
		global |= sc == KS_GLOBAL;
	if (global)
		order[n++] = KS_GLOBAL;
	for (int sc = s; sc >= 0; sc = tables[sc].parent)
		if (sc != KS_GLOBAL)
			order[n++] = sc;
	return n;
}

/* The hint of a in scope s: q quits only on the application list, the first screen; on every
 * other screen it goes back, and its hint says so. */
static const char *hint_label(enum km_scope s, enum action a)
{
	if (a == A_QUIT && s != KS_LIST && s != KS_SEARCH)
		return action_hint(A_BACK);
	return action_hint(a);
}

int km_hints(enum km_scope s, int width, struct strbuf *out)
{
	int order[KS_COUNT], n = hint_order(s, order), used = 0;
	bool shown[A_COUNT] = { false };
	for (int k = 0; k < n; k++) {
		int sc = order[k];
		for (size_t i = 0; i < tables[sc].n; i++) {
			const struct km_binding *b = &tables[sc].v[i];
			if (!b->hint || shown[b->action] || !reachable(s, sc, b->key))
				continue;
			char name[16], item[96];
			snprintf(item, sizeof item, "%s%s %s", used ? "  " : "",
				 km_key_name(b->key, name), hint_label(s, b->action));
			int w = text_width(item);
			if (used + w > width)
				continue;   /* a shorter item further on may still fit */
			sb_adds(out, item);
			used += w;
			shown[b->action] = true;
			if (hint_label(s, b->action) == action_hint(A_BACK))
				shown[A_BACK] = true;   /* q 返回 says it; no Esc 返回 beside it */
		}
	}
	return used;
}

/* The keys of scope sc that reach action a from s, joined with " ", into out. */
static void keys_of(int s, int sc, enum action a, struct strbuf *out)
{
	for (size_t i = 0; i < tables[sc].n; i++) {
		const struct km_binding *b = &tables[sc].v[i];
		if (b->action != a || !reachable(s, sc, b->key))
			continue;
		char name[16];
		if (out->len)
			sb_addc(out, ' ');
		sb_adds(out, km_key_name(b->key, name));
	}
}

#define HELP_KEY_COLUMN 20

static void help_scope(int s, int sc, int width, struct strbuf *out)
{
	int indent = 2 + HELP_KEY_COLUMN;
	bool done[A_COUNT] = { false };
	sb_addf(out, "%s\n", scope_titles[sc]);
	for (size_t i = 0; i < tables[sc].n; i++) {
		enum action a = tables[sc].v[i].action;
		if (done[a])
			continue;
		done[a] = true;
		struct strbuf keys = STRBUF_INIT;
		keys_of(s, sc, a, &keys);
		if (keys.len) {
			struct text_lines lines = { 0 };
			struct strbuf help = STRBUF_INIT;
			action_help_text(a, &help);
			text_wrap(sb_str(&help), width - indent > 10 ? width - indent : 10, &lines);
			sb_release(&help);
			sb_adds(out, "  ");
			text_fit(sb_str(&keys), HELP_KEY_COLUMN, out);
			for (size_t k = 0; k < lines.n; k++) {
				if (k)
					sb_repeat(out, " ", indent);
				sb_addf(out, "%s\n", lines.line[k]);
			}
			text_lines_release(&lines);
		}
		sb_release(&keys);
	}
}

void km_help(enum km_scope s, int width, struct strbuf *out)
{
	for (int sc = s; sc >= 0; sc = tables[sc].parent) {
		if (sc != (int)s)
			sb_adds(out, "\n");
		help_scope(s, sc, width, out);
	}
}

void km_markdown(struct strbuf *out)
{
	for (int sc = 0; sc < KS_COUNT; sc++) {
		bool done[A_COUNT] = { false };
		sb_addf(out, "#### %s\n\n| 键 | 作用 |\n|---|---|\n", scope_titles[sc]);
		for (size_t i = 0; i < tables[sc].n; i++) {
			enum action a = tables[sc].v[i].action;
			if (done[a])
				continue;
			done[a] = true;
			sb_adds(out, "|");
			for (size_t k = i; k < tables[sc].n; k++) {
				char name[16];
				if (tables[sc].v[k].action == a)
					sb_addf(out, " `%s`", km_key_name(tables[sc].v[k].key, name));
			}
			sb_adds(out, " | ");
			action_help_text(a, out);
			sb_adds(out, " |\n");
		}
		sb_adds(out, "\n");
	}
}
