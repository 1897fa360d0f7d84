/*
 * clock.h — the clock of one application: its due date, the working days left, and why.
 *
 * From the dated facts of one application (receipt, 补正, consultation, extension, fee, answer)
 * and the working-day calendar, clock_compute finds the state, the due date in force and the
 * steps that led to it, as docs/deadlines.md "The computation, exactly" sets out (第三十条,
 * 第三十二条, 第三十三条, 第三十四条, 第四十二条). clock_check says which of those dates are
 * impossible or against the 条例, for a form or a ledger row, before anything is saved.
 */
#ifndef GK_CLOCK_H
#define GK_CLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "calendar.h"
#include "strbuf.h"

/* The answer period: 20 working days (第三十三条). */
#define CLOCK_ANSWER_DAYS 20
/* The longest extension (第三十三条). */
#define CLOCK_EXTENSION_MAX 20
/* A 补正 notice goes out within 7 working days of receipt (第三十条). */
#define CLOCK_CORRECTION_NOTICE_DAYS 7
/* The applicant pays within 20 working days, counted from the day after the fee notice reached
 * them (国办函〔2020〕109号). */
#define CLOCK_FEE_PAY_DAYS 20
/* A third party or another body replies within 15 working days of receiving the letter
 * (第三十二条, 第三十四条). */
#define CLOCK_CONSULT_REPLY_DAYS 15

/* The dated facts of one application, each at most once: DATE_NONE when absent.
 * extension_days is 0 when there is no extension. */
struct clock_dates {
	int received;                                  /* required (第三十一条) */
	int correction_sent, correction_limit, correction_received;   /* 补正 第三十条 */
	int consult_start, consult_end;                /* 征求意见 第三十二条/第三十四条: a pause */
	int extended_on, extension_days;               /* 延期 第三十三条: 1..20 working days */
	int fee_notice, fee_paid_on;                   /* 收费通知 → 缴费: a pause (第四十二条) */
	int answered;                                  /* 答复 */
	/* when a letter reached its addressee: the limits the addressee has run from these */
	int consult_delivered;   /* the consultation letter (15 working days to reply) */
	int fee_delivered;       /* the fee notice (20 working days to pay) */
};

/* Sets every date of *in to DATE_NONE and extension_days to 0. */
void clock_dates_init(struct clock_dates *in);

enum clock_state {
	CLOCK_OPEN,        /* the clock runs: due is set */
	CLOCK_CORRECTION,  /* 待补正: waiting for the applicant, no due date */
	CLOCK_CONSULT,     /* 征求意见中: paused, `left` kept */
	CLOCK_FEE,         /* waiting for payment: paused, `left` kept */
	CLOCK_ANSWERED,
};

struct clock {
	enum clock_state state;
	/* The due date in force. DATE_NONE while paused (CONSULT/FEE), while waiting for 补正, and
	 * for an answer given while paused or waiting. One exception: a pause that began after the
	 * due date stops nothing (the case was already late), so CONSULT/FEE then keep the due date
	 * that has passed, with left 0. */
	int due;
	int left;          /* working days left, kept while a pause stops the clock; else 0 */
	bool extended;     /* an extension is counted in due (or left) */
	bool late;         /* answered after due */
	int missing_year;  /* first year the computation ran into without its notice, or 0 */
	/* the payment limit while the fee is unpaid (clock_fee_limit), else DATE_NONE; provisional
	 * while the day the notice reached the applicant is not recorded */
	int fee_limit;
	bool fee_limit_provisional;
	/* the reply limit of a consultation not yet ended (clock_consult_limit), else DATE_NONE */
	int consult_limit;
	bool consult_limit_provisional;
	struct strbuf steps;  /* the explanation: one Chinese line per step, each ending "\n" */
};

#define CLOCK_INIT { CLOCK_OPEN, 0, 0, false, false, 0, 0, false, 0, false, STRBUF_INIT }

/* The day by which the applicant must pay: 20 working days after the day the notice reached
 * them (fee_delivered), or, until that is recorded, after the notice's own date — then
 * *provisional is set. DATE_NONE without a fee notice. */
int clock_fee_limit(const struct calendar *cal, const struct clock_dates *in, bool *provisional);
/* The day by which the party consulted must reply: 15 working days after it received the
 * letter (consult_delivered), or, until that is recorded, after the consultation began (then
 * *provisional is set). DATE_NONE without a consultation. For another body, silence by then
 * counts as agreeing (第三十四条); for a third party the office then decides (第三十二条). */
int clock_consult_limit(const struct calendar *cal, const struct clock_dates *in,
			bool *provisional);

/* The payment limit of a computed clock in words, for `show` and the detail screen: the date,
 * whether it is provisional, and 已过 once today is after it (the applicant who has not paid
 * then counts as having given up, 国办函〔2020〕109号). Appends nothing without a limit. */
