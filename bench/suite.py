"""The six benchmarks of issue 7. Each returns Rows: our figure, a baseline measured in the same
run, the ratio, and the target. Everything runs against loopback only, bounded in count and time."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench import common
from bench.common import BareBolt, Row, abba, command_body, fire, pct, rss_peak_mb
from sandbox.slack_standin import SlackStandIn as FakeSlack
from support.harness import ROOT, Bot, block_texts, dms, run, vote_payload

ROUNDS = 4  # slash and vote bursts: rounds per server, in ABBA order (bench.common.abba)
QA = list(csv.DictReader(open(ROOT / "data" / "qa.csv", encoding="utf-8")))


def typo(text: str, rng: random.Random) -> str:
    """One random deletion, swap or doubling, like a hurried typist."""
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def questions(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    base = [q["question"] for q in QA]
    return [typo(base[i % len(base)], rng) if i % 3 == 2 else base[i % len(base)] for i in range(n)]


def crowd(prefix: str, people: int, light: bool = False) -> tuple[FakeSlack, list[str]]:
    """A fake Slack with an admin and `people` users, all in the user group SALL."""
    fake = FakeSlack().start()
    fake.light = light
    fake.add_user("UADMIN", admin=True)
    ids = [f"{prefix}{i:06d}" for i in range(people)]
    for u in ids:
        fake.add_user(u)
    fake.usergroups["SALL"] = ids
    return fake, ids


# 1 ----------------------------------------------------------------------------------------------
def slash(quick: bool, tmp: Path) -> list[Row]:
    with common.pinned():
        return _slash(quick, tmp)


def _slash(quick: bool, tmp: Path) -> list[Row]:
    n = 400 if quick else 2000
    fake = FakeSlack().start()
    bot = Bot(fake, tmp / "slash.db", launcher=common.LAUNCHER).start()
    bare = BareBolt(fake.api_url, fake.token)
    try:
        load = [(command_body(q), "application/x-www-form-urlencoded", {}) for q in questions(n)]
        fire(bot.url, load[:50], 8)  # warm-up
        fire(bare.url, load[:50], 8)
        got = abba({"bare": (bare.url, bare.proc.pid), "ours": (bot.url, bot.proc.pid)}, [load] * ROUNDS, 8)
        base, ours = got["bare"], got["ours"]
    finally:
        bare.stop()
        bot.stop()
        fake.stop()
    return [
        Row(
            "1 slash answers",
            f"p50 of {n} signed /gap questions, 8 at a time, ×{ROUNDS} rounds ABBA",
            pct(ours, 50),
            pct(base, 50),
            "ms",
            "report",
            True,
        ),
        Row(
            "1 slash answers",
            "p99",
            pct(ours, 99),
            pct(base, 99),
            "ms",
            "≤ 1.3× bare Bolt",
            pct(ours, 99) <= 1.3 * pct(base, 99),
        ),
    ]


# 2 ----------------------------------------------------------------------------------------------
def lookup(quick: bool, tmp: Path) -> list[Row]:
    from insights.commands import qa_accuracy
    from insights.doubt import held_out
    from insights.studies import load

    bm = load()
    qs = questions(2000 if quick else 10000, seed=2)
    for q in qs[:200]:
        bm.answer(q)
    times = []
    for q in qs:
        t0 = time.perf_counter()
        bm.answer(q)
        times.append((time.perf_counter() - t0) * 1000)
    # baseline: the plainest possible lookup, substring tests of every keyword
    keywords = [(m.id, k.lower().lstrip("=")) for m in bm.metrics.values() for k in m.keywords]
    base = []
    for q in qs:
        t0 = time.perf_counter()
        low = q.lower()
        _ = [mid for mid, k in keywords if k in low]
        base.append((time.perf_counter() - t0) * 1000)
    rows = [
        Row(
            "2 lookup",
            f"p99 of {len(qs)} questions understood (a third with typos)",
            pct(times, 99),
            pct(base, 99),
            "ms",
            "≤ 2 ms",
            pct(times, 99) <= 2,
        )
    ]
    for half, keep in (("tuning", False), ("held-out", True)):
        for cls, (right, n) in qa_accuracy(bm, [q for q in QA if held_out(q["question"]) == keep]).items():
            rows.append(
                Row(
                    "2 lookup",
                    f"qa.csv {half} {'fifth' if keep else 'four fifths'}, {cls}: right of {n}",
                    100 * right / n,
                    100.0,
                    "%",
                    "≥ 95%",
                    right / n >= 0.95,
                )
            )
    return rows


# 3 ----------------------------------------------------------------------------------------------
def fanout(quick: bool, tmp: Path) -> list[Row]:
    people, per_second = (1000, 200) if quick else (5000, 250)
    fake, ids = crowd("UF", people, light=True)
    bot = Bot(fake, tmp / "fanout.db").start()
    try:
        run(bot, fake, "roles agent <!subteam^SALL|@all>")
        fake.rate_limit["chat.postMessage"] = per_second
        t0 = time.monotonic()
        run(bot, fake, "poll now")
        deadline = t0 + 4 * people / per_second + 30
        while time.monotonic() < deadline and fake.message_count() < people:
            time.sleep(0.01)
        elapsed = time.monotonic() - t0
        time.sleep(1)
        per_user = [len(fake.messages.get("D" + u[1:], [])) for u in ids]
    finally:
        bot.stop()
        fake.stop()
    ideal = people / per_second
    exact = per_user.count(1) == people
    return [
        Row(
            "3 fan-out",
            f"seconds for {people} DMs at {per_second}/s allowed (baseline: {people}/{per_second})",
            elapsed,
            ideal,
            "s",
            "≤ 1.05×",
            elapsed <= 1.05 * ideal,
        ),
        Row("3 fan-out", "people DMed exactly once", per_user.count(1), people, "people", "all, none twice", exact),
    ]


# 4 ----------------------------------------------------------------------------------------------
def votes(quick: bool, tmp: Path) -> list[Row]:
    with common.pinned():
        return _votes(quick, tmp)


def _votes(quick: bool, tmp: Path) -> list[Row]:
    """ROUNDS bursts per server, each round on another statement of the DM, so every round's
    votes are new; 5% of clicks are sent twice, as Slack's retries."""
    people = 300 if quick else 1000
    fake, ids = crowd("UV", people)
    bot = Bot(fake, tmp / "votes.db", launcher=common.LAUNCHER).start()
    bare = BareBolt(fake.api_url, fake.token)
    rng = random.Random(4)
    try:
        run(bot, fake, "roles agent <!subteam^SALL|@all>")
        run(bot, fake, "poll now")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(fake.calls_to("chat.postMessage")) < people:
            time.sleep(0.05)
        loads, expected, sent = [], {}, dms(fake)
        for r in range(ROUNDS):
            load = []
            for u in ids:
                payload = vote_payload(fake, u, sent[u], r, rng.randrange(1, 6))
                _pulse, statement, value = map(int, payload["actions"][0]["value"].split(":"))
                expected[(statement, value)] = expected.get((statement, value), 0) + 1
                body = urllib.parse.urlencode({"payload": json.dumps(payload)})
                load.append((body, "application/x-www-form-urlencoded", {}))
                if rng.random() < 0.05:  # Slack retries 5%
                    load.append(
                        (
                            body,
                            "application/x-www-form-urlencoded",
                            {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
                        )
                    )
            rng.shuffle(load)
            loads.append(load)
        got = abba({"bare": (bare.url, bare.proc.pid), "ours": (bot.url, bot.proc.pid)}, loads, 32)
        base, ours = got["bare"], got["ours"]
        time.sleep(0.5)
        db = sqlite3.connect(bot.db_path)
        stored = {
            (s, v): n
            for s, v, n in db.execute("SELECT statement_id, value, count(*) FROM answers GROUP BY statement_id, value")
        }
        total = db.execute("SELECT count(*) FROM answers").fetchone()[0]
    finally:
        bare.stop()
        bot.stop()
        fake.stop()
    clicks = sum(len(load) for load in loads)
    return [
        Row(
            "4 vote burst",
            f"p99 ack of {clicks} clicks ({clicks - people * ROUNDS} retries), 32 at a time, {ROUNDS} bursts ABBA",
            pct(ours, 99),
            pct(base, 99),
            "ms",
            "≤ 2× bare Bolt",
            pct(ours, 99) <= 2 * pct(base, 99),
        ),
        Row(
            "4 vote burst",
            f"answers stored, {ROUNDS} statements × {people} people (lost or doubled = mismatch)",
            total,
            people * ROUNDS,
            "answers",
            "exactly one per click",
            total == people * ROUNDS and stored == expected,
        ),
    ]


# 5 ----------------------------------------------------------------------------------------------
def results(quick: bool, tmp: Path) -> list[Row]:
    from config import load_config
    from insights.stats import ROLES
    from services import results as results_service
    from services.runtime import Runtime, slack_client
    from storage import Store

    pulses, per_pulse, statements = (10, 10000, 10) if quick else (50, 20000, 10)
    path = tmp / "results.db"
    store = Store(str(path))
    store.seed_statements([(None, f"Statement {i}") for i in range(1, statements + 1)])
    for (sql,) in store.db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name='answers' AND sql IS NOT NULL"
    ).fetchall():
        store.db.execute(sql.replace("answers", "kept_answers"))  # the same table and covering index
    rng = random.Random(5)
    for w in range(pulses):
        people = per_pulse // statements
        pulse = store.open_pulse(
            store.statements(),
            [(f"U{i:06d}", "exec" if i % 4 == 0 else "agent") for i in range(people)],
            "2099-01-01T00:00:00+00:00",
            None,
            "bench",
            None,
        )
        answers = [
            (pulse["id"], f"{w}-{i}", s, "exec" if i % 4 == 0 else "agent", rng.choice((1, 2, 3, 4, 4, 5)))
            for i in range(people)
            for s in range(1, statements + 1)
        ]
        with store.tx() as db:
            insert = "INSERT INTO {} (pulse_id, voter, statement_id, role, value, seq) VALUES (?,?,?,?,?,NULL)"
            db.conn.executemany(insert.format("answers"), answers)
            # closing deletes a pulse's answers: the baseline's GROUP BY runs over a kept copy
            db.conn.executemany(insert.format("kept_answers"), answers)
        store.close_pulse(pulse["id"])
    cfg = load_config({"DATABASE_PATH": str(path), "MIN_RESPONDENTS": "5"})
    rt = Runtime(config=cfg, store=store, client=slack_client(None, cfg.api_url))
    last = pulses

    def ours():
        res = results_service.results(rt, last)
        return {
            (s.statement_id, r): (res.statements[i].roles[r].n, res.statements[i].roles[r].agree)
            for i, s in enumerate(res.statements)
            for r in ROLES
        }

    raw = sqlite3.connect(path)

    def baseline():
        rows = raw.execute(
            "SELECT statement_id, role, count(*), sum(value >= 4) FROM kept_answers WHERE pulse_id=? "
            "GROUP BY statement_id, role",
            (last,),
        ).fetchall()
        return {(s, r): (n, a) for s, r, n, a in rows}

    def timed(fn, k=30):
        fn()
        out = []
        for _ in range(k):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
        return out

    t_ours, t_base = timed(ours), timed(baseline)
    same = ours() == baseline()
    total = raw.execute("SELECT count(*) FROM kept_answers").fetchone()[0]
    return [
        Row(
            "5 results at scale",
            f"median ms for results of pulse {last} ({total:,} answers given)",
            pct(t_ours, 50),
            pct(t_base, 50),
            "ms",
            "≤ 1.5× a GROUP BY",
            pct(t_ours, 50) <= 1.5 * pct(t_base, 50),
        ),
        Row("5 results at scale", "identical counts to the GROUP BY", int(same), 1, "", "identical", same),
    ]


