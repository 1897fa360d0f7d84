/*
 * xlsx.c — the first worksheet of an .xlsx workbook as rows of text (libzip, expat).
 *
 * Opening reads, in order: _rels/.rels (where the workbook is), the workbook (its first sheet
 * and whether it counts dates from 1904), the workbook's relationships (the parts of that
 * sheet, the shared strings and the styles), the styles (which cell formats are dates) and the
 * shared strings (held in one buffer). The sheet is then parsed as it is read from the
 * archive: the parser stops after each </row> (XML_StopParser, resumable) and xlsx_next hands
 * that row out, so one row is held at a time. Elements are matched by their local name, so
 * both the transitional and the strict OOXML namespaces are read.
 */
#include "xlsx.h"

#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "date.h"
#include "strbuf.h"
#include "xmem.h"

#define NS_SEP '|'
#define CHUNK 65536
#define NO_CELL SIZE_MAX
#define MAX_SST_BYTES ((size_t)512 << 20)   /* a guard against a zip bomb, not a real limit */

struct xlsx_reader {
	zip_t *zip;
	bool date1904;
	struct strbuf sst;            /* the shared strings, each followed by a NUL */
	size_t *sst_off, nsst, sst_cap;
	bool *xf_date;                /* whether cell format i shows a date */
	size_t nxf, xf_cap;
	char *sheet_name;             /* the sheet's part, for messages */
	/* streaming the sheet */
	zip_file_t *zf;
	XML_Parser p;
	bool suspended, fed_final, done, failed, sheet_end;
	char *error;
	/* the row being read */
	unsigned row, next_col;
	bool in_c, in_v, in_is, in_t, has_v, has_f, too_long;
	int rph;                      /* depth inside <rPh> (phonetic runs, not the text) */
	unsigned col, style;
	char type[12];
	struct strbuf val, rowtext;
	struct { size_t off, len; } *cells;   /* in rowtext, by column; off NO_CELL when empty */
	size_t ncells, cell_cap;
	struct csv_field *fields;
	size_t field_cap;
	bool row_ready;
	char row_error[192];
	size_t error_field;
};

/* ---- XML helpers ---- */

