"""The slash command (`/gap` by default): every subcommand is routed from here.

Answers that need no Web API call (questions, help, list, region, study) go back in the ack
itself. Everything else acks at once and answers through response_url when done.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from slack_bolt import Ack, App, BoltContext, Respond

import i18n
from handlers.admin import command_refusal
from i18n import _, ngettext
from insights.commands import CHANNEL_RE, Command, parse
from insights.export import aggregates_csv  # imports pandas on the first export, not at start-up
from insights.schedule import Schedule, ScheduleError, parse_schedule
from render.answers import answer_blocks, list_blocks, region_blocks, study_blocks
from render.help import beside_answer_blocks, help_and_list_blocks, help_blocks, privacy_blocks
from render.primitives import escape, language_names, next_run_text, notice
from render.pulse import agents, executives, poll_status_blocks, roles_added, roster_blocks, statements_blocks
from render.results import results_blocks
from render.setup import digest_scheduled, poll_scheduled, statement_added
from services import comments, roles, statements
from services import results as results_service
from services.owned_actions import OwnedActions
from services.runtime import Runtime

log = logging.getLogger("pulsegap.commands")


INSTANT = {"help", "list", "study", "region", "question", "privacy"}


def _instant(rt: Runtime, cmd: Command) -> dict | None:
    """Pure, in-memory answers (a few milliseconds)."""
    bm, slash = rt.studies, rt.config.slash_command
    if cmd.name == "help":
        return help_and_list_blocks(bm, slash) if cmd.action == "list" else help_blocks(slash)
    if cmd.name == "list":
        return list_blocks(bm, slash)
    if cmd.name == "study":
        return study_blocks(bm)
    if cmd.name == "privacy":
        return privacy_blocks(rt.config.min_respondents, slash)
    if cmd.name == "region":
        found = bm.find_regions(cmd.args)
        return region_blocks(bm, found[0] if found else None, slash, cmd.args)
    if cmd.name == "question":
        if not cmd.action:
            return answer_blocks(bm, bm.answer(cmd.args), slash)
        # the usage or the list asked beside it: the question read without those clauses, echoed as typed
        answer = replace(bm.answer(cmd.asks), query=cmd.args)
        return beside_answer_blocks(bm, answer_blocks(bm, answer, slash), cmd.action, slash)
    return None


# ----- roles ---------------------------------------------------------------------------------
ROLE_EXAMPLE = {"exec": "@ana @cx-leadership", "agent": "@bo @cx-agents", "remove": "@bo @cx-agents"}


def _roles(rt: Runtime, cmd: Command, user: str) -> dict:
    store = rt.store
    if cmd.action in ("", "list"):
        return _roster(rt)
    if not cmd.users and not cmd.groups:
        example = f"{rt.config.slash_command} roles {cmd.action or 'exec'} {ROLE_EXAMPLE.get(cmd.action, ROLE_EXAMPLE['exec'])}"
        return notice(_("Mention the people or user groups, e.g. `{example}`.", example=example))
    if cmd.action == "remove":
        n = store.remove_roles([*cmd.users, *cmd.groups])
        return notice(_("Removed {n} of {asked} from the roles.", n=n, asked=len(cmd.users) + len(cmd.groups)))
    assigned, problems = roles.assign(rt, cmd.action, cmd.users, cmd.groups, dict(cmd.names), user)
    return roles_added(assigned, cmd.action, problems)


def _roster(rt: Runtime) -> dict:
    counts, problems = rt.polls.role_sizes()
    return roster_blocks(
        roles.members(rt), counts, problems, rt.polls.small_roles_warning(counts), cmd=rt.config.slash_command
    )


# ----- statements ----------------------------------------------------------------------------
def _statements(rt: Runtime, cmd: Command, user: str) -> dict:
    store, slash = rt.store, rt.config.slash_command
    current = store.statements()
    done = ""
    if cmd.action == "add":
        text = cmd.args.strip()
        if not text:
            return notice(
                _(
                    "Write the statement after `statements add`, e.g. `{cmd} statements add We fix root causes, not symptoms.`",
                    cmd=slash,
                )
            )
        refused = statements.problem(text, len(current))
        if refused:
            return notice(refused)
        metric = statements.add(rt, text)
        done = statement_added(len(current) + 1, rt.studies.metrics[metric] if metric else None)
    elif cmd.action == "comment":
        done = comments.set_question(rt, cmd.args.strip())
    elif cmd.action == "remove":
        m = re.fullmatch(r"#?(\d+)", cmd.args.strip())
        if not m or not 1 <= int(m.group(1)) <= len(current):
            return notice(
                _(
                    "Give the number of the statement to remove (1 to {n}); `{cmd} statements` lists them.",
                    n=len(current),
                    cmd=slash,
                )
            )
        gone = current[int(m.group(1)) - 1]
        store.remove_statement(gone["id"])
        done = _("Removed #{n}: {text}", n=m.group(1), text=escape(gone["text"]))
    elif cmd.action == "translate":
        m = re.fullmatch(r"#?(\d+)\s+(\S+)\s+(.+)", cmd.args.strip())
        lang = i18n.supported(m.group(2)) if m else None
        if not m or not 1 <= int(m.group(1)) <= len(current) or lang in (None, i18n.DEFAULT):
            return notice(
                _(
                    "Give the statement's number (1 to {n}), the language (sv or it) and the translation, "
                    "e.g. `{cmd} statements translate 1 sv Vi åtgärdar grundorsaker.`",
                    n=len(current),
                    cmd=slash,
                )
            )
        text = m.group(3).strip()
        problem = statements.too_long(text)
        if problem:
            return notice(problem)
        store.translate_statement(current[int(m.group(1)) - 1]["id"], lang, text)
        done = _("Translated #{n} into {language}.", n=m.group(1), language=language_names()[lang])
    return statements_blocks(store.statements(), rt.studies, slash, done)


# ----- polls ---------------------------------------------------------------------------------
def _read_schedule(rt: Runtime, spec: str, user: str) -> Schedule | dict:
    """`poll schedule` and `digest schedule`: the Schedule, in the asker's own time zone unless the
    text names one, or the answer saying why it could not be read."""
    try:
        return parse_schedule(spec, rt.polls.user_timezone(user))
    except ScheduleError as exc:
        return notice(_("I couldn't read that schedule: {problem}.", problem=escape(str(exc))))


def _poll(rt: Runtime, cmd: Command, user: str) -> dict:
    store, polls = rt.store, rt.polls
    if cmd.action == "now":
        _pulse, text = polls.start_pulse("now", user)
        return notice(text)
    if cmd.action == "schedule":
        schedule = _read_schedule(rt, cmd.args, user)
        if not isinstance(schedule, Schedule):
            return schedule
        return notice(poll_scheduled(schedule, rt.scheduler.schedule_poll(schedule)))
    if cmd.action == "stop":
        stopped = rt.scheduler.unschedule("poll")
        return notice(_("Scheduled pulses stopped.") if stopped else _("There was no pulse schedule."))
    if cmd.action == "close":
        pulse = store.open_pulse_row()
        if not pulse or not polls.close(pulse["id"]):
            return notice(_("No pulse is open."))
        answered = store.respondents(pulse["id"])
        res = results_service.results(rt, pulse["id"])
        closed = _(
            "Pulse #{id} closed: {execs} and {agents} answered.",
            id=pulse["id"],
            execs=executives(answered.get("exec", 0)),
            agents=agents(answered.get("agent", 0)),
        )
        outcome = (
            _("`{cmd} results` shows the gaps.", cmd=rt.config.slash_command)
            if res and res.compared
            else _(
                "Too few answers to compare: each role needs at least {k} on a statement.", k=pulse["min_respondents"]
            )
        )
        return notice(f"{closed} {outcome}")
    pulse = store.open_pulse_row()
    counts = store.delivery_counts(pulse["id"]) if pulse else {}
    skipped = store.deliveries(pulse["id"], ("skipped",)) if pulse else []
    return poll_status_blocks(
        rt.scheduler.describe("poll"),
        pulse,
        counts,
        skipped,
        rt.polls.small_roles_warning(),
        cmd=rt.config.slash_command,
        names=rt.is_admin(user),
    )


# ----- results, digests, export --------------------------------------------------------------
def _results(rt: Runtime, cmd: Command, user: str) -> dict:
    wanted = None
    if cmd.args:
        m = re.fullmatch(r"#?(\d{1,9})", cmd.args.strip())
        if not m:
            return notice(_("`results` takes a pulse number, e.g. `{cmd} results 3`.", cmd=rt.config.slash_command))
        wanted = int(m.group(1))
        pulse = rt.store.pulse(wanted)
        if pulse and pulse["status"] == "open":
            return notice(
                _(
                    "Pulse #{id} is still open: `{cmd} poll status` shows its counts; figures appear when it closes.",
                    id=wanted,
                    cmd=rt.config.slash_command,
                )
            )
    res = results_service.results(rt, wanted)
    if res is None:
        return notice(
            _("There is no closed Pulse #{id}.", id=wanted)
            if wanted
            else _(
                "No pulse has closed yet. Figures appear when a pulse closes "
                "(`{cmd} poll close` or after its duration).",
                cmd=rt.config.slash_command,
            )
        )
    return results_blocks(res, results_service.headline(rt, res))


def _digest(rt: Runtime, cmd: Command, user: str) -> dict:
    if cmd.action == "status":
        jobs = rt.scheduler.digest_schedules()
        if not jobs:
            return notice(_("No digests are scheduled."))
        listed = "; ".join(
            f"<#{channel}> " + _("{name}, next {next}", name=escape(name), next=next_run_text(nr))
            for channel, name, nr in jobs
        )
        return notice(_("Scheduled digests: {digests}", digests=listed))
    if cmd.action == "stop":
        targets = cmd.channels or [channel for channel, _n, _r in rt.scheduler.digest_schedules()]
        stopped = [c for c in targets if rt.scheduler.unschedule_digest(c)]
        return notice(
            ngettext("Stopped {n} digest schedule.", "Stopped {n} digest schedules.", len(stopped))
            if stopped
            else _("There was no digest schedule to stop.")
        )
    if not cmd.channels:
        return notice(_("Name the channel, e.g. `{cmd} digest #cx-leads`.", cmd=rt.config.slash_command))
    channel = cmd.channels[0]
    if cmd.lang:
        lang = i18n.supported(cmd.lang)
        if not lang:
            return notice(_("Digests can be written in en, sv or it (not {lang}).", lang=escape(cmd.lang)))
        rt.store.set_channel_language(channel, lang)
    if cmd.action == "schedule":
        schedule = _read_schedule(rt, CHANNEL_RE.sub("", cmd.args).strip(), user)
        if not isinstance(schedule, Schedule):
            return schedule
        next_run, problem = rt.digests.schedule(channel, schedule)
        return notice(problem or digest_scheduled(channel, schedule, next_run, rt.digests.language(channel)))
    _ok, text = rt.digests.post(channel)
    return notice(text)


def _export(rt: Runtime, cmd: Command, user: str) -> dict:
    results = results_service.all_results(rt)
    if not results:
        return notice(_("No pulse has closed yet, so there is nothing to export."))
    data = aggregates_csv(results)
    dm = rt.client.conversations_open(users=user)["channel"]["id"]
    rt.send_csv(
        dm,
        data,
        "pulsegap-aggregates.csv",
        "Pulsegap aggregates",
        _("Aggregates of every closed pulse: counts and % agree per role, never individual answers."),
    )
    sent = notice(
        ngettext(
            "Sent you the aggregates of {n} pulse as a CSV file, by DM.",
            "Sent you the aggregates of {n} pulses as a CSV file, by DM.",
            len(results),
        )
    )
    return comments.export(rt, dm) or sent


def _comments(rt: Runtime, cmd: Command, user: str) -> dict:
    if cmd.action == "hide":
        return comments.hide(rt, cmd.args)
    res = results_service.results(rt)
    return comments.latest_blocks(res, rt.config.slash_command)


def _actions(rt: Runtime, cmd: Command, user: str) -> dict:
    if cmd.action == "done":
        return OwnedActions(rt).done(cmd.args, user)
    return OwnedActions(rt).listing()


ROUTES = {
    "comments": _comments,
    "actions": _actions,
    "roles": _roles,
    "statements": _statements,
    "poll": _poll,
    "results": _results,
    "digest": _digest,
    "export": _export,
}


def register(app: App, rt: Runtime) -> None:
    def is_instant(body: dict, context: BoltContext) -> bool:
        context["parsed_command"] = parse(body.get("text"))  # parsed once, for answer_now too
        return context["parsed_command"].name in INSTANT

    def answer_now(ack: Ack, context: BoltContext) -> None:
        """Questions, help, privacy, list, region, study: answered in the ack itself (a few milliseconds)."""
        cmd = context["parsed_command"]
        with i18n.use(rt.language(context.user_id)):
            try:
                answer = _instant(rt, cmd)
            except Exception:  # never leave Slack without an answer
                log.exception("command %s failed", cmd.name)
                answer = notice(_(":x: Sorry, that failed on our side. Nothing was changed."))
        ack(response_type="ephemeral", **answer)

    def ack_only(ack: Ack) -> None:
        ack()

    def run_command(command: dict, respond: Respond) -> None:
        """After the ack (a lazy listener): the work that calls Slack, answered via response_url."""
        cmd = parse(command.get("text"))
        user = command.get("user_id", "")
        with i18n.use(rt.language(user)):
            try:
                refused = command_refusal(rt, user, cmd)
                if refused:
                    reply = notice(refused)
                else:
                    route = ROUTES.get(cmd.name)
                    reply = route(rt, cmd, user) if route else help_blocks(rt.config.slash_command)
            except Exception:
                log.exception("command %s %s failed", cmd.name, cmd.action)
                reply = notice(_(":x: Sorry, that failed on our side. Please try again."))
        if respond.response_url:  # Slack always sends one; a forged-but-signed payload may not
            respond(response_type="ephemeral", replace_original=False, **reply)
        else:
            log.warning("command %s %s: no response_url to answer to", cmd.name, cmd.action)

    app.command(rt.config.slash_command, matchers=[is_instant])(answer_now)
    app.command(rt.config.slash_command)(ack=ack_only, lazy=[run_command])
