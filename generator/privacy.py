"""Privacy check: e-mail addresses and phone numbers in public records are reported.

Contact persons' details must not reach the public site by accident (seed 001 shows how easily
they travel along). Public service contacts can be allowed in taxonomy.yml `public_contacts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import FieldPath, Position, RawDocument

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch numbers: 0 and nine digits, or +31/0031 and nine, with optional spaces or hyphens.
PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)[ -]?(?:\d[ -]?){8}\d(?!\d)")


def check(documents: Iterable[RawDocument], public_contacts: list[str]) -> list[Diagnostic]:
    """Every e-mail address and phone number in `documents`: the public records (valid or
    not) and kennisbrief introductions, and the hand-written pages of docs/."""
    allowed = {_normalise(contact) for contact in public_contacts}
    problems: list[Diagnostic] = []
    for raw in documents:
        texts = list(_texts(raw.fields, ()))
        everything = "\n".join([raw.body, *(text for _, text in texts)])
        if "@" not in everything and not PHONE.search(everything):
            continue  # the common case, in one pass; positions are only worked out on a hit
        for path, text in texts:
            position = raw.position(path)
            problems += _scan(text, raw.path, allowed, lambda _line, _column, p=position: p)
        problems += _scan(raw.body, raw.path, allowed, partial(_in_body, raw.body_line))
    return problems


def _in_body(body_line: int, line: int, column: int) -> Position:
    return Position(body_line + line, column + 1)


def _scan(text: str, source: str, allowed: set[str], where: Any) -> list[Diagnostic]:
    problems = []
    for rule, pattern in (("privacy-email", EMAIL), ("privacy-telefoon", PHONE)):
        for match in pattern.finditer(text):
            value = match.group(0).strip()
            if _normalise(value) in allowed:
                continue
            line = text.count("\n", 0, match.start())
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
            problems.append(diagnostic(rule, source, where(line, column), value=value))
    return problems


def _texts(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _normalise(contact: str) -> str:
    return re.sub(r"[ -]", "", contact.lower())
