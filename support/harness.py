"""Start `python bot.py` for real and talk to it as Slack does: signed HTTP requests."""

from __future__ import annotations

import gc
import hashlib
import hmac
import io
import itertools
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import requests

from render.pulse import LIKERT

ROOT = Path(__file__).resolve().parent.parent
SECRET = "test-signing-secret"
TRIGGERS = itertools.count(1)  # Slack's trigger_id differs for every request, so no two are signed alike


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def terminate(proc: subprocess.Popen) -> None:
    """SIGTERM, as a supervisor stops the bot; SIGKILL if it is still there 10 s later."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def sign(body: str, secret: str = SECRET, timestamp: int | None = None) -> dict:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


class SlackSender:
    """Signed requests as Slack sends them; a subclass says how they reach the bot (`send`)."""

    fake = None

    def post(
        self,
        body: str,
        content_type: str,
        headers: dict | None = None,
        signed: bool = True,
        secret: str = SECRET,
        timestamp: int | None = None,
    ):
        h = {"Content-Type": content_type, **(sign(body, secret, timestamp) if signed else {}), **(headers or {})}
        return self.send(body.encode(), h)

    def command(self, text: str, user: str = "UADMIN", channel: str = "C0LEADS", command: str = "/gap", **kw):
        form = {
            "token": "legacy",
            "team_id": "T0TEST",
            "team_domain": "test",
            "channel_id": channel,
            "channel_name": "cx-leads",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0PULSE",
            "response_url": self.fake.response_url(user),
            "trigger_id": f"{next(TRIGGERS)}.2.3",
        }
        return self.post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded", **kw)

    def interact(self, payload: dict, **kw):
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded", **kw)

    def event(self, event: dict, event_id: str = "Ev1", **kw):
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": "T0TEST",
                "api_app_id": "A0PULSE",
                "type": "event_callback",
                "event_id": event_id,
                "event_time": int(time.time()),
                "event": event,
            }
        )
        return self.post(body, "application/json", **kw)


def bot_env(fake, db_path: Path, port: int, env: dict | None = None) -> dict:
    """The bot's environment: the fake Slack's token and URL, the tests' signing secret, `env` on top."""
    return {
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "PORT": str(port),
        "DATABASE_PATH": str(db_path),
        "LOG_LEVEL": "INFO",
        **(env or {}),
    }


