#!/usr/bin/env bash
# cli-init: `gongkai init` — a private database (0600, folders 0700) whatever the umask, and a
# database shared by a group of clerks with logins of their own (--group): folders 2770 and the
# file 0660 of that group, the -wal and -shm files given the group on every open, refusals that
# say what an administrator should run, and each clerk named by their own login in the history.
# The group part needs root (to make the test clerks, tests/clerks.sh, and to switch to them);
# elsewhere it is skipped (status 77), or failed when GK_NO_SKIP is set.
. "$(dirname "$0")/lib.sh"

mode() { stat -c '%a %G' "$1"; }   # mode() FILE: "660 gkclerks"

# ---- private, as before ----
p=$T/own/sub/gongkai.db
expect 0 "init" -- bash -c 'umask 000; exec "$0" --db "$1" init' "$GK" "$p"
has "$T/out" "已建立数据库 $p（只有本用户可以读写：文件 0600）" "init says where"
[ "$(stat -c %a "$p")" = 600 ] && ok || bad "private file mode $(stat -c %a "$p")"
[ "$(stat -c %a "$T/own")/$(stat -c %a "$T/own/sub")" = 700/700 ] && ok \
	|| bad "private folders $(stat -c %a "$T/own") $(stat -c %a "$T/own/sub")"
expect 0 "init again" -- "$GK" --db "$p" init
has "$T/out" "数据库 $p 已存在" "init again says it exists"
lacks "$T/out" "共享" "a private file is not called shared"
expect 0 "the private file works" -- "$GK" --db "$p" add 收到日期=2026-10-09 申请人=张三 申请人类型=自然人
[ "$(stat -c %a "$p")" = 600 ] && ok || bad "private file mode after use $(stat -c %a "$p")"
expect 64 "init takes no argument" -- "$GK" --db "$p" init extra
expect 64 "init --group needs a name" -- "$GK" --db "$p" init --group
expect 64 "init with an unknown group" -- "$GK" --db "$T/nogroup/x.db" init --group gk-no-such-group
has "$T/err" "用户组 gk-no-such-group 不存在" "the unknown group is named"
[ ! -e "$T/nogroup" ] && ok || bad "a refused init left its folder"

if [ "$(id -u)" != 0 ]; then
	[ "$fails" = 0 ] || finish
	echo "$PART: $n checks passed; the shared part needs root (to make the test clerks)"
	[ -n "${GK_NO_SKIP:-}" ] && { echo "FAIL: cannot run here (GK_NO_SKIP is set)" >&2; exit 1; }
	exit 77
fi

# ---- shared by a group: as root, clerks gkclerk1 and gkclerk2 in gkclerks ----
setup sh "$SRC/tests/clerks.sh"
command -v setpriv >/dev/null || { echo "FAIL: setpriv is not installed" >&2; exit 1; }
# what the clerks run must be where they can reach it: the build may be in a private clone
W=$(mktemp -d /tmp/gk-init.XXXXXX)
trap 'rm -rf "$T" "$W"' EXIT
chmod 755 "$W"
cp "${GONGKAI_EXE:-$GK}" "$W/gongkai" && chmod 755 "$W/gongkai"
as() { # as USER COMMAND...: the command as that clerk, with their groups, umask 022
	local u=$1
	shift
	(umask 022; exec setpriv --reuid="$u" --regid="$u" --init-groups "$@")
}
clerk() { # clerk USER ARGS...: gongkai as that clerk
	local u=$1
	shift
	as "$u" "$W/gongkai" "$@"
}
err=$(clerk gkclerk1 --version 2>&1 >/dev/null) \
	|| { echo "FAIL: cannot run gongkai as gkclerk1 from $W: $err" >&2; exit 1; }

# the administrator makes it, as the README says: missing folders 2770, the file 0660
db=$W/srv/gongkai/ledger.db
expect 0 "init --group as root" -- bash -c 'umask 077; exec "$0" --db "$1" init --group gkclerks' "$GK" "$db"
has "$T/out" "已建立数据库 $db，供用户组 gkclerks 共享" "init --group says where and for whom"
[ "$(mode "$W/srv")" = "2770 gkclerks" ] && ok || bad "new folder $(mode "$W/srv")"
[ "$(mode "$W/srv/gongkai")" = "2770 gkclerks" ] && ok || bad "new folder $(mode "$W/srv/gongkai")"
[ "$(mode "$db")" = "660 gkclerks" ] && ok || bad "new shared file $(mode "$db")"
expect 0 "init --group again" -- "$GK" --db "$db" init --group gkclerks
[ "$(mode "$db")" = "660 gkclerks" ] && ok || bad "shared file after a second init $(mode "$db")"
expect 0 "init without --group on the shared file" -- "$GK" --db "$db" init
has "$T/out" "已存在（用户组共享）" "init says the file is shared"
[ "$(mode "$db")" = "660 gkclerks" ] && ok || bad "init without --group changed the mode $(mode "$db")"