static const char *local(const char *name)
{
	const char *s = strrchr(name, NS_SEP);
	return s ? s + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (; atts && atts[0]; atts += 2)
		if (strcmp(local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

/* What every small part's parse shares: the parser, and why a handler stopped it. */
struct part {
	XML_Parser p;
	struct xlsx_reader *x;
	const char *abort_msg;
};

static void part_abort(struct part *pt, const char *msg)
{
	pt->abort_msg = msg;
	XML_StopParser(pt->p, XML_FALSE);
}

static void zip_fail(struct diag *d, const char *what, zip_error_t *err)
{
	diag_add(d, "%s（%s）", what, zip_error_strerror(err));
}

/* Streams the open part zf through the parser p; ST_DATA with a line when it is damaged. */
static enum status feed_part(XML_Parser p, zip_file_t *zf, const char *name,
			     const struct part *pt, struct diag *d)
{
	for (bool final = false; !final;) {
		void *buf = XML_GetBuffer(p, CHUNK);
		zip_int64_t n = buf ? zip_fread(zf, buf, CHUNK) : -1;
		if (n < 0) {
			diag_add(d, "xlsx 文件已损坏：读取 %s 失败（%s）", name, zip_file_strerror(zf));
			return ST_DATA;
		}
		final = n == 0;
		if (XML_ParseBuffer(p, (int)n, final) == XML_STATUS_OK)
			continue;
		if (pt->abort_msg)
			diag_add(d, "%s: %s", name, pt->abort_msg);
		else
			diag_add(d, "%s 第%lu行: XML 格式有误（%s）", name,
				 (unsigned long)XML_GetCurrentLineNumber(p),
				 XML_ErrorString(XML_GetErrorCode(p)));
		return ST_DATA;
	}
	return ST_OK;
}

/*
 * Parses the whole part `name` with the handlers; pt (the first member of the handlers'
 * context) gets the parser. A missing part is ST_OK when not required.
 */
static enum status parse_part(struct xlsx_reader *x, const char *name, bool required,
			      struct part *pt, XML_StartElementHandler start,
			      XML_EndElementHandler end, XML_CharacterDataHandler text,
			      struct diag *d)
{
	zip_int64_t idx = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
	if (idx < 0) {
		if (required)
			diag_add(d, "不是 Excel 工作簿：压缩包中没有 %s", name);
		return required ? ST_DATA : ST_OK;
	}
	zip_file_t *zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
	if (!zf) {
		diag_add(d, "xlsx 文件已损坏：无法读取 %s（%s）", name,
			 zip_error_strerror(zip_get_error(x->zip)));
		return ST_DATA;
	}
	XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);
	pt->p = p;
	pt->x = x;
	XML_SetUserData(p, pt);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, text);
	enum status st = feed_part(p, zf, name, pt, d);
	XML_ParserFree(p);
	zip_fclose(zf);
	return st;
}

/* ---- relationships: which part is the workbook, the first sheet, the strings, styles ---- */

struct rels {
	struct part pt;
	const char *want_id;          /* the relationship whose target is wanted, or NULL */
	char *office, *target, *sst, *styles;
};

static bool type_is(const char *type, const char *what)
{
	size_t n = strlen(type), w = strlen(what);
	return n > w && type[n - w - 1] == '/' && strcmp(type + n - w, what) == 0;
}

static void rels_start(void *ctx, const char *name, const char **atts)
{
	struct rels *r = ctx;
	const char *type = attr(atts, "Type"), *target = attr(atts, "Target");
	const char *id = attr(atts, "Id");
	if (strcmp(local(name), "Relationship") != 0 || !type || !target)
		return;
	char **slot = NULL;
	if (type_is(type, "officeDocument"))
		slot = &r->office;
	else if (type_is(type, "sharedStrings"))
		slot = &r->sst;
	else if (type_is(type, "styles"))
		slot = &r->styles;
	else if (r->want_id && id && strcmp(id, r->want_id) == 0)
		slot = &r->target;
	if (slot && !*slot)
		*slot = xstrdup(target);
}

static void no_end(void *ctx, const char *name)
{
	(void)ctx;
	(void)name;
}

static void no_text(void *ctx, const char *s, int len)
{
	(void)ctx;
	(void)s;
	(void)len;
}

static void rels_release(struct rels *r)
{
	free(r->office);
	free(r->target);
	free(r->sst);
	free(r->styles);
}

/* The part a relationship's target names, from the folder of the part that holds it. */
static char *resolve(const char *dir, const char *target)
{
	if (target[0] == '/')
		return xstrdup(target + 1);
	while (strncmp(target, "./", 2) == 0)
		target += 2;
	return xasprintf("%s%s", dir, target);
}

/* ---- the workbook: its first sheet, and the date system ---- */

struct workbook {
	struct part pt;
	char *first_id;
	bool seen_sheet;
};

static void workbook_start(void *ctx, const char *name, const char **atts)
{
	struct workbook *w = ctx;
	const char *n = local(name);
	if (strcmp(n, "workbookPr") == 0) {
		const char *v = attr(atts, "date1904");
		w->pt.x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(n, "sheet") == 0 && !w->seen_sheet) {
		const char *id = attr(atts, "id");
		w->seen_sheet = true;
		if (id)
			w->first_id = xstrdup(id);
	}
}

/* ---- styles: which cell formats (cellXfs) show dates ---- */

struct styles {
	struct part pt;
	int *fmt_id;                  /* custom formats: id and whether it is a date */
	bool *fmt_date;
	size_t nfmt, fmt_cap, date_cap;
	int in_xfs;
};

static bool style_is_date(const struct styles *s, int id)
{
	for (size_t i = 0; i < s->nfmt; i++)
		if (s->fmt_id[i] == id)
			return s->fmt_date[i];
	return xlsx_format_is_date(id, NULL);
}

static void styles_start(void *ctx, const char *name, const char **atts)
{
	struct styles *s = ctx;
	struct xlsx_reader *x = s->pt.x;
	const char *n = local(name), *id = attr(atts, "numFmtId");
	if (strcmp(n, "numFmt") == 0 && id) {
		s->fmt_id = xgrow(s->fmt_id, &s->fmt_cap, s->nfmt + 1, sizeof *s->fmt_id);
		s->fmt_date = xgrow(s->fmt_date, &s->date_cap, s->nfmt + 1, sizeof *s->fmt_date);
		const char *code = attr(atts, "formatCode");
		s->fmt_id[s->nfmt] = atoi(id);
		s->fmt_date[s->nfmt++] = xlsx_format_is_date(atoi(id), code ? code : "");
	} else if (strcmp(n, "cellXfs") == 0) {
		s->in_xfs++;
	} else if (strcmp(n, "xf") == 0 && s->in_xfs) {
		x->xf_date = xgrow(x->xf_date, &x->xf_cap, x->nxf + 1, sizeof *x->xf_date);
		x->xf_date[x->nxf++] = style_is_date(s, id ? atoi(id) : 0);
	}
}

static void styles_end(void *ctx, const char *name)
{
	struct styles *s = ctx;
	if (strcmp(local(name), "cellXfs") == 0 && s->in_xfs)
		s->in_xfs--;
}

/* ---- shared strings: the text of each <si>, its runs joined, phonetic runs left out ---- */

struct sst {
	struct part pt;
	bool in_si, in_t;
	int rph;
	size_t start;
};

static void sst_start(void *ctx, const char *name, const char **atts)
{
	struct sst *s = ctx;
	struct xlsx_reader *x = s->pt.x;
	const char *n = local(name);
	(void)atts;
	if (strcmp(n, "si") == 0) {
		s->in_si = true;
		s->start = x->sst.len;
	} else if (strcmp(n, "rPh") == 0) {
		s->rph++;
	} else if (strcmp(n, "t") == 0 && s->in_si && !s->rph) {
		s->in_t = true;
	}
}

static void sst_end(void *ctx, const char *name)
{
	struct sst *s = ctx;
	struct xlsx_reader *x = s->pt.x;
	const char *n = local(name);
	if (strcmp(n, "t") == 0) {
		s->in_t = false;
	} else if (strcmp(n, "rPh") == 0 && s->rph) {
		s->rph--;
	} else if (strcmp(n, "si") == 0 && s->in_si) {
		s->in_si = false;
		size_t len = xlsx_unescape(x->sst.buf ? x->sst.buf + s->start : NULL,
					   x->sst.len - s->start);
		x->sst.len = s->start + len;
		sb_addc(&x->sst, '\0');
		x->sst_off = xgrow(x->sst_off, &x->sst_cap, x->nsst + 1, sizeof *x->sst_off);
		x->sst_off[x->nsst++] = s->start;
	}
}

static void sst_text(void *ctx, const char *t, int len)
{
	struct sst *s = ctx;
	if (!s->in_t)
		return;
	if (s->pt.x->sst.len + (size_t)len > MAX_SST_BYTES)
		part_abort(&s->pt, "共享字符串过大，不像是台账");
	else
		sb_add(&s->pt.x->sst, t, (size_t)len);
}

/* ---- opening ---- */

/* The folder of a part ("xl/" for "xl/workbook.xml") and its relationships part. */
static char *rels_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	if (!slash)
		return xasprintf("_rels/%s.rels", part);
	return xasprintf("%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1);
}

static char *dir_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	return slash ? xstrndup(part, (size_t)(slash - part + 1)) : xstrdup("");
}

