/*
 * keymap.h — the actions of the terminal interface, the keys bound to them, and the hint bar
 * and help text generated from those bindings.
 *
 * Every action is defined once (ACTION_LIST: code name, a short label for the hint bar and a
 * Chinese sentence for the help screen). Keys are bound in tables: one global table and one per
 * scope (a screen, a form, a picker), and a scope is consulted before its parent, so a screen
 * can give a key its own meaning (`n` is 下一处 while a search is on, 新建 otherwise). The hint
 * bar and the help screen are built from the same tables, so they never disagree with the keys.
 *
 * Keys are terminal-free numbers: a Unicode code point for a character, KM_CTRL('x') for a
 * control key, and the KM_ codes below (above the Unicode range) for the others; the interface
 * translates curses' key codes into these. Nothing here touches a terminal.
 */
#ifndef GK_KEYMAP_H
#define GK_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

#define KM_CTRL(c) ((c) & 0x1f)

enum km_key {
	KM_NONE = 0,
	KM_TAB = 9,
	KM_ENTER = 10,
	KM_ESC = 27,
	KM_SPACE = ' ',
	KM_BASE = 0x110000,   /* above every code point */
	KM_UP = KM_BASE, KM_DOWN, KM_LEFT, KM_RIGHT, KM_PGUP, KM_PGDN, KM_HOME, KM_END,
	KM_BACKSPACE, KM_DELETE, KM_INSERT, KM_BTAB,
	KM_F1, KM_F2, KM_F3, KM_F4, KM_F5, KM_F6, KM_F7, KM_F8, KM_F9, KM_F10, KM_F11, KM_F12,
	/* events the input layer reports as keys */
	KM_RESIZE, KM_TIMEOUT, KM_MOUSE,
	/* Ctrl-J (a line feed; Enter sends a carriage return): a line break in a text of several
	 * lines, and Enter wherever nothing is bound to it */
	KM_NEWLINE,
};

