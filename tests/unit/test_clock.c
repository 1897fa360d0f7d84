/*
 * test_clock.c — the clock of one application by the shipped calendar: every event and their
 * combinations around holidays and make-up workdays, the steps text, and the checks.
 *
 * Expected dates were counted by hand on the 2023 notice (中秋国庆 09-29..10-06 off, 10-07 and
 * 10-08 worked; 清明 04-05; 劳动节 04-29..05-03 off, 04-23 and 05-06 worked) and the rules are
 * also checked against the naive reference calendar of refcal.h over whole years.
 */
#include "testutil.h"

#include "clock.h"
#include "refcal.h"

static struct calendar *shipped;

static int setup(void **state)
{
	(void)state;
	shipped = calendar_new();
	ref_load();
	return calendar_load_csv(shipped, (const char *)holidays_csv, holidays_csv_len, NULL);
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&shipped);
	return 0;
}

/* The dates of a case as text; NULL where absent. */
struct dates_text {
	const char *received, *corr_sent, *corr_limit, *corr_received;
	const char *consult_start, *consult_end, *extended_on;
	int ext_days;
	const char *fee_notice, *fee_paid, *answered;
};

static struct clock_dates dates_of(const struct dates_text *t)
{
	struct clock_dates in;
	clock_dates_init(&in);
	in.received = iso(t->received);
	in.correction_sent = iso(t->corr_sent);
	in.correction_limit = iso(t->corr_limit);
	in.correction_received = iso(t->corr_received);
	in.consult_start = iso(t->consult_start);
	in.consult_end = iso(t->consult_end);
	in.extended_on = iso(t->extended_on);
	in.extension_days = t->ext_days;
	in.fee_notice = iso(t->fee_notice);
	in.fee_paid_on = iso(t->fee_paid);
	in.answered = iso(t->answered);
	return in;
}

struct clock_case {
	const char *what;
	struct dates_text in;
	enum clock_state state;
	const char *due;    /* NULL: DATE_NONE */
	int left;
	bool extended, late;
	const char *step;   /* a line the steps must hold, or NULL */
};

