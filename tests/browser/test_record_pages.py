"""Record and list pages on a desktop and a 375-pixel phone: the incident's task table keeps its
norm in view, related records are compact cards, the filters fold away on a phone, and loading
a section list moves nothing (no layout shift)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

INCIDENT = "incidenten/grote-brand/"
SECTION = "praktijken/"


def test_incident_tasks_are_one_table_with_the_norm_in_view_on_a_phone(
    phone: Any, site_url: str
) -> None:
    phone.goto(site_url + INCIDENT)
    assert phone.locator("table.kb-taken").count() == 1
    assert phone.locator("table.kb-taken caption").is_visible()
    norms = phone.locator("table.kb-taken td[data-label='Norm']")
    assert norms.count() == 3
    for i in range(norms.count()):
        norm = norms.nth(i)
        norm.scroll_into_view_if_needed()
        assert norm.is_visible()
        box = norm.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        # Each cell says which column it is, as the header row is out of sight on a phone.
        label = norm.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"Norm" ": "' or label == '"Norm: "'
    assert "geen norm vastgesteld" in norms.all_inner_texts()
    # Norms read at the size of the body text, not in small print.
    sizes = phone.evaluate(
        """() => [getComputedStyle(document.querySelector('.md-typeset p')).fontSize,
            getComputedStyle(document.querySelector("td[data-label='Norm']")).fontSize]"""
    )
    assert sizes[0] == sizes[1]


def test_incident_tasks_are_a_table_with_the_norm_column_on_a_desktop(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + INCIDENT)
    headers = page.locator("table.kb-taken thead th").all_inner_texts()
    assert [h.strip() for h in headers] == ["Taak", "Hoe", "Norm"]
    assert page.locator("table.kb-taken th[scope='rowgroup']").count() == 2
    # One table: the columns of every process line up.
    lefts = page.evaluate(
        """() => [...document.querySelectorAll("table.kb-taken td[data-label='Norm']")]
            .map(td => Math.round(td.getBoundingClientRect().left))"""
    )
    assert len(set(lefts)) == 1


@pytest.mark.parametrize(("viewport", "columns"), [(DESKTOP, 2), (PHONE, 1)])
def test_related_records_are_cards(
    browser: Any, site_url: str, viewport: dict[str, int], columns: int
) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        tab = context.new_page()
        tab.goto(site_url + INCIDENT)
        cards = tab.locator("ul.kb-kaarten").last.locator("> li.kb-kaart")
        assert cards.count() == 2
        first = cards.nth(0)
        assert first.locator(".kb-kaart-titel a").is_visible()
        assert first.locator(".kb-kaart-type").inner_text() == "Sessie"
        tops = [cards.nth(i).bounding_box()["y"] for i in range(2)]
        beside = 2 if tops[0] == tops[1] else 1
        assert beside == columns
        for i in range(2):
            box = cards.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    finally:
        context.close()


def test_filters_fold_away_on_a_phone_and_say_how_many_are_active(
    phone: Any, site_url: str
) -> None:
    phone.goto(site_url + SECTION)
    summary = phone.locator(".kb-filterblok > summary")
    assert summary.is_visible()
    assert not phone.locator("#kb-filter-regio").is_visible()
    # The first result is on the first screen, under the folded filters.
    first = phone.locator(".kb-item h2").first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= PHONE["height"]

    summary.tap()
    assert phone.locator("#kb-filter-regio").is_visible()
    phone.select_option("#kb-filter-regio", "utrecht")
    phone.locator("form[data-kb-filters] button[type=submit]").tap()
    assert summary.inner_text().strip() == "Filteren (1 actief)"
    assert phone.inner_text("[data-kb-count]") == "2 resultaten van 3"
    assert phone.get_attribute("[data-kb-count]", "aria-live") == "polite"


def test_filters_are_open_on_a_desktop(page: Any, site_url: str) -> None:
    page.goto(site_url + SECTION)
    assert page.locator("#kb-filter-regio").is_visible()
    assert not page.locator(".kb-filterblok > summary").is_visible()
    assert page.evaluate("document.querySelector('[data-kb-filterblok]').open")
    assert page.locator("form[data-kb-filters] button[type=submit]").inner_text() == (
        "Toon resultaten"
    )


# Sums every layout shift from the start of the page, as Lighthouse's CLS does.
CLS_OBSERVER = """
window.__kbShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__kbShift += entry.value;
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def _slow_scripts(route: Any) -> None:
    """The site's own scripts arrive late, as on a slow phone network: the page has been
    painted before they run, so whatever they change in the layout counts as a shift."""
    time.sleep(0.6)
    route.continue_()


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def slow_tab(request: Any, browser: Any) -> Iterator[Any]:
    phone = request.param == PHONE
    context = browser.new_context(viewport=request.param, is_mobile=phone, has_touch=phone)
    tab = context.new_page()
    tab.add_init_script(CLS_OBSERVER)
    tab.route("**/assets/javascripts/*.js", _slow_scripts)
    yield tab
    context.close()


def test_loading_a_section_list_shifts_nothing(slow_tab: Any, site_url: str) -> None:
    slow_tab.goto(site_url + SECTION)
    slow_tab.wait_for_load_state("load")  # the scripts have run
    slow_tab.wait_for_timeout(500)
    assert slow_tab.evaluate("window.__kbShift") == 0
