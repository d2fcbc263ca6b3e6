"""APScheduler with its job store in the same SQLite file: schedules survive restarts.

A run missed while the bot was down runs once on start (coalesce, within MISFIRE_GRACE), never
twice. Triggers carry an IANA time zone, so DST moves neither the wall-clock time nor the count.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.calendarinterval import CalendarIntervalTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from insights.schedule import DAYS, Schedule, ScheduleError, parse_schedule
from services.jobstore import SQLiteJobStore

log = logging.getLogger("pulsegap.scheduler")
# APScheduler's executor logs "Running job …" and "… executed successfully" at INFO for every run,
# two lines per tick. Our jobs log one INFO line themselves; the executor's warnings (missed runs,
# too many instances) and errors still show.
logging.getLogger("apscheduler").setLevel(logging.WARNING)  # and the scheduler's start-up INFO lines

POLL_JOB = "poll"
DIGEST_JOB = "digest:"  # a digest schedule's job id: "digest:<channel>" (persisted in the job store)
MISFIRE_GRACE = 6 * 3600  # seconds: a run missed by more than this is skipped, not run late


class OncePerWallClockCronTrigger(CronTrigger):
    """CronTrigger that fires once, not twice, when DST repeats an hour (02:30 exists twice on the
    last Sunday of October in Europe). APScheduler 3's CronTrigger returns both instants."""

    def get_next_fire_time(self, previous_fire_time, now):
        nxt = super().get_next_fire_time(previous_fire_time, now)
        if nxt is not None and previous_fire_time is not None:
            prev_local = previous_fire_time.astimezone(self.timezone).replace(tzinfo=None)
            if nxt.astimezone(self.timezone).replace(tzinfo=None) == prev_local:
                # the same wall-clock time again: look from one minute later, in the later fold
                after = (prev_local + timedelta(minutes=1)).replace(tzinfo=self.timezone, fold=1)
                return super().get_next_fire_time(nxt, after)
        return nxt


def trigger_for(s: Schedule, today: date | None = None):
    tz = ZoneInfo(s.timezone)
    if s.frequency == "weekly":
        return OncePerWallClockCronTrigger(day_of_week=s.day, hour=s.hour, minute=s.minute, timezone=tz)
    if s.frequency == "monthly":
        return OncePerWallClockCronTrigger(day=f"1st {s.day}", hour=s.hour, minute=s.minute, timezone=tz)
    # biweekly: calendar arithmetic (not a fixed 336 h), so a DST change does not shift the hour
    today = today or datetime.now(tz).date()
    start = today + timedelta(days=(DAYS.index(s.day) - today.weekday()) % 7 or 7)
    return CalendarIntervalTrigger(weeks=2, hour=s.hour, minute=s.minute, start_date=start, timezone=tz)


def described(name: str) -> str:
    """A job's schedule in the reader's language: its name is the schedule as typed (Schedule.spec);
    jobs saved before that was so are named by their English description, shown as is."""
    try:
        return parse_schedule(name).describe()
    except ScheduleError:
        return name


class Scheduler:
    def __init__(self, database_path: str, tick_seconds: float = 15):
        # The job store holds schedules only (job ids, "services.jobs:…", channel, next run),
        # never an answer; its connections zero what they delete all the same, like storage's.
        store = MemoryJobStore() if database_path == ":memory:" else SQLiteJobStore(database_path)
        self.aps = BackgroundScheduler(
            jobstores={"default": store, "memory": MemoryJobStore()},
            executors={"default": ThreadPoolExecutor(4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE},
            timezone="UTC",
        )
        self.tick_seconds = tick_seconds

    def start(self) -> None:
        self.aps.add_job(
            "services.jobs:tick",
            IntervalTrigger(seconds=self.tick_seconds),
            id="tick",
            jobstore="memory",
            replace_existing=True,
            misfire_grace_time=None,
        )
        self.aps.start()
        for job in self.aps.get_jobs():
            log.info("scheduled: %s, next run %s", job.id, job.next_run_time)

    def schedule(self, job_id: str, func: str, s: Schedule, kwargs: dict | None = None) -> datetime | None:
        job = self.aps.add_job(
            func, trigger_for(s), id=job_id, name=s.spec(), kwargs=kwargs or {}, replace_existing=True
        )
        return job.next_run_time

    def schedule_poll(self, s: Schedule, duration_s: int | None = None, remind: bool = True) -> datetime | None:
        """Pulses on schedule `s` (the command's and the setup modal's one way), each open
        `duration_s` (default POLL_DURATION), with a reminder unless remind=False."""
        options = {"spec": s.spec(), "duration_s": duration_s, "remind": remind}
        return self.schedule(POLL_JOB, "services.jobs:scheduled_poll", s, kwargs=options)

    def poll_options(self) -> dict | None:
        """The pulse schedule's settings ({"spec", "duration_s", "remind"}; a schedule set before
        the setup modal has none of them), or None when pulses are not scheduled."""
        job = self.aps.get_job(POLL_JOB)
        return dict(job.kwargs) if job else None

    def schedule_digest(self, channel: str, s: Schedule) -> datetime | None:
        job_id = DIGEST_JOB + channel
        return self.schedule(job_id, "services.jobs:scheduled_digest", s, kwargs={"channel": channel, "job_id": job_id})

    def unschedule_digest(self, channel: str) -> bool:
        return self.unschedule(DIGEST_JOB + channel)

    def unschedule(self, job_id: str) -> bool:
        job = self.aps.get_job(job_id)
        if job is None:
            return False
        job.remove()
        return True

    def describe(self, job_id: str) -> tuple[str, datetime | None] | None:
        job = self.aps.get_job(job_id)
        return (described(job.name), job.next_run_time) if job else None

    def digest_schedules(self) -> list[tuple[str, str, datetime | None]]:
        """(channel, description, next run) of every scheduled digest."""
        return [
            (j.id.removeprefix(DIGEST_JOB), described(j.name), j.next_run_time)
            for j in self.aps.get_jobs()
            if j.id.startswith(DIGEST_JOB)
        ]
