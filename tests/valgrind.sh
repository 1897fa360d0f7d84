#!/bin/sh
# The exe_wrapper of the `valgrind` test setup: a test program runs under valgrind; the bash and
# Python of the script tests run directly, and those scripts run gongkai under valgrind through
# $GONGKAI_WRAP (tests/gongkai.in).
case ${1##*/} in
bash | sh | python3*) exec "$@" ;;
esac
exec $GONGKAI_WRAP "$@"
