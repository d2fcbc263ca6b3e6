"""The sandbox's Swedish and Italian readers: pick one, open Messages, see the pulse DM in their
language (headless Chromium; skipped, or failed under CI, without it, as tests/sandbox/test_browser.py)."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By

from tests.sandbox.browsing import (
    be,
    messages,
    shot,
    type_command,
    until,
    wait_text,
)


def buttons(driver) -> list[str]:
    """The first actions block's buttons, read in one script (the page may redraw between calls)."""
    return driver.execute_script(
        "return [...document.querySelector('.block-actions').querySelectorAll('.bk-button')]"
        ".map((b) => b.innerText.trim())"
    )


@pytest.mark.waits
def test_a_pulse_dm_through_a_swedish_and_an_italian_readers_eyes(start_sandbox, browser):
    sandbox = start_sandbox()
    browser.get(sandbox.url)
    until(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#persona option")) == 24)
    type_command(browser, "/gap roles exec @cx-leadership")
    type_command(browser, "/gap roles agent @cx-agents")
    type_command(browser, "/gap poll now")

    be(browser, "Ingrid Berg · VP Customer Experience · reads Swedish", "dm")
    wait_text(browser, "Puls #1: hur ser du på vår kundservice?")
    assert "Vårt kontaktcenter är en strategisk funktion i företaget, inte bara en operativ." in messages(browser)
    assert buttons(browser) == ["Instämmer inte alls", "Instämmer inte", "Neutral", "Instämmer", "Instämmer helt"]
    until(
        browser,
        lambda d: (
            next(b for b in d.find_elements(By.CSS_SELECTOR, ".bk-button") if b.text == "Instämmer helt").click()
            or True
        ),
    )
    wait_text(browser, "Registrerat: Instämmer helt för påstående 1 av 11. Bara du ser detta.")
    assert "Lägg till en kommentar" in messages(browser) and "Add a comment" not in messages(browser)
    # Slack draws a date token in the reader's language: the closing time too
    assert re.search(r"Stänger \d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\. \d{4}", messages(browser))
    shot(browser, "languages-sv-dm.png")

    be(browser, "Marco Rossi · VP Operations · reads Italian", "dm")
    wait_text(browser, "Sondaggio #1: come vedi il nostro customer service?")
    assert buttons(browser)[-1] == "Completamente d'accordo"
    assert "Aggiungi un commento" in messages(browser)
    assert re.search(r"Chiude \d{1,2} (gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic) \d{4}", messages(browser))
    shot(browser, "languages-it-dm.png")

    be(browser, "Cecilia Lindqvist · CEO", "dm")  # everyone else: English
    wait_text(browser, "Pulse #1: how do you see our customer service?")
