"""What every listener and job needs, built once at start-up from the Config."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from threading import Lock
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

import i18n
from config import Config
from insights.studies import Studies
from insights.studies import load as load_studies
from storage import Store

if TYPE_CHECKING:  # they import this module
    from services.digests import Digests
    from services.polls import Polls
    from services.replies import Replies
    from services.scheduler import Scheduler

log = logging.getLogger("pulsegap")

LEARN_FROM = 100  # unknown recipients from which one users.list beats users.info each (~100/min)


def slack_client(
    token: str | None, api_url: str, wait_out_429s: bool = True, retry_uncertain: bool = True, timeout: int = 15
) -> WebClient:
    """A WebClient on SLACK_API_URL.

    wait_out_429s: sleep Retry-After and try again (always safe: a 429 means nothing happened).
    retry_uncertain: also retry 5xx answers and timeouts/resets. Safe for reads; NOT for posts,
    where Slack may have posted before failing: a retry would post twice. Posts that must happen
    exactly once (pulse DMs, digests) use a client without it and check Slack before retrying."""
    handlers = []
    if wait_out_429s:
        handlers.append(RateLimitErrorRetryHandler(max_retry_count=20))
    if retry_uncertain:
        handlers += [ServerErrorRetryHandler(max_retry_count=4), ConnectionErrorRetryHandler(max_retry_count=4)]
    return WebClient(token=token, base_url=api_url, timeout=timeout, retry_handlers=handlers)


def find_posted(client: WebClient, channel: str, event_type: str, **payload) -> str | None:
    """The ts of our recent message in `channel` whose metadata has this event type and payload:
    how an uncertain post (crash, 5xx, timeout) is checked before it is sent again."""
    history = client.conversations_history(channel=channel, limit=50, include_all_metadata=True)
    for msg in history.get("messages", []):
        meta = msg.get("metadata") or {}
        body = meta.get("event_payload") or {}
        if meta.get("event_type") == event_type and all(body.get(k) == v for k, v in payload.items()):
            return msg["ts"]
    return None


@dataclass
class Runtime:
    config: Config
    store: Store
    client: WebClient
    studies: Studies = field(default_factory=load_studies)
    # set by bot.build (they need the Runtime to be built)
    scheduler: Scheduler | None = None
    polls: Polls | None = None
    digests: Digests | None = None
    replies: Replies | None = None
    _admin_cache: dict[str, tuple[float, bool]] = field(default_factory=dict)
    _admin_lock: Lock = field(default_factory=Lock)
    _people: dict[str, dict] = field(default_factory=dict)  # user -> {"tz", "locale"}, for the process

    def person(self, user_id: str) -> dict:
        """A person's time zone and Slack locale (users.info with include_locale), asked once per
        process; one who cannot be looked up gets UTC and English."""
        if user_id not in self._people:
            try:
                user = self.client.users_info(user=user_id, include_locale=True)["user"]
                self._people[user_id] = {"tz": user.get("tz") or "UTC", "locale": user.get("locale")}
            except SlackApiError:
                self._people[user_id] = {"tz": "UTC", "locale": None}
        return self._people[user_id]

    def learn_people(self, users: list[str]) -> None:
        """Before a fan-out to many people not yet known: everyone's time zone and locale from
        users.list, 1,000 people a call, instead of users.info person by person (rate-limited to
        about 100 a minute, which would hold a large pulse back). Below LEARN_FROM unknown people,
        person() asks as it goes; if users.list fails, it still does."""
        if sum(u not in self._people for u in users) < LEARN_FROM:
            return
        cursor = None
        try:
            while True:
                page = self.client.users_list(limit=1000, include_locale=True, cursor=cursor)
                for user in page.get("members") or []:
                    self._people.setdefault(user["id"], {"tz": user.get("tz") or "UTC", "locale": user.get("locale")})
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return
        except SlackApiError as exc:
            log.warning("users.list failed (%s): languages are looked up person by person", exc.response.get("error"))

    def language(self, user_id: str | None) -> str:
        """The language (one of i18n.LANGUAGES) to write to this user in, from their Slack locale:
        sv-* Swedish, it-* Italian, anything else English. Every rendering for a person goes
        through `with i18n.use(rt.language(user)):`."""
        return i18n.language_of(self.person(user_id)["locale"]) if user_id else i18n.DEFAULT

    def dm(self, user: str, what: str, **message) -> bool:
        """A DM to `user` (chat.postMessage's text/blocks/...); a Slack error is logged as not
        delivering `what`, never raised: False then."""
        try:
            self.client.chat_postMessage(channel=user, **message)
            return True
        except SlackApiError as exc:
            log.warning("could not DM %s (%s)", what, exc.response.get("error"))
            return False

    def send_csv(self, channel: str, data: str, filename: str, title: str, comment: str) -> None:
        """A CSV file into `channel` (the asker's DM, for `/gap export`)."""
        self.client.files_upload_v2(
            channel=channel, content=data.encode("utf-8"), filename=filename, title=title, initial_comment=comment
        )

    def is_admin(self, user_id: str, max_age: float = 0) -> bool:
        """ADMIN_USER_IDS, or a Slack workspace admin/owner now (users.info). Admin-only effects ask
        afresh (a demoted admin loses them at once); display only (App Home buttons) may pass
        max_age to reuse an answer that many seconds old."""
        if user_id in self.config.admin_user_ids:
            return True
        now = time.monotonic()
        with self._admin_lock:
            hit = self._admin_cache.get(user_id)
            if hit and now - hit[0] < max_age:
                return hit[1]
        try:
            user = self.client.users_info(user=user_id)["user"]
            admin = bool(user.get("is_admin") or user.get("is_owner")) and not user.get("deleted")
        except SlackApiError as exc:
            log.warning("users.info failed for an admin check: %s", exc.response.get("error"))
            return False
        with self._admin_lock:
            self._admin_cache[user_id] = (now, admin)
        return admin
