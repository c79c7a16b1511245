"""Write luoshi/locale/en/LC_MESSAGES/django.po and .mo: the English for every Chinese UI string.

    .venv/bin/python scripts/english.py      (make messages)

The Chinese words are the message ids (Chinese first); this table is the English.
A test fails when a template string has no English here.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "luoshi" / "locale" / "en" / "LC_MESSAGES"

ENGLISH = {
    "2024-06、2024Q2、2024H1 或 2024": "2024-06, 2024Q2, 2024H1 or 2024",
    "luoshi import 报告文件": "luoshi import REPORT",
    "上传 Excel": "Upload Excel", "上传填好的 Excel": "Upload a filled-in Excel file",
    "下一步措施": "Next steps", "下一步措施：": "Next steps: ", "下载 Excel 模板": "Download the Excel template",
    "个目标": "targets", "依据：": "Reasoning: ", "保存修改": "Save", "修改人": "Changed by",
    "修改历史": "Change history", "修改目标": "Edit target",
    "先检查整份文件，列出每个有问题的单元格；全部无误后再确认报送。":
        "The whole file is checked first and every problem cell is listed; confirm once all is well.",
    "全部": "All", "全部目标": "All targets", "分工": "Assignments",
    "分工：牵头单位和责任单位": "Assignments: lead and co-responsible units", "分布": "Distribution",
    "分页": "Pages", "切换": "Show", "删除": "Delete",
    "删除抽取错误的目标；已有审核通过数据的目标不能删除。":
        "Delete a target extracted by mistake; a target with approved figures cannot be deleted.",
    "力争": "Aspirational", "单位": "Unit", "去报送": "Report", "取消": "Cancel", "合并": "Merge",
    "复制出一个新目标（新编号），之后分别修改两个目标。":
        "Copies the target under a new code; then edit each of the two.",
    "存在问题": "Problems", "存在问题：": "Problems: ", "完成时限": "Deadline", "完成率": "Completion",
    "实际": "Actual", "审核": "Approvals", "密码": "Password", "对照": "reference", "尚未分派": "Not assigned yet",
    "工作目标": "Targets", "差额": "Margin", "年": "", "年末预计": "Year-end forecast",
    "序时进度": "Time elapsed", "应达": "Expected", "当前：": "Now: ", "待审核的报送": "Submissions to approve",
    "总览": "Dashboard", "或": "or",
    "截至 %(day)s，共 %(n)s 个目标。本页只公开目标和进度状态。":
        "As of %(day)s, %(n)s targets. This page shows targets and their status only.",
    "把另一个编号的目标并入本目标：它的进度数据移到本目标，它本身删除。":
        "Merge another target into this one: its figures move here and it is deleted.",
    "报告原文": "Report", "报送": "Report progress", "报送人": "Reported by", "报送记录": "Reports",
    "报送进度": "Report progress", "拆分": "Split", "指标": "Indicator", "按工作方面": "By work area",
    "按报送数：": "with the submitted figure: ", "提交报送": "Submit",
    "政府工作报告目标任务的分解、跟踪与督查": "Breaking down, tracking and supervising a government work plan",
    "政府工作报告目标完成情况": "progress on the government work report's targets", "数值": "Value",
    "数值填1月至本期的累计数；增速填累计同比增速；节点类填 1 表示已完成、0 到 1 之间表示进度。报送后由督查室审核，审核通过才计入进度。":
        "Enter the total from January to this period; for growth, the year-to-date growth rate; for a milestone, 1 when "
        "done or a fraction for progress. The office approves each submission before it counts.",
    "文件有%(n)s处问题，没有保存任何数据": ("The file has %(n)s problem; nothing was saved",
                                  "The file has %(n)s problems; nothing was saved"),
    "文件（.xlsx 或 .csv）": "File (.xlsx or .csv)", "方面": "Work area", "时间": "Time", "期别": "Period",
    "本单位": "My unit", "本单位的目标": "This unit's targets", "本期": "this period ",
    "本期报送情况": "Reports for this period", "本期还没有报送": "Nothing reported for this period yet",
    "来源": "Source", "检查": "Check", "检查通过：将报送%(n)s条": "All good: %(n)s figures will be submitted",
    "比较": "Comparator",
    "没有保存报告原文（导入的是抽取结果），下面按提纲列出每个目标的原文摘录。":
        "The report's text was not stored (the plan was imported from extracted facts); each target's quote "
        "is listed by work area.",
    "没有待审核的报送。": "No submissions waiting.", "没有符合条件的目标": "No target matches",
    "没有需要报送的目标。": "No targets to report on.", "添加": "Add", "添加抽取遗漏的目标": "Add a target the extractor missed",
    "添加目标": "Add target", "添加遗漏的目标": "Add a missed target", "滞后的全部目标": "All targets behind",
    "演示数据：标“示例”的数值是生成的示例数据，不是公布的统计数。":
        "Demo data: figures marked “illustrative” are generated, not published statistics.",
    "牵头单位": "Lead unit", "牵头单位排行": "Lead units, ranked", "状态": "Status", "状态分布": "Status distribution",
    "理由": "Reason", "用户名": "Username", "用户名或密码不正确": "Wrong username or password",
    "略低于序时进度的全部目标": "All targets slightly behind", "登录": "Sign in", "登录落实": "Sign in to luoshi",
    "目标": "Target", "目标信息": "Target", "目标值": "Target value", "目标完成情况": "Progress on targets",
    "确认报送": "Confirm and submit", "示例": "illustrative", "示例数据": "illustrative", "第%(v)s版": "version %(v)s",
    "筛选": "Filter", "类型": "Kind", "系统导入": "import", "编号": "Code", "落后目标": "Targets behind",
    "落实": "luoshi", "角色": "Role", "计划": "Plans", "设为勾选目标的单位": "Set for the ticked targets",
    "评估日": "As of", "请修改后重新上传。": "Please correct the file and upload it again.", "请选择": "Choose",
    "责任单位": "Co-responsible units", "达标率": "On track",
    "达标率 = （达到序时进度 + 已完成）÷ 有数据的目标": "On track = (on track + achieved) ÷ targets with figures",
    "还没有导入计划。请运行": "No plan has been imported yet. Run", "还没有报送": "Nothing reported yet",
    "进展情况": "Progress", "进展情况、存在问题、下一步措施": "Progress, problems, next steps",
    "进展情况：": "Progress: ", "进度": "Progress", "退出": "Sign out", "退回": "Return",
    "退回理由": "Reason for returning", "退回理由：": "returned: ", "选择": "Select", "通过": "Approve",
    "预计": "Forecast", "任务": "Tasks", "本期尚未报送": "Not yet reported this period",
    "都已报送": "All reported", "年终评定": "Year-end evaluation", "下载 Excel": "Download Excel",
    "有全年结果的目标": "Targets with a full-year outcome", "评定": "Verdict", "全年实际": "Full year",
    "按牵头单位": "By lead unit", "重点任务分解表": "Task breakdown table", "督查通报": "Bulletin",
    "附件": "attachments", "跨年份、跨地区比较": "Across years and regions",
    "选择要比较的计划": "Plans to compare", "比较所选计划": "Compare", "至少选择两个计划。": "Choose at least two plans.",
    "删去": "dropped in",
    "高亮处是从原文中识别出的目标，颜色表示 %(day)s 的进度状态；点击查看目标。":
        "Highlighted: the targets found in the text, coloured by their status on %(day)s; click one to open it.",
    "跨年比较": "Compare", "无结果": "No outcome",
    # choices of the models
    "待审核": "submitted", "已审核": "approved", "已退回": "returned", "自动抽取": "extracted",
    "人工审核": "reviewed", "人工添加": "added by hand",
    # statuses, from luoshi.tracking
    "达到序时进度": "On track", "略低于序时进度": "At risk", "滞后": "Behind", "已完成": "Achieved",
    "未完成": "Missed", "无数据": "No data", "未到报送期": "Not due",
}

# The reporting calendar, the inbox, the 催报 list and reminders (luoshi/deadlines).
ENGLISH.update({
    "%(n)s 天": "%(n)s days", "一个目标（填编号）": "One target (give its code)", "保存": "Save", "修改": "Change",
    "修改后重新报送": "Correct and submit again", "催报": "Chase", "催报清单": "Figures to chase",
    "全部按默认": "All as by default", "全部逾期未报的见催报清单": "Every overdue figure is on the chase list",
    "剩余": "Left", "即将到期": "Due soon", "去审核": "Approve", "审核通过前不计入进度": "Does not count until approved",
    "导出 Excel": "Export to Excel", "已逾期": "Overdue", "待办": "To do", "情况": "State", "截止": "Due",
    "截止日": "Due day", "截止日期": "Due date", "截至 %(day)s": "as of %(day)s", "打印": "Print",
    "报送即将到期、已经逾期或被退回时，系统按这里的选择提醒你（每件事只提醒一次）。":
        "When a figure is due soon, overdue or returned, you are reminded the way you choose here (once for each).",
    "报送数": "Figure", "报送日历": "Reporting calendar", "报送频率": "Frequency", "接下来的截止日期": "Next due dates",
    "提醒方式": "Reminders", "提醒记录": "Reminders sent", "收件人": "To", "整个计划": "The whole plan",
    "方式": "By", "日期": "Date", "最近提醒": "Last reminded", "期后月数": "Months after the period",
    "本年度的报送都已到期": "Every figure of the year has fallen due",
    "每个目标每期以最后一个审核通过的数值计入进度；待审核的数值审核通过后才计入。":
        "For each target and period the last approved figure counts; a figure waiting counts once approved.",
    "没有": "None", "没有等待审核的数值": "No figures waiting for approval", "没有逾期未报的数据。": "Nothing is overdue.",
    "涉及 %(n)s 个单位": "from %(n)s units", "现行设置": "Settings in force", "目标编号": "Target code",
    "等待审核": "Waiting for approval", "类别": "Kind", "联络员：": "Liaisons: ",
    "被退回，请修改后重新报送": "Returned: correct and submit again", "计入进度的数值": "Figure that counts",
    "设置": "Set", "设置人": "Set by", "还没有发送过提醒（luoshi remind）": "No reminders sent yet (luoshi remind)",
    "适用于": "Applies to", "逾期天数": "Days late", "逾期未报 %(n)s 项，涉及 %(units)s 个单位。":
        "%(n)s figures overdue from %(units)s units.", "需要我处理的事项": "What needs me",
    "默认：月度数据在次月10日前报送；季度、年度发布的指标按季、按年报送。可以为整个计划、某个指标或某个目标另行设置；空白表示按上一级设置。":
        "By default a month's figure is due by the 10th of the next month; indicators published quarterly or "
        "yearly are reported so. The whole plan, an indicator or a target can be set otherwise; blank means "
        "as the level above.",
    "报送及时率": "On-time reporting", "按时": "On time", "逾期": "Late", "未报": "Missing", "应报": "Due",
    "月": "", "全年累计": "Year to date", "尚无到期的报送": "Nothing has fallen due yet",
    "报送及时率 = 按时报送 ÷ 已过截止日的应报数据（当年累计）":
        "On-time reporting = figures reported on time ÷ figures past their due date (year to date)",
    "按期末所在月份统计；报送及时率 = 按时报送 ÷ 已过截止日的应报数据。截止日见报送日历。":
        "By the month each period ends; on-time reporting = figures reported on time ÷ figures past their due "
        "date. Due dates are in the reporting calendar.",
})


def template_ids() -> set[str]:
    """Every message id the templates use, in Django's form (%(name)s for variables)."""
    ids: set[str] = set()
    for path in (ROOT / "luoshi" / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r'\{% translate "([^"]+)" %\}', text))
        for block in re.findall(r"\{% blocktranslate[^%]*%\}(.*?)\{% (?:plural|endblocktranslate) %\}", text):
            ids.add(re.sub(r"\{\{ (\w+) \}\}", r"%(\1)s", block))
    return ids


def catalogue() -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en",
                   "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for chinese, english in sorted(ENGLISH.items()):
        if isinstance(english, tuple):
            po.append(polib.POEntry(msgid=chinese, msgid_plural=chinese,
                                    msgstr_plural={0: english[0], 1: english[1]}))
        else:
            po.append(polib.POEntry(msgid=chinese, msgstr=english or " "))
    return po


if __name__ == "__main__":
    missing = template_ids() - set(ENGLISH)
    if missing:
        raise SystemExit(f"no English for: {sorted(missing)}")
    LOCALE.mkdir(parents=True, exist_ok=True)
    po = catalogue()
    po.save(str(LOCALE / "django.po"))
    po.save_as_mofile(str(LOCALE / "django.mo"))
    print(f"wrote {len(po)} messages to {LOCALE}")
