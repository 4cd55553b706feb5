#!/usr/bin/env python3
"""report_check.py - checks one HTML report of `riskcast report` against the
JSON result of the same run (`riskcast run --json`, same seed and iterations).

usage: report_check.py REPORT.html RESULT.json LANG CATALOG.c

Prints one line per check: "PASS\tNAME" or "FAIL\tNAME\tDETAIL"; report.sh
counts them. The checks:
  figures   every <span data-k=PATH data-v=RAW> agrees with the JSON at PATH,
            the key figures are all present, and shown dates and percentages
            match their raw values in the language's format
  language  en: no CJK outside text from the project file;
            zh: no English catalog text (src/i18n.c, msg_en and cat_en)
            outside text from the project file
  external  no external references (http(s) URLs, @import, scripts, links)
  ids       element ids are unique (charts inlined side by side)
  order     the sections come in the order of SPEC §5 / issue 5
"""
import html.parser
import json
import math
import re
import sys

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


class Doc(html.parser.HTMLParser):
    """Visible text nodes, file-text spans (class n), figure spans and ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.texts = []          # visible text nodes
        self.names = []          # text of <span class="n">
        self.figs = []           # [key, raw, shown]
        self.ids = []
        self.sections = []
        self.html_lang = None
        self._n = None
        self._v = []             # open figure spans: index into figs, depth

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "section" and "id" in a:
            self.sections.append(a["id"])
        void = tag in ("meta", "br", "img", "hr", "input", "link")
        if not void:
            self.stack.append(tag)
        if tag == "span" and a.get("class") == "n":
            self._n = [len(self.stack), ""]
        if tag == "span" and "data-k" in a:
            self.figs.append([a["data-k"], a.get("data-v"), ""])
            self._v.append((len(self.figs) - 1, len(self.stack)))

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])

    def handle_endtag(self, tag):
        depth = len(self.stack)
        if self._n and self._n[0] == depth and tag == "span":
            self.names.append(self._n[1])
            self._n = None
        if self._v and self._v[-1][1] == depth and tag == "span":
            self._v.pop()
        while self.stack:
            t = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if any(t in ("style", "script", "title") for t in self.stack):
            return
        if self._n:
            self._n[1] += data
        for i, _ in self._v:
            self.figs[i][2] += data
        if data.strip():
            self.texts.append(data)


def out(ok, name, detail=""):
    print(("PASS\t%s" % name) if ok else ("FAIL\t%s\t%s" % (name, detail)))


def resolve(j, path):
    """Follow a.b[ID].c[0] through the JSON (risks addressed by id)."""
    cur = j
    for part in re.findall(r"[^.\[\]]+|\[[^\]]*\]", path):
        if part.startswith("["):
            k = part[1:-1]
            if isinstance(cur, list) and k.isdigit():
                cur = cur[int(k)]
            elif isinstance(cur, list):
                cur = next(x for x in cur if x.get("id") == k)
            else:
                raise KeyError(part)
        else:
            cur = cur[part]
    return cur


def same(raw, want):
    if want is None:
        return raw == "null"
    if isinstance(want, bool):
        return raw == ("true" if want else "false")
    if isinstance(want, str):
        return raw == want
    if isinstance(want, (int, float)):
        try:
            v = float(raw)
        except (TypeError, ValueError):
            return False
        return math.isclose(v, float(want), rel_tol=1e-9, abs_tol=1e-9)
    return False


def date_words(iso, lang):
    y, m, d = (int(p) for p in iso.split("-"))
    return "%d年%d月%d日" % (y, m, d) if lang == "zh" else "%d %s %d" % (d, MONTHS_EN[m - 1], y)


def en_catalog(path):
    """The English catalog's texts, split at the {N} placeholders."""
    src = open(path, encoding="utf-8").read()
    a = src.index("msg_en[")
    b = src.index("msg_zh[")
    block = src[a:b]
    c = src.index("cat_en = {")
    block += src[c:src.index("};", c)]
    frags = set()
    # each entry: one or more adjacent literals
    for entry in re.findall(r'((?:"(?:[^"\\]|\\.)*"\s*)+)', block):
        text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', entry))
        for f in re.split(r"\{\d\}", text):
            f = f.strip(" ,.;:()")
            if len(re.findall(r"[A-Za-z]", f)) >= 3 and f not in ("en",):
                frags.add(f)
    return frags


