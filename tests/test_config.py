"""Configuration: every bad setting is one clear line naming the variable."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest

from config import ConfigError, load_config
from support.harness import ROOT

BASE = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "DATABASE_PATH": ":memory:"}


def test_defaults_and_modes():
    cfg = load_config(BASE)
    assert (cfg.mode, cfg.port, cfg.slash_command, cfg.api_url, cfg.min_respondents) == (
        "http",
        3000,
        "/gap",
        "https://slack.com/api/",
        5,
    )
    assert cfg.poll_duration == timedelta(days=3) and cfg.reminder_fraction == 0.5
    assert load_config({**BASE, "SLACK_APP_TOKEN": "xapp-1"}).mode == "socket"
    assert load_config({"DATABASE_PATH": ":memory:"}).mode == "sandbox"
    assert load_config({**BASE, "SLACK_API_URL": "http://127.0.0.1:9/api"}).api_url == "http://127.0.0.1:9/api/"
    assert load_config({**BASE, "POLL_DURATION": "90m", "ADMIN_USER_IDS": "U1AB, W2CD"}).admin_user_ids == {
        "U1AB",
        "W2CD",
    }


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN is missing"),
        ({"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_APP_TOKEN (Socket Mode) also needs SLACK_BOT_TOKEN"),
        ({**BASE, "SLACK_BOT_TOKEN": "abc"}, "SLACK_BOT_TOKEN must be a bot token"),
        ({**BASE, "SLACK_APP_TOKEN": "xoxb-2"}, "SLACK_APP_TOKEN must be an app-level token"),
        ({**BASE, "PORT": "http"}, "PORT must be a whole number"),
        ({**BASE, "PORT": "70000"}, "PORT must be between 1 and 65535"),
        ({**BASE, "SLACK_API_URL": "slack.com"}, "SLACK_API_URL must be an http(s) URL"),
        ({**BASE, "SLASH_COMMAND": "gap"}, "SLASH_COMMAND must look like /gap"),
        ({**BASE, "MIN_RESPONDENTS": "0"}, "MIN_RESPONDENTS must be at least 3 (got 0)"),
        ({**BASE, "POLL_DURATION": "soon"}, "POLL_DURATION must look like 3d"),
        ({**BASE, "POLL_REMINDER": "2"}, "POLL_REMINDER must be at least 0 and less than 1"),
        ({**BASE, "ADMIN_USER_IDS": "bob"}, "ADMIN_USER_IDS must be Slack user ids"),
        ({**BASE, "DATABASE_PATH": "/no/such/dir/x.db"}, "DATABASE_PATH directory does not exist"),
    ],
)
def test_bad_settings_name_the_variable(env, message):
    with pytest.raises(ConfigError, match=None) as exc:
        load_config(env)
    assert message in str(exc.value)


def test_the_bot_prints_one_line_not_a_traceback(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "SLACK_BOT_TOKEN": "xoxb-1",
        "PORT": "nope",
        "DATABASE_PATH": str(tmp_path / "x.db"),
    }
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bot.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "pulsegap: SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (HTTP mode)"
    ]
