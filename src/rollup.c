/*
 * rollup.c — loading, checking and adding up the tables of several bodies (全市汇总).
 *
 * What cannot be added (an unreadable file, another year or format) stops a roll-up outright;
 * what may be a mistake (a body twice, a source failing its own checks) stops it unless the
 * office forces it, and the result then says so; identical tables are only noted.
 */
#include "rollup.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"
#include "strbuf.h"
#include "syserr.h"
#include "xmem.h"

#define JSON_LIMIT (16u << 20)   /* a report JSON is a few kilobytes; refuse anything huge */

static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL: 16 bytes */

/* The whole file into out (at most JSON_LIMIT bytes) and which file it is; ST_NOINPUT when it
 * cannot be read. */
static enum status slurp(const char *path, struct strbuf *out, struct rollup_part *part,
			 struct diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(d, "%s: 无法读取：%s", path, syserr_reason(errno).text);
		return ST_NOINPUT;
	}
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0) {
		part->dev = sb.st_dev;
		part->ino = sb.st_ino;
	}
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && out->len <= JSON_LIMIT)
		sb_add(out, buf, got);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		diag_add(d, "%s: 读取出错", path);
		return ST_NOINPUT;
	}
	if (out->len > JSON_LIMIT) {
		diag_add(d, "%s: 文件过大，不是报表 JSON", path);
		return ST_DATA;
	}
	return ST_OK;
}

static enum status load_db(const char *path, int year, struct report *r, struct diag *d)
{
	struct store *s = NULL;
	struct diag why = DIAG_INIT;
	enum status st = store_open(path, STORE_READONLY, &s, &why);
	if (st == ST_OK)
		st = report_build(s, year, r, &why);
	if (st == ST_OK)
		st = report_recount(s, r, &why);
	for (size_t i = 0; i < why.n; i++)
		diag_add(d, "%s: %s", path, why.lines[i]);
	diag_release(&why);
	store_close(&s);
	return st == ST_NOTOURS ? ST_DATA : st;
}

static enum status load_json(const char *path, const struct strbuf *text, struct report *r,
			     struct diag *d)
{
	struct diag why = DIAG_INIT;
	enum status st = report_from_json(text->buf ? text->buf : "", text->len, r, &why);
	for (size_t i = 0; i < why.n; i++)
		diag_add(d, "%s: 不是 gongkai 数据库，也不是报表 JSON：%s", path, why.lines[i]);
	diag_release(&why);
	return st;
}

enum status rollup_load(const char *path, int year, struct rollup_part *part, struct diag *d)
{
	memset(part, 0, sizeof *part);
	report_init(&part->rep);
	part->path = xstrdup(path);
	struct strbuf text = STRBUF_INIT;
	enum status st = slurp(path, &text, part, d);
	if (st == ST_OK && text.len >= sizeof sqlite_magic &&
	    memcmp(text.buf, sqlite_magic, sizeof sqlite_magic) == 0)
		st = load_db(path, year, &part->rep, d);
	else if (st == ST_OK)
		st = load_json(path, &text, &part->rep, d);
	sb_release(&text);
	if (st == ST_OK && part->rep.year != year) {
		diag_add(d, "%s: 是 %d 年度的报表，不是 %d 年度", path, part->rep.year, year);
		st = ST_DATA;
	}
	if (st != ST_OK)
		return st;
	const char *slash = strrchr(path, '/');
	part->label = xstrdup(part->rep.office ? part->rep.office : slash ? slash + 1 : path);
	part->failing = part->rep.problems.n > 0;
	return ST_OK;
}

void rollup_part_release(struct rollup_part *part)
{
	free(part->path);
	free(part->label);
	report_release(&part->rep);
	memset(part, 0, sizeof *part);
}

/* The bodies a part stands for, by name: its parts when it is itself a roll-up, else its
 * office — none when it has no name (its file's name says nothing about the body). */
static size_t bodies(const struct rollup_part *p, const char *const **names)
{
	if (p->rep.nparts) {
		*names = (const char *const *)p->rep.parts;
		return p->rep.nparts;
	}
	*names = (const char *const *)&p->rep.office;
	return p->rep.office ? 1 : 0;
}

static bool table_empty(const struct report *r)
{
	const struct table3 zero = { 0 };
	return tally_table3_equal(&r->t3, &zero);
}

static bool same_tables(const struct rollup_part *a, const struct rollup_part *b)
{
	return !table_empty(&a->rep) && tally_table3_equal(&a->rep.t3, &b->rep.t3) &&
	       tally_table4_equal(&a->rep.t4, &b->rep.t4);
}

/* Whether a and b hold the same body: the same file, or a name in both. A line for each in d
 * (may be NULL), ending in note. */
