"""Admin setup by modals, at the wire: the shortcut and Home's *Edit* buttons open them, choosing
roles recounts heads (views.update), external selects are fed, each view_submission (state.values
shaped as Slack sends them per element type) is checked, refused for a non-admin, saved through
the commands' own services, confirmed by DM, and Home republished."""

from __future__ import annotations

import itertools
import json

from support.harness import AGENTS, EXECS, block_texts, run, wait_until

TRIGGERS = itertools.count(100)


def base(kind: str, user: str) -> dict:
    return {
        "type": kind,
        "token": "legacy",
        "api_app_id": "A0PULSE",
        "team": {"id": "T0TEST", "domain": "test"},
        "user": {"id": user, "username": user.lower(), "team_id": "T0TEST"},
        "trigger_id": f"{next(TRIGGERS)}.1.abc",
    }


def shortcut(bot, user="UADMIN"):
    return bot.interact({**base("shortcut", user), "callback_id": "setup_open", "action_ts": "1700000000.1"})


def opened(fake, count=1) -> dict:
    """The view of the `count`-th views.open/push (the stand-in keeps them by id)."""
    wait_until(lambda: len(fake.modals) >= count, 10, "a modal")
    return fake.modals[sorted(fake.modals, key=lambda v: int(v[1:]))[count - 1]]


def in_view(view: dict, values: dict | None = None) -> dict:
    return {**view, "hash": "1700000000.abc", "state": {"values": values or {}}}


def click(bot, view, action: dict, block_id: str, user="UADMIN", values=None):
    """A block_actions from inside a modal (container type view), as Slack sends it."""
    payload = {
        **base("block_actions", user),
        "container": {"type": "view", "view_id": view["id"]},
        "view": in_view(view, values),
        "actions": [{**action, "block_id": block_id, "action_ts": "1700000001.2"}],
    }
    return bot.interact(payload)


def submit(bot, view, values, user="UADMIN"):
    payload = {**base("view_submission", user), "view": in_view(view, values), "response_urls": []}
    return bot.interact(payload)


def users(*ids):
    return {"setup_role_users": {"type": "multi_users_select", "selected_users": list(ids)}}


def groups(*pairs):
    opts = [{"text": {"type": "plain_text", "text": f"@{h}", "emoji": True}, "value": g} for g, h in pairs]
    return {"setup_role_groups": {"type": "multi_external_select", "selected_options": opts}}


def select(action, value):
    return {
        action: {
            "type": "static_select",
            "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value},
        }
    }


def schedule_values(prefix, freq="weekly", day="fri", time="16:30", zone="Asia/Tokyo"):
    return {
        f"{prefix}_frequency": select("setup_frequency", freq),
        f"{prefix}_day": select("setup_day", day),
        f"{prefix}_time": {"setup_time": {"type": "timepicker", "selected_time": time}},
        f"{prefix}_timezone": {
            "setup_timezone": {
                "type": "external_select",
                "selected_option": {"text": {"type": "plain_text", "text": zone}, "value": zone},
            }
        },
    }


def dm_texts(fake, user="UADMIN") -> list[str]:
    return [block_texts(m) for m in fake.messages.get("D" + user[1:], [])]


def test_the_shortcut_opens_the_chooser_and_edit_pushes_the_roles_modal(bot, team):
    assert shortcut(bot).status_code == 200
    menu = opened(team)
    assert menu["callback_id"] == "setup_menu" and menu["title"]["text"] == "Pulsegap setup"
    rows = [b for b in menu["blocks"] if "accessory" in b]
    assert [b["accessory"]["action_id"] for b in rows] == [
        "setup_edit_roles",
        "setup_edit_statements",
        "setup_edit_poll",
        "setup_edit_digest",
    ]
    assert "*Statements*: a pulse asks 11 statements" in block_texts(menu)
    click(bot, menu, rows[0]["accessory"], rows[0]["block_id"])
    team.wait_for("views.push")
    roles = opened(team, 2)
    assert roles["callback_id"] == "setup_roles"
    kinds = [(b["block_id"], b["element"]["type"]) for b in roles["blocks"] if b["type"] == "input"]
    assert kinds == [
        ("setup_exec_users", "multi_users_select"),
        ("setup_exec_groups", "multi_external_select"),
        ("setup_agent_users", "multi_users_select"),
        ("setup_agent_groups", "multi_external_select"),
    ]
    assert all(b["dispatch_action"] for b in roles["blocks"] if b["type"] == "input")