/*       action            hint bar     help */
#define ACTION_LIST(X) \
	X(A_NONE,          "",          "") \
	X(A_UP,            "上移",      "光标上移一行") \
	X(A_DOWN,          "下移",      "光标下移一行") \
	X(A_PGUP,          "上页",      "向上翻一页") \
	X(A_PGDN,          "下页",      "向下翻一页") \
	X(A_HOME,          "首行",      "到第一行") \
	X(A_END,           "末行",      "到最后一行") \
	X(A_SCROLL_LEFT,   "左移",      "表格向左移（窗口比表格窄时）") \
	X(A_SCROLL_RIGHT,  "右移",      "表格向右移（窗口比表格窄时），看到右边的列") \
	X(A_SCREEN_LIST,   "列表",      "申请列表") \
	X(A_SCREEN_TALLY,  "统计",      "年度统计（表三、表四和图表）") \
	X(A_SCREEN_REPORT, "年报",      "年报（表二、表三、表四，导出）") \
	X(A_SCREEN_CAL,    "节假日",    "节假日安排") \
	X(A_SCREEN_SETTINGS, "设置",    "本机关设置和数据库文件") \
	X(A_HELP,          "帮助",      "显示本屏的全部按键") \
	X(A_QUIT_ASK,      "退出",      "先询问，再退出程序（Ctrl-C；在表单和弹出框中同 Esc）") \
	X(A_QUIT,          "退出",      "返回上一屏，或回到申请列表；在申请列表时退出程序") \
	X(A_BACK,          "返回",      "返回上一屏") \
	X(A_REDRAW,        "重画",      "重画屏幕") \
	X(A_OPEN,          "详情",      "查看所选申请的全部信息、期限和修改记录") \
	X(A_NEW,           "新建",      "新建一件申请") \
	X(A_EDIT,          "修改",      "修改所选申请的各项内容") \
	X(A_ANSWER,        "答复",      "答复：填写答复日期，从表三中选择办理结果") \
	X(A_REOPEN,        "重办",      "重新办理已答复的申请（须说明理由，记入修改记录）") \
	X(A_CORRECTION,    "补正",      "补正：发出补正通知，或登记收到补正后的申请（第三十条）") \
	X(A_CONSULT,       "征求意见",  "征求意见：开始或结束（第三十二条、第三十四条，期间不计时）") \
	X(A_EXTEND,        "延期",      "延期：经政府信息公开工作机构负责人同意并告知申请人，延长答复期限最长 20 个工作日（第三十三条）") \
	X(A_FEE,           "收费",      "信息处理费：发出收费通知，或登记缴费（第四十二条）") \
	X(A_REVIEW,        "复议诉讼",  "行政复议、行政诉讼：登记申请日期、结果和决定日期") \
	X(A_VOID,          "作废",      "作废错误登记的申请（须说明理由，记入修改记录；不再计入任何统计，不能撤销）") \
	X(A_DOCS,          "文书",      "这件申请的文书：已出具的和待出具的，出具、预览、重印") \
	X(A_DOC_PREVIEW,   "预览",      "预览所选文书（未出具的先出具，编上文号）") \
	X(A_DOC_ISSUE,     "出具",      "出具所选种类的文书：编上本年度的下一个文号，记入修改记录") \
	X(A_DOC_WRITE,     "存文件",    "把所选文书存为 Word 文件（.docx），供打印盖章") \
	X(A_DOC_VOID,      "作废",      "作废所选文书（文号保留不再使用，须说明理由）") \
	X(A_AGENDA,        "待办",      "今日待办：已逾期、今天到期、补正期满等，按数字看那些申请") \
	X(A_SEARCH,        "搜索",      "搜索编号、申请人和申请内容") \
	X(A_SEARCH_NEXT,   "下一处",    "跳到下一处搜索结果") \
	X(A_SEARCH_PREV,   "上一处",    "跳到上一处搜索结果") \
	X(A_SEARCH_END,    "结束搜索",  "结束搜索") \
	X(A_FILTER,        "筛选",      "选择筛选条件（全部、办理中、已逾期等）") \
	X(A_FILTER_NEXT,   "下一筛选",  "换到下一个筛选条件") \
	X(A_FILTER_PREV,   "上一筛选",  "换到上一个筛选条件") \
	X(A_YEAR,          "年度",      "输入年度（列表中留空为全部年度）") \
	X(A_YEAR_PREV,     "上一年",    "换到上一年度") \
	X(A_YEAR_NEXT,     "下一年",    "换到下一年度") \
	X(A_PERSONAL,      "证件",      "显示或隐藏证件号码和联系方式") \
	X(A_SECTION,       "报告文字",  "编写年报中本机关的文字：总体情况、存在的主要问题及改进情况、其他事项") \
	X(A_TABLE2,        "编辑表二",  "编辑表二（主动公开政府信息情况）") \
	X(A_EXPORT,        "导出",      "导出年报或台账到文件（帮助中列出全部格式）") \
	X(A_ROLLUP,        "汇总",      "全市汇总：选择各机关的数据库或报表 JSON，检查后相加并导出") \
	X(A_CAL_IMPORT,    "导入通知",  "从 CSV 文件导入一年的节假日通知（date,kind,name）") \
	X(A_CAL_DAY,       "改一天",    "添加或修改一天：放假或调休上班") \
	X(A_SETTINGS_EDIT, "修改设置",  "修改本机关设置（名称、文号代字、联系人、复议机关等），全部一起保存") \
	X(A_DUP_SHOW,      "可能重复",  "查看可能重复的申请：同一申请人（姓名或证件号码相同）半年内内容相近的申请；只是提示，不影响保存") \
	X(A_FIELD_NEXT,    "下一项",    "到下一项") \
	X(A_FIELD_PREV,    "上一项",    "到上一项") \
	X(A_SAVE,          "保存",      "检查并保存") \
	X(A_CANCEL,        "取消",      "取消（有改动时先询问）") \
	X(A_CHOOSE,        "选择",      "选择列表中的一项，或打开选择列表") \
	X(A_EXPAND,        "展开",      "展开一组") \
	X(A_COLLAPSE,      "收起",      "收起一组") \
	X(A_CURSOR_LEFT,   "左移",      "光标左移一个字") \
	X(A_CURSOR_RIGHT,  "右移",      "光标右移一个字") \
	X(A_CURSOR_HOME,   "行首",      "光标到开头") \
	X(A_CURSOR_END,    "行尾",      "光标到末尾") \
	X(A_DELETE_BACK,   "删前",      "删除光标前的一个字") \
	X(A_DELETE,        "删后",      "删除光标处的一个字") \
	X(A_CLEAR,         "清空",      "清空这一项") \
	X(A_NEWLINE,       "换行",      "在多行的文字框（申请内容、备注等）中换行，Enter 亦可（单行的项同 Enter）") \
	X(A_OK,            "确定",      "确定输入的内容") \
	X(A_YES,           "是",        "确认") \
	X(A_NO,            "否",        "不，返回")

