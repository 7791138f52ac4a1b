"""The offline copy (the online build's pages, links made to work from disk) from file://."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import heading, results, search, watch
from tests.site_support import Built

pytestmark = pytest.mark.browser


def test_offline_copy_navigates_and_searches_from_file(page: Any, site_build: Built) -> None:
    visit = watch(page)
    page.goto((site_build.offline / "sessies/sessie-midden/index.html").as_uri())
    assert page.url.startswith("file://")
    assert heading(page) == ("Sessie Utrecht, Flevoland en Gooi en Vechtstreek")
    page.click("article a[href$='praktijken/groepsapp/index.html']")
    page.wait_for_url("**/praktijken/groepsapp/index.html")
    assert heading(page) == "Groepsapp voor medewerkers"

    found = search(page, "opvanglocaties")  # from the header field to the search page
    assert "Zelf onderdak regelen vanuit de opvang" in [r.title for r in found]
    page.check("input[name=type][value=praktijken]")
    page.wait_for_function(
        "document.querySelector('[data-kb-search]').getAttribute('data-kb-ready')"
        ".includes('praktijken')"
    )
    assert {r.tags for r in results(page)} == {("Praktijk",)}
    page.click(".kb-result__title a:has-text('Zelf onderdak regelen vanuit de opvang')")
    page.wait_for_url("**/praktijken/zelf-onderdak/index.html")
    assert heading(page) == "Zelf onderdak regelen vanuit de opvang"

    assert [url for url in visit.requests if not url.startswith(("file:", "data:", "blob:"))] == []
    assert visit.console_errors == []


def test_every_link_of_the_offline_copy_opens_a_file(site_build: Built) -> None:
    """From disk a link to a folder shows a listing, not its page: none may be left."""
    from tests.site_support import html_files, parse

    offline = site_build.offline
    for path in html_files(offline):
        for url in parse(path).links:
            if ":" in url.split("/")[0] or url.startswith("#"):
                continue  # another site (the download, on the online site), or an anchor
            target = (path.parent / url.split("#")[0].split("?")[0]).resolve()
            assert target.is_file(), f"{path.relative_to(offline)}: {url}"
