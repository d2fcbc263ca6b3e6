"""Pulsegap: build the Slack app from the environment and start it.

python bot.py          HTTP on $PORT at /slack/events (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET),
                       Socket Mode (SLACK_APP_TOKEN), or, with no tokens, the local sandbox
                       at http://127.0.0.1:$PORT (the same app behind a Slack stand-in)
"""

from __future__ import annotations

import gc
import logging
import resource
import sys
import threading
import time
from contextlib import contextmanager

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
from services.owned_actions import OwnedActions
from services.polls import Polls
from services.replies import Replies
from services.runtime import Runtime, slack_client
from services.scheduler import Scheduler
from storage import StorageError, Store

log = logging.getLogger("pulsegap")

# waitress: Slack needs an answer within 3 s, so a connection that has sent nothing for a few
# seconds is closed (checked every second), and idle or half-sent connections cannot take every
# slot: there are CONNECTIONS of them, not waitress's default 100.
CONNECTIONS, CHANNEL_TIMEOUT, CLEANUP_INTERVAL = 1000, 5, 1


class StartupError(Exception):
    """Start-up cannot go on; the message says why in one line."""


@contextmanager
def refusing_to_start():
    """A start-up problem ends the process with one clear line on stderr and status 2, never a traceback."""
    try:
        yield
    except (ConfigError, StorageError, StartupError) as exc:
        line = str(exc)
    except BoltError as exc:
        line = f"Slack rejected the configuration: {exc}"
    else:
        return
    print(f"pulsegap: {line}", file=sys.stderr, flush=True)
    raise SystemExit(2)


def connection_limit(spare: int = 100) -> int:
    """CONNECTIONS, raising the soft file-descriptor limit to make room (keeping `spare` for the
    database, Slack and logs), or as many as the hard limit allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = CONNECTIONS + spare
    if soft != resource.RLIM_INFINITY and soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    limit = CONNECTIONS if soft == resource.RLIM_INFINITY else min(CONNECTIONS, soft - spare)
    if limit < CONNECTIONS:
        log.warning("only %d connections at once: the file-descriptor limit (ulimit -n) is %d", limit, soft)
    return limit


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


def build(config: Config, http: bool) -> tuple[App, Runtime]:
    """http: requests come over HTTP (so every one is verified), not over a Socket Mode link."""
    store = Store(config.database_path, config.min_respondents, config.min_comments)
    client = slack_client(config.bot_token, config.api_url, timeout=config.slack_timeout)
    try:
        app = App(
            # named, so Bolt does not take its name from inspect.stack(), which reads the source of
            # every frame above: 90 ms each time a test builds the app, a little at every start
            name="pulsegap",
            signing_secret=config.signing_secret or "",
            client=client,  # carries the token and SLACK_API_URL
            request_verification_enabled=http,
            logger=logging.getLogger("pulsegap.bolt"),
            # Answer Slack as soon as a listener returns, instead of Bolt polling every 10 ms for the
            # ack; work that needs the Web API runs in lazy listeners after the response.
            process_before_response=True,
        )
    except OSError as exc:  # Bolt's auth.test, already retried by the client for about 10 s
        raise StartupError(
            f"cannot reach Slack's Web API at {config.api_url} ({getattr(exc, 'reason', exc)}): "
            "check SLACK_API_URL, the network and any proxy, then start again"
        ) from None
    rt = Runtime(config=config, store=store, client=client)
    store.seed_statements([(m.id, m.statement) for m in rt.studies.metrics.values() if m.statement])
    rt.polls = Polls(rt)
    rt.replies = Replies(timeout=config.slack_timeout)
    rt.digests = Digests(rt)
    rt.scheduler = Scheduler(config.database_path, tick_seconds=config.tick_seconds)
    jobs.install(polls=rt.polls, digests=rt.digests, actions=OwnedActions(rt))
    handlers.register(app, rt)
    return app, rt


def start_background(rt: Runtime) -> None:
    """Unfinished work from before a crash (in the background: start-up never waits on Slack),
    then the scheduler (persisted schedules, and the tick that closes pulses and retries)."""
    rt.polls.resume()
    threading.Thread(target=rt.digests.resume, name="resume-digests", daemon=True).start()
    rt.scheduler.start()
    # What start-up built (modules: Bolt, APScheduler, sqlite-utils, the studies) lives
    # as long as the process: keep it out of every garbage collection, so a full collection
    # during a burst of clicks walks only what the burst made, not the whole heap.
    gc.freeze()


def wsgi_app(app: App, config: Config):
    """/slack/events for Slack (POST), /healthz for load balancers; 404 elsewhere."""
    slack = guard(SlackRequestHandler(app, path="/slack/events"), config.signing_secret or "")

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
    with refusing_to_start():
        config = load_config()
        if not config.signing_secret:  # whatever else is set: this serves HTTP
            raise ConfigError("SLACK_SIGNING_SECRET is required to serve HTTP (bot:create_wsgi)")
        configure_logging(config)
        app, rt = build(config, http=True)
        start_background(rt)
    return wsgi_app(app, config)


def main() -> int:
    load_dotenv(override=False)
    with refusing_to_start():
        config = load_config()
        configure_logging(config)
        sandbox = None
        if config.mode == "sandbox":
            from sandbox.server import BANNER, Sandbox

            sandbox = Sandbox(config.port)
            config = sandbox.configure(config)
        app, rt = build(config, http=config.mode != "socket")
        start_background(rt)

    if config.mode == "socket":
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("Pulsegap in Socket Mode")
        SocketModeHandler(app, config.app_token).start()
        return 0

    from waitress import create_server

    application, host = wsgi_app(app, config), "0.0.0.0"
    if sandbox:
        application, host = sandbox.wsgi(application), "127.0.0.1"  # the sandbox is for this machine only
        print(BANNER.format(port=config.port), file=sys.stderr, flush=True)
    with refusing_to_start():
        try:
            server = create_server(  # bound here, so the line below is true; waitress's own "Serving on" is not printed
                application,
                host=host,
                port=config.port,
                threads=8,
                max_request_body_size=1 << 20,
                ident="pulsegap",
                connection_limit=connection_limit(),
                channel_timeout=CHANNEL_TIMEOUT,
                cleanup_interval=CLEANUP_INTERVAL,
                asyncore_use_poll=True,
            )  # poll(): select() cannot watch descriptors above 1023
        except OSError as exc:
            raise StartupError(
                f"cannot listen on {host}:{config.port} ({exc.strerror}): set PORT to a free port"
            ) from None
    if sandbox:  # the last line names the page to open, not the app's endpoint
        log.info("Pulsegap sandbox: open http://127.0.0.1:%s/ in a browser", config.port)
    else:
        log.info("Pulsegap listening on http://%s:%s/slack/events", host, config.port)
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
