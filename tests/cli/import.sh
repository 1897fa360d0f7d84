#!/usr/bin/env bash
# import.sh — cli-import: import of a ledger (the count, from standard input, a dry run), a bad
# ledger refused with its line and column and nothing written, and an export imported again giving
# the same tables.
#
#   import.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# ---- the seed case of the spec's README: one office's 2023 ----
expect 0 "import the seed ledger" -- "$GK" --db "$db" import "$SRC/tests/golden/zhengdong-2023.csv"
has "$T/out" "导入 8 件" "import says how many"

# ---- export and re-import (with rows of another year beside the seed) ----
printf '编号,收到日期,申请人,申请人类型\nL1,2026-11-02,甲,自然人\nL2,2026-10-09,乙,其他\n' >"$T/open.csv"
setup "$GK" --db "$db" import "$T/open.csv"
expect 0 "export" -- "$GK" --db "$db" export -o "$T/ledger.csv"
expect 0 "re-import the export" -- "$GK" --db "$T/b.db" import "$T/ledger.csv"
expect 0 "report of the re-import" -- "$GK" --db "$T/b.db" report --year 2023 --format json
sed 's/"office": "郑州市郑东新区社会事业局"/"office": null/' "$SRC/tests/golden/zhengdong-2023.json" >"$T/want.json"
same "$T/out" "$T/want.json" "the exported ledger gives the same tables"

# ---- bad input: status, message naming line and column, nothing written ----
printf '收到日期,申请人,申请人类型\n2023-01-05,张三,自然人\n2023-02-30,李四,自然人\n' >"$T/bad.csv"
expect 65 "import a bad ledger" -- "$GK" --db "$T/c.db" import "$T/bad.csv"
has "$T/err" "第3行: 收到日期: 2023-02-30 不是有效日期" "the problem line"
has "$T/err" "未导入任何内容" "says nothing was imported"
expect 0 "list after the refused import" -- "$GK" --db "$T/c.db" list --format json
[ "$(cat "$T/out")" = "[]" ] && ok || bad "the refused import wrote something: $(cat "$T/out")"
expect 0 "dry run" -- "$GK" --db "$T/c.db" import --dry-run "$SRC/tests/golden/zhengdong-2023.csv"
has "$T/out" "检查通过: 8 件" "dry run reports"
expect 0 "list after the dry run" -- "$GK" --db "$T/c.db" list --format json
[ "$(cat "$T/out")" = "[]" ] && ok || bad "the dry run wrote something"
expect 0 "import from standard input" -- sh -c "\"$GK\" --db \"$T/d.db\" import - < \"$SRC/tests/golden/zhengdong-2023.csv\""
has "$T/out" "导入 8 件" "import -"
expect 66 "import a missing file" -- "$GK" --db "$db" import "$T/nope.csv"
has "$T/err" "无法读取台账文件" "missing ledger message"
expect 64 "import --encoding wrong" -- "$GK" --db "$db" import --encoding latin1 "$T/bad.csv"

finish
