"""Schedules across DST changes, with a frozen clock: the triggers' own arithmetic, no sleeping."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from insights.schedule import ScheduleError, parse_schedule
from services.scheduler import trigger_for

STHLM = ZoneInfo("Europe/Stockholm")


def fire_times(trigger, start: datetime, count: int) -> list[datetime]:
    out, prev, now = [], None, start
    for _ in range(count):
        nxt = trigger.get_next_fire_time(prev, now)
        out.append(nxt)
        prev, now = nxt, nxt + timedelta(seconds=1)
    return out


def test_weekly_keeps_wall_clock_time_across_both_dst_changes():
    t = trigger_for(parse_schedule("weekly mon 09:00 Europe/Stockholm"))
    times = fire_times(t, datetime(2026, 3, 20, tzinfo=STHLM), 3)  # DST starts Sun 29 March 2026
    assert [x.isoformat() for x in times] == [
        "2026-03-23T09:00:00+01:00",
        "2026-03-30T09:00:00+02:00",
        "2026-04-06T09:00:00+02:00",
    ]
    times = fire_times(t, datetime(2026, 10, 20, tzinfo=STHLM), 2)  # DST ends Sun 25 October 2026
    assert [x.isoformat() for x in times] == ["2026-10-26T09:00:00+01:00", "2026-11-02T09:00:00+01:00"]


def test_a_run_in_the_missing_hour_happens_once_and_in_the_repeated_hour_once():
    spring = trigger_for(parse_schedule("weekly sun 02:30 Europe/Stockholm"))
    times = fire_times(spring, datetime(2026, 3, 28, 12, tzinfo=STHLM), 2)
    assert times[0].date() == date(2026, 3, 29) and times[1].date() == date(2026, 4, 5)
    autumn = trigger_for(parse_schedule("weekly sun 02:30 Europe/Stockholm"))
    times = fire_times(autumn, datetime(2026, 10, 24, 12, tzinfo=STHLM), 2)
    assert [t.date() for t in times] == [date(2026, 10, 25), date(2026, 11, 1)]


def test_biweekly_is_calendar_weeks_not_336_hours():
    s = parse_schedule("biweekly mon 09:00 Europe/Stockholm")
    t = trigger_for(s, today=date(2026, 10, 14))
    times = fire_times(t, datetime(2026, 10, 14, tzinfo=STHLM), 3)
    assert [x.isoformat() for x in times] == [
        "2026-10-19T09:00:00+02:00",
        "2026-11-02T09:00:00+01:00",
        "2026-11-16T09:00:00+01:00",
    ]


def test_monthly_is_the_first_given_weekday():
    t = trigger_for(parse_schedule("monthly tue 08:30 America/New_York"))
    times = fire_times(t, datetime(2026, 10, 15, tzinfo=ZoneInfo("America/New_York")), 2)
    assert [x.isoformat() for x in times] == ["2026-11-03T08:30:00-05:00", "2026-12-01T08:30:00-05:00"]


def test_schedule_grammar():
    assert asdict(parse_schedule("weekly Monday 9:05", "Asia/Tokyo")) == {
        "frequency": "weekly",
        "day": "mon",
        "hour": 9,
        "minute": 5,
        "timezone": "Asia/Tokyo",
    }
    assert parse_schedule("fortnightly fri 16:00 europe/london").timezone == "Europe/London"
    assert parse_schedule("weekly mon 09:00 UTC").describe() == "every Monday at 09:00 (UTC)"
    for bad in (
        "",
        "weekly",
        "daily mon 09:00",
        "weekly xyz 09:00",
        "weekly mon 25:00",
        "weekly mon 09:00 Mars/Base",
        "weekly mon 09:00 a b",
    ):
        with pytest.raises(ScheduleError):
            parse_schedule(bad)
