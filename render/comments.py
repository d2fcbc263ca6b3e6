"""Anonymous comments: the DM's prompt, the modal, and the comments under results, digests and Home.

A comment is shown as a quote with nothing about who wrote it. Its text is escaped (no `<@…>`,
`<!channel>` or link markup survives), `@` is followed by a zero-width space (no bare `@here` or
`@name` reads as a mention), and web addresses are defanged (`example[.]com`, `https[:]//…`) so
Slack links and unfurls nothing a commenter typed.
"""

from __future__ import annotations

import re

from i18n import _, ngettext
from insights.followthrough import Comments
from render.primitives import button, context, escape, message, notice, section, truncate

MAX_COMMENT = 1000  # characters a comment may have (the modal's max_length)
DIGEST_COMMENTS = 5  # at most this many per role in a digest
HOME_COMMENTS = 3  # and on Home
URL = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+"  # a scheme or www.
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,24})\b(?:/\S*)?"  # a bare domain (example.com/x)
)


MAX_QUESTION = 150  # characters: the comment modal shows the question as its field's label


def default_question() -> str:
    return _("What would leadership be surprised to hear?")


def question_text(question: str | None) -> str:
    return question or default_question()


def defused(text: str) -> str:
    """A comment as it may appear in mrkdwn: one paragraph, escaped, no mention, no link."""
    text = escape(" ".join(text.split()))
    text = URL.sub(lambda m: m.group(0).replace("://", "[:]//").replace(".", "[.]"), text)
    return text.replace("@", "@\u200b")


def comment_prompt(pulse: dict) -> dict:
    """The DM's last section: the pulse's question and the button that opens the comment modal."""
    return {
        **section(
            _(
                "*Optional:* {question} Your comment is written in a private form, never in this chat.",
                question=escape(question_text(pulse.get("comment_question"))),
            ),
            block_id=f"comment:{pulse['id']}",
        ),
        "accessory": button(_("Add a comment"), "comment_open", str(pulse["id"])),
    }


def _plain(text: str, limit: int = 150) -> dict:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def comment_modal(pulse: dict, threshold: int) -> dict:
    """The form a pulse's comment is written in (views.open from the DM's button)."""
    return {
        "type": "modal",
        "callback_id": "comment_submit",
        "private_metadata": str(pulse["id"]),
        "title": _plain(_("Anonymous comment"), 24),
        "submit": _plain(_("Send"), 24),
        "close": _plain(_("Cancel"), 24),
        "blocks": [
            section(
                _(
                    "Your comment is stored apart from your name and shown only if at least {n} people in your "
                    "role comment. Sending again replaces your earlier comment until Pulse #{pulse} closes.",
                    n=threshold,
                    pulse=pulse["id"],
                )
            ),
            {
                "type": "input",
                "block_id": "comment",
                "label": _plain(question_text(pulse.get("comment_question")), 2000),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "comment_text",
                    "multiline": True,
                    "max_length": MAX_COMMENT,
                },
            },
        ],
    }


def comment_done(result: str, pulse_id: int) -> dict:
    """What the modal becomes once sent (response_action: update): nothing of it goes to the DM."""
    if result == "recorded":
        text = _(
            "Thanks: your comment is recorded. It is shown with no name when Pulse #{pulse} closes.", pulse=pulse_id
        )
    elif result == "closed":
        text = _("Pulse #{pulse} has closed, so your comment was not recorded.", pulse=pulse_id)
    else:
        text = _("Pulse #{pulse} was not sent to you, so your comment was not recorded.", pulse=pulse_id)
    return {
        "type": "modal",
        "callback_id": "comment_thanks",
        "title": _plain(_("Anonymous comment"), 24),
        "close": _plain(_("Close"), 24),
        "blocks": [section(text)],
    }


def _role_said(role: str) -> str:
    return {"exec": _("*Executives said:*"), "agent": _("*Agents said:*")}[role]


def comment_blocks(comments: Comments | None, limit: int | None = None, ids: bool = False) -> list[dict]:
    """The comments under results (all, with ids to hide one by: `ids`), a digest or Home (`limit`
    per role). Per role: the quotes, or how many were withheld below the threshold."""
    if comments is None or not comments.any:
        return []
    blocks = [section(_("*Comments*: “{question}”", question=escape(question_text(comments.question))))]
    for role, rc in comments.roles.items():
        lines = [
            f"> {defused(truncate(text, MAX_COMMENT if limit is None else 300))}" + (f" `{ident}`" if ids else "")
            for ident, text in rc.shown[:limit]
        ]
        text = _role_said(role)
        for line in lines:  # sections of at most 3,000 characters
            if len(text) + len(line) + 1 > 3000:
                blocks.append(section(text))
                text = ""
            text += "\n" + line
        if lines:
            blocks.append(section(text.strip()))
        notes = []
        if len(rc.shown) > len(lines):
            notes.append(ngettext("{n} more in the results", "{n} more in the results", len(rc.shown) - len(lines)))
        if rc.withheld:
            notes.append(
                ngettext(
                    "{n} comment withheld: fewer than {k}",
                    "{n} comments withheld: fewer than {k}",
                    rc.withheld,
                    k=comments.threshold,
                )
            )
        if rc.hidden:
            notes.append(ngettext("{n} hidden by an admin", "{n} hidden by an admin", rc.hidden))
        if notes:
            notes = "; ".join(notes)
            blocks.append(
                context(_("Executives: {notes}", notes=notes) if role == "exec" else _("Agents: {notes}", notes=notes))
            )
    return blocks


def comments_reply(comments: Comments | None, cmd: str) -> dict:
    """`/gap comments`: the latest closed pulse's comments, with the ids `comments hide` takes."""
    if comments is None:
        return notice(_("No pulse has closed yet, so there are no comments to show."))
    blocks = comment_blocks(comments, ids=True)
    if not blocks:
        return notice(_("Nobody commented in Pulse #{pulse}.", pulse=comments.pulse_id))
    blocks.append(
        context(
            _("Admins hide a comment with `{cmd} comments hide &lt;id&gt;`; nobody can see who wrote one.", cmd=cmd)
        )
    )
    return message(blocks, _("Comments in Pulse #{pulse}", pulse=comments.pulse_id))


def question_set(question: str | None) -> str:
    """The confirmation of `statements comment`."""
    return _("Pulses from now on ask for a comment with: “{question}”", question=escape(question_text(question)))


def comment_hidden(ident: str, pulse_id: int | None, cmd: str) -> dict:
    if pulse_id is None:
        return notice(
            _(
                "There is no shown comment `{id}`; `{cmd} comments` lists them with their ids.",
                id=escape(ident),
                cmd=cmd,
            )
        )
    return notice(_("Comment `{id}` of Pulse #{pulse} is hidden for good.", id=escape(ident), pulse=pulse_id))
