"""The answers to `/gap <question>` and its study pages (list, region, study): figures from the studies."""

from __future__ import annotations

from insights.studies import Answer, Fact, Figure, Metric, MetricView, Reading, Studies
from render.primitives import (
    CAVEAT,
    context,
    divider,
    escape,
    header,
    message,
    notice,
    number,
    points,
    section,
    truncate,
)

GROUP_LABEL = {
    "executives": "Executives",
    "cs_professionals": "CS managers &amp; directors",  # mrkdwn
    "all": "All companies",
}


UNIT_SUFFIX = {
    "percent": "%",
    "points": " points",
    "companies": " companies",
    "countries": " countries",
    "employees": " employees",
    "agents": " agents",
    "months": " months",
}


FRACTIONS = {33.3: "a third", 66.7: "two thirds"}


def fmt_reading(reading: Reading) -> str:
    q = f"{reading.qualifier} " if reading.qualifier else ""
    if reading.unit == "percent" and reading.value in FRACTIONS:
        return f"{q}{FRACTIONS[reading.value]}"
    return f"{q}{number(reading.value)}{UNIT_SUFFIX.get(reading.unit, '')}"


def other_wording(bm: Studies, reading: Reading) -> str:
    """' ("about" in Italian trade article (it))' when a source words the same figure otherwise."""
    others = {f.seed: f.qualifier for f in reading.figures if f.qualifier != reading.qualifier}
    return "".join(f' ("{q}" in {bm.source_label(seed)})' for seed, q in others.items())


def fmt_readings(bm: Studies, readings: list[Reading]) -> str:
    """One value, or every distinct value with its sources when the sources disagree."""
    if not readings:
        return "not given"
    if len(readings) == 1:
        return f"*{fmt_reading(readings[0])}*{other_wording(bm, readings[0])}"
    parts = [f"*{fmt_reading(r)}* ({', '.join(escape(bm.source_label(s)) for s in r.seeds)})" for r in readings]
    return " / ".join(parts) + " — the sources disagree"


def region_line(bm: Studies, region: str, readings: list[Reading]) -> str:
    label = bm.region_label(region, readings)
    conflict = " — the sources name the region differently" if label != bm.region_name(region) else ""
    return f"{label}: {fmt_readings(bm, readings)}{conflict}"


def fmt_gap(gap: float) -> str:
    if gap > 0:
        meaning = "rosier at the top"
    elif gap < 0:
        meaning = "executives see less of it than their CS managers"
    else:
        meaning = "both groups agree"
    return f"*{points(gap, exact=True)}*: {meaning}"


LANGUAGE = {"en": "English", "sv": "Swedish", "it": "Italian"}


def caveat_text(bm: Studies) -> str:
    """The caveat, and what each source calls the study's second group."""
    detail = bm.studies["genesys2008"]["caveat"].split(". ", 1)[1]
    return CAVEAT + " " + escape(detail)


def source_line(bm: Studies, view: MetricView) -> str:
    study = bm.studies[view.metric.study]
    labels = ", ".join(escape(bm.source_label(s)) for s in view.seeds)
    extra = ""
    if view.metric.study == "genesys2008":
        extra = " · 927 companies in 47 countries, April–May 2008"
    return f"Source: {study['short']}{extra} · {labels}"


def metric_text(bm: Studies, view: MetricView) -> str:
    m = view.metric
    lines = [f"*{escape(m.title)}*"]
    if m.kind == "paired":
        ex = fmt_readings(bm, view.get("executives"))
        cs = fmt_readings(bm, view.get("cs_professionals"))
        lines.append(f"{GROUP_LABEL['executives']}: {ex} · {GROUP_LABEL['cs_professionals']}: {cs}")
        if view.gap is not None:
            lines.append(f"Gap (executives − CS): {fmt_gap(view.gap)}")
        for stated in view.get("gap"):
            lines.append(
                f"Gap as stated by {', '.join(bm.source_label(s) for s in stated.seeds)}: *{fmt_reading(stated)}*"
            )
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


