"""The digest chart: per statement, executives vs agents (% agree), the study's figures marked.

Matplotlib's object API with the Agg canvas: no pyplot global state, safe from any thread, no
display needed. Only figures that `/gap results` shows are drawn.
"""
from __future__ import annotations

import io
import textwrap

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

EXEC_COLOUR, AGENT_COLOUR = "#1d3557", "#e76f51"


def label(text: str, width: int = 42) -> str:
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def gap_chart(res) -> bytes | None:
    """PNG bytes, or None when there is nothing that may be shown."""
    items = [s for s in res.statements if any(r.shown for r in s.roles.values())]
    if not items:
        return None
    height = 1.6 + 0.9 * len(items)
    fig = Figure(figsize=(10, height), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    bar = 0.36
    for i, s in enumerate(items):
        y = len(items) - 1 - i
        for offset, role, colour in ((bar / 2, "exec", EXEC_COLOUR), (-bar / 2, "agent", AGENT_COLOUR)):
            r = s.roles[role]
            if r.shown:
                ax.barh(y + offset, r.pct, height=bar, color=colour)
                inside = r.pct >= 12
                ax.text(r.pct - 1 if inside else r.pct + 1, y + offset, f"{r.pct:.0f}%", va="center",
                        ha="right" if inside else "left", fontsize=9, color="white" if inside else "black")
        if s.study_exec is not None:
            ax.plot([s.study_exec], [y + bar / 2], marker="D", color="black", markersize=6)
        if s.study_cs is not None:
            ax.plot([s.study_cs], [y - bar / 2], marker="^", color="black", markersize=7)
    ax.set_yticks([len(items) - 1 - i for i in range(len(items))])
    ax.set_yticklabels([label(s.text) for s in items], fontsize=9, parse_math=False)  # "$5" is money, not TeX
    ax.set_xlim(0, 110)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("% agree (Agree + Strongly agree)")
    ax.set_title(f"Pulse #{res.wave['id']}: executives vs agents", fontsize=12, loc="left")
    handles = [
        Patch(color=EXEC_COLOUR, label="Our executives"),
        Patch(color=AGENT_COLOUR, label="Our agents"),
        Line2D([], [], marker="D", linestyle="", color="black", label="Study: executives"),
        Line2D([], [], marker="^", linestyle="", color="black", label="Study: CS managers & directors"),
    ]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.02 + 0.3 / height), ncol=2, fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
