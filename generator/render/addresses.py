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
FEED_RECORDS = "feeds/nieuw.xml"
FEED_KENNISBRIEVEN = "feeds/kennisbrieven.xml"
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
