#!/usr/bin/env bash
# 可能重复: a new application whose applicant made an alike request in the last six months
# shows the line 可能重复 under 申请内容 when the clerk leaves the field; F3 shows the earlier
# application in full and Esc goes back to the form with nothing lost; the hint never stops the
# save. An older application (more than 183 days before), another applicant's and a request
# about another matter are not named, and the line goes when the request no longer is alike.
. "$(dirname "$0")/lib.sh"

printf '%s\n' '编号,收到日期,申请人,申请人类型,渠道,申请内容,办理结果,答复日期' \
	'2023-0012,2023-09-01,张三,自然人,当面,申请公开2023年XX区XX路拆迁补偿安置方案,予以公开,2023-09-15' \
	'2023-0013,2023-10-10,张三,自然人,当面,申请公开2023年度财政预算执行情况,予以公开,2023-10-20' \
	'2023-0003,2023-03-01,张三,自然人,当面,申请公开XX区XX路拆迁补偿安置方案,予以公开,2023-03-15' \
	'2023-0014,2023-11-01,李四,自然人,当面,申请公开2023年XX区XX路拆迁补偿安置方案,予以公开,2023-11-15' \
	>"$TMP/seed.csv"
gk import "$TMP/seed.csv" >/dev/null || fail "import"

# the form up to 申请内容: 张三, 自然人
new_form() {
	key n
	wait_for "新建申请"
	key Tab Tab                    # 渠道, then 申请人
	type "张三"
	key Tab Enter                  # 申请人类型: the list
	wait_for "法律服务机构"
	key Enter                      # 自然人
	wait_for " 自然人"
	key Tab Tab Tab                # 证件号码, 联系方式, 申请内容
}

start 80x24
wait_line "2023-0012 +2023-09-01 +张三"
new_form
type "请提供XX区XX路（2023年）拆迁的补偿安置方案"
expect_no "可能重复"              # not while typing
key Tab                            # leaving 申请内容: looked for
wait_for "可能重复  2023-0012（2023-09-01 收到，答复：予以公开） · F3 查看"
expect_no "2023-0003"
expect_no "等 2 件"
widths_ok || fail "a line wider than the screen"

# F3: the earlier application in full; Esc back to the form as it was
key F3
wait_for "可能重复的申请"
wait_for "收到日期：2023-09-01    答复：2023-09-15，予以公开"
expect "申请人：张三"
expect "申请内容：申请公开2023年XX区XX路拆迁补偿安置方案"
expect "相近程度："
expect "申请列表 › 可能重复"            # the status line names the popup, not 帮助
expect_no "› 帮助"
widths_ok || fail "a line of the popup wider than the screen"
key Escape
wait_gone "相近程度"
expect "请提供XX区XX路（2023年）拆迁的补偿安置方案"
expect "F3 查看"

# a request about another matter: the line goes when 申请内容 is left
key BTab                           # back into 申请内容
key C-u
type "请提供本街道2023年环境卫生检查结果"
key Tab
wait_gone "F3 查看"
key F3
wait_for "没有可能重复的申请"
# alike again, and saved: the hint does not stop the save
key BTab C-u
type "请提供XX区XX路（2023年）拆迁的补偿安置方案"
key Tab
wait_for "F3 查看"
key F2
wait_for "已保存申请"
wait_line "张三 .*办理中"

# a second one by 张三 about another matter: no line; the one just saved is not named for it
new_form
type "请提供本街道2023年环境卫生检查结果"
key Tab
key F3
wait_for "没有可能重复的申请"
expect_no "F3 查看"
key Escape
wait_for "放弃这些修改吗"
key y
wait_gone "新建申请"

# wider: the line and the popup
resize 120x40
new_form
type "拆迁补偿安置方案 XX区XX路 2023年"
key Tab
wait_for "可能重复  2023-0015（2023-12-20 收到，尚未答复）等 2 件 · F3 查看"
widths_ok || fail "a line wider than the screen at 120 columns"
key F3
wait_for "可能重复的申请"
expect "2023-0012"
widths_ok || fail "a line of the popup wider than the screen at 120 columns"
key Escape
wait_gone "相近程度"
key Escape
wait_for "放弃这些修改吗"
key y
quit
