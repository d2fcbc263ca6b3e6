"""The job store over sqlite3: APScheduler's job-store contract, on a real file, in the table
SQLAlchemy's store wrote (so a database from an earlier release keeps its schedules)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timezone

import pytest
from apscheduler.jobstores.base import ConflictingIdError, JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger

from insights.schedule import parse_schedule
from services.jobstore import SQLiteJobStore
from services.scheduler import Scheduler

# The table and index exactly as APScheduler 3.11's SQLAlchemyJobStore created them on SQLite.
SQLALCHEMY_DDL = (
    "CREATE TABLE apscheduler_jobs (\n\tid VARCHAR(191) NOT NULL, \n\tnext_run_time FLOAT, \n\t"
    "job_state BLOB NOT NULL, \n\tPRIMARY KEY (id)\n)",
    "CREATE INDEX ix_apscheduler_jobs_next_run_time ON apscheduler_jobs (next_run_time)",
)
T0 = datetime(2030, 1, 7, 9, tzinfo=timezone.utc)


def at(day: int) -> datetime:
    return T0.replace(day=day)


@pytest.fixture
def sched(tmp_path):
    """A paused scheduler on a fresh file: add_job reaches the store, nothing runs."""
    aps = BackgroundScheduler(jobstores={"default": SQLiteJobStore(str(tmp_path / "s.db"))}, timezone="UTC")
    aps.start(paused=True)
    yield aps
    aps.shutdown(wait=False)


def store_of(aps) -> SQLiteJobStore:
    return aps._jobstores["default"]


def add(aps, job_id: str, day: int, secret: str = "x"):
    return aps.add_job("services.jobs:tick", DateTrigger(at(day)), id=job_id, name=secret)


def test_jobs_round_trip_in_next_run_order_with_paused_ones_last(sched):
    add(sched, "b", 9)
    add(sched, "a", 8)
    add(sched, "c", 10).pause()
    store = store_of(sched)
    assert [j.id for j in store.get_all_jobs()] == ["a", "b", "c"]
    assert [j.id for j in store.get_due_jobs(at(9))] == ["a", "b"]
    assert store.get_next_run_time() == at(8)
    job = store.lookup_job("b")
    assert (job.id, job.func_ref, job.next_run_time, job.name) == ("b", "services.jobs:tick", at(9), "x")
    assert store.lookup_job("nope") is None


def test_conflicts_and_missing_ids_raise_apschedulers_own_errors(sched):
    job = add(sched, "a", 8)
    store = store_of(sched)
    with pytest.raises(ConflictingIdError):
        store.add_job(job)
    with pytest.raises(JobLookupError):
        store.remove_job("nope")
    job.id = "nope"
    with pytest.raises(JobLookupError):
        store.update_job(job)


def test_update_remove_and_remove_all(sched):
    add(sched, "a", 8)
    add(sched, "b", 9)
    store = store_of(sched)
    job = store.lookup_job("a")
    job.next_run_time = at(20)
    store.update_job(job)
    assert [j.id for j in store.get_all_jobs()] == ["b", "a"]
    store.remove_job("b")
    assert [j.id for j in store.get_all_jobs()] == ["a"]
    store.remove_all_jobs()
    assert store.get_all_jobs() == [] and store.get_next_run_time() is None


def test_a_row_that_no_longer_unpickles_is_logged_and_removed(sched, caplog):
    add(sched, "a", 8)
    add(sched, "b", 9)
    store = store_of(sched)
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE apscheduler_jobs SET job_state = ? WHERE id = 'a'", (b"not a pickle",))
    with caplog.at_level(logging.ERROR):
        assert [j.id for j in store.get_all_jobs()] == ["b"]
    assert 'Unable to restore job "a" -- removing it' in caplog.text
    assert sqlite3.connect(store.path).execute("SELECT id FROM apscheduler_jobs").fetchall() == [("b",)]


def test_a_removed_schedule_leaves_no_bytes_in_the_file(sched):
    add(sched, "a", 8, secret="WEEKLY-SECRET-MARKER")
    store = store_of(sched)
    store.remove_job("a")
    with sqlite3.connect(store.path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"WEEKLY-SECRET-MARKER" not in open(store.path, "rb").read()


def test_a_file_with_sqlalchemys_table_keeps_its_schema_and_schedules(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        for statement in SQLALCHEMY_DDL:
            db.execute(statement)
    first = Scheduler(str(path))
    first.start()
    first.schedule_digest("C0LEADS", parse_schedule("weekly mon 09:00 Europe/Stockholm"))
    first.aps.shutdown(wait=False)

    again = Scheduler(str(path))
    again.start()
    try:
        assert [(c, d) for c, d, _ in again.digest_schedules()] == [
            ("C0LEADS", "every Monday at 09:00 (Europe/Stockholm)")
        ]
    finally:
        again.aps.shutdown(wait=False)
    sql = sqlite3.connect(path).execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'apscheduler_jobs'").fetchall()
    assert [s for (s,) in sql] == [SQLALCHEMY_DDL[0], None, SQLALCHEMY_DDL[1]]