static const struct clock_case cases[] = {
	{ "receipt only", { .received = "2023-09-28" }, CLOCK_OPEN, "2023-11-01", 0, false, false,
	  "收到申请 2023-09-28（周四）：到期日为其后第20个工作日 2023-11-01\n" },
	{ "receipt on a make-up Saturday", { .received = "2023-10-07" },
	  CLOCK_OPEN, "2023-11-02", 0, false, false, NULL },
	{ "receipt on a holiday", { .received = "2023-10-01" },
	  CLOCK_OPEN, "2023-11-01", 0, false, false, NULL },
	{ "receipt before 春节 2024", { .received = "2024-02-08" },
	  CLOCK_OPEN, "2024-03-13", 0, false, false, NULL },
	{ "due on a make-up Saturday", { .received = "2023-09-01" },
	  CLOCK_OPEN, "2023-10-07", 0, false, false, NULL },

	{ "answered on the due date", { .received = "2023-09-28", .answered = "2023-11-01" },
	  CLOCK_ANSWERED, "2023-11-01", 0, false, false,
	  "答复 2023-11-01：按期（到期日 2023-11-01）\n" },
	{ "answered a day late", { .received = "2023-09-28", .answered = "2023-11-02" },
	  CLOCK_ANSWERED, "2023-11-01", 0, false, true,
	  "答复 2023-11-02：逾期（到期日 2023-11-01）\n" },
	{ "answered on the spot", { .received = "2023-10-07", .answered = "2023-10-07" },
	  CLOCK_ANSWERED, "2023-11-02", 0, false, false, NULL },
	{ "answered on the Sunday after a Saturday due date",
	  { .received = "2023-09-01", .answered = "2023-10-08" },
	  CLOCK_ANSWERED, "2023-10-07", 0, false, true, NULL },

	{ "补正 sent: waiting",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .corr_limit = "2023-03-17" },
	  CLOCK_CORRECTION, NULL, 0, false, false,
	  "补正通知 2023-03-03：待申请人补正（补正期限 2023-03-17），"
	  "答复期限自收到补正之日起重新计算\n" },
	{ "补正 received: restart",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .corr_received = "2023-03-10" },
	  CLOCK_OPEN, "2023-04-10", 0, false, false,
	  "收到补正 2023-03-10：重新起算，到期日 2023-04-10\n" },
	{ "补正 restart across 国庆",
	  { .received = "2023-09-20", .corr_sent = "2023-09-22", .corr_received = "2023-09-28" },
	  CLOCK_OPEN, "2023-11-01", 0, false, false, NULL },
	{ "补正 sent and received the same day",
	  { .received = "2023-03-01", .corr_sent = "2023-03-10", .corr_received = "2023-03-10" },
	  CLOCK_OPEN, "2023-04-10", 0, false, false, NULL },
	{ "answered while waiting for 补正",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .answered = "2023-06-01" },
	  CLOCK_ANSWERED, NULL, 0, false, false, "答复 2023-06-01：待补正期间答复，不计逾期\n" },
	{ "补正 sent late (warned, same effect)",
	  { .received = "2023-09-20", .corr_sent = "2023-10-08" },
	  CLOCK_CORRECTION, NULL, 0, false, false,
	  "  补正通知晚于收到申请后第7个工作日 2023-10-07（第三十条）\n" },

	{ "consultation open",
	  { .received = "2023-03-01", .consult_start = "2023-03-15" },
	  CLOCK_CONSULT, NULL, 10, false, false, "征求意见 2023-03-15 起暂停：剩余 10 个工作日\n" },
	{ "consultation closed across 国庆",
	  { .received = "2023-09-01", .consult_start = "2023-09-20", .consult_end = "2023-09-27" },
	  CLOCK_OPEN, "2023-10-12", 0, false, false,
	  "征求意见 2023-09-27 结束：顺延 7 个工作日，到期日 2023-10-12\n" },
	{ "consultation of one day",
	  { .received = "2023-03-01", .consult_start = "2023-03-15", .consult_end = "2023-03-15" },
	  CLOCK_OPEN, "2023-03-29", 0, false, false, NULL },
	{ "consultation begun on the due date: no day left",
	  { .received = "2023-03-01", .consult_start = "2023-03-29", .consult_end = "2023-04-03" },
	  CLOCK_OPEN, "2023-04-03", 0, false, false, NULL },
	{ "consultation begun after the due date moves nothing",
	  { .received = "2023-03-01", .consult_start = "2023-04-03" },
	  CLOCK_CONSULT, "2023-03-29", 0, false, false,
	  "征求意见 2023-04-03 起暂停：开始时已过到期日 2023-03-29，不再顺延\n" },
	{ "… and its end moves nothing either",
	  { .received = "2023-03-01", .consult_start = "2023-04-03", .consult_end = "2023-04-10",
	    .answered = "2023-04-11" },
	  CLOCK_ANSWERED, "2023-03-29", 0, false, true,
	  "征求意见 2023-04-10 结束（开始时已逾期，不影响到期日）\n" },
	{ "answered while consulting",
	  { .received = "2023-03-01", .consult_start = "2023-03-15", .answered = "2023-05-04" },
	  CLOCK_ANSWERED, NULL, 0, false, false, "答复 2023-05-04：暂停期间答复，不计逾期\n" },

	{ "fee notice open",
	  { .received = "2023-09-01", .fee_notice = "2023-09-26" },
	  CLOCK_FEE, NULL, 3, false, false,
	  "收费通知 2023-09-26 起暂停：剩余 3 个工作日，缴费期限 2023-10-30（送达日期未登记，"
	  "暂按通知日期计算）\n" },
	{ "fee paid on a make-up Sunday",
	  { .received = "2023-09-01", .fee_notice = "2023-09-26", .fee_paid = "2023-10-08" },
	  CLOCK_OPEN, "2023-10-11", 0, false, false,
	  "缴费 2023-10-08，暂停结束：顺延 3 个工作日，到期日 2023-10-11\n" },
	{ "fee notice after the due date",
	  { .received = "2023-03-01", .fee_notice = "2023-03-30" },
	  CLOCK_FEE, "2023-03-29", 0, false, false, NULL },

	{ "overlapping pauses, consultation ends first",
	  { .received = "2023-03-01", .consult_start = "2023-03-06", .consult_end = "2023-03-20",
	    .fee_notice = "2023-03-13", .fee_paid = "2023-03-24" },
	  CLOCK_OPEN, "2023-04-19", 0, false, false,
	  "征求意见 2023-03-20 结束：收费通知未结束，继续暂停\n" },
	{ "overlapping pauses, fee paid first",
	  { .received = "2023-03-01", .consult_start = "2023-03-06", .consult_end = "2023-03-24",
	    .fee_notice = "2023-03-13", .fee_paid = "2023-03-20" },
	  CLOCK_OPEN, "2023-04-19", 0, false, false,
	  "收费通知 2023-03-13 起暂停：已在暂停中，继续暂停，缴费期限 2023-04-11（送达日期未登记，"
	  "暂按通知日期计算）\n" },
	{ "overlapping pauses, both open",
	  { .received = "2023-03-01", .consult_start = "2023-03-06", .fee_notice = "2023-03-13" },
	  CLOCK_CONSULT, NULL, 17, false, false, NULL },
	{ "overlapping pauses, fee still open",
	  { .received = "2023-03-01", .consult_start = "2023-03-06", .consult_end = "2023-03-20",
	    .fee_notice = "2023-03-13" },
	  CLOCK_FEE, NULL, 17, false, false, NULL },
	{ "one pause ends the day the other starts",
	  { .received = "2023-03-01", .consult_start = "2023-03-06", .consult_end = "2023-03-13",
	    .fee_notice = "2023-03-13", .fee_paid = "2023-03-24" },
	  CLOCK_OPEN, "2023-04-19", 0, false, false, NULL },

	{ "extension on the due date, a make-up Saturday",
	  { .received = "2023-09-01", .extended_on = "2023-10-07", .ext_days = 20 },
	  CLOCK_OPEN, "2023-11-02", 0, true, false,
	  "延期 2023-10-07 批准 20 个工作日：到期日 2023-11-02\n" },
	{ "extension after the due date is refused",
	  { .received = "2023-09-01", .extended_on = "2023-10-08", .ext_days = 20 },
	  CLOCK_OPEN, "2023-10-07", 0, false, false,
	  "延期 2023-10-08 不予计算：晚于当时的到期日 2023-10-07\n" },
	{ "extension of 21 days is refused",
	  { .received = "2023-09-01", .extended_on = "2023-09-05", .ext_days = 21 },
	  CLOCK_OPEN, "2023-10-07", 0, false, false, NULL },
	{ "extension while consulting adds to the days left",
	  { .received = "2023-09-01", .consult_start = "2023-09-20", .extended_on = "2023-09-25",
	    .ext_days = 10 },
	  CLOCK_CONSULT, NULL, 17, true, false,
	  "延期 2023-09-25 批准 10 个工作日：暂停中，剩余 17 个工作日\n" },
	{ "… and counts after the consultation",
	  { .received = "2023-09-01", .consult_start = "2023-09-20", .consult_end = "2023-10-09",
	    .extended_on = "2023-09-25", .ext_days = 10, .answered = "2023-11-01" },
	  CLOCK_ANSWERED, "2023-11-01", 0, true, false, NULL },
	{ "extension while waiting for 补正 is refused",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .extended_on = "2023-03-06",
	    .ext_days = 5 },
	  CLOCK_CORRECTION, NULL, 0, false, false, NULL },
	{ "extension before 补正 is undone by the restart",
	  { .received = "2023-03-01", .extended_on = "2023-03-02", .ext_days = 5,
	    .corr_sent = "2023-03-03", .corr_received = "2023-03-10" },
	  CLOCK_OPEN, "2023-04-10", 0, false, false, NULL },
	{ "补正 received while consulting: 20 days from the end",
	  { .received = "2023-03-01", .corr_sent = "2023-03-02", .consult_start = "2023-03-06",
	    .corr_received = "2023-03-10", .consult_end = "2023-03-20" },
	  CLOCK_OPEN, "2023-04-18", 0, false, false,
	  "收到补正 2023-03-10：重新起算，暂停未结束，剩余 20 个工作日\n" },

	{ "all together (restart, pause, extension)",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .corr_limit = "2023-03-17",
	    .corr_received = "2023-03-10", .consult_start = "2023-03-15",
	    .consult_end = "2023-03-30", .extended_on = "2023-04-10", .ext_days = 20,
	    .answered = "2023-05-25" },
	  CLOCK_ANSWERED, "2023-05-24", 0, true, true, NULL },
	{ "2027 without its notice",
	  { .received = "2026-12-15" }, CLOCK_OPEN, "2027-01-12", 0, false, false,
	  "2027年节假日安排未录入，按周末推算\n" },
	{ "no receipt", { .answered = "2023-03-01" }, CLOCK_OPEN, NULL, 0, false, false,
	  "缺少收到日期，无法计算答复期限\n" },
	{ "an event before receipt is ignored",
	  { .received = "2023-03-01", .consult_start = "2023-02-20" },
	  CLOCK_OPEN, "2023-03-29", 0, false, false,
	  "征求意见开始 2023-02-20：早于收到日期，不计\n" },
	{ "an event after the answer is ignored",
	  { .received = "2023-03-01", .answered = "2023-03-10", .consult_start = "2023-03-15" },
	  CLOCK_ANSWERED, "2023-03-29", 0, false, false,
	  "征求意见开始 2023-03-15：在答复之后，不计\n" },
	{ "a consultation end without its start is ignored",
	  { .received = "2023-03-01", .consult_end = "2023-03-15" },
	  CLOCK_OPEN, "2023-03-29", 0, false, false, NULL },
};

