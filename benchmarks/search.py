"""Search latency in Chromium: from typing a query to the first result on screen, and the bytes
the browser fetched for it. Two engines on the same pages:

- the site's own search (Pagefind, chunked index) on its search page (zoeken/): a cold visit
  (fresh browser context, empty cache) opens the page, clicks into the field (which starts
  loading the engine) and types the query;
- Material's lunr search on the same pages built by plain mkdocs-material: the header's search
  box, which fetches the whole index and builds it in a web worker.

Three first-result times for a cold visit: from the last keystroke when the query is typed at a
brisk 8 keys per second after clicking into the field (what a visitor meets; loading overlaps
the typing), from the click with the whole query pasted at once right after the page loaded,
and (ours) a shared link to the search page with its query opened cold: everything, from
navigation to the first result.
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
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
KEY_DELAY_MS = 125  # 8 keys per second
OURS_READY = (
    "q => { const form = document.querySelector('[data-kb-search]');"
    " return !!form && form.getAttribute('data-kb-shown') === q"
    " && !!document.querySelector('.kb-result'); }"
)
LUNR_RESULT = ".md-search-result__item"


@dataclass(frozen=True)
class SearchTimes:
    engine: str
    first_typed_s: float  # last keystroke to first result, typed after focusing (cold visit)
    first_pasted_s: float  # focus to first result, the query pasted at once (cold visit)
    next_s: float  # a later query on the same page
    link_s: float | None  # a shared link (zoeken/?q=…) opened cold: navigation to first result
    first_kb: float  # kB of the search engine and its index fetched before the first result
    page_kb: float  # kB of everything else the page fetched by then (HTML, theme, scripts)


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


# What belongs to a search engine: Pagefind's folder, Material's index and search worker.
SEARCH_URLS = ("/pagefind/", "search_index.json", "/workers/search")


class _Bytes:
    """Response body bytes of every request the page finished: the search engine's and the
    rest, until `stop()` (the first result)."""

    def __init__(self, page: Any) -> None:
        self.search = 0
        self.other = 0
        self.stopped = False
        page.on("requestfinished", self._add)

    def _add(self, request: Any) -> None:
        if self.stopped:
            return
        try:
            size = int(request.sizes()["responseBodySize"])
        except Exception:  # a request whose sizes are gone (page closed)
            return
        if any(part in request.url for part in SEARCH_URLS):
            self.search += size
        else:
            self.other += size

    def stop(self) -> None:
        self.stopped = True


def _ours_first(page: Any, url: str, query: str, typed: bool, counter: _Bytes) -> float:
    page.goto(url + "zoeken/", wait_until="load")
    field = page.locator("#kb-search-q")
    started = time.perf_counter()
    field.click()  # focus: the engine starts loading
    if typed:
        field.press_sequentially(query, delay=KEY_DELAY_MS)
        started = time.perf_counter()
    else:
        field.fill(query)
    page.wait_for_function(OURS_READY, arg=query, timeout=120_000)
    seconds = time.perf_counter() - started
    counter.stop()
    return seconds


def _ours_link(page: Any, url: str, query: str) -> float:
    started = time.perf_counter()
    page.goto(url + "zoeken/?q=" + query, wait_until="commit")
    page.wait_for_function(OURS_READY, arg=query, timeout=120_000)
    return time.perf_counter() - started


def _ours_next(page: Any, query: str) -> float:
    field = page.locator("#kb-search-q")
    field.fill(query[:-1])
    page.wait_for_function(OURS_READY, arg=query[:-1], timeout=60_000)
    started = time.perf_counter()
    field.press(query[-1])
    page.wait_for_function(OURS_READY, arg=query, timeout=60_000)
    return time.perf_counter() - started


def _lunr_first(page: Any, url: str, query: str, typed: bool, counter: _Bytes) -> float:
    page.goto(url, wait_until="load")
    started = time.perf_counter()
    page.keyboard.press("/")  # opens the search box (focus); Material then loads its index
    box = page.locator("input.md-search__input")
    if typed:
        box.press_sequentially(query, delay=KEY_DELAY_MS)
        started = time.perf_counter()
    else:
        box.fill(query[:-1])
        box.press(query[-1])  # Material searches on keyup
    page.wait_for_selector(LUNR_RESULT, state="visible", timeout=120_000)
    seconds = time.perf_counter() - started
    counter.stop()
    return seconds


def _lunr_next(page: Any, query: str) -> float:
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_selector(LUNR_RESULT, state="detached", timeout=30_000)
    box.fill(query[:-1])
    started = time.perf_counter()
    box.press(query[-1])
    page.wait_for_selector(LUNR_RESULT, state="visible", timeout=60_000)
    return time.perf_counter() - started


def search_times(
    site: Path, engine: str, queries: tuple[str, str], visits: int = 3
) -> SearchTimes | None:
    """Medians over `visits` cold visits per measure; None without Chromium."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    first, nxt = (_ours_first, _ours_next) if engine == "pagefind" else (_lunr_first, _lunr_next)
    typed, pasted, later, fetched, page_bytes, link = [], [], [], [], [], []
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        for _ in range(visits):
            for is_typed in (True, False):
                context = browser.new_context()  # a cold cache, as on a first visit
                page = context.new_page()
                counter = _Bytes(page)
                seconds = first(page, url, queries[0], is_typed, counter)
                if is_typed:
                    typed.append(seconds)
                else:
                    pasted.append(seconds)
                    fetched.append(counter.search / 1024)
                    page_bytes.append(counter.other / 1024)
                    later.append(nxt(page, queries[1]))
                context.close()
            if engine == "pagefind":
                context = browser.new_context()
                link.append(_ours_link(context.new_page(), url, queries[0]))
                context.close()
        browser.close()
    return SearchTimes(
        engine,
        statistics.median(typed),
        statistics.median(pasted),
        statistics.median(later),
        statistics.median(link) if link else None,
        statistics.median(fetched),
        statistics.median(page_bytes),
    )


if __name__ == "__main__":
    print(search_times(Path(sys.argv[1]), sys.argv[2], ("evacuatie", "herstelzorg")))
