"""The offline copy: the built site, made to open from file://, zipped for download.

It reuses the pages of the online build instead of building the site a second time. Two things
differ when a site is opened from disk: a link to a folder (`../groepsapp/`) shows a folder
listing instead of its page, and nothing can be fetched, so Pagefind cannot search. So every
link to a folder gets its `index.html`, a link to a file the copy leaves out (the download
itself, the Pagefind index) goes to the online site, and the search records are embedded in a
script that assets/javascripts/search.js searches itself.

Links are rewritten inside tags only (`<… href="…">`): the pages are MkDocs' and Material's
templates around sanitised content, whose attributes are always double-quoted, and text
between tags cannot hold a `<` (it is escaped), so a tag is never confused with text.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from generator.beheer import SITE_FOLDER
from generator.render.search import SearchRecord

OFFLINE_INDEX = "search/offline-index.js"
# Online only: the index Pagefind fetches, the archive itself, what only crawlers read, and the
# browser editor (it needs the git host).
LEFT_OUT = ("pagefind", "downloads", "sitemap.xml", "sitemap.xml.gz", "404.html", SITE_FOLDER)

_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')
_FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml"')


def offline_copy(
    site: Path, target: Path, records: Sequence[SearchRecord], site_url: str | None
) -> Path:
    """Copy `site` to `target` for reading from disk; returns `target`."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target, ignore=_left_out(site))
    for page in target.rglob("*.html"):
        relative = page.relative_to(target).as_posix()
        html = page.read_text(encoding="utf-8")
        page.write_text(rewrite_links(html, relative, target, site_url), encoding="utf-8")
    index = target / OFFLINE_INDEX
    index.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps([r.as_json() for r in records], ensure_ascii=False, separators=(",", ":"))
    # `</` could end a script element that embeds this file; as a separate file it can't, but
    # escaping it costs nothing.
    data = data.replace("</", "<\\/")
    index.write_text(f"window.kennisbankZoekindex = {data};\n", encoding="utf-8")
    return target


def _left_out(site: Path) -> Callable[[str, list[str]], list[str]]:
    def ignore(folder: str, names: list[str]) -> list[str]:
        if Path(folder).resolve() != site.resolve():
            return []
        return [name for name in names if name in LEFT_OUT]

    return ignore


def rewrite_links(html: str, page: str, copy: Path, site_url: str | None) -> str:
    """`html` of the page at `page` (relative to the copy) with links that work from disk, and
    without the feeds' autodiscovery links (overrides/partials/kennisbank-feeds.html): a feed
    reader cannot follow a file on disk, and Material's script would try to read a sitemap
    beside each of them, which a browser refuses from file://."""

    def attribute(match: re.Match[str]) -> str:
        return match.group(1) + _offline_url(match.group(2), page, copy, site_url) + match.group(3)

    def tag(match: re.Match[str]) -> str:
        if _FEED_LINK.match(match.group(0)):
            return ""
        return _URL_ATTRIBUTE.sub(attribute, match.group(0))

    return _TAG.sub(tag, html)


def _offline_url(url: str, page: str, copy: Path, site_url: str | None) -> str:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "#")) or not url:
        return url
    path = parts.path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    suffix = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )
    on_disk = copy / target if target != "." else copy
    if on_disk.is_dir():
        return (path if path.endswith("/") else path + "/") + "index.html" + suffix
    if not on_disk.exists() and site_url and not target.startswith(".."):
        # Left out of the copy (the download, the Pagefind index): the online site has it.
        return site_url.rstrip("/") + "/" + target + suffix
    return url


def zip_site(folder: Path, target: Path) -> Path:
    """Zip `folder` under one folder, so unpacking it makes a single directory."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".map":
                archive.write(path, Path("kennisbank") / path.relative_to(folder))
    shutil.move(partial, target)
    return target
