"""`python bot.py` without tokens: the real app, a Slack stand-in, and a web page at PORT.

Nothing here answers a command or counts a vote: the page's actions become Slack-shaped, signed
HTTP requests to the app's own /slack/events, and what the app sends to the Web API lands in the
in-process stand-in, which the page reads back.

Only the standard library talks HTTP here (urllib): `pip install -r requirements.txt` is all a
newcomer installs before `python bot.py`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
import mimetypes
import random
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from config import Config
from i18n import language_of
from sandbox.slack_standin import BOT_USER, SlackStandIn
from services.polls import METADATA_EVENT as PULSE_EVENT
from storage import Store

log = logging.getLogger("pulsegap.sandbox")
STATIC = Path(__file__).resolve().parent / "static"
DATABASE_NAME = "pulsegap-sandbox.db"
CHANNEL = ("C0CXLEADS", "cx-leads")
ADMIN = ("UADMIN", "Alex Morgan", "Workspace admin")
EXECUTIVES = [
    ("UEXECCEO", "Cecilia Lindqvist", "CEO"),
    ("UEXECCOO", "Olga Petrova", "COO"),
    ("UEXECCFO", "Farid Haddad", "CFO"),
    ("UEXECCCO", "Grace Okafor", "Chief Customer Officer"),
    ("UEXECCTO", "Hiroshi Tanaka", "CTO"),
    ("UEXECVPCX", "Ingrid Berg", "VP Customer Experience"),
    ("UEXECVPOPS", "Marco Rossi", "VP Operations"),
]
AGENTS = [
    ("UAGENTAMY", "Amy Chen", "Customer service agent"),
    ("UAGENTBEN", "Ben Carter", "Customer service agent"),
    ("UAGENTCAI", "Cai Lin", "Senior agent"),
    ("UAGENTDEV", "Dev Patel", "Team lead"),
    ("UAGENTEVA", "Eva Novak", "Customer service agent"),
    ("UAGENTFAT", "Fatima Zahra", "Support specialist"),
    ("UAGENTGUS", "Gus Andersson", "Customer service agent"),
    ("UAGENTHAN", "Hana Kim", "Chat agent"),
    ("UAGENTIVA", "Ivan Horvat", "Customer service agent"),
    ("UAGENTJUL", "Julia Santos", "Senior agent"),
    ("UAGENTKOF", "Kofi Mensah", "Customer service agent"),
    ("UAGENTLEN", "Lena Fischer", "Team lead"),
    ("UAGENTMAT", "Mateo Garcia", "Customer service agent"),
    ("UAGENTNOR", "Nora Lund", "Quality specialist"),
    ("UAGENTOMA", "Omar Siddiqui", "Customer service agent"),
    ("UAGENTPRI", "Priya Nair", "Chat agent"),
]
PERSONAS = [ADMIN, *EXECUTIVES, *AGENTS]
# Slack locales: these read Pulsegap in Swedish and Italian (everyone else in English)
LOCALES = {"UEXECVPCX": "sv-SE", "UAGENTGUS": "sv-SE", "UEXECVPOPS": "it-IT", "UAGENTJUL": "it-IT"}
GROUPS = {"S0CXLEAD": ("cx-leadership", EXECUTIVES), "S0CXAGNT": ("cx-agents", AGENTS)}
SHORTCUTS = [{"callback_id": "setup_open", "name": "Pulsegap setup"}]  # manifest.yml's global shortcuts
# Share who agree, per statement (in the pulse's order): executives rosier than agents on most
# statements, by different amounts, as in the study; agents ahead on one, three about level.
EXEC_AGREE = (0.90, 0.85, 0.70, 0.90, 0.45, 0.85, 0.65, 0.85, 0.60, 0.90, 0.75)
AGENT_AGREE = (0.30, 0.55, 0.65, 0.35, 0.70, 0.25, 0.60, 0.45, 0.55, 0.30, 0.45)


# Demo history's follow-through: what some people comment in each demo pulse (six agents: shown;
# two executives: fewer than MIN_COMMENTS, withheld), and statement 1's gap, owned before the last
# demo pulse, which narrows by then (LIFTED: the share who agree in that pulse).
DEMO_COMMENTS = {
    "agent": (
        "We hear the same complaint five times before anyone upstream changes the process.",
        "Our tools freeze during peak hours; customers wait while we restart.",
        "Leadership visits are announced, so they see a calm floor.",
        "Call-backs promised by sales land on us with no notes.",
        "We are measured on handle time, then told to delight customers.",
        "The knowledge base is out of date; we keep our own notes instead.",
    ),
    "exec": ("We could share the weekly customer numbers with the floor.", "Budget for tools is coming in Q3."),
}
LIFTED = {"exec": 0.85, "agent": 0.75}


def agree_share(role: str, index: int, widening: float = 0.0) -> float:
    """The share of `role` who agree with statement `index`. `widening` (0..1) moves executives
    toward all and agents toward none: earlier demo pulses had wider gaps, so there is a trend."""
    if role == "exec":
        p = EXEC_AGREE[index % len(EXEC_AGREE)]
        return p + (1 - p) * widening
    return AGENT_AGREE[index % len(AGENT_AGREE)] * (1 - widening)


# Slackbot's answer to a /word no installed app registered (Slack's commands are lowercase).
NOT_A_COMMAND = (
    '{} is not a valid command. In Slack, all messages that start with the "/" character are '
    'interpreted as commands. If you are trying to send a message that starts with a "/" character, '
    'try adding a space before the "/".'
)


class Refused(Exception):
    """A request the sandbox will not serve (wrong Host, cross-origin): (status, message)."""


class Sandbox:
    def __init__(self, port: int):
        self.port = port
        self.secret = secrets.token_hex(16)
        self.command_name = "/gap"
        self.db_path = DATABASE_NAME
        self.slack = SlackStandIn(token="xoxb-sandbox-" + secrets.token_hex(8)).start()
        self.slack.add_user(ADMIN[0], ADMIN[1], admin=True)
        for uid, name, _title in EXECUTIVES + AGENTS:
            self.slack.add_user(uid, name, locale=LOCALES.get(uid, "en-US"))
        for gid, (handle, members) in GROUPS.items():
            self.slack.usergroups[gid] = [uid for uid, _n, _t in members]
            self.slack.handles[gid] = handle
        self.slack.add_channel(*CHANNEL, member=False)
        self.events_url = f"http://127.0.0.1:{port}/slack/events"
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {"http://" + h for h in self.hosts}
        self.http = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
        self.typed: list[dict] = []  # what personas typed, shown back to them as their own messages
        self.clicked: set[tuple[str, int, int]] = set()  # (user, pulse, statement) clicked through the sandbox
        self.lock = threading.Lock()
        self.busy = ""  # what a background task (demo history) is doing, for the page
        self.status = ""  # the outcome of the last Simulate / demo history, for the page
        self._store: Store | None = None

    def configure(self, config: Config) -> Config:
        """The app's config, pointed at the stand-in, signed with this run's secret, and on the
        sandbox's own database file next to DATABASE_PATH (never the production file)."""
        self.command_name = config.slash_command
        self.db_path = str(Path(config.database_path).with_name(DATABASE_NAME))
        return dataclasses.replace(
            config,
            bot_token=self.slack.token,
            signing_secret=self.secret,
            api_url=self.slack.api_url,
            database_path=self.db_path,
        )

    @property
    def store(self) -> Store:
        """The sandbox's database, read through the app's own Store."""
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store

    def open_pulse(self) -> dict | None:
        return self.store.open_pulse_row()

    # ----- signed requests to the app, exactly as Slack sends them ----------------------------
    def _trigger(self, user: str) -> str:
        """A fresh trigger_id per request, as Slack sends: two identical bodies signed in the same
        second would carry the same signature, and the app refuses a replayed signature. The
        stand-in learns whose it is, to show the modal it opens to them."""
        trigger = f"{time.time():.6f}.{secrets.token_hex(4)}"
        self.slack.triggers[trigger] = user
        return trigger

    def _post(self, body: str, content_type: str) -> tuple[int, bytes]:
        ts = str(int(time.time()))
        sig = hmac.new(self.secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
        request = urllib.request.Request(
            self.events_url,
            data=body.encode(),
            method="POST",
            headers={"Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={sig}"},
        )
        try:
            with self.http.open(request, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def command(self, user: str, channel: str, text: str, reply_to: str | None = None) -> None:
        """The slash command with `text`; its answer is shown to `user` in `channel` (reply_to:
        somewhere else, e.g. nowhere the page shows)."""
        name = reply_to or f"{user}/{channel}"
        form = {
            "command": self.command_name,
            "text": text,
            "user_id": user,
            "user_name": user.lower(),
            "channel_id": channel,
            "team_id": "T0TEST",
            "api_app_id": "A0PULSE",
            "trigger_id": self._trigger(user),
            "response_url": self.slack.response_url(name),
        }
        before = self.slack.response_count(name)
        status, content = self._post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded")
        if status == 200 and content:
            self.slack.record_response(name, json.loads(content))
        else:  # acked at once, answered later through response_url: wait for it, as a person would
            deadline = time.time() + 30
            while time.time() < deadline and self.slack.response_count(name) == before:
                time.sleep(0.02)

    def type(self, user: str, channel: str, typed: str, text: str) -> None:
        """What a persona typed in the composer, as Slack treats it: plain text is their message in
        the channel; the app's slash command (exact name: Slack's commands are lowercase) goes to
        the app and is shown back only to them; any other /word gets Slackbot's own answer."""
        word, _, rest = text.strip().partition(" ")
        command = word.startswith("/")
        with self.slack.lock:
            self.typed.append(
                {"ts": self.slack.next_ts(), "user": user, "channel": channel, "text": typed, "command": command}
            )
            if command and word != self.command_name:
                self.typed.append(
                    {
                        "ts": self.slack.next_ts(),
                        "user": user,
                        "channel": channel,
                        "command": True,
                        "slackbot": True,
                        "text": NOT_A_COMMAND.format(word),
                    }
                )
        if command and word == self.command_name:
            self.command(user, channel, rest.strip())

    def click(
        self, user: str, channel: str, ts: str, action: dict, surface: str = "message", reply_to: str | None = None
    ) -> None:
        msg = next((m for m in self.slack.messages.get(channel, []) if m["ts"] == ts), None)
        payload = {
            "type": "block_actions",
            "user": {"id": user},
            "team": {"id": "T0TEST"},
            "api_app_id": "A0PULSE",
            "trigger_id": self._trigger(user),
            "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
            "response_url": self.slack.response_url(reply_to or f"{user}/{channel}"),
        }
        if surface == "home":
            payload["container"] = {"type": "view", "view_id": "VHOME"}
            payload["view"] = {"id": "VHOME", "type": "home"}
        else:
            payload["container"] = {"type": "message", "channel_id": channel, "message_ts": ts}
            payload["message"] = {"ts": ts, "text": (msg or {}).get("text"), "blocks": (msg or {}).get("blocks")}
        status, _ = self._interact(payload)
        parts = str(action.get("value", "")).split(":")
        if status == 200 and str(action.get("action_id", "")).startswith("vote:") and len(parts) == 3:
            with self.lock:
                self.clicked.add((user, int(parts[0]), int(parts[1])))

    def _interact(self, payload: dict) -> tuple[int, bytes]:
        """An interaction payload, form-encoded as Slack posts it."""
        return self._post(urllib.parse.urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    # ----- modals: the shortcut opens them; what the page does in one goes to the app ----------
    def shortcut(self, user: str, callback_id: str) -> None:
        self._interact(
            {
                "type": "shortcut",
                "callback_id": callback_id,
                "trigger_id": self._trigger(user),
                "action_ts": f"{time.time():.6f}",
                "user": {"id": user, "username": user.lower(), "team_id": "T0TEST"},
                "team": {"id": "T0TEST"},
                "api_app_id": "A0PULSE",
            }
        )

    def _in_view(self, kind: str, user: str, view_id: str, values: dict) -> dict | None:
        """The fields every interaction inside the user's open modal carries: the view as Slack has
        it, with what the page's fields hold as its state.values."""
        view = self.slack.modal_of(user)
        if not view or view["id"] != view_id:
            return None  # not the modal on top of this person's stack (closed, or someone else's)
        return {
            "type": kind,
            "user": {"id": user, "username": user.lower(), "team_id": "T0TEST"},
            "team": {"id": "T0TEST"},
            "api_app_id": "A0PULSE",
            "trigger_id": self._trigger(user),
            "view": {**view, "team_id": "T0TEST", "state": {"values": values if isinstance(values, dict) else {}}},
        }

    def view_action(self, user: str, view_id: str, action: dict, values: dict) -> None:
        """A button, or a select with dispatch_action, inside a modal: block_actions."""
        payload = self._in_view("block_actions", user, view_id, values)
        if payload:
            payload["container"] = {"type": "view", "view_id": view_id}
            payload["actions"] = [{**action, "action_ts": f"{time.time():.6f}"}]
            self._interact(payload)

    def suggest(self, user: str, view_id: str, block_id: str, action_id: str, typed: str, values: dict) -> dict:
        """An external select's typeahead: block_suggestion; the app answers with its options."""
        payload = self._in_view("block_suggestion", user, view_id, values)
        if not payload:
            return {"options": []}
        payload.update(
            container={"type": "view", "view_id": view_id}, block_id=block_id, action_id=action_id, value=typed
        )
        status, content = self._interact(payload)
        return json.loads(content) if status == 200 and content else {"options": []}

    def submit(self, user: str, view_id: str, values: dict) -> dict:
        """view_submission; the app's answer (errors, update, push, clear, or a plain 200 that closes
        the modal) is applied as Slack applies it. The errors, by block_id, for the page."""
        payload = self._in_view("view_submission", user, view_id, values)
        if not payload:
            return {}
        status, content = self._interact(payload)
        if status != 200:
            return {"": f"The app answered {status}."}
        return self.slack.answer_submission(user, view_id, json.loads(content) if content.strip() else {})

    def open_home(self, user: str) -> None:
        body = json.dumps(
            {
                "type": "event_callback",
                "team_id": "T0TEST",
                "api_app_id": "A0PULSE",
                "event_id": "Ev" + secrets.token_hex(6),
                "event_time": int(time.time()),
                "event": {"type": "app_home_opened", "user": user, "tab": "home", "channel": "D" + user[1:]},
            }
        )
        self._post(body, "application/json")

    # ----- helpers the page offers ------------------------------------------------------------
    def pulse_dm(self, uid: str, pulse_id: int) -> dict | None:
        """The DM of this pulse the app sent this persona (told apart by its metadata)."""
        with self.slack.lock:
            msgs = list(self.slack.messages.get("D" + uid[1:], []))
        return next(
            (
                m
                for m in msgs
                if (m.get("metadata") or {}).get("event_type") == PULSE_EVENT
                and m["metadata"].get("event_payload", {}).get("wave_id") == pulse_id
            ),
            None,
        )

    def simulate(
        self,
        rng: random.Random | None = None,
        widening: float = 0.0,
        skip: frozenset = frozenset(),
        lifted: frozenset = frozenset(),
    ) -> str:
        """Plausible answers to the open pulse for every statement nobody clicked yet through the
        sandbox (the page's own clicks are kept): per role and statement, the share in
        `agree_share` agree, the rest do not. Choices are never read back from the DMs.
        `skip`: personas who do not answer; `lifted`: statement indexes answered as LIFTED says."""
        pulse = self.open_pulse()
        if not pulse:
            return f"No pulse is open, so there is nothing to answer. Start one with {self.command_name} poll now."
        rng = rng or random.Random()
        execs = {ADMIN[0]} | {uid for uid, _n, _t in EXECUTIVES}
        todo: dict[tuple[str, int], list] = {}  # (role, statement index) -> clicks still to make
        for uid, _name, _title in PERSONAS:
            dm = self.pulse_dm(uid, pulse["id"])
            if not dm or uid in skip:
                continue
            for i, block in enumerate(b for b in dm.get("blocks") or [] if b.get("type") == "actions"):
                if (uid, pulse["id"], int(block["block_id"].rsplit(":", 1)[1])) not in self.clicked:
                    todo.setdefault(("exec" if uid in execs else "agent", i), []).append((uid, dm["ts"], block))
        clicks = []
        for (role, i), people in todo.items():
            rng.shuffle(people)
            share = LIFTED[role] if i in lifted else agree_share(role, i, widening)
            agreeing = int(share * len(people) + 0.5)
            for n, (uid, ts, block) in enumerate(people):
                button = block["elements"][rng.choice((4, 4, 5) if n < agreeing else (1, 2, 2, 3, 3)) - 1]
                clicks.append(
                    (
                        uid,
                        ts,
                        {
                            "type": "button",
                            "action_id": button["action_id"],
                            "block_id": block["block_id"],
                            "value": button["value"],
                        },
                    )
                )
        with ThreadPoolExecutor(4) as pool:  # replies go to "simulated/…", which no persona's view shows
            list(pool.map(lambda c: self.click(c[0], "D" + c[0][1:], c[1], c[2], reply_to="simulated/" + c[0]), clicks))
        if not clicks:
            return f"Pulse #{pulse['id']}: every statement in its DMs here has been answered already."
        people = len({uid for uid, _ts, _a in clicks})
        return f"Added {len(clicks)} simulated answers from {people} people to Pulse #{pulse['id']}."

    def submit_view(self, user: str, callback_id: str, private_metadata: str, values: dict) -> None:
        """A modal's view_submission, as Slack sends it when the form is sent."""
        view = {"id": "V" + secrets.token_hex(4), "type": "modal", "callback_id": callback_id}
        view |= {"private_metadata": private_metadata, "state": {"values": values}}
        payload = {"type": "view_submission", "user": {"id": user}, "team": {"id": "T0TEST"}, "view": view}
        self._post(urllib.parse.urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def demo_comments(self, pulse: dict, rng: random.Random) -> None:
        """Demo history's comments, sent through the comment form as people would."""
        people = {"exec": [u for u, _n, _t in EXECUTIVES], "agent": [u for u, _n, _t in AGENTS]}
        for role, texts in DEMO_COMMENTS.items():
            for user, text in zip(rng.sample(people[role], len(texts)), texts, strict=True):
                value = {"comment": {"comment_text": {"type": "plain_text_input", "value": text}}}
                self.submit_view(user, "comment_submit", str(pulse["id"]), value)

    def start_demo(self) -> tuple[bool, str]:
        """Demo history, in the background; refused once any pulse has run (the demo is the past)."""
        with self.lock:
            if self.busy:
                return False, "Demo history is already loading."
            pulse = self.open_pulse() or next(iter(self.store.closed_pulses()), None)
            if pulse:
                return False, (
                    f"Demo history loads only before the first pulse, as the past: Pulse #{pulse['id']} "
                    f"has run here already, and demo pulses dated today would bury it. To see the demo, "
                    f"stop the sandbox, delete {DATABASE_NAME} and start it again."
                )
            self.busy = "assigning roles"
        threading.Thread(target=self.demo_history, daemon=True).start()
        return True, "Loading demo history: three pulses through the real commands…"

    def demo_history(self, pulses: int = 3) -> None:
        """A few past pulses, run through the real commands, so results show a trend. Seeded: the
        same figures every time. The admin's command replies go nowhere the page shows."""
        rng = random.Random(2008)
        admin, channel, quiet = ADMIN[0], CHANNEL[0], "demo/" + ADMIN[0]
        first = None
        try:
            for gid, role in (("S0CXLEAD", "exec"), ("S0CXAGNT", "agent")):
                self.command(admin, channel, f"roles {role} <!subteam^{gid}|@{GROUPS[gid][0]}>", reply_to=quiet)
            for n in range(1, pulses + 1):
                self.busy = f"demo pulse {n} of {pulses}"
                self.command(admin, channel, "poll now", reply_to=quiet)
                pulse = self.open_pulse()
                if not pulse:
                    self.status = "Demo history stopped: the pulse did not open (see the terminal)."
                    return
                first = first or pulse["id"]
                deadline = time.time() + 20
                while time.time() < deadline and any(
                    self.pulse_dm(u, pulse["id"]) is None for u, _n, _t in EXECUTIVES + AGENTS
                ):
                    time.sleep(0.05)
                absent = frozenset(
                    rng.sample([u for u, _n, _t in EXECUTIVES], 1) + rng.sample([u for u, _n, _t in AGENTS], 2)
                )
                self.simulate(rng, widening=(pulses - n) / 4, skip=absent, lifted=frozenset({0} if n == pulses else ()))
                self.demo_comments(pulse, rng)
                self.command(admin, channel, "poll close", reply_to=quiet)
                if n == pulses - 1:  # the admin owns statement 1's gap; the last pulse measures it
                    self.submit_view(
                        admin,
                        "own_submit",
                        f"{pulse['id']}:{pulse['statements'][0]['id']}",
                        {
                            "owner": {"own_owner": {"type": "users_select", "selected_user": EXECUTIVES[0][0]}},
                            "text": {"own_text": {"type": "plain_text_input", "value": "Monthly shifts on the floor"}},
                            "due": {
                                "own_due": {
                                    "type": "datepicker",
                                    "selected_date": (date.today() + timedelta(days=14)).isoformat(),
                                }
                            },
                        },
                    )
            self.status = (
                f"Loaded demo pulses #{first}–#{first + pulses - 1}. Try {self.command_name} results, "
                f"{self.command_name} digest #{CHANNEL[1]} or the Home tab."
            )
        finally:
            self.busy = ""

    # ----- what the page reads ------------------------------------------------------------------
    def state(self, user: str) -> dict:
        s, dm_id = self.slack, "D" + user[1:]
        with s.lock:  # what people typed: a plain message is everyone's to see, the rest only its author's
            typed = [
                dict(m, own=m["user"] == user, ephemeral=m.get("slackbot", False))
                for m in self.typed
                if m["user"] == user or not m["command"]
            ]
            channel = [dict(m) for m in s.messages.get(CHANNEL[0], [])]
            channel += [dict(m, ephemeral=True) for m in s.ephemeral.get(user, []) if m.get("channel") == CHANNEL[0]]
            channel += [m for m in typed if m["channel"] == CHANNEL[0]]
            dm = [dict(m) for m in s.messages.get(dm_id, [])]
            dm += [dict(m, ephemeral=True) for m in s.ephemeral.get(user, []) if m.get("channel") == dm_id]
            dm += [m for m in typed if m["channel"] == dm_id]
            home = s.views.get(user)
        channel.sort(key=lambda m: m["ts"])
        dm.sort(key=lambda m: m["ts"])
        return {
            "personas": [
                {"id": u, "name": n, "title": t, "language": language_of(LOCALES.get(u))} for u, n, t in PERSONAS
            ],
            "groups": [{"id": g, "handle": h} for g, (h, _m) in GROUPS.items()],
            "command": self.command_name,
            "channel": {"id": CHANNEL[0], "name": CHANNEL[1]},
            "channels": [{"id": CHANNEL[0], "name": CHANNEL[1]}],
            "bot": BOT_USER,
            "users": {u: d["real_name"] for u, d in s.users.items()},
            "messages": {"channel": channel, "dm": dm},
            "home": home,
            "modal": s.modal_of(user),
            "shortcuts": SHORTCUTS,
            "busy": self.busy,
            "status": self.status,
        }

    # ----- HTTP -------------------------------------------------------------------------------------
    def wsgi(self, app):
        """Wrap the app's WSGI callable: / and /sandbox/* are the page, the rest is the app.
        Every request must name this machine in its Host (no DNS rebinding)."""

        def application(environ, start_response):
            path = environ.get("PATH_INFO", "")
            try:
                self.check_host(environ)
                if not (path == "/" or path.startswith("/sandbox/")):
                    return app(environ, start_response)
                status, headers, body = self.route(path, environ)
            except Refused as exc:
                status, message = exc.args
                headers, body = [("Content-Type", "text/plain; charset=utf-8")], message.encode()
            except Exception:
                log.exception("sandbox request failed")
                status, headers, body = (
                    "500 Internal Server Error",
                    [("Content-Type", "application/json")],
                    b'{"ok": false}',
                )
            start_response(status, [*headers, ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
            return [body]

        return application

    def check_host(self, environ) -> None:
        if environ.get("HTTP_HOST", "").lower() not in self.hosts:
            raise Refused("403 Forbidden", f"Refused: the Pulsegap sandbox answers only http://127.0.0.1:{self.port}\n")

    def check_same_origin(self, environ) -> None:
        """The page's own fetches only: a browser names the calling page (Origin, Sec-Fetch-Site)."""
        origin, site = environ.get("HTTP_ORIGIN"), environ.get("HTTP_SEC_FETCH_SITE")
        if (origin is not None and origin.lower() not in self.origins) or site not in (None, "same-origin", "none"):
            raise Refused("403 Forbidden", "Refused: the sandbox's API takes requests from its own page only.\n")

    def route(self, path: str, environ) -> tuple[str, list, bytes]:
        method = environ.get("REQUEST_METHOD")
        query = dict(urllib.parse.parse_qsl(environ.get("QUERY_STRING", "")))
        if path in ("/", "/sandbox/"):
            return "200 OK", [("Content-Type", "text/html; charset=utf-8")], (STATIC / "index.html").read_bytes()
        if path.startswith("/sandbox/files/"):
            return self.file(path.rsplit("/", 1)[1])
        if path == "/sandbox/api/state":
            return self._json(self.state(query.get("persona", ADMIN[0])))
        if method != "POST":
            return "405 Method Not Allowed", [("Content-Type", "text/plain")], b"POST only"
        self.check_same_origin(environ)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(min(length, 1 << 20)) or b"{}")
        user = body.get("persona", ADMIN[0])
        if user not in {p[0] for p in PERSONAS}:
            return self._json({"ok": False, "error": "unknown persona"}, "400 Bad Request")
        if path == "/sandbox/api/command":
            text = str(body.get("text", ""))
            self.type(user, body.get("channel") or CHANNEL[0], str(body.get("typed") or text), text)
        elif path == "/sandbox/api/click":
            self.click(
                user,
                body.get("channel", ""),
                body.get("ts", ""),
                body.get("action") or {},
                body.get("surface", "message"),
            )
        elif path == "/sandbox/api/home":
            self.open_home(user)
        elif path == "/sandbox/api/shortcut":
            self.shortcut(user, str(body.get("callback_id", "")))
        elif path == "/sandbox/api/view_action":
            self.view_action(user, str(body.get("view_id", "")), body.get("action") or {}, body.get("values") or {})
        elif path == "/sandbox/api/suggest":
            fields = (str(body.get(k, "")) for k in ("view_id", "block_id", "action_id", "value"))
            return self._json(self.suggest(user, *fields, body.get("values") or {}))
        elif path == "/sandbox/api/submit":
            return self._json(
                {"ok": True, "errors": self.submit(user, str(body.get("view_id", "")), body.get("values") or {})}
            )
        elif path == "/sandbox/api/close":
            self.slack.close_modal(user, bool(body.get("all")))
        elif path == "/sandbox/api/simulate":
            if self.busy:
                return self._json({"ok": False, "message": "Wait until demo history has loaded."})
            self.status = self.simulate()
            return self._json({"ok": True, "message": self.status})
        elif path == "/sandbox/api/demo":
            ok, self.status = self.start_demo()
            return self._json({"ok": ok, "message": self.status})
        else:
            return "404 Not Found", [("Content-Type", "text/plain")], b"not found"
        return self._json({"ok": True})

    def file(self, file_id: str) -> tuple[str, list, bytes]:
        """An uploaded file as Slack serves it: images inline, anything else as a download."""
        data, name = self.slack.uploads.get(file_id), self.slack.file_names.get(file_id, file_id)
        if data is None:
            return "404 Not Found", [("Content-Type", "text/plain")], b"no such file"
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if ctype.startswith("image/"):
            return "200 OK", [("Content-Type", ctype)], data
        safe = "".join(c for c in name if c.isalnum() or c in "._-") or "file"
        return (
            "200 OK",
            [
                ("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else "")),
                ("Content-Disposition", f'attachment; filename="{safe}"'),
            ],
            data,
        )

    @staticmethod
    def _json(data, status: str = "200 OK") -> tuple[str, list, bytes]:
        return status, [("Content-Type", "application/json")], json.dumps(data).encode()


BANNER = f"""
  Pulsegap is running in LOCAL SANDBOX mode (no Slack tokens set).
  Open http://127.0.0.1:{{port}} in a browser: a stand-in Slack workspace with an admin,
  {len(EXECUTIVES)} executives and {len(AGENTS)} agents. Nothing leaves this machine.
  It keeps its own database, {DATABASE_NAME}, next to DATABASE_PATH (never that file itself).

  To connect a real workspace: create the app from manifest.yml, then set SLACK_BOT_TOKEN and
  SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) and restart. See README.md.
"""
