"""The site's chrome in Chromium: the breadcrumb, the active section of a record, the type chip,
the footer, the Dutch 404 page with its search, the favicon, and abbreviations spelled out."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.browser.conftest import FINISH_ANIMATIONS, settle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent.parent

# The trail each kind of page shows: the menu's home, a section, the page itself.
TRAILS = {
    "": ["Home"],
    "praktijken/": ["Home", "Praktijken"],
    "praktijken/groepsapp/": ["Home", "Praktijken", "Groepsapp voor medewerkers"],
    "regios/zeeland/": ["Home", "Regio's", "Veiligheidsregio Zeeland"],
    "themas/zelfredzaamheid/": ["Home", "Thema's", "Zelfredzaamheid"],
    "kennisbrief/2016-q1/": ["Home", "Kennisbrieven", "Kennisbrief voorjaar 2016"],
    "kennisbrief/abonneren/": ["Home", "Kennisbrieven", "Abonneren"],
    "over/": ["Home", "Over de kennisbank"],
    "colofon/": ["Home", "Over de kennisbank", "Colofon"],
    "bijdragen/velden/": ["Home", "Voor redacteuren", "Alle velden"],
    "404.html": ["Home", "Pagina niet gevonden"],
}
BREADCRUMB = """() => {
  const trail = document.querySelector('nav[aria-label="Kruimelpad"] > ol');
  return trail && [...trail.children].map(li => {
    const item = li.querySelector('a, span');
    return {text: item.innerText.trim(), href: item.href || null,
            current: item.getAttribute('aria-current')};
  });
}"""


def status(url: str) -> int:
    with urllib.request.urlopen(url) as response:
        return int(response.status)


def axe_every_impact(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A and AA violations at every impact level (minor included)."""
    page.evaluate(FINISH_ANIMATIONS)
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, "
        "resultTypes: ['violations']})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("path", TRAILS, ids=lambda path: path.strip("/") or "home")
def test_every_page_has_a_breadcrumb_ending_in_itself(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    settle(page)
    trail = page.evaluate(BREADCRUMB)
    assert [item["text"] for item in trail] == TRAILS[path]
    assert [item["current"] for item in trail] == [None] * (len(trail) - 1) + ["page"]
    for item in trail:
        if item["href"]:
            assert status(item["href"]) == 200, item
    if len(trail) > 1:
        assert trail[0]["href"] == site_url


def test_a_record_page_shows_its_section_as_the_place_in_the_menu(page: Any, site_url: str) -> None:
    page.goto(site_url + "praktijken/groepsapp/")
    settle(page)
    active = page.eval_on_selector_all(
        ".md-nav--primary .md-nav__item--active > a.md-nav__link",
        "links => links.map(a => [a.innerText.trim(), a.href])",
    )
    assert active == [["Praktijken", site_url + "praktijken/"]]
    looks = page.evaluate(
        """() => { const style = a => getComputedStyle(a).color + getComputedStyle(a).fontWeight;
        const links = [...document.querySelectorAll('.md-nav--primary a.md-nav__link')];
        const find = text => links.find(a => a.innerText.trim() === text);
        return [style(find('Praktijken')), style(find('Sessies'))]; }"""
    )
    assert looks[0] != looks[1]  # it stands out from the other sections
    # Only while that record is shown: the next page marks its own section.
    page.goto(site_url + "sessies/sessie-midden/")
    settle(page)
    active = page.eval_on_selector_all(
        ".md-nav--primary .md-nav__item--active > a.md-nav__link",
        "links => links.map(a => a.innerText.trim())",
    )
    assert active == ["Sessies"]


def test_the_type_chip_of_a_record_leads_to_its_section(page: Any, site_url: str) -> None:
    page.goto(site_url + "knelpunten/informatie-actueel/")
    settle(page)
    chip = page.locator("article .md-tags a.md-tag")
    assert chip.inner_text().strip() == "Knelpunt"
    chip.click()
    page.wait_for_load_state("load")
    assert page.url == site_url + "knelpunten/"


def test_the_footer_names_the_owner_and_links_the_statements(page: Any, site_url: str) -> None:
    settings = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text("utf-8").replace("!ENV", "").replace("!!", "")
    )["extra"]["kennisbank"]
    page.goto(site_url + "praktijken/groepsapp/")
    settle(page)
    footer = page.inner_text(".md-footer-meta")
    assert settings["publisher"] in footer
    assert "Made with" not in footer and "Material for MkDocs" not in footer
    links = dict(
        page.eval_on_selector_all(
            ".kb-footer__links a", "links => links.map(a => [a.innerText.trim(), a.href])"
        )
    )
    contact = f"Contact: {settings['contact_email']}"
    assert list(links) == ["Colofon", contact, "Privacyverklaring", "Toegankelijkheidsverklaring"]
    assert links[contact] == f"mailto:{settings['contact_email']}"
    for name in ("Colofon", "Privacyverklaring", "Toegankelijkheidsverklaring"):
        assert status(links[name]) == 200, name


