"""Atom feeds (RFC 4287): the newest records, and the kennisbrieven.

Built with ElementTree, so every value is escaped by the XML writer. Times are the records'
own dates (midnight UTC), never the build time: the same content gives the same feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from generator.model import Graph
from generator.render import addresses
from generator.render.kennisbrief import Issue, issue_summary
from generator.render.page import plain_summary

ATOM = "http://www.w3.org/2005/Atom"
SITE_NAME = "Kennisbank Bevolkingszorg"
NEWEST = 50  # entries in the feed of new records; a feed is a window, not the archive
EPOCH = date(2000, 1, 1)  # a feed without entries still needs an <updated>

# Characters XML 1.0 cannot carry. load reports and removes them from content; this keeps a
# feed valid whatever reaches it.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    published: date
    updated: date
    summary: str
    category: tuple[str, str] | None = None  # (term, label)


def records_feed(graph: Graph, site_url: str) -> str:
    entries = []
    for key, record in graph.records.items():
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
    return _feed(
        title=f"{SITE_NAME}: nieuw",
        subtitle="De nieuwste sessies, praktijken, knelpunten en andere records.",
        self_url=addresses.absolute(site_url, addresses.FEED_RECORDS),
        alternate=addresses.absolute(site_url, addresses.HOME),
        entries=entries[:NEWEST],
    )


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
    return _feed(
        title=f"{SITE_NAME}: kennisbrieven",
        subtitle="Elk kwartaal wat er in de kennisbank bij kwam.",
        self_url=addresses.absolute(site_url, addresses.FEED_KENNISBRIEVEN),
        alternate=addresses.absolute(site_url, addresses.kennisbrief_index()),
        entries=entries,
    )


def _feed(title: str, subtitle: str, self_url: str, alternate: str, entries: list[Entry]) -> str:
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    _text(feed, "id", self_url)
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    _link(feed, "self", self_url, "application/atom+xml")
    _link(feed, "alternate", alternate, "text/html")
    _text(feed, "updated", _time(max((e.updated for e in entries), default=EPOCH)))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", SITE_NAME)
    _text(feed, "generator", "kennisbank")
    for entry in entries:
        element = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(element, "id", entry.url)
        _text(element, "title", entry.title)
        _link(element, "alternate", entry.url, "text/html")
        _text(element, "published", _time(entry.published))
        _text(element, "updated", _time(entry.updated))
        _text(element, "summary", entry.summary)
        if entry.category:
            term, label = entry.category
            ET.SubElement(element, f"{{{ATOM}}}category", {"term": term, "label": label})
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = _XML_INVALID.sub("", value)


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "href": href, "type": media_type})


def _time(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
