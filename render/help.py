"""`/gap help` and `/gap privacy`: what Pulsegap does, and what it stores about whom."""

from __future__ import annotations

from render.primitives import CAVEAT, context, header, message, section

HELP_LINES = [
    (
        "/{cmd} &lt;question&gt;",
        "answer from the studies, e.g. `/{cmd} what share of agents think speed to answer matters?`",
    ),
    ("/{cmd} list", "every metric the studies measured"),
    ("/{cmd} region &lt;name&gt;", "every figure for a region, e.g. `/{cmd} region germany`"),
    ("/{cmd} study", "who was asked, when, how many, by whom"),
    ("/{cmd} roles exec|agent|remove @people @groups", "who gets the pulse (admins)"),
    ("/{cmd} statements [add &lt;text&gt; | remove &lt;number&gt;]", "what the pulse asks (admins change it)"),
    ("/{cmd} poll now | schedule weekly mon 09:00 Europe/Stockholm | status | close", "run pulses (admins)"),
    ("/{cmd} results [pulse]", "your team's exec-vs-agent gap beside the study's"),
    (
        "/{cmd} digest #channel | schedule #channel weekly mon 09:00 Europe/Stockholm | status | stop",
        "post digests (admins)",
    ),
    ("/{cmd} export", "the aggregates as CSV, by DM (admins)"),
    (
        "/{cmd} comments [hide &lt;id&gt;] | statements comment &lt;question&gt;",
        "the latest pulse's anonymous comments (admins hide one or set the question)",
    ),
    ("/{cmd} actions [done &lt;number&gt;]", "owned gaps, their owners and due dates"),
    ("/{cmd} privacy", "what is stored about your answers, who sees what, and what it cannot protect against"),
]


def help_blocks(cmd: str = "gap") -> dict:
    cmd = cmd.lstrip("/")
    lines = "\n".join(f"• `{u.format(cmd=cmd)}`: {d.format(cmd=cmd)}" for u, d in HELP_LINES)
    blocks = [
        section(
            f"*Pulsegap* compares how your executives and your agents see customer service, "
            f"beside the 2008 Genesys study of 927 companies.\n{lines}"
        ),
        context("Answers are visible only to you. " + CAVEAT),
    ]
    return message(blocks, "Pulsegap help")


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
            "that secret to link answers to people."
        ),
        section(
            "*When it closes* the counts are frozen, and the secret and every individual answer are "
            "deleted and wiped from the database files. What remains is how many people in each role gave "
            "each answer to each statement. A role and statement with fewer answers than the pulse's "
            "threshold is kept only as _suppressed_, with no number at all. Nothing ties an answer to a "
            "person, and Slack's copy of the pulse message is the same for everyone."
        ),
        section(
            "*Who sees what.* Anyone can see results per role: % agree, the gap, and how many answered "
            '("3 of 5 answered"). Admins also see who is in each role and run pulses, digests and '
            "exports of these same figures. Nobody, admins included, can see one person's answers."
        ),
        section(
            f"*Threshold.* No figure is shown for fewer than *{k} answers* (this workspace's "
            "`MIN_RESPONDENTS`). Each pulse keeps the threshold it opened with: changing the setting later "
            "never reveals more of an earlier pulse."
        ),
        section(
            "*What it cannot protect against*\n"
            f"• An admin who makes a role of {k} people of whom {k - 1} are accomplices: their answers, "
            "taken from the counts, leave yours.\n"
            "• An admin who changes a role by a person or two between pulses and compares the two pulses' "
            "results by hand (Pulsegap hides the trend then, and says why, but each pulse's own results "
            "stay visible).\n"
            "• A group where everyone gives the same answer: the result shows it.\n"
            "• Someone looking over your shoulder while you answer."
        ),
        context(f"`/{cmd} help` lists every command."),
    ]
    return message(blocks, f"Privacy: answers are anonymous; no figure for fewer than {k} answers")
