#!/usr/bin/env bash
# Help (F1 or ?) lists every key of the current screen from the key tables, the hint bar
# follows the screen, and q, F10 and Esc go back or quit.
. "$(dirname "$0")/lib.sh"

start 80x24
wait_for "F1 帮助  q 退出  n 新建  Enter 详情  a 答复"
key F1
wait_for "帮助：申请列表 的按键"
wait_for "n                   新建一件申请"
expect "/                   搜索编号、申请人和申请内容"
page_until "所有屏幕通用"
page_until "F1 ?                显示本屏的全部按键"
widths_ok
key Escape
wait_gone "帮助："
wait_for "还没有申请"

# each screen has its own keys, in its hint bar and its help
key 2
wait_for "[ 上一年  ] 下一年  y 年度"
expect_no "n 新建"
key ?
wait_for "帮助：年度统计 的按键"
wait_for "[ Left              换到上一年度"
key q                          # q leaves the help, not the program
wait_gone "帮助："
expect "F1 帮助  q 返回  [ 上一年"
key 3
wait_for "e 编辑表二  x 导出"
# q on screens 2, 3 and 4 goes back to the list, F10 too; only on the list does it quit
key q
wait_for "F1 帮助  q 退出  n 新建"
key 4
wait_for "i 导入通知  a 改一天"
key F10
wait_for "F1 帮助  q 退出  n 新建"
key 4
wait_for "i 导入通知  a 改一天"
# a key that does nothing here says so
key n
wait_for "按键 n 在本屏没有作用；按 F1 查看可用的按键"

# help inside a form shows the form's keys: an application's form its own (F3) first
key 1
wait_for "n 新建"
key n
wait_for "新建申请"
wait_for "F2 保存  Esc 取消"
key F1
wait_for "帮助：填写申请 的按键"
wait_for "F3                  查看可能重复的申请"
wait_for "填写表单"
wait_for "F2                  检查并保存"
key Escape
wait_gone "帮助："
wait_for "新建申请"
key Escape
wait_for "还没有申请"

# F10 quits too
key F10
wait_for "[exited with status 0]"
