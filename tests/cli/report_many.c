/*
 * report_many.c — a test helper: adds up the report JSONs named on the command line the way a
 * roll-up (全市汇总) does and writes one workbook with report_xlsx_many: the combined tables
 * on the first sheet, then one sheet per body. report_check.py reads it back.
 *
 *	report_many OUT.xlsx A.json B.json ...
 */
#include <stdio.h>
#include <stdlib.h>

#include "report.h"
#include "xmem.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;)
		sb_add(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return sb_detach(&sb);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: report_many OUT.xlsx A.json ...\n");
		return 64;
	}
	size_t n = (size_t)argc - 2;
	struct report *reps = xcalloc(n + 1, sizeof *reps);
	const struct report **order = xcalloc(n + 1, sizeof *order);
	struct report *sum = &reps[0];
	struct diag d = DIAG_INIT;
	int rc = 0;
	sum->parts = xcalloc(n, sizeof *sum->parts);
	for (size_t i = 0; i < n && !rc; i++) {
		size_t len;
		char *text = slurp(argv[i + 2], &len);
		if (!text || report_from_json(text, len, &reps[i + 1], &d) != ST_OK)
			rc = 65;
		free(text);
		if (rc)
			break;
		sum->year = reps[i + 1].year;
		tally_table3_add(&sum->t3, &reps[i + 1].t3);
		tally_table4_add(&sum->t4, &reps[i + 1].t4);
		sum->fees_fen += reps[i + 1].fees_fen;
		sum->parts[sum->nparts++] = xstrdup(reps[i + 1].office ? reps[i + 1].office : "?");
		order[i + 1] = &reps[i + 1];
	}
	if (!rc) {
		sum->office = xstrdup("测试市");
		report_check(sum, NULL);
		order[0] = sum;
		rc = report_xlsx_many(order, n + 1, argv[1], &d) == ST_OK ? 0 : 74;
	}
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s\n", d.lines[i]);
	for (size_t i = 0; i <= n; i++)
		report_release(&reps[i]);
	free(reps);
	free(order);
	diag_release(&d);
	return rc;
}
