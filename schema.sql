-- schema.sql — the gongkai database, version 5.
--
-- The single source of truth for what a gongkai file holds. It is compiled into the program
-- and applied to a new (empty) file inside one transaction; a file of an older version is
-- rebuilt by it (store_schema.c: each table's rows copied into the new table of that name, by
-- the columns both have), so the structure is written here only. `PRAGMA user_version` numbers it and
-- `PRAGMA application_id` (0x474B4149, "GKAI") tells a gongkai file from any other SQLite file.
-- The CHECK constraints repeat the rules the program enforces, so that the file itself refuses
-- a code or a date that should never reach it. Dates are ISO text `YYYY-MM-DD`:
-- `x = date(x, '+0 days')` holds only for a real date in that form (the modifier makes SQLite
-- normalise, so '2023-02-30' becomes '2023-03-02' and the check fails); `x IS NULL OR` first
-- spares the function call for an empty date, which is most of them. Code lists
-- are written as chains of `=` rather than `IN (…)`: SQLite builds a temporary table for an IN
-- list each time a CHECK runs, which made an import three times slower.

PRAGMA application_id = 1196114249;
PRAGMA user_version = 5;

-- Settings of the office that keeps this file (office.h): its name for the reports and the
-- letterhead, its document code (文号代字), whom to contact, and where an applicant may seek a
-- remedy. A setting not set has no row.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY CHECK (key = 'office' OR key = 'code' OR key = 'contact' OR
		key = 'phone' OR key = 'address' OR key = 'review_body' OR key = 'court' OR
		key = 'vertical'),
	value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 200)
) STRICT;