static bool same_body(const struct rollup_part *a, const struct rollup_part *b, const char *note,
		      struct diag *d)
{
	bool same = false;
	if (a->ino && a->dev == b->dev && a->ino == b->ino) {
		diag_add(d, "%s 与 %s: 是同一个文件%s", a->path, b->path, note);
		return true;   /* its names are the same too: one line is enough */
	}
	const char *const *na, *const *nb;
	size_t ka = bodies(a, &na), kb = bodies(b, &nb);
	for (size_t i = 0; i < ka; i++)
		for (size_t j = 0; j < kb; j++)
			if (strcmp(na[i], nb[j]) == 0) {
				diag_add(d, "%s 与 %s: 机关“%s”出现两次%s", a->path, b->path, na[i], note);
				same = true;
			}
	return same;
}

static void describe(const struct rollup_part *p, struct strbuf *out)
{
	sb_addf(out, "%s（%s）", p->path, p->rep.office ? p->rep.office : "未设机关名称");
}

/*
 * Sources of different bodies with the same tables, a line per group: worth a look (the same
 * report sent twice under two names?) but no reason to stop, as small bodies' tables are often
 * the same (one application each, given).
 */
static void note_same_tables(const struct rollup_part *parts, size_t n, struct diag *notes)
{
	bool *grouped = xcalloc(n ? n : 1, sizeof *grouped);
	struct strbuf files = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (grouped[i])
			continue;
		sb_reset(&files);
		describe(&parts[i], &files);
		size_t k = 0;
		for (size_t j = i + 1; j < n; j++)
			if (!grouped[j] && same_tables(&parts[i], &parts[j]) &&
			    !same_body(&parts[i], &parts[j], "", NULL)) {
				grouped[j] = true;
				sb_adds(&files, "、");
				describe(&parts[j], &files);
				k++;
			}
		if (k)
			diag_add(notes, "提示: %s: 表三、表四完全相同，已按不同机关分别计入"
				 "（如是同一机关的报表提交了两次，请去掉其一）", sb_str(&files));
	}
	sb_release(&files);
	free(grouped);
}

enum status rollup_check(struct rollup_part *parts, size_t n, bool force, struct diag *d,
			 struct diag *notes)
{
	const char *forced = force ? "（--force，仍计入汇总）" : "";
	bool stop = false;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (same_body(&parts[i], &parts[j], forced, d)) {
				parts[i].twice = parts[j].twice = true;
				stop |= !force;
			}
	for (size_t i = 0; i < n; i++) {
		if (!parts[i].failing)
			continue;
		for (size_t k = 0; k < parts[i].rep.problems.n; k++)
			diag_add(d, "%s（%s）未通过检查: %s%s", parts[i].path, parts[i].label,
				 parts[i].rep.problems.lines[k], forced);
		stop |= !force;
	}
	if (notes)
		note_same_tables(parts, n, notes);
	for (size_t i = 0; notes && i < n; i++)
		if (!parts[i].rep.t2.entered) {
			struct strbuf who = STRBUF_INIT;
			describe(&parts[i], &who);
			diag_add(notes, "提示: %s: 没有录入表二，汇总的表二不含该来源", sb_str(&who));
			sb_release(&who);
		}
	return stop ? ST_DATA : ST_OK;
}

static void add_table2(struct table2 *sum, const struct table2 *t)
{
	if (!t->entered)
		return;
	if (!sum->entered) {
		for (int c = 0; c < T2_CELLS; c++)
			sum->v[c] = T2_NA;
		sum->entered = true;
	}
	for (int c = 0; c < T2_CELLS; c++) {
		if (t->v[c] == T2_NA)
			continue;
		sum->v[c] = (sum->v[c] == T2_NA ? 0 : sum->v[c]) + t->v[c];
	}
}

static void add_parts(struct report *sum, const struct rollup_part *p, size_t *cap)
{
	/* a body without a name is listed by its file's name */
	const char *const *names = (const char *const *)&p->label;
	size_t k = p->rep.nparts ? bodies(p, &names) : 1;
	for (size_t i = 0; i < k; i++) {
		sum->parts = xgrow(sum->parts, cap, sum->nparts + 1, sizeof *sum->parts);
		sum->parts[sum->nparts++] = xstrdup(names[i]);
	}
}

void rollup_sum(const struct rollup_part *parts, size_t n, int year, const char *office,
		struct report *sum)
{
	report_release(sum);
	sum->year = year;
	sum->office = office ? xstrdup(office) : NULL;
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		const struct report *r = &parts[i].rep;
		tally_table3_add(&sum->t3, &r->t3);
		tally_table4_add(&sum->t4, &r->t4);
		add_table2(&sum->t2, &r->t2);
		sum->fees_fen += r->fees_fen;
		sum->unchecked |= parts[i].failing || parts[i].twice || r->unchecked;
		add_parts(sum, &parts[i], &cap);
	}
	report_check(sum, NULL);
}
