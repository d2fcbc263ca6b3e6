"""The catalogues against the code: complete, not stale, no fuzzy or empty translations, every
{field} kept; plural forms, numbers and dates per language; Slack's limits in every language."""

from __future__ import annotations

import string
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import i18n
from config import ConfigError, load_config
from i18n import _, ngettext
from i18n.extract import read, template
from render.primitives import next_run_text, points, validate
from render.results import date_range, role_line
from tests import mrkdwn
from tests.render.test_blocks import CASES

TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT]


def ids(catalog) -> set:
    return {(m.context, m.id) for m in catalog if m.id}


@pytest.fixture(scope="module")
def fresh():
    return template()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_catalogue_has_every_message_the_code_can_produce_and_no_stale_one(fresh, lang):
    catalog = read(lang)
    assert ids(fresh) - ids(catalog) == set(), "missing: run `python -m i18n.extract` and translate"
    assert ids(catalog) - ids(fresh) == set(), "stale: run `python -m i18n.extract`"


def test_the_template_is_the_fresh_extraction(fresh):
    with (i18n.CATALOGUES / "messages.pot").open("rb") as f:
        from babel.messages.pofile import read_po

        assert ids(read_po(f)) == ids(fresh)


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translation_is_there_not_fuzzy_and_keeps_its_fields(lang):
    catalog = read(lang)
    assert not catalog.fuzzy
    problems = []
    for m in catalog:
        if not m.id:
            continue
        msgids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set().union(*(fields(i) for i in msgids))
        if m.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {m.id!r}")
        problems += [f"fields differ: {m.id!r} -> {s!r}" for s in strings if fields(s) != wanted]
    assert problems == []


def test_plural_forms_follow_each_language():
    def fewer(n):
        return role_line("agent", type("R", (), {"shown": False})(), n)

    with i18n.use("sv"):
        assert [fewer(1), fewer(5)] == ["Medarbetare: färre än 1 svar", "Medarbetare: färre än 5 svar"]
        assert [ngettext("{n} person", "{n} people", n) for n in (1, 3)] == ["1 person", "3 personer"]
    with i18n.use("it"):
        assert [fewer(1), fewer(5)] == ["Operatori: meno di 1 risposta", "Operatori: meno di 5 risposte"]
        assert [points(1), points(-16.5, exact=True)] == ["+1 punto", "−16,5 punti"]
    assert [fewer(1), fewer(5)] == ["Agents: fewer than 1 answer", "Agents: fewer than 5 answers"]


def test_numbers_percentages_and_dates_are_written_the_local_way():
    nbsp = "\xa0"
    with i18n.use("sv"):
        assert (i18n.percent(78), i18n.number(1234567.5)) == (f"78{nbsp}%", f"1{nbsp}234{nbsp}567,5")
        assert date_range("2026-11-24", "2026-11-24") == "24 nov. 2026"
        assert date_range("2026-11-28", "2026-12-02") == "28 nov.–2 dec. 2026"
        assert next_run_text(datetime(2026, 11, 30, 9, tzinfo=ZoneInfo("Europe/Stockholm"))).startswith(
            "mån 30 nov. 09:00 Europe/Stockholm (<!date^1796025600^{date_short_pretty} kl. {time}|"
        )
    with i18n.use("it"):
        assert (i18n.percent(78), i18n.number(1234567.5), i18n.format_date(date(2026, 11, 24))) == (
            "78%",
            "1.234.567,5",
            "24 nov 2026",
        )
    assert (i18n.percent(16.5), date_range("2026-11-28", "2026-12-02")) == ("16.5%", "28 Nov – 2 Dec 2026")


def test_default_statements_and_titles_are_translated_by_context_typed_text_is_not():
    statement = "Our company measures customer lifetime value."
    with i18n.use("it"):
        assert i18n.pgettext("statement", statement) == "La nostra azienda misura il valore del cliente nel tempo."
        assert i18n.pgettext("statement", "Agents") == "Agents"  # typed by an admin: shown as typed
        assert _("Agents") == "Operatori"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("builder", sorted(CASES))
def test_every_builder_stays_within_slacks_limits_in_every_language(builder, lang):
    with i18n.use(lang):
        payloads = CASES[builder]()
    for payload in payloads:
        assert mrkdwn.problems(payload) == [], (builder, lang)
        if isinstance(payload, dict) and "blocks" in payload:
            assert validate(payload, "home" if payload.get("type") == "home" else "message") == [], (builder, lang)


def test_default_language_is_checked_at_start_up():
    assert load_config({"DEFAULT_LANGUAGE": "IT"}).default_language == "it"
    assert load_config({}).default_language == "en"
    with pytest.raises(ConfigError, match="DEFAULT_LANGUAGE must be one of en, sv, it"):
        load_config({"DEFAULT_LANGUAGE": "de"})
