"""The baseline app: slack-bolt with nothing of ours, served the same way (waitress, 8 threads)."""

from __future__ import annotations

import os
import re

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from waitress import serve

client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
app = App(signing_secret=os.environ["SLACK_SIGNING_SECRET"], client=client)


@app.command("/gap")
def command(ack):
    ack(text="ok")


@app.action(re.compile(".*"))
def action(ack):
    ack()


handler = SlackRequestHandler(app)


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/healthz":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]
    return handler(environ, start_response)


if __name__ == "__main__":
    serve(application, host="127.0.0.1", port=int(os.environ["PORT"]), threads=8, ident="bare")
