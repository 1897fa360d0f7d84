/*
 * test_textarea.c — a text of several lines in a box: rows at line breaks and where a row is
 * full (a Han character two columns, never cut), the cursor's row and column, and moving up
 * and down to the nearest column.
 */
#include "testutil.h"

#include "lineedit.h"
#include "textarea.h"

/* The rows of s in a box of width columns, as "start-end" pairs. */
static void layout_of(const char *s, int width, struct lineedit *e, struct ta_row **rows,
		      size_t *n)
{
	le_init(e, 0);
	le_set(e, s);
	*n = ta_layout(e->cp, e->n, width, rows);
}

static void test_rows(void **state)
{
	(void)state;
	struct lineedit e;
	struct ta_row *r;
	size_t n;
	/* five Han characters in a box of 6 columns: rows of 3 and 2 */
	layout_of("一二三四五", 6, &e, &r, &n);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].start, 0);
	assert_int_equal(r[0].end, 3);
	assert_int_equal(r[1].start, 3);
	assert_int_equal(r[1].end, 5);
	free(r);
	le_release(&e);
	/* an odd width never cuts a Han character: 7 columns hold 3 */
	layout_of("一二三四五", 7, &e, &r, &n);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].end, 3);
	free(r);
	le_release(&e);
	/* line breaks end rows; an empty line is a row; a text ending in a break has an empty last */
	layout_of("ab\n\ncd\n", 10, &e, &r, &n);
	assert_int_equal(n, 4);
	assert_int_equal(r[0].end, 2);
	assert_int_equal(r[1].start, 3);
	assert_int_equal(r[1].end, 3);
	assert_int_equal(r[2].start, 4);
	assert_int_equal(r[3].start, 7);
	assert_int_equal(r[3].end, 7);
	free(r);
	le_release(&e);
	layout_of("", 10, &e, &r, &n);
	assert_int_equal(n, 1);
	free(r);
	le_release(&e);
}

static void test_cursor_and_moves(void **state)
{
	(void)state;
	struct lineedit e;
	struct ta_row *r;
	size_t n;
	/* rows: 一二三 | 四五六 | ab一 (a mixed row) */
	layout_of("一二三四五六ab一", 6, &e, &r, &n);
	assert_int_equal(n, 3);
	/* at a wrap the cursor is at the start of the next row */
	assert_int_equal(ta_row_of(r, n, 3), 1);
	assert_int_equal(ta_col(e.cp, &r[1], 3), 0);
	assert_int_equal(ta_row_of(r, n, 9), 2);
	assert_int_equal(ta_col(e.cp, &r[2], 9), 4);
	/* down from after 二 (column 4) to after 五; then to column 4 of "ab一": after 一 */
	size_t cur = ta_move(e.cp, r, n, 2, 1);
	assert_int_equal(cur, 5);
	cur = ta_move(e.cp, r, n, cur, 1);
	assert_int_equal(cur, 9);
	/* up from after a (column 1) lands before 四 (column 0), never inside a character */
	assert_int_equal(ta_move(e.cp, r, n, 7, -1), 3);
	/* no row above the first, none below the last */
	assert_int_equal(ta_move(e.cp, r, n, 1, -1), 1);
	assert_int_equal(ta_move(e.cp, r, n, 8, 1), 8);
	free(r);
	le_release(&e);
	/* a short row: moving down from column 4 goes to its end */
	layout_of("一二三\n四", 10, &e, &r, &n);
	assert_int_equal(ta_move(e.cp, r, n, 2, 1), 5);
	assert_int_equal(ta_move(e.cp, r, n, 5, -1), 1);
	free(r);
	le_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_cursor_and_moves),
	};
	return gk_run_tests(tests, NULL, NULL);
}