def metric_blocks(bm: Studies, view: MetricView, caveat: bool) -> list[dict]:
    notes = [escape(n) for n in view.notes]
    ctx = [source_line(bm, view)]
    if notes:
        ctx.append("Note: " + " ".join(notes))
    if view.metric.kind == "paired" and caveat:
        ctx.append(caveat_text(bm))
    if view.metric.study == "strativity2004":
        ctx.append(":information_source: " + escape(bm.studies["strativity2004"]["caveat"]))
    return [section(metric_text(bm, view), block_id=f"metric:{view.metric.id}"), context(*ctx)]


def quote_line(bm: Studies, seed: str, quote: str) -> str:
    """A quote, then its source: publisher, language and file (a code span never goes in italics)."""
    src = bm.sources.get(seed, {})
    lang = LANGUAGE.get(src.get("language", ""), src.get("language", "?"))
    return f"> “{escape(truncate(quote, 400))}”\n{escape(src.get('publisher', seed))}, {lang} · `{seed}`"


def asked(query: str) -> dict:
    """The question echoed back as plain text: the asker's `*`, `_`, `~` and backticks format
    nothing, and nothing in it can ping."""
    return {
        "type": "context",
        "elements": [{"type": "plain_text", "text": f"You asked: {escape(truncate(query, 200))}", "emoji": False}],
    }


def fact_blocks(bm: Studies, fact: Fact) -> list[dict]:
    study = bm.studies[fact.study]["short"]
    quotes = "\n".join(quote_line(bm, seed, quote) for seed, quote in fact.sources)
    return [section(f"*{escape(fact.title)}* ({study})\n{escape(fact.text)}\n{quotes}", block_id=f"metric:{fact.id}")]


def answer_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """The reply to `/gap <question>` (`cmd`: the configured command): one to three topics, a
    ranking, the leading regions, where a figure comes from, what the studies don't measure, or
    guidance."""
    build = {
        "ranking": ranking_blocks,
        "leaders": leaders_blocks,
        "provenance": provenance_blocks,
        "unmeasured": unmeasured_blocks,
    }.get(answer.kind)
    if build:
        return build(bm, answer, cmd)
    if answer.kind == "region":
        return region_blocks(bm, answer.regions[0], cmd)
    if answer.kind != "metrics":
        return no_match_blocks(bm, answer, cmd)
    blocks = [asked(answer.query)]
    paired = [t for t in answer.topics if getattr(t, "kind", "") == "paired"]
    if answer.asks_gap and not paired:
        titles = " or ".join(f"*{escape(t.title)}*" for t in answer.topics)
        blocks.append(
            section(
                f"The study has no executives-vs-CS split for {titles}, so it gives no gap: only the figures below."
            )
        )
    for topic in answer.topics:  # the caveat once, under the last paired metric
        if isinstance(topic, Fact):
            blocks += fact_blocks(bm, topic)
        else:
            blocks += metric_blocks(bm, bm.view(topic.id), caveat=bool(paired) and topic is paired[-1])
    if answer.asks_about_agents and paired:
        blocks.append(
            section(
                "You asked about agents: the closest the study has is its CS managers and directors. "
                f"Run a pulse (`{cmd} poll now`) to measure your own agents."
            )
        )
    if answer.also:
        lines = [f"• *{escape(m.title)}*: {plain_summary(bm, bm.view(m.id))}" for m in answer.also]
        blocks.append(section("*Also:*\n" + "\n".join(lines)))
    first = answer.topics[0]
    summary = escape(first.text) if isinstance(first, Fact) else plain_summary(bm, bm.view(first.id))
    return message(blocks, f"{first.title}: {summary}")


def plain_summary(bm: Studies, view: MetricView) -> str:
    """One line, no markup: for notifications and 'also' lines."""
    if view.metric.kind == "paired" and view.gap is not None:
        ex, cs = view.single("executives"), view.single("cs_professionals")
        return f"executives {number(ex)}%, CS managers {number(cs)}%, gap {points(view.gap, exact=True)}"
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


