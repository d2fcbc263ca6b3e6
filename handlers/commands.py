"""The slash command (`/gap` by default): every subcommand is routed from here.

Answers that need no Web API call (questions, help, list, region, study) go back in the ack
itself. Everything else acks at once and answers through response_url when done.
"""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App, BoltContext, Respond

from handlers.admin import command_refusal
from insights.commands import CHANNEL_RE, Command, mention_names, parse
from insights.export import aggregates_csv  # imports pandas on the first export, not at start-up
from insights.schedule import Schedule, ScheduleError, parse_schedule
from render.answers import answer_blocks, list_blocks, region_blocks, study_blocks
from render.help import help_blocks, privacy_blocks
from render.primitives import escape, next_run_text, notice, plural
from render.pulse import poll_status_blocks, roles_added, roster_blocks, statements_blocks
from render.results import results_blocks
from services import results as results_service
from services import roles, statements
from services.runtime import Runtime

log = logging.getLogger("pulsegap.commands")

MAX_STATEMENTS = 20
MAX_STATEMENT_CHARS = 300


INSTANT = {"help", "list", "study", "region", "question", "privacy"}


def _instant(rt: Runtime, cmd: Command) -> dict | None:
    """Pure, in-memory answers (a few milliseconds)."""
    bm, slash = rt.studies, rt.config.slash_command
    if cmd.name == "help":
        return help_blocks(slash)
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
        return answer_blocks(bm, bm.answer(cmd.args), slash)
    return None


# ----- roles ---------------------------------------------------------------------------------
ROLE_EXAMPLE = {"exec": "@ana @cx-leadership", "agent": "@bo @cx-agents", "remove": "@bo @cx-agents"}


def _roles(rt: Runtime, cmd: Command, user: str) -> dict:
    store = rt.store
    if cmd.action in ("", "list"):
        return _roster(rt)
    if not cmd.users and not cmd.groups:
        return notice(
            f"Mention the people or user groups, e.g. `{rt.config.slash_command} roles {cmd.action or 'exec'} "
            f"{ROLE_EXAMPLE.get(cmd.action, ROLE_EXAMPLE['exec'])}`."
        )
    if cmd.action == "remove":
        n = store.remove_roles([*cmd.users, *cmd.groups])
        return notice(f"Removed {n} of {len(cmd.users) + len(cmd.groups)} from the roles.")
    assigned, problems = roles.assign(rt, cmd.action, cmd.users, cmd.groups, mention_names(cmd.args), user)
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
                f"Write the statement after `statements add`, e.g. `{slash} statements add We fix root causes, not symptoms.`"
            )
        if len(text) > MAX_STATEMENT_CHARS:
            return notice(f"Keep a statement under {MAX_STATEMENT_CHARS} characters (yours has {len(text)}).")
        if len(current) >= MAX_STATEMENTS:
            return notice(f"A pulse asks at most {MAX_STATEMENTS} statements; remove one first.")
        metric = statements.add(rt, text)
        link = (
            f"linked to the study's *{escape(rt.studies.metrics[metric].title)}*"
            if metric
            else "not linked to a study figure"
        )
        done = f"Added as #{len(current) + 1} ({link})."
    elif cmd.action == "remove":
        m = re.fullmatch(r"#?(\d+)", cmd.args.strip())
        if not m or not 1 <= int(m.group(1)) <= len(current):
            return notice(
                f"Give the number of the statement to remove (1 to {len(current)}); `{slash} statements` lists them."
            )
        gone = current[int(m.group(1)) - 1]
        store.remove_statement(gone["id"])
        done = f"Removed #{m.group(1)}: {escape(gone['text'])}"
    return statements_blocks(store.statements(), rt.studies, slash, done)


# ----- polls ---------------------------------------------------------------------------------
def _read_schedule(rt: Runtime, spec: str, user: str) -> Schedule | dict:
    """`poll schedule` and `digest schedule`: the Schedule, in the asker's own time zone unless the
    text names one, or the answer saying why it could not be read."""
    try:
        return parse_schedule(spec, rt.polls.user_timezone(user))
    except ScheduleError as exc:
        return notice(f"I couldn't read that schedule: {escape(str(exc))}.")


