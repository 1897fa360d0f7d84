/*
 * cmd_year.c — the year as a whole: `lock` and `unlock` (定稿), and `audit`, the figures
 * auditors ask for — answers given late and by how much, processing times, the oldest open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "cli.h"
#include "cmds.h"
#include "codes.h"
#include "date.h"
#include "guard.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "xmem.h"

/* Options given to cmd, then no argument left. */
static enum status options(const char *cmd, int argc, char **argv, const struct cli_opt *opts)
{
	int first;
	enum status st = cli_parse(cmd, argc, argv, opts, &first);
	return st == ST_OK ? cli_args(cmd, argc, argv, first, 0, false, NULL) : st;
}

enum status cmd_lock(struct cli *c, int argc, char **argv)
{
	int year = 0;
	const struct cli_opt opts[] = { CLI_OPT_YEAR(&year), CLI_OPT_END };
	enum status rc = options("lock", argc, argv, opts);
	if (rc != ST_OK)
		return rc;
	/* a year still running would refuse every answer of its open applications */
	if (c->today <= date_from_ymd(year, 12, 31))
		return cli_refuse(ST_DATA, "%d 年度尚未结束（到 %d-12-31），不能定稿；年度结束后再锁定",
				  year, year);
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct report r;
	report_init(&r);
	struct diag d = DIAG_INIT;
	/* the report kept is the one checked: no other clerk's save may come between them */
	enum status st = store_begin(s, &d);
	if (st == ST_OK)
		st = report_build(s, year, &r, &d);
	if (st == ST_OK && r.problems.n) {
		store_rollback(s);
		for (size_t i = 0; i < r.problems.n; i++)
			fprintf(stderr, "%s\n", r.problems.lines[i]);
		rc = cli_refuse(ST_DATA, "%d 年度报表未通过检查，不能定稿", year);
	} else if (st == ST_OK) {
		struct strbuf json = STRBUF_INIT;
		report_json(&r, &json);
		st = store_year_lock(s, year, sb_str(&json), &d);
		if (st == ST_OK)
			st = store_commit(s, &d);
		else
			store_rollback(s);
		if (st == ST_OK)
			printf("%d 年度已定稿锁定：此后改变该年度报表的修改将被拒绝\n", year);
		sb_release(&json);
		rc = cli_fail(st, &d);
	} else {
		store_rollback(s);
		rc = cli_fail(st, &d);
	}
	report_release(&r);
	diag_release(&d);
	return rc;
}

enum status cmd_unlock(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	int year = 0;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "reason", 0, OPT_TEXT, &reason, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	enum status rc = options("unlock", argc, argv, opts);
	if (rc != ST_OK)
		return rc;
	if (text_blank(reason))
		return cli_usage_error("unlock", "解锁须用 --reason 说明理由（记入修改记录）");
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct diag d = DIAG_INIT;
	enum status st = store_year_unlock(s, year, reason, &d);
	if (st == ST_OK)
		printf("%d 年度已解锁，理由已记录\n", year);
	rc = cli_fail(st, &d);
	diag_release(&d);
	return rc;
}

struct late {
	char *case_no;
	int received, due, answered, days_late;
};

struct audit {
	const struct calendar *cal;
	int *times;            /* working days from receipt to answer, per answer */
	size_t ntimes, cap;
	struct late *late;
	size_t nlate, latecap;
	struct strbuf oldest;
	struct strbuf confirm;  /* what needs confirming (guard.h), as printed */
	size_t nconfirm;
	struct store *s;
	int year, today, now;
	bool json;
};

/* What the events contradict (guard.h) of one application, those of the year: a lawsuit's
 * by its filing, a fee's by its notice, the rest by the answer (docs/deadlines.md). */
