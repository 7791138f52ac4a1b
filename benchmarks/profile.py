"""Where the build's time goes: one `kennisbank build` under cProfile, split into its phases.

Prints (and run.py writes to results.md) the cumulative time of each phase, so it is plain
which part is ours (check and render, in the plugin's on_files) and which is MkDocs' or
Material's.
"""

from __future__ import annotations

import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(sys.executable).parent

# (label, file suffix, function name): functions whose cumulative time is one phase.
PHASES = (
    ("ours: check + render (plugin on_files)", "generator/plugin.py", "on_files"),
    ("MkDocs: Markdown to HTML (Python-Markdown)", "mkdocs/commands/build.py", "_populate_page"),
    ("MkDocs + Material: page templates", "mkdocs/commands/build.py", "_build_page"),
    ("ours: search records (in on_files)", "generator/render/search.py", "search_records"),
    ("ours: Pagefind index (plugin on_post_build)", "generator/search_index.py", "write_index"),
)


def profile_build(corpus: Path) -> list[tuple[str, float, float]]:
    """(phase, seconds under the profiler, share of the whole build) for one build."""
    with tempfile.TemporaryDirectory() as temp:
        stats_file = Path(temp) / "build.prof"
        command = [str(BIN / "kennisbank"), "--root", ".", "build", "--no-offline"]
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(stats_file), *command],
            cwd=corpus,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        stats = pstats.Stats(str(stats_file)).stats  # type: ignore[attr-defined]
    cumulative: dict[tuple[str, str], float] = {}
    total = 0.0
    for (filename, _line, function), (_cc, _nc, _tt, ct, _callers) in stats.items():
        if filename.endswith("mkdocs/commands/build.py") and function == "build":
            total = max(total, ct)
        for _label, suffix, name in PHASES:
            if filename.endswith(suffix) and function == name:
                cumulative[(suffix, name)] = cumulative.get((suffix, name), 0.0) + ct
    return [
        (label, cumulative.get((suffix, name), 0.0), cumulative.get((suffix, name), 0.0) / total)
        for label, suffix, name in PHASES
    ]


if __name__ == "__main__":
    for label, seconds, share in profile_build(Path(sys.argv[1])):
        print(f"{label:<50} {seconds:7.2f} s {share:6.1%}")