static void test_cases(void **state)
{
	(void)state;
	struct clock c = CLOCK_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct clock_case *k = &cases[i];
		struct clock_dates in = dates_of(&k->in);
		char got[DATE_BUF];
		clock_compute(shipped, &in, &c);  /* reusing c: its steps buffer is reset */
		if (c.state != k->state || c.due != iso(k->due) || c.left != k->left
		    || c.extended != k->extended || c.late != k->late
		    || (k->step && !strstr(sb_str(&c.steps), k->step)))
			fail_msg("%s: state %d due %s left %d extended %d late %d\n%s", k->what,
				 c.state, date_format(c.due, got), c.left, c.extended, c.late,
				 sb_str(&c.steps));
	}
	clock_release(&c);
}

/* The steps of a whole case, as `gongkai due` and the detail screen show them. */
static void test_steps_text(void **state)
{
	(void)state;
	struct dates_text t = {
		.received = "2023-03-01", .corr_sent = "2023-03-03", .corr_limit = "2023-03-17",
		.corr_received = "2023-03-10", .consult_start = "2023-03-15",
		.consult_end = "2023-03-30", .extended_on = "2023-04-10", .ext_days = 20,
		.fee_notice = "2023-04-20", .fee_paid = "2023-04-24",
	};
	struct clock_dates in = dates_of(&t);
	struct clock c = CLOCK_INIT;
	clock_compute(shipped, &in, &c);
	assert_string_equal(sb_str(&c.steps),
		"收到申请 2023-03-01（周三）：到期日为其后第20个工作日 2023-03-29\n"
		"补正通知 2023-03-03：待申请人补正（补正期限 2023-03-17），"
		"答复期限自收到补正之日起重新计算\n"
		"收到补正 2023-03-10：重新起算，到期日 2023-04-10\n"
		"征求意见 2023-03-15 起暂停：剩余 17 个工作日\n"
		"征求意见 2023-03-30 结束：顺延 17 个工作日，到期日 2023-04-24\n"
		"延期 2023-04-10 批准 20 个工作日：到期日 2023-05-24\n"
		"收费通知 2023-04-20 起暂停：剩余 23 个工作日，缴费期限 2023-05-19（送达日期未登记，"
		"暂按通知日期计算）\n"
		"缴费 2023-04-24，暂停结束：顺延 23 个工作日，到期日 2023-05-29\n");
	assert_int_equal(c.state, CLOCK_OPEN);
	assert_int_equal(c.due, iso("2023-05-29"));
	assert_int_equal(c.fee_limit, DATE_NONE);
	assert_int_equal(c.missing_year, 0);
	clock_release(&c);
	assert_null(c.steps.buf);
}

