"""The answers to `/gap <question>` and its study pages (list, region, study): figures from the studies."""

from __future__ import annotations

from dataclasses import replace

import i18n
from i18n import N_, _, ngettext, pgettext
from insights.studies import Answer, Fact, Figure, Metric, MetricView, Reading, Studies
from render.primitives import (
    caveat,
    context,
    divider,
    escape,
    fact_text,
    header,
    message,
    metric_title,
    notice,
    number,
    points,
    section,
    truncate,
    unmeasured_title,
)

GROUP_LABEL = {
    "executives": N_("Executives"),
    "cs_professionals": N_("CS managers &amp; directors"),  # mrkdwn
    "all": N_("All companies"),
}


def fmt_reading(reading: Reading) -> str:
    value = number(reading.value)
    units = {
        "percent": i18n.percent(reading.value),
        "points": ngettext("{size} point", "{size} points", 2, size=value),
        "companies": _("{n} companies", n=value),
        "countries": _("{n} countries", n=value),
        "employees": _("{n} employees", n=value),
        "agents": _("{n} agents", n=value),
        "months": _("{n} months", n=value),
    }
    if reading.unit == "percent" and reading.value in (33.3, 66.7):
        shown = _("a third") if reading.value == 33.3 else _("two thirds")
    else:
        shown = units.get(reading.unit, value)
    return f"{reading.qualifier} {shown}" if reading.qualifier else shown


def other_wording(bm: Studies, reading: Reading) -> str:
    """' ("about" in Italian trade article (it))' when a source words the same figure otherwise."""
    others = {f.seed: f.qualifier for f in reading.figures if f.qualifier != reading.qualifier}
    return "".join(
        " " + _('("{word}" in {source})', word=q, source=source_label(bm, seed)) for seed, q in others.items()
    )


def fmt_readings(bm: Studies, readings: list[Reading]) -> str:
    """One value, or every distinct value with its sources when the sources disagree."""
    if not readings:
        return _("not given")
    if len(readings) == 1:
        return f"*{fmt_reading(readings[0])}*{other_wording(bm, readings[0])}"
    parts = [f"*{fmt_reading(r)}* ({', '.join(source_label(bm, s) for s in r.seeds)})" for r in readings]
    return _("{values} — the sources disagree", values=" / ".join(parts))


def region_line(bm: Studies, region: str, readings: list[Reading]) -> str:
    label = bm.region_label(region, readings)
    if label != bm.region_name(region):
        return _(
            "{region}: {values} — the sources name the region differently",
            region=label,
            values=fmt_readings(bm, readings),
        )
    return f"{label}: {fmt_readings(bm, readings)}"


def fmt_gap(gap: float) -> str:
    if gap > 0:
        return _("*{gap}*: rosier at the top", gap=points(gap, exact=True))
    if gap < 0:
        return _("*{gap}*: executives see less of it than their CS managers", gap=points(gap, exact=True))
    return _("*{gap}*: both groups agree", gap=points(gap, exact=True))


def language_name(code: str) -> str:
    return {"en": _("English"), "sv": _("Swedish"), "it": _("Italian")}.get(code, code or "?")


def title(metric) -> str:
    """A metric's (or a fact's) title in the reader's language, escaped."""
    return escape(metric_title(metric))


def caveat_text(bm: Studies) -> str:
    """The caveat, and what each source calls the study's second group, in the reader's language."""
    return f"{caveat()} {escape(pgettext('caveat', bm.studies['genesys2008']['caveat_sources']))}"


def strativity_caveat(bm: Studies) -> str:
    return ":information_source: " + escape(pgettext("caveat", bm.studies["strativity2004"]["caveat"]))


def source_line(bm: Studies, view: MetricView) -> str:
    study = bm.studies[view.metric.study]
    labels = ", ".join(source_label(bm, s) for s in view.seeds)
    if view.metric.study == "genesys2008":
        return _(
            "Source: {study} · 927 companies in 47 countries, April–May 2008 · {sources}",
            study=study["short"],
            sources=labels,
        )
    return _("Source: {study} · {sources}", study=study["short"], sources=labels)