void clock_fee_limit_text(const struct clock *c, int today, struct strbuf *out);
/* The reply limit of an open consultation in words, the same way; once passed, what follows:
 * for a third party (party 0, CP_THIRD_PARTY) the office decides (第三十二条), for another body
 * (1, CP_BODY) silence counts as agreement (第三十四条); party -1 when not recorded. */
void clock_consult_limit_text(const struct clock *c, int party, int today, struct strbuf *out);

/* Computes the clock of one application into *out. out must be initialised (CLOCK_INIT, all
 * zero, or a clock from an earlier clock_compute, whose steps buffer is reused); the caller
 * frees it with clock_release.
 *
 * Events are applied in date order; on one date in this order: receipt, 补正 notice, 补正
 * received, the end of a pause, extension, the start of a pause, answer — except that a pause
 * that starts and ends on one day starts first (it then moves nothing). Events before receipt
 * and after the answer are noted in the steps and ignored, and so are those clock_check calls
 * errors (an extension refused, a pause end without its start).
 *
 * Two pauses may overlap (a consultation while a fee notice is out): the clock stops while any
 * of them is open and runs again from the end of the last, so a day in both is not counted
 * twice. While both are open the state is CLOCK_CONSULT. A 补正 received while a pause is open
 * restarts the count at 20 days left, counted from the pause's end. */
void clock_compute(const struct calendar *cal, const struct clock_dates *in, struct clock *out);

/* clock_compute without the steps text (c->steps is left empty): for the store, which keeps
 * only the state and the due date of every application it writes. */
void clock_compute_quiet(const struct calendar *cal, const struct clock_dates *in,
			 struct clock *out);

/* Frees the steps of c (c may be computed again afterwards). */
void clock_release(struct clock *c);

/* Working days from today to the due date: calendar_workdays_between(today, due), negative when
 * late. Without a due date: c->left while a pause stops the clock, else 0 (waiting for 补正,
 * answered). Note that on the weekend after a Friday due date this is 0 though the case is
 * late: use clock_is_overdue to tell. */
int clock_workdays_left(const struct calendar *cal, const struct clock *c, int today);

/* True when c is not answered, has a due date, and today is after it (已逾期). */
bool clock_is_overdue(const struct clock *c, int today);

/* The fields of an application that hold the clock's dates. */
enum clock_field {
	CLOCK_F_RECEIVED,
	CLOCK_F_CORRECTION_SENT,
	CLOCK_F_CORRECTION_LIMIT,
	CLOCK_F_CORRECTION_RECEIVED,
	CLOCK_F_CONSULT_START,
	CLOCK_F_CONSULT_END,
	CLOCK_F_EXTENDED_ON,
	CLOCK_F_EXTENSION_DAYS,
	CLOCK_F_FEE_NOTICE,
	CLOCK_F_FEE_PAID,
	CLOCK_F_ANSWERED,
};

/* The field's Chinese ledger name ("收到日期", "补正通知日期", …); a static string. */
const char *clock_field_name(enum clock_field f);

/* One problem with the dates. */
struct clock_problem {
	enum clock_field field;
	bool is_error;   /* true: refuse to save; false: a warning the clerk may accept */
	/* owned; names the field first: "征求意见结束: 2023-03-01 早于征求意见开始 2023-03-05" */
	char *message;
};

struct clock_problems {
	struct clock_problem *items;  /* owned */
	size_t n, cap;
	size_t errors;                /* how many of items are errors */
};

#define CLOCK_PROBLEMS_INIT { NULL, 0, 0, 0 }

/* Checks the order and the legality of the dates of *in and appends what is wrong to *out
 * (initialised by the caller, who frees it with clock_problems_release). Errors: no receipt;
 * an event before receipt; 补正 received, or a 补正 limit, without or before the notice; a
 * consultation end without or before its start; payment without or before the notice; the
 * answer before another event; extension days outside 1..20, or days without a date or a date
 * without days; an extension after the due date in force at it, or while waiting for 补正 (no
 * period runs then). Warnings: a 补正 notice later than 7 working days after receipt (第三十条);
 * 补正 received after its limit; a consultation or fee notice begun after the due date (it no
 * longer moves it; 第四十二条 wants the fee notice within the period); payment after the 20
 * working days; an extension made before the 补正, which the restart makes void. */
void clock_check(const struct calendar *cal, const struct clock_dates *in,
		 struct clock_problems *out);

/* clock_check that also leaves the clock it ran in *c (as clock_compute_quiet would: no steps),
 * for a caller that needs both — an import checks and computes every row. */
void clock_check_compute(const struct calendar *cal, const struct clock_dates *in,
			 struct clock_problems *out, struct clock *c);

/* Frees the messages and the list, leaving *p empty (CLOCK_PROBLEMS_INIT). */
void clock_problems_release(struct clock_problems *p);

#endif
