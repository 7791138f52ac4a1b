"""`make bench`: speed and memory of check and build at 100, 1,000 and 10,000 records.

Compares our build with plain mkdocs-material building the same rendered pages, prints a table
and writes benchmarks/results.md. Ratios measured in one run are what count on a shared machine.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent.parent))
from benchmarks.synth import write_corpus

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
SIZES = tuple(int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,10000").split(","))
RUNS = {100: 3, 1000: 3, 10000: 1}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Row:
    records: int
    check_s: float
    build_s: float
    build_rss_mb: float
    plain_s: float
    output_mb: float
    index_kb_per_record: float

    @property
    def ratio(self) -> float:
        return self.build_s / self.plain_s

    @property
    def check_rate(self) -> float:
        return self.records / self.check_s


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak resident MB) of one command, measured by a fresh child process."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024); sys.exit(r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} faalde:\n{result.stderr}")
    seconds, rss = result.stdout.split()
    return float(seconds), float(rss)


def median_run(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    measured = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(m[0] for m in measured), max(m[1] for m in measured)


def plain_tree(corpus: Path) -> Path:
    """The same pages as plain Markdown, with our plugin replaced by nothing."""
    from generator.pipeline import check
    from generator.render import render

    plain = corpus / "plain"
    docs = plain / "docs"
    shutil.copytree(corpus / "docs", docs)
    for path, text in render(check(corpus).graph).items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = yaml.safe_load((corpus / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!ENV [KENNISBANK_EDITION, public]", "public"
    ))
    config["plugins"] = [p for p in config["plugins"] if "kennisbank" not in str(p)]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return plain


def measure(records: int, work: Path) -> Row:
    corpus = work / f"corpus-{records}"
    write_corpus(records, corpus)
    runs = RUNS.get(records, 1)
    kennisbank = str(BIN / "kennisbank")
    check_s, _ = median_run([kennisbank, "--root", ".", "check"], corpus, runs)
    build_s, rss = median_run([kennisbank, "--root", ".", "build", "--no-offline"], corpus, runs)
    plain = plain_tree(corpus)
    plain_s, _ = median_run([str(BIN / "mkdocs"), "build", "-q"], plain, runs)
    site = corpus / "site"
    output = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = (site / "search" / "search_index.json").stat().st_size
    return Row(records, check_s, build_s, rss, plain_s, output / 1e6, index / 1024 / records)


def report(rows: list[Row]) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Measured {date.today().isoformat()} on {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}. "
        "Median of 3 runs at 100 and 1,000 records, 1 run at 10,000.",
        "",
        "| records | check s | records/s | build s | peak MB | plain s | ours/plain "
        "| output MB | index KB/record |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.records:,} | {r.check_s:.2f} | {r.check_rate:,.0f} | {r.build_s:.2f} "
            f"| {r.build_rss_mb:.0f} | {r.plain_s:.2f} | {r.ratio:.2f} | {r.output_mb:.1f} "
            f"| {r.index_kb_per_record:.2f} |"
        )
    big, mid = rows[-1], rows[-2]
    growth_time = (big.build_s / big.records) / (mid.build_s / mid.records)
    growth_bytes = (big.output_mb / big.records) / (mid.output_mb / mid.records)
    lines += [
        "",
        "## Targets",
        "",
        f"- `check` at {big.records:,} records: {big.check_rate:,.0f} records/s "
        f"(target ≥ 5,000) — {'met' if big.check_rate >= 5000 else 'not met'}.",
        f"- `build` over plain mkdocs-material: {max(r.ratio for r in rows):.2f}× at worst "
        f"(target ≤ 1.15×) — {'met' if max(r.ratio for r in rows) <= 1.15 else 'not met'}.",
        f"- Growth from {mid.records:,} to {big.records:,} records: build time per record "
        f"{growth_time:.2f}×, output bytes per record {growth_bytes:.2f}× (target ≤ 1.2×).",
        "- Preview after one change and search latency in Chromium are not measured yet.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="kennisbank-bench-") as temp:
        for records in SIZES:
            started = time.perf_counter()
            rows.append(measure(records, Path(temp)))
            print(f"{records:>6} records gemeten in {time.perf_counter() - started:.0f} s")
    text = report(rows)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
