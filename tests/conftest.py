from __future__ import annotations

import os
import sys

import pytest

from support.harness import AGENTS, EXECS, Bot, InProcessBot
from tests.fake_slack import FakeSlack


def pytest_configure(config):
    """The suite starts some 45 Python processes (bots, sandboxes, xdist's workers). Where the
    machine sets PYTHONDONTWRITEBYTECODE (CI's does), each of them would compile the project, and
    each worker rewrite every test module, from source: about 0.15 s of CPU a process. The suite
    keeps bytecode in the usual __pycache__ folders (ignored by git) instead: this runs in pytest's
    own process before it starts the workers, so they and every bot they start inherit it."""
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def pytest_collection_modifyitems(config, items):
    """Tests marked `waits` spend most of their time on a real clock (Slack's back-offs, the 10 s
    start-up retry, waitress's 5 s idle timeout, a browser): they go first, so the other workers'
    CPU-bound tests fill those waits, instead of the suite ending on one of them. A stable sort:
    every other test keeps its place (xdist hands out the same order to every worker)."""
    items.sort(key=lambda item: item.get_closest_marker("waits") is None)


@pytest.fixture
def fake():
    slack = FakeSlack().start()
    slack.add_user("UADMIN", "Ada Admin", admin=True)
    slack.add_user("UMEMBER", "Max Member")
    yield slack
    slack.stop()


def starter(kind, fake, tmp_path):
    """start(env=..., db_name=...) -> a started `kind` on a database in tmp_path; all stopped at the end."""
    bots = []

    def start(env: dict | None = None, db_name: str = "pulsegap.db"):
        bot = kind(fake, tmp_path / db_name, env).start()
        bots.append(bot)
        return bot

    return start, bots


@pytest.fixture
def start_bot(fake, tmp_path):
    """Factory: start_bot(env=...) -> a running `python bot.py` (Bot) on a fresh database in tmp_path."""
    start, bots = starter(Bot, fake, tmp_path)
    yield start
    for bot in bots:
        if bot.proc and bot.proc.poll() is None:
            bot.stop()


@pytest.fixture
def start_app(fake, tmp_path):
    """Factory: start_app(env=...) -> the same app built in this process (InProcessBot), driven
    through its WSGI callable: the in-process tier, for everything that is not the process itself."""
    start, bots = starter(InProcessBot, fake, tmp_path)
    yield start
    for bot in bots:
        if not bot.stopped:
            bot.stop()


@pytest.fixture
def bot(start_bot):
    return start_bot()


@pytest.fixture
def team(fake):
    for u in EXECS + AGENTS + ["UGROUPONLY"]:
        fake.add_user(u, u.title())
    fake.add_user("UBOT", "Some bot", bot=True)
    fake.usergroups["SAGENTS"] = ["UAGENT4", "UAGENT5", "UGROUPONLY"]
    return fake
