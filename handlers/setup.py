"""Admin setup by modals: App Home's *Edit* buttons and the global shortcut `setup_open` open them,
choosing roles recounts heads (views.update), *Remove*/*Stop* mark rows (applied on save), external
selects are fed here (user groups, time zones), and each view_submission is checked and saved.

Rights are asked of Slack when a modal opens and again on submit (a non-admin's forged submission
changes nothing). A submission is validated and, where that is local, saved inside the ack, so a
problem comes back as `response_action: errors` under its field; work that calls Slack for long
(checking every chosen person) runs after the ack. Then Home is republished and the admin DMed.
"""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App, BoltContext
from slack_sdk.errors import SlackApiError

import i18n
from handlers.admin import refusal
from handlers.events import publish_home
from i18n import _, ngettext
from insights.forms import (
    MAX_DURATION,
    as_roster,
    by_role,
    chosen,
    first_block,
    metadata,
    options,
    read_schedule,
    selection,
    typed,
    values,
    zones,
)
from insights.schedule import Schedule, parse_schedule
from render.comments import question_set
from render.primitives import escape, message, section
from render.pulse import roster_blocks
from render.setup import (
    digest_modal,
    digest_scheduled,
    group_option,
    menu_modal,
    notice_modal,
    poll_modal,
    poll_scheduled,
    roles_modal,
    statement_added,
    statements_modal,
    zone_options,
)
from services import roles, statements
from services.runtime import Runtime
from services.scheduler import POLL_JOB

log = logging.getLogger("pulsegap.setup")


# ----- what the modals show ----------------------------------------------------------------
def overview(rt: Runtime) -> tuple:
    """(roster by role, number of statements, pulse schedule, digest schedules): the *Set up* rows."""
    return (
        roles.members(rt),
        len(rt.store.statements()),
        rt.scheduler.describe(POLL_JOB),
        rt.scheduler.digest_schedules(),
    )


def default_schedule(rt: Runtime, user: str) -> Schedule:
    """Weekly on Monday at 09:00 in the admin's Slack profile zone."""
    zone = rt.polls.user_timezone(user)
    return Schedule("weekly", "mon", 9, 0, zone if zone in zones() else "UTC")


def poll_view(rt: Runtime, user: str) -> dict:
    settings = rt.scheduler.poll_options() or {}
    schedule = parse_schedule(settings["spec"]) if settings.get("spec") else default_schedule(rt, user)
    return poll_modal(
        rt.scheduler.describe(POLL_JOB),
        schedule,
        settings.get("duration_s") or int(rt.config.poll_duration.total_seconds()),
        settings.get("remind", True),
        round(rt.config.reminder_fraction * 100),
    )


def edit_view(rt: Runtime, key: str, user: str) -> dict:
    if key == "roles":
        counts, problems = rt.polls.role_sizes()
        return roles_modal(roles.members(rt), counts, problems)
    if key == "statements":
        return statements_modal(rt.store.statements(), rt.studies, [], rt.store.comment_question())
    if key == "poll":
        return poll_view(rt, user)
    return digest_modal(rt.scheduler.digest_schedules(), [], default_schedule(rt, user), rt.config.default_language)


def saved(rt: Runtime, user: str, payload: dict) -> None:
    """After a save: the confirmation DM, and Home republished for the admin."""
    rt.dm(user, "the setup outcome", **payload)
    publish_home(rt, user)