# 6 ----------------------------------------------------------------------------------------------
def memory(quick: bool, tmp: Path) -> list[Row]:
    people = 20000 if quick else 100000
    fake, ids = crowd("UM", people, light=True)
    bot = Bot(fake, tmp / "memory.db").start()
    try:
        idle = rss_peak_mb(bot.proc.pid)
        run(bot, fake, "roles agent <!subteam^SALL|@all>")
        run(bot, fake, "poll now")
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline and fake.message_count() < people:
            time.sleep(0.5)
        sent = fake.message_count()
        peak = rss_peak_mb(bot.proc.pid)
        status = block_texts(run(bot, fake, "poll status"))
    finally:
        bot.stop()
        fake.stop()
    return [
        Row(
            "6 memory",
            f"peak RSS MB, pulse for {people:,} people ({sent:,} DMs sent; baseline: the idle bot)",
            peak,
            idle,
            "MB",
            "≤ 150 MB",
            peak <= 150 and sent == people and f"0 of {people} answered" in status,
        )
    ]


ALL = {"slash": slash, "lookup": lookup, "fanout": fanout, "votes": votes, "results": results, "memory": memory}


def run_all(names: list[str], quick: bool) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for name in names:
            t0 = time.monotonic()
            out = ALL[name](quick, Path(d))
            rows += out
            for r in out:
                print(format_row(r), flush=True)
            print(f"   ({name}: {time.monotonic() - t0:.0f} s)", flush=True)
    return rows


def format_row(r: Row) -> str:
    return (
        f"{r.bench:<20} {r.measure:<78} ours {r.ours:>10.2f} {r.unit:<7} baseline {r.baseline:>10.2f}  "
        f"ratio {r.ratio:>6.2f}  target {r.target:<18} {'OK' if r.ok else 'MISSED'}"
    )