static void test_fee_limit_and_missing_year(void **state)
{
	(void)state;
	struct clock_dates in;
	clock_dates_init(&in);
	in.received = iso("2023-09-01");
	in.fee_notice = iso("2023-09-26");
	struct clock c = CLOCK_INIT;
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.fee_limit, iso("2023-10-30"));
	assert_true(c.fee_limit_provisional);
	/* 国办函〔2020〕109号: 20 working days from the day after the notice reached the applicant;
	 * delivered on Friday 2023-09-29, before the National Day holiday (10-01 … 10-06 off, the
	 * Saturday 10-07 and Sunday 10-08 make-up working days) */
	in.fee_delivered = iso("2023-09-29");
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.fee_limit, iso("2023-11-01"));
	assert_false(c.fee_limit_provisional);
	assert_non_null(strstr(sb_str(&c.steps), "缴费期限 2023-11-01（自送达次日起 20 个工作日）"));
	in.fee_paid_on = iso("2023-10-08");
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.fee_limit, DATE_NONE);

	/* a fee notice whose payment limit runs into 2027 */
	clock_dates_init(&in);
	in.received = iso("2026-11-20");
	in.fee_notice = iso("2026-12-15");
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.fee_limit, iso("2027-01-12"));
	assert_int_equal(c.missing_year, 2027);
	in.fee_notice = DATE_NONE;
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.missing_year, 0);
	assert_null(strstr(sb_str(&c.steps), "未录入"));
	clock_release(&c);
}

