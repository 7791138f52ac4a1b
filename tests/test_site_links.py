"""The built site as a whole: relations on both sides, no broken link or anchor, Dutch pages."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site_support import Built, broken_links, html_files, parse

# (page, page): each must link to the other.
BOTH_WAYS = [
    ("sessies/sessie-midden", "praktijken/groepsapp"),
    ("sessies/sessie-midden", "knelpunten/informatie-actueel"),
    ("sessies/sessie-midden", "incidenten/grote-brand"),
    ("sessies/sessie-midden", "projecten/versterking"),
    ("sessies/sessie-midden", "regios/utrecht"),
    ("sessies/leerarena-brand", "praktijken/groepsapp"),
    ("praktijken/groepsapp", "knelpunten/informatie-actueel"),
    ("praktijken/groepsapp", "incidenten/grote-brand"),
    ("praktijken/groepsapp", "regios/gooi-en-vechtstreek"),
    ("knelpunten/informatie-actueel", "regios/flevoland"),
    ("regios/flevoland", "regios/gooi-en-vechtstreek"),
    ("praktijken/groepsapp", "themas/zelfredzaamheid"),
    ("sessies/sessie-midden", "themas/oefenen"),
]


def page_links(site: Path, page: str) -> set[str]:
    """The pages a page links to, as `section/id`."""
    found = set()
    for href in parse(site / page / "index.html").links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = posixpath.normpath(posixpath.join(page, parts.path))
        found.add(target.removesuffix("/index.html").removesuffix(".html"))
    return found


@pytest.mark.parametrize(("one", "other"), BOTH_WAYS)
def test_relation_shows_on_both_sides(site_build: Built, one: str, other: str) -> None:
    assert other in page_links(site_build.site, one)
    assert one in page_links(site_build.site, other)


def test_knelpunt_lists_practices_as_solutions(site_build: Built) -> None:
    html = (site_build.site / "knelpunten/informatie-actueel/index.html").read_text("utf-8")
    solutions = html.split('id="oplossingen"', 1)[1]
    assert "Groepsapp voor medewerkers" in solutions


@pytest.mark.parametrize("which", ["site", "offline"])
def test_no_broken_link_or_anchor(site_build: Built, which: str) -> None:
    site: Path = getattr(site_build, which)
    assert len(list(html_files(site))) > 20
    assert broken_links(site) == []


def test_every_page_is_dutch(site_build: Built) -> None:
    langs = {parse(path).lang for path in html_files(site_build.site)}
    assert langs == {"nl"}


def test_offline_copy_is_linked_from_home(site_build: Built) -> None:
    assert "downloads/kennisbank-offline.zip" in parse(site_build.site / "index.html").links
    assert (site_build.site / "downloads/kennisbank-offline.zip").stat().st_size > 10_000
    offline_home = site_build.offline / "index.html"
    assert "praktijken/index.html" in parse(offline_home).links
    assert (site_build.offline / "search/offline-index.js").exists()


def test_navigation_lists_sections_not_records(site_build: Built) -> None:
    html = (site_build.site / "over/index.html").read_text("utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "praktijken/" in nav
    assert "groepsapp" not in nav
