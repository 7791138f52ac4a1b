"""Subscriptions: feeds per theme and per region, autodiscovery on every page, the page that
explains how to subscribe, and the kennisbrief e-mail with its sender, reason and sign-off."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from generator.pipeline import check
from generator.render.email import OUTLOOK_CLOSE, OUTLOOK_OPEN
from generator.render.site import RenderOptions, render
from generator.sanitize import sanitize_email
from generator.settings import SiteSettings
from tests.site_support import FIXTURES, Built, html_files

SITE_URL = "https://kennisbank-bevolkingszorg.example/"  # mkdocs.yml


def _feed(site: Path, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site / path).read_bytes())
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    assert feed.version == "atom10"
    return feed


def _feed_files(site: Path) -> list[Path]:
    return [p for p in (site / "feeds").rglob("*.xml") if p.name != "sitemap.xml"]


def test_each_folder_of_feeds_has_a_sitemap_of_its_feeds(site_build: Built) -> None:
    """Material fetches the sitemap.xml beside every <link rel="alternate"> of a page."""
    for folder in ("feeds", "feeds/themas", "feeds/regios"):
        sitemap = (site_build.site / folder / "sitemap.xml").read_text("utf-8")
        listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        here = sorted(p.name for p in (site_build.site / folder).glob("*.xml"))
        assert listed == [f"{SITE_URL}{folder}/{name}" for name in here if name != "sitemap.xml"]


def _served(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def test_a_feed_per_theme_with_the_records_of_that_theme(site_build: Built) -> None:
    feed = _feed(site_build.site, "feeds/themas/zelfredzaamheid.xml")
    assert feed.feed.title == "Kennisbank Bevolkingszorg: thema Zelfredzaamheid"
    assert [e.title for e in feed.entries] == [
        "Groepsapp voor medewerkers",
        "Operationele informatie actueel houden",
    ]
    oefenen = _feed(site_build.site, "feeds/themas/oefenen.xml")
    assert "Zelf onderdak regelen vanuit de opvang" in [e.title for e in oefenen.entries]
    assert "Groepsapp voor medewerkers" not in [e.title for e in oefenen.entries]


def test_a_feed_per_region_with_what_names_the_region(site_build: Built) -> None:
    utrecht = _feed(site_build.site, "feeds/regios/utrecht.xml")
    assert utrecht.feed.title == "Kennisbank Bevolkingszorg: Veiligheidsregio Utrecht"
    titles = [e.title for e in utrecht.entries]
    assert titles[0] == "Leerarena na de brand"  # the newest first
    assert "Zelf onderdak regelen vanuit de opvang" in titles
    assert "Groepsapp voor medewerkers" not in titles  # a practice of Gooi en Vechtstreek
    # A region without content has a valid, empty feed to subscribe to.
    assert _feed(site_build.site, "feeds/regios/zeeland.xml").entries == []


def test_every_feed_parses_links_to_the_site_and_names_its_stylesheets(site_build: Built) -> None:
    feeds = sorted(_feed_files(site_build.site))
    assert len(feeds) == 2 + 2 + 4  # new, kennisbrieven; 2 themes; 4 regions
    for path in feeds:
        relative = path.relative_to(site_build.site).as_posix()
        feed = _feed(site_build.site, relative)
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["self"] == SITE_URL + relative
        assert links["related"] == SITE_URL + "kennisbrief/abonneren/"
        for url in [links["alternate"], links["related"], *(e.link for e in feed.entries)]:
            assert _served(site_build.site, url).is_file(), (relative, url)
        head = path.read_text("utf-8").split("<feed", 1)[0]
        sheets = re.findall(r'<\?xml-stylesheet href="([^"]+)" type="(text/xsl|text/css)"\?>', head)
        assert [kind for _, kind in sheets] == ["text/xsl", "text/css"], relative
        for href, _ in sheets:
            assert (path.parent / href).resolve().is_file(), (relative, href)


class _Alternates(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "link" and found.get("type") == "application/atom+xml":
            assert found.get("rel") == "alternate"
            self.feeds.append((found.get("title", ""), found.get("href", "")))


def _discovered(page: Path) -> list[tuple[str, str]]:
    parser = _Alternates()
    parser.feed(page.read_text("utf-8"))
    return parser.feeds


def test_every_page_announces_the_sites_feeds_and_its_own(site_build: Built) -> None:
    site = site_build.site
    # Every page of the site; the e-mails and the browser editor (/beheer/) are no site pages.
    pages = [
        p
        for p in html_files(site)
        if not p.name.endswith("e-mail.html") and p.relative_to(site).parts[0] != "beheer"
    ]
    assert len(pages) > 30
    for page in pages:
        found = _discovered(page)
        titles = [title for title, _ in found]
        assert titles[:2] == [
            "Kennisbank Bevolkingszorg: nieuw",
            "Kennisbank Bevolkingszorg: kennisbrieven",
        ], page
        for title, href in found:
            # 404.html is served at any depth, so its links start at the site's root.
            base = site if href.startswith("/") else page.parent
            target = (base / href.lstrip("/")).resolve()
            assert target.is_file(), (page, href)
            # The link's title is the feed's own.
            parsed = feedparser.parse(target.read_bytes())
            assert parsed.feed.title == title
    own = {
        "themas/oefenen/index.html": "Kennisbank Bevolkingszorg: thema Opleiden, trainen en "
        "oefenen",
        "regios/zeeland/index.html": "Kennisbank Bevolkingszorg: Veiligheidsregio Zeeland",
    }
    for path, title in own.items():
        assert [t for t, _ in _discovered(site / path)][2:] == [title]
    assert len(_discovered(site / "over/index.html")) == 2


def test_the_subscription_page_lists_every_feed_and_the_kennisbrief_by_email(
    site_build: Built,
) -> None:
    page = site_build.site / "kennisbrief/abonneren/index.html"
    html = page.read_text("utf-8")
    linked = {
        (page.parent / href).resolve()
        for href in re.findall(r'href="([^"]+\.xml)"', html.split('class="md-content"', 1)[1])
    }
    assert linked == {p.resolve() for p in _feed_files(site_build.site)}
    assert "Een nieuwsfeed (RSS of Atom) is een lijst van het nieuwste op een site" in html
    subscribe = (
        "mailto:kennisbrief@kennisbank-bevolkingszorg.example?subject=Aanmelden%20kennisbrief"
    )
    assert f'href="{subscribe}">Meld u aan voor de kennisbrief</a>' in html
    assert 'id="afmelden"' in html  # where the e-mail's fallback sign-off link points


# --- The e-mail edition ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def emails() -> dict[str, str]:
    settings = SiteSettings(
        site_url="https://kb.example.nl/",
        publisher="Veiligheidsberaad",
        contact_email="kennisbank@kb.example.nl",
        unsubscribe="*|UNSUB|*",  # a mail tool's merge tag, filled in when it sends
    )
    graph = check(FIXTURES / "site").graph
    pages = render(graph, RenderOptions(site_url="https://kb.example.nl/", settings=settings))
    return {path: text for path, text in pages.items() if path.endswith("e-mail.html")}


def _visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_email_says_who_sends_it_why_and_how_to_stop(emails: dict[str, str]) -> None:
    email = emails["kennisbrief/2016-q1/e-mail.html"]
    text = _visible(email)
    assert "Van: Veiligheidsberaad" in text
    assert (
        "Deze kennisbrief wordt verstuurd door Veiligheidsberaad ( kennisbank@kb.example.nl )"
        in (text)
    )
    assert "U ontvangt deze e-mail omdat u zich hebt aangemeld voor de kennisbrief" in text
    assert '<a href="*|UNSUB|*" style="color:#1a237e;text-decoration:underline;">Meld u af</a>' in (
        email
    )
    assert 'href="https://kb.example.nl/kennisbrief/abonneren/"' in email  # forwarded? sign up


def test_the_email_file_is_not_for_search_engines_and_describes_itself(
    emails: dict[str, str],
) -> None:
    """The e-mail is a file to send; the kennisbrief's own page is the one to find."""
    email = emails["kennisbrief/2016-q1/e-mail.html"]
    head = email.split("</head>")[0]
    assert '<meta name="robots" content="noindex">' in head
    description = re.search(r'<meta name="description" content="([^"]+)">', head)
    assert (
        description
        and description.group(1) == "De eerste opbrengst van de sessies in Midden-Nederland."
    )


