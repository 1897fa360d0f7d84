#!/usr/bin/env bash
# app.sh — cli-app: one application added, changed (补正, extension, answer, reopening) and shown;
# add and set refusing what is wrong, naming the field.
#
#   app.sh GONGKAI SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# ---- add: every problem at once ----
expect 64 "add with an unknown field" -- "$GK" --db "$T/add2.db" add 附注=1
has "$T/err" "未知的列名 附注；可用的列名（中文，或其英文别名）：编号、收到日期" "add lists the field names"
expect 65 "add with an unreadable date and a missing name" -- "$GK" --db "$T/add2.db" add 收到日期=2023-02-30 申请人类型=自然人
has "$T/err" "申请人: 不能为空" "add says every problem at once"
[ "$(grep -c '收到日期' "$T/err")" = 1 ] && ok || bad "add said the unreadable date twice: $(cat "$T/err")"

# ---- one application: add, events, answer, reopen, show ----
expect 0 "add" -- "$GK" --db "$e" add 收到日期=2026-10-09 申请人=张三 申请人类型=自然人 证件号码=410101199001011234
has "$T/out" "已登记 2026-0001" "add prints the case number"
expect 65 "add refuses a bad type" -- "$GK" --db "$e" add 收到日期=2026-10-09 申请人=李四 申请人类型=法人
has "$T/err" "申请人类型: 未知的值「法人」" "add names the field"
expect 64 "add with an unknown column" -- "$GK" --db "$e" add 收件日=2026-10-09
expect 0 "set 补正" -- "$GK" --db "$e" set 2026-0001 补正通知日期=2026-10-29 补正期限=2026-11-10
has "$T/err" "提示: 2026-0001: 补正通知日期: 2026-10-29 晚于收到申请后第7个工作日" "late 补正 notice warned"
expect 0 "set 补正收到" -- "$GK" --db "$e" set 2026-0001 补正收到日期=2026-11-05
grep -qF "补正通知日期" "$T/err" && bad "an old warning repeated" || ok
expect 0 "list after 补正" -- "$GK" --db "$e" list --open --format json
has "$T/out" '"due": "2026-12-03", "workdays_left": 5' "the clock restarts on the corrected application"
expect 65 "an extension after the due date" -- "$GK" --db "$e" set 2026-0001 延期日期=2026-12-04
expect 0 "an extension" -- "$GK" --db "$e" set 2026-0001 延期日期=2026-11-06 延期批准人=王主任
expect 0 "list after the extension" -- "$GK" --db "$e" list --open --format json
has "$T/out" '"due": "2026-12-31"' "extension of 20 working days"
expect 0 "list text after the extension" -- "$GK" --db "$e" list --open
has "$T/out" "已延期" "list says 已延期 as the interface does"
expect 0 "show after the extension" -- "$GK" --db "$e" show 2026-0001
has "$T/out" "状态: 已延期" "show says 已延期"
expect 65 "answer in the future" -- "$GK" --db "$e" set 2026-0001 答复日期=2026-12-20 办理结果=予以公开
has "$T/err" "答复日期: 2026-12-20 晚于今天" "future answer refused"
expect 0 "answer" -- "$GK" --db "$e" set 2026-0001 答复日期=2026-11-20 办理结果=不予公开/4.保护第三方合法权益
expect 64 "reopen without a reason" -- "$GK" --db "$e" set 2026-0001 答复日期= 办理结果=
expect 0 "reopen with a reason" -- "$GK" --db "$e" set 2026-0001 答复日期= 办理结果= --reason 申请人补充材料
expect 0 "show" -- "$GK" --db "$e" show 2026-0001
has "$T/out" "证件号码: 4101**********1234" "show masks the ID number"
grep -qF "410101199001011234" "$T/out" && bad "show printed the ID number" || ok
has "$T/out" "收到补正 2026-11-05：重新起算，到期日 2026-12-03" "show explains the clock"
has "$T/out" "办理结果：不予公开/4.保护第三方合法权益 已清除（理由：申请人补充材料）" "show has the history"
expect 0 "show --with-personal-data" -- "$GK" --db "$e" show 2026-0001 --with-personal-data
has "$T/out" "410101199001011234" "shown on request"
expect 65 "show a missing case" -- "$GK" --db "$e" show 2026-9999

