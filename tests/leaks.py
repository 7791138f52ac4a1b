"""The leak detector: every marker string found in any byte of any file a build wrote.

Looks inside zip archives and gzip files too (the offline copy, sitemap.xml.gz), and compares
case-insensitively, because headings become lower-case anchors and codes are upper case.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from collections import defaultdict
from pathlib import Path

MARKER = re.compile(rb"zqx[a-z]+")


def markers_in_tree(root: Path) -> dict[str, set[str]]:
    """Every zqx… marker under `root`, with the files (or archive members) that hold it."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(root.rglob("*")):
        if path.is_file():
            _scan(path.read_bytes(), path.relative_to(root).as_posix(), found)
    return found


def markers_in_sources(root: Path) -> set[str]:
    return set(markers_in_tree(root))


def _scan(data: bytes, name: str, found: dict[str, set[str]]) -> None:
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                _scan(archive.read(member), f"{name}!{member}", found)
        return
    if data[:2] == b"\x1f\x8b":
        _scan(gzip.decompress(data), f"{name}!gunzip", found)
        return
    for match in MARKER.finditer(data.lower()):
        found[match.group(0).decode()].add(name)
