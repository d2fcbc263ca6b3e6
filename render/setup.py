"""Admin setup by modals: the *Set up* rows of App Home (and of the shortcut's chooser), and the
roles, statements, pulse schedule and digest modals. Pure: data in, Block Kit views out.

Block ids name the fields `response_action: errors` points at (SETUP_FIELDS); action ids start
with `setup_` (handlers/setup.py listens to them).
"""

from __future__ import annotations

import json

import i18n
from i18n import _, ngettext
from insights.schedule import DAYS, FREQUENCIES, Schedule
from insights.stats import ROLES
from insights.studies import Studies
from render.comments import MAX_QUESTION, default_question
from render.primitives import context, escape, language_names, metric_title, next_run_text, section, truncate
from render.pulse import mention

EDITS = ("roles", "statements", "poll", "digest")  # what an *Edit* button opens: setup_edit_<key>
TITLE_CHARS = 24  # Slack's limit on a modal's title, submit and close labels
OPTION_CHARS = 75  # … and on an option's text
MAX_OPTIONS = 100  # options an external_select may be sent at once
DURATIONS = (1, 2, 3, 5, 7)  # days a scheduled pulse may stay open, offered in the modal


def plain(text: str, limit: int = OPTION_CHARS) -> dict:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def option(text: str, value: str) -> dict:
    return {"text": plain(text), "value": value}


def edit_button(key: str) -> dict:
    return {"type": "button", "text": plain(_("Edit")), "action_id": f"setup_edit_{key}", "value": key}


def setup_rows(members: dict[str, list[dict]], statements: int, poll, digests: list) -> list[dict]:
    """The *Set up* rows, each with its *Edit* button: Home's admin section and the shortcut's chooser.
    members: {role: roster rows}; poll: (description, next run) or None; digests: (channel, description, next run)."""

    def who(role: str) -> str:
        names = [mention(r["id"], r["kind"], r.get("name") or "") for r in members.get(role, [])]
        if len(names) > 10:
            return _("{names} and {n} more", names=", ".join(names[:10]), n=len(names) - 10)
        return ", ".join(names) or _("_nobody yet_")

    roles = _("*Roles*: executives {execs}; agents {agents}", execs=who("exec"), agents=who("agent"))
    asked = ngettext(
        "*Statements*: a pulse asks {n} statement", "*Statements*: a pulse asks {n} statements", statements
    )
    if poll:
        pulse = _("*Pulse schedule*: {schedule}, next {next}", schedule=escape(poll[0]), next=next_run_text(poll[1]))
    else:
        pulse = _("*Pulse schedule*: not scheduled")
    if digests:
        listed = "; ".join(f"<#{ch}> {escape(name)}" for ch, name, _when in digests)
        digest = _("*Digests*: {digests}", digests=listed)
    else:
        digest = _("*Digests*: none scheduled")
    blocks = [section(_("*Set up* (admins only): who is asked, what, when, and where digests go."))]
    for key, text in zip(EDITS, (roles, asked, pulse, digest), strict=True):
        blocks.append({**section(text, block_id=f"setup_row_{key}"), "accessory": edit_button(key)})
    return blocks


def modal(callback_id: str, title: str, blocks: list[dict], submit: str | None = None, metadata: str = "") -> dict:
    view = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, TITLE_CHARS),
        "close": plain(_("Cancel") if submit else _("Close"), TITLE_CHARS),
        "blocks": blocks,
    }
    if submit:
        view["submit"] = plain(submit, TITLE_CHARS)
    if metadata:
        view["private_metadata"] = metadata
    return view


def menu_modal(members: dict[str, list[dict]], statements: int, poll, digests: list) -> dict:
    """The global shortcut's chooser: the same rows as Home's *Set up* section."""
    return modal("setup_menu", _("Pulsegap setup"), setup_rows(members, statements, poll, digests))


def notice_modal(title: str, text: str) -> dict:
    """A modal that only says something (a refusal when a non-admin opens setup)."""
    return modal("setup_notice", title, [section(text)])


def input_block(block_id: str, label: str, element: dict, optional: bool = False, dispatch: bool = False) -> dict:
    block = {"type": "input", "block_id": block_id, "label": plain(label, 2000), "element": element}
    if optional:
        block["optional"] = True
    if dispatch:
        block["dispatch_action"] = True
    return block


def group_option(ident: str, handle: str) -> dict:
    return option(f"@{handle}" if handle else ident, ident)


def head_count_text(counts: dict[str, int] | None, problems: list[str]) -> str:
    if counts is None:
        return _("Head count: change a role to see how many people it resolves to.")
    text = _(
        "Head count, as the next pulse would ask: *{execs}* executives, *{agents}* agents.",
        execs=counts.get("exec", 0),
        agents=counts.get("agent", 0),
    )
    if problems:
        text += "\n" + _(":warning: {problems}", problems=escape("; ".join(problems)))
    return text