def test_a_non_admin_gets_a_refusal_modal_and_a_forged_submission_changes_nothing(bot, team):
    shortcut(bot, user="UMEMBER")
    view = opened(team)
    assert view["callback_id"] == "setup_notice" and "submit" not in view
    assert "Only Slack workspace admins and Pulsegap admins can set Pulsegap up." in block_texts(view)
    # a submission forged from a real roles modal: refused in the modal, nothing stored
    from render.setup import roles_modal

    forged = {**roles_modal({}, None, []), "id": "V999"}
    r = submit(bot, forged, {"setup_exec_users": users("UMEMBER"), "setup_agent_users": users(*AGENTS)}, "UMEMBER")
    assert r.json() == {
        "response_action": "errors",
        "errors": {
            "setup_exec_users": ":lock: Only Slack workspace admins and Pulsegap admins can change the roles. Nothing was changed."
        },
    }
    assert run(bot, team, "roles")["blocks"][0]["text"]["text"].count("_nobody yet_") == 2


def test_roles_show_the_head_count_before_saving_and_save_like_the_command(bot, team):
    bot.interact(
        {
            **base("block_actions", "UADMIN"),
            "container": {"type": "view", "view_id": "VHOME"},
            "view": {"id": "VHOME", "type": "home", "blocks": []},
            "actions": [
                {"type": "button", "action_id": "setup_edit_roles", "block_id": "setup_row_roles", "value": "roles"}
            ],
        }
    )
    team.wait_for("views.open")
    roles = opened(team)
    assert "Head count, as the next pulse would ask: *0* executives, *0* agents." in str(roles)
    chosen = {
        "setup_exec_users": users(*EXECS),
        "setup_exec_groups": groups(),
        "setup_agent_users": users(*AGENTS[:3]),
        "setup_agent_groups": groups(("SAGENTS", "cx-agents")),
    }
    click(
        bot,
        roles,
        {"type": "multi_external_select", "action_id": "setup_role_groups", "selected_options": []},
        "setup_agent_groups",
        values=chosen,
    )
    update = team.wait_for("views.update")[0]
    assert update["view_id"] == roles["id"] and update["hash"] == "1700000000.abc"
    counted = team.modals[roles["id"]]
    # 3 direct agents + SAGENTS (UAGENT4, UAGENT5, UGROUPONLY): 6 agents, 3 executives
    assert "Head count, as the next pulse would ask: *3* executives, *6* agents." in str(counted)
    assert run(bot, team, "roles")["blocks"][0]["text"]["text"].count("_nobody yet_") == 2  # nothing saved yet

    r = submit(bot, counted, chosen)
    assert r.status_code == 200 and not r.content  # accepted: the modal closes
    wait_until(lambda: any("Roles saved" in t for t in dm_texts(team)), 10, "the confirmation DM")
    dm = next(t for t in dm_texts(team) if "Roles saved" in t)
    assert "*Executives* (3 people): <@UEXEC1>, <@UEXEC2>, <@UEXEC3>" in dm
    assert "*Agents* (6 people)" in dm and "<!subteam^SAGENTS>" in dm
    home = team.wait_for("views.publish")[0]
    assert home["user_id"] == "UADMIN"
    roster = run(bot, team, "roles")["blocks"][0]["text"]["text"]
    assert "*Executives* (3 people)" in roster and "*Agents* (6 people)" in roster

    # saving again without UEXEC3 and the group removes them, as `roles remove` would
    fewer = {**chosen, "setup_exec_users": users(*EXECS[:2]), "setup_agent_groups": groups()}
    assert not submit(bot, counted, fewer).content
    wait_until(lambda: "*Agents* (3 people)" in run(bot, team, "roles")["blocks"][0]["text"]["text"], 10, "roles saved")
    assert "*Executives* (2 people)" in run(bot, team, "roles")["blocks"][0]["text"]["text"]


