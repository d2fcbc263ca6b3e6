"""All persistence, in one SQLite file through sqlite-utils (WAL, synchronous=FULL).

One connection, shared by the listener threads and the scheduler, serialised by a lock.
Multi-statement changes run in `BEGIN IMMEDIATE` transactions (`Store.tx`), so a crash leaves
either all of a change or none of it.

Anonymity: `deliveries` knows who was asked; `answers` holds pulse, statement, role and value,
keyed by HMAC(pulse secret, user id) so a person can change their answer while the pulse is open.
`answers` is WITHOUT ROWID, so its physical order is the hash, not the order people voted in.
When the pulse closes, one transaction freezes its counts (a cell below the pulse's own threshold
is stored as suppressed, with no figure), erases the secret and deletes the pulse's answer rows;
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
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from insights.stats import ROLES

# sqlite-utils imports pandas and numpy whenever they are installed (~0.5 s of every start-up),
# only to map their types to columns; nothing here stores their objects. Hidden while it loads,
# they are loaded by the first CSV export instead (insights/export.py).
_optional = {name: sys.modules.pop(name, None) for name in ("pandas", "numpy")}
sys.modules.update(dict.fromkeys(_optional))  # None: "not installed", for this one import
try:
    import sqlite_utils
finally:
    for name, module in _optional.items():
        if module is None:
            del sys.modules[name]
        else:
            sys.modules[name] = module

log = logging.getLogger("pulsegap.storage")

SCHEMA_VERSION = 5
# Schema 4 calls a poll round what users see, a pulse: renamed in place from schema 1-3's names.
RENAMED_TABLES = (("waves", "pulses"), ("wave_counts", "pulse_counts"))
RENAMED_COLUMNS = tuple(
    (table, "wave_id", "pulse_id") for table in ("deliveries", "answers", "pulse_counts", "digest_posts")
)
# Columns an older database lacks, added in place (with the defaults new tables get).
ADDED_COLUMNS = (
    ("pulses", "respondents", "TEXT"),
    ("pulses", "min_respondents", "INTEGER"),
    # frozen at close, as `respondents` is: who was asked per role, and how the roster changed
    # since the closed pulse before ({"previous": id, "changes": {role: people}}); results read them
    ("pulses", "asked", "TEXT"),
    ("pulses", "roster_changes", "TEXT"),
    ("deliveries", "reminded", "INTEGER DEFAULT 0"),
    ("deliveries", "attempts", "INTEGER DEFAULT 0"),
    ("deliveries", "attempted_at", "TEXT"),
    # 1 once the DM shows its closed pulse's closed state (in a database from before schema 3 every
    # DM of a closed pulse is 0, so those DMs are closed too, and no longer show anyone's answer)
    ("deliveries", "closed_shown", "INTEGER DEFAULT 0"),
    # schema 5: each pulse's comment question (NULL: the default) and comment threshold, frozen at
    # open, and at close how many comments each role gave below it ({role: n}, their text deleted)
    ("pulses", "comment_question", "TEXT"),
    ("pulses", "min_comments", "INTEGER"),
    ("pulses", "comments_withheld", "TEXT"),
)
LEGACY_THRESHOLD = 5  # pulses from before thresholds were frozen get at least this (the default)
SUPPRESSED = 0  # pulse_counts.value of a suppressed cell (answers are 1 to 5)
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
    """An answer's key: HMAC(the pulse's secret, the person's id)."""
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
    def __init__(self, path: str = ":memory:", min_respondents: int = LEGACY_THRESHOLD, min_comments: int = 0):
        """`min_respondents`: the threshold frozen into each pulse opened from now on (pulses from
        before thresholds were frozen get the larger of it and LEGACY_THRESHOLD). `min_comments`:
        likewise for comments, never below `min_respondents`."""
        self.path = path
        self.min_respondents = min_respondents
        self.min_comments = max(min_comments, min_respondents)
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
        """Create or upgrade the schema in one transaction (a crash leaves the file as it was), then,
        on a database from an earlier release, erase what it kept of closed pulses."""
        with self.tx() as db:
            db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
            version = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if version and int(version[0]) > SCHEMA_VERSION:
                raise StorageError(f"{self.path!r} was written by a newer Pulsegap (schema {version[0]})")
            earlier_release = version is not None and int(version[0]) < SCHEMA_VERSION
            self._rename_waves()
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
            db["pulses"].create(
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
                    "pulse_id": int,
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
                pk=("pulse_id", "user_id"),
                not_null={"role", "state"},
                defaults={"state": "pending", "responded": 0, "reminded": 0, "attempts": 0},
                if_not_exists=True,
            )
            db["deliveries"].create_index(["pulse_id", "state"], if_not_exists=True)
            db.execute(
                "CREATE TABLE IF NOT EXISTS answers ("
                " pulse_id INTEGER NOT NULL, voter TEXT NOT NULL, statement_id INTEGER NOT NULL,"
                " role TEXT NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5), seq TEXT,"
                " PRIMARY KEY (pulse_id, voter, statement_id)) WITHOUT ROWID"
            )
            db.execute("DROP INDEX IF EXISTS answers_by_wave")  # v1: not covering
            db.execute("CREATE INDEX IF NOT EXISTS answers_counts ON answers (pulse_id, statement_id, role, value)")
            # A closed pulse never changes: its counts are aggregated once, when it closes.
            rebuilt = self._create_pulse_counts()
            for table, column, definition in ADDED_COLUMNS:
                if column not in db[table].columns_dict:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
            db.execute(
                "UPDATE pulses SET min_respondents=? WHERE min_respondents IS NULL",
                (max(LEGACY_THRESHOLD, self.min_respondents),),
            )
            db.execute(
                "CREATE INDEX IF NOT EXISTS deliveries_to_close ON deliveries (pulse_id) "
                "WHERE state='sent' AND closed_shown=0"
            )
            db["digest_posts"].create(
                {"key": str, "channel": str, "pulse_id": int, "state": str, "ts": str, "posted_at": str},
                pk="key",
                if_not_exists=True,
            )
            self._create_comments()
            self._create_owned_actions()
            # v5 (languages): an admin's translations of a statement; the language of a channel's digests
            db["statement_translations"].create(
                {"statement_id": int, "lang": str, "text": str}, pk=("statement_id", "lang"), if_not_exists=True
            )
            db["channel_languages"].create({"channel": str, "lang": str}, pk="channel", if_not_exists=True)
        if earlier_release or rebuilt:
            self._erase_closed_pulses()
        with self.lock:
            self.db["meta"].upsert({"key": "schema", "value": str(SCHEMA_VERSION)}, pk="key")

    def _create_comments(self) -> None:
        """Inside the migration: while a pulse is open a comment is keyed like an answer (HMAC of
        the person with the pulse's secret), so a later one replaces it; at close the shown ones are
        copied under random ids, in id order, and the drafts deleted (`_freeze_comments`)."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS comment_drafts (pulse_id INTEGER NOT NULL, voter TEXT NOT NULL,"
            " role TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (pulse_id, voter)) WITHOUT ROWID"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS comments (id TEXT PRIMARY KEY, pulse_id INTEGER NOT NULL,"
            " role TEXT NOT NULL, text TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS comments_by_pulse ON comments (pulse_id, role)")

    def _create_owned_actions(self) -> None:
        """Inside the migration: an admin's owned action on a statement's gap in a closed pulse."""
        self.db["owned_actions"].create(
            {
                "id": int,
                "pulse_id": int,  # the closed pulse whose gap was owned: measured at the next one
                "statement_id": int,
                "statement": str,
                "owner": str,
                "text": str,
                "due": str,  # YYYY-MM-DD
                "created_by": str,
                "created_at": str,
                "done_at": str,
                "reminded": int,
            },
            pk="id",
            not_null={"pulse_id", "statement_id", "owner", "text", "due"},
            defaults={"reminded": 0},
            if_not_exists=True,
        )

    def _rename_waves(self) -> None:
        """Inside the migration's transaction: schema 1-3's `waves`, `wave_counts` and `wave_id`
        get schema 4's names (SQLite rewrites the indexes and keys that name them)."""
        db = self.db
        if not db["waves"].exists():
            return
        if sqlite3.sqlite_version_info < (3, 25, 0):
            raise StorageError(f"upgrading {self.path!r} needs SQLite 3.25 or later (this is {sqlite3.sqlite_version})")
        for old, new in RENAMED_TABLES:
            if db[old].exists():
                db.execute(f"ALTER TABLE {old} RENAME TO {new}")
        for table, old, new in RENAMED_COLUMNS:
            if old in db[table].columns_dict:
                db.execute(f"ALTER TABLE {table} RENAME COLUMN {old} TO {new}")
        db.execute("DROP INDEX IF EXISTS idx_deliveries_wave_id_state")  # recreated under its new name

    def _create_pulse_counts(self) -> bool:
        """The frozen counts, WITHOUT ROWID and written once per pulse in key order (value 0 marks a
        suppressed cell): no rowid numbering and no deleted row's hole can tell how many answers,
        or which, a suppressed cell had. A rowid table from an earlier release is rebuilt (True:
        the caller then rewrites the file, so its old pages go too)."""
        db = self.db
        found = db.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name='pulse_counts'").fetchone()
        if found and "WITHOUT ROWID" in found[0].upper():
            return False
        db.execute(
            "CREATE TABLE pulse_counts_new (pulse_id INTEGER NOT NULL, statement_id INTEGER NOT NULL,"
            " role TEXT NOT NULL, value INTEGER NOT NULL, n INTEGER,"
            " PRIMARY KEY (pulse_id, statement_id, role, value)) WITHOUT ROWID"
        )
        if found:
            db.execute(
                "INSERT INTO pulse_counts_new SELECT pulse_id, statement_id, role, coalesce(value, 0), n "
                "FROM pulse_counts ORDER BY 1, 2, 3, 4"
            )
            db.execute("DROP TABLE pulse_counts")
        db.execute("ALTER TABLE pulse_counts_new RENAME TO pulse_counts")
        return found is not None

    def _erase_closed_pulses(self) -> None:
        """Once, on a database from an earlier release: it kept the answer rows of closed pulses, and
        freed pages were never zeroed. Freeze those pulses' counts again (suppressing small cells),
        delete their answers, rewrite the whole file (VACUUM) and empty the WAL."""
        with self.tx() as db:
            for (pulse_id,) in db.execute(
                "SELECT id FROM pulses WHERE status='closed' AND (respondents IS NULL OR id IN "
                "(SELECT pulse_id FROM answers))"
            ).fetchall():
                self._freeze_counts(pulse_id)
            db.execute("UPDATE pulses SET secret=NULL WHERE status='closed'")
            db.execute("DELETE FROM answers WHERE pulse_id IN (SELECT id FROM pulses WHERE status='closed')")
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'upgrade')", (CHECKPOINT_PENDING,))
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
        """The active statements, each with its admin's translations ({lang: text}, maybe empty)."""
        rows = self.rows("SELECT * FROM statements WHERE active=1 ORDER BY position, id")
        translations: dict[int, dict[str, str]] = {}
        for t in self.rows("SELECT statement_id, lang, text FROM statement_translations ORDER BY lang"):
            translations.setdefault(t["statement_id"], {})[t["lang"]] = t["text"]
        for row in rows:
            row["translations"] = translations.get(row["id"], {})
        return rows

    def translate_statement(self, statement_id: int, lang: str, text: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO statement_translations (statement_id, lang, text) VALUES (?,?,?) "
                "ON CONFLICT (statement_id, lang) DO UPDATE SET text=excluded.text",
                (statement_id, lang, text),
            )

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

    # ----- pulses --------------------------------------------------------------------------
    def open_pulse(
        self,
        statements: list[dict],
        recipients: list[tuple[str, str]],
        closes_at: str,
        remind_at: str | None,
        trigger: str,
        started_by: str | None,
    ) -> dict | None:
        """Create a pulse and every delivery row in one transaction. None if one is open already.
        The pulse keeps the threshold it opens with (`min_respondents`) for good."""
        with self.tx() as db:
            if db.execute("SELECT 1 FROM pulses WHERE status='open'").fetchone():
                return None
            cur = db.execute(
                "INSERT INTO pulses (status, opened_at, closes_at, remind_at, secret, statements, trigger, started_by,"
                " min_respondents, min_comments, comment_question) VALUES ('open',?,?,?,?,?,?,?,?,?,"
                " (SELECT value FROM meta WHERE key='comment_question'))",
                (
                    iso(),
                    closes_at,
                    remind_at,
                    secrets.token_hex(32),
                    json.dumps(statements),
                    trigger,
                    started_by,
                    self.min_respondents,
                    self.min_comments,
                ),
            )
            pulse_id = cur.lastrowid
            db.conn.executemany(
                "INSERT INTO deliveries (pulse_id, user_id, role, state, responded) VALUES (?,?,?,'pending',0)",
                [(pulse_id, user, role) for user, role in recipients],
            )
        return self.pulse(pulse_id)

    @staticmethod
    def _pulse(row: dict | None) -> dict | None:
        if row is None:
            return None
        row = dict(row)
        row["statements"] = json.loads(row["statements"])
        row.pop("secret", None)
        return row

    def pulse(self, pulse_id: int) -> dict | None:
        return self._pulse(self.one("SELECT * FROM pulses WHERE id=?", (pulse_id,)))

    def open_pulse_row(self) -> dict | None:
        return self._pulse(self.one("SELECT * FROM pulses WHERE status='open' ORDER BY id DESC LIMIT 1"))

    def closed_pulses(self) -> list[dict]:
        return [self._pulse(r) for r in self.rows("SELECT * FROM pulses WHERE status='closed' ORDER BY id")]

    def pulses_due(self, now: str) -> list[dict]:
        return [self._pulse(r) for r in self.rows("SELECT * FROM pulses WHERE status='open' AND closes_at<=?", (now,))]

    def close_pulse(self, pulse_id: int) -> bool:
        """Close, freeze the counts, forget the secret and delete the answer rows, in one
        transaction; then empty the WAL (`finish_erasure`). True if this call closed it."""
        with self.tx() as db:
            changed = db.execute(
                "UPDATE pulses SET status='closed', closed_at=?, secret=NULL WHERE id=? AND status='open'",
                (iso(), pulse_id),
            ).rowcount
            if changed:
                self._freeze_counts(pulse_id)
                self._freeze_comments(pulse_id)
                db.execute("DELETE FROM answers WHERE pulse_id=?", (pulse_id,))
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (CHECKPOINT_PENDING, str(pulse_id))
                )
        if changed:
            self.finish_erasure()
        return changed == 1

    def finish_erasure(self) -> bool:
        """After a close: rewrite the file (VACUUM), so that no free page is left where a deleted
        row was (their number would tell how long a withheld comment was), then empty the WAL, so
        that no page from before the close survives there. A reader (the scheduler's connection,
        say) can block either: it then stays pending in `meta`, and the next call (every tick, also
        after a restart) tries again. True when nothing is pending."""
        with self.lock:
            if not self.db.execute("SELECT 1 FROM meta WHERE key=?", (CHECKPOINT_PENDING,)).fetchone():
                return True
            if not self._briefly("VACUUM") or not self._checkpoint():
                log.debug("WAL checkpoint after closing a pulse is blocked by a reader; retrying on the next tick")
                return False
            self.db.execute("DELETE FROM meta WHERE key=?", (CHECKPOINT_PENDING,))
            self._checkpoint()  # that delete wrote a frame of its own; it holds nothing from before the close
            return True

    def _checkpoint(self) -> bool:
        """PRAGMA wal_checkpoint(TRUNCATE), waiting for readers briefly, not BUSY_TIMEOUT_MS."""
        return self._briefly("PRAGMA wal_checkpoint(TRUNCATE)")

    def _briefly(self, sql: str) -> bool:
        """Run `sql` waiting for other connections briefly (200 ms), not BUSY_TIMEOUT_MS: True if it
        ran and, for a checkpoint, was not blocked."""
        try:
            self.db.execute("PRAGMA busy_timeout=200")
            row = self.db.execute(sql).fetchone()
            return row is None or row[0] == 0
        except sqlite3.OperationalError:
            return False
        finally:
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def _freeze_counts(self, pulse_id: int) -> None:
        """Inside a transaction: the closed pulse's answer counts and respondents, computed once.
        Every (statement, role) with fewer answers than the pulse's threshold, none included, is
        stored as one suppressed row (value 0, n NULL): the file holds no figure for it. Rows are
        computed first and inserted once, in key order: nothing is written and then deleted."""
        db = self.db
        threshold, statements = db.execute(
            "SELECT min_respondents, statements FROM pulses WHERE id=?", (pulse_id,)
        ).fetchone()
        groups = db.execute(
            "SELECT statement_id, role, value, count(*) FROM answers WHERE pulse_id=? "
            "GROUP BY statement_id, role, value",
            (pulse_id,),
        ).fetchall()
        totals: dict[tuple[int, str], int] = {}
        for s, r, _value, n in groups:
            totals[(s, r)] = totals.get((s, r), 0) + n
        cells = {(s["id"], role) for s in json.loads(statements) for role in ROLES} | totals.keys()
        small = {cell for cell in cells if totals.get(cell, 0) < threshold}
        rows = [(pulse_id, s, r, value, n) for s, r, value, n in groups if (s, r) not in small]
        rows += [(pulse_id, s, r, SUPPRESSED, None) for s, r in small]
        db.execute("DELETE FROM pulse_counts WHERE pulse_id=?", (pulse_id,))  # only when frozen again (upgrade)
        db.conn.executemany(
            "INSERT INTO pulse_counts (pulse_id, statement_id, role, value, n) VALUES (?,?,?,?,?)", sorted(rows)
        )
        previous = db.execute("SELECT max(id) FROM pulses WHERE status='closed' AND id<?", (pulse_id,)).fetchone()[0]
        changes = {"previous": previous, "changes": self._roster_changes(previous, pulse_id)} if previous else None
        db.execute(
            "UPDATE pulses SET respondents=?, asked=?, roster_changes=? WHERE id=?",
            (
                json.dumps(self._count_respondents(pulse_id)),
                json.dumps(self._count_asked(pulse_id)),
                json.dumps(changes) if changes else None,
                pulse_id,
            ),
        )

    def _per_role(self, count: str, table: str, pulse_id: int) -> dict[str, int]:
        with self.lock:
            sql = f"SELECT role, {count} FROM {table} WHERE pulse_id=? GROUP BY role"
            return dict(self.db.execute(sql, (pulse_id,)).fetchall())

    def _count_respondents(self, pulse_id: int) -> dict[str, int]:
        """Distinct voters per role, counted from the answers themselves."""
        return self._per_role("count(DISTINCT voter)", "answers", pulse_id)

    # ----- deliveries ---------------------------------------------------------------------
    def deliveries(
        self, pulse_id: int, states: tuple[str, ...] | None = None, after: str = "", limit: int = -1
    ) -> list[dict]:
        """Deliveries by user id; `after` and `limit` page through big pulses without loading them whole."""
        states = states or ("pending", "sending", "sent", "skipped", "failed", "unsure")
        marks = ",".join("?" * len(states))
        return self.rows(
            f"SELECT * FROM deliveries WHERE pulse_id=? AND state IN ({marks}) AND user_id > ? ORDER BY user_id LIMIT ?",
            (pulse_id, *states, after, limit),
        )

    def recipients(self, pulse_id: int, states: tuple[str, ...]) -> list[str]:
        """The user ids of the pulse's deliveries in these states (ids only: cheap for a big pulse)."""
        marks = ",".join("?" * len(states))
        with self.lock:
            return [
                user
                for (user,) in self.db.execute(
                    f"SELECT user_id FROM deliveries WHERE pulse_id=? AND state IN ({marks})", (pulse_id, *states)
                ).fetchall()
            ]

    def mark_sending(self, pulse_id: int, users: list[str]) -> None:
        """Committed before these DMs are posted: after a crash, 'sending' means "maybe sent"."""
        with self.tx() as db:
            db.conn.executemany(
                "UPDATE deliveries SET state='sending', attempts=attempts+1, attempted_at=? WHERE pulse_id=? AND user_id=?",
                [(iso(), pulse_id, u) for u in users],
            )

    def has_retryable(self, pulse_id: int, max_attempts: int) -> bool:
        return (
            self.one(
                "SELECT 1 AS x FROM deliveries WHERE pulse_id=? AND (state IN ('sending', 'unsure') "
                "OR (state IN ('pending', 'failed') AND attempts < ?)) LIMIT 1",
                (pulse_id, max_attempts),
            )
            is not None
        )

    def record_outcomes(self, pulse_id: int, outcomes: list[tuple]) -> None:
        """(user, state, channel, ts, error) for a page of DMs, in one transaction."""
        with self.tx() as db:
            db.conn.executemany(
                "UPDATE deliveries SET state=?, channel=coalesce(?, channel), ts=coalesce(?, ts), error=? "
                "WHERE pulse_id=? AND user_id=?",
                [(state, channel, ts, error, pulse_id, user) for user, state, channel, ts, error in outcomes],
            )

    def pulses_to_show_closed(self) -> list[int]:
        """Closed pulses with a delivered DM that does not show the closed state yet."""
        return [
            r["pulse_id"]
            for r in self.rows(
                "SELECT DISTINCT pulse_id FROM deliveries WHERE state='sent' AND closed_shown=0 "
                "AND pulse_id IN (SELECT id FROM pulses WHERE status='closed') ORDER BY pulse_id"
            )
        ]

    def to_show_closed(self, pulse_id: int, after: str = "", limit: int = 200) -> list[dict]:
        return self.rows(
            "SELECT user_id, channel, ts FROM deliveries WHERE pulse_id=? AND state='sent' AND closed_shown=0 "
            "AND user_id > ? ORDER BY user_id LIMIT ?",
            (pulse_id, after, limit),
        )

    def mark_closed_shown(self, pulse_id: int, user_id: str) -> None:
        """Committed right after each DM is updated, so a restart updates none of them twice."""
        with self.tx() as db:
            db.execute("UPDATE deliveries SET closed_shown=1 WHERE pulse_id=? AND user_id=?", (pulse_id, user_id))

    def mark_reminder(self, pulse_id: int, user_id: str) -> None:
        with self.tx() as db:
            db.execute("UPDATE deliveries SET reminded=1 WHERE pulse_id=? AND user_id=?", (pulse_id, user_id))

    def to_remind(self, pulse_id: int, after: str = "", limit: int = 500) -> list[dict]:
        return self.rows(
            "SELECT * FROM deliveries WHERE pulse_id=? AND state='sent' AND responded=0 AND reminded=0 "
            "AND user_id > ? ORDER BY user_id LIMIT ?",
            (pulse_id, after, limit),
        )

    def delivery_counts(self, pulse_id: int) -> dict[str, dict[str, int]]:
        """{role: {"asked": n, "sent": n, "skipped": n, "failed": n, "responded": n}}"""
        out: dict[str, dict[str, int]] = {}
        for r in self.rows(
            "SELECT role, count(*) AS asked, sum(state='sent') AS sent, sum(state='skipped') AS skipped, "
            "sum(state IN ('failed','unsure')) AS failed, sum(state IN ('pending','sending')) AS pending, "
            "sum(responded) AS responded FROM deliveries WHERE pulse_id=? GROUP BY role",
            (pulse_id,),
        ):
            role = r.pop("role")
            out[role] = {k: int(v or 0) for k, v in r.items()}
        return out

    def roster_changes(self, pulse_a: int, pulse_b: int) -> dict[str, int]:
        """{role: people asked in one of the two pulses in that role but not in the other}: frozen
        when pulse_b closed (against the closed pulse before it), else counted."""
        frozen = self.one("SELECT roster_changes FROM pulses WHERE id=?", (pulse_b,))
        if frozen and frozen["roster_changes"]:
            found = json.loads(frozen["roster_changes"])
            if found["previous"] == pulse_a:
                return found["changes"]
        return self._roster_changes(pulse_a, pulse_b)

    def _roster_changes(self, pulse_a: int, pulse_b: int) -> dict[str, int]:
        with self.lock:
            return dict(
                self.db.execute(
                    "SELECT role, count(*) FROM ("
                    " SELECT * FROM (SELECT user_id, role FROM deliveries WHERE pulse_id=:a"
                    "  EXCEPT SELECT user_id, role FROM deliveries WHERE pulse_id=:b)"
                    " UNION ALL SELECT * FROM (SELECT user_id, role FROM deliveries WHERE pulse_id=:b"
                    "  EXCEPT SELECT user_id, role FROM deliveries WHERE pulse_id=:a)"
                    ") GROUP BY role",
                    {"a": pulse_a, "b": pulse_b},
                ).fetchall()
            )

    # ----- answers ------------------------------------------------------------------------
    def record_vote(self, pulse_id: int, user_id: str, statement_id: int, value: int, seq: str) -> str:
        """'recorded', 'unchanged' (an older or repeated click), 'closed', 'not_invited' or 'bad'.

        Durable (committed) when it returns. Votes that arrive together share one transaction
        (group commit): one voter at a time leads, committing every vote queued so far and waking
        their threads; then the oldest vote still queued leads the next batch. Voters wait on their
        own event, not on the lock, so they return in arrival order and a burst costs a few
        fsyncs, not one each."""
        if not 1 <= value <= 5:
            return "bad"
        me = _Vote((pulse_id, user_id, statement_id, value, seq))
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
    def _vote(db, pulse_id: int, user_id: str, statement_id: int, value: int, seq: str) -> str:
        pulse = db.execute("SELECT status, secret, statements FROM pulses WHERE id=?", (pulse_id,)).fetchone()
        refused, role = Store._asked(db, pulse, pulse_id, user_id)
        if refused:
            return refused
        if statement_id not in {s["id"] for s in json.loads(pulse[2])}:
            return "bad"
        voter = _voter(pulse[1], user_id)
        cur = db.execute(
            "INSERT INTO answers (pulse_id, voter, statement_id, role, value, seq) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT (pulse_id, voter, statement_id) DO UPDATE SET value=excluded.value, seq=excluded.seq "
            "WHERE excluded.seq > answers.seq AND excluded.value != answers.value",
            (pulse_id, voter, statement_id, role, value, seq),
        )
        if cur.rowcount:
            db.execute("UPDATE deliveries SET responded=1 WHERE pulse_id=? AND user_id=?", (pulse_id, user_id))
            return "recorded"
        db.execute(  # a same-value click still moves the clock on, so an older click cannot win later
            "UPDATE answers SET seq=? WHERE pulse_id=? AND voter=? AND statement_id=? AND seq < ?",
            (seq, pulse_id, voter, statement_id, seq),
        )
        return "unchanged"

    @staticmethod
    def _asked(db, pulse: tuple | None, pulse_id: int, user_id: str) -> tuple[str | None, str | None]:
        """(refusal, role) of a person's answer or comment to `pulse` (status, secret, …): 'bad' (no
        such pulse), 'closed' or 'not_invited', or None and the role they were asked in."""
        if pulse is None:
            return "bad", None
        if pulse[0] != "open" or not pulse[1]:
            return "closed", None
        delivery = db.execute(
            "SELECT role FROM deliveries WHERE pulse_id=? AND user_id=?", (pulse_id, user_id)
        ).fetchone()
        return ("not_invited", None) if delivery is None else (None, delivery[0])

    def answer_counts(self, pulse_ids: list[int]) -> list[dict]:
        """(pulse_id, statement_id, role, value, n): everything results need, nothing about people.
        Closed pulses come from their frozen counts (value and n None: a suppressed cell); an open
        pulse is counted live."""
        marks = ",".join("?" * len(pulse_ids))
        return self.rows(
            f"SELECT pulse_id, statement_id, role, nullif(value, {SUPPRESSED}) AS value, n FROM pulse_counts "
            f"WHERE pulse_id IN ({marks}) "
            f"UNION ALL SELECT a.pulse_id, a.statement_id, a.role, a.value, count(*) FROM answers a "
            f"JOIN pulses w ON w.id = a.pulse_id AND w.status = 'open' WHERE a.pulse_id IN ({marks}) "
            "GROUP BY a.pulse_id, a.statement_id, a.role, a.value ORDER BY 1, 2, 3, 4",
            (*pulse_ids, *pulse_ids),
        )

    def answers_of(self, pulse_id: int, user_id: str) -> dict[int, int] | None:
        """statement id -> value of this person's answers in an open pulse; None once it has closed
        (its secret is gone, so nothing links them any more)."""
        with self.lock:
            pulse = self.db.execute("SELECT secret FROM pulses WHERE id=? AND status='open'", (pulse_id,)).fetchone()
            if not pulse or not pulse[0]:
                return None
            return dict(
                self.db.execute(
                    "SELECT statement_id, value FROM answers WHERE pulse_id=? AND voter=?",
                    (pulse_id, _voter(pulse[0], user_id)),
                ).fetchall()
            )

    def asked(self, pulse_id: int) -> dict[str, int]:
        """People asked per role: frozen when the pulse closed, else counted."""
        pulse = self.one("SELECT asked FROM pulses WHERE id=?", (pulse_id,))
        if pulse and pulse["asked"]:
            return json.loads(pulse["asked"])
        return self._count_asked(pulse_id)

    def _count_asked(self, pulse_id: int) -> dict[str, int]:
        return self._per_role("count(*)", "deliveries", pulse_id)

    def respondents(self, pulse_id: int) -> dict[str, int]:
        pulse = self.one("SELECT respondents FROM pulses WHERE id=?", (pulse_id,))
        if pulse and pulse["respondents"]:
            return json.loads(pulse["respondents"])  # frozen when it closed
        return self._count_respondents(pulse_id)

    # ----- comments -----------------------------------------------------------------------
    def comment_question(self) -> str | None:
        """The question pulses opened from now on ask (None: the default one)."""
        row = self.one("SELECT value FROM meta WHERE key='comment_question'")
        return row["value"] if row else None

    def set_comment_question(self, text: str | None) -> None:
        """The question pulses opened from now on ask (None: the default one)."""
        with self.tx() as db:
            db.execute("DELETE FROM meta WHERE key='comment_question'")
            if text:
                db.execute("INSERT INTO meta (key, value) VALUES ('comment_question', ?)", (text,))

    def record_comment(self, pulse_id: int, user_id: str, text: str) -> str:
        """'recorded' (replacing this person's earlier comment), 'closed', 'not_invited' or 'bad'."""
        with self.tx() as db:
            pulse = db.execute("SELECT status, secret FROM pulses WHERE id=?", (pulse_id,)).fetchone()
            refused, role = self._asked(db, pulse, pulse_id, user_id)
            if refused or not text.strip():
                return refused or "bad"
            db.execute(
                "INSERT INTO comment_drafts (pulse_id, voter, role, text) VALUES (?,?,?,?) "
                "ON CONFLICT (pulse_id, voter) DO UPDATE SET text=excluded.text",
                (pulse_id, _voter(pulse[1], user_id), role, text),
            )
            return "recorded"

    def _freeze_comments(self, pulse_id: int) -> None:
        """Inside the close's transaction: a role's comments are kept only when it gave at least the
        pulse's `min_comments`, under random ids written in id order (no voter key, time or
        order of writing); the others are deleted and only their number kept. Drafts go."""
        db = self.db
        threshold = db.execute("SELECT min_comments FROM pulses WHERE id=?", (pulse_id,)).fetchone()[0]
        drafts = db.execute("SELECT role, text FROM comment_drafts WHERE pulse_id=?", (pulse_id,)).fetchall()
        given = Counter(role for role, _text in drafts)
        withheld = {role: n for role, n in given.items() if n < (threshold or self.min_comments)}
        taken = {r[0] for r in db.execute("SELECT id FROM comments").fetchall()}
        rows = []
        for role, text in drafts:
            if role not in withheld:
                ident = secrets.token_hex(3)
                while ident in taken:
                    ident = secrets.token_hex(3)
                taken.add(ident)
                rows.append((ident, pulse_id, role, text))
        db.conn.executemany("INSERT INTO comments (id, pulse_id, role, text) VALUES (?,?,?,?)", sorted(rows))
        db.execute("DELETE FROM comment_drafts WHERE pulse_id=?", (pulse_id,))
        db.execute("UPDATE pulses SET comments_withheld=? WHERE id=?", (json.dumps(withheld), pulse_id))

    def comments(self, pulse_id: int) -> list[dict]:
        """A closed pulse's kept comments (id, role, text, hidden), in id order: random."""
        return self.rows("SELECT id, role, text, hidden FROM comments WHERE pulse_id=? ORDER BY id", (pulse_id,))

    def hide_comment(self, ident: str) -> int | None:
        """Hide a comment for good; the pulse it was in, or None if there is no such shown comment."""
        with self.tx() as db:
            found = db.execute("SELECT pulse_id FROM comments WHERE id=? AND hidden=0", (ident,)).fetchone()
            if found:
                db.execute("UPDATE comments SET hidden=1 WHERE id=?", (ident,))
            return found[0] if found else None

    # ----- owned actions -------------------------------------------------------------------
    def add_action(
        self, pulse_id: int, statement_id: int, statement: str, owner: str, text: str, due: str, by: str
    ) -> dict:
        with self.tx() as db:
            cur = db.execute(
                "INSERT INTO owned_actions (pulse_id, statement_id, statement, owner, text, due, created_by,"
                " created_at, reminded) VALUES (?,?,?,?,?,?,?,?,0)",
                (pulse_id, statement_id, statement, owner, text, due, by, iso()),
            )
            ident = cur.lastrowid
        return self.action(ident)

    def action(self, ident: int) -> dict | None:
        return self.one("SELECT * FROM owned_actions WHERE id=?", (ident,))

    def actions(self, pulse_id: int | None = None) -> list[dict]:
        """Every owned action, or those owned on the gaps of `pulse_id`, oldest first."""
        if pulse_id is None:
            return self.rows("SELECT * FROM owned_actions ORDER BY id")
        return self.rows("SELECT * FROM owned_actions WHERE pulse_id=? ORDER BY id", (pulse_id,))

    def mark_action_done(self, ident: int) -> bool:
        with self.tx() as db:
            return (
                db.execute("UPDATE owned_actions SET done_at=? WHERE id=? AND done_at IS NULL", (iso(), ident)).rowcount
                == 1
            )

    def claim_reminders(self, due_by: str) -> list[dict]:
        """Open actions due on or before `due_by` (YYYY-MM-DD) not yet reminded, marked reminded in
        the same transaction: each reminder is claimed once, across restarts (at most once)."""
        with self.tx() as db:
            due = [
                dict(zip(("id", "owner", "text", "due", "statement"), r, strict=True))
                for r in db.execute(
                    "SELECT id, owner, text, due, statement FROM owned_actions "
                    "WHERE done_at IS NULL AND reminded=0 AND due<=? ORDER BY id",
                    (due_by,),
                ).fetchall()
            ]
            db.conn.executemany("UPDATE owned_actions SET reminded=1 WHERE id=?", [(a["id"],) for a in due])
            return due

    # ----- digests ------------------------------------------------------------------------
    def channel_language(self, channel: str) -> str | None:
        row = self.one("SELECT lang FROM channel_languages WHERE channel=?", (channel,))
        return row["lang"] if row else None

    def set_channel_language(self, channel: str, lang: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO channel_languages (channel, lang) VALUES (?,?) ON CONFLICT (channel) DO UPDATE SET lang=excluded.lang",
                (channel, lang),
            )

    def claim_digest(self, key: str, channel: str, pulse_id: int | None) -> bool:
        """Reserve a digest post; False if this key was already claimed (posted or under way)."""
        with self.tx() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO digest_posts (key, channel, pulse_id, state) VALUES (?,?,?,'posting')",
                (key, channel, pulse_id),
            )
            return cur.rowcount == 1

    def digests_to_resume(self) -> list[dict]:
        """Digest posts a crash or an outage left under way: still 'posting', or 'message' (posted, chart not yet)."""
        return self.rows("SELECT * FROM digest_posts WHERE state IN ('posting','message')")

    def finish_digest(self, key: str, state: str, ts: str | None = None) -> None:
        with self.tx() as db:
            db.execute("UPDATE digest_posts SET state=?, ts=?, posted_at=? WHERE key=?", (state, ts, iso(), key))
