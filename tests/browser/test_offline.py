"""The offline copy (Material's offline plugin, no directory URLs) opened from file://."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import heading, search, watch
from tests.site_support import Built

pytestmark = pytest.mark.browser


def test_offline_copy_navigates_and_searches_from_file(page: Any, site_build: Built) -> None:
    visit = watch(page)
    page.goto((site_build.offline / "sessies/sessie-midden.html").as_uri())
    assert page.url.startswith("file://")
    assert heading(page) == ("Sessie Utrecht, Flevoland en Gooi en Vechtstreek")
    page.click("article a[href$='praktijken/groepsapp.html']")
    page.wait_for_url("**/praktijken/groepsapp.html")
    assert heading(page) == "Groepsapp voor medewerkers"

    results = search(page, "opvanglocaties")
    assert "Zelf onderdak regelen vanuit de opvang" in [r.title for r in results]
    page.click(".md-search-result__item > a:has-text('Zelf onderdak regelen vanuit de opvang')")
    page.wait_for_url("**/praktijken/zelf-onderdak.html*")
    assert heading(page) == "Zelf onderdak regelen vanuit de opvang"

    assert [url for url in visit.requests if not url.startswith(("file:", "data:", "blob:"))] == []
    assert visit.console_errors == []
