#!/usr/bin/env bash
# Two clerks, each with their own login, on one database shared by their group (gongkai init
# --group): clerk gkclerk1 enters an application in the interface, clerk gkclerk2 adds another
# and answers the first from the command line, and the first clerk's list shows it. Both work
# with umask 022 in a folder of the group without the setgid bit, so the -wal and -shm files
# would have the first clerk's own group if gongkai did not give them the file's: they must be
# 0660 with the group, and the history names each clerk by their login. Needs root (to make the
# clerks with tests/clerks.sh and switch to them).
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || skip "needs root to make the test clerks and switch to them"
command -v setpriv >/dev/null 2>&1 || skip "setpriv is not installed: cannot switch to another user"
sh "$(dirname "$0")/../clerks.sh" || fail "tests/clerks.sh could not make the test clerks"
# what the clerks run must be where they can reach it: the build may be in a private clone
OTHER=$(mktemp -d /tmp/gk-accounts.XXXXXX)   # removed at exit by lib.sh
chmod 755 "$OTHER"
cp "${GONGKAI_EXE:-$GK}" "$OTHER/gongkai"
chmod 755 "$OTHER/gongkai"
GK=$OTHER/gongkai
mkdir "$OTHER/srv"
chgrp gkclerks "$OTHER/srv"
chmod 770 "$OTHER/srv"                        # the group's, but not setgid
DB=$OTHER/srv/ledger.db
gk init --group gkclerks >/dev/null || fail "init --group"
umask 022
CLERK1=(setpriv --reuid=gkclerk1 --regid=gkclerk1 --init-groups)
CLERK2=(setpriv --reuid=gkclerk2 --regid=gkclerk2 --init-groups)
err=$("${CLERK1[@]}" "$GK" --version 2>&1 >/dev/null) \
	|| skip "cannot run gongkai as gkclerk1 from $OTHER: ${err:-no message}"

# clerk 1 enters an application in the interface
start 80x24 a "${CLERK1[@]}"
wait_for "还没有申请"
key n
wait_for "新建申请"
key C-u
type "2023-12-01"
key Tab Tab
type "甲登记的"
key Tab Enter Enter
key F2
wait_for "已保存申请 2023-0001（甲登记的）"
for f in wal shm; do
	got=$(stat -c '%a %U %G' "$DB-$f") || fail "no -$f file while the interface is open"
	[ "$got" = "660 gkclerk1 gkclerks" ] || fail "-$f is $got, want 660 gkclerk1 gkclerks"
done

# clerk 2, from the command line, adds another and answers the first
out=$("${CLERK2[@]}" "$GK" --db "$DB" add 收到日期=2023-12-04 申请人=乙登记的 申请人类型=自然人 2>&1) \
	|| fail "clerk 2 could not add: $out"
out=$("${CLERK2[@]}" "$GK" --db "$DB" set 2023-0001 答复日期=2023-12-15 办理结果=予以公开 2>&1) \
	|| fail "clerk 2 could not answer: $out"

# clerk 1 sees both without a key
wait_line "^.?2023-0002 +2023-12-04 +乙登记的"
wait_line "2023-0001 +2023-12-01 +甲登记的 +.*已办结"

# each clerk is named by their own login in the history
hist=$(gk show 2023-0001) || fail "show"
echo "$hist" | grep -qE '^[0-9-]+ [0-9:]+ gkclerk1 +新建：2023-0001' || fail "no line of gkclerk1 in: $hist"
echo "$hist" | grep -qE '^[0-9-]+ [0-9:]+ gkclerk2 +答复日期：2023-12-15' || fail "no line of gkclerk2 in: $hist"
for f in "$DB" "$DB-wal" "$DB-shm"; do
	got=$(stat -c '%a %G' "$f")
	[ "$got" = "660 gkclerks" ] || fail "$f is $got at the end, want 660 gkclerks"
done
quit