class Bot(SlackSender):
    """One running bot process."""

    def __init__(self, fake, db_path: Path, env: dict | None = None, launcher: list[str] | None = None):
        self.fake = fake
        self.db_path = db_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/slack/events"
        self.session = requests.Session()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
            "PYTHONUNBUFFERED": "1",
            **bot_env(fake, db_path, self.port, env),
        }
        log_dir = db_path.parent if db_path.parent.is_dir() else Path(tempfile.gettempdir())
        self.log_path = log_dir / f"bot.{self.port}.log"
        self.proc: subprocess.Popen | None = None
        self.launcher = launcher or []  # e.g. ["taskset", "-c", "0"] in benchmarks

    def start(self, timeout: float = 30, ready=None) -> Bot:
        """Start bot.py; return once `ready()` is true (default: /healthz answers over HTTP)."""
        ready = ready or self._serving
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [*self.launcher, sys.executable, str(ROOT / "bot.py")],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"bot exited {self.proc.returncode}:\n{self.output()}")
            if ready():
                return self
            time.sleep(0.05)
        raise RuntimeError(f"bot did not start:\n{self.output()}")

    def _serving(self) -> bool:
        try:
            return requests.get(f"http://127.0.0.1:{self.port}/healthz", timeout=2).ok
        except requests.RequestException:
            return False

    def output(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            terminate(self.proc)
        self.log.close()

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, like a crash or an OOM kill."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.log.close()

    def send(self, body: bytes, headers: dict) -> requests.Response:
        return self.session.post(self.url, data=body, headers=headers, timeout=30)


@dataclass
class Response:
    """What a WSGI call answered, read like a requests.Response."""

    status_code: int
    content: bytes
    elapsed: timedelta

    def json(self):
        return json.loads(self.content)


class InProcessBot(SlackSender):
    """The app of `bot.py`, built in this process from a Config (`bot.build`) and served through its
    own WSGI callable (`bot.wsgi_app`: the signature and replay guard, Bolt, the real listeners, the
    real Store and scheduler), with the fake Slack at the wire. The in-process tier: like `Bot` for
    anything that is not the process itself (start-up, crashes, waitress, Socket Mode)."""

    def __init__(self, fake, db_path: Path, env: dict | None = None):
        self.fake, self.db_path = fake, db_path
        self.env = bot_env(fake, db_path, free_port(), env)
        self.log_path = db_path.parent / f"app.{db_path.name}.log"
        self.stopped = False

    def start(self) -> InProcessBot:
        import bot
        from config import load_config
        from handlers.actions import RedactPulseBodies

        config = load_config(self.env)
        # what configure_logging gives the process: its level, its format and redaction, into a file
        self.log = logging.FileHandler(self.log_path, mode="w")
        self.log.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.log.addFilter(RedactPulseBodies())
        root = logging.getLogger()
        self.root_level = root.level
        root.setLevel(config.log_level)
        root.addHandler(self.log)
        self.bolt, self.rt = bot.build(config, http=True)
        bot.start_background(self.rt)
        self.wsgi = bot.wsgi_app(self.bolt, config)
        return self

    def send(self, body: bytes, headers: dict) -> Response:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/slack/events",
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": self.env["PORT"],
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": headers.get("Content-Type", ""),
            **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items() if k != "Content-Type"},
        }
        status = []
        t0 = time.monotonic()
        content = b"".join(self.wsgi(environ, lambda s, _headers, _exc=None: status.append(s)))
        return Response(int(status[0].split()[0]), content, timedelta(seconds=time.monotonic() - t0))

    def settle(self) -> None:
        """Wait for the work requests left behind (pulse DMs, closed DMs, ephemeral replies): what a
        fixed sleep would guess at, known here."""
        for t in threading.enumerate():
            if t.name.startswith(("fanout-", "closed-", "resume-")):
                t.join(30)
        self.rt.replies.queue.join()

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text()

    def stop(self) -> None:
        """Let the work in flight finish (lazy listeners, then `settle`), then stop the scheduler."""
        self.stopped = True
        self.bolt.listener_runner.listener_executor.shutdown(wait=True)
        self.settle()
        self.rt.scheduler.aps.shutdown(wait=True)
        root = logging.getLogger()
        root.removeHandler(self.log)
        root.setLevel(self.root_level)
        self.log.close()
        gc.unfreeze()  # start_background froze what start-up built: this process goes on


def block_texts(payload: dict) -> str:
    """All text of a Block Kit payload, joined: for exact-figure assertions."""
    out = []
    for b in payload.get("blocks", []):
        if "text" in b and isinstance(b["text"], dict):
            out.append(b["text"]["text"])
        for e in b.get("elements", []):
            if isinstance(e.get("text"), dict):
                out.append(e["text"]["text"])
            elif isinstance(e.get("text"), str):
                out.append(e["text"])
    return "\n".join(out)


# ----- a small workspace: three executives, five agents, a user group -----------------------
EXECS = ["UEXEC1", "UEXEC2", "UEXEC3"]
AGENTS = ["UAGENT1", "UAGENT2", "UAGENT3", "UAGENT4", "UAGENT5"]


def run(bot, fake, text, user="UADMIN"):
    """Send a command; return the response_url answer (deferred commands) or the ack body."""
    before = fake.response_count(user)  # the command's own response_url: not a click's replies
    r = bot.command(text, user=user)
    assert r.status_code == 200
    if r.content:
        return r.json()
    return responses_to(fake, user, before + 1, timeout=30)[before]


def assign_team(bot, fake):
    execs = " ".join(f"<@{u}|{u.lower()}>" for u in EXECS)
    agents = " ".join(f"<@{u}>" for u in AGENTS[:3])
    assert f"Added {', '.join(f'<@{u}>' for u in EXECS)} to the executives." in block_texts(
        run(bot, fake, f"roles exec {execs}")
    )
    out = block_texts(run(bot, fake, f"roles agent {agents} <!subteam^SAGENTS|@cx-agents>"))
    assert (
        f"Added {', '.join(f'<@{u}>' for u in AGENTS[:3])}, <!subteam^SAGENTS|@cx-agents> (3 people) to the agents."
        in out
    )


def vote_payload(fake, user, dm, statement_index, value) -> dict:
    """A click on button `value` (1-5) of a pulse DM's statement, shaped as Slack sends it.
    `dm`: the message as dms() gives it (with its channel)."""
    actions = [b for b in dm["blocks"] if b["type"] == "actions"][statement_index]
    return button_payload(fake, user, dm, actions["block_id"], actions["elements"][value - 1])


