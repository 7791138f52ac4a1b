"""The built site as professionals use it, in Debian's Chromium: search, accessibility, network,
phone, offline and filters. One build of tests/fixtures/site (plus one record that only says
'opvanglocatie', for stemming) serves every test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.build import BuildRequest, build
from tests.browser.conftest import axe_violations, serve_directory, watch

REPO = Path(__file__).parent.parent.parent
STEMMING_RECORD = """---
title: Zelf onderdak regelen vanuit de opvang
summary: Bewoners regelen vanuit de opvanglocatie zelf een slaapplaats bij familie.
sessions: [sessie-midden]
regions: [VRU]
themes: [zelfredzaamheid]
---
Op de opvanglocatie staan telefoons en laders klaar.
"""
PAGES = [
    "",
    "praktijken/",
    "sessies/",
    "knelpunten/",
    "incidenten/",
    "regios/",
    "themas/",
    "projecten/",
    "praktijken/groepsapp/",
    "sessies/sessie-midden/",
    "knelpunten/informatie-actueel/",
    "incidenten/grote-brand/",
    "regios/utrecht/",
    "projecten/versterking/",
    "themas/zelfredzaamheid/",
    "over/",
    "bijdragen/",
    "toegankelijkheid/",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    content = root / "content"
    shutil.copytree(REPO / "tests/fixtures/site/content", content)
    (content / "practices/zelf-onderdak.md").write_text(STEMMING_RECORD, encoding="utf-8")
    report = build(
        BuildRequest(
            config_file=REPO / "mkdocs.yml",
            site_dir=root / "site",
            work_dir=root / "work",
            content_dir=content,
        )
    )
    assert report.ok, report.problems or report.reason
    return root


@pytest.fixture(scope="module")
def site_url(built: Path) -> Iterator[str]:
    url, stop = serve_directory(built / "site")
    yield url
    stop()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def search(page: Any, query: str) -> list[str]:
    """Type `query` into Material's search as a visitor would; the result texts."""
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    return _results(page)


def search_again(page: Any, query: str) -> list[str]:
    page.fill("input.md-search__input", "")
    page.keyboard.type(query, delay=20)
    return _results(page)


def _results(page: Any) -> list[str]:
    try:
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
    except Exception:
        return []
    page.wait_for_timeout(300)
    return [
        str(text)
        for text in page.eval_on_selector_all(
            ".md-search-result__item > a", "links => links.map(a => a.innerText)"
        )
    ]


def test_search_finds_a_stemmed_dutch_form_and_shows_the_type(page: Any, site_url: str) -> None:
    # "praktijken" stems to "praktijk" (Dutch Snowball via lunr-languages, lang: nl).
    page.goto(site_url)
    results = search(page, "medewerkersgroepsapps praktijken")
    assert any("Praktijk" in r for r in results)
    results = search_again(page, "praktijken groepsapp")
    hit = next(r for r in results if "Groepsapp voor medewerkers" in r)
    assert "Praktijk" in hit  # the record's type, shown as a tag in the result


def test_search_finds_opvanglocatie_for_opvanglocaties(page: Any, site_url: str) -> None:
    # Material's prefix search alone leaves -ies plurals apart; docs/assets/javascripts/lunr/
    # min/lunr.du.min.js indexes both forms (see mkdocs.yml).
    page.goto(site_url)
    results = search(page, "opvanglocaties")
    assert any("Zelf onderdak regelen vanuit de opvang" in r for r in results)


def test_search_finds_records_by_region_name(page: Any, site_url: str) -> None:
    page.goto(site_url)
    results = search(page, "Vechtstreek")
    assert any("Groepsapp voor medewerkers" in r for r in results)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_is_accessible_local_and_quiet(
    page: Any, site_url: str, axe_source: str, path: str
) -> None:
    visit = watch(page)
    page.goto(site_url + path, wait_until="networkidle")
    assert axe_violations(page, axe_source) == []
    assert visit.foreign_requests(site_url) == []
    assert visit.console_errors == []


@pytest.mark.parametrize(
    "path", ["praktijken/", "incidenten/grote-brand/", "sessies/sessie-midden/"]
)
def test_phone_has_no_horizontal_overflow(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_phone_navigation_is_reachable(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url)
    link = page.locator(".md-nav--primary a[href$='praktijken/']").first
    closed = link.bounding_box()
    assert closed is None or closed["x"] + closed["width"] <= 0  # off-canvas until opened
    page.click(".md-header label[for='__drawer']")
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.wait_for_timeout(400)  # the drawer slides in
    opened = link.bounding_box()
    assert opened is not None and 0 <= opened["x"] < 375
    link.click()
    page.wait_for_url("**/praktijken/")
    context.close()


def test_phone_tables_scroll_inside_their_wrapper(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "incidenten/grote-brand/")
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('.md-typeset__scrollwrap')]"
        ".map(w => getComputedStyle(w).overflowX)"
    )
    assert overflow and set(overflow) <= {"auto", "scroll"}
    context.close()


def test_offline_copy_navigates_and_searches_from_file(page: Any, built: Path) -> None:
    offline = built / "work" / "offline"
    page.goto((offline / "sessies/sessie-midden.html").as_uri())
    page.click("article a[href$='praktijken/groepsapp.html']")
    page.wait_for_url("**/praktijken/groepsapp.html")
    assert "Groepsapp voor medewerkers" in page.inner_text("h1")
    results = search(page, "groepsapp")
    assert any("Groepsapp" in r for r in results)


def test_filters_narrow_the_list_and_the_url_restores_it(page: Any, site_url: str) -> None:
    page.goto(site_url + "praktijken/")
    everything = page.locator(".kb-item:visible").count()
    page.select_option("#kb-filter-regio", "utrecht")
    by_region = page.locator(".kb-item:visible").count()
    page.select_option("#kb-filter-thema", "zelfredzaamheid")
    narrowed = page.locator(".kb-item:visible").all_inner_texts()
    assert everything > by_region >= len(narrowed) >= 1
    assert "regio=utrecht" in page.url and "thema=zelfredzaamheid" in page.url
    shared = page.url
    page.goto(shared)
    assert page.locator(".kb-item:visible").all_inner_texts() == narrowed
    assert page.input_value("#kb-filter-regio") == "utrecht"
