/*
 * rollup.h — 全市汇总: adding up the tables of several bodies.
 *
 * Each body keeps its own gongkai file; a city's (or county's) office gathers their databases
 * or their report JSON and adds the tables up. Every source is read and checked first: the
 * year, the format and being readable at all (nothing can be added without them), then its own
 * checks and no body twice (the same file, or the same office name), which --force may pass
 * over. Identical tables under different names are only noted: small bodies' tables often are
 * the same. A roll-up's JSON is itself a source for the level above, listing its bodies.
 */
#ifndef GK_ROLLUP_H
#define GK_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "diag.h"
#include "report.h"
#include "status.h"

/* One source of a roll-up, as loaded. */
struct rollup_part {
	char *path;
	char *label;            /* the body's name, or the file's name when it has none */
	struct report rep;
	bool failing;           /* its own checks fail (balance, carry-over, recount) */
	bool twice;             /* holds a body that another part holds too (rollup_check) */
	dev_t dev;              /* the file read, to find one given twice */
	ino_t ino;
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
 * Checks the parts against each other and each on its own. A problem is a body twice — the
 * same file, or the same office name (a nested roll-up brings the names of its bodies; a
 * source without a name is not compared by its file's name) — or a part that fails its own
 * checks: a line for each in d, naming the files, and the parts concerned marked (twice,
 * failing) so that rollup_sum says its result holds unchecked sources. Without force a problem
 * stops the roll-up: ST_DATA. With force each line says the part is added all the same, ST_OK.
 * Parts whose non-empty tables 三 and 四 are identical but which are not the same body are not
 * a problem (many small bodies have the same tiny table): one line per such group in notes
 * (may be NULL), beginning 提示.
 */
enum status rollup_check(struct rollup_part *parts, size_t n, bool force, struct diag *d,
			 struct diag *notes);

/*
 * Adds the parts into sum (report_init'ed): tables 二 (a cell is "/" only when it is "/" for
 * every body), 三 and 四, the fees, the list of bodies (the bodies of nested roll-ups in their
 * place), marked unchecked when a part failed its checks, held a body twice (both after
 * rollup_check with force) or was itself unchecked; then runs
 * the checks on the sum. office (may be NULL) is the name printed for the roll-up.
 */
void rollup_sum(const struct rollup_part *parts, size_t n, int year, const char *office,
		struct report *sum);

#endif
