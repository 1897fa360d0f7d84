# lib.sh — what the command-line tests share (tests/cli/*.sh source it): the program, a
# temporary folder of their own, and the checks. Each part is one meson test (cli-import,
# cli-report, …) and runs on its own: its databases are made in its own folder ($T), removed at
# exit.
#
#   PART.sh GONGKAI SOURCE_DIR
#
# Checks: `expect STATUS DESCRIPTION -- COMMAND...` runs the command, keeps its stdout and stderr
# in $T/out and $T/err and checks the status; `has FILE TEXT DESCRIPTION`,
# `lacks FILE TEXT DESCRIPTION` and `same FILE EXPECTED DESCRIPTION` check what it wrote; `ok`
# and `bad MESSAGE` count any other check. A failed check is printed and the part goes on;
# `finish` prints the count and fails the test if any check failed. `setup COMMAND...` runs a
# step a part needs before its checks (not a check itself): if it fails, the part stops there.
set -u
GK=$1
SRC=$2
PART=cli-$(basename "$0" .sh)
export GONGKAI_TODAY=2026-11-26 LC_ALL=C.UTF-8
unset GONGKAI_DB
T=$(mktemp -d)
# a command given no --db opens the default database: the test's own, never the user's
export XDG_DATA_HOME=$T/xdg
trap 'rm -rf "$T"' EXIT
fails=0
n=0

ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }

# expect STATUS DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $T/out, $T/err
expect() {
	local want=$1 what=$2
	shift 3
	"$@" >"$T/out" 2>"$T/err"
	local got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$what: status $got, want $want; stderr: $(head -3 "$T/err")"; fi
}
has() { # has FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no \"$2\" in $(basename "$1"): $(head -3 "$1")"; fi
}
lacks() { # lacks FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then bad "$3: \"$2\" in $(basename "$1"): $(grep -F -- "$2" "$1" | head -3)"; else ok; fi
}
same() { # same FILE EXPECTED DESCRIPTION
	if cmp -s "$1" "$2"; then ok; else bad "$3"; diff -u "$2" "$1" | head -20 >&2; fi
}

# setup COMMAND...: a step the checks need; the part ends (failed) if it does not succeed.
setup() {
	if ! "$@" >"$T/setup.out" 2>"$T/setup.err"; then
		echo "FAIL: setup: $*: $(head -3 "$T/setup.err")" >&2
		echo "$PART: stopped in its setup after $n checks" >&2
		exit 1
	fi
}

# finish: the part's figures; fails the test if a check failed.
finish() {
	echo "$PART: $n checks, $fails failed"
	[ "$fails" = 0 ]
}

# The seed case of the spec's README, one office's 2023: $db holds the golden ledger
# (tests/golden/zhengdong-2023.csv) and the office's name, as the golden reports have it.
db=$T/a.db
seed_db() {
	setup "$GK" --db "$db" import "$SRC/tests/golden/zhengdong-2023.csv"
	setup "$GK" --db "$db" office 郑州市郑东新区社会事业局
}

# One application of 2026 in $e (2026-0001, received 2026-10-09, with an ID number).
e=$T/e.db
app_db() {
	setup "$GK" --db "$e" add 收到日期=2026-10-09 申请人=张三 申请人类型=自然人 证件号码=410101199001011234
}

# Ledgers for audit and list: answered late, on time and still open (audit.csv); open on the
# year's last day though answered since, late by no working day (a weekend answer), and a
# Chinese case number longer than the column (audit2.csv).
audit_ledgers() {
	printf '编号,收到日期,申请人,申请人类型,答复日期,办理结果\nA1,2026-03-02,甲,自然人,2026-04-20,予以公开\nA2,2026-03-02,乙,自然人,2026-03-10,予以公开\nA3,2026-01-05,丙,其他,,\n' >"$T/audit.csv"
	printf '编号,收到日期,申请人,申请人类型,答复日期,办理结果\nA4,2025-12-10,丁,自然人,2026-01-07,予以公开\nA5,2026-03-06,戊,自然人,2026-04-04,予以公开\n郑东社事〔2026〕12号,2026-03-02,己,自然人,2026-04-21,予以公开\n' >"$T/audit2.csv"
}
