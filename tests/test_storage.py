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


def open_wave(store, people=(("U1", "exec"), ("U2", "agent"), ("U3", "agent"))):
    return store.open_wave(store.statements(), list(people), "2099-01-01T00:00:00+00:00", None, "now", "UADMIN")


def test_votes_latest_wins_and_old_clicks_lose(store):
    w = open_wave(store)
    assert store.record_vote(w["id"], "U1", 1, 4, "100.000001") == "recorded"
    assert store.record_vote(w["id"], "U1", 1, 4, "100.000002") == "unchanged"  # double click
    assert store.record_vote(w["id"], "U1", 1, 2, "100.000003") == "recorded"  # change of mind
    assert store.record_vote(w["id"], "U1", 1, 5, "100.000002") == "unchanged"  # a late retry of an older click
    assert store.record_vote(w["id"], "U9", 1, 5, "100.1") == "not_invited"
    assert store.record_vote(w["id"], "U1", 99, 5, "100.1") == "bad"
    assert store.record_vote(w["id"], "U1", 1, 6, "100.1") == "bad"
    assert store.answer_counts([w["id"]]) == [{"wave_id": 1, "statement_id": 1, "role": "exec", "value": 2, "n": 1}]


def test_closing_erases_the_link_and_freezes_counts(store):
    w = open_wave(store)
    store.record_vote(w["id"], "U2", 1, 5, "1.1")
    store.record_vote(w["id"], "U3", 1, 5, "1.2")
    assert store.close_wave(w["id"]) and not store.close_wave(w["id"])
    assert store.record_vote(w["id"], "U2", 1, 1, "1.3") == "closed"
    assert store.rows("SELECT secret FROM waves") == [{"secret": None}]
    assert store.rows("SELECT seq FROM answers") == [{"seq": None}, {"seq": None}]
    assert store.rows("SELECT * FROM wave_counts") == [
        {"wave_id": 1, "statement_id": 1, "role": "agent", "value": 5, "n": 2}]
    assert store.respondents(w["id"]) == {"agent": 2}
    assert store.answer_counts([w["id"]]) == [{"wave_id": 1, "statement_id": 1, "role": "agent", "value": 5, "n": 2}]


def test_one_open_wave_at_a_time_and_deliveries_page(store):
    people = [(f"U{i:03d}", "agent") for i in range(7)]
    w = open_wave(store, people)
    assert open_wave(store) is None
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
    w = open_wave(store, people)
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
    w = open_wave(store, people)
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
    assert store.answer_counts([w["id"]]) == [{"wave_id": 1, "statement_id": 1, "role": "agent", "value": 3, "n": 1}]


V1_TABLES = (  # what schema 1 (the first release) created, as sqlite-utils wrote it
    'CREATE TABLE "waves" ("id" INTEGER PRIMARY KEY, "status" TEXT NOT NULL, "opened_at" TEXT NOT NULL,'
    ' "closes_at" TEXT NOT NULL, "remind_at" TEXT, "reminded_at" TEXT, "closed_at" TEXT, "secret" TEXT,'
    ' "statements" TEXT NOT NULL, "trigger" TEXT, "started_by" TEXT)',
    'CREATE TABLE "deliveries" ("wave_id" INTEGER, "user_id" TEXT, "role" TEXT NOT NULL,'
    ' "state" TEXT NOT NULL DEFAULT \'pending\', "channel" TEXT, "ts" TEXT, "error" TEXT,'
    ' "responded" INTEGER DEFAULT 0, PRIMARY KEY ("wave_id", "user_id"))',
    'CREATE TABLE "answers" (wave_id INTEGER NOT NULL, voter TEXT NOT NULL, statement_id INTEGER NOT NULL,'
    ' role TEXT NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5), seq TEXT,'
    ' PRIMARY KEY (wave_id, voter, statement_id)) WITHOUT ROWID',
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "INSERT INTO meta VALUES ('schema', '1')",
    "INSERT INTO waves (id, status, opened_at, closes_at, closed_at, statements) VALUES"
    " (1, 'closed', '2026-01-01', '2026-01-04', '2026-01-04', '[{\"id\": 1, \"metric\": null, \"text\": \"a\"}]')",
    "INSERT INTO deliveries (wave_id, user_id, role, state, responded) VALUES (1, 'U1', 'agent', 'sent', 1)",
    "INSERT INTO answers VALUES (1, 'h1', 1, 'agent', 4, NULL), (1, 'h2', 1, 'exec', 2, NULL)",
)


def test_a_schema_1_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as v1:
        for sql in V1_TABLES:
            v1.execute(sql)
    store = Store(str(path))
    assert store.respondents(1) == {"agent": 1, "exec": 1}  # the old closed wave, frozen on upgrade
    assert store.answer_counts([1]) == [
        {"wave_id": 1, "statement_id": 1, "role": "agent", "value": 4, "n": 1},
        {"wave_id": 1, "statement_id": 1, "role": "exec", "value": 2, "n": 1}]
    store.seed_statements([(None, "a")])
    w = open_wave(store, [("U1", "agent")])
    store.mark_sending(w["id"], ["U1"])
    store.record_outcomes(w["id"], [("U1", "sent", "D1", "1.0", None)])
    assert [(d["state"], d["attempts"], d["reminded"]) for d in store.deliveries(w["id"])] == [("sent", 1, 0)]
    assert [d["user_id"] for d in store.to_remind(w["id"])] == ["U1"]
    assert sqlite3.connect(path).execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("3",)


def test_a_database_from_a_newer_release_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema', '99')")
    with pytest.raises(StorageError, match="was written by a newer Pulsegap \\(schema 99\\)"):
        Store(str(path))
    tables = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["meta"]
