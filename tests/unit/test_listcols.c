/*
 * test_listcols.c — the list's columns at 80, 120 and narrower widths: what shows, how wide,
 * which header, and that 申请人 takes the rest.
 */
#include "testutil.h"

#include "listcols.h"
#include "text.h"

static int width_of(const struct listcol_layout *l, enum listcol c)
{
	int i = listcol_find(l, c);
	return i < 0 ? -1 : l->c[i].width;
}

static const char *header_of(const struct listcol_layout *l, enum listcol c)
{
	int i = listcol_find(l, c);
	return i < 0 ? NULL : l->c[i].header;
}

/* Columns in order, one space apart, each header within its width. */
static void check_layout(const struct listcol_layout *l, int width)
{
	int x = 0;
	for (int i = 0; i < l->n; i++) {
		if (i)
			assert_true(l->c[i].col > l->c[i - 1].col);
		assert_int_equal(l->c[i].x, x);
		assert_true(l->c[i].width >= 1);
		if (width >= 50)
			assert_true(text_width(l->c[i].header) <= l->c[i].width);
		x += l->c[i].width + 1;
	}
	assert_int_equal(l->width, x - 1);
	if (width >= 60)
		assert_int_equal(l->width, width);   /* the whole width is used */
}

static void test_80(void **state)
{
	(void)state;
	struct listcol_layout l;
	listcol_layout(80, &l);
	check_layout(&l, 80);
	assert_int_equal(l.n, LC_COUNT);
	assert_int_equal(width_of(&l, LC_CASE_NO), 9);
	assert_int_equal(width_of(&l, LC_RECEIVED), 10);
	assert_int_equal(width_of(&l, LC_APPLICANT), 13);
	assert_int_equal(width_of(&l, LC_STATE), 10);      /* 征求意见中 */
	assert_int_equal(width_of(&l, LC_TYPE), 8);
	assert_int_equal(width_of(&l, LC_LEFT), 4);
	assert_int_equal(width_of(&l, LC_OUTCOME), 9);     /* 不予公开4 */
	assert_string_equal(header_of(&l, LC_LEFT), "剩余");
	assert_string_equal(header_of(&l, LC_RECEIVED), "收到日期");
}

static void test_120(void **state)
{
	(void)state;
	struct listcol_layout l;
	listcol_layout(120, &l);
	check_layout(&l, 120);
	assert_int_equal(l.n, LC_COUNT);
	assert_int_equal(width_of(&l, LC_TYPE), 12);
	assert_int_equal(width_of(&l, LC_CASE_NO), 12);
	assert_int_equal(width_of(&l, LC_OUTCOME), 24);
	assert_string_equal(header_of(&l, LC_LEFT), "剩余工作日");
	assert_int_equal(width_of(&l, LC_APPLICANT), 120 - 7 - (12 + 10 + 12 + 10 + 10 + 10 + 24));
	/* wider still: only 申请人 grows */
	listcol_layout(200, &l);
	check_layout(&l, 200);
	assert_int_equal(width_of(&l, LC_OUTCOME), 24);
	assert_int_equal(width_of(&l, LC_APPLICANT), 200 - 7 - (12 + 10 + 12 + 10 + 10 + 10 + 24));
}

static void test_narrow_drops(void **state)
{
	(void)state;
	struct listcol_layout l;
	listcol_layout(70, &l);
	check_layout(&l, 70);
	assert_int_equal(width_of(&l, LC_OUTCOME), -1);   /* 结果 goes first */
	assert_true(width_of(&l, LC_TYPE) > 0);
	listcol_layout(60, &l);
	check_layout(&l, 60);
	assert_int_equal(width_of(&l, LC_TYPE), -1);      /* then 类型 */
	assert_true(width_of(&l, LC_RECEIVED) > 0);
	assert_true(width_of(&l, LC_APPLICANT) >= 8);
	listcol_layout(50, &l);
	check_layout(&l, 50);
	assert_int_equal(width_of(&l, LC_RECEIVED), -1);  /* then 收到日期 */
	/* below what the rest needs, 申请人 shrinks but never vanishes */
	listcol_layout(20, &l);
	check_layout(&l, 20);
	assert_int_equal(width_of(&l, LC_APPLICANT), 1);
	/* every width from 40 to 250 gives a sane layout */
	for (int w = 40; w <= 250; w++) {
		listcol_layout(w, &l);
		check_layout(&l, w);
		assert_true(width_of(&l, LC_APPLICANT) >= (w >= 50 ? 8 : 1));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_80),
		cmocka_unit_test(test_120),
		cmocka_unit_test(test_narrow_drops),
	};
	return gk_run_tests(tests, NULL, NULL);
}