def metric_text(bm: Studies, view: MetricView) -> str:
    m = view.metric
    lines = [f"*{title(m)}*"]
    if m.kind == "paired":
        lines.append(
            _(
                "Executives: {exec} · CS managers &amp; directors: {cs}",
                exec=fmt_readings(bm, view.get("executives")),
                cs=fmt_readings(bm, view.get("cs_professionals")),
            )
        )
        if view.gap is not None:
            lines.append(_("Gap (executives − CS): {gap}", gap=fmt_gap(view.gap)))
        for stated in view.get("gap"):
            sources = ", ".join(source_label(bm, s) for s in stated.seeds)
            lines.append(_("Gap as stated by {sources}: *{gap}*", sources=sources, gap=fmt_reading(stated)))
    elif m.kind in ("single", "derived"):
        lines.append(_("Executives: {values}", values=fmt_readings(bm, view.get("executives"))))
    else:
        overall = view.get("all")
        if overall and m.kind == "company":
            lines.append(_("Worldwide: {values}", values=fmt_readings(bm, overall)))
        elif overall:
            lines.append(_("Figure: {values}", values=fmt_readings(bm, overall)))
    if m.kind == "paired" and view.get("all"):
        lines.append(_("Worldwide, all organisations: {values}", values=fmt_readings(bm, view.get("all"))))
    if view.get("respondents"):
        lines.append(_("Worldwide, respondents: {values}", values=fmt_readings(bm, view.get("respondents"))))
    for region in view.regions:
        lines.append(f"• {region_line(bm, region, view.get('all', region))}")
    quote = own_language_quote(bm, view)
    if quote:
        lines.append(quote)
    return "\n".join(lines)


def own_language_quote(bm: Studies, view: MetricView) -> str:
    """For a Swedish or Italian reader, the source's own sentence in their language, when a source
    in it gives this figure ('' otherwise: English readers have the English figures above)."""
    lang = i18n.current()
    if lang == i18n.DEFAULT:
        return ""
    for readings in view.readings.values():
        for reading in readings:
            for f in reading.figures:
                if f.language == lang and f.quote:
                    return quote_line(bm, f.seed, f.quote)
    return ""


def metric_blocks(bm: Studies, view: MetricView, caveat: bool) -> list[dict]:
    notes = [escape(i18n.pgettext("note", n)) for n in view.notes]
    ctx = [source_line(bm, view)]
    if notes:
        ctx.append(_("Note: {notes}", notes=" ".join(notes)))
    if view.metric.kind == "paired" and caveat:
        ctx.append(caveat_text(bm))
    if view.metric.study == "strativity2004":
        ctx.append(strativity_caveat(bm))
    return [section(metric_text(bm, view), block_id=f"metric:{view.metric.id}"), context(*ctx)]


def publisher(bm: Studies, seed: str) -> str:
    """Who published a source, in the reader's language ('Italian trade article': 'Articolo di settore italiano')."""
    src = bm.sources.get(seed, {})
    return pgettext("publisher", src["publisher"]) if src.get("publisher") else seed


def source_label(bm: Studies, seed: str) -> str:
    """'Italian trade article (it)': the publisher and the source's language code, escaped."""
    return escape(f"{publisher(bm, seed)} ({bm.sources.get(seed, {}).get('language', '?')})")


def quote_line(bm: Studies, seed: str, quote: str) -> str:
    """A quote, then its source: publisher, language and file (a code span never goes in italics)."""
    lang = language_name(bm.sources.get(seed, {}).get("language", ""))
    return f"> “{escape(truncate(quote, 400))}”\n{escape(publisher(bm, seed))}, {lang} · `{seed}`"


def asked(query: str) -> dict:
    """The question echoed back as plain text: the asker's `*`, `_`, `~` and backticks format
    nothing, and nothing in it can ping."""
    return {
        "type": "context",
        "elements": [
            {
                "type": "plain_text",
                "text": _("You asked: {question}", question=escape(truncate(query, 200))),
                "emoji": False,
            }
        ],
    }


