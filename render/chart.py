"""The digest chart: per statement, executives vs agents (% agree), the study's figures marked.

Matplotlib's object API with the Agg canvas: no pyplot global state, safe from any thread, no
display needed. Only statements whose gap `/gap results` shows (both roles reach the threshold)
are drawn, so every bar the legend names is there.

Laid out for Slack's preview, about 640 px wide: the figure is WIDTH_IN inches, so at that width
one point is 640 / (72 × WIDTH_IN) px and the smallest text (FONT_PT) is at least 10 px. It is
rendered at DPI for sharp full-size viewing. Each statement's text sits above its two bars, across
the whole width; percentages stand in a column right of the bars, where no marker can cover them;
the study's markers are white with a black edge, visible on either bar and on the background:
a diamond for the 2008 study's executives, a triangle for its CS managers and directors, and a
square for the executives of Strativity's 2004 figures (metrics the 2008 study did not pair).
"""

from __future__ import annotations

import io
import math
import textwrap

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from i18n import N_, _
from render.primitives import pct, statement_text

EXEC_COLOUR, AGENT_COLOUR = "#1d3557", "#e76f51"
WIDTH_IN, DPI = 6.4, 200
FONT_PT = {"label": 10, "value": 9, "tick": 9, "legend": 9, "title": 12}
LINE_IN, BAR_IN = 0.19, 0.17  # inches: a line of a statement's text, a bar
PAD_IN, SPACE_IN = 0.03, 0.17  # after the text and after each bar; after a statement
TOP_IN, BOTTOM_IN, LEFT_IN, RIGHT_IN = 0.5, 1.0, 0.12, 0.5  # BOTTOM_IN: the axis and two rows of legend
LEGEND_ROW_IN = 0.22
# marker -> (size, legend label); the legend names only the markers drawn
STUDY_MARKERS = {
    "D": (7, N_("2008 study: executives")),
    "^": (8, N_("2008 study: CS managers & directors")),
    "s": (7, N_("Strativity 2004: executives")),
}
MARKER = {"linestyle": "", "markerfacecolor": "white", "markeredgecolor": "black", "markeredgewidth": 1.3}


def label(text: str, width: int = 72) -> str:
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def exec_marker(s) -> str:
    """The 2008 study's diamond, or Strativity 2004's square for a metric with no CS figure
    (only Strativity's are such, as render.results.study_line says)."""
    return "D" if s.study_cs is not None else "s"


def gap_chart(res) -> bytes | None:
    """PNG bytes, or None when no statement has a gap that may be shown."""
    items = res.compared
    if not items:
        return None
    labels = [label(statement_text(s.text, s.translations)) for s in items]
    drawn = {m for s in items for m, study in ((exec_marker(s), s.study_exec), ("^", s.study_cs)) if study is not None}
    handles = [Patch(color=EXEC_COLOUR, label=_("Our executives")), Patch(color=AGENT_COLOUR, label=_("Our agents"))]
    handles += [
        Line2D([], [], marker=m, markersize=size, label=_(text), **MARKER)
        for m, (size, text) in STUDY_MARKERS.items()
        if m in drawn
    ]
    body = sum(LINE_IN * (lab.count("\n") + 1) + 3 * PAD_IN + 2 * BAR_IN + SPACE_IN for lab in labels)
    bottom = BOTTOM_IN + LEGEND_ROW_IN * max(0, math.ceil(len(handles) / 2) - 2)  # room for a third row
    height = TOP_IN + body + bottom
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    # one y unit = one inch, from the top: rows of text and bars stack exactly
    ax = fig.add_axes((LEFT_IN / WIDTH_IN, bottom / height, 1 - (LEFT_IN + RIGHT_IN) / WIDTH_IN, body / height))
    ax.set_xlim(0, 100)
    ax.set_ylim(body, 0)
    y = 0.0
    for s, lab in zip(items, labels, strict=True):
        ax.text(0, y, lab, va="top", ha="left", fontsize=FONT_PT["label"], parse_math=False)
        y += LINE_IN * (lab.count("\n") + 1) + PAD_IN
        for role, colour, study, marker in (
            ("exec", EXEC_COLOUR, s.study_exec, exec_marker(s)),
            ("agent", AGENT_COLOUR, s.study_cs, "^"),
        ):
            centre = y + BAR_IN / 2
            ax.barh(centre, s.roles[role].pct, height=BAR_IN, color=colour)
            ax.text(
                101.5,
                centre,
                pct(s.roles[role].pct),
                va="center",
                ha="left",
                clip_on=False,
                fontsize=FONT_PT["value"],
                color=colour,
                fontweight="bold",
            )
            if study is not None:
                ax.plot([study], [centre], marker=marker, markersize=STUDY_MARKERS[marker][0], **MARKER)
            y += BAR_IN + PAD_IN
        y += SPACE_IN
    ax.set_yticks([])
    ax.set_xticks(range(0, 101, 20), [pct(x) for x in range(0, 101, 20)], fontsize=FONT_PT["tick"])
    xlabel = _("% agree (Agree + Strongly agree)")
    ax.set_xlabel(xlabel, fontsize=FONT_PT["tick"])
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.spines[["top", "right", "left"]].set_visible(False)
    title = _("Pulse #{id}: executives vs agents", id=res.pulse["id"])
    fig.text(
        LEFT_IN / WIDTH_IN,
        1 - 0.15 / height,
        title,
        va="top",
        ha="left",
        fontsize=FONT_PT["title"],
        fontweight="bold",
        parse_math=False,
    )
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(LEFT_IN / WIDTH_IN, 0.08 / height),
        ncol=2,
        fontsize=FONT_PT["legend"],
        frameon=False,
        borderaxespad=0,
    )
    buf = io.BytesIO()
    # the words drawn, also as the PNG's text (in the reader's language): for screen readers and search
    words = [*labels, *(h.get_label() for h in handles), xlabel]
    fig.savefig(buf, format="png", metadata={"Title": title, "Description": "\n".join(words)})
    return buf.getvalue()
