#!/usr/bin/env bash
# check_layering.sh — the seams of the house style: the core (src/) never includes curses,
# and nothing but the store's own files includes sqlite3.h.
#   check_layering.sh SOURCE_DIR
cd "$1" || exit 2
rc=0
if grep -rnE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/)' src; then
	echo "src/ includes curses: the core must stay free of the terminal" >&2
	rc=1
fi
if grep -rlE '#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h' src ui | grep -vE '^src/store(_[a-z]+)?(\.c|_priv\.h)$'; then
	echo "only src/store*.c may include sqlite3.h" >&2
	rc=1
fi
exit $rc