def test_roles_errors_under_the_field(bot, team):
    from render.setup import roles_modal

    view = {**roles_modal({}, None, []), "id": "V9"}
    r = submit(bot, view, {"setup_exec_users": users("UEXEC1", "UAGENT1"), "setup_agent_users": users("UAGENT1")})
    assert r.json() == {
        "response_action": "errors",
        "errors": {"setup_agent_users": "1 person is chosen in both roles; a person has one role."},
    }
    r = submit(bot, view, {"setup_agent_users": users("UAGENT1"), "setup_exec_groups": groups()})
    assert r.json()["errors"] == {"setup_exec_users": "Choose at least one person or user group for the executives."}
    assert run(bot, team, "roles")["blocks"][0]["text"]["text"].count("_nobody yet_") == 2


def test_group_and_time_zone_options_are_fed(bot, team):
    team.usergroups["SLEADS"] = ["UEXEC1"]
    r = bot.interact(
        {
            **base("block_suggestion", "UADMIN"),
            "action_id": "setup_role_groups",
            "block_id": "setup_exec_groups",
            "value": "lead",
            "view": {"id": "V1", "type": "modal"},
        }
    )
    assert r.json() == {
        "options": [{"text": {"type": "plain_text", "text": "@sleads", "emoji": True}, "value": "SLEADS"}]
    }
    r = bot.interact(
        {
            **base("block_suggestion", "UADMIN"),
            "action_id": "setup_timezone",
            "block_id": "setup_poll_timezone",
            "value": "stockh",
            "view": {"id": "V1", "type": "modal"},
        }
    )
    assert [o["value"] for o in r.json()["options"]] == ["Europe/Stockholm"]
    r = bot.interact(
        {
            **base("block_suggestion", "UADMIN"),
            "action_id": "setup_timezone",
            "block_id": "setup_poll_timezone",
            "value": "america",
            "view": {"id": "V1", "type": "modal"},
        }
    )
    assert len(r.json()["options"]) == 100  # Slack's most per answer; typing more narrows it


def test_statements_remove_and_add_on_save_with_limits(bot, team):
    bot.interact(
        {
            **base("block_actions", "UADMIN"),
            "view": {"id": "VHOME", "type": "home", "blocks": []},
            "actions": [
                {
                    "type": "button",
                    "action_id": "setup_edit_statements",
                    "block_id": "setup_row_statements",
                    "value": "statements",
                }
            ],
        }
    )
    view = opened(team)
    rows = [b for b in view["blocks"] if b.get("accessory", {}).get("action_id") == "setup_statement_remove"]
    assert len(rows) == 11
    click(bot, view, rows[1]["accessory"], rows[1]["block_id"])
    team.wait_for("views.update")
    marked = team.modals[view["id"]]
    assert json.loads(marked["private_metadata"]) == {"removed": [int(rows[1]["accessory"]["value"])]}
    assert len([b for b in marked["blocks"] if "accessory" in b]) == 10
    assert "1 statement is removed when you save." in block_texts(marked)
    assert len(run(bot, team, "statements")["blocks"][0]["text"]["text"].splitlines()) == 12  # not yet

    too_long = {"setup_statement_add": {"setup_statement_text": {"type": "plain_text_input", "value": "x" * 301}}}
    assert submit(bot, marked, too_long).json() == {
        "response_action": "errors",
        "errors": {"setup_statement_add": "Keep a statement under 300 characters (yours has 301)."},
    }
    question = next(b for b in marked["blocks"] if b.get("block_id") == "setup_comment_question")
    assert question["optional"] and "initial_value" not in question["element"]  # the default question
    new = {
        "setup_statement_add": {
            "setup_statement_text": {"type": "plain_text_input", "value": "We fix root causes, not symptoms."}
        },
        "setup_comment_question": {
            "setup_comment_text": {"type": "plain_text_input", "value": "What slows  you down most?"}
        },
    }
    assert not submit(bot, marked, new).content
    wait_until(lambda: any("Statements saved" in t for t in dm_texts(team)), 10, "the DM")
    dm = next(t for t in dm_texts(team) if "Statements saved" in t)
    assert "Added as #11 (not linked to a study figure)." in dm and "A pulse now asks 11 statements." in dm
    assert "Pulses from now on ask for a comment with: “What slows you down most?”" in dm
    assert bot.rt.store.comment_question() == "What slows you down most?"
    listed = run(bot, team, "statements")["blocks"][0]["text"]["text"]
    assert "*11.* We fix root causes, not symptoms." in listed and "*12.*" not in listed
    team.wait_for("views.publish")


