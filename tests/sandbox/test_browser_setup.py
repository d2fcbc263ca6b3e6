"""Setting a team up through the modals alone, in the sandbox in headless Chromium: the global
shortcut and Home's *Edit* buttons open them, the page sends what is chosen to the app as Slack
does (block_actions, block_suggestion, view_submission, signed), and a pulse then reaches people.
Screenshots of the modals go to $SANDBOX_SCREENS when it is set."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.sandbox.browsing import be, messages, settle, shot, until


def modal(driver) -> str:
    """The open modal's text (waits for one)."""
    return until(
        driver, lambda d: d.find_element(By.ID, "overlay").is_displayed() and d.find_element(By.ID, "modal").text
    )


def modal_title(driver, title: str) -> None:
    until(driver, lambda d: modal(d).startswith(title + "\n"), f"never saw the {title} modal")


def sees(driver, text: str) -> None:
    """Until the conversation or Home on screen shows `text` (else what it does show)."""
    try:
        until(driver, lambda d: text in messages(d))
    except TimeoutException:
        raise AssertionError(f"never saw {text!r}:\n{messages(driver)}") from None


def press(driver, css: str) -> None:
    """Click what `css` finds, looking again if the page re-rendered it meanwhile (Home is
    republished after every save, so an element found a moment ago may be gone)."""
    until(driver, lambda d: d.find_element(By.CSS_SELECTOR, css).click() or True, f"could not press {css}")
    settle(driver)


def edit(driver, key: str, title: str) -> str:
    """Home's *Edit* of the Set up row `key`: the modal's text."""
    press(driver, f'#messages [data-action="setup_edit_{key}"]')
    modal_title(driver, title)
    return modal(driver)


def save(driver, home: str) -> None:
    """Submit; the modal closes and Home (republished) says `home`."""
    submit(driver)
    until(driver, lambda d: not d.find_element(By.ID, "overlay").is_displayed())
    sees(driver, home)


def in_block(driver, block: str, css: str):
    return driver.find_element(By.CSS_SELECTOR, f'#modal [data-block="{block}"] {css}')


def pick(driver, block: str, label: str) -> None:
    """A select (static, users, conversations) in the modal's block `block`."""
    until(driver, lambda d: Select(in_block(d, block, "select")).select_by_visible_text(label) or True)
    settle(driver)


def typeahead(driver, block: str, typed: str, label: str) -> None:
    """An external select: type, wait for the app's options (block_suggestion), choose one."""
    box = in_block(driver, block, ".bk-query")
    box.clear()
    box.send_keys(typed)

    def choose(d) -> bool:
        offered = d.find_elements(By.CSS_SELECTOR, f'#modal [data-block="{block}"] .bk-suggestion')
        match = [b for b in offered if b.text == label]
        if match:
            match[0].click()
        return bool(match)

    until(driver, choose, f"no option {label!r} for {typed!r}")
    settle(driver)


def submit(driver) -> None:
    press(driver, "#modal-submit")