def roles_modal(members: dict[str, list[dict]], counts: dict[str, int] | None, problems: list[str]) -> dict:
    """People (multi_users_select) and user groups (multi_external_select, fed by usergroups.list)
    per role; choosing dispatches a block_actions, answered with views.update of the head count."""
    labels = {
        "exec": (_("Executives: people"), _("Executives: user groups")),
        "agent": (_("Agents: people"), _("Agents: user groups")),
    }
    blocks = [section(_("Who each pulse asks. A person has one role; user groups are expanded at every pulse."))]
    for role in ROLES:
        rows = members.get(role, [])
        users = {
            "type": "multi_users_select",
            "action_id": "setup_role_users",
            "placeholder": plain(_("Choose people")),
        }
        picked = [r["id"] for r in rows if r["kind"] == "user"]
        if picked:
            users["initial_users"] = picked
        groups = {
            "type": "multi_external_select",
            "action_id": "setup_role_groups",
            "min_query_length": 0,
            "placeholder": plain(_("Choose user groups")),
        }
        chosen = [group_option(r["id"], r.get("name") or "") for r in rows if r["kind"] == "group"]
        if chosen:
            groups["initial_options"] = chosen
        blocks.append(input_block(f"setup_{role}_users", labels[role][0], users, optional=True, dispatch=True))
        blocks.append(input_block(f"setup_{role}_groups", labels[role][1], groups, optional=True, dispatch=True))
    blocks.append({**context(head_count_text(counts, problems)), "block_id": "setup_counts"})
    return modal("setup_roles", _("Roles"), blocks, _("Save roles"))


def statements_modal(statements: list[dict], bm: Studies, removed: list[int], question: str | None = None) -> dict:
    """Every statement with *Remove* (applied on save; `removed` rides in private_metadata), an
    input to add one, and the comment question later pulses ask (`question`; None: the default)."""
    blocks = []
    shown = [s for s in statements if s["id"] not in removed]
    for i, s in enumerate(shown, 1):
        link = (
            _(" _(study: {metric})_", metric=escape(metric_title(bm.metrics[s["metric"]])))
            if s.get("metric") in bm.metrics
            else ""
        )
        row = section(f"*{i}.* {escape(s['text'])}{link}", block_id=f"setup_statement_{s['id']}")
        remove = {"type": "button", "text": plain(_("Remove")), "action_id": "setup_statement_remove"}
        blocks.append({**row, "accessory": {**remove, "value": str(s["id"])}})
    if not shown:
        blocks.append(section(_("_No statements: add one below._")))
    if removed:
        blocks.append(
            context(
                ngettext(
                    "{n} statement is removed when you save.", "{n} statements are removed when you save.", len(removed)
                )
            )
        )
    text = {
        "type": "plain_text_input",
        "action_id": "setup_statement_text",
        "max_length": 300,
        "placeholder": plain(_("We fix root causes, not symptoms.")),
    }
    blocks.append(input_block("setup_statement_add", _("Add a statement"), text, optional=True))
    asked = {
        "type": "plain_text_input",
        "action_id": "setup_comment_text",
        "max_length": MAX_QUESTION,
        "placeholder": plain(default_question()),
    }
    if question:
        asked["initial_value"] = question
    comment = input_block("setup_comment_question", _("The comment question later pulses ask"), asked, optional=True)
    comment["hint"] = plain(_("Empty: the default question."))
    blocks.append(comment)
    return modal("setup_statements", _("Statements"), blocks, _("Save statements"), json.dumps({"removed": removed}))


def zone_options(zones: list[str], query: str) -> list[dict]:
    """The time zones matching what was typed (`stock`, `new york`), at most MAX_OPTIONS."""
    q = (query or "").strip().lower().replace(" ", "_")
    return [option(z, z) for z in zones if q in z.lower()][:MAX_OPTIONS]


def frequency_labels() -> dict[str, str]:
    labels = (_("Weekly"), _("Every other week"), _("Monthly (first of the month)"))
    return dict(zip(FREQUENCIES, labels, strict=True))


def day_labels() -> dict[str, str]:
    """The day select's options: 'Monday', 'Måndag', 'Lunedì' (Babel's names, capitalised as a label)."""
    return {d: i18n.weekday_name(i).capitalize() for i, d in enumerate(DAYS)}


def schedule_blocks(prefix: str, s: Schedule) -> list[dict]:
    """How often, day, time (timepicker) and time zone (external_select with typeahead over the
    IANA zones): the pulse modal's and the digest modal's fields. Block ids `<prefix>_frequency`…"""

    def select(key: str, labels: dict, value: str) -> dict:
        options = [option(label, v) for v, label in labels.items()]
        return {
            "type": "static_select",
            "action_id": key,
            "options": options,
            "initial_option": options[list(labels).index(value)],
        }

    zone = {
        "type": "external_select",
        "action_id": "setup_timezone",
        "min_query_length": 1,
        "placeholder": plain(_("Type a city, e.g. Stockholm")),
        "initial_option": option(s.timezone, s.timezone),
    }
    clock = {"type": "timepicker", "action_id": "setup_time", "initial_time": f"{s.hour:02d}:{s.minute:02d}"}
    return [
        input_block(f"{prefix}_frequency", _("How often"), select("setup_frequency", frequency_labels(), s.frequency)),
        input_block(f"{prefix}_day", _("Day"), select("setup_day", day_labels(), s.day)),
        input_block(f"{prefix}_time", _("Time"), clock),
        input_block(f"{prefix}_timezone", _("Time zone"), zone),
    ]


