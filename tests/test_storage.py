"""storage.Store on an in-memory database: transactions, anonymity, frozen counts."""

from __future__ import annotations

import sqlite3

import pytest

from storage import StorageError, Store


@pytest.fixture
def store():
    s = Store(":memory:")
    s.seed_statements([("feedback_to_sales", "We act on feedback."), (None, "Own question.")])
    return s


def open_pulse(store, people=(("U1", "exec"), ("U2", "agent"), ("U3", "agent"))):
    return store.open_pulse(store.statements(), list(people), "2099-01-01T00:00:00+00:00", None, "now", "UADMIN")


def test_votes_latest_wins_and_old_clicks_lose(store):
    w = open_pulse(store)
    assert store.record_vote(w["id"], "U1", 1, 4, "100.000001") == "recorded"
    assert store.record_vote(w["id"], "U1", 1, 4, "100.000002") == "unchanged"  # double click
    assert store.record_vote(w["id"], "U1", 1, 2, "100.000003") == "recorded"  # change of mind
    assert store.record_vote(w["id"], "U1", 1, 5, "100.000002") == "unchanged"  # a late retry of an older click
    assert store.record_vote(w["id"], "U9", 1, 5, "100.1") == "not_invited"
    assert store.record_vote(w["id"], "U1", 99, 5, "100.1") == "bad"
    assert store.record_vote(w["id"], "U1", 1, 6, "100.1") == "bad"
    assert store.answer_counts([w["id"]]) == [{"pulse_id": 1, "statement_id": 1, "role": "exec", "value": 2, "n": 1}]


def test_closing_freezes_counts_suppresses_small_cells_and_deletes_the_answers():
    store = Store(":memory:", min_respondents=3)
    store.seed_statements([(None, "a"), (None, "b")])
    w = open_pulse(store, [("U1", "exec"), ("U2", "agent"), ("U3", "agent"), ("U4", "agent")])
    assert w["min_respondents"] == 3
    for user, value in (("U2", 5), ("U3", 5), ("U4", 4)):
        store.record_vote(w["id"], user, 1, value, "1.1")
    store.record_vote(w["id"], "U1", 1, 5, "1.1")
    store.record_vote(w["id"], "U2", 2, 1, "1.2")
    store.record_vote(w["id"], "U3", 2, 2, "1.2")
    assert store.close_pulse(w["id"]) and not store.close_pulse(w["id"])
    assert store.record_vote(w["id"], "U2", 1, 1, "1.3") == "closed"
    assert store.rows("SELECT secret FROM pulses") == [{"secret": None}]
    assert store.rows("SELECT count(*) AS n FROM answers") == [{"n": 0}]
    # agents on statement 1 (3 answers) keep their counts; every other cell, the empty ones
    # included, is one suppressed row with no value (0) and no count
    assert store.rows("SELECT statement_id, role, value, n FROM pulse_counts ORDER BY 1, 2, 3") == [
        {"statement_id": 1, "role": "agent", "value": 4, "n": 1},
        {"statement_id": 1, "role": "agent", "value": 5, "n": 2},
        {"statement_id": 1, "role": "exec", "value": 0, "n": None},
        {"statement_id": 2, "role": "agent", "value": 0, "n": None},
        {"statement_id": 2, "role": "exec", "value": 0, "n": None},
    ]
    assert store.respondents(w["id"]) == {"agent": 3, "exec": 1}  # who answered (deliveries knows it too)
    assert store.answer_counts([w["id"]])[0] == {"pulse_id": 1, "statement_id": 1, "role": "agent", "value": 4, "n": 1}


def test_who_was_asked_and_the_roster_change_are_frozen_at_close(store):
    first = open_pulse(store, [("U1", "exec"), ("U2", "agent"), ("U3", "agent")])
    store.close_pulse(first["id"])
    second = open_pulse(store, [("U1", "exec"), ("U2", "exec"), ("U4", "agent"), ("U5", "agent")])
    assert store.asked(second["id"]) == {"exec": 2, "agent": 2}  # open: counted
    store.close_pulse(second["id"])
    # U2 moved to the executives, U3 left, U4 and U5 joined: agents changed by 4, executives by 1
    expected = {"exec": 1, "agent": 4}
    assert store.roster_changes(first["id"], second["id"]) == expected
    assert store.one("SELECT asked, roster_changes FROM pulses WHERE id=?", (second["id"],)) == {
        "asked": '{"agent": 2, "exec": 2}',
        "roster_changes": '{"previous": 1, "changes": {"agent": 4, "exec": 1}}',
    }
    with store.tx() as db:  # closed pulses never change: what was frozen is what results read
        db.execute("DELETE FROM deliveries WHERE pulse_id=?", (second["id"],))
    assert store.asked(second["id"]) == {"exec": 2, "agent": 2}
    assert store.roster_changes(first["id"], second["id"]) == expected


