"""Block Kit from the pure builders, checked against Slack's limits and for exact structure."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

import render
from insights.followthrough import comments_of, measure
from insights.schedule import Schedule
from insights.stats import pulse_results
from insights.studies import load
from render.answers import answer_blocks, list_blocks, metric_blocks, no_match_blocks, region_blocks, study_blocks
from render.comments import (
    comment_blocks,
    comment_done,
    comment_hidden,
    comment_modal,
    comment_prompt,
    comments_reply,
    defused,
    question_set,
)
from render.help import beside_answer_blocks, help_and_list_blocks, help_blocks, privacy_blocks
from render.home import followthrough_blocks, home_view
from render.owned_actions import (
    actions_blocks,
    actions_moved_blocks,
    outcome_text,
    own_buttons,
    own_modal,
    own_result_view,
    owned_headline,
    owner_dm,
    reminder_dm,
)
from render.primitives import button, divider, escape, message, next_run_text, notice, validate
from render.pulse import (
    LIKERT,
    closed_dm,
    my_answers,
    poll_dm,
    poll_status_blocks,
    reminder_text,
    roles_added,
    roster_blocks,
    statements_blocks,
    vote_recorded,
)
from render.results import (
    bound,
    date_range,
    digest_blocks,
    results_blocks,
    small_roles_text,
    statement_result_text,
    trend_hidden_text,
    trend_summary,
)
from render.setup import (
    digest_modal,
    digest_scheduled,
    menu_modal,
    notice_modal,
    poll_modal,
    poll_scheduled,
    roles_modal,
    statement_added,
    statements_modal,
    zone_options,
)
from services.roles import Assigned
from support.harness import block_texts
from tests import mrkdwn

BM = load()


@pytest.mark.parametrize("metric", sorted(BM.metrics))
def test_every_metric_answer_is_valid(metric):
    payload = answer_blocks(BM, BM.answer(" ".join(BM.metrics[metric].keywords[:2]) or metric), "/gap")
    assert validate(payload) == []


@pytest.mark.parametrize("text", ["", "x" * 5000, "<!channel> & <@U1>", "🙂" * 1000, "region", "\u202e\u0000"])
def test_any_text_gives_a_valid_answer(text):
    payload = answer_blocks(BM, BM.answer(text), "/gap")
    assert validate(payload) == []
    assert "<!channel>" not in str(payload)


def test_every_region_and_the_fixed_pages_are_valid():
    for region in BM.region_info:
        assert validate(region_blocks(BM, region, "/gap")) == []
    for payload in (
        list_blocks(BM, "/gap"),
        study_blocks(BM),
        help_blocks("/gap"),
        region_blocks(BM, None, "/gap", "<x>"),
    ):
        assert validate(payload) == []


def test_a_question_about_two_regions_answers_each():
    payload = answer_blocks(BM, BM.answer("France and Asia - what figures do you have for each?"), "/gap")
    headers = [b["text"]["text"] for b in payload["blocks"] if b["type"] == "header"]
    assert headers == ["France in the 2008 study", "Asia in the 2008 study"]
    assert [b["type"] for b in payload["blocks"]] == ["header", "section", "context"] * 2
    assert payload["text"] == "France: 1 figure · Asia: 2 figures"
    assert validate(payload) == []


def test_a_message_asking_two_things_answers_each_under_one_echo():
    payload = answer_blocks(
        BM, BM.answer("what figures do you have for the UK, and which market is ahead on using branch offices?"), "/gap"
    )
    assert [b["type"] for b in payload["blocks"]] == [
        "context",  # "You asked: ..." once, for the whole message
        "header",  # the UK's figures
        "section",
        "context",
        "divider",
        "section",  # which region leads on branch offices
        "context",
        "context",
    ]
    assert payload["blocks"][0]["elements"][0]["text"].startswith("You asked: what figures do you have for the UK,")
    assert payload["blocks"][1]["text"]["text"] == "UK in the 2008 study"
    assert payload["text"] == (
        "UK: 2 figures · Leading regions: Companies bringing branch offices into customer service for peak periods"
    )
    assert validate(payload) == []


def test_escape_neutralises_slack_control_characters():
    assert escape("<!here> & <@U1|bob>") == "&lt;!here&gt; &amp; &lt;@U1|bob&gt;"


PULSE = {
    "id": 4,
    "min_respondents": 5,
    "opened_at": "2026-11-02T08:00:00+00:00",
    "closes_at": "2026-11-05T08:00:00+00:00",
    "closed_at": "2026-11-05T08:00:00+00:00",
    "statements": [{"id": i, "metric": None, "text": f"Statement {i} " + "x" * 280} for i in range(1, 21)],
}


def test_the_largest_pulse_fits_in_one_message():
    dm = poll_dm(PULSE, 5)
    assert validate(dm) == [] and len(dm["blocks"]) == 43
    assert dm["blocks"][-1]["accessory"] == button("My answers", "my_answers", "4")
    assert dm["blocks"][-2]["accessory"] == button("Add a comment", "comment_open", "4")
    assert dm["blocks"][-2]["text"]["text"] == (
        "*Optional:* What would leadership be surprised to hear? Your comment is written in a private form, "
        "never in this chat."
    )
    actions = dm["blocks"][2]
    assert actions == {
        "type": "actions",
        "block_id": "a:4:1",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": label, "emoji": True},
                "action_id": f"vote:1:{v}",
                "value": f"4:1:{v}",
            }
            for v, label in enumerate(LIKERT, 1)
        ],
    }


def test_what_a_voter_sees_is_ephemeral_and_the_closed_dm_has_no_buttons():
    recorded = notice("Recorded: *Agree* for statement 3 of 20. Only you see this.")
    recorded["blocks"][0]["block_id"] = "vote_recorded"  # what handlers.actions.PULSE_BODY redacts, in any language
    assert vote_recorded(PULSE, 3, 4) == recorded
    mine = my_answers(PULSE, {1: 1, 20: 5})
    assert validate(mine) == [] and len(mine["blocks"]) == 21
    assert mine["blocks"][0]["text"]["text"] == "*Your answers in Pulse #4* (2 of 20 answered). Only you see this."
    assert mine["blocks"][1]["text"]["text"] == f"*1.* Statement 1 {'x' * 280}\n*Strongly disagree*"
    assert mine["blocks"][2]["text"]["text"].endswith("\n_not answered_")
    assert mine["blocks"][20]["text"]["text"].endswith("\n*Strongly agree*")
    assert my_answers(PULSE, None) == notice("Pulse #4 has closed; your answers are no longer linked to you.")
    closed = closed_dm(PULSE, "/pulse")
    assert validate(closed) == [] and [b["type"] for b in closed["blocks"]] == ["section"]
    assert closed["blocks"][0]["text"]["text"] == (
        ":lock: *Pulse #4 closed on <!date^1793865600^{date_short_pretty} at {time}|2026-11-05 08:00 UTC>.* Thank you "
        "to everyone who answered. Answers are no longer linked to anyone. `/pulse results 4` shows the team's figures."
    )


def test_results_digest_and_home_for_twenty_statements_are_valid():
    rows = [
        {"pulse_id": 4, "statement_id": i, "role": r, "value": v, "n": 3}
        for i in range(1, 21)
        for r in ("exec", "agent")
        for v in (2, 4)
    ]
    res = pulse_results(PULSE, rows, BM, respondents={"exec": 6, "agent": 6}, asked={"exec": 7, "agent": 9})
    assert validate(results_blocks(res, "h")) == []
    assert validate(digest_blocks(res, "h")) == []
    home = home_view(res, "h", None, {}, None, [], admin=True, command="/gap")
    assert validate(home, surface="home") == [] and len(home["blocks"]) <= 100


def test_validate_catches_what_slack_would_reject():
    too_many = {"blocks": [divider()] * 51, "text": "t"}
    assert validate(too_many) == ["51 blocks > 50"]
    long_section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    assert validate([long_section]) == ["block 0: section text length 3001"]


# ----- every mrkdwn text the builders produce reads right in real Slack ------------------------
HOSTILE = ["We fix <!channel> issues & <@U123> says so.", "Tools <http://x|y> & more", "<b>bold</b> & > <!here>"]
ZONED = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
HPULSE = {
    "id": 7,
    "min_respondents": 5,
    "opened_at": "2026-11-02T08:00:00+00:00",
    "closes_at": "2026-11-05T08:00:00+00:00",
    "closed_at": "2026-11-05T08:00:00+00:00",
    "statements": [
        {"id": i, "metric": m, "text": t}
        for i, (m, t) in enumerate(
            [
                ("feedback_to_sales", HOSTILE[0]),
                ("asa_critical", HOSTILE[1]),
                (None, HOSTILE[2]),
                ("brand_driver", "Our customer service shapes how people see our brand."),
            ],
            1,
        )
    ],
}


def hostile_results(shown: bool = True):
    rows = [
        {"pulse_id": 7, "statement_id": i, "role": r, "value": v, "n": 3 if shown else 1}
        for i in (1, 2, 4)
        for r in ("exec", "agent")
        for v in ((4, 2) if r == "exec" else (2, 5))
    ]
    rows += [{"pulse_id": 7, "statement_id": 3, "role": "exec", "value": 4, "n": 9}]
    prev = pulse_results({**HPULSE, "id": 6}, [{**r, "pulse_id": 6} for r in rows], BM)
    return pulse_results(HPULSE, rows, BM, prev, respondents={"exec": 6, "agent": 7}, asked={"exec": 7, "agent": 9})


def followthrough_results():
    """hostile_results with hostile comments (shown, withheld, hidden) and owned actions measured."""
    res = hostile_results()
    rows = [{"id": f"a1b2c{i}", "role": "agent", "text": t, "hidden": i == 2} for i, t in enumerate(HOSTILE + LINKS)]
    res.comments = comments_of(7, rows, {"exec": 3}, 5, HOSTILE[0])
    statement = res.statements[0]
    action = {"id": 1, "statement": HOSTILE[1], "text": HOSTILE[2], "owner": "U1", "due": "2026-12-01", "done_at": None}
    res.actions = [measure(action, statement, statement), measure({**action, "id": 2}, None, statement)]
    return res


LINKS = ["see https://evil.example/x?a=1&b=2 or www.phish.io", "mail me@corp.com, visit example.com/path @here"]
ACTION = {"id": 3, "statement": HOSTILE[0], "text": HOSTILE[1], "owner": "U1", "due": "2026-12-01", "done_at": None}

OPEN = {
    "exec": {"responded": 1, "asked": 7, "sent": 7, "pending": 0, "failed": 0},
    "agent": {"responded": 0, "asked": 9, "sent": 8, "pending": 1, "failed": 0},
}
ROSTER = {"exec": [{"id": "U1", "kind": "user"}, {"id": "S1", "kind": "group"}], "agent": []}
SKIPPED = [{"user_id": "U9", "error": HOSTILE[2]}]
# builder -> payloads (or strings) built from representative, hostile inputs
CASES = {
    "answer_blocks": lambda: [
        answer_blocks(BM, BM.answer(q), "/gap")
        for q in HOSTILE
        + [
            "what share of agents think speed to answer matters",
            "germany",
            "brand and self service",
            "genomsnittlig svarstid",
            "velocità di risposta",
            "Someone quoted 54% without a source, where is that from? And what's the global number for callbacks?",
            "var kommer 78 % och 62 % ifrån?",  # two parts showing one metric: its block_ids stay unique
        ]
    ],
    # the kinds of answer `answer_blocks` hands on to, each reached as a user reaches it
    **{
        name: (
            lambda q=q, kind=kind: [answer_blocks(BM, a, "/pulse") for a in [BM.answer(q)] if a.kind == kind] or [None]
        )
        for name, q, kind in (
            ("ranking_blocks", "largest gap in the study & <!here>", "ranking"),
            ("leaders_blocks", "which country leads on callbacks", "leaders"),
            ("provenance_blocks", "where does the 54% come from", "provenance"),
            ("unmeasured_blocks", "average handle time <@U1>", "unmeasured"),
            ("fact_blocks", "when was the fieldwork done", "metrics"),
            ("several_blocks", "uk figures? and separately, who leads on branch offices in peak periods", "several"),
        )
    },
    "no_match_blocks": lambda: [no_match_blocks(BM, BM.answer(q), "/gap") for q in HOSTILE],
    "list_blocks": lambda: [list_blocks(BM, "/gap")],
    "region_blocks": lambda: (
        [region_blocks(BM, r, "/gap") for r in BM.region_info]
        + [region_blocks(BM, None, "/gap", HOSTILE[0]), region_blocks(BM, None, "/gap")]
    ),
    "study_blocks": lambda: [study_blocks(BM)],
    "help_blocks": lambda: [help_blocks("/gap"), help_blocks("/pulse")],
    "help_and_list_blocks": lambda: [help_and_list_blocks(BM, "/gap")],
    "beside_answer_blocks": lambda: [  # the longest answer, with the usage and the list beside it
        beside_answer_blocks(BM, answer_blocks(BM, BM.answer(q), "/gap"), action, "/gap")
        for q in ("Germany vs UK - what do we have? and who leads on virtualisation", HOSTILE[0])
        for action in ("help", "list", "help list")
    ],
    "metric_blocks": lambda: [metric_blocks(BM, v, caveat=True) for v in BM.views.values()],
    "poll_dm": lambda: [poll_dm(HPULSE, 5)],
    "reminder_text": lambda: [reminder_text(HPULSE)],
    "roles_added": lambda: [
        roles_added(
            [
                Assigned("U1", "user", moved_from="agent"),
                Assigned("S1", "group", 7, "cx <b>|x"),
                Assigned("S2", "group", 3),
            ],
            "exec",
            ["<@U9> is a bot or deactivated", "user group S2: no_such_subteam"],
        ),
        roles_added([], "agent", []),
    ],
    "roster_blocks": lambda: [roster_blocks(ROSTER, {"exec": 1, "agent": 0}, HOSTILE, cmd="/gap")],
    "statements_blocks": lambda: [
        statements_blocks(HPULSE["statements"], BM, "/gap", "Removed #2: " + escape(HOSTILE[1])),
        statements_blocks([], BM, "/gap"),
    ],
    "poll_status_blocks": lambda: [
        poll_status_blocks(
            ("every Monday at 09:00 (Europe/Stockholm)", ZONED), HPULSE, OPEN, SKIPPED, cmd="/gap", names=True
        ),
        poll_status_blocks(None, None, {}, [], cmd="/gap", names=False),
    ],
    "results_blocks": lambda: [results_blocks(hostile_results(), "h"), results_blocks(hostile_results(False), "h")],
    "digest_blocks": lambda: [
        digest_blocks(hostile_results(), "h"),
        digest_blocks(hostile_results(False), "h"),
    ],
    "home_view": lambda: [
        home_view(
            hostile_results(),
            "h",
            HPULSE,
            OPEN,
            ("every Monday at 09:00 (Europe/Stockholm)", ZONED),
            [("C1", "every Friday at 16:00 (Asia/Tokyo)", ZONED), ("C2", "x", None)],
            admin=True,
            command="/gap",
        ),
        home_view(None, None, None, {}, None, [], admin=False, command="/pulse"),
        home_view(None, None, HPULSE, OPEN, None, [], admin=False, command="/gap"),
    ],
    "comment_prompt": lambda: [comment_prompt(HPULSE), comment_prompt({**HPULSE, "comment_question": HOSTILE[0]})],
    "comment_modal": lambda: [comment_modal({**HPULSE, "comment_question": HOSTILE[2]}, 5)],
    "comment_done": lambda: [comment_done(r, 7) for r in ("recorded", "closed", "not_invited")],
    "comment_blocks": lambda: [
        message(comment_blocks(followthrough_results().comments, limit), "c") for limit in (None, 1)
    ],
    "comments_reply": lambda: [
        comments_reply(followthrough_results().comments, "/gap"),
        comments_reply(None, "/gap"),
        comments_reply(comments_of(7, [], {}, 5, None), "/gap"),
    ],
    "question_set": lambda: [question_set(HOSTILE[2]), question_set(None)],
    "comment_hidden": lambda: [comment_hidden(HOSTILE[0], None, "/gap"), comment_hidden("a1b2c3", 7, "/gap")],
    "own_buttons": lambda: [message(own_buttons(hostile_results(), admin), "o") for admin in (True, False)],
    "own_modal": lambda: [own_modal(7, {"id": 1, "text": HOSTILE[0]})],
    "own_result_view": lambda: [own_result_view("Saved. <@U1> gets a DM with the action.")],
    "owner_dm": lambda: [owner_dm(ACTION, "U2", "/gap")],
    "reminder_dm": lambda: [reminder_dm(ACTION, "/gap")],
    "outcome_text": lambda: [outcome_text(o, 7) for o in followthrough_results().actions],
    "actions_moved_blocks": lambda: [message(actions_moved_blocks(followthrough_results()), "a")],
    "owned_headline": lambda: [owned_headline(followthrough_results())],
    "actions_blocks": lambda: [
        actions_blocks([ACTION, {**ACTION, "done_at": "x"}], "/gap", "Done."),
        actions_blocks([], "/gap"),
    ],
    "followthrough_blocks": lambda: [message(followthrough_blocks(followthrough_results(), True), "f")],
    "vote_recorded": lambda: [vote_recorded(HPULSE, 3, v) for v in range(1, 6)],
    "my_answers": lambda: [my_answers(HPULSE, {1: 5, 3: 1}), my_answers(HPULSE, {}), my_answers(HPULSE, None)],
    "closed_dm": lambda: [closed_dm(HPULSE, "/gap")],
    "privacy_blocks": lambda: [privacy_blocks(5, "/gap"), privacy_blocks(3, "/pulse")],
    "small_roles_text": lambda: [small_roles_text({"exec": 3, "agent": 1}, 5)],
    "trend_summary": lambda: [trend_summary(hostile_results())],
    "trend_hidden_text": lambda: [
        trend_hidden_text(
            pulse_results(HPULSE, [], BM, previous=hostile_results(), roster_changes={"agent": 2, "exec": 1})
        )
    ],
}
SCHEDULE = Schedule("monthly", "sun", 23, 5, "America/Argentina/ComodRivadavia")
ROWS = {
    "exec": [
        {"id": "U1", "kind": "user", "role": "exec"},
        {"id": "S1", "kind": "group", "role": "exec", "name": HOSTILE[1]},
    ]
}
SETUP_CASES = {
    "menu_modal": lambda: [
        menu_modal(ROSTER, 20, ("every <b>", ZONED), [("C1", HOSTILE[0], ZONED)]),
        menu_modal({}, 0, None, []),
    ],
    "notice_modal": lambda: [notice_modal("x" * 40, escape(HOSTILE[0]))],
    "roles_modal": lambda: [roles_modal(ROWS, {"exec": 3}, HOSTILE), roles_modal({}, None, [])],
    "statements_modal": lambda: [statements_modal(HPULSE["statements"], BM, [1]), statements_modal([], BM, [])],
    "poll_modal": lambda: [
        poll_modal(("x & y", ZONED), SCHEDULE, 5400, True, 50),
        poll_modal(None, SCHEDULE, 86400, False, 0),
    ],
    "digest_modal": lambda: [digest_modal([("C1", HOSTILE[0], ZONED), ("C2", "x", None)], ["C2"], SCHEDULE)],
    "zone_options": lambda: [{"blocks": [], "options": zone_options(["Europe/Stockholm"], "stock")}],
    "poll_scheduled": lambda: [poll_scheduled(SCHEDULE, ZONED)],
    "digest_scheduled": lambda: [digest_scheduled("C1", SCHEDULE, None, "sv")],
    "statement_added": lambda: [statement_added(3, SimpleNamespace(title=HOSTILE[1])), statement_added(4, None)],
}
CASES.update(SETUP_CASES)
# not builders of what users see: primitives that put text where the caller says (the caller
# escapes), formatting helpers whose output the builders above contain, and validation
NOT_BUILDERS = {
    "default_question",
    "question_text",
    "defused",
    "own_button",
    "ownable",
    "day",
    "verdict_word",
    "_plain",
    "_input",
    "_role_said",
    "_action_fields",
    "_owned_statement",
    "escape",
    "truncate",
    "caveat",
    "statement_text",
    "statement",
    "statement_clause",
    "role_label",
    "role_size",
    "sign",
    "likert",
    "people",
    "executives",
    "agents",
    "statements_count",
    "language_name",
    "title",
    "own_language_quote",
    "help_lines",
    "metric_title",
    "fact_text",
    "unmeasured_title",
    "language_names",
    "number",
    "fmt_reading",
    "fmt_readings",
    "fmt_gap",
    "section",
    "header",
    "context",
    "divider",
    "button",
    "message",
    "notice",
    "source_line",
    "metric_text",
    "plain_summary",
    "validate",
    "slack_date",
    "mention",
    "asked",
    "next_run_text",
    "caveat_text",
    "strativity_caveat",
    "publisher",
    "source_label",
    "other_wording",
    "quote_line",
    "region_line",
    "signed",
    "points",
    "pct",
    "verdict_text",
    "clause",
    "role_line",
    "study_line",
    "statement_result_text",
    "pulse_dates",
    "participation_text",
    "bound",
    "date_range",
    "trend_word",
    "plain",
    "option",
    "edit_button",
    "setup_rows",  # in menu_modal and home_view
    "modal",
    "input_block",
    "group_option",
    "head_count_text",  # in roles_modal
    "frequency_labels",
    "day_labels",
    "schedule_blocks",  # in poll_modal and digest_modal
    "duration_label",
}


def test_every_builder_has_a_case():
    modules = [importlib.import_module(f"render.{m.name}") for m in pkgutil.iter_modules(render.__path__)]
    functions = {
        name
        for mod in modules
        if mod.__name__ != "render.chart"
        for name, f in inspect.getmembers(mod, inspect.isfunction)
        if f.__module__ == mod.__name__
    }
    assert "help_blocks" in functions and "home_view" in functions  # every module is enumerated
    missing = functions - set(CASES) - NOT_BUILDERS
    assert not missing, f"add representative inputs for {sorted(missing)} to CASES (or to NOT_BUILDERS)"


@pytest.mark.parametrize("builder", sorted(CASES))
def test_no_text_has_a_stray_angle_bracket_or_ampersand(builder):
    for payload in CASES[builder]():
        assert mrkdwn.problems(payload) == [], builder


def test_the_checker_catches_what_slack_would_mangle():
    bad = ["`/gap <question>`", "a & b", "<!channel>", "<!here|here>", "x > y", "<http://x|y> & z"]
    assert [t for t in bad if mrkdwn.stray(t)] == bad
    good = [
        "<@U1> <#C1|cx-leads> <!subteam^S1> <!date^1^{date_short_pretty} at {time}|2026-01-01 09:00 UTC>",
        "<https://slack.com/x|label> &lt;question&gt; &amp;",
        "> “a quote”\n> another line",
    ]
    assert [t for t in good if mrkdwn.stray(t)] == []


def votes(statement_id, role, agree, n):
    return [
        {"pulse_id": 7, "statement_id": statement_id, "role": role, "value": 4, "n": agree},
        {"pulse_id": 7, "statement_id": statement_id, "role": role, "value": 2, "n": n - agree},
    ]


PLAIN = {
    **HPULSE,
    "min_respondents": 3,
    "statements": [
        {"id": 1, "metric": "feedback_to_sales", "text": "We act on feedback."},
        {"id": 2, "metric": None, "text": "We fix root causes."},
        {"id": 3, "metric": None, "text": "Our tools work."},
    ],
}


def test_results_show_whole_numbers_and_say_what_an_inconclusive_gap_would_need():
    # 4 of 5 vs 1 of 5: +60 points, 95% CI −0.03 to 83.16: wide, so inconclusive, not aligned; the
    # lower bound keeps its sign; 5 of 5 vs 1 of 5 (+80) is the nearest wider pair that would show
    rows = votes(1, "exec", 4, 5) + votes(1, "agent", 1, 5) + votes(2, "exec", 1, 3) + votes(2, "agent", 4, 5)
    res = pulse_results(PLAIN, rows, BM)
    assert statement_result_text(1, res.statements[0], 3).splitlines() == [
        "*1. We act on feedback.*",
        "Executives: *80%* agree (n=5) · Agents: *20%* agree (n=5)",
        "Our gap: *+60 points* (95% CI −0.03 to +83): inconclusive: the interval includes no gap at all; "
        "with n=5 and n=5, a gap would need to be about 80 points to show",
        "_2008 study: executives 78%, CS managers &amp; directors 62%, gap +16 points_",
    ]
    # 1 of 3 vs 4 of 5: 33.3 − 80 = −46.7, shown as 33 − 80 = −47 (the bounds −78.4 and 15.9 likewise)
    assert statement_result_text(2, res.statements[1], 3).splitlines()[1:] == [
        "Executives: *33%* agree (n=3) · Agents: *80%* agree (n=5)",
        "Our gap: *−47 points* (95% CI −78 to +16): inconclusive: the interval includes no gap at all; "
        "with n=3 and n=5, a gap would need to be about 67 points to show",
    ]
    # 2 of 5 vs 0 of 10: the interval is +0.41 to +76.9, so the gap is claimed, and "+0.4" shows why
    claimed = pulse_results(PLAIN, votes(1, "exec", 2, 5) + votes(1, "agent", 0, 10), BM).statements[0]
    assert statement_result_text(1, claimed, 3).splitlines()[2] == (
        "Our gap: *+40 points* (95% CI +0.4 to +77): rosier at the top"
    )


def test_a_bound_near_zero_keeps_its_sign():
    assert [bound(v) for v in (0.3, -0.2, 0.41776, -0.0285, 0.0, 0.5, -0.5, 83.16, -78.4)] == [
        "+0.3",
        "−0.2",
        "+0.4",
        "−0.03",
        "0",
        "+1",
        "−1",
        "+83",
        "−78",
    ]


def test_the_gap_shown_is_the_difference_of_the_percentages_shown():
    # 6 of 7 (85.7 -> 86%) vs 5 of 16 (31.25 -> 31%): unrounded 54.46, shown 86 − 31 = 55 everywhere
    seven = {**PLAIN, "statements": PLAIN["statements"][:1]}
    res = pulse_results(seven, votes(1, "exec", 6, 7) + votes(1, "agent", 5, 16), BM)
    assert statement_result_text(1, res.statements[0], 3).splitlines()[1:3] == [
        "Executives: *86%* agree (n=7) · Agents: *31%* agree (n=16)",
        "Our gap: *+55 points* (95% CI +10 to +75): rosier at the top",
    ]
    assert (
        "• We act on feedback: executives 86% vs agents 31%, *+55 points*, rosier at the top (2008 study: +16 points)"
    ) in block_texts(digest_blocks(res, "h"))
    home = home_view(res, "h", None, {}, None, [], admin=False, command="/gap")
    assert (
        home["blocks"][2]["text"]["text"] == "• We act on feedback: *+55 points*, rosier at the top · study +16 points"
    )


def test_a_gap_that_changed_sign_is_called_flipped_and_counted_apart():
    # statement 1: −60 before (1 of 5 vs 4 of 5), +80 now; statement 2: +60 before and now
    before = votes(1, "exec", 1, 5) + votes(1, "agent", 4, 5) + votes(2, "exec", 4, 5) + votes(2, "agent", 1, 5)
    prev = pulse_results({**PLAIN, "id": 6}, [{**r, "pulse_id": 6} for r in before], BM)
    now = votes(1, "exec", 5, 5) + votes(1, "agent", 1, 5) + votes(2, "exec", 4, 5) + votes(2, "agent", 1, 5)
    res = pulse_results(PLAIN, now, BM, prev)
    assert statement_result_text(1, res.statements[0], 3).splitlines()[3] == (
        "Since the previous pulse: flipped: now rosier at the top (−60 points before)"
    )
    assert (
        statement_result_text(2, res.statements[1], 3).splitlines()[3]
        == "Since the previous pulse: same (+60 points before)"
    )
    trend = "*Trend* since Pulse #6: gaps narrower on 0, wider on 0, flipped on 1, unchanged on 1."
    assert trend in block_texts(digest_blocks(res, "h")).splitlines()
    assert trend in block_texts(home_view(res, "h", None, {}, None, [], admin=False, command="/gap")).splitlines()


def test_dates_read_as_people_write_them():
    assert [
        date_range(a, b)
        for a, b in [
            ("2026-11-24T08:00:00+00:00", "2026-11-24T20:00:00+00:00"),
            ("2026-11-02", "2026-11-05"),
            ("2026-11-28", "2026-12-02"),
            ("2026-12-30", "2027-01-02"),
        ]
    ] == ["24 Nov 2026", "2–5 Nov 2026", "28 Nov – 2 Dec 2026", "30 Dec 2026 – 2 Jan 2027"]
    assert results_blocks(hostile_results(), "h")["blocks"][0]["text"]["text"] == "Pulse #7 results (2–5 Nov 2026)"


def test_home_lists_compared_statements_and_says_the_rest_once():
    rows = votes(1, "exec", 4, 5) + votes(1, "agent", 1, 5) + votes(2, "exec", 1, 2) + votes(3, "agent", 4, 5)
    res = pulse_results(PLAIN, rows, BM)
    home = home_view(res, res.headline((5, 7)), None, {}, None, [], admin=False, command="/gap")
    lines = home["blocks"][2]["text"]["text"].splitlines()
    assert lines == [
        "• We act on feedback: *+60 points*, inconclusive · study +16 points",  # the short verdict
        "_Too few answers to compare the other 2 statements._",
    ]
    none = pulse_results(PLAIN, votes(2, "exec", 1, 2), BM)
    home = home_view(none, none.headline((5, 7)), None, {}, None, [], admin=False, command="/gap")
    assert [mrkdwn.texts(b) for b in home["blocks"][1:3]] == [
        [
            "*Latest results: Pulse #7* (2–5 Nov 2026)\nToo few answers to compare executives and agents: "
            "each side needs at least 3 answers on a statement.\nExecutives: 0 of 0 answered · Agents: 0 of 0 answered"
        ],
        [],
    ]  # the divider: no statement lines at all


def test_home_cuts_at_a_word_names_the_command_and_lists_executives_first():
    long = {
        **PLAIN,
        "statements": [
            {
                "id": 1,
                "metric": None,
                "text": "We are judged by customers on the quality of "
                "service they get from us, not just by cost savings we make.",
            }
        ],
    }
    res = pulse_results(long, votes(1, "exec", 4, 5) + votes(1, "agent", 1, 5), BM)
    home = home_view(res, "h", None, {}, None, [], admin=False, command="/gap")
    assert home["blocks"][2]["text"]["text"] == (
        "• We are judged by customers on the quality of service they get from us, not just by cost…: "
        "*+60 points*, inconclusive"
    )
    waiting = home_view(None, None, HPULSE, OPEN, None, [], admin=False, command="/pulse")
    assert block_texts(waiting).splitlines()[1:3] == [
        "No pulse has closed yet. Results appear here when Pulse #7 closes (by itself at its end, or sooner "
        "with `/pulse poll close`).",
        "*Open now: Pulse #7* until <!date^1793865600^{date_short_pretty} at {time}|2026-11-05 08:00 UTC>. "
        "Answered so far: Executives 1 of 7, Agents 0 of 9.",
    ]
    assert "`/pulse poll now`" in block_texts(home_view(None, None, None, {}, None, [], admin=False, command="/pulse"))


def test_a_scheduled_run_is_shown_in_the_schedules_own_zone():
    assert next_run_text(ZONED) == (
        "Mon 30 Nov 09:00 Europe/Stockholm "
        "(<!date^1796025600^{date_short_pretty} at {time}|2026-11-30 08:00 UTC> your time)"
    )
    assert next_run_text(None) == "paused"


def test_privacy_answer_names_the_threshold_and_the_limits():
    out = privacy_blocks(7, "/pulse")
    assert validate(out) == []
    text = "\n".join(b["text"]["text"] for b in out["blocks"] if b["type"] in ("section", "header"))
    assert "No figure is shown for fewer than *7 answers* (this workspace's `MIN_RESPONDENTS`)" in text
    assert "Each pulse keeps the threshold it opened with" in text
    assert "an admin of the server) could use that secret to link answers to people" in text
    assert "kept only as _suppressed_, with no number at all" in text
    assert "Slack's copy of the pulse message is the same for everyone" in text
    assert "a role of 7 people of whom 6 are accomplices" in text
    assert text.endswith(
        "• Someone looking over your shoulder while you answer.\n• Slack itself: each click reaches Slack with your "
        "user id on its way to Pulsegap, as every click in Slack does; what Slack keeps of it is up to Slack, not Pulsegap."
    )
    assert out["blocks"][-1]["elements"][0]["text"] == "`/pulse help` lists every command."
    assert "`/gap privacy`" in block_texts(help_blocks())


def test_trend_hidden_and_small_roles_are_said_in_words():
    rows = [
        {"pulse_id": w, "statement_id": 1, "role": r, "value": 4, "n": 6} for w in (3, 4) for r in ("exec", "agent")
    ]
    prev = pulse_results({**PULSE, "id": 3}, rows, BM)
    res = pulse_results(PULSE, rows, BM, previous=prev, roster_changes={"agent": 2})
    why = "Trend hidden: the agents changed by 2 people since Pulse #3, fewer than 5, which could reveal individual answers."
    results = results_blocks(res, "h")
    assert (
        validate(results) == []
        and why in block_texts(results)
        and "Since the previous pulse" not in block_texts(results)
    )
    digest = digest_blocks(res, "h")
    assert f"*Trend*: {why}" in block_texts(digest)
    both = pulse_results(PULSE, rows, BM, previous=prev, roster_changes={"agent": 2, "exec": 1})
    assert trend_hidden_text(both).startswith(
        "Trend hidden: the agents changed by 2 people and the executives changed by 1 person since Pulse #3"
    )
    warning = small_roles_text({"exec": 3}, 5)
    assert warning.startswith(":warning: Small roles: executives 3 people, fewer than 7 (the threshold of 5, plus 2).")
    assert small_roles_text({}, 5) == ""
    home = home_view(res, "h", None, {}, None, [], admin=True, warning=warning, command="/gap")
    assert warning in block_texts(home) and validate(home, surface="home") == []
    assert warning not in block_texts(
        home_view(res, "h", None, {}, None, [], admin=False, warning=warning, command="/gap")
    )
    assert "at least 5 people (fixed for this pulse)" in poll_dm(PULSE, 5)["blocks"][0]["text"]["text"]


def test_a_pulse_with_nothing_to_compare_promises_no_gap():
    none = pulse_results(PLAIN, votes(2, "exec", 4, 5), BM)  # executives only: nothing to compare
    for payload in (
        results_blocks(none, none.headline((5, 7))),
        digest_blocks(none, none.headline((5, 7))),
        home_view(none, none.headline((5, 7)), None, {}, None, [], admin=False, command="/gap"),
    ):
        text = block_texts(payload)
        assert "Too few answers to compare executives and agents" in text
        assert not any(word in text for word in ("Our gap", "Largest gaps", "interval", "Chart below", "Trend")), text


def test_a_comment_pings_nobody_and_links_nowhere():
    assert defused("ping @here, <!channel> & <@U1> at www.x.io or https://a.b/c?d=1") == (
        "ping @\u200bhere, &lt;!channel&gt; &amp; &lt;@\u200bU1&gt; at www[.]x[.]io or https[:]//a[.]b/c?d=1"
    )
    assert defused("Line one\n\nline two  e.g. 3.5 points") == "Line one line two e.g. 3.5 points"


@pytest.mark.parametrize("builder", sorted(SETUP_CASES))
def test_setup_modals_are_within_slacks_limits(builder):
    for payload in SETUP_CASES[builder]():
        if isinstance(payload, dict) and payload.get("type") == "modal":
            assert validate(payload, "modal") == [], builder
            assert len(payload["title"]["text"]) <= 24 and len(payload.get("private_metadata", "")) <= 3000
            for b in payload["blocks"]:
                for e in [b.get("element"), b.get("accessory"), *b.get("elements", [])]:
                    for o in (e or {}).get("options", []) if isinstance(e, dict) else []:
                        assert len(o["text"]["text"]) <= 75


def test_home_for_an_admin_has_the_set_up_rows_under_100_blocks():
    rows = CASES["menu_modal"]()[0]["blocks"]
    view = home_view(hostile_results(), "h", HPULSE, OPEN, None, [], admin=True, command="/gap", setup=rows)
    assert validate(view, "home") == [] and len(view["blocks"]) <= 100
    assert [b["accessory"]["action_id"] for b in view["blocks"] if "accessory" in b] == [
        "setup_edit_roles",
        "setup_edit_statements",
        "setup_edit_poll",
        "setup_edit_digest",
    ]