def fact_blocks(bm: Studies, fact: Fact) -> list[dict]:
    study = bm.studies[fact.study]["short"]
    quotes = "\n".join(quote_line(bm, seed, quote) for seed, quote in fact.sources)
    return [section(f"*{title(fact)}* ({study})\n{escape(fact_text(fact))}\n{quotes}", block_id=f"metric:{fact.id}")]


def several_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Two or three questions in one message ("what do you have for the UK, and which market leads on
    branch offices?"): each answer in turn, under one echo of the message, a divider between them;
    a block two answers share (the echo, the caveat about CS managers) shown once."""
    replies = [answer_blocks(bm, replace(part, query=answer.query), cmd) for part in answer.parts]
    blocks = [asked(answer.query)]
    for i, reply in enumerate(replies):
        if i:
            blocks.append(divider())
        blocks += [b for b in reply["blocks"] if b not in blocks]
    seen: dict[str, int] = {}
    for i, b in enumerate(blocks):  # block_ids are unique within a message: a metric answered twice gets "…#2"
        if "block_id" in b:
            seen[b["block_id"]] = seen.get(b["block_id"], 0) + 1
            if seen[b["block_id"]] > 1:
                blocks[i] = {**b, "block_id": f"{b['block_id']}#{seen[b['block_id']]}"}
    return message(blocks, " · ".join(reply["text"] for reply in replies))


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
    if answer.kind == "several":  # each question of the message, one after another
        return several_blocks(bm, answer, cmd)
    if answer.kind == "region":  # each region asked ("France and Asia: what do you have for each?")
        parts = [region_blocks(bm, region, cmd) for region in answer.regions[:3]]
        return message([b for p in parts for b in p["blocks"]], " · ".join(p["text"] for p in parts))
    if answer.kind != "metrics":
        return no_match_blocks(bm, answer, cmd)
    blocks = [asked(answer.query)]
    paired = [t for t in answer.topics if getattr(t, "kind", "") == "paired"]
    if answer.asks_gap and not paired:
        titles = _(" or ").join(f"*{title(t)}*" for t in answer.topics)
        blocks.append(
            section(
                _(
                    "The study has no executives-vs-CS split for {titles}, so it gives no gap: only the figures below.",
                    titles=titles,
                )
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
                _(
                    "You asked about agents: the closest the study has is its CS managers and directors. "
                    "Run a pulse (`{cmd} poll now`) to measure your own agents.",
                    cmd=cmd,
                )
            )
        )
    if answer.also:
        lines = [f"• *{title(m)}*: {plain_summary(bm, bm.view(m.id))}" for m in answer.also]
        blocks.append(section(_("*Also:*\n{lines}", lines="\n".join(lines))))
    first = answer.topics[0]
    summary = escape(fact_text(first)) if isinstance(first, Fact) else plain_summary(bm, bm.view(first.id))
    return message(blocks, f"{metric_title(first)}: {summary}")


def plain_summary(bm: Studies, view: MetricView) -> str:
    """One line, no markup: for notifications and 'also' lines."""
    if view.metric.kind == "paired" and view.gap is not None:
        return _(
            "executives {exec}, CS managers {cs}, gap {gap}",
            exec=i18n.percent(view.single("executives")),
            cs=i18n.percent(view.single("cs_professionals")),
            gap=points(view.gap, exact=True),
        )
    parts = []
    for group in ("executives", "all"):
        readings = view.get(group)
        if readings:
            values = " / ".join(fmt_reading(r) for r in readings)
            parts.append(
                _("executives {values}", values=values)
                if group == "executives"
                else _("worldwide {values}", values=values)
            )
    parts += [
        f"{bm.region_label(r, view.get('all', r))} " + " / ".join(fmt_reading(x) for x in view.get("all", r))
        for r in view.regions
    ]
    return ", ".join(parts)


RANKING_HEAD = {
    "largest": N_("The gaps between executives and CS managers and directors, largest first"),
    "agree": N_("Where executives and CS managers and directors agree most"),
    "cs_higher": N_("Where CS managers and directors give a higher figure than executives"),
    "exec_higher": N_("Where executives give a higher figure than their CS managers and directors"),
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
    lines = [f"{i}. *{title(v.metric)}*: {plain_summary(bm, v)}" for i, v in enumerate(views, 1)]
    if order == "agree":
        same = [v for v in views if v.gap == 0]
        lead = (
            _(
                "Both groups give the same figure on {n}: {titles}.",
                n=len(same),
                titles=", ".join(f"*{title(v.metric)}*" for v in same),
            )
            if same
            else _("Smallest gap: *{title}*.", title=title(views[0].metric))
        )
    elif views:
        lead = ngettext(
            "{n} metric; first: *{title}* ({gap}).",
            "{n} metrics; first: *{title}* ({gap}).",
            len(views),
            title=title(views[0].metric),
            gap=fmt_gap(views[0].gap),
        )
    else:
        lead = _("None: on every metric the study compared, the other group's figure is at least as high.")
    seeds = sorted({s for v in views for s in v.seeds})
    head = _(RANKING_HEAD[order])
    blocks = [
        asked(answer.query),
        section(f"*{head}*\n{lead}\n" + "\n".join(lines), block_id=f"ranking:{order}"),
        context(
            _(
                "Gaps are executives − CS managers and directors, in points, computed from the figures. "
                "Source: Genesys / Equation Research 2008 · {sources}",
                sources=", ".join(source_label(bm, s) for s in seeds),
            )
        ),
        context(caveat_text(bm)),
    ]
    return message(blocks, f"{head}: {title(views[0].metric) if views else _('none')}")


def leaders_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Regions ranked for one metric (or for every metric with regional figures)."""
    metrics = answer.topics or [m for m in bm.metrics.values() if bm.view(m.id).regions]
    blocks: list[dict] = [asked(answer.query)]
    for m in metrics:
        view = bm.view(m.id)
        ranked = sorted(view.regions, key=lambda r: -max(x.value for x in view.get("all", r)))
        lines = [f"{i}. {region_line(bm, r, view.get('all', r))}" for i, r in enumerate(ranked, 1)]
        if view.get("all"):
            lines.append(_("Worldwide: {values}", values=fmt_readings(bm, view.get("all"))))
        blocks.append(
            section(
                _("*Which region leads: {title}*", title=title(m)) + "\n" + "\n".join(lines), block_id=f"leaders:{m.id}"
            )
        )
        blocks.append(context(source_line(bm, view)))
    blocks.append(
        context(
            _(
                "The sources give regional figures only for some metrics and regions; "
                "regional figures are shares of companies. `{cmd} region &lt;name&gt;` lists a region's.",
                cmd=cmd,
            )
        )
    )
    if answer.topics:
        return message(blocks, _("Leading regions: {title}", title=metric_title(metrics[0])))
    return message(blocks, _("Leading regions"))


def provenance_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Where a figure comes from: every sentence that gives it, with its source and language."""
    by_metric: dict[str, list[Figure]] = {}
    for f in answer.figures:
        by_metric.setdefault(f.metric, []).append(f)
    blocks: list[dict] = [asked(answer.query)]
    for mid, figs in list(by_metric.items())[:8]:
        metric: Metric = bm.metrics[mid]
        where = {bm.region_name(f.region) for f in figs if f.region}
        group = {_(GROUP_LABEL[f.group]) for f in figs if f.group in GROUP_LABEL}
        detail = ", ".join(sorted(group | where))
        seen: set[tuple[str, str]] = set()
        quotes = []
        for f in figs:
            if (f.seed, f.quote) not in seen:
                seen.add((f.seed, f.quote))
                quotes.append(
                    quote_line(bm, f.seed, f.quote)
                    + (
                        "\n" + _("_Note: {note}_", note=escape(i18n.pgettext("note", f.note)))
                        if f.group == "unclear"
                        else ""
                    )
                )
        as_written = " / ".join(dict.fromkeys(fmt_reading(Reading(f.value, f.unit, f.qualifier)) for f in figs))
        blocks.append(
            section(
                f"*{title(metric)}*{f' ({detail})' if detail else ''}: *{as_written}*\n" + "\n".join(quotes[:4]),
                block_id=f"source:{mid}",
            )
        )
    count = len({f.seed for f in answer.figures})
    return message(
        blocks,
        _(
            "{value}: {figures} figure(s) in {sources} source(s)",
            value=number(answer.value),
            figures=len(by_metric),
            sources=count,
        ),
    )


def unmeasured_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """What the studies never measured: say so, then as suggestions the metrics the question also
    named ("customer satisfaction with self service") and the closest real ones."""
    names = _(" or ").join(f"*{escape(unmeasured_title(u))}*" for u in answer.unmeasured)
    headline = _("The studies don't measure {names}.", names=names)
    if not answer.unmeasured:  # insights.doubt: questions like this one asked what the studies lack
        headline = _("The studies don't seem to answer that: questions like it ask for what they never measured.")
    elif answer.regions and answer.topics and any(u.id == "none:other_regions" for u in answer.unmeasured):
        where = _(" or ").join(f"*{bm.region_name(r)}*" for r in answer.regions)
        headline = _("The studies have no figures for {regions} on this.", regions=where)
    blocks = [asked(answer.query), section(headline, block_id="unmeasured")]
    named = [t.id for t in answer.topics if t.id in bm.metrics]
    closest = list(dict.fromkeys(named + [mid for u in answer.unmeasured for mid in u.closest]))
    if closest:
        lines = [f"• *{title(bm.metrics[mid])}*: {plain_summary(bm, bm.view(mid))}" for mid in closest]
        blocks.append(
            section(
                _("*Not the answer, only the closest figures they have:*\n{lines}", lines="\n".join(lines)),
                block_id="suggestions",
            )
        )
    elif any(u.id == "none:other_regions" for u in answer.unmeasured):
        names = ", ".join(r["name"] for r in bm.region_info.values())
        blocks.append(section(_("Regional figures exist only for {names}.", names=names), block_id="suggestions"))
    blocks.append(context(_("`{cmd} list` shows everything the studies measured.", cmd=cmd)))
    if not answer.unmeasured:
        return message(blocks, headline)
    return message(
        blocks, _("The studies don't measure {names}", names=", ".join(unmeasured_title(u) for u in answer.unmeasured))
    )


def no_match_blocks(bm: Studies, answer: Answer, cmd: str) -> dict:
    """Nothing found: the question echoed, `results` for a question about the team's own pulses,
    and what can be asked."""
    listed = bm.listed
    comparable = sum(1 for m in listed if m.statement)
    topics = ", ".join(
        f"`{t}`"
        for t in (
            _("feedback"),
            _("speed to answer"),
            _("brand"),
            _("self service"),
            _("revenue per call"),
            _("lifetime value"),
            _("strategic"),
            _("callback"),
            _("branch offices"),
            _("virtualization"),
            _("loyalty"),
        )
    )
    lines = [_("I found nothing in the studies for that question.")]
    if answer.about_team:
        lines.append(
            _(
                "The studies know nothing of your team: `{cmd} results` shows your own pulses' figures beside the study's.",
                cmd=cmd,
            )
        )
    lines.append(
        _(
            "Try a topic such as {topics}, a comparison (`largest gap`), a region (`{cmd} region germany`), "
            "`{cmd} list` for every metric or `{cmd} study`.",
            topics=topics,
            cmd=cmd,
        )
    )
    return message(
        [
            asked(answer.query),
            section("\n".join(lines)),
            context(
                _("{n} metrics, {comparable} of them comparable with your team", n=len(listed), comparable=comparable)
            ),
        ],
        _("No match in the studies"),
    )


def list_blocks(bm: Studies, cmd: str) -> dict:
    by_topic: dict[str, list[str]] = {}
    for m in bm.listed:
        line = _("• {title} (exec vs CS)", title=title(m)) if m.kind == "paired" else f"• {title(m)}"
        by_topic.setdefault(m.topic, []).append(line)
    blocks = [header(_("What the studies measured"))]
    for topic, lines in by_topic.items():
        blocks.append(section(f"*{escape(pgettext('topic', topic))}*\n" + "\n".join(lines)))
    blocks.append(
        context(
            _(
                "{n} metrics. Ask about any of them: `{cmd} &lt;words&gt;`. "
                "Regions: `{cmd} region &lt;name&gt;`. About the studies: `{cmd} study`.",
                n=len(bm.listed),
                cmd=cmd,
            )
        )
    )
    return message(blocks, _("Metrics in the studies"))


def region_blocks(bm: Studies, region: str | None, cmd: str, typed: str = "") -> dict:
    """A region's figures; for a name it does not know (`typed`), or none, the regions it does."""
    if not region:
        names = ", ".join(f"`{r['name']}`" for r in bm.region_info.values())
        if typed.strip():
            return notice(
                _(
                    "I don't know the region “{region}”. The studies give figures for: {names}.",
                    region=escape(truncate(typed, 100)),
                    names=names,
                )
            )
        return notice(
            _("Which region? e.g. `{cmd} region germany`. The studies give figures for: {names}.", cmd=cmd, names=names)
        )
    name = bm.region_name(region)
    figs = bm.region_figures(region)
    lines = []
    seeds: set[str] = set()
    for metric, where, readings in figs:
        label = bm.region_label(where, readings)
        shown = label if where != region else ""
        if label != bm.region_name(where):
            shown = _("{region}: the sources name the region differently", region=label)
        lines.append(f"• *{title(metric)}*: {fmt_readings(bm, readings)}" + (f" ({shown})" if shown else ""))
        seeds.update(s for r in readings for s in r.seeds)
    blocks = [
        header(_("{region} in the 2008 study", region=name)),
        section("\n".join(lines)),
        context(
            _(
                "Regional figures are shares of companies, not executive-vs-CS splits. Sources: {sources}",
                sources=", ".join(source_label(bm, s) for s in sorted(seeds)),
            )
        ),
    ]
    return message(blocks, ngettext("{region}: {n} figure", "{region}: {n} figures", len(figs), region=name))


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

    genesys = f"*{escape(g['name'])}*\n" + _(
        "Commissioned by {commissioned_by}, run by {conducted_by}, {fieldwork}; published {published}.\n"
        "*Who answered:* {companies} in {countries}. {executives} and {cs}.\n"
        "*Industries:* {industries}.\n"
        "*Size:* {small} of respondents from companies with fewer than 500 agents, "
        "{large} from companies with more than 2,500; companies from {size_min} to {size_max}; {agents} in all.",
        commissioned_by=g["commissioned_by"],
        conducted_by=g["conducted_by"],
        fieldwork=g["fieldwork"],
        published=g["published"],
        companies=f("study_companies"),
        countries=f("study_countries"),
        executives=escape(g["groups"]["executives"]),
        cs=escape(g["groups"]["cs_professionals"]),
        industries=g["industries"],
        small=f("study_share_small"),
        large=f("study_share_large"),
        size_min=f("study_company_size_min"),
        size_max=f("study_company_size_max"),
        agents=f("study_agents_covered"),
    )
    strativity = f"*{escape(s['name'])}* ({s['year']})\n" + _(
        "{conducted_by}; published {published}.\n*Who answered:* {executives}.",
        conducted_by=escape(s["conducted_by"]),
        published=s["published"],
        executives=escape(s["groups"]["executives"]),
    )
    blocks = [
        header(_("The studies behind Pulsegap")),
        section(genesys),
        context(caveat_text(bm)),
        divider(),
        section(strativity),
        context(strativity_caveat(bm)),
        context(_("Sources: {sources}", sources=", ".join(source_label(bm, x) for x in sorted(bm.sources)))),
    ]
    return message(blocks, _("About the studies"))
