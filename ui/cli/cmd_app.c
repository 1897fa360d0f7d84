/*
 * cmd_app.c — one application from the command line: `add`, `set`, `show`.
 *
 * Fields are named as in the ledger (Chinese column name or English alias) and take the same
 * text forms, so `gongkai set 2023-0001 答复日期=2023-02-01 办理结果=予以公开` is checked exactly
 * as that row of a ledger would be. Every save is one transaction; a change another clerk made
 * meanwhile, or one that would alter a locked year, is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "clock.h"
#include "cmds.h"
#include "codes.h"
#include "mask.h"
#include "date.h"
#include "dup.h"
#include "guard.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"

/* Applies FIELD=VALUE arguments to a, marking the fields named in given[]; false (after a
 * usage message) when an argument is not of that form. */
static bool apply_fields(const char *cmd, struct app *a, int argc, char **argv,
			 struct app_problems *p, bool given[F_COUNT])
{
	for (int i = 0; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (!eq) {
			cli_usage_error(cmd, "参数 %s 应为 列名=值", argv[i]);
			return false;
		}
		*eq = '\0';
		int f = app_field_parse(argv[i]);
		if (f < 0) {
			struct strbuf names = STRBUF_INIT;
			app_field_names(&names);
			cli_usage_error(cmd, "未知的列名 %s；可用的列名（中文，或其英文别名）：%s", argv[i],
					sb_str(&names));
			sb_release(&names);
			return false;
		}
		app_field_set(a, f, eq + 1, p);
		given[f] = true;
	}
	app_fill_defaults(a);
	return true;
}

/* Prints the problems as `列名: 原因` — warnings only about the fields this command set, so an
 * old warning is not repeated on every change. Returns true when none is an error. */
static bool print_problems(const char *case_no, const struct app_problems *p,
			   const bool given[F_COUNT])
{
	for (size_t i = 0; i < p->n; i++)
		if (!p->v[i].warning || p->v[i].confirm || given[p->v[i].field])
			fprintf(stderr, "%s%s%s%s: %s\n",
				p->v[i].confirm ? "须确认: " : p->v[i].warning ? "提示: " : "",
				case_no && *case_no ? case_no : "", case_no && *case_no ? ": " : "",
				app_field_name(p->v[i].field), p->v[i].msg);
	return p->errors == 0;
}

/* The checks, also when a value could not be read (p holds its problem already), so every
 * problem is said at once, and that value's only once; then what the events contradict
 * (guard.h), less what the stored version had confirmed already. */
static bool check_all_of(struct app *a, struct store *s, int today, struct app_problems *p,
			 enum status *st, struct diag *d)
{
	size_t read = p->n;
	app_check(a, store_calendar(s), today, p);
	app_problems_drop_echoes(p, read);
	*st = p->errors == 0 ? guard_check(s, a, today, p, d) : ST_OK;
	return p->errors == 0 && *st == ST_OK;
}

/* Confirmations not confirmed: said, nothing saved, status 65 (data error). */
static bool unconfirmed(const struct app_problems *p, bool confirm)
{
	if (!p->confirms || confirm)
		return false;
	fprintf(stderr, "未保存：以上 %zu 项须确认，确认无误请加 --confirm 再执行\n", p->confirms);
	return true;
}

/* After a registration: the applicant's alike requests of the last six months (dup.h), as a
 * note on stderr. A hint only: it changes nothing, and a failure to look is not the command's. */
static void note_duplicates(struct store *s, const struct app *a)
{
	struct dup_list l = { 0 };
	struct diag d = DIAG_INIT;
	if (store_dup_find(s, a, &l, &d) == ST_OK && l.n) {
		struct strbuf sb = STRBUF_INIT;
		dup_summary(&l, &sb);
		fprintf(stderr, "可能重复：%s\n", sb_str(&sb));
		sb_release(&sb);
	}
	dup_list_release(&l);
	diag_release(&d);
}