def test_the_404_page_is_dutch_and_searches_the_site(page: Any, site_url: str) -> None:
    page.goto(site_url + "404.html")
    settle(page)
    assert page.get_attribute("html", "lang") == "nl"
    assert page.title() == "Pagina niet gevonden - Kennisbank Bevolkingszorg"
    assert page.inner_text("article h1") == "Pagina niet gevonden"
    sections = page.eval_on_selector_all(
        "article ul a", "links => links.map(a => a.innerText.trim())"
    )
    assert {"Praktijken", "Knelpunten", "Standaardincidenten", "Regio's"} <= set(sections)
    page.get_by_label("Zoek in de kennisbank", exact=True).last.fill("groepsapp")
    form = page.get_by_role("search", name="Zoeken vanaf deze pagina")
    form.get_by_role("button", name="Zoeken").click()
    page.wait_for_selector("[data-kb-search].kb-search--ready")
    assert page.url == site_url + "zoeken/?q=groepsapp"
    page.wait_for_selector(".kb-result")
    titles = page.eval_on_selector_all(
        ".kb-result__title", "titles => titles.map(t => t.innerText.trim())"
    )
    assert "Groepsapp voor medewerkers" in titles


def test_the_site_has_its_own_icon(page: Any, site_url: str) -> None:
    with urllib.request.urlopen(site_url + "favicon.ico") as response:
        icon = response.read()
    assert icon[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    page.goto(site_url)
    href = page.eval_on_selector("link[rel=icon]", "link => link.href")
    assert status(href) == 200


def test_abbreviations_are_spelled_out_where_they_are_used(page: Any, site_url: str) -> None:
    page.goto(site_url + "knelpunten/informatie-actueel/")
    settle(page)
    abbreviations = page.eval_on_selector_all(
        "article abbr", "found => found.map(a => [a.innerText, a.title])"
    )
    assert ["OvD-BZ", "Officier van Dienst Bevolkingszorg"] in abbreviations


def test_the_glossary_lists_every_abbreviation(page: Any, site_url: str) -> None:
    page.goto(site_url + "afkortingen/")
    settle(page)
    pairs = page.evaluate(
        """() => [...document.querySelectorAll('article dl dt')]
            .map(dt => [dt.innerText.trim(), dt.nextElementSibling.innerText.trim()])"""
    )
    assert pairs == [
        ["BZOO", "Bevolkingszorg op orde"],
        ["CoPI", "Commando Plaats Incident"],
        ["OvD-BZ", "Officier van Dienst Bevolkingszorg"],
    ]


CHROME_PAGES = [
    "",
    "praktijken/groepsapp/",
    "afkortingen/",
    "colofon/",
    "privacy/",
    "toegankelijkheid/",
    "bijdragen/",  # the editors' guide: code blocks wrap instead of scrolling
    "404.html",
]


@pytest.mark.parametrize("path", CHROME_PAGES, ids=lambda path: path.strip("/") or "home")
@pytest.mark.parametrize("width", [1280, 375])
def test_chrome_pages_pass_axe_at_every_impact_and_fit_a_phone(
    browser: Any, site_url: str, axe_source: str, path: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=width < 400, has_touch=width < 400
    )
    page = context.new_page()
    try:
        page.goto(site_url + path)
        settle(page)
        assert axe_every_impact(page, axe_source) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
