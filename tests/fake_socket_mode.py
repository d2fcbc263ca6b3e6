"""Slack's end of a Socket Mode link, on loopback: the stand-in's `apps.connections.open`
hands out this server's ws:// URL; envelopes go down the link as Slack sends them, and the
app's acks come back, keyed by envelope id. Like fake_slack, it stands in for Slack only."""

from __future__ import annotations

import itertools
import json
import threading
import time

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve


class SocketModeLink:
    def __init__(self, fake):
        self.fake = fake
        self.cv = threading.Condition()
        self.connections: list[ServerConnection] = []
        self.acks: dict[str, dict] = {}
        self._ids = itertools.count(1)
        self.server = serve(self._serve, "127.0.0.1", 0)
        self.port = self.server.socket.getsockname()[1]
        threading.Thread(target=self.server.serve_forever, name="socket-mode-link", daemon=True).start()
        fake.socket_url = f"ws://127.0.0.1:{self.port}/link"

    def _serve(self, ws: ServerConnection) -> None:
        ws.send(
            json.dumps(
                {
                    "type": "hello",
                    "num_connections": 1,
                    "connection_info": {"app_id": "A0PULSE"},
                    "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                }
            )
        )
        with self.cv:
            self.connections.append(ws)
            self.cv.notify_all()
        try:
            for raw in ws:
                ack = json.loads(raw)
                with self.cv:
                    self.acks[ack["envelope_id"]] = ack
                    self.cv.notify_all()
        except ConnectionClosed:
            pass  # the app went away (stopped or killed), as apps do
        finally:
            with self.cv:
                self.connections.remove(ws)

    def connected(self) -> bool:
        with self.cv:
            return bool(self.connections)

    def send(self, kind: str, payload: dict, timeout: float = 10) -> dict:
        """Send one envelope ("slash_commands", "interactive", "events_api"); return the app's ack."""
        envelope_id = f"env-{next(self._ids)}"
        with self.cv:
            if not self.cv.wait_for(lambda: self.connections, timeout):
                raise AssertionError("the app never opened a Socket Mode connection")
            ws = self.connections[-1]
        ws.send(
            json.dumps(
                {
                    "envelope_id": envelope_id,
                    "type": kind,
                    "payload": payload,
                    "accepts_response_payload": kind != "events_api",
                    "retry_attempt": 0,
                    "retry_reason": "",
                }
            )
        )
        deadline = time.monotonic() + timeout
        with self.cv:
            while envelope_id not in self.acks:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no ack for {kind} envelope {envelope_id}")
                self.cv.wait(left)
            return self.acks[envelope_id]

    def stop(self) -> None:
        self.server.shutdown()
        self.fake.socket_url = None