-- One row per application (申请, counted per 件 in table 三).
-- The clock's dates live on the row (each happens at most once per application: 第三十条 allows
-- one 补正, 第三十三条 one extension); `state`, `due` and `left_days` are computed from them and the
-- calendar by the program (clock.c) and stored so that lists can sort and filter by an index.
CREATE TABLE application (
	id             INTEGER PRIMARY KEY,
	case_no        TEXT NOT NULL UNIQUE CHECK (length(case_no) BETWEEN 1 AND 64),
	received       TEXT NOT NULL CHECK (received = date(received, '+0 days')),
	-- 第三十一条: by ordinary letter, online or by fax the receipt date is the day of
	-- confirmation with the applicant; the day it arrived is kept beside it
	arrived        TEXT CHECK (arrived IS NULL OR
		(arrived = date(arrived, '+0 days') AND arrived <= received)),
	applicant      TEXT NOT NULL CHECK (length(applicant) BETWEEN 1 AND 200),
	applicant_type TEXT NOT NULL CHECK (applicant_type = 'person' OR applicant_type = 'business' OR
		applicant_type = 'research' OR applicant_type = 'nonprofit' OR
		applicant_type = 'legal' OR applicant_type = 'other'),
	channel        TEXT CHECK (channel = 'in_person' OR channel = 'post' OR channel = 'letter' OR
		channel = 'online' OR channel = 'email' OR channel = 'fax'),
	request        TEXT CHECK (length(request) <= 2000),
	id_number      TEXT CHECK (length(id_number) <= 64),
	contact        TEXT CHECK (length(contact) <= 200),
	note           TEXT CHECK (length(note) <= 2000),

	-- 补正 (第三十条): notice sent, the applicant's time limit, corrected application received
	correction_sent     TEXT CHECK (correction_sent IS NULL OR
		(correction_sent = date(correction_sent, '+0 days') AND correction_sent >= received)),
	correction_limit    TEXT CHECK (correction_limit IS NULL OR
		(correction_limit = date(correction_limit, '+0 days')
		 AND correction_limit >= correction_sent)),
	correction_received TEXT CHECK (correction_received IS NULL OR
		(correction_received = date(correction_received, '+0 days')
		 AND correction_received >= correction_sent)),
	correction_items TEXT CHECK (length(correction_items) <= 2000),
	-- consultation of a third party (第三十二条) or another body (第三十四条): a pause
	consult_start  TEXT CHECK (consult_start IS NULL OR
		(consult_start = date(consult_start, '+0 days') AND consult_start >= received)),
	consult_end    TEXT CHECK (consult_end IS NULL OR
		(consult_end = date(consult_end, '+0 days') AND consult_end >= consult_start)),
	consult_party  TEXT CHECK (consult_party = 'third_party' OR consult_party = 'body'),
	consult_name   TEXT CHECK (length(consult_name) <= 200),
	-- the letter reached the third party or body: its 15 working days run from here
	consult_delivered TEXT CHECK (consult_delivered IS NULL OR
		(consult_delivered = date(consult_delivered, '+0 days')
		 AND consult_delivered >= consult_start)),
	-- extension (第三十三条): at most 20 working days, once, approved by the office's head
	extended_on    TEXT CHECK (extended_on IS NULL OR
		(extended_on = date(extended_on, '+0 days') AND extended_on >= received)),
	extension_days INTEGER CHECK (extension_days BETWEEN 1 AND 20),
	extension_by   TEXT CHECK (length(extension_by) <= 100),
	extension_reason TEXT CHECK (length(extension_reason) <= 2000),
	extension_told TEXT CHECK (extension_told IS NULL OR
		(extension_told = date(extension_told, '+0 days') AND extension_told >= extended_on)),
	-- fee (第四十二条, 国办函〔2020〕109号): notice to payment is a pause; amount in 分
	fee_notice     TEXT CHECK (fee_notice IS NULL OR
		(fee_notice = date(fee_notice, '+0 days') AND fee_notice >= received)),
	fee_fen        INTEGER CHECK (fee_fen BETWEEN 0 AND 100000000000),
	fee_paid_on    TEXT CHECK (fee_paid_on IS NULL OR
		(fee_paid_on = date(fee_paid_on, '+0 days') AND fee_paid_on >= received
		 AND (fee_notice IS NULL OR fee_paid_on >= fee_notice))),
	-- the notice reached the applicant: the 20 working days to pay run from the next day
	fee_delivered  TEXT CHECK (fee_delivered IS NULL OR
		(fee_delivered = date(fee_delivered, '+0 days') AND fee_delivered >= fee_notice)),
	-- 按件 (the applicant's nth application of the month) or 按量 (pages), never both
	fee_basis      TEXT CHECK (fee_basis = 'per_item' OR fee_basis = 'per_page'),
	fee_units      INTEGER CHECK (fee_units BETWEEN 1 AND 1000000),
	-- 说明理由 (第三十五条): the request to state reasons, and the day to reply by
	reasons_sent   TEXT CHECK (reasons_sent IS NULL OR
		(reasons_sent = date(reasons_sent, '+0 days') AND reasons_sent >= received)),
	reasons_limit  TEXT CHECK (reasons_limit IS NULL OR
		(reasons_limit = date(reasons_limit, '+0 days') AND reasons_limit >= reasons_sent)),

	answered       TEXT CHECK (answered IS NULL OR
		(answered = date(answered, '+0 days') AND answered >= received)),
	outcome        TEXT CHECK (outcome = 'granted' OR outcome = 'partial' OR
		outcome = 'withheld.secret' OR outcome = 'withheld.law' OR
		outcome = 'withheld.security' OR outcome = 'withheld.third_party' OR
		outcome = 'withheld.internal' OR outcome = 'withheld.process' OR
		outcome = 'withheld.enforcement' OR outcome = 'withheld.query' OR
		outcome = 'unavailable.not_held' OR
		outcome = 'unavailable.needs_creation' OR
		outcome = 'unavailable.unclear' OR outcome = 'rejected.petition' OR
		outcome = 'rejected.repeat' OR outcome = 'rejected.publication' OR
		outcome = 'rejected.excessive' OR
		outcome = 'rejected.confirmation' OR
		outcome = 'other.no_correction' OR outcome = 'other.no_fee' OR
		outcome = 'other.other'),
	-- 予以公开 of what is published already (第三十六条第（一）项), 不掌握 because another
	-- body holds it (第（五）项); the answer's reasons; the earlier case a 重复申请 cites
	answer_variant TEXT CHECK (answer_variant IS NULL OR
		(answer_variant = 'published' AND outcome = 'granted') OR
		(answer_variant = 'other_body' AND outcome = 'unavailable.not_held')),
	answer_reasons TEXT CHECK (length(answer_reasons) <= 4000),
	related_case   TEXT CHECK (length(related_case) <= 64),

	-- a mistaken entry voided (作废): kept with its history, counted nowhere
	voided_at   TEXT,
	voided_by   TEXT CHECK (length(voided_by) <= 100),
	void_reason TEXT CHECK (length(void_reason) BETWEEN 1 AND 500),

	-- computed by the program from the dates above and the calendar
	state     TEXT NOT NULL DEFAULT 'open' CHECK (state = 'answered' OR state = 'open' OR
		state = 'correction' OR state = 'consult' OR state = 'fee'),
	due       TEXT CHECK (due IS NULL OR due = date(due, '+0 days')),
	left_days INTEGER,
	-- the list's default order: running applications by due date, then the paused ones and
	-- those waiting for 补正 by receipt, then the answered ones, newest answer first, and the
	-- voided ones last
	list_key  TEXT GENERATED ALWAYS AS (CASE
		WHEN voided_at IS NOT NULL THEN '9' || received
		WHEN answered IS NOT NULL
			THEN '3' || (99991231 - CAST(replace(answered, '-', '') AS INTEGER))
		WHEN due IS NOT NULL THEN '1' || due
		ELSE '2' || received END) STORED,
	received_year INTEGER GENERATED ALWAYS AS (CAST(substr(received, 1, 4) AS INTEGER)) STORED,

	version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL,
	updated_at TEXT NOT NULL,

	CHECK ((answered IS NULL) = (outcome IS NULL)),
	CHECK ((state = 'answered') = (answered IS NOT NULL)),
	CHECK (correction_sent IS NOT NULL OR correction_received IS NULL),
	CHECK (correction_sent IS NOT NULL OR correction_items IS NULL),
	CHECK (consult_start IS NOT NULL OR (consult_end IS NULL AND consult_party IS NULL AND
		consult_name IS NULL AND consult_delivered IS NULL)),
	CHECK ((extended_on IS NULL) = (extension_days IS NULL)),
	CHECK (extended_on IS NOT NULL OR (extension_by IS NULL AND extension_reason IS NULL AND
		extension_told IS NULL)),
	CHECK (fee_paid_on IS NULL OR fee_fen IS NOT NULL),
	CHECK (fee_notice IS NOT NULL OR fee_delivered IS NULL),
	CHECK (fee_units IS NULL OR fee_basis IS NOT NULL),
	CHECK (reasons_sent IS NOT NULL OR reasons_limit IS NULL),
	CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- Few, narrow indexes: each large one is built again after a large import, and costs every
-- import its sort (the partial app_state and app_fee_paid, a few per cent of the rows, are kept
-- up to date row by row instead). What need not be indexed is not: table 三 itself comes from
-- tally_count, and one index, app_year_list, serves the list of a year and the list of every
-- year alike: the whole list is each year's range of it merged in list order (store_list.c,
-- one arm of a UNION ALL per year, which SQLite merges without a sort), and what is found by a
-- range of list_key over all years (those answered in a period, by the audit and the recount
-- of table 三 by `check`; the voided ones) is that range sought in each year (store_priv.h,
-- EVERY_YEAR). An answered application's key is '3' followed by 99991231 less its answer date
-- (ANSWERED_*). The list's keys are STORED columns for the same reason: computed once per row,
-- not once per index. (Version 3 had a second index of the whole list, app_list (list_key,
-- id): a fourth sort of every row after an import, for a merge of a few years saved.)
--
-- The three large indexes are each in two parts (version 5), split at an application id: the
-- part up to the split, built whole by the last large import, and the recent part after it,
-- which takes the applications entered one by one since. A large import into a file that
-- already holds many more applications than it brings sorts the recent part again with its own
-- rows and leaves the other part as it is, so that it costs what it brings, not what the file
-- holds; once the recent part would pass half of the other, both are built whole and the split moves
-- after the last application (store_import.c). Each part is a partial index whose WHERE names
-- the split; the 0 below is a new file's, and the program writes the file's own in its place
-- (store_schema.c, store_import.c). A statement reads both parts, each by its own condition
-- (store_priv.h: SPLIT, APPS): SQLite uses a partial index only for a query that repeats it.
-- The list, in its default order by year and by state (待补正, 征求意见中, …); app_state also
-- serves whatever needs the open applications alone (the carry-over recount, the audit's
-- oldest open), a few per cent of them.
CREATE INDEX app_year_list ON application (received_year, list_key, id) WHERE id <= 0;
CREATE INDEX app_year_recent ON application (received_year, list_key, id) WHERE id > 0;
CREATE INDEX app_state ON application (state, list_key, id) WHERE answered IS NULL;
-- Section 六: the fees paid in a year.
CREATE INDEX app_fee_paid ON application (fee_paid_on, fee_fen) WHERE fee_paid_on IS NOT NULL;
-- An applicant's earlier applications, by name or by ID number, received in a period: the
-- hint of a possible 重复申请 beside the form (dup.h; added in version 3).
CREATE INDEX app_applicant ON application (applicant, received) WHERE id <= 0;
CREATE INDEX app_applicant_recent ON application (applicant, received) WHERE id > 0;
CREATE INDEX app_id_number ON application (id_number, received)
	WHERE id_number IS NOT NULL AND id <= 0;
CREATE INDEX app_id_number_recent ON application (id_number, received)
	WHERE id_number IS NOT NULL AND id > 0;

-- The counts behind table 三 and the month chart, kept by the triggers below: applications
-- received per month and applicant type (row 'new'), and answered per month, outcome and type.
-- A year's table follows from these and the years before it (carried in = received before the
-- year − answered before it), so a report costs the same at a million applications as at ten.
-- `gongkai check` recounts from the applications themselves and says so if the two differ.
CREATE TABLE tally_count (
	year  INTEGER NOT NULL,
	month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	row   TEXT NOT NULL,
	type  TEXT NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (year, month, row, type)
) STRICT, WITHOUT ROWID;

