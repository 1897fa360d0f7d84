/*
 * office.h — the settings of the office that keeps the file: its name on the letterhead and
 * in the reports, the short code of its document numbers (文号), whom to contact, and whom an
 * applicant may turn to (the remedy sentence of every answer, 第五十一条).
 *
 * Set once, by any clerk, in the database (store_office_read/write), so every clerk's
 * documents say the same. Each setting has a Chinese name and an English alias, as the ledger's
 * columns do: `gongkai office --set 复议机关=郑州市郑东新区管理委员会`.
 */
#ifndef GK_OFFICE_H
#define GK_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/*       setting          key            Chinese    alias          limit  what it is */
#define OFFICE_LIST(X) \
	X(OS_NAME,        "office",      "名称",     "name",         200, \
	  "本机关名称（文书抬头、落款和年报标题）") \
	X(OS_CODE,        "code",        "文号代字", "code",          30, \
	  "文号的机关代字，如 郑东社公开（文号为 郑东社公开〔2025〕12号）") \
	X(OS_CONTACT,     "contact",     "联系人",   "contact",      100, \
	  "文书上的联系人") \
	X(OS_PHONE,       "phone",       "电话",     "phone",         50, \
	  "联系电话") \
	X(OS_ADDRESS,     "address",     "地址",     "address",      200, \
	  "本机关地址（申请人当面获取信息、缴费等）") \
	X(OS_REVIEW_BODY, "review_body", "复议机关", "review_body",  200, \
	  "行政复议机关：一般为本级人民政府（行政复议法第二十四条）") \
	X(OS_COURT,       "court",       "法院",     "court",        200, \
	  "行政诉讼的管辖法院") \
	X(OS_VERTICAL,    "vertical",    "垂直管理", "vertical",       1, \
	  "是否垂直管理系统（海关、金融、外汇、税务、国家安全机关）：是 或 否")

enum office_setting {
#define OFFICE_ENUM(name, key, zh, en, limit, what) name,
	OFFICE_LIST(OFFICE_ENUM)
#undef OFFICE_ENUM
	OS_COUNT
};

/* The settings as read: each NULL when not set. */
struct office {
	char *v[OS_COUNT];
};

void office_init(struct office *o);
void office_release(struct office *o);

const char *office_key(enum office_setting k);       /* the database's key: "review_body" */
const char *office_name(enum office_setting k);      /* 复议机关 */
const char *office_alias(enum office_setting k);     /* review_body */
const char *office_what(enum office_setting k);      /* what it is, for a form or help */
/* The setting a name or alias names (blanks around ignored), or -1. */
int office_parse(const char *name);
/* Every setting's Chinese name, joined with 、 (for a message that lists them). */
void office_names(struct strbuf *out);

/*
 * Checks a value for setting k as a clerk typed it and puts its stored form in *out (a new
 * string; "" clears the setting): at most the setting's limit in characters, valid text
 * without control characters, not blank for 名称; 垂直管理 is 是 or 否 (also yes/no, y/n, 1/0).
 * On a problem returns false with a Chinese reason in why (without the setting's name).
 */
bool office_value(enum office_setting k, const char *text, char **out, struct strbuf *why);

/* Whether the office is under vertical management: 垂直管理 = 是. */
bool office_vertical(const struct office *o);

#endif
