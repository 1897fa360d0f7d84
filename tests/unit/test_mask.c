/*
 * test_mask.c — ID and telephone numbers masked for the screen, with Chinese text and invalid
 * bytes counted as characters.
 */
#include "testutil.h"

#include "mask.h"

static void check(void (*fn)(const char *, struct strbuf *), const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	fn(in, &sb);
	if (strcmp(sb_str(&sb), want) != 0)
		fail_msg("[%s] gives [%s], want [%s]", in ? in : "(null)", sb_str(&sb), want);
	sb_release(&sb);
}

static void test_id_number(void **state)
{
	(void)state;
	check(mask_id_number, "410105199001011234", "4101**********1234");
	check(mask_id_number, "41010519900101123X", "4101**********123X");
	check(mask_id_number, "91410100MA44XXXX0A", "9141**********XX0A");   /* 统一社会信用代码 */
	check(mask_id_number, "12345678", "******78");   /* too short to keep 4 + 4 */
	check(mask_id_number, "7", "*");
	check(mask_id_number, "", "");
	check(mask_id_number, NULL, "");
}

static void test_contact(void **state)
{
	(void)state;
	check(mask_contact, "13812345678", "138****5678");
	check(mask_contact, "0371-12345678", "037******5678");
	check(mask_contact, "郑州市金水路1号", "郑州市*水路1号");
	check(mask_contact, "\xff\xfe" "1234567", "\xff\xfe" "1**4567");   /* invalid bytes kept as they are */
	check(mask_contact, "110", "**0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_number),
		cmocka_unit_test(test_contact),
	};
	return gk_run_tests(tests, NULL, NULL);
}