def my_answers_payload(fake, user, dm) -> dict:
    """A click on a pulse DM's *My answers* button."""
    block = next(b for b in dm["blocks"] if b.get("accessory", {}).get("action_id") == "my_answers")
    return button_payload(fake, user, dm, block["block_id"], block["accessory"])


def button_payload(fake, user, dm, block_id, button) -> dict:
    return {
        "type": "block_actions",
        "user": {"id": user},
        "team": {"id": "T0TEST"},
        "api_app_id": "A0PULSE",
        "container": {"type": "message", "channel_id": dm["channel"], "message_ts": dm["ts"]},
        "message": {"ts": dm["ts"], "text": dm["text"], "blocks": dm["blocks"]},
        "response_url": fake.response_url(f"vote-{user}"),
        "trigger_id": "1.2",
        "actions": [
            {
                "type": "button",
                "action_id": button["action_id"],
                "block_id": block_id,
                "value": button["value"],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }


def replies_to(fake, user, count: int = 0, timeout: float = 10.0) -> list[dict]:
    """What was posted to `user`'s click response_urls (button_payload's), in order; waits for `count`."""
    return responses_to(fake, f"vote-{user}", count, timeout)


def responses_to(fake, name: str, count: int = 0, timeout: float = 10.0) -> list[dict]:
    """What was posted to the response_url `fake.response_url(name)`, in order; waits for `count`."""
    deadline = time.monotonic() + timeout
    while True:
        with fake.lock:
            found = [c.params for c in fake.responses if c.method == name]
        if len(found) >= count:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"expected {count} posts to response_url {name}, saw {len(found)}")
        time.sleep(0.02)


def closed_blocks(bot, pulse_id=1) -> list[dict]:
    """The one closed state every DM of the pulse shows, as it must read."""
    import sqlite3

    closed_at = (
        sqlite3.connect(bot.db_path).execute("SELECT closed_at FROM pulses WHERE id=?", (pulse_id,)).fetchone()[0]
    )
    stamp = datetime.fromisoformat(closed_at)
    when = f"<!date^{int(stamp.timestamp())}^{{date_short_pretty}} at {{time}}|{stamp:%Y-%m-%d %H:%M} UTC>"
    return [
        {
            "type": "section",
            "block_id": f"closed:{pulse_id}",
            "text": {
                "type": "mrkdwn",
                "text": (
                    f":lock: *Pulse #{pulse_id} closed on {when}.* Thank you to everyone who answered. Answers are no longer "
                    f"linked to anyone. `/gap results {pulse_id}` shows the team's figures."
                ),
            },
        }
    ]


def answers_beside_voters(log: str, voters: list[str]) -> list[str]:
    """Log lines naming a voter (user id or DM channel) beside an answer: a Likert label, a
    button's `vote:` id or an ephemeral confirmation."""
    answer = (*LIKERT, "vote:", "Recorded:")
    return [
        line
        for line in log.splitlines()
        if any(u in line or "D" + u[1:] in line for u in voters) and any(a in line for a in answer)
    ]


def click(bot, fake, user, dm, statement_index, value, retry=None):
    headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
    return bot.interact(vote_payload(fake, user, dm, statement_index, value), headers=headers)


def dms(fake):
    """user -> the pulse DM we sent them, with the channel/ts Slack gave it."""
    out = {}
    for channel, msgs in fake.messages.items():
        for m in msgs:
            if m.get("metadata", {}) and m["metadata"].get("event_type") == "pulsegap_wave":
                out["U" + channel[1:]] = {**m, "channel": channel}
    return out


def wait_until(condition, timeout: float = 20.0, what: str = "the condition"):
    """Poll `condition()` until it is true (returned), instead of sleeping a fixed time."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)
    return result


def wait_delivered(bot, count: int, state: str = "sent") -> None:
    """Wait until `count` pulse DMs (of all pulses) are recorded in `state` in the bot's database: what a click needs."""
    import sqlite3

    def recorded():
        db = sqlite3.connect(bot.db_path)
        try:
            return db.execute("SELECT count(*) FROM deliveries WHERE state=?", (state,)).fetchone()[0] >= count
        finally:
            db.close()

    wait_until(recorded, what=f"{count} deliveries {state}")


def status_until(bot, fake, *needles: str, timeout: float = 30) -> str:
    """`poll status`, asked again until it contains every needle (or the time is up)."""
    deadline = time.time() + timeout
    while True:
        status = block_texts(run(bot, fake, "poll status"))
        if all(n in status for n in needles) or time.time() > deadline:
            return status
        time.sleep(0.2)
