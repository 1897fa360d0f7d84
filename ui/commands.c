/*
 * commands.c — the table of commands: name, function, usage line and help, in the order
 * `gongkai --help` lists them.
 */
#include <stddef.h>

#include "cmds.h"

const struct cli_command cli_commands[] = {
	{ "import", cmd_import, "import FILE [--dry-run] [--encoding utf-8|gb18030]",
	  "读入台账：CSV（中文或英文表头；UTF-8 或 GB18030，自动识别）或 Excel 的 .xlsx 文件\n"
	  "（读第一个工作表，列与 CSV 相同，设为日期格式的单元格按日期读）。全部检查通过才写入，\n"
	  "有问题时逐条列出“第N行: 列名: 原因”，以状态 65 退出，数据库不变。\n"
	  "FILE 为 - 时读标准输入。\n"
	  "  --dry-run            只检查，不写入\n"
	  "  --encoding 编码      指定文件编码：utf-8 或 gb18030（含 GBK）" },
	{ "export", cmd_export, "export [--year Y] [-o FILE] [--with-personal-data]",
	  "导出台账 CSV（UTF-8 带 BOM，中文表头，日期 YYYY-MM-DD，防公式注入）。\n"
	  "  --year Y               只导出 Y 年收到的或 Y 年内仍在办理的申请\n"
	  "  -o FILE                写入文件（先写临时文件再改名，不会留下半个文件）\n"
	  "  --with-personal-data   包含证件号码和联系方式（默认不导出个人信息）" },
	{ "report", cmd_report, "report --year Y [--format text|csv|json|html|xlsx] [-o FILE]",
	  "年度报告的统计表：表二、表三、表四和第六部分收费情况。\n"
	  "  --year Y        报告年度\n"
	  "  --format 格式   text（默认，终端表格）、csv（UTF-8 带 BOM）、json、\n"
	  "                  html（可直接发布到政府网站的独立网页）或 xlsx（Excel 工作簿，\n"
	  "                  按官方格式合并单元格，A4 一页打印；须用 -o 指定文件）\n"
	  "  -o FILE         写入文件（先写临时文件再改名，不会留下半个文件）\n"
	  "表三按《年报格式》（国办公开办函〔2021〕30号）的统计口径计算；表四统计 Y 年提起的，\n"
	  "以及此前提起、1 月 1 日尚未审结的复议和诉讼，12 月 31 日仍未审结的计入“尚未审结”。" },
	{ "check", cmd_check, "check --year Y",
	  "检查 Y 年度报表：各列勾稽关系（第一项加第二项之和等于第三项加第四项之和）、\n"
	  "总计、上年结转与上一年度结转下年度是否一致。全部成立时退出状态 0，否则每个问题一行，\n"
	  "退出状态 1。" },
	{ "list", cmd_list,
	  "list [--open|--late|--due-within N] [--year Y] [--search TEXT] [--format text|csv|json]",
	  "列出申请及其状态、到期日和剩余工作日（可用于每天早上的逾期提醒邮件）。\n"
	  "  --open           只列办理中的\n"
	  "  --late           只列已逾期的\n"
	  "  --due-within N   只列 N 个工作日内到期的\n"
	  "  --year Y         只列 Y 年收到的\n"
	  "  --search TEXT    只列编号、申请人或申请内容含 TEXT 的\n"
	  "  --format 格式    text（默认）、csv 或 json" },
	{ "due", cmd_due, "due DATE [--workdays N]",
	  "计算 DATE 之后第 N 个工作日（默认 20，当日不计），按数据库中的节假日安排。\n"
	  "第一行只有日期，其后列出跳过的休息日和计入的调休工作日及原因。" },
	{ "calendar", cmd_calendar, "calendar import FILE | calendar list [--year Y]",
	  "节假日安排。import 读入 date,kind,name 格式的 CSV（kind 为 off 放假或 work 调休上班），\n"
	  "例如国务院办公厅每年 11 月发布的下一年通知；list 列出某年的安排。" },
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
	{ "office", cmd_office, "office [NAME]",
	  "设置本机关名称（打印在报表和报表 JSON 中）；不带参数时显示当前名称。" },
	{ NULL, NULL, NULL, NULL },
};
