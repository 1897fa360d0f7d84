/*
 * test_grid.c — tables with merged cells drawn as text: borders meet in the right junctions,
 * merged cells draw no inner lines, wide text wraps inside its cell, every line equally wide.
 */
#include "testutil.h"

#include "grid.h"

static void test_simple_and_merged(void **state)
{
	(void)state;
	int widths[3] = { 4, 2, 2 };
	struct grid *g = grid_new(2, 3, widths);
	grid_cell(g, 0, 0, 2, 1, "合并", TEXT_CENTER);
	grid_cell(g, 0, 1, 1, 2, "ab", TEXT_LEFT);
	grid_cell(g, 1, 1, 1, 1, "1", TEXT_RIGHT);
	grid_cell(g, 1, 2, 1, 1, "2", TEXT_RIGHT);
	struct strbuf out = STRBUF_INIT;
	grid_render(g, &out);
	assert_string_equal(out.buf,
		"┌────┬─────┐\n"
		"│    │ab   │\n"
		"│合并├──┬──┤\n"
		"│    │ 1│ 2│\n"
		"└────┴──┴──┘\n");
	sb_release(&out);
	grid_free(&g);
	assert_null(g);
}

static void test_wrapping_grows_the_row(void **state)
{
	(void)state;
	int widths[2] = { 4, 3 };
	struct grid *g = grid_new(1, 2, widths);
	grid_cell(g, 0, 0, 1, 1, "政府信息公开", TEXT_LEFT);
	grid_cell(g, 0, 1, 1, 1, "7", TEXT_RIGHT);
	struct strbuf out = STRBUF_INIT;
	grid_render(g, &out);
	assert_string_equal(out.buf,
		"┌────┬───┐\n"
		"│政府│   │\n"
		"│信息│  7│\n"
		"│公开│   │\n"
		"└────┴───┘\n");
	sb_release(&out);
	grid_free(&g);
}

static void test_uncovered_positions_are_empty_cells(void **state)
{
	(void)state;
	int widths[2] = { 1, 1 };
	struct grid *g = grid_new(1, 2, widths);
	grid_cell(g, 0, 1, 1, 1, "x", TEXT_LEFT);
	grid_cell(g, 0, 0, 1, 5, "out of range", TEXT_LEFT);   /* ignored */
	struct strbuf out = STRBUF_INIT;
	grid_render(g, &out);
	assert_string_equal(out.buf, "┌─┬─┐\n│ │x│\n└─┴─┘\n");
	sb_release(&out);
	grid_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_and_merged),
		cmocka_unit_test(test_wrapping_grows_the_row),
		cmocka_unit_test(test_uncovered_positions_are_empty_cells),
	};
	return gk_run_tests(tests, NULL, NULL);
}
