"""The sandbox over HTTP (`python bot.py` with no tokens): what a newcomer's first minutes rely on,
and what keeps other web pages and the production database out of it."""

from __future__ import annotations

import hashlib
import sys
import time

import pytest
import requests

from sandbox.server import NOT_A_COMMAND
from tests.sandbox.conftest import channel_text, launch

ROSTER = 7 + 16  # executives + agents
STATEMENTS = 11


@pytest.fixture(scope="module")
def chat(tmp_path_factory):
    """One sandbox shared by the tests that start no pulse (a start-up costs a second of CPU): each
    reads only what it caused (`Sandbox.since`); xdist_group keeps them on one worker."""
    sandbox = launch(tmp_path_factory.mktemp("chat"))
    yield sandbox
    sandbox.stop()


def assert_study_answer(text: str) -> None:
    """The answer to `feedback`: the study's 78% of executives and 62% of CS managers."""
    assert "Executives: *78%* · CS managers &amp; directors: *62%*" in text, text


def poll_now(sandbox, people: int = ROSTER) -> None:
    """`poll now`, then wait until every DM is out (the fan-out runs after the command's answer)."""
    sandbox.api("command", text="/gap poll now")
    deadline = time.time() + 30
    while (
        sum(
            any(m.get("metadata") for m in sandbox.state(p["id"])["messages"]["dm"])
            for p in sandbox.state()["personas"]
        )
        < people
    ):
        assert time.time() < deadline, "the pulse DMs did not all go out"
        time.sleep(0.2)


def test_runs_with_the_runtime_requirements_only(start_sandbox):
    """`pip install -r requirements.txt && python bot.py`: nothing may need a test-only package
    (requests was one). The interpreter is told requests does not exist."""
    block = (
        "import os, runpy, sys; sys.modules['requests'] = None; sys.argv = sys.argv[1:]; "
        "sys.path.insert(0, os.path.dirname(sys.argv[0])); runpy.run_path(sys.argv[0], run_name='__main__')"
    )
    sb = start_sandbox(launcher=[sys.executable, "-c", block])
    assert "Pulsegap sandbox" in requests.get(sb.url + "/", timeout=10).text
    assert sb.api("command", text="/gap feedback").json() == {"ok": True}
    assert_study_answer(channel_text(sb.state()))
    log = sb.log.read_text()
    # the last line is the sandbox's own (waitress may add a "task queue depth" warning on a busy machine)
    lines = [line for line in log.rstrip().splitlines() if "waitress.queue" not in line]
    assert lines[-1].endswith(f"INFO pulsegap: Pulsegap sandbox: open {sb.url}/ in a browser")
    assert "apscheduler" not in log and "/slack/events" not in log


@pytest.mark.xdist_group("chat")
def test_tests_that_share_a_sandbox_share_a_worker(request):
    """A group's shared sandbox starts once only if xdist really groups: pytest 9.2 with xdist 3.8
    silently stopped doing so (pytest-xdist#1386; requirements-dev.txt keeps pytest below 9.2), and
    every worker started its own demo history, ~5 s of CPU each."""
    if not request.config.getvalue("loadgroup"):
        pytest.skip("not distributed with --dist loadgroup (-n 0)")
    assert request.node.nodeid.endswith("@chat")


