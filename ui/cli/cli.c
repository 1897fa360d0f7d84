/*
 * cli.c — what the commands share: opening the database, parsing options from a command's
 * table, errors, usage and progress.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annual.h"
#include "date.h"
#include "report_format.h"
#include "store.h"
#include "syserr.h"
#include "xmem.h"

struct store *cli_store(struct cli *c, int flags, enum status *st)
{
	if (c->store)
		return c->store;
	struct diag d = DIAG_INIT;
	enum status got = store_open(c->db_path, flags, &c->store, &d);
	if (got != ST_OK) {
		*st = cli_fail(got, &d);
		c->store = NULL;
	}
	diag_release(&d);
	return c->store;
}

enum status cli_fail(enum status st, const struct diag *d)
{
	for (size_t i = 0; d && i < d->n; i++)
		fprintf(stderr, "%s\n", d->lines[i]);
	if (d && d->total > d->n)
		fprintf(stderr, "……另有 %zu 处问题未列出\n", d->total - d->n);
	if (st != ST_OK)
		fprintf(stderr, "gongkai: %s\n", status_message(st));
	return st;
}

enum status cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "gongkai%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "（用法见 gongkai %s%s--help）\n", cmd ? cmd : "", cmd ? " " : "");
	return ST_USAGE;
}

enum status cli_refuse(enum status st, const char *fmt, ...)
{
	va_list ap;
	fputs("gongkai: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return st;
}

enum status cli_help(const char *cmd)
{
	for (const struct cli_command *k = cli_commands; k->name; k++) {
		if (strcmp(k->name, cmd) == 0) {
			printf("用法: gongkai %s\n\n%s\n", k->usage, k->help);
			return ST_OK;
		}
	}
	return cli_usage_error(NULL, "未知的命令 %s", cmd);
}

/* ---- options ---- */

#define MAX_OPTS 16

static bool takes_value(const struct cli_opt *o)
{
	return o->kind != OPT_FLAG;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi || *s == ' ' || *s == '+')
		return false;
	*out = (int)v;
	return true;
}

/* `a、b 或 c` */
static void join_or(const char *const *names, struct strbuf *out)
{
	for (int i = 0; names[i]; i++)
		sb_addf(out, "%s%s", i == 0 ? "" : names[i + 1] ? "、" : " 或 ", names[i]);
}

static enum status take_choice(const char *cmd, const struct cli_opt *o, const char *what,
			       const char *arg)
{
	for (int i = 0; o->choices[i]; i++)
		if (strcmp(o->choices[i], arg) == 0) {
			*(int *)o->out = i;
			return ST_OK;
		}
	struct strbuf names = STRBUF_INIT;
	join_or(o->choices, &names);
	enum status st = cli_usage_error(cmd, "未知的%s %s（应为 %s）", what, arg, sb_str(&names));
	sb_release(&names);
	return st;
}

enum status cli_report_form(const char *cmd, const char *format, bool whole, bool draft,
			    const char *out_path, const struct report_format **fmt)
{
	*fmt = whole ? NULL : report_format_find(format);
	if (draft && !whole)
		return cli_usage_error(cmd, "--draft 只用于整份年报（--whole）");
	if (whole && !annual_format_known(format))
		return cli_usage_error(cmd, "整份年报（--whole）的格式只能是 text、html 或 docx，不能是 %s",
				       format);
	if (!whole && !*fmt) {
		struct strbuf names = STRBUF_INIT;
		report_format_names(&names);
		enum status st = cli_usage_error(cmd, "未知的格式 %s（应为 %s）", format,
						 sb_str(&names));
		sb_release(&names);
		return st;
	}
	bool to_stdout = !out_path || strcmp(out_path, "-") == 0;
	if (to_stdout && (whole ? strcmp(format, "docx") == 0 : report_format_needs_file(*fmt)))
		return cli_usage_error(cmd, "%s 格式须用 -o 指定输出文件", format);
	return ST_OK;
}

/* Takes the value of one option; a usage error when it is not one the option takes. */
static enum status take(const char *cmd, const struct cli_opt *o, char *arg)
{
	const char *what = o->what ? o->what : o->name;
	struct cli_many *m = o->out;
	switch (o->kind) {
	case OPT_FLAG:
		*(bool *)o->out = true;
		return ST_OK;
	case OPT_TEXT:
		*(const char **)o->out = arg;
		return ST_OK;
	case OPT_YEAR:
		if (!parse_int(arg, DATE_MIN_YEAR, DATE_MAX_YEAR, o->out))
			return cli_usage_error(cmd, "年度「%s」应为 %d 到 %d 之间的整数", arg,
					       DATE_MIN_YEAR, DATE_MAX_YEAR);
		return ST_OK;
	case OPT_INT:
		if (!parse_int(arg, o->lo, o->hi, o->out))
			return cli_usage_error(cmd, "%s「%s」应为 %d 到 %d 之间的整数", what, arg,
					       o->lo, o->hi);
		return ST_OK;
	case OPT_CHOICE:
		return take_choice(cmd, o, what, arg);
	case OPT_MANY:
		m->v = xrealloc(m->v, (size_t)(m->n + 1) * sizeof *m->v);
		m->v[m->n++] = arg;
		return ST_OK;
	}
	return ST_USAGE;
}

