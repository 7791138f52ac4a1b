"""The search engine of the published site: Pagefind, fed with the records' own fields.

The records come from generator/render/search.py (no engine there); this module only hands
them to Pagefind's indexer (the binary of PyPI `pagefind[bin]`) and writes its chunked index
into the built site. Another engine replaces this module, not the records.

Each record becomes a small HTML document in Pagefind's documented attribute language (title,
summary and type as meta, facets as filters, the date as sort key) in a work folder, and the
CLI indexes that folder. Pagefind's Python API would take the records directly, but its
service wrapper reads one answer per 0.1 s: 17 minutes for 10,000 records.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.render.search import SearchRecord

INDEX_DIR = "pagefind"
LANGUAGE = "nl"
# What the site's own search script (assets/javascripts/search.js) loads; Pagefind's default
# interfaces, its worker (the script asks for none), its playground and the index for pages
# without a language are not used.
KEEP = ("pagefind.js", "pagefind-entry.json", f"wasm.{LANGUAGE}.pagefind")
KEEP_SUFFIXES = (".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is its own output."""


def write_index(records: Sequence[SearchRecord], site_dir: Path) -> Path:
    """Index `records` into `site_dir`/pagefind/ (replacing an earlier index); its folder."""
    from pagefind_bin import get_executable

    target = site_dir / INDEX_DIR
    if target.exists():
        shutil.rmtree(target)
    with tempfile.TemporaryDirectory(prefix="kennisbank-zoek-") as temp:
        source = Path(temp)
        for record in records:
            page = source / record.url / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(document(record), encoding="utf-8")
        command = [str(get_executable()), "--site", str(source), "--output-path", str(target)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(done.stdout + done.stderr)
    _prune(target)
    return target


def document(record: SearchRecord) -> str:
    """One record as the HTML Pagefind indexes: every value escaped, nothing else on it.

    `data-pagefind-ignore` keeps an element's text out of the searched text while Pagefind
    still reads its meta, filters and sort keys: the title is searched as a meta field (which
    weighs most), the passage under a result comes from the summary and the text."""
    e = html.escape
    parts = [
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head>',
        "<body data-pagefind-body>",
        f'<h1 data-pagefind-ignore data-pagefind-meta="title">{e(record.title)}</h1>',
        "<div data-pagefind-ignore>",
        f'<span data-pagefind-meta="type:{e(record.type_label)}"></span>',
    ]
    if record.date:
        parts.append(f'<span data-pagefind-meta="date:{e(record.date)}"></span>')
        parts.append(f'<span data-pagefind-sort="datum:{e(record.date)}"></span>')
    for name, values in record.facets.items():
        for value in values:
            parts.append(f'<span data-pagefind-filter="{e(name)}">{e(value)}</span>')
    parts.append("</div>")
    if record.summary:
        parts.append(f'<p data-pagefind-meta="summary">{e(record.summary)}</p>')
    parts.append(f"<p>{e(record.text)}</p></body></html>")
    return "".join(parts)


def _prune(target: Path) -> None:
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path.name not in KEEP and path.suffix not in KEEP_SUFFIXES:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
