"""`/gap` commands in process: the app built from a Config, signed requests through its WSGI
callable, the fake Slack at the wire."""

from __future__ import annotations

import time

import pytest

from support.harness import block_texts


def test_feedback_question_answers_with_exact_figures_and_source(bot, fake):
    r = bot.command("feedback")
    assert r.status_code == 200
    body = r.json()
    assert body["response_type"] == "ephemeral"
    text = block_texts(body)
    assert "Executives: *78%* · CS managers &amp; directors: *62%*" in text
    assert "Gap (executives − CS): *+16 points*: rosier at the top" in text
    assert "Telekom idag (sv)" in text and "Genesys press release" in text
    assert "not frontline agents" in text
    assert [b["type"] for b in body["blocks"]] == ["context", "section", "context", "section"]
    assert fake.calls_to("auth.test")  # Bolt checked the token against SLACK_API_URL at start-up


def test_agents_question_keeps_the_managers_caveat(bot):
    body = bot.command("what share of agents say average speed to answer is a critical metric?").json()
    text = block_texts(body)
    assert "Executives: *55%* · CS managers &amp; directors: *70%*" in text
    assert "*−15 points*" in text
    assert "Worldwide, all organisations: *67%*" in text
    assert "You asked about agents" in text


def test_disagreeing_sources_are_both_shown(bot):
    text = block_texts(bot.command("branch offices").json())
    assert (
        "UK: *39%* (Genesys press release (supportindustry.com) (en)) / *49%* (Telekom idag (sv)) — the sources disagree"
        in text
    )
    assert "Spain: *38%*" in text


def test_help_list_region_study(bot):
    assert "/gap poll now" in block_texts(bot.command("").json())
    assert "/gap region &lt;name&gt;" in block_texts(bot.command("help").json())
    listing = bot.command("list").json()
    assert listing["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "What the studies measured", "emoji": True},
    }
    both = bot.command("how do I use /gap? and what topics can it actually cover").json()
    types = [b["type"] for b in both["blocks"]]
    assert types[:4] == ["section", "context", "divider", "header"]  # the usage, then the list
    assert "/gap region &lt;name&gt;" in block_texts(both)
    assert both["blocks"][3] == listing["blocks"][0]
    assert types.count("header") == 1 and len(both["blocks"]) == 3 + len(listing["blocks"])
    # the list asked beside a question: the answer (echoing what was typed), then the list
    beside = bot.command("hey, what can you answer, and who ran the study?").json()
    types = [b["type"] for b in beside["blocks"]]
    at = types.index("divider")
    assert beside["blocks"][at + 1 :] == listing["blocks"]
    answer = block_texts({"blocks": beside["blocks"][:at]})
    assert "hey, what can you answer, and who ran the study?" in answer
    assert "Equation Research" in answer and "What the studies measured" not in answer
    germany = block_texts(bot.command("region germany").json())
    assert 'Companies that have or will add "click for a call back"*: *54%*' in germany
    assert "systematically passing on customer feedback*: *75%*" in germany
    study = block_texts(bot.command("study").json())
    assert "*927 companies* in *47 countries*" in study
    assert "1 April – 9 May 2008" in study
    assert "not frontline agents" in study


def test_user_text_cannot_ping_anyone(bot):
    body = bot.command("<!channel> <!here> <!everyone> <@U123> & more").json()
    text = block_texts(body)
    assert "<!" not in text and "<@" not in text
    assert "&lt;!channel&gt;" in text


def test_unsigned_stale_and_wrong_secret_requests_are_rejected(bot, fake):
    fake.reset()
    assert bot.command("feedback", signed=False).status_code == 401
    assert bot.command("feedback", timestamp=int(time.time()) - 600).status_code == 401
    assert bot.command("feedback", secret="not-the-secret").status_code == 401
    assert fake.calls == []
    assert bot.command("feedback").status_code == 200


def test_any_text_up_to_slacks_maximum_gets_an_answer(bot):
    import random

    rng = random.Random(7)
    texts = [
        "🙂" * 1000,
        "x" * 5000,
        bytes(rng.randrange(1, 256) for _ in range(3000)).decode("latin-1"),
        "roles",
        "poll",
        "region",
        "region atlantis",
        "results abc",
        "\u202e\u0000\ufeff",
        "%s%n{0}",
        "' OR 1=1 --",
    ]
    for text in texts:
        r = bot.command(text, user="UMEMBER")
        assert r.status_code == 200, text
        assert r.elapsed.total_seconds() < 3


def test_admin_user_ids_grants_admin(start_bot, fake):
    from support.harness import block_texts, run

    bot = start_bot({"ADMIN_USER_IDS": "UMEMBER"})
    fake.add_user("UEXEC1")
    assert "Added <@UEXEC1> to the executives." in block_texts(run(bot, fake, "roles exec <@UEXEC1>", user="UMEMBER"))


@pytest.mark.waits
def test_slack_errors_on_roles_are_reported_not_crashed(bot, fake):
    from support.harness import block_texts, run

    # the reader's language is looked up first (an error: English), then the admin check, whose
    # 5xx answers are retried (5 tries, the SDK's back-off: the test's one long wait)
    fake.fail("users.info", (200, "fatal_error"), *[(500, "fatal_error")] * 5)
    out = block_texts(run(bot, fake, "roles exec <@UEXEC1>"))
    assert "Nothing was changed" in out  # the admin check could not be made: fail closed
    assert fake.failures["users.info"] == []  # all six answered: one look-up, then one check tried 5 times
    out = block_texts(run(bot, fake, "roles exec <@UNOSUCH>"))
    assert "Nobody was added to the executives." in out and "<@UNOSUCH>: user_not_found" in out
