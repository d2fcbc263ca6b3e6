"""APScheduler's job store over the standard library's sqlite3, in Pulsegap's own SQLite file.

The same table as APScheduler's SQLAlchemyJobStore (`apscheduler_jobs`: id, next_run_time as a UTC
timestamp, job_state as a pickle), so a database written by an earlier release reads unchanged.
Written for this one table because SQLAlchemy, imported only for it, was a quarter of the bot's
start-up CPU (0.25 of 1.0 s). Each call opens its own short connection: APScheduler calls the store
from its own thread and from request threads, and schedules change a few times a week.
"""

from __future__ import annotations

import pickle
import sqlite3
from contextlib import closing, contextmanager

from apscheduler.job import Job
from apscheduler.jobstores.base import BaseJobStore, ConflictingIdError, JobLookupError
from apscheduler.util import datetime_to_utc_timestamp, utc_timestamp_to_datetime

TABLE = "apscheduler_jobs"
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (id VARCHAR(191) NOT NULL, next_run_time FLOAT, "
    "job_state BLOB NOT NULL, PRIMARY KEY (id))",
    f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_next_run_time ON {TABLE} (next_run_time)",
)


class SQLiteJobStore(BaseJobStore):
    def __init__(self, path: str, timeout: float = 30):
        super().__init__()
        self.path = path
        self.timeout = timeout

    @contextmanager
    def _db(self):
        """One transaction on its own connection, committed on success. Deleted rows are zeroed on
        disk (secure_delete), like storage's: a removed schedule leaves no bytes behind."""
        with closing(sqlite3.connect(self.path, timeout=self.timeout)) as db:
            db.execute("PRAGMA secure_delete=ON")
            with db:
                yield db

    def start(self, scheduler, alias):
        super().start(scheduler, alias)
        with self._db() as db:
            for statement in SCHEMA:
                db.execute(statement)

    def lookup_job(self, job_id):
        with self._db() as db:
            row = db.execute(f"SELECT job_state FROM {TABLE} WHERE id = ?", (job_id,)).fetchone()
        return self._reconstitute_job(row[0]) if row else None

    def get_due_jobs(self, now):
        return self._get_jobs("WHERE next_run_time <= ?", (datetime_to_utc_timestamp(now),))

    def get_next_run_time(self):
        with self._db() as db:
            row = db.execute(
                f"SELECT next_run_time FROM {TABLE} WHERE next_run_time IS NOT NULL ORDER BY next_run_time LIMIT 1"
            ).fetchone()
        return utc_timestamp_to_datetime(row[0]) if row else None

    def get_all_jobs(self):
        jobs = self._get_jobs()
        self._fix_paused_jobs_sorting(jobs)
        return jobs

    def add_job(self, job):
        try:
            with self._db() as db:
                db.execute(f"INSERT INTO {TABLE} VALUES (?, ?, ?)", (job.id, *self._row(job)))
        except sqlite3.IntegrityError:
            raise ConflictingIdError(job.id) from None

    def update_job(self, job):
        with self._db() as db:
            changed = db.execute(
                f"UPDATE {TABLE} SET next_run_time = ?, job_state = ? WHERE id = ?", (*self._row(job), job.id)
            ).rowcount
        if not changed:
            raise JobLookupError(job.id)

    def remove_job(self, job_id):
        with self._db() as db:
            removed = db.execute(f"DELETE FROM {TABLE} WHERE id = ?", (job_id,)).rowcount
        if not removed:
            raise JobLookupError(job_id)

    def remove_all_jobs(self):
        with self._db() as db:
            db.execute(f"DELETE FROM {TABLE}")

    @staticmethod
    def _row(job: Job) -> tuple:
        return datetime_to_utc_timestamp(job.next_run_time), pickle.dumps(job.__getstate__(), pickle.HIGHEST_PROTOCOL)

    def _reconstitute_job(self, job_state: bytes) -> Job:
        state = pickle.loads(job_state)
        state["jobstore"] = self
        job = Job.__new__(Job)
        job.__setstate__(state)
        job._scheduler = self._scheduler
        job._jobstore_alias = self._alias
        return job

    def _get_jobs(self, where: str = "", params: tuple = ()) -> list[Job]:
        """Jobs by next run time; a row that no longer unpickles (code moved, file damaged) is
        logged and removed, as APScheduler's own stores do, rather than stopping the scheduler."""
        jobs, failed = [], []
        with self._db() as db:
            for job_id, state in db.execute(
                f"SELECT id, job_state FROM {TABLE} {where} ORDER BY next_run_time", params
            ):
                try:
                    jobs.append(self._reconstitute_job(state))
                except Exception:
                    self._logger.exception('Unable to restore job "%s" -- removing it', job_id)
                    failed.append((job_id,))
            db.executemany(f"DELETE FROM {TABLE} WHERE id = ?", failed)
        return jobs

    def __repr__(self):
        return f"<{type(self).__name__} ({self.path})>"
