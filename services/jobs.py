"""Functions the scheduler runs, referenced by name ("services.jobs:…") so that jobs persisted in
SQLite still resolve after a restart. They find the live Runtime through `install()`."""

from __future__ import annotations

import logging

log = logging.getLogger("pulsegap.jobs")

_services: dict = {}


def install(**services) -> None:
    _services.update(services)


def tick() -> None:
    """Close pulses whose time is up, send reminders (of pulses and owned actions), retry DMs and digests Slack did not take."""
    for name, method in (("polls", "tick"), ("digests", "resume"), ("actions", "tick")):
        service = _services.get(name)
        if service is None:
            continue
        try:
            getattr(service, method)()
        except Exception:
            log.exception("tick (%s) failed", name)


def scheduled_poll(spec: str = "", duration_s: int | None = None, remind: bool = True) -> None:
    """spec: the schedule as typed ("weekly mon 09:00 Europe/Stockholm"); duration_s and remind:
    the setup modal's choices for the pulses it starts (jobs persisted before them have none)."""
    pulse, message = _services["polls"].start_pulse("schedule", None, duration_s, remind)
    log.info("scheduled pulse (%s): %s", spec or "schedule", message)


def scheduled_digest(channel: str, job_id: str) -> None:
    _services["digests"].post_scheduled(channel, job_id)
