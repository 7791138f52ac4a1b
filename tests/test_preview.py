"""`kennisbank serve`: content problems show in the browser as well as in the terminal, and
fixing the file clears them on the next rebuild. Runs the real command on a free port."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import TreeFactory
from tests.site_support import copy_setup

REPO = Path(__file__).parent.parent
BROKEN = "---\ntitle: Groepsapp\nsessions: [sessie-midden]\nstatus: klaar\n---\nTekst.\n"
FIXED = "---\ntitle: Groepsapp hersteld\nsessions: [sessie-midden]\nstatus: idee\n---\nTekst.\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


Serving = tuple[Path, str, "subprocess.Popen[str]"]


@pytest.fixture
def serving(tree: TreeFactory) -> Iterator[Serving]:
    root = tree({"content/practices/groepsapp.md": BROKEN})
    copy_setup(root)
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(root),
            "serve",
            "--drafts",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield root, f"http://127.0.0.1:{port}/", process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_problems_show_on_the_pages_and_clear_when_fixed(serving: Serving) -> None:
    root, url, process = serving
    assert _wait_for(
        lambda: (
            "problemen in de inhoud" in _get(url).lower()
            or "probleem in de inhoud" in _get(url).lower()
        )
    ), "no banner on the home page"
    home = _get(url)
    assert "content/practices/groepsapp.md:4:9" in home
    assert "klaar" in home
    # The broken record's own page says what is wrong, where the editor looks for it.
    own = _get(url + "praktijken/groepsapp/")
    assert "Problemen in dit record" in own and "staat nog niet op de site" in own
    # So does a new record that doesn't build, instead of an English 404.
    (root / "content/practices/nieuw.md").write_text(BROKEN.replace("Groepsapp", "Nieuw"), "utf-8")
    assert _wait_for(lambda: "Problemen in dit record" in _get(url + "praktijken/nieuw/"))
    # The menu keeps its labels.
    assert ">None<" not in home and "Praktijken" in home
    (root / "content/practices/nieuw.md").unlink()
    (root / "content/practices/groepsapp.md").write_text(FIXED, encoding="utf-8")
    assert _wait_for(lambda: "Groepsapp hersteld" in _get(url + "praktijken/groepsapp/"))
    assert "in de inhoud" not in _get(url)
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert "content/practices/groepsapp.md:4:9: fout: 'klaar' is geen geldige waarde" in output


def test_a_build_still_stops_on_the_same_problem(tree: TreeFactory) -> None:
    root = tree({"content/practices/groepsapp.md": BROKEN})
    copy_setup(root)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build", "--no-offline"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "content/practices/groepsapp.md:4:9: fout:" in result.stderr + result.stdout


def _indexed_pages(url: str) -> int:
    text = _get(url + "pagefind/pagefind-entry.json")
    return int(json.loads(text)["languages"]["nl"]["page_count"]) if text else 0


def test_a_quick_rebuild_keeps_the_whole_search_index(serving: Serving) -> None:
    """The preview renders again only what changed; search must still know every page, once:
    the records and the pages that are not records (which a dirty rebuild does not render)."""
    root, url, _ = serving
    # groepsapp starts broken (not a page); fixing it makes one more page to find.
    assert _wait_for(lambda: _indexed_pages(url) > 0)
    before = _indexed_pages(url)
    (root / "content/practices/groepsapp.md").write_text(FIXED, encoding="utf-8")
    assert _wait_for(lambda: "Groepsapp hersteld" in _get(url + "praktijken/groepsapp/"))
    assert _wait_for(lambda: _indexed_pages(url) == before + 1)
