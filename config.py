"""Configuration from the environment (and .env, loaded by bot.py). One clear error per problem."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from i18n import LANGUAGES

DEFAULT_API_URL = "https://slack.com/api/"


class ConfigError(Exception):
    """A setting is missing, malformed or contradicts another one. The message names it."""


@dataclass(frozen=True)
class Config:
    bot_token: str | None = None
    signing_secret: str | None = None
    app_token: str | None = None
    api_url: str = DEFAULT_API_URL
    slash_command: str = "/gap"
    database_path: str = "pulsegap.db"
    port: int = 3000
    admin_user_ids: frozenset[str] = field(default_factory=frozenset)
    min_respondents: int = 5
    min_comments: int = 5
    poll_duration: timedelta = timedelta(days=3)
    reminder_fraction: float = 0.5
    log_level: str = "INFO"
    tick_seconds: float = 15.0
    slack_timeout: int = 15
    default_language: str = "en"

    @property
    def mode(self) -> str:
        """ "socket" (SLACK_APP_TOKEN), "http" (bot token + signing secret) or "sandbox" (neither)."""
        if self.app_token:
            return "socket"
        if self.bot_token:
            return "http"
        return "sandbox"


def _duration(name: str, raw: str) -> timedelta:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([dhms]?)\s*", raw.lower())
    if not m:
        raise ConfigError(f"{name} must look like 3d, 72h, 90m or 30s (got {raw!r})")
    value, unit = float(m.group(1)), m.group(2) or "d"
    seconds = value * {"d": 86400, "h": 3600, "m": 60, "s": 1}[unit]
    if seconds <= 0:
        raise ConfigError(f"{name} must be longer than zero")
    return timedelta(seconds=seconds)


def _int(name: str, raw: str, low: int, high: int) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number (got {raw!r})") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high} (got {value})")
    return value


def load_config(env: dict | None = None) -> Config:
    env = dict(os.environ if env is None else env)

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    bot_token, secret, app_token = get("SLACK_BOT_TOKEN"), get("SLACK_SIGNING_SECRET"), get("SLACK_APP_TOKEN")
    if bot_token and not bot_token.startswith(("xoxb-", "xoxp-")):
        raise ConfigError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
    if app_token and not app_token.startswith("xapp-"):
        raise ConfigError("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
    if app_token and not bot_token:
        raise ConfigError("SLACK_APP_TOKEN (Socket Mode) also needs SLACK_BOT_TOKEN")
    if bot_token and not app_token and not secret:
        raise ConfigError("SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (HTTP mode)")
    if secret and not bot_token:
        raise ConfigError("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing")

    api_url = get("SLACK_API_URL") or DEFAULT_API_URL
    if not re.match(r"^https?://[^/\s]+", api_url):
        raise ConfigError(f"SLACK_API_URL must be an http(s) URL (got {api_url!r})")
    if not api_url.endswith("/"):
        api_url += "/"

    command = get("SLASH_COMMAND") or "/gap"
    if not re.fullmatch(r"/[a-z0-9_\-]{1,31}", command):
        raise ConfigError(f"SLASH_COMMAND must look like /gap (got {command!r})")

    db_path = get("DATABASE_PATH") or "pulsegap.db"
    if db_path != ":memory:":
        parent = Path(db_path).expanduser().resolve().parent
        if not parent.is_dir():
            raise ConfigError(f"DATABASE_PATH directory does not exist: {parent}")
        if Path(db_path).is_dir():
            raise ConfigError(f"DATABASE_PATH points at a directory, not a file: {db_path}")

    admins = frozenset(a.strip() for a in (get("ADMIN_USER_IDS") or "").split(",") if a.strip())
    bad = [a for a in admins if not re.fullmatch(r"[UW][A-Z0-9]{2,}", a)]
    if bad:
        raise ConfigError(f"ADMIN_USER_IDS must be Slack user ids like U0123ABC (got {bad[0]!r})")

    try:
        fraction = float(get("POLL_REMINDER") or "0.5")
    except ValueError:
        raise ConfigError("POLL_REMINDER must be a fraction of the poll duration, 0 to turn it off") from None
    if not 0 <= fraction < 1:
        raise ConfigError("POLL_REMINDER must be at least 0 and less than 1 (0.5 = halfway; 0 = off)")

    min_respondents = _int("MIN_RESPONDENTS", get("MIN_RESPONDENTS") or "5", 0, 1000)
    if min_respondents < 3:
        raise ConfigError(
            f"MIN_RESPONDENTS must be at least 3 (got {min_respondents}): with fewer, "
            "a result could show one or two people's answers"
        )

    min_comments = _int("MIN_COMMENTS", get("MIN_COMMENTS") or str(max(5, min_respondents)), 0, 1000)
    if min_comments < min_respondents:
        raise ConfigError(
            f"MIN_COMMENTS must be at least MIN_RESPONDENTS ({min_respondents}; got {min_comments}): "
            "fewer comments than answers would be shown for a group too small to show a figure"
        )
    language = (get("DEFAULT_LANGUAGE") or "en").strip().lower()
    if language not in LANGUAGES:
        raise ConfigError(f"DEFAULT_LANGUAGE must be one of {', '.join(LANGUAGES)} (got {language!r})")

    level = (get("LOG_LEVEL") or "INFO").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError("LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR")

    return Config(
        bot_token=bot_token,
        signing_secret=secret,
        app_token=app_token,
        api_url=api_url,
        slash_command=command,
        database_path=db_path,
        port=_int("PORT", get("PORT") or "3000", 1, 65535),
        admin_user_ids=admins,
        min_respondents=min_respondents,
        min_comments=min_comments,
        poll_duration=_duration("POLL_DURATION", get("POLL_DURATION") or "3d"),
        reminder_fraction=fraction,
        log_level=level,
        tick_seconds=_int("TICK_SECONDS", get("TICK_SECONDS") or "15", 1, 3600),
        slack_timeout=_int("SLACK_TIMEOUT", get("SLACK_TIMEOUT") or "15", 1, 300),
        default_language=language,
    )
