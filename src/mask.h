/*
 * mask.h — personal data shown on screen with its middle hidden: an ID number as
 * `4101**********1234`, a telephone number as `138****5678`.
 *
 * The detail screen shows 证件号码 and 联系方式 masked unless the clerk asks to see them (a key),
 * so a screen glanced at over a shoulder gives nothing away. Characters are counted as code
 * points (a Han character is one, replaced by one `*`); invalid bytes count as one each.
 */
#ifndef GK_MASK_H
#define GK_MASK_H

#include "strbuf.h"

/* Appends s to out with all but its first `head` and last `tail` characters replaced by `*`.
 * A text too short to keep that much keeps only its last third (rounded down), and one of a
 * single character is masked whole. NULL or "" appends nothing. */
void mask_text(const char *s, int head, int tail, struct strbuf *out);

/* 证件号码: the first 4 and the last 4 characters kept. */
void mask_id_number(const char *s, struct strbuf *out);
/* 联系方式: the first 3 and the last 4 characters kept. */
void mask_contact(const char *s, struct strbuf *out);

#endif
