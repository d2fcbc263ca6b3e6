"""Posting digests to channels (now or on a schedule), exactly once, with the chart uploaded."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

from slack_sdk.errors import SlackApiError

from render import blocks as ui
from render.chart import gap_chart
from services import results as results_service
from services.runtime import Runtime

log = logging.getLogger("pulsegap.digests")
METADATA_EVENT = "pulsegap_digest"


class Digests:
    def __init__(self, rt: Runtime):
        self.rt = rt

    def ensure_member(self, channel: str) -> str | None:
        """None when the bot can post and upload in `channel`; otherwise what the admin should do."""
        client = self.rt.client
        try:
            info = client.conversations_info(channel=channel)["channel"]
        except SlackApiError as exc:
            return f"I can't see <#{channel}> ({exc.response.get('error')}). Invite me there: `/invite @Pulsegap`."
        if info.get("is_member"):
            return None
        if info.get("is_private"):
            return f"<#{channel}> is private: type `/invite @Pulsegap` there, then try again."
        try:
            client.conversations_join(channel=channel)
        except SlackApiError as exc:
            return f"I couldn't join <#{channel}> ({exc.response.get('error')}): type `/invite @Pulsegap` there."
        return None

    def post(self, channel: str, key: str | None = None, wave_id: int | None = None) -> tuple[bool, str]:
        """Post the digest of the latest closed wave (or wave_id). key makes it exactly-once."""
        res = results_service.results(self.rt, wave_id)
        if res is None:
            return False, "No pulse has closed yet, so there is nothing to digest."
        key = key or f"now:{channel}:{res.wave['id']}:{datetime.now(timezone.utc).isoformat()}"
        if not self.rt.store.claim_digest(key, channel, res.wave["id"]):
            return False, "That digest was already posted."
        problem = self.ensure_member(channel)
        if problem:
            self.rt.store.finish_digest(key, "failed")
            return False, problem
        return self._deliver(key, channel, res)

    def _deliver(self, key: str, channel: str, res, message_sent: bool = False) -> tuple[bool, str]:
        headline = results_service.headline(self.rt, res)
        prev = next((s.previous_gap for s in res.statements if s.previous_gap is not None), None)
        previous_id = res.wave["id"] - 1 if prev is not None else None
        payload = ui.digest_blocks(res, headline, previous_id)
        try:
            if not message_sent:
                resp = self.rt.client.chat_postMessage(
                    channel=channel, blocks=payload["blocks"], text=payload["text"], unfurl_links=False,
                    metadata={"event_type": METADATA_EVENT, "event_payload": {"key": key}},
                )
                self.rt.store.finish_digest(key, "message", resp["ts"])
            png = gap_chart(res) if res.anything_shown else None
            if png:
                self.rt.client.files_upload_v2(
                    channel=channel, content=png, filename=f"pulsegap-pulse-{res.wave['id']}.png",
                    title=f"Pulse #{res.wave['id']}: executives vs agents",
                )
        except SlackApiError as exc:
            self.rt.store.finish_digest(key, "failed")
            log.warning("digest to %s failed: %s", channel, exc.response.get("error"))
            return False, f"Slack refused the digest for <#{channel}> ({exc.response.get('error')})."
        self.rt.store.finish_digest(key, "posted")
        return True, f"Digest of Pulse #{res.wave['id']} posted in <#{channel}>."

    def post_scheduled(self, channel: str, job_id: str) -> None:
        key = f"{job_id}:{datetime.now(timezone.utc):%Y-%m-%d}"
        ok, text = self.post(channel, key=key)
        log.info("scheduled digest %s: %s", key, text)

    def resume(self) -> None:
        """After a crash: finish digests that were under way, without posting any twice."""
        for row in self.rt.store.rows("SELECT * FROM digest_posts WHERE state IN ('posting','message')"):
            res = results_service.results(self.rt, row["wave_id"])
            if res is None:
                continue
            sent = row["state"] == "message" or self._already_posted(row["channel"], row["key"])
            self._deliver(row["key"], row["channel"], res, message_sent=sent)

    def _already_posted(self, channel: str, key: str) -> bool:
        try:
            history = self.rt.client.conversations_history(channel=channel, limit=50, include_all_metadata=True)
        except SlackApiError:
            return False
        return any((m.get("metadata") or {}).get("event_payload", {}).get("key") == key
                   for m in history.get("messages", []))
