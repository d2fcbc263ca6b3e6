"""Pulses: who is asked, the DM fan-out (resumable, never twice), reminders, closing, and
every DM updated to the closed state afterwards (resumable, paced, once each)."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from slack_sdk.errors import SlackApiError

import i18n
from i18n import _
from insights.anonymity import small_roles
from render.primitives import slack_date
from render.pulse import agents, closed_dm, executives, poll_dm, reminder_text, statements_count
from render.results import small_roles_text
from services.runtime import Runtime, find_posted, slack_client
from storage import iso, utcnow

log = logging.getLogger("pulsegap.polls")

# Slack errors that mean "this person cannot get a DM": skip them and report it.
UNREACHABLE = {
    "user_not_found",
    "account_inactive",
    "cannot_dm_bot",
    "user_disabled",
    "channel_not_found",
    "is_archived",
    "not_allowed_token_type",
    "user_not_visible",
    "messages_tab_disabled",
}
METADATA_EVENT = "pulsegap_wave"  # with event_payload {"wave_id": id}: DMs already sent carry these
MAX_ATTEMPTS = 3
MAYBE_SENT = ("sending", "unsure")  # looked up in the conversation before any new attempt
RETRYABLE = ("pending", "sending", "unsure", "failed")
PAGE = 200
HEADROOM = 1.015


class Pacer:
    """Shared by one fan-out's workers. Full speed until Slack answers 429; then every worker waits
    out Retry-After, and afterwards they send evenly at the rate Slack accepted in the second
    before the 429, instead of each hitting the limit and sleeping on its own."""

    def __init__(self):
        self.lock = threading.Lock()
        self.resume_at = 0.0
        self.interval = 0.0
        self.next_slot = 0.0
        self.recent: deque[float] = deque()

    def wait_turn(self) -> None:
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.resume_at, self.next_slot)
            self.next_slot = slot + self.interval
        if slot > now:
            time.sleep(slot - now)

    def sent(self) -> None:
        with self.lock:
            now = time.monotonic()
            self.recent.append(now)
            while self.recent and now - self.recent[0] > 1.0:
                self.recent.popleft()

    def rate_limited(self, retry_after: float) -> None:
        with self.lock:
            now = time.monotonic()
            accepted = sum(1 for t in self.recent if now - t <= 1.0)
            if accepted:  # a little under what Slack took, so jitter does not trip the limit again
                self.interval = max(self.interval, HEADROOM / accepted)
            else:
                self.interval = max(self.interval * 2, 0.01)
            self.resume_at = max(self.resume_at, now + retry_after)
            self.next_slot = self.resume_at


class Polls:
    def __init__(self, rt: Runtime, workers: int = 4):
        self.rt = rt
        self.workers = workers
        # the fan-out paces itself on 429s (Pacer) rather than letting each request sleep alone
        self.dm_client = slack_client(
            rt.client.token,
            rt.client.base_url,
            wait_out_429s=False,
            retry_uncertain=False,
            timeout=rt.config.slack_timeout,
        )
        self._fanouts: dict[int, threading.Lock] = {}
        self._guard = threading.Lock()

    # ----- who is asked -------------------------------------------------------------------
    def expand_roster(self, roster: list[dict] | None = None) -> tuple[list[tuple[str, str]], list[str]]:
        """(user, role) for everyone with a role now (or in `roster`, rows shaped like the store's:
        a setup modal's selection before it is saved); user groups are expanded at every pulse.
        A direct assignment beats a group; between groups, executives win. Returns problems too."""
        roster = self.rt.store.roster() if roster is None else roster
        people = {r["id"]: r["role"] for r in roster if r["kind"] == "user"}
        problems = []
        for group in sorted((r for r in roster if r["kind"] == "group"), key=lambda r: r["role"] != "exec"):
            try:
                members = self.rt.client.usergroups_users_list(usergroup=group["id"])["users"]
            except SlackApiError as exc:
                problems.append(
                    _(
                        "user group {group}: {error}",
                        group=group["name"] or group["id"],
                        error=exc.response.get("error"),
                    )
                )
                continue
            for user in members:
                people.setdefault(user, group["role"])
        return sorted(people.items()), problems

    def role_sizes(self, roster: list[dict] | None = None) -> tuple[dict[str, int], list[str]]:
        """{role: people} the next pulse would ask (or `roster` would), and any problems expanding user groups."""
        people, problems = self.expand_roster(roster)
        return dict(Counter(role for _user, role in people)), problems

    def small_roles_warning(self, counts: dict[str, int] | None = None) -> str:
        """The admin's warning about roles with fewer than MIN_RESPONDENTS + 2 people, or ''."""
        k = self.rt.config.min_respondents
        return small_roles_text(small_roles(self.role_sizes()[0] if counts is None else counts, k), k)

    # ----- a pulse -------------------------------------------------------------------------
    def start_pulse(
        self, trigger: str, started_by: str | None, duration_s: int | None = None, remind: bool = True
    ) -> tuple[dict | None, str]:
        """duration_s: how long it stays open (default POLL_DURATION); remind=False: no reminder
        (a schedule set in the setup modal may say so)."""
        cfg = self.rt.config
        duration = timedelta(seconds=duration_s) if duration_s else cfg.poll_duration
        cmd = cfg.slash_command
        statements = self.rt.store.statements()
        if not statements:
            return None, _("There are no statements to ask. Add one with `{cmd} statements add &lt;text&gt;`.", cmd=cmd)
        recipients, problems = self.expand_roster()
        if not recipients:
            return (
                None,
                _(
                    "Nobody has a role yet. Assign some with `{cmd} roles exec @people` and `{cmd} roles agent @people`.",
                    cmd=cmd,
                ),
            )
        opened = utcnow()
        remind_at = opened + duration * cfg.reminder_fraction if remind and cfg.reminder_fraction else None
        snapshot = [
            {"id": s["id"], "metric": s["metric"], "text": s["text"], "translations": s["translations"]}
            for s in statements
        ]
        pulse = self.rt.store.open_pulse(
            snapshot,
            recipients,
            iso(opened + duration),
            iso(remind_at) if remind_at else None,
            trigger,
            started_by,
        )
        if pulse is None:
            return None, _("A pulse is already open. Close it first with `{cmd} poll close`.", cmd=cmd)
        self.deliver_in_background(pulse["id"])
        counts = Counter(role for _user, role in recipients)
        text = _(
            "Pulse #{id} is going out to {execs} and {agents} ({statements}). It closes {closes}.",
            id=pulse["id"],
            execs=executives(counts.get("exec", 0)),
            agents=agents(counts.get("agent", 0)),
            statements=statements_count(len(snapshot)),
            closes=slack_date(pulse["closes_at"]),
        )
        if problems:
            text += " " + _("Problems: {problems}", problems="; ".join(problems))
        return pulse, text

    def deliver_in_background(self, pulse_id: int) -> threading.Thread:
        t = threading.Thread(target=self.deliver, args=(pulse_id,), name=f"fanout-{pulse_id}", daemon=True)
        t.start()
        return t

    def _lock_for(self, key) -> threading.Lock:
        """One lock per pulse's fan-out (key: the pulse id) and per pulse's closing pass (("closed", id))."""
        with self._guard:
            return self._fanouts.setdefault(key, threading.Lock())

    def deliver(self, pulse_id: int) -> None:
        """Send every pending DM of the pulse. Safe to call again at any time (and after a crash)."""
        lock = self._lock_for(pulse_id)
        if not lock.acquire(blocking=False):
            return  # a fan-out for this pulse is already running in this process
        try:
            payloads = {lang: self.dm(pulse_id, lang) for lang in i18n.LANGUAGES}  # each reader's language
            if payloads[i18n.DEFAULT] is None:
                return  # closed (or gone) meanwhile
            attempted, after, pacer = 0, "", Pacer()
            inflight: deque[list] = deque()  # two pages at most, so page boundaries do not stall
            self.rt.learn_people(self.rt.store.recipients(pulse_id, RETRYABLE))
            with (
                ThreadPoolExecutor(self.workers, thread_name_prefix=f"dm-{pulse_id}") as pool,
                ThreadPoolExecutor(self.workers, thread_name_prefix=f"locale-{pulse_id}") as lookups,
            ):
                while True:  # pages, so a pulse for 100,000 people never sits in memory whole
                    page = self.rt.store.deliveries(pulse_id, RETRYABLE, after, PAGE)
                    if not page:
                        break
                    after = page[-1]["user_id"]
                    todo = [
                        d
                        for d in page
                        if (d["attempts"] < MAX_ATTEMPTS or d["state"] in MAYBE_SENT) and not self._too_soon(d)
                    ]
                    # Committed before any of these DMs goes out: after a crash, 'sending' means
                    # "maybe sent", and the conversation is checked before sending again.
                    # each reader's language, looked up (users.info, once per person) while the
                    # page before is being sent, not between one person's DMs
                    languages = list(lookups.map(self.rt.language, [d["user_id"] for d in todo]))
                    self.rt.store.mark_sending(pulse_id, [d["user_id"] for d in todo])
                    inflight.append(
                        [
                            pool.submit(self._deliver_one, pulse_id, d, payloads[lang], pacer)
                            for d, lang in zip(todo, languages, strict=True)
                        ]
                    )
                    attempted += len(todo)
                    if len(inflight) == 2:
                        self.rt.store.record_outcomes(pulse_id, [f.result() for f in inflight.popleft()])
                while inflight:
                    self.rt.store.record_outcomes(pulse_id, [f.result() for f in inflight.popleft()])
            log.info("pulse %s: fan-out pass done (%s DMs attempted)", pulse_id, attempted)
        finally:
            lock.release()

    def _too_soon(self, delivery: dict) -> bool:
        """An 'unsure' DM (5xx or timeout) may still show up in Slack: wait before looking for it,
        or an absent-for-now message would be sent a second time."""
        if delivery["state"] != "unsure" or not delivery["attempted_at"]:
            return False
        grace = max(2 * self.rt.config.slack_timeout, 5)
        return (utcnow() - datetime.fromisoformat(delivery["attempted_at"])).total_seconds() < grace

    def _post_dm(self, user: str, pulse_id: int, payload: dict, pacer: Pacer):
        """The DM, paced; None if Slack kept answering 429 (the delivery is retried on a later tick)."""
        return self._paced(
            pacer,
            lambda: self.dm_client.chat_postMessage(
                channel=user,
                blocks=payload["blocks"],
                text=payload["text"],
                unfurl_links=False,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"wave_id": pulse_id}},
            ),
        )

    @staticmethod
    def _paced(pacer: Pacer, call):
        """`call()` when the pacer allows, waiting out 429s; None if Slack kept answering 429."""
        for _attempt in range(50):
            pacer.wait_turn()
            try:
                resp = call()
            except SlackApiError as exc:
                if exc.response.status_code != 429:
                    raise
                pacer.rate_limited(float(exc.response.headers.get("Retry-After", 1)))
                continue
            pacer.sent()
            return resp
        return None

    def _deliver_one(self, pulse_id: int, delivery: dict, payload: dict, pacer: Pacer) -> tuple:
        """(user, state, channel, ts, error) for one DM; writes nothing itself.

        A 5xx or a timeout leaves it 'unsure' (Slack may have posted it): it is looked up in the
        conversation before any retry, so an ambiguous failure never becomes a second DM."""
        user = delivery["user_id"]
        try:
            if delivery["state"] in MAYBE_SENT:  # a crash, 5xx or timeout around this send: did it go out?
                found = self._find_sent(pulse_id, user, delivery["channel"])
                if found:
                    return user, "sent", found[0], found[1], None
            if delivery["attempts"] >= MAX_ATTEMPTS:
                return user, "failed", None, None, delivery["error"] or "gave up"
            resp = self._post_dm(user, pulse_id, payload, pacer)
            if resp is None:
                return user, "failed", None, None, "ratelimited"
            return user, "sent", resp["channel"], resp["ts"], None
        except SlackApiError as exc:
            error = str(exc.response.get("error") or exc.response.status_code)
            log.warning("pulse %s: DM not delivered (%s)", pulse_id, error)
            if exc.response.status_code >= 500:
                return user, "unsure", None, None, error
            return user, "skipped" if error in UNREACHABLE else "failed", None, None, error
        except Exception as exc:  # timeouts and resets after the SDK's own retries
            log.warning("pulse %s: DM not confirmed (%s)", pulse_id, type(exc).__name__)
            return user, "unsure", None, None, type(exc).__name__

    def _find_sent(self, pulse_id: int, user: str, channel: str | None) -> tuple[str, str] | None:
        channel = channel or self.rt.client.conversations_open(users=user)["channel"]["id"]
        ts = find_posted(self.rt.client, channel, METADATA_EVENT, wave_id=pulse_id)
        return (channel, ts) if ts else None

    def resume(self) -> None:
        """At start-up: finish any fan-out, and any closing of DMs, a crash interrupted."""
        self._show_closed_pending()
        pulse = self.rt.store.open_pulse_row()
        if pulse and self.rt.store.deliveries(pulse["id"], ("pending", *MAYBE_SENT), limit=1):
            log.info("pulse %s: resuming an interrupted fan-out", pulse["id"])
            self.deliver_in_background(pulse["id"])

    # ----- closing and reminding ------------------------------------------------------------
    def close(self, pulse_id: int) -> bool:
        """Close the pulse now; its DMs are updated to the closed state afterwards, in the background."""
        closed = self.rt.store.close_pulse(pulse_id)
        if closed:
            log.info("pulse %s closed", pulse_id)
            self.show_closed_in_background(pulse_id)
        return closed

    def show_closed_in_background(self, pulse_id: int) -> threading.Thread | None:
        if self._lock_for(("closed", pulse_id)).locked():
            return None  # a pass for this pulse is already running in this process
        t = threading.Thread(target=self.show_closed, args=(pulse_id,), name=f"closed-{pulse_id}", daemon=True)
        t.start()
        return t

    def show_closed(self, pulse_id: int) -> None:
        """Update every delivered DM of a closed pulse to the one closed state (no buttons, the same for
        everyone), paced on 429s. Each DM is marked once updated: safe to call again at any time
        (and after a crash); what is left (429s, 5xx, timeouts) is tried again on a later tick."""
        lock = self._lock_for(("closed", pulse_id))
        if not lock.acquire(blocking=False):
            return
        try:
            pulse = self.rt.store.pulse(pulse_id)
            if not pulse or pulse["status"] != "closed":
                return
            payloads = {}
            for lang in i18n.LANGUAGES:
                with i18n.use(lang):
                    payloads[lang] = closed_dm(pulse, self.rt.config.slash_command)
            pacer, after, done = Pacer(), "", 0
            while page := self.rt.store.to_show_closed(pulse_id, after):
                after = page[-1]["user_id"]
                for d in page:
                    if self._show_closed_one(d, payloads[self.rt.language(d["user_id"])], pacer):
                        self.rt.store.mark_closed_shown(pulse_id, d["user_id"])
                        done += 1
            log.info("pulse %s: %s DMs now show the closed state", pulse_id, done)
        finally:
            lock.release()

    def _show_closed_one(self, delivery: dict, payload: dict, pacer: Pacer) -> bool:
        """True once there is nothing more to do for this DM (updated, or gone from Slack)."""
        try:
            resp = self._paced(
                pacer,
                lambda: self.dm_client.chat_update(
                    channel=delivery["channel"], ts=delivery["ts"], blocks=payload["blocks"], text=payload["text"]
                ),
            )
            return resp is not None
        except SlackApiError as exc:
            error = str(exc.response.get("error") or exc.response.status_code)
            log.warning("a pulse DM was not closed (%s)", error)
            return exc.response.status_code < 500  # message or channel gone, or not ours: nothing to close
        except Exception as exc:  # timeouts and resets: tried again on a later tick
            log.warning("a pulse DM was not closed (%s)", type(exc).__name__)
            return False

    def _show_closed_pending(self) -> None:
        for pulse_id in self.rt.store.pulses_to_show_closed():
            self.show_closed_in_background(pulse_id)

    def dm(self, pulse_id: int, lang: str = i18n.DEFAULT) -> dict | None:
        """The pulse's DM as it is sent in `lang`, or None if the pulse is gone or closed."""
        pulse = self.rt.store.pulse(pulse_id)
        if not pulse or pulse["status"] != "open":
            return None
        with i18n.use(lang):
            return poll_dm(pulse, pulse["min_respondents"])

    def user_timezone(self, user: str) -> str:
        return self.rt.person(user)["tz"]

    def tick(self, now: datetime | None = None) -> None:
        """Every few seconds: close pulses whose time is up, empty the WAL of a closed one if a
        reader blocked that, send due reminders, retry failed DMs."""
        now = now or utcnow()
        store = self.rt.store
        for pulse in store.pulses_due(iso(now)):
            self.close(pulse["id"])
        store.finish_erasure()
        self._show_closed_pending()
        pulse = store.open_pulse_row()
        if not pulse:
            return
        if store.has_retryable(pulse["id"], MAX_ATTEMPTS) and not self._lock_for(pulse["id"]).locked():
            self.deliver_in_background(pulse["id"])
        if pulse["remind_at"] and pulse["remind_at"] <= iso(now):
            after = ""
            while page := store.to_remind(pulse["id"], after):
                after = page[-1]["user_id"]
                for d in page:
                    self._remind(pulse, d["user_id"], now)

    def _remind(self, pulse: dict, user: str, now: datetime) -> None:
        if now.astimezone(ZoneInfo(self.user_timezone(user))).weekday() >= 5:
            return  # never on a weekend where they are; a later tick tries again
        try:
            with i18n.use(self.rt.language(user)):
                text = reminder_text(pulse)
            self.rt.client.chat_postMessage(channel=user, text=text, unfurl_links=False)
        except SlackApiError as exc:
            log.warning("reminder not delivered (%s)", exc.response.get("error"))
        self.rt.store.mark_reminder(pulse["id"], user)
