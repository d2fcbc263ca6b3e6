"""A small stand-in for the Slack Web API, at the wire: an HTTP server on 127.0.0.1 that records
every call and answers like Slack does (ok/error envelopes, 429 + Retry-After, 5xx).

Tests point the bot's SLACK_API_URL at `SlackStandIn.api_url` and read `calls`; the sandbox
(`python bot.py` without tokens) runs the same class in-process behind its web page.
It also accepts response_url posts (`response_url(...)`) and file upload PUT/POSTs.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOT_TOKEN = "xoxb-test-token"
TEAM = "T0TEST"
BOT_USER = "UPULSEBOT"
POLL = 0.02  # seconds: how often the server thread looks for stop()


@dataclass
class Call:
    method: str
    params: dict
    at: float = field(default_factory=time.monotonic)


class SlackStandIn:
    def __init__(self, token: str = BOT_TOKEN):
        self.token = token
        self.calls: list[Call] = []
        self.responses: list[Call] = []  # response_url posts
        self.uploads: dict[str, bytes] = {}
        self.file_names: dict[str, str] = {}  # file id -> the filename it was uploaded as
        self.users: dict[str, dict] = {}
        self.usergroups: dict[str, list[str]] = {}
        self.channels: dict[str, dict] = {}
        self.messages: dict[str, list[dict]] = {}  # channel -> messages
        self.rate_limit: dict[str, float] = {}  # method -> allowed calls per second
        self.failures: dict[str, list] = {}  # method -> queue of (status, error) to answer next
        self.views: dict[str, dict] = {}  # user -> the App Home view last published
        self.modals: dict[str, dict] = {}  # view id -> a modal opened, pushed or updated (views.*)
        self.triggers: dict[str, str] = {}  # trigger_id -> the user whose interaction made it (the sandbox's)
        self.stacks: dict[str, list[str]] = {}  # user -> view ids of their open modals, the top last
        self.handles: dict[str, str] = {}  # user group id -> its @handle (usergroups.list; else the id)
        self.ephemeral: dict[str, list[dict]] = {}  # user -> ephemeral messages (postEphemeral, response_url)
        self.light = False  # benchmarks: keep only each message's ts and metadata, and no call log
        self.socket_url: str | None = None  # where apps.connections.open sends Socket Mode apps
        self.delays: dict[str, list[float]] = {}  # method -> seconds to stall the next calls
        self._window: dict[str, list[float]] = {}
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        # stop() returns within one poll: a test's teardown waited up to serve_forever's default 0.5 s
        self.thread = threading.Thread(target=self.server.serve_forever, args=(POLL,), daemon=True)

    # ----- lifecycle ----------------------------------------------------------------------
    def start(self) -> SlackStandIn:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def response_url(self, name: str = "r") -> str:
        return f"{self.base}/response/{name}"

    # ----- set-up helpers -----------------------------------------------------------------
    def add_user(
        self,
        user_id: str,
        name: str | None = None,
        admin: bool = False,
        tz: str = "Europe/Stockholm",
        bot: bool = False,
        deleted: bool = False,
        locale: str = "en-US",
    ) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": TEAM,
            "name": name or user_id.lower(),
            "real_name": name or user_id,
            "is_admin": admin,
            "is_owner": False,
            "is_bot": bot,
            "deleted": deleted,
            "tz": tz,
            "tz_offset": 3600,
            "locale": locale,  # users.info sends it only with include_locale=true
            "profile": {"display_name": name or user_id, "real_name": name or user_id},
        }

    def add_channel(self, channel_id: str, name: str, member: bool = True, private: bool = False) -> None:
        self.channels[channel_id] = {"id": channel_id, "name": name, "is_member": member, "is_private": private}

    def fail(self, method: str, *answers: tuple[int, str]) -> None:
        """Answer the next calls of `method` with these (HTTP status, Slack error) pairs."""
        self.failures.setdefault(method, []).extend(answers)

    # ----- queries for assertions ---------------------------------------------------------
    def calls_to(self, method: str) -> list[dict]:
        with self.lock:
            return [c.params for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls_to(method)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {method} calls, saw {len(self.calls_to(method))}")

    def wait_responses(self, count: int = 1, timeout: float = 10.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.responses) >= count:
                    return [c.params for c in self.responses]
            time.sleep(0.02)
        raise AssertionError(f"expected {count} response_url posts, saw {len(self.responses)}")

    def record_response(self, name: str, body: dict) -> None:
        """A response_url post. Names of the form USER/CHANNEL also become an ephemeral message."""
        with self.lock:
            self.responses.append(Call(name, body))
            if "/" in name:
                user, channel = name.split("/", 1)
                self.ephemeral.setdefault(user, []).append(
                    {"ts": self.next_ts(), "channel": channel, "text": body.get("text"), "blocks": body.get("blocks")}
                )

    def message_count(self) -> int:
        with self.lock:
            return sum(len(m) for m in self.messages.values())

    def response_count(self, name: str) -> int:
        with self.lock:
            return sum(1 for c in self.responses if c.method == name)

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()
            self.responses.clear()

    # ----- the API ------------------------------------------------------------------------
    def _ok(self, **data) -> tuple[int, dict, dict]:
        return 200, {"ok": True, **data}, {}

    def _err(self, error: str, status: int = 200) -> tuple[int, dict, dict]:
        return status, {"ok": False, "error": error}, {}

    def next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    def handle(self, method: str, params: dict, token: str | None) -> tuple[int, dict, dict]:
        with self.lock:
            allowed = self.rate_limit.get(method)
            if allowed:
                now = time.monotonic()
                window = [t for t in self._window.get(method, []) if now - t < 1.0]
                if len(window) >= allowed:
                    self._window[method] = window
                    return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
                window.append(now)
                self._window[method] = window
            queued = self.failures.get(method)
            if queued:
                status, error = queued.pop(0)
                headers = {"Retry-After": "1"} if status == 429 else {}
                return status, {"ok": False, "error": error}, headers
            self.calls.append(Call(method, {} if self.light else params))
            stall = self.delays[method].pop(0) if self.delays.get(method) else 0
        if stall:  # received (and recorded) now, answered later: a slow or hung Slack
            time.sleep(stall)
        if method == "apps.connections.open":  # the one method called with the app-level token
            if not (token or "").startswith("xapp-"):
                return self._err("not_allowed_token_type")
        elif token != self.token:
            return self._err("invalid_auth")
        fn = getattr(self, "api_" + method.replace(".", "_"), None)
        if fn is None:
            return self._err("unknown_method", 404)
        return fn(params)

    def api_apps_connections_open(self, p):
        if not self.socket_url:
            return self._err("invalid_auth")
        return self._ok(url=self.socket_url)

    def api_auth_test(self, p):
        return self._ok(
            url="https://fake.slack/", team="Test", user="pulsegap", team_id=TEAM, user_id=BOT_USER, bot_id="BPULSE"
        )

    def api_users_info(self, p):
        user = self.users.get(p.get("user"))
        if not user:
            return self._err("user_not_found")
        if str(p.get("include_locale", "")).lower() not in ("true", "1"):
            user = {k: v for k, v in user.items() if k != "locale"}
        return self._ok(user=user)

    def api_users_list(self, p):
        """Paged by a cursor (the index to start at), `limit` people a page; locale only with include_locale."""
        start, limit = int(p.get("cursor") or 0), int(p.get("limit") or 1000)
        ids = sorted(self.users)
        members = [self.users[u] for u in ids[start : start + limit]]
        if str(p.get("include_locale", "")).lower() not in ("true", "1"):
            members = [{k: v for k, v in m.items() if k != "locale"} for m in members]
        more = start + limit < len(ids)
        return self._ok(members=members, response_metadata={"next_cursor": str(start + limit) if more else ""})

    def api_usergroups_users_list(self, p):
        group = self.usergroups.get(p.get("usergroup"))
        return self._ok(users=list(group)) if group is not None else self._err("no_such_subteam")

    def api_conversations_open(self, p):
        user = p.get("users", "")
        u = self.users.get(user)
        if not u or u.get("deleted"):
            return self._err("user_not_found")
        if u.get("is_bot"):
            return self._err("cannot_dm_bot")
        return self._ok(channel={"id": "D" + user[1:]})

    def _post(self, p, ephemeral=False):
        channel = p.get("channel", "")
        if channel.startswith(("U", "W")):
            u = self.users.get(channel)
            if not u or u.get("deleted"):
                return self._err("user_not_found" if not u else "account_inactive")
            if u.get("is_bot"):
                return self._err("cannot_dm_bot")
            channel = "D" + channel[1:]
        elif channel.startswith(("C", "G")):
            c = self.channels.get(channel)
            if not c:
                return self._err("channel_not_found")
            if not c["is_member"]:
                return self._err("not_in_channel")
        ts = self.next_ts()
        msg = {
            "ts": ts,
            "text": p.get("text"),
            "blocks": p.get("blocks"),
            "metadata": p.get("metadata"),
            "user": BOT_USER,
            "bot_id": "BPULSE",
        }
        if self.light:
            msg = {"ts": ts, "metadata": p.get("metadata")}
        if ephemeral:
            with self.lock:
                self.ephemeral.setdefault(p.get("user", ""), []).append({**msg, "channel": channel})
            return self._ok(message_ts=ts)
        with self.lock:
            self.messages.setdefault(channel, []).append(msg)
        return self._ok(channel=channel, ts=ts, message=msg)

    def api_chat_postMessage(self, p):
        return self._post(p)

    def api_chat_postEphemeral(self, p):
        return self._post(p, ephemeral=True)

    def api_chat_update(self, p):
        with self.lock:
            for msg in self.messages.get(p.get("channel"), []):
                if msg["ts"] == p.get("ts"):
                    msg.update(text=p.get("text"), blocks=p.get("blocks"))
                    return self._ok(channel=p.get("channel"), ts=p.get("ts"))
        return self._err("message_not_found")

    def api_conversations_history(self, p):
        with self.lock:
            msgs = list(reversed(self.messages.get(p.get("channel"), [])))
        return self._ok(messages=msgs[: int(p.get("limit", 100))], has_more=False)

    def api_conversations_info(self, p):
        c = self.channels.get(p.get("channel"))
        return self._ok(channel=c) if c else self._err("channel_not_found")

    def api_conversations_join(self, p):
        c = self.channels.get(p.get("channel"))
        if not c:
            return self._err("channel_not_found")
        if c["is_private"]:
            return self._err("method_not_supported_for_channel_type")
        c["is_member"] = True
        return self._ok(channel=c)

    def api_views_publish(self, p):
        view = {"id": "V" + str(next(self._ids)), **(p.get("view") or {})}
        with self.lock:
            self.views[p.get("user_id", "")] = view
        return self._ok(view=view)

    def _modal(self, p, view_id: str | None = None, stack: str = ""):
        """Record a modal; `stack` ("open", "push") puts it on the stack of the user whose
        interaction made the trigger_id, as Slack shows it to them."""
        view = p.get("view") or {}
        if isinstance(view, str):
            view = json.loads(view)
        view_id = view_id or "V" + str(next(self._ids))
        view = {**view, "id": view_id}
        with self.lock:
            self.modals[view_id] = view
            user = self.triggers.get(p.get("trigger_id") or "")
            if user and stack:
                self.stacks[user] = [*(self.stacks.get(user, []) if stack == "push" else []), view_id]
        return self._ok(view=view)

    def api_views_open(self, p, stack: str = "open"):
        if not p.get("trigger_id"):
            return self._err("invalid_trigger_id")
        return self._modal(p, stack=stack)

    def api_views_push(self, p):
        return self.api_views_open(p, stack="push")

    def api_views_update(self, p):
        view_id = p.get("view_id")
        if view_id not in self.modals:
            return self._err("not_found")
        return self._modal(p, view_id)

    # ----- the modals a user has open (the sandbox's page shows the top one) ----------------
    def modal_of(self, user: str) -> dict | None:
        with self.lock:
            stack = self.stacks.get(user)
            return dict(self.modals[stack[-1]]) if stack else None

    def close_modal(self, user: str, everything: bool = False) -> None:
        """The modal's close button (back to the one below) or its X (all of them)."""
        with self.lock:
            stack = self.stacks.get(user, [])
            del stack[0 if everything else -1 :]

    def answer_submission(self, user: str, view_id: str, answer: dict) -> dict:
        """What Slack does with the app's answer to a view_submission: `errors` keeps the modal
        (returned, for the page to show under the fields); `update` replaces it, `push` stacks a new
        one, `clear` closes them all, anything else closes this one."""
        action = answer.get("response_action")
        if action == "errors":
            return answer.get("errors") or {}
        if action == "update":
            self._modal(answer, view_id)
        elif action == "push":
            pushed = self._modal(answer)[1]["view"]["id"]
            with self.lock:
                self.stacks.setdefault(user, []).append(pushed)
        else:
            with self.lock:
                stack = self.stacks.get(user, [])
                if view_id in stack:
                    del stack[0 if action == "clear" else stack.index(view_id) :]
        return {}

    def api_usergroups_list(self, p):
        groups = [
            {"id": gid, "handle": self.handles.get(gid, gid.lower()), "name": gid, "user_count": len(members)}
            for gid, members in self.usergroups.items()
        ]
        return self._ok(usergroups=groups)

    def api_files_getUploadURLExternal(self, p):
        fid = f"F{next(self._ids):06d}"
        self.file_names[fid] = p.get("filename") or fid
        return self._ok(upload_url=f"{self.base}/upload/{fid}", file_id=fid)

    def api_files_completeUploadExternal(self, p):
        files = p.get("files")
        if isinstance(files, str):
            files = json.loads(files)
        channel = p.get("channel_id")
        if channel:
            c = self.channels.get(channel)
            if channel.startswith("C") and (not c or not c["is_member"]):
                return self._err("not_in_channel")
        out = []
        for f in files or []:
            if f["id"] not in self.uploads:
                return self._err("file_not_found")
            out.append(
                {
                    "id": f["id"],
                    "title": f.get("title"),
                    "name": self.file_names.get(f["id"]),
                    "size": len(self.uploads[f["id"]]),
                }
            )
        with self.lock:
            self.messages.setdefault(channel or "", []).append(
                {"ts": self.next_ts(), "text": p.get("initial_comment"), "files": out}
            )
        return self._ok(files=out)

    # ----- HTTP ---------------------------------------------------------------------------
    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _body(self) -> bytes:
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def _send(self, status: int, payload: dict, headers: dict | None = None):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout it was told to have): as Slack, nothing to say

            def _params(self, raw: bytes) -> dict:
                url = urllib.parse.urlparse(self.path)
                params = {k: v[-1] for k, v in urllib.parse.parse_qs(url.query).items()}
                ctype = self.headers.get("Content-Type", "")
                if raw and "json" in ctype:
                    params.update(json.loads(raw))
                elif raw and "form" in ctype:
                    params.update({k: v[-1] for k, v in urllib.parse.parse_qs(raw.decode()).items()})
                for key in ("blocks", "metadata", "view", "files", "attachments"):
                    if isinstance(params.get(key), str):
                        try:
                            params[key] = json.loads(params[key])
                        except ValueError:
                            pass
                return params

            def _dispatch(self):
                raw = self._body()
                path = urllib.parse.urlparse(self.path).path
                if path.startswith("/api/"):
                    auth = self.headers.get("Authorization", "")
                    token = auth[7:] if auth.startswith("Bearer ") else None
                    params = self._params(raw)
                    token = token or params.pop("token", None)
                    status, payload, headers = fake.handle(path[5:], params, token)
                    self._send(status, payload, headers)
                elif path.startswith("/response/"):
                    fake.record_response(path[10:], json.loads(raw or b"{}"))
                    self._send(200, {"ok": True})
                elif path.startswith("/upload/"):
                    fake.uploads[path[8:]] = _file_bytes(raw, self.headers.get("Content-Type", ""))
                    self._send(200, {"ok": True})
                else:
                    self._send(404, {"ok": False, "error": "not_found"})

            do_GET = _dispatch
            do_POST = _dispatch
            do_PUT = _dispatch

        return Handler


def _file_bytes(raw: bytes, ctype: str) -> bytes:
    """The uploaded file, out of a multipart body if slack_sdk sent one."""
    if "multipart/form-data" not in ctype:
        return raw
    boundary = ctype.split("boundary=")[-1].strip('"').encode()
    for part in raw.split(b"--" + boundary):
        head, _, body = part.partition(b"\r\n\r\n")
        if b"filename=" in head:
            return body.rstrip(b"\r\n")
    return raw
