"""Block Kit builders. Pure: data in, JSON-able dicts out. Tests call them and check LIMITS.

User text is always passed through `escape` before it is put into mrkdwn, so `<!channel>`,
`<!here>`, `<!everyone>` or `<@U…>` typed by a user can never ping anyone.
"""
from __future__ import annotations

from insights.benchmarks import Answer, Benchmarks, Fact, Figure, Metric, MetricView, Reading
from insights.stats import ALIGNED_WITHIN, INCONCLUSIVE, whole

LIMITS = {
    "message_blocks": 50,
    "home_blocks": 100,
    "section_text": 3000,
    "header_text": 150,
    "context_elements": 10,
    "actions_elements": 25,
    "button_text": 75,
    "button_value": 2000,
    "action_id": 255,
    "block_id": 255,
    "fallback_text": 40000,
}

GROUP_LABEL = {
    "executives": "Executives",
    "cs_professionals": "CS managers &amp; directors",  # mrkdwn
    "all": "All companies",
}
CAVEAT = (
    ":warning: The study's second group are customer-service *managers and directors*, "
    "not frontline agents."
)
UNIT_SUFFIX = {
    "percent": "%", "points": " points", "companies": " companies", "countries": " countries",
    "employees": " employees", "agents": " agents", "months": " months",
}


def escape(text: str) -> str:
    """Escape Slack's three control characters; with them gone nothing can mention or ping."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 pulse', '2 pulses', '1 person', '3 people'."""
    return f"{n} {word if n == 1 else words or word + 's'}"


FRACTIONS = {33.3: "a third", 66.7: "two thirds"}


def number(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g} million"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:.1f}"


def fmt_reading(reading: Reading) -> str:
    q = f"{reading.qualifier} " if reading.qualifier else ""
    if reading.unit == "percent" and reading.value in FRACTIONS:
        return f"{q}{FRACTIONS[reading.value]}"
    return f"{q}{number(reading.value)}{UNIT_SUFFIX.get(reading.unit, '')}"


def other_wording(bm: Benchmarks, reading: Reading) -> str:
    """' ("about" in Italian trade article (it))' when a source words the same figure otherwise."""
    others = {f.seed: f.qualifier for f in reading.figures if f.qualifier != reading.qualifier}
    return "".join(f' ("{q}" in {bm.source_label(seed)})' for seed, q in others.items())


def fmt_readings(bm: Benchmarks, readings: list[Reading]) -> str:
    """One value, or every distinct value with its sources when the sources disagree."""
    if not readings:
        return "not given"
    if len(readings) == 1:
        return f"*{fmt_reading(readings[0])}*{other_wording(bm, readings[0])}"
    parts = [
        f"*{fmt_reading(r)}* ({', '.join(escape(bm.source_label(s)) for s in r.seeds)})" for r in readings
    ]
    return " / ".join(parts) + " — the sources disagree"


def region_line(bm: Benchmarks, region: str, readings: list[Reading]) -> str:
    label = bm.region_label(region, readings)
    conflict = " — the sources name the region differently" if label != bm.region_name(region) else ""
    return f"{label}: {fmt_readings(bm, readings)}{conflict}"


def fmt_gap(gap: float) -> str:
    pts = number(abs(gap))
    if gap > 0:
        return f"*+{pts} points*: rosier at the top"
    if gap < 0:
        return f"*−{pts} points*: executives see less of it than their CS managers"
    return "*0 points*: both groups agree"


# ----- primitive blocks --------------------------------------------------------------------
def section(text: str, block_id: str | None = None) -> dict:
    block = {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, LIMITS["section_text"])}}
    if block_id:
        block["block_id"] = block_id
    return block


def header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": truncate(text, LIMITS["header_text"]), "emoji": True}}


def context(*texts: str) -> dict:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": truncate(t, LIMITS["section_text"])} for t in texts[: LIMITS["context_elements"]]],
    }


