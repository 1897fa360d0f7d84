/*
 * office.c — the office's settings: their names, and the values a clerk may give them.
 */
#include "office.h"

#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "text.h"
#include "xmem.h"

static const struct {
	const char *key, *zh, *en, *what;
	size_t limit;
} settings[OS_COUNT] = {
#define OFFICE_ROW(name, key, zh, en, limit, what) [name] = { key, zh, en, what, limit },
	OFFICE_LIST(OFFICE_ROW)
#undef OFFICE_ROW
};

void office_init(struct office *o)
{
	memset(o, 0, sizeof *o);
}

void office_release(struct office *o)
{
	for (int k = 0; k < OS_COUNT; k++)
		free(o->v[k]);
	office_init(o);
}

const char *office_key(enum office_setting k)
{
	return (unsigned)k < OS_COUNT ? settings[k].key : "?";
}

const char *office_name(enum office_setting k)
{
	return (unsigned)k < OS_COUNT ? settings[k].zh : "?";
}

const char *office_alias(enum office_setting k)
{
	return (unsigned)k < OS_COUNT ? settings[k].en : "?";
}

const char *office_what(enum office_setting k)
{
	return (unsigned)k < OS_COUNT ? settings[k].what : "";
}

int office_parse(const char *name)
{
	while (*name == ' ' || *name == '\t')
		name++;
	size_t n = strlen(name);
	while (n && (name[n - 1] == ' ' || name[n - 1] == '\t'))
		n--;
	for (int k = 0; k < OS_COUNT; k++)
		if ((strlen(settings[k].zh) == n && memcmp(name, settings[k].zh, n) == 0) ||
		    (strlen(settings[k].en) == n && memcmp(name, settings[k].en, n) == 0))
			return k;
	return -1;
}

void office_names(struct strbuf *out)
{
	for (int k = 0; k < OS_COUNT; k++)
		sb_addf(out, "%s%s", k ? "、" : "", settings[k].zh);
}

/* 是 / 否 and the usual ways of saying them; -1 when it is neither. */
static int yes_no(const char *s)
{
	static const char *const yes[] = { "是", "yes", "y", "1", "true" };
	static const char *const no[] = { "否", "no", "n", "0", "false" };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* s without blanks (also full-width ones) around it, appended to out. */
static void trim(const char *s, struct strbuf *out)
{
	static const char wide[] = "\xE3\x80\x80";   /* U+3000 */
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, wide, 3) == 0)
			s += 3;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && strncmp(s + n - 3, wide, 3) == 0)
			n -= 3;
		else
			break;
	}
	sb_add(out, s, n);
}

bool office_value(enum office_setting k, const char *text, char **out, struct strbuf *why)
{
	*out = NULL;
	struct strbuf clean = STRBUF_INIT;
	trim(text ? text : "", &clean);
	const char *v = sb_str(&clean);
	size_t chars = 0;
	bool ok = true;
	if (!utf8_valid(v, clean.len)) {
		sb_adds(why, "含有无效的字符编码");
		ok = false;
	}
	for (const char *p = v; ok && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F) {
			sb_adds(why, "含有控制字符，请删除");
			ok = false;
		}
	if (ok)
		chars = utf8_chars(v, clean.len);
	if (ok && k == OS_VERTICAL && *v) {
		int yn = yes_no(v);
		if (yn < 0) {
			sb_addf(why, "「%s」应为 是 或 否", v);
			ok = false;
		} else {
			sb_reset(&clean);
			sb_adds(&clean, yn ? "是" : "否");
			v = sb_str(&clean);
			chars = 1;
		}
	} else if (ok && k == OS_NAME && !*v) {
		sb_adds(why, "不能为空");
		ok = false;
	} else if (ok && chars > settings[k].limit) {
		sb_addf(why, "长度 %zu 字，超过上限 %zu 字", chars, settings[k].limit);
		ok = false;
	}
	if (ok)
		*out = xstrdup(v);
	sb_release(&clean);
	return ok;
}

bool office_vertical(const struct office *o)
{
	return o->v[OS_VERTICAL] && strcmp(o->v[OS_VERTICAL], "是") == 0;
}
