/*
 * cmd_clock.c — the statutory clock on the command line: `list`, `due`, `calendar`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "calendar.h"
#include "cli.h"
#include "clock.h"
#include "cmds.h"
#include "codes.h"
#include "csv.h"
#include "date.h"
#include "store.h"
#include "syserr.h"
#include "text.h"
#include "xmem.h"

#define PAGE 500

enum list_format { LIST_TEXT, LIST_CSV, LIST_JSON };

static const char *const state_keys[] = {
	[STATE_OPEN] = "open", [STATE_CORRECTION] = "correction", [STATE_CONSULT] = "consult",
	[STATE_FEE] = "fee", [STATE_ANSWERED] = "answered",
};

/* Working days left of a row, and whether it has any: running ones count to the due date,
 * paused ones show the days kept at the pause; none while waiting for 补正 or answered. */
static bool row_left(const struct calendar *cal, const struct list_row *r, int today, int *left)
{
	if (r->voided)
		return false;
	if (r->state == STATE_OPEN && r->due != DATE_NONE) {
		*left = calendar_workdays_between(cal, today, r->due);
		if (*left == 0 && today > r->due)
			*left = -1;   /* a weekend after the due date: late, though no workday passed */
		return true;
	}
	if ((r->state == STATE_CONSULT || r->state == STATE_FEE) && r->due == DATE_NONE) {
		*left = r->left_days;
		return true;
	}
	return false;
}

static void json_date(struct strbuf *out, int date)
{
	char buf[DATE_BUF];
	if (date == DATE_NONE)
		sb_adds(out, "null");
	else
		sb_addf(out, "\"%s\"", date_format(date, buf));
}

static void row_json(struct strbuf *out, const struct list_row *r, bool has_left, int left,
		     bool first)
{
	sb_adds(out, first ? "\n  {" : ",\n  {");
	sb_adds(out, "\"case_no\": ");
	sb_add_json(out, r->case_no);
	sb_adds(out, ", \"received\": ");
	json_date(out, r->received);
	sb_addf(out, ", \"applicant_type\": \"%s\", \"state\": \"%s\", \"due\": ",
		code_key(&codes_applicant, r->type), r->voided ? "voided" : state_keys[r->state]);
	json_date(out, r->state == STATE_ANSWERED || r->voided ? DATE_NONE : r->due);
	if (has_left)
		sb_addf(out, ", \"workdays_left\": %d", left);
	else
		sb_adds(out, ", \"workdays_left\": null");
	sb_adds(out, ", \"answered\": ");
	json_date(out, r->answered);
	sb_adds(out, ", \"outcome\": ");
	if (outcome_is_valid(r->outcome))
		sb_addf(out, "\"%s\"", t3_row_key(r->outcome));
	else
		sb_adds(out, "null");
	sb_adds(out, "}");
}

static const char *row_state(const struct list_row *r, int today)
{
	if (r->voided)
		return "已作废";
	bool late = r->state == STATE_OPEN && r->due != DATE_NONE && today > r->due;
	return app_state_label(r->state, r->extended, late);
}

static void row_text(struct strbuf *out, const struct list_row *r, bool has_left, int left,
		     int today, int case_width)
{
	char rec[DATE_BUF], due[DATE_BUF], num[16] = "";
	if (has_left)
		snprintf(num, sizeof num, "%d", left);
	text_pad(r->case_no, case_width, out);   /* whole: it is what show and set are given */
	sb_addf(out, " %s ", date_format(r->received, rec));
	text_fit(r->applicant, 16, out);
	sb_adds(out, " ");
	text_fit(code_label(&codes_applicant, r->type), 12, out);
	sb_adds(out, " ");
	text_fit(row_state(r, today), 10, out);
	sb_adds(out, " ");
	text_fit(r->state == STATE_ANSWERED || r->voided ? "" : date_format(r->due, due), 10, out);
	sb_adds(out, " ");
	text_fit_align(num, 6, TEXT_RIGHT, out);
	sb_adds(out, " ");
	outcome_code_label(r->outcome, out);   /* group and number, as the interface's list */
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	sb_adds(out, "\n");
}

