/*
 * test_keymap.c — key → action lookup screen-first, and the hint bar and help text generated
 * from the same tables, measured in display columns with their Chinese labels.
 */
#include "testutil.h"

#include "keymap.h"
#include "text.h"

static void test_lookup_screen_first(void **state)
{
	(void)state;
	static const struct {
		enum km_scope scope;
		int key;
		enum action want;
	} cases[] = {
		{ KS_LIST, 'n', A_NEW },              /* the list's own key */
		{ KS_SEARCH, 'n', A_SEARCH_NEXT },    /* a search rebinds it */
		{ KS_SEARCH, 'N', A_SEARCH_PREV },
		{ KS_SEARCH, 'a', A_ANSWER },         /* the list's keys still work while searching */
		{ KS_SEARCH, 'q', A_QUIT },           /* and the global ones */
		{ KS_LIST, 'q', A_QUIT },
		{ KS_LIST, KM_F10, A_QUIT },
		{ KS_LIST, KM_F1, A_HELP },
		{ KS_LIST, '?', A_HELP },
		{ KS_LIST, 'j', A_DOWN },
		{ KS_LIST, KM_PGDN, A_PGDN },
		{ KS_LIST, '2', A_SCREEN_TALLY },
		{ KS_LIST, KM_ENTER, A_OPEN },
		{ KS_LIST, KM_ESC, A_NONE },
		{ KS_TALLY, KM_LEFT, A_YEAR_PREV },
		{ KS_TALLY, ']', A_YEAR_NEXT },
		{ KS_TALLY, 'n', A_NONE },            /* no new application from the tallies */
		{ KS_REPORT, 'e', A_TABLE2 },         /* e edits table 二 there, */
		{ KS_DETAIL, 'e', A_EDIT },           /* the application here */
		{ KS_DETAIL, KM_ESC, A_BACK },
		{ KS_CALENDAR, 'a', A_CAL_DAY },
		{ KS_SETTINGS, 'e', A_SETTINGS_EDIT },
		{ KS_SETTINGS, KM_ENTER, A_SETTINGS_EDIT },
		{ KS_SETTINGS, '5', A_SCREEN_SETTINGS },
		{ KS_FORM, 'q', A_NONE },             /* a letter in a form is text */
		{ KS_FORM, '1', A_NONE },
		{ KS_FORM, KM_F2, A_SAVE },
		{ KS_FORM, KM_ESC, A_CANCEL },
		{ KS_FORM, KM_LEFT, A_CURSOR_LEFT },
		{ KS_FORM, KM_CTRL('u'), A_CLEAR },
		{ KS_APP_FORM, KM_F3, A_DUP_SHOW },   /* an application's form: possible duplicates */
		{ KS_APP_FORM, KM_F2, A_SAVE },       /* and every form's keys */
		{ KS_APP_FORM, 'q', A_NONE },
		{ KS_FORM, KM_F3, A_NONE },
		{ KS_PROMPT, KM_ENTER, A_OK },
		{ KS_PROMPT, 'y', A_NONE },
		{ KS_CONFIRM, 'y', A_YES },
		{ KS_CONFIRM, KM_ESC, A_NO },
		{ KS_TREE, KM_RIGHT, A_EXPAND },
		{ KS_HELP, 'q', A_BACK },
		{ KS_HELP, '1', A_NONE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum action a = km_lookup(cases[i].scope, cases[i].key);
		if (a != cases[i].want)
			fail_msg("case %zu: %s key %d gives %d, want %d", i,
				 km_scope_title(cases[i].scope), cases[i].key, a, cases[i].want);
	}
	assert_int_equal(km_scope_parent(KS_SEARCH), KS_LIST);
	assert_int_equal(km_scope_parent(KS_FORM), -1);
	assert_int_equal(km_scope_parent(KS_APP_FORM), KS_FORM);
}

static void test_key_names(void **state)
{
	(void)state;
	char buf[16];
	assert_string_equal(km_key_name('n', buf), "n");
	assert_string_equal(km_key_name('?', buf), "?");
	assert_string_equal(km_key_name(KM_ENTER, buf), "Enter");
	assert_string_equal(km_key_name(KM_ESC, buf), "Esc");
	assert_string_equal(km_key_name(KM_PGDN, buf), "PgDn");
	assert_string_equal(km_key_name(KM_F1, buf), "F1");
	assert_string_equal(km_key_name(KM_F10, buf), "F10");
	assert_string_equal(km_key_name(KM_BTAB, buf), "Shift-Tab");
	assert_string_equal(km_key_name(KM_CTRL('l'), buf), "Ctrl-L");
	assert_string_equal(km_key_name(' ', buf), "空格");
	assert_string_equal(km_key_name(0x5F20, buf), "张");
}

/* Every action has its labels, and every bound action is one the interface defines. */
static void test_tables_complete(void **state)
{
	(void)state;
	for (int a = 1; a < A_COUNT; a++) {
		assert_true(strlen(action_hint(a)) > 0);
		assert_true(strlen(action_help(a)) > 0);
	}
	for (int s = 0; s < KS_COUNT; s++) {
		size_t n;
		const struct km_binding *b = km_bindings(s, &n);
		assert_true(n > 0);
		for (size_t i = 0; i < n; i++) {
			assert_true(b[i].action > A_NONE && b[i].action < A_COUNT);
			for (size_t j = 0; j < i; j++)
				if (b[j].key == b[i].key)
					fail_msg("%s binds key %d twice", km_scope_title(s), b[i].key);
		}
	}
}

/* Ctrl-J: a line break in a form, Enter wherever nothing is bound to it */
static void test_newline_key(void **state)
{
	(void)state;
	char name[16];
	assert_int_equal(km_lookup(KS_FORM, KM_NEWLINE), A_NEWLINE);
	assert_int_equal(km_lookup(KS_LIST, KM_NEWLINE), km_lookup(KS_LIST, KM_ENTER));
	assert_int_equal(km_lookup(KS_PICK, KM_NEWLINE), A_CHOOSE);
	assert_string_equal(km_key_name(KM_NEWLINE, name), "Ctrl-J");
}

static void test_hints(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	int used = km_hints(KS_LIST, 80, &sb);
	assert_int_equal(used, text_width(sb_str(&sb)));
	assert_true(used <= 80 && used > 60);
	/* help and quit first, then the list's own keys in table order */
	assert_true(strncmp(sb_str(&sb), "F1 帮助  q 退出  n 新建  Enter 详情", 38) == 0);
	assert_null(strstr(sb_str(&sb), "Down"));       /* moving keys are not hinted */

	/* elsewhere q goes back, and says so once (no Esc 返回 beside it) */
	sb_reset(&sb);
	km_hints(KS_DETAIL, 200, &sb);
	assert_true(strncmp(sb_str(&sb), "F1 帮助  q 返回  p 证件", 27) == 0);
	assert_null(strstr(sb_str(&sb), "Esc 返回"));
	sb_reset(&sb);
	km_hints(KS_TALLY, 200, &sb);
	assert_true(strncmp(sb_str(&sb), "F1 帮助  q 返回  [", 21) == 0);

	sb_reset(&sb);
	km_hints(KS_SEARCH, 200, &sb);
	assert_non_null(strstr(sb_str(&sb), "n 下一处  N 上一处  Esc 结束搜索"));
	assert_null(strstr(sb_str(&sb), "n 新建"));      /* shadowed by the search */
	assert_non_null(strstr(sb_str(&sb), "a 答复"));

	/* a narrow bar keeps whole items only */
	for (int w = 0; w < 60; w++) {
		sb_reset(&sb);
		used = km_hints(KS_DETAIL, w, &sb);
		assert_true(used <= w);
		assert_int_equal(used, text_width(sb_str(&sb)));
		assert_true(sb.len == 0 || sb_str(&sb)[sb.len - 1] != ' ');
	}
	sb_reset(&sb);
	km_hints(KS_FORM, 80, &sb);
	assert_true(strncmp(sb_str(&sb), "F2 保存  Esc 取消", 21) == 0);
	sb_release(&sb);
}

static void test_help(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	km_help(KS_SEARCH, 200, &sb);
	const char *h = sb_str(&sb);
	/* the scope first, then its parents */
	const char *search = strstr(h, "搜索中\n"), *list = strstr(h, "申请列表\n"),
		   *global = strstr(h, "所有屏幕通用\n");
	assert_non_null(search);
	assert_non_null(list);
	assert_non_null(global);
	assert_true(search < list && list < global);
	assert_non_null(strstr(h, "  n                   跳到下一处搜索结果\n"));
	assert_non_null(strstr(h, "  Down j              光标下移一行\n"));
	assert_non_null(strstr(h, "  F1 ?                显示本屏的全部按键\n"));
	/* n is shadowed in the list part: 新建 is not reachable by a key while searching */
	assert_null(strstr(h, "新建一件申请"));

	sb_reset(&sb);
	km_help(KS_LIST, 76, &sb);
	assert_non_null(strstr(sb_str(&sb), "  n                   新建一件申请\n"));
	/* a long help text goes on under itself, and every line fits the width */
	assert_non_null(strstr(sb_str(&sb), "  x                   延期：经政府信息公开工作机构负责人同意并告知申请人，延\n"
					   "                      长答复期限最长 20 个工作日（第三十三条）\n"));
	struct text_lines lines = { 0 };
	text_wrap(sb_str(&sb), 1000, &lines);
	for (size_t i = 0; i < lines.n; i++)
		assert_true(text_width(lines.line[i]) <= 76);
	text_lines_release(&lines);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup_screen_first),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_tables_complete),
		cmocka_unit_test(test_newline_key),
		cmocka_unit_test(test_hints),
		cmocka_unit_test(test_help),
	};
	return gk_run_tests(tests, NULL, NULL);
}
