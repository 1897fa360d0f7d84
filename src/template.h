/*
 * template.h — the wording of a document, kept in a text file the office may edit.
 *
 * A template is plain UTF-8 text. Each line is one paragraph of the document; fields in
 * braces are filled in when a document is made:
 *
 *	# 这是注释：以 # 开头的行不会出现在文书中
 *	【标题】{机关名称}
 *	【标题】政府信息公开申请答复书
 *	【文号】{文号}
 *	【抬头】{申请人}：
 *	本机关于{收到日期}收到您提出的政府信息公开申请……
 *	联系人：{联系人}　电话：{电话}
 *	【落款】{机关名称}
 *	【落款】{日期}
 *
 * The syntax:
 *   - A line may begin with a tag naming its kind of paragraph (docx.h): 【标题】 title,
 *     【文号】 the 文号 line, 【抬头】 a line without indent (the addressee), 【正文】 body
 *     (also a line without a tag), 【一级标题】, 【二级标题】, 【落款】 signature (at the right),
 *     【分页】 a page break (nothing may follow it on its line). A body line that itself begins
 *     with 【 is written after an explicit 【正文】. A tag alone on its line is an empty
 *     paragraph (a blank line on the page).
 *   - Blank lines are ignored; a line whose first character other than spaces is # is a
 *     comment. Spaces (ASCII and ideographic) at either end of a line are dropped: the
 *     paragraph's kind gives its indent.
 *   - {name} is a field; the names come from the catalogue the caller passes, so the engine
 *     knows no document. {{ and }} write a literal brace.
 *   - A byte-order mark at the start and CRLF line ends are accepted.
 *
 * When a document is made: a required field without a value stops it (nothing is added to the
 * document; each missing field is named); a line holding an optional field without a value
 * is left out entirely (`联系人：{联系人}　电话：{电话}` disappears when the office set no
 * contact); a value that is blank (only spaces and line breaks) counts as no value. A field
 * alone on its line whose value has several lines becomes several paragraphs of that line's
 * kind (one per non-blank line, each trimmed); elsewhere a line break in a value is a line
 * break inside the paragraph.
 *
 *	struct template *t;
 *	if (template_parse(text, len, fields, nfields, &t, &d) != ST_OK) show d (ST_DATA);
 *	template_require(t, must, nmust, &d);              an answer keeps {依据} …
 *	template_render(t, lookup, ctx, doc, &d);           paragraphs appended to doc
 *	template_free(&t);
 */
#ifndef GK_TEMPLATE_H
#define GK_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "docx.h"
#include "status.h"
#include "strbuf.h"

/* A field a template may use: its name (as written between the braces), whether a document
 * cannot be made without its value, and a short description for the clerk. */
struct tpl_field {
	const char *name;
	bool required;
	const char *desc;
};

struct template;

/*
 * Parses text[0..len) against the catalogue fields[0..nfields) (copied: the caller may free it
 * afterwards). ST_OK and *out (the caller frees it with template_free); or ST_DATA, *out NULL,
 * and one Chinese line per problem in d, naming the line and what is wrong:
 *   第3行: 未知的字段 {申请日}，可用的字段：{申请人}、{收到日期}……
 *   第5行: “{” 没有对应的 “}”（要写 { 本身，请写 {{）
 *   第6行: 多余的 “}”（要写 } 本身，请写 }}）
 *   第7行: 未知的标记 【附注】，可用的标记：【标题】【文号】……
 * as well as an empty field {}, a field written with full-width braces ｛申请人｝, text after
 * 【分页】, and text that is not UTF-8 (a file saved as GBK).
 */
enum status template_parse(const char *text, size_t len, const struct tpl_field *fields,
			   size_t nfields, struct template **out, struct diag *d);
void template_free(struct template **t);

/* Whether the template uses the field `name` on some line. */
bool template_uses(const struct template *t, const char *name);

/*
 * Checks that the template keeps each of names[0..n) (an answer must keep {依据} and
 * {救济途径}): ST_OK, or ST_DATA with one line per missing field in d:
 *   模板缺少必须保留的字段 {依据}
 */
enum status template_require(const struct template *t, const char *const *names, size_t n,
			     struct diag *d);

/* The value of field number `field` of the catalogue (named `name`), or NULL when it has
 * none. The string must stay valid until template_render returns. */
typedef const char *(*template_lookup_fn)(void *ctx, size_t field, const char *name);

/*
 * Appends the template's paragraphs, filled in with the values lookup gives, to doc.
 * ST_DATA with one line per required field that has no value (文书不能生成：缺少必填的字段
 * {申请人}（申请人姓名）), and then nothing is added to doc.
 */
enum status template_render(const struct template *t, template_lookup_fn lookup, void *ctx,
			    struct docx *doc, struct diag *d);

/* Appends comment lines listing the catalogue (`# {申请人}　申请人姓名（必填）`), for the head
 * of a default template, so that the file explains itself to the clerk who edits it. */
void template_field_help(const struct tpl_field *fields, size_t nfields, struct strbuf *out);

#endif
