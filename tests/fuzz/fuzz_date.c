/*
 * fuzz_date.c — the date parser over arbitrary bytes.
 *
 * Properties: date_parse and date_parse_iso never read past the bytes given (the sanitizer
 * sees that: the input is an exact-size buffer); a date they accept is a real day within the
 * years the program takes, its ISO form reads back to the same day, and the strict parser
 * accepts only what the lenient one accepts; for a text refused, the reason given for it begins
 * with 不是有效日期.
 */
#include <string.h>

#include "date.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int v = DATE_NONE, w = DATE_NONE;
	bool lenient = date_parse(s, size, &v);
	bool strict = date_parse_iso(s, size, &w);
	FUZZ_CHECK(!strict || (lenient && v == w));
	if (!lenient) {
		struct date_why why = date_why_invalid(s, size);
		FUZZ_CHECK(strncmp(why.text, "不是有效日期", strlen("不是有效日期")) == 0);
		FUZZ_CHECK(memchr(why.text, '\0', sizeof why.text) != NULL);
		return 0;
	}
	int y, m, d;
	date_to_ymd(v, &y, &m, &d);
	FUZZ_CHECK(y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR);
	FUZZ_CHECK(date_from_ymd(y, m, d) == v);
	char buf[DATE_BUF];
	date_format(v, buf);
	FUZZ_CHECK(strlen(buf) == 10);
	FUZZ_CHECK(date_parse_iso(buf, 10, &w) && w == v);
	FUZZ_CHECK(date_weekday(v) >= 0 && date_weekday(v) <= 6);
	return 0;
}
