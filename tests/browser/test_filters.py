"""The filters of a section list (docs/assets/javascripts/filters.js) and their shareable URL."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

GROEPSAPP = "Groepsapp voor medewerkers"  # Gooi en Vechtstreek, zelfredzaamheid
ONDERDAK = "Zelf onderdak regelen vanuit de opvang"  # Utrecht, oefenen
SCRIPT = '<script>alert(1)</script> & "aanhalingstekens"'  # Utrecht, no theme


def shown(page: Any) -> list[str]:
    """The titles of the list items a visitor sees."""
    titles = page.locator(".kb-item:visible h2 a:not(.headerlink)")
    return [text.strip() for text in titles.all_inner_texts()]


def test_region_and_theme_narrow_the_list_and_the_url_restores_it(page: Any, site_url: str) -> None:
    page.goto(site_url + "praktijken/")
    assert page.is_visible("form[data-kb-filters]")
    assert sorted(shown(page)) == sorted([GROEPSAPP, ONDERDAK, SCRIPT])
    assert page.inner_text("[data-kb-count]") == "3 resultaten"

    page.select_option("#kb-filter-regio", "utrecht")
    assert sorted(shown(page)) == sorted([ONDERDAK, SCRIPT])
    assert page.inner_text("[data-kb-count]") == "2 resultaten van 3"

    page.select_option("#kb-filter-thema", "oefenen")
    assert shown(page) == [ONDERDAK]
    assert page.inner_text("[data-kb-count]") == "1 resultaat van 3"
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"regio": ["utrecht"], "thema": ["oefenen"]}

    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert shown(page) == [ONDERDAK]
    assert page.input_value("#kb-filter-regio") == "utrecht"
    assert page.input_value("#kb-filter-thema") == "oefenen"
    assert page.inner_text("[data-kb-count]") == "1 resultaat van 3"

    page.click("form[data-kb-filters] button[type=reset]")
    page.wait_for_function("!location.search")
    assert len(shown(page)) == 3
    assert page.input_value("#kb-filter-regio") == ""


def test_a_typed_url_filters_and_unknown_values_are_ignored(page: Any, site_url: str) -> None:
    page.goto(site_url + "praktijken/?thema=zelfredzaamheid")
    assert shown(page) == [GROEPSAPP]
    page.goto(site_url + "praktijken/?regio=bestaat-niet&thema=oefenen")
    assert shown(page) == [ONDERDAK]
    assert page.input_value("#kb-filter-regio") == ""
    assert "regio=" not in page.url