static int audit_confirm(const struct app *a, void *ctx)
{
	struct audit *au = ctx;
	struct app_problems p = { 0 };
	struct diag d = DIAG_INIT;
	int rc = 0;
	if (app_check(a, au->cal, au->now, &p) && guard_fee_count(au->s, a, &p, &d) != ST_OK)
		rc = 1;
	for (size_t i = 0; i < p.n && !rc; i++) {
		const struct app_problem *pr = &p.v[i];
		int day = guard_problem_date(a, pr), y, m, dd;
		if (!pr->confirm || day == DATE_NONE)
			continue;
		date_to_ymd(day, &y, &m, &dd);
		if (y != au->year)
			continue;
		if (au->json) {
			sb_addf(&au->confirm, "%s{\"case_no\": ", au->nconfirm ? ", " : "");
			sb_add_json(&au->confirm, a->case_no);
			sb_adds(&au->confirm, ", \"field\": ");
			sb_add_json(&au->confirm, app_field_name(pr->field));
			sb_adds(&au->confirm, ", \"reason\": ");
			sb_add_json(&au->confirm, pr->msg);
			sb_addc(&au->confirm, '}');
		} else {
			sb_adds(&au->confirm, "  ");
			text_pad(a->case_no, 12, &au->confirm);
			sb_addf(&au->confirm, " %s: %s\n", app_field_name(pr->field), pr->msg);
		}
		au->nconfirm++;
	}
	app_problems_release(&p);
	diag_release(&d);
	return rc;
}

static int audit_answered(const struct app *a, void *ctx)
{
	struct audit *au = ctx;
	au->times = xgrow(au->times, &au->cap, au->ntimes + 1, sizeof *au->times);
	au->times[au->ntimes++] = calendar_workdays_between(au->cal, a->d.received, a->d.answered);
	if (a->due != DATE_NONE && a->d.answered > a->due) {
		au->late = xgrow(au->late, &au->latecap, au->nlate + 1, sizeof *au->late);
		au->late[au->nlate++] = (struct late){
			xstrdup(a->case_no), a->d.received, a->due, a->d.answered,
			calendar_workdays_between(au->cal, a->due, a->d.answered),
		};
	}
	return 0;
}

