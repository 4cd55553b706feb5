/* i18n.c - the report's message catalogs: English and Chinese, one table
 * each, indexed by rc_msg. A template's "{N}" is the caller's N-th argument. */
#include "i18n.h"

#include <stdio.h>
#include <string.h>

/* ---- English ------------------------------------------------------------------------ */

static const char *const msg_en[RC_M_COUNT] = {
    [RC_M_DOC_TITLE] = "Schedule and cost risk report",
    [RC_M_FORECAST_AT] = "Forecast as of {1}, from the plan and its risk register.",
    [RC_M_PLAN_FROM] = "Forecast for the plan starting {1}, from the plan and its risk register.",
    [RC_M_UNNAMED] = "Unnamed project",
    [RC_M_MITIGATED_RUN] = "These figures assume that every planned mitigation is carried out.",
    [RC_M_FOOTER] = "Figures from a Monte Carlo simulation of the plan and its risks.",
    [RC_M_NO_CHART] = "(chart not available)",

    [RC_M_H_ANSWER] = "The answer",
    [RC_M_ANS_FINISH] = "We have {1} of finishing by {2}; the plan's own date of {3} has {4}.",
    [RC_M_ANS_COST] = "We have {1} of the cost staying within {2}; the plan's own cost of {3} has {4}.",
    [RC_M_ANS_MIDDLE] = "The middle outcome, as likely to be better as worse, is a finish on {1} at a cost of {2}.",
    [RC_M_ANS_DEADLINE] = "We have {1} of meeting the deadline of {2}.",
    [RC_M_ANS_BUDGET] = "We have {1} of staying within the budget of {2}.",
    [RC_M_ANS_JOINT] = "We have {1} of meeting both the deadline and the budget.",
    [RC_M_TH_PLAN] = "The plan",
    [RC_M_TH_P50] = "Middle (P50)",
    [RC_M_TH_PC] = "Safe (P{1})",
    [RC_M_ROW_FINISH] = "Finish date",
    [RC_M_ROW_DAYS] = "Working days",
    [RC_M_ROW_COST] = "Cost",
    [RC_M_NOTE_PCT] = "How to read this: P{1} means that in {1} of every 100 simulated outcomes the project "
                      "finished by that date, or cost that much or less. The plan is the schedule with every "
                      "task at its most likely length and no risk happening.",

    [RC_M_CHANCE_A] = "a {1} in {2} chance",
    [RC_M_CHANCE_AN] = "an {1} in {2} chance",
    [RC_M_CHANCE_NONE] = "almost no chance",
    [RC_M_CHANCE_ALL] = "a near-certain chance",

    [RC_M_H_PRICE] = "Price and margin",
    [RC_M_PRICE_LOSS] = "At the contract price of {1}, the chance of making a loss is {2}.",
    [RC_M_PRICE_MARGIN] = "The margin (price minus cost) is {1} in the middle outcome; in 8 of 10 outcomes it "
                          "lies between {2} and {3}.",
    [RC_M_PRICE_SAFE] = "A price of at least {1} keeps the margin at zero or above with {2} confidence.",

    [RC_M_H_CONT] = "The contingency to hold, and why",
    [RC_M_CONT_HOLD] = "To be {1} sure, hold a reserve of {2} and {3} on top of the plan: promise {4} "
                       "rather than the plan's {5}, and budget {6} rather than {7}.",
    [RC_M_CONT_WHY] = "Why: the plan assumes that every task takes its most likely time and that no risk "
                      "happens. In reality some tasks run longer, a few run shorter, and some risks do happen; "
                      "the reserve covers that.",
    [RC_M_CONT_SPLIT] = "Where the reserve comes from. We split it between its sources with Shapley values, a "
                        "fair-sharing method from game theory: each source is credited with what it adds on "
                        "average, over every order in which the sources could be added, so the parts add up to "
                        "the whole reserve.",
    [RC_M_CONT_SPLIT_OUT] = "This report leaves out where the reserve comes from: splitting it between its sources "
                            "takes further simulations of the plan, and at {1} iterations they would be more "
                            "computing than riskcast allows itself. A run with {2} iterations or fewer includes it.",
    [RC_M_CONT_SPLIT_OUT_ANY] = "This report leaves out where the reserve comes from: splitting it between its "
                                "sources takes further simulations of the plan, and for a plan of this size they "
                                "would be more computing than riskcast allows itself.",
    [RC_M_TH_SOURCE] = "Source",
    [RC_M_TH_DAYS] = "Working days",
    [RC_M_TH_COST] = "Cost",
    [RC_M_TH_SHARE] = "Share of the time reserve",
    [RC_M_ROW_UNCERT] = "Estimating uncertainty (tasks taking longer or shorter than planned)",
    [RC_M_ROW_TOTAL] = "The whole reserve",

    [RC_M_H_DRIVERS] = "The risks that drive it",
    [RC_M_DRIVERS_INTRO] = "What each risk adds to the P{1} finish and cost: the difference between the "
                           "simulation with the risk and without it, on the same random numbers.",
    [RC_M_DRIVERS_NONE] = "The register has no open risks: the reserve comes from estimating uncertainty alone.",
    [RC_M_TH_RISK] = "Risk",
    [RC_M_TH_OCCURS] = "Chance it happens",
    [RC_M_TH_ADDS_DAYS] = "Adds to the P{1} finish (working days)",
    [RC_M_TH_ADDS_COST] = "Adds to the P{1} cost",
    [RC_M_FIG_TORNADO] = "The risks ranked by what they add to the P{1} finish and cost.",

    [RC_M_H_CURVE] = "The chance curve",
    [RC_M_CURVE_INTRO] = "The rising curve gives, for every date, the chance of finishing by then; the bars "
                         "show how often each date came up. Pick the chance you are comfortable with and read "
                         "the date off the curve.",
    [RC_M_FIG_FINISH] = "Finish date: how often each date came up, and the chance of finishing by it.",
    [RC_M_FIG_COST] = "Cost: how often each amount came up, and the chance of staying within it.",
    [RC_M_FIG_JCL] = "Cost against finish date, one point per simulated outcome.",
    [RC_M_TH_CHANCE] = "Chance",
    [RC_M_TH_FINISH_BY] = "Finished by",
    [RC_M_TH_COST_AT_MOST] = "Cost at most",

    [RC_M_H_GANTT] = "The schedule with ranges",
    [RC_M_GANTT_INTRO] = "Each bar is a task as planned; the line beside it shows where the task is likely to "
                         "finish (8 in 10 outcomes fall inside it).",
    [RC_M_FIG_GANTT] = "The plan with each task's likely finish range.",
    [RC_M_FIG_CRIT] = "The tasks that most often set the finish date, and how strongly their length moves it.",

    [RC_M_H_MITIG] = "Mitigations worth paying for",
    [RC_M_MIT_INTRO] = "For each planned mitigation: what it costs, and what it takes off the P{1} finish and "
                       "cost. The net benefit is the cost it saves minus its own cost.",
    [RC_M_TH_ACTION] = "Action",
    [RC_M_TH_MCOST] = "Its cost",
    [RC_M_TH_SAVES_DAYS] = "Working days saved",
    [RC_M_TH_SAVES_COST] = "Cost saved",
    [RC_M_TH_NET] = "Net benefit",
    [RC_M_TH_RECOMMENDED] = "Recommended",
    [RC_M_YES] = "Yes",
    [RC_M_NO] = "No",
    [RC_M_MIT_REC] = "We recommend: {1}. Together they cost {2}; with them the P{3} finish moves from {4} to "
                     "{5} and the P{3} cost, their own cost included, from {6} to {7}.",
    [RC_M_MIT_REC_NONE] = "None of the mitigations pays for itself at P{1}, so we recommend none.",
    [RC_M_MIT_NONE] = "The register plans no mitigations.",
    [RC_M_MIT_REC_OUT] = "This report does not recommend which mitigations to fund together: finding that set "
                         "takes further simulations of the plan, and at {1} iterations they would be more "
                         "computing than riskcast allows itself. A run with {2} iterations or fewer includes it.",
    [RC_M_MIT_REC_OUT_ANY] = "This report does not recommend which mitigations to fund together: finding that set "
                             "takes further simulations of the plan, and for a plan of this size they would be more "
                             "computing than riskcast allows itself.",

    [RC_M_H_REGISTER] = "The risk register",
    [RC_M_REG_INTRO] = "Every risk in the file, as registered. Closed risks are listed but left out of the figures.",
    [RC_M_TH_ID] = "ID",
    [RC_M_TH_OWNER] = "Owner",
    [RC_M_TH_PROB] = "Probability",
    [RC_M_TH_IMPACTS] = "Impacts",
    [RC_M_TH_MITIGATION] = "Mitigation",
    [RC_M_TH_STATUS] = "Status",
    [RC_M_ST_OPEN] = "Open",
    [RC_M_ST_CLOSED] = "Closed",
    [RC_M_PROB_FREQ] = "{1} times on average",
    [RC_M_IMP_ON] = "on {1}",
    [RC_M_IMP_DELAY] = "delay of {1} working days",
    [RC_M_IMP_SCALE] = "duration times {1}",
    [RC_M_IMP_COST] = "cost of {1}",
    [RC_M_MIT_ACTION_COST] = "{1} (costs {2})",
    [RC_M_DIST_RANGE] = "{1} to {2}",
    [RC_M_DIST_LIKELY] = "{1} to {3}, most likely {2}",
    [RC_M_DIST_NORMAL] = "about {1}, give or take {2}",
    [RC_M_DIST_CHOICE] = "one of {1}",
    [RC_M_H_MATRIX] = "Probability and impact",
    [RC_M_MATRIX_INTRO] = "Each risk by its chance of happening and its average impact when it does (working days of "
                          "delay to the finish, and cost), before and after its mitigation.",
    [RC_M_FIG_MATRIX] = "The register on a probability and impact grid, before and after mitigation.",
    [RC_M_TH_BEFORE] = "Before mitigation",
    [RC_M_TH_AFTER] = "After mitigation",

    [RC_M_H_PRECISION] = "How precise these figures are",
    [RC_M_PREC_INTRO] = "The figures come from {1} simulated outcomes, so they carry a small sampling error. "
                        "Running the simulation again with another seed would, 95 times in 100, give values "
                        "within these ranges:",
    [RC_M_PREC_FINISH] = "P{1} finish date",
    [RC_M_PREC_DAYS] = "P{1} working days",
    [RC_M_PREC_COST] = "P{1} cost",
    [RC_M_TH_FROM] = "From",
    [RC_M_TH_TO] = "To",
    [RC_M_PREC_NOTE] = "The inputs matter far more than this sampling error: the figures are only as good as the "
                       "estimates and the risk register they come from.",

    [RC_M_H_ASSUME] = "Assumptions",
    [RC_M_AS_ITER] = "Simulated outcomes (iterations)",
    [RC_M_AS_SEED] = "Random seed (the same seed gives the same figures)",
    [RC_M_AS_CONF] = "Confidence level of the reserve",
    [RC_M_AS_START] = "Project start",
    [RC_M_AS_STATUS] = "Status date (progress counted up to)",
    [RC_M_AS_WEEK] = "Working week",
    [RC_M_AS_HOL] = "Holidays",
    [RC_M_AS_HOL_MANY] = "{1} days from {2} to {3}",
    [RC_M_AS_EXTRA] = "Extra working days",
    [RC_M_AS_DIST] = "Three-point estimates read as",
    [RC_M_DIST_TRI] = "triangular distributions (straight lines from the lowest through the most likely to the highest)",
    [RC_M_DIST_PERT] = "PERT distributions (a smooth curve weighted toward the most likely value)",
    [RC_M_AS_OVERHEAD] = "Running cost per working day",
    [RC_M_AS_PENALTY] = "Penalty per calendar day late",
    [RC_M_AS_CORR] = "Estimates that move together (correlations)",
    [RC_M_AS_CORR_N] = "correlated groups of tasks: {1}",
    [RC_M_AS_CORR_REPAIRED] = "the correlations given were inconsistent and were adjusted to the nearest valid set",
    [RC_M_AS_DONE] = "Tasks already finished",
    [RC_M_AS_TASKS] = "Size of the plan",
    [RC_M_AS_TASKS_N] = "{1} tasks, {2} open risks",
    [RC_M_AS_METHOD] = "Method",
    [RC_M_AS_METHOD_TEXT] = "Monte Carlo simulation: the plan is run many times, each time with task lengths, "
                            "costs and risk events drawn at random from their estimates.",
    [RC_M_NONE] = "none",

    [RC_M_MONEY] = "{1} {2}",
    [RC_M_UNIT_DAYS] = "{1} working days",
    [RC_M_RANGE] = "{1} to {2}",
    [RC_M_LIST_SEP] = ", ",
    [RC_M_COLON] = ": ",
    [RC_M_ITEM_SEP] = "; ",
    [RC_M_DATE] = "{1} {2} {3}",
};

