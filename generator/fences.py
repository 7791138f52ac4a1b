"""Which lines of a Markdown body are prose and which belong to a fenced code block.

Wikilinks, escaping and heading levels apply to prose only; code is left exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def prose_lines(body: str) -> Iterator[tuple[str, bool]]:
    """Each line of `body` with True when it is prose, False when it is (part of) a fence."""
    fence: str | None = None
    for line in body.split("\n"):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            yield line, False
        elif fence is not None:
            if opening and opening.group(1) == fence:
                fence = None
            yield line, False
        else:
            yield line, True