enum action {
#define ACTION_ENUM(name, hint, help) name,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	A_COUNT
};

/* The scopes that have key tables. Each has a parent consulted after it (or none). */
#define SCOPE_LIST(X) \
	X(KS_GLOBAL,   "所有屏幕通用") \
	X(KS_LIST,     "申请列表") \
	X(KS_SEARCH,   "搜索中") \
	X(KS_TALLY,    "年度统计") \
	X(KS_REPORT,   "年报") \
	X(KS_CALENDAR, "节假日") \
	X(KS_SETTINGS, "设置") \
	X(KS_DETAIL,   "申请详情") \
	X(KS_DOCS,     "文书") \
	X(KS_DOC_VIEW, "文书预览") \
	X(KS_HELP,     "帮助") \
	X(KS_DUP,      "可能重复") \
	X(KS_FORM,     "填写表单") \
	X(KS_APP_FORM, "填写申请") \
	X(KS_PICK,     "选择列表") \
	X(KS_TREE,     "选择办理结果") \
	X(KS_PROMPT,   "输入") \
	X(KS_CONFIRM,  "确认")

enum km_scope {
#define SCOPE_ENUM(name, title) name,
	SCOPE_LIST(SCOPE_ENUM)
#undef SCOPE_ENUM
	KS_COUNT
};

struct km_binding {
	int key;
	enum action action;
	bool hint;   /* shown in the hint bar */
};

const char *action_hint(enum action a);   /* "新建" */
const char *action_help(enum action a);   /* "新建一件申请" */
/* The help of a as the help screen and `gongkai --keys` give it: action_help's words, or
 * made from the program's own lists where it names them (导出: every export format). */
void action_help_text(enum action a, struct strbuf *out);
const char *km_scope_title(enum km_scope s);
/* The scope consulted after s, or -1 (text-entry scopes have none: a letter typed into a form
 * is text, not a command). */
int km_scope_parent(enum km_scope s);

/* The bindings of one scope (not its parent's), in the order the hint bar shows them. */
const struct km_binding *km_bindings(enum km_scope s, size_t *n);

/* The action of key in scope s, looked up in s, then its parent, and so on; A_NONE when no
 * table binds the key. */
enum action km_lookup(enum km_scope s, int key);

/* The name of a key as a clerk reads it on the keyboard: "n", "?", "Enter", "Esc", "PgDn",
 * "F1", "Ctrl-L", "空格"; into buf (at least 16 bytes), which is returned. */
const char *km_key_name(int key, char buf[16]);

/* Appends to out the hint bar of scope s (with its parents): "key label" items separated by
 * two spaces; the global table's first (help and quit must always show), then the scope's own,
 * then its parents', each in table order; each action once, and no key that a nearer scope
 * rebinds. Items are added while they fit in `width` display columns. Returns the width used. */
int km_hints(enum km_scope s, int width, struct strbuf *out);

/* Appends to out the help of scope s: a heading per scope (s, then each parent), then one
 * line per action "keys  help", the keys that reach it joined with " ", padded to a column;
 * a help text longer than the width (in display columns) goes on under itself. Keys rebound
 * by an earlier scope are left out of the later one. Lines end with "\n". */
void km_help(enum km_scope s, int width, struct strbuf *out);

/* Every scope's keys as Markdown tables (a heading per scope, one row per action with all its
 * keys): docs/manual.md's list of keys is this text, and a test keeps the two the same. */
void km_markdown(struct strbuf *out);

#endif
