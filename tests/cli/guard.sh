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

# ---- an outcome the events contradict needs confirming (today is 2026-11-26) ----
o=$T/o.db
expect 65 "add 逾期不补正 without a 补正 notice" -- "$GK" --db "$o" add 收到日期=2026-10-09 申请人=甲 申请人类型=自然人 答复日期=2026-11-02 办理结果=other.no_correction
has "$T/err" "须确认: 办理结果: 逾期不补正，但没有补正通知（第三十条" "add names the missing step"
has "$T/err" "--confirm" "add says how to confirm"
expect 65 "nothing saved" -- "$GK" --db "$o" show 2026-0001
expect 0 "add it with --confirm" -- "$GK" --db "$o" add 收到日期=2026-10-09 申请人=甲 申请人类型=自然人 答复日期=2026-11-02 办理结果=other.no_correction --confirm
has "$T/out" "已登记 2026-0001" "saved when confirmed"
expect 0 "a confirmed case is not asked again" -- "$GK" --db "$o" set 2026-0001 备注=补记
lacks "$T/err" "须确认" "no question on another field"
# 补正 notice of 2026-10-12, limit 2026-10-26: 逾期不补正 before the limit, then after it
expect 0 "add with a 补正" -- "$GK" --db "$o" add 收到日期=2026-10-09 申请人=乙 申请人类型=自然人 补正通知日期=2026-10-12 补正期限=2026-10-26 补正事项=身份证明
expect 65 "逾期不补正 on the limit's day" -- "$GK" --db "$o" set 2026-0002 答复日期=2026-10-26 办理结果=other.no_correction
has "$T/err" "须确认: 2026-0002: 办理结果: 逾期不补正，但答复日期 2026-10-26 未过补正期限 2026-10-26" "set names the limit"
expect 0 "逾期不补正 after the limit" -- "$GK" --db "$o" set 2026-0002 答复日期=2026-10-27 办理结果=other.no_correction
lacks "$T/err" "须确认" "no question after the limit"
expect 65 "补正后仍不明确 without a 补正" -- "$GK" --db "$o" add 收到日期=2026-10-09 申请人=丙 申请人类型=自然人 答复日期=2026-11-02 办理结果=unavailable.unclear
has "$T/err" "须确认: 办理结果: 补正后仍不明确，但没有补正通知（第三十条）" "unclear without 补正"
# the fee: notice 2026-09-28, delivered 2026-09-29; the payment limit crosses National Day 2026
expect 0 "add with a fee notice" -- "$GK" --db "$o" add 收到日期=2026-09-21 申请人=丁 申请人类型=自然人 收费通知日期=2026-09-28 收费通知送达日期=2026-09-29 信息处理费=0 计费方式=按件 计费数量=1
limit=$("$GK" due 2026-09-29 --workdays 20 | head -1)
expect 65 "逾期未缴费 on the payment limit's day" -- "$GK" --db "$o" set 2026-0003 答复日期="$limit" 办理结果=other.no_fee
has "$T/err" "未过缴费期限 $limit" "the payment limit named"
expect 65 "逾期未缴费 without a notice" -- "$GK" --db "$o" add 收到日期=2026-10-09 申请人=戊 申请人类型=自然人 答复日期=2026-11-02 办理结果=other.no_fee
has "$T/err" "逾期未缴费，但没有收费通知（第四十二条）" "no_fee without a notice"
expect 65 "逾期未缴费 after a payment" -- "$GK" --db "$o" set 2026-0003 缴费日期=2026-10-09 答复日期=2026-11-20 办理结果=other.no_fee
has "$T/err" "逾期未缴费，但已于 2026-10-09 缴费" "no_fee after a payment"
# an answer while a consultation is open; a lawsuit after a reconsideration not decided
expect 0 "add a consultation" -- "$GK" --db "$o" add 收到日期=2026-11-02 申请人=己 申请人类型=自然人 征求意见开始=2026-11-03 征求意见对象=第三方 征求意见送达日期=2026-11-04
expect 65 "an answer while the consultation is open" -- "$GK" --db "$o" set 2026-0004 答复日期=2026-11-20 办理结果=予以公开
has "$T/err" "征求意见尚未结束" "answer during consultation"
expect 0 "add with a reconsideration" -- "$GK" --db "$o" add 收到日期=2026-03-02 申请人=庚 申请人类型=自然人 答复日期=2026-03-20 办理结果=予以公开 复议申请日期=2026-04-01
expect 65 "复议后起诉 with the reconsideration undecided" -- "$GK" --db "$o" set 2026-0005 起诉日期=2026-07-01 诉讼类型=复议后起诉
has "$T/err" "行政诉讼法第四十五条" "the article named"
expect 0 "confirmed" -- "$GK" --db "$o" set 2026-0005 起诉日期=2026-07-01 诉讼类型=复议后起诉 --confirm
expect 65 "复议后起诉 without a reconsideration" -- "$GK" --db "$o" add 收到日期=2026-03-02 申请人=辛 申请人类型=自然人 答复日期=2026-03-20 办理结果=予以公开 起诉日期=2026-07-01 诉讼类型=复议后起诉
has "$T/err" "复议后起诉，但没有复议申请" "suit after no review"

