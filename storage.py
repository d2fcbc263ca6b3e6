"""All persistence, in one SQLite file through sqlite-utils (WAL, synchronous=FULL).

One connection, shared by the listener threads and the scheduler, serialised by a lock.
Multi-statement changes run in `BEGIN IMMEDIATE` transactions (`Store.tx`), so a crash leaves
either all of a change or none of it.

Anonymity: `deliveries` knows who was asked; `answers` holds wave, statement, role and value,
keyed by HMAC(wave secret, user id) so a person can change their answer while the wave is open.
`answers` is WITHOUT ROWID, so its physical order is the hash, not the order people voted in.
When the wave closes, one transaction freezes its counts (a cell below the wave's own threshold
is stored as suppressed, with no figure), erases the secret and deletes the wave's answer rows;
`secure_delete` zeroes what they occupied, and a `TRUNCATE` checkpoint then empties the WAL, so
no page from before the close survives in any file. A checkpoint blocked by a reader stays
pending in `meta` and is retried on every tick (and after a restart) until it succeeds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import sqlite_utils

from insights.stats import ROLES

log = logging.getLogger("pulsegap.storage")

SCHEMA_VERSION = 3
# Columns an older database lacks, added in place (with the defaults new tables get).
ADDED_COLUMNS = (
    ("waves", "respondents", "TEXT"),
    ("waves", "min_respondents", "INTEGER"),
    # frozen at close, as `respondents` is: who was asked per role, and how the roster changed
    # since the closed wave before ({"previous": id, "changes": {role: people}}); results read them
    ("waves", "asked", "TEXT"),
    ("waves", "roster_changes", "TEXT"),
    ("deliveries", "reminded", "INTEGER DEFAULT 0"),
    ("deliveries", "attempts", "INTEGER DEFAULT 0"),
    ("deliveries", "attempted_at", "TEXT"),
    # 1 once the DM shows its closed wave's closed state (in a database from before schema 3 every
    # DM of a closed wave is 0, so those DMs are closed too, and no longer show anyone's answer)
    ("deliveries", "closed_shown", "INTEGER DEFAULT 0"),
)
LEGACY_THRESHOLD = 5  # waves from before thresholds were frozen get at least this (the default)
SUPPRESSED = 0  # wave_counts.value of a suppressed cell (answers are 1 to 5)
CHECKPOINT_PENDING = "wal_checkpoint_pending"  # meta key: a close's WAL is not emptied yet


BUSY_TIMEOUT_MS = 30000


class StorageError(Exception):
    """The database cannot be opened or is not ours. The message says what to do."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(dt: datetime | None = None) -> str:
    """A moment as stored: UTC ISO-8601 to the second ('2026-11-02T08:00:00+00:00'); now by default."""
    return (dt or utcnow()).astimezone(timezone.utc).isoformat(timespec="seconds")


def _voter(secret: str, user_id: str) -> str:
    """An answer's key: HMAC(the wave's secret, the person's id)."""
    return hmac.new(secret.encode(), user_id.encode(), hashlib.sha256).hexdigest()


class _Vote:
    """One click waiting for a group commit."""

    __slots__ = ("args", "result", "error", "lead", "wake")

    def __init__(self, args: tuple):
        self.args = args
        self.result: str | None = None
        self.error: BaseException | None = None
        self.lead = False
        self.wake = threading.Event()