/* ---- Chinese ------------------------------------------------------------------------ */

static const char *const msg_zh[RC_M_COUNT] = {
    [RC_M_DOC_TITLE] = "进度与成本风险报告",
    [RC_M_FORECAST_AT] = "截至{1}的预测，依据项目计划及其风险登记册。",
    [RC_M_PLAN_FROM] = "对{1}开工的计划所作的预测，依据项目计划及其风险登记册。",
    [RC_M_UNNAMED] = "未命名项目",
    [RC_M_MITIGATED_RUN] = "以下数字假定所有计划中的风险应对措施都已实施。",
    [RC_M_FOOTER] = "本报告的数字来自对项目计划及其风险的蒙特卡洛模拟。",
    [RC_M_NO_CHART] = "（图表不可用）",

    [RC_M_H_ANSWER] = "结论",
    [RC_M_ANS_FINISH] = "我们有{1}的把握在{2}或之前完工；按计划本身的日期{3}完工，把握为{4}。",
    [RC_M_ANS_COST] = "我们有{1}的把握使成本不超过{2}；不超过计划本身的成本{3}，把握为{4}。",
    [RC_M_ANS_MIDDLE] = "居中的结果（好于和差于它的可能性相同）是在{1}完工，成本为{2}。",
    [RC_M_ANS_DEADLINE] = "我们有{1}的把握赶上截止日期{2}。",
    [RC_M_ANS_BUDGET] = "我们有{1}的把握不超出预算{2}。",
    [RC_M_ANS_JOINT] = "同时赶上截止日期并且不超出预算的把握为{1}。",
    [RC_M_TH_PLAN] = "计划",
    [RC_M_TH_P50] = "居中（P50）",
    [RC_M_TH_PC] = "稳妥（P{1}）",
    [RC_M_ROW_FINISH] = "完工日期",
    [RC_M_ROW_DAYS] = "工作日",
    [RC_M_ROW_COST] = "成本",
    [RC_M_NOTE_PCT] = "阅读说明：P{1}表示在每100次模拟结果中，有{1}次项目在该日期或之前完工，或成本不超过该金额。"
                      "“计划”是指每项任务都按最可能的工期完成、且没有任何风险发生时的进度。",

    [RC_M_CHANCE_A] = "{3}（约{2}次中有{1}次）",
    [RC_M_CHANCE_AN] = "{3}（约{2}次中有{1}次）",
    [RC_M_CHANCE_NONE] = "几乎为零",
    [RC_M_CHANCE_ALL] = "几乎十足",

    [RC_M_H_PRICE] = "价格与利润",
    [RC_M_PRICE_LOSS] = "按合同价格{1}计算，出现亏损的可能性为{2}。",
    [RC_M_PRICE_MARGIN] = "利润（价格减成本）在居中的结果中为{1}；每10次结果中有8次落在{2}至{3}之间。",
    [RC_M_PRICE_SAFE] = "价格至少为{1}时，才有{2}的把握使利润不低于零。",

    [RC_M_H_CONT] = "应预留的储备及其原因",
    [RC_M_CONT_HOLD] = "要达到{1}的把握，应在计划之外预留{2}和{3}：对外承诺{4}而不是计划的{5}，"
                       "预算按{6}而不是{7}安排。",
    [RC_M_CONT_WHY] = "原因：计划假定每项任务都按最可能的工期完成，且没有任何风险发生。实际上有些任务会拖长，"
                      "少数会提前，有些风险也会发生；储备就是为此准备的。",
    [RC_M_CONT_SPLIT] = "储备从何而来：我们用沙普利值（Shapley值，博弈论中一种公平分摊的方法）把储备分摊到各个来源："
                        "每个来源按它在各种加入顺序下平均带来的增量计算，各部分之和正好等于全部储备。",
    [RC_M_CONT_SPLIT_OUT] = "本报告未列出储备的来源：把储备分摊到各个来源需要对计划另做多次模拟，在{1}次迭代下，"
                            "其计算量超出本工具允许的上限。以{2}次或更少的迭代运行即可包含这一部分。",
    [RC_M_CONT_SPLIT_OUT_ANY] = "本报告未列出储备的来源：把储备分摊到各个来源需要对计划另做多次模拟，"
                                "对这样规模的计划，其计算量超出本工具允许的上限。",
    [RC_M_TH_SOURCE] = "来源",
    [RC_M_TH_DAYS] = "工作日",
    [RC_M_TH_COST] = "成本",
    [RC_M_TH_SHARE] = "占工期储备的比例",
    [RC_M_ROW_UNCERT] = "估算的不确定性（任务比计划更长或更短）",
    [RC_M_ROW_TOTAL] = "全部储备",

    [RC_M_H_DRIVERS] = "造成储备的主要风险",
    [RC_M_DRIVERS_INTRO] = "每项风险使P{1}完工和成本增加多少：即在相同随机数下，有该风险与没有该风险两次模拟的差值。",
    [RC_M_DRIVERS_NONE] = "登记册中没有未关闭的风险：储备完全来自估算的不确定性。",
    [RC_M_TH_RISK] = "风险",
    [RC_M_TH_OCCURS] = "发生的可能性",
    [RC_M_TH_ADDS_DAYS] = "使P{1}完工推迟（工作日）",
    [RC_M_TH_ADDS_COST] = "使P{1}成本增加",
    [RC_M_FIG_TORNADO] = "各项风险按其对P{1}完工和成本的影响排序。",

    [RC_M_H_CURVE] = "把握曲线",
    [RC_M_CURVE_INTRO] = "上升的曲线给出每个日期之前完工的把握；柱形表示各日期出现的频繁程度。"
                         "先选定您能接受的把握，再从曲线上读出对应的日期。",
    [RC_M_FIG_FINISH] = "完工日期：各日期出现的频繁程度，以及在该日期或之前完工的把握。",
    [RC_M_FIG_COST] = "成本：各金额出现的频繁程度，以及不超过该金额的把握。",
    [RC_M_FIG_JCL] = "成本与完工日期的关系，每个点代表一次模拟结果。",
    [RC_M_TH_CHANCE] = "把握",
    [RC_M_TH_FINISH_BY] = "完工不晚于",
    [RC_M_TH_COST_AT_MOST] = "成本不超过",

    [RC_M_H_GANTT] = "带区间的进度计划",
    [RC_M_GANTT_INTRO] = "每根横条是计划中的一项任务；旁边的线段表示该任务可能的完工区间（每10次结果中有8次落在其中）。",
    [RC_M_FIG_GANTT] = "计划进度及各任务可能的完工区间。",
    [RC_M_FIG_CRIT] = "最常决定完工日期的任务，以及其工期对完工日期的影响程度。",

    [RC_M_H_MITIG] = "值得投入的应对措施",
    [RC_M_MIT_INTRO] = "每项计划中的应对措施：其费用，以及它使P{1}完工和成本减少多少。净收益等于节省的成本减去措施本身的费用。",
    [RC_M_TH_ACTION] = "措施",
    [RC_M_TH_MCOST] = "措施费用",
    [RC_M_TH_SAVES_DAYS] = "节省的工作日",
    [RC_M_TH_SAVES_COST] = "节省的成本",
    [RC_M_TH_NET] = "净收益",
    [RC_M_TH_RECOMMENDED] = "建议采纳",
    [RC_M_YES] = "是",
    [RC_M_NO] = "否",
    [RC_M_MIT_REC] = "我们建议采纳：{1}。这些措施共需{2}；采纳后P{3}完工从{4}缩短为{5}，"
                     "P{3}成本（含措施费用）从{6}变为{7}。",
    [RC_M_MIT_REC_NONE] = "在P{1}下，没有一项应对措施能收回其费用，因此我们不建议采纳任何措施。",
    [RC_M_MIT_NONE] = "登记册中没有计划应对措施。",
    [RC_M_MIT_REC_OUT] = "本报告未给出应同时采纳哪些应对措施的建议：找出这一组合需要对计划另做多次模拟，"
                         "在{1}次迭代下，其计算量超出本工具允许的上限。以{2}次或更少的迭代运行即可包含这一部分。",
    [RC_M_MIT_REC_OUT_ANY] = "本报告未给出应同时采纳哪些应对措施的建议：找出这一组合需要对计划另做多次模拟，"
                             "对这样规模的计划，其计算量超出本工具允许的上限。",

    [RC_M_H_REGISTER] = "风险登记册",
    [RC_M_REG_INTRO] = "文件中登记的全部风险。已关闭的风险列在此处，但不计入上述数字。",
    [RC_M_TH_ID] = "编号",
    [RC_M_TH_OWNER] = "负责人",
    [RC_M_TH_PROB] = "概率",
    [RC_M_TH_IMPACTS] = "影响",
    [RC_M_TH_MITIGATION] = "应对措施",
    [RC_M_TH_STATUS] = "状态",
    [RC_M_ST_OPEN] = "未关闭",
    [RC_M_ST_CLOSED] = "已关闭",
    [RC_M_PROB_FREQ] = "平均{1}次",
    [RC_M_IMP_ON] = "作用于{1}",
    [RC_M_IMP_DELAY] = "推迟{1}个工作日",
    [RC_M_IMP_SCALE] = "工期乘以{1}",
    [RC_M_IMP_COST] = "费用{1}",
    [RC_M_MIT_ACTION_COST] = "{1}（费用{2}）",
    [RC_M_DIST_RANGE] = "{1}至{2}",
    [RC_M_DIST_LIKELY] = "{1}至{3}，最可能为{2}",
    [RC_M_DIST_NORMAL] = "约{1}，上下浮动{2}",
    [RC_M_DIST_CHOICE] = "取{1}之一",
    [RC_M_H_MATRIX] = "概率与影响",
    [RC_M_MATRIX_INTRO] = "每项风险发生的可能性，以及发生时的平均影响（完工推迟的工作日和费用），分别列出应对前和应对后的情况。",
    [RC_M_FIG_MATRIX] = "概率与影响矩阵：应对前和应对后的风险登记册。",
    [RC_M_TH_BEFORE] = "应对前",
    [RC_M_TH_AFTER] = "应对后",

    [RC_M_H_PRECISION] = "这些数字的精确程度",
    [RC_M_PREC_INTRO] = "这些数字来自{1}次模拟结果，因此带有少量抽样误差。若换一个随机种子重新模拟，"
                        "每100次中有95次结果会落在以下区间内：",
    [RC_M_PREC_FINISH] = "P{1}完工日期",
    [RC_M_PREC_DAYS] = "P{1}工作日",
    [RC_M_PREC_COST] = "P{1}成本",
    [RC_M_TH_FROM] = "下限",
    [RC_M_TH_TO] = "上限",
    [RC_M_PREC_NOTE] = "与抽样误差相比，输入数据的影响要大得多：这些数字的可靠程度取决于所依据的估算和风险登记册。",

    [RC_M_H_ASSUME] = "假设条件",
    [RC_M_AS_ITER] = "模拟次数",
    [RC_M_AS_SEED] = "随机种子（相同的种子得到相同的数字）",
    [RC_M_AS_CONF] = "储备的把握水平",
    [RC_M_AS_START] = "项目开始",
    [RC_M_AS_STATUS] = "状态日期（进展统计截至）",
    [RC_M_AS_WEEK] = "每周工作日",
    [RC_M_AS_HOL] = "节假日",
    [RC_M_AS_HOL_MANY] = "{2}至{3}之间共{1}天",
    [RC_M_AS_EXTRA] = "调休上班日",
    [RC_M_AS_DIST] = "三点估算的解读方式",
    [RC_M_DIST_TRI] = "三角分布（从最低值经最可能值到最高值呈直线变化）",
    [RC_M_DIST_PERT] = "PERT分布（偏向最可能值的平滑曲线）",
    [RC_M_AS_OVERHEAD] = "每个工作日的运行费用",
    [RC_M_AS_PENALTY] = "每延误一个日历日的罚金",
    [RC_M_AS_CORR] = "相互关联的估算（相关性）",
    [RC_M_AS_CORR_N] = "{1}组任务",
    [RC_M_AS_CORR_REPAIRED] = "所给的相关系数互相矛盾，已调整为最接近的有效值",
    [RC_M_AS_DONE] = "已完成的任务",
    [RC_M_AS_TASKS] = "计划规模",
    [RC_M_AS_TASKS_N] = "{1}项任务，{2}项未关闭的风险",
    [RC_M_AS_METHOD] = "方法",
    [RC_M_AS_METHOD_TEXT] = "蒙特卡洛模拟：将计划运行许多次，每次按各项估算随机抽取任务工期、成本和风险事件。",
    [RC_M_NONE] = "无",

    [RC_M_MONEY] = "{1} {2}",
    [RC_M_UNIT_DAYS] = "{1}个工作日",
    [RC_M_RANGE] = "{1}至{2}",
    [RC_M_LIST_SEP] = "、",
    [RC_M_COLON] = "：",
    [RC_M_ITEM_SEP] = "；",
    [RC_M_DATE] = "{3}年{4}月{1}日",
};