# ---- an import saves them and lists each as a warning ----
printf '编号,收到日期,申请人,申请人类型,答复日期,办理结果
I-1,2026-10-09,壬,自然人,2026-11-02,other.no_correction
' >"$T/contra.csv"
expect 0 "import an old ledger with a contradicted outcome" -- "$GK" --db "$T/i.db" import "$T/contra.csv"
has "$T/err" "第2行: 办理结果: 逾期不补正，但没有补正通知（第三十条：补正须书面一次性告知）（提示）" "listed as a warning"

# ---- audit lists those of the year: by the answer, the lawsuit's filing ----
expect 0 "audit lists what needs confirming" -- "$GK" --db "$o" audit --year 2026
has "$T/out" "须确认 " "audit has the section"
has "$T/out" "2026-0001    办理结果: 逾期不补正，但没有补正通知" "the confirmed outcome listed"
has "$T/out" "2026-0005    诉讼类型: 复议（2026-04-01 申请）尚未决定" "the lawsuit listed"
expect 0 "audit json" -- "$GK" --db "$o" audit --year 2026 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); t=d["to_confirm"]; assert any(x["case_no"]=="2026-0001" and x["field"]=="办理结果" for x in t), t' "$T/out" && ok || bad "audit json to_confirm"
expect 0 "audit of 2025 lists none" -- "$GK" --db "$o" audit --year 2025 --format json
has "$T/out" '"to_confirm": []' "another year's are not listed"

# ---- an extension needs the approver (第三十三条) on every path ----
x=$T/x.db
expect 0 "add for an extension" -- "$GK" --db "$x" add 收到日期=2026-11-02 申请人=癸 申请人类型=自然人
expect 65 "set an extension without the approver" -- "$GK" --db "$x" set 2026-0001 延期日期=2026-11-20
has "$T/err" "延期批准人: 延期须经政府信息公开工作机构负责人同意（第三十三条）" "set names the approver"
expect 0 "set it with the approver and the day told" -- "$GK" --db "$x" set 2026-0001 延期日期=2026-11-20 延期批准人=王主任 延期告知日期=2026-11-23
expect 0 "show" -- "$GK" --db "$x" show 2026-0001
has "$T/out" "延期告知日期: 2026-11-23" "the day told kept"
expect 65 "add an extension without the approver" -- "$GK" --db "$x" add 收到日期=2026-11-02 申请人=子 申请人类型=自然人 延期日期=2026-11-20
printf '收到日期,申请人,申请人类型,延期日期\n2026-11-02,丑,自然人,2026-11-20\n' >"$T/ext.csv"
expect 65 "import an extension without the approver" -- "$GK" --db "$x" import "$T/ext.csv"
has "$T/err" "第2行: 延期批准人: 延期须经" "the import names the row"