def test_without_a_sign_off_link_the_email_points_to_how_to_sign_off() -> None:
    graph = check(FIXTURES / "site").graph
    email = render(graph, RenderOptions(site_url="https://kb.example.nl/"))[
        "kennisbrief/2016-q1/e-mail.html"
    ]
    assert 'href="https://kb.example.nl/kennisbrief/abonneren/#afmelden"' in email


def test_the_email_is_a_640_pixel_table_that_the_sanitiser_leaves_alone(
    emails: dict[str, str],
) -> None:
    for email in emails.values():
        body = email.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0].strip()
        # Outlook for Windows (Word) knows no max-width: a 640-pixel table only it reads,
        # around the fluid column every other client shows.
        assert body.count(OUTLOOK_OPEN) == body.count(OUTLOOK_CLOSE) == 1
        assert 'width="640"' in OUTLOOK_OPEN and OUTLOOK_OPEN.startswith("<!--[if mso]>")
        inner = body.replace(OUTLOOK_OPEN, "").replace(OUTLOOK_CLOSE, "")
        assert sanitize_email(inner) == inner  # nothing the e-mail allow-list would take out
        assert inner.startswith('<div role="main"><table role="presentation" width="100%"')
        column = '<table role="presentation" width="100%"[^>]*style="width:100%;max-width:640px;'
        assert re.search(column, inner)
        # No layout that Word would ignore: the one div is the main landmark, without style.
        assert body.count("<div") == 1 and "<div style" not in body


def test_email_links_are_absolute(emails: dict[str, str]) -> None:
    for email in emails.values():
        for href in re.findall(r'href="([^"]+)"', email):
            assert href == "*|UNSUB|*" or urlsplit(urljoin("x:", href)).scheme in (
                "https",
                "mailto",
            ), href