/* 第三十二条, 第三十四条: 15 working days from the letter's receipt; provisional until then. */
static void test_consult_limit(void **state)
{
	(void)state;
	struct clock_dates in;
	clock_dates_init(&in);
	in.received = iso("2024-01-02");
	struct clock c = CLOCK_INIT;
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.consult_limit, DATE_NONE);
	/* sent Friday 2024-01-26; received Wednesday 2024-01-31; the Spring Festival holiday
	 * (2024-02-10 … 02-17 off, Sunday 02-04 and Sunday 02-18 make-up working days) */
	in.consult_start = iso("2024-01-26");
	clock_compute(shipped, &in, &c);
	assert_true(c.consult_limit_provisional);
	assert_int_equal(c.consult_limit, iso("2024-02-21"));
	in.consult_delivered = iso("2024-01-31");
	clock_compute(shipped, &in, &c);
	assert_false(c.consult_limit_provisional);
	assert_int_equal(c.consult_limit, iso("2024-02-26"));
	bool provisional;
	assert_int_equal(clock_consult_limit(shipped, &in, &provisional), iso("2024-02-26"));
	/* ended: no limit is running */
	in.consult_end = iso("2024-02-05");
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.consult_limit, DATE_NONE);
	clock_release(&c);
}

static void test_workdays_left(void **state)
{
	(void)state;
	struct clock_dates in;
	clock_dates_init(&in);
	in.received = iso("2023-09-01");  /* due 2023-10-07, a make-up Saturday */
	struct clock c = CLOCK_INIT;
	clock_compute(shipped, &in, &c);
	static const struct {
		const char *today;
		int left;
		bool overdue;
	} days[] = {
		{ "2023-09-01", 20, false }, { "2023-09-28", 1, false }, { "2023-10-01", 1, false },
		{ "2023-10-07", 0, false }, { "2023-10-08", -1, true }, { "2023-10-09", -2, true },
	};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		int today = iso(days[i].today);
		assert_int_equal(clock_workdays_left(shipped, &c, today), days[i].left);
		assert_int_equal(clock_is_overdue(&c, today), days[i].overdue);
	}
	/* on the weekend after a Friday due date: 0 working days, yet overdue */
	in.received = iso("2023-03-03");
	clock_compute(shipped, &in, &c);
	assert_int_equal(c.due, iso("2023-03-31"));
	assert_int_equal(clock_workdays_left(shipped, &c, iso("2023-04-01")), 0);
	assert_true(clock_is_overdue(&c, iso("2023-04-01")));

	/* paused: the days kept; waiting for 补正 or answered: 0 */
	in.consult_start = iso("2023-03-15");
	clock_compute(shipped, &in, &c);
	assert_int_equal(clock_workdays_left(shipped, &c, iso("2023-06-01")), c.left);
	assert_true(c.left > 0);
	assert_false(clock_is_overdue(&c, iso("2023-06-01")));
	in.consult_start = DATE_NONE;
	in.correction_sent = iso("2023-03-06");
	clock_compute(shipped, &in, &c);
	assert_int_equal(clock_workdays_left(shipped, &c, iso("2023-06-01")), 0);
	in.correction_sent = DATE_NONE;
	in.answered = iso("2023-06-01");
	clock_compute(shipped, &in, &c);
	assert_int_equal(clock_workdays_left(shipped, &c, iso("2023-06-02")), 0);
	assert_false(clock_is_overdue(&c, iso("2023-06-02")));
	clock_release(&c);
}

