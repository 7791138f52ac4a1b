"""Load: every file under content/ becomes a raw document with source positions.

Nothing is skipped silently: a file in an unknown folder, with an unknown extension, not in
UTF-8, empty or with broken frontmatter is a diagnostic. Hidden files (.gitkeep) are not content.
Content is untrusted: only regular files are read (never a link, pipe or device), only up to
MAX_FILE_BYTES, and control characters are reported and left out before anything parses them.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator import attachments, invisible, yamlsource
from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Attachment, Key, Position, RawDocument, RawRecord
from generator.types import REGIONS, REGISTRY, by_name

CONTENT_DIR = "content"
TAXONOMY_FILE = "taxonomy.yml"
KENNISBRIEF_DIR = "kennisbrieven"
EXTENSIONS = (".md", ".yml")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
HIDDEN = "hidden"  # why a file is not read: it is hidden
# A record is a page: the longest real write-up is some tens of kilobytes.
MAX_FILE_BYTES = 512 * 1024
_FENCE = re.compile(r"---[ \t]*")
# Control characters, but for tab and the line breaks that text files are made of.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass
class Loaded:
    """What load found: parsed records, every record key seen, and the diagnostics."""

    records: list[RawRecord] = field(default_factory=list)
    known: set[Key] = field(default_factory=set)  # parsed or not: refs to these aren't dangling
    taxonomy: RawDocument | None = None
    kennisbrieven: list[RawDocument] = field(default_factory=list)
    taxonomy_path: str = f"{CONTENT_DIR}/{TAXONOMY_FILE}"  # where it is, or should be
    taxonomy_present: bool = False  # the file is there (if it could not be read, that was said)
    # Codes of region files that could not be read: references by code are not reported again.
    region_codes: dict[str, Key] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)  # by path, as diagnostics
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0


def load(content: Path, shown_as: str = CONTENT_DIR) -> Loaded:
    """Read the content folder `content`; diagnostics name its files as `shown_as/...` (the
    folder as the editor knows it, relative to the project)."""
    loaded = Loaded(taxonomy_path=f"{shown_as}/{TAXONOMY_FILE}")
    content_prefix = content.as_posix() + "/"
    seen: dict[Key, str] = {}
    for path, problem in _walk(content):
        loaded.files += 1
        # String slicing, not Path.relative_to: this loop runs once per file of thousands.
        inside = path.as_posix()[len(content_prefix) :]
        rel, parts = f"{shown_as}/{inside}", tuple(inside.split("/"))
        if problem == HIDDEN:
            loaded.diagnostics.append(diagnostic("verborgen-bestand", rel, Position(1, 1)))
            continue
        if problem:
            loaded.diagnostics.append(
                diagnostic("geen-gewoon-bestand", rel, Position(1, 1), what=problem)
            )
        if parts[0] == attachments.FOLDER and len(parts) > 1:
            if not problem:
                attachment, problems = attachments.check_file(path, rel, inside)
                loaded.diagnostics += problems
                if attachment:
                    loaded.attachments[rel] = attachment
            continue
        if parts == (TAXONOMY_FILE,):
            loaded.taxonomy_present = True
            loaded.taxonomy, problems = read_document(path, rel, has_body=False, problem=problem)
            loaded.diagnostics += problems
            continue
        record_type = by_name(parts[0]) if len(parts) == 2 else None
        if record_type is None and (len(parts) != 2 or parts[0] != KENNISBRIEF_DIR):
            folders = ", ".join(
                f"{shown_as}/{name}/"
                for name in [*(t.name for t in REGISTRY), KENNISBRIEF_DIR, attachments.FOLDER]
            )
            loaded.diagnostics.append(
                diagnostic("onbekende-map", rel, Position(1, 1), folders=folders)
            )
            continue
        if path.suffix not in EXTENSIONS:
            loaded.diagnostics.append(
                diagnostic("onbekende-extensie", rel, Position(1, 1), extension=path.suffix)
            )
            continue
        document, problems = read_document(
            path, rel, has_body=path.suffix == ".md", problem=problem
        )
        loaded.diagnostics += problems
        if record_type is None:  # an introduction in kennisbrieven/
            if document:
                loaded.kennisbrieven.append(document)
            continue
        key = Key(record_type, path.stem)
        loaded.diagnostics += _check_id(key, rel, seen)
        loaded.known.add(key)
        if document is None and record_type is REGIONS and not problem:
            code = _code_in(path)
            if code:
                loaded.region_codes[code.lower()] = key
        if document and key not in seen:
            loaded.records.append(RawRecord(key=key, **vars(document)))
        seen.setdefault(key, rel)
    return loaded


def read_document(
    path: Path, rel: str, *, has_body: bool, problem: str = ""
) -> tuple[RawDocument | None, list[Diagnostic]]:
    """Read one regular file of at most MAX_FILE_BYTES; None when it can't be parsed into
    fields. `problem` says why it is not read at all (reported by the caller)."""
    if problem:
        return None, []
    with path.open("rb") as source:  # one read past the limit tells it is too big
        data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        size = f"{path.stat().st_size / 1024:.0f} kB"
        limit = f"{MAX_FILE_BYTES // 1024} kB"
        return None, [diagnostic("bestand-te-groot", rel, Position(1, 1), size=size, limit=limit)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [_not_utf8(data, error, rel)]
    return parse_document(text, rel, has_body=has_body)


def parse_document(
    text: str, rel: str, *, has_body: bool
) -> tuple[RawDocument | None, list[Diagnostic]]:
    """Split frontmatter from body and parse the fields. Pure: text in, document out."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    controls = _control_characters(text, rel)
    if controls:
        text = _CONTROL.sub("", text)
    if not text.strip():
        return None, [*controls, diagnostic("leeg-bestand", rel, Position(1, 1))]
    fields_text, line_offset, body, body_line = text, 0, "", 1
    if has_body:
        split = _split_frontmatter(text, rel)
        if isinstance(split, Diagnostic):
            return None, [*controls, split]
        fields_text, body, body_line = split
        line_offset = 1
    parsed = yamlsource.parse(fields_text, rel, line_offset)
    if not parsed.ok:
        return None, [*controls, *parsed.diagnostics]
    if parsed.value is None:
        empty = diagnostic("leeg-bestand", rel, Position(1, 1))
        return None, [*controls, *parsed.diagnostics, empty]
    if not isinstance(parsed.value, dict):
        start = parsed.value_positions.get((), Position(1 + line_offset, 1))
        return None, [*controls, *parsed.diagnostics, diagnostic("geen-mapping", rel, start)]
    fields, unseen = invisible.clean(parsed.value, rel, parsed.value_positions, fields_text)
    document = RawDocument(
        path=rel,
        fields=fields,
        key_positions=parsed.key_positions,
        value_positions=parsed.value_positions,
        plain_scalars=parsed.plain_scalars,
        reported=frozenset(parsed.reported),
        body=body,
        body_line=body_line,
    )
    return document, [*controls, *parsed.diagnostics, *unseen]


