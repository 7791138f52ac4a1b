"""`make validate`: independent validators on the site built from the repository's content.

W3C Nu (npm `vnu-jar`, Java), Lighthouse 12.2.3 (mobile: accessibility and performance), pa11y
(HTML_CodeSniffer, WCAG 2.1 AA) and axe-core at every impact, horizontal overflow and layout
shift at 1280 and 375 px, all in Debian's Chromium. Writes benchmarks/validators.md with a line
per page. The tests in `make test` hold the fixture site to the same bars; this report is for
the real content. Lighthouse and pa11y are pinned in benchmarks/validators/package.json.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent))
from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    axe_violations,
    layout_shifts,
)

HERE = Path(__file__).parent
ROOT = HERE.parent
TOOLS = HERE / "validators" / "node_modules"
TEST_TOOLS = ROOT / "tests" / "browser" / "node_modules"
AXE = TEST_TOOLS / "axe-core" / "axe.min.js"
VNU = TEST_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Every kind of page; the first four are the ones Lighthouse scores.
PAGES = {
    "home": "",
    "sectie-index": "praktijken/",
    "praktijk": "praktijken/beknopte-taakkaarten/",
    "voortgang": "voortgang/",
    "sessie": "sessies/sessie-utrecht-flevoland-gooi-en-vechtstreek/",
    "knelpunt": "knelpunten/draaiboeken-te-uitgebreid/",
    "standaardincident": "incidenten/grote-brand-appartementencomplex/",
    "regio": "regios/utrecht/",
    "regio-zonder-inhoud": "regios/zeeland/",
    "project": "projecten/versterking-bevolkingszorg/",
    "thema": "themas/zelfredzaamheid/",
    "kennisbrieven": "kennisbrief/",
    "kennisbrief": "kennisbrief/2016-q1/",
    "e-mail": "kennisbrief/2016-q1/e-mail.html",
    "abonneren": "kennisbrief/abonneren/",
    "zonder-antwoord": "knelpunten-zonder-antwoord/",
    "regio-index": "regios/",
    "open-data": "data/",
    "zoeken": "zoeken/?q=opvang",
    "over": "over/",
    "bijdragen": "bijdragen/",
    "velden": "bijdragen/velden/",
    "404": "404.html",
}
LIGHTHOUSE_PAGES = ("home", "sectie-index", "praktijk", "voortgang")
WIDTHS = (1280, 375)


@dataclass
class Result:
    page: str
    vnu_errors: list[str] = field(default_factory=list)
    pa11y: list[str] = field(default_factory=list)
    axe: dict[int, list[str]] = field(default_factory=dict)
    overflow: list[str] = field(default_factory=list)  # widths with horizontal overflow
    shift: dict[int, float] = field(default_factory=dict)  # layout shift while loading
    lighthouse: dict[str, float] = field(default_factory=dict)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        subprocess.run(
            [
                *(str(Path(sys.executable).parent / "kennisbank"), "--root", str(ROOT), "build"),
                *("--site-dir", str(site), "--no-offline"),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        results = {name: Result(name) for name in PAGES}
        vnu(site, results)
        url, stop = serve_compressed(site)
        try:
            browser_checks(url, results)
            pa11y(url, results)
            for name in LIGHTHOUSE_PAGES:
                results[name].lighthouse = lighthouse(url + PAGES[name])
        finally:
            stop()
    report = render(list(results.values()))
    (HERE / "validators.md").write_text(report, encoding="utf-8")
    print(report)


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzipped, as every static host the site would be published on does: without
    it Lighthouse would measure this test server rather than the site."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_compressed(directory: Path) -> tuple[str, Callable[[], None]]:
    handler = functools.partial(_CompressingHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


def vnu(site: Path, results: dict[str, Result]) -> None:
    files = {name: _file(site, path) for name, path in PAGES.items()}
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    by_file = {str(path): name for name, path in files.items()}
    for message in messages:
        name = by_file.get(message.get("url", "").removeprefix("file:"))
        if name and message["type"] == "error":
            results[name].vnu_errors.append(message["message"])


def browser_checks(url: str, results: dict[str, Result]) -> None:
    from playwright.sync_api import sync_playwright

    axe = AXE.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        for width in WIDTHS:
            phone = width < 600
            context = browser.new_context(
                viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone
            )
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(url + path)
                page.wait_for_load_state("load")
                results[name].shift[width] = sum(value for value, _ in layout_shifts(page))
                found = [f"{v['id']} ({v['impact']})" for v in axe_violations(page, axe)]
                results[name].axe[width] = found
                if page.evaluate(
                    "() => document.documentElement.scrollWidth > window.innerWidth + 1"
                ):
                    results[name].overflow.append(str(width))
            context.close()
        browser.close()


def pa11y(url: str, results: dict[str, Result]) -> None:
    config = {
        "chromeLaunchConfig": {"executablePath": str(CHROMIUM), "args": CHROMIUM_ARGS},
        "standard": "WCAG2AA",
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    for name, path in PAGES.items():
        done = subprocess.run(
            [
                str(TOOLS / ".bin" / "pa11y"),
                "--config",
                handle.name,
                "--reporter",
                "json",
                url + path,
            ],
            capture_output=True,
            text=True,
        )
        issues: list[dict[str, Any]] = json.loads(done.stdout or "[]")
        results[name].pa11y = [
            f"{i['code'].split('.')[-2]}: {i['message'][:80]}"
            for i in issues
            if i["type"] == "error"
        ]
    os.unlink(handle.name)


def lighthouse(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                *(str(TOOLS / ".bin" / "lighthouse"), url, "--output=json", "--quiet"),
                *("--only-categories=accessibility,performance", "--form-factor=mobile"),
                f"--chrome-flags=--headless {' '.join(CHROMIUM_ARGS)} --user-data-dir={profile}",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        )
    data = json.loads(done.stdout)
    scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
    scores["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores


def render(results: list[Result]) -> str:
    lines = [
        "# Validators",
        "",
        f"Measured {date.today().isoformat()} on the site built from the repository's content "
        "(`make validate`): W3C Nu checker errors, pa11y (WCAG2AA) errors, axe-core violations "
        "of every impact at 1280 and 375 px, horizontal overflow, layout shift while loading, "
        "and Lighthouse mobile scores (its simulated slow 4G and CPU; the site served gzipped, "
        "as a static host serves it). pa11y's two findings on the e-mail are its layout tables "
        "(role=presentation around headings), which e-mail clients need.",
        "",
        "| page | Nu errors | pa11y errors | axe 1280 | axe 375 | overflow | shift 1280 / 375 "
        "| Lighthouse a11y / perf / CLS |",
        "|---|---:|---:|---:|---:|---|---|---|",
    ]
    for r in results:
        scores = r.lighthouse
        shown = (
            f"{scores['accessibility']:.0f} / {scores['performance']:.0f} / {scores['cls']:.3f}"
            if scores
            else ""
        )
        shifts = " / ".join(f"{r.shift.get(width, 0):.3f}" for width in WIDTHS)
        lines.append(
            f"| {r.page} | {len(r.vnu_errors)} | {len(r.pa11y)} | {len(r.axe.get(1280, []))} "
            f"| {len(r.axe.get(375, []))} | {', '.join(r.overflow) or 'none'} | {shifts} "
            f"| {shown} |"
        )
    details = [
        f"- {r.page}: "
        + "; ".join(
            [
                *r.vnu_errors,
                *r.pa11y,
                *(f"{width} px: {v}" for width, found in r.axe.items() for v in found),
            ]
        )
        for r in results
        if r.vnu_errors or r.pa11y or any(r.axe.values())
    ]
    if details:
        lines += ["", "## What they found", "", *details]
    return "\n".join(lines) + "\n"


def _file(site: Path, path: str) -> Path:
    path = path.split("?", 1)[0]
    if path.endswith(".html"):
        return site / path
    return site / path / "index.html"


if __name__ == "__main__":
    if not shutil.which("java"):
        raise SystemExit("java ontbreekt: installeer default-jre-headless")
    main()
