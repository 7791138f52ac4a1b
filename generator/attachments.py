"""Attachments: the PDFs, photos and spreadsheets that bodies link to, in content/bijlagen/.

A body links to one the way any Markdown editor would, relative to its own file
(`[verslag](../bijlagen/verslag.pdf)`); because the site keeps each type one folder deep, the
same link works on the site. Only attachments that a record of the edition links to are
published, so a file only a draft names never reaches the public build.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Attachment, Position, RawDocument

FOLDER = "bijlagen"
MAX_BYTES = 10 * 1024 * 1024
# What can be an attachment: documents, images and data that can't run in a browser (SVG and
# HTML can: they would be pages of the site that run whatever they hold).
KINDS = frozenset(
    {
        *(".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".txt", ".csv"),
        *(".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"),
    }
)
TEXT_KINDS = frozenset({".txt", ".csv"})  # read by the privacy check


def check_file(path: Path, rel: str, site_path: str) -> tuple[Attachment | None, list[Diagnostic]]:
    """An attachment, or the reason it can't be one."""
    kind = path.suffix.lower()
    if kind not in KINDS:
        return None, [diagnostic("bijlage-soort", rel, Position(1, 1), extension=path.suffix)]
    size = path.stat().st_size
    if size > MAX_BYTES:
        shown = f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
        limit = f"{MAX_BYTES // 1024 // 1024} MB"
        return None, [diagnostic("bijlage-te-groot", rel, Position(1, 1), size=shown, limit=limit)]
    return Attachment(path=rel, source=path, site_path=site_path), []


def target(source: str, url: str) -> str:
    """The file a relative link in `source` (content/practices/x.md) names: content/…."""
    link_path = unquote(urlsplit(url).path)
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), link_path))


def suggestion(source: str, url: str, attachments: dict[str, Attachment]) -> str:
    """' (bedoelde u '../bijlagen/x.pdf'?)' when an attachment has the link's file name."""
    name = posixpath.basename(urlsplit(url).path)
    for path in sorted(attachments):
        if posixpath.basename(path) == name:
            relative = posixpath.relpath(path, posixpath.dirname(source))
            return f" (bedoelde u '{relative}'?)"
    return ""


def as_document(attachment: Attachment) -> RawDocument | None:
    """A text attachment as a document the privacy check can read; None for the others."""
    if attachment.source.suffix.lower() not in TEXT_KINDS:
        return None
    text = attachment.source.read_text(encoding="utf-8", errors="replace")
    return RawDocument(path=attachment.path, fields={}, body=text)
