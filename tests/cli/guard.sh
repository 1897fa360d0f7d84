#!/usr/bin/env bash
# guard.sh — cli-guard: the law's guard rails on the command line: no event dated after today,
# the fee per application counted in the order received and registered (国办函〔2020〕109号
# 第四条).
#
#   guard.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# ---- no event dated after today (today is 2026-11-26): tomorrow is refused, today taken ----
g=$T/g.db
expect 65 "add received tomorrow" -- "$GK" --db "$g" add 收到日期=2026-11-27 申请人=张三 申请人类型=自然人
has "$T/err" "收到日期: 2026-11-27 晚于今天" "tomorrow's receipt refused"
expect 0 "add received today" -- "$GK" --db "$g" add 收到日期=2026-11-26 申请人=张三 申请人类型=自然人
expect 65 "set answered tomorrow" -- "$GK" --db "$g" set 2026-0001 答复日期=2026-11-27 办理结果=予以公开
has "$T/err" "答复日期: 2026-11-27 晚于今天" "tomorrow's answer refused"
expect 65 "set fee delivered tomorrow" -- "$GK" --db "$g" set 2026-0001 收费通知日期=2026-11-26 收费通知送达日期=2026-11-27 信息处理费=100 计费方式=按件 计费数量=11
has "$T/err" "收费通知送达日期: 2026-11-27 晚于今天" "tomorrow's delivery refused"
expect 0 "a 补正 limit ahead is taken" -- "$GK" --db "$g" set 2026-0001 补正通知日期=2026-11-26 补正期限=2026-12-10 补正事项=身份证明
printf '收到日期,申请人,申请人类型\n2026-11-27,李四,自然人\n' >"$T/tomorrow.csv"
expect 65 "import a row received tomorrow" -- "$GK" --db "$g" import "$T/tomorrow.csv"
has "$T/err" "第2行: 收到日期: 2026-11-27 晚于今天" "the import names the row"

finish
