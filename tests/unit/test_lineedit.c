/*
 * test_lineedit.c — the line editor with Chinese text: inserting, deleting and moving by
 * characters, the cursor's display column, and the sideways view of a narrow field that never
 * shows half of a double-width character.
 */
#include "testutil.h"

#include "lineedit.h"
#include "text.h"

static void assert_text(const struct lineedit *e, const char *want)
{
	char *s = le_strdup(e);
	assert_string_equal(s, want);
	free(s);
}

/* The view of e in a field of width w; checks its width and returns the cursor column. */
static int view(struct lineedit *e, int w, char *out, size_t outsize)
{
	struct strbuf sb = STRBUF_INIT;
	int x = -1;
	le_view(e, w, &sb, &x);
	assert_int_equal(text_width(sb_str(&sb)), w > 0 ? w : 0);
	assert_true(utf8_valid(sb_str(&sb), sb.len));
	snprintf(out, outsize, "%s", sb_str(&sb));
	sb_release(&sb);
	return x;
}

static void test_insert_and_move(void **state)
{
	(void)state;
	struct lineedit e;
	le_init(&e, 0);
	assert_true(le_insert_str(&e, "张三"));
	assert_int_equal(le_cursor_col(&e), 4);
	assert_true(le_left(&e));
	assert_int_equal(le_cursor_col(&e), 2);
	assert_true(le_insert(&e, 'A'));
	assert_text(&e, "张A三");
	assert_int_equal(le_cursor_col(&e), 3);
	assert_true(le_home(&e));
	assert_false(le_home(&e));
	assert_false(le_left(&e));
	assert_false(le_backspace(&e));
	assert_true(le_delete(&e));
	assert_text(&e, "A三");
	assert_true(le_end(&e));
	assert_false(le_right(&e));
	assert_false(le_delete(&e));
	assert_true(le_backspace(&e));
	assert_text(&e, "A");
	assert_int_equal(le_width(&e), 1);
	assert_true(e.changed);
	assert_true(le_clear(&e));
	assert_false(le_clear(&e));
	assert_text(&e, "");
	le_release(&e);
}

static void test_refused(void **state)
{
	(void)state;
	struct lineedit e;
	le_init(&e, 3);
	assert_false(le_insert(&e, '\n'));
	assert_false(le_insert(&e, 0x1b));
	assert_false(le_insert(&e, 0x7f));
	assert_false(le_insert(&e, 0x85));
	assert_false(le_insert(&e, 0xD800));
	assert_false(le_insert(&e, 0x110000));
	assert_false(le_insert_str(&e, "王小二麻子"));   /* at most 3 characters */
	assert_text(&e, "王小二");
	assert_true(e.changed);
	/* le_set keeps what is stored, cleans what cannot be shown, clears `changed` */
	le_set(&e, "a\x01" "b\xffz长名字");
	assert_text(&e, "a b\xef\xbf\xbdz长名字");
	assert_false(e.changed);
	assert_int_equal(e.cur, e.n);
	le_set(&e, NULL);
	assert_text(&e, "");
	le_release(&e);
}

/* A stored text with line breaks and tabs (申请内容 from a ledger): kept exactly, so that saving
 * a form changes no field the clerk did not touch; drawn as one-column signs; deletable. */
static void test_line_breaks_kept(void **state)
{
	(void)state;
	struct lineedit e;
	char out[128];
	le_init(&e, 0);
	le_set(&e, "甲\n乙\r\n丙\t丁");
	assert_text(&e, "甲\n乙\r\n丙\t丁");
	assert_false(e.changed);
	assert_int_equal(le_width(&e), 4 * 2 + 4);
	assert_int_equal(view(&e, 14, out, sizeof out), 12);
	assert_string_equal(out, "甲↵乙␍↵丙⇥丁  ");
	/* the cursor moves over a line break as over any character, and deletes it */
	le_home(&e);
	le_right(&e);
	assert_int_equal(le_cursor_col(&e), 2);
	assert_true(le_delete(&e));
	assert_text(&e, "甲乙\r\n丙\t丁");
	assert_true(e.changed);
	/* as a character typed it is refused; a line break is inserted on purpose (Ctrl-J) */
	assert_false(le_insert(&e, '\n'));
	assert_false(le_insert(&e, '\t'));
	le_end(&e);
	assert_true(le_insert_break(&e));
	assert_text(&e, "甲乙\r\n丙\t丁\n");
	le_release(&e);
	/* and not past the limit */
	le_init(&e, 2);
	assert_true(le_insert(&e, 0x7532));
	assert_true(le_insert_break(&e));
	assert_false(le_insert_break(&e));
	assert_text(&e, "甲\n");
	le_release(&e);
}