# ---- a 补正 notice states its time limit (第三十条) ----
expect 65 "a 补正 notice without its limit" -- "$GK" --db "$x" set 2026-0001 补正通知日期=2026-11-03
has "$T/err" "补正期限: 补正通知须载明补正的合理期限（第三十条）" "set names the limit"
printf '收到日期,申请人,申请人类型,补正通知日期\n2026-11-02,寅,自然人,2026-11-03\n' >"$T/corr.csv"
expect 65 "import a 补正 notice without its limit" -- "$GK" --db "$x" import "$T/corr.csv"
has "$T/err" "第2行: 补正期限: 补正通知须载明" "the import names the row"

# ---- the fee: 15 applications of one person on one day are 10 free and 5 × 100元 ----
f=$T/f.db
for i in $(seq 15); do
	setup "$GK" --db "$f" add 收到日期=2024-03-05 申请人=张三 申请人类型=自然人
done
total=0
for i in $(seq 15); do
	expect 0 "fee of the ${i}th" -- "$GK" --db "$f" fee "2024-$(printf %04d "$i")"
	total=$((total + $(head -1 "$T/out" | cut -d. -f1)))
done
[ "$total" = 500 ] && ok || bad "15 applications on one day cost $total元, want 500"
has "$T/out" "按件：该申请人 2024年3月 第 15 件申请" "the 15th is the 15th"
expect 0 "fee of the 10th" -- "$GK" --db "$f" fee 2024-0010
[ "$(head -1 "$T/out")" = "0.00" ] && ok || bad "the 10th is free: $(head -1 "$T/out")"
expect 0 "fee of the 11th" -- "$GK" --db "$f" fee 2024-0011
[ "$(head -1 "$T/out")" = "100.00" ] && ok || bad "the 11th costs 100: $(head -1 "$T/out")"
# 按量 at every band's edge (国办函〔2020〕109号 第四条)
for pair in 30:0 31:10 100:700 101:720 200:2700 201:2740; do
	expect 0 "fee of ${pair%%:*} pages" -- "$GK" --db "$f" fee 2024-0001 --pages "${pair%%:*}"
	[ "$(head -1 "$T/out")" = "${pair##*:}.00" ] && ok || bad "${pair%%:*} pages: $(head -1 "$T/out"), want ${pair##*:}.00"
done
has "$T/out" "201页以上的部分每页 40 元" "the 按量 words of the rules"
has "$T/out" "30页以下（含30页）免费" "the free band's words"
expect 65 "fee of a missing case" -- "$GK" --db "$f" fee 2024-9999
# the notice: an amount is required, the basis kept, an amount other than the rules' confirmed
expect 65 "a fee notice without an amount" -- "$GK" --db "$f" set 2024-0012 收费通知日期=2024-03-06
has "$T/err" "信息处理费: 收费通知须载明收费金额（第四十二条）" "the amount required"
expect 65 "按量 without pages" -- "$GK" --db "$f" set 2024-0012 收费通知日期=2024-03-06 信息处理费=10 计费方式=按量
has "$T/err" "计费数量: 按量计费须填写页数" "pages required"
expect 65 "an amount other than the rules give" -- "$GK" --db "$f" set 2024-0012 收费通知日期=2024-03-06 信息处理费=0 计费方式=按件 计费数量=12
has "$T/err" "须确认: 2024-0012: 信息处理费: 0.00 元与按件计算的 100.00 元（该申请人本月第 12 件申请）不符" "the amount confirmed"
expect 0 "the amount the rules give" -- "$GK" --db "$f" set 2024-0012 收费通知日期=2024-03-06 信息处理费=100 计费方式=按件 计费数量=12
expect 0 "export keeps the basis" -- "$GK" --db "$f" export --year 2024
has "$T/out" "按件,12" "the basis and the count in the ledger"
expect 0 "fee says the ledger's amount agrees" -- "$GK" --db "$f" fee 2024-0012
lacks "$T/out" "须确认" "no difference"
expect 0 "按量 with its pages" -- "$GK" --db "$f" set 2024-0013 收费通知日期=2024-03-06 信息处理费=20 计费方式=按量 计费数量=32
expect 0 "fee follows the ledger's pages" -- "$GK" --db "$f" fee 2024-0013
[ "$(head -1 "$T/out")" = "20.00" ] && ok || bad "32 pages: $(head -1 "$T/out")"

