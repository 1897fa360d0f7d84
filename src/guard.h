/*
 * guard.h — the law's guard rails: entries the recorded events contradict.
 *
 * An outcome the events do not support (逾期不补正 with no 补正 notice, 逾期未缴费 before the
 * payment limit, 复议后起诉 with no reconsideration, an answer while a consultation is still
 * open, a fee the rates do not give) is not always wrong — an old ledger may lack the event, a
 * reconsideration body may have failed to decide — so it is not refused but needs confirming:
 * each is a warning with its confirm flag set (app.h), naming the missing step and its article.
 * A form saves it on a second F2, `add` and `set` only with --confirm, an import saves it and
 * lists it, and `audit` lists those of a year.
 */
#ifndef GK_GUARD_H
#define GK_GUARD_H

#include "app.h"
#include "status.h"

struct store;
struct diag;

/*
 * The confirmations one application's own fields decide (called by app_check): adds one
 * confirm problem to p for each contradiction. cal gives the payment and reply limits.
 */
void guard_app(const struct app *a, const struct calendar *cal, struct app_problems *p);

/*
 * The store's part, after app_check: the fee per application against the applicant's n-th
 * application of the month (国办函〔2020〕109号 第四条), which needs the other applications; then
 * drops the confirmations the stored version of a (a->id, when stored) already had, so a case
 * confirmed once is not asked again when another field changes. ST_OK or the store's status.
 */
enum status guard_check(struct store *s, const struct app *a, int today,
			struct app_problems *p, struct diag *d);

/* The fee per application against the applicant's n-th application of the month alone (the
 * part of guard_check that needs the store), for a list of what needs confirming (audit). */
enum status guard_fee_count(struct store *s, const struct app *a, struct app_problems *p,
			    struct diag *d);

/* The date whose year a confirmation belongs to (for audit): the lawsuit's filing for the
 * lawsuit, the fee notice for the fee, else the answer. DATE_NONE when that date is not set. */
int guard_problem_date(const struct app *a, const struct app_problem *pr);

#endif
