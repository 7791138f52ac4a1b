"""Printing in Chromium: session publications, incidents and kennisbrieven on A4 show the content
only, write out where each link goes, and keep tables whole."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import settle

pytestmark = pytest.mark.browser

PRINTED = ["sessies/sessie-midden/", "incidenten/grote-brand/", "kennisbrief/2016-q1/"]
A4_WIDTH = 794  # CSS pixels at 96 dpi

HIDDEN_IN_PRINT = ".md-header, .md-sidebar, .md-search, .md-footer, .md-tabs, .kb-filters"

# For each table in the text: how far it reaches past its container, and whether it is clipped.
TABLES = """() => [...document.querySelectorAll('.md-content table')].map(table => {
  const box = table.getBoundingClientRect();
  const content = document.querySelector('.md-content').getBoundingClientRect();
  let clipped = false;
  for (let up = table.parentElement; up; up = up.parentElement) {
    const style = getComputedStyle(up);
    if (['auto', 'scroll', 'hidden'].includes(style.overflowX)
        && up.scrollWidth > up.clientWidth + 1) clipped = true;
  }
  return {overflow: Math.round(box.right - content.right), clipped};
})"""


@pytest.fixture
def printed(page: Any, site_url: str) -> Any:
    page.set_viewport_size({"width": A4_WIDTH, "height": 1123})
    return page


@pytest.mark.parametrize("path", PRINTED)
def test_print_shows_the_content_without_navigation_or_search(
    printed: Any, site_url: str, path: str
) -> None:
    printed.goto(site_url + path)
    settle(printed)
    printed.emulate_media(media="print")
    shown = printed.eval_on_selector_all(
        HIDDEN_IN_PRINT, "els => els.filter(el => el.checkVisibility()).map(el => el.className)"
    )
    assert shown == []
    assert printed.is_visible("article h1")
    printed.emulate_media(media="screen")
    assert printed.is_visible(".md-header")  # the check above can fail


@pytest.mark.parametrize("path", PRINTED)
def test_print_writes_out_link_targets_as_full_addresses(
    printed: Any, site_url: str, path: str
) -> None:
    printed.goto(site_url + path)
    settle(printed)
    printed.emulate_media(media="print")
    after = printed.eval_on_selector_all(
        "article a[href]:not(.headerlink):not([href^='#'])",
        "links => links.map(a => getComputedStyle(a, '::after').content)",
    )
    assert after, "no links on the page"
    assert all(content.startswith(f'" ({site_url}') for content in after), after[:3]


@pytest.mark.parametrize("path", PRINTED)
def test_print_keeps_tables_whole_on_a4(printed: Any, site_url: str, path: str) -> None:
    printed.goto(site_url + path)
    settle(printed)
    printed.emulate_media(media="print")
    tables = printed.evaluate(TABLES)
    assert all(t["overflow"] <= 0 and not t["clipped"] for t in tables), tables
    pdf = printed.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pdf.startswith(b"%PDF") and pages >= 1


def test_the_incident_table_is_on_the_page_it_prints(printed: Any, site_url: str) -> None:
    printed.goto(site_url + "incidenten/grote-brand/")
    settle(printed)
    printed.emulate_media(media="print")
    assert printed.evaluate(TABLES), "the incident page has its task table"
