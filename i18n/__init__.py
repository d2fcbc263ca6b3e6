"""Every message in the reader's language: gettext catalogues read with Babel, and Babel's number and date formats.

Pure (no Slack imports). The language is a context variable, set by whoever renders for a reader:

    with i18n.use("sv"):
        blocks = render.pulse.poll_dm(...)

Inside, `_("Recorded: *{choice}*", choice=...)` looks the English message up in `i18n/<lang>.po`
and fills its `{named}` fields; `ngettext` picks the plural form the language's rules ask for.
English is the source language: its messages are the msgids, so it needs no catalogue.
The catalogues are compiled in memory the first time a language is used; there is no build step.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime, format_interval, get_day_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

LANGUAGES = ("en", "sv", "it")
DEFAULT = "en"
CATALOGUES = Path(__file__).parent

_language: ContextVar[str] = ContextVar("language", default=DEFAULT)


def language_of(slack_locale: str | None) -> str:
    """Slack's `locale` (e.g. 'sv-SE', 'it-IT', 'en-US') to one of LANGUAGES; anything else is English."""
    head = (slack_locale or "").replace("_", "-").split("-")[0].lower()
    return head if head in LANGUAGES else DEFAULT


def supported(lang: str | None) -> str | None:
    """A language code someone typed ('sv', 'IT') if we speak it, else None."""
    lang = (lang or "").strip().lower()
    return lang if lang in LANGUAGES else None


@contextmanager
def use(lang: str | None) -> Iterator[str]:
    """Render in `lang` (None or unknown: English) inside the block."""
    token = _language.set(supported(lang) or DEFAULT)
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def current() -> str:
    return _language.get()


@cache
def translations(lang: str) -> NullTranslations:
    path = CATALOGUES / f"{lang}.po"
    if lang == DEFAULT or not path.exists():
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf)


def _(message: str, **values: object) -> str:
    """The message in the current language, with its {named} fields filled."""
    text = translations(current()).gettext(message)
    return text.format(**values) if values else text


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; `_()` translates it where it is shown."""
    return message


def pgettext(context: str, message: str) -> str:
    """Data read by users (a metric's title, a default statement): translated if the catalogue has
    it under that context, else as given."""
    return translations(current()).pgettext(context, message) if message else message


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    """Plural-aware: `ngettext("{n} answer", "{n} answers", n)`; `n` is always a field."""
    return translations(current()).ngettext(singular, plural, n).format(n=n, **values)


_DAYS_DASH = re.compile(r"(?<!\d)(\d{1,2})\u2009–\u2009(\d{1,2})(?!\d)")


@cache
def babel_locale(lang: str) -> Locale:
    """English is written the British way ('24 Nov 2026'), as the study's readers did."""
    return Locale.parse({"en": "en_GB", "sv": "sv_SE", "it": "it_IT"}[lang])


def locale() -> Locale:
    return babel_locale(current())


def format_date(value: date | datetime, format: str = "medium") -> str:
    return babel_format_date(value, format=format, locale=locale())


def number(value: float) -> str:
    """'1,234' / '1 234' / '1.234'; a fraction keeps one decimal: '16.5' / '16,5'."""
    return _number(value, current())


def percent(value: float) -> str:
    """A percentage given in percent: '78%' / '78 %' (Swedish, a no-break space) / '78%'; '16,5 %'."""
    return _percent(value, current())


# Babel parses its number patterns on every call (~0.1 ms); answers show the same few figures again
# and again, so each (value, language) is formatted once.
@lru_cache(maxsize=4096)
def _number(value: float, lang: str) -> str:
    return format_decimal(Decimal(str(value)), format="#,##0.#", locale=babel_locale(lang))


@lru_cache(maxsize=4096)
def _percent(value: float, lang: str) -> str:
    return format_percent(Decimal(str(value)) / 100, locale=babel_locale(lang), decimal_quantization=False)


def weekday_name(index: int) -> str:
    """A weekday (0 = Monday) as a sentence writes it, from Babel's locale data: 'Monday', 'måndag', 'lunedì'."""
    return get_day_names("wide", locale=locale())[index]


def date_range(start: date, end: date) -> str:
    """'24 Nov 2026', '2–5 Nov 2026', '28 Nov – 2 Dec 2026'; '28 nov.–2 dec. 2026' in Swedish.

    CLDR 47 (Babel 2.18+) spaces every range's dash with thin spaces ('2 – 5 Nov'); a dash between
    two days of one month stays closed up, as people write it and as earlier CLDR did, whichever Babel is installed."""
    text = format_interval(start, end, "yMMMd", locale=locale())
    return _DAYS_DASH.sub("\\1–\\2", text).replace("\u2009", " ")


def weekday_time(value: datetime) -> str:
    """A scheduled time in its own zone: 'Mon 30 Nov 09:00', 'mån 30 nov. 09:00'."""
    return format_datetime(value, "EEE d MMM HH:mm", locale=locale())
