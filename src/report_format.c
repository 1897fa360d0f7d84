/*
 * report_format.c — the table of report forms and writing a report in one of them.
 */
#include "report_format.h"

#include <string.h>

#include "outfile.h"

static void text_wide(const struct report *r, struct strbuf *out)
{
	report_text(r, REPORT_TEXT_WIDTH, out);
}

const struct report_format report_formats[] = {
	{ "xlsx", "xlsx", "Excel（.xlsx，报送上级；汇总时每个来源另有一张工作表）", NULL,
	  report_xlsx_many },
	{ "html", "html", "网页（.html，政府网站发布）", report_html, NULL },
	{ "text", "txt", "文本表格（.txt）", text_wide, NULL },
	{ "csv", "csv", "CSV（.csv，UTF-8 带 BOM）", report_csv, NULL },
	{ "json", "json", "JSON（.json，供全市汇总）", report_json, NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

const struct report_format *report_format_find(const char *name)
{
	for (const struct report_format *f = report_formats; name && f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

void report_format_names(struct strbuf *out)
{
	for (const struct report_format *f = report_formats; f->name; f++) {
		sb_adds(out, f == report_formats ? "" : f[1].name ? "、" : " 或 ");
		sb_adds(out, f->name);
	}
}

bool report_format_needs_file(const struct report_format *f)
{
	return f->file != NULL;
}

enum status report_format_write(const struct report_format *f, const struct report *const *reps,
				size_t n, const char *path, struct diag *d)
{
	if (!f->file) {
		struct strbuf text = STRBUF_INIT;
		f->text(reps[0], &text);
		enum status st = outfile_write(path, text.buf, text.len, d);
		sb_release(&text);
		return st;
	}
	struct outfile o;
	enum status st = outfile_open(&o, path, d);
	if (st != ST_OK)
		return st;
	outfile_by_name(&o);
	st = f->file(reps, n, o.tmp, d);
	if (st == ST_OK)
		return outfile_commit(&o, d);
	outfile_abort(&o);
	return st;
}
