#!/usr/bin/env bash
# readme.sh — the manual (docs/manual.md) keeps up with the program:
#
#   1. every command `gongkai --help` lists has its own section in the manual, a heading that
#      names it (### `gongkai import`);
#   2. every long option of the program is named in the manual, and every option that
#      `gongkai COMMAND --help` lists is named in that command's section;
#   3. the list of keys between the `<!-- keys` markers is exactly what `gongkai --keys` prints
#      from the interface's key tables (paste its output there after changing a key).
#
# It cannot pass on nothing: no manual, no key markers, or a `--help` from which no commands
# can be read are failures too.
#   readme.sh GONGKAI SOURCE_DIR
set -u
GK=$1
MANUAL=$2/docs/manual.md
rc=0
bad() { echo "docs/manual.md: $*" >&2; rc=1; }

[ -f "$MANUAL" ] || { bad "missing"; exit 1; }

# the section of one command: from its heading to the next heading of the same or a higher
# level (a line in a fenced code block is never a heading)
section() {
	awk -v cmd="$1" '
		/^```/ { fence = !fence }
		!fence && /^(#|##|###) / { on = 0 }
		!fence && /^### / && (index($0, "`gongkai " cmd "`") ||
				      index($0, "`gongkai " cmd " ")) { on = 1 }
		on' "$MANUAL"
}

cmds=$("$GK" --help | sed -n 's/^  gongkai \([a-z0-9]*\).*/\1/p' | sort -u)
[ "$(echo "$cmds" | grep -c .)" -ge 10 ] ||
	bad "could not read the commands from \`gongkai --help\` (found: $(echo $cmds))"

for opt in $("$GK" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
	grep -qF -- "$opt" "$MANUAL" || bad "option $opt of \`gongkai --help\` is not named"
done

nopts=0
for cmd in $cmds; do
	text=$(section "$cmd")
	if [ -z "$text" ]; then
		bad "command $cmd has no section (a heading like ### \`gongkai $cmd\`)"
		continue
	fi
	for opt in $("$GK" "$cmd" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
		nopts=$((nopts + 1))
		printf '%s\n' "$text" | grep -qF -- "$opt" ||
			bad "option $opt of \`gongkai $cmd --help\` is not in the section of $cmd"
	done
done
[ "$nopts" -gt 0 ] || bad "could not read any option from \`gongkai COMMAND --help\`"

grep -q '^<!-- keys' "$MANUAL" && grep -q '^<!-- /keys -->' "$MANUAL" ||
	bad "the <!-- keys … --> and <!-- /keys --> markers are missing"
keys=$(mktemp)
trap 'rm -f "$keys"' EXIT
sed -n '/^<!-- keys/,/^<!-- \/keys -->/p' "$MANUAL" | sed '1d;$d' >"$keys"
if ! "$GK" --keys | diff -u "$keys" - >&2; then
	bad "the keys differ from \`gongkai --keys\` (paste its output between the markers)"
fi

[ $rc = 0 ] && echo "docs/manual.md describes every command ($(echo $cmds | wc -w))," \
	"every option ($nopts in the commands) and every key"
exit $rc
