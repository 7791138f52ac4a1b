"""Addresses: where each generated page lives on the site.

A page's path depends only on the record's type and id, so links and bookmarks stay stable.
"""

from __future__ import annotations

import posixpath
from typing import Any

from generator.model import Key, Quarter, RecordType

THEMES_SECTION = "themas"

HOME = "index.md"


def page_path(key: Key) -> str:
    """The generated Markdown file of a record, e.g. `praktijken/groepsapp.md`."""
    return f"{key.type.section}/{key.id}.md"


def section_index(record_type: RecordType[Any]) -> str:
    return f"{record_type.section}/index.md"


def section_of(key: Key) -> str:
    """The section index a record belongs to: the theme's breadcrumb and active menu item
    (front matter `section`, overrides/partials/kennisbank-breadcrumb.html)."""
    return section_index(key.type)


def theme_path(theme: str) -> str:
    return f"{THEMES_SECTION}/{theme}.md"


def themes_index() -> str:
    return f"{THEMES_SECTION}/index.md"


def relative(source: str, target: str) -> str:
    """A Markdown link from one page file to another, relative so MkDocs validates it."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


# Publications: the quarterly kennisbrief, the national progress overview and the feeds.
KENNISBRIEF_SECTION = "kennisbrief"
PROGRESS = "voortgang/index.md"
FEEDS_SECTION = "feeds"
FEED_RECORDS = f"{FEEDS_SECTION}/nieuw.xml"
FEED_KENNISBRIEVEN = f"{FEEDS_SECTION}/kennisbrieven.xml"
# Hand-written in docs/: how a feed looks when opened in a browser (XSLT, and CSS where a
# browser no longer runs XSLT).
FEED_XSLT = "assets/feed.xsl"
FEED_CSS = "assets/feed.css"
SUBSCRIBE = f"{KENNISBRIEF_SECTION}/abonneren.md"
# Open data: every public record as JSON and CSV, the DCAT catalogue and the JSON Schemas.
GLOSSARY = "afkortingen.md"
DATA_SECTION = "data"
DATA = f"{DATA_SECTION}/index.md"
SECURITY_TXT = ".well-known/security.txt"  # RFC 9116


def theme_feed(theme: str) -> str:
    return f"{FEEDS_SECTION}/{THEMES_SECTION}/{theme}.xml"


def record_feed(key: Key) -> str:
    """The feed of what the knowledge base holds about a record (a region's feed)."""
    return f"{FEEDS_SECTION}/{key.type.section}/{key.id}.xml"


def data_file(name: str) -> str:
    return f"{DATA_SECTION}/{name}"


# Knelpunten that are not solved and have no practice that answers them (render/learning.py).
UNANSWERED = "knelpunten-zonder-antwoord/index.md"


def kennisbrief_index() -> str:
    return f"{KENNISBRIEF_SECTION}/index.md"


def kennisbrief_path(quarter: Quarter) -> str:
    return f"{KENNISBRIEF_SECTION}/{quarter.slug}.md"


def kennisbrief_email(quarter: Quarter) -> str:
    """The standalone e-mail version, beside the page's own folder."""
    return f"{KENNISBRIEF_SECTION}/{quarter.slug}/e-mail.html"


def url(path: str) -> str:
    """The site-relative URL a page file is served at, with directory URLs (both engines):
    `praktijken/groepsapp.md` -> `praktijken/groepsapp/`, `index.md` -> ``."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + url(path)