static void test_combining_marks(void **state)
{
	(void)state;
	struct lineedit e;
	le_init(&e, 0);
	le_set(&e, "e\xcc\x81x");   /* é as e + combining acute, then x */
	assert_int_equal(le_width(&e), 2);
	assert_true(le_left(&e));   /* before x */
	assert_true(le_left(&e));   /* before e: the mark goes with its letter */
	assert_int_equal(e.cur, 0);
	assert_true(le_right(&e));
	assert_int_equal(e.cur, 2);
	assert_true(le_backspace(&e));
	assert_text(&e, "x");
	le_set(&e, "e\xcc\x81x");
	le_home(&e);
	assert_true(le_delete(&e));
	assert_text(&e, "x");
	le_release(&e);
}

static void test_view_scrolls(void **state)
{
	(void)state;
	struct lineedit e;
	char out[256];
	le_init(&e, 0);
	le_set(&e, "河南省郑州市郑东新区社会事业局");   /* 15 Han characters, 30 columns */
	/* cursor at the end of a 10-column field: the last characters and a cell for the cursor */
	int x = view(&e, 10, out, sizeof out);
	assert_string_equal(out, "会事业局  ");
	assert_int_equal(x, 8);
	le_home(&e);
	x = view(&e, 10, out, sizeof out);
	assert_string_equal(out, "河南省郑州");
	assert_int_equal(x, 0);
	/* to the right edge and one past it: the view moves by whole characters */
	for (int i = 0; i < 4; i++)
		le_right(&e);
	x = view(&e, 10, out, sizeof out);
	assert_string_equal(out, "河南省郑州");
	assert_int_equal(x, 8);
	le_right(&e);
	x = view(&e, 10, out, sizeof out);
	assert_string_equal(out, "南省郑州市");
	assert_int_equal(x, 8);
	/* an odd width never shows half a character: its last column is padding */
	le_home(&e);
	x = view(&e, 9, out, sizeof out);
	assert_string_equal(out, "河南省郑 ");
	/* mixed widths */
	le_set(&e, "ab张三cd");
	le_home(&e);
	le_right(&e);
	le_right(&e);
	le_right(&e);
	x = view(&e, 4, out, sizeof out);
	assert_int_equal(x, 2);
	assert_string_equal(out, "张三");
	le_release(&e);
}

static void test_view_after_shrinking(void **state)
{
	(void)state;
	struct lineedit e;
	char out[256];
	le_init(&e, 0);
	le_set(&e, "一二三四五六七八九十");
	view(&e, 8, out, sizeof out);
	assert_string_equal(out, "八九十  ");
	/* deleting from the end brings the start back into view */
	for (int i = 0; i < 7; i++)
		le_backspace(&e);
	int x = view(&e, 8, out, sizeof out);
	assert_string_equal(out, "一二三  ");
	assert_int_equal(x, 6);
	le_release(&e);
}

/* Every cursor position of every width: the cursor stays in the field, on a character start. */
static void test_view_property(void **state)
{
	(void)state;
	struct lineedit e;
	char out[512];
	le_init(&e, 0);
	le_set(&e, "王a某（自然人）b申请e\xcc\x81政府信息公开123");
	for (int w = 1; w < 40; w++) {
		le_home(&e);
		do {
			int x = view(&e, w, out, sizeof out);
			assert_true(x >= 0 && x < w);
			assert_true(e.first <= e.cur);
		} while (le_right(&e));
		view(&e, w, out, sizeof out);
		while (le_left(&e)) {
			int x = view(&e, w, out, sizeof out);
			assert_true(x >= 0 && x < w);
		}
	}
	int x = view(&e, 0, out, sizeof out);
	assert_int_equal(x, 0);
	assert_string_equal(out, "");
	le_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_move),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_line_breaks_kept),
		cmocka_unit_test(test_combining_marks),
		cmocka_unit_test(test_view_scrolls),
		cmocka_unit_test(test_view_after_shrinking),
		cmocka_unit_test(test_view_property),
	};
	return gk_run_tests(tests, NULL, NULL);
}