enum status cmd_add(struct cli *c, int argc, char **argv)
{
	bool confirm = false;
	const struct cli_opt opts[] = {
		{ "confirm", 0, OPT_FLAG, &confirm, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("add", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("add", argc, argv, first, 1, true,
			      "需要 列名=值（至少 收到日期、申请人、申请人类型）");
	if (rc != ST_OK)
		return rc;
	struct store *s = cli_store(c, 0, &rc);
	if (!s)
		return rc;
	struct app a;
	app_init(&a);
	struct app_problems p = { 0 };
	struct diag d = DIAG_INIT;
	bool given[F_COUNT] = { false };
	enum status st = ST_OK;
	if (!apply_fields("add", &a, argc - first, argv + first, &p, given)) {
		rc = ST_USAGE;
	} else if (!check_all_of(&a, s, c->today, &p, &st, &d)) {
		print_problems(NULL, &p, given);
		rc = cli_fail(st == ST_OK ? ST_DATA : st, &d);
	} else if (print_problems(NULL, &p, given) && unconfirmed(&p, confirm)) {
		rc = cli_fail(ST_DATA, NULL);
	} else {
		st = store_app_insert(s, &a, &d);
		if (st == ST_OK)
			printf("已登记 %s\n", a.case_no);
		if (st == ST_OK)
			note_duplicates(s, &a);
		rc = cli_fail(st, &d);
	}
	diag_release(&d);
	app_problems_release(&p);
	app_release(&a);
	return rc;
}

enum status cmd_set(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	bool confirm = false;
	const struct cli_opt opts[] = {
		{ "reason", 0, OPT_TEXT, &reason, NULL, NULL, 0, 0, NULL },
		{ "confirm", 0, OPT_FLAG, &confirm, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("set", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("set", argc, argv, first, 2, true, "需要 编号 和 列名=值");
	if (rc != ST_OK)
		return rc;
	struct store *s = cli_store(c, 0, &rc);
	if (!s)
		return rc;
	struct app a;
	app_init(&a);
	struct app_problems p = { 0 };
	struct diag d = DIAG_INIT;
	bool given[F_COUNT] = { false };
	const char *case_no = argv[first];
	enum status st = store_app_get_by_case(s, case_no, &a, &d);
	bool was_answered = a.d.answered != DATE_NONE;
	if (st != ST_OK) {
		rc = cli_fail(st, &d);
	} else if (!apply_fields("set", &a, argc - first - 1, argv + first + 1, &p, given)) {
		rc = ST_USAGE;
	} else if (!check_all_of(&a, s, c->today, &p, &st, &d)) {
		print_problems(case_no, &p, given);
		rc = cli_fail(st == ST_OK ? ST_DATA : st, &d);
	} else if (was_answered && a.d.answered == DATE_NONE && text_blank(reason)) {
		rc = cli_usage_error("set", "重新办理已答复的申请须用 --reason 说明理由");
	} else if (print_problems(case_no, &p, given) && unconfirmed(&p, confirm)) {
		rc = cli_fail(ST_DATA, NULL);
	} else {
		st = store_app_update(s, &a, reason, &d);
		if (st == ST_OK)
			printf("已保存 %s\n", a.case_no);
		rc = cli_fail(st, &d);
	}
	diag_release(&d);
	app_problems_release(&p);
	app_release(&a);
	return rc;
}

static void show_fields(const struct app *a, bool personal)
{
	struct strbuf v = STRBUF_INIT, m = STRBUF_INIT;
	for (int f = 0; f < F_COUNT; f++) {
		sb_reset(&v);
		app_field_get(a, f, &v);
		if (!v.len)
			continue;
		sb_reset(&m);
		if (f == F_ID_NUMBER && !personal)
			mask_id_number(v.buf, &m);
		else if (f == F_CONTACT && !personal)
			mask_contact(v.buf, &m);
		printf("%s: %s\n", app_field_name(f), m.len ? m.buf : v.buf);
	}
	sb_release(&v);
	sb_release(&m);
}

enum status cmd_show(struct cli *c, int argc, char **argv)
{
	bool personal = false;
	const struct cli_opt opts[] = {
		{ "with-personal-data", 0, OPT_FLAG, &personal, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("show", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("show", argc, argv, first, 1, false, "需要一个编号");
	if (rc != ST_OK)
		return rc;
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct app a;
	app_init(&a);
	struct diag d = DIAG_INIT;
	enum status st = store_app_get_by_case(s, argv[first], &a, &d);
	if (st == ST_OK) {
		show_fields(&a, personal);
		if (a.voided_at)
			printf("\n已作废: %s %s（理由：%s）\n", a.voided_at,
			       a.voided_by ? a.voided_by : "", a.void_reason ? a.void_reason : "");
		struct clock k = CLOCK_INIT;
		const struct calendar *cal = store_calendar(s);
		clock_compute(cal, &a.d, &k);
		printf("\n期限:\n状态: %s\n%s", a.voided_at ? "已作废"
		       : app_state_label(a.state, a.d.extended_on != DATE_NONE,
					 clock_is_overdue(&k, c->today)),
		       sb_str(&k.steps));
		if (k.state != CLOCK_ANSWERED && k.due != DATE_NONE && !a.voided_at)
			printf("剩余 %d 个工作日\n", clock_workdays_left(cal, &k, c->today));
		struct strbuf lim = STRBUF_INIT;
		clock_fee_limit_text(&k, c->today, &lim);
		if (lim.len)
			printf("缴费期限: %s\n", sb_str(&lim));
		sb_reset(&lim);
		clock_consult_limit_text(&k, a.consult_party, c->today, &lim);
		if (lim.len)
			printf("征求意见答复期限: %s\n", sb_str(&lim));
		sb_release(&lim);
		clock_release(&k);
		struct history_entry *h;
		size_t n;
		st = store_history(s, a.id, &h, &n, &d);
		if (st == ST_OK && n)
			printf("\n修改记录:\n");
		for (size_t i = 0; st == ST_OK && i < n; i++) {
			struct strbuf line = STRBUF_INIT;
			history_entry_text(&h[i], personal, &line);
			printf("%s\n", sb_str(&line));
			sb_release(&line);
		}
		if (st == ST_OK)
			history_free(&h, n);
	}
	rc = cli_fail(st, &d);
	diag_release(&d);
	app_release(&a);
	return rc;
}

enum status cmd_void(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	const struct cli_opt opts[] = {
		{ "reason", 0, OPT_TEXT, &reason, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	int first;
	enum status rc = cli_parse("void", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("void", argc, argv, first, 1, false, "需要一个编号");
	if (rc != ST_OK)
		return rc;
	if (!reason)
		return cli_usage_error("void", "作废须用 --reason 说明理由（记入修改记录）");
	struct store *s = cli_store(c, STORE_NOCREATE, &rc);
	if (!s)
		return rc;
	struct app a;
	app_init(&a);
	struct diag d = DIAG_INIT;
	enum status st = store_app_get_by_case(s, argv[first], &a, &d);
	if (st == ST_OK)
		st = store_app_void(s, a.id, 0, reason, NULL, &d);
	if (st == ST_OK)
		printf("已作废 %s（不再计入任何统计；编号保留不再使用）\n", a.case_no);
	rc = cli_fail(st, &d);
	diag_release(&d);
	app_release(&a);
	return rc;
}