/* Rules 1 and 3 against the reference calendar, for every receipt day of 2019–2026: receipt
 * alone gives W(R, 20); a pause from S to E gives W(E, days in (S, due]). */
static void test_rules_against_reference(void **state)
{
	(void)state;
	struct clock c = CLOCK_INIT;
	for (int r = iso("2019-01-01"); r <= iso("2026-11-30"); r++) {
		struct clock_dates in;
		clock_dates_init(&in);
		in.received = r;
		clock_compute(shipped, &in, &c);
		int due = ref_add(r, 20);
		assert_int_equal(c.due, due);
		int s = r + (r % 23), e = s + (r % 17);
		in.consult_start = s;
		in.consult_end = e;
		clock_compute(shipped, &in, &c);
		if (s <= due)
			assert_int_equal(c.due, ref_add(e, ref_between(s, due)));
		else
			assert_int_equal(c.due, due);
		in.consult_start = in.consult_end = DATE_NONE;
		in.correction_sent = r + 1;
		in.correction_received = r + 1 + (r % 11);
		clock_compute(shipped, &in, &c);
		assert_int_equal(c.due, ref_add(in.correction_received, 20));
	}
	clock_release(&c);
}

/* ---- clock_check ---- */

struct check_case {
	const char *what;
	struct dates_text in;
	size_t errors, total;
	const char *message;  /* one of the messages, or NULL */
	bool is_error;
};

