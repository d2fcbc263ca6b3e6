"""Anonymous comments at the wire: the DM's button opens a modal, the submission is stored keyed
like an answer, and at close a role's comments are shown (with no link to anyone) or withheld."""

from __future__ import annotations

import sqlite3

from support.harness import AGENTS, EXECS, block_texts, button_payload, run, wait_until
from tests.handlers.test_anonymity import open_pulse


def open_form(bot, fake, user, dm) -> dict:
    """A click on the DM's *Add a comment*: the modal Slack was asked to open."""
    block = next(b for b in dm["blocks"] if b.get("accessory", {}).get("action_id") == "comment_open")
    before = len(fake.calls_to("views.open"))
    assert bot.interact(button_payload(fake, user, dm, block["block_id"], block["accessory"])).status_code == 200
    return fake.wait_for("views.open", before + 1)[before]["view"]


def submit(bot, user, text, pulse_id="1", view=None) -> dict:
    """The modal's view_submission, shaped as Slack sends it; the ack's JSON."""
    payload = {
        "type": "view_submission",
        "user": {"id": user},
        "team": {"id": "T0TEST"},
        "api_app_id": "A0PULSE",
        "trigger_id": "1.3",
        "view": {
            "id": "V9",
            "type": "modal",
            "callback_id": "comment_submit",
            "private_metadata": pulse_id,
            "state": {"values": {"comment": {"comment_text": {"type": "plain_text_input", "value": text}}}},
            **(view or {}),
        },
    }
    r = bot.interact(payload)
    assert r.status_code == 200
    return r.json()


def comment(bot, fake, user, dm, text) -> dict:
    view = open_form(bot, fake, user, dm)
    assert view["callback_id"] == "comment_submit" and view["private_metadata"] == "1"
    return submit(bot, user, text)


def files(path) -> bytes:
    return b"".join(
        p.read_bytes()
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
        if p.exists()
    )


def test_comments_are_shown_per_role_only_from_the_threshold_and_nothing_links_them_after_close(start_bot, team):
    bot = start_bot({"TICK_SECONDS": "1"})
    sent = open_pulse(bot, team)
    form = open_form(bot, team, AGENTS[0], sent[AGENTS[0]])
    assert form["blocks"][1]["label"]["text"] == "What would leadership be surprised to hear?"
    assert form["blocks"][1]["element"] == {
        "type": "plain_text_input",
        "action_id": "comment_text",
        "multiline": True,
        "max_length": 1000,
    }
    thanks = submit(bot, AGENTS[0], "First draft, replaced later")
    assert thanks["response_action"] == "update"
    assert block_texts(thanks["view"]) == (
        "Thanks: your comment is recorded. It is shown with no name when Pulse #1 closes."
    )
    agent_texts = [f"Agent view {i}: tools <!here> crash & https://x.example/y" for i in range(5)]
    for user, text in zip(AGENTS, agent_texts, strict=True):
        comment(bot, team, user, sent[user], text)
    for user in EXECS[:2]:
        comment(bot, team, user, sent[user], f"Executive secret {user}")
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT role, count(*) FROM comment_drafts GROUP BY role").fetchall() == [
        ("agent", 5),
        ("exec", 2),
    ]
    secret = db.execute("SELECT secret FROM pulses").fetchone()[0]
    voters = [v for (v,) in db.execute("SELECT voter FROM comment_drafts")]
    db.close()

    run(bot, team, "poll close")
    wait_until(
        lambda: (
            not sqlite3.connect(bot.db_path).execute("SELECT 1 FROM meta WHERE key='wal_checkpoint_pending'").fetchone()
        )
    )
    results = block_texts(run(bot, team, "results"))
    shown = [line for line in results.splitlines() if line.startswith("&gt; ") or line.startswith("> ")]
    assert len(shown) == 5
    assert "Executives: 2 comments withheld: fewer than 5" in results
    assert "*Agents said:*" in results and "Executives said" not in results
    assert "First draft" not in results and "Executive secret" not in results
    assert "> Agent view 0: tools &lt;!here&gt; crash &amp; https[:]//x[.]example/y `" in results

    raw = files(bot.db_path)
    assert secret.encode() not in raw and [v for v in voters if v.encode() in raw] == []
    assert b"Executive secret" not in raw and b"First draft" not in raw  # withheld and replaced: gone
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM comment_drafts").fetchone() == (0,)
    assert [c[1] for c in db.execute("PRAGMA table_info(comments)")] == ["id", "pulse_id", "role", "text", "hidden"]
    ids = [i for (i,) in db.execute("SELECT id FROM comments")]
    assert db.execute("SELECT comments_withheld FROM pulses").fetchone() == ('{"exec": 2}',)
    db.close()
    assert len(ids) == 5 and ids == sorted(ids)

    assert "Only Slack workspace admins" in block_texts(run(bot, team, f"comments hide {ids[0]}", user="UMEMBER"))
    assert (
        block_texts(run(bot, team, f"comments hide {ids[0]}")) == f"Comment `{ids[0]}` of Pulse #1 is hidden for good."
    )
    after = block_texts(run(bot, team, "comments"))
    assert len([line for line in after.splitlines() if line.startswith("> ")]) == 4
    assert "Agents: 1 hidden by an admin" in after


