#!/usr/bin/env bash
# Keys a hurried clerk presses: Ctrl-C in a form asks like Esc (the typing is not lost), and
# elsewhere asks before quitting; after a choice the focus stays on its field, so Tab goes to
# the next one; typing in a choice list finds in it (传 → 传真), and typing on a choice field
# opens its list finding; the outcome tree jumps by the table's numbers (3 4 → 不予公开4);
# popups are boxed with + - | and the rows they cover hold nothing else.
. "$(dirname "$0")/lib.sh"

gk add 编号=K-01 收到日期=2023-12-01 申请人=按键甲 申请人类型=自然人 >/dev/null || fail "add"
start 80x24

# Ctrl-C on the list: asks, and n keeps the program
key C-c
wait_for "退出 gongkai 吗"
expect "+---"
key n
wait_gone "退出 gongkai 吗"

# a new application: Ctrl-C with typing asks like Esc, and n keeps the typing
key n
wait_for "新建申请"
key Tab Tab
type "张三"
key C-c
wait_for "放弃这些修改吗"
key n
wait_gone "放弃这些修改吗"
wait_for "张三"
# typing on the choice field 渠道 opens its list finding: 传 → 传真
key BTab
type "传"
wait_for "查找：传"
screen | grep -E '^ *\|>传真' >/dev/null || fail "传 did not find 传真"
key Enter
wait_gone "查找：传"
wait_line "渠道 +传真"
# the focus stayed on 渠道: Tab goes to 申请人, then to 申请人类型, whose list opens with Enter
key Tab
type "李"
wait_for "张三李"
key Tab Enter
wait_for "法律服务机构"
# a popup's rows hold the box alone: no text of the form beside it
screen | grep -E '^\S.*\+-+ 申请人类型 -+\+' && fail "the form shows beside the popup"
type "法律"
key Enter
wait_line "申请人类型 +法律服务机构"
key Tab
type "410101199001011234"
wait_for "410101199001011234"
key F2
wait_for "已保存申请"
wait_line "张三李 .*法律服务"

# the outcome tree by its numbers: 3 4 → 不予公开4
key Home
wait_line "^>K-01"
key a
wait_for "答复申请 K-01"
key Enter                      # the first field: 办理结果
wait_for "选择办理结果"
key 3 4
wait_line "^ *\|?>.*4\..*保护第三方合法权益"
key Enter
wait_for "保护第三方合法权益"
key C-c
wait_for "放弃这些修改吗"
key y
wait_gone "放弃这些修改吗"

# Ctrl-C and y: the program ends normally
key C-c
wait_for "退出 gongkai 吗"
key y
wait_for "[exited with status 0]"
