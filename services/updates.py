"""Showing voters their choice (chat.update) off the ack path.

A burst of clicks must not wait behind their own message updates, so updates go to a queue
served by one thread, which lets a burst pass first: it waits for a short lull in clicks (at
most MAX_DEFER seconds) before each update. Clicks on the same message are merged into one
update, so quick clicks never erase each other.

We are the only writer of a pulse DM, so an update is rendered afresh from the wave (the same
`render` that built the DM) with every choice we know for that message laid over it. Nothing
from the click's payload is kept or echoed back: per message we remember a few integers, not
its blocks, so a large wave costs little memory and leaves almost nothing for the garbage
collector to walk during a burst. For a message we know nothing of (after a restart, say), the
choices the payload shows highlighted are read back once. A wave's choices are dropped when it
closes.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from render import blocks as ui

log = logging.getLogger("pulsegap.updates")
MAX_REMEMBERED = 10_000
LULL = 0.05  # seconds without a click before an update goes out...
MAX_DEFER = 5.0  # ...but never later than this after the click


class MessageUpdater:
    def __init__(self, client: WebClient, render: Callable[[int], dict | None], workers: int = 1,
                 lull: float = LULL):
        """`render(wave_id)` gives the wave's pulse DM ({"blocks", "text"}), or None if it is gone.
        `lull`: seconds without a click before an update goes out."""
        self.client = client
        self.render = render
        self.lull = lull
        self.lock = threading.Lock()
        self.pending: dict[tuple[str, str], float] = {}  # (channel, ts) -> first click not yet shown
        # (channel, ts) -> {"wave": id, "choices": {statement_id: (seq, value)}}, least recent first
        self.choices: OrderedDict[tuple[str, str], dict] = OrderedDict()
        self.dms: dict[int, dict] = {}  # wave id -> its rendered DM
        self.queue: queue.Queue = queue.Queue()
        self.last_click = 0.0
        for i in range(workers):
            threading.Thread(target=self._work, name=f"updater-{i}", daemon=True).start()

    def show_choice(self, channel: str, ts: str, wave_id: int, statement_id: int, value: int, seq: str = "",
                    as_shown: list | None = None) -> None:
        """Schedule an update of the pulse DM (channel, ts) showing `value` for `statement_id`.
        Of two recorded clicks on one statement, the later `seq` (Slack's action_ts) shows.
        `as_shown`: the message's blocks from the click's payload; read (never kept) only for a
        message we know nothing of, after a restart or after MAX_REMEMBERED others, so choices
        shown earlier stay shown."""
        key = (channel, ts)
        with self.lock:
            self.last_click = time.monotonic()
            known = self.choices.get(key)
            if known is None:
                earlier = ui.choices_shown(as_shown, wave_id)
                known = self.choices[key] = {"wave": wave_id, "choices": {s: ("", v) for s, v in earlier.items()}}
                while len(self.choices) > MAX_REMEMBERED:
                    self.choices.popitem(last=False)
            self.choices.move_to_end(key)
            before = known["choices"].get(statement_id)
            if before is None or seq >= before[0]:
                known["choices"][statement_id] = (seq, value)
            if key not in self.pending:
                self.pending[key] = self.last_click
                self.queue.put(key)

    def forget_wave(self, wave_id: int) -> None:
        with self.lock:
            for key in [k for k, v in self.choices.items() if v["wave"] == wave_id]:
                del self.choices[key]
            self.dms.pop(wave_id, None)

    def _dm(self, wave_id: int) -> dict | None:
        with self.lock:
            dm = self.dms.get(wave_id)
        if dm is None:
            dm = self.render(wave_id)
            if dm is not None:
                with self.lock:
                    self.dms[wave_id] = dm
        return dm

    def _work(self) -> None:
        while True:
            key = self.queue.get()
            try:
                with self.lock:
                    due = self.pending[key] + MAX_DEFER
                while time.monotonic() - self.last_click < self.lull and time.monotonic() < due:
                    time.sleep(self.lull)
                with self.lock:
                    del self.pending[key]
                    known = self.choices.get(key)
                    if known is None:
                        continue  # its wave closed meanwhile, or too many messages since
                    wave_id, choices = known["wave"], sorted(known["choices"].items())
                dm = self._dm(wave_id)
                if dm is None:
                    continue
                blocks = dm["blocks"]
                for statement_id, (_seq, value) in choices:
                    blocks = ui.with_choice(blocks, wave_id, statement_id, value)
                self.client.chat_update(channel=key[0], ts=key[1], blocks=blocks, text=dm["text"])
            except SlackApiError as exc:
                log.warning("could not show a choice (%s); the vote is recorded", exc.response.get("error"))
            except Exception:
                log.exception("could not show a choice; the vote is recorded")
            finally:
                self.queue.task_done()
