"""The build step: MkDocs in strict mode into site/, plus a zipped offline copy linked from home.

The offline copy needs a build of its own (Material's offline plugin, no directory URLs); it is
built first into a work directory, zipped, and handed to the main build as a download.
"""

from __future__ import annotations

import logging
import os
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.vocabulary import Edition

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ZIP_NAME = "kennisbank-offline.zip"
# Served from docs/ instead of the CDN address Material's offline plugin would add.
IFRAME_WORKER = "assets/javascripts/vendor/iframe-worker.js"


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
            zip_path: Path | None = None
            if request.offline:
                work = request.work_dir or request.config_file.parent / "build"
                offline_site = work / "offline"
                _run(request, offline_site, offline=True)
                zip_path = _zip(offline_site, work / ZIP_NAME)
            _run(request, request.site_dir, offline_zip=zip_path)
        except (Abort, MkDocsException) as error:
            report.reason = str(error)
            return report
    report.ok = not report.problems
    return report


def load(request: BuildRequest, site_dir: Path, *, offline: bool = False) -> MkDocsConfig:
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
    if offline:
        config.plugins["material/offline"].config["enabled"] = True
        config.extra["polyfills"] = [IFRAME_WORKER]
    return config


def _run(
    request: BuildRequest, site_dir: Path, *, offline: bool = False, offline_zip: Path | None = None
) -> None:
    from mkdocs.commands.build import build as mkdocs_build

    config = load(request, site_dir, offline=offline)
    if offline_zip is not None:
        config.plugins["kennisbank"].config["offline_zip"] = str(offline_zip)
    mkdocs_build(config)


def _zip(site: Path, target: Path) -> Path:
    """Zip the offline site under one folder, so unpacking it makes a single directory."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file() and path.suffix != ".map":
                archive.write(path, Path("kennisbank") / path.relative_to(site))
    shutil.move(partial, target)
    return target


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