/* Reads the workbook part: its first sheet's relationship id. */
static enum status read_workbook(struct xlsx_reader *x, const char *part, char **first_id,
				 struct diag *d)
{
	struct workbook w = { .first_id = NULL };
	enum status st = parse_part(x, part, true, &w.pt, workbook_start, no_end, no_text, d);
	if (st == ST_OK && !w.first_id) {
		diag_add(d, "工作簿中没有工作表");
		st = ST_DATA;
	}
	*first_id = w.first_id;
	if (st != ST_OK) {
		free(w.first_id);
		*first_id = NULL;
	}
	return st;
}

static enum status read_styles_and_strings(struct xlsx_reader *x, const char *dir,
					   const struct rels *r, struct diag *d)
{
	char *styles = resolve(dir, r->styles ? r->styles : "styles.xml");
	char *sst = resolve(dir, r->sst ? r->sst : "sharedStrings.xml");
	struct styles s = { .in_xfs = 0 };
	enum status st = parse_part(x, styles, false, &s.pt, styles_start, styles_end, no_text, d);
	free(s.fmt_id);
	free(s.fmt_date);
	struct sst t = { .in_si = false };
	if (st == ST_OK)
		st = parse_part(x, sst, false, &t.pt, sst_start, sst_end, sst_text, d);
	free(styles);
	free(sst);
	return st;
}

