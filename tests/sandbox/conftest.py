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

from support.harness import ROOT, free_port


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

    def wait_idle(self, timeout: float = 120) -> dict:
        deadline = time.time() + timeout
        while (state := self.state())["busy"]:
            assert time.time() < deadline, "demo history did not finish"
            time.sleep(0.2)
        return state


def channel_text(state: dict, view: str = "channel") -> str:
    """Every text the persona sees in #cx-leads (or their DMs), joined."""
    out = []
    for m in state["messages"][view]:
        out.append(m.get("text") or "")
        for b in m.get("blocks") or []:
            out.append((b.get("text") or {}).get("text", ""))
            out += [e.get("text", "") for e in b.get("elements", []) if isinstance(e.get("text"), str)]
    return "\n".join(out)


@pytest.fixture
def start_sandbox(tmp_path):
    """Factory: start_sandbox(env=..., launcher=...) -> a running sandbox, started in tmp_path."""
    procs = []

    def start(env: dict | None = None, launcher: list[str] | None = None) -> Sandbox:
        port = free_port()
        full = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MIN_RESPONDENTS"))}
        full.update(
            {"PORT": str(port), "DATABASE_PATH": str(tmp_path / "pulsegap.db"), "PYTHONUNBUFFERED": "1", **(env or {})}
        )
        log = tmp_path / f"sandbox.{port}.log"
        with log.open("w") as out:  # the child keeps its own copy of the descriptor
            proc = subprocess.Popen(
                [*(launcher or [sys.executable]), str(ROOT / "bot.py")],
                cwd=tmp_path,
                env=full,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 30
        while True:
            assert proc.poll() is None, f"sandbox exited {proc.returncode}:\n{log.read_text()}"
            try:
                if requests.get(url + "/healthz", timeout=1).ok:
                    return Sandbox(url, port, log, proc)
            except requests.ConnectionError:
                pass
            assert time.time() < deadline, f"sandbox did not start:\n{log.read_text()}"
            time.sleep(0.1)

    yield start
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def sandbox(start_sandbox) -> Sandbox:
    return start_sandbox()
