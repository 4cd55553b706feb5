#!/usr/bin/env python3
"""Writes the hand-made XER fixtures of the import tests (Windows-1252, CRLF,
fields in a shuffled order), so that each is reproducible:
    python3 tests/data/import/make_fixtures.py
small.xer        every feature: progress, constraints, LOE, a 7-day calendar,
                 all four link types with lags, costs, odd activity codes
cycle.xer        A -> B -> C -> A
unknown-link.xer a link naming a task_id that is not in TASK
no-task.xer      no TASK table
truncated.xer    small.xer cut in the middle of a TASK row
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

CAL5 = ("(0||CalendarData()(  (0||DaysOfWeek()(    (0||1()())"
        + "".join("    (0||%d()(      (0||0(s|08:00|f|16:00)())))" % d for d in range(2, 7))
        + "    (0||7()())))  (0||VIEW(ShowTotal|N)())  (0||Exceptions()("
        "    (0||0(d|45292)())"                                  # 2024-01-01 holiday
        "    (0||1(d|45294)(      (0||0(s|08:00|f|12:00)())))"   # 2024-01-03 short day
        "    (0||2(d|45297)(      (0||0(s|08:00|f|16:00)())))"   # Sat 2024-01-06 worked
        "    (0||3(d|45380)())    (0||4(d|45383)())"             # 2024-03-29, 2024-04-01
        "    (0||5(d|45285)())    (0||6(d|45286)())    (0||7(d|45287)())"  # 25-27 Dec 2023
        "))))")
CAL7 = ("(0||CalendarData()(  (0||DaysOfWeek()("
        + "".join("    (0||%d()(      (0||0(s|08:00|f|16:00)())))" % d for d in range(1, 8))
        + "))  (0||VIEW(ShowTotal|N)())  (0||Exceptions()())))")


def table(name, fields, rows, order=None):
    if order:
        fields = [fields[i] for i in order]
        rows = [[r[i] for i in order] for r in rows]
    out = ["%T\t" + name, "%F\t" + "\t".join(fields)]
    out += ["%R\t" + "\t".join(r) for r in rows]
    return out


def project():
    return table("PROJECT", ["proj_id", "proj_short_name", "clndr_id", "plan_start_date",
                             "last_recalc_date"],
                 [["7", "SMALL-1", "1", "2024-01-01 00:00", "2024-01-10 00:00"]])


def calendars():
    f = ["clndr_id", "default_flag", "clndr_name", "day_hr_cnt", "week_hr_cnt", "clndr_data"]
    return table("CALENDAR", f, [["1", "Y", "Standard 5 day", "8", "40", CAL5],
                                 ["2", "N", "Site 7 day", "8", "56", CAL7]], [5, 2, 0, 4, 3, 1])


TF = ["task_id", "proj_id", "clndr_id", "task_type", "status_code", "task_code", "task_name",
      "target_drtn_hr_cnt", "remain_drtn_hr_cnt", "act_start_date", "act_end_date",
      "early_start_date", "early_end_date", "cstr_type", "cstr_date"]


def tasks():
    T = [
        ["1001", "7", "1", "TT_Task", "TK_Complete", "A100", "Design \u2013 phase \u00e9",
         "40", "0", "2024-01-02 08:00", "2024-01-08 16:00", "", "", "", ""],
        ["1002", "7", "1", "TT_Task", "TK_Active", "A110", "Build \"core\"", "80", "36",
         "2024-01-09 08:00", "", "2024-01-10 08:00", "2024-01-15 12:00", "", ""],
        ["1003", "7", "1", "TT_Task", "TK_NotStart", "A120", "Fit-out", "24", "24", "", "",
         "2024-02-01 08:00", "2024-02-05 16:00", "CS_MSOA", "2024-02-01 08:00"],
        ["1004", "7", "1", "TT_FinMile", "TK_NotStart", "A130", "Handover", "0", "0", "", "",
         "", "", "CS_MEO", "2024-03-01 16:00"],
        ["1005", "7", "1", "TT_Mile", "TK_NotStart", "A140", "Start testing", "0", "0", "",
         "", "", "", "", ""],
        ["1006", "7", "1", "TT_LOE", "TK_NotStart", "A150", "Supervision", "100", "100", "",
         "", "", "", "", ""],
        ["1007", "7", "2", "TT_Task", "TK_NotStart", "A160", "Cure concrete", "56", "56", "",
         "", "", "", "CS_ALAP", ""],
        ["1008", "7", "1", "TT_Task", "TK_NotStart", "A 170/x", "Odd code", "4", "4", "", "",
         "", "", "", ""],
        ["1009", "7", "1", "TT_Task", "TK_NotStart", "A120", "Same code", "8", "8", "", "",
         "", "", "", ""],
    ]
    return table("TASK", TF, T, [5, 0, 6, 3, 4, 2, 1, 8, 7, 9, 10, 11, 12, 13, 14])


PF = ["task_pred_id", "task_id", "pred_task_id", "proj_id", "pred_proj_id", "pred_type",
      "lag_hr_cnt"]


def preds(rows):
    return table("TASKPRED", PF, rows, [0, 5, 2, 1, 6, 3, 4])


LINKS = [["1", "1002", "1001", "7", "7", "PR_FS", "0"],
         ["2", "1003", "1002", "7", "7", "PR_SS", "12"],
         ["3", "1004", "1003", "7", "7", "PR_FF", "-8"],
         ["4", "1005", "1002", "7", "7", "PR_SF", "0"],
         ["5", "1006", "1002", "7", "7", "PR_SS", "0"],
         ["6", "1007", "1003", "7", "7", "PR_FS", "0"],
         ["7", "1008", "1007", "7", "7", "PR_FS", "14"],
         ["8", "1009", "1008", "7", "7", "PR_FS", "0"],
         ["9", "1004", "1009", "7", "7", "PR_FS", "0"]]


def rsrc():
    f = ["taskrsrc_id", "task_id", "proj_id", "target_cost", "act_reg_cost", "act_ot_cost",
         "remain_cost"]
    return table("TASKRSRC", f, [["1", "1001", "7", "700", "650", "50", "0"],
                                 ["2", "1002", "7", "800", "300", "0", "500"],
                                 ["3", "1002", "7", "200", "0", "0", "200"],
                                 ["4", "1003", "7", "1000", "0", "0", "1000"]])


def write(name, lines, cut=None):
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode("cp1252")
    if cut:
        data = data[:cut(data)]
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


HDR = ["ERMHDR\t8.1\t2024-01-10\tProject\tadmin\tadmin\tdbxDatabaseNoName\tProject Management\tEUR"]
END = ["%E"]
small = HDR + project() + calendars() + tasks() + preds(LINKS) + rsrc() + END
write("small.xer", small)
write("truncated.xer", small, cut=lambda d: d.index(b"Odd code") + 3)
cyc = [["1", "1002", "1001", "7", "7", "PR_FS", "0"],
       ["2", "1003", "1002", "7", "7", "PR_FS", "0"],
       ["3", "1001", "1003", "7", "7", "PR_FS", "0"]]
write("cycle.xer", HDR + project() + calendars() + tasks() + preds(cyc) + END)
write("unknown-link.xer", HDR + project() + calendars() + tasks()
      + preds(LINKS + [["10", "1003", "9999", "7", "7", "PR_FS", "0"]]) + END)
write("no-task.xer", HDR + project() + calendars() + END)
