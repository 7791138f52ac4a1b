"""Preview latency: from saving one changed content file to `kennisbank serve` serving the page.

Runs the real `kennisbank serve` on a free port, edits one practice's title the way an editor
saves a file, and polls the page over HTTP until the new title is there.
"""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
POLL = 0.02  # seconds between requests while waiting


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until `url` serves a page containing `text`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(POLL)
    raise SystemExit(f"{url} toonde '{text}' niet binnen {timeout:.0f} s")


def preview_seconds(corpus: Path, edits: int = 5) -> list[float]:
    """Seconds from each saved edit to the rebuilt page being served, `edits` times."""
    practice = sorted((corpus / "content" / "practices").glob("*.md"))[0]
    original = practice.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/praktijken/{practice.stem}/"
    server = subprocess.Popen(
        [str(BIN / "kennisbank"), "--root", ".", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=corpus,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(url, "<h1", timeout=600)  # the first full build
        time.sleep(1)
        measured = []
        for edit in range(edits):
            marker = f"Bewerkt{edit}Q"
            changed = re.sub(r"(?m)^title: ", f"title: {marker} ", original, count=1)
            started = time.perf_counter()
            practice.write_text(changed, encoding="utf-8")
            wait_for(url, marker, timeout=120)
            measured.append(time.perf_counter() - started)
            time.sleep(1)  # let the server settle before the next save
        return measured
    finally:
        server.terminate()
        server.wait(timeout=30)
        practice.write_text(original, encoding="utf-8")


if __name__ == "__main__":
    times = preview_seconds(Path(sys.argv[1]))
    print(" ".join(f"{t:.2f}" for t in times), f"median {statistics.median(times):.2f} s")
