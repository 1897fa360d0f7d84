#!/usr/bin/env bash
# check_readme.sh — the README keeps up with the program: every command `gongkai --help` lists
# is in the README's command table, and so is every key of the interface's key tables
# (`gongkai --keys` prints them, one per line: screen, key, action).
#   check_readme.sh GONGKAI SOURCE_DIR
GK=$1
README=$2/README.md
rc=0
for cmd in $("$GK" --help | sed -n 's/^  gongkai \([a-z0-9]*\).*/\1/p' | sort -u); do
	grep -E "^\|" "$README" | grep -qE "\`$cmd[ \`]" || { echo "README: command $cmd is not in the command table" >&2; rc=1; }
done
if "$GK" --keys >/dev/null 2>&1; then
	while IFS=$'\t' read -r screen key action; do
		grep -qF -- "\`$key\`" "$README" || { echo "README: key $key ($screen: $action) is not listed" >&2; rc=1; }
	done < <("$GK" --keys)
fi
[ $rc = 0 ] && echo "README lists every command$("$GK" --keys >/dev/null 2>&1 && echo ' and every key')"
exit $rc
