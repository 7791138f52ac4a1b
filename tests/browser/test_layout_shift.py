"""Nothing moves once a page is on screen: Chromium's layout-shift entries (the measure behind
Cumulative Layout Shift) while every kind of page loads and its scripts run, on a desktop and on
a phone. A shift that comes after the visitor's own input does not count, as in CLS."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import layout_shifts, settle
from tests.browser.pages import PAGES, page_id

pytestmark = pytest.mark.browser

# The search page reads its query and filters from the address and answers after loading.
SEARCHES = ["zoeken/?q=opvang", "zoeken/?q=brand&type=praktijken"]


@pytest.mark.parametrize("path", [*PAGES, *SEARCHES], ids=page_id)
def test_nothing_moves_while_the_page_loads(tab: Any, site_url: str, path: str) -> None:
    tab.goto(site_url + path)
    settle(tab)
    assert layout_shifts(tab) == []
