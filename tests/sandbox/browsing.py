"""Driving the sandbox in headless Chromium (Debian's chromium + chromedriver, through Selenium):
the helpers every browser test shares. The `browser` fixture (tests/sandbox/conftest.py) starts one
Chromium in each test worker that runs a browser test: they spread over the workers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


def chromium(user_data: Path, downloads: Path) -> webdriver.Chrome:
    """A headless Chromium; without one the test is skipped, or fails under CI (.ci/run installs it)."""
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("CI"):
            raise RuntimeError("CI must have Debian's chromium and chromium-driver: .ci/run installs them")
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        f"--user-data-dir={user_data}",
    ):
        opts.add_argument(flag)
    opts.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


def until(driver, check, message: str = "", timeout: float = 30):
    """check(driver) until it is truthy; the page re-renders as Slack's state changes, so an
    element found a moment ago may be gone: look again. Checked every 50 ms (Selenium's default: 500)."""
    wait = WebDriverWait(driver, timeout, poll_frequency=0.05, ignored_exceptions=(StaleElementReferenceException,))
    return wait.until(check, message)


def messages(driver) -> str:
    return until(driver, lambda d: d.find_element(By.ID, "messages").text or " ")


def texts(driver, css: str, attribute: str = "innerText") -> list[str]:
    """`attribute` of every element `css` finds, read in one script: the page redraws whenever
    Slack's state changes, so elements found by one WebDriver call may be gone by the next."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map((e) => e[arguments[1]].trim())", css, attribute
    )


def wait_text(driver, text: str) -> None:
    until(driver, lambda d: text in messages(d), f"never saw {text!r}")


def settle(driver) -> None:
    """Until the page's own API calls have all come back."""
    until(driver, lambda d: d.execute_script("return document.body.dataset.pending") in (None, "0"))


def type_command(driver, text: str) -> None:
    box = driver.find_element(By.ID, "composer")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    settle(driver)


def be(driver, persona: str, view: str) -> None:
    Select(driver.find_element(By.ID, "persona")).select_by_visible_text(persona)
    driver.find_element(By.CSS_SELECTOR, f"nav .item[data-view={view}]").click()
    settle(driver)


def answer(driver, statement: int, label: str) -> None:
    wait_text(driver, "Pulse #1")

    def click(d) -> bool:
        row = d.find_elements(By.CSS_SELECTOR, ".block-actions")[statement]
        next(b for b in row.find_elements(By.CSS_SELECTOR, ".bk-button") if b.text == label).click()
        return True

    until(driver, click)
    settle(driver)


def shot(driver, name: str) -> None:
    """A screenshot of this step into $SANDBOX_SCREENS, when it is set (each one costs Chromium a
    full-page PNG)."""
    if folder := os.environ.get("SANDBOX_SCREENS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))
