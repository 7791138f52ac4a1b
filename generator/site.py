"""The site's generated pages of one edition: check the content, then render it.

The one function every engine adapter calls (the MkDocs plugin, `kennisbank export`), so all
engines get exactly the same pages. No engine import here.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.model import Edition
from generator.pipeline import check
from generator.render import RenderOptions, render


@dataclasses.dataclass(frozen=True)
class SitePages:
    pages: dict[str, str]  # page path (relative to the docs folder) -> Markdown
    diagnostics: list[Diagnostic]  # sorted by file, line, column
    files: int  # content files read

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def pages(
    root: Path,
    edition: Edition = "public",
    options: RenderOptions | None = None,
    *,
    show_problems: bool = False,
) -> SitePages:
    """Every generated page of `root`/content in `edition`, with the content's diagnostics.

    The pages are rendered even when the content has errors (the preview shows them); a build
    or an export stops on `has_errors` instead. `show_problems` puts the diagnostics on the
    pages as banners (the local preview).
    """
    checked = check(root, edition)
    options = options or RenderOptions()
    if show_problems:
        options = dataclasses.replace(options, problems=checked.diagnostics)
    rendered = render(checked.graph, options)
    return SitePages(pages=rendered, diagnostics=checked.diagnostics, files=checked.files)