def test_the_dm_is_the_same_whether_or_not_someone_commented_and_nothing_is_posted(start_app, team):
    bot = start_app()
    sent = open_pulse(bot, team)
    posts, responses = len(team.calls_to("chat.postMessage")), len(team.responses)
    comment(bot, team, AGENTS[0], sent[AGENTS[0]], "Something only the modal should see")
    bot.settle()
    assert sent[AGENTS[0]]["blocks"] == sent[AGENTS[1]]["blocks"]  # what Slack stored of each DM
    assert len(team.calls_to("chat.postMessage")) == posts and team.calls_to("chat.update") == []
    assert team.calls_to("chat.postEphemeral") == [] and len(team.responses) == responses
    run(bot, team, "poll close")
    team.wait_for("chat.update", 9)
    updates = {u["channel"]: u["blocks"] for u in team.calls_to("chat.update")}
    assert updates["D" + AGENTS[0][1:]] == updates["D" + AGENTS[1][1:]]


def test_a_comment_after_close_or_from_someone_not_asked_is_not_recorded(start_app, team):
    bot = start_app()
    open_pulse(bot, team)
    refused = submit(bot, "UMEMBER", "I was not asked")
    assert block_texts(refused["view"]) == "Pulse #1 was not sent to you, so your comment was not recorded."
    run(bot, team, "poll close")
    late = submit(bot, AGENTS[0], "Too late")
    assert block_texts(late["view"]) == "Pulse #1 has closed, so your comment was not recorded."
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM comment_drafts").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM comments").fetchone() == (0,)


def test_an_admin_sets_the_question_the_next_pulse_asks(start_app, team):
    bot = start_app()
    assert "Only Slack workspace admins" in block_texts(run(bot, team, "statements comment Hi", user="UMEMBER"))
    out = block_texts(run(bot, team, "statements comment What slows you down <!channel>?"))
    assert "Pulses from now on ask for a comment with: “What slows you down &lt;!channel&gt;?”" in out
    sent = open_pulse(bot, team)
    prompt = next(b for b in sent[AGENTS[0]]["blocks"] if b.get("block_id") == "comment:1")
    assert prompt["text"]["text"].startswith("*Optional:* What slows you down &lt;!channel&gt;? ")
    assert open_form(bot, team, AGENTS[0], sent[AGENTS[0]])["blocks"][1]["label"]["text"] == (
        "What slows you down <!channel>?"
    )