def test_statements_cannot_exceed_twenty(bot, team):
    from render.setup import statements_modal

    for i in range(9):
        run(bot, team, f"statements add Statement number {i} about nothing")
    view = {**statements_modal([], None, []), "id": "V7"}
    r = submit(
        bot, view, {"setup_statement_add": {"setup_statement_text": {"type": "plain_text_input", "value": "One more"}}}
    )
    assert r.json()["errors"] == {"setup_statement_add": "A pulse asks at most 20 statements; remove one first."}


def test_pulse_schedule_saves_like_the_command_with_duration_and_reminder(bot, team):
    bot.interact(
        {
            **base("block_actions", "UADMIN"),
            "view": {"id": "VHOME", "type": "home", "blocks": []},
            "actions": [
                {"type": "button", "action_id": "setup_edit_poll", "block_id": "setup_row_poll", "value": "poll"}
            ],
        }
    )
    view = opened(team)
    zone = next(b for b in view["blocks"] if b.get("block_id") == "setup_poll_timezone")
    assert zone["element"]["initial_option"]["value"] == "Europe/Stockholm"  # the admin's profile zone
    assert next(b for b in view["blocks"] if b.get("block_id") == "setup_poll_time")["element"] == {
        "type": "timepicker",
        "action_id": "setup_time",
        "initial_time": "09:00",
    }
    bad = {**schedule_values("setup_poll", time="25:00"), "setup_duration": select("setup_duration", "172800")}
    assert submit(bot, view, bad).json() == {
        "response_action": "errors",
        "errors": {"setup_poll_time": "Choose a time, such as 09:00."},
    }
    bad = {**schedule_values("setup_poll", zone="Mars/Olympus"), "setup_duration": select("setup_duration", "172800")}
    assert list(submit(bot, view, bad).json()["errors"]) == ["setup_poll_timezone"]
    good = {
        **schedule_values("setup_poll", "biweekly", "tue", "08:15", "America/New_York"),
        "setup_duration": select("setup_duration", "172800"),
        "setup_remind": {"setup_remind": {"type": "checkboxes", "selected_options": []}},
    }
    assert not submit(bot, view, good).content
    wait_until(lambda: any("Pulses scheduled" in t for t in dm_texts(team)), 10, "the DM")
    assert any(
        t.startswith("Pulses scheduled every other Tuesday at 08:15 (America/New_York). Next: Tue")
        for t in dm_texts(team)
    )
    assert bot.rt.scheduler.poll_options() == {
        "spec": "biweekly tue 08:15 America/New_York",
        "duration_s": 172800,
        "remind": False,
    }
    status = block_texts(run(bot, team, "poll status"))
    assert "*Schedule:* every other Tuesday at 08:15 (America/New_York)" in status
    # the modal opens again with what was saved
    bot.interact(
        {
            **base("block_actions", "UADMIN"),
            "view": {"id": "VHOME", "type": "home", "blocks": []},
            "actions": [
                {"type": "button", "action_id": "setup_edit_poll", "block_id": "setup_row_poll", "value": "poll"}
            ],
        }
    )
    again = opened(team, 2)
    initial = {
        b["block_id"]: b["element"].get("initial_option", {}).get("value") or b["element"].get("initial_time")
        for b in again["blocks"]
        if b["type"] == "input"
    }
    assert initial == {
        "setup_poll_frequency": "biweekly",
        "setup_poll_day": "tue",
        "setup_poll_time": "08:15",
        "setup_poll_timezone": "America/New_York",
        "setup_duration": "172800",
        "setup_remind": None,
    }
    assert "initial_options" not in next(b for b in again["blocks"] if b.get("block_id") == "setup_remind")["element"]


def test_a_scheduled_pulse_from_the_modal_stays_open_as_long_as_chosen_without_reminder(bot, team):
    from support.harness import assign_team

    assign_team(bot, team)
    from services import jobs

    jobs.scheduled_poll("weekly mon 09:00 UTC", 172800, False)
    pulse = bot.rt.store.open_pulse_row()
    from datetime import datetime

    opened_at, closes = datetime.fromisoformat(pulse["opened_at"]), datetime.fromisoformat(pulse["closes_at"])
    assert (closes - opened_at).total_seconds() == 172800 and pulse["remind_at"] is None
    bot.settle()