enum status cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
		      int *first)
{
	struct option longopts[MAX_OPTS + 1];
	char shortopts[2 * MAX_OPTS + 2] = ":";   /* ':' first: a missing value is told apart */
	bool given[MAX_OPTS] = { false };
	size_t n = 0, sl = 1;
	for (; opts[n].name; n++) {
		if (n == MAX_OPTS)
			abort();   /* the program's own table: never more */
		longopts[n] = (struct option){ opts[n].name,
			takes_value(&opts[n]) ? required_argument : no_argument, NULL, 256 + (int)n };
		if (opts[n].letter) {
			shortopts[sl++] = opts[n].letter;
			if (takes_value(&opts[n]))
				shortopts[sl++] = ':';
		}
	}
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };
	shortopts[sl] = '\0';

	optind = 0;   /* getopt starts afresh for every command */
	opterr = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
		if (ch == '?')
			return optopt && optopt < 256 ? cli_usage_error(cmd, "未知的选项 -%c", optopt)
						     : cli_usage_error(cmd, "未知的选项 %s", arg);
		if (ch == ':')
			return cli_usage_error(cmd, "选项 %s 缺少参数", arg);
		size_t i = 0;
		if (ch >= 256)
			i = (size_t)ch - 256;
		else
			while (i < n && opts[i].letter != ch)
				i++;
		given[i] = true;
		enum status st = take(cmd, &opts[i], optarg);
		if (st != ST_OK)
			return st;
	}
	for (size_t i = 0; i < n; i++)
		if (opts[i].need && !given[i])
			return cli_usage_error(cmd, "需要 %s", opts[i].need);
	*first = optind;
	return ST_OK;
}

enum status cli_args(const char *cmd, int argc, char **argv, int first, int n, bool at_least,
		     const char *need)
{
	int have = argc - first;
	if (have < n)
		return cli_usage_error(cmd, "%s", need);
	if (have > n && !at_least)
		return n == 0 || !need ? cli_usage_error(cmd, "多余的参数 %s", argv[first + n])
				       : cli_usage_error(cmd, "%s", need);
	return ST_OK;
}

/* ---- progress ---- */

static bool progress_shown;

void cli_progress(size_t n, void *what)
{
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%s %zu 行 …", (const char *)what, n);
	progress_shown = true;
}

void cli_progress_done(void)
{
	if (progress_shown)
		fprintf(stderr, "\r\033[K");
	progress_shown = false;
}

enum status cli_read_text(const char *path, const char *what, size_t max, struct strbuf *out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return cli_refuse(ST_NOINPUT, "无法读取%s %s：%s", what, path,
				  syserr_reason(errno).text);
	char buf[8192];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && out->len <= max)
		sb_add(out, buf, got);
	bool bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (bad)
		return cli_refuse(ST_NOINPUT, "读取%s %s 出错", what, path);
	if (out->len > max)
		return cli_refuse(ST_DATA, "%s %s 超过 %zu KB", what, path, max / 1000);
	return ST_OK;
}

void cli_print_problems(const struct annual *a, FILE *f)
{
	for (size_t i = 0; i < a->r.problems.n; i++)
		fprintf(f, "%s\n", a->r.problems.lines[i]);
	for (size_t i = 0; i < a->problems.n; i++)
		fprintf(f, "%s\n", a->problems.lines[i]);
}

enum status cli_write_annual(const struct annual *a, const char *what, const char *format,
			     bool draft, const char *out_path)
{
	bool passes = annual_passes(a);
	if (!passes)
		cli_print_problems(a, stderr);
	if (!passes && !draft) {
		fprintf(stderr, "gongkai: %s未通过检查，未写出；改正后再导出，或用 --draft 导出标明"
			"（草稿）的稿件\n", what);
		return ST_CHECK;
	}
	struct diag d = DIAG_INIT;
	enum status rc = cli_fail(annual_write(a, format, draft, out_path, &d), &d);
	diag_release(&d);
	return rc;
}