-- The same per year and type, received and answered: what was carried into a year is what was
-- received before it less what was answered before it, read from a few dozen rows.
CREATE TABLE tally_year (
	year INTEGER NOT NULL,
	type TEXT NOT NULL,
	got  INTEGER NOT NULL DEFAULT 0,
	done INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (year, type)
) STRICT, WITHOUT ROWID;

-- The counting rule of table 三 is written in four places — tally_table3_count (tally.c), the
-- triggers tally_insert/tally_update (schema.sql), store_bulk_count (store_import.c) and
-- the Q_T3_* recount (store_priv.h); tests/unit/test_counting.c keeps the four equal.
-- A voided application (voided_at set) is counted nowhere: its rows are taken out when it is
-- voided, and put back if that is ever undone.
CREATE TRIGGER tally_insert AFTER INSERT ON application WHEN NEW.voided_at IS NULL
BEGIN
	INSERT INTO tally_year (year, type, got)
		VALUES (CAST(substr(NEW.received, 1, 4) AS INTEGER), NEW.applicant_type, 1)
		ON CONFLICT DO UPDATE SET got = got + 1;
	INSERT INTO tally_year (year, type, done)
		SELECT CAST(substr(NEW.answered, 1, 4) AS INTEGER), NEW.applicant_type, 1
		WHERE NEW.answered IS NOT NULL
		ON CONFLICT DO UPDATE SET done = done + 1;
	INSERT INTO tally_count VALUES (CAST(substr(NEW.received, 1, 4) AS INTEGER),
		CAST(substr(NEW.received, 6, 2) AS INTEGER), 'new', NEW.applicant_type, 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO tally_count
		SELECT CAST(substr(NEW.answered, 1, 4) AS INTEGER),
			CAST(substr(NEW.answered, 6, 2) AS INTEGER), NEW.outcome, NEW.applicant_type, 1
		WHERE NEW.answered IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER tally_update AFTER UPDATE OF received, applicant_type, answered, outcome,
	voided_at ON application
BEGIN
	UPDATE tally_year SET got = got - 1
		WHERE OLD.voided_at IS NULL
		AND year = CAST(substr(OLD.received, 1, 4) AS INTEGER) AND type = OLD.applicant_type;
	UPDATE tally_year SET done = done - 1
		WHERE OLD.voided_at IS NULL AND OLD.answered IS NOT NULL
		AND year = CAST(substr(OLD.answered, 1, 4) AS INTEGER) AND type = OLD.applicant_type;
	INSERT INTO tally_year (year, type, got)
		SELECT CAST(substr(NEW.received, 1, 4) AS INTEGER), NEW.applicant_type, 1
		WHERE NEW.voided_at IS NULL
		ON CONFLICT DO UPDATE SET got = got + 1;
	INSERT INTO tally_year (year, type, done)
		SELECT CAST(substr(NEW.answered, 1, 4) AS INTEGER), NEW.applicant_type, 1
		WHERE NEW.voided_at IS NULL AND NEW.answered IS NOT NULL
		ON CONFLICT DO UPDATE SET done = done + 1;
	UPDATE tally_count SET n = n - 1
		WHERE OLD.voided_at IS NULL
		AND year = CAST(substr(OLD.received, 1, 4) AS INTEGER)
		AND month = CAST(substr(OLD.received, 6, 2) AS INTEGER) AND row = 'new'
		AND type = OLD.applicant_type;
	UPDATE tally_count SET n = n - 1
		WHERE OLD.voided_at IS NULL AND OLD.answered IS NOT NULL
		AND year = CAST(substr(OLD.answered, 1, 4) AS INTEGER)
		AND month = CAST(substr(OLD.answered, 6, 2) AS INTEGER)
		AND row = OLD.outcome AND type = OLD.applicant_type;
	INSERT INTO tally_count
		SELECT CAST(substr(NEW.received, 1, 4) AS INTEGER),
			CAST(substr(NEW.received, 6, 2) AS INTEGER), 'new', NEW.applicant_type, 1
		WHERE NEW.voided_at IS NULL
		ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO tally_count
		SELECT CAST(substr(NEW.answered, 1, 4) AS INTEGER),
			CAST(substr(NEW.answered, 6, 2) AS INTEGER), NEW.outcome, NEW.applicant_type, 1
		WHERE NEW.voided_at IS NULL AND NEW.answered IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER tally_delete AFTER DELETE ON application WHEN OLD.voided_at IS NULL
BEGIN
	UPDATE tally_year SET got = got - 1
		WHERE year = CAST(substr(OLD.received, 1, 4) AS INTEGER) AND type = OLD.applicant_type;
	UPDATE tally_year SET done = done - 1
		WHERE OLD.answered IS NOT NULL AND year = CAST(substr(OLD.answered, 1, 4) AS INTEGER)
		AND type = OLD.applicant_type;
	UPDATE tally_count SET n = n - 1
		WHERE year = CAST(substr(OLD.received, 1, 4) AS INTEGER)
		AND month = CAST(substr(OLD.received, 6, 2) AS INTEGER) AND row = 'new'
		AND type = OLD.applicant_type;
	UPDATE tally_count SET n = n - 1
		WHERE OLD.answered IS NOT NULL AND year = CAST(substr(OLD.answered, 1, 4) AS INTEGER)
		AND month = CAST(substr(OLD.answered, 6, 2) AS INTEGER)
		AND row = OLD.outcome AND type = OLD.applicant_type;
END;

-- Reconsiderations (行政复议) and lawsuits (行政诉讼) about an application: table 四.
-- At most one of each per application (the ledger has one column group for each).
CREATE TABLE review (
	id      INTEGER PRIMARY KEY,
	app_id  INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
	kind    TEXT NOT NULL CHECK (kind = 'review' OR kind = 'suit_direct' OR
		kind = 'suit_after_review'),
	filed   TEXT NOT NULL CHECK (filed = date(filed, '+0 days')),
	result  TEXT CHECK (result = 'upheld' OR result = 'corrected' OR result = 'other'),
	decided TEXT CHECK (decided IS NULL OR
		(decided = date(decided, '+0 days') AND decided >= filed)),
	CHECK ((result IS NULL) = (decided IS NULL))
) STRICT;
CREATE UNIQUE INDEX review_one_each ON review (app_id, kind = 'review');
-- Table 四 of a year reads the cases undecided, and those decided from the year's start on,
-- each with its application's id (to leave the voided out) without reading the table.
CREATE INDEX review_open ON review (filed, kind, app_id) WHERE decided IS NULL;
CREATE INDEX review_decided ON review (decided, filed, kind, result, app_id)
	WHERE decided IS NOT NULL;

-- The working-day calendar: the State Council's holidays (off) and make-up workdays (work).
CREATE TABLE holiday (
	day  TEXT PRIMARY KEY CHECK (day = date(day, '+0 days')),
	kind TEXT NOT NULL CHECK (kind = 'off' OR kind = 'work'),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50)
) STRICT, WITHOUT ROWID;

