"""`/gap help` and `/gap privacy`: what Pulsegap does, and what it stores about whom."""

from __future__ import annotations

from i18n import _
from insights.studies import Studies
from render.answers import list_blocks
from render.primitives import caveat, context, divider, header, message, section


def help_lines(cmd: str) -> list[tuple[str, str]]:
    """(usage, what it does): the usage is the command's own words, never translated."""
    return [
        (
            "/{cmd} &lt;question&gt;",
            _("answer from the studies, e.g. `/{cmd} what share of agents think speed to answer matters?`", cmd=cmd),
        ),
        ("/{cmd} list", _("every metric the studies measured")),
        ("/{cmd} region &lt;name&gt;", _("every figure for a region, e.g. `/{cmd} region germany`", cmd=cmd)),
        ("/{cmd} study", _("who was asked, when, how many, by whom")),
        ("/{cmd} roles exec|agent|remove @people @groups", _("who gets the pulse (admins)")),
        (
            "/{cmd} statements [add &lt;text&gt; | remove &lt;number&gt; | translate &lt;number&gt; sv|it &lt;text&gt;]",
            _("what the pulse asks (admins change it)"),
        ),
        ("/{cmd} poll now | schedule weekly mon 09:00 Europe/Stockholm | status | close", _("run pulses (admins)")),
        ("/{cmd} results [pulse]", _("your team's exec-vs-agent gap beside the study's")),
        (
            "/{cmd} digest #channel [lang sv|it|en] | schedule #channel weekly mon 09:00 Europe/Stockholm "
            "[lang sv|it|en] | status | stop",
            _("post digests (admins), in the channel's language"),
        ),
        ("/{cmd} export", _("the aggregates as CSV, by DM (admins)")),
        (
            "/{cmd} comments [hide &lt;id&gt;] | statements comment &lt;question&gt;",
            _("the latest pulse's anonymous comments (admins hide one or set the question)"),
        ),
        ("/{cmd} actions [done &lt;number&gt;]", _("owned gaps, their owners and due dates")),
        ("/{cmd} privacy", _("what is stored about your answers, who sees what, and what it cannot protect against")),
    ]


def help_blocks(cmd: str = "gap") -> dict:
    cmd = cmd.lstrip("/")
    lines = "\n".join(f"• `{u.format(cmd=cmd)}`: {d}" for u, d in help_lines(cmd))
    blocks = [
        section(
            _(
                "*Pulsegap* compares how your executives and your agents see customer service, "
                "beside the 2008 Genesys study of 927 companies.\n{lines}",
                lines=lines,
            )
        ),
        context(_("Answers are visible only to you. {caveat}", caveat=caveat())),
    ]
    return message(blocks, _("Pulsegap help"))


def help_and_list_blocks(bm: Studies, cmd: str = "gap") -> dict:
    """'how do I use /gap, and what can I ask it?': the usage, then what the studies measured."""
    usage, listing = help_blocks(cmd), list_blocks(bm, "/" + cmd.lstrip("/"))
    return message([*usage["blocks"], divider(), *listing["blocks"]], usage["text"])


def beside_answer_blocks(bm: Studies, answer: dict, action: str, cmd: str = "gap") -> dict:
    """'what can you answer, and who ran the study?': the answer, then the usage, the list or both (`action`:
    "help", "list" or "help list")."""
    if action == "help list":
        extra = help_and_list_blocks(bm, cmd)
    else:
        extra = help_blocks(cmd) if action == "help" else list_blocks(bm, "/" + cmd.lstrip("/"))
    return message([*answer["blocks"], divider(), *extra["blocks"]], answer["text"])


def privacy_blocks(threshold: int, cmd: str = "gap") -> dict:
    """`/gap privacy`: what is stored, who sees what, the threshold, and the limits, in plain words."""
    cmd = cmd.lstrip("/")
    k = threshold
    blocks = [
        header(_("Your answers and your privacy")),
        section(
            _(
                "*While a pulse is open* Pulsegap stores who was asked and whether they have answered (not "
                "what), and each answer with its statement and role, filed under a code made from your Slack "
                "id and a secret that belongs to this pulse only, so that you can change your answer. While "
                "the pulse is open, someone with access to the database (an admin of the server) could use "
                "that secret to link answers to people."
            )
        ),
        section(
            _(
                "*When it closes* the counts are frozen, and the secret and every individual answer are "
                "deleted and wiped from the database files. What remains is how many people in each role gave "
                "each answer to each statement. A role and statement with fewer answers than the pulse's "
                "threshold is kept only as _suppressed_, with no number at all. Nothing ties an answer to a "
                "person, and Slack's copy of the pulse message is the same for everyone."
            )
        ),
        section(
            _(
                "*Comments* are written in a private form, never in a message. While the pulse is open a comment "
                "is filed under the same code as your answers, so that you can replace it. When it closes, a "
                "role's comments are kept only if enough people in it commented (otherwise only their number), "
                "with no code, time or order; nothing ties a comment to a person, though its words may."
            )
        ),
        section(
            _(
                "*Who sees what.* Anyone can see results per role: % agree, the gap, and how many answered "
                '("3 of 5 answered"). Admins also see who is in each role and run pulses, digests and '
                "exports of these same figures. Nobody, admins included, can see one person's answers."
            )
        ),
        section(
            _(
                "*Threshold.* No figure is shown for fewer than *{k} answers* (this workspace's "
                "`MIN_RESPONDENTS`). Each pulse keeps the threshold it opened with: changing the setting later "
                "never reveals more of an earlier pulse.",
                k=k,
            )
        ),
        section(
            _(
                "*What it cannot protect against*\n"
                "• An admin who makes a role of {k} people of whom {accomplices} are accomplices: their answers, "
                "taken from the counts, leave yours.\n"
                "• An admin who changes a role by a person or two between pulses and compares the two pulses' "
                "results by hand (Pulsegap hides the trend then, and says why, but each pulse's own results "
                "stay visible).\n"
                "• A group where everyone gives the same answer: the result shows it.\n"
                "• Someone looking over your shoulder while you answer.",
                k=k,
                accomplices=k - 1,
            )
            + "\n"
            + _(
                "• Slack itself: each click reaches Slack with your user id on its way to Pulsegap, as every "
                "click in Slack does; what Slack keeps of it is up to Slack, not Pulsegap."
            )
        ),
        context(_("`/{cmd} help` lists every command.", cmd=cmd)),
    ]
    return message(blocks, _("Privacy: answers are anonymous; no figure for fewer than {k} answers", k=k))