def duration_label(seconds: int) -> str:
    if seconds % 86400 == 0:
        return ngettext("{n} day", "{n} days", seconds // 86400)
    if seconds % 3600 == 0:
        return ngettext("{n} hour", "{n} hours", seconds // 3600)
    return ngettext("{n} minute", "{n} minutes", seconds // 60)


def poll_modal(current, schedule: Schedule, duration_s: int, remind: bool, reminder_pct: int) -> dict:
    """The pulse schedule: how often, day, time, zone, how long each pulse stays open, the reminder;
    *Run a pulse now* (Home's own button: the same listener) and, when scheduled, *Stop the schedule*. current: (description, next run) or None."""
    if current:
        now = _("Now: {schedule}, next {next}.", schedule=escape(current[0]), next=next_run_text(current[1]))
    else:
        now = _("Pulses are not scheduled.")
    lengths = sorted({d * 86400 for d in DURATIONS} | {duration_s})
    options = [option(duration_label(s), str(s)) for s in lengths]
    length = {
        "type": "static_select",
        "action_id": "setup_duration",
        "options": options,
        "initial_option": options[lengths.index(duration_s)],
    }
    blocks = [section(now), *schedule_blocks("setup_poll", schedule)]
    blocks.append(input_block("setup_duration", _("Each pulse stays open"), length))
    if reminder_pct:
        remind_option = option(
            _("Remind who has not answered, once, {pct}% of the way through", pct=reminder_pct), "remind"
        )
        box = {"type": "checkboxes", "action_id": "setup_remind", "options": [remind_option]}
        if remind:
            box["initial_options"] = [remind_option]
        blocks.append(input_block("setup_remind", _("Reminder"), box, optional=True))
    buttons = [
        {"type": "button", "text": plain(_("Run a pulse now")), "action_id": "home_poll_now", "value": "poll_now"}
    ]
    if current:
        stop = {
            "type": "button",
            "text": plain(_("Stop the schedule")),
            "action_id": "setup_poll_stop",
            "value": "stop",
        }
        buttons.append({**stop, "style": "danger"})
    blocks.append({"type": "actions", "block_id": "setup_poll_actions", "elements": buttons})
    return modal("setup_poll", _("Pulse schedule"), blocks, _("Save schedule"))


def digest_modal(digests: list, removed: list[str], schedule: Schedule, language: str = i18n.DEFAULT) -> dict:
    """Scheduled digests with *Stop* (applied on save), and a channel (conversations_select) with a
    schedule to add or change one."""
    blocks = []
    for channel, name, when in digests:
        if channel in removed:
            continue
        text = _(
            "<#{channel}>: {schedule}, next {next}", channel=channel, schedule=escape(name), next=next_run_text(when)
        )
        stop = {"type": "button", "text": plain(_("Stop")), "action_id": "setup_digest_remove", "value": channel}
        blocks.append({**section(text), "accessory": stop})
    if removed:
        blocks.append(
            context(
                ngettext(
                    "{n} digest schedule stops when you save.", "{n} digest schedules stop when you save.", len(removed)
                )
            )
        )
    if not blocks:
        blocks.append(section(_("No digests are scheduled.")))
    channel = {
        "type": "conversations_select",
        "action_id": "setup_digest_channel",
        "placeholder": plain(_("Choose a channel")),
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    blocks.append(
        input_block(
            "setup_digest_channel",
            _("Post digests to (a new channel, or one above to change it)"),
            channel,
            optional=True,
        )
    )
    blocks += schedule_blocks("setup_digest", schedule)
    languages = [option(name, code) for code, name in language_names().items()]
    picker = {
        "type": "static_select",
        "action_id": "setup_digest_language",
        "options": languages,
        "initial_option": languages[i18n.LANGUAGES.index(language)],
    }
    blocks.append(input_block("setup_digest_language", _("Written in"), picker))
    return modal("setup_digest", _("Digests"), blocks, _("Save digests"), json.dumps({"removed": removed}))


def poll_scheduled(schedule: Schedule, next_run) -> str:
    """`poll schedule` and the modal's save say it the same way."""
    return _("Pulses scheduled {schedule}. Next: {next}.", schedule=schedule.describe(), next=next_run_text(next_run))


def digest_scheduled(channel: str, schedule: Schedule, next_run, language: str) -> str:
    """`digest schedule` and the modal's save: where, when, and in which language (i18n.LANGUAGES)."""
    return _(
        "Digests for <#{channel}> scheduled {schedule}, in {language}. Next: {next}.",
        channel=channel,
        schedule=schedule.describe(),
        language=language_names()[language],
        next=next_run_text(next_run),
    )


def statement_added(position: int, metric) -> str:
    """`statements add` and the modal's save: "Added as #12 (linked to the study's *…*)."."""
    if metric:
        title = escape(metric_title(metric))
        return _("Added as #{n} (linked to the study's *{title}*).", n=position, title=title)
    return _("Added as #{n} (not linked to a study figure).", n=position)
