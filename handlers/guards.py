"""Turning away payloads of shapes Slack never sends, before they crash inside Bolt.

Bolt builds listener arguments eagerly (`action = body["actions"][0]`, `body["view"]`, …), so a
block_actions payload without actions, a `view` that is not an object, and the like raise inside
Bolt and would be answered with a 500. Two guards, neither of which parses anything twice:
- `ShapeGuard`, a class-based global middleware (class-based, so Bolt hands it the request
  without building those arguments): after Bolt has verified the signature, a malformed but
  signed payload gets a 400.
- `guard()`, at the WSGI layer: a body Bolt cannot even parse (`payload=` with broken JSON)
  gets a 400 when signed and a 401 when not, instead of a 500.
"""
from __future__ import annotations

import io
import logging

from slack_bolt import BoltResponse
from slack_bolt.middleware import Middleware
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger("pulsegap.guards")

MUST_BE_OBJECTS = ("view", "event", "message", "container", "workflow_step", "previous_message")
OBJECTS_OR_NULL = ("user", "team", "channel", "enterprise", "state")
MALFORMED = BoltResponse(status=400, body={"error": "malformed payload"})


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
    if payload.get("type") == "block_actions":
        actions, user = payload.get("actions"), payload.get("user")
        if not (isinstance(actions, list) and actions and all(isinstance(a, dict) for a in actions)
                and isinstance(user, dict) and isinstance(user.get("id"), str) and user["id"]):
            return True
    if payload.get("type") == "event_callback":
        event = payload.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return True
        return any(k in event and not isinstance(event[k], dict) for k in ("message", "previous_message"))
    return False


class ShapeGuard(Middleware):
    def process(self, *, req, resp, next):  # noqa: A002 - Bolt's parameter name
        if bad_shape(req.body):
            log.warning("refused a malformed payload")
            return MALFORMED
        return next()


def guard(application, signing_secret: str, verify: bool = True):
    verifier = SignatureVerifier(signing_secret)

    def guarded(environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        try:
            return application(environ, start_response)
        except Exception:  # Bolt could not parse the body at all
            headers = {"x-slack-request-timestamp": environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""),
                       "x-slack-signature": environ.get("HTTP_X_SLACK_SIGNATURE", "")}
            if verify and not verifier.is_valid_request(body, headers):
                start_response("401 Unauthorized", [("Content-Type", "application/json")])
                return [b'{"error": "invalid request"}']
            log.warning("refused a payload that cannot be parsed")
            start_response("400 Bad Request", [("Content-Type", "application/json")])
            return [b'{"error": "malformed payload"}']

    return guarded