# ---- the payment and reply limits in show (today is 2026-11-26) ----
l=$T/l.db
setup "$GK" --db "$l" add 收到日期=2026-09-21 申请人=丁 申请人类型=自然人 收费通知日期=2026-09-28 信息处理费=100
setup "$GK" --db "$l" add 收到日期=2026-11-02 申请人=己 申请人类型=自然人 征求意见开始=2026-11-03 征求意见对象=其他机关
setup "$GK" --db "$l" add 收到日期=2026-11-02 申请人=庚 申请人类型=自然人 征求意见开始=2026-11-03 征求意见对象=第三方 征求意见送达日期=2026-11-05
provisional=$("$GK" due 2026-09-28 | head -1)
expect 0 "show a fee notice not yet delivered" -- "$GK" --db "$l" show 2026-0001
has "$T/out" "缴费期限: $provisional（送达日期未登记，暂按通知日期计算），已过" "provisional payment limit, passed"
# delivered on 2026-10-09: 20 working days across the 10 October 2026 make-up day
expect 0 "record the delivery" -- "$GK" --db "$l" set 2026-0001 收费通知送达日期=2026-10-09
limit=$("$GK" due 2026-10-09 | head -1)
expect 0 "show it delivered" -- "$GK" --db "$l" show 2026-0001
has "$T/out" "缴费期限: $limit（自送达次日起 20 个工作日），已过：逾期未缴费视为放弃申请" "payment limit from the delivery"
reply=$("$GK" due 2026-11-03 --workdays 15 | head -1)
expect 0 "show a consultation of another body" -- "$GK" --db "$l" show 2026-0002
has "$T/out" "征求意见答复期限: $reply（送达日期未登记，暂按开始日期计算），已过：其他机关逾期未答复的，视为同意公开（第三十四条）" "body: silence agrees"
reply=$("$GK" due 2026-11-05 --workdays 15 | head -1)
expect 0 "show a consultation of a third party" -- "$GK" --db "$l" show 2026-0003
has "$T/out" "征求意见答复期限: $reply（自收到征求意见之日起 15 个工作日）" "third party's limit"
GONGKAI_TODAY=2026-12-31 expect 0 "show it after the limit" -- "$GK" --db "$l" show 2026-0003
has "$T/out" "已过：第三方逾期未提出意见的，由本机关依照条例规定决定（第三十二条）" "third party: the office decides"

# ---- 第三十一条: the receipt date by channel ----
expect 0 "in person, arrived before the receipt date: a warning" -- "$GK" --db "$T/h.db" add 收到日期=2026-11-05 到达日期=2026-11-02 渠道=当面 申请人=甲 申请人类型=自然人
has "$T/err" "提示: 到达日期: 2026-11-02 早于收到日期 2026-11-05：第三十一条：当面提交的，以提交之日为收到申请之日" "in person: the day handed in"
expect 0 "an ordinary letter confirmed later: no warning" -- "$GK" --db "$T/h.db" add 收到日期=2026-11-05 到达日期=2026-11-02 渠道=平信 申请人=乙 申请人类型=自然人
lacks "$T/err" "到达日期" "平信 counts from the confirmation"
expect 65 "arrived after the receipt date" -- "$GK" --db "$T/h.db" add 收到日期=2026-11-05 到达日期=2026-11-06 渠道=传真 申请人=丙 申请人类型=自然人

finish
