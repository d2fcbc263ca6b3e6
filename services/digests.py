"""Posting digests to channels (now or on a schedule), exactly once, with the chart uploaded."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from slack_sdk.errors import SlackApiError

import i18n
from i18n import _
from insights.schedule import Schedule
from render.results import digest_blocks
from services import results as results_service
from services.runtime import Runtime, find_posted, slack_client
from storage import utcnow

log = logging.getLogger("pulsegap.digests")
METADATA_EVENT = "pulsegap_digest"


class Digests:
    def __init__(self, rt: Runtime):
        self.rt = rt
        # posts that must happen once: no automatic retry after a 5xx or a timeout (resume() checks)
        self.post_client = slack_client(
            rt.client.token, rt.client.base_url, retry_uncertain=False, timeout=rt.config.slack_timeout
        )
        self.lock = threading.Lock()
        self.active: set[str] = set()  # digest keys this process is posting right now

    def ensure_member(self, channel: str) -> str | None:
        """None when the bot can post and upload in `channel`; otherwise what the admin should do."""
        client = self.rt.client
        try:
            info = client.conversations_info(channel=channel)["channel"]
        except SlackApiError as exc:
            return _(
                "I can't see <#{channel}> ({error}). Invite me there: `/invite @Pulsegap`.",
                channel=channel,
                error=exc.response.get("error"),
            )
        if info.get("is_member"):
            return None
        if info.get("is_private"):
            return _("<#{channel}> is private: type `/invite @Pulsegap` there, then try again.", channel=channel)
        try:
            client.conversations_join(channel=channel)
        except SlackApiError as exc:
            return _(
                "I couldn't join <#{channel}> ({error}): type `/invite @Pulsegap` there.",
                channel=channel,
                error=exc.response.get("error"),
            )
        return None

    def schedule(self, channel: str, s: Schedule) -> tuple[datetime | None, str | None]:
        """Digests to `channel` on schedule `s` (the command and the setup modal): (next run, None),
        or (None, what the admin should do) when the bot cannot post there."""
        problem = self.ensure_member(channel)
        if problem:
            return None, problem
        return self.rt.scheduler.schedule_digest(channel, s), None

    def _take(self, key: str) -> bool:
        with self.lock:
            if key in self.active:
                return False
            self.active.add(key)
            return True

    def _release(self, key: str) -> None:
        with self.lock:
            self.active.discard(key)

    def post(self, channel: str, key: str | None = None, pulse_id: int | None = None) -> tuple[bool, str]:
        """Post the digest of the latest closed pulse (or pulse_id). key makes it exactly-once."""
        res = results_service.results(self.rt, pulse_id)
        if res is None:
            return False, _("No pulse has closed yet, so there is nothing to digest.")
        key = key or f"now:{channel}:{res.pulse['id']}:{utcnow().isoformat()}"
        if not self._take(key):
            return False, _("That digest is being posted already.")
        try:
            if not self.rt.store.claim_digest(key, channel, res.pulse["id"]):
                return False, _("That digest was already posted.")
            problem = self.ensure_member(channel)
            if problem:
                self.rt.store.finish_digest(key, "failed")
                return False, problem
            return self._deliver(key, channel, res)
        finally:
            self._release(key)

    def _deliver(self, key: str, channel: str, res, message_sent: bool = False) -> tuple[bool, str]:
        try:
            with i18n.use(self.language(channel)):  # the channel's language, not the asker's
                payload = digest_blocks(res, results_service.headline(self.rt, res))
                png, chart_problem = self._chart(res)
                title = _("Pulse #{id}: executives vs agents", id=res.pulse["id"])
        except Exception as exc:  # our own fault: trying again would fail again
            log.exception("the digest of pulse #%s could not be built", res.pulse["id"])
            self.rt.store.finish_digest(key, "failed")
            return False, _(
                "The digest for <#{channel}> could not be built ({error}), a fault in "
                "Pulsegap, not in Slack; nothing more was posted.",
                channel=channel,
                error=type(exc).__name__,
            )
        try:
            if not message_sent:
                resp = self.post_client.chat_postMessage(
                    channel=channel,
                    blocks=payload["blocks"],
                    text=payload["text"],
                    unfurl_links=False,
                    metadata={"event_type": METADATA_EVENT, "event_payload": {"key": key}},
                )
                self.rt.store.finish_digest(key, "message", resp["ts"])
            if png:
                self.post_client.files_upload_v2(
                    channel=channel,
                    content=png,
                    filename=f"pulsegap-pulse-{res.pulse['id']}.png",
                    title=title,
                )
        except SlackApiError as exc:
            if not message_sent and exc.response.status_code < 500:
                self.rt.store.finish_digest(key, "failed")
            log.warning("digest to %s failed: %s", channel, exc.response.get("error"))
            return False, _(
                "Slack refused the digest for <#{channel}> ({error}).", channel=channel, error=exc.response.get("error")
            )
        except Exception as exc:  # a timeout or reset: left as it is, finished by a later resume()
            log.warning("digest to %s interrupted (%s); it will be finished later", channel, type(exc).__name__)
            return False, _(
                "Slack did not answer in time; the digest for <#{channel}> will be finished shortly.", channel=channel
            )
        self.rt.store.finish_digest(key, "posted")
        if chart_problem:
            return True, _(
                "Digest of Pulse #{id} posted in <#{channel}> without its chart: {problem}",
                id=res.pulse["id"],
                channel=channel,
                problem=chart_problem,
            )
        return True, _("Digest of Pulse #{id} posted in <#{channel}>.", id=res.pulse["id"], channel=channel)

    def language(self, channel: str) -> str:
        """The language a channel's digests are written in: set with `digest #c lang xx`, else DEFAULT_LANGUAGE."""
        return self.rt.store.channel_language(channel) or self.rt.config.default_language

    @staticmethod
    def _chart(res) -> tuple[bytes | None, str | None]:
        """The PNG (None when nothing may be shown), or why it could not be drawn. That is our own
        fault and drawing again would fail again, so the digest goes out without it, once."""
        if not res.compared:  # a chart only where a gap can be shown
            return None, None
        from render.chart import gap_chart  # matplotlib: loaded on first digest, not at start-up (RSS)

        try:
            return gap_chart(res), None
        except Exception as exc:
            log.exception("the chart of pulse #%s could not be drawn", res.pulse["id"])
            return None, _(
                "it could not be drawn ({error}), a fault in Pulsegap, not in Slack.", error=type(exc).__name__
            )

    def post_scheduled(self, channel: str, job_id: str) -> None:
        key = f"{job_id}:{utcnow():%Y-%m-%d}"
        ok, text = self.post(channel, key=key)
        log.info("scheduled digest %s: %s", key, text)

    def resume(self) -> None:
        """Finish digests a crash or a Slack outage interrupted, without posting any twice.
        Run at start-up and on every tick; keys this process is posting right now are left alone."""
        for row in self.rt.store.digests_to_resume():
            if not self._take(row["key"]):
                continue
            try:
                res = results_service.results(self.rt, row["pulse_id"])
                if res is None:
                    continue
                sent = (
                    row["state"] == "message"
                    or find_posted(self.rt.client, row["channel"], METADATA_EVENT, key=row["key"]) is not None
                )
                self._deliver(row["key"], row["channel"], res, message_sent=sent)
            except Exception:
                log.exception("could not finish digest %s; will try again", row["key"])
            finally:
                self._release(row["key"])
