"""Pulsegap: build the Slack app from the environment and start it.

  python bot.py          HTTP on $PORT at /slack/events (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET),
                         Socket Mode (SLACK_APP_TOKEN), or, with no tokens, the local sandbox
                         at http://127.0.0.1:$PORT (the same app behind a Slack stand-in)
"""
from __future__ import annotations

import gc
import logging
import sys
import threading
import time

from dotenv import load_dotenv
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError

import handlers
from config import Config, ConfigError, load_config
from handlers.actions import RedactPulseBodies
from handlers.guards import guard
from services import jobs
from services.digests import Digests
from services.polls import Polls
from services.replies import Replies
from services.runtime import Runtime, slack_client
from services.scheduler import Scheduler
from storage import StorageError, Store

log = logging.getLogger("pulsegap")


class OncePerMinute(logging.Filter):
    """Lets one record through per `period` seconds and counts the rest into the next one.
    For waitress's "Task queue depth is N", logged for every request that waits for a thread:
    a burst of 1,000 clicks would otherwise write 1,000 warnings that say one thing."""

    def __init__(self, period: float = 60.0):
        super().__init__()
        self.period, self.last, self.held = period, float("-inf"), 0
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        with self.lock:
            now = time.monotonic()
            if now - self.last < self.period:
                self.held += 1
                return False
            held, self.last, self.held = self.held, now, 0
        if held:
            record.msg = f"{record.msg} ({held} more like it in the last {self.period:.0f} s)"
        return True


def configure_logging(config: Config) -> None:
    logging.basicConfig(level=config.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("waitress.queue").addFilter(OncePerMinute())
    for handler in logging.getLogger().handlers:  # every record, whichever library logger it comes from
        handler.addFilter(RedactPulseBodies())


def build(config: Config) -> tuple[App, Runtime]:
    store = Store(config.database_path)
    client = slack_client(config.bot_token, config.api_url, timeout=config.slack_timeout)
    app = App(
        signing_secret=config.signing_secret or "",
        client=client,  # carries the token and SLACK_API_URL
        request_verification_enabled=config.mode == "http",
        logger=logging.getLogger("pulsegap.bolt"),
        # Answer Slack as soon as a listener returns, instead of Bolt polling every 10 ms for the
        # ack; work that needs the Web API runs in lazy listeners after the response.
        process_before_response=True,
    )
    rt = Runtime(config=config, store=store, client=client)
    store.seed_statements([(m.id, m.statement) for m in rt.benchmarks.metrics.values() if m.statement])
    rt.polls = Polls(rt)
    rt.replies = Replies(timeout=config.slack_timeout)
    rt.digests = Digests(rt)
    rt.scheduler = Scheduler(config.database_path, tick_seconds=config.tick_seconds)
    jobs.install(polls=rt.polls, digests=rt.digests)
    handlers.register(app, rt)
    return app, rt


def start_background(rt: Runtime) -> None:
    """Unfinished work from before a crash (in the background: start-up never waits on Slack),
    then the scheduler (persisted schedules, and the tick that closes waves and retries)."""
    rt.polls.resume()
    threading.Thread(target=rt.digests.resume, name="resume-digests", daemon=True).start()
    rt.scheduler.start()
    # What start-up built (modules, SQLAlchemy, pandas through sqlite-utils: ~90k objects) lives
    # as long as the process: keep it out of every garbage collection, so a full collection
    # during a burst of clicks walks only what the burst made, not the whole heap.
    gc.freeze()


def wsgi_app(app: App, config: Config):
    """/slack/events for Slack (POST), /healthz for load balancers; 404 elsewhere."""
    slack = guard(SlackRequestHandler(app, path="/slack/events"), config.signing_secret or "",
                  verify=config.mode == "http")

    def application(environ, start_response):
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path == "/slack/events" and method == "POST":
            return slack(environ, start_response)
        if path == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return application


def create_wsgi():
    """For a WSGI server, one process: `gunicorn -w 1 --threads 8 -b :3000 'bot:create_wsgi()'`."""
    load_dotenv(override=False)
    config = load_config()
    configure_logging(config)
    app, rt = build(config)
    start_background(rt)
    return wsgi_app(app, config)


def main() -> int:
    load_dotenv(override=False)
    try:
        config = load_config()
        configure_logging(config)
        sandbox = None
        if config.mode == "sandbox":
            from sandbox.server import BANNER, Sandbox

            sandbox = Sandbox(config.port)
            config = sandbox.configure(config)
        app, rt = build(config)
        start_background(rt)
    except (ConfigError, StorageError) as exc:
        print(f"pulsegap: {exc}", file=sys.stderr)
        return 2
    except BoltError as exc:
        print(f"pulsegap: Slack rejected the configuration: {exc}", file=sys.stderr)
        return 2

    if config.mode == "socket":
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("Pulsegap in Socket Mode")
        SocketModeHandler(app, config.app_token).start()
        return 0

    from waitress import serve

    application, host = wsgi_app(app, config), "0.0.0.0"
    if sandbox:
        application, host = sandbox.wsgi(application), "127.0.0.1"  # the sandbox is for this machine only
        print(BANNER.format(port=config.port), file=sys.stderr, flush=True)
    log.info("Pulsegap listening on http://%s:%s/slack/events", host, config.port)
    serve(application, host=host, port=config.port, threads=8, max_request_body_size=1 << 20, ident="pulsegap")
    return 0


if __name__ == "__main__":
    sys.exit(main())