def test_export_sends_a_second_csv_of_the_shown_comments(start_app, team):
    bot = start_app({"MIN_COMMENTS": "5"})
    sent = open_pulse(bot, team)
    for i, user in enumerate(AGENTS):
        comment(bot, team, user, sent[user], f"=HYPERLINK(x) {i}" if i == 0 else f"Agent {i}")
    comment(bot, team, EXECS[0], sent[EXECS[0]], "Withheld")
    run(bot, team, "poll close")
    assert (
        block_texts(run(bot, team, "export"))
        == "Sent you the aggregates and the shown comments as two CSV files, by DM."
    )
    fid = next(f for f, name in team.file_names.items() if name == "pulsegap-comments.csv")
    lines = team.uploads[fid].decode().splitlines()
    assert lines[0] == "wave,role,comment"
    assert sorted(lines[1:]) == sorted(["1,agent,'=HYPERLINK(x) 0", *(f"1,agent,Agent {i}" for i in range(1, 5))])


def test_min_comments_below_min_respondents_is_refused_at_start():
    from config import ConfigError, load_config

    try:
        load_config({"SLACK_BOT_TOKEN": "", "MIN_RESPONDENTS": "5", "MIN_COMMENTS": "4"})
    except ConfigError as exc:
        assert str(exc).startswith("MIN_COMMENTS must be at least MIN_RESPONDENTS (5; got 4)")
    else:
        raise AssertionError("MIN_COMMENTS=4 was accepted")
    assert load_config({"MIN_RESPONDENTS": "7"}).min_comments == 7
    assert load_config({}).min_comments == 5


def test_a_forged_submission_of_another_shape_gets_a_clean_answer(start_app, team):
    bot = start_app()
    sent = open_pulse(bot, team)
    assert sent
    for state in ("bad", {"values": {"comment": "x"}}, {"values": {"comment": {"comment_text": ["x"]}}}):
        refused = submit(bot, AGENTS[0], "", view={"state": state})
        assert block_texts(refused["view"]) == "Pulse #1 was not sent to you, so your comment was not recorded."
    assert "Traceback" not in bot.output()


def test_after_a_restart_no_debug_line_names_who_opens_or_sends_the_comment_form(start_app, team):
    """A restart empties the person cache, so the first interaction looks the person's locale up
    with users.info: slack_sdk logs that exchange at DEBUG with their id, right beside the comment
    form's listeners. Those records keep their place, not their body."""
    env = {"LOG_LEVEL": "DEBUG"}
    bot = start_app(env)
    sent = open_pulse(bot, team)
    bot.stop()
    again = start_app(env)
    comment(again, team, AGENTS[2], sent[AGENTS[2]], "The queue tool loses notes")
    again.settle()
    log = again.output()
    assert "Running lazy listener" in log and "api/users.info" not in log  # DEBUG on, the lookup redacted
    assert "(a users.info exchange: redacted)" in log
    assert [line for line in log.splitlines() if AGENTS[2] in line] == []


def file_layout(bot, text: str, team) -> tuple[bytes, bytes]:
    """The database header's page count and freelist count after a pulse in which an executive's
    withheld comment (2 executives < MIN_COMMENTS 5) was `text`."""
    sent = open_pulse(bot, team)
    for user in AGENTS[:5]:
        comment(bot, team, user, sent[user], f"agent comment from {user}")
    comment(bot, team, EXECS[0], sent[EXECS[0]], "fine")
    comment(bot, team, EXECS[1], sent[EXECS[1]], text)
    run(bot, team, "poll close")
    bot.stop()
    raw = bot.db_path.read_bytes()
    return raw[28:32], raw[36:40]


def test_the_file_does_not_say_how_long_a_withheld_comment_was(start_app, team):
    """A long draft spills onto overflow pages; deleted at close, they would stay in the file as free
    pages (the header counts them). Closing rewrites the file, so its layout is the same."""
    short = file_layout(start_app(db_name="short.db"), "short", team)
    team.reset()
    long = file_layout(start_app(db_name="long.db"), "å" * 999, team)
    assert short == long and long[1] == b"\0\0\0\0"  # no free page at all
