/*
 * cmd_table2.c — `gongkai table2`: show or enter table 二 (主动公开政府信息情况) of a year.
 *
 * Table 二 comes from other offices once a year, so it is typed in by hand: each --set names a
 * cell as in the report JSON (rules.made, fees.amount, …) and gives its value; all cells of the
 * year are then stored together. A year not yet entered starts with every cell 0. A locked
 * year is refused by the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "report.h"
#include "store.h"
#include "xmem.h"

/* Applies one "name=value" to t; prints the problem and returns its status on error. */
static enum status apply_set(const char *arg, struct table2 *t)
{
	const char *eq = strchr(arg, '=');
	char *name = eq ? xstrndup(arg, (size_t)(eq - arg)) : xstrdup(arg);
	int cell = table2_cell_parse(name);
	enum status rc = ST_OK;
	if (!eq || cell < 0) {
		rc = cli_usage_error("table2", "--set %s: 应为 单元格=值，单元格为 rules.made、"
				     "rules.repealed、rules.valid、normative.made、"
				     "normative.repealed、normative.valid、licensing.decisions、"
				     "penalty.decisions、coercion.decisions 或 fees.amount", arg);
	} else if (!table2_parse_value(cell, eq + 1, &t->v[cell])) {
		fprintf(stderr, "%s: %s 不是%s\n", name, eq + 1, cell == T2_FEES
			? "以万元为单位、最多四位小数的金额（如 59237.2449），或 /"
			: "非负整数，或 /（不适用）");
		rc = ST_DATA;
	}
	free(name);
	return rc;
}

static void show(struct store *s, int year, const struct table2 *t)
{
	struct report r;
	report_init(&r);
	struct diag d = DIAG_INIT;
	if (store_office_get(s, &r.office, &d) != ST_OK)
		r.office = NULL;
	diag_release(&d);
	r.year = year;
	r.t2 = *t;
	struct strbuf out = STRBUF_INIT;
	sb_addf(&out, "%s%s%d 年度 " REPORT_T2_TITLE "\n", r.office ? r.office : "",
		r.office ? " " : "", year);
	report_text_table2(&r, &out);
	if (!t->entered)
		sb_addf(&out, "（尚未录入，以 / 表示：gongkai table2 --year %d --set 单元格=值 …）\n",
			year);
	fwrite(out.buf, 1, out.len, stdout);
	sb_release(&out);
	report_release(&r);
}

/* Reads the year's table, applies the sets (a new year starts at 0) and stores it. */
static enum status enter(struct store *s, int year, char **sets, int nsets, struct table2 *t)
{
	if (!t->entered)
		memset(t->v, 0, sizeof t->v);
	for (int i = 0; i < nsets; i++) {
		enum status rc = apply_set(sets[i], t);
		if (rc != ST_OK)
			return rc;
	}
	struct diag d = DIAG_INIT;
	enum status st = store_table2_set(s, year, t, &d);
	enum status rc = cli_fail(st, &d);
	diag_release(&d);
	if (st == ST_OK) {
		t->entered = true;
		printf("已保存 %d 年度表二（本次设置 %d 项）\n", year, nsets);
	}
	return rc;
}

enum status cmd_table2(struct cli *c, int argc, char **argv)
{
	struct cli_many sets = { NULL, 0 };
	int year = 0, first;
	const struct cli_opt opts[] = {
		CLI_OPT_YEAR(&year),
		{ "set", 0, OPT_MANY, &sets, NULL, NULL, 0, 0, NULL },
		CLI_OPT_END,
	};
	enum status rc = cli_parse("table2", argc, argv, opts, &first);
	if (rc == ST_OK)
		rc = cli_args("table2", argc, argv, first, 0, false, NULL);
	struct store *s = rc == ST_OK ? cli_store(c, sets.n ? 0 : STORE_NOCREATE, &rc) : NULL;
	if (s) {
		struct table2 t;
		struct diag d = DIAG_INIT;
		rc = cli_fail(store_table2_get(s, year, &t, &d), &d);
		diag_release(&d);
		if (rc == ST_OK && sets.n)
			rc = enter(s, year, sets.v, sets.n, &t);
		if (rc == ST_OK)
			show(s, year, &t);
	}
	free(sets.v);
	return rc;
}
