"""The hardening that is the app's, not the process's, in process: replayed requests, rights
checked afresh, and a statement matplotlib would read as TeX. (Start-up, waitress, restarts and a
matplotlibrc are in tests/test_hardening.py.)"""

from __future__ import annotations

import sqlite3
import time

from support.harness import block_texts, run, sign


def test_a_replayed_request_has_no_effect_and_slacks_resigned_retries_are_served(bot, fake):
    form = (
        f"team_id=T0TEST&channel_id=C0LEADS&user_id=UADMIN&command=%2Fgap&text=statements+add+Replayed+row"
        f"&api_app_id=A0PULSE&trigger_id=9.9.9&response_url={fake.response_url('UADMIN')}"
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(form)}
    statuses = [bot.send(form.encode(), headers).status_code for _ in range(3)]
    assert statuses == [200, 401, 401]

    # Slack's retry of an event delivery: the same body, signed afresh, with X-Slack-Retry-Num
    event = {"type": "app_home_opened", "user": "UMEMBER", "tab": "home"}
    assert bot.event(event, event_id="EvRetry", timestamp=int(time.time()) - 2).status_code == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert bot.event(event, event_id="EvRetry", headers=retry).status_code == 200

    bot.stop()  # every lazy listener has run: the command once, nothing for the replays
    assert len(fake.responses) == 1
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM statements WHERE text='Replayed row'").fetchone() == (1,)
    warnings = [line for line in bot.output().splitlines() if "replayed" in line]
    assert len(warnings) == 2 and all(" WARNING " in w and "Replayed row" not in w for w in warnings)


def test_a_demoted_admin_loses_admin_effects_at_once(bot, fake):
    for u in ("UEXEC1", "UEXEC2"):
        fake.add_user(u)
    assert "Added <@UEXEC1> to the executives." in block_texts(run(bot, fake, "roles exec <@UEXEC1>"))
    fake.users["UADMIN"]["is_admin"] = False  # demoted in Slack
    refused = block_texts(run(bot, fake, "roles exec <@UEXEC2>"))
    assert refused.startswith(":lock: Only Slack workspace admins and Pulsegap admins can use `roles")
    home_click = {
        "type": "block_actions",
        "user": {"id": "UADMIN"},
        "team": {"id": "T0TEST"},
        "api_app_id": "A0PULSE",
        "trigger_id": "1.2",
        "actions": [
            {
                "type": "button",
                "action_id": "home_poll_now",
                "block_id": "b",
                "value": "x",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    assert bot.interact(home_click).status_code == 200
    told = fake.wait_for("chat.postMessage", 1)[0]
    assert (told["channel"], told["text"]) == (
        "UADMIN",
        ":lock: Only Slack workspace admins and Pulsegap admins can run a pulse. Nothing was changed.",
    )
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT id FROM roles").fetchall() == [("UEXEC1",)]
    assert db.execute("SELECT count(*) FROM pulses").fetchone() == (0,)


def closed_pulse_on_a_money_statement(bot, team):
    """A pulse whose 12th statement holds dollar signs (TeX to matplotlib: "$x^$" cannot be parsed), answered by every executive and three agents."""
    from support.harness import AGENTS, EXECS, assign_team, click, dms, wait_delivered

    team.add_channel("C0LEADS", "cx-leads", member=True)
    assign_team(bot, team)
    run(bot, team, "statements add Cost per call: $x^$")
    run(bot, team, "poll now")
    wait_delivered(bot, 9)
    sent = dms(team)
    for user in EXECS + AGENTS[:3]:
        click(bot, team, user, sent[user], 11, 4)
    assert "closed: 3 executives and 3 agents answered" in block_texts(run(bot, team, "poll close"))


def test_a_statement_with_dollar_signs_is_charted_as_plain_text(start_bot, team):
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    closed_pulse_on_a_money_statement(bot, team)
    assert block_texts(run(bot, team, "digest <#C0LEADS|cx-leads>")) == "Digest of Pulse #1 posted in <#C0LEADS>."
    assert len(team.wait_for("files.completeUploadExternal", 1)) == 1
    assert "Traceback" not in bot.output()