static const struct check_case checks[] = {
	{ "a clean case",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .corr_limit = "2023-03-17",
	    .corr_received = "2023-03-10", .consult_start = "2023-03-15",
	    .consult_end = "2023-03-30", .extended_on = "2023-04-10", .ext_days = 20,
	    .answered = "2023-05-24" }, 0, 0, NULL, false },
	{ "no receipt", { .answered = "2023-03-01" }, 1, 1, "收到日期: 不能为空", true },
	{ "before receipt",
	  { .received = "2023-03-01", .consult_start = "2023-02-27" }, 1, 1,
	  "征求意见开始: 2023-02-27 早于收到日期 2023-03-01", true },
	{ "补正 received without the notice",
	  { .received = "2023-03-01", .corr_received = "2023-03-10" }, 1, 1,
	  "补正收到日期: 2023-03-10 没有补正通知日期", true },
	{ "补正 received before the notice",
	  { .received = "2023-03-01", .corr_sent = "2023-03-06", .corr_received = "2023-03-05" },
	  1, 1, "补正收到日期: 2023-03-05 早于补正通知日期 2023-03-06", true },
	{ "补正 limit before the notice",
	  { .received = "2023-03-01", .corr_sent = "2023-03-06", .corr_limit = "2023-03-03" },
	  1, 1, "补正期限: 2023-03-03 早于补正通知日期 2023-03-06", true },
	{ "consultation end before start",
	  { .received = "2023-02-20", .consult_start = "2023-03-05", .consult_end = "2023-03-01" },
	  1, 1, "征求意见结束: 2023-03-01 早于征求意见开始 2023-03-05", true },
	{ "consultation end without start",
	  { .received = "2023-02-20", .consult_end = "2023-03-01" }, 1, 1,
	  "征求意见结束: 2023-03-01 没有征求意见开始", true },
	{ "payment before the notice",
	  { .received = "2023-02-20", .fee_notice = "2023-03-05", .fee_paid = "2023-03-01" },
	  1, 1, "缴费日期: 2023-03-01 早于收费通知日期 2023-03-05", true },
	{ "payment without notice",
	  { .received = "2023-02-20", .fee_paid = "2023-03-01" }, 1, 1,
	  "缴费日期: 2023-03-01 没有收费通知日期", true },
	{ "answer before another event",
	  { .received = "2023-03-01", .consult_start = "2023-03-06", .consult_end = "2023-03-20",
	    .answered = "2023-03-10" }, 1, 1,
	  "答复日期: 2023-03-10 早于征求意见结束 2023-03-20", true },
	{ "extension of 21 days",
	  { .received = "2023-03-01", .extended_on = "2023-03-10", .ext_days = 21 }, 1, 1,
	  "延期工作日: 21 不在 1–20 之间（第三十三条）", true },
	{ "extension of -1 days",
	  { .received = "2023-03-01", .extended_on = "2023-03-10", .ext_days = -1 }, 1, 1,
	  "延期工作日: -1 不在 1–20 之间（第三十三条）", true },
	{ "extension without its days",
	  { .received = "2023-03-01", .extended_on = "2023-03-10" }, 1, 1,
	  "延期工作日: 不能为空（已填延期日期 2023-03-10）", true },
	{ "extension days without a date",
	  { .received = "2023-03-01", .ext_days = 5 }, 1, 1,
	  "延期日期: 不能为空（已填延期工作日 5）", true },
	{ "extension after the due date",
	  { .received = "2023-09-01", .extended_on = "2023-10-08", .ext_days = 20 }, 1, 1,
	  "延期日期: 2023-10-08 晚于当时的到期日 2023-10-07，已逾期不能延期（第三十三条）", true },
	{ "extension on the due date",
	  { .received = "2023-09-01", .extended_on = "2023-10-07", .ext_days = 20 }, 0, 0,
	  NULL, false },
	{ "extension after a due date a consultation moved is fine",
	  { .received = "2023-09-01", .consult_start = "2023-09-20", .consult_end = "2023-09-27",
	    .extended_on = "2023-10-12", .ext_days = 5 }, 0, 0, NULL, false },
	{ "extension while waiting for 补正",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .extended_on = "2023-03-06",
	    .ext_days = 5 }, 1, 1,
	  "延期日期: 2023-03-06 处于待补正期间，尚无答复期限可以延长", true },
	{ "extension before the 补正",
	  { .received = "2023-03-01", .extended_on = "2023-03-02", .ext_days = 5,
	    .corr_sent = "2023-03-03", .corr_received = "2023-03-10" }, 0, 1,
	  "延期日期: 2023-03-02 早于收到补正，答复期限自收到补正之日起重新计算，该延期不再起作用",
	  false },
	{ "补正 notice on the 7th working day",
	  { .received = "2023-09-20", .corr_sent = "2023-10-07" }, 0, 0, NULL, false },
	{ "补正 notice after the 7th working day",
	  { .received = "2023-09-20", .corr_sent = "2023-10-08" }, 0, 1,
	  "补正通知日期: 2023-10-08 晚于收到申请后第7个工作日 2023-10-07（第三十条）", false },
	{ "补正 received after its limit",
	  { .received = "2023-03-01", .corr_sent = "2023-03-03", .corr_limit = "2023-03-17",
	    .corr_received = "2023-03-20" }, 0, 1,
	  "补正收到日期: 2023-03-20 晚于补正期限 2023-03-17", false },
	{ "fee notice after the due date",
	  { .received = "2023-03-01", .fee_notice = "2023-03-30" }, 0, 1,
	  "收费通知日期: 2023-03-30 晚于当时的到期日 2023-03-29，不再顺延"
	  "（第四十二条：收费通知应在答复期限内发出）", false },
	{ "consultation after the due date",
	  { .received = "2023-03-01", .consult_start = "2023-03-30" }, 0, 1,
	  "征求意见开始: 2023-03-30 晚于当时的到期日 2023-03-29，不再顺延", false },
	{ "payment after the 20 working days",
	  { .received = "2023-09-01", .fee_notice = "2023-09-26", .fee_paid = "2023-10-31" }, 0, 1,
	  "缴费日期: 2023-10-31 晚于缴费期限 2023-10-30（逾期未缴费视为放弃申请）", false },
	{ "payment on the 20th working day",
	  { .received = "2023-09-01", .fee_notice = "2023-09-26", .fee_paid = "2023-10-30" },
	  0, 0, NULL, false },
	{ "several at once",
	  { .received = "2023-03-10", .corr_received = "2023-03-01", .consult_end = "2023-03-12",
	    .extended_on = "2023-03-11", .ext_days = 30, .answered = "2023-03-11" }, 4, 4,
	  "答复日期: 2023-03-11 早于征求意见结束 2023-03-12", true },
};

