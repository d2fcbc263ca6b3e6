"""`/gap <question>` at the wire: signed commands to the real bot, the new kinds of answer."""
from __future__ import annotations

from render.primitives import validate
from tests.harness import block_texts


def test_largest_gap_is_computed_with_figures_sources_and_the_caveat(bot):
    body = bot.command("largest gap in the study").json()
    assert validate(body) == []
    assert [b.get("block_id") for b in body["blocks"]] == [None, "ranking:largest", None, None]
    text = block_texts(body)
    assert "1. *Customer feedback is collected and passed on to sales*: executives 78%, CS managers 62%, gap 16 points" in text
    assert "7. *The contact center is very strategic*: executives 20%, CS managers 20%, gap 0 points" in text
    assert "Telekom idag (sv)" in text and "not frontline agents" in text
    assert '"front line customer service people"' in text


def test_unmeasured_topic_says_so_and_marks_suggestions(bot):
    body = bot.command("what's our average handle time vs <!channel>?").json()
    assert validate(body) == []
    text = block_texts(body)
    assert "The studies don't measure *average handle time*." in text
    assert "*Not the answer, only the closest figures they have:*\n• *Average speed to answer is a critical metric*" in text
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


def test_provenance_shows_quote_seed_and_language(bot):
    text = block_texts(bot.command("which source says 49").json())
    assert "“49 procent av de brittiska företagen i undersökningen angav detta, följt av Spanien med 38 procent.”" in text
    assert "_Telekom idag, Swedish, `001_3e6a962a3bf4fd72.txt`_" in text
    assert "Asia Pacific" in text and "_Genesys press release (supportindustry.com), English, `000_8ca405c7e127d69a.txt`_" in text


def test_subcommand_word_question_and_swedish_question(bot):
    text = block_texts(bot.command("results for callbacks in the study").json())
    assert "*Companies that have or will add \"click for a call back\"*" in text and "Germany: *54%*" in text
    text = block_texts(bot.command("vilket land leder på återuppringning").json())
    assert "*Which region leads: Companies that have or will add \"click for a call back\"*\n1. Germany: *54%*" in text
    text = block_texts(bot.command("gibberish qwerty").json())
    assert "18 metrics, 11 of them comparable with your team" in text