def ranking_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Paired metrics ranked by gap (computed from the figures), answering what was asked."""
    views = [
        bm.view(m.id)
        for m in (answer.topics or bm.metrics.values())
        if m.kind == "paired" and bm.view(m.id).gap is not None
    ]
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
        lead = (
            f"Both groups give the same figure on {len(same)}: "
            + ", ".join(f"*{escape(v.metric.title)}*" for v in same)
            if same
            else f"Smallest gap: *{escape(views[0].metric.title)}*"
        ) + "."
    elif views:
        lead = f"{len(views)} metric{'s' if len(views) != 1 else ''}; first: *{escape(views[0].metric.title)}* ({fmt_gap(views[0].gap)})."
    else:
        lead = "None: on every metric the study compared, the other group's figure is at least as high."
    seeds = sorted({s for v in views for s in v.seeds})
    blocks = [
        asked(answer.query),
        section(f"*{RANKING_HEAD[order]}*\n{lead}\n" + "\n".join(lines), block_id=f"ranking:{order}"),
        context(
            "Gaps are executives − CS managers and directors, in points, computed from the figures. "
            "Source: Genesys / Equation Research 2008 · " + ", ".join(escape(bm.source_label(s)) for s in seeds)
        ),
        context(caveat_text(bm)),
    ]
    return message(blocks, f"{RANKING_HEAD[order]}: {escape(views[0].metric.title) if views else 'none'}")


def leaders_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Regions ranked for one metric (or for every metric with regional figures)."""
    metrics = answer.topics or [m for m in bm.metrics.values() if bm.view(m.id).regions]
    blocks: list[dict] = [asked(answer.query)]
    for m in metrics:
        view = bm.view(m.id)
        ranked = sorted(view.regions, key=lambda r: -max(x.value for x in view.get("all", r)))
        lines = [f"{i}. {region_line(bm, r, view.get('all', r))}" for i, r in enumerate(ranked, 1)]
        if view.get("all"):
            lines.append(f"Worldwide: {fmt_readings(bm, view.get('all'))}")
        blocks.append(
            section(f"*Which region leads: {escape(m.title)}*\n" + "\n".join(lines), block_id=f"leaders:{m.id}")
        )
        blocks.append(context(source_line(bm, view)))
    blocks.append(
        context(
            "The sources give regional figures only for some metrics and regions; "
            f"regional figures are shares of companies. `{cmd} region &lt;name&gt;` lists a region's."
        )
    )
    return message(blocks, "Leading regions" + (f": {metrics[0].title}" if answer.topics else ""))