@pytest.mark.waits
def test_an_admin_sets_a_team_up_through_the_modals_alone(start_sandbox, browser):
    sandbox = start_sandbox()
    browser.get(sandbox.url)
    until(browser, lambda d: len(Select(d.find_element(By.ID, "persona")).options) == 24)

    # The global shortcut, from the composer's ⚡ menu: the chooser with the Set up rows
    press(browser, "#shortcuts-button")
    press(browser, "#shortcuts button")
    settle(browser)
    modal_title(browser, "Pulsegap setup")
    assert "Roles: executives nobody yet; agents nobody yet" in modal(browser)
    shot(browser, "chooser.png")

    # Roles: Edit pushes the roles modal; a person and a user group each, recounted as chosen
    press(browser, '#modal [data-action="setup_edit_roles"]')
    modal_title(browser, "Roles")
    submit(browser)  # nobody chosen: the error under the executives' people, the modal stays
    assert in_block(browser, "setup_exec_users", ".error").text == (
        "Choose at least one person or user group for the executives."
    )
    assert in_block(browser, "setup_agent_users", ".error").text == (
        "Choose at least one person or user group for the agents."
    )
    shot(browser, "roles-errors.png")
    pick(browser, "setup_exec_users", "Alex Morgan")
    until(browser, lambda d: "Head count, as the next pulse would ask: 1 executives, 0 agents." in modal(d))
    typeahead(browser, "setup_exec_groups", "lead", "@cx-leadership")
    until(browser, lambda d: "Head count, as the next pulse would ask: 8 executives, 0 agents." in modal(d))
    typeahead(browser, "setup_agent_groups", "agent", "@cx-agents")
    until(browser, lambda d: "Head count, as the next pulse would ask: 8 executives, 16 agents." in modal(d))
    assert not browser.find_elements(By.CSS_SELECTOR, "#modal .error")  # errors go with a new answer
    shot(browser, "roles.png")
    submit(browser)
    modal_title(browser, "Pulsegap setup")  # the pushed modal closed: back to the chooser
    press(browser, "#modal .x")  # X closes them all
    settle(browser)
    until(browser, lambda d: not d.find_element(By.ID, "overlay").is_displayed())

    # Statements, from Home's Edit: remove the first, add one
    be(browser, "Alex Morgan · Workspace admin", "home")
    sees(browser, "Roles: executives @Alex Morgan, @cx-leadership; agents @cx-agents")
    assert "Statements: a pulse asks 11 statements" in messages(browser)
    edit(browser, "statements", "Statements")
    press(browser, '#modal [data-action="setup_statement_remove"]')
    until(browser, lambda d: "1 statement is removed when you save." in modal(d))
    assert len(browser.find_elements(By.CSS_SELECTOR, '#modal [data-action="setup_statement_remove"]')) == 10
    in_block(browser, "setup_statement_add", "input").send_keys("We fix root causes, not symptoms.")
    shot(browser, "statements.png")
    save(browser, "Statements: a pulse asks 11 statements")

    # Pulse schedule: Tuesday 09:30 in Stockholm (time zone by typeahead)
    assert "Pulses are not scheduled." in edit(browser, "poll", "Pulse schedule")
    pick(browser, "setup_poll_day", "Tuesday")
    in_block(browser, "setup_poll_time", "input").send_keys("0930AM")  # Chromium's en-US time field
    typeahead(browser, "setup_poll_timezone", "stockh", "Europe/Stockholm")
    assert in_block(browser, "setup_poll_timezone", ".bk-query").get_attribute("value") == "Europe/Stockholm"
    shot(browser, "pulse-schedule.png")
    save(browser, "Pulse schedule: every Tuesday at 09:30 (Europe/Stockholm), next")

    # A digest to #cx-leads, by the channel picker
    assert "No digests are scheduled." in edit(browser, "digest", "Digests")
    pick(browser, "setup_digest_channel", "#cx-leads")
    typeahead(browser, "setup_digest_timezone", "stockh", "Europe/Stockholm")
    save(browser, "Digests: #cx-leads every Monday at 09:00 (Europe/Stockholm)")

    # Run a pulse now, from the pulse schedule's modal; an agent gets its DM with 11 statements
    edit(browser, "poll", "Pulse schedule")
    press(browser, '#modal [data-action="home_poll_now"]')
    settle(browser)
    until(browser, lambda d: d.find_element(By.ID, "badge").text == "6")  # 4 saves, the pulse, its DM to Alex (an exec)
    press(browser, "#modal [data-close=one]")  # Cancel: the modal stays open till then
    settle(browser)
    be(browser, "Alex Morgan · Workspace admin", "dm")
    sees(browser, "Pulse #1 is going out to 8 executives and 16 agents (11 statements).")
    be(browser, "Amy Chen · Customer service agent", "dm")
    sees(browser, "We fix root causes, not symptoms.")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#messages .block-actions")) == 11
