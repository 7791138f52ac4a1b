"""A feed opened in a browser: the XSLT stylesheet makes it a readable Dutch page (Chromium
still runs XSLT, with a deprecation banner of its own); where a browser no longer does, the
CSS stylesheet lays out the feed itself. And the kennisbrief e-mail on a phone and a desktop."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    axe_violations,
    watch,
)

pytestmark = pytest.mark.browser

FEED = "feeds/themas/oefenen.xml"


def test_a_feed_opened_in_the_browser_is_a_dutch_page(
    page: Any, site_url: str, axe_source: str
) -> None:
    visit = watch(page)
    response = page.goto(site_url + FEED)
    assert response is not None and response.ok
    page.wait_for_selector("main h1")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert (
        page.title() == "Nieuwsfeed: Kennisbank Bevolkingszorg: thema Opleiden, trainen en oefenen"
    )
    assert page.inner_text("main h1") == (
        "Kennisbank Bevolkingszorg: thema Opleiden, trainen en oefenen"
    )
    explained = page.inner_text("section.uitleg")
    assert "Een nieuwsfeed (RSS of Atom) is een lijst van het nieuwste op een site" in explained
    assert page.inner_text("code.adres") == (
        "https://kennisbank-bevolkingszorg.example/feeds/themas/oefenen.xml"
    )
    items = page.eval_on_selector_all(
        "ul.items li a", "links => links.map(a => [a.textContent, a.href])"
    )
    assert [
        "Zelf onderdak regelen vanuit de opvang",
        "https://kennisbank-bevolkingszorg.example/praktijken/zelf-onderdak/",
    ] in items
    assert visit.foreign_requests(site_url) == []
    assert visit.console_errors == []
    # Chromium's own warning that XSLT goes away is hidden: without XSLT, feed.css takes over.
    banner = page.query_selector("xslt-warning-banner")
    assert banner is None or not banner.is_visible()
    assert axe_violations(page, axe_source) == []


def test_an_empty_feed_says_so(page: Any, site_url: str) -> None:
    page.goto(site_url + "feeds/regios/zeeland.xml")
    page.wait_for_selector("main h1")
    assert "Er staat nog niets in deze nieuwsfeed." in page.inner_text("main")


def test_the_feed_page_fits_a_phone(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(site_url + FEED)
    phone.wait_for_selector("main h1")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


@pytest.fixture
def without_xslt(browser: Any) -> Iterator[Any]:
    """Chromium as it will be once XSLT is gone."""
    chromium = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=[*CHROMIUM_ARGS, "--disable-blink-features=XSLT"],
    )
    yield chromium.new_context(viewport=DESKTOP).new_page()
    chromium.close()


def test_without_xslt_the_feed_itself_reads_as_a_page(without_xslt: Any, site_url: str) -> None:
    page = without_xslt
    page.goto(site_url + FEED)
    assert page.evaluate("document.documentElement.localName") == "feed"  # no XSLT ran
    before = page.evaluate("getComputedStyle(document.documentElement, '::before').content")
    assert "Dit is een nieuwsfeed van de Kennisbank Bevolkingszorg" in before
    assert page.evaluate("getComputedStyle(document.documentElement).display") == "block"
    hidden = page.evaluate("getComputedStyle(document.querySelector('id')).display")
    assert hidden == "none"  # the machine-readable parts stay out of sight


@pytest.mark.parametrize(("viewport", "column"), [(PHONE, None), (DESKTOP, 640)])
def test_the_email_reads_on_a_phone_and_is_640_pixels_on_a_desktop(
    browser: Any, site_url: str, viewport: dict[str, int], column: int | None
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    visit = watch(page)
    page.goto(site_url + "kennisbrief/2016-q1/e-mail.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    width = page.evaluate(
        "document.querySelector('table[style*=\"max-width:640px\"]').getBoundingClientRect().width"
    )
    assert width == (column or pytest.approx(viewport["width"] - 16, abs=1))
    assert visit.requests == [site_url + "kennisbrief/2016-q1/e-mail.html"]
    context.close()
