"""The WSGI guard in front of Bolt, and turning away payloads of shapes Slack never sends.

`guard()`, at the WSGI layer, for every request to /slack/events:
- a request whose signature does not verify gets a 401 (whatever Bolt was told: no HTTP entry
  point may serve unsigned requests);
- a replay, a signature already seen within Bolt's 5-minute window, gets a 401 and does nothing
  (Slack signs each delivery afresh, its retries too, so it never sends one signature twice);
- a body Bolt cannot even parse (`payload=` with broken JSON) gets a 400 instead of a 500;
- a form body that holds the word "payload" without a `payload=` field ("/gap payload", a
  channel of that name) has its "payload" percent-encoded and is signed again with the same
  secret: Bolt takes any body containing the word for an interactivity payload and finds nothing
  (`slack_bolt.request.internals.parse_body`), so the command went unanswered.
`ShapeGuard`, a class-based global middleware (class-based, so Bolt hands it the request without
building listener arguments): Bolt builds them eagerly (`action = body["actions"][0]`,
`body["view"]`, …), so a signed payload of a shape Slack never sends gets a 400 before it can
raise inside Bolt.
"""

from __future__ import annotations

import heapq
import io
import logging
import threading
import time

from slack_bolt import BoltResponse
from slack_bolt.middleware import Middleware
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger("pulsegap.guards")

MUST_BE_OBJECTS = ("view", "event", "message", "container", "workflow_step", "previous_message")
OBJECTS_OR_NULL = ("user", "team", "channel", "enterprise", "state")
MALFORMED = BoltResponse(status=400, body={"error": "malformed payload"})
REPLAY_WINDOW = 300  # seconds: Bolt refuses a timestamp further than this from now
CLOCK_SKEW = 5  # seconds: how far Slack's clock (whole seconds) may run behind ours


def bad_shape(payload) -> bool:
    """True for shapes Slack never sends and Bolt's extractors would crash on."""
    if not isinstance(payload, dict):
        return True
    for key in MUST_BE_OBJECTS:
        if key in payload and not isinstance(payload[key], dict):
            return True
    for key in OBJECTS_OR_NULL:
        if payload.get(key) is not None and not isinstance(payload[key], dict):
            return True
    if "view" in payload and not isinstance(payload["view"].get("type"), str):
        return True
    if payload.get("type") == "block_actions":
        actions, user = payload.get("actions"), payload.get("user")
        if not (
            isinstance(actions, list)
            and actions
            and all(isinstance(a, dict) and isinstance(a.get("action_id"), str) for a in actions)
            and isinstance(user, dict)
            and isinstance(user.get("id"), str)
            and user["id"]
        ):
            return True
    if payload.get("type") == "event_callback":
        event = payload.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return True
        # a user id; only events Pulsegap does not subscribe to (user_change, team_join) carry an object
        if "user" in event and not isinstance(event["user"], str):
            return True
        return any(k in event and not isinstance(event[k], dict) for k in ("message", "previous_message"))
    return False


class ShapeGuard(Middleware):
    def process(self, *, req, resp, next):  # noqa: A002 - Bolt's parameter name
        if bad_shape(req.body):
            log.warning("refused a malformed payload")
            return MALFORMED
        return next()


class RecentSignatures:
    """Signatures of genuine requests until their timestamp leaves Bolt's window (after that Bolt
    refuses a replay by itself). Bounded: beyond `limit` the soonest to expire are forgotten.
    What an earlier process saw is not remembered, so a request signed before this one started
    (allowing for clock skew) is refused too: Slack signs every request, retries included, when
    it sends it, so only a replay carries an older timestamp."""

    def __init__(self, limit: int = 100_000):
        self.limit = limit
        self.started = time.time()
        self.seen: set[str] = set()
        self.expiry: list[tuple[int, str]] = []  # a heap of (expiry time, signature)
        self.lock = threading.Lock()

    def first_time(self, timestamp: str, signature: str) -> bool:
        """Remember this signature; False if it was seen before (a replay)."""
        now = time.time()
        if int(timestamp) < int(self.started) - CLOCK_SKEW:
            return False
        with self.lock:
            while self.expiry and (self.expiry[0][0] < now or len(self.expiry) >= self.limit):
                self.seen.discard(heapq.heappop(self.expiry)[1])
            if signature in self.seen:
                return False
            self.seen.add(signature)
            heapq.heappush(self.expiry, (int(timestamp) + REPLAY_WINDOW, signature))
            return True


def _has_payload_field(body: bytes) -> bool:
    """A `payload=` field, found without decoding the body (a pulse-DM click's is about 16 KB, and
    decoding it is most of what a vote costs): in a form body a field's "=" and "&" are never
    percent-encoded, and in a value they always are."""
    return body.startswith(b"payload=") or b"&payload=" in body


def _answer(start_response, status: str, body: bytes):
    start_response(status, [("Content-Type", "application/json")])
    return [body]


def guard(application, signing_secret: str):
    verifier = SignatureVerifier(signing_secret)
    recent = RecentSignatures()

    def guarded(environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not (signing_secret and timestamp.isdigit() and verifier.is_valid(body, timestamp, signature)):
            return _answer(start_response, "401 Unauthorized", b'{"error": "invalid request"}')
        if not recent.first_time(timestamp, signature):
            log.warning("refused a replayed request (signed at %s, already received or before start-up)", timestamp)
            return _answer(start_response, "401 Unauthorized", b'{"error": "replayed request"}')
        form = not environ.get("CONTENT_TYPE", "").startswith("application/json") and not body.lstrip().startswith(b"{")
        if form and b"payload" in body and not _has_payload_field(body):
            body = body.replace(b"payload", b"p%61yload")  # the same form fields, without the word Bolt looks for
            environ["HTTP_X_SLACK_SIGNATURE"] = verifier.generate_signature(timestamp=timestamp, body=body)
            environ["CONTENT_LENGTH"] = str(len(body))
        environ["wsgi.input"] = io.BytesIO(body)
        try:
            return application(environ, start_response)
        except Exception:  # Bolt could not parse the body at all
            log.warning("refused a payload that cannot be parsed")
            return _answer(start_response, "400 Bad Request", b'{"error": "malformed payload"}')

    return guarded
