"""`/gap <question>` at the wire: signed commands to the real bot, the new kinds of answer."""

from __future__ import annotations

from render.primitives import validate
from support.harness import block_texts


def test_largest_gap_is_computed_with_figures_sources_and_the_caveat(bot):
    body = bot.command("largest gap in the study").json()
    assert validate(body) == []
    assert [b.get("block_id") for b in body["blocks"]] == [None, "ranking:largest", None, None]
    text = block_texts(body)
    assert (
        "1. *Customer feedback is collected and passed on to sales*: executives 78%, CS managers 62%, gap +16 points"
        in text
    )
    assert "7. *The contact center is very strategic*: executives 20%, CS managers 20%, gap 0 points" in text
    assert "Telekom idag (sv)" in text and "not frontline agents" in text
    assert '"front line customer service people"' in text


def test_unmeasured_topic_says_so_and_marks_suggestions(bot):
    body = bot.command("what's our average handle time vs <!channel>?").json()
    assert validate(body) == []
    text = block_texts(body)
    assert "The studies don't measure *average handle time*." in text
    assert (
        "*Not the answer, only the closest figures they have:*\n• *Average speed to answer is a critical metric*"
        in text
    )
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


CLOSEST = "*Not the answer, only the closest figures they have:*\n"
SELF_SERVICE = (
    "• *Self-service is measured by quality, not just cost savings*: executives 41%, CS managers 35%, gap +6 points"
)


def not_the_answer(bot, question: str) -> tuple[dict, list[str]]:
    """The answer to a question the studies do not answer: its body (valid Block Kit), and the
    texts of its two blocks after "You asked": what is not measured, and the closest figures."""
    body = bot.command(question).json()
    assert validate(body) == []
    return body, [b["text"]["text"] for b in body["blocks"][1:3]]


def test_a_metric_asked_for_a_country_without_its_figure_says_so_and_offers_the_worldwide_one(bot):
    assert not_the_answer(bot, "revenue per call in the uk")[1] == [
        "The studies have no figures for *UK* on this.",
        CLOSEST
        + "• *Customer service is measured on revenue per call*: executives 36%, CS managers 28%, gap +8 points",
    ]


def test_a_question_like_those_the_studies_cannot_answer_gets_the_metric_only_as_the_closest(bot):
    body, lines = not_the_answer(bot, "% of companies using IVR")
    assert body["text"] == "The studies don't seem to answer that: questions like it ask for what they never measured."
    assert lines == [
        "The studies don't seem to answer that: questions like it ask for what they never measured.",
        CLOSEST + SELF_SERVICE,
    ]


def test_a_metric_asked_by_company_size_says_the_studies_give_no_such_split(bot):
    assert not_the_answer(bot, "small vs large companies on self-service quality")[1] == [
        "The studies don't measure *figures by company size or kind (the studies give the sample's sizes, no figures"
        " per size)*.",
        CLOSEST + SELF_SERVICE,
    ]
    sizes = block_texts(bot.command("company sizes in the study").json())
    assert "fewer than 500 customer-service agents" in sizes and "don't measure" not in sizes


def test_provenance_shows_quote_seed_and_language(bot):
    text = block_texts(bot.command("which source says 49").json())
    assert (
        "“49 procent av de brittiska företagen i undersökningen angav detta, följt av Spanien med 38 procent.”" in text
    )
    assert "Telekom idag, Swedish · `001_3e6a962a3bf4fd72.txt`" in text
    assert (
        "Asia Pacific" in text
        and "Genesys press release (supportindustry.com), English · `000_8ca405c7e127d69a.txt`" in text
    )


def test_subcommand_word_question_and_swedish_question(bot):
    text = block_texts(bot.command("results for callbacks in the study").json())
    assert '*Companies that have or will add "click for a call back"*' in text and "Germany: *54%*" in text
    text = block_texts(bot.command("vilket land leder på återuppringning").json())
    assert '*Which region leads: Companies that have or will add "click for a call back"*\n1. Germany: *54%*' in text
    text = block_texts(bot.command("gibberish qwerty").json())
    assert "18 metrics, 11 of them comparable with your team" in text


def test_the_question_is_echoed_as_plain_text_and_a_source_never_puts_code_in_italics(bot):
    body = bot.command("*bold* _it_ `code` ~s~ <!here>").json()
    assert body["blocks"][0] == {
        "type": "context",
        "elements": [{"type": "plain_text", "text": "You asked: *bold* _it_ `code` ~s~ &lt;!here&gt;", "emoji": False}],
    }
    # what Slack sends for a typed "execs > cs & <script>": each character shown once, as typed
    body = bot.command("execs &gt; cs &amp; &lt;script&gt;").json()
    assert body["blocks"][0]["elements"][0]["text"] == "You asked: execs &gt; cs &amp; &lt;script&gt;"
    text = block_texts(bot.command("which source says 28").json())
    assert '*Companies that have or will add "click for a call back"* (All companies): *more than 28%*\n' in text
    assert "\nGenesys press release (supportindustry.com), English · `000_8ca405c7e127d69a.txt`\n" in text
    assert "_Genesys" not in text


def test_no_match_points_a_team_question_to_results_and_a_gap_without_pairs_says_so(bot):
    body = bot.command("how does our team compare to the study?").json()
    assert body["blocks"][1]["text"]["text"].startswith(
        "I found nothing in the studies for that question.\n"
        "The studies know nothing of your team: `/gap results` shows your own pulses' figures beside the study's.\n"
    )
    assert "?." not in block_texts(body)
    assert "`/gap results`" not in block_texts(bot.command("gibberish qwerty").json())
    body = bot.command("how big is the gap on callbacks").json()
    assert body["blocks"][1]["text"]["text"] == (
        'The study has no executives-vs-CS split for *Companies that have or will add "click for a call back"*, '
        "so it gives no gap: only the figures below."
    )
    assert "no executives-vs-CS split" not in block_texts(bot.command("how big is the gap on feedback").json())


def test_study_gaps_are_signed_in_plain_summaries(bot):
    text = block_texts(bot.command("largest gap in the study").json())
    assert "executives 55%, CS managers 70%, gap −15 points" in text and "gap -" not in text


def test_region_without_a_name_says_how_to_ask(bot):
    assert block_texts(bot.command("region").json()) == (
        "Which region? e.g. `/gap region germany`. The studies give figures for: "
        "`Germany`, `Spain`, `France`, `UK`, `Asia`, `Asia Pacific`."
    )
    assert block_texts(bot.command("region narnia").json()).startswith("I don't know the region “narnia”.")


def test_an_unmeasured_kpi_beside_a_metric_offers_that_metric_first(bot):
    body = bot.command("customer satisfaction with self service").json()
    assert validate(body) == []
    assert [b.get("block_id") for b in body["blocks"]] == [None, "unmeasured", "suggestions", None]
    text = block_texts(body)
    assert "The studies don't measure *customer satisfaction (CSAT)*." in text
    assert (
        "*Not the answer, only the closest figures they have:*\n"
        "• *Self-service is measured by quality, not just cost savings*: executives 41%, CS managers 35%, gap +6 points\n"
        "• *Customer feedback is collected and passed on to sales*: executives 78%, CS managers 62%, gap +16 points"
    ) in text


def test_an_unmeasured_question_without_close_figures_offers_only_the_list(bot):
    body = bot.command("give me a definition").json()
    assert validate(body) == []
    assert [b.get("block_id") for b in body["blocks"]] == [None, "unmeasured", None]
    assert "The studies don't measure *definitions and formulas*." in block_texts(body)
