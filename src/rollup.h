/*
 * rollup.h — 全市汇总: adding up the tables of several bodies.
 *
 * Each body keeps its own gongkai file; a city's (or county's) office gathers their databases
 * or their report JSON and adds the tables up. Every source is read and checked first — its
 * own checks, the year, the format, no body twice (by name, and by an identical table) — and a
 * roll-up's JSON is itself a source for the level above, listing the bodies it holds.
 */
#ifndef GK_ROLLUP_H
#define GK_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "report.h"
#include "status.h"

/* One source of a roll-up, as loaded. */
struct rollup_part {
	char *path;
	char *label;            /* the body's name, or the file's name when it has none */
	struct report rep;
	bool failing;           /* its own checks fail (balance, carry-over, recount) */
};

/*
 * Loads one source for the year: a gongkai database (opened read-only, never changed; its
 * report built and recounted) or a report JSON of another body's gongkai. ST_NOINPUT when the
 * file cannot be read; ST_DATA when it is neither, or is of another year or format — with a
 * line naming the file and what is wrong. A source whose own checks fail loads (part->failing,
 * its problems in part->rep.problems); the caller decides.
 */
enum status rollup_load(const char *path, int year, struct rollup_part *part, struct diag *d);
void rollup_part_release(struct rollup_part *part);

/*
 * Checks the parts against each other — no body twice, by name (a nested roll-up brings the
 * names of its bodies) or by an identical non-empty table — and, unless force, that none
 * fails its own checks. Adds a line per problem, naming the files. Returns ST_DATA when the
 * roll-up must stop.
 */
enum status rollup_check(const struct rollup_part *parts, size_t n, bool force, struct diag *d);

/*
 * Adds the parts into sum (report_init'ed): tables 二 (a cell is "/" only when it is "/" for
 * every body), 三 and 四, the fees, the list of bodies (the bodies of nested roll-ups in their
 * place), marked unchecked when a part failed its checks or was itself unchecked; then runs
 * the checks on the sum. office (may be NULL) is the name printed for the roll-up.
 */
void rollup_sum(const struct rollup_part *parts, size_t n, int year, const char *office,
		struct report *sum);

#endif