@pytest.mark.xdist_group("chat")
def test_a_host_other_than_this_machine_is_refused(chat):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example."""
    sandbox, before = chat, chat.state()
    for host in (
        f"evil.example:{sandbox.port}",
        "127.0.0.1",
        f"127.0.0.1:{sandbox.port + 1}",
        f"localhost.evil:{sandbox.port}",
    ):
        for method, path in (
            ("GET", "/"),
            ("GET", "/sandbox/api/state"),
            ("POST", "/sandbox/api/command"),
            ("POST", "/slack/events"),
        ):
            r = requests.request(
                method, sandbox.url + path, headers={"Host": host}, json={"text": "/gap poll now"}, timeout=10
            )
            assert r.status_code == 403, (host, path, r.status_code)
            assert r.text == f"Refused: the Pulsegap sandbox answers only http://127.0.0.1:{sandbox.port}\n"
    for host in (f"127.0.0.1:{sandbox.port}", f"localhost:{sandbox.port}", f"LOCALHOST:{sandbox.port}"):
        assert requests.get(sandbox.url + "/", headers={"Host": host}, timeout=10).status_code == 200
    assert sandbox.state() == before  # nothing refused had an effect


@pytest.mark.xdist_group("chat")
def test_cross_origin_api_calls_are_refused(chat):
    sandbox, before = chat, chat.state()
    refused = [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": f"http://127.0.0.1:{sandbox.port + 1}"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": f"http://127.0.0.1:{sandbox.port}", "Sec-Fetch-Site": "cross-site"},
    ]
    for headers in refused:
        for path in ("command", "click", "simulate", "demo", "home"):
            r = requests.post(
                f"{sandbox.url}/sandbox/api/{path}",
                headers=headers,
                json={"persona": "UADMIN", "text": "/gap poll now"},
                timeout=10,
            )
            assert r.status_code == 403, (headers, path, r.status_code)
            assert r.text == "Refused: the sandbox's API takes requests from its own page only.\n"
    state = sandbox.state()
    assert state == before and state["busy"] == "" and state["status"] == ""
    # the page's own fetch, as Chromium sends it, still works
    same = {"Origin": f"http://127.0.0.1:{sandbox.port}", "Sec-Fetch-Site": "same-origin"}
    r = requests.post(f"{sandbox.url}/sandbox/api/command", headers=same, json={"text": "/gap feedback"}, timeout=30)
    assert r.json() == {"ok": True}
    assert_study_answer(channel_text(sandbox.since(before)))


def test_keeps_its_own_database_whatever_database_path_says(start_sandbox, tmp_path):
    production = tmp_path / "pulsegap.db"
    production.write_bytes(b"the production database: not to be opened by the sandbox")
    before = hashlib.sha256(production.read_bytes()).hexdigest()
    sb = start_sandbox(env={"DATABASE_PATH": str(production)})
    assert "It keeps its own database, pulsegap-sandbox.db, next to DATABASE_PATH" in sb.log.read_text()
    sb.api("command", text="/gap roles exec <!subteam^S0CXLEAD|@cx-leadership>")
    sb.api("command", text="/gap poll now")
    assert "Pulse #1 is going out to 7 executives and 0 agents" in channel_text(sb.state())
    assert hashlib.sha256(production.read_bytes()).hexdigest() == before
    assert (tmp_path / "pulsegap-sandbox.db").stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir() if "pulsegap" in p.name) == [
        "pulsegap-sandbox.db",
        "pulsegap-sandbox.db-shm",
        "pulsegap-sandbox.db-wal",
        "pulsegap.db",
    ]


def test_the_configured_slash_command_is_the_one_that_answers(start_sandbox):
    sb = start_sandbox(env={"SLASH_COMMAND": "/pulse"})
    assert sb.state()["command"] == "/pulse"
    assert sb.api("command", text="/pulse feedback").json() == {"ok": True}
    assert_study_answer(channel_text(sb.state()))
    sb.api("command", text="/gap feedback")
    assert [(m["text"], m.get("slackbot")) for m in sb.state()["messages"]["channel"]][-1] == (
        NOT_A_COMMAND.format("/gap"),
        True,
    )


@pytest.mark.xdist_group("chat")
def test_typed_text_is_treated_as_slack_treats_it(chat):
    """Plain text is a message everyone in the channel sees; a /word no app registered gets
    Slackbot's answer, to its author only; commands match exactly (Slack's are lowercase)."""
    sandbox, before, before_ceo = chat, chat.state(), chat.state("UEXECCEO")
    for typed in ("hello team", "/foo bar", "/GAP feedback"):
        assert sandbox.api("command", text=typed).json() == {"ok": True}
    mine = [(m["text"], m.get("command"), bool(m.get("slackbot"))) for m in sandbox.since(before)]
    assert mine == [
        ("hello team", False, False),
        ("/foo bar", True, False),
        (NOT_A_COMMAND.format("/foo"), True, True),
        ("/GAP feedback", True, False),
        (NOT_A_COMMAND.format("/GAP"), True, True),
    ]
    seen = [(m["user"], m["text"], m["own"]) for m in sandbox.since(before_ceo, "UEXECCEO")]
    assert seen == [("UADMIN", "hello team", False)]
    assert NOT_A_COMMAND.format("/foo").startswith("/foo is not a valid command. In Slack, all messages that start")


@pytest.mark.xdist_group("chat")
def test_what_a_person_types_is_their_own_plain_message(chat):
    sandbox, before, before_ceo = chat, chat.state(), chat.state("UEXECCEO")
    typed = "/gap roles exec @Cecilia *now* <b>"
    sandbox.api("command", text="/gap roles exec <@UEXECCEO|Cecilia> *now* <b>", typed=typed)
    own = [m for m in sandbox.since(before) if m.get("own")]
    assert [(m["user"], m["text"]) for m in own] == [("UADMIN", typed)]
    replies = [m for m in sandbox.since(before) if not m.get("own")]
    assert (
        len(replies) == 1
        and replies[0]["ephemeral"]
        and "Added <@UEXECCEO> to the executives." in channel_text(sandbox.since(before))
    )
    assert sandbox.since(before_ceo, "UEXECCEO") == []  # nobody else sees it


def test_simulate_says_what_it_did_and_never_overrides_a_persons_click(sandbox):
    assert sandbox.api("simulate").json()["message"] == (
        "No pulse is open, so there is nothing to answer. Start one with /gap poll now."
    )
    sandbox.api("command", text="/gap roles exec <!subteam^S0CXLEAD|@cx-leadership>")
    sandbox.api("command", text="/gap roles agent <!subteam^S0CXAGNT|@cx-agents>")
    poll_now(sandbox)
    assert "Pulse #1 is going out to 7 executives and 16 agents" in channel_text(sandbox.state())
    dm = next(m for m in sandbox.state("UAGENTAMY")["messages"]["dm"] if m.get("metadata"))
    first = next(b for b in dm["blocks"] if b["type"] == "actions")
    button = first["elements"][0]
    sandbox.api(
        "click",
        persona="UAGENTAMY",
        channel="DAGENTAMY",
        ts=dm["ts"],
        action={
            "type": "button",
            "action_id": button["action_id"],
            "block_id": first["block_id"],
            "value": button["value"],
        },
    )
    assert sandbox.api("simulate").json() == {
        "ok": True,
        "message": f"Added {ROSTER * STATEMENTS - 1} simulated answers from {ROSTER} people to Pulse #1.",
    }
    assert sandbox.api("simulate").json()["message"] == (
        "Pulse #1: every statement in its DMs here has been answered already."
    )
    sandbox.api("command", text="/gap poll status")
    text = channel_text(sandbox.state())
    assert "Executives: 7 of 7 answered" in text and "Agents: 16 of 16 answered" in text


REFUSED_DEMO = (
    "Demo history loads only before the first pulse, as the past: Pulse #1 has run here already, and "
    "demo pulses dated today would bury it. To see the demo, stop the sandbox, delete "
    "pulsegap-sandbox.db and start it again."
)


def test_demo_history_once_a_pulse_has_run_is_refused_at_once(sandbox):
    sandbox.api("command", text="/gap roles agent <!subteam^S0CXAGNT|@cx-agents>")
    sandbox.api("command", text="/gap poll now")
    r = sandbox.api("demo")
    assert r.elapsed.total_seconds() < 2
    assert r.json() == {"ok": False, "message": REFUSED_DEMO}  # open
    assert sandbox.wait_idle()["status"] == REFUSED_DEMO
    sandbox.api("command", text="/gap poll status")
    assert "Pulse #1* is open" in channel_text(sandbox.state())
    assert "Agents: 0 of 16 answered" in channel_text(sandbox.state())
    sandbox.api("command", text="/gap poll close")
    assert sandbox.api("demo").json() == {"ok": False, "message": REFUSED_DEMO}  # closed: the demo would follow it
    sandbox.api("command", text="/gap poll status")
    assert "Pulse #2" not in channel_text(sandbox.state())


@pytest.mark.xdist_group("demo")
def test_demo_history_shows_gaps_a_headline_and_a_trend_at_the_default_threshold(demo):
    assert demo.wait_idle()["status"] == (
        "Loaded demo pulses #1–#3. Try /gap results, /gap digest #cx-leads or the Home tab."
    )
    before = demo.state()
    demo.api("command", text="/gap results")
    text = channel_text(demo.since(before))
    # every figure is shown at the default threshold: 6 of 7 executives and 14 of 16 agents answered
    assert (text.count("agree (n=6)"), text.count("agree (n=14)")) == (STATEMENTS, STATEMENTS)
    # statement 1's gap was owned after Pulse #2 and agents agree by Pulse #3: it is no longer rosier
    assert "The top sees a rosier picture on only 3 of 11 statements; in the 2008 study it did on 5 of 7" in text
    assert "1 of 1 owned gap narrowed since Pulse #2." in text
    assert "Executives: 6 of 7 answered · Agents: 14 of 16 answered" in text
    assert text.count("95% CI") == STATEMENTS + 1  # and the owned gap's change
    assert text.count("Since the previous pulse: narrower") == 10  # earlier demo pulses had wider gaps


@pytest.mark.xdist_group("demo")
def test_files_are_served_by_type(demo):
    sandbox = demo
    sandbox.wait_idle()
    sandbox.api("command", text="/gap export")
    sandbox.api("command", text="/gap digest <#C0CXLEADS|cx-leads>")
    dm = sandbox.state()["messages"]["dm"]
    csv = next(f for m in dm for f in m.get("files", []))
    assert csv["name"] == "pulsegap-aggregates.csv"
    r = requests.get(f"{sandbox.url}/sandbox/files/{csv['id']}", timeout=10)
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == 'attachment; filename="pulsegap-aggregates.csv"'
    assert r.text.splitlines()[0] == (
        "wave,opened,closed,statement,metric,role,n,pct_agree,gap_points,gap_ci_low,"
        "gap_ci_high,study_exec_pct,study_cs_pct,study_gap_points"
    )
    png = next(f for m in sandbox.state()["messages"]["channel"] for f in m.get("files") or [])
    r = requests.get(f"{sandbox.url}/sandbox/files/{png['id']}", timeout=10)
    assert (png["name"], r.headers["Content-Type"], "Content-Disposition" in r.headers) == (
        "pulsegap-pulse-3.png",
        "image/png",
        False,
    )
    assert r.content.startswith(b"\x89PNG")
