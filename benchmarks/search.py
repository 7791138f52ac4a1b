"""Search latency in Chromium: from typing a query to the first result on screen.

Serves a built site on localhost, opens it in Debian's Chromium (Playwright) and types into
Material's search box as a visitor does. The first query of a page visit also waits for the
browser to fetch the whole search index and build it in the worker; later queries don't.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
RESULT = ".md-search-result__item"


@dataclass(frozen=True)
class SearchTimes:
    first_s: float  # the first query after opening the page (index loaded and built)
    next_s: float  # a later query on the same page


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def _type_and_wait(page: object, query: str) -> float:
    """Seconds from the last keystroke of `query` to the first result being visible."""
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    box.fill("")
    box.fill(query[:-1])
    started = time.perf_counter()
    box.press(query[-1])  # Material searches on keyup, with the whole query in the box
    page.wait_for_selector(RESULT, state="visible", timeout=120_000)  # type: ignore[attr-defined]
    return time.perf_counter() - started


def search_times(site: Path, queries: tuple[str, str], visits: int = 3) -> SearchTimes | None:
    """Median over `visits` fresh page visits; None when Chromium is not installed."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    first, later = [], []
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        for _ in range(visits):
            context = browser.new_context()  # a cold cache, as on a first visit
            page = context.new_page()
            page.goto(url, wait_until="load")
            page.keyboard.press("/")  # opens the search box
            first.append(_type_and_wait(page, queries[0]))
            page.locator("input.md-search__input").fill("")
            page.wait_for_selector(RESULT, state="detached", timeout=30_000)
            later.append(_type_and_wait(page, queries[1]))
            context.close()
        browser.close()
    return SearchTimes(statistics.median(first), statistics.median(later))


if __name__ == "__main__":
    print(search_times(Path(sys.argv[1]), ("evacuatie", "herstelzorg")))
