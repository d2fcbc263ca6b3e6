"""`weekly mon 09:00 Europe/Stockholm` -> a Schedule. Pure; the scheduler turns it into a trigger."""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from i18n import _, weekday_name

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FREQUENCIES = ("weekly", "biweekly", "monthly")
DAY_NAMES = {
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
    "tues": "tue",
    "weds": "wed",
    "thur": "thu",
    "thurs": "thu",
}


class ScheduleError(ValueError):
    """The text is not a schedule; the message says what a good one looks like."""


@dataclass(frozen=True)
class Schedule:
    frequency: str  # weekly | biweekly | monthly (first <day> of the month)
    day: str  # mon..sun
    hour: int
    minute: int
    timezone: str

    def describe(self) -> str:
        """In the reader's language: 'every Monday at 09:00 (Europe/Stockholm)'."""
        fields = {
            "day": weekday_name(DAYS.index(self.day)),
            "time": f"{self.hour:02d}:{self.minute:02d}",
            "zone": self.timezone,
        }
        if self.frequency == "weekly":
            return _("every {day} at {time} ({zone})", **fields)
        if self.frequency == "biweekly":
            return _("every other {day} at {time} ({zone})", **fields)
        return _("the first {day} of the month at {time} ({zone})", **fields)

    def spec(self) -> str:
        """As typed: `weekly mon 09:00 Europe/Stockholm` (parse_schedule reads it back)."""
        return f"{self.frequency} {self.day} {self.hour:02d}:{self.minute:02d} {self.timezone}"


def example() -> str:
    return _("`weekly mon 09:00 Europe/Stockholm` (or biweekly/monthly, any IANA time zone)")


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        lowered = {z.lower(): z for z in available_timezones()}
        if name.lower() in lowered:
            return lowered[name.lower()]
        raise ScheduleError(
            _("unknown time zone {name}; use an IANA name such as Europe/Stockholm", name=repr(name))
        ) from None
    return name


def parse_schedule(text: str, default_timezone: str = "UTC") -> Schedule:
    words = text.strip().split()
    if len(words) < 3 or len(words) > 4:
        raise ScheduleError(_("a schedule looks like {example}", example=example()))
    freq, day, clock = words[0].lower(), words[1].lower(), words[2]
    if freq in ("fortnightly", "every-other-week"):
        freq = "biweekly"
    if freq not in FREQUENCIES:
        raise ScheduleError(
            _("how often must be weekly, biweekly or monthly; a schedule looks like {example}", example=example())
        )
    day = DAY_NAMES.get(day, day)[:3] if day not in DAYS else day
    if day not in DAYS:
        raise ScheduleError(_("the day must be one of {days}", days=", ".join(DAYS)))
    m = re.fullmatch(r"([01]?\d|2[0-3])[:.h]([0-5]\d)", clock)
    if not m:
        raise ScheduleError(_("the time must be 24-hour HH:MM, e.g. 09:00"))
    zone = _zone(words[3]) if len(words) == 4 else _zone(default_timezone or "UTC")
    return Schedule(freq, day, int(m.group(1)), int(m.group(2)), zone)