def frozen_counts_page(tmp_path, name: str, exec_answers: list[int]) -> bytes:
    """The raw bytes of the frozen counts' page after a close where the agents' cell is shown and
    the executives' is suppressed (fewer than 3), holding `exec_answers`."""
    path = tmp_path / name
    store = Store(str(path), min_respondents=3)
    store.seed_statements([(None, "a")])
    people = [(f"UA{i}", "agent") for i in range(3)] + [(f"UE{i}", "exec") for i in range(3)]
    w = open_pulse(store, people)
    for i, value in enumerate([4, 5, 2]):
        store.record_vote(w["id"], f"UA{i}", 1, value, "1.1")
    for i, value in enumerate(exec_answers):
        store.record_vote(w["id"], f"UE{i}", 1, value, "1.1")
    store.close_pulse(w["id"])
    page_size, root = (
        store.db.execute("PRAGMA page_size").fetchone()[0],
        store.db.execute("SELECT rootpage FROM sqlite_master WHERE name='pulse_counts'").fetchone()[0],
    )
    store.db.conn.close()
    return path.read_bytes()[(root - 1) * page_size : root * page_size]


def test_a_suppressed_cell_leaves_no_trace_of_its_answers_in_the_file(tmp_path):
    """What a suppressed cell held (one or two people, Strongly disagree or not, alike or not) must
    not change a byte of the frozen counts: no rowid gap, no hole left by a deleted row."""
    pages = [
        frozen_counts_page(tmp_path, f"{i}.db", answers) for i, answers in enumerate(([], [3], [1], [5, 5], [1, 5]))
    ]
    assert all(page == pages[0] for page in pages[1:])
    assert (pages[0].count(b"agent"), pages[0].count(b"exec")) == (3, 1)  # the table: 3 values shown, 1 marker


def test_a_pulse_keeps_the_threshold_it_opened_with(tmp_path):
    path = str(tmp_path / "k.db")
    store = Store(path, min_respondents=5)
    store.seed_statements([(None, "a")])
    w = open_pulse(store, [(f"U{i}", "agent") for i in range(4)])
    for i in range(4):
        store.record_vote(w["id"], f"U{i}", 1, 4, "1.0")
    store.close_pulse(w["id"])
    lowered = Store(path, min_respondents=3)  # a restart with a lower MIN_RESPONDENTS
    assert lowered.pulse(w["id"])["min_respondents"] == 5
    assert lowered.answer_counts([w["id"]]) == [
        {"pulse_id": 1, "statement_id": 1, "role": "agent", "value": None, "n": None},
        {"pulse_id": 1, "statement_id": 1, "role": "exec", "value": None, "n": None},
    ]
    assert open_pulse(lowered, [("U1", "agent")])["min_respondents"] == 3


def test_the_files_hold_no_secret_or_voter_key_after_close(tmp_path):
    path = tmp_path / "f.db"
    store = Store(str(path))
    assert store.one("PRAGMA secure_delete") == {"secure_delete": 1}
    store.seed_statements([(None, "a"), (None, "b")])
    w = open_pulse(store, [(f"U{i}", "agent" if i % 3 else "exec") for i in range(12)])
    for i in range(12):
        for sid in (1, 2):
            store.record_vote(w["id"], f"U{i}", sid, 1 + i % 5, f"{i}.1")
            store.record_vote(w["id"], f"U{i}", sid, 1 + (i + sid) % 5, f"{i}.2")  # a change of mind
    secret = store.one("SELECT secret FROM pulses")["secret"]
    voters = {r["voter"] for r in store.rows("SELECT DISTINCT voter FROM answers")}
    assert len(voters) == 12
    assert secret.encode() in path.with_name("f.db-wal").read_bytes()  # what an attacker reads while open
    salt = wal_salt(path)
    assert store.close_pulse(w["id"])
    assert_nothing_left(path, [secret, *voters], salt)


