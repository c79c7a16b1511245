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
    # the reporting workflow (progress/workflow.py)
    "上年同期数": "Same period last year", "已撤回": "Withdrawn", "已被替换": "Replaced",
    "先检查整份文件，列出每个有问题的单元格；全部无误后再确认报送。文件不超过 %(limit_mb)s MB、%(max_rows)s 行，不能含公式和外部链接。":
        "The whole file is checked first and every problem cell is listed; confirm once all is well. At most "
        "%(limit_mb)s MB and %(max_rows)s rows, no formulas and no links to other workbooks.",
    "勾选": "Tick", "对照指标的同期数值（如全省平均增速）":
        "The compared figure for the same period (e.g. the provincial average growth)",
    "对照数": "Compared figure", "撤回": "Withdraw",
    "数值填1月至本期的累计数；增速填累计同比增速；节点类填 1 表示已完成、0 到 1 之间表示进度。报送后由督查室审核，审核通过才计入进度。同一期别再次报送会替换你待审核的数值。":
        "Enter the cumulative figure from January; growth as cumulative year-on-year growth; milestones 1 when "
        "done, between 0 and 1 for progress. The office approves a figure before it counts. Reporting the same "
        "period again replaces your pending figure.",
    "无": "none", "无（通过后计入本数）": "none (this one counts once approved)",
    "有疑问的（本人报送、同期多个数值、更正已审核数、滞后未说明）需逐条处理。":
        "Figures with a question (your own, several for one period, a correction, a lag unexplained) are "
        "approved one by one.",
    "未填写": "not given", "本期现计入：": "Counts now: ", "本期计入的数值：": "Counted for this period: ",
    "来源：": "Source: ",
    "每个期别以最后审核通过的数值为准（标“计入”）；待审核、已退回、已撤回和已被替换的数值不计入。":
        "For each period the last approved figure counts (marked “counts”); pending, returned, withdrawn and "
        "replaced figures do not.",
    "行": "Row", "计入": "counts", "进展情况、存在问题、下一步措施、来源": "Progress, problems, next steps, source",
    "通过全部无疑问的（%(n)s条）": "Approve all without questions (%(n)s)", "通过勾选的": "Approve the ticked",
    # an assessment's reason (luoshi/tracking/rules.py, said on the pages through tracking.words)
    "%(year)s年%(month)s月": "%(year)s-%(month)s", "%(year)s年1-%(last)s月": "%(year)s, months 1–%(last)s",
    "%(year)s年": "%(year)s", "%(year)s年%(first)s-%(last)s月": "%(year)s, months %(first)s–%(last)s",
    "%(period)s为%(actual)s%(unit)s": "%(period)s: %(actual)s%(unit)s",
    "%(period)s增长%(actual)s%(unit)s": "%(period)s: growth of %(actual)s%(unit)s",
    "%(period)s为%(actual)s，上年同期%(base)s": "%(period)s: %(actual)s, same period last year %(base)s",
    "%(period)s为%(actual)s，基期%(baseline)s，变动%(change)s个百分点":
        "%(period)s: %(actual)s, baseline %(baseline)s, a change of %(change)s percentage points",
    "%(period)s数值%(actual)s，但缺少上年同期数，无法判断升降":
        "%(period)s: %(actual)s, but without the figure of the same period last year the direction cannot be told",
    "%(period)s有本项数值%(actual)s，但缺少对照指标的数值，无法比较":
        "%(period)s: %(actual)s, but without the compared figure there is nothing to compare with",
    "%(period)s本项%(actual)s%(unit)s，对照指标%(reference)s":
        "%(period)s: this indicator %(actual)s%(unit)s, the compared one %(reference)s",
    "%(period)s累计%(actual)s%(unit)s，为目标%(target)s%(unit)s的%(completion)s":
        "%(period)s year to date %(actual)s%(unit)s, %(completion)s of the target %(target)s%(unit)s",
    "%(done)s；序时进度%(elapsed)s%(months)s": "%(done)s; time elapsed %(elapsed)s%(months)s",
    "（%(months)s/12个月）": " (%(months)s/12 months)", "（按上年各月占比）": " (by last year's monthly shares)",
    "%(basis)s。全年已完成目标（%(aim)s），差额%(margin)s":
        "%(basis)s. The year's target is met (%(aim)s), margin %(margin)s",
    "%(basis)s。全年未完成目标（%(aim)s），差额%(margin)s":
        "%(basis)s. The year's target is missed (%(aim)s), margin %(margin)s",
    "%(basis)s；%(pace)s。规则：%(rule)s": "%(basis)s; %(pace)s. Rule: %(rule)s",
    "超出序时进度%(gap)s个百分点": "%(gap)s points ahead of time elapsed",
    "低于序时进度%(gap)s个百分点": "%(gap)s points below time elapsed",
    "落后序时进度%(gap)s个百分点": "%(gap)s points behind time elapsed",
    "超序时进度%(gap)s个百分点": "%(gap)s points ahead of time elapsed",
    "累计完成率不低于序时进度为达到序时进度，落后%(band)s个百分点以内为略低于序时进度，更多为滞后":
        "year-to-date completion at least the time elapsed is on track, up to %(band)s points behind is slightly "
        "behind, more is behind",
    "不低于%(value)s": "at least %(value)s", "高于%(value)s": "above %(value)s", "%(value)s左右": "about %(value)s",
    "不高于%(value)s": "at most %(value)s", "达到%(value)s": "reach %(value)s", "%(value)s%(unit)s": "%(value)s%(unit)s",
    "不低于对照数": "at least the compared figure", "高于对照数": "above the compared figure",
    "与对照数同步": "in step with the compared figure", "不高于对照数": "at most the compared figure",
    "达到对照数": "reach the compared figure", "%(aim)s（±%(band)s）": "%(aim)s (±%(band)s)",
    "个百分点": " percentage points",
    "%(basis)s；目标%(aim)s。全年已完成，差额%(margin)s": "%(basis)s; target %(aim)s. Met for the year, margin %(margin)s",
    "%(basis)s；目标%(aim)s。全年未完成，差额%(margin)s":
        "%(basis)s; target %(aim)s. Missed for the year, margin %(margin)s",
    "符合目标要求": "meets the target", "方向与目标相反": "moving against the target",
    "差%(gap)s个百分点，在容差%(tolerance)s以内": "%(gap)s points short, within the tolerance of %(tolerance)s",
    "差%(gap)s个百分点，超过容差%(tolerance)s": "%(gap)s points short, beyond the tolerance of %(tolerance)s",
    "按最新累计数与目标比较，未达目标%(tolerance)s个百分点以内为略低，更多为滞后；全年按当前水平预计":
        "the latest year-to-date figure against the target: up to %(tolerance)s points short is slightly behind, "
        "more is behind; the year is forecast at the current level",
    "%(basis)s；目标%(aim)s；%(gap)s。规则：%(rule)s": "%(basis)s; target %(aim)s; %(gap)s. Rule: %(rule)s",
    "月度": "monthly", "季度": "quarterly", "年度": "yearly",
    "首个%(frequency)s数据应于%(due)s前后发布，尚未到报送期":
        "the first %(frequency)s figure is published around %(due)s; not due yet",
    "数据应于%(due)s前后发布，至今没有报送": "the figure was due around %(due)s and has not been reported",
    "目标值为空或为零，无法计算完成率": "the target has no value or zero: no completion rate can be worked out",
    "目标没有数值，无法比较": "the target has no value to compare with",
    "%(period)s报告已完成；时限%(deadline)s": "%(period)s: reported done; deadline %(deadline)s",
    "已过时限，未报告完成情况": "past the deadline, nothing reported",
    "未报告进展，时限未到": "no progress reported, the deadline is still ahead",
    "%(said)s（时限%(deadline)s）": "%(said)s (deadline %(deadline)s)",
    "%(period)s报告尚未完成（进度%(progress)s%%）": "%(period)s: not done yet (%(progress)s%% of the way)",
    "已超过时限%(days)s天": "%(days)s days past the deadline",
    "距时限仅%(days)s天（提醒期%(warning)s天）": "only %(days)s days to the deadline (warned %(warning)s days ahead)",
    "距时限还有%(days)s天": "%(days)s days to the deadline",
    "%(done)s；时限%(deadline)s，%(said)s": "%(done)s; deadline %(deadline)s, %(said)s",
    # the reporting pages' messages (progress/views.py)
    "%(problem)s；没有保存任何数值": "%(problem)s; nothing was saved", "已报送%(n)s条，等待督查室审核":
        "Figures submitted: %(n)s, waiting for the office's approval", "没有填写任何数值": "No figure was filled in",
    "已撤回 %(code)s %(period)s 的数值 %(value)s": "Withdrawn: %(code)s %(period)s, %(value)s",
    "已通过%(n)s条": "Approved: %(n)s", "%(code)s %(period)s 未通过：%(why)s": "%(code)s %(period)s not approved: %(why)s",
    # the workflow's refusals (progress/workflow.py, forms.py) and the figures' (tracking/figures.py)
    "期别“%(text)s”应写成 %(year)s-06、%(year)sQ2、%(year)sH1 或 %(year)s":
        "Write the period “%(text)s” as %(year)s-06, %(year)sQ2, %(year)sH1 or %(year)s",
    "期别 %(period)s 不在计划年度 %(year)s 年内：%(year)s 年的计划只收 %(year)s 年的数值":
        "The period %(period)s is not in the plan's year %(year)s: a %(year)s plan takes figures of %(year)s only",
    "数值%(problem)s": "Figure: %(problem)s", "对照数%(problem)s": "Compared figure: %(problem)s",
    "不超过 %(limit)s 字（现有 %(n)s 字）": "At most %(limit)s characters (%(n)s given)",
    "来源不超过 %(limit)s 字": "The source has at most %(limit)s characters",
    "这个目标要与另一数值比较：请填对照数（如同期全省平均增速、上年同期数）":
        "This target is compared with another figure: give the compared figure (e.g. the provincial average growth "
        "of the same period, or the same period last year)",
    "这个数值使目标滞后于序时进度：请写明存在问题和下一步措施":
        "This figure leaves the target behind time elapsed: write its problems and next steps",
    "这个数值使目标略低于序时进度：请写明存在问题和下一步措施（可以不写，再次提交即可）":
        "This figure leaves the target slightly behind time elapsed: write its problems and next steps (or submit "
        "again without them)",
    "目标 %(code)s 不属于你的单位，不能报送": "Target %(code)s is not your unit's: you cannot report it",
    "%(code)s %(period)s 的数值 %(value)s 已审核通过，本期已锁定；如需更正请联系督查室":
        "%(code)s %(period)s: %(value)s is approved and the period is locked; ask the office to correct it",
    "%(code)s %(period)s：在你填写期间，%(who)s已于%(when)s报送了 %(value)s（%(status)s）":
        "%(code)s %(period)s: while you were filling in, %(who)s reported %(value)s at %(when)s (%(status)s)",
    "；请核对后再次提交": "; check it and submit again",
    "他人": "someone else", "只能撤回自己报送的数值": "You can only withdraw figures you reported",
    "%(code)s %(period)s 是你自己报送的，须由督查室其他人审核（职责分离）":
        "%(code)s %(period)s is your own figure: someone else in the office approves it (separation of duties)",
    "退回时请写明理由": "Give a reason for returning it", "退回理由不超过 %(limit)s 字":
        "The reason has at most %(limit)s characters",
    "本人报送，须由他人审核": "your own figure: someone else approves it",
    "同一期别还有 %(n)s 个待审核数值，请逐个核对": "%(n)s more figures wait for the same period: check them one by one",
    "本期已有审核通过的数值 %(value)s，这是更正": "%(value)s is already approved for this period: this is a correction",
    "目标滞后，但没有写存在问题和下一步措施": "the target is behind, with no problems and next steps written",
    "%(code)s %(period)s 的数值已由%(who)s%(when)s处理为“%(status)s”，没有再改":
        "%(code)s %(period)s was already made “%(status)s” by %(who)s %(when)s; nothing was changed",
    "这个数值已不在待审核之列（可能已被他人处理）": "This figure no longer waits for approval (someone may have reviewed it)",
    "请先勾选要通过的数值": "Tick the figures to approve first",
    "“%(raw)s”不是数字": "“%(raw)s” is not a number",
    "“%(raw)s”不是有限的数值（无穷大或非数），只填实际的数字":
        "“%(raw)s” is not a finite number (infinity or not a number): give the real figure",
    "“%(raw)s”不是数字：只填数字，不带单位和“约”“超”等字":
        "“%(raw)s” is not a number: give digits only, without units or words such as 约 or 超",
    "“%(raw)s”超出了任何统计数的范围": "“%(raw)s” is beyond any statistic",
    "%(name)s超出了任何统计数的范围": "%(name)s is beyond any statistic",
    "节点类目标只能填 1（已完成）、0（未开始）或 0 到 1 之间的进度，不能填 %(value)s":
        "A milestone takes 1 (done), 0 (not begun) or the share done between 0 and 1, not %(value)s",
    "%(name)s %(value)s%% 低于 −100%%：比上年减少不会超过全部":
        "%(name)s %(value)s%% is below −100%%: nothing falls by more than all of it",
    "比率或占比不能为负数（填了 %(value)s%(unit)s）": "A rate or share cannot be negative (%(value)s%(unit)s given)",
    # the target page's facts and chart (plans/target.html, progress/charts.py)
    "是": "yes", "否": "no", "年底": "year end", "目录：": "catalogue: ",
    "累计完成与序时进度（虚线为年末预计）": "Year to date against time elapsed (dashed: forecast for the year end)",
    "累计数值与目标（虚线为年末预计）": "Year-to-date figure against the target (dashed: forecast for the year end)",
    "%(month)s月": "%(month)s",
    # an upload's problems (progress/sheets.py)
    "文件 %(size)s MB，超过 %(limit)s MB 的上限": "The file has %(size)s MB, over the limit of %(limit)s MB",
    "只能读取 .xlsx 或 .csv 文件": "Only .xlsx or .csv files can be read",
    "%(name)s 第%(row)s行": "%(name)s row %(row)s", "不是有效的 CSV（%(why)s）": "Not a valid CSV (%(why)s)",
    "解压后有 %(size)s MB，超过 %(limit)s MB 的上限（可能是压缩炸弹），没有读取":
        "Unpacked it has %(size)s MB, over the limit of %(limit)s MB (maybe a zip bomb); not read",
    "引用了外部工作簿（外部链接），请把数值粘贴为数值后再上传":
        "Links to another workbook (an external link): paste the figures as values and upload again",
    "工作表已损坏，无法读取；请用 Excel 重新保存": "The sheet is damaged and cannot be read: save it again in Excel",
    "含有 DTD（<!DOCTYPE>），为安全起见不予读取；请用 Excel 重新保存":
        "Holds a DTD (<!DOCTYPE>) and is not read, for safety: save it again in Excel",
    "文件已损坏，无法读取": "The file is damaged and cannot be read",
    "引用了外部工作簿（%(formula)s），请粘贴为数值后再上传":
        "Links to another workbook (%(formula)s): paste it as a value and upload again",
    "是公式（%(formula)s），请粘贴为数值后再上传": "Is a formula (%(formula)s): paste it as a value and upload again",
    "文件是空的": "The file is empty",
    "表头缺少列：%(columns)s（请使用 luoshi observations template 生成的模板）":
        "The header lacks the columns %(columns)s (use the template luoshi observations template makes)",
    "编号“%(code)s”不是计划 %(plan)s 的目标": "“%(code)s” is no target of the plan %(plan)s",
    "单位“%(unit)s”与目标的单位“%(wanted)s”不一致": "The unit “%(unit)s” is not the target's unit “%(wanted)s”",
    "（无）": "(none)", "与第%(row)s行重复：同一目标同一期别只能填一次":
        "The same as row %(row)s: one figure for a target and period only",
    "超过 %(limit)s 行的上限，没有读取": "Over the limit of %(limit)s rows; not read",
    "不是有效的 Excel .xlsx 文件，或文件已损坏": "Not a valid Excel .xlsx file, or the file is damaged",
    # the bulletins page (documents)
    "一、总体情况（由数据生成，可修改；一段一行）": "1. Overall situation (made from the figures, editable; one paragraph a line)",
    "下一个文号": "Next number", "保存文字": "Save the text", "保存设置": "Save the settings",
    "印发后文件和数据存档，以后数据变化不影响已印发的通报。":
        "Issuing keeps the files and their figures; later changes of figures never change an issued bulletin.",
    "发文字号": "Document number",
    "已使用督查室修改的文字；清空后保存即恢复生成的文字。":
        "The office's own wording is used; save it empty to go back to the generated text.",
    "已印发的通报": "Issued bulletins", "文件": "Files", "查看": "Show", "标题": "Title", "签发人": "Issued by",
    "签发时间": "Issued at", "编号印发": "Number and issue", "草稿（未编号）": "Draft (not numbered)",
    "还没有印发过通报。": "No bulletin has been issued yet.",
    "通报设置（每个计划设一次）": "Bulletin settings (once per plan)",
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
    # kinds and comparators, from luoshi.extract.model
    "增速": "growth", "总量或水平": "amount or level", "变化幅度": "change", "与其他指标比较": "relative to another indicator",
    "变化方向": "direction", "节点任务": "milestone", "不低于（以上）": "at least", "超过（突破）": "above",
    "左右": "about", "不超过（以内）": "at most", "达到": "reach",
    # forms and messages of the pages
    "目标上限": "Upper bound", "修改理由": "Reason for the change",
    "会记入修改历史，例如“原文为‘突破’，应为超过”": "Kept in the change history, e.g. “the text says 突破, so: above”",
    "会记入修改历史": "Kept in the change history", "合并进来的目标编号": "Code of the target to merge into this one",
    "已删除目标 %(code)s": "Target %(code)s deleted", "已拆分出目标 %(code)s，请分别修改": "Split off target %(code)s; edit each",
    "计划中没有编号为“%(code)s”的目标": "The plan has no target with the code “%(code)s”",
    "已把 %(other)s 合并到 %(code)s": "Merged %(other)s into %(code)s", "删除目标": "Delete target",
    "拆分目标": "Split target", "合并目标": "Merge targets", "工作方面": "Work area", "任务（可空）": "Task (optional)",
    "原文摘录": "Quote from the report", "已添加目标 %(code)s": "Target %(code)s added",
    "不变": "unchanged", "责任单位（可多选）": "Co-responsible units (several)",
    "设为勾选任务和目标的单位": "Set for the ticked tasks and targets",
    "勾选一项任务，它的全部目标也一并设置。": "Ticking a task sets all of its targets too.",
    "请勾选任务或目标，并选择牵头单位或责任单位": "Tick tasks or targets and choose a lead unit or co-units",
    "牵头单位设为%(unit)s": "lead unit: %(unit)s", "责任单位增加%(units)s": "co-units added: %(units)s",
    "已为%(tasks)s项任务、%(targets)s个目标：%(what)s": "For %(tasks)s tasks and %(targets)s targets: %(what)s",
    "；": "; ",
    # the office's administration pages (luoshi/*/manage.py)
    '%(plan)s：按关键词为%(n)s个目标指定了牵头单位，还有%(left)s个目标没有牵头单位': '%(plan)s: lead units set by keyword for %(n)s targets; %(left)s targets still have no lead unit',
    '上传后先预览抽取出的提纲和目标，确认后才保存；同一计划的新文件会先列出与当前版本的差异。文件至多 %(mb)s MB。': 'After uploading you preview the outline and targets found; nothing is stored until you confirm. A new file of a stored plan first lists its differences from the current version. At most %(mb)s MB.',
    '上传并预览': 'Upload and preview',
    '上传报告': 'Upload a report',
    '上级': 'Parent unit',
    '不是有效的 .docx 文件': 'not a valid .docx file',
    '不能停用自己的账号': 'You cannot deactivate your own account',
    '与当前第%(v)s版的差异': 'Differences from the current version %(v)s',
    '两次输入的密码不一致': 'The two passwords differ',
    '为还没有牵头单位的目标，按各单位的牵头关键词指定牵头单位；人工指定的分工不会改变。': 'Give targets without a lead unit the unit whose keywords they contain; assignments people made are never changed.',
    '从 Excel 导入单位表': 'Import the unit list from Excel',
    '作废': 'Revoke',
    '修改单位': 'Edit unit',
    '修改的目标': 'Changed targets',
    '停用账号': 'Deactivate',
    '先建立单位': 'set up the units first',
    '全部单位': 'All units',
    '全部账号': 'All accounts',
    '再输一次密码': 'Password again',
    '再预览': 'Preview again',
    '分派': 'Assign',
    '删去的目标': 'Removed targets',
    '单位表（.xlsx）': 'Unit list (.xlsx)',
    '原文': 'Text',
    '只能上传 .docx、.pdf、.txt 或 .html 文件（旧版 .doc 请另存为 .docx）': 'Only .docx, .pdf, .txt or .html files (save an old .doc as .docx)',
    '名称': 'Name',
    '在用': 'Active',
    '地区': 'Region',
    '地区（可空，默认按报告）': 'Region (optional; default: as the report says)',
    '坚持导入：确属同一计划的新版本': 'Insist: this is a new version of the same plan',
    '对应目标的进度数据和分工随之转过去；没有对应目标的留在原版本，再次切换时找得回来。': 'Figures and assignments of matching targets go along; those without a match stay with their version and come back if you switch again.',
    '导入': 'Import',
    '导入时间': 'Imported',
    '将成为第%(v)s版': 'becomes version %(v)s',
    '将要保存': 'To be stored',
    '已从表格新建%(n)s个单位（已有的单位不变）': 'Created %(n)s units from the sheet (existing units unchanged)',
    '已作废一个接口令牌': 'An API token was revoked',
    '已保存单位 %(name)s': 'Unit %(name)s saved',
    '已停用': 'deactivated',
    '已停用 %(name)s：不能再登录，接口令牌失效': '%(name)s deactivated: can no longer sign in, API tokens stop working',
    '已启用 %(name)s': '%(name)s reactivated',
    '已导入的计划': 'Plans imported',
    '已新建单位 %(name)s': 'Unit %(name)s created',
    '已新建用户 %(name)s（%(role)s）': 'User %(name)s created (%(role)s)',
    '已重设 %(name)s 的密码': 'Password of %(name)s reset',
    '年份': 'Year',
    '年份（可空，默认按报告）': 'Year (optional; default: as the report says)',
    '建立时间': 'Created',
    '当前版本': 'current version',
    '所属单位': 'Unit',
    '所属单位（联络员必填）': 'Unit (required for a liaison)',
    '把第%(v)s版设为当前版本（现为第%(c)s版）': 'Make version %(v)s current (now version %(c)s)',
    '报告文件（.docx .pdf .txt .html）': 'Report file (.docx .pdf .txt .html)',
    '按关键词分派牵头单位': 'Assign lead units by keyword',
    '接口令牌': 'API tokens',
    '提纲': 'Outline',
    '文件': 'File',
    '文件 %(mb).1f MB，超过 %(limit)s MB 的上限': 'The file is %(mb).1f MB, over the %(limit)s MB limit',
    '文件超过 %(mb)s MB 的上限': 'The file is over the %(mb)s MB limit',
    '文字超过 %(n)s 字，不像一份工作报告': 'more than %(n)s characters of text: not a work report',
    '新增的目标': 'Added targets',
    '新建': 'Create',
    '新建单位': 'New unit',
    '新建账号': 'New account',
    '最近登录': 'Last sign-in',
    '来源文件': 'Source file',
    '没有命中关键词的目标由谁牵头（可空）': 'Lead unit of targets no keyword names (optional)',
    '没有找到任何目标': 'No targets found',
    '没有接口令牌': 'No API tokens',
    '没有识别出工作方面': 'No work areas found',
    '没有读到任何文字（扫描件的 PDF 需要先转成文字）': 'no text found (a scanned PDF must be converted to text first)',
    '注意': 'Warnings',
    '版本': 'Version',
    '版本与回退': 'Versions',
    '牵头关键词': 'Lead keywords',
    '用户': 'Users',
    '用户 %(name)s 已经存在': 'User %(name)s already exists',
    '用户名只能用字母、数字和 @ . + - _': 'A username may hold only letters, digits and @ . + - _',
    '用途': 'Purpose',
    '用顿号或逗号分开，例如：投资、项目。目标或任务含有这些词时，默认由本单位牵头': 'Separated by 、 or commas, e.g. 投资、项目. A target or task containing one of these words is led by this unit by default.',
    '督查室账号可以管理用户、单位和计划；联络员只看到并报送本单位的目标；领导只看不报。': "Office accounts manage users, units and plans; a liaison sees and reports only their unit's targets; leaders only read.",
    '确认后保存；对应目标的进度数据和分工随之转入新版本。': 'Stored once you confirm; figures and assignments of matching targets move to the new version.',
    '确认回退': 'Confirm',
    '确认导入': 'Confirm import',
    '第一行是表头：%(columns)s；上级写在下级之前；至多 %(rows)s 行、%(mb)s MB。已有的单位不变；有任何错误时一个也不导入。': 'The first row is the header: %(columns)s; a parent comes before its children; at most %(rows)s rows and %(mb)s MB. Existing units stay as they are; with any error nothing is imported.',
    '简称': 'Short name',
    '管理': 'Administration',
    '类别': 'Kind',
    '系统管理员': 'superuser',
    '联络员': 'Liaisons',
    '联络员必须属于一个单位': 'A liaison must belong to a unit',
    '解压后超过 50 MB，像是压缩炸弹，没有读取': 'over 50 MB once unzipped: looks like a zip bomb, not read',
    '计划代号': 'Plan code',
    '计划和版本': 'Plans and versions',
    '设为当前版本…': 'Make current…',
    '账号': 'Account',
    '还没有单位：逐个新建，或上传单位表。': 'No units yet: create them one by one or upload a unit list.',
    '还没有导入计划。': 'No plan has been imported yet.',
    '还没有联络员': 'No liaison yet',
    '这份文件与当前版本对得上的目标很少，不像同一计划的新版本。确属同一计划时，勾选“坚持导入”。': 'Few targets of this file match the current version: it does not look like a new version of the same plan. If it is one, tick “Insist”.',
    '这份文件已经导入过（第%(v)s版），不会重复保存。': 'This file was imported before (version %(v)s); it is not stored twice.',
    '重新启用': 'Reactivate',
    '重设密码': 'Reset password',
    '预览': 'Preview',
    "表格有%(n)s处问题，没有导入任何单位": ("The sheet has %(n)s problem; no unit was imported",
                                  "The sheet has %(n)s problems; no unit was imported"),
    # choices of the reporting calendar's models (luoshi.deadlines)
    "不提醒": "no reminders", "企业微信群机器人": "WeCom group robot", "钉钉群机器人": "DingTalk group robot",
    "电子邮件": "e-mail", "即将到期": "due soon", "已逾期": "overdue", "被退回": "returned",
    # choices of the models
    "待审核": "submitted", "已审核": "approved", "已退回": "returned", "自动抽取": "extracted",
    "人工审核": "reviewed", "人工添加": "added by hand",
    # statuses, from luoshi.tracking
    "达到序时进度": "On track", "略低于序时进度": "At risk", "滞后": "Behind", "已完成": "Achieved",
    "未完成": "Missed", "无数据": "No data", "未到报送期": "Not due",
    # error pages, one's account, logins locked, API tokens
    "页面不存在": "Page not found", "没有找到这个页面：地址可能输错了，或者它已被删除。":
        "There is no such page: the address may be mistyped, or the page was removed.",
    "没有权限": "Not allowed", "你的账号不能打开这个页面。": "Your account cannot open this page.",
    "出错了": "Something went wrong",
    "服务器处理这个请求时出了错，已经记录下来。请稍后再试；问题一直存在时，请联系督查室。":
        "The server failed to handle this request; it has been logged. Please try again later, "
        "and tell the office if it keeps happening.",
    "请求有误": "Bad request", "这个请求无法处理：地址或提交的内容不完整或不正确。":
        "This request cannot be handled: the address or what was sent is incomplete or wrong.",
    "页面已过期或来自别的网站：请刷新页面后重新提交。":
        "The page has expired or came from another site: reload it and submit again.",
    "回到首页": "Home", "登录": "Sign in",
    "暂时不能登录": "Signing in is locked for now",
    "密码连续输错 %(n)s 次，这个账号或这台电脑的登录已暂时锁定。":
        "After %(n)s wrong passwords in a row, this account or this computer is locked for now.",
    "锁定到时自动解除，": "The lock lifts by itself after a while, ",
    "或请督查室在“登录锁定”页面解除锁定。": "or the office can lift it on its “Locked logins” page.",
    "我的账号": "My account", "修改密码": "Change password",
    "登录锁定与全部令牌": "Locked logins and all tokens", "登录锁定与令牌": "Locked logins and tokens",
    "修改密码后，原来的接口令牌全部作废。": "Changing the password revokes all your API tokens.",
    "接口令牌": "API tokens",
    "程序调用接口（/api/）时用令牌代替密码：请求头 Authorization: Bearer 令牌。":
        "Programs use a token instead of a password for the API (/api/): header Authorization: Bearer TOKEN.",
    "新令牌（只显示这一次，请现在复制保存）：": "New token (shown only this once: copy it now):",
    "新建令牌": "New token", "用户": "User", "用途": "Purpose", "创建时间": "Created", "有效期至": "Expires",
    "最近使用": "Last used", "未使用": "Never used", "状态": "State", "作废": "Revoke",
    "还没有令牌。": "No tokens yet.", "有效": "valid", "已过期": "expired", "已作废": "revoked",
    "本人作废": "revoked by its owner", "督查室作废": "revoked by the office", "密码已修改": "password changed",
    "有效天数": "Valid for (days)", "例如：统计局数据自动报送": "e.g. figures sent by the statistics bureau",
    "令牌已作废": "Token revoked", "密码已修改；原来的接口令牌已全部作废": "Password changed; your API tokens are revoked",
    "新密码至少12位，不能是常见密码、不能全是数字、不能和用户名相似。":
        "At least 12 characters; not a common password, not all digits, not like the user name.",
    "最近输错密码的登录": "Recent wrong passwords",
    "同一账号或同一地址连续输错 %(limit)s 次即暂时锁定，到时自动解除；也可以在这里立即解除。":
        "%(limit)s wrong passwords for one account or from one address lock it for a while; "
        "the lock lifts by itself, or here at once.",
    "用户名": "User name", "地址": "Address", "输错次数": "Wrong passwords", "最近一次": "Last",
    "已锁定": "locked", "未锁定": "not locked", "解除锁定": "Unlock", "没有输错密码的记录。": "No wrong passwords.",
    "密码太短：至少要有 %(n)s 个字符。": "This password is too short: it needs at least %(n)s characters.",
    "密码至少要有 %(n)s 个字符。": "A password needs at least %(n)s characters.",
    "全部接口令牌": "All API tokens", "已解除 %(who)s（%(where)s）的登录锁定": "Unlocked %(who)s (%(where)s)",
    # outcomes: results stated in the next year's report
    "上传下一年的政府工作报告（或统计公报），系统读出回顾部分陈述的结果，逐条对应本计划的目标；督查室确认后才记录，年终评定只用已确认的同一指标结果。":
        "Upload the next year's work report (or a statistical bulletin): luoshi reads the results its review "
        "states and matches them to this plan's targets one by one. Nothing is recorded until the office "
        "confirms; the year-end evaluation uses confirmed results of the same indicator only.",
    "决定": "Decision", "同一指标": "Same indicator", "否决": "Reject", "确认": "Confirm",
    "回顾部分陈述结果%(n)s条": "The review states %(n)s results",
    "对应关系": "Match", "对应本计划目标：同一指标%(same)s条，相关指标%(related)s条。":
        "matched to this plan's targets: %(same)s on the same indicator, %(related)s on a related one. ",
    "已上传的报告": "Reports uploaded", "已确认的结果": "Confirmed results", "年度结果": "Results",
    "报告文件（.txt、.docx、.pdf、.html）": "Report file (.txt, .docx, .pdf, .html)",
    "报告没有陈述与本计划目标对应的结果": "The report states no result for this plan's targets",
    "报告陈述的结果": "Result stated in the report", "文件无法读取，没有保存任何内容": "The file cannot be read; nothing was kept",
    "未选择的条目不记录。": "Rows left unchosen are not recorded.", "核对报告陈述的结果": "Check the results a report states",
    "相关指标的结果只供参考，确认后也不计入评定。":
        "A result on a related indicator is shown for reference only; even confirmed, it does not count in the evaluation.",
    "相关指标（不计入评定）": "Related indicator (not counted)", "确认人": "Confirmed by", "结果原文": "Result as written",
    "计划的承诺": "The plan's promise", "记录所选决定": "Record the decisions chosen", "读取结果": "Read the results",
    "还没有确认任何结果": "No result confirmed yet",
    "只有相关指标结果的目标（不计入评定）": "Targets with a result on a related indicator only (not judged)",
    "部分完成": "Partly met", "仅有相关结果": "Related result only",
    "已确认": "Confirmed", "已否决": "Rejected",
    "上年未完成": "missed the year before", "按此结果年终评定": "Year-end verdict on this outcome",
    "报告名称（用作结果的来源；空白时用文件中的标题或文件名）":
        "Report title (names the results' source; if blank, the file's own title or its name)", "目标与结果": "Targets and outcomes", "结果": "Outcome",
    "每一年：目标，以及年终评定依据的结果（附来源）。": "Each year: the target, and the outcome the evaluation judged it on (with its source).",
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


