"""Find `[[id]]`, `[[type/id]]` and `[[id|tekst]]` in a Markdown body or a summary, outside code.

Shared by link (which resolves and reports) and render (which rewrites), so both agree on
exactly which brackets are links. A `[[` or `]]` that is no whole link is found too: an editor
who typed `[[id]` meant a link, and must hear that it isn't one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from generator.fences import prose_lines

_WIKILINK = re.compile(r"\[\[([^\[\]\n|]+)(?:\|([^\[\]\n]*))?\]\]")
_HALF = re.compile(r"\[\[|\]\]")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


class Wikilink(NamedTuple):
    target: str  # the id (or type/id) between the brackets, stripped
    line: int  # 0-based line within the text
    column: int  # 0-based column within the line
    start: int  # offset of "[[" within the text
    end: int  # offset just past "]]"
    label: str | None = None  # the text after `|`, shown instead of the record's title


class Half(NamedTuple):
    """A `[[` or `]]` that belongs to no link."""

    text: str
    line: int
    column: int


def find(text: str) -> Iterator[Wikilink]:
    if "[[" not in text:
        return
    for number, offset, visible in _prose(text):
        for match in _WIKILINK.finditer(visible):
            label = match.group(2).strip() if match.group(2) is not None else None
            yield Wikilink(
                match.group(1).strip(),
                number,
                match.start(),
                offset + match.start(),
                offset + match.end(),
                label or None,
            )


def halves(text: str) -> Iterator[Half]:
    """Every `[[` or `]]` outside code that is not part of a whole link."""
    if "[[" not in text and "]]" not in text:
        return
    for number, _, visible in _prose(text):
        whole = " " * len(visible)
        for match in _WIKILINK.finditer(visible):
            whole = whole[: match.start()] + "x" * len(match.group(0)) + whole[match.end() :]
        for match in _HALF.finditer(visible):
            if whole[match.start()] == " ":
                yield Half(match.group(0), number, match.start())


def _prose(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, offset, line with inline code blanked) of every prose line."""
    offset = 0
    for number, (line, prose) in enumerate(prose_lines(text)):
        if prose:
            # Blank out inline code, keeping columns, so `[[x]]` in code stays literal.
            yield number, offset, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        offset += len(line) + 1
