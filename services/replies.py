"""Ephemeral replies to pulse-DM clicks (through the click's response_url), off the ack path.

Slack keeps a pulse DM and every update of it, so the DM never shows anyone's choice: a click is
confirmed by an ephemeral reply that only the clicker sees and Slack does not keep with the
message (`response_type: ephemeral`, `replace_original: false`). A burst of clicks must not wait
behind its own replies, so replies go to a queue served by one thread, which lets a burst pass
first: it waits for a short lull in clicks (at most MAX_DEFER seconds) before each reply. The
reply is built in that thread too (`make()`), so the ack path does no more than record the vote.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

from slack_sdk.webhook import WebhookClient

log = logging.getLogger("pulsegap.replies")
LULL = 0.05  # seconds without a click before a reply goes out...
MAX_DEFER = 5.0  # ...but never later than this after the click


class Replies:
    def __init__(self, lull: float = LULL, timeout: int = 15):
        self.lull = lull
        self.timeout = timeout
        self.queue: queue.Queue = queue.Queue()
        self.last_click = 0.0
        threading.Thread(target=self._work, name="replies", daemon=True).start()

    def send(self, response_url: str | None, make: Callable[[], dict | None]) -> None:
        """Post `make()` (a message payload, or None for nothing) ephemerally to `response_url`, soon."""
        self.last_click = time.monotonic()
        if response_url:  # Slack always sends one with a message button; without it nobody can be answered
            self.queue.put((response_url, make, self.last_click + MAX_DEFER))

    def _work(self) -> None:
        while True:
            url, make, due = self.queue.get()
            try:
                while time.monotonic() - self.last_click < self.lull and time.monotonic() < due:
                    time.sleep(self.lull)
                payload = make()
                if payload is not None:
                    resp = WebhookClient(url, timeout=self.timeout).send(
                        **payload, response_type="ephemeral", replace_original=False
                    )
                    if resp.status_code != 200:
                        log.warning("an ephemeral reply was refused (HTTP %s); the vote is recorded", resp.status_code)
            except Exception as exc:  # never the payload: it may hold someone's answer
                log.warning("could not send an ephemeral reply (%s); the vote is recorded", type(exc).__name__)
            finally:
                self.queue.task_done()