def provenance_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Where a figure comes from: every sentence that gives it, with its source and language."""
    by_metric: dict[str, list[Figure]] = {}
    for f in answer.figures:
        by_metric.setdefault(f.metric, []).append(f)
    blocks: list[dict] = [asked(answer.query)]
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
                quotes.append(
                    quote_line(bm, f.seed, f.quote) + (f"\n_Note: {escape(f.note)}_" if f.group == "unclear" else "")
                )
        as_written = " / ".join(dict.fromkeys(fmt_reading(Reading(f.value, f.unit, f.qualifier)) for f in figs))
        blocks.append(
            section(
                f"*{escape(metric.title)}*{f' ({detail})' if detail else ''}: *{as_written}*\n" + "\n".join(quotes[:4]),
                block_id=f"source:{mid}",
            )
        )
    count = len({f.seed for f in answer.figures})
    return message(blocks, f"{number(answer.value)}: {len(by_metric)} figure(s) in {count} source(s)")


def unmeasured_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """What the studies never measured: say so, then as suggestions the metrics the question also
    named ("customer satisfaction with self service") and the closest real ones."""
    names = " or ".join(f"*{escape(u.title)}*" for u in answer.unmeasured)
    blocks = [asked(answer.query), section(f"The studies don't measure {names}.", block_id="unmeasured")]
    named = [t.id for t in answer.topics if t.id in bm.metrics]
    closest = list(dict.fromkeys(named + [mid for u in answer.unmeasured for mid in u.closest]))
    if closest:
        lines = [f"• *{escape(bm.metrics[mid].title)}*: {plain_summary(bm, bm.view(mid))}" for mid in closest]
        blocks.append(
            section(
                "*Not the answer, only the closest figures they have:*\n" + "\n".join(lines), block_id="suggestions"
            )
        )
    elif any(u.id == "none:other_regions" for u in answer.unmeasured):
        names = ", ".join(r["name"] for r in bm.region_info.values())
        blocks.append(section(f"Regional figures exist only for {names}.", block_id="suggestions"))
    blocks.append(context(f"`{cmd} list` shows everything the studies measured."))
    return message(blocks, f"The studies don't measure {', '.join(u.title for u in answer.unmeasured)}")


def no_match_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Nothing found: the question echoed, `results` for a question about the team's own pulses,
    and what can be asked."""
    listed = bm.listed
    comparable = sum(1 for m in listed if m.statement)
    team = (
        f"The studies know nothing of your team: `{cmd} results` shows your own pulses' figures beside the study's.\n"
        if answer.about_team
        else ""
    )
    text = (
        f"I found nothing in the studies for that question.\n{team}"
        "Try a topic such as "
        + ", ".join(
            f"`{t}`"
            for t in (
                "feedback",
                "speed to answer",
                "brand",
                "self service",
                "revenue per call",
                "lifetime value",
                "strategic",
                "callback",
                "branch offices",
                "virtualization",
                "loyalty",
            )
        )
        + f", a comparison (`largest gap`), a region (`{cmd} region germany`), "
        f"`{cmd} list` for every metric or `{cmd} study`."
    )
    return message(
        [
            asked(answer.query),
            section(text),
            context(f"{len(listed)} metrics, {comparable} of them comparable with your team"),
        ],
        "No match in the studies",
    )


def list_blocks(bm: Studies, cmd: str) -> dict:
    by_topic: dict[str, list[str]] = {}
    for m in bm.listed:
        mark = " (exec vs CS)" if m.kind == "paired" else ""
        by_topic.setdefault(m.topic, []).append(f"• {escape(m.title)}{mark}")
    blocks = [header("What the studies measured")]
    for topic, lines in by_topic.items():
        blocks.append(section(f"*{escape(topic)}*\n" + "\n".join(lines)))
    blocks.append(
        context(
            f"{len(bm.listed)} metrics. Ask about any of them: `{cmd} &lt;words&gt;`. "
            f"Regions: `{cmd} region &lt;name&gt;`. About the studies: `{cmd} study`."
        )
    )
    return message(blocks, "Metrics in the studies")


def region_blocks(bm: Studies, region: str | None, cmd: str, typed: str = "") -> dict:
    """A region's figures; for a name it does not know (`typed`), or none, the regions it does."""
    if not region:
        names = ", ".join(f"`{r['name']}`" for r in bm.region_info.values())
        first = (
            f"I don't know the region “{escape(truncate(typed, 100))}”."
            if typed.strip()
            else f"Which region? e.g. `{cmd} region germany`."
        )
        return notice(f"{first} The studies give figures for: {names}.")
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
        context(
            "Regional figures are shares of companies, not executive-vs-CS splits. Sources: "
            + ", ".join(escape(bm.source_label(s)) for s in sorted(seeds))
        ),
    ]
    return message(blocks, f"{name}: {len(figs)} figures")


def study_blocks(bm: Studies) -> dict:
    g, s = bm.studies["genesys2008"], bm.studies["strativity2004"]
    facts = {
        m: bm.view(m)
        for m in (
            "study_companies",
            "study_countries",
            "study_agents_covered",
            "study_share_small",
            "study_share_large",
            "study_company_size_min",
            "study_company_size_max",
        )
    }

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