# two clerks write to it in turn, each named by their own login
expect 0 "clerk 1 adds" -- clerk gkclerk1 --db "$db" add 收到日期=2026-10-09 申请人=张三 申请人类型=自然人
expect 0 "clerk 2 answers" -- clerk gkclerk2 --db "$db" set 2026-0001 答复日期=2026-10-20 办理结果=予以公开
expect 0 "clerk 2 adds" -- clerk gkclerk2 --db "$db" add 收到日期=2026-10-12 申请人=李四 申请人类型=自然人
expect 0 "clerk 1 reads both" -- clerk gkclerk1 --db "$db" list
has "$T/out" "李四" "clerk 1 sees clerk 2's application"
expect 0 "show" -- clerk gkclerk1 --db "$db" show 2026-0001
grep -qE '^[0-9-]+ [0-9:]+ gkclerk1 +新建：2026-0001' "$T/out" && ok || bad "no history line of gkclerk1: $(cat "$T/out")"
grep -qE '^[0-9-]+ [0-9:]+ gkclerk2 +答复日期：2026-10-20' "$T/out" && ok || bad "no history line of gkclerk2: $(cat "$T/out")"
[ "$(mode "$db")" = "660 gkclerks" ] && ok || bad "shared file after use $(mode "$db")"
expect 0 "backup of the shared file" -- clerk gkclerk1 --db "$db" backup "$W/srv/gongkai/copy.db"
[ "$(stat -c %a "$W/srv/gongkai/copy.db")" = 600 ] && ok || bad "a backup is not private: $(stat -c %a "$W/srv/gongkai/copy.db")"
expect 0 "export of the shared file" -- clerk gkclerk1 --db "$db" export --with-personal-data -o "$W/srv/gongkai/ledger.csv"
[ "$(stat -c %a "$W/srv/gongkai/ledger.csv")" = 600 ] && ok || bad "an export is not private: $(stat -c %a "$W/srv/gongkai/ledger.csv")"

# -wal and -shm: another program (the sqlite3 shell of clerk 2, umask 077) holds the file open
# and made them with clerk 2's own group and a private mode; clerk 2's next gongkai gives them
# the file's group and 0660, so that clerk 1 can use the file too
if command -v sqlite3 >/dev/null; then
	fifo=$W/hold
	mkfifo "$fifo"
	chmod 666 "$fifo"
	(umask 077; exec setpriv --reuid=gkclerk2 --regid=gkclerk2 --init-groups \
		sqlite3 "$W/plain/ledger.db" <"$fifo" >/dev/null 2>&1) &
	holder=$!
	mkdir "$W/plain" && chgrp gkclerks "$W/plain" && chmod 770 "$W/plain"   # no setgid
	expect 0 "init --group in an existing folder of the group" -- "$GK" --db "$W/plain/ledger.db" init --group gkclerks
	exec 9>"$fifo"
	echo 'SELECT count(*) FROM application;' >&9
	for _ in $(seq 100); do [ -e "$W/plain/ledger.db-shm" ] && break; sleep 0.1; done
	chmod 600 "$W/plain/ledger.db-wal" "$W/plain/ledger.db-shm"
	[ "$(mode "$W/plain/ledger.db-wal")" = "600 gkclerk2" ] && ok || bad "the holder's -wal $(mode "$W/plain/ledger.db-wal")"
	expect 0 "clerk 2 adds while the file is held" -- clerk gkclerk2 --db "$W/plain/ledger.db" add 收到日期=2026-10-09 申请人=张三 申请人类型=自然人
	for f in wal shm; do
		[ "$(mode "$W/plain/ledger.db-$f")" = "660 gkclerks" ] && ok || bad "-$f after clerk 2's open: $(mode "$W/plain/ledger.db-$f")"
	done
	expect 0 "clerk 1 adds too" -- clerk gkclerk1 --db "$W/plain/ledger.db" add 收到日期=2026-10-10 申请人=李四 申请人类型=自然人
	exec 9>&-
	wait "$holder"
