"""Turning away malformed interaction payloads before Bolt sees them.

Bolt builds every listener argument eagerly (`action = body["actions"][0]`, `body["view"]`, …),
so a payload of a shape Slack never sends raises inside Bolt, even in a middleware, and is
answered with a 500. A forged one must still get its 401. So, at the WSGI layer: signed and
malformed -> 400; unsigned -> 401; everything else -> Bolt.
"""
from __future__ import annotations

import io
import json
import logging
import urllib.parse

from slack_sdk.signature import SignatureVerifier

log = logging.getLogger("pulsegap.guards")


MUST_BE_OBJECTS = ("view", "event", "message", "container", "workflow_step", "previous_message")
OBJECTS_OR_NULL = ("user", "team", "channel", "enterprise", "state")


def _bad_shape(payload) -> bool:
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


def malformed(body: bytes, content_type: str) -> bool:
    try:
        if "application/json" in content_type:
            payload = json.loads(body)
        elif "application/x-www-form-urlencoded" in content_type:
            form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
            if "payload" not in form:
                return False  # a slash command: flat form fields, nothing nested to trip over
            payload = json.loads(form["payload"][0])
        else:
            return False
    except (UnicodeDecodeError, IndexError, ValueError):
        return True  # Bolt would fail parsing it with a 500
    return _bad_shape(payload)


def guard(application, signing_secret: str, verify: bool = True):
    verifier = SignatureVerifier(signing_secret)

    def guarded(environ, start_response):
        if environ.get("REQUEST_METHOD") != "POST":
            return application(environ, start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        if malformed(body, environ.get("CONTENT_TYPE", "")):
            headers = {"x-slack-request-timestamp": environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""),
                       "x-slack-signature": environ.get("HTTP_X_SLACK_SIGNATURE", "")}
            if verify and not verifier.is_valid_request(body, headers):
                start_response("401 Unauthorized", [("Content-Type", "application/json")])
                return [b'{"error": "invalid request"}']
            log.warning("refused a malformed payload")
            start_response("400 Bad Request", [("Content-Type", "application/json")])
            return [b'{"error": "malformed payload"}']
        environ["wsgi.input"] = io.BytesIO(body)
        return application(environ, start_response)

    return guarded
