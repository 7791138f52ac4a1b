"""The injection corpus in Chromium: no dialog, no script of the content's, no request off the
local server. On the built site, on the offline copy from file://, in the e-mail, and in the
live preview of content that check refuses (which still renders it, sanitised)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import search, serve_directory, settle, watch
from tests.site_support import Built, build_fixture, copy_setup, require_clean
from tests.test_preview import _free_port, _get, _wait_for
from tests.test_untrusted import rejected_tree

pytestmark = pytest.mark.browser

# Every page of the corpus, each type's, the lists that repeat titles, and the publications.
PAGES = [
    "",
    "sessies/",
    "sessies/sessie-aanval/",
    "praktijken/",
    "praktijken/praktijk-aanval/",
    "knelpunten/knelpunt-aanval/",
    "incidenten/brand-aanval/",
    "regios/",
    "regios/utrecht/",
    "projecten/project-aanval/",
    "themas/",
    "themas/zelfredzaamheid/",
    "themas/oefenen/",
    "voortgang/",
    "kennisbrief/",
    "kennisbrief/2016-q1/",
    "kennisbrief/2016-q1/e-mail.html",
]
# After every page: nothing the content wrote became an element that runs or fetches.
NO_ACTIVE_CONTENT = """() => {
    const handlers = [...document.querySelectorAll('*')].filter(el =>
        [...el.attributes].some(a => a.name.startsWith('on')));
    const links = [...document.querySelectorAll('a[href]')].filter(a =>
        !['http:', 'https:', 'mailto:', 'tel:', 'file:'].includes(new URL(a.href).protocol));
    const frames = document.querySelectorAll(
        'main iframe, main object, main embed, main frame, base').length;
    const pixels = [...document.querySelectorAll('img')].filter(i => i.src.includes('x')
        && !i.src.startsWith(location.origin) && !i.src.startsWith('file:'));
    return {handlers: handlers.map(el => el.outerHTML.slice(0, 80)),
            links: links.map(a => a.href), frames, pixels: pixels.map(i => i.src)};
}"""
CLEAN = {"handlers": [], "links": [], "frames": 0, "pixels": []}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return require_clean(build_fixture("untrusted", tmp_path_factory.mktemp("untrusted")))


@pytest.fixture(scope="module")
def corpus_url(corpus: Built) -> Iterator[str]:
    url, stop = serve_directory(corpus.site)
    yield url
    stop()


def _dismiss(dialog: Any, dialogs: list[str]) -> None:
    dialogs.append(dialog.message)
    dialog.dismiss()


def _visit_all(page: Any, urls: list[str], *, own: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: _dismiss(dialog, dialogs))
    visit = watch(page)
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        # Hover every titled element and link: a tooltip must never turn a title into HTML.
        for element in page.query_selector_all("article [title], article a")[:40]:
            if element.is_visible():
                element.hover()
        assert page.evaluate(NO_ACTIVE_CONTENT) == CLEAN, url
    assert dialogs == []
    foreign = [
        u for u in visit.requests if not u.startswith((own, "file:", "data:", "blob:", "about:"))
    ]
    assert foreign == []


def test_the_built_corpus_runs_and_fetches_nothing(page: Any, corpus_url: str) -> None:
    _visit_all(page, [corpus_url + path for path in PAGES], own=corpus_url)


def test_search_results_of_the_corpus_stay_text(page: Any, corpus_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: _dismiss(dialog, dialogs))
    page.goto(corpus_url)
    settle(page)
    for query in ("script", "onerror", "alert", "aanval"):
        search(page, query)
        assert page.evaluate(NO_ACTIVE_CONTENT) == CLEAN, query
    assert dialogs == []


def test_the_offline_copy_runs_and_fetches_nothing(page: Any, corpus: Built) -> None:
    # The offline copy keeps the site's folders; a folder's page is its index.html.
    pages = [path + "index.html" if path.endswith("/") or not path else path for path in PAGES]
    urls = [(corpus.offline / p).as_uri() for p in pages]
    _visit_all(page, [u for u in urls if Path(u[7:]).exists()], own="file:")


def test_offline_search_results_of_the_corpus_stay_text(page: Any, corpus: Built) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: _dismiss(dialog, dialogs))
    page.goto((corpus.offline / "zoeken/index.html").as_uri())
    for query in ("script", "onerror", "alert", "aanval"):
        search(page, query)
        assert page.evaluate(NO_ACTIVE_CONTENT) == CLEAN, query
    assert dialogs == []


@pytest.fixture(scope="module")
def preview_of_rejected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kennisbank serve` on the corpus plus the bodies check refuses: it renders them anyway
    (with the problems on the page), so here the sanitiser alone stands between them and a
    reader."""
    root = rejected_tree(tmp_path_factory.mktemp("rejected"))
    copy_setup(root)
    address = f"127.0.0.1:{_free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), "serve", "--dev-addr", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://{address}/"
    try:
        assert _wait_for(lambda: "afgewezen" in _get(url + "praktijken/"), seconds=60)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_preview_of_refused_content_runs_and_fetches_nothing(
    page: Any, preview_of_rejected: str
) -> None:
    from tests.test_untrusted import REJECTED

    paths = [f"praktijken/afgewezen-{name}/" for name in REJECTED]
    _visit_all(page, [preview_of_rejected + p for p in paths], own=preview_of_rejected)
    # The editor sees why: the problem is on the page.
    page.goto(preview_of_rejected + "praktijken/afgewezen-script/")
    assert "de tekst bevat HTML" in page.inner_text("article")
