"""`python bot.py` without tokens: the real app, a Slack stand-in, and a web page at PORT.

Nothing here answers a command or counts a vote: the page's actions become Slack-shaped, signed
HTTP requests to the app's own /slack/events, and what the app sends to the Web API lands in the
in-process stand-in, which the page reads back.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
import random
import secrets
import threading
import time
import urllib.parse
from pathlib import Path

import requests

from config import Config
from sandbox.slack_standin import BOT_USER, SlackStandIn
from services.polls import METADATA_EVENT as WAVE_EVENT

log = logging.getLogger("pulsegap.sandbox")
STATIC = Path(__file__).resolve().parent / "static"
CHANNEL = ("C0CXLEADS", "cx-leads")
ADMIN = ("UADMIN", "Alex Admin (admin)")
EXECUTIVES = [("UEXECCEO", "Cecilia, CEO"), ("UEXECCFO", "Farid, CFO"), ("UEXECCOO", "Olga, COO")]
AGENTS = [("UAGENTAMY", "Amy, agent"), ("UAGENTBEN", "Ben, agent"), ("UAGENTCAI", "Cai, agent"),
          ("UAGENTDEV", "Dev, agent"), ("UAGENTEVA", "Eva, agent")]
PERSONAS = [ADMIN, *EXECUTIVES, *AGENTS]


class Sandbox:
    def __init__(self, port: int):
        self.port = port
        self.secret = secrets.token_hex(16)
        self.slack = SlackStandIn(token="xoxb-sandbox-" + secrets.token_hex(8)).start()
        self.slack.add_user(ADMIN[0], ADMIN[1], admin=True)
        for uid, name in EXECUTIVES + AGENTS:
            self.slack.add_user(uid, name)
        self.slack.add_channel(*CHANNEL, member=False)
        self.events_url = f"http://127.0.0.1:{port}/slack/events"
        self.http = requests.Session()
        self.busy = ""  # what a background task (demo history) is doing, for the page

    def configure(self, config: Config) -> Config:
        """The app's config, pointed at the stand-in and signed with this run's secret."""
        return dataclasses.replace(config, bot_token=self.slack.token, signing_secret=self.secret,
                                   api_url=self.slack.api_url)

    # ----- signed requests to the app, exactly as Slack sends them ----------------------------
    def _post(self, body: str, content_type: str) -> requests.Response:
        ts = str(int(time.time()))
        sig = hmac.new(self.secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
        return self.http.post(self.events_url, data=body.encode(), timeout=30, headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={sig}"})

    def command(self, user: str, channel: str, text: str) -> None:
        form = {"command": "/gap", "text": text, "user_id": user, "user_name": user.lower(), "channel_id": channel,
                "team_id": "T0TEST", "api_app_id": "A0PULSE", "trigger_id": "1.1",
                "response_url": self.slack.response_url(f"{user}/{channel}")}
        name = f"{user}/{channel}"
        self.slack.record_response(name, {"text": f"/gap {text}", "echo": True})
        before = self.slack.response_count(name)
        r = self._post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded")
        if r.status_code == 200 and r.content:
            self.slack.record_response(name, r.json())
        else:  # acked at once, answered later through response_url: wait for it, as a person would
            deadline = time.time() + 30
            while time.time() < deadline and self.slack.response_count(name) == before:
                time.sleep(0.02)

    def click(self, user: str, channel: str, ts: str, action: dict, surface: str = "message") -> None:
        msg = next((m for m in self.slack.messages.get(channel, []) if m["ts"] == ts), None)
        payload = {"type": "block_actions", "user": {"id": user}, "team": {"id": "T0TEST"}, "api_app_id": "A0PULSE",
                   "trigger_id": "1.2", "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
                   "response_url": self.slack.response_url(f"{user}/{channel}")}
        if surface == "home":
            payload["container"] = {"type": "view", "view_id": "VHOME"}
            payload["view"] = {"id": "VHOME", "type": "home"}
        else:
            payload["container"] = {"type": "message", "channel_id": channel, "message_ts": ts}
            payload["message"] = {"ts": ts, "text": (msg or {}).get("text"), "blocks": (msg or {}).get("blocks")}
        self._post(urllib.parse.urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def open_home(self, user: str) -> None:
        body = json.dumps({"type": "event_callback", "team_id": "T0TEST", "api_app_id": "A0PULSE",
                           "event_id": "Ev" + secrets.token_hex(6), "event_time": int(time.time()),
                           "event": {"type": "app_home_opened", "user": user, "tab": "home", "channel": "D" + user[1:]}})
        self._post(body, "application/json")

    # ----- helpers the page offers ------------------------------------------------------------
    def _wave_dms(self, uid: str) -> list[dict]:
        """The pulse DMs the app sent this persona, oldest first (told apart by their metadata)."""
        return [m for m in self.slack.messages.get("D" + uid[1:], [])
                if (m.get("metadata") or {}).get("event_type") == WAVE_EVENT]

    def pulse_dms(self) -> list[tuple[str, dict]]:
        """(user, the latest pulse DM) for every persona who has one."""
        return [(uid, msgs[-1]) for uid, _name in PERSONAS if (msgs := self._wave_dms(uid))]

    def simulate(self, rng: random.Random | None = None) -> int:
        """Plausible answers for every unanswered statement: executives rosier than agents."""
        rng = rng or random.Random()
        clicks = 0
        for uid, dm in self.pulse_dms():
            exec_like = uid.startswith("UEXEC") or uid == ADMIN[0]
            weights = (1, 1, 2, 5, 4) if exec_like else (2, 4, 3, 3, 1)
            blocks = dm.get("blocks") or []
            for i, b in enumerate(blocks):
                if b.get("type") != "actions" or "Your answer" in blocks[i - 1]["text"]["text"]:
                    continue
                value = rng.choices(range(1, 6), weights=weights)[0]
                button = b["elements"][value - 1]
                self.click(uid, "D" + uid[1:], dm["ts"], {"type": "button", "action_id": button["action_id"],
                                                          "block_id": b["block_id"], "value": button["value"]})
                clicks += 1
                dm = next(m for m in self.slack.messages["D" + uid[1:]] if m["ts"] == dm["ts"])
                blocks = dm.get("blocks") or []
        return clicks

    def demo_history(self, waves: int = 3) -> None:
        """A few past pulses, run through the real commands, so results show a trend."""
        rng = random.Random(2008)
        admin, channel = ADMIN[0], CHANNEL[0]
        try:
            self.busy = "assigning roles"
            self.command(admin, channel, "roles exec " + " ".join(f"<@{u}>" for u, _ in EXECUTIVES))
            self.command(admin, channel, "roles agent " + " ".join(f"<@{u}>" for u, _ in AGENTS))
            for n in range(1, waves + 1):
                self.busy = f"demo pulse {n} of {waves}"
                before = len(self.pulse_dms_sent())
                self.command(admin, channel, "poll now")
                deadline = time.time() + 20
                while time.time() < deadline and len(self.pulse_dms_sent()) < before + len(EXECUTIVES + AGENTS):
                    time.sleep(0.05)
                self.simulate(rng)
                self.command(admin, channel, "poll close")
        finally:
            self.busy = ""

    def pulse_dms_sent(self) -> list:
        return [m for uid, _ in PERSONAS for m in self._wave_dms(uid)]

    # ----- what the page reads ------------------------------------------------------------------
    def state(self, user: str) -> dict:
        s = self.slack
        with s.lock:
            channel = [dict(m) for m in s.messages.get(CHANNEL[0], [])]
            channel += [dict(m, ephemeral=True) for m in s.ephemeral.get(user, []) if m.get("channel") == CHANNEL[0]]
            dm = [dict(m) for m in s.messages.get("D" + user[1:], [])]
            dm += [dict(m, ephemeral=True) for m in s.ephemeral.get(user, []) if m.get("channel", "").startswith("D")]
            home = s.views.get(user)
        channel.sort(key=lambda m: m["ts"])
        dm.sort(key=lambda m: m["ts"])
        return {"personas": [{"id": u, "name": n} for u, n in PERSONAS], "channel": {"id": CHANNEL[0], "name": CHANNEL[1]},
                "channels": [{"id": CHANNEL[0], "name": CHANNEL[1]}], "bot": BOT_USER,
                "users": {u: d["real_name"] for u, d in s.users.items()}, "messages": {"channel": channel, "dm": dm},
                "home": home, "busy": self.busy}

    # ----- HTTP -------------------------------------------------------------------------------------
    def wsgi(self, app):
        """Wrap the app's WSGI callable: / and /sandbox/* are the page, the rest is the app."""

        def application(environ, start_response):
            path = environ.get("PATH_INFO", "")
            if path == "/" or path.startswith("/sandbox/"):
                try:
                    status, ctype, body = self.route(path, environ)
                except Exception:
                    log.exception("sandbox request failed")
                    status, ctype, body = "500 Internal Server Error", "application/json", b'{"ok": false}'
                start_response(status, [("Content-Type", ctype), ("Content-Length", str(len(body))),
                                        ("Cache-Control", "no-store")])
                return [body]
            return app(environ, start_response)

        return application

    def route(self, path: str, environ) -> tuple[str, str, bytes]:
        method = environ.get("REQUEST_METHOD")
        query = dict(urllib.parse.parse_qsl(environ.get("QUERY_STRING", "")))
        if path in ("/", "/sandbox/"):
            return "200 OK", "text/html; charset=utf-8", (STATIC / "index.html").read_bytes()
        if path.startswith("/sandbox/files/"):
            data = self.slack.uploads.get(path.rsplit("/", 1)[1])
            return ("200 OK", "image/png", data) if data else ("404 Not Found", "text/plain", b"no such file")
        if path == "/sandbox/api/state":
            return self._json(self.state(query.get("persona", ADMIN[0])))
        if method != "POST":
            return "405 Method Not Allowed", "text/plain", b"POST only"
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(min(length, 1 << 20)) or b"{}")
        user = body.get("persona", ADMIN[0])
        if user not in dict(PERSONAS):
            return "400 Bad Request", "application/json", b'{"ok": false, "error": "unknown persona"}'
        if path == "/sandbox/api/command":
            text = str(body.get("text", "")).strip()
            text = text[4:] if text.startswith("/gap") else text
            self.command(user, body.get("channel") or CHANNEL[0], text.strip())
        elif path == "/sandbox/api/click":
            self.click(user, body.get("channel", ""), body.get("ts", ""), body.get("action") or {},
                       body.get("surface", "message"))
        elif path == "/sandbox/api/home":
            self.open_home(user)
        elif path == "/sandbox/api/simulate":
            return self._json({"ok": True, "clicks": self.simulate()})
        elif path == "/sandbox/api/demo":
            if not self.busy:
                threading.Thread(target=self.demo_history, daemon=True).start()
        else:
            return "404 Not Found", "text/plain", b"not found"
        return self._json({"ok": True})

    @staticmethod
    def _json(data) -> tuple[str, str, bytes]:
        return "200 OK", "application/json", json.dumps(data).encode()


BANNER = """
  Pulsegap is running in LOCAL SANDBOX mode (no Slack tokens set).
  Open http://127.0.0.1:{port} in a browser: a stand-in Slack workspace with an admin,
  three executives and five agents. Nothing leaves this machine.

  To connect a real workspace: create the app from manifest.yml, then set SLACK_BOT_TOKEN and
  SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) and restart. See README.md.
"""