# The English UI's leftovers: model and form labels and help (the forms of the calendar, reminders, bulletin
# settings, units and users), refusals (403 pages), messages after a change, the outcomes and the comparison.
ENGLISH.update({
    # refusals and missing pages (accounts/access.py, views)
    "请先登录": "Please sign in first", "这个账号还没有分配角色，请联系督查室": "This account has no role yet: ask the office",
    "只有督查室可以进行这项操作": "Only the office can do this", "领导账号只能查看，不能报送": "A leader's account can look but not report",
    "只能查看本单位的页面": "You can see your own unit's pages only", "这个目标不属于你的单位": "This target is not your unit's",
    "只有单位联络员和督查室可以报送": "Only liaisons and the office report figures",
    "计划 %(plan)s 没有编号为 %(code)s 的目标": "The plan %(plan)s has no target %(code)s",
    "没有这个操作": "No such action", "没有这种格式": "No such format", "公开页面未开启": "The public page is not switched on",
    "全市的分解表和评定由督查室和领导查看": "The whole city's breakdown and evaluation are for the office and leaders",
    # roles, units, users (accounts/models.py, units/models.py)
    "督查室（牵头部门）": "Office (lead department)", "单位联络员": "Unit liaison", "领导": "Leader", "用户角色": "User role",
    "督查室": "the office", "作废时间": "Revoked at", "作废原因": "Why revoked",
    "人民政府": "Government", "部门": "Department", "县（市、区）": "County (city, district)",
    "目标或任务含有这些词时，默认由本单位牵头": "A target or task containing one of these words is led by this unit by default",
    "停用的单位不再出现在分工和新账号的选择中；已有的分工和数据保留":
        "An inactive unit is no longer offered for assignments or new accounts; its assignments and figures are kept",
    "依据": "Basis", "自动分派时命中的关键词；人工分派时为空": "The keyword matched when assigned automatically; blank when by hand",
    # plans (plans/models.py)
    "%(region)s%(year)s年 %(title)s（第%(version)s版）": "%(region)s %(year)s %(title)s (version %(version)s)",
    "代号": "Code", "计划版本": "Plan version", "文件名": "File name", "空白表示只保存了抽取结果，没有原文":
        "Blank when only the extracted targets were kept, without the text",
    "待确认的报告": "Report waiting for confirmation", "别名": "Aliases",
    "报告中出现的其他写法，用于自动对应": "Other ways reports write it, for matching automatically", "方向": "Direction",
    "越高越好": "higher is better", "越低越好": "lower is better", "越接近越好": "closer is better",
    "发布频率": "Published", "指标目录": "Indicator catalogue", "方面.任务.序号，例如 3.2.1": "area.task.number, e.g. 3.2.1",
    "指标（原文）": "Indicator (as written)", "目录指标": "Catalogue indicator", "关系或方向": "Relation or direction",
    "基期值": "Baseline", "季节占比": "Seasonal shares", "上年1-12月各月占比": "Each month's share of last year",
    "原文起点": "Quote start", "原文终点": "Quote end", "下降": "Decrease", "序号": "Number",
    "新增%(added)s个、删去%(removed)s个、修改%(changed)s个目标，%(unchanged)s个未变":
        "%(added)s targets added, %(removed)s removed, %(changed)s changed, %(unchanged)s unchanged",
    "不能把目标合并到它自己": "A target cannot be merged into itself", "只能合并同一计划中的目标": "Only targets of one plan can be merged",
    "状态由“%(before)s”变为“%(after)s”": "status from “%(before)s” to “%(after)s”",
    "状态仍为“%(after)s”": "status still “%(after)s”", "%(figures)s；%(status)s": "%(figures)s; %(status)s",
    # figures (progress/models.py, workflow.py, views.py)
    "只存一种写法：2024-06、2024Q2、2024H1 或 2024": "Stored one way only: 2024-06, 2024Q2, 2024H1 or 2024",
    "累计数": "Cumulative", "关系类目标的对照指标数值，或方向类目标的上年同期数":
        "The compared indicator's figure for a relation target, or last year's for a direction target",
    "演示用的生成数据，不是公布的统计数": "Made up for the demo, not a published statistic",
    "报送时间": "Reported at", "审核人": "Approved by", "审核时间": "Approved at", "进度数据": "Progress figures",
    "数据版本": "Data version", "数据变更": "Data changes", "通过全部无疑问的": "Approve all without questions",
    "第%(n)s行: %(problem)s": "Row %(n)s: %(problem)s",
    "%(name)s: 文件超过 %(mb)s MB 的上限，没有读取": "%(name)s: the file is over the limit of %(mb)s MB and was not read",
    "%(name)s: 目标 %(codes)s 不属于你的单位，不能报送":
        "%(name)s: the targets %(codes)s are not your unit's and cannot be reported by you",
    "%(code)s 已有审核通过的进度数据，不能删除；如是重复目标，请合并到另一目标":
        "%(code)s has approved figures and cannot be deleted; if it repeats another target, merge it into that one",
    "%(code)s 还有 %(n)s 个待审核的数值（%(periods)s）：请先审核、退回或由报送人撤回，再删除":
        "%(code)s still has %(n)s figures waiting for approval (%(periods)s): approve or return them, or let "
        "their reporter withdraw them, then delete",
    "移入 %(n)s 个数值": "%(n)s figures moved",
    "；%(periods)s 两者都有审核通过的数值，以保留目标的为准（另一数值标为已被替换）":
        "; %(periods)s: both had an approved figure, the kept target's counts (the other is marked replaced)",
    # the reporting calendar and reminders (deadlines)
    "按上级设置": "As the level above", "截止日应为 1 到 31 之间的整数（超过当月天数按月末计）":
        "The due day is a whole number from 1 to 31 (past the month's last day means its last day)",
    "期后月数应为 0 到 12": "Months after the period: 0 to 12", "已删除这条设置，改按上级设置":
        "Setting deleted: the level above applies", "请选择一个指标，或填写本计划中存在的目标编号":
        "Choose an indicator, or give the code of a target of this plan", "报送日历已保存": "Reporting calendar saved",
    "每期结束后第几个月的几号": "The day of the month, so many months after the period ends",
    "1 表示下个月，0 表示本期最后一个月": "1 for the next month, 0 for the period's last month",
    "设置时间": "Set at", "报送日历设置": "Reporting calendar setting",
    "电子邮件地址": "E-mail address", "机器人 Webhook 地址": "Robot's webhook address",
    "群机器人设置里的 Webhook 地址": "The webhook address in the group robot's settings", "加签密钥": "Signing secret",
    "钉钉机器人“加签”安全设置的密钥（SEC 开头）；企业微信不需要":
        "The secret of the DingTalk robot's signing security setting (starts with SEC); WeCom needs none",
    "选择电子邮件提醒时请填写邮件地址": "Give an e-mail address to be reminded by e-mail",
    "选择群机器人提醒时请填写机器人的 Webhook 地址": "Give the robot's webhook address to be reminded by a group robot",
    "Webhook 地址应以 https:// 开头": "A webhook address starts with https://",
    "提醒方式已保存：%(channel)s": "Reminders saved: %(channel)s", "发送时间": "Sent at",
    "（未分派）": "(not assigned)", "被退回：%(why)s": "Returned: %(why)s",
    # the bulletin's settings and page (reports)
    "计划代码": "Plan code", "发文机关": "Issuing office", "版头的发文机关标志，如：××市人民政府督查室":
        "The issuing office as the letterhead names it (in Chinese)", "文号前缀": "Number prefix",
    "如：金政督": "The prefix of the document number (in Chinese)", "下一个文号": "Next number",
    "下一期通报的顺序号": "The sequence number of the next bulletin", "主送": "Addressed to",
    "如：各县（市、区）人民政府，市政府各部门": "The main recipients (in Chinese), e.g. the county governments and city departments",
    "抄送": "Copied to", "如：市委办公室，市人大常委会办公室": "Who gets copies (in Chinese)", "署名": "Signed by",
    "空着时用发文机关": "Blank: the issuing office", "印发机关": "Printed by", "通报设置": "Bulletin settings",
    "总体情况": "Overall situation", "一段一行": "One paragraph a line", "修改时间": "Changed at",
    "通报文字": "Bulletin text", "文号年份": "Number's year", "顺序号": "Sequence number", "数据": "Data",
    "通报依据的每个目标的数据和状态、总体情况文字": "Each target's figures and status the bulletin is based on, and its text",
    "Word 文件": "Word file", "PDF 文件": "PDF file", "附件 Excel 文件": "Attachments' Excel file", "已印发通报": "Issued bulletin",
    "已保存通报设置": "Bulletin settings saved", "已保存%(period)s通报的总体情况文字": "Saved the overall text of the %(period)s bulletin",
    "已印发：%(reference)s": "Issued: %(reference)s", "期别有误：%(problem)s": "Wrong period: %(problem)s",
    "草稿（未编号）：": "Draft (not numbered): ", "下一个文号：": "Next number: ",
    # outcomes (outcomes/models.py, views.py, reading.py)
    "上传人": "Uploaded by", "上传时间": "Uploaded at", "对照的计划": "Plan compared", "文件摘要": "File digest",
    "结果来源文件": "Source of outcomes", "对应依据": "Why matched", "结果类型": "Kind of outcome", "限定": "Qualifier",
    "空白表示是否类结果（已完成）": "Blank for a done-or-not outcome (done)",
    "超/突破（>）、近/约（≈）、以下（<=）": "over (>), about (≈), at most (<=)", "确认时间": "Confirmed at",
    "请选择一个报告文件": "Choose a report file",
    "%(name)s: 只能读取 .txt、.docx、.pdf 或 .html 文件": "%(name)s: only .txt, .docx, .pdf or .html files can be read",
    "%(name)s: 文件超过 20 MB，不像一份工作报告": "%(name)s: over 20 MB, this is not a work report",
    "没有选择任何一条，什么也没有记录": "Nothing was chosen; nothing was recorded",
    "%(problem)s；什么也没有记录": "%(problem)s; nothing was recorded",
    "已确认%(confirmed)s条，否决%(rejected)s条": "Confirmed: %(confirmed)s, rejected: %(rejected)s",
    "报告中没有这些对应：%(keys)s": "The report has no such matches: %(keys)s",
    "同一条对应不能既确认又否决：%(keys)s": "A match cannot be both confirmed and rejected: %(keys)s",
    # the comparison across years (reports/comparison.py; the change words through {% translate cell.change %})
    "%(indicator)s：目标与结果（%(unit)s）": "%(indicator)s: targets and outcomes (%(unit)s)", "无单位": "no unit",
    "新增": "new", "持平": "unchanged", "提高": "raised", "降低": "lowered", "调整": "reworded",
    # why the reader matched an outcome (outcomes/why.py: the reader's phrases said again)
    "目录指标相同：%(name)s": "same catalogue indicator: %(name)s",
    "结果复述了节点目标的名称（%(share)s）": "the outcome restates the milestone's name (%(share)s)",
    "指标名称相同": "same indicator name", "指标名称相近（%(share)s）": "similar indicator names (%(share)s)",
    "口径不同（结果：%(outcome)s，目标：%(target)s）": "counted differently (outcome: %(outcome)s, target: %(target)s)",
    "未说明": "not said", "累计": "cumulative", "建设": "built",
    "结果是增速，目标是总量或水平": "the outcome is a growth rate, the target a total or level",
    "结果是总量或水平，目标是增速": "the outcome is a total or level, the target a growth rate",
    "单位不同（结果%(outcome)s，目标%(target)s）": "different units (outcome %(outcome)s, target %(target)s)",
    "%(how)s，但%(but)s": "%(how)s, but %(but)s", "；另有更贴近的结果或目标": "; another outcome or target is closer",
    # an outcome's kind (the reader's labels, through the model's choices), and the year-end evaluation's notes
    "变化": "change", "数量": "count", "排名": "rank", "是否完成": "done or not",
    "相关指标，不计入评定：%(source)s%(quotes)s": "Related indicator, not judged: %(source)s%(quotes)s",
    "相关指标，不计入评定（%(note)s）：%(source)s%(quotes)s":
        "Related indicator, not judged (%(note)s): %(source)s%(quotes)s",
    "节点目标需要是否完成的结果": "a milestone needs a done-or-not outcome", "结果没有数值": "the outcome has no figure",
    "缺少同年地区生产总值增速的结果，无法比较是否同步":
        "without the year's confirmed GDP growth, keeping pace with it cannot be judged",
    "单位无法换算": "the units cannot be converted",
})


def template_ids() -> set[str]:
    """Every message id the templates and the code use, in Django's form (%(name)s for variables):
    template tags, gettext calls with a literal in luoshi's Python, and the core's labels."""
    from luoshi.extract.model import COMPARATOR_LABELS, KIND_LABELS

    ids: set[str] = {*KIND_LABELS.values(), *COMPARATOR_LABELS.values()}
    for path in (ROOT / "luoshi").rglob("*.py"):
        if "migrations" not in path.parts:
            ids.update(re.findall(r'\b(?:_|gettext|gettext_lazy|words)\(\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    for path in (ROOT / "luoshi" / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r'\{% translate "([^"]+)" %\}', text), re.findall(r"\{% translate '([^']+)' %\}", text),
                   re.findall(r'\b_\("([^"]+)"\)', text))
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
