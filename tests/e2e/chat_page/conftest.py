"""Fixtures of the chat page's browser tests: the API alone, chromium, a fresh page."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.chat_page.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ApiOnlyServer,
    chromium_available,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiOnlyServer]:
    running = ApiOnlyServer(tmp_path_factory.mktemp("chat-page"))
    running.create_tables()
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not chromium_available():
        pytest.fail(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: ApiOnlyServer) -> Iterator[Page]:
    """A fresh browser profile (no stored sender, consent or preferences) per test."""
    context = browser.new_context(
        base_url=server.base_url, locale="zh-CN", viewport={"width": 1280, "height": 900}
    )
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    yield new_page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
