"""What the Markdown engine makes of a body, and what the site does not allow in one.

A body is untrusted Markdown. Rather than guess with patterns what the engine will make of it,
this asks the engine: Python-Markdown with the site's extensions (`EXTENSIONS`, the same as
mkdocs.yml, which a test pins) converts the body, and every piece of raw HTML, every `{…}`
attribute list, every link and every image it produced is found exactly as the site would
build it. `check` reports the ones the site does not allow (generator/validate.py); the
sanitiser (generator/sanitize.py) removes them wherever a page is built anyway (the preview).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from generator import wikilinks
from generator.sanitize import URL_SCHEMES, is_local

# MkDocs adds toc, tables and fenced_code to every site; the rest are mkdocs.yml's.
EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "abbr")

Kind = Literal["html", "attributes", "link", "image", "local", "anchor"]
# What a wikilink stands in for while the engine reads the body: a link, to nothing it checks.
_WIKILINK_TARGET = "#kb-wikilink"

# Only a body with one of these can hold raw HTML, an attribute list, a link or an image:
# the others (most of them) skip the engine.
_SUSPECT = re.compile(r"[<{&]|\]\s*[(\[:]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_OPENING_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_CLOSING_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_INVISIBLE_IN_URL = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True)
class Finding:
    """Something in a body that the site does not allow, with where it starts."""

    kind: Kind
    text: str  # the raw HTML, the attribute list, or the URL as the engine read it
    line: int  # 0-based line within the body
    column: int  # 0-based


def findings(body: str) -> list[Finding]:
    """Raw HTML, attribute lists, unsafe links and images from other hosts in `body`."""
    if not _SUSPECT.search(body):
        return []
    found = _found(body)
    return [_locate(kind, text, body, found, _found) for kind, text in found]


def local_targets(body: str) -> list[Finding]:
    """Every link and image in `body` to a file of the site itself (`../bijlagen/x.pdf`), and
    every link to a heading (`#opzet`) that is not one of the body's own: the link step checks
    that the file is there; such an anchor leads nowhere."""
    if not _SUSPECT.search(body):
        return []
    found = _local_found(body)
    return [_locate(kind, url, body, found, _local_found) for kind, url in found]


def _is_file_link(url: str) -> bool:
    plain = html.unescape(url).strip()
    return bool(plain) and not plain.startswith("#") and is_local(plain) and is_safe_link(plain)


def _local_found(body: str) -> list[tuple[Kind, str]]:
    engine = _engine()
    engine.analyse(_with_wikilinks_as_links(body))
    found: list[tuple[Kind, str]] = [
        ("local", url) for url in [*engine.links, *engine.images] if _is_file_link(url)
    ]
    for url in engine.links:
        anchor = html.unescape(url).strip()
        if anchor.startswith("#") and anchor != _WIKILINK_TARGET and anchor[1:] not in engine.ids:
            found.append(("anchor", url))
    return found


def _found(body: str) -> list[tuple[Kind, str]]:
    """What the engine makes of `body` that the site does not allow, in no particular place."""
    engine = _engine()
    # Wikilinks become links when rendered, so `[[id]]{: …}` is an attribute list on a link.
    engine.analyse(_with_wikilinks_as_links(body))
    found: list[tuple[Kind, str]] = [("html", raw) for raw in engine.raw_html()]
    found += [("attributes", "{" + attributes + "}") for attributes in engine.attribute_lists]
    found += [("link", url) for url in engine.links if not is_safe_link(url)]
    found += [("image", url) for url in engine.images if not is_local(html.unescape(url))]
    return found


def is_safe_link(url: str) -> bool:
    """A link the site may carry: relative, or to http(s), mailto or tel. Entities and the
    spaces and control characters browsers skip in a scheme are undone first."""
    plain = _INVISIBLE_IN_URL.sub("", html.unescape(url)).lower()
    scheme = _SCHEME.match(plain)
    return scheme is None or scheme.group(1) in URL_SCHEMES


def scheme_of(url: str) -> str:
    plain = _INVISIBLE_IN_URL.sub("", html.unescape(url)).lower()
    scheme = _SCHEME.match(plain)
    return scheme.group(1) if scheme else ""


class _Engine(markdown.Markdown):
    """The site's Markdown, noting what it makes: where raw HTML enters its stash, which
    attribute lists it applies, and the links and images of the finished tree."""

    def __init__(self) -> None:
        super().__init__(extensions=list(EXTENSIONS))
        self.stash_marks: dict[str, int] = {}
        self.attribute_lists: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []
        self.ids: set[str] = set()  # of the headings, as the table of contents makes them
        # Fenced code is stashed before raw HTML blocks, inline HTML after both.
        self.preprocessors.register(_Mark(self, "before_blocks"), "mark_before_blocks", 22)
        self.preprocessors.register(_Mark(self, "after_blocks"), "mark_after_blocks", 19)
        self.treeprocessors.register(_MarkTree(self, "after_inline"), "mark_after_inline", 19)
        self.treeprocessors.register(_Recorder(self), "attr_list", 8)
        self.treeprocessors.register(_Targets(self), "targets", 1)

    def analyse(self, text: str) -> None:
        self.reset()
        self.stash_marks.clear()
        self.attribute_lists.clear()
        self.links.clear()
        self.images.clear()
        self.ids.clear()
        self.convert(text)

    def raw_html(self) -> list[str]:
        stash: list[Any] = self.htmlStash.rawHtmlBlocks
        blocks = stash[self.stash_marks["before_blocks"] : self.stash_marks["after_blocks"]]
        inline = stash[self.stash_marks["after_blocks"] : self.stash_marks["after_inline"]]
        # Entities (&amp;, &#233;) are stashed like HTML but are only characters; the closing
        # tag of an element already found says nothing new.
        found = [str(b) for b in blocks if str(b).strip()]
        opened: set[str] = set()
        for raw in map(str, inline):
            closing = _CLOSING_TAG.fullmatch(raw)
            if _ENTITY.fullmatch(raw) or (closing and closing.group(1).lower() in opened):
                continue
            opening = _OPENING_TAG.match(raw)
            if opening:
                opened.add(opening.group(1).lower())
            found.append(raw)
        return found


class _Mark(Preprocessor):
    def __init__(self, md: _Engine, name: str) -> None:
        super().__init__(md)
        self.engine, self.name = md, name

    def run(self, lines: list[str]) -> list[str]:
        self.engine.stash_marks[self.name] = len(self.engine.htmlStash.rawHtmlBlocks)
        return lines


class _MarkTree(Treeprocessor):
    def __init__(self, md: _Engine, name: str) -> None:
        super().__init__(md)
        self.engine, self.name = md, name

    def run(self, root: Element) -> None:
        self.engine.stash_marks[self.name] = len(self.engine.htmlStash.rawHtmlBlocks)


class _Recorder(AttrListTreeprocessor):
    """attr_list as the site runs it, noting every list it applies."""

    def __init__(self, md: _Engine) -> None:
        super().__init__(md)
        self.engine = md

    def assign_attrs(self, elem: Element, attrs_string: str, *, strict: bool = False) -> str:
        remainder = super().assign_attrs(elem, attrs_string, strict=strict)
        if not (strict and remainder):  # applied
            self.engine.attribute_lists.append(attrs_string.strip())
        return remainder


class _Targets(Treeprocessor):
    def __init__(self, md: _Engine) -> None:
        super().__init__(md)
        self.engine = md

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "a" and element.get("href") is not None:
                self.engine.links.append(str(element.get("href")))
            elif element.tag == "img" and element.get("src") is not None:
                self.engine.images.append(str(element.get("src")))
            if element.get("id"):
                self.engine.ids.add(str(element.get("id")))


@functools.cache
def _engine() -> _Engine:
    return _Engine()


def _with_wikilinks_as_links(body: str) -> str:
    pieces: list[str] = []
    last = 0
    for link in wikilinks.find(body):
        pieces += [body[last : link.start], f"[{link.target}]({_WIKILINK_TARGET})"]
        last = link.end
    return "".join([*pieces, body[last:]])


def _locate(
    kind: Kind,
    text: str,
    body: str,
    found: list[tuple[Kind, str]],
    analyse: Callable[[str], list[tuple[Kind, str]]],
) -> Finding:
    """Where the engine found `text` in the body. Where it stands more than once (`<b>` in
    prose and in code), the place is the one that, blanked out, makes the engine stop finding
    it: the engine, not a pattern, says which occurrence is live."""
    needle = _needle(kind, text)
    starts = [m.start() for m in re.finditer(re.escape(needle), body)] if needle else []
    if not starts and needle != html.unescape(needle):
        needle = html.unescape(needle)
        starts = [m.start() for m in re.finditer(re.escape(needle), body)]
    index = starts[0] if starts else 0
    if len(starts) > 1:
        before = found.count((kind, text))
        for start in starts:
            blanked = body[:start] + " " * len(needle) + body[start + len(needle) :]
            if analyse(blanked).count((kind, text)) < before:
                index = start
                break
    if kind == "attributes" and starts:  # the list starts at its brace
        index = max(body.rfind("{", 0, index), body.rfind("\n", 0, index) + 1)
    line = body.count("\n", 0, index)
    return Finding(kind, text, line, index - (body.rfind("\n", 0, index) + 1))


def _needle(kind: Kind, text: str) -> str:
    """What to look for in the source: the first line of raw HTML, the inside of an attribute
    list (its braces may be spaced), a URL as written."""
    if kind == "attributes":
        return text[1:-1].strip()
    return text.split("\n", 1)[0].strip()
