#!/usr/bin/env bash
# check_readme.sh — the README keeps up with the program: every command `gongkai --help` lists
# is in the README's command table, and the list of keys between the `<!-- keys` markers is
# exactly what `gongkai --keys` prints from the interface's key tables.
#   check_readme.sh GONGKAI SOURCE_DIR
GK=$1
README=$2/README.md
rc=0
for cmd in $("$GK" --help | sed -n 's/^  gongkai \([a-z0-9]*\).*/\1/p' | sort -u); do
	grep -E "^\|" "$README" | grep -qE "\`$cmd[ \`]" || { echo "README: command $cmd is not in the command table" >&2; rc=1; }
done
sed -n '/^<!-- keys/,/^<!-- \/keys -->/p' "$README" | sed '1d;$d' >"${TMPDIR:-/tmp}/readme-keys.$$"
if ! "$GK" --keys | diff -u "${TMPDIR:-/tmp}/readme-keys.$$" - >&2; then
	echo "README: the list of keys differs from \`gongkai --keys\` (paste its output between the markers)" >&2
	rc=1
fi
rm -f "${TMPDIR:-/tmp}/readme-keys.$$"
[ $rc = 0 ] && echo "README lists every command and every key"
exit $rc
