"""Content problems shown in the preview: a banner on the home page and on affected pages.

Only `kennisbank serve` passes problems to render; a real build stops on them instead.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from generator.diagnostics import Diagnostic
from generator.model import RECORD_TYPES, Graph, Key
from generator.render import addresses
from generator.render.formatting import text

_MAX_LISTED = 50


def add_problem_banners(
    pages: dict[str, str], graph: Graph, problems: Sequence[Diagnostic]
) -> None:
    """Insert a banner under the heading of the home page and of every affected record page."""
    if not problems:
        return
    pages[addresses.HOME] = _insert(pages[addresses.HOME], _banner(problems, everywhere=True))
    by_page: dict[str, list[Diagnostic]] = {}
    for problem in problems:
        key = _record_key(problem.path)
        if key is not None and key in graph.records:
            by_page.setdefault(addresses.page_path(key), []).append(problem)
    for path, own in by_page.items():
        pages[path] = _insert(pages[path], _banner(own, everywhere=False))


def _banner(problems: Sequence[Diagnostic], *, everywhere: bool) -> str:
    errors = sum(1 for p in problems if p.is_error)
    title = (
        f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} in de inhoud"
        if everywhere
        else "Problemen in dit record"
    )
    kind = "failure" if errors else "warning"
    lines = [f'!!! {kind} "{title}"']
    if everywhere:
        lines.append(
            "    Deze voorbeeldweergave toont wat al klopt. Herstel de meldingen; na opslaan "
            "ververst de pagina vanzelf. Publiceren kan pas als er geen fouten meer zijn."
        )
        lines.append("")
    for problem in problems[:_MAX_LISTED]:
        where = f"{problem.path}:{problem.line}:{problem.column}"
        lines.append(f"    - `{where}` **{problem.severity}:** {text(problem.message)}")
    if len(problems) > _MAX_LISTED:
        lines.append(f"    - … en nog {len(problems) - _MAX_LISTED} (zie de terminal)")
    return "\n".join(lines) + "\n"


def _insert(page: str, banner: str) -> str:
    """Put `banner` right after the page's first level-1 heading."""
    lines = page.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", banner, *lines[index + 1 :]])
    return banner + "\n" + page


def _record_key(path: str) -> Key | None:
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == "content":
        for record_type in RECORD_TYPES:
            if record_type == parts[1]:
                return Key(record_type, posixpath.splitext(parts[2])[0])
    return None
