#!/usr/bin/env bash
# source_rules.sh — rules of the source that keep the ledger safe, checked by reading it.
#
#   1. The program runs no other program: no system(), popen(), exec*() or posix_spawn*() in
#      src/ or ui/ (a shell would be one quoting mistake away from running a clerk's text).
#   2. SQL is fixed text and every value is bound: the SQL handed to sqlite3_prepare*() and
#      sqlite3_exec() is a string literal, a statement of the table of literals (stmt_sql[]),
#      the embedded schema, or a variable `sql` put together from fixed pieces; SQLite's own
#      formatting (sqlite3_mprintf and kin) is never used.
#   3. No printf-style conversion (%s, %d, …) in SQL text, except the reviewed lines listed
#      below, whose arguments are fixed text of the program (never a value).
#   4. No message names a person's ID number or contact (id_number, contact) in its arguments.
#
# Each rule is first tried on a bad example, so a rule that can no longer find anything fails.
#   source_rules.sh SOURCE_DIR
set -u
cd "$1" || exit 2
rc=0
bad() { echo "source rule: $*" >&2; rc=1; }

# Reviewed: the list query is assembled from the filters table and fixed words (store_list.c).
ALLOWED_FORMATS=(
	'sb_addf(sql, " WHERE (%s)", filters[f].where);'
	'sb_addf(&sql, " AND (list_key, id) %s (:key, :id)", back ? "<" : ">");'
	'sb_addf(&sql, " ORDER BY list_key %s, id %s LIMIT :limit", back ? "DESC" : "ASC",'
	# a bulk import drops the indexes and triggers the schema itself names (sqlite_schema)
	'sb_addf(&drop, "DROP %s \"%s\";", (const char *)sqlite3_column_text(q, 0),'
	# bringing an older file up to date: the schema's own names (store_schema.c)
	'sb_addf(&sql, "DROP TRIGGER \"%s\";", triggers[i]);'
	'sb_addf(&sql, "DROP INDEX \"%s\";", indexes[i]);'
	'sb_addf(&sql, "INSERT INTO \"%s\" (%s) SELECT %s FROM \"%s\"", table, sb_str(&both),'
	'sb_addf(&sql, "DROP TABLE \"" OLD_PREFIX "%s\";", tables[i]);'
	'sb_addf(&sql, "DROP %s \"%s\";", have[i].type, have[i].name);'
)

# rule 1 over files given; prints offending lines
no_programs() {
	grep -nE '(^|[^A-Za-z0-9_])(system|popen|execl|execlp|execle|execv|execvp|execvpe|fexecve|posix_spawnp?)[[:space:]]*\(' "$@"
}

# rule 2: prints each SQL argument of a prepare/exec call that is not of an allowed form
sql_arguments() {
	perl -0777 -ne '
		while (/sqlite3_(?:prepare\w*|exec)\s*\(\s*[^,]+,\s*([^,]+?)\s*,/g) {
			my $a = $1;
			next if $a =~ /^"/ || $a =~ /^stmt_sql\[\w+\]$/ || $a =~ /^\(const char \*\)schema_sql$/
				|| $a =~ /^sql$/ || $a =~ /^sb_str\(&sql\)$/;
			print "$ARGV: $a\n";
		}
		print "$ARGV: uses SQLite formatting\n" if /sqlite3_v?mprintf|sqlite3_v?snprintf/;
	' "$@"
}

# rule 3: format calls whose text looks like SQL and holds a conversion, minus the allowed
sql_formats() {
	grep -nE '(printf|sb_addf|xasprintf)[[:space:]]*\(.*"[^"]*(SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|WHERE|VALUES|PRAGMA|FROM|ORDER BY| AND )[^"]*%[-0-9.]*(l|ll|z)?[sdiuxqQ]' "$@" |
	while IFS= read -r line; do
		code=$(printf '%s' "${line#*:*:}" | sed 's/^[[:space:]]*//')
		ok=0
		for allowed in "${ALLOWED_FORMATS[@]}"; do
			[ "$code" = "$allowed" ] && ok=1
		done
		[ $ok = 1 ] || printf '%s\n' "$line"
	done
}

# rule 4
personal_in_messages() {
	grep -nE '(diag_add|app_problem_add|cli_usage_error|printf)[[:space:]]*\(.*(->|\.)(id_number|contact)\b' "$@"
}

# ---- each rule must catch its bad example ----
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat >"$T/bad.c" <<'EOF'
static void f(sqlite3 *db, const char *who, struct app *a, struct diag *d)
{
	char *q = sqlite3_mprintf("SELECT * FROM application WHERE applicant = '%q'", who);
	sqlite3_exec(db, q, NULL, NULL, NULL);
	sb_addf(&sql, " WHERE applicant = '%s'", who);
	diag_add(d, "证件号码 %s 有误", a->id_number);
	if (popen("mail clerk", "w")) system("rm -f x");
}
EOF
[ -n "$(no_programs "$T/bad.c")" ] || bad "rule 1 finds nothing in its bad example"
[ "$(sql_arguments "$T/bad.c" | wc -l)" -ge 2 ] || bad "rule 2 finds nothing in its bad example"
[ -n "$(sql_formats "$T/bad.c")" ] || bad "rule 3 finds nothing in its bad example"
[ -n "$(personal_in_messages "$T/bad.c")" ] || bad "rule 4 finds nothing in its bad example"

# ---- the source ----
sources=$(find src ui -name '*.[ch]' | sort)
# shellcheck disable=SC2086
out=$(no_programs $sources) && bad "a program is run from the source:
$out"
# shellcheck disable=SC2086
out=$(sql_arguments $sources) && [ -n "$out" ] && bad "SQL that is not fixed text:
$out"
# shellcheck disable=SC2086
out=$(sql_formats $sources) && [ -n "$out" ] && bad "printf-style conversion in SQL text:
$out"
# shellcheck disable=SC2086
out=$(personal_in_messages $sources) && bad "a message names personal data:
$out"
n=$(echo "$sources" | wc -l)
[ $rc = 0 ] && echo "source rules: $n files: no program run, SQL fixed and bound, no personal data in messages"
exit $rc
