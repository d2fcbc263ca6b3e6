"""The in-process tier: here `bot` and `start_bot` are the app built in the test process from a
Config (support.harness.InProcessBot), sent the same signed requests through bot.wsgi_app. Tests of
the process itself (start-up, crashes, restarts after SIGKILL, waitress, Socket Mode) live outside
tests/handlers/ and start `python bot.py`."""

from __future__ import annotations

import pytest


@pytest.fixture
def start_bot(start_app):
    return start_app


@pytest.fixture
def bot(start_app):
    return start_app()