-- Table 二 (主动公开), entered by hand per year. A NULL cell is printed "/" (not applicable).
-- fee_yuan is table 二's 行政事业性收费 in 元: the table prints it in 万元 with four decimals.
CREATE TABLE table2 (
	year             INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
	rules_made       INTEGER CHECK (rules_made >= 0),
	rules_repealed   INTEGER CHECK (rules_repealed >= 0),
	rules_valid      INTEGER CHECK (rules_valid >= 0),
	norms_made       INTEGER CHECK (norms_made >= 0),
	norms_repealed   INTEGER CHECK (norms_repealed >= 0),
	norms_valid      INTEGER CHECK (norms_valid >= 0),
	licensing        INTEGER CHECK (licensing >= 0),
	penalty          INTEGER CHECK (penalty >= 0),
	coercion         INTEGER CHECK (coercion >= 0),
	fee_yuan         INTEGER CHECK (fee_yuan >= 0)
) STRICT;

-- The office's own text of the annual report (docs/annual-report.md), per year and section:
-- 一 总体情况 (overview), 五 存在的主要问题及改进情况 (problems), 六 after the fee sentence
-- (other). `version` counts the saves, so a save overtaken by another clerk's is refused.
CREATE TABLE report_text (
	year       INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
	section    TEXT NOT NULL CHECK (section = 'overview' OR section = 'problems' OR
		section = 'other'),
	body       TEXT NOT NULL CHECK (length(body) <= 100000),
	version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (year, section)
) STRICT;

