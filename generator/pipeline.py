"""The pipeline in order: load -> validate -> link (+ privacy check) -> render.

`check` runs the first steps; the CLI reports its diagnostics. `generate` renders what it
found: the one function every engine adapter (the MkDocs plugin, `kennisbank export`) calls,
so all engines get exactly the same files. No engine import here.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from generator import attachments, pages, privacy
from generator.diagnostics import Diagnostic, sort_diagnostics
from generator.link import link
from generator.load import CONTENT_DIR, load
from generator.model import Graph, RawRecord
from generator.render.site import RenderOptions, render
from generator.validate import acknowledged, validate
from generator.vocabulary import EDITION_VISIBILITIES, Edition


@dataclass(frozen=True)
class Checked:
    graph: Graph
    diagnostics: list[Diagnostic]  # sorted by file, line, column; acknowledged ones left out
    files: int  # content files read
    acknowledged: int = 0  # warnings left out because their file acknowledges them
    # Records of the edition whose fields are invalid: not in the graph, but the preview shows
    # a page for each, with its problems, where the editor looks for it.
    failed: tuple[RawRecord, ...] = ()

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


@dataclass(frozen=True)
class Generated:
    output: dict[str, str]  # generated file (relative to the docs folder) -> its text
    diagnostics: list[Diagnostic]  # sorted by file, line, column
    # Attachments to publish as they are: their path on the site -> the file.
    attachments: dict[str, Path]
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
    graph, link_problems = link(validated, edition, build_day())
    public = [
        *(record.raw for record in graph.records.values() if record.visibility == "public"),
        *(raw for raw in validated.failed if raw.fields.get("visibility", "public") == "public"),
        *(intro.raw for intro in validated.kennisbrieven.values() if intro.visibility == "public"),
        *pages.hand_written(root / "docs"),
        *(d for a in validated.attachments.values() if (d := attachments.as_document(a))),
    ]
    # The allowed contacts are in the taxonomy: if it could not be read, that is the problem.
    privacy_problems = (
        privacy.check(public, validated.taxonomy.public_contacts)
        if validated.taxonomy_known
        else []
    )
    diagnostics = [*loaded.diagnostics, *validated.diagnostics, *link_problems, *privacy_problems]
    # A warning the editor acknowledged in the file no longer blocks: check and build judge
    # alike, and both stop on every other warning.
    accepted = {raw.path: acknowledged(raw) for raw in [*loaded.records, *loaded.kennisbrieven]}
    kept = [d for d in diagnostics if d.is_error or d.rule not in accepted.get(d.path, ())]
    visible = EDITION_VISIBILITIES[edition]
    return Checked(
        graph=graph,
        diagnostics=sort_diagnostics(kept),
        files=loaded.files,
        acknowledged=len(diagnostics) - len(kept),
        failed=tuple(r for r in validated.failed if _visibility(r) in visible),
    )


def _visibility(raw: RawRecord) -> str:
    value = raw.fields.get("visibility", "public")
    return value if isinstance(value, str) else "public"


def build_day() -> date:
    """Today, or the day of `SOURCE_DATE_EPOCH` when set (reproducible builds): the day
    against which the site judges whether a knelpunt's target date has passed."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


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
        options = dataclasses.replace(options, problems=checked.diagnostics, failed=checked.failed)
    output = render(checked.graph, options)
    files = {path: attachment.source for path, attachment in checked.graph.attachments.items()}
    return Generated(
        output=output,
        diagnostics=checked.diagnostics,
        attachments=files,
        files=checked.files,
        graph=checked.graph,
    )
