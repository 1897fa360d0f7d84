/*
 * encoding.c — recognising UTF-8 and GB18030 ledger files and converting their fields.
 *
 * UTF-8 is checked here (text.c's strict decoder); GB18030 goes through the C library's iconv,
 * one conversion descriptor per converter, reset before each field. Detection tries UTF-8
 * first: GB18030 text is almost never valid UTF-8, while UTF-8 Chinese is often valid GB18030
 * byte for byte (as different characters), so the other order would misread UTF-8 files.
 */
#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "xmem.h"

struct encoding_conv {
	enum encoding enc;
	iconv_t cd;  /* GB18030 → UTF-8; (iconv_t)-1 for UTF-8 */
};

const char *encoding_name(enum encoding enc)
{
	return enc == ENC_GB18030 ? "GB18030" : "UTF-8";
}

bool encoding_parse(const char *s, enum encoding *out)
{
	static const char *const gb[] = { "gb18030", "gbk", "gb2312", "cp936" };

	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0) {
		*out = ENC_UTF8;
		return true;
	}
	for (size_t i = 0; i < sizeof gb / sizeof gb[0]; i++) {
		if (strcasecmp(s, gb[i]) == 0) {
			*out = ENC_GB18030;
			return true;
		}
	}
	return false;
}

/* Whether p[0..n) is UTF-8, allowing a character cut off at the end when !whole. */
static bool sample_is_utf8(const char *p, size_t n, bool whole)
{
	uint32_t cp;

	for (size_t i = 0; i < n;) {
		int len = utf8_scan(p + i, n - i, &cp);
		if (len == UTF8_TRUNCATED && !whole)
			return true;
		if (len <= 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

/* Runs p[0..n) through cd, passing each piece of output to sink (NULL to discard). Returns 0
 * when all converted, EINVAL when the input ends inside a character (*left says how many bytes
 * of it), EILSEQ when it is not valid. */
static int run_iconv(iconv_t cd, const char *p, size_t n, size_t *left, struct strbuf *sink)
{
	char *in = (char *)p;
	char tmp[4096];

	*left = n;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (*left) {
		char *o = tmp;
		size_t room = sizeof tmp;
		size_t r = iconv(cd, &in, left, &o, &room);
		int e = errno;
		if (sink)
			sb_add(sink, tmp, (size_t)(o - tmp));
		if (r != (size_t)-1)
			break;
		if (e != E2BIG)
			return e == EINVAL ? EINVAL : EILSEQ;
	}
	return 0;
}

static bool sample_is_gb18030(const char *p, size_t n, bool whole)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t left;

	if (cd == (iconv_t)-1)
		return false;
	int e = run_iconv(cd, p, n, &left, NULL);
	iconv_close(cd);
	return e == 0 || (e == EINVAL && !whole && left < 4);
}

enum encoding encoding_detect(const char *p, size_t n, bool whole)
{
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		return ENC_UTF8;
	if (sample_is_utf8(p, n, whole))
		return ENC_UTF8;
	if (sample_is_gb18030(p, n, whole))
		return ENC_GB18030;
	return ENC_UTF8;
}

struct encoding_conv *encoding_conv_new(enum encoding enc)
{
	iconv_t cd = (iconv_t)-1;

	if (enc == ENC_GB18030) {
		cd = iconv_open("UTF-8", "GB18030");
		if (cd == (iconv_t)-1)
			return NULL;
	}
	struct encoding_conv *c = xcalloc(1, sizeof *c);
	c->enc = enc;
	c->cd = cd;
	return c;
}

void encoding_conv_free(struct encoding_conv **c)
{
	if (!*c)
		return;
	if ((*c)->cd != (iconv_t)-1)
		iconv_close((*c)->cd);
	free(*c);
	*c = NULL;
}

static bool all_ascii(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 0x80)
			return false;
	return true;
}

bool encoding_convert(struct encoding_conv *c, const char *p, size_t n, struct strbuf *out)
{
	size_t keep = out->len, left;

	/* both encodings are ASCII below 0x80 */
	if (all_ascii(p, n) || (c->enc == ENC_UTF8 && utf8_valid(p, n))) {
		sb_add(out, p, n);
		return true;
	}
	if (c->enc == ENC_UTF8)
		return false;
	if (run_iconv(c->cd, p, n, &left, out) == 0)
		return true;
	out->len = keep;
	if (out->buf)
		out->buf[keep] = '\0';
	return false;
}
