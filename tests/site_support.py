"""Helpers for tests of the built site: real MkDocs builds of fixture trees, and HTML crawling."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import BuildReport, BuildRequest, build

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"

# Elements whose URL attribute the browser fetches by itself (not links a visitor follows).
FETCHING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}


@dataclass
class Built:
    site: Path
    offline: Path
    report: BuildReport


def build_fixture(
    name: str, target: Path, *, offline: bool = True, edition: Any = "public"
) -> Built:
    """Build tests/fixtures/<name>/content with the project's mkdocs.yml and docs/ into `target`."""
    site = target / "site"
    report = build(
        BuildRequest(
            config_file=ROOT / "mkdocs.yml",
            site_dir=site,
            edition=edition,
            offline=offline,
            work_dir=target / "work",
            content_dir=FIXTURES / name / "content",
        )
    )
    return Built(site=site, offline=target / "work" / "offline", report=report)


@dataclass
class Parsed:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # every href/src
    fetched: list[str] = field(default_factory=list)  # URLs the browser would load
    lang: str | None = None
    title: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = Parsed()
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for name in ("id", "name"):
            if values.get(name):
                self.parsed.ids.add(values[name])
        if tag == "html":
            self.parsed.lang = values.get("lang")
        if tag == "title":
            self._in_title = True
        for name in ("href", "src"):
            if name in values:
                self.parsed.links.append(values[name])
        if tag in FETCHING and values.get(FETCHING[tag]):
            self.parsed.fetched.append(values[FETCHING[tag]])
        if tag == "link" and values.get("href"):
            rel = set(values.get("rel", "").split())
            if not rel & {"canonical", "alternate"}:
                self.parsed.fetched.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.parsed.title += data


def parse(path: Path) -> Parsed:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.parsed


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def require_clean(built: Built) -> Built:
    if not built.report.ok:
        pytest.fail(f"build failed: {built.report.reason} {built.report.problems}")
    return built


# What a project needs besides content/ to build: the configuration, the hand-written pages and
# the theme overrides (theme.custom_dir).
SITE_SETUP = ("mkdocs.yml", "docs", "overrides")


def copy_setup(target: Path, *, link: bool = False) -> Path:
    """The repository's site setup into `target` (folders as symlinks with `link`)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SETUP:
        source = ROOT / name
        if source.is_dir():
            if link:
                (target / name).symlink_to(source, target_is_directory=True)
            else:
                shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


# What an organisation fills in before publishing: no address on a host reserved for examples.
REAL_SITE = "https://www.kennisbankbevolkingszorg.nl/"


def publishable(config: Path) -> Path:
    """Replace the example addresses of a copied mkdocs.yml by real-looking ones."""
    text = config.read_text(encoding="utf-8")
    text = text.replace("https://kennisbank-bevolkingszorg.example/", REAL_SITE)
    text = text.replace("kennisbank-bevolkingszorg.example", "kennisbankbevolkingszorg.nl")
    # security.txt must not have expired on the day the tests run.
    expires = (date.today() + timedelta(days=180)).isoformat()
    text = re.sub(r"(?m)^(\s*security_expires:).*$", rf'\1 "{expires}"', text)
    config.write_text(text, encoding="utf-8")
    return config


def project_tree(target: Path, fixture: str = "site") -> Path:
    """A project folder as an editor has it: the repo's site setup, fixture content/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURES / fixture / "content", target / "content")
    return copy_setup(target)


def broken_links(site: Path) -> list[str]:
    """Every relative href/src of every HTML page that leads to no file (or to no anchor)."""
    pages = {path: parse(path) for path in html_files(site)}
    broken = []
    for path, parsed in pages.items():
        for url in parsed.links:
            problem = _link_problem(site, path, url, pages)
            if problem:
                broken.append(f"{path.relative_to(site)}: {url} ({problem})")
    return broken


def _link_problem(site: Path, page: Path, url: str, pages: dict[Path, Parsed]) -> str:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return ""
    if not parts.path:
        target = page
    else:
        base = site if parts.path.startswith("/") else page.parent
        target = (base / unquote(parts.path.lstrip("/"))).resolve()
        if target.is_dir():
            target = target / "index.html"
    if not target.exists():
        return "missing file"
    if parts.fragment and target.suffix == ".html":
        parsed = pages.get(target) or parse(target)
        if unquote(parts.fragment) not in parsed.ids:
            return "missing anchor"
    return ""


def search_documents(site: Path) -> list[dict[str, Any]]:
    """What the site's search index holds, one entry per page: its title, its location and its
    type as tags. Read from Pagefind's compressed fragments (the site's own search), else from
    Zensical's own index."""
    fragments = site / "pagefind" / "fragment"
    if fragments.is_dir():
        documents = []
        for path in sorted(fragments.iterdir()):
            data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
            documents.append(
                {
                    "title": data["meta"]["title"],
                    "location": data["url"].lstrip("/"),
                    "tags": [data["meta"]["type"]],
                    "text": data["content"],
                    "filters": data["filters"],
                }
            )
        return documents
    zensical = json.loads((site / "search.json").read_text(encoding="utf-8"))
    return list(zensical["items"])
