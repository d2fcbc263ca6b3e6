"""Bad input at the app, in process: fuzzed commands, clicks and events, and signed payloads of
shapes Slack never sends: a clean answer or a 400, never a crash, nothing changed. (The process
faults, crashes mid-burst and mid-digest and a misbehaving Slack, are in tests/test_faults.py.)"""

from __future__ import annotations

import sqlite3
import urllib.parse

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    """No exception escaped a listener: nothing logged at ERROR, no traceback. Call after
    `bot.stop()`, which waits for the lazy listeners and the work they left."""
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
    bot.stop()  # every lazy listener has run
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM roles").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM pulses").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM statements WHERE active=1").fetchone() == (11,)
    assert fake.calls_to("chat.postMessage") == [] and fake.calls_to("files.completeUploadExternal") == []
    quiet_log(bot)


def test_a_command_holding_the_word_payload_is_answered(bot, fake):
    """Bolt reads any form body containing "payload" as an interactivity payload; the guard keeps
    such a command a command (Hypothesis found "/gap payload" going unanswered)."""
    for text in ("payload", "what payload does the study carry?", "digest <#C0PAYLOAD|payload>"):
        r = bot.command(text, user="UMEMBER")
        assert r.status_code == 200, text
    answer = bot.command("payload", user="UMEMBER").json()
    assert answer["text"] == "No match in the studies"
    assert answer["blocks"][0]["elements"][0]["text"] == "You asked: payload"


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
    bot.stop()  # every lazy listener has run
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
    bot.stop()  # every lazy listener has run
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
    bot.stop()  # every lazy listener has run
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
    bot.stop()  # every lazy listener has run
    assert "roles : no response_url to answer to" in bot.output()
    quiet_log(bot)
