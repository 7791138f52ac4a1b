"""Every kind of page in Chromium, on a desktop and on a phone: no axe-core violation of any
impact, nothing fetched from another host, no console error. Parametrized per page and width, so
a failure names both."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import axe_violations, heading, search, settle, watch
from tests.browser.pages import PAGES, page_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_is_accessible_local_and_quiet(
    tab: Any, site_url: str, axe_source: str, path: str
) -> None:
    visit = watch(tab)
    response = tab.goto(site_url + path)
    settle(tab)
    assert response is not None and response.ok, path
    assert heading(tab)  # a real page, not an empty shell
    assert visit.requests, "the page loaded nothing at all"
    assert visit.foreign_requests(site_url) == []
    assert visit.console_errors == []
    assert axe_violations(tab, axe_source) == []


def test_search_from_home_with_results_is_accessible(
    page: Any, site_url: str, axe_source: str
) -> None:
    visit = watch(page)
    page.goto(site_url)
    settle(page)
    assert search(page, "groepsapp")
    assert axe_violations(page, axe_source) == []
    assert visit.foreign_requests(site_url) == []
    assert visit.console_errors == []