# ---- add: a possible duplicate (重复申请) is a note on stderr, never a refusal ----
r="$T/dup.db"
expect 0 "add a first request" -- "$GK" --db "$r" add 收到日期=2026-09-01 申请人=张三 申请人类型=自然人 申请内容=申请公开2026年XX区XX路拆迁补偿安置方案
lacks "$T/err" "可能重复" "no note for the first"
expect 0 "add the same request reworded" -- "$GK" --db "$r" add 收到日期=2026-10-09 申请人=张三 申请人类型=自然人 申请内容=请提供XX区XX路（2026年）拆迁的补偿安置方案
has "$T/out" "已登记 2026-0002" "registered all the same"
has "$T/err" "可能重复：2026-0001（2026-09-01 收到，尚未答复）" "the earlier one named"
expect 0 "add another matter" -- "$GK" --db "$r" add 收到日期=2026-10-10 申请人=张三 申请人类型=自然人 申请内容=申请公开本街道2026年环境卫生检查结果
lacks "$T/err" "可能重复" "no note for another matter"

# ---- void (作废): kept with its history, counted nowhere, final ----
v="$T/void.db"
expect 0 "add one to void" -- "$GK" --db "$v" add 收到日期=2026-10-09 申请人=测试甲 申请人类型=自然人
expect 0 "add one to keep" -- "$GK" --db "$v" add 收到日期=2026-10-10 申请人=留下乙 申请人类型=商业企业
expect 0 "table 三 before" -- "$GK" --db "$v" report --year 2026 --format json
has "$T/out" '"new":                        [1, 1, 0, 0, 0, 0, 2]' "both counted before voiding"
expect 64 "void without --reason" -- "$GK" --db "$v" void 2026-0001
expect 65 "void with a blank reason" -- "$GK" --db "$v" void 2026-0001 --reason "  "
has "$T/err" "作废须说明理由" "a blank reason refused"
expect 0 "void" -- "$GK" --db "$v" void 2026-0001 --reason 测试数据
has "$T/out" "已作废 2026-0001" "void says so"
expect 65 "void twice" -- "$GK" --db "$v" void 2026-0001 --reason 再来
has "$T/err" "已于" "voiding is final"
expect 0 "table 三 after" -- "$GK" --db "$v" report --year 2026 --format json
has "$T/out" '"new":                        [0, 1, 0, 0, 0, 0, 1]' "the voided one left table 三"
expect 0 "list" -- "$GK" --db "$v" list
grep -qF "测试甲" "$T/out" && bad "list shows a voided application" || ok
expect 0 "list --voided" -- "$GK" --db "$v" list --voided --format json
has "$T/out" '"state": "voided"' "list --voided shows it, state voided"
expect 0 "list --voided text" -- "$GK" --db "$v" list --voided
has "$T/out" "已作废" "list says 已作废"
expect 0 "show a voided one" -- "$GK" --db "$v" show 2026-0001
has "$T/out" "状态: 已作废" "show says 已作废"
has "$T/out" "作废（理由：测试数据）" "the history has the reason"
expect 65 "set on a voided one" -- "$GK" --db "$v" set 2026-0001 申请人=王五
has "$T/err" "作废，不能再修改" "a change to a voided one is refused"
expect 0 "a new one takes the next number" -- "$GK" --db "$v" add 收到日期=2026-10-11 申请人=丙 申请人类型=自然人
has "$T/out" "已登记 2026-0003" "the voided number is not reused"

finish