else
	bad "the sqlite3 shell is not installed"
fi

# a clerk makes one in a folder anyone may create in (as /tmp is)
mkdir "$W/pub" && chmod 1777 "$W/pub"
expect 0 "init --group as a clerk" -- clerk gkclerk1 --db "$W/pub/office/ledger.db" init --group gkclerks
[ "$(mode "$W/pub/office")" = "2770 gkclerks" ] && ok || bad "clerk's new folder $(mode "$W/pub/office")"
[ "$(mode "$W/pub/office/ledger.db")" = "660 gkclerks" ] && ok || bad "clerk's new file $(mode "$W/pub/office/ledger.db")"
[ "$(stat -c %U "$W/pub/office/ledger.db")" = gkclerk1 ] && ok || bad "the file is not the clerk's"
# an existing private file of one's own is made shared; another clerk's is refused
expect 0 "a private file" -- clerk gkclerk1 --db "$W/pub/office/mine.db" init
[ "$(mode "$W/pub/office/mine.db")" = "600 gkclerks" ] && ok || bad "private file in a setgid folder $(mode "$W/pub/office/mine.db")"
expect 73 "another clerk's file" -- clerk gkclerk2 --db "$W/pub/office/mine.db" init --group gkclerks
has "$T/err" "数据库文件 $W/pub/office/mine.db 属于另一个用户" "another clerk's file refused"
has "$T/err" "chmod 660 $W/pub/office/mine.db" "the commands to run are printed"
[ "$(mode "$W/pub/office/mine.db")" = "600 gkclerks" ] && ok || bad "the refused file changed $(mode "$W/pub/office/mine.db")"
expect 0 "one's own private file made shared" -- clerk gkclerk1 --db "$W/pub/office/mine.db" init --group gkclerks
has "$T/out" "已设为用户组 gkclerks 共享" "init says it is now shared"
[ "$(mode "$W/pub/office/mine.db")" = "660 gkclerks" ] && ok || bad "own file made shared $(mode "$W/pub/office/mine.db")"

# a file of another program keeps its modes
printf 'not a database\n' >"$W/pub/office/notes.txt"
chmod 600 "$W/pub/office/notes.txt"
expect 76 "a file that is not a database" -- "$GK" --db "$W/pub/office/notes.txt" init --group gkclerks
has "$T/err" "不是 SQLite 数据库" "the foreign file is named"
[ "$(stat -c %a "$W/pub/office/notes.txt")" = 600 ] && ok || bad "a foreign file's mode changed"

# refusals: a folder of another group, one the group cannot write, a user outside the group
mkdir "$W/other" && chgrp gkother "$W/other" && chmod 2770 "$W/other"
expect 73 "a folder of another group" -- "$GK" --db "$W/other/ledger.db" init --group gkclerks
has "$T/err" "文件夹 $W/other 属于用户组 gkother，不属于 gkclerks" "the folder's group is named"
has "$T/err" "请管理员执行：chgrp gkclerks $W/other && chmod 2770 $W/other" "the commands to run are printed"
[ ! -e "$W/other/ledger.db" ] && ok || bad "a refused init left a file"
mkdir "$W/ro" && chgrp gkclerks "$W/ro" && chmod 750 "$W/ro"
expect 73 "a folder the group cannot write" -- "$GK" --db "$W/ro/ledger.db" init --group gkclerks
has "$T/err" "不允许用户组 gkclerks 在其中建立文件" "the folder's mode is named"
mkdir "$W/open" && chgrp gkclerks "$W/open" && chmod 777 "$W/open"
expect 73 "a folder others can write" -- "$GK" --db "$W/open/ledger.db" init --group gkclerks
has "$T/err" "组外的用户也能" "a folder open to others is refused"
expect 73 "a user outside the group" -- setpriv --reuid=65534 --regid=65534 --clear-groups "$W/gongkai" --db "$W/pub/x/ledger.db" init --group gkclerks
has "$T/err" "不是用户组 gkclerks 的成员" "the user outside the group is told"
has "$T/err" "usermod -aG gkclerks" "and what the administrator should run"
[ ! -e "$W/pub/x" ] && ok || bad "a refused init left a folder"
finish
