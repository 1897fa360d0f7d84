/*
 * test_syserr.c — the Chinese reason of every errno a clerk is likely to meet, and the
 * fallback for the others.
 */
#include "testutil.h"

#include "syserr.h"

static void test_common_reasons(void **state)
{
	(void)state;
	static const struct {
		int err;
		const char *want;
	} cases[] = {
		{ ENOENT, "文件或文件夹不存在" },
		{ EACCES, "没有权限" },
		{ EPERM, "没有权限" },
		{ ENOSPC, "磁盘已满" },
#ifdef EDQUOT
		{ EDQUOT, "超出磁盘配额" },
#endif
		{ EROFS, "文件系统是只读的" },
		{ EISDIR, "这是一个文件夹" },
		{ ENOTDIR, "路径中有一项不是文件夹" },
		{ ENAMETOOLONG, "文件名太长" },
		{ EFBIG, "文件超过允许的大小" },
		{ EMFILE, "打开的文件太多" },
		{ ENFILE, "打开的文件太多" },
		{ EIO, "磁盘读写出错" },
		{ EEXIST, "文件已存在" },
		{ EBUSY, "文件正被占用" },
		{ ELOOP, "符号链接太多" },
		{ 0, "原因不明" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(syserr_reason(cases[i].err).text, cases[i].want);
}

/* Any other errno keeps the C library's text, inside 系统错误（…）. */
static void test_other_reasons(void **state)
{
	(void)state;
	static const int others[] = { EINVAL, EAGAIN, ENOMEM, EXDEV, 99999, -1 };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		char want[SYSERR_LEN];
		snprintf(want, sizeof want, "系统错误（%s）", strerror(others[i]));
		assert_string_equal(syserr_reason(others[i]).text, want);
	}
}

/* The way the program uses it: straight into a message, errno read first. */
static void test_in_a_message(void **state)
{
	(void)state;
	char msg[256];
	errno = 0;
	FILE *f = fopen("/nonexistent-gongkai-dir/a.txt", "wb");
	assert_null(f);
	snprintf(msg, sizeof msg, "无法创建文件 %s：%s", "/nonexistent-gongkai-dir/a.txt",
		 syserr_reason(errno).text);
	assert_string_equal(msg, "无法创建文件 /nonexistent-gongkai-dir/a.txt：文件或文件夹不存在");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_common_reasons),
		cmocka_unit_test(test_other_reasons),
		cmocka_unit_test(test_in_a_message),
	};
	return gk_run_tests(tests, NULL, NULL);
}