-- The office's wording of a document (docs/documents.md), each load a new version: the
-- program's own wording is version 0 and is not stored. A document keeps what it said.
CREATE TABLE template (
	kind       TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
	version    INTEGER NOT NULL CHECK (version >= 1),
	body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL,
	PRIMARY KEY (kind, version)
) STRICT;

-- Every document issued: its number in the office's sequence of the year (文号, never reused,
-- also when it is voided), and what it said, so that it prints again as it was sent.
CREATE TABLE document (
	id          INTEGER PRIMARY KEY,
	app_id      INTEGER NOT NULL REFERENCES application (id),
	kind        TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
	year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
	serial      INTEGER NOT NULL CHECK (serial >= 1),
	number      TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
	issued_on   TEXT NOT NULL CHECK (issued_on = date(issued_on, '+0 days')),
	template_version INTEGER NOT NULL CHECK (template_version >= 0),
	body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000000),
	issued_at   TEXT NOT NULL,
	issued_by   TEXT NOT NULL,
	voided_at   TEXT,
	voided_by   TEXT,
	void_reason TEXT CHECK (length(void_reason) <= 500),
	UNIQUE (year, serial),
	CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX document_app ON document (app_id, id);

CREATE TRIGGER document_no_delete BEFORE DELETE ON document
BEGIN
	SELECT RAISE(ABORT, 'gongkai: a document issued is kept');
END;
CREATE TRIGGER document_keeps_words BEFORE UPDATE OF app_id, kind, year, serial, number,
	issued_on, template_version, body ON document
BEGIN
	SELECT RAISE(ABORT, 'gongkai: a document issued is kept as it was');
END;

-- A year whose report is final (定稿): its tables as published, as the report JSON.
CREATE TABLE year_lock (
	year      INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
	locked_at TEXT NOT NULL,
	locked_by TEXT NOT NULL,
	report    TEXT NOT NULL
) STRICT;

-- Every change to an application, its reviews, a lock or the calendar, append-only: the
-- program never updates or deletes a row here, and the triggers below refuse it if anyone tries.
CREATE TABLE history (
	id      INTEGER PRIMARY KEY,
	app_id  INTEGER REFERENCES application (id),
	year    INTEGER,
	at      TEXT NOT NULL,
	user    TEXT NOT NULL,
	field   TEXT NOT NULL,
	old     TEXT,
	new     TEXT,
	reason  TEXT
) STRICT;
CREATE INDEX history_app ON history (app_id, id);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
	SELECT RAISE(ABORT, 'gongkai: history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
	SELECT RAISE(ABORT, 'gongkai: history is append-only');
END;