def _poll(rt: Runtime, cmd: Command, user: str) -> dict:
    store, polls = rt.store, rt.polls
    if cmd.action == "now":
        _pulse, text = polls.start_pulse("now", user)
        return notice(text)
    if cmd.action == "schedule":
        schedule = _read_schedule(rt, cmd.args, user)
        if not isinstance(schedule, Schedule):
            return schedule
        next_run = rt.scheduler.schedule("poll", "services.jobs:scheduled_poll", schedule)
        return notice(f"Pulses scheduled {schedule.describe()}. Next: {next_run_text(next_run)}.")
    if cmd.action == "stop":
        stopped = rt.scheduler.unschedule("poll")
        return notice("Scheduled pulses stopped." if stopped else "There was no pulse schedule.")
    if cmd.action == "close":
        pulse = store.open_pulse_row()
        if not pulse or not polls.close(pulse["id"]):
            return notice("No pulse is open.")
        answered = store.respondents(pulse["id"])
        res = results_service.results(rt, pulse["id"])
        outcome = (
            f"`{rt.config.slash_command} results` shows the gaps."
            if res and res.compared
            else f"Too few answers to compare: each role needs at least {pulse['min_respondents']} on a statement."
        )
        return notice(
            f"Pulse #{pulse['id']} closed: {plural(answered.get('exec', 0), 'executive')} and "
            f"{plural(answered.get('agent', 0), 'agent')} answered. {outcome}"
        )
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
            return notice(f"`results` takes a pulse number, e.g. `{rt.config.slash_command} results 3`.")
        wanted = int(m.group(1))
        pulse = rt.store.pulse(wanted)
        if pulse and pulse["status"] == "open":
            return notice(
                f"Pulse #{wanted} is still open: `{rt.config.slash_command} poll status` shows its counts; "
                "figures appear when it closes."
            )
    res = results_service.results(rt, wanted)
    if res is None:
        return notice(
            f"There is no closed Pulse #{wanted}."
            if wanted
            else "No pulse has closed yet. Figures appear when a pulse closes "
            f"(`{rt.config.slash_command} poll close` or after its duration)."
        )
    return results_blocks(res, results_service.headline(rt, res))


def _digest(rt: Runtime, cmd: Command, user: str) -> dict:
    if cmd.action == "status":
        jobs = rt.scheduler.digest_schedules()
        if not jobs:
            return notice("No digests are scheduled.")
        return notice(
            "Scheduled digests: "
            + "; ".join(f"<#{channel}> {escape(name)}, next {next_run_text(nr)}" for channel, name, nr in jobs)
        )
    if cmd.action == "stop":
        targets = cmd.channels or [channel for channel, _n, _r in rt.scheduler.digest_schedules()]
        stopped = [c for c in targets if rt.scheduler.unschedule_digest(c)]
        return notice(
            f"Stopped {plural(len(stopped), 'digest schedule')}."
            if stopped
            else "There was no digest schedule to stop."
        )
    if not cmd.channels:
        return notice(f"Name the channel, e.g. `{rt.config.slash_command} digest #cx-leads`.")
    channel = cmd.channels[0]
    if cmd.action == "schedule":
        schedule = _read_schedule(rt, CHANNEL_RE.sub("", cmd.args).strip(), user)
        if not isinstance(schedule, Schedule):
            return schedule
        problem = rt.digests.ensure_member(channel)
        if problem:
            return notice(problem)
        next_run = rt.scheduler.schedule_digest(channel, schedule)
        return notice(f"Digests for <#{channel}> scheduled {schedule.describe()}. Next: {next_run_text(next_run)}.")
    _ok, text = rt.digests.post(channel)
    return notice(text)


def _export(rt: Runtime, cmd: Command, user: str) -> dict:
    results = results_service.all_results(rt)
    if not results:
        return notice("No pulse has closed yet, so there is nothing to export.")
    data = aggregates_csv(results)
    dm = rt.client.conversations_open(users=user)["channel"]["id"]
    rt.client.files_upload_v2(
        channel=dm,
        content=data.encode("utf-8"),
        filename="pulsegap-aggregates.csv",
        title="Pulsegap aggregates",
        initial_comment="Aggregates of every closed pulse: counts and % agree per role, never individual answers.",
    )
    return notice(f"Sent you the aggregates of {plural(len(results), 'pulse')} as a CSV file, by DM.")


ROUTES = {
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
        try:
            answer = _instant(rt, cmd)
        except Exception:  # never leave Slack without an answer
            log.exception("command %s failed", cmd.name)
            answer = notice(":x: Sorry, that failed on our side. Nothing was changed.")
        ack(response_type="ephemeral", **answer)

    def ack_only(ack: Ack) -> None:
        ack()

    def run_command(command: dict, respond: Respond) -> None:
        """After the ack (a lazy listener): the work that calls Slack, answered via response_url."""
        cmd = parse(command.get("text"))
        user = command.get("user_id", "")
        try:
            refused = command_refusal(rt, user, cmd)
            if refused:
                reply = notice(refused)
            else:
                reply = ROUTES[cmd.name](rt, cmd, user) if cmd.name in ROUTES else help_blocks(rt.config.slash_command)
        except Exception:
            log.exception("command %s %s failed", cmd.name, cmd.action)
            reply = notice(":x: Sorry, that failed on our side. Please try again.")
        if respond.response_url:  # Slack always sends one; a forged-but-signed payload may not
            respond(response_type="ephemeral", replace_original=False, **reply)
        else:
            log.warning("command %s %s: no response_url to answer to", cmd.name, cmd.action)

    app.command(rt.config.slash_command, matchers=[is_instant])(answer_now)
    app.command(rt.config.slash_command)(ack=ack_only, lazy=[run_command])