static void row_csv(struct strbuf *out, const struct list_row *r, bool has_left, int left,
		    int today)
{
	char rec[DATE_BUF], due[DATE_BUF], ans[DATE_BUF], num[16] = "";
	if (has_left)
		snprintf(num, sizeof num, "%d", left);
	struct csv_writer w;
	csv_writer_init(&w, out);
	csv_write_text(&w, r->case_no, strlen(r->case_no));
	csv_write_field(&w, date_format(r->received, rec), 10);
	csv_write_text(&w, r->applicant, strlen(r->applicant));
	const char *cells[] = {
		code_label(&codes_applicant, r->type), row_state(r, today),
		r->state == STATE_ANSWERED || r->voided ? "" : date_format(r->due, due), num,
		date_format(r->answered, ans),
		outcome_is_valid(r->outcome) ? outcome_ledger_label(r->outcome) : "",
	};
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
		csv_write_field(&w, cells[i], strlen(cells[i]));
	csv_end_record(&w);
}

static void list_header(struct strbuf *out, enum list_format fmt, int case_width)
{
	if (fmt == LIST_JSON) {
		sb_adds(out, "[");
	} else if (fmt == LIST_CSV) {
		sb_adds(out, CSV_BOM "编号,收到日期,申请人,申请人类型,状态,到期日,剩余工作日,"
			     "答复日期,办理结果\r\n");
	} else {
		static const char *const cols[] = { "编号", "收到日期", "申请人", "类型", "状态",
						    "到期日", "剩余工作日" };
		const int widths[] = { case_width, 10, 16, 12, 10, 10, 10 };
		for (size_t i = 0; i < 7; i++) {
			text_fit(cols[i], widths[i], out);
			sb_adds(out, " ");
		}
		sb_adds(out, "结果\n");
	}
}

static enum status write_list(struct store *s, const struct list_query *q,
			      enum list_format fmt, int today, long long *count)
{
	struct list_page page = { 0 };
	struct strbuf out = STRBUF_INIT;
	struct diag d = DIAG_INIT;
	const struct calendar *cal = store_calendar(s);
	char *key = NULL;
	long long id = 0;
	enum status st;
	int case_width = 12;   /* wider when the first page has a longer case number */
	bool headed = false;
	while ((st = store_list_page(s, q, key, id, false, PAGE, &page, &d)) == ST_OK && page.n) {
		for (size_t i = 0; !headed && i < page.n; i++) {
			int w = text_width(page.rows[i].case_no);
			if (w > case_width)
				case_width = w;
		}
		if (!headed)
			list_header(&out, fmt, case_width);
		headed = true;
		for (size_t i = 0; i < page.n; i++) {
			int left = 0;
			bool has = row_left(cal, &page.rows[i], today, &left);
			if (fmt == LIST_JSON)
				row_json(&out, &page.rows[i], has, left, *count == 0);
			else if (fmt == LIST_CSV)
				row_csv(&out, &page.rows[i], has, left, today);
			else
				row_text(&out, &page.rows[i], has, left, today, case_width);
			++*count;
		}
		fwrite(out.buf, 1, out.len, stdout);
		sb_reset(&out);
		free(key);
		key = xstrdup(page.rows[page.n - 1].key);
		id = page.rows[page.n - 1].id;
	}
	if (!headed)
		list_header(&out, fmt, case_width);
	if (fmt == LIST_JSON)
		sb_adds(&out, *count ? "\n]\n" : "]\n");
	fwrite(sb_str(&out), 1, out.len, stdout);
	free(key);
	sb_release(&out);
	store_list_page_release(&page);
	if (st == ST_OK && (fflush(stdout) != 0 || ferror(stdout))) {
		diag_add(&d, "写入标准输出失败");
		st = ST_IO;
	}
	st = cli_fail(st, &d);
	diag_release(&d);
	return st;
}

static const char *const list_formats[] = { "text", "csv", "json", NULL };

