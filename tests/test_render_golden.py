"""Golden tests of the generated Markdown (not of the theme's HTML).

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_render_golden.py`
and review the diff of tests/golden/. Pages are rendered in a fixture, not at import, so a
rendering error fails these tests instead of breaking collection.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pipeline import check
from generator.render.site import RenderOptions, render

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
GOLDEN_FILES = sorted(path.name for path in GOLDEN.iterdir())


def _pages() -> dict[str, str]:
    checked = check(FIXTURES / "site")
    assert checked.diagnostics == []
    options = RenderOptions(
        offline_download="downloads/kennisbank-offline.zip", site_url="https://kennisbank.example/"
    )
    pages = render(checked.graph, options)
    # The editor guide does not depend on content; tests/test_guide.py pins it.
    # The open data's JSON Schemas are the models' own; tests/test_open_data.py checks them.
    skipped = ("bijdragen/", "data/schemas/")
    return {path: text for path, text in pages.items() if not path.startswith(skipped)}


def _golden_name(page: str) -> str:
    """praktijken/groepsapp.md -> praktijken__groepsapp.md; feeds/nieuw.xml -> feeds__nieuw.xml"""
    return page.replace("/", "__")


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    rendered = {_golden_name(path): text for path, text in _pages().items()}
    if UPDATE:
        for stale in set(GOLDEN_FILES) - set(rendered):
            (GOLDEN / stale).unlink()
        for name, text in rendered.items():
            (GOLDEN / name).write_bytes(text.encode("utf-8"))  # CSV keeps its CRLF
    return rendered


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_page_matches_golden(name: str, pages: dict[str, str]) -> None:
    assert name in pages, f"{name} is no longer rendered; regenerate with UPDATE_GOLDEN=1"
    assert pages[name] == (GOLDEN / name).read_bytes().decode("utf-8")


def test_every_rendered_page_has_a_golden_file(pages: dict[str, str]) -> None:
    missing = set(pages) - {path.name for path in GOLDEN.iterdir()}
    assert not missing, f"no golden file for {sorted(missing)}; make them with UPDATE_GOLDEN=1"


def test_render_is_deterministic(pages: dict[str, str]) -> None:
    assert {_golden_name(path): text for path, text in _pages().items()} == pages