def wal_salt(path) -> bytes:
    wal = path.with_name(path.name + "-wal").read_bytes()
    return wal[16:24]


def assert_nothing_left(path, needles, salt_before: bytes) -> None:
    """No needle in the database, -wal or -shm bytes, and no WAL frame from before (salt_before)."""
    for suffix in ("", "-wal", "-shm"):
        f = path.with_name(path.name + suffix)
        data = f.read_bytes() if f.exists() else b""
        for needle in needles:
            assert needle.encode() not in data, f"{needle[:12]}… found in {f.name}"
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0 or wal_salt(path) != salt_before


def test_a_checkpoint_blocked_by_a_reader_is_retried_also_after_a_restart(tmp_path):
    path = tmp_path / "r.db"
    store = Store(str(path))
    store.seed_statements([(None, "a")])
    w = open_pulse(store, [("U1", "agent")])
    store.record_vote(w["id"], "U1", 1, 4, "1.0")
    secret = store.one("SELECT secret FROM pulses")["secret"]
    salt = wal_salt(path)
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM pulses").fetchone()  # holds a snapshot from before the close
    assert store.close_pulse(w["id"])
    assert store.rows("SELECT key FROM meta WHERE key='wal_checkpoint_pending'") == [{"key": "wal_checkpoint_pending"}]
    assert wal_salt(path) == salt  # the WAL still has frames from before the close
    assert store.finish_erasure() is False
    restarted = Store(str(path))
    reader.execute("COMMIT")
    assert restarted.finish_erasure() is True  # what a tick does, after a restart too
    assert restarted.rows("SELECT key FROM meta WHERE key='wal_checkpoint_pending'") == []
    assert_nothing_left(path, [secret], salt)


def test_one_open_pulse_at_a_time_and_deliveries_page(store):
    people = [(f"U{i:03d}", "agent") for i in range(7)]
    w = open_pulse(store, people)
    assert open_pulse(store) is None
    first = store.deliveries(w["id"], ("pending",), limit=3)
    rest = store.deliveries(w["id"], ("pending",), after=first[-1]["user_id"])
    assert [d["user_id"] for d in first + rest] == [p for p, _ in people]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(StorageError, match="cannot be used as Pulsegap's database"):
        Store(str(bad))


