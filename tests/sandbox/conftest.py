"""`python bot.py` with no tokens at all: the local sandbox, as a newcomer starts it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from support.harness import ROOT, free_port, terminate


@dataclass
class Sandbox:
    url: str
    port: int
    log: Path
    proc: subprocess.Popen

    def api(self, path: str, **body) -> requests.Response:
        return requests.post(f"{self.url}/sandbox/api/{path}", json={"persona": "UADMIN", **body}, timeout=120)

    def state(self, persona: str = "UADMIN") -> dict:
        return requests.get(f"{self.url}/sandbox/api/state", params={"persona": persona}, timeout=10).json()

    def since(self, before: dict, persona: str = "UADMIN", view: str = "channel") -> list[dict]:
        """The messages `persona` sees in `view` that were not in `before` (a state read earlier):
        for a sandbox that several tests share."""
        return self.state(persona)["messages"][view][len(before["messages"][view]) :]

    def stop(self) -> None:
        terminate(self.proc)

    def wait_idle(self, timeout: float = 120) -> dict:
        deadline = time.time() + timeout
        while (state := self.state())["busy"]:
            assert time.time() < deadline, "demo history did not finish"
            time.sleep(0.2)
        return state


def channel_text(state: dict | list[dict], view: str = "channel") -> str:
    """Every text the persona sees in #cx-leads (or their DMs), joined; or of these messages."""
    out = []
    for m in state if isinstance(state, list) else state["messages"][view]:
        out.append(m.get("text") or "")
        for b in m.get("blocks") or []:
            out.append((b.get("text") or {}).get("text", ""))
            out += [e.get("text", "") for e in b.get("elements", []) if isinstance(e.get("text"), str)]
    return "\n".join(out)


def launch(folder: Path, env: dict | None = None, launcher: list[str] | None = None) -> Sandbox:
    """`python bot.py` with no tokens, started in `folder`; returns once it serves."""
    port = free_port()
    full = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MIN_RESPONDENTS"))}
    full.update(
        {"PORT": str(port), "DATABASE_PATH": str(folder / "pulsegap.db"), "PYTHONUNBUFFERED": "1", **(env or {})}
    )
    log = folder / f"sandbox.{port}.log"
    with log.open("w") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(
            [*(launcher or [sys.executable]), str(ROOT / "bot.py")],
            cwd=folder,
            env=full,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    url = f"http://127.0.0.1:{port}"
    sandbox = Sandbox(url, port, log, proc)
    deadline = time.time() + 30
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"sandbox exited {proc.returncode}:\n{log.read_text()}")
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return sandbox
        except requests.ConnectionError:
            pass
        if time.time() > deadline:
            sandbox.stop()
            raise AssertionError(f"sandbox did not start:\n{log.read_text()}")
        time.sleep(0.05)


@pytest.fixture
def start_sandbox(tmp_path):
    """Factory: start_sandbox(env=..., launcher=...) -> a running sandbox, started in tmp_path."""
    started = []

    def start(env: dict | None = None, launcher: list[str] | None = None) -> Sandbox:
        started.append(launch(tmp_path, env, launcher))
        return started[-1]

    yield start
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sandbox(start_sandbox) -> Sandbox:
    return start_sandbox()


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """One sandbox with demo history loaded (three pulses: ~8 s of CPU), for every test that reads
    it (over HTTP and in the browser), each reading only what it caused; they are marked
    xdist_group("demo"), so they run on one worker and it loads once."""
    sandbox = launch(tmp_path_factory.mktemp("demo"))
    assert sandbox.api("demo").json()["ok"]
    yield sandbox
    sandbox.stop()


@pytest.fixture(scope="session")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="session")
def browser(tmp_path_factory, downloads):
    """One headless Chromium per test worker that runs a browser test, started by the first (a start
    costs about a second of CPU); each test opens its own
    sandbox, on its own port: another origin, so nothing of the page carries over."""
    from tests.sandbox.browsing import chromium  # selenium: only where a browser test runs

    driver = chromium(tmp_path_factory.mktemp("chrome"), downloads)
    yield driver
    driver.quit()
