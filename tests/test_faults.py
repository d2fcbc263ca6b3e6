"""The fault suite: fuzzed requests, crashes mid-burst and mid-digest, and a Slack that misbehaves."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.parse

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.harness import AGENTS, EXECS, assign_team, block_texts, dms, run, status_until, vote_payload
from tests.test_resilience import _move_job_into_the_past

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ADMIN_COMMANDS = [
    "roles exec <@UEXEC1>",
    "roles remove <@UEXEC1>",
    "statements add x",
    "statements remove 1",
    "poll now",
    "poll close",
    "poll stop",
    "poll schedule weekly mon 09:00 UTC",
    "digest <#C0LEADS|x>",
    "digest schedule <#C0LEADS|x> weekly mon 09:00",
    "digest stop",
    "export",
]


def quiet_log(bot) -> None:
    """No exception escaped a listener: nothing logged at ERROR, no traceback."""
    out = bot.output()
    assert "Traceback" not in out and " ERROR " not in out, out[-3000:]


def test_fuzzed_commands_from_a_non_admin_change_nothing(bot, fake):
    @FUZZ
    @given(
        st.one_of(
            st.sampled_from(ADMIN_COMMANDS),
            st.builds(lambda a, b: f"{a} {b}", st.sampled_from(ADMIN_COMMANDS), st.text(max_size=300)),
            st.text(max_size=3000),
        )
    )
    def check(text):
        r = bot.command(text, user="UMEMBER")
        assert r.status_code == 200

    check()
    time.sleep(1)
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM roles").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM pulses").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM statements WHERE active=1").fetchone() == (11,)
    assert fake.calls_to("chat.postMessage") == [] and fake.calls_to("files.completeUploadExternal") == []
    quiet_log(bot)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=10), c, max_size=4),
    max_leaves=20,
)


def test_fuzzed_interaction_payloads_never_break_the_bot(bot, fake):
    action = st.fixed_dictionaries(
        {
            "type": st.sampled_from(["button", "channels_select", "static_select"]),
            "action_id": st.sampled_from(["vote:1:4", "vote:99:9", "home_poll_now", "home_digest", "x"])
            | st.text(max_size=30)
            | json_values,
            "block_id": st.text(max_size=30),
            "value": st.text(max_size=60) | st.sampled_from(["1:1:4", "9:9:9", "0:0:1"]),
            "action_ts": st.text(max_size=20),
        }
    )
    payload = st.fixed_dictionaries(
        {
            "type": st.sampled_from(["block_actions", "view_submission", "shortcut", "nonsense"]),
            "user": st.fixed_dictionaries({"id": st.sampled_from(["UMEMBER", "UNOSUCH", ""])}),
            "team": st.fixed_dictionaries({"id": st.just("T0TEST")}),
            "actions": st.lists(action, max_size=2),
        },
        optional={
            "container": json_values,
            "message": json_values,
            "extra": json_values,
            "view": json_values | st.fixed_dictionaries({}, optional={"type": json_values, "id": json_values}),
        },
    )

    @FUZZ
    @given(payload)
    def check(p):
        r = bot.interact(p)
        assert r.status_code < 500

    check()
    for raw in ("payload=%7Bnot-json", "payload=", "", "x=1", "payload=" + urllib.parse.quote("[]")):
        assert bot.post(raw, "application/x-www-form-urlencoded").status_code < 500
    assert bot.post("{broken", "application/json").status_code < 500
    time.sleep(1)
    # the only messages: "only admins can …" refusals to the people who pressed admin buttons
    assert all(
        "Only Slack workspace admins and Pulsegap admins" in c["text"] and c["channel"] in ("UMEMBER", "UNOSUCH")
        for c in fake.calls_to("chat.postMessage")
    )
    assert sqlite3.connect(bot.db_path).execute("SELECT count(*) FROM pulses").fetchone() == (0,)
    quiet_log(bot)


def test_fuzzed_events_never_break_the_bot(bot, fake):
    event = st.fixed_dictionaries(
        {"type": st.sampled_from(["app_home_opened", "message", "x"]) | json_values},
        optional={
            "user": st.sampled_from(["UMEMBER"]) | json_values,
            "tab": json_values,
            "channel": json_values,
            "message": json_values,
        },
    )

    @FUZZ
    @given(event, st.integers(0, 10**9))
    def check(e, n):
        assert bot.event(e, event_id=f"Ev{n}").status_code < 500

    check()
    time.sleep(1)
    assert all(v["user_id"] == "UMEMBER" for v in fake.calls_to("views.publish"))
    quiet_log(bot)


def test_signed_payloads_of_shapes_slack_never_sends_get_400(bot, fake):
    click = {
        "type": "block_actions",
        "user": {"id": "UMEMBER"},
        "team": {"id": "T0TEST"},
        "actions": [{"type": "button", "action_id": "home_poll_now", "block_id": "b", "action_ts": "1.0"}],
    }
    malformed = [
        {"type": "view_submission", "user": {"id": "UMEMBER"}, "view": {"id": "V1", "callback_id": "x"}},  # no type
        {**click, "view": {"id": "V1"}},
        {**click, "actions": [{**click["actions"][0], "action_id": {"id": "home_poll_now"}}]},
    ]
    assert [bot.interact(p).status_code for p in malformed] == [400, 400, 400]
    for i, user in enumerate(({"id": "UMEMBER"}, ["UMEMBER"], 7)):
        r = bot.event({"type": "app_home_opened", "user": user, "tab": "home"}, event_id=f"EvBad{i}")
        assert r.status_code == 400 and r.json() == {"error": "malformed payload"}
    time.sleep(1)
    assert fake.calls_to("views.publish") == [] and fake.calls_to("chat.postMessage") == []
    out = bot.output()  # one WARNING each: from the middleware, or the WSGI guard when Bolt cannot even read it
    assert out.count("refused a malformed payload") + out.count("refused a payload that cannot be parsed") == 6
    quiet_log(bot)


def test_payloads_without_a_response_url_are_acked_and_nothing_breaks(bot, fake):
    """Found by the fuzzer: a click that does not count (no such pulse) is answered through
    response_url after the ack; a signed payload without one must not crash that thread."""
    click = {
        "type": "block_actions",
        "user": {"id": "UMEMBER"},
        "team": {"id": "T0TEST"},
        "actions": [
            {"type": "button", "action_id": "vote:1:4", "block_id": "a:1:1", "value": "1:1:4", "action_ts": "1.0"}
        ],
    }
    assert bot.interact(click).status_code == 200
    form = {
        "team_id": "T0TEST",
        "channel_id": "C0LEADS",
        "user_id": "UADMIN",
        "command": "/gap",
        "text": "roles",
        "api_app_id": "A0PULSE",
        "trigger_id": "1.2.3",
    }  # a deferred command with nobody to answer
    assert bot.post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded").status_code == 200
    assert bot.interact({**click, "response_url": fake.response_url("late")}).status_code == 200
    told = fake.wait_responses(1)
    assert [(c["text"], c["response_type"]) for c in told] == [
        ("This pulse was not sent to you, so your click was not counted.", "ephemeral")
    ]
    time.sleep(0.5)
    assert "roles : no response_url to answer to" in bot.output()
    quiet_log(bot)


def test_sigkill_during_a_vote_burst_keeps_every_acknowledged_vote(start_bot, fake):
    people = [f"UV{i:04d}" for i in range(150)]
    for u in people:
        fake.add_user(u)
    fake.usergroups["SALL"] = people
    bot = start_bot()
    run(bot, fake, "roles agent <!subteam^SALL|@all>")
    run(bot, fake, "poll now")
    fake.wait_for("chat.postMessage", 150, timeout=30)
    time.sleep(0.3)
    sent = dms(fake)
    acked: dict[int, int] = {}
    tried: dict[int, int] = {}
    lock = threading.Lock()

    def voter(users):
        s = requests.Session()
        for i, u in enumerate(users):
            value = (i % 5) + 1
            body = urllib.parse.urlencode({"payload": json.dumps(vote_payload(fake, u, sent[u], 0, value))})
            with lock:
                tried[value] = tried.get(value, 0) + 1
            try:
                from support.harness import sign

                r = s.post(
                    bot.url,
                    data=body,
                    timeout=5,
                    headers={"Content-Type": "application/x-www-form-urlencoded", **sign(body)},
                )
            except requests.RequestException:
                return
            if r.status_code == 200:
                with lock:
                    acked[value] = acked.get(value, 0) + 1

    threads = [threading.Thread(target=voter, args=(people[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    while sum(acked.values()) < 40:
        time.sleep(0.005)
    bot.kill()
    for t in threads:
        t.join()
    assert 40 <= sum(acked.values()) < 150

    bot = start_bot()
    db = sqlite3.connect(bot.db_path)
    stored = dict(db.execute("SELECT value, count(*) FROM answers WHERE statement_id=1 GROUP BY value").fetchall())
    for value in range(1, 6):
        assert acked.get(value, 0) <= stored.get(value, 0) <= tried.get(value, 0)
    assert db.execute("SELECT count(*) FROM pulses WHERE status='open'").fetchone() == (1,)


def test_sigkill_during_a_scheduled_digest_then_restart_posts_it_once(start_bot, team):
    team.add_channel("C0LEADS", "cx-leads", member=True)
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    assign_team(bot, team)
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 9)
    time.sleep(0.3)
    sent = dms(team)
    from support.harness import click

    # three of each role: a gap to chart at the threshold of 3
    for u, v in ((EXECS[0], 5), (EXECS[1], 4), (EXECS[2], 5), (AGENTS[0], 2), (AGENTS[1], 4), (AGENTS[2], 1)):
        click(bot, team, u, sent[u], 0, v)
    run(bot, team, "poll close")
    run(bot, team, "digest schedule <#C0LEADS|cx-leads> weekly mon 09:00 UTC")
    bot.stop()
    _move_job_into_the_past(bot.db_path, "digest:C0LEADS", minutes=10)
    team.delays["files.getUploadURLExternal"] = [30]  # the chart upload hangs: kill the bot meanwhile
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    team.wait_for("files.getUploadURLExternal", 1, timeout=20)
    bot.kill()
    assert len([m for m in team.messages.get("C0LEADS", []) if m.get("blocks")]) == 1
    assert team.calls_to("files.completeUploadExternal") == []

    start_bot({"MIN_RESPONDENTS": "3"})
    team.wait_for("files.completeUploadExternal", 1, timeout=30)
    time.sleep(1.5)
    digests = [m for m in team.messages["C0LEADS"] if m.get("blocks")]
    charts = [m for m in team.messages["C0LEADS"] if m.get("files")]
    assert len(digests) == 1 and len(charts) == 1
    assert "Pulsegap digest: Pulse #1" in block_texts(digests[0])


def test_a_misbehaving_slack_is_retried_reported_and_commands_keep_working(start_bot, team):
    bot = start_bot({"TICK_SECONDS": "1", "SLACK_TIMEOUT": "2"})
    assign_team(bot, team)
    # chat.postMessage: 500s beyond the SDK's retries, a timeout, then rate limits; then healthy
    team.fail("chat.postMessage", *[(500, "internal_error")] * 12, *[(429, "ratelimited")] * 3)
    team.delays["chat.postMessage"] = [3]
    run(bot, team, "poll now")
    r = bot.command("feedback")  # still answering while the fan-out struggles
    assert r.status_code == 200 and "78%" in block_texts(r.json())
    deadline = time.time() + 60
    while time.time() < deadline and len({c["channel"] for c in team.calls_to("chat.postMessage")}) < 9:
        time.sleep(0.2)
    assert sorted({c["channel"] for c in team.calls_to("chat.postMessage")}) == sorted(EXECS + AGENTS + ["UGROUPONLY"])
    # the timed-out DM did arrive: a later tick finds it, and does not send it again
    status = status_until(bot, team, "(6 delivered, 0 still sending, 0 failed)")
    assert "Executives: 0 of 3 answered (3 delivered, 0 still sending, 0 failed)" in status
    assert "Agents: 0 of 6 answered (6 delivered, 0 still sending, 0 failed)" in status
    assert len(team.calls_to("chat.postMessage")) == len({c["channel"] for c in team.calls_to("chat.postMessage")})


def test_failures_that_last_are_reported_in_poll_status(start_bot, team):
    bot = start_bot({"TICK_SECONDS": "3600"})
    assign_team(bot, team)
    team.fail("chat.postMessage", *[(500, "internal_error")] * 200)
    run(bot, team, "poll now")
    status = status_until(
        bot, team, "(0 delivered, 0 still sending, 3 failed)", "(0 delivered, 0 still sending, 6 failed)", timeout=60
    )
    assert "Executives: 0 of 3 answered (0 delivered, 0 still sending, 3 failed)" in status
    assert "Agents: 0 of 6 answered (0 delivered, 0 still sending, 6 failed)" in status