/* Finds the first sheet's part and reads the styles and shared strings. */
static enum status read_parts(struct xlsx_reader *x, struct diag *d)
{
	struct rels top = { .want_id = NULL }, wb = { .want_id = NULL };
	char *workbook = NULL, *first_id = NULL, *dir = NULL, *wb_rels = NULL;
	enum status st = parse_part(x, "_rels/.rels", false, &top.pt, rels_start, no_end, no_text,
				    d);
	if (st == ST_OK) {
		workbook = resolve("", top.office ? top.office : "xl/workbook.xml");
		st = read_workbook(x, workbook, &first_id, d);
	}
	if (st == ST_OK) {
		dir = dir_of(workbook);
		wb_rels = rels_of(workbook);
		wb.want_id = first_id;
		st = parse_part(x, wb_rels, true, &wb.pt, rels_start, no_end, no_text, d);
	}
	if (st == ST_OK && !wb.target) {
		diag_add(d, "不是有效的 Excel 工作簿：%s 中找不到第一个工作表", wb_rels);
		st = ST_DATA;
	}
	if (st == ST_OK) {
		x->sheet_name = resolve(dir, wb.target);
		st = read_styles_and_strings(x, dir, &wb, d);
	}
	rels_release(&top);
	rels_release(&wb);
	free(workbook);
	free(first_id);
	free(dir);
	free(wb_rels);
	return st;
}

/* ---- the sheet, a row at a time ---- */

static void set_row_error(struct xlsx_reader *x, size_t field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void set_row_error(struct xlsx_reader *x, size_t field, const char *fmt, ...)
{
	if (x->row_error[0])
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->row_error, sizeof x->row_error, fmt, ap);
	va_end(ap);
	x->error_field = field;
}

static void sheet_start(void *ctx, const char *name, const char **atts)
{
	struct xlsx_reader *x = ctx;
	const char *n = local(name);
	if (strcmp(n, "row") == 0) {
		const char *r = attr(atts, "r");
		x->row = r ? (unsigned)strtoul(r, NULL, 10) : x->row + 1;
		x->next_col = 0;
		x->ncells = 0;
		x->row_error[0] = '\0';
		sb_reset(&x->rowtext);
	} else if (strcmp(n, "c") == 0) {
		const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
		int col = ref ? xlsx_col_from_letters(ref) : -1;
		x->col = col >= 0 ? (unsigned)col : x->next_col;
		x->style = s ? (unsigned)strtoul(s, NULL, 10) : 0;
		snprintf(x->type, sizeof x->type, "%s", t ? t : "n");
		x->in_c = true;
		x->has_v = x->has_f = x->too_long = false;
		sb_reset(&x->val);
	} else if (x->in_c && strcmp(n, "f") == 0) {
		x->has_f = true;
	} else if (x->in_c && strcmp(n, "v") == 0) {
		x->in_v = true;
	} else if (x->in_c && strcmp(n, "is") == 0) {
		x->in_is = true;
	} else if (x->in_is && strcmp(n, "rPh") == 0) {
		x->rph++;
	} else if (x->in_is && !x->rph && strcmp(n, "t") == 0) {
		x->in_t = true;
	}
}

