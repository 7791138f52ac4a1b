"""The build step: MkDocs in strict mode into site/, plus a zipped offline copy linked from home.

One MkDocs build: the plugin indexes the search (generator/search_index.py) and makes the
offline copy from the built pages (generator/offline.py) in a work directory, zipped into the
site as a download.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.vocabulary import Edition

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class BuildRequest:
    config_file: Path  # mkdocs.yml
    site_dir: Path
    edition: Edition = "public"
    offline: bool = True
    work_dir: Path | None = None  # where the offline copy is built; default <project>/build
    content_dir: Path | None = None  # another content/ folder than mkdocs.yml names (tests)


@dataclass
class BuildReport:
    ok: bool
    # Every warning and error logged during the build(s), as the validator or MkDocs said it.
    problems: list[str] = field(default_factory=list)
    reason: str = ""


def build(request: BuildRequest) -> BuildReport:
    """Build the site (and its offline copy); never raises for a content or build problem."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.exceptions import Abort, MkDocsException

    report = BuildReport(ok=False)
    with _collect(report.problems):
        try:
            offline_dir: Path | None = None
            if request.offline:
                work = request.work_dir or request.config_file.parent / "build"
                offline_dir = work / "offline"
            _run(request, request.site_dir, offline_dir=offline_dir)
        except (Abort, MkDocsException) as error:
            report.reason = str(error)
            return report
    report.ok = not report.problems
    return report


def load(request: BuildRequest, site_dir: Path) -> MkDocsConfig:
    """The MkDocs configuration of one build, with our plugin set up for the request."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    config = load_config(
        config_file=str(request.config_file), strict=True, site_dir=str(site_dir.resolve())
    )
    kennisbank = config.plugins["kennisbank"]
    kennisbank.config["edition"] = request.edition
    if request.content_dir is not None:
        kennisbank.config["content_dir"] = str(request.content_dir.resolve())
    return config


def _run(request: BuildRequest, site_dir: Path, *, offline_dir: Path | None = None) -> None:
    from mkdocs.commands.build import build as mkdocs_build

    config = load(request, site_dir)
    if offline_dir is not None:
        config.plugins["kennisbank"].config["offline_dir"] = str(offline_dir.resolve())
    mkdocs_build(config)


class _Collector(logging.Handler):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.problems = problems

    def emit(self, record: logging.LogRecord) -> None:
        self.problems.append(record.getMessage())


@contextmanager
def _collect(problems: list[str]) -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    handler = _Collector(problems)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
