"""Content problems shown in the preview: a banner on the home page and on affected pages.

Only `kennisbank serve` passes problems to render; a real build stops on them instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagnostics import Diagnostic
from generator.render.formatting import text

_MAX_LISTED = 50


def problem_banner(problems: Sequence[Diagnostic], *, everywhere: bool) -> str:
    """An admonition listing `problems`: all of them (home page) or one file's (its page)."""
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


def by_file(problems: Sequence[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """The problems of each content file, by its path."""
    found: dict[str, list[Diagnostic]] = {}
    for problem in problems:
        found.setdefault(problem.path, []).append(problem)
    return found
