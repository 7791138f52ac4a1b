"""Every page of the built site is valid HTML by the W3C Nu checker (npm `vnu-jar`, Java),
Material's own templates included (generator/material_fixes.py corrects what they get wrong)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.material_fixes import fix_material_markup
from tests.site_support import Built

VNU = Path(__file__).parent / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Not the site's own pages: the browser editor (Decap CMS's single page) and Pagefind's files.
NOT_OURS = ("beheer", "pagefind")


def nu_errors(files: list[Path]) -> list[str]:
    """The Nu checker's errors (not its warnings) in `files`, one line each."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("java or vnu-jar is missing in CI: .ci/run must install them", False)
        pytest.skip("java (default-jre-headless) or vnu-jar (npm ci --prefix tests/browser)")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(done.stderr)["messages"]
    return [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


def test_every_page_is_valid_html(site_build: Built) -> None:
    pages = [
        path
        for path in sorted(site_build.site.rglob("*.html"))
        if path.relative_to(site_build.site).parts[0] not in NOT_OURS
    ]
    assert len(pages) > 30, "the fixture site has fewer pages than it should"
    assert nu_errors(pages) == []


def test_the_checker_finds_an_error(tmp_path: Path) -> None:
    """The check above can fail: Material's markup as its templates write it is rejected."""
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<!doctype html><html lang="nl"><head><title>t</title></head><body>'
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        "</body></html>",
        encoding="utf-8",
    )
    found = nu_errors([page])
    assert len(found) == 1 and "autocomplete" in found[0]
    page.write_text(fix_material_markup(page.read_text(encoding="utf-8")), encoding="utf-8")
    assert nu_errors([page]) == []
