/*
 * cmd_fee.c — `gongkai fee CASE [--pages N]`: the 信息处理费 the rules give for one application.
 *
 * 第四十二条 with 国办函〔2020〕109号 第四条: per application (按件), by the applicant's place
 * among their applications of the calendar month — counted in the order received, and on one
 * day in the order registered — or per page (按量). The first line is the amount in yuan alone
 * (for a script), then how it was reached, and the amount the ledger holds when it differs.
 */
#include <stdio.h>

#include "app.h"
#include "cli.h"
#include "cmds.h"
#include "codes.h"
#include "date.h"
#include "fee.h"
#include "store.h"

/* The explanation of 按件 for the nth application. */
static void per_item(const struct app *a, long long nth)
{
	int y, m, d;
	date_to_ymd(a->d.received, &y, &m, &d);
	printf("按件：该申请人 %d年%d月 第 %lld 件申请（按收到日期先后，同日按登记先后；"
	       "作废的不计）\n", y, m, nth);
	printf("每月前 10 件免费，第 11 至 30 件每件 100 元，此后每 10 件加收 100 元"
	       "（国办函〔2020〕109号 第四条）\n");
}

static void per_page(int pages)
{
	printf("按量：%d 页\n", pages);
	printf("30页以下（含30页）免费，31至100页的部分每页 10 元，101至200页的部分每页 20 元，"
	       "201页以上的部分每页 40 元（国办函〔2020〕109号 第四条）\n");
	if (pages > 30) {
		long a = fee_for_pages(pages < 100 ? pages : 100);
		printf("  31至%d页：%ld 元\n", pages < 100 ? pages : 100, a);
		if (pages > 100) {
			long b = fee_for_pages(pages < 200 ? pages : 200) - a;
			printf("  101至%d页：%ld 元\n", pages < 200 ? pages : 200, b);
			if (pages > 200)
				printf("  201至%d页：%ld 元\n", pages, fee_for_pages(pages) - a - b);
		}
	}
}

enum status cmd_fee(struct cli *c, int argc, char **argv)
{
	int pages = -1;
	const struct cli_opt opts[] = {
		{ "pages", 0, OPT_INT, &pages, "--pages", NULL, 1, FEE_COUNT_MAX, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("fee", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("fee", argc, argv, first, 1, false, "需要一个编号");
	if (rc != ST_OK)
		return rc;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct app a;
	app_init(&a);
	struct diag d = DIAG_INIT;
	enum status st = store_app_get_by_case(s, argv[first], &a, &d);
	if (pages < 0 && a.fee_basis == FB_PER_PAGE && a.fee_units > 0)
		pages = a.fee_units;   /* the pages the ledger records */
	long long nth = 0;
	if (st == ST_OK && pages < 0)
		st = store_applicant_nth(s, a.applicant, a.id_number, a.d.received, a.id, &nth, &d);
	if (st == ST_OK) {
		long yuan = pages > 0 ? fee_for_pages(pages)
			: fee_for_nth_application((int)(nth > FEE_COUNT_MAX ? FEE_COUNT_MAX : nth));
		printf("%ld.00\n", yuan);
		if (pages > 0)
			per_page(pages);
		else
			per_item(&a, nth);
		if (a.fee_fen >= 0 && a.fee_fen != (long long)yuan * 100)
			printf("台账记录的信息处理费为 %lld.%02lld 元，与计算不符，须确认\n",
			       a.fee_fen / 100, a.fee_fen % 100);
	}
	rc = cli_fail(st, &d);
	diag_release(&d);
	app_release(&a);
	return rc;
}
