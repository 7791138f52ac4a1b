"""Checks that several record types share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from generator.diagnostics import Diagnostic
from generator.messages import diagnostic, did_you_mean
from generator.model import FieldPath, RawDocument


def unknown_keys(
    raw: RawDocument,
    path: FieldPath,
    values: Iterable[str],
    vocabulary: Mapping[str, Any],
    rule: str,
) -> list[Diagnostic]:
    """Each of `values` (at `path`: one field, or a list field whose items are numbered) that
    is not a key of `vocabulary`, a theme or process of the taxonomy."""
    problems = []
    is_list = path[-1] in ("themes", "processes")
    for i, value in enumerate(values):
        if value not in vocabulary:
            position = raw.position((*path, i) if is_list else path)
            problems.append(
                diagnostic(
                    rule,
                    raw.path,
                    position,
                    value=value,
                    suggestion=did_you_mean(value, vocabulary),
                )
            )
    return problems
