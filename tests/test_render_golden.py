"""Golden tests of the generated Markdown (not of the theme's HTML).

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_render_golden.py`
and review the diff of tests/golden/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pipeline import check
from generator.render import RenderOptions, render

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _pages() -> dict[str, str]:
    checked = check(FIXTURES / "site")
    assert checked.diagnostics == []
    options = RenderOptions(
        offline_download="downloads/kennisbank-offline.zip", site_url="https://kennisbank.example/"
    )
    pages = render(checked.graph, options)
    # The editor guide does not depend on content; tests/test_guide.py pins it.
    return {path: text for path, text in pages.items() if not path.startswith("bijdragen/")}


PAGES = _pages()


def _golden(page: str) -> Path:
    """praktijken/groepsapp.md -> praktijken__groepsapp.md; feeds/nieuw.xml -> feeds__nieuw.xml"""
    return GOLDEN / page.replace("/", "__")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_matches_golden(page: str) -> None:
    golden = _golden(page)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(PAGES[page], encoding="utf-8")
    assert golden.exists(), f"{golden} ontbreekt; maak het met UPDATE_GOLDEN=1"
    assert PAGES[page] == golden.read_text(encoding="utf-8")


def test_no_stale_golden_files() -> None:
    expected = {_golden(page).name for page in PAGES}
    assert {path.name for path in GOLDEN.iterdir()} == expected


def test_render_is_deterministic() -> None:
    assert _pages() == PAGES
