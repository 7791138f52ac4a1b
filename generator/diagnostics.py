"""Diagnostic: one content problem with its place, and the formats it is printed in.

Every pipeline step returns diagnostics instead of raising, so one run reports everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: Severity
    rule: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "fout"

    def as_text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_github(self) -> str:
        """A GitHub Actions workflow command: shows as an annotation on the changed line."""
        level = "error" if self.is_error else "warning"
        message = _escape_github(self.message)
        return (
            f"::{level} file={self.path},line={self.line},col={self.column},"
            f"title=kennisbank {self.rule}::{message}"
        )


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file, line and column; exact duplicates dropped."""
    return sorted(set(diagnostics))


def count(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for diagnostic in diagnostics:
        if diagnostic.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def summary(diagnostics: list[Diagnostic], files: int, acknowledged: int = 0) -> str:
    """The closing line of `kennisbank check`, in Dutch."""
    errors, warnings = count(diagnostics)
    where = f"{files} {'bestand' if files == 1 else 'bestanden'}"
    accepted = (
        f" ({acknowledged} {'waarschuwing' if acknowledged == 1 else 'waarschuwingen'} "
        "bewust geaccepteerd)"
        if acknowledged
        else ""
    )
    if not errors and not warnings:
        return f"Geen problemen gevonden in {where}{accepted}."
    parts = []
    if errors:
        parts.append(f"{errors} {'fout' if errors == 1 else 'fouten'}")
    if warnings:
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    return f"{' en '.join(parts)} in {where}{accepted}."


def _escape_github(text: str) -> str:
    # The workflow-command syntax reserves these characters in the message part.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