static const rc_catalog cat_en = {
    "en", "en", msg_en,
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"},
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
};

static const rc_catalog cat_zh = {
    "zh", "zh-CN", msg_zh,
    {"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"},
    {"周一", "周二", "周三", "周四", "周五", "周六", "周日"},
};

static const rc_catalog *const all[] = {&cat_en, &cat_zh, NULL};

const rc_catalog *rc_i18n_catalog(const char *lang)
{
    if (lang && !strcmp(lang, "zh"))
        return &cat_zh;
    return &cat_en;
}

const rc_catalog *const *rc_i18n_all(void)
{
    return all;
}

/* The date template's arguments: {1} day, {2} month name, {3} year, {4} month number. */
void rc_i18n_date(const rc_catalog *c, rc_date date, char *out, size_t n)
{
    int y, m, d;
    rc_date_to_ymd(date, &y, &m, &d);
    char arg[4][32];
    snprintf(arg[0], sizeof arg[0], "%d", d);
    snprintf(arg[1], sizeof arg[1], "%s", c->months[m - 1]);
    snprintf(arg[2], sizeof arg[2], "%d", y);
    snprintf(arg[3], sizeof arg[3], "%d", m);
    size_t k = 0;
    if (n == 0)
        return;
    for (const char *t = c->msg[RC_M_DATE]; *t && k + 1 < n; t++) {
        if (t[0] == '{' && t[1] >= '1' && t[1] <= '4' && t[2] == '}') {
            for (const char *a = arg[t[1] - '1']; *a && k + 1 < n; a++)
                out[k++] = *a;
            t += 2;
        } else {
            out[k++] = *t;
        }
    }
    out[k] = 0;
}
