"""Demo history's follow-through in real headless Chromium: comments shown (and withheld) under the
results, and the owned gap that narrowed by the next pulse, on the page."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.sandbox.browsing import be, messages, settle, shot, type_command, wait_text

pytestmark = pytest.mark.xdist_group("demo")  # the worker with the demo sandbox test_server.py reads too


def answer_to_last_command(driver) -> str:
    """The text of what came after the persona's last own message: the answer to their last command
    (the demo sandbox is shared: other tests' answers may be above it)."""
    return driver.execute_script(
        "const all = [...document.querySelectorAll('#messages .msg')];"
        "const own = all.map(m => m.classList.contains('own')).lastIndexOf(true);"
        "return all.slice(own + 1).map(m => m.innerText).join('\\n');"
    )


def test_demo_history_shows_comments_and_an_owned_gap_that_narrowed(demo, browser):
    demo.wait_idle()
    browser.get(demo.url)
    settle(browser)
    be(browser, "Alex Morgan · Workspace admin", "channel")
    type_command(browser, "/gap results")
    wait_text(browser, "Pulse #3 results")
    text = answer_to_last_command(browser)
    assert "Pulse #3 results" in text
    assert "1 of 1 owned gap narrowed since Pulse #2." in text
    assert "Actions and what moved since Pulse #2" in text
    assert "(Monthly shifts on the floor): narrowed:" in text
    assert "Agents said:" in text and text.count("Leadership visits are announced") == 1
    assert "Executives: 2 comments withheld: fewer than 5" in text
    assert "Budget for tools" not in text
    browser.execute_script(
        "[...document.querySelectorAll('#messages .msg')].pop().querySelector('blockquote, .bk-section:last-child')"
        "?.scrollIntoView()"
    )
    shot(browser, "followthrough-results.png")
    browser.find_element(By.CSS_SELECTOR, "nav .item[data-view=home]").click()
    wait_text(browser, "Pulsegap: how your top and your floor see customer service")  # Home, not the channel
    home = messages(browser)
    assert "Actions and what moved since Pulse #2" in home and "(Monthly shifts on the floor): narrowed:" in home
    assert "Agents said:" in home and "Executives: 2 comments withheld: fewer than 5" in home
    shot(browser, "followthrough-home.png")
