"""The sandbox in real headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

`python bot.py` with no tokens and every setting at its default, then a newcomer's whole story:
ask, assign roles, run a pulse, answer in DMs (and Simulate the rest), close it, see results with
a gap, post a digest with its chart, open Home, download the export.
Screenshots of each step go to $SANDBOX_SCREENS if set (none otherwise) (docs/sandbox.png is the digest's).
"""

from __future__ import annotations

import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.sandbox.browsing import answer, be, messages, settle, shot, texts, type_command, until, wait_text

CSV_HEADER = (
    "wave,opened,closed,statement,metric,role,n,pct_agree,gap_points,gap_ci_low,gap_ci_high,"
    "study_exec_pct,study_cs_pct,study_gap_points"
)


@pytest.mark.waits
def test_a_newcomer_sees_the_gap_at_the_default_settings(start_sandbox, browser, downloads):
    sandbox = start_sandbox()
    assert "LOCAL SANDBOX mode" in sandbox.log.read_text()
    browser.get(sandbox.url)
    assert "Local sandbox" in browser.find_element(By.ID, "banner").text
    until(browser, lambda d: len(Select(d.find_element(By.ID, "persona")).options) == 24, timeout=20)

    # Ask: the user's command is their own plain message; the answer is the study's
    type_command(browser, "/gap feedback")
    wait_text(browser, "78%")  # the study's executives (CS managers & directors: 62%)
    assert "62%" in messages(browser)
    own = until(
        browser,
        lambda d: d.execute_script(
            "const m = document.querySelector('#messages .msg.own');"
            "return m && [m.querySelector('.who').firstChild.textContent, m.querySelector('.plain').innerHTML];"
        ),
    )
    assert own == ["Alex Morgan", "/gap feedback"]  # from the user, as plain text
    shot(browser, "01-ask.png")

    # Roles, through the user groups the sandbox's workspace has, and a pulse to all 23
    # (each command's answer is on the page once settle() returns: the sandbox waits for it)
    type_command(browser, "/gap roles exec @cx-leadership")
    wait_text(browser, "cx-leadership (7 people) to the executives.")  # the group by its handle and size
    type_command(browser, "/gap roles agent @cx-agents")
    wait_text(browser, "cx-agents (16 people) to the agents.")
    type_command(browser, "/gap poll now")

    # Answers: clicks in five people's DMs, then Simulate for everyone else
    for persona, label in (
        ("Cecilia Lindqvist · CEO", "Strongly agree"),
        ("Farid Haddad · CFO", "Agree"),
        ("Amy Chen · Customer service agent", "Disagree"),
        ("Ben Carter · Customer service agent", "Neutral"),
        ("Cai Lin · Senior agent", "Strongly disagree"),
    ):
        be(browser, persona, "dm")
        answer(browser, 0, label)
    shot(browser, "02-pulse-dm.png")
    be(browser, "Alex Morgan · Workspace admin", "channel")
    type_command(browser, "/gap poll status")
    assert re.search(r"\b2 of 7\b.*\b3 of 16\b", messages(browser), re.S), messages(browser)
    browser.find_element(By.ID, "simulate").click()
    settle(browser)
    assert browser.find_element(By.ID, "status").text == (
        f"Added {23 * 11 - 5} simulated answers from 23 people to Pulse #1."
    )

    # Close, results with a gap and its interval
    type_command(browser, "/gap poll close")
    type_command(browser, "/gap results")
    # the structure, not the wording (results lines are reworded elsewhere): one gap per statement,
    # each with its 95% interval of two signed whole numbers
    gaps = re.findall(r"[+−]?\d+ points?\b.*\(95% CI [+−]?\d+ to [+−]?\d+\)", messages(browser))
    assert len(gaps) == 11, messages(browser)
    browser.execute_script("document.querySelector('#messages .msg:last-child').scrollIntoView()")
    shot(browser, "03-results.png")

    # The digest, with its chart
    type_command(browser, "/gap digest #cx-leads")
    wait_text(browser, "Digest of Pulse #1")
    width = until(
        browser,
        lambda d: d.execute_script(
            "const i = document.querySelector('#messages img.file'); return i && i.complete && i.naturalWidth"
        ),
    )
    assert width == 1280  # a real PNG, decoded by the browser (render.chart: 6.4 in at 200 dpi)
    browser.execute_script("document.querySelector('#messages .msg:not(.ephemeral):not(.own)').scrollIntoView()")
    shot(browser, "04-digest.png")

    # Home: the latest gaps at the default threshold
    browser.find_element(By.CSS_SELECTOR, "nav .item[data-view=home]").click()
    # Home's own heading first: the channel still on the page until Home arrives says "Pulse #1" too
    wait_text(browser, "Pulsegap: how your top and your floor see customer service")
    wait_text(browser, "Pulse #1")
    assert "fewer than 5 answers" not in messages(browser)
    shot(browser, "05-home.png")

    # The export: a download, not an image
    browser.find_element(By.CSS_SELECTOR, "nav .item[data-view=channel]").click()
    type_command(browser, "/gap export")
    browser.find_element(By.CSS_SELECTOR, "nav .item[data-view=dm]").click()
    assert until(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#messages a.download").text or "").startswith(
        "⬇ pulsegap-aggregates.csv"
    )
    assert not browser.find_elements(By.CSS_SELECTOR, "#messages img.file")
    shot(browser, "06-export.png")
    until(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#messages a.download").click() or True)
    csv = downloads / "pulsegap-aggregates.csv"
    deadline = time.time() + 30
    # Chromium reserves the name with an empty file, writes to .crdownload, then renames over it
    while not (csv.exists() and not list(csv.parent.glob("*.crdownload")) and csv.stat().st_size):
        assert time.time() < deadline, "the export never downloaded"
        time.sleep(0.05)
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == CSV_HEADER
    assert len(lines) == 1 + 11 * 2  # one row per statement and role


MRKDWN = [  # Slack's mrkdwn -> what the page draws (code is literal; markers need word boundaries)
    ("*Pulse #1 closed on <!date^1795560000^{date_short_pretty}|Nov 24>.*", "<b>Pulse #1 closed on {date}.</b>"),
    ("Saved as `000_8ca405c7e127d69a.txt`, ok", "Saved as <code>000_8ca405c7e127d69a.txt</code>, ok"),
    (
        "> “Quoted”\n_Publisher, en, `seed_1`_",
        "<blockquote>“Quoted”</blockquote><i>Publisher, en, <code>seed_1</code></i>",
    ),
    (
        "Asks <!subteam^S0CXLEAD> and <!subteam^S0CXAGNT|@old-name>",
        'Asks <span class="mention">@cx-leadership</span> and <span class="mention">@cx-agents</span>',
    ),
    ("snake_case_name, 2*3*4 and a * b *", "snake_case_name, 2*3*4 and a * b *"),
    ("~gone~ *bold* _it_ `*not*`", "<s>gone</s> <b>bold</b> <i>it</i> <code>*not*</code>"),
    (
        "a &lt;b&gt; &amp; <https://example.com|c>",
        'a &lt;b&gt; &amp; <a href="https://example.com" target="_blank" rel="noopener">c</a>',
    ),
]


@pytest.mark.waits
def test_the_page_draws_and_scrolls_as_slack_does(start_sandbox, browser):
    sandbox = start_sandbox()
    sandbox.api("command", text="/gap roles exec <!subteam^S0CXLEAD|@cx-leadership>")
    sandbox.api("command", text="/gap poll now")
    browser.get(sandbox.url)
    until(browser, lambda d: d.execute_script("return state !== null"))

    # mrkdwn, and plain_text drawn as plain text
    date = browser.execute_script("return token('!date^1795560000^x|y')")
    for source, html in MRKDWN:
        assert browser.execute_script("return mrkdwn(arguments[0])", source) == html.replace("{date}", date), source
    plain = browser.execute_script(
        "return renderBlocks(arguments[0], {})",
        [{"type": "context", "elements": [{"type": "plain_text", "text": "*a* <b>"}]}],
    )
    assert plain == '<div class="block-context"><span>*a* &lt;b&gt;</span></div>'
    decoded = browser.execute_script(
        "return renderBlocks(arguments[0], {})",
        [{"type": "context", "elements": [{"type": "plain_text", "text": "&lt;b&gt; &amp;amp;"}]}],
    )
    assert decoded == '<div class="block-context"><span>&lt;b&gt; &amp;amp;</span></div>'  # shows "<b> &amp;"

    # the pulse DM: a vote's confirmation arrives below, out of view: a pill says so, and no button looks chosen
    be(browser, "Cecilia Lindqvist · CEO", "dm")
    wait_text(browser, "Pulse #1")
    browser.execute_script("document.getElementById('messages').scrollTop = 0")
    answer(browser, 0, "Agree")
    pill = until(browser, lambda d: d.find_element(By.ID, "pill").is_displayed() and d.find_element(By.ID, "pill"))
    assert pill.text.startswith("↓ New message below: ")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#messages .msg.ephemeral")) == 1
    assert set(texts(browser, ".block-actions .bk-button", "className")) == {"bk-button"}
    shot(browser, "11-vote-pill.png")
    pill.click()
    assert not pill.is_displayed()
    assert browser.execute_script("return atBottom(document.getElementById('messages'))")

    # the section's accessory: My answers, drawn beside its text, and a click the app answers
    assert (
        texts(browser, ".with-accessory .accessory button.bk-button")[-1] == "My answers"
    )  # the comment prompt's first
    until(
        browser,
        lambda d: d.find_elements(By.CSS_SELECTOR, ".with-accessory .accessory button.bk-button")[-1].click() or True,
    )
    settle(browser)
    until(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#messages .msg.ephemeral")) == 2)
    assert "ephemeral" in texts(browser, "#messages .msg:last-child", "className")[0]
    assert "Pulse #1" in texts(browser, "#messages .msg:last-child")[0]
    assert browser.execute_script("return atBottom(document.getElementById('messages'))")  # it scrolled into view
    shot(browser, "12-my-answers.png")

    # the channel: typed text as Slack treats it, and it (re)opens at its newest message
    be(browser, "Alex Morgan · Workspace admin", "channel")
    for _ in range(4):
        type_command(browser, "/gap help")
    type_command(browser, "/gap execs > cs & <b>")  # sent escaped, as Slack does; echoed as typed
    assert texts(browser, "#messages .msg:last-child .block-context")[0] == "You asked: execs > cs & <b>"
    type_command(browser, "hello team")
    type_command(browser, "/GAP feedback")
    assert texts(browser, "#messages .msg:last-child .who") == ["SlackbotOnly visible to you"]
    assert texts(browser, "#messages .msg:last-child .block-section")[0].startswith("/GAP is not a valid command.")
    at_bottom = "return atBottom(document.getElementById('messages'))"
    assert browser.execute_script(at_bottom)
    shot(browser, "13-channel-bottom.png")
    browser.find_element(By.CSS_SELECTOR, "nav .item[data-view=home]").click()
    settle(browser)
    browser.find_element(By.CSS_SELECTOR, "nav .item[data-view=channel]").click()
    settle(browser)  # the channel's state fetched and drawn (Home, drawn before it, has a .msg too)
    assert browser.find_element(By.ID, "title").text == "# cx-leads"
    assert browser.execute_script(
        "const b = document.getElementById('messages'); return b.scrollTop > 0 && atBottom(b)"
    )
    be(browser, "Cecilia Lindqvist · CEO", "channel")
    assert texts(browser, "#messages .msg .plain") == ["hello team"]