class Store:
    def __init__(self, path: str = ":memory:", min_respondents: int = LEGACY_THRESHOLD):
        """`min_respondents`: the threshold frozen into each wave opened from now on (waves from
        before thresholds were frozen get the larger of it and LEGACY_THRESHOLD)."""
        self.path = path
        self.min_respondents = min_respondents
        self.lock = threading.RLock()
        self._votes_lock = threading.Lock()
        self._votes: list[_Vote] = []  # votes waiting for the next group commit, oldest first
        self._committing = False  # a voter is committing a batch (the leader)
        try:
            conn = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
            self.db = sqlite_utils.Database(conn)
            if path != ":memory:":
                self.db.enable_wal()
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA secure_delete=ON")  # deleted content is zeroed, not left in free space
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                f"DATABASE_PATH {path!r} cannot be used as Pulsegap's database ({exc}). "
                "Restore it from a backup or point DATABASE_PATH at a new file."
            ) from exc

    # ----- plumbing -----------------------------------------------------------------------
    @contextmanager
    def tx(self) -> Iterator[sqlite_utils.Database]:
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def rows(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        with self.lock:
            return list(self.db.query(sql, params))

    def one(self, sql: str, params: tuple | dict = ()) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def _migrate(self) -> None:
        db = self.db
        with self.lock:
            db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
            version = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if version and int(version[0]) > SCHEMA_VERSION:
                raise StorageError(f"{self.path!r} was written by a newer Pulsegap (schema {version[0]})")
            earlier_release = version is not None and int(version[0]) < SCHEMA_VERSION
            db["roles"].create(
                {"id": str, "kind": str, "role": str, "name": str, "added_by": str, "added_at": str},
                pk="id",
                not_null={"kind", "role"},
                if_not_exists=True,
            )
            db["statements"].create(
                {"id": int, "metric": str, "text": str, "position": int, "active": int, "created_at": str},
                pk="id",
                not_null={"text"},
                defaults={"active": 1},
                if_not_exists=True,
            )
            db["waves"].create(
                {
                    "id": int,
                    "status": str,
                    "opened_at": str,
                    "closes_at": str,
                    "remind_at": str,
                    "closed_at": str,
                    "secret": str,
                    "statements": str,
                    "trigger": str,
                    "started_by": str,
                },
                pk="id",
                not_null={"status", "opened_at", "closes_at", "statements"},
                if_not_exists=True,
            )
            db["deliveries"].create(
                {
                    "wave_id": int,
                    "user_id": str,
                    "role": str,
                    "state": str,
                    "channel": str,
                    "ts": str,
                    "error": str,
                    "responded": int,
                    "reminded": int,
                    "attempts": int,
                },
                pk=("wave_id", "user_id"),
                not_null={"role", "state"},
                defaults={"state": "pending", "responded": 0, "reminded": 0, "attempts": 0},
                if_not_exists=True,
            )
            db["deliveries"].create_index(["wave_id", "state"], if_not_exists=True)
            db.execute(
                "CREATE TABLE IF NOT EXISTS answers ("
                " wave_id INTEGER NOT NULL, voter TEXT NOT NULL, statement_id INTEGER NOT NULL,"
                " role TEXT NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5), seq TEXT,"
                " PRIMARY KEY (wave_id, voter, statement_id)) WITHOUT ROWID"
            )
            db.execute("DROP INDEX IF EXISTS answers_by_wave")  # v1: not covering
            db.execute("CREATE INDEX IF NOT EXISTS answers_counts ON answers (wave_id, statement_id, role, value)")
            # A closed wave never changes: its counts are aggregated once, when it closes.
            rebuilt = self._create_wave_counts()
            for table, column, definition in ADDED_COLUMNS:
                if column not in db[table].columns_dict:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
            db.execute(
                "UPDATE waves SET min_respondents=? WHERE min_respondents IS NULL",
                (max(LEGACY_THRESHOLD, self.min_respondents),),
            )
            db.execute(
                "CREATE INDEX IF NOT EXISTS deliveries_to_close ON deliveries (wave_id) "
                "WHERE state='sent' AND closed_shown=0"
            )
            db["digest_posts"].create(
                {"key": str, "channel": str, "wave_id": int, "state": str, "ts": str, "posted_at": str},
                pk="key",
                if_not_exists=True,
            )
            if earlier_release or rebuilt:
                self._erase_closed_waves()
            db["meta"].upsert({"key": "schema", "value": str(SCHEMA_VERSION)}, pk="key")

    def _create_wave_counts(self) -> bool:
        """The frozen counts, WITHOUT ROWID and written once per wave in key order (value 0 marks a
        suppressed cell): no rowid numbering and no deleted row's hole can tell how many answers,
        or which, a suppressed cell had. A rowid table from an earlier release is rebuilt (True:
        the caller then rewrites the file, so its old pages go too)."""
        db = self.db
        found = db.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name='wave_counts'").fetchone()
        if found and "WITHOUT ROWID" in found[0].upper():
            return False
        db.execute(
            "CREATE TABLE wave_counts_new (wave_id INTEGER NOT NULL, statement_id INTEGER NOT NULL,"
            " role TEXT NOT NULL, value INTEGER NOT NULL, n INTEGER,"
            " PRIMARY KEY (wave_id, statement_id, role, value)) WITHOUT ROWID"
        )
        if found:
            db.execute(
                "INSERT INTO wave_counts_new SELECT wave_id, statement_id, role, coalesce(value, 0), n "
                "FROM wave_counts ORDER BY 1, 2, 3, 4"
            )
            db.execute("DROP TABLE wave_counts")
        db.execute("ALTER TABLE wave_counts_new RENAME TO wave_counts")
        return found is not None

    def _erase_closed_waves(self) -> None:
        """Once, on a database from an earlier release: it kept the answer rows of closed waves, and
        freed pages were never zeroed. Freeze those waves' counts again (suppressing small cells),
        delete their answers, rewrite the whole file (VACUUM) and empty the WAL."""
        with self.tx() as db:
            for (wave_id,) in db.execute(
                "SELECT id FROM waves WHERE status='closed' AND (respondents IS NULL OR id IN "
                "(SELECT wave_id FROM answers))"
            ).fetchall():
                self._freeze_counts(wave_id)
            db.execute("UPDATE waves SET secret=NULL WHERE status='closed'")
            db.execute("DELETE FROM answers WHERE wave_id IN (SELECT id FROM waves WHERE status='closed')")
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'upgrade')", (CHECKPOINT_PENDING,))
        self.db.execute("VACUUM")
        self.finish_erasure()

    # ----- roles --------------------------------------------------------------------------
    def set_role(self, entries: list[tuple[str, str, str]], role: str, by: str) -> None:
        """entries: (id, kind 'user'|'group', display name). A person has at most one role."""
        with self.tx() as db:
            for ident, kind, name in entries:
                db.execute(
                    "INSERT INTO roles (id, kind, role, name, added_by, added_at) VALUES (?,?,?,?,?,?) "
                    "ON CONFLICT(id) DO UPDATE SET role=excluded.role, name=excluded.name, "
                    "added_by=excluded.added_by, added_at=excluded.added_at",
                    (ident, kind, role, name, by, iso()),
                )

    def remove_roles(self, ids: list[str]) -> int:
        with self.tx() as db:
            return sum(db.execute("DELETE FROM roles WHERE id=?", (i,)).rowcount for i in ids)

    def roster(self) -> list[dict]:
        return self.rows("SELECT * FROM roles ORDER BY role, kind DESC, name, id")

    # ----- statements ---------------------------------------------------------------------
    def seed_statements(self, defaults: list[tuple[str | None, str]]) -> None:
        with self.tx() as db:
            if db.execute("SELECT count(*) FROM statements").fetchone()[0]:
                return
            for pos, (metric, text) in enumerate(defaults, 1):
                db.execute(
                    "INSERT INTO statements (metric, text, position, active, created_at) VALUES (?,?,?,1,?)",
                    (metric, text, pos, iso()),
                )

    def statements(self) -> list[dict]:
        return self.rows("SELECT * FROM statements WHERE active=1 ORDER BY position, id")

    def add_statement(self, text: str, metric: str | None = None) -> dict:
        with self.tx() as db:
            pos = db.execute("SELECT coalesce(max(position), 0) + 1 FROM statements").fetchone()[0]
            cur = db.execute(
                "INSERT INTO statements (metric, text, position, active, created_at) VALUES (?,?,?,1,?)",
                (metric, text, pos, iso()),
            )
            return {"id": cur.lastrowid, "metric": metric, "text": text, "position": pos}

    def remove_statement(self, statement_id: int) -> bool:
        with self.tx() as db:
            return db.execute("UPDATE statements SET active=0 WHERE id=? AND active=1", (statement_id,)).rowcount == 1

    # ----- waves --------------------------------------------------------------------------
    def open_wave(
        self,
        statements: list[dict],
        recipients: list[tuple[str, str]],
        closes_at: str,
        remind_at: str | None,
        trigger: str,
        started_by: str | None,
    ) -> dict | None:
        """Create a wave and every delivery row in one transaction. None if one is open already.
        The wave keeps the threshold it opens with (`min_respondents`) for good."""
        with self.tx() as db:
            if db.execute("SELECT 1 FROM waves WHERE status='open'").fetchone():
                return None
            cur = db.execute(
                "INSERT INTO waves (status, opened_at, closes_at, remind_at, secret, statements, trigger, started_by,"
                " min_respondents) VALUES ('open',?,?,?,?,?,?,?,?)",
                (
                    iso(),
                    closes_at,
                    remind_at,
                    secrets.token_hex(32),
                    json.dumps(statements),
                    trigger,
                    started_by,
                    self.min_respondents,
                ),
            )
            wave_id = cur.lastrowid
            db.conn.executemany(
                "INSERT INTO deliveries (wave_id, user_id, role, state, responded) VALUES (?,?,?,'pending',0)",
                [(wave_id, user, role) for user, role in recipients],
            )
        return self.wave(wave_id)

    @staticmethod
    def _wave(row: dict | None) -> dict | None:
        if row is None:
            return None
        row = dict(row)
        row["statements"] = json.loads(row["statements"])
        row.pop("secret", None)
        return row

    def wave(self, wave_id: int) -> dict | None:
        return self._wave(self.one("SELECT * FROM waves WHERE id=?", (wave_id,)))

    def open_wave_row(self) -> dict | None:
        return self._wave(self.one("SELECT * FROM waves WHERE status='open' ORDER BY id DESC LIMIT 1"))

    def closed_waves(self) -> list[dict]:
        return [self._wave(r) for r in self.rows("SELECT * FROM waves WHERE status='closed' ORDER BY id")]

    def waves_due(self, now: str) -> list[dict]:
        return [self._wave(r) for r in self.rows("SELECT * FROM waves WHERE status='open' AND closes_at<=?", (now,))]

    def close_wave(self, wave_id: int) -> bool:
        """Close, freeze the counts, forget the secret and delete the answer rows, in one
        transaction; then empty the WAL (`finish_erasure`). True if this call closed it."""
        with self.tx() as db:
            changed = db.execute(
                "UPDATE waves SET status='closed', closed_at=?, secret=NULL WHERE id=? AND status='open'",
                (iso(), wave_id),
            ).rowcount
            if changed:
                self._freeze_counts(wave_id)
                db.execute("DELETE FROM answers WHERE wave_id=?", (wave_id,))
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (CHECKPOINT_PENDING, str(wave_id)))
        if changed:
            self.finish_erasure()
        return changed == 1

    def finish_erasure(self) -> bool:
        """Empty the WAL after a close, so no page from before it survives there. A reader (the
        scheduler's connection, say) can block that: it then stays pending in `meta`, and the
        next call (every tick, also after a restart) tries again. True when nothing is pending."""
        with self.lock:
            if not self.db.execute("SELECT 1 FROM meta WHERE key=?", (CHECKPOINT_PENDING,)).fetchone():
                return True
            if not self._checkpoint():
                log.debug("WAL checkpoint after closing a pulse is blocked by a reader; retrying on the next tick")
                return False
            self.db.execute("DELETE FROM meta WHERE key=?", (CHECKPOINT_PENDING,))
            self._checkpoint()  # that delete wrote a frame of its own; it holds nothing from before the close
            return True

    def _checkpoint(self) -> bool:
        """PRAGMA wal_checkpoint(TRUNCATE), waiting for readers briefly, not BUSY_TIMEOUT_MS."""
        try:
            self.db.execute("PRAGMA busy_timeout=200")
            return self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
        except sqlite3.OperationalError:
            return False
        finally:
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def _freeze_counts(self, wave_id: int) -> None:
        """Inside a transaction: the closed wave's answer counts and respondents, computed once.
        Every (statement, role) with fewer answers than the wave's threshold, none included, is
        stored as one suppressed row (value 0, n NULL): the file holds no figure for it. Rows are
        computed first and inserted once, in key order: nothing is written and then deleted."""
        db = self.db
        threshold, statements = db.execute(
            "SELECT min_respondents, statements FROM waves WHERE id=?", (wave_id,)
        ).fetchone()
        groups = db.execute(
            "SELECT statement_id, role, value, count(*) FROM answers WHERE wave_id=? "
            "GROUP BY statement_id, role, value",
            (wave_id,),
        ).fetchall()
        totals: dict[tuple[int, str], int] = {}
        for s, r, _value, n in groups:
            totals[(s, r)] = totals.get((s, r), 0) + n
        cells = {(s["id"], role) for s in json.loads(statements) for role in ROLES} | totals.keys()
        small = {cell for cell in cells if totals.get(cell, 0) < threshold}
        rows = [(wave_id, s, r, value, n) for s, r, value, n in groups if (s, r) not in small]
        rows += [(wave_id, s, r, SUPPRESSED, None) for s, r in small]
        db.execute("DELETE FROM wave_counts WHERE wave_id=?", (wave_id,))  # only when frozen again (upgrade)
        db.conn.executemany(
            "INSERT INTO wave_counts (wave_id, statement_id, role, value, n) VALUES (?,?,?,?,?)", sorted(rows)
        )
        previous = db.execute("SELECT max(id) FROM waves WHERE status='closed' AND id<?", (wave_id,)).fetchone()[0]
        changes = {"previous": previous, "changes": self._roster_changes(previous, wave_id)} if previous else None
        db.execute(
            "UPDATE waves SET respondents=?, asked=?, roster_changes=? WHERE id=?",
            (
                json.dumps(self._count_respondents(wave_id)),
                json.dumps(self._count_asked(wave_id)),
                json.dumps(changes) if changes else None,
                wave_id,
            ),
        )

    def _count_respondents(self, wave_id: int) -> dict[str, int]:
        """Distinct voters per role, counted from the answers themselves."""
        with self.lock:
            return dict(
                self.db.execute(
                    "SELECT role, count(DISTINCT voter) FROM answers WHERE wave_id=? GROUP BY role", (wave_id,)
                ).fetchall()
            )

    # ----- deliveries ---------------------------------------------------------------------
    def deliveries(
        self, wave_id: int, states: tuple[str, ...] | None = None, after: str = "", limit: int = -1
    ) -> list[dict]:
        """Deliveries by user id; `after` and `limit` page through big waves without loading them whole."""
        states = states or ("pending", "sending", "sent", "skipped", "failed", "unsure")
        marks = ",".join("?" * len(states))
        return self.rows(
            f"SELECT * FROM deliveries WHERE wave_id=? AND state IN ({marks}) AND user_id > ? ORDER BY user_id LIMIT ?",
            (wave_id, *states, after, limit),
        )

    def mark_sending(self, wave_id: int, users: list[str]) -> None:
        """Committed before these DMs are posted: after a crash, 'sending' means "maybe sent"."""
        with self.tx() as db:
            db.conn.executemany(
                "UPDATE deliveries SET state='sending', attempts=attempts+1, attempted_at=? WHERE wave_id=? AND user_id=?",
                [(iso(), wave_id, u) for u in users],
            )

    def has_retryable(self, wave_id: int, max_attempts: int) -> bool:
        return (
            self.one(
                "SELECT 1 AS x FROM deliveries WHERE wave_id=? AND (state IN ('sending', 'unsure') "
                "OR (state IN ('pending', 'failed') AND attempts < ?)) LIMIT 1",
                (wave_id, max_attempts),
            )
            is not None
        )

    def record_outcomes(self, wave_id: int, outcomes: list[tuple]) -> None:
        """(user, state, channel, ts, error) for a page of DMs, in one transaction."""
        with self.tx() as db:
            db.conn.executemany(
                "UPDATE deliveries SET state=?, channel=coalesce(?, channel), ts=coalesce(?, ts), error=? "
                "WHERE wave_id=? AND user_id=?",
                [(state, channel, ts, error, wave_id, user) for user, state, channel, ts, error in outcomes],
            )

    def waves_to_show_closed(self) -> list[int]:
        """Closed waves with a delivered DM that does not show the closed state yet."""
        return [
            r["wave_id"]
            for r in self.rows(
                "SELECT DISTINCT wave_id FROM deliveries WHERE state='sent' AND closed_shown=0 "
                "AND wave_id IN (SELECT id FROM waves WHERE status='closed') ORDER BY wave_id"
            )
        ]

    def to_show_closed(self, wave_id: int, after: str = "", limit: int = 200) -> list[dict]:
        return self.rows(
            "SELECT user_id, channel, ts FROM deliveries WHERE wave_id=? AND state='sent' AND closed_shown=0 "
            "AND user_id > ? ORDER BY user_id LIMIT ?",
            (wave_id, after, limit),
        )

    def mark_closed_shown(self, wave_id: int, user_id: str) -> None:
        """Committed right after each DM is updated, so a restart updates none of them twice."""
        with self.tx() as db:
            db.execute("UPDATE deliveries SET closed_shown=1 WHERE wave_id=? AND user_id=?", (wave_id, user_id))

    def mark_reminder(self, wave_id: int, user_id: str) -> None:
        with self.tx() as db:
            db.execute("UPDATE deliveries SET reminded=1 WHERE wave_id=? AND user_id=?", (wave_id, user_id))

    def to_remind(self, wave_id: int, after: str = "", limit: int = 500) -> list[dict]:
        return self.rows(
            "SELECT * FROM deliveries WHERE wave_id=? AND state='sent' AND responded=0 AND reminded=0 "
            "AND user_id > ? ORDER BY user_id LIMIT ?",
            (wave_id, after, limit),
        )

    def delivery_counts(self, wave_id: int) -> dict[str, dict[str, int]]:
        """{role: {"asked": n, "sent": n, "skipped": n, "failed": n, "responded": n}}"""
        out: dict[str, dict[str, int]] = {}
        for r in self.rows(
            "SELECT role, count(*) AS asked, sum(state='sent') AS sent, sum(state='skipped') AS skipped, "
            "sum(state IN ('failed','unsure')) AS failed, sum(state IN ('pending','sending')) AS pending, "
            "sum(responded) AS responded FROM deliveries WHERE wave_id=? GROUP BY role",
            (wave_id,),
        ):
            role = r.pop("role")
            out[role] = {k: int(v or 0) for k, v in r.items()}
        return out

    def roster_changes(self, wave_a: int, wave_b: int) -> dict[str, int]:
        """{role: people asked in one of the two waves in that role but not in the other}: frozen
        when wave_b closed (against the closed wave before it), else counted."""
        frozen = self.one("SELECT roster_changes FROM waves WHERE id=?", (wave_b,))
        if frozen and frozen["roster_changes"]:
            found = json.loads(frozen["roster_changes"])
            if found["previous"] == wave_a:
                return found["changes"]
        return self._roster_changes(wave_a, wave_b)

    def _roster_changes(self, wave_a: int, wave_b: int) -> dict[str, int]:
        with self.lock:
            return dict(
                self.db.execute(
                    "SELECT role, count(*) FROM ("
                    " SELECT * FROM (SELECT user_id, role FROM deliveries WHERE wave_id=:a"
                    "  EXCEPT SELECT user_id, role FROM deliveries WHERE wave_id=:b)"
                    " UNION ALL SELECT * FROM (SELECT user_id, role FROM deliveries WHERE wave_id=:b"
                    "  EXCEPT SELECT user_id, role FROM deliveries WHERE wave_id=:a)"
                    ") GROUP BY role",
                    {"a": wave_a, "b": wave_b},
                ).fetchall()
            )

    # ----- answers ------------------------------------------------------------------------
    def record_vote(self, wave_id: int, user_id: str, statement_id: int, value: int, seq: str) -> str:
        """'recorded', 'unchanged' (an older or repeated click), 'closed', 'not_invited' or 'bad'.

        Durable (committed) when it returns. Votes that arrive together share one transaction
        (group commit): one voter at a time leads, committing every vote queued so far and waking
        their threads; then the oldest vote still queued leads the next batch. Voters wait on their
        own event, not on the lock, so they return in arrival order and a burst costs a few
        fsyncs, not one each."""
        if not 1 <= value <= 5:
            return "bad"
        me = _Vote((wave_id, user_id, statement_id, value, seq))
        with self._votes_lock:
            self._votes.append(me)
            me.lead = not self._committing
            self._committing = True
        if not me.lead:
            me.wake.wait()  # until committed by a leader, or made the leader
        if me.lead:
            self._commit_votes()
        if me.error is not None:
            raise me.error
        return me.result

    def _commit_votes(self) -> None:
        with self._votes_lock:
            batch, self._votes = self._votes, []
        try:
            with self.tx() as db:
                for vote in batch:
                    vote.result = self._vote(db, *vote.args)
        except BaseException as exc:  # nothing of the batch is committed: every voter in it hears so
            for vote in batch:
                vote.result, vote.error = None, exc
        finally:
            for vote in batch:
                vote.lead = False
                vote.wake.set()
            with self._votes_lock:
                if self._votes:  # hand over to the oldest waiting voter
                    self._votes[0].lead = True
                    self._votes[0].wake.set()
                else:
                    self._committing = False

    @staticmethod
    def _vote(db, wave_id: int, user_id: str, statement_id: int, value: int, seq: str) -> str:
        wave = db.execute("SELECT status, secret, statements FROM waves WHERE id=?", (wave_id,)).fetchone()
        if wave is None:
            return "bad"
        if wave[0] != "open" or not wave[1]:
            return "closed"
        if statement_id not in {s["id"] for s in json.loads(wave[2])}:
            return "bad"
        delivery = db.execute(
            "SELECT role FROM deliveries WHERE wave_id=? AND user_id=?", (wave_id, user_id)
        ).fetchone()
        if delivery is None:
            return "not_invited"
        voter = _voter(wave[1], user_id)
        cur = db.execute(
            "INSERT INTO answers (wave_id, voter, statement_id, role, value, seq) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT (wave_id, voter, statement_id) DO UPDATE SET value=excluded.value, seq=excluded.seq "
            "WHERE excluded.seq > answers.seq AND excluded.value != answers.value",
            (wave_id, voter, statement_id, delivery[0], value, seq),
        )
        if cur.rowcount:
            db.execute("UPDATE deliveries SET responded=1 WHERE wave_id=? AND user_id=?", (wave_id, user_id))
            return "recorded"
        db.execute(  # a same-value click still moves the clock on, so an older click cannot win later
            "UPDATE answers SET seq=? WHERE wave_id=? AND voter=? AND statement_id=? AND seq < ?",
            (seq, wave_id, voter, statement_id, seq),
        )
        return "unchanged"

    def answer_counts(self, wave_ids: list[int]) -> list[dict]:
        """(wave_id, statement_id, role, value, n): everything results need, nothing about people.
        Closed waves come from their frozen counts (value and n None: a suppressed cell); an open
        wave is counted live."""
        marks = ",".join("?" * len(wave_ids))
        return self.rows(
            f"SELECT wave_id, statement_id, role, nullif(value, {SUPPRESSED}) AS value, n FROM wave_counts "
            f"WHERE wave_id IN ({marks}) "
            f"UNION ALL SELECT a.wave_id, a.statement_id, a.role, a.value, count(*) FROM answers a "
            f"JOIN waves w ON w.id = a.wave_id AND w.status = 'open' WHERE a.wave_id IN ({marks}) "
            "GROUP BY a.wave_id, a.statement_id, a.role, a.value ORDER BY 1, 2, 3, 4",
            (*wave_ids, *wave_ids),
        )

    def answers_of(self, wave_id: int, user_id: str) -> dict[int, int] | None:
        """statement id -> value of this person's answers in an open wave; None once it has closed
        (its secret is gone, so nothing links them any more)."""
        with self.lock:
            wave = self.db.execute("SELECT secret FROM waves WHERE id=? AND status='open'", (wave_id,)).fetchone()
            if not wave or not wave[0]:
                return None
            return dict(
                self.db.execute(
                    "SELECT statement_id, value FROM answers WHERE wave_id=? AND voter=?",
                    (wave_id, _voter(wave[0], user_id)),
                ).fetchall()
            )

    def asked(self, wave_id: int) -> dict[str, int]:
        """People asked per role: frozen when the wave closed, else counted."""
        wave = self.one("SELECT asked FROM waves WHERE id=?", (wave_id,))
        if wave and wave["asked"]:
            return json.loads(wave["asked"])
        return self._count_asked(wave_id)

    def _count_asked(self, wave_id: int) -> dict[str, int]:
        with self.lock:
            return dict(
                self.db.execute(
                    "SELECT role, count(*) FROM deliveries WHERE wave_id=? GROUP BY role", (wave_id,)
                ).fetchall()
            )

    def respondents(self, wave_id: int) -> dict[str, int]:
        wave = self.one("SELECT respondents FROM waves WHERE id=?", (wave_id,))
        if wave and wave["respondents"]:
            return json.loads(wave["respondents"])  # frozen when it closed
        return self._count_respondents(wave_id)

    # ----- digests ------------------------------------------------------------------------
    def claim_digest(self, key: str, channel: str, wave_id: int | None) -> bool:
        """Reserve a digest post; False if this key was already claimed (posted or under way)."""
        with self.tx() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO digest_posts (key, channel, wave_id, state) VALUES (?,?,?,'posting')",
                (key, channel, wave_id),
            )
            return cur.rowcount == 1

    def digests_to_resume(self) -> list[dict]:
        """Digest posts a crash or an outage left under way: still 'posting', or 'message' (posted, chart not yet)."""
        return self.rows("SELECT * FROM digest_posts WHERE state IN ('posting','message')")

    def finish_digest(self, key: str, state: str, ts: str | None = None) -> None:
        with self.tx() as db:
            db.execute("UPDATE digest_posts SET state=?, ts=?, posted_at=? WHERE key=?", (state, ts, iso(), key))
