/*
 * commands.c — the table of commands: name, function, usage line and help, in the order
 * `gongkai --help` lists them.
 */
#include <stddef.h>

#include "cmds.h"

const struct cli_command cli_commands[] = {
	{ "init", cmd_init, "init [--group 用户组]",
	  "建立数据库（已存在时只检查），打印它的位置。不加 --group 时只有本用户可以读写\n"
	  "（文件 0600，新建的文件夹 0700）。\n"
	  "  --group 用户组   供该用户组的办理人员共享（各自用自己的账号登录同一台服务器）：\n"
	  "                   新建的文件夹 2770、文件 0660，都属于该组，组外的人不能读写；\n"
	  "                   已有的文件夹须已属于该组且组可写（否则打印管理员应执行的\n"
	  "                   chgrp、chmod 命令并拒绝）；已有的数据库文件由其所有者改为\n"
	  "                   0660 并属于该组。执行者须是该组的成员（或 root）。\n"
	  "例: gongkai --db /srv/gongkai/ledger.db init --group gongkai" },
	{ "import", cmd_import, "import FILE [--dry-run] [--encoding utf-8|gb18030]",
	  "读入台账：CSV（中文或英文表头；UTF-8 或 GB18030，自动识别）或 Excel 的 .xlsx 文件\n"
	  "（读第一个工作表，列与 CSV 相同，设为日期格式的单元格按日期读）。全部检查通过才写入，\n"
	  "有问题时逐条列出“第N行: 列名: 原因”，以状态 65 退出，数据库不变。\n"
	  "FILE 为 - 时读标准输入。\n"
	  "  --dry-run            只检查，不写入\n"
	  "  --encoding 编码      指定文件编码：utf-8 或 gb18030（含 GBK）" },
	{ "export", cmd_export, "export [--year Y] [-o FILE] [--with-personal-data]",
	  "导出台账 CSV（UTF-8 带 BOM，中文表头，日期 YYYY-MM-DD，防公式注入）。\n"
	  "  --year Y               只导出 Y 年表三、表四统计到的申请：Y 年收到的、Y 年内仍在\n"
	  "                         办理的，以及复议或诉讼计入 Y 年表四的\n"
	  "  -o FILE                写入文件（先写临时文件再改名，不会留下半个文件）\n"
	  "  --with-personal-data   包含证件号码和联系方式（默认不导出个人信息）" },
	{ "report", cmd_report,
	  "report --year Y [--format text|csv|json|html|xlsx] [-o FILE] | "
	  "report --year Y --whole [--draft] [--format text|html|docx] [-o FILE]",
	  "年度报告的统计表：表二、表三、表四和第六部分收费情况。\n"
	  "  --year Y        报告年度\n"
	  "  --format 格式   text（默认，终端表格）、csv（UTF-8 带 BOM）、json、\n"
	  "                  html（可直接发布到政府网站的独立网页）或 xlsx（Excel 工作簿，\n"
	  "                  按官方格式合并单元格，A4 一页打印；须用 -o 指定文件）\n"
	  "  -o FILE         写入文件（先写临时文件再改名，不会留下半个文件）\n"
	  "  --whole         整份年度报告：标题、六个部分（本机关的文字和三张表），\n"
	  "                  格式 text、html 或 docx（Word，须用 -o）；未通过检查时不写出\n"
	  "  --draft         检查未通过也写出，标题标明（草稿）\n"
	  "表三按《年报格式》（国办公开办函〔2021〕30号）的统计口径计算；表四统计 Y 年提起的，\n"
	  "以及此前提起、1 月 1 日尚未审结的复议和诉讼，12 月 31 日仍未审结的计入“尚未审结”。" },
	{ "check", cmd_check, "check --year Y [--tables]",
	  "检查 Y 年度报告：各列勾稽关系（第一项加第二项之和等于第三项加第四项之和）、\n"
	  "总计、上年结转与上一年度结转下年度是否一致；报告文字中的申请件数和收费金额与报表\n"
	  "是否一致，第一、五部分是否填写，是否与上年文字相同，表二是否录入。全部成立时退出\n"
	  "状态 0，否则每个问题一行，退出状态 1。\n"
	  "  --tables   只检查报表，不检查报告文字" },
	{ "section", cmd_section,
	  "section --year Y 部分 [FILE|-] | section --year Y --from 年度",
	  "年度报告中本机关自己撰写的文字。部分为 总体情况（overview，第一部分）、\n"
	  "问题改进（problems，第五部分）或 其他事项（other，第六部分收费情况之后）。\n"
	  "不给文件时打印该部分（尚未填写时打印其标题，可改写后保存）；给出文件（- 为\n"
	  "标准输入）时保存为该部分的文字（UTF-8）。文字中可写字段，导出时换成报表中的数：\n"
	  "{概述句} {收费句} {本年新收} {上年结转} {办结} {结转下年} {收费金额} {表二收费}。\n"
	  "  --from 年度   把该年度报告的各部分复制到 Y 年尚未填写的部分" },
	{ "list", cmd_list,
	  "list [--open|--late|--due-within N|--voided] [--year Y] [--search TEXT] "
	  "[--format text|csv|json]",
	  "列出申请及其状态、到期日和剩余工作日（可用于每天早上的逾期提醒邮件）。\n"
	  "  --open           只列办理中的\n"
	  "  --late           只列已逾期的\n"
	  "  --due-within N   只列 N 个工作日内到期的\n"
	  "  --voided         只列已作废的（其他时候不列出已作废的）\n"
	  "  --year Y         只列 Y 年收到的\n"
	  "  --search TEXT    只列编号、申请人或申请内容含 TEXT 的\n"
	  "  --format 格式    text（默认）、csv 或 json" },
	{ "due", cmd_due, "due DATE [--workdays N] | due --today | due --report",
	  "计算 DATE 之后第 N 个工作日（默认 20，当日不计），按数据库中的节假日安排。\n"
	  "第一行只有日期，其后列出跳过的休息日和计入的调休工作日及原因。\n"
	  "  --today    今日待办：已逾期、今天到期、3 个工作日内到期、补正期限已过、缴费期限已过、\n"
	  "             征求意见答复期限已过的申请，每项一行，列出最多 10 个编号；1 月至 3 月\n"
	  "             另有上一年度年报距 1 月 31 日的工作日数（定稿后不再提示）。没有待办时\n"
	  "             不输出任何内容，状态 0（供 cron 只在有事时发邮件）\n"
	  "  --report   只列上一年度年报的期限（定稿后、4 月起不输出）" },
	{ "calendar", cmd_calendar, "calendar import FILE | calendar list [--year Y]",
	  "节假日安排。import 读入 date,kind,name 格式的 CSV（kind 为 off 放假或 work 调休上班），\n"
	  "例如国务院办公厅每年 11 月发布的下一年通知；list 列出某年的安排。" },
	{ "add", cmd_add, "add 列名=值 … [--confirm]",
	  "登记一件新申请，列名同台账（中文或英文别名），值的写法同台账，检查同导入。例如:\n"
	  "  gongkai add 收到日期=2026-11-20 申请人=张三 申请人类型=自然人 渠道=当面 申请内容=…\n"
	  "编号留空时自动分配（YYYY-NNNN），成功时打印“已登记 编号”。\n"
	  "与已登记的事项矛盾的内容（如没有补正通知却以逾期不补正办结）逐项打印为\n"
	  "“须确认: 编号: 列名: 原因”，不保存，以状态 65 退出。\n"
	  "  --confirm   确认无误，照样保存" },
	{ "set", cmd_set, "set 编号 列名=值 … [--reason 理由] [--confirm]",
	  "修改一件申请的字段，包括期限事件和答复，例如:\n"
	  "  gongkai set 2026-0001 补正通知日期=2026-11-23 补正期限=2026-12-07\n"
	  "  gongkai set 2026-0001 答复日期=2026-12-01 办理结果=不予公开/1.属于国家秘密\n"
	  "值留空（列名=）即清除。重新办理已答复的申请（清除答复日期）须 --reason 说明理由。\n"
	  "每项修改记入修改记录；他人已先修改或会改变已定稿年度报表时拒绝保存。\n"
	  "须确认的内容同 add；已确认过的不再询问。\n"
	  "  --confirm   确认无误，照样保存" },
	{ "void", cmd_void, "void 编号 --reason 理由",
	  "作废一件错误登记的申请（如测试数据、重复登记）：保留申请及其修改记录，编号不再使用，\n"
	  "不再计入任何统计表和列表（list --voided 列出已作废的）。理由和办理人记入修改记录。\n"
	  "作废不能撤销；作废后不能再修改。会改变已定稿年度报表时拒绝（须先解锁）。\n"
	  "  --reason 理由   作废的理由（必填）" },
	{ "show", cmd_show, "show 编号 [--with-personal-data]",
	  "显示一件申请：全部字段（证件号码、联系方式默认打码）、期限的计算过程和修改记录。" },
	{ "fee", cmd_fee, "fee 编号 [--pages N]",
	  "按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）计算一件申请的信息处理费。\n"
	  "第一行只有金额（元，如 100.00），其后说明计算过程：按件时为该申请人当月第几件申请\n"
	  "（按收到日期先后，同日按登记先后），按量时为各档页数的金额；台账记录的金额不同时注明。\n"
	  "  --pages N   按量计算 N 页（默认按台账的计费方式：按量用其页数，否则按件）" },
	{ "lock", cmd_lock, "lock --year Y",
	  "年度报表定稿（年度结束后）：检查通过后保存所发布的报表；此后改变该年度报表的修改一律拒绝，\n"
	  "下一年度的上年结转以此为准。" },
	{ "unlock", cmd_unlock, "unlock --year Y --reason 理由",
	  "解除定稿锁定，理由记入修改记录。" },
	{ "audit", cmd_audit, "audit --year Y [--format text|json]",
	  "审计用数据：该年度逾期答复的申请及逾期工作日数；办理用时（自收到至答复的工作日）的\n"
	  "中位数、平均数、最短和最长；至年末仍在办理的最早 10 件；该年度须确认的事项（与已登记\n"
	  "的事项矛盾，如没有补正通知却以逾期不补正办结：起诉按起诉日期、收费按收费通知日期、\n"
	  "其余按答复日期计入年度）。" },
	{ "backup", cmd_backup, "backup FILE",
	  "用 SQLite 在线备份把数据库完整复制到 FILE（他人正在使用时也安全；先写临时文件，\n"
	  "检查后再改名，权限 0600）。" },
	{ "restore", cmd_restore, "restore FILE [--replace]",
	  "用备份 FILE（须为通过完整性检查的 gongkai 数据库）替换当前数据库的全部内容；\n"
	  "当前数据库已有申请时须加 --replace。" },
	{ "table2", cmd_table2, "table2 --year Y [--set 单元格=值 …]",
	  "显示或录入 Y 年度表二（主动公开政府信息情况）。每个 --set 设置一个单元格，\n"
	  "全部单元格一并保存；尚未录入的年度其余单元格从 0 开始；已定稿锁定的年度不能修改。\n"
	  "  --set 单元格=值   单元格为 rules.made（规章 本年制发件数）、rules.repealed（废止）、\n"
	  "                    rules.valid（现行有效）、normative.made / normative.repealed /\n"
	  "                    normative.valid（行政规范性文件）、licensing.decisions（行政许可）、\n"
	  "                    penalty.decisions（行政处罚）、coercion.decisions（行政强制）、\n"
	  "                    fees.amount（行政事业性收费，万元，最多四位小数，如 59237.2449）；\n"
	  "                    件数为非负整数；值为 / 表示不适用\n"
	  "例: gongkai table2 --year 2023 --set rules.made=3 --set fees.amount=59237.2449 \\\n"
	  "        --set licensing.decisions=/" },
	{ "rollup", cmd_rollup,
	  "rollup --year Y 来源… [--format text|csv|json|html|xlsx] [-o FILE] [--office 名称] [--force]",
	  "全市汇总：把多个机关的表二、表三、表四和收费金额相加。每个来源是一个机关的 gongkai\n"
	  "数据库（只读打开，不做任何改动）或其 report --format json 的输出，也可以是下级的汇总 JSON。\n"
	  "汇总前逐个检查来源，指明来源和问题。无法读取（状态 66）、不是数据库或报表 JSON、\n"
	  "年度或格式不对（状态 65）时停止，--force 也不能跳过。来源自身的勾稽关系、上年结转\n"
	  "未通过，或同一机关出现两次（同一文件，或名称相同，含下级汇总所列机关）时也停止\n"
	  "（状态 65）；--force 时仍汇总，结果注明含未通过检查的来源。不同机关的表三、表四\n"
	  "完全相同时照常汇总，只在标准错误上提示（如是同一机关的报表提交了两次，请去掉其一）。\n"
	  "xlsx 第一张工作表为汇总，其后每个来源一张；汇总 JSON 列出所含机关，可作为上一级\n"
	  "汇总的来源。\n"
	  "  --office 名称   汇总表上印的名称（默认本数据库设置的机关名称）" },
	{ "doc", cmd_doc,
	  "doc 编号 --list | doc 编号 种类 [--format text|docx] [-o FILE] [--new] [--date 日期] | "
	  "doc 编号 种类 --void --reason 理由",
	  "申请的文书：出具、重印或作废。--list 列出已出具的文书（文号、日期、种类）和按当前\n"
	  "办理情况待出具的文书。给出种类时，尚未出具的即出具：按本年度文号顺序编号，记入修改\n"
	  "记录，文号打印在标准错误上；已出具的则原样重印。种类可写中文名称或英文代码：\n"
	  "登记回执（receipt）、补正告知书（correction）、延期答复告知书（extension）、\n"
	  "征求意见书（consult_third_party）、征求意见告知书（consult_notice）、征求意见函\n"
	  "（consult_body）、公开决定告知书（disclosure_over_objection）、收费通知书（fee）、\n"
	  "说明理由告知书（reasons）、答复书（answer，按办理结果选用相应的措辞）。\n"
	  "文书缺少必要的事实时（如补正事项、复议机关）不出具，逐项说明缺少什么（状态 65）。\n"
	  "  --format 格式     text（默认，纯文本）或 docx（Word 文件，须用 -o）；-o 文件名以\n"
	  "                    .docx 结尾时默认 docx\n"
	  "  -o FILE           写入文件（先写临时文件再改名）\n"
	  "  --new             已出具过同种文书时再出具一份新的（新的文号）\n"
	  "  --date 日期       成文日期（默认为对应事项的日期，如补正通知日期、答复日期）\n"
	  "  --void --reason 理由   作废最近一份该种文书：文号保留不再使用，理由记入修改记录" },
	{ "template", cmd_template, "template list | template show 模板 | template load 模板 FILE",
	  "文书的措辞（模板）。list 列出全部模板及所用的版本；show 显示模板（本机关载入的\n"
	  "最新版本，否则为程序默认的措辞），开头的注释说明可用的字段；load 检查并载入本机关的\n"
	  "措辞，保存为新的版本，供所有办理人员使用：此后出具的文书使用新的措辞，已出具的文书\n"
	  "重印时不变。模板使用未知字段、或答复书删去 {依据} 或 {救济途径} 的，拒绝载入并指明\n"
	  "所在的行。模板可写 template list 所列的名称（如 answer.withheld.secret），\n"
	  "程序性文书也可写中文名称（如 补正告知书）。" },
	{ "office", cmd_office, "office [NAME] | office --set 设置=值 …",
	  "本机关的设置：名称（报表、文书抬头和年报标题）、文号代字、联系人、电话、地址、\n"
	  "复议机关、法院（文书的救济途径）、垂直管理（是 或 否）。不带参数时列出全部设置。\n"
	  "  NAME                 设置本机关名称（同 --set 名称=NAME）\n"
	  "  --set 设置=值        设置一项，可重复，全部检查通过才一并保存；值留空即清除。\n"
	  "                       设置也可用英文别名：name、code、contact、phone、address、\n"
	  "                       review_body、court、vertical\n"
	  "例: gongkai office --set 文号代字=郑东社公开 --set 复议机关=郑州市郑东新区管理委员会" },
	{ NULL, NULL, NULL, NULL },
};
