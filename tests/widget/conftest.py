"""A real browser (Debian's chromium through Playwright) on the demo pages, against the real stack."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e import MODEL_DIR, Stack, running_stack

# Not the default (180): the privacy notice must show the server's setting, not a number of its own.
RETENTION_DAYS = 90

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def launch(playwright) -> Browser:
    """Debian's chromium: Playwright never downloads a browser here."""
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("chromium is not installed: `make browser` installs Debian's chromium (make test runs it)")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    if not any(MODEL_DIR.glob("*.tar.gz")):
        pytest.fail("no trained dialogue model in models/dialogue: run `make test` (it trains one when stale)")
    extra_env = {"NWD_PRIVACY_RETENTION_DAYS": str(RETENTION_DAYS)}
    with running_stack(tmp_path_factory.mktemp("widget-stack"), extra_env) as running:
        warm_up(running)
        yield running


def warm_up(stack: Stack, seconds: float = 180) -> None:
    """One question through the whole stack first: the action server loads the index and the encoder on
    its first answer, which on a busy machine can outlast Rasa's wait for an action (the REST timeout)."""
    deadline = time.monotonic() + seconds
    # An answer, a service and a comparison: each path loads its own models on first use.
    for message in (
        "what is a social insurance number and how do I get one?",
        "where do I apply for a health card?",
        "compare Ottawa and Toronto",
    ):
        while True:
            response = httpx.post(f"{stack.api}/api/chat", json={"message": message, "lang": "en"}, timeout=60)
            if response.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(2)
        assert response.status_code == 200, f"the stack never answered: {response.status_code} {response.text}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Module scope, not session: Playwright's sync API keeps an event loop running while it is open, and in
    # random order (pytest-randomly) a test of another module calling asyncio.run() would then fail.
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser profile (empty sessionStorage); page errors and alert() calls fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"a dialog opened: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()
    assert not problems, problems