def register(app: App, rt: Runtime) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def show(body: dict, view: dict) -> None:
        """Open `view`, or push it over the modal the click came from (the shortcut's chooser)."""
        if (body.get("view") or {}).get("type") == "modal":
            rt.client.views_push(trigger_id=body.get("trigger_id"), view=view)
        else:
            rt.client.views_open(trigger_id=body.get("trigger_id"), view=view)

    def opening(body: dict, key: str | None) -> None:
        user = body["user"]["id"]
        with i18n.use(rt.language(user)):
            refused = refusal(rt, user, "set Pulsegap up", changes=False)
            if refused:
                view = notice_modal(_("Pulsegap setup"), refused)
            elif key is None:
                view = menu_modal(*overview(rt))
            else:
                view = edit_view(rt, key, user)
        try:
            show(body, view)
        except SlackApiError as exc:  # an expired trigger (over 3 s): nothing to show it in
            log.warning("could not open a setup modal (%s)", exc.response.get("error"))

    def on_shortcut(body: dict) -> None:
        opening(body, None)

    def on_edit(body: dict, action: dict) -> None:
        opening(body, action["action_id"].removeprefix("setup_edit_"))

    def update(body: dict, view: dict) -> None:
        current = body.get("view") or {}
        try:
            rt.client.views_update(view_id=current.get("id"), hash=current.get("hash"), view=view)
        except SlackApiError as exc:  # hash_conflict: a newer update won
            log.info("setup modal not updated (%s)", exc.response.get("error"))

    def on_recount(body: dict) -> None:
        """A role's people or groups changed: show the head count it resolves to before saving."""
        user = body["user"]["id"]
        if not rt.is_admin(user, max_age=60):
            return
        picked, names = selection(values(body))
        rows = as_roster(picked, names)
        counts, problems = rt.polls.role_sizes(rows)
        with i18n.use(rt.language(user)):
            update(body, roles_modal(by_role(rows), counts, problems))

    def on_mark(body: dict, action: dict) -> None:
        """*Remove* a statement / *Stop* a digest: marked in the modal, applied when it is saved."""
        user = body["user"]["id"]
        if not rt.is_admin(user, max_age=60):
            return
        marked = [*metadata(body), action.get("value")]
        with i18n.use(rt.language(user)):
            if action["action_id"] == "setup_statement_remove":
                ids = [int(v) for v in marked if str(v).isdigit()]
                update(body, statements_modal(rt.store.statements(), rt.studies, ids, rt.store.comment_question()))
            else:
                channels = [c for c in marked if isinstance(c, str)]
                update(
                    body,
                    digest_modal(
                        rt.scheduler.digest_schedules(),
                        channels,
                        default_schedule(rt, user),
                        rt.config.default_language,
                    ),
                )

    def on_poll_stop(body: dict) -> None:
        user = body["user"]["id"]
        with i18n.use(rt.language(user)):
            refused = refusal(rt, user, "stop the pulse schedule")
            if refused:
                rt.dm(user, "the setup outcome", **message([section(refused)], refused))
                return
            rt.scheduler.unschedule(POLL_JOB)
            update(body, poll_view(rt, user))
            text = _("Scheduled pulses stopped.")
            saved(rt, user, message([section(text)], text))

    def group_options(ack: Ack, body: dict) -> None:
        query = str(body.get("value") or "").lower()
        try:
            groups = rt.client.usergroups_list().get("usergroups") or []
        except SlackApiError as exc:
            log.warning("usergroups.list failed (%s)", exc.response.get("error"))
            groups = []
        found = [g for g in groups if query in f"{g.get('handle', '')} {g.get('name', '')}".lower()]
        ack(options=[group_option(g["id"], g.get("handle") or "") for g in found[:100]])

    def timezone_options(ack: Ack, body: dict) -> None:
        ack(options=zone_options(zones(), str(body.get("value") or "")))

    # ----- submissions: checked (rights asked afresh), saved, answered in the ack ----------
    def refused(ack: Ack, body: dict, what: str) -> bool:
        user = (body.get("user") or {}).get("id") or ""
        with i18n.use(rt.language(user)):
            text = refusal(rt, user, what)
            if text:
                ack(response_action="errors", errors={first_block(body): text})
        return bool(text)

    def submit_roles(ack: Ack, body: dict, context: BoltContext) -> None:
        if refused(ack, body, "change the roles"):
            return
        picked, names = selection(values(body))
        errors = {}
        with i18n.use(rt.language(body["user"]["id"])):
            for role, label in (
                ("exec", _("Choose at least one person or user group for the executives.")),
                ("agent", _("Choose at least one person or user group for the agents.")),
            ):
                if not any(picked[role]):
                    errors[f"setup_{role}_users"] = label
            both = set(picked["exec"][0]) & set(picked["agent"][0])
            if both:
                errors["setup_agent_users"] = ngettext(
                    "{n} person is chosen in both roles; a person has one role.",
                    "{n} people are chosen in both roles; a person has one role.",
                    len(both),
                )
            groups = set(picked["exec"][1]) & set(picked["agent"][1])
            if groups:
                errors["setup_agent_groups"] = ngettext(
                    "{n} user group is chosen in both roles.", "{n} user groups are chosen in both roles.", len(groups)
                )
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        context["setup_roles"] = {"picked": picked, "names": names}

    def after_roles(body: dict, context: BoltContext) -> None:
        chosen_roles = context.get("setup_roles")
        if not chosen_roles:
            return
        user = body["user"]["id"]
        picked = {role: tuple(p) for role, p in chosen_roles["picked"].items()}
        _outcome, problems = roles.replace(rt, picked, chosen_roles["names"], user)
        counts, expand_problems = rt.polls.role_sizes()
        with i18n.use(rt.language(user)):
            roster = roster_blocks(
                roles.members(rt),
                counts,
                problems + expand_problems,
                rt.polls.small_roles_warning(counts),
                cmd=rt.config.slash_command,
            )
            text = _(":white_check_mark: Roles saved.")
            saved(rt, user, message([section(text), *roster["blocks"]], text))

    def submit_statements(ack: Ack, body: dict, context: BoltContext) -> None:
        if refused(ack, body, "change the statements"):
            return
        user = body["user"]["id"]
        current = rt.store.statements()
        removed = [s for s in current if s["id"] in metadata(body)]
        text = typed(values(body), "setup_statement_add", "setup_statement_text")
        with i18n.use(rt.language(user)):
            problem = statements.problem(text, len(current) - len(removed)) if text else None
        if problem:
            ack(response_action="errors", errors={"setup_statement_add": problem})
            return
        for s in removed:
            rt.store.remove_statement(s["id"])
        metric = statements.add(rt, text) if text else None
        question = typed(values(body), "setup_comment_question", "setup_comment_text")
        asked = (question or None) != rt.store.comment_question()
        if asked:
            rt.store.set_comment_question(question or None)
        ack()
        context["setup_statements"] = {
            "removed": [s["text"] for s in removed],
            "added": len(current) - len(removed) + 1 if text else 0,
            "metric": rt.studies.metrics[metric] if metric else None,
            "question": (question or None,) if asked else None,
        }

    def after_statements(body: dict, context: BoltContext) -> None:
        done = context.get("setup_statements")
        if not done or not (done["removed"] or done["added"] or done["question"]):
            return
        user = body["user"]["id"]
        with i18n.use(rt.language(user)):
            lines = [_(":white_check_mark: Statements saved.")]
            lines += [_("Removed: {text}", text=escape(t)) for t in done["removed"]]
            if done["added"]:
                lines.append(statement_added(done["added"], done["metric"]))
            if done["question"]:
                lines.append(question_set(*done["question"]))
            count = len(rt.store.statements())
            lines.append(ngettext("A pulse now asks {n} statement.", "A pulse now asks {n} statements.", count))
            text = "\n".join(lines)
            saved(rt, user, message([section(text)], text))

    def submit_poll(ack: Ack, body: dict, context: BoltContext) -> None:
        if refused(ack, body, "schedule pulses"):
            return
        state = values(body)
        with i18n.use(rt.language(body["user"]["id"])):
            schedule = read_schedule(state, "setup_poll")
            duration = chosen(state, "setup_duration", "setup_duration")
            if not isinstance(schedule, Schedule):
                ack(response_action="errors", errors={schedule[0]: schedule[1]})
                return
            if not duration.isdigit() or not 0 < int(duration) <= MAX_DURATION:
                ack(response_action="errors", errors={"setup_duration": _("Choose how long a pulse stays open.")})
                return
        remind = any(o["value"] == "remind" for o in options(state, "setup_remind", "setup_remind"))
        rt.scheduler.schedule_poll(schedule, int(duration), remind)
        ack()
        context["setup_poll"] = {"spec": schedule.spec()}

    def after_poll(body: dict, context: BoltContext) -> None:
        done = context.get("setup_poll")
        if not done:
            return
        user = body["user"]["id"]
        with i18n.use(rt.language(user)):
            text = poll_scheduled(parse_schedule(done["spec"]), rt.scheduler.describe(POLL_JOB)[1])
            saved(rt, user, message([section(text)], text))

    def submit_digest(ack: Ack, body: dict, context: BoltContext) -> None:
        if refused(ack, body, "schedule digests"):
            return
        user = body["user"]["id"]
        state = values(body)
        channel = chosen(state, "setup_digest_channel", "setup_digest_channel")
        stops = [c for c in metadata(body) if isinstance(c, str)]
        with i18n.use(rt.language(user)):
            if not channel and not stops:
                ack(
                    response_action="errors",
                    errors={"setup_digest_channel": _("Choose a channel, or stop a digest above.")},
                )
                return
            schedule = read_schedule(state, "setup_digest") if channel else None
            if isinstance(schedule, tuple):
                ack(response_action="errors", errors={schedule[0]: schedule[1]})
                return
            if channel and rt.digests.schedule(channel, schedule)[1]:
                cannot = _("I can't post in that channel: type /invite @Pulsegap there, then save again.")
                ack(response_action="errors", errors={"setup_digest_channel": cannot})
                return
            stopped = [c for c in stops if c != channel and rt.scheduler.unschedule_digest(c)]
            language = i18n.supported(chosen(state, "setup_digest_language", "setup_digest_language"))
            if channel and language:
                rt.store.set_channel_language(channel, language)
        ack()
        context["setup_digest"] = {"channel": channel, "spec": schedule.spec() if schedule else "", "stopped": stopped}

    def after_digest(body: dict, context: BoltContext) -> None:
        done = context.get("setup_digest")
        if not done:
            return
        user = body["user"]["id"]
        with i18n.use(rt.language(user)):
            lines = [_(":white_check_mark: Digests saved.")]
            lines += [_("Stopped the digests to <#{channel}>.", channel=c) for c in done["stopped"]]
            if done["channel"]:
                when = dict((c, nr) for c, _n, nr in rt.scheduler.digest_schedules()).get(done["channel"])
                lines.append(
                    digest_scheduled(
                        done["channel"], parse_schedule(done["spec"]), when, rt.digests.language(done["channel"])
                    )
                )
            text = "\n".join(lines)
            saved(rt, user, message([section(text)], text))

    app.shortcut("setup_open")(ack=just_ack, lazy=[on_shortcut])
    app.action(re.compile(r"^setup_edit_(roles|statements|poll|digest)$"))(ack=just_ack, lazy=[on_edit])
    app.action(re.compile(r"^setup_role_(users|groups)$"))(ack=just_ack, lazy=[on_recount])
    app.action(re.compile(r"^setup_(statement|digest)_remove$"))(ack=just_ack, lazy=[on_mark])
    app.action("setup_poll_stop")(ack=just_ack, lazy=[on_poll_stop])
    app.options("setup_role_groups")(group_options)
    app.options("setup_timezone")(timezone_options)
    app.view("setup_roles")(ack=submit_roles, lazy=[after_roles])
    app.view("setup_statements")(ack=submit_statements, lazy=[after_statements])
    app.view("setup_poll")(ack=submit_poll, lazy=[after_poll])
    app.view("setup_digest")(ack=submit_digest, lazy=[after_digest])
