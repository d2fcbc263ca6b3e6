"""What real Slack would mangle in a mrkdwn text: a `<`, `>` or `&` that is not Slack's own markup.

In mrkdwn (code spans included) `<…>` is a control sequence: `<question>` vanishes, `<!channel>`
pings. What we may produce: mentions and links Slack resolves, dates, the three entities.
Never `<!here>`, `<!channel>` or `<!everyone>`, with or without a label: the app pings nobody.
"""

from __future__ import annotations

import re

SLACK_MARKUP = re.compile(
    r"<(?:@[UW][A-Z0-9]+"  # a person
    r"|#[CG][A-Z0-9]+(?:\|[^<>|]*)?"  # a channel
    r"|!subteam\^[A-Z0-9]+(?:\|[^<>|]*)?"  # a user group
    r"|!date\^\d+\^[^<>|]+(?:\^[^<>|]+)?\|[^<>|]+"  # a date in the reader's zone, with its fallback
    r"|(?:https?|mailto):[^<>|\s]+(?:\|[^<>|]+)?)>"  # a link
)
ENTITY = re.compile(r"&(?:amp|lt|gt);")
QUOTE = re.compile(r"^> ", re.M)  # a block quote: `>` and a space opening a line is mrkdwn's own markup


def texts(payload) -> list[str]:
    """Every mrkdwn text in a payload (blocks, views, messages: walked recursively, so every block
    kind is covered), plus a message's top-level fallback `text`, which Slack parses the same way."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
                out.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    if isinstance(payload, str):
        return [payload]
    walk(payload)
    if isinstance(payload, dict) and isinstance(payload.get("text"), str):
        out.append(payload["text"])
    return out


def stray(text: str) -> str:
    """The text without Slack's markup and entities: empty of `<`, `>`, `&` when it is safe."""
    rest = QUOTE.sub("", ENTITY.sub("", SLACK_MARKUP.sub("", text)))
    return "".join(c for c in rest if c in "<>&")


def problems(payload) -> list[str]:
    return [t for t in texts(payload) if stray(t)]