def divider() -> dict:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict:
    b = {
        "type": "button",
        "text": {"type": "plain_text", "text": truncate(text, LIMITS["button_text"]), "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        b["style"] = style
    return b


def message(blocks: list[dict], text: str) -> dict:
    """A message payload: blocks plus the plain-text fallback used by notifications."""
    return {"blocks": blocks[: LIMITS["message_blocks"]], "text": truncate(text, 3000)}


def notice(text: str) -> dict:
    """A one-line ephemeral answer (errors, confirmations)."""
    return message([section(text)], text)


# ----- answers to /gap <question> ----------------------------------------------------------
LANGUAGE = {"en": "English", "sv": "Swedish", "it": "Italian"}


def caveat_text(bm: Benchmarks) -> str:
    """The caveat, and what each source calls the study's second group."""
    detail = bm.studies["genesys2008"]["caveat"].split(". ", 1)[1]
    return CAVEAT + " " + escape(detail)


def source_line(bm: Benchmarks, view: MetricView) -> str:
    study = bm.studies[view.metric.study]
    labels = ", ".join(escape(bm.source_label(s)) for s in view.seeds)
    extra = ""
    if view.metric.study == "genesys2008":
        extra = " · 927 companies in 47 countries, April–May 2008"
    return f"Source: {study['short']}{extra} · {labels}"


def metric_text(bm: Benchmarks, view: MetricView) -> str:
    m = view.metric
    lines = [f"*{escape(m.title)}*"]
    if m.kind == "paired":
        ex = fmt_readings(bm, view.get("executives"))
        cs = fmt_readings(bm, view.get("cs_professionals"))
        lines.append(f"{GROUP_LABEL['executives']}: {ex} · {GROUP_LABEL['cs_professionals']}: {cs}")
        if view.gap is not None:
            lines.append(f"Gap (executives − CS): {fmt_gap(view.gap)}")
        for stated in view.get("gap"):
            lines.append(f"Gap as stated by {', '.join(bm.source_label(s) for s in stated.seeds)}: "
                         f"*{fmt_reading(stated)}*")
    elif m.kind in ("single", "derived"):
        lines.append(f"Executives: {fmt_readings(bm, view.get('executives'))}")
    else:
        overall = view.get("all")
        if overall:
            label = "Worldwide" if m.kind == "company" else "Figure"
            lines.append(f"{label}: {fmt_readings(bm, overall)}")
    if m.kind == "paired" and view.get("all"):
        lines.append(f"Worldwide, all organisations: {fmt_readings(bm, view.get('all'))}")
    if view.get("respondents"):
        lines.append(f"Worldwide, respondents: {fmt_readings(bm, view.get('respondents'))}")
    for region in view.regions:
        lines.append(f"• {region_line(bm, region, view.get('all', region))}")
    return "\n".join(lines)


def metric_blocks(bm: Benchmarks, view: MetricView, caveat: bool) -> list[dict]:
    notes = [escape(n) for n in view.notes]
    ctx = [source_line(bm, view)]
    if notes:
        ctx.append("Note: " + " ".join(notes))
    if view.metric.kind == "paired" and caveat:
        ctx.append(caveat_text(bm))
    if view.metric.study == "strativity2004":
        ctx.append(":information_source: " + escape(bm.studies["strativity2004"]["caveat"]))
    return [section(metric_text(bm, view), block_id=f"metric:{view.metric.id}"), context(*ctx)]


def quote_line(bm: Benchmarks, seed: str, quote: str) -> str:
    src = bm.sources.get(seed, {})
    lang = LANGUAGE.get(src.get("language", ""), src.get("language", "?"))
    return f"> “{escape(truncate(quote, 400))}”\n_{escape(src.get('publisher', seed))}, {lang}, `{seed}`_"


def fact_blocks(bm: Benchmarks, fact: Fact) -> list[dict]:
    study = bm.studies[fact.study]["short"]
    quotes = "\n".join(quote_line(bm, seed, quote) for seed, quote in fact.sources)
    return [section(f"*{escape(fact.title)}* ({study})\n{escape(fact.text)}\n{quotes}",
                    block_id=f"metric:{fact.id}")]


def answer_blocks(bm: Benchmarks, answer: Answer) -> dict:
    """The reply to `/gap <question>`: one to three topics, a ranking, the leading regions, where
    a figure comes from, what the studies don't measure, or guidance."""
    build = {"ranking": ranking_blocks, "leaders": leaders_blocks, "provenance": provenance_blocks,
             "unmeasured": unmeasured_blocks}.get(answer.kind)
    if build:
        return build(bm, answer)
    if answer.kind == "region":
        return region_blocks(bm, answer.regions[0])
    if answer.kind != "metrics":
        return no_match_blocks(bm, answer.query)
    blocks = [context(f"You asked: _{escape(truncate(answer.query, 200))}_")]
    paired = [t for t in answer.topics if getattr(t, "kind", "") == "paired"]
    for topic in answer.topics:  # the caveat once, under the last paired metric
        if isinstance(topic, Fact):
            blocks += fact_blocks(bm, topic)
        else:
            blocks += metric_blocks(bm, bm.view(topic.id), caveat=bool(paired) and topic is paired[-1])
    if answer.asks_about_agents and paired:
        blocks.append(section(
            "_You asked about agents: the closest the study has is its CS managers and directors. "
            "Run a pulse (`/gap poll now`) to measure your own agents._"
        ))
    if answer.unmeasured:
        blocks.append(section("_The studies don't measure "
                              + " or ".join(f"*{escape(u.title)}*" for u in answer.unmeasured) + "._"))
    if answer.also:
        lines = [f"• *{escape(m.title)}*: {plain_summary(bm, bm.view(m.id))}" for m in answer.also]
        blocks.append(section("*Also:*\n" + "\n".join(lines)))
    first = answer.topics[0]
    summary = escape(first.text) if isinstance(first, Fact) else plain_summary(bm, bm.view(first.id))
    return message(blocks, f"{first.title}: {summary}")


def plain_summary(bm: Benchmarks, view: MetricView) -> str:
    """One line, no markup: for notifications and 'also' lines."""
    if view.metric.kind == "paired" and view.gap is not None:
        ex, cs = view.single("executives"), view.single("cs_professionals")
        return f"executives {number(ex)}%, CS managers {number(cs)}%, gap {number(view.gap)} points"
    parts = []
    for group, label in (("executives", "executives"), ("all", "worldwide")):
        readings = view.get(group)
        if readings:
            parts.append(f"{label} " + " / ".join(fmt_reading(r) for r in readings))
    parts += [
        f"{bm.region_label(r, view.get('all', r))} " + " / ".join(fmt_reading(x) for x in view.get("all", r))
        for r in view.regions
    ]
    return ", ".join(parts)


RANKING_HEAD = {
    "largest": "The gaps between executives and CS managers and directors, largest first",
    "agree": "Where executives and CS managers and directors agree most",
    "cs_higher": "Where CS managers and directors give a higher figure than executives",
    "exec_higher": "Where executives give a higher figure than their CS managers and directors",
}


def ranking_blocks(bm: Benchmarks, answer: Answer) -> dict:
    """Paired metrics ranked by gap (computed from the figures), answering what was asked."""
    views = [bm.view(m.id) for m in (answer.topics or bm.metrics.values())
             if m.kind == "paired" and bm.view(m.id).gap is not None]
    order = answer.order
    if order == "cs_higher":
        views = sorted((v for v in views if v.gap < 0), key=lambda v: v.gap)
    elif order == "exec_higher":
        views = sorted((v for v in views if v.gap > 0), key=lambda v: -v.gap)
    else:
        views = sorted(views, key=lambda v: (abs(v.gap), v.metric.id), reverse=order == "largest")
    lines = [f"{i}. *{escape(v.metric.title)}*: {plain_summary(bm, v)}" for i, v in enumerate(views, 1)]
    if order == "agree":
        same = [v for v in views if v.gap == 0]
        lead = (f"Both groups give the same figure on {len(same)}: "
                + ", ".join(f"*{escape(v.metric.title)}*" for v in same) if same else
                f"Smallest gap: *{escape(views[0].metric.title)}*") + "."
    elif views:
        lead = f"{len(views)} metric{'s' if len(views) != 1 else ''}; first: *{escape(views[0].metric.title)}* ({fmt_gap(views[0].gap)})."
    else:
        lead = "None: on every metric the study compared, the other group's figure is at least as high."
    seeds = sorted({s for v in views for s in v.seeds})
    blocks = [
        context(f"You asked: _{escape(truncate(answer.query, 200))}_"),
        section(f"*{RANKING_HEAD[order]}*\n{lead}\n" + "\n".join(lines), block_id=f"ranking:{order}"),
        context("Gaps are executives − CS managers and directors, in points, computed from the figures. "
                "Source: Genesys / Equation Research 2008 · " + ", ".join(escape(bm.source_label(s)) for s in seeds)),
        context(caveat_text(bm)),
    ]
    return message(blocks, f"{RANKING_HEAD[order]}: {escape(views[0].metric.title) if views else 'none'}")


def leaders_blocks(bm: Benchmarks, answer: Answer) -> dict:
    """Regions ranked for one metric (or for every metric with regional figures)."""
    metrics = answer.topics or [m for m in bm.metrics.values() if bm.view(m.id).regions]
    blocks: list[dict] = [context(f"You asked: _{escape(truncate(answer.query, 200))}_")]
    for m in metrics:
        view = bm.view(m.id)
        ranked = sorted(view.regions, key=lambda r: -max(x.value for x in view.get("all", r)))
        lines = [f"{i}. {region_line(bm, r, view.get('all', r))}" for i, r in enumerate(ranked, 1)]
        if view.get("all"):
            lines.append(f"Worldwide: {fmt_readings(bm, view.get('all'))}")
        blocks.append(section(f"*Which region leads: {escape(m.title)}*\n" + "\n".join(lines),
                              block_id=f"leaders:{m.id}"))
        blocks.append(context(source_line(bm, view)))
    blocks.append(context("The sources give regional figures only for some metrics and regions; "
                          "regional figures are shares of companies. `/gap region &lt;name&gt;` lists a region's."))
    return message(blocks, "Leading regions" + (f": {metrics[0].title}" if answer.topics else ""))


def provenance_blocks(bm: Benchmarks, answer: Answer) -> dict:
    """Where a figure comes from: every sentence that gives it, with its source and language."""
    by_metric: dict[str, list[Figure]] = {}
    for f in answer.figures:
        by_metric.setdefault(f.metric, []).append(f)
    blocks: list[dict] = [context(f"You asked: _{escape(truncate(answer.query, 200))}_")]
    for mid, figs in list(by_metric.items())[:8]:
        metric: Metric = bm.metrics[mid]
        where = {bm.region_name(f.region) for f in figs if f.region}
        group = {GROUP_LABEL.get(f.group, f.group) for f in figs if f.group in GROUP_LABEL}
        detail = ", ".join(sorted(group | where))
        seen: set[tuple[str, str]] = set()
        quotes = []
        for f in figs:
            if (f.seed, f.quote) not in seen:
                seen.add((f.seed, f.quote))
                quotes.append(quote_line(bm, f.seed, f.quote) + (f"\n_Note: {escape(f.note)}_" if f.group == "unclear" else ""))
        blocks.append(section(f"*{escape(metric.title)}*{f' ({detail})' if detail else ''}: "
                              f"*{number(figs[0].value)}{UNIT_SUFFIX.get(figs[0].unit, '')}*\n" + "\n".join(quotes[:4]),
                              block_id=f"source:{mid}"))
    count = len({f.seed for f in answer.figures})
    return message(blocks, f"{number(answer.value)}: {len(by_metric)} figure(s) in {count} source(s)")


def unmeasured_blocks(bm: Benchmarks, answer: Answer) -> dict:
    """What the studies never measured: say so, then the closest real metrics as suggestions."""
    asked = escape(truncate(answer.query, 200))
    names = " or ".join(f"*{escape(u.title)}*" for u in answer.unmeasured)
    blocks = [context(f"You asked: _{asked}_"), section(f"The studies don't measure {names}.", block_id="unmeasured")]
    closest = list(dict.fromkeys(mid for u in answer.unmeasured for mid in u.closest))
    if closest:
        lines = [f"• *{escape(bm.metrics[mid].title)}*: {plain_summary(bm, bm.view(mid))}" for mid in closest]
        blocks.append(section("*Not the answer, only the closest figures they have:*\n" + "\n".join(lines),
                              block_id="suggestions"))
    else:
        names = ", ".join(r["name"] for r in bm.region_info.values())
        blocks.append(section(f"Regional figures exist only for {names}.", block_id="suggestions"))
    blocks.append(context("`/gap list` shows everything the studies measured."))
    return message(blocks, f"The studies don't measure {', '.join(u.title for u in answer.unmeasured)}")


def no_match_blocks(bm: Benchmarks, query: str) -> dict:
    asked = escape(truncate(query, 200))
    listed = bm.listed
    comparable = sum(1 for m in listed if m.statement)
    text = (
        f"I found nothing in the studies about _{asked}_.\n"
        "Try a topic such as " + ", ".join(f"`{t}`" for t in (
            "feedback", "speed to answer", "brand", "self service", "revenue per call",
            "lifetime value", "strategic", "callback", "branch offices", "virtualization", "loyalty",
        )) + ", a comparison (`largest gap`), a region (`/gap region germany`), "
        "`/gap list` for every metric or `/gap study`."
    )
    return message([section(text), context(f"{len(listed)} metrics, {comparable} of them comparable with your team")],
                   "No match in the studies")


def list_blocks(bm: Benchmarks) -> dict:
    by_topic: dict[str, list[str]] = {}
    for m in bm.listed:
        mark = " (exec vs CS)" if m.kind == "paired" else ""
        by_topic.setdefault(m.topic, []).append(f"• {escape(m.title)}{mark}")
    blocks = [header("What the studies measured")]
    for topic, lines in by_topic.items():
        blocks.append(section(f"*{escape(topic)}*\n" + "\n".join(lines)))
    blocks.append(context(f"{len(bm.listed)} metrics. Ask about any of them: `/gap &lt;words&gt;`. "
                          "Regions: `/gap region &lt;name&gt;`. About the studies: `/gap study`."))
    return message(blocks, "Metrics in the studies")


def region_blocks(bm: Benchmarks, region: str | None, asked: str = "") -> dict:
    if not region:
        names = ", ".join(f"`{r['name']}`" for r in bm.region_info.values())
        return notice(f"I don't know the region _{escape(truncate(asked, 100))}_. The studies give figures for: {names}.")
    name = bm.region_name(region)
    figs = bm.region_figures(region)
    lines = []
    seeds: set[str] = set()
    for metric, where, readings in figs:
        label = bm.region_label(where, readings)
        shown = label if where != region else ""
        if label != bm.region_name(where):
            shown = f"{label}: the sources name the region differently"
        lines.append(f"• *{escape(metric.title)}*: {fmt_readings(bm, readings)}" + (f" ({shown})" if shown else ""))
        seeds.update(s for r in readings for s in r.seeds)
    blocks = [
        header(f"{name} in the 2008 study"),
        section("\n".join(lines)),
        context("Regional figures are shares of companies, not executive-vs-CS splits. Sources: "
                + ", ".join(escape(bm.source_label(s)) for s in sorted(seeds))),
    ]
    return message(blocks, f"{name}: {len(figs)} figures")


def study_blocks(bm: Benchmarks) -> dict:
    g, s = bm.studies["genesys2008"], bm.studies["strativity2004"]
    facts = {m: bm.view(m) for m in ("study_companies", "study_countries", "study_agents_covered",
                                      "study_share_small", "study_share_large",
                                      "study_company_size_min", "study_company_size_max")}

    def f(mid: str) -> str:
        return fmt_readings(bm, facts[mid].get("all"))

    genesys = (
        f"*{escape(g['name'])}*\n"
        f"Commissioned by {g['commissioned_by']}, run by {g['conducted_by']}, {g['fieldwork']}; "
        f"published {g['published']}.\n"
        f"*Who answered:* {f('study_companies')} in {f('study_countries')}. "
        f"{escape(g['groups']['executives'])} and {escape(g['groups']['cs_professionals'])}.\n"
        f"*Industries:* {g['industries']}.\n"
        f"*Size:* {f('study_share_small')} of respondents from companies with fewer than 500 agents, "
        f"{f('study_share_large')} from companies with more than 2,500; companies from "
        f"{f('study_company_size_min')} to {f('study_company_size_max')}; "
        f"{f('study_agents_covered')} in all."
    )
    strativity = (
        f"*{escape(s['name'])}* ({s['year']})\n"
        f"{escape(s['conducted_by'])}; published {s['published']}.\n"
        f"*Who answered:* {escape(s['groups']['executives'])}."
    )
    blocks = [
        header("The studies behind Pulsegap"),
        section(genesys),
        context(caveat_text(bm)),
        divider(),
        section(strativity),
        context(":information_source: " + escape(s["caveat"])),
        context("Sources: " + ", ".join(escape(bm.source_label(x)) for x in sorted(bm.sources))),
    ]
    return message(blocks, "About the studies")


HELP_LINES = [
    ("/{cmd} &lt;question&gt;", "answer from the studies, e.g. `/{cmd} what share of agents think speed to answer matters?`"),
    ("/{cmd} list", "every metric the studies measured"),
    ("/{cmd} region &lt;name&gt;", "every figure for a region, e.g. `/{cmd} region germany`"),
    ("/{cmd} study", "who was asked, when, how many, by whom"),
    ("/{cmd} roles exec|agent|remove @people @groups", "who gets the pulse (admins)"),
    ("/{cmd} statements [add &lt;text&gt; | remove &lt;number&gt;]", "what the pulse asks (admins change it)"),
    ("/{cmd} poll now | schedule weekly mon 09:00 Europe/Stockholm | status | close", "run pulses (admins)"),
    ("/{cmd} results [wave]", "your team's exec-vs-agent gap beside the study's"),
    ("/{cmd} digest #channel | schedule #channel weekly mon 09:00 Europe/Stockholm | status | stop", "post digests (admins)"),
    ("/{cmd} export", "the aggregates as CSV, by DM (admins)"),
    ("/{cmd} privacy", "what is stored about your answers, who sees what, and what it cannot protect against"),
]


def help_blocks(cmd: str = "gap", intro: str | None = None) -> dict:
    cmd = cmd.lstrip("/")
    lines = "\n".join(f"• `{u.format(cmd=cmd)}`: {d.format(cmd=cmd)}" for u, d in HELP_LINES)
    blocks = []
    if intro:
        blocks.append(section(intro))
    blocks += [
        section(f"*Pulsegap* compares how your executives and your agents see customer service, "
                f"beside the 2008 Genesys study of 927 companies.\n{lines}"),
        context("Answers are visible only to you. " + CAVEAT),
    ]
    return message(blocks, "Pulsegap help")


# ----- validation --------------------------------------------------------------------------
def validate(payload: dict | list, surface: str = "message") -> list[str]:
    """Problems with a payload against Slack's documented limits (empty list = valid)."""
    blocks = payload["blocks"] if isinstance(payload, dict) else payload
    problems = []
    max_blocks = LIMITS["home_blocks"] if surface == "home" else LIMITS["message_blocks"]
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks > {max_blocks}")
    for i, b in enumerate(blocks):
        t = b.get("type")
        if len(b.get("block_id", "")) > LIMITS["block_id"]:
            problems.append(f"block {i}: block_id too long")
        if t == "section":
            text = b.get("text", {}).get("text", "")
            if not text or len(text) > LIMITS["section_text"]:
                problems.append(f"block {i}: section text length {len(text)}")
        elif t == "header":
            text = b["text"]["text"]
            if b["text"]["type"] != "plain_text" or not text or len(text) > LIMITS["header_text"]:
                problems.append(f"block {i}: bad header")
        elif t == "context":
            els = b.get("elements", [])
            if not els or len(els) > LIMITS["context_elements"]:
                problems.append(f"block {i}: {len(els)} context elements")
            for e in els:
                if e.get("type") == "mrkdwn" and len(e.get("text", "")) > LIMITS["section_text"]:
                    problems.append(f"block {i}: context text too long")
        elif t == "actions":
            els = b.get("elements", [])
            if not els or len(els) > LIMITS["actions_elements"]:
                problems.append(f"block {i}: {len(els)} actions elements")
            ids = [e.get("action_id") for e in els]
            if len(set(ids)) != len(ids):
                problems.append(f"block {i}: duplicate action_id")
            for e in els:
                if not e.get("action_id") or len(e["action_id"]) > LIMITS["action_id"]:
                    problems.append(f"block {i}: bad action_id")
                if e.get("type") == "button" and (
                    not e["text"]["text"] or len(e["text"]["text"]) > LIMITS["button_text"]
                    or len(e.get("value", "")) > LIMITS["button_value"]
                ):
                    problems.append(f"block {i}: button over limits")
                elif e.get("type") not in ("button", "channels_select", "conversations_select"):
                    problems.append(f"block {i}: unexpected element {e.get('type')}")
        elif t == "image":
            if not (b.get("image_url") or b.get("slack_file")) or not b.get("alt_text"):
                problems.append(f"block {i}: image needs a source and alt_text")
        elif t not in ("divider",):
            problems.append(f"block {i}: unexpected type {t}")
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    if len(set(block_ids)) != len(block_ids):
        problems.append("duplicate block_id")
    if isinstance(payload, dict) and len(payload.get("text", "")) > LIMITS["fallback_text"]:
        problems.append("fallback text too long")
    return problems


# ----- pulses ------------------------------------------------------------------------------
LIKERT = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")
ROLE_LABEL = {"exec": "Executives", "agent": "Agents"}


def slack_date(iso: str) -> str:
    """A date Slack shows in each reader's own time zone (UTC in the fallback)."""
    from datetime import datetime, timezone

    dt = datetime.fromisoformat(iso).astimezone(timezone.utc)
    return f"<!date^{int(dt.timestamp())}^{{date_short_pretty}} at {{time}}|{dt:%Y-%m-%d %H:%M} UTC>"


def next_run_text(dt) -> str:
    """A scheduled run in the schedule's own zone (the trigger's), then in the reader's own:
    'Mon 30 Nov 09:00 Europe/Stockholm (<!date…> your time)'; 'paused' for None."""
    if dt is None:
        return "paused"
    zone = getattr(dt.tzinfo, "key", None) or dt.tzname()
    return f"{dt:%a} {dt.day} {dt:%b %H:%M} {zone} ({slack_date(dt.isoformat())} your time)"


def poll_dm(wave: dict, min_respondents: int) -> dict:
    """The pulse DM: an intro, then per statement a section and exactly five Likert buttons."""
    wid = wave["id"]
    blocks = [section(
        f":bar_chart: *Pulse #{wid}: how do you see our customer service?*\n"
        "One click per statement; click again to change your answer. Answers are *anonymous*: "
        "they are stored apart from your name, and results are shown only for groups of at least "
        f"{min_respondents} people (fixed for this pulse). Closes {slack_date(wave['closes_at'])}.",
        block_id=f"intro:{wid}",
    )]
    for i, s in enumerate(wave["statements"], 1):
        sid = s["id"]
        blocks.append(section(f"*{i}.* {escape(s['text'])}", block_id=f"s:{wid}:{sid}"))
        blocks.append({
            "type": "actions",
            "block_id": f"a:{wid}:{sid}",
            "elements": [button(label, f"vote:{sid}:{v}", f"{wid}:{sid}:{v}") for v, label in enumerate(LIKERT, 1)],
        })
    blocks.append({**section("Each click is confirmed to you alone; this message never shows your answers.",
                             block_id=f"mine:{wid}"),
                   "accessory": button("My answers", "my_answers", str(wid))})
    return message(blocks, f"Pulse #{wid}: {len(wave['statements'])} statements, one click each, anonymous")


def vote_recorded(wave: dict, statement_id: int, value: int) -> dict:
    """The ephemeral confirmation of a click (through its response_url: Slack keeps nothing of it)."""
    ids = [s["id"] for s in wave["statements"]]
    text = (f"Recorded: *{LIKERT[value - 1]}* for statement {ids.index(statement_id) + 1} of {len(ids)}. "
            "Only you see this.")
    return message([section(text)], text)


def my_answers(wave: dict, answers: dict[int, int] | None) -> dict:
    """The ephemeral answer to *My answers*: the person's current answers while the pulse is open
    (`answers`: statement id -> value), or, once it has closed (None), that they are unlinked."""
    if answers is None:
        return notice(f"Pulse #{wave['id']} has closed; your answers are no longer linked to you.")
    statements = wave["statements"]
    blocks = [section(f"*Your answers in Pulse #{wave['id']}* ({len(answers)} of {len(statements)} answered). "
                      "Only you see this.")]
    for i, s in enumerate(statements, 1):
        chosen = f"*{LIKERT[answers[s['id']] - 1]}*" if s["id"] in answers else "_not answered_"
        blocks.append(section(f"*{i}.* {escape(s['text'])}\n{chosen}"))
    return message(blocks, f"Your answers in Pulse #{wave['id']}: {len(answers)} of {len(statements)} answered")


def closed_dm(wave: dict, cmd: str) -> dict:
    """What every pulse DM becomes when its pulse closes: the same for everyone, no buttons."""
    text = (f":lock: *Pulse #{wave['id']} closed on {slack_date(wave['closed_at'])}.* Thank you for answering "
            f"anonymously: answers are no longer linked to anyone. `{cmd} results {wave['id']}` shows the team's figures.")
    return message([section(text, block_id=f"closed:{wave['id']}")], f"Pulse #{wave['id']} has closed")


def privacy_blocks(threshold: int, cmd: str = "gap") -> dict:
    """`/gap privacy`: what is stored, who sees what, the threshold, and the limits, in plain words."""
    cmd = cmd.lstrip("/")
    k = threshold
    blocks = [
        header("Your answers and your privacy"),
        section(
            "*While a pulse is open* Pulsegap stores who was asked and whether they have answered (not "
            "what), and each answer with its statement and role, filed under a code made from your Slack "
            "id and a secret that belongs to this pulse only, so that you can change your answer. While "
            "the pulse is open, someone with access to the database (an admin of the server) could use "
            "that secret to link answers to people."),
        section(
            "*When it closes* the counts are frozen, and the secret and every individual answer are "
            "deleted and wiped from the database files. What remains is how many people in each role gave "
            "each answer to each statement. A role and statement with fewer answers than the pulse's "
            "threshold is kept only as _suppressed_, with no number at all. Nothing ties an answer to a "
            "person, and Slack's copy of the pulse message is the same for everyone."),
        section(
            "*Who sees what.* Anyone can see results per role: % agree, the gap, and how many answered "
            "(\"3 of 5 answered\"). Admins also see who is in each role and run pulses, digests and "
            "exports of these same figures. Nobody, admins included, can see one person's answers."),
        section(
            f"*Threshold.* No figure is shown for fewer than *{k} answers* (this workspace's "
            "`MIN_RESPONDENTS`). Each pulse keeps the threshold it opened with: changing the setting later "
            "never reveals more of an earlier pulse."),
        section(
            "*What it cannot protect against*\n"
            f"• An admin who makes a role of {k} people of whom {k - 1} are accomplices: their answers, "
            "taken from the counts, leave yours.\n"
            "• An admin who changes a role by a person or two between pulses and compares the two pulses' "
            "results by hand (Pulsegap hides the trend then, and says why, but each pulse's own results "
            "stay visible).\n"
            "• A group where everyone gives the same answer: the result shows it.\n"
            "• Someone looking over your shoulder while you answer."),
        context(f"`/{cmd} help` lists every command."),
    ]
    return message(blocks, f"Privacy: answers are anonymous; no figure for fewer than {k} answers")


def reminder_text(wave: dict) -> str:
    return (f"A reminder: Pulse #{wave['id']} is still open until {slack_date(wave['closes_at'])}. "
            "It takes a minute, and your answers are anonymous; scroll up to the pulse message.")


def small_roles_text(small: dict[str, int], threshold: int) -> str:
    """An admin's warning about roles with fewer than threshold + 2 people, or ''."""
    if not small:
        return ""
    sizes = " and ".join(f"{ROLE_LABEL[r].lower()} {n}" for r, n in small.items())
    return (f":warning: Small roles: {sizes} people, fewer than {threshold + 2} (the threshold of {threshold}, "
            "plus 2). A pulse may show nothing for such a role, and changing it by a person or two between "
            "pulses could point at someone's answers.")


def roster_blocks(members: dict[str, list[dict]], counts: dict[str, int], problems: list[str],
                  warning: str = "") -> dict:
    lines = []
    for role in ("exec", "agent"):
        entries = members.get(role, [])
        names = ", ".join(
            f"<@{e['id']}>" if e["kind"] == "user" else f"<!subteam^{e['id']}>" for e in entries
        ) or "_nobody yet_"
        lines.append(f"*{ROLE_LABEL[role]}* ({plural(counts.get(role, 0), 'person', 'people')}): {names}")
    blocks = [section("\n".join(lines))]
    if problems:
        blocks.append(context(":warning: " + escape("; ".join(problems))))
    if warning:
        blocks.append(context(warning))
    blocks.append(context("Names are shown, never pinged. Change with `roles exec|agent|remove @people @groups`."))
    return message(blocks, f"Roles: {plural(counts.get('exec', 0), 'executive')}, {plural(counts.get('agent', 0), 'agent')}")


def statements_blocks(statements: list[dict], bm: Benchmarks) -> dict:
    lines = []
    for i, s in enumerate(statements, 1):
        link = f" _(study: {escape(bm.metrics[s['metric']].title)})_" if s.get("metric") in bm.metrics else ""
        lines.append(f"*{i}.* {escape(s['text'])}{link}")
    text = "\n".join(lines) or "_No statements. Add one with `statements add &lt;text&gt;`._"
    return message([section("*What the pulse asks*\n" + text),
                    context("Admins: `statements add &lt;text&gt;`, `statements remove &lt;number&gt;`.")],
                   plural(len(statements), "statement"))


def poll_status_blocks(schedule: tuple[str, object] | None, wave: dict | None,
                       counts: dict[str, dict[str, int]], skipped: list[dict], warning: str = "") -> dict:
    if schedule:
        name, when = schedule
        sched = f"*Schedule:* {escape(name)}; next pulse {next_run_text(when)}."
    else:
        sched = "*Schedule:* none. Set one with `poll schedule weekly mon 09:00 Europe/Stockholm`."
    blocks = [section(sched)]
    if wave:
        lines = [f"*Pulse #{wave['id']}* is open until {slack_date(wave['closes_at'])}."]
        for role in ("exec", "agent"):
            c = counts.get(role)
            if c:
                lines.append(f"• {ROLE_LABEL[role]}: {c['responded']} of {c['asked']} answered "
                             f"({c['sent']} delivered, {c['pending']} still sending, {c['failed']} failed)")
        lines.append("_Only counts are shown while a pulse is open; percentages appear when it closes._")
        blocks.append(section("\n".join(lines)))
        if skipped:
            who = ", ".join(f"<@{d['user_id']}> ({escape(d['error'] or 'unreachable')})" for d in skipped[:30])
            more = f" and {len(skipped) - 30} more" if len(skipped) > 30 else ""
            blocks.append(context(f":warning: Could not DM {len(skipped)}: {who}{more}"))
    else:
        blocks.append(section("No pulse is open. Start one with `poll now`."))
    if warning:
        blocks.append(context(warning))
    return message(blocks, "Pulse status")


# ----- results, digests, home ----------------------------------------------------------------
# Every percentage, gap and interval bound of our own pulses is shown as a whole number.
def signed(v: float) -> str:
    """A whole number with a real minus sign: '+60', '−7', '0'."""
    w = whole(v)
    return f"{'+' if w > 0 else '−' if w < 0 else ''}{abs(w)}"


def _pts(v: float | None) -> str:
    if v is None:
        return "n/a"
    return f"{signed(v)} {'point' if abs(whole(v)) == 1 else 'points'}"


def pct(v: float) -> str:
    return f"{whole(v)}%"


def verdict_text(s) -> str:
    """The verdict, and for an inconclusive one what these numbers of answers could show."""
    if s.verdict == INCONCLUSIVE:
        return (f"inconclusive: with these numbers only a gap of about {whole(s.detectable)} points "
                "or more would show")
    return s.verdict


def clause(text: str, limit: int) -> str:
    """A statement put before a colon: escaped, shortened, without its closing full stop."""
    return escape(truncate(text.strip(), limit).rstrip(".:;,"))


def role_line(label: str, r, min_n: int) -> str:
    if not r.shown:
        return f"{label}: fewer than {plural(min_n, 'answer')}"
    return f"{label}: *{pct(r.pct)}* agree (n={r.n})"


def study_line(s) -> str:
    if s.study_exec is not None and s.study_cs is not None:
        return (f"2008 study: executives {pct(s.study_exec)}, CS managers &amp; directors "
                f"{pct(s.study_cs)}, gap {_pts(s.study_gap)}")
    if s.study_exec is not None:
        return f"Strativity 2004: executives {pct(s.study_exec)}"
    return ""


def statement_result_text(i: int, s, min_n: int) -> str:
    lines = [f"*{i}. {escape(s.text)}*",
             role_line("Executives", s.roles["exec"], min_n) + " · " + role_line("Agents", s.roles["agent"], min_n)]
    if s.gap is not None:
        lines.append(f"Our gap: *{_pts(s.gap)}* (95% CI {signed(s.ci[0])} to {signed(s.ci[1])}): {verdict_text(s)}")
        if s.trend is not None:
            lines.append(f"Since the previous pulse: {'narrower' if s.trend < 0 else 'wider' if s.trend > 0 else 'same'}"
                         f" ({_pts(s.previous_gap)} before)")
    study = study_line(s)
    if study:
        lines.append(f"_{study}_")
    return "\n".join(lines)


def trend_hidden_text(res) -> str:
    """Why the trend since the previous pulse is not shown (small-change differencing)."""
    changed = " and ".join(f"the {ROLE_LABEL[r].lower()} changed by {n} {'person' if n == 1 else 'people'}"
                           for r, n in res.trend_hidden.items())
    return (f"Trend hidden: {changed} since Pulse #{res.previous_id}, fewer than {res.trend_threshold}, "
            "which could reveal individual answers.")


def wave_dates(wave: dict) -> str:
    closed = wave.get("closed_at") or wave["closes_at"]
    return f"{wave['opened_at'][:10]} to {closed[:10]}"


def participation_text(res) -> str:
    return " · ".join(
        f"{ROLE_LABEL[r]}: {res.respondents.get(r, 0)} of {res.asked.get(r, 0)} answered" for r in ("exec", "agent")
    )


def results_blocks(res, headline: str) -> dict:
    w = res.wave
    blocks = [header(f"Pulse #{w['id']} results ({wave_dates(w)})"), section(f"*{escape(headline)}*\n{participation_text(res)}")]
    if res.trend_hidden:
        blocks.append(context(trend_hidden_text(res)))
    for i, s in enumerate(res.statements, 1):
        blocks.append(section(statement_result_text(i, s, res.min_n), block_id=f"result:{s.statement_id}"))
    blocks.append(context(
        f"Agree = Agree + Strongly agree. No figure is shown for fewer than {res.min_n} answers. "
        "A gap is claimed only when its 95% interval excludes zero; _aligned_ means the interval lies within "
        f"±{ALIGNED_WITHIN} points, _inconclusive_ that it is too wide to tell. " + CAVEAT
    ))
    return message(blocks, f"Pulse #{w['id']}: {headline}")


def digest_blocks(res, headline: str, previous_id: int | None) -> dict:
    w = res.wave
    blocks = [header(f"Pulsegap digest: Pulse #{w['id']} ({wave_dates(w)})")]
    if not res.anything_shown:
        blocks.append(section(
            f"Pulse #{w['id']} had too few answers to show any figures: each role needs at least "
            f"{plural(res.min_n, 'answer')} on a statement. {participation_text(res)}."))
        return message(blocks, f"Pulse #{w['id']}: too few answers to show")
    blocks.append(section(f"*{escape(headline)}*"))
    top = res.largest_gaps(3)
    if top:
        lines = []
        for s in top:
            study = f" (2008 study: {_pts(s.study_gap)})" if s.study_gap is not None else ""
            lines.append(
                f"• {clause(s.text, 120)}: executives {pct(s.roles['exec'].pct)} vs agents "
                f"{pct(s.roles['agent'].pct)}, *{_pts(s.gap)}*, {verdict_text(s)}{study}")
        blocks.append(section("*Largest gaps*\n" + "\n".join(lines)))
    blocks.append(section(f"*Participation*: {participation_text(res)}"))
    trends = [s for s in res.statements if s.trend is not None]
    if res.trend_hidden:
        blocks.append(section(f"*Trend*: {trend_hidden_text(res)}"))
    elif trends and previous_id:
        narrower = sum(1 for s in trends if s.trend < 0)
        wider = sum(1 for s in trends if s.trend > 0)
        blocks.append(section(f"*Trend* since Pulse #{previous_id}: gaps narrower on {narrower}, wider on {wider}, "
                              f"unchanged on {len(trends) - narrower - wider}."))
    if res.compared:  # services.digests uploads the chart exactly then
        blocks.append(context("Chart below: executives vs agents, % agree, with the study's figures marked. " + CAVEAT))
    else:
        blocks.append(context(CAVEAT))
    return message(blocks, f"Pulse #{w['id']}: {headline}")


def home_view(res, headline: str | None, open_wave: dict | None, counts: dict, poll_schedule, digests: list,
              admin: bool, warning: str = "") -> dict:
    blocks = [header("Pulsegap: how your top and your floor see customer service")]
    if res is None:
        blocks.append(section("No pulse has closed yet. Admins start one with `/gap poll now`; "
                              "anyone can ask the 2008 study with `/gap &lt;question&gt;`."))
    else:
        blocks.append(section(f"*Latest results: Pulse #{res.wave['id']}* ({wave_dates(res.wave)})\n"
                              f"{escape(headline or '')}\n{participation_text(res)}"))
        lines = []
        for s in res.compared:
            study = f" · study {_pts(s.study_gap)}" if s.study_gap is not None else ""
            lines.append(f"• {clause(s.text, 90)}: *{_pts(s.gap)}*, {verdict_text(s)}{study}")
        rest = len(res.statements) - len(res.compared)
        if lines and rest:  # with nothing compared, the headline already says so
            lines.append(f"_Too few answers to compare the other {plural(rest, 'statement')}._")
        for chunk in range(0, len(lines), 10):
            blocks.append(section("\n".join(lines[chunk:chunk + 10])))
    blocks.append(divider())
    if open_wave:
        parts = [f"{ROLE_LABEL[r]} {c['responded']} of {c['asked']}" for r, c in sorted(counts.items())]
        blocks.append(section(f"*Open now: Pulse #{open_wave['id']}* until {slack_date(open_wave['closes_at'])}. "
                              f"Answered so far: {', '.join(parts) or 'nobody yet'}."))
    nxt = f"{escape(poll_schedule[0])}, next {next_run_text(poll_schedule[1])}" if poll_schedule else "not scheduled"
    blocks.append(section(f"*Next pulse:* {nxt}"))
    dl = [f"<#{ch}>: {escape(name)}, next {next_run_text(when)}" for ch, name, when in digests]
    blocks.append(section("*Digests:* " + ("; ".join(dl) if dl else "none scheduled")))
    if admin and warning:
        blocks.append(context(warning))
    if admin:
        blocks.append({"type": "actions", "block_id": "home_admin", "elements": [
            button("Run a pulse now", "home_poll_now", "poll_now", style="primary"),
            {"type": "channels_select", "action_id": "home_digest",
             "placeholder": {"type": "plain_text", "text": "Post digest to…"}},
        ]})
    blocks.append(context("Answers are anonymous; no figure is shown for small groups. " + CAVEAT))
    return {"type": "home", "blocks": blocks[: LIMITS["home_blocks"]]}
