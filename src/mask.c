/*
 * mask.c — hiding the middle of personal data for the screen (条例 and good sense: names are
 * shown, ID and telephone numbers are not, unless asked for).
 */
#include "mask.h"

#include <string.h>

#include "text.h"

void mask_text(const char *s, int head, int tail, struct strbuf *out)
{
	if (!s || !*s)
		return;
	size_t len = strlen(s);
	int n = (int)utf8_chars(s, len);
	if (n <= head + tail) {
		head = 0;
		tail = n / 3;
	}
	int i = 0;
	for (size_t at = 0; at < len; i++) {
		uint32_t cp;
		size_t k = utf8_decode(s + at, len - at, &cp);
		if (i < head || i >= n - tail)
			sb_add(out, s + at, k);
		else
			sb_addc(out, '*');
		at += k;
	}
}

void mask_id_number(const char *s, struct strbuf *out)
{
	mask_text(s, 4, 4, out);
}

void mask_contact(const char *s, struct strbuf *out)
{
	mask_text(s, 3, 4, out);
}