static int audit_open(const struct app *a, void *ctx)
{
	struct audit *au = ctx;
	char r[DATE_BUF], due[DATE_BUF];
	int days = calendar_workdays_between(au->cal, a->d.received, au->today);
	if (au->json) {
		sb_addf(&au->oldest, "%s{\"case_no\": ", au->oldest.len ? ", " : "");
		sb_add_json(&au->oldest, a->case_no);
		sb_addf(&au->oldest, ", \"received\": \"%s\", \"due\": %s%s%s, "
			"\"workdays_since_received\": %d}",
			date_format(a->d.received, r), a->due == DATE_NONE ? "" : "\"",
			a->due == DATE_NONE ? "null" : date_format(a->due, due),
			a->due == DATE_NONE ? "" : "\"", days);
	} else {
		sb_adds(&au->oldest, "  ");
		text_pad(a->case_no, 12, &au->oldest);
		sb_addf(&au->oldest, " 收到 %s  年末已 %d 个工作日%s%s", date_format(a->d.received, r),
			days, a->due == DATE_NONE ? "（暂停或待补正）" : "，到期 ",
			a->due == DATE_NONE ? "" : date_format(a->due, due));
		if (a->d.answered != DATE_NONE)
			sb_addf(&au->oldest, "，%s 答复", date_format(a->d.answered, r));
		sb_addc(&au->oldest, '\n');
	}
	return 0;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static void audit_print(struct audit *au, int year)
{
	if (au->ntimes)   /* no answers: times is NULL, which qsort must not be given */
		qsort(au->times, au->ntimes, sizeof *au->times, cmp_int);
	long long sum = 0;
	for (size_t i = 0; i < au->ntimes; i++)
		sum += au->times[i];
	double median = !au->ntimes ? 0 : au->ntimes % 2 ? au->times[au->ntimes / 2]
		: (au->times[au->ntimes / 2 - 1] + au->times[au->ntimes / 2]) / 2.0;
	double mean = au->ntimes ? (double)sum / (double)au->ntimes : 0;
	int lo = au->ntimes ? au->times[0] : 0, hi = au->ntimes ? au->times[au->ntimes - 1] : 0;
	char a[DATE_BUF], b[DATE_BUF], c[DATE_BUF];
	if (au->json) {
		printf("{\n  \"year\": %d,\n  \"answered\": %zu,\n  \"workdays\": {\"median\": %.1f, "
		       "\"mean\": %.1f, \"min\": %d, \"max\": %d},\n  \"late\": [", year, au->ntimes,
		       median, mean, lo, hi);
		struct strbuf no = STRBUF_INIT;
		for (size_t i = 0; i < au->nlate; i++) {
			sb_reset(&no);
			sb_add_json(&no, au->late[i].case_no);
			printf("%s{\"case_no\": %s, \"received\": \"%s\", \"due\": \"%s\", "
			       "\"answered\": \"%s\", \"workdays_late\": %d}", i ? ", " : "",
			       sb_str(&no), date_format(au->late[i].received, a),
			       date_format(au->late[i].due, b), date_format(au->late[i].answered, c),
			       au->late[i].days_late);
		}
		sb_release(&no);
		printf("],\n  \"oldest_open\": [%s],\n  \"to_confirm\": [%s]\n}\n",
		       sb_str(&au->oldest), sb_str(&au->confirm));
		return;
	}
	printf("%d 年度答复 %zu 件；办理用时（自收到至答复的工作日，不扣除暂停）：中位数 %.1f，"
	       "平均 %.1f，最短 %d，最长 %d\n", year, au->ntimes, median, mean, lo, hi);
	printf("\n逾期答复 %zu 件:\n", au->nlate);
	struct strbuf no = STRBUF_INIT;
	for (size_t i = 0; i < au->nlate; i++) {
		sb_reset(&no);
		text_pad(au->late[i].case_no, 12, &no);
		printf("  %s 收到 %s  到期 %s  答复 %s  ", sb_str(&no),
		       date_format(au->late[i].received, a), date_format(au->late[i].due, b),
		       date_format(au->late[i].answered, c));
		/* answered on the weekend or holiday after the due date: late, by no working day */
		if (au->late[i].days_late > 0)
			printf("逾期 %d 个工作日\n", au->late[i].days_late);
		else
			printf("逾期（到期后的休息日答复）\n");
	}
	sb_release(&no);
	printf("\n至年末仍在办理的最早 10 件:\n%s", au->oldest.len ? sb_str(&au->oldest) : "  （无）\n");
	printf("\n须确认 %zu 项（与已登记的事项矛盾）:\n%s", au->nconfirm,
	       au->confirm.len ? sb_str(&au->confirm) : "  （无）\n");
}

static const char *const audit_formats[] = { "text", "json", NULL };

enum status cmd_audit(struct cli *c, int argc, char **argv)
{
	int year = 0, fmt = 0;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "format", 0, OPT_CHOICE, &fmt, "格式", NULL, 0, 0, audit_formats },
		CLI_OPT_END,
	};
	enum status rc = options("audit", argc, argv, opts);
	if (rc != ST_OK)
		return rc;
	bool json = fmt == 1;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct audit au = { .cal = store_calendar(s), .json = json, .s = s, .year = year,
			    .now = c->today };
	int end = date_from_ymd(year, 12, 31);
	au.today = c->today < end ? c->today : end;
	struct diag d = DIAG_INIT;
	int stopped;
	enum status st = store_app_foreach(s, SCOPE_ANSWERED_IN, year, audit_answered, &au,
					   &stopped, &d);
	if (st == ST_OK)
		st = store_app_foreach(s, SCOPE_OPEN_OLDEST, year, audit_open, &au, &stopped, &d);
	if (st == ST_OK)
		st = store_app_foreach(s, SCOPE_LEDGER_YEAR, year, audit_confirm, &au, &stopped, &d);
	if (st == ST_OK && stopped)
		st = ST_IO;
	if (st == ST_OK)
		audit_print(&au, year);
	rc = cli_fail(st, &d);
	for (size_t i = 0; i < au.nlate; i++)
		free(au.late[i].case_no);
	free(au.late);
	free(au.times);
	sb_release(&au.oldest);
	sb_release(&au.confirm);
	diag_release(&d);
	return rc;
}