def main():
    report, result, lang, catalog = sys.argv[1:5]
    page = open(report, encoding="utf-8").read()
    j = json.load(open(result, encoding="utf-8"))
    d = Doc()
    d.feed(page)
    d.close()

    # ---- figures
    bad = []
    for k, raw, shown in d.figs:
        try:
            want = resolve(j, k)
        except (KeyError, StopIteration, IndexError, TypeError):
            bad.append("%s: not in the JSON" % k)
            continue
        if not same(raw, want):
            bad.append("%s: report %s, JSON %s" % (k, raw, want))
    out(not bad and len(d.figs) >= 20, "figures agree with run --json (%d)" % len(d.figs), "; ".join(bad[:6]))

    keys = {k for k, _, _ in d.figs}
    need = ["plan.finish", "plan.cost", "plan.duration", "finish.at_confidence", "cost.at_confidence",
            "duration.at_confidence", "finish.percentiles.P50", "cost.percentiles.P50", "confidence",
            "finish.plan_probability", "contingency.schedule_days", "contingency.cost", "contingency.finish",
            "iterations", "seed", "finish.at_confidence_interval[0]", "cost.at_confidence_interval[1]"]
    if j.get("deadline"):
        need.append("deadline.probability")
    if j.get("budget"):
        need.append("budget.probability")
    if j.get("deadline") and j.get("budget"):
        need.append("joint_probability")
    if j.get("price"):
        need += ["price.loss_probability", "price.price_at_confidence", "price.margin.percentiles.P50"]
    if j.get("reserve_split"):
        need += ["reserve_split.uncertainty_days", "reserve_split.uncertainty_cost"]
    for r in j.get("risks", []):
        need.append("risks[%s].occurrence" % r["id"])
        if j.get("reserve_split"):
            need.append("risks[%s].reserve_share.schedule_days" % r["id"])
        if r.get("mitigation"):
            need.append("risks[%s].mitigation.net_benefit" % r["id"])
    if j.get("recommended_mitigations", {}).get("risks"):
        need.append("recommended_mitigations.cost")
    for part, lo in (j.get("left_out") or {}).items():  # said in words, with the iterations that allow it
        if lo["max_iterations"] > 0:
            need.append("left_out.%s.max_iterations" % part)
    missing = [k for k in need if k not in keys]
    out(not missing, "key figures present", "missing: " + ", ".join(missing[:8]))

    bad = []
    for k, raw, shown in d.figs:
        shown = shown.strip()
        if raw and re.fullmatch(r"\d{4}-\d\d-\d\d", raw):
            if shown != date_words(raw, lang):
                bad.append("%s shown as %r" % (raw, shown))
        elif re.fullmatch(r"\d+%", shown):
            if int(shown[:-1]) != round(float(raw) * 100):
                bad.append("%s shown as %s" % (raw, shown))
    out(not bad, "dates and percentages shown as their values (%s)" % lang, "; ".join(bad[:6]))

    # ---- language
    names = set(n.strip() for n in d.names if n.strip())
    for t in j.get("tasks", []) + j.get("risks", []):
        for f in ("id", "name"):
            if t.get(f):
                names.add(t[f])
    names.add(j.get("project") or "")
    names.add(j.get("currency") or "")
    names.discard("")
    ids = {t["id"] for t in j.get("tasks", []) + j.get("risks", []) if t.get("id")}
    longest = sorted(names - ids, key=len, reverse=True)
    allnames = names | ids

    def own_text(s):
        """S without the text that came from the file. Charts may cut a
        name short with an ellipsis: a cut name's start counts as the name."""
        core = s.strip().rstrip("…~.").strip()
        if core and any(core in n for n in allnames):
            return ""
        for n in longest:
            s = s.replace(n, " ")
        pieces = re.split(r"…|\.\.\.|~", s)
        for k in range(len(pieces) - 1):
            p = pieces[k]
            for cut in range(len(p), 1, -1):
                if any(n.startswith(p[-cut:].lstrip()) for n in allnames if p[-cut:].strip()):
                    pieces[k] = p[:-cut]
                    break
        s = " ".join(pieces)
        for i in sorted(ids, key=len, reverse=True):
            s = re.sub(r"(?<![\w.-])" + re.escape(i) + r"(?![\w.-])", " ", s)
        return s

    visible = "\n".join(own_text(t) for t in d.texts)
    if lang == "en":
        hits = sorted(set(CJK.findall(visible)))
        out(not hits, "en report has no CJK outside names from the file", "".join(hits[:20]))
    else:
        frags = en_catalog(catalog)
        hits = sorted(f for f in frags if re.search(r"(?<![A-Za-z])" + re.escape(f) + r"(?![A-Za-z])", visible))
        out(len(frags) > 50 and not hits, "zh report has no English catalog text (%d checked)" % len(frags),
            "; ".join(hits[:8]))
        out(bool(CJK.search(visible)), "zh report is in Chinese")
    out(d.html_lang == ("zh-CN" if lang == "zh" else "en"), "html lang attribute", str(d.html_lang))

    # ---- self-contained
    ext = [p for p in (r"https?://", r'src="http', r'href="http', r"url\(http", r"@import", r"<script", r"<link",
                       r"<iframe", r"<object", r"<embed") if re.search(p, page, re.I)]
    out(not ext, "no external references or scripts", ", ".join(ext))
    out(page.count("<svg") >= 3, "charts inlined (%d)" % page.count("<svg"))

    dup = sorted({i for i in d.ids if d.ids.count(i) > 1})
    out(not dup, "element ids unique (%d)" % len(d.ids), ", ".join(dup[:8]))

    order = ["answer", "price", "contingency", "drivers", "curve", "gantt", "mitigations", "register",
             "precision", "assumptions"]
    got = [s for s in d.sections if s in order]
    out(got == [s for s in order if s in got] and got[:1] == ["answer"] and "register" in got
        and got[-1] == "assumptions", "sections in order", " ".join(got))


if __name__ == "__main__":
    main()