static void test_check(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		const struct check_case *k = &checks[i];
		struct clock_dates in = dates_of(&k->in);
		struct clock_problems p = CLOCK_PROBLEMS_INIT;
		clock_check(shipped, &in, &p);
		bool found = k->message == NULL;
		for (size_t j = 0; j < p.n; j++)
			if (k->message && strcmp(p.items[j].message, k->message) == 0
			    && p.items[j].is_error == k->is_error)
				found = true;
		if (p.errors != k->errors || p.n != k->total || !found) {
			for (size_t j = 0; j < p.n; j++)
				print_message("  %s %s\n", p.items[j].is_error ? "错误" : "提醒",
					      p.items[j].message);
			fail_msg("%s: %zu errors, %zu problems", k->what, p.errors, p.n);
		}
		clock_problems_release(&p);
		assert_null(p.items);
	}
}

static void test_check_fields(void **state)
{
	(void)state;
	struct clock_dates in;
	clock_dates_init(&in);
	in.received = iso("2023-03-01");
	in.consult_start = iso("2023-03-05");
	in.consult_end = iso("2023-03-01");
	struct clock_problems p = CLOCK_PROBLEMS_INIT;
	clock_check(shipped, &in, &p);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.items[0].field, CLOCK_F_CONSULT_END);
	clock_problems_release(&p);

	static const char *const names[] = {
		"收到日期", "补正通知日期", "补正期限", "补正收到日期", "征求意见开始",
		"征求意见结束", "延期日期", "延期工作日", "收费通知日期", "缴费日期", "答复日期",
	};
	for (int f = CLOCK_F_RECEIVED; f <= CLOCK_F_ANSWERED; f++)
		assert_string_equal(clock_field_name((enum clock_field)f), names[f]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_steps_text),
		cmocka_unit_test(test_fee_limit_and_missing_year),
		cmocka_unit_test(test_consult_limit),
		cmocka_unit_test(test_workdays_left),
		cmocka_unit_test(test_rules_against_reference),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_check_fields),
	};
	return gk_run_tests(tests, setup, teardown);
}
