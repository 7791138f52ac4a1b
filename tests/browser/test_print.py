"""Printing in Chromium: session publications, incidents and kennisbrieven on A4 show the content
only with a header (source, date, address), number their links with the addresses listed at the
end, number the pages, and keep tables whole."""

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


# Each link of the text as printed: its number after it, and whether an address follows it.
PRINTED_LINKS = """() => [...document.querySelectorAll('article a[href]')]
  .filter(a => !a.closest('.md-tags, .kb-print-header, .kb-print-notes')
               && !a.classList.contains('headerlink') && !a.getAttribute('href').startsWith('#'))
  .map(a => ({href: a.href, after: getComputedStyle(a, '::after').content,
              note: a.getAttribute('data-print-note')}))"""
NOTES = "els => els.map(el => el.innerText.trim())"


@pytest.mark.parametrize("path", PRINTED)
def test_print_numbers_links_and_lists_their_addresses_at_the_end(
    printed: Any, site_url: str, path: str
) -> None:
    printed.goto(site_url + path)
    settle(printed)
    assert not printed.is_visible(".kb-print-notes")  # on screen: nothing of it
    printed.emulate_media(media="print")
    links = printed.evaluate(PRINTED_LINKS)
    assert links, "no links on the page"
    notes = printed.eval_on_selector_all(".kb-print-notes li", NOTES)
    assert printed.is_visible(".kb-print-notes")
    # Every link carries the number of its address in the list; the same address, one number.
    for link in links:
        if link["note"] is None:
            continue  # a link whose text is its address
        assert link["after"] == f'"\u00a0[{link["note"]}]"', link
        assert notes[int(link["note"]) - 1] == link["href"]
    assert len(notes) == len({link["href"] for link in links if link["note"]})
    assert all(note.startswith(("http://", "https://", "mailto:")) for note in notes), notes
    # No address inline any more: sentences stay whole.
    assert not [link for link in links if "(" in link["after"]]


@pytest.mark.parametrize("path", PRINTED)
def test_print_header_names_source_date_and_address(printed: Any, site_url: str, path: str) -> None:
    printed.goto(site_url + path)
    settle(printed)
    assert not printed.is_visible(".kb-print-header")
    printed.emulate_media(media="print")
    header = printed.inner_text(".kb-print-header")
    assert "Kennisbank Bevolkingszorg" in header
    assert re.search(r"Stand: \d{4}(-\d{2}){0,2}\b", header), header
    assert f"https://kennisbank-bevolkingszorg.example/{path}" in header
    assert not printed.is_visible(".md-path")  # the breadcrumb is for the screen


def test_printed_pages_are_numbered(printed: Any, site_url: str) -> None:
    """Chromium prints @page margin boxes: the page number at the foot of every sheet."""
    printed.goto(site_url + "sessies/sessie-midden/")
    settle(printed)
    margins = printed.evaluate(
        """() => [...document.styleSheets].flatMap(sheet => {
            try { return [...sheet.cssRules]; } catch (e) { return []; } })
          .filter(rule => rule instanceof CSSMediaRule && rule.conditionText === 'print')
          .flatMap(rule => [...rule.cssRules])
          .filter(rule => rule instanceof CSSPageRule)
          .map(rule => rule.cssText)"""
    )
    assert any("@bottom-right" in rule and "counter(page)" in rule for rule in margins), margins
    pdf = printed.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_print_without_javascript_writes_only_foreign_addresses_inline(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(
        viewport={"width": A4_WIDTH, "height": 1123}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(site_url + "sessies/sessie-midden/")
        page.emulate_media(media="print")
        links = page.evaluate(PRINTED_LINKS)
        assert links and not [link for link in links if link["note"]]
        assert [link for link in links if not link["href"].startswith(site_url)]
        for link in links:
            foreign = not link["href"].startswith(site_url)
            assert ("(" in link["after"]) == foreign, link
        assert page.is_visible(".kb-print-header")
        assert not page.is_visible(".kb-print-notes")
    finally:
        context.close()


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
