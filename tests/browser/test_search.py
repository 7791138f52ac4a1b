"""Dutch search as a visitor uses it: typed into Material's search box, in Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Result, search
from tests.site_support import FIXTURES

pytestmark = pytest.mark.browser

ONDERDAK = "Zelf onderdak regelen vanuit de opvang"  # says only "opvanglocatie", "scenario"
ONDERDAK_FILE = FIXTURES / "site/content/practices/zelf-onderdak.md"


def titles(results: list[Result]) -> list[str]:
    return [result.title for result in results]


@pytest.mark.parametrize(
    ("query", "title", "tag"),
    [
        ("groepsapp", "Groepsapp voor medewerkers", "Praktijk"),
        ("leerarena", "Leerarena na de brand", "Sessie"),
        ("operationele informatie", "Operationele informatie actueel houden", "Knelpunt"),
        ("appartementencomplex", "Grote brand in een appartementencomplex", "Standaardincident"),
        ("Flevoland", "Veiligheidsregio Flevoland", "Regio"),
        ("versterking", "Versterking bevolkingszorg", "Project"),
    ],
)
def test_result_shows_the_record_type(
    page: Any, site_url: str, query: str, title: str, tag: str
) -> None:
    page.goto(site_url)
    hit = next((r for r in search(page, query) if r.title == title), None)
    assert hit is not None, f"{title!r} not found for {query!r}"
    assert hit.tags == (tag,)  # the record's type, visible in the result


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("opvanglocaties", "opvanglocatie"),  # loanword plural in -ies
        ("Opvanglocaties", "opvanglocatie"),  # as a phone capitalises it
        ("scenario's", "scenario"),  # plural in 's after a vowel
    ],
)
def test_plural_finds_a_record_that_only_has_the_singular(
    page: Any, site_url: str, query: str, word: str
) -> None:
    source = ONDERDAK_FILE.read_text(encoding="utf-8").lower()
    assert word in source and query.lower() not in source  # else this proves nothing
    page.goto(site_url)
    assert ONDERDAK in titles(search(page, query))


def test_singular_still_finds_the_plural_and_prefixes_work(page: Any, site_url: str) -> None:
    page.goto(site_url)
    # "medewerkers" is only in the title; "medewerker" finds it as a prefix.
    assert "Groepsapp voor medewerkers" in titles(search(page, "medewerker"))
    # "Praktijken" (section) and a record that only says "praktijk..." as a prefix.
    assert "Praktijken" in titles(search(page, "praktijk"))
    assert ONDERDAK in titles(search(page, "opvanglocatie"))


def test_region_name_and_several_words(page: Any, site_url: str) -> None:
    page.goto(site_url)
    assert "Groepsapp voor medewerkers" in titles(search(page, "Vechtstreek"))
    assert titles(search(page, "zelf onderdak"))[0] == ONDERDAK


def test_nonsense_finds_nothing(page: Any, site_url: str) -> None:
    # The helper reads an empty result list correctly (so the tests above can fail).
    page.goto(site_url)
    assert search(page, "xylofoonbehuizing") == []
