"""The hand-written pages of docs/, read as documents so they get the checks content gets.

They are trusted (the team writes them, not the CMS), but personal data must not reach the
public site by them either: the privacy check reads them like a public record's body.
"""

from __future__ import annotations

from pathlib import Path

from generator.model import RawDocument

DOCS_DIR = "docs"


def hand_written(docs: Path) -> list[RawDocument]:
    """Every Markdown page under `docs`, hidden ones left out (as MkDocs does)."""
    if not docs.is_dir():
        return []
    found = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found.append(RawDocument(path=f"{DOCS_DIR}/{relative.as_posix()}", fields={}, body=text))
    return found