def test_digests_schedule_and_stop_with_errors_under_the_channel(bot, team):
    team.add_channel("C0LEADS", "cx-leads", member=False)
    team.add_channel("C0SECRET", "secret", member=False, private=True)
    bot.interact(
        {
            **base("block_actions", "UADMIN"),
            "view": {"id": "VHOME", "type": "home", "blocks": []},
            "actions": [
                {"type": "button", "action_id": "setup_edit_digest", "block_id": "setup_row_digest", "value": "digest"}
            ],
        }
    )
    view = opened(team)
    assert (
        next(b for b in view["blocks"] if b.get("block_id") == "setup_digest_channel")["element"]["type"]
        == "conversations_select"
    )
    assert submit(bot, view, {}).json()["errors"] == {
        "setup_digest_channel": "Choose a channel, or stop a digest above."
    }
    secret = {
        "setup_digest_channel": {
            "setup_digest_channel": {"type": "conversations_select", "selected_conversation": "C0SECRET"}
        },
        **schedule_values("setup_digest"),
    }
    assert submit(bot, view, secret).json()["errors"] == {
        "setup_digest_channel": "I can't post in that channel: type /invite @Pulsegap there, then save again."
    }
    language = next(b for b in view["blocks"] if b.get("block_id") == "setup_digest_language")["element"]
    assert [o["value"] for o in language["options"]] == ["en", "sv", "it"]
    assert language["initial_option"]["value"] == "en"  # DEFAULT_LANGUAGE
    leads = {
        **secret,
        "setup_digest_channel": {
            "setup_digest_channel": {"type": "conversations_select", "selected_conversation": "C0LEADS"}
        },
        "setup_digest_language": select("setup_digest_language", "it"),
    }
    assert not submit(bot, view, leads).content
    wait_until(lambda: any("Digests saved" in t for t in dm_texts(team)), 10, "the DM")
    assert "Digests for <#C0LEADS> scheduled every Friday at 16:30 (Asia/Tokyo), in Italian. Next: Fri" in next(
        t for t in dm_texts(team) if "Digests saved" in t
    )
    assert bot.rt.digests.language("C0LEADS") == "it"
    assert [c for c, _n, _w in bot.rt.scheduler.digest_schedules()] == ["C0LEADS"]
    assert team.channels["C0LEADS"]["is_member"]  # joined, as `digest schedule` does
    # Stop, then save: the schedule is gone
    bot.interact(
        {
            **base("block_actions", "UADMIN"),
            "view": {"id": "VHOME", "type": "home", "blocks": []},
            "actions": [
                {"type": "button", "action_id": "setup_edit_digest", "block_id": "setup_row_digest", "value": "digest"}
            ],
        }
    )
    again = opened(team, 2)
    stop = next(b for b in again["blocks"] if b.get("accessory", {}).get("action_id") == "setup_digest_remove")
    click(bot, again, stop["accessory"], "x")
    team.wait_for("views.update")
    marked = team.modals[again["id"]]
    assert json.loads(marked["private_metadata"]) == {"removed": ["C0LEADS"]}
    assert not submit(bot, marked, {}).content
    wait_until(lambda: not bot.rt.scheduler.digest_schedules(), 10, "the digest stopped")
    wait_until(lambda: any("Stopped the digests to <#C0LEADS>." in t for t in dm_texts(team)), 10, "the DM")


def test_home_shows_admins_the_set_up_rows_and_members_none(bot, team):
    bot.event({"type": "app_home_opened", "user": "UADMIN", "tab": "home"})
    view = team.wait_for("views.publish")[0]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert [b["accessory"]["action_id"] for b in view["blocks"] if "accessory" in b] == [
        "setup_edit_roles",
        "setup_edit_statements",
        "setup_edit_poll",
        "setup_edit_digest",
    ]
    bot.event({"type": "app_home_opened", "user": "UMEMBER", "tab": "home"}, event_id="Ev2")
    member = team.wait_for("views.publish", 2)[1]["view"]
    member = json.loads(member) if isinstance(member, str) else member
    assert "setup_edit" not in json.dumps(member)
