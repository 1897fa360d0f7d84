#!/bin/sh
# clerks.sh — the group and the clerks that the tests of a shared database run as
# (tests/cli/init.sh, tests/screen/accounts.sh), made when missing: group gkclerks with users
# gkclerk1 and gkclerk2 (each with a primary group of its own, as useradd -U gives, so that a
# file they create has their own group unless something gives it the shared one), and group
# gkother with nobody in it. Run as root. Idempotent, and safe when two tests run it at once:
# a step that finds the account files locked by the other is tried again.
set -u
[ "$(id -u)" = 0 ] || { echo "clerks.sh: must be run as root" >&2; exit 1; }

# until_made CHECK MAKE WHAT: runs the command MAKE until CHECK holds, up to 10 tries a second
# apart; says it could not make WHAT and ends otherwise.
until_made() {
	check=$1 make=$2 what=$3
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		sh -c "$check" >/dev/null 2>&1 && return 0
		sh -c "$make" >/dev/null 2>&1 || sleep 1
	done
	sh -c "$check" >/dev/null 2>&1 && return 0
	echo "clerks.sh: cannot make $what" >&2
	exit 1
}

for g in gkclerks gkother; do
	until_made "getent group $g" "groupadd $g" "group $g"
done
for u in gkclerk1 gkclerk2; do
	until_made "id $u" "useradd -M -U -G gkclerks -d /nonexistent -s /usr/sbin/nologin $u" \
		"user $u"
	until_made "id -nG $u | tr ' ' '\\n' | grep -qx gkclerks" "usermod -aG gkclerks $u" \
		"$u a member of gkclerks"
done
exit 0