def test_wal_mode_on_disk(tmp_path):
    Store(str(tmp_path / "p.db"))
    assert sqlite3.connect(tmp_path / "p.db").execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_concurrent_votes_share_commits_and_none_is_lost(tmp_path):
    import threading

    store = Store(str(tmp_path / "v.db"))
    store.seed_statements([(None, "a"), (None, "b")])
    people = [(f"U{i:03d}", "agent") for i in range(200)]
    w = open_pulse(store, people)
    results = []

    def vote(chunk):
        for i, (u, _r) in chunk:
            results.append(store.record_vote(w["id"], u, 1 + i % 2, 1 + i % 5, f"{i}.0"))

    threads = [threading.Thread(target=vote, args=(list(enumerate(people))[k::16],)) for k in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("recorded") == 200
    counts = {(r["statement_id"], r["value"]): r["n"] for r in store.answer_counts([w["id"]])}
    assert sum(counts.values()) == 200
    assert counts[(1, 1)] == 20 and counts[(2, 2)] == 20  # i % 10 == 0 -> (1, 1); i % 10 == 1 -> (2, 2)


def test_a_failed_group_commit_fails_each_of_its_votes_and_the_next_one_commits(tmp_path):
    import threading

    path = tmp_path / "v.db"
    store = Store(str(path))
    store.seed_statements([(None, "a")])
    people = [(f"U{i:02d}", "agent") for i in range(24)]
    w = open_pulse(store, people)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("ALTER TABLE answers RENAME TO answers_away")  # every INSERT now fails inside the commit
    outcomes = {}

    def vote(u):
        try:
            outcomes[u] = store.record_vote(w["id"], u, 1, 3, "1.0")
        except sqlite3.OperationalError as exc:
            outcomes[u] = str(exc)

    threads = [threading.Thread(target=vote, args=(u,)) for u, _r in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not any(t.is_alive() for t in threads)  # nobody waits for ever on a failed leader
    assert sorted(set(outcomes.values())) == ["no such table: answers"] and len(outcomes) == 24
    assert other.execute("SELECT count(*) FROM answers_away").fetchone() == (0,)
    other.execute("ALTER TABLE answers_away RENAME TO answers")
    assert store.record_vote(w["id"], "U00", 1, 3, "2.0") == "recorded"
    assert store.answer_counts([w["id"]]) == [{"pulse_id": 1, "statement_id": 1, "role": "agent", "value": 3, "n": 1}]


V1_TABLES = (  # what schema 1 (the first release) created, as sqlite-utils wrote it
    'CREATE TABLE "waves" ("id" INTEGER PRIMARY KEY, "status" TEXT NOT NULL, "opened_at" TEXT NOT NULL,'
    ' "closes_at" TEXT NOT NULL, "remind_at" TEXT, "reminded_at" TEXT, "closed_at" TEXT, "secret" TEXT,'
    ' "statements" TEXT NOT NULL, "trigger" TEXT, "started_by" TEXT)',
    'CREATE TABLE "deliveries" ("wave_id" INTEGER, "user_id" TEXT, "role" TEXT NOT NULL,'
    ' "state" TEXT NOT NULL DEFAULT \'pending\', "channel" TEXT, "ts" TEXT, "error" TEXT,'
    ' "responded" INTEGER DEFAULT 0, PRIMARY KEY ("wave_id", "user_id"))',
    'CREATE TABLE "answers" (wave_id INTEGER NOT NULL, voter TEXT NOT NULL, statement_id INTEGER NOT NULL,'
    " role TEXT NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5), seq TEXT,"
    " PRIMARY KEY (wave_id, voter, statement_id)) WITHOUT ROWID",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "INSERT INTO meta VALUES ('schema', '1')",
    "INSERT INTO waves (id, status, opened_at, closes_at, closed_at, statements) VALUES"
    " (1, 'closed', '2026-01-01', '2026-01-04', '2026-01-04', '[{\"id\": 1, \"metric\": null, \"text\": \"a\"}]')",
    "INSERT INTO deliveries (wave_id, user_id, role, state, responded) VALUES (1, 'U1', 'agent', 'sent', 1)",
    "INSERT INTO answers VALUES (1, 'voterkey-of-h1', 1, 'agent', 4, NULL), (1, 'voterkey-of-h2', 1, 'exec', 2, NULL)",
    # deleted without secure_delete: its bytes stay in the page's free space
    "INSERT INTO answers VALUES (1, 'voterkey-deleted', 1, 'agent', 1, NULL)",
    "DELETE FROM answers WHERE voter='voterkey-deleted'",
)
V2_CHANGES = (  # what schema 2 (the previous release) had besides: counts frozen at close, all of them
    "ALTER TABLE waves ADD COLUMN respondents TEXT",
    'UPDATE waves SET respondents=\'{"agent": 1, "exec": 1}\'',
    "CREATE TABLE wave_counts (wave_id INTEGER, statement_id INTEGER, role TEXT, value INTEGER, n INTEGER,"
    " PRIMARY KEY (wave_id, statement_id, role, value))",
    "INSERT INTO wave_counts VALUES (1, 1, 'agent', 4, 1), (1, 1, 'exec', 2, 1)",
    "UPDATE meta SET value='2' WHERE key='schema'",
)


@pytest.mark.parametrize("schema", [1, 2])
def test_an_earlier_database_is_upgraded_in_place_and_wiped_of_closed_answers(tmp_path, schema):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path, isolation_level=None)  # each statement its own commit
    old.execute("PRAGMA journal_mode=WAL")
    old.execute("PRAGMA secure_delete=OFF")  # as SQLite is often built (not this Python's, which zeroes)
    for sql in V1_TABLES + (V2_CHANGES if schema == 2 else ()):
        old.execute(sql)
    old.close()  # checkpoints: everything is in the main file now
    assert b"voterkey-deleted" in path.read_bytes()
    store = Store(str(path), min_respondents=3)
    assert store.pulse(1)["min_respondents"] == 5  # unknown before: the larger of 5 and MIN_RESPONDENTS
    assert store.respondents(1) == {"agent": 1, "exec": 1}
    assert store.answer_counts([1]) == [  # one answer each: suppressed, no figure left
        {"pulse_id": 1, "statement_id": 1, "role": "agent", "value": None, "n": None},
        {"pulse_id": 1, "statement_id": 1, "role": "exec", "value": None, "n": None},
    ]
    assert store.rows("SELECT count(*) AS n FROM answers") == [{"n": 0}]
    for suffix in ("", "-wal", "-shm"):
        f = path.with_name("old.db" + suffix)
        assert b"voterkey" not in (f.read_bytes() if f.exists() else b""), f.name
    store.seed_statements([(None, "a")])
    w = open_pulse(store, [("U1", "agent")])
    store.mark_sending(w["id"], ["U1"])
    store.record_outcomes(w["id"], [("U1", "sent", "D1", "1.0", None)])
    assert [(d["state"], d["attempts"], d["reminded"]) for d in store.deliveries(w["id"])] == [("sent", 1, 0)]
    assert [d["user_id"] for d in store.to_remind(w["id"])] == ["U1"]
    assert sqlite3.connect(path).execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("5",)
    assert_pulse_names(path)
    assert [(d["user_id"], d["state"], d["responded"]) for d in store.deliveries(1)] == [("U1", "sent", 1)]


def assert_pulse_names(path):
    """Schema 4's names only: no table, column or index still says wave (SQLite renamed them in place)."""
    db = sqlite3.connect(path)
    names = {
        name: sql for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    }
    assert {"pulses", "pulse_counts", "deliveries", "answers", "digest_posts"} <= set(names)
    assert [name for name, sql in names.items() if "wave" in name + (sql or "")] == []
    for table in ("deliveries", "answers", "pulse_counts", "digest_posts"):
        assert "pulse_id" in [r[1] for r in db.execute(f"PRAGMA table_info({table})")], table
    assert "idx_deliveries_pulse_id_state" in names


V3_TABLES = (  # what schema 3 (the release before the rename) created, with a closed and an open wave
    'CREATE TABLE "meta" ("key" TEXT PRIMARY KEY, "value" TEXT)',
    "INSERT INTO meta VALUES ('schema', '3')",
    'CREATE TABLE "roles" ("id" TEXT PRIMARY KEY, "kind" TEXT NOT NULL, "role" TEXT NOT NULL, "name" TEXT,'
    ' "added_by" TEXT, "added_at" TEXT)',
    'CREATE TABLE "statements" ("id" INTEGER PRIMARY KEY, "metric" TEXT, "text" TEXT NOT NULL, "position" INTEGER,'
    ' "active" INTEGER DEFAULT 1, "created_at" TEXT)',
    'CREATE TABLE "waves" ("id" INTEGER PRIMARY KEY, "status" TEXT NOT NULL, "opened_at" TEXT NOT NULL,'
    ' "closes_at" TEXT NOT NULL, "remind_at" TEXT, "closed_at" TEXT, "secret" TEXT, "statements" TEXT NOT NULL,'
    ' "trigger" TEXT, "started_by" TEXT, respondents TEXT, min_respondents INTEGER, asked TEXT, roster_changes TEXT)',
    'CREATE TABLE "deliveries" ("wave_id" INTEGER, "user_id" TEXT, "role" TEXT NOT NULL,'
    ' "state" TEXT NOT NULL DEFAULT \'pending\', "channel" TEXT, "ts" TEXT, "error" TEXT,'
    ' "responded" INTEGER DEFAULT 0, "reminded" INTEGER DEFAULT 0, "attempts" INTEGER DEFAULT 0,'
    ' attempted_at TEXT, closed_shown INTEGER DEFAULT 0, PRIMARY KEY ("wave_id", "user_id"))',
    'CREATE INDEX "idx_deliveries_wave_id_state" ON "deliveries" ("wave_id", "state")',
    "CREATE TABLE answers (wave_id INTEGER NOT NULL, voter TEXT NOT NULL, statement_id INTEGER NOT NULL,"
    " role TEXT NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5), seq TEXT,"
    " PRIMARY KEY (wave_id, voter, statement_id)) WITHOUT ROWID",
    "CREATE INDEX answers_counts ON answers (wave_id, statement_id, role, value)",
    'CREATE TABLE "wave_counts" (wave_id INTEGER NOT NULL, statement_id INTEGER NOT NULL, role TEXT NOT NULL,'
    " value INTEGER NOT NULL, n INTEGER, PRIMARY KEY (wave_id, statement_id, role, value)) WITHOUT ROWID",
    "CREATE INDEX deliveries_to_close ON deliveries (wave_id) WHERE state='sent' AND closed_shown=0",
    'CREATE TABLE "digest_posts" ("key" TEXT PRIMARY KEY, "channel" TEXT, "wave_id" INTEGER, "state" TEXT,'
    ' "ts" TEXT, "posted_at" TEXT)',
    "INSERT INTO statements VALUES (1, NULL, 'a', 1, 1, '2026-01-01')",
    "INSERT INTO waves VALUES (1, 'closed', '2026-01-01', '2026-01-04', NULL, '2026-01-04', NULL,"
    ' \'[{"id": 1, "metric": null, "text": "a"}]\', \'now\', \'UADMIN\', \'{"agent": 6, "exec": 5}\', 5,'
    ' \'{"agent": 7, "exec": 5}\', NULL)',
    "INSERT INTO waves VALUES (2, 'open', '2026-02-01', '2099-01-01', NULL, NULL, 'secret-2',"
    ' \'[{"id": 1, "metric": null, "text": "a"}]\', \'now\', \'UADMIN\', NULL, 5, NULL, NULL)',
    "INSERT INTO wave_counts VALUES (1, 1, 'agent', 2, 2), (1, 1, 'agent', 4, 4), (1, 1, 'exec', 5, 5)",
    "INSERT INTO deliveries VALUES (1, 'U1', 'agent', 'sent', 'D1', '1.0', NULL, 1, 0, 1, NULL, 1),"
    " (2, 'U1', 'agent', 'sent', 'D1', '2.0', NULL, 0, 1, 1, NULL, 0), (2, 'U2', 'exec', 'failed', NULL, NULL,"
    " 'user_not_found', 0, 0, 3, NULL, 0)",
    "INSERT INTO answers VALUES (2, 'voterkey-of-h3', 1, 'exec', 4, '3.0')",
    "INSERT INTO digest_posts VALUES ('job:C1:1', 'C1', 1, 'posted', '9.0', '2026-01-05')",
)


def test_a_schema_3_database_gets_the_pulse_names_with_its_counts_and_deliveries_intact(tmp_path):
    path = tmp_path / "v3.db"
    with sqlite3.connect(path) as old:
        for sql in V3_TABLES:
            old.execute(sql)
    deliveries = sqlite3.connect(path).execute("SELECT * FROM deliveries ORDER BY 1, 2").fetchall()
    store = Store(str(path))
    assert sqlite3.connect(path).execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("5",)
    assert_pulse_names(path)
    assert store.answer_counts([1]) == [
        {"pulse_id": 1, "statement_id": 1, "role": "agent", "value": 2, "n": 2},
        {"pulse_id": 1, "statement_id": 1, "role": "agent", "value": 4, "n": 4},
        {"pulse_id": 1, "statement_id": 1, "role": "exec", "value": 5, "n": 5},
    ]
    assert store.respondents(1) == {"agent": 6, "exec": 5}
    assert [p["id"] for p in store.closed_pulses()] == [1] and store.open_pulse_row()["id"] == 2
    assert sqlite3.connect(path).execute("SELECT * FROM deliveries ORDER BY 1, 2").fetchall() == deliveries
    assert store.pulses_to_show_closed() == [] and [d["user_id"] for d in store.to_remind(2)] == []
    assert store.record_vote(2, "U1", 1, 2, "4.0") == "recorded"  # the open pulse goes on under its new name
    assert store.rows("SELECT pulse_id, role, value FROM answers ORDER BY role") == [
        {"pulse_id": 2, "role": "agent", "value": 2},
        {"pulse_id": 2, "role": "exec", "value": 4},
    ]
    assert store.rows("SELECT key, pulse_id, state FROM digest_posts") == [
        {"key": "job:C1:1", "pulse_id": 1, "state": "posted"}
    ]


def test_a_database_from_a_newer_release_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema', '99')")
    with pytest.raises(StorageError, match="was written by a newer Pulsegap \\(schema 99\\)"):
        Store(str(path))
    tables = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["meta"]
