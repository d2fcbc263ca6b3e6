"""Block Kit primitives and formatting shared by every surface, and `validate` against Slack's limits.

Pure: data in, JSON-able dicts out. User text is always passed through `escape` before it is put
into mrkdwn, so `<!channel>`, `<!here>`, `<!everyone>` or `<@U…>` typed by a user can never ping anyone.
"""

from __future__ import annotations

from datetime import datetime, timezone

import i18n
from i18n import _, ngettext
from insights.stats import whole

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


def caveat() -> str:
    return _(":warning: The study's second group are customer-service *managers and directors*, not frontline agents.")


def escape(text: str) -> str:
    """Escape Slack's three control characters; with them gone nothing can mention or ping."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number(value: float) -> str:
    if value >= 1_000_000:
        return _("{n} million", n=i18n.number(value / 1_000_000))
    return i18n.number(round(value, 1))


def section(text: str, block_id: str | None = None) -> dict:
    block = {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, LIMITS["section_text"])}}
    if block_id:
        block["block_id"] = block_id
    return block


def header(text: str) -> dict:
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": truncate(text, LIMITS["header_text"]), "emoji": True},
    }


def context(*texts: str) -> dict:
    return {
        "type": "context",
        "elements": [
            {"type": "mrkdwn", "text": truncate(t, LIMITS["section_text"])} for t in texts[: LIMITS["context_elements"]]
        ],
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


def validate(payload: dict | list, surface: str = "message") -> list[str]:
    """Problems with a payload against Slack's documented limits (empty list = valid)."""
    blocks = payload["blocks"] if isinstance(payload, dict) else payload
    problems = []
    max_blocks = LIMITS["home_blocks"] if surface in ("home", "modal") else LIMITS["message_blocks"]
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
                    not e["text"]["text"]
                    or len(e["text"]["text"]) > LIMITS["button_text"]
                    or len(e.get("value", "")) > LIMITS["button_value"]
                ):
                    problems.append(f"block {i}: button over limits")
                elif e.get("type") not in ("button", "channels_select", "conversations_select"):
                    problems.append(f"block {i}: unexpected element {e.get('type')}")
        elif t == "input":  # modals only
            label, element = b.get("label") or {}, b.get("element") or {}
            if label.get("type") != "plain_text" or not 0 < len(label.get("text", "")) <= 2000:
                problems.append(f"block {i}: bad input label")
            if not element.get("action_id") or not b.get("block_id"):
                problems.append(f"block {i}: input needs a block_id and an element with an action_id")
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


def statement_text(text: str, translations: dict[str, str] | None = None) -> str:
    """A pulse statement in the reader's language: its admin's translation, a default statement's
    own (from data/metrics.yaml), or as typed. Answers count by statement id, whatever language."""
    return (translations or {}).get(i18n.current()) or i18n.pgettext("statement", text)


def metric_title(metric) -> str:
    """A metric's (or a fact's) title in the reader's language (data/metrics.yaml and
    data/studies.yaml, extracted)."""
    return i18n.pgettext("title", metric.title)


def fact_text(fact) -> str:
    """What a study fact says, in the reader's language (data/studies.yaml, extracted)."""
    return i18n.pgettext("fact", fact.text)


def unmeasured_title(unmeasured) -> str:
    """What the studies never measured, by name, in the reader's language (data/unmeasured.yaml)."""
    return i18n.pgettext("unmeasured", unmeasured.title)


def language_names() -> dict[str, str]:
    """i18n.LANGUAGES by name, in the reader's language."""
    return {"en": _("English"), "sv": _("Swedish"), "it": _("Italian")}


def role_label(role: str) -> str:
    """'Executives' or 'Agents', as a label before a colon or a count."""
    return _("Executives") if role == "exec" else _("Agents")


def slack_date(iso: str) -> str:
    """A date Slack shows in each reader's own time zone (UTC in the fallback)."""
    dt = datetime.fromisoformat(iso).astimezone(timezone.utc)
    tokens = _("{date} at {time}", date="{date_short_pretty}", time="{time}")
    return f"<!date^{int(dt.timestamp())}^{tokens}|{dt:%Y-%m-%d %H:%M} UTC>"


def next_run_text(dt) -> str:
    """A scheduled run in the schedule's own zone (the trigger's), then in the reader's own:
    'Mon 30 Nov 09:00 Europe/Stockholm (<!date…> your time)'; 'paused' for None."""
    if dt is None:
        return _("paused")
    zone = getattr(dt.tzinfo, "key", None) or dt.tzname()
    return _(
        "{when} {zone} ({local} your time)", when=i18n.weekday_time(dt), zone=zone, local=slack_date(dt.isoformat())
    )


# Every percentage, gap and interval bound of our own pulses is shown as a whole number.
def signed(v: float) -> str:
    """A whole number with a real minus sign: '+60', '−7', '0'."""
    w = whole(v)
    return f"{sign(w)}{abs(w)}"


def points(v: float | None, exact: bool = False) -> str:
    """A signed points figure: '+60 points', '−1 point', '0 points', 'n/a' for None. Our own pulses'
    gaps are whole numbers; a study's own figure (exact) keeps its decimal: '+16.5 points'."""
    if v is None:
        return _("n/a")
    if not exact:
        v = whole(v)
    size = abs(v)
    count = int(size) if size == int(size) else 2  # a fraction takes the plural: '16.5 points'
    return ngettext("{sign}{size} point", "{sign}{size} points", count, sign=sign(v), size=number(size))


def sign(v: float) -> str:
    return "+" if v > 0 else "−" if v < 0 else ""


def pct(v: float) -> str:
    """Our own pulses' percentages, whole: '78%', '78 %' in Swedish."""
    return i18n.percent(whole(v))
