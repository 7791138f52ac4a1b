"""Browser harness: Debian's Chromium driven by Playwright, the site served on localhost.

In CI (CI=true) a missing browser fails the run: these tests must never silently not run.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _unavailable(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing in CI: .ci/run must install it", pytrace=False)
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        _unavailable(str(CHROMIUM))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        _unavailable("axe-core (npm ci --prefix tests/browser)")
    return AXE.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_directory(directory: Path) -> tuple[str, Callable[[], None]]:
    """Serve `directory` on a free localhost port; returns (base URL, stop)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


@dataclass
class Visit:
    """What a page did while loading: every request and every console error."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def foreign_requests(self, base_url: str) -> list[str]:
        own = urlparse(base_url).netloc
        return [
            url
            for url in self.requests
            if urlparse(url).scheme in ("http", "https", "ws", "wss")
            and urlparse(url).netloc != own
        ]


def settle(page: Any) -> None:
    """Wait until the page has loaded and Material's search worker has fetched its index (the
    last thing a page requests by itself); quicker than waiting for an idle network."""
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => { const meta = document.querySelector('.md-search-result__meta');"
        " return !meta || meta.innerText.includes('Typ om te beginnen'); }",
        timeout=10_000,
    )


def watch(page: object) -> Visit:
    visit = Visit()
    page.on("request", lambda request: visit.requests.append(request.url))  # type: ignore[attr-defined]
    page.on(  # type: ignore[attr-defined]
        "console",
        lambda message: (
            visit.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))  # type: ignore[attr-defined]
    return visit


FINISH_ANIMATIONS = """() => Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 2000)),
])"""


def axe_violations(page: object, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's violations of impact serious or critical on the loaded page.

    Transitions end first: mid-fade (Material's search dialog) axe would measure blended colours."""
    page.evaluate(FINISH_ANIMATIONS)  # type: ignore[attr-defined]
    page.add_script_tag(content=axe_source)  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# --- The built site: tests/fixtures/site, built once per run (tests/site_fixtures.site_build) ---

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def site_url(site_build: Any) -> Iterator[str]:
    """The public fixture build, served on localhost for the whole run."""
    url, stop = serve_directory(site_build.site)
    yield url
    stop()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop tab (own context: no state leaks between tests)."""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A fresh tab on a 375-pixel-wide touch phone."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


_META = "document.querySelector('.md-search-result__meta')"


@dataclass(frozen=True)
class Result:
    """One search result as the visitor sees it: its heading and its visible tags."""

    title: str
    tags: tuple[str, ...]


def search(page: Any, query: str) -> list[Result]:
    """Type `query` into Material's search box as a visitor would; the results shown.

    Material answers each keyup from a web worker. The box is emptied first (its meta line then
    shows the placeholder again), so the results read are those of this query, not the last."""
    if not page.is_visible("input.md-search__input"):
        page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_function(f"{_META}.innerText.includes('Typ om te beginnen')", timeout=10_000)
    box.fill(query[:-1])
    box.press(query[-1])  # the keyup Material listens to, with the whole query in the box
    # "n overeenkomende documenten" (or "Geen ...") once this query's results are shown.
    page.wait_for_function(f"/overeenkomende document/.test({_META}.innerText)", timeout=10_000)
    return [
        Result(str(item["title"]), tuple(str(tag) for tag in item["tags"]))
        for item in page.eval_on_selector_all(
            ".md-search-result__item > a > article",
            """articles => articles.map(article => ({
                title: article.querySelector('h1, h2').innerText.trim(),
                tags: [...article.querySelectorAll('.md-tag')]
                    .filter(tag => tag.checkVisibility() && tag.getClientRects().length > 0)
                    .map(tag => tag.innerText.trim()),
            }))""",
        )
    ]


def heading(page: Any) -> str:
    """The page's h1 as read aloud, without the permalink sign Material adds."""
    return str(
        page.eval_on_selector(
            "article h1",
            """h1 => [...h1.childNodes]
                .filter(node => !(node.classList && node.classList.contains('headerlink')))
                .map(node => node.textContent).join('').trim()""",
        )
    )
