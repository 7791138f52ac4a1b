"""The pipeline in order: load -> validate -> link (+ privacy check) -> render.

`check` runs the first steps; the CLI reports its diagnostics. `generate` renders what it
found: the one function every engine adapter (the MkDocs plugin, `kennisbank export`) calls,
so all engines get exactly the same files. No engine import here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from generator import privacy
from generator.diagnostics import Diagnostic, sort_diagnostics
from generator.link import link
from generator.load import CONTENT_DIR, load
from generator.model import Graph
from generator.render.site import RenderOptions, render
from generator.validate import validate
from generator.vocabulary import Edition


@dataclass(frozen=True)
class Checked:
    graph: Graph
    diagnostics: list[Diagnostic]  # sorted by file, line, column
    files: int  # content files read

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


@dataclass(frozen=True)
class Generated:
    output: dict[str, str]  # generated file (relative to the docs folder) -> its text
    diagnostics: list[Diagnostic]  # sorted by file, line, column
    files: int  # content files read
    graph: Graph | None = None  # the linked records the files were made from

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def check(root: Path, edition: Edition = "public", content_dir: str = CONTENT_DIR) -> Checked:
    """Check `root`/`content_dir` for `edition`; files are named relative to `root`."""
    content = Path(content_dir)
    shown_as = content.as_posix() if content.is_absolute() else content_dir
    loaded = load(root / content, shown_as)
    validated = validate(loaded)
    graph, link_problems = link(validated, edition)
    privacy_problems = privacy.check(
        graph.records, validated.taxonomy.public_contacts, validated.kennisbrieven.values()
    )
    diagnostics = [*loaded.diagnostics, *validated.diagnostics, *link_problems, *privacy_problems]
    return Checked(graph=graph, diagnostics=sort_diagnostics(diagnostics), files=loaded.files)


def generate(
    root: Path,
    edition: Edition = "public",
    options: RenderOptions | None = None,
    *,
    content_dir: str = CONTENT_DIR,
    show_problems: bool = False,
) -> Generated:
    """Every generated file of the edition, with the content's diagnostics.

    The files are rendered even when the content has errors (the preview shows them); a build
    or an export stops on `has_errors` instead. `show_problems` puts the diagnostics on the
    pages as banners (the local preview).
    """
    checked = check(root, edition, content_dir)
    options = options or RenderOptions()
    if show_problems:
        options = dataclasses.replace(options, problems=checked.diagnostics)
    output = render(checked.graph, options)
    return Generated(
        output=output, diagnostics=checked.diagnostics, files=checked.files, graph=checked.graph
    )
