"""Atom feeds (RFC 4287): the newest records, the kennisbrieven, and one per theme and region.

Built with ElementTree, so every value is escaped by the XML writer. Times are the records'
own dates (midnight UTC), never the build time: the same content gives the same feed. Each feed
names a stylesheet, so that a feed opened in a browser reads as a Dutch page that says what a
feed is (docs/assets/feed.xsl; docs/assets/feed.css where a browser no longer runs XSLT).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from generator.model import Graph, Key
from generator.render import addresses
from generator.render.kennisbrief import Issue, issue_summary
from generator.render.page import plain_summary
from generator.types import REGIONS

ATOM = "http://www.w3.org/2005/Atom"
SITE_NAME = "Kennisbank Bevolkingszorg"
NEWEST = 50  # entries in a feed of records; a feed is a window, not the archive
EPOCH = date(2000, 1, 1)  # a feed without entries still needs an <updated>

# Characters XML 1.0 cannot carry. load reports and removes them from content; this keeps a
# feed valid whatever reaches it.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Feed:
    """A feed of the site: where it is, what it is called, and the page it goes with."""

    path: str  # feeds/themas/oefenen.xml
    title: str
    subtitle: str
    page: str  # the generated page it follows: themas/oefenen.md
    theme: str | None = None  # a theme's feed: the records with this theme
    region: Key | None = None  # a region's feed: the records that name this region


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    published: date
    updated: date
    summary: str
    category: tuple[str, str] | None = None  # (term, label)


RECORDS = Feed(
    addresses.FEED_RECORDS,
    f"{SITE_NAME}: nieuw",
    "De nieuwste sessies, praktijken, knelpunten en meer.",
    addresses.HOME,
)
KENNISBRIEVEN = Feed(
    addresses.FEED_KENNISBRIEVEN,
    f"{SITE_NAME}: kennisbrieven",
    "Elk kwartaal wat er in de kennisbank bijkwam.",
    addresses.kennisbrief_index(),
)


def theme_feeds(graph: Graph) -> list[Feed]:
    return [
        Feed(
            addresses.theme_feed(key),
            f"{SITE_NAME}: thema {theme.label}",
            f"Nieuwe sessies, praktijken, knelpunten en meer over het thema {theme.label}.",
            addresses.theme_path(key),
            theme=key,
        )
        for key, theme in graph.taxonomy.themes.items()
    ]


def region_feeds(graph: Graph) -> list[Feed]:
    return [
        Feed(
            addresses.record_feed(region.key),
            f"{SITE_NAME}: {region.title}",
            f"Nieuwe sessies, praktijken en knelpunten van {region.title}.",
            addresses.page_path(region.key),
            region=region.key,
        )
        for region in sorted(
            graph.of_type(REGIONS), key=lambda r: REGIONS.list_title(r.data).casefold()
        )
    ]


def all_feeds(graph: Graph) -> list[Feed]:
    """Every feed of the edition, in the order the subscription page lists them."""
    return [RECORDS, KENNISBRIEVEN, *theme_feeds(graph), *region_feeds(graph)]


def records_feed(graph: Graph, site_url: str, feed: Feed = RECORDS) -> str:
    """The newest records: all of them, or those `feed` is about (a theme, a region)."""
    entries = []
    for key in _about(graph, feed):
        record = graph.records[key]
        when = graph.dates.get(key) or record.data.updated
        if when is None:
            continue
        published = when.first_day
        singular = key.type.singular
        entries.append(
            Entry(
                title=record.title,
                url=addresses.absolute(site_url, addresses.page_path(key)),
                published=published,
                updated=max(published, (record.data.updated or when).first_day),
                summary=plain_summary(graph, record) or singular,
                category=(key.type.section, singular),
            )
        )
    entries.sort(key=lambda e: (e.published, e.url), reverse=True)
    return _feed(feed, site_url, entries[:NEWEST])


def kennisbrieven_feed(graph: Graph, found: Iterable[Issue], site_url: str) -> str:
    entries = [
        Entry(
            title=issue.title,
            url=addresses.absolute(site_url, addresses.kennisbrief_path(issue.quarter)),
            published=issue.published,
            updated=issue.published,
            summary=issue_summary(graph, issue),
        )
        for issue in found
    ]
    return _feed(KENNISBRIEVEN, site_url, entries)


def feed_files(graph: Graph, found: Iterable[Issue], site_url: str) -> dict[str, str]:
    """Every feed of the edition by its path, and a sitemap of each folder of feeds."""
    files = {RECORDS.path: records_feed(graph, site_url)}
    files[KENNISBRIEVEN.path] = kennisbrieven_feed(graph, found, site_url)
    for feed in [*theme_feeds(graph), *region_feeds(graph)]:
        files[feed.path] = records_feed(graph, site_url, feed)
    # Material's script reads every <link rel="alternate"> of a page as a version of the site
    # in another language and fetches the sitemap.xml beside it; the feeds' autodiscovery
    # links are such links. A sitemap of the folder's feeds answers it (instead of a 404).
    folders: dict[str, list[str]] = {}
    for path in files:
        folders.setdefault(posixpath.dirname(path), []).append(path)
    for folder, paths in folders.items():
        files[f"{folder}/sitemap.xml"] = _sitemap(site_url, sorted(paths))
    return files


def _sitemap(site_url: str, paths: list[str]) -> str:
    urlset = ET.Element("urlset", {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    for path in paths:
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = addresses.absolute(site_url, path)
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="unicode", xml_declaration=True) + "\n"


def _about(graph: Graph, feed: Feed) -> list[Key]:
    """The records a feed follows: a theme's records, a region's records, or all."""
    if feed.theme is not None:
        return [k for k, r in graph.records.items() if feed.theme in r.data.themes]
    if feed.region is not None:
        return [k for k in graph.records if feed.region in graph.outgoing(k, "regions")]
    return list(graph.records)


def _feed(feed: Feed, site_url: str, entries: list[Entry]) -> str:
    self_url = addresses.absolute(site_url, feed.path)
    element = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    _text(element, "id", self_url)
    _text(element, "title", feed.title)
    _text(element, "subtitle", feed.subtitle)
    _link(element, "self", self_url, "application/atom+xml")
    _link(element, "alternate", addresses.absolute(site_url, feed.page), "text/html")
    # Where a reader learns what a feed is and finds the others (the browser view links it).
    _link(element, "related", addresses.absolute(site_url, addresses.SUBSCRIBE), "text/html")
    _text(element, "updated", _time(max((e.updated for e in entries), default=EPOCH)))
    author = ET.SubElement(element, f"{{{ATOM}}}author")
    _text(author, "name", SITE_NAME)
    _text(element, "generator", "kennisbank")
    for entry in entries:
        item = ET.SubElement(element, f"{{{ATOM}}}entry")
        _text(item, "id", entry.url)
        _text(item, "title", entry.title)
        _link(item, "alternate", entry.url, "text/html")
        _text(item, "published", _time(entry.published))
        _text(item, "updated", _time(entry.updated))
        _text(item, "summary", entry.summary)
        if entry.category:
            term, label = entry.category
            ET.SubElement(item, f"{{{ATOM}}}category", {"term": term, "label": label})
    ET.indent(element)
    folder = posixpath.dirname(feed.path)
    stylesheets = (
        f'<?xml-stylesheet href="{posixpath.relpath(addresses.FEED_XSLT, folder)}" '
        'type="text/xsl"?>\n'
        f'<?xml-stylesheet href="{posixpath.relpath(addresses.FEED_CSS, folder)}" '
        'type="text/css"?>\n'
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + stylesheets
        + ET.tostring(element, encoding="unicode")
        + "\n"
    )


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = _XML_INVALID.sub("", value)


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "href": href, "type": media_type})


def _time(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
