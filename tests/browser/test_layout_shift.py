"""Nothing moves once a page is on screen: Chromium's layout-shift entries (the measure behind
Cumulative Layout Shift) while every kind of page loads and its scripts run, on a desktop and on
a phone. A shift that comes after the visitor's own input does not count, as in CLS. On a slow
connection the browser paints pages it has only partly read: the header and the menus must not
move as the rest arrives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import layout_shifts, serve_directory, settle
from tests.browser.pages import PAGES, page_id

pytestmark = pytest.mark.browser

# The search page reads its query and filters from the address and answers after loading.
SEARCHES = ["zoeken/?q=opvang", "zoeken/?q=brand&type=praktijken"]


@pytest.mark.parametrize("path", [*PAGES, *SEARCHES], ids=page_id)
def test_nothing_moves_while_the_page_loads(tab: Any, site_url: str, path: str) -> None:
    tab.goto(site_url + path)
    settle(tab)
    assert layout_shifts(tab) == []


@pytest.fixture(scope="module")
def slow_site_url(site_build: Any) -> Iterator[str]:
    """The fixture build, its pages trickling in as over a poor mobile connection."""
    url, stop = serve_directory(site_build.site, slowly=True)
    yield url
    stop()


# The header, both menus (a record's contents list is the right-hand one) and the filter form.
SLOW_PAGES = ["sessies/sessie-midden/", "praktijken/", "zoeken/?q=opvang"]


@pytest.mark.parametrize("path", SLOW_PAGES, ids=page_id)
def test_nothing_moves_while_a_slow_page_arrives(tab: Any, slow_site_url: str, path: str) -> None:
    tab.goto(slow_site_url + path)
    settle(tab)
    assert layout_shifts(tab) == []
