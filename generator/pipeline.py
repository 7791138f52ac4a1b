"""The pipeline's first three steps in order: load -> validate -> link (+ privacy check).

The CLI and the MkDocs plugin both call `check`; render and build take its graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import privacy
from generator.diagnostics import Diagnostic, sort_diagnostics
from generator.link import link
from generator.load import load
from generator.model import Edition, Graph
from generator.validate import validate


@dataclass(frozen=True)
class Checked:
    graph: Graph
    diagnostics: list[Diagnostic]  # sorted by file, line, column
    files: int

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def check(root: Path, edition: Edition = "public") -> Checked:
    loaded = load(root)
    validated = validate(loaded)
    graph, link_problems = link(validated, edition)
    privacy_problems = privacy.check(
        graph.records, validated.taxonomy.public_contacts, validated.kennisbrieven.values()
    )
    diagnostics = [*loaded.diagnostics, *validated.diagnostics, *link_problems, *privacy_problems]
    return Checked(graph=graph, diagnostics=sort_diagnostics(diagnostics), files=loaded.files)
