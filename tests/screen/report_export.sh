#!/usr/bin/env bash
# Screen 3: table 二 entered in a form (/ for not applicable, the fee in 万元 with four
# decimals), the fee and overview sentences, and exports to a file named by the clerk,
# written whole (0600) and said where; the year keys.
. "$(dirname "$0")/lib.sh"

gk import "$(dirname "$0")/../golden/zhengdong-2023.csv" >/dev/null || fail "import"
start 120x40
key 3
wait_for "2023年政府信息公开工作年度报告"
page_until "表二尚未录入"
key Home

# table 二
key e
wait_for "2023 年度 表二 主动公开政府信息情况"
wait_for " 年报 › 填写表单"       # the status line names the form, not the report's rows
expect_no "第 1 至"
type "3"
key Tab
type "1"
key Tab
type "5"
key Tab
type "x"                       # not a number: refused beside the field
key F2
wait_for "「x」应为 0 到 999999999 之间的整数"
key C-u
type "/"
for _ in $(seq 1 6); do key Down; done    # to 行政事业性收费, the last field
wait_for "收费金额（万元）"
type "59237.2449"
key F2
wait_for "已保存 2023 年度表二"
wait_line "│规章 +│ +3│ +1│ +5│"
wait_line "│行政规范性文件 +│ +/│"
page_until "59237.2449"
page_until "全年未收取政府信息公开信息处理费。"
widths_ok
# edited again: a cell that is / starts empty, so a number typed is the whole value
key e
wait_for "2023 年度 表二 主动公开政府信息情况"
key Tab Tab Tab
type "7"
key F2
wait_for "已保存 2023 年度表二"
key Home
wait_line "│行政规范性文件 +│ +7│"

# export: the format from a list, the file name asked, the file written 0600
mkdir "$TMP/out"
key x
wait_for "导出格式"
key Down Down Down Down Down Down Enter   # 报表：CSV (after the whole report's three, Excel and 网页)
wait_for "report-2023.csv"
key C-u
type "$TMP/out/年报2023.csv"
key Enter
wait_for "已导出 2023 年度报表到 $TMP/out/年报2023.csv"
[ -f "$TMP/out/年报2023.csv" ] || fail "no file"
[ "$(stat -c %a "$TMP/out/年报2023.csv")" = 600 ] || fail "the file is not 0600"
grep -q "一、本年新收政府信息公开申请数量" "$TMP/out/年报2023.csv" || fail "not the report"
grep -q "59237.2449" "$TMP/out/年报2023.csv" || fail "table 二 not in the export"
ls -A "$TMP/out" | grep -q '^\.' && fail "a temporary file was left behind"

# an existing file is replaced only when the clerk says so
key x
wait_for "导出格式"
key Down Down Down Down Down Down Enter
wait_for "文件名"
key C-u
type "$TMP/out/年报2023.csv"
key Enter
wait_for "覆盖它"               # the question wraps at 60 columns; 吗 may go down with ？
key n
wait_gone "覆盖它"
# no: the name is asked again, to be changed
wait_for "文件已存在，换一个文件名"
key C-u
type "$TMP/out/另存2023.csv"
key Enter
wait_for "已导出"
[ -f "$TMP/out/另存2023.csv" ] || fail "no file under the other name"

# Excel and the web page, the JSON and the ledger
key x
wait_for "导出格式"
key Down Down Down Enter       # 报表：Excel
wait_for "report-2023.xlsx"
key C-u
type "$TMP/out/年报2023.xlsx"
key Enter
wait_for "已导出 2023 年度报表到 $TMP/out/年报2023.xlsx"
[ "$(head -c 2 "$TMP/out/年报2023.xlsx")" = PK ] || fail "not a workbook"
key x
wait_for "导出格式"
key Down Down Down Down Enter  # 报表：网页
wait_for "report-2023.html"
key C-u
type "$TMP/out/年报2023.html"
key Enter
wait_for "已导出 2023 年度报表到 $TMP/out/年报2023.html"
grep -q "<!DOCTYPE html>" "$TMP/out/年报2023.html" || fail "not the page"
key x
wait_for "导出格式"
for _ in $(seq 1 7); do key Down; done
key Enter                      # 报表：JSON
key C-u
type "$TMP/out/r.json"
key Enter
wait_for "已导出 2023 年度报表到 $TMP/out/r.json"
grep -q '"carried_out"' "$TMP/out/r.json" || fail "not the JSON"
key x
wait_for "导出格式"
key End Up Enter
wait_for "ledger-2023.csv"
key C-u
type "$TMP/out/台账.csv"
key Enter
wait_for "已导出 8 件申请到 $TMP/out/台账.csv"
grep -q "某路段拆迁补偿方案" "$TMP/out/台账.csv" || fail "not the ledger"
head -1 "$TMP/out/台账.csv" | grep -q "证件号码" && fail "personal data in the plain ledger"
# the ledger with personal data: only after a question that says what the file holds
key x
wait_for "导出格式"
key End Enter
wait_for "证件号码和联系方式等个人信"
key n
wait_gone "证件号码和联系方式等个人信"
key x
wait_for "导出格式"
key End Enter
wait_for "证件号码和联系方式等个人信"
key y
wait_for "ledger-personal-2023.csv"
key C-u
type "$TMP/out/台账含个人信息.csv"
key Enter
wait_for "（含个人信息）"
head -1 "$TMP/out/台账含个人信息.csv" | grep -q "证件号码" || fail "no personal data in the ledger asked for with it"
[ "$(stat -c %a "$TMP/out/台账含个人信息.csv")" = 600 ] || fail "the ledger with personal data is not 0600"

# a file that cannot be written: said, nothing left
key x
wait_for "导出格式"
key Down Down Down Enter
key C-u
type "$TMP/no/such/folder/r.txt"
key Enter
wait_for "无法创建输出文件 $TMP/no/such/folder/r.txt"

# the year keys
key [
wait_for "2022年政府信息公开工作年度报告"
key Right
wait_for "2023年政府信息公开工作年度报告"
quit
