/*
 * cli.h — the command line of gongkai (docs/manual.md): the commands and what they share.
 *
 * Each command is a function taking its arguments (argv[0] is the command's name) and the
 * database path; it prints its result on standard output, its problems in Chinese on standard
 * error, and returns the core's status, which main maps to the exit status (sysexits, docs/manual.md).
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "status.h"
#include "strbuf.h"

struct report_format;
struct store;

struct cli {
	const char *db_path;      /* --db, $GONGKAI_DB or the default */
	struct store *store;      /* opened on first use by cli_store */
	int today;
};

/* A command: returns the status it ended with; main turns it into the exit status
 * (status_exit_code), so no command knows the numbers. */
typedef enum status cli_fn(struct cli *c, int argc, char **argv);

struct cli_command {
	const char *name;
	cli_fn *run;
	const char *usage;        /* one line: "import FILE [--dry-run] [--encoding utf-8|gb18030]" */
	const char *help;         /* a few lines in Chinese */
};

/* Every command, in the order --help lists them; ends with a NULL name. */
extern const struct cli_command cli_commands[];

/* Opens the database (once) for the commands that need it; prints why it could not and
 * returns NULL then, with *st set. */
struct store *cli_store(struct cli *c, int flags, enum status *st);

/* Prints each line of d on stderr, then "gongkai: <status message>" unless st is ST_OK;
 * returns st. */
enum status cli_fail(enum status st, const struct diag *d);
/* Prints "gongkai CMD: <msg>（用法见 …）" on stderr and returns ST_USAGE. */
enum status cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints "gongkai: <msg>" on stderr and returns st: a refusal the command words itself. */
enum status cli_refuse(enum status st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct report_format;
/* The report form --format names for cmd (report and rollup): for the tables a form of
 * report_format.h in *fmt; for the whole report (whole) text, html or docx, *fmt NULL. A usage
 * error when the form is unknown, --draft comes without --whole, or the form needs a file and
 * out_path is none. */
enum status cli_report_form(const char *cmd, const char *format, bool whole, bool draft,
			    const char *out_path, const struct report_format **fmt);
struct annual;
/* The problems of a whole report's tables, then of its text, a line each, to f. */
void cli_print_problems(const struct annual *a, FILE *f);
/* Writes the whole report a (built and checked) in format to out_path: when a check fails,
 * the problems on standard error and ST_CHECK, naming `what` (2023 年报告), unless it is a
 * draft, which is written with （草稿） in its title after the problems. */
enum status cli_write_annual(const struct annual *a, const char *what, const char *format,
			     bool draft, const char *out_path);
/* Appends the file at path (standard input for "-") to out: ST_NOINPUT when it cannot be
 * read, ST_DATA when it is longer than max bytes, each said with `what` (模板文件) and the path. */
enum status cli_read_text(const char *path, const char *what, size_t max, struct strbuf *out);
/* Prints the usage and help of one command on stdout. */
enum status cli_help(const char *cmd);

/*
 * The options of a command, one table per command: each names the option, the kind of value it
 * takes and where the value goes. cli_parse reads them all (in any order, among the arguments),
 * checks each value as its kind says, and says what is wrong in Chinese. Unknown options,
 * missing values and a missing required option are usage errors.
 */
enum cli_opt_kind {
	OPT_FLAG,      /* no value: bool *out = true */
	OPT_TEXT,      /* const char **out = the value */
	OPT_YEAR,      /* int *out = a year, DATE_MIN_YEAR..DATE_MAX_YEAR */
	OPT_INT,       /* int *out = a whole number in lo..hi */
	OPT_CHOICE,    /* int *out = the index of the value in choices (NULL-terminated) */
	OPT_MANY,      /* struct cli_many *out: every value of an option given several times */
};

struct cli_many {
	char **v;      /* the values, pointing into argv; owned (free v, not the strings) */
	int n;
};

struct cli_opt {
	const char *name;       /* the long name without --, "year" */
	char letter;            /* a short form (-o), or 0 */
	enum cli_opt_kind kind;
	void *out;
	const char *what;       /* in messages: "年度", "--workdays", "格式"; the name when NULL */
	const char *need;       /* required: the message's words when missing ("--year 年度") */
	int lo, hi;             /* OPT_INT */
	const char *const *choices;   /* OPT_CHOICE */
};

/* The options every year-bound command shares. */
#define CLI_OPT_YEAR(p) { "year", 0, OPT_YEAR, (p), NULL, "--year 年度", 0, 0, NULL }
#define CLI_OPT_YEAR_OPTIONAL(p) { "year", 0, OPT_YEAR, (p), NULL, NULL, 0, 0, NULL }
#define CLI_OPT_OUTPUT(p) { "output", 'o', OPT_TEXT, (p), NULL, NULL, 0, 0, NULL }
#define CLI_OPT_END { NULL, 0, OPT_FLAG, NULL, NULL, NULL, 0, 0, NULL }

/* Parses the options of argv[1..argc) by opts; *first is the index of the first argument that
 * is not an option (getopt puts them last). ST_USAGE after printing the problem. */
enum status cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
		      int *first);

/* The number of arguments left: exactly n (or at least n when at_least); otherwise a usage
 * error with `need` (e.g. "需要一个编号") or naming the first one too many. */
enum status cli_args(const char *cmd, int argc, char **argv, int first, int n, bool at_least,
		     const char *need);

/* Progress on stderr when it is a terminal ("导入 12000 行 …"), nothing otherwise. */
void cli_progress(size_t n, void *what);
void cli_progress_done(void);

#endif
