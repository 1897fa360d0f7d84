/*
 * encoding.h — the two encodings a ledger file comes in, and turning its fields into UTF-8.
 *
 * Export always writes UTF-8 (with a BOM). Import accepts UTF-8, with or without the BOM, and
 * GB18030 — what Excel and WPS save as "CSV" on a Chinese Windows (GBK is a subset of it).
 * The importer detects the encoding from the first bytes of the file, or takes it from
 * `--encoding`, then converts field by field, so that a field that is not valid text is
 * reported with its row and column rather than failing the whole file.
 */
#ifndef GK_ENCODING_H
#define GK_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

enum encoding { ENC_UTF8, ENC_GB18030 };

/* How many bytes from the start of a file encoding_detect should be shown. */
#define ENCODING_SAMPLE 65536

/* "UTF-8" or "GB18030", for messages. */
const char *encoding_name(enum encoding enc);

/* Parses an --encoding value: utf-8, utf8, gb18030, gbk, gb2312, cp936 (case-insensitive;
 * the GB names all mean GB18030, which contains the others). Returns false for anything else. */
bool encoding_parse(const char *s, enum encoding *out);

/* The encoding of a file from its first n bytes (see ENCODING_SAMPLE); `whole` says they are
 * the entire file. A UTF-8 BOM or valid UTF-8 (pure ASCII included) → ENC_UTF8; otherwise
 * valid GB18030 → ENC_GB18030; otherwise ENC_UTF8, so that the bad fields are later reported
 * as invalid UTF-8. When !whole, a character cut off by the end of the sample is not held
 * against either encoding. */
enum encoding encoding_detect(const char *p, size_t n, bool whole);

/* A converter from one encoding to UTF-8; make one per file, not per field. */
struct encoding_conv;

/* NULL only when the C library cannot convert from enc (glibc always can). */
struct encoding_conv *encoding_conv_new(enum encoding enc);
void encoding_conv_free(struct encoding_conv **c);

/* Appends p[0..n), one field in the converter's encoding, to out as UTF-8. UTF-8 input is
 * checked strictly (no overlong forms, surrogates or code points above U+10FFFF). Returns
 * false, leaving out as it was, when the bytes are not valid text in that encoding (the
 * caller says e.g. "第3行: 申请人: 不是有效的 GB18030 文本"). Each call starts afresh. */
bool encoding_convert(struct encoding_conv *c, const char *p, size_t n, struct strbuf *out);

#endif
