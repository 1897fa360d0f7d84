#!/usr/bin/env bash
# run.sh — runs one screen test: run.sh GONGKAI TEST.sh
GK=$1 exec bash "$2"
