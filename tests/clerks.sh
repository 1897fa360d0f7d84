#!/bin/sh
# clerks.sh — the group and the clerks that the tests of a shared database run as
# (tests/cli/init.sh, tests/screen/accounts.sh), made when missing: group gkclerks with users
# gkclerk1 and gkclerk2 (each with a primary group of its own, as useradd -U gives, so that a
# file they create has their own group unless something gives it the shared one), and group
# gkother with nobody in it. Run as root. Idempotent, and safe when two tests run it at once
# (whoever loses the race finds what the other made).
set -u
[ "$(id -u)" = 0 ] || { echo "clerks.sh: must be run as root" >&2; exit 1; }
for g in gkclerks gkother; do
	getent group "$g" >/dev/null || groupadd "$g" 2>/dev/null || getent group "$g" >/dev/null \
		|| { echo "clerks.sh: cannot create group $g" >&2; exit 1; }
done
for u in gkclerk1 gkclerk2; do
	id "$u" >/dev/null 2>&1 || useradd -M -U -d /nonexistent -s /usr/sbin/nologin "$u" \
		2>/dev/null || id "$u" >/dev/null 2>&1 \
		|| { echo "clerks.sh: cannot create user $u" >&2; exit 1; }
	id -nG "$u" | tr ' ' '\n' | grep -qx gkclerks || usermod -aG gkclerks "$u" \
		|| { echo "clerks.sh: cannot add $u to gkclerks" >&2; exit 1; }
done
exit 0