static void sheet_text(void *ctx, const char *s, int len)
{
	struct xlsx_reader *x = ctx;
	if (!x->in_v && !x->in_t)
		return;
	if (x->val.len + (size_t)len > CSV_MAX_FIELD_DEFAULT)
		x->too_long = true;
	else
		sb_add(&x->val, s, (size_t)len);
}

/* The text of a number cell: a date when its format shows one, else the shortest number. */
static void number_text(struct xlsx_reader *x, struct strbuf *out)
{
	char *end;
	double v = strtod(sb_str(&x->val), &end);
	if (end == sb_str(&x->val) || *end) {
		sb_adds(out, sb_str(&x->val));
		return;
	}
	int date;
	char buf[32];
	if (x->style < x->nxf && x->xf_date[x->style] && xlsx_serial_date(v, x->date1904, &date))
		sb_adds(out, date_format(date, buf));
	else
		sb_adds(out, xlsx_number_text(v, buf));
}

/* The cell's value as text into out (empty when it has none). */
static void cell_text(struct xlsx_reader *x, struct strbuf *out)
{
	const char *v = sb_str(&x->val);
	if (!x->has_v)
		return;
	if (strcmp(x->type, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (*v && !*end && i < x->nsst)
			sb_adds(out, x->sst.buf + x->sst_off[i]);
		else
			set_row_error(x, x->col, "共享字符串 %u 不存在（文件已损坏）", (unsigned)i);
	} else if (strcmp(x->type, "b") == 0) {
		sb_adds(out, strcmp(v, "1") == 0 ? "TRUE" : "FALSE");
	} else if (strcmp(x->type, "d") == 0) {
		sb_add(out, v, strlen(v) > 10 && v[10] == 'T' ? 10 : strlen(v));
	} else if (strcmp(x->type, "n") == 0) {
		number_text(x, out);
	} else {   /* str, inlineStr, e */
		size_t at = out->len;
		sb_adds(out, v);
		out->len = at + xlsx_unescape(out->buf ? out->buf + at : NULL, out->len - at);
	}
}

/*
 * Whether the cell is a formula whose result was never computed: a program that writes
 * workbooks (openpyxl, for one) leaves <v> out or empty, and only a spreadsheet that opens and
 * saves the file computes it. Read as empty, its value would be lost without a word. An empty
 * result of type str is a computed empty text (Excel writes =IF(…,"",…) so), not a missing one.
 */
static bool formula_without_value(const struct xlsx_reader *x)
{
	if (!x->has_f)
		return false;
	return !x->has_v || (x->val.len == 0 && strcmp(x->type, "str") != 0);
}

/* Keeps the finished cell's text in the row, at its column. */
static void keep_cell(struct xlsx_reader *x)
{
	if (formula_without_value(x))
		set_row_error(x, x->col, "是公式且没有计算结果，请在 Excel 或 WPS 中打开并保存后再导入"
			      "（或把公式粘贴为数值）");
	size_t at = x->rowtext.len;
	cell_text(x, &x->rowtext);
	size_t len = x->rowtext.len - at;
	x->next_col = x->col + 1;
	if (x->too_long)
		set_row_error(x, x->col, "字段超过 %d 字节", CSV_MAX_FIELD_DEFAULT);
	if (len == 0 && !x->too_long)
		return;
	if (x->col >= CSV_MAX_FIELDS_DEFAULT) {
		set_row_error(x, CSV_MAX_FIELDS_DEFAULT, "字段超过 %d 个", CSV_MAX_FIELDS_DEFAULT);
		x->rowtext.len = at;
		return;
	}
	sb_addc(&x->rowtext, '\0');
	x->cells = xgrow(x->cells, &x->cell_cap, x->col + 1, sizeof *x->cells);
	for (size_t c = x->ncells; c < x->col; c++)
		x->cells[c].off = NO_CELL;
	x->cells[x->col].off = at;
	x->cells[x->col].len = len;
	if (x->col >= x->ncells)
		x->ncells = x->col + 1;
}

static void sheet_end(void *ctx, const char *name)
{
	struct xlsx_reader *x = ctx;
	const char *n = local(name);
	if (strcmp(n, "v") == 0 && x->in_v) {
		x->in_v = false;
		x->has_v = true;
	} else if (strcmp(n, "t") == 0 && x->in_t) {
		x->in_t = false;
		x->has_v = true;
	} else if (strcmp(n, "rPh") == 0 && x->rph) {
		x->rph--;
	} else if (strcmp(n, "is") == 0) {
		x->in_is = false;
	} else if (strcmp(n, "c") == 0 && x->in_c) {
		x->in_c = false;
		keep_cell(x);
	} else if (strcmp(n, "row") == 0) {
		x->row_ready = true;
		XML_StopParser(x->p, XML_TRUE);
	} else if (strcmp(n, "sheetData") == 0) {
		x->sheet_end = true;          /* what follows (merged cells, print setup) is not data */
		XML_StopParser(x->p, XML_FALSE);
	}
}

static bool sheet_fail(struct xlsx_reader *x, char *msg)
{
	free(x->error);
	x->error = msg;
	x->failed = true;
	return false;
}

/* Gives the parser the next piece of the sheet (or lets it go on); false on a failure. */
static bool feed(struct xlsx_reader *x)
{
	enum XML_Status st;
	if (x->suspended) {
		st = XML_ResumeParser(x->p);
	} else if (x->fed_final) {
		x->done = true;
		return true;
	} else {
		void *buf = XML_GetBuffer(x->p, CHUNK);
		zip_int64_t n = buf ? zip_fread(x->zf, buf, CHUNK) : -1;
		if (n < 0)
			return sheet_fail(x, xasprintf("xlsx 文件已损坏：读取工作表 %s 失败（%s）",
						       x->sheet_name, zip_file_strerror(x->zf)));
		x->fed_final = n == 0;
		st = XML_ParseBuffer(x->p, (int)n, n == 0);
	}
	x->suspended = st == XML_STATUS_SUSPENDED;
	if (st == XML_STATUS_ERROR && x->sheet_end)
		x->done = true;
	else if (st == XML_STATUS_ERROR)
		return sheet_fail(x, xasprintf("工作表 %s 第%lu行: XML 格式有误（%s）", x->sheet_name,
					       (unsigned long)XML_GetCurrentLineNumber(x->p),
					       XML_ErrorString(XML_GetErrorCode(x->p))));
	else if (st == XML_STATUS_OK && x->fed_final)
		x->done = true;
	return true;
}

static void hand_out(struct xlsx_reader *x, struct csv_record *rec)
{
	x->fields = xgrow(x->fields, &x->field_cap, x->ncells + 1, sizeof *x->fields);
	for (size_t c = 0; c < x->ncells; c++) {
		bool has = x->cells[c].off != NO_CELL;
		x->fields[c].p = has ? x->rowtext.buf + x->cells[c].off : "";
		x->fields[c].len = has ? x->cells[c].len : 0;
	}
	memset(rec, 0, sizeof *rec);
	rec->field = x->fields;
	rec->n = x->ncells;
	rec->row = x->row;
	rec->error = x->row_error[0] ? x->row_error : NULL;
	rec->error_field = x->error_field;
}

enum csv_result xlsx_next(struct xlsx_reader *x, struct csv_record *rec)
{
	for (;;) {
		if (x->row_ready) {
			x->row_ready = false;
			if (x->ncells == 0 && !x->row_error[0])
				continue;
			hand_out(x, rec);
			return x->row_error[0] ? CSV_BAD : CSV_RECORD;
		}
		if (x->done || x->failed)
			return CSV_END;
		if (!feed(x))
			return CSV_FAIL;
	}
}

const char *xlsx_error(const struct xlsx_reader *x)
{
	return x->error;
}

static enum status start_sheet(struct xlsx_reader *x, struct diag *d)
{
	zip_int64_t idx = zip_name_locate(x->zip, x->sheet_name, ZIP_FL_NOCASE);
	x->zf = idx < 0 ? NULL : zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
	if (!x->zf) {
		diag_add(d, "不是有效的 Excel 工作簿：找不到第一个工作表 %s", x->sheet_name);
		return ST_DATA;
	}
	x->p = XML_ParserCreateNS(NULL, NS_SEP);
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(x->p, sheet_text);
	return ST_OK;
}

static enum status open_source(zip_source_t *src, struct xlsx_reader **out, struct diag *d)
{
	zip_error_t err;
	zip_error_init(&err);
	struct xlsx_reader *x = xcalloc(1, sizeof *x);
	x->zip = zip_open_from_source(src, ZIP_RDONLY, &err);
	enum status st = ST_OK;
	if (!x->zip) {
		if (zip_error_code_zip(&err) == ZIP_ER_NOZIP)
			diag_add(d, "不是有效的 xlsx 文件（不是 zip 压缩包，或文件不完整）");
		else
			zip_fail(d, "xlsx 文件已损坏", &err);
		zip_source_free(src);
		st = ST_DATA;
	}
	zip_error_fini(&err);
	if (st == ST_OK)
		st = read_parts(x, d);
	if (st == ST_OK)
		st = start_sheet(x, d);
	if (st != ST_OK)
		xlsx_free(&x);
	*out = x;
	return st;
}

enum status xlsx_open_fd(int fd, struct xlsx_reader **out, struct diag *d)
{
	*out = NULL;
	int copy = dup(fd);
	FILE *fp = copy >= 0 ? fdopen(copy, "rb") : NULL;
	if (!fp) {
		if (copy >= 0)
			close(copy);
		diag_add(d, "无法读取 xlsx 文件");
		return ST_NOINPUT;
	}
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_filep_create(fp, 0, -1, &err);
	if (!src) {
		zip_fail(d, "无法读取 xlsx 文件", &err);
		zip_error_fini(&err);
		fclose(fp);
		return ST_NOINPUT;
	}
	zip_error_fini(&err);
	return open_source(src, out, d);
}

enum status xlsx_open_mem(char *data, size_t len, struct xlsx_reader **out, struct diag *d)
{
	*out = NULL;
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(data, len, 1, &err);
	if (!src) {
		zip_fail(d, "无法读取 xlsx 文件", &err);
		zip_error_fini(&err);
		free(data);
		return ST_DATA;
	}
	zip_error_fini(&err);
	return open_source(src, out, d);
}

void xlsx_free(struct xlsx_reader **xp)
{
	struct xlsx_reader *x = *xp;
	if (!x)
		return;
	if (x->p)
		XML_ParserFree(x->p);
	if (x->zf)
		zip_fclose(x->zf);
	if (x->zip)
		zip_discard(x->zip);
	sb_release(&x->sst);
	sb_release(&x->val);
	sb_release(&x->rowtext);
	free(x->sst_off);
	free(x->xf_date);
	free(x->sheet_name);
	free(x->error);
	free(x->cells);
	free(x->fields);
	free(x);
	*xp = NULL;
}
