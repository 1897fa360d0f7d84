/*
 * cli.h — the command line of gongkai (docs/manual.md): the commands and what they share.
 *
 * Each command is a function taking its arguments (argv[0] is the command's name) and the
 * database path; it prints its result on standard output, its problems in Chinese on standard
 * error, and returns the process exit status (sysexits, docs/manual.md).
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "status.h"
#include "strbuf.h"

struct store;

struct cli {
	const char *db_path;      /* --db, $GONGKAI_DB or the default */
	struct store *store;      /* opened on first use by cli_store */
	int today;
};

typedef int cli_fn(struct cli *c, int argc, char **argv);

struct cli_command {
	const char *name;
	cli_fn *run;
	const char *usage;        /* one line: "import FILE [--dry-run] [--encoding utf-8|gb18030]" */
	const char *help;         /* a few lines in Chinese */
};

/* Every command, in the order --help lists them; ends with a NULL name. */
extern const struct cli_command cli_commands[];

/* Opens the database (once) for the commands that need it; prints why it could not and
 * returns NULL then, with *status set. */
struct store *cli_store(struct cli *c, int flags, int *status);

/* Prints each line of d on stderr, then "gongkai: <status message>" unless st is ST_OK;
 * returns the exit status of st. */
int cli_fail(enum status st, const struct diag *d);
/* Prints "gongkai: <msg>" on stderr and returns 64 (usage). */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the usage and help of one command on stdout; returns 0. */
int cli_help(const char *cmd);

/*
 * Parses the options of a command with getopt_long; shared so that every command answers
 * --help and reports an unknown option the same way, in Chinese. Returns the option character,
 * -1 at the end, or '?' after printing the problem (the caller returns 64).
 */
struct option;
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts);

/* Parses a year (1900..2999) or a whole number; false after printing a usage error. */
bool cli_year(const char *cmd, const char *s, int *year);
bool cli_int(const char *cmd, const char *what, const char *s, int lo, int hi, int *out);

/*
 * Output to a file that appears whole or not at all: a temporary file next to path (mode
 * 0600), renamed into place by cli_output_commit. With path NULL or "-", standard output.
 */
struct cli_output {
	FILE *fp;
	char *path, *tmp;
};
int cli_output_open(struct cli_output *o, const char *path);
int cli_output_commit(struct cli_output *o);
void cli_output_abort(struct cli_output *o);


/* Progress on stderr when it is a terminal ("导入 12000 行 …"), nothing otherwise. */
void cli_progress(size_t n, void *what);
void cli_progress_done(void);

#endif
