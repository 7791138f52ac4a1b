"""What an editor can't see in a field value: invisible characters and Word's curly quotes.

A soft hyphen or zero-width space pasted into a title or an id ends up in the page, the search
index and the reference that then "looks identical" but resolves to nothing; curly quotes
around a value were meant as quotes, not as text. Each is taken out of the value, and a warning
names it (with its code point) at its place, so the editor can remove it from the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import FieldPath, Position

# Characters that take no room on screen, by the Dutch name an editor may look up.
NAMES: Mapping[str, str] = {
    "\u00ad": "zacht afbreekstreepje",
    "\u200b": "spatie zonder breedte",
    "\u200c": "scheidingsteken zonder breedte",
    "\u200d": "verbindingsteken zonder breedte",
    "\u200e": "schrijfrichtingsteken",
    "\u200f": "schrijfrichtingsteken",
    "\u2060": "woordverbinder",
    "\u2061": "onzichtbaar wiskundeteken",
    "\u2062": "onzichtbaar wiskundeteken",
    "\u2063": "onzichtbaar wiskundeteken",
    "\u2064": "onzichtbaar wiskundeteken",
    "\ufeff": "byte-order mark (BOM)",
    **{chr(code): "schrijfrichtingsteken" for code in range(0x202A, 0x202F)},
    **{chr(code): "schrijfrichtingsteken" for code in range(0x2066, 0x206A)},
}
# Opening and closing curly quotes that editors (and Word) put around a whole value.
CURLY_PAIRS = {"“": "”", "„": "”", "‘": "’", "‚": "’", "”": "”"}
_INVISIBLE = frozenset(NAMES)
_ANY = re.compile("[" + re.escape("".join([*NAMES, *CURLY_PAIRS])) + "]")


def clean(
    fields: Mapping[str, Any],
    path: str,
    positions: Mapping[FieldPath, Position],
    text: str | None = None,
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """`fields` with every string value cleaned, and a warning for each value that was.
    `text`, the file's text, lets the common case (nothing to clean) skip the walk; a
    backslash may be a YAML escape (`"\\u200b"`) for one, so it always walks."""
    if text is not None and "\\" not in text and not _ANY.search(text):
        return dict(fields), []
    problems: list[Diagnostic] = []
    cleaned = _clean(fields, (), path, positions, problems)
    return cleaned, problems


def _clean(
    value: Any,
    at: FieldPath,
    path: str,
    positions: Mapping[FieldPath, Position],
    problems: list[Diagnostic],
) -> Any:
    if isinstance(value, str):
        return _clean_text(value, at, path, positions, problems)
    if isinstance(value, dict):
        return {k: _clean(v, (*at, k), path, positions, problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, (*at, i), path, positions, problems) for i, v in enumerate(value)]
    return value


def _clean_text(
    text: str,
    at: FieldPath,
    path: str,
    positions: Mapping[FieldPath, Position],
    problems: list[Diagnostic],
) -> str:
    where = positions.get(at, Position(1, 1))
    field = _field_name(at)
    found = [c for c in dict.fromkeys(text) if c in _INVISIBLE]
    if found:
        names = " en ".join(f"{NAMES[c]} (U+{ord(c):04X})" for c in found)
        text = "".join(c for c in text if c not in _INVISIBLE)
        problems.append(diagnostic("onzichtbaar-teken", path, where, names=names, field=field))
    stripped = text.strip()
    if len(stripped) >= 2 and CURLY_PAIRS.get(stripped[0]) == stripped[-1]:
        text = stripped[1:-1]
        problems.append(
            diagnostic(
                "gekrulde-aanhalingstekens",
                path,
                where,
                field=field,
                quotes=stripped[0] + "…" + stripped[-1],
                value=text,
            )
        )
    return text


def _field_name(at: FieldPath) -> str:
    text = ""
    for part in at:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
