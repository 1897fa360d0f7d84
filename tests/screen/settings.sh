#!/usr/bin/env bash
# Screen 5, 设置: the office's settings, the database file and the clerk's login shown; all the
# settings edited in one form and saved together (the history records each change); a value
# the setting does not take refused beside its field, naming it, and nothing saved.
. "$(dirname "$0")/lib.sh"

gk office --set 名称=旧的机关名称 >/dev/null || fail "office"
start 80x24
key 5
wait_for "本机关设置"
wait_line "^ +名称 +旧的机关名称"
wait_line "^ +文号代字 +（未设置）"
wait_line "^ +文件 +$DB"
wait_line "^ +登录用户 +$(id -un)"
widths_ok

# the name and the 文号代字 edited together
key e
wait_for "本机关设置（全部一起保存）"
key C-u
type "郑州市郑东新区社会事业局"
key Tab
type "郑东社公开"
key F2
wait_for "已保存本机关设置"
wait_line "^ +名称 +郑州市郑东新区社会事业局"
wait_line "^ +文号代字 +郑东社公开"
gk office | grep -qx "名称: 郑州市郑东新区社会事业局" || fail "office: the name"
gk office | grep -qx "文号代字: 郑东社公开" || fail "office: the code"
if command -v sqlite3 >/dev/null; then
	# each change in the history, by the clerk's login
	[ "$(sqlite3 "$DB" "SELECT field, old, new, user FROM history WHERE field LIKE '设置·%' ORDER BY id")" = "$(printf '设置·名称||旧的机关名称|%s\n设置·名称|旧的机关名称|郑州市郑东新区社会事业局|%s\n设置·文号代字||郑东社公开|%s' "$(id -un)" "$(id -un)" "$(id -un)")" ] ||
		fail "history of the settings: $(sqlite3 "$DB" "SELECT field, old, new, user FROM history")"
fi

# invalid: an empty name and a 文号代字 longer than 30 characters; refused, nothing saved
key Enter
wait_for "本机关设置（全部一起保存）"
key C-u
key Tab
type "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"
key Tab
type "张三"
key F2
wait_for "名称不能为空"
wait_for "未保存：名称、文号代字 的值不对"
key Escape
wait_for "放弃"
key y
wait_gone "本机关设置（全部一起保存）"
wait_line "^ +名称 +郑州市郑东新区社会事业局"
wait_line "^ +联系人 +（未设置）"
gk office | grep -qx "联系人: （未设置）" || fail "a refused form saved something"
widths_ok
quit
