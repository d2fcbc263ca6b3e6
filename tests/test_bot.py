"""End to end: the real bot process, signed HTTP as Slack sends it, the fake Slack at the wire."""

from __future__ import annotations

import time
import urllib.parse


def test_with_tokens_nothing_of_the_sandbox_is_served(bot):
    import requests

    base = bot.url.rsplit("/slack/events", 1)[0]
    for path in ("/", "/sandbox/api/state", "/sandbox/files/F1"):
        assert requests.get(base + path, timeout=5).status_code == 404
    assert requests.post(base + "/sandbox/api/command", json={"text": "/gap poll now"}, timeout=5).status_code == 404
    assert "LOCAL SANDBOX" not in bot.output()


def test_waitress_queue_warnings_are_kept_to_one_a_minute(bot):
    """A burst wider than waitress's 8 threads: 'Task queue depth' would be logged per request."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    from support.harness import sign

    def ask(i):
        s = requests.Session()
        for n in range(10):
            body = urllib.parse.urlencode(
                {
                    "command": "/gap",
                    "text": "help",
                    "user_id": f"U{i}",
                    "team_id": "T0TEST",
                    "channel_id": "C0LEADS",
                    "response_url": bot.fake.response_url(),
                    "trigger_id": f"{i}.{n}",
                }
            )
            assert (
                s.post(
                    bot.url,
                    data=body,
                    headers={"Content-Type": "application/x-www-form-urlencoded", **sign(body)},
                    timeout=30,
                ).status_code
                == 200
            )

    with ThreadPoolExecutor(40) as pool:
        list(pool.map(ask, range(40)))
    assert bot.output().count("Task queue depth") <= 1


def test_once_per_minute_lets_one_through_and_counts_the_rest():
    import logging

    import bot as app_module

    seen = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    logger = logging.getLogger("tests.queue")
    logger.addHandler(handler)
    logger.addFilter(app_module.OncePerMinute(period=1))
    for depth in range(5):
        logger.warning("Task queue depth is %d", depth)
    assert seen == ["Task queue depth is 0"]
    time.sleep(1.1)
    logger.warning("Task queue depth is %d", 9)
    assert seen == ["Task queue depth is 0", "Task queue depth is 9 (4 more like it in the last 1 s)"]


def test_start_up_leaves_pandas_numpy_and_matplotlib_to_the_first_export_and_chart():
    """About half a second of every start: sqlite-utils would import pandas and numpy if let."""
    import subprocess
    import sys

    from support.harness import ROOT

    code = "import sys, bot; print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'numpy', 'matplotlib'}))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")
