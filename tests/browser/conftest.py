"""Browser harness: Debian's Chromium driven by Playwright, the site served on localhost.

In CI (CI=true) a missing browser fails the run: these tests must never silently not run.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
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


class _SlowHandler(_QuietHandler):
    """Pages (not their styles or scripts) arrive as over a poor mobile connection: half a kilobyte
    at a time with a pause between, so the browser paints pages it has only partly read."""

    def copyfile(self, source: Any, outputfile: Any) -> None:
        if not self.path.split("?")[0].endswith("/"):
            super().copyfile(source, outputfile)
            return
        while chunk := source.read(512):
            outputfile.write(chunk)
            outputfile.flush()
            time.sleep(0.025)


def serve_directory(directory: Path, *, slowly: bool = False) -> tuple[str, Callable[[], None]]:
    """Serve `directory` on a free localhost port; returns (base URL, stop). `slowly`: pages
    trickle in (_SlowHandler)."""
    handler_class = _SlowHandler if slowly else _QuietHandler
    handler = functools.partial(handler_class, directory=str(directory))
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
    """Wait until the page has loaded, and on the search page until it has answered."""
    page.wait_for_load_state("load")
    if page.query_selector("[data-kb-search]"):
        page.wait_for_function(
            "() => { const form = document.querySelector('[data-kb-search]');"
            " return form.hasAttribute('data-kb-ready') || !form.hasAttribute('aria-busy'); }",
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


def axe_violations(
    page: object, axe_source: str, *, third_party: bool = False
) -> list[dict[str, Any]]:
    """axe-core's violations on the loaded page: every rule (WCAG 2.1 A and AA and axe's best
    practices) at every impact, minor included.

    `third_party`: a page that is someone else's application (the browser editor, Decap CMS),
    held to WCAG 2.1 A and AA at impact serious or critical: what is below is theirs to fix.
    Transitions end first: mid-fade axe would measure blended colours."""
    page.evaluate(FINISH_ANIMATIONS)  # type: ignore[attr-defined]
    page.add_script_tag(content=axe_source)  # type: ignore[attr-defined]
    options = (
        "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, "
        "resultTypes: ['violations']}"
        if third_party
        else "{resultTypes: ['violations']}"
    )
    result = page.evaluate(f"() => axe.run(document, {options})")  # type: ignore[attr-defined]
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if not third_party or v["impact"] in ("serious", "critical")
    ]


# Every shift while the page loads, with what moved: buffered, so the entries from before this
# script ran are included; collected until the page has been still for a while. Left out: a
# shift inside the content while the page is still being read. A browser may paint a page it
# has read halfway (Chromium does on a busy machine), and a line can then move a few pixels
# when the rest of its paragraph arrives; no page can rule that out. The header, the menus and
# the breadcrumb count from the start: they are built not to move when painted half-read
# (kennisbank.css), which test_layout_shift.py checks over a slow connection.
SHIFTS = """() => new Promise(done => {
  const shifts = [];
  const name = node => !node ? '?' : node.nodeType !== 1 ? 'tekst in ' + name(node.parentElement)
    : node.tagName.toLowerCase() + (node.className ? '.' + String(node.className).split(' ')[0]
      : '');
  const element = node => node && node.nodeType !== 1 ? node.parentElement : node;
  const inContent = source => { const node = element(source.node);
    return Boolean(node && node.closest('article.md-content__inner')); };
  const read = () => performance.getEntriesByType('navigation')[0].domInteractive;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      const reading = !read() || entry.startTime < read();
      if (!entry.hadRecentInput && !(reading && entry.sources.every(inContent))) {
        const moved = entry.sources.map(source => name(source.node)).join(', ');
        shifts.push([entry.value, moved]);
      }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(shifts), 1500);
})"""


def layout_shifts(page: Any) -> list[tuple[float, str]]:
    """The layout shifts while the loaded page settles (as in CLS: not after the visitor's own
    input), each as its size and what moved; [] when nothing moved."""
    return [(value, moved) for value, moved in page.evaluate(SHIFTS)]


# --- The built site: tests/fixtures/site, built once per run (tests/site_fixtures.site_build) ---

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def site_url(site_build: Any) -> Iterator[str]:
    """The public fixture build, served on localhost for the whole run."""
    url, stop = serve_directory(site_build.site)
    yield url
    stop()


def _fresh_tab(browser: Any, device: str) -> Iterator[Any]:
    """A tab in a context of its own (no state leaks between tests), closed afterwards."""
    if device == "desktop":
        context = browser.new_context(viewport=DESKTOP)
    else:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop tab."""
    yield from _fresh_tab(browser, "desktop")


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A fresh tab on a 375-pixel-wide touch phone."""
    yield from _fresh_tab(browser, "phone")


@pytest.fixture(params=["desktop", "phone"])
def tab(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A fresh tab, once on a desktop and once on a 375-pixel-wide touch phone."""
    yield from _fresh_tab(browser, request.param)


@dataclass(frozen=True)
class Result:
    """One search result as the visitor sees it: its title, its type chip, its passage."""

    title: str
    tags: tuple[str, ...]
    passage: str = ""


def open_search(page: Any) -> None:
    """Go to the search page from any page, as a visitor does: the header's field (desktop) or
    its search button (phone)."""
    if page.query_selector("[data-kb-search]"):
        return
    if page.is_visible("#kb-header-q"):
        page.click("#kb-header-q")
        page.keyboard.press("Enter")
    else:
        page.click("a.kb-header-search__link")
    page.wait_for_selector("[data-kb-search].kb-search--ready")


def search(page: Any, query: str) -> list[Result]:
    """Type `query` into the search page's field as a visitor would; the results shown once
    this query (and the facet counts) are in. The choice of filters is left as it is."""
    open_search(page)
    box = page.locator("#kb-search-q")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => (document.querySelector('[data-kb-search]').getAttribute('data-kb-ready') || '')"
        ".startsWith(q + '|')",
        arg=query.strip(),
        timeout=10_000,
    )
    return results(page)


def results(page: Any) -> list[Result]:
    return [
        Result(str(item["title"]), tuple(str(t) for t in item["tags"]), str(item["passage"]))
        for item in page.eval_on_selector_all(
            ".kb-result",
            """items => items.map(item => ({
                title: item.querySelector('.kb-result__title').innerText.trim(),
                tags: [...item.querySelectorAll('.kb-chip')].map(tag => tag.innerText.trim()),
                passage: (item.querySelector('.kb-result__passage') || {innerText: ''}).innerText,
            }))""",
        )
    ]


def facet_counts(page: Any) -> dict[str, dict[str, int]]:
    """Every facet value's count as shown on the search page: {facet: {value: count}}."""
    counts: dict[str, dict[str, int]] = page.evaluate(
        """() => { const found = {};
        document.querySelectorAll('.kb-facet').forEach(set => {
            const name = set.getAttribute('data-kb-facet'); found[name] = {};
            set.querySelectorAll('.kb-facet__option').forEach(option => {
                const text = option.querySelector('.kb-facet__count').innerText;
                found[name][option.querySelector('input').value] =
                    Number((text.match(/\\d+/) || ['-1'])[0]);
            });
        }); return found; }"""
    )
    return counts


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