def _split_frontmatter(text: str, rel: str) -> tuple[str, str, int] | Diagnostic:
    lines = text.split("\n")
    if not _FENCE.fullmatch(lines[0]):
        return diagnostic("frontmatter-ontbreekt", rel, Position(1, 1))
    for index in range(1, len(lines)):
        if _FENCE.fullmatch(lines[index]):
            fields_text = "\n".join(lines[1:index]) + "\n"
            return fields_text, "\n".join(lines[index + 1 :]), index + 2
    return diagnostic("frontmatter-niet-gesloten", rel, Position(1, 1))


def _check_id(key: Key, rel: str, seen: dict[Key, str]) -> list[Diagnostic]:
    problems = []
    if not ID_PATTERN.fullmatch(key.id):
        problems.append(
            diagnostic("ongeldige-id", rel, Position(1, 1), id=key.id, suggestion=slug(key.id))
        )
    if key in seen:
        problems.append(diagnostic("dubbele-id", rel, Position(1, 1), id=key.id, other=seen[key]))
    return problems


def slug(text: str) -> str:
    """A valid id from any text: 'Grote brand (Utrecht)' -> 'grote-brand-utrecht'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "record"


def _code_in(path: Path) -> str | None:
    """The `code:` of a region file YAML could not read, as far as a plain line shows it."""
    with path.open("rb") as source:
        text = source.read(MAX_FILE_BYTES).decode("utf-8", "replace")
    found = re.search(r"^code:[ \t]*[\"']?([A-Za-z0-9-]+)", text, re.M)
    return found.group(1) if found else None


def _not_utf8(data: bytes, error: UnicodeDecodeError, rel: str) -> Diagnostic:
    """Where the first byte stands that UTF-8 can't read, and what it most likely meant: files
    that are not UTF-8 are nearly always Windows-1252 (Word, Notepad, Excel)."""
    line = data.count(b"\n", 0, error.start) + 1
    line_start = data.rfind(b"\n", 0, error.start) + 1
    column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
    byte = data[error.start]
    guess = bytes([byte]).decode("cp1252", "replace")
    return diagnostic("geen-utf8", rel, Position(line, column), byte=f"0x{byte:02X}", guess=guess)


def _control_characters(text: str, rel: str) -> list[Diagnostic]:
    problems = []
    for match in _CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        code = ord(match.group())
        name = _CONTROL_NAMES.get(code, "")
        shown = f" ({name})" if name else ""
        problems.append(
            diagnostic("stuurteken", rel, Position(line, column), name=shown, code=code)
        )
    return problems


# The names editors may have met (unicodedata has none for control characters).
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "backspace", 0x1B: "escape", 0x7F: "delete"}


def _walk(folder: Path, *, hidden: bool = False) -> Iterator[tuple[Path, str]]:
    """Every entry below `folder` that is not a folder, sorted for stable output, with why it
    can't be read ("" for a regular file). Links are never followed; hidden entries are
    skipped unless they hold content (`hidden`: walk a hidden folder for what it holds)."""
    if not folder.is_dir():
        return
    with os.scandir(folder) as scanned:
        entries = sorted(scanned, key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") and not hidden:
            yield from _hidden(path, entry)
            continue
        if entry.is_symlink():
            yield path, f"een symbolische link (naar {os.readlink(path)})"
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file(follow_symlinks=False):
            yield path, ""
        else:
            yield path, _special(entry.stat(follow_symlinks=False).st_mode)


def _hidden(path: Path, entry: os.DirEntry[str]) -> Iterator[tuple[Path, str]]:
    """Hidden files are no content (.gitkeep, .DS_Store), but a record parked in one, or in a
    hidden folder (.drafts/x.md), would vanish unseen: those are reported."""
    if entry.is_dir(follow_symlinks=False):
        for inside, _ in _walk(path, hidden=True):
            if inside.suffix in EXTENSIONS:
                yield inside, HIDDEN
    elif path.suffix in EXTENSIONS:
        yield path, HIDDEN


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "een pijp (FIFO), geen gewoon bestand"
    if stat.S_ISSOCK(mode):
        return "een socket, geen gewoon bestand"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat, geen gewoon bestand"
    return "geen gewoon bestand"
