"""What every benchmark shares: the report row, load generation, percentiles, a bare-Bolt baseline."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import requests

from support.harness import ROOT, SECRET, TRIGGERS, free_port, sign


@dataclass
class Row:
    bench: str
    measure: str
    ours: float
    baseline: float
    unit: str
    target: str
    ok: bool

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("nan")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


_signed_at: dict[str, int] = {}
_signed_lock = threading.Lock()


def fresh_timestamp(body: str) -> int:
    """Now, or later than any timestamp this body was signed with before: Slack signs every
    delivery afresh (its retries too), and the bot refuses a signature it has seen (a replay).
    A body sent again within the same second (a retry, or the next round) is signed a second on."""
    with _signed_lock:
        ts = _signed_at[body] = max(int(time.time()), _signed_at.get(body, 0) + 1)
    return ts


def fire(url: str, requests_: list[tuple[str, str, dict]], concurrency: int, deadline_s: float = 300) -> list[float]:
    """Send (body, content type, extra headers) with `concurrency` keep-alive sessions, each request
    signed when sent. Returns per-request latencies in ms; raises on any non-200.

    Like timeit, the load generator's garbage collector is off while it measures: this process
    also hosts the fake Slack and its records, and a collection pausing every client thread
    would be charged to whichever server happened to be measured."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    it = iter(requests_)
    stop_at = time.monotonic() + deadline_s

    def worker():
        session = requests.Session()
        while time.monotonic() < stop_at:
            with lock:
                item = next(it, None)
            if item is None:
                return
            body, ctype, extra = item
            headers = {"Content-Type": ctype, **sign(body, timestamp=fresh_timestamp(body)), **extra}
            t0 = time.perf_counter()
            r = session.post(url, data=body.encode(), headers=headers, timeout=30)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                latencies.append(ms)
                if r.status_code != 200:
                    failures.append(f"{r.status_code}")

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    collecting = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        if collecting:
            gc.enable()
    if failures:
        raise RuntimeError(f"{len(failures)} requests failed, e.g. {failures[:3]}")
    return latencies


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def quiesce(pids: list[int], timeout: float = 30) -> None:
    """Wait until these processes are idle (under 3% of a core for 0.3 s): work one server left
    behind (say, chat.update calls after a burst) must not run while the other is measured."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = sum(cpu_seconds(p) for p in pids)
        time.sleep(0.3)
        if sum(cpu_seconds(p) for p in pids) - before < 0.01:
            return


def abba(servers: dict[str, tuple[str, int]], loads: list[list], concurrency: int) -> dict[str, list[float]]:
    """Latencies per server, pooled over rounds: round r sends loads[r] to every server, the order
    reversed each round (A B, B A, ...) so drift in a shared machine's speed and whatever one
    run leaves behind fall on both alike. `servers`: name -> (url, pid)."""
    pooled: dict[str, list[float]] = {name: [] for name in servers}
    names = list(servers)
    for r, load in enumerate(loads):
        for name in names if r % 2 == 0 else names[::-1]:
            quiesce([pid for _url, pid in servers.values()])
            pooled[name] += fire(servers[name][0], load, concurrency)
    return pooled


def command_body(text: str, user: str = "UBENCH", response_url: str = "http://127.0.0.1:9/r") -> str:
    return urllib.parse.urlencode(
        {
            "command": "/gap",
            "text": text,
            "user_id": user,
            "channel_id": "C0BENCH",
            "team_id": "T0TEST",
            "api_app_id": "A0PULSE",
            "response_url": response_url,
            "trigger_id": f"{next(TRIGGERS)}.1",
        }
    )


LAUNCHER: list[str] = []  # e.g. ["taskset", "-c", "0"] while pinned


class pinned:
    """Within it, servers started with LAUNCHER get core 0 and this process (the load generator
    and the fake Slack) the other cores, so the client does not starve the server it measures.
    On one core, or without taskset, nothing is pinned."""

    def __enter__(self):
        self.before = os.sched_getaffinity(0)
        cores = sorted(self.before)
        if len(cores) >= 2 and shutil.which("taskset"):
            os.sched_setaffinity(0, set(cores[1:]))
            LAUNCHER[:] = ["taskset", "-c", str(cores[0])]
        return self

    def __exit__(self, *exc):
        os.sched_setaffinity(0, self.before)
        LAUNCHER[:] = []


class BareBolt:
    """The baseline: a bare slack-bolt app, served by waitress exactly like ours, that acks at once."""

    def __init__(self, api_url: str, token: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/slack/events"
        env = {
            **os.environ,
            "PORT": str(self.port),
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url,
            "SLACK_BOT_TOKEN": token,
        }
        self.proc = subprocess.Popen(
            [*LAUNCHER, sys.executable, "-m", "bench.bare_bolt"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("bare Bolt baseline did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def rss_peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