enum status cmd_list(struct cli *c, int argc, char **argv)
{
	struct list_query q = { .filter = LF_ALL, .today = c->today };
	int fmt = LIST_TEXT, within = -1;
	bool open = false, late = false, voided = false;
	const struct cli_opt opts[] = {
		{ "voided", 0, OPT_FLAG, &voided, NULL, NULL, 0, 0, NULL },
		{ "open", 0, OPT_FLAG, &open, NULL, NULL, 0, 0, NULL },
		{ "late", 0, OPT_FLAG, &late, NULL, NULL, 0, 0, NULL },
		{ "due-within", 0, OPT_INT, &within, "--due-within", NULL, 0, 1000, NULL },
		CLI_OPT_YEAR_OPTIONAL(&q.year),
		{ "format", 'f', OPT_CHOICE, &fmt, "格式", NULL, 0, 0, list_formats },
		{ "search", 0, OPT_TEXT, &q.search, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("list", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("list", argc, argv, first, 0, false, NULL);
	if (rc != ST_OK)
		return rc;
	if (open + late + voided + (within >= 0) > 1)
		return cli_usage_error("list", "--open、--late、--due-within、--voided 只能选一个");
	q.filter = open ? LF_OPEN : late ? LF_LATE : within >= 0 ? LF_SOON : voided ? LF_VOIDED
		 : LF_ALL;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	if (within >= 0)
		q.soon_until = calendar_add_workdays(store_calendar(s), c->today, within);
	long long count = 0;
	return write_list(s, &q, (enum list_format)fmt, c->today, &count);
}

/* `due --today` and `due --report`: one line an item, nothing when nothing is due, so that
 * cron mails only when there is something to do. */
static enum status due_agenda(struct cli *c, bool report_only)
{
	enum status rc;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct diag d = DIAG_INIT;
	struct agenda ag;
	enum status st = agenda_build(s, c->today, true, &ag, &d);
	struct strbuf out = STRBUF_INIT;
	for (size_t i = 0; st == ST_OK && i < ag.n; i++) {
		const struct agenda_item *it = &ag.items[i];
		if (report_only && it->kind != AG_REPORT)
			continue;
		agenda_line(it, true, &out);
		sb_adds(&out, "\n");
	}
	if (out.len)   /* nothing due: nothing written (an empty buffer has no memory yet) */
		fwrite(out.buf, 1, out.len, stdout);
	sb_release(&out);
	if (st == ST_OK)
		agenda_release(&ag);
	rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}

enum status cmd_due(struct cli *c, int argc, char **argv)
{
	int n = CLOCK_ANSWER_DAYS;
	bool today = false, report = false;
	const struct cli_opt opts[] = {
		{ "workdays", 0, OPT_INT, &n, "--workdays", NULL, 0, 1000, NULL },
		{ "today", 0, OPT_FLAG, &today, NULL, NULL, 0, 0, NULL },
		{ "report", 0, OPT_FLAG, &report, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("due", argc, argv, opts, &first);
	if (rc != ST_OK)
		return rc;
	if (today || report) {
		if (today && report)
			return cli_usage_error("due", "--today 和 --report 只能选一个");
		if (first < argc)
			return cli_usage_error("due", "--today、--report 不带日期（今天即 GONGKAI_TODAY "
					       "或系统日期）");
		return due_agenda(c, report);
	}
	if (first + 1 < argc)
		return cli_usage_error("due", "多余的参数 %s（只需要一个日期）", argv[first + 1]);
	if (first + 1 != argc)
		return cli_usage_error("due", "需要一个日期（YYYY-MM-DD）");
	const char *text = argv[first];
	int day;
	if (!date_parse(text, strlen(text), &day)) {
		fprintf(stderr, "日期: %s %s\n", text, date_why_invalid(text, strlen(text)).text);
		return ST_DATA;
	}
	struct store *s = cli_store(c, 0, &rc);
	if (!s)
		return rc;
	const struct calendar *cal = store_calendar(s);
	char a[DATE_BUF], b[DATE_BUF];
	int due = calendar_add_workdays(cal, day, n);
	struct strbuf why = STRBUF_INIT;
	calendar_explain(cal, day, n, &why);
	printf("%s\n%s（%s）起第 %d 个工作日（当日不计）为 %s（%s）\n%s", date_format(due, a),
	       date_format(day, b), date_weekday_name(day), n, a, date_weekday_name(due),
	       sb_str(&why));
	sb_release(&why);
	return ST_OK;
}

static enum status calendar_import(struct cli *c, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return cli_refuse(ST_NOINPUT, "无法读取节假日文件 %s：%s", path,
				  syserr_reason(errno).text);
	struct strbuf text = STRBUF_INIT;
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && text.len < (1u << 24))
		sb_add(&text, buf, got);
	bool bad = ferror(f), big = got > 0;
	if (f != stdin)
		fclose(f);
	if (bad || big) {
		/* a year's notice is a few dozen lines: a longer file is not one, and is never cut */
		sb_release(&text);
		return big ? cli_refuse(ST_DATA, "节假日文件 %s 超过 16 MB，不是节假日安排", path)
			   : cli_refuse(ST_NOINPUT, "读取节假日文件 %s 出错", path);
	}
	enum status rc = ST_OK;
	struct store *s = cli_store(c, 0, &rc);
	struct diag d = DIAG_INIT;
	struct calendar *cal = calendar_new();
	enum status st = s ? calendar_load_csv(cal, sb_str(&text), text.len, &d) : ST_OK;
	if (s && st == ST_OK) {
		int lo = date_from_ymd(DATE_MIN_YEAR, 1, 1), hi = date_from_ymd(DATE_MAX_YEAR, 12, 31);
		size_t n = calendar_entries(cal, lo, hi, NULL, 0);
		struct cal_entry *e = xcalloc(n + 1, sizeof *e);
		calendar_entries(cal, lo, hi, e, n);
		struct holiday_row *rows = xcalloc(n + 1, sizeof *rows);
		for (size_t i = 0; i < n; i++)
			rows[i] = (struct holiday_row){ e[i].day, e[i].kind, e[i].name };
		st = store_holidays_put(s, rows, n, &d);
		if (st == ST_OK)
			printf("导入 %zu 天的节假日安排\n", n);
		/* a year is counted as entered by its 春节 holiday: say so when it still is not */
		for (size_t i = 0; st == ST_OK && i < n; i++) {
			int y = date_year(rows[i].day);
			if ((i == 0 || y != date_year(rows[i - 1].day)) &&
			    !calendar_has_year(store_calendar(s), y))
				fprintf(stderr, "注意：%d 年没有春节放假的日期，仍视为该年节假日安排未录入，"
					"期限将按周末推算并提示；请导入该年完整的国务院办公厅通知\n", y);
		}
		free(rows);
		free(e);
	}
	calendar_free(&cal);
	sb_release(&text);
	if (s)
		rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}

static enum status calendar_list(struct cli *c, int year)
{
	enum status rc = ST_OK;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	const struct calendar *cal = store_calendar(s);
	size_t n = calendar_year_entries(cal, year, NULL, 0);
	struct cal_entry *e = xcalloc(n + 1, sizeof *e);
	calendar_year_entries(cal, year, e, n);
	printf("date,kind,name\n");
	for (size_t i = 0; i < n; i++) {
		char buf[DATE_BUF];
		printf("%s,%s,%s\n", date_format(e[i].day, buf), e[i].kind == CAL_WORK ? "work" : "off",
		       e[i].name);
	}
	free(e);
	if (!calendar_has_year(cal, year))
		fprintf(stderr, "%d年节假日安排未录入，按周末推算（gongkai calendar import 文件）\n",
			year);
	return ST_OK;
}

enum status cmd_calendar(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("calendar", "需要子命令 import 或 list");
	const char *sub = argv[1];
	int year = 0, first;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR_OPTIONAL(&year),
		CLI_OPT_END,
	};
	argc--, argv++;
	enum status rc = cli_parse("calendar", argc, argv, opts, &first);
	if (rc != ST_OK)
		return rc;
	if (strcmp(sub, "import") == 0) {
		if ((rc = cli_args("calendar", argc, argv, first, 1, false,
				   "calendar import 需要一个文件")) != ST_OK)
			return rc;
		return calendar_import(c, argv[first]);
	}
	if (strcmp(sub, "list") == 0) {
		if ((rc = cli_args("calendar", argc, argv, first, 0, false, NULL)) != ST_OK)
			return rc;
		return calendar_list(c, year ? year : date_year(c->today));
	}
	return cli_usage_error("calendar", "未知的子命令 %s（应为 import 或 list）", sub);
}
