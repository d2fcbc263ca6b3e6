"""The sandbox in real headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

`python bot.py` with no tokens, then a person's path through it: ask, assign roles, run a pulse,
answer as five personas, close it, post a digest, see the chart in #cx-leads.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
import requests

from tests.harness import ROOT, free_port

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("CI"):
        raise RuntimeError("CI must have Debian's chromium and chromium-driver: .ci/run installs them")
    pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture
def sandbox(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(PORT=str(port), DATABASE_PATH=str(tmp_path / "sandbox.db"), MIN_RESPONDENTS="2", PYTHONUNBUFFERED="1")
    log = open(tmp_path / "sandbox.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "bot.py")], cwd=tmp_path, env=env, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield url, tmp_path / "sandbox.log"
    proc.terminate()
    proc.wait(10)
    log.close()


@pytest.fixture
def browser(tmp_path):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1280,1000", f"--user-data-dir={tmp_path / 'chrome'}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()


def wait_text(driver, text: str, timeout: float = 20) -> None:
    WebDriverWait(driver, timeout).until(lambda d: text in d.find_element(By.ID, "messages").text)


def type_command(driver, text: str) -> None:
    box = driver.find_element(By.ID, "composer")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def be(driver, persona_name: str, view: str) -> None:
    Select(driver.find_element(By.ID, "persona")).select_by_visible_text(persona_name)
    driver.find_element(By.CSS_SELECTOR, f"nav .item[data-view={view}]").click()


def answer(driver, statement: int, label: str) -> None:
    wait_text(driver, "Pulse #1")
    rows = driver.find_elements(By.CSS_SELECTOR, ".block-actions")
    buttons = rows[statement].find_elements(By.CSS_SELECTOR, ".bk-button")
    next(b for b in buttons if b.text == label).click()
    WebDriverWait(driver, 20).until(
        lambda d: f"Your answer: {label}" in d.find_element(By.ID, "messages").text)


def test_a_newcomer_runs_a_pulse_and_sees_the_digest(sandbox, browser):
    url, log = sandbox
    assert "LOCAL SANDBOX mode" in log.read_text()
    browser.get(url)
    assert "Local sandbox" in browser.find_element(By.ID, "banner").text
    WebDriverWait(browser, 20).until(lambda d: len(Select(d.find_element(By.ID, "persona")).options) == 9)

    type_command(browser, "/gap feedback")
    wait_text(browser, "Executives: 78%")
    assert "CS managers & directors: 62%" in browser.find_element(By.ID, "messages").text

    type_command(browser, "/gap roles exec @Cecilia @Farid @Olga")
    wait_text(browser, "Added 3 to the executives.")
    type_command(browser, "/gap roles agent @Amy @Ben @Cai @Dev @Eva")
    wait_text(browser, "Added 5 to the agents.")
    type_command(browser, "/gap poll now")
    wait_text(browser, "Pulse #1 is going out to 3 executives and 5 agents")

    for name, label in (("Cecilia, CEO", "Strongly agree"), ("Farid, CFO", "Agree"),
                        ("Amy, agent", "Disagree"), ("Ben, agent", "Neutral"), ("Cai, agent", "Strongly disagree")):
        be(browser, name, "dm")
        answer(browser, 0, label)

    be(browser, "Alex Admin (admin)", "channel")
    type_command(browser, "/gap poll close")
    wait_text(browser, "Pulse #1 closed: 2 executives and 3 agents answered.")
    type_command(browser, "/gap digest #cx-leads")
    wait_text(browser, "Digest of Pulse #1 posted")
    wait_text(browser, "Largest gaps")
    img = WebDriverWait(browser, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "#messages img.file"))
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(
        "const i = document.querySelector('#messages img.file'); return i.complete && i.naturalWidth"))
    assert browser.execute_script("return arguments[0].naturalWidth", img) == 1280  # render.chart: 6.4 in at 200 dpi
    text = browser.find_element(By.ID, "messages").text
    assert "executives 100% vs agents 0%, +100 points" in text
    browser.save_screenshot(str(log.parent / "sandbox.png"))
