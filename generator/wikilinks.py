"""Find `[[id]]` and `[[type/id]]` in a Markdown body, outside code.

Shared by link (which resolves and reports) and render (which rewrites), so both agree on
exactly which brackets are links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from generator.fences import prose_lines

_WIKILINK = re.compile(r"\[\[([^\[\]\n|]+)\]\]")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


class Wikilink(NamedTuple):
    target: str  # the text between the brackets, stripped
    line: int  # 0-based line within the body
    column: int  # 0-based column within the line
    start: int  # offset of "[[" within the body
    end: int  # offset just past "]]"


def find(body: str) -> Iterator[Wikilink]:
    offset = 0
    for number, (line, prose) in enumerate(prose_lines(body)):
        if prose:
            # Blank out inline code, keeping columns, so `[[x]]` in code stays literal.
            visible = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
            for match in _WIKILINK.finditer(visible):
                yield Wikilink(
                    match.group(1).strip(),
                    number,
                    match.start(),
                    offset + match.start(),
                    offset + match.end(),
                )
        offset += len(line) + 1
