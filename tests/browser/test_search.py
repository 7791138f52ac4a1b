"""Dutch search as a visitor uses it, in Chromium: the golden list of queries on the site
(Pagefind) and on the offline copy (the embedded records), the type chip and passage of a
result, the facets with their counts, and the address that keeps query and filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.pipeline import check
from generator.render.search import record_facets
from tests.browser.conftest import axe_violations, facet_counts, results, search, watch
from tests.site_support import FIXTURES, Built

pytestmark = pytest.mark.browser

GOLDEN = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text("utf-8"))
GROEPSAPP = "Groepsapp voor medewerkers"
ONDERDAK = "Zelf onderdak regelen vanuit de opvang"


def titles(found: list[Any]) -> list[str]:
    return [result.title for result in found]


def check_golden(page: Any, case: dict[str, Any]) -> None:
    found = titles(search(page, case["query"]))
    for title in case.get("finds", []):
        assert title in found, f"{case['query']!r} did not find {title!r}: {found}"
    for title in case.get("not", []):
        assert title not in found, f"{case['query']!r} found {title!r}"
    if "first" in case:
        assert found and found[0] == case["first"], f"{case['query']!r}: {found}"
    if case.get("none"):
        assert found == []


def test_the_golden_queries_find_their_records_on_the_site(page: Any, site_url: str) -> None:
    visit = watch(page)
    page.goto(site_url + "zoeken/")
    for case in GOLDEN:
        check_golden(page, case)
    assert visit.foreign_requests(site_url) == []
    assert visit.console_errors == []


def test_the_golden_queries_find_their_records_in_the_offline_copy(
    page: Any, site_build: Built
) -> None:
    visit = watch(page)
    page.goto((site_build.offline / "zoeken/index.html").as_uri())
    for case in GOLDEN:
        check_golden(page, case)
    assert [u for u in visit.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert visit.console_errors == []


@pytest.mark.parametrize(
    ("query", "title", "tag"),
    [
        ("groepsapp", GROEPSAPP, "Praktijk"),
        ("leerarena", "Leerarena na de brand", "Sessie"),
        ("operationele informatie", "Operationele informatie actueel houden", "Knelpunt"),
        ("appartementencomplex", "Grote brand in een appartementencomplex", "Standaardincident"),
        ("Flevoland", "Veiligheidsregio Flevoland", "Regio"),
        ("versterking", "Versterking bevolkingszorg", "Project"),
    ],
)
def test_a_result_shows_the_record_type(
    page: Any, site_url: str, query: str, title: str, tag: str
) -> None:
    page.goto(site_url)
    hit = next((r for r in search(page, query) if r.title == title), None)
    assert hit is not None, f"{title!r} not found for {query!r}"
    assert hit.tags == (tag,)


def test_a_result_shows_its_summary_and_the_passage_with_the_words_found(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "zoeken/")
    hit = next(r for r in search(page, "taakkaarten") if r.title.startswith("Operationele"))
    assert "taakkaarten" in hit.passage and "OvD-BZ" in hit.passage
    marked = page.inner_text(".kb-result__passage mark")
    assert marked.lower().startswith("taakkaarten")
    page.click(".kb-result__title a")
    page.wait_for_url("**/knelpunten/informatie-actueel/")


def expected_counts(query_titles: set[str] | None = None) -> dict[str, dict[str, int]]:
    """Per facet value, the number of public records of the fixture that have it."""
    graph = check(FIXTURES / "site").graph
    counts: dict[str, dict[str, int]] = {}
    for record in graph.records.values():
        if query_titles is not None and record.title not in query_titles:
            continue
        for name, values in record_facets(graph, record).items():
            for value in values:
                counts.setdefault(name, {})[value] = counts.setdefault(name, {}).get(value, 0) + 1
    return counts


def shown_nonzero(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {
        name: {value: n for value, n in values.items() if n}
        for name, values in counts.items()
        if any(values.values())
    }


def test_facet_counts_match_the_records_and_filters_combine(page: Any, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    found = search(page, "brand")
    # The counts of every facet are the facet values of exactly the records found (and the
    # type count of the pages found that are not records).
    expected = expected_counts(set(titles(found)))
    pages = sum(1 for result in found if result.tags == ("Pagina",))
    if pages:
        expected["type"]["pagina"] = pages
    assert shown_nonzero(facet_counts(page)) == expected

    # Two facets combine (AND); a chosen facet still counts its other values as if it were not
    # chosen, so they say how many results choosing them as well would add.
    found = search(page, "bewoners")
    assert {ONDERDAK, "Grote brand in een appartementencomplex"} <= set(titles(found))
    page.check("input[name=thema][value=zelfredzaamheid]")
    page.wait_for_function(
        "document.querySelector('[data-kb-search]').getAttribute('data-kb-ready')"
        ".includes('zelfredzaamheid')"
    )
    assert ONDERDAK not in titles(results(page))
    assert "Grote brand in een appartementencomplex" in titles(results(page))
    counts = facet_counts(page)
    before = expected_counts(set(titles(found)))
    assert counts["thema"]["oefenen"] == before["thema"]["oefenen"] >= 1
    page.check("input[name=type][value=incidenten]")
    page.wait_for_function(
        "document.querySelector('[data-kb-search]').getAttribute('data-kb-ready')"
        ".includes('incidenten')"
    )
    assert titles(results(page)) == ["Grote brand in een appartementencomplex"]


def test_filters_alone_and_their_shareable_address(page: Any, site_url: str) -> None:
    page.goto(site_url + "zoeken/?type=praktijken&regio=utrecht")
    page.wait_for_selector("[data-kb-search][data-kb-ready]")
    assert sorted(titles(results(page))) == sorted(
        [ONDERDAK, '<script>alert(1)</script> & "aanhalingstekens"']
    )
    # The count is announced once typing or choosing pauses.
    page.wait_for_function(
        "document.querySelector('[data-kb-search-count]').innerText.includes('2 resultaten')"
    )
    assert page.inner_text("[data-kb-search-count]") == "2 resultaten met de gekozen filters."
    assert page.get_attribute("[data-kb-search-count]", "aria-live") == "polite"
    counts = facet_counts(page)
    assert counts["type"]["praktijken"] == 2 and counts["regio"]["utrecht"] == 2
    # Typing adds the query to the address; reloading the address restores all of it.
    search(page, "opvang")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["opvang"], "type": ["praktijken"], "regio": ["utrecht"]}
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_selector("[data-kb-search][data-kb-ready]")
    assert titles(results(page)) == [ONDERDAK]
    assert page.input_value("#kb-search-q") == "opvang"
    assert page.is_checked("input[name=regio][value=utrecht]")


def test_the_header_field_leads_to_the_search_page_with_the_query(page: Any, site_url: str) -> None:
    page.goto(site_url + "praktijken/groepsapp/")
    page.click("#kb-header-q")
    page.keyboard.type("opvanglocaties")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-kb-search][data-kb-ready]")
    assert urlsplit(page.url).path.endswith("/zoeken/")
    assert ONDERDAK in titles(results(page))


def test_keyboard_only_from_the_field_to_a_result(page: Any, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    search(page, "groepsapp")
    page.focus("#kb-search-q")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.innerText") == GROEPSAPP
    page.keyboard.press("Enter")
    page.wait_for_url("**/praktijken/groepsapp/")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_search_page_with_results_has_no_serious_accessibility_problems(
    browser: Any, site_url: str, axe_source: str, viewport: str
) -> None:
    from tests.browser.conftest import DESKTOP, PHONE

    phone = viewport == "phone"
    context = browser.new_context(
        viewport=PHONE if phone else DESKTOP, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.goto(site_url + "zoeken/?thema=oefenen")
    search(page, "opvang")
    if phone:
        page.click(".kb-search__facets > summary")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], "the page scrolls sideways"
    assert axe_violations(page, axe_source) == []
    context.close()
