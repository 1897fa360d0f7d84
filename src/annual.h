/*
 * annual.h — the whole annual report (政府信息公开工作年度报告): the title, the six sections in
 * the State Council's order with the tables in place, and the office's own text in sections 一,
 * 五 and 六 (docs/annual-report.md).
 *
 * The office's text is kept per year and section in the database (store_section_get/put). It
 * may hold fields in braces, always computed from the tables when the report is written:
 * `{概述句}` (the overview sentence), `{收费句}` (the fee sentence), `{本年新收}`, `{上年结转}`,
 * `{办结}`, `{结转下年}` (numbers of table 三), `{收费金额}` (the fees of section 六, in 元) and
 * `{表二收费}` (table 二's fees, in 万元). Numbers the office typed itself are read by the
 * checks, which compare them with the tables before the report leaves.
 */
#ifndef GK_ANNUAL_H
#define GK_ANNUAL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "report.h"
#include "status.h"
#include "strbuf.h"

struct store;
struct docx;

/* The sections whose text the office writes. */
enum annual_section {
	AN_OVERVIEW,   /* 一、总体情况, in its five subsections */
	AN_PROBLEMS,   /* 五、存在的主要问题及改进情况 */
	AN_OTHER,      /* 六、其他需要报告的事项, after the fee sentence */
	AN_SECTIONS
};

/* The section's key in the database and on the command line (overview, problems, other), its
 * Chinese name (总体情况, 问题改进, 其他事项) and its heading in the report. */
const char *annual_section_key(int k);
const char *annual_section_name(int k);
const char *annual_section_heading(int k);
/* The section a name gives (the key or the Chinese name), or -1. */
int annual_section_parse(const char *name);
/* Appends the names for a message: `总体情况（overview）、…`. */
void annual_section_names(struct strbuf *out);
/* The text a section starts from when the office has written none: the subsection headings
 * of the State Council's format, with `{概述句}` under 依申请公开 and `{收费句}` nowhere (section
 * 六 always begins with it). A static string. */
const char *annual_section_skeleton(int k);

struct annual {
	struct report r;                 /* the tables, the fees and their checks */
	char *text[AN_SECTIONS];         /* the office's text (NULL: never written) */
	long long version[AN_SECTIONS];  /* as read, for store_section_put */
	char *last[AN_SECTIONS];         /* the same sections of the year before, or NULL */
	struct diag problems;            /* the text's checks (annual_check), a line each */
};

void annual_init(struct annual *a);
void annual_release(struct annual *a);

/*
 * Builds the whole report of a year: report_build, the office's text of the year and of the
 * year before, and the checks (annual_check). The caller releases a.
 */
enum status annual_build(struct store *s, int year, struct annual *a, struct diag *d);
/* Reads the office's text of a->r.year and of the year before into a (replacing what it
 * held); a roll-up reads the city's own text this way onto its sum. */
enum status annual_read_text(struct store *s, struct annual *a, struct diag *d);

/*
 * The checks of the whole report, into a->problems (the table checks stay in a->r.problems):
 * a number of applications received, answered or carried over, or a fee amount, written in
 * the text that is not the tables' (naming the section and quoting the sentence); a required
 * section (一, 五) empty or only headings; a section the same as the year before (内容雷同);
 * table 二 not entered.
 */
void annual_check(struct annual *a);
/* Whether every check of the tables and the text holds. */
bool annual_passes(const struct annual *a);

/* Checks the fields of a section's text: false, with a line naming the line and the field for
 * each unknown one, when a `{…}` is not a field annual.h lists. */
bool annual_fields_valid(const char *text, struct diag *d);
/* Whether the line s[0..n) is a subsection heading: `（一）…` or `(一) …`, at most 60 bytes, no
 * 。 inside (a full stop may end it). The report sets it as a heading; a section of headings
 * alone is not written. */
bool annual_is_heading(const char *s, size_t n);
/* Appends text with its fields replaced by their values from r. */
void annual_expand(const struct report *r, const char *text, struct strbuf *out);

/*
 * The whole report as a document (docx.h): title (`（草稿）` after it for a draft), the six
 * headed sections, the office's text in paragraphs (a line that is a subsection heading such
 * as `（一）主动公开` becomes one), tables 二, 三 and 四 as Word tables in the official merged
 * layout, and for a roll-up the bodies added up. The caller frees it with docx_free.
 */
struct docx *annual_docx(const struct annual *a, bool draft);
/* The whole report as text about `width` columns wide (paragraphs at most 96): the title
 * centred, headings, paragraphs wrapped and indented, the tables drawn as report_text draws
 * them. Appends to out. */
void annual_text(const struct annual *a, bool draft, int width, struct strbuf *out);
/* The whole report as one standalone HTML page for the website. Appends to out. */
void annual_html(const struct annual *a, bool draft, struct strbuf *out);

/* The forms the whole report is written in, in the order the interface offers them; ends with
 * a NULL name. */
struct annual_format {
	const char *name;    /* the --format name: docx, html, text */
	const char *ext;     /* the file extension, without the dot */
	const char *label;   /* Chinese, for the interface's list of exports */
};
extern const struct annual_format annual_formats[];
/* Whether name is one of annual_formats. */
bool annual_format_known(const char *name);
/*
 * Writes the whole report in the form named (text: standard output when path is NULL or "-";
 * html and docx need a file) whole or not at all. ST_USAGE with a line when the form is not
 * one of annual_format_known or needs a file; ST_CANTCREAT or ST_IO when it cannot be written.
 */
enum status annual_write(const struct annual *a, const char *format, bool draft,
			 const char *path, struct diag *d);

#endif
