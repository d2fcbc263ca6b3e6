"""Showing voters their choice (chat.update) off the ack path.

A burst of clicks must not wait behind their own message updates, so updates go to a queue
served by one thread, which lets a burst pass first: it waits for a short lull in clicks (at
most MAX_DEFER seconds) before each update. Clicks on the same message are merged into one update, starting from the
blocks we last sent for it (we are its only writer), so quick clicks never erase each other.
The in-memory copy of a pulse DM is dropped when its wave closes.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from render import blocks as ui

log = logging.getLogger("pulsegap.updates")
MAX_REMEMBERED = 10_000
LULL = 0.05  # seconds without a click before an update goes out...
MAX_DEFER = 5.0  # ...but never later than this after the click


class MessageUpdater:
    def __init__(self, client: WebClient, workers: int = 1):
        self.client = client
        self.lock = threading.Lock()
        self.pending: dict[tuple[str, str], dict] = {}
        self.sent: OrderedDict[tuple[str, str], dict] = OrderedDict()  # key -> {"wave": id, "blocks": [...]}
        self.queue: queue.Queue = queue.Queue()
        self.last_click = 0.0
        for i in range(workers):
            threading.Thread(target=self._work, name=f"updater-{i}", daemon=True).start()

    def show_choice(self, channel: str, ts: str, blocks: list[dict], text: str, wave_id: int,
                    statement_id: int, value: int) -> None:
        key = (channel, ts)
        with self.lock:
            self.last_click = time.monotonic()
            entry = self.pending.get(key)
            if entry is None:
                known = self.sent.get(key)
                entry = {"wave": wave_id, "text": text, "choices": {}, "at": self.last_click,
                         "blocks": known["blocks"] if known else blocks}
                self.pending[key] = entry
                self.queue.put(key)
            entry["choices"][statement_id] = value

    def forget_wave(self, wave_id: int) -> None:
        with self.lock:
            for key in [k for k, v in self.sent.items() if v["wave"] == wave_id]:
                del self.sent[key]

    def _work(self) -> None:
        while True:
            key = self.queue.get()
            try:
                with self.lock:
                    due = self.pending[key]["at"] + MAX_DEFER
                while time.monotonic() - self.last_click < LULL and time.monotonic() < due:
                    time.sleep(LULL)
                with self.lock:
                    entry = self.pending.pop(key)
                blocks = entry["blocks"]
                for statement_id, value in entry["choices"].items():
                    blocks = ui.with_choice(blocks, entry["wave"], statement_id, value)
                self.client.chat_update(channel=key[0], ts=key[1], blocks=blocks, text=entry["text"])
                with self.lock:
                    self.sent[key] = {"wave": entry["wave"], "blocks": blocks}
                    self.sent.move_to_end(key)
                    while len(self.sent) > MAX_REMEMBERED:
                        self.sent.popitem(last=False)
            except SlackApiError as exc:
                log.warning("could not show a choice (%s); the vote is recorded", exc.response.get("error"))
            except Exception:
                log.exception("could not show a choice; the vote is recorded")
            finally:
                self.queue.task_done()
