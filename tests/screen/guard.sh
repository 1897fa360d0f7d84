#!/usr/bin/env bash
# The law's guard rails in the interface: no event dated after today (today is 2023-12-20).
. "$(dirname "$0")/lib.sh"

start 80x24
wait_for "还没有申请"

# a receipt dated tomorrow is refused beside its field; today's is taken
key n
wait_for "新建申请"
key C-u
type "2023-12-21"
key Tab Enter                  # 渠道: the list
wait_for "电子邮件"
key Down Enter                 # 当面
type "张三"
key Tab Enter                  # 申请人类型
wait_for "法律服务机构"
key Enter                      # 自然人
key F2
wait_for "2023-12-21 晚于今天，不能是将来的日期"
# the focus went to the field with the problem
key C-u
type "2023-12-20"
key F2
wait_line "^>2023-0001 +2023-12-20 +张三"

quit
