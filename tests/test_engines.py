"""One content tree, three engines: MkDocs + Material with our plugin, Zensical building the
engine-free export, and ProperDocs building the project's own mkdocs.yml with our plugin.

Each engine builds tests/fixtures/site once per run; every build must have all record pages, no
broken relative link and a search index that finds a record.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.build import BuildRequest, load
from generator.cli import main
from generator.export import MARKER, load_config
from generator.pipeline import generate
from generator.render.site import RenderOptions
from generator.settings import SiteSettings
from tests.site_support import (
    FIXTURES,
    ROOT,
    broken_links,
    html_files,
    parse,
    project_tree,
    search_documents,
)

# Every record of tests/fixtures/site/content with a public page.
RECORDS = [
    "praktijken/groepsapp",
    "praktijken/script-titel",
    "sessies/sessie-midden",
    "sessies/leerarena-brand",
    "knelpunten/informatie-actueel",
    "incidenten/grote-brand",
    "regios/utrecht",
    "regios/flevoland",
    "regios/gooi-en-vechtstreek",
    "projecten/versterking",
]
GROEPSAPP = "Groepsapp voor medewerkers"
NOT_PUBLIC = "praktijken/intern"
SITE_HOST = "kennisbank-bevolkingszorg.example"
# What each engine writes into <meta name="generator">: proof the build ran on that engine.
GENERATOR = {"mkdocs": "mkdocs-1.", "zensical": "zensical-", "properdocs": "ProperDocs"}


@dataclass
class EngineSite:
    engine: str
    site: Path
    log: str = ""


def _run(command: list[str], cwd: Path) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("KENNISBANK_EDITION", None)
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed ({result.returncode}):\n{log}")
    return log


class _Recorder:
    """Keeps every page our plugin hands to MkDocs, exactly as MkDocs got it."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}

    def on_files(self, files: Any, /, *, config: Any) -> Any:
        for file in files:
            # beheer/: the browser editor's files, not pages (tests/test_beheer.py).
            if file.generated_by == "kennisbank" and not file.src_uri.startswith("beheer/"):
                self.pages[file.src_uri] = file.content_bytes
        return files


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An editor's project folder: the repo's mkdocs.yml and docs/, unchanged, fixture content."""
    return project_tree(tmp_path_factory.mktemp("engines") / "project")


@pytest.fixture(scope="session")
def mkdocs_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[EngineSite, dict[str, bytes]]:
    """MkDocs + Material with the kennisbank plugin, recording the pages the plugin adds."""
    from mkdocs.commands.build import build

    site = tmp_path_factory.mktemp("mkdocs") / "site"
    request = BuildRequest(
        config_file=ROOT / "mkdocs.yml",
        site_dir=site,
        offline=False,
        content_dir=FIXTURES / "site" / "content",
    )
    config = load(request, site)
    recorder = _Recorder()
    config.plugins["recorder"] = recorder  # type: ignore[assignment]
    build(config)
    return EngineSite("mkdocs", site), recorder.pages


@pytest.fixture(scope="session")
def zensical_export(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "zensical"
    assert main(["--root", str(project), "export", str(target), "--engine", "zensical"]) == 0
    return target


@pytest.fixture(scope="session")
def zensical_build(zensical_export: Path) -> EngineSite:
    log = _run(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", "zensical.toml"],
        zensical_export,
    )
    return EngineSite("zensical", zensical_export / "site", log)


@pytest.fixture(scope="session")
def properdocs_build(project: Path) -> EngineSite:
    """ProperDocs with the project's mkdocs.yml as it is: Material, our plugin, strict."""
    site = project.parent / "properdocs-site"
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"]
    log = _run([*command, "--site-dir", str(site)], project)
    return EngineSite("properdocs", site, log)


@pytest.fixture(scope="session", params=["mkdocs", "zensical", "properdocs"])
def engine_site(request: pytest.FixtureRequest) -> EngineSite:
    if request.param == "mkdocs":
        built: EngineSite = request.getfixturevalue("mkdocs_build")[0]
        return built
    site: EngineSite = request.getfixturevalue(f"{request.param}_build")
    return site


def _page(site: Path, path: str) -> Path:
    return site / path / "index.html"


def test_built_by_that_engine(engine_site: EngineSite) -> None:
    html = (engine_site.site / "index.html").read_text("utf-8")
    generator = html.split('<meta name="generator" content="', 1)[1].split('"', 1)[0]
    assert GENERATOR[engine_site.engine] in generator


def test_every_record_page_is_built(engine_site: EngineSite) -> None:
    for path in RECORDS:
        assert _page(engine_site.site, path).is_file(), f"{engine_site.engine}: {path}"
    assert not (engine_site.site / NOT_PUBLIC).exists()
    assert parse(_page(engine_site.site, "praktijken/groepsapp")).title.startswith(GROEPSAPP)


def test_no_broken_relative_link(engine_site: EngineSite) -> None:
    assert len(html_files(engine_site.site)) > 20
    assert broken_links(engine_site.site) == []


def test_record_pages_link_each_other(engine_site: EngineSite) -> None:
    links = parse(_page(engine_site.site, "praktijken/groepsapp")).links
    for target in ("knelpunten/informatie-actueel/", "sessies/sessie-midden/", "regios/"):
        assert any(target in link for link in links), f"{engine_site.engine}: {target}"


def test_search_finds_a_record(engine_site: EngineSite) -> None:
    documents = search_documents(engine_site.site)
    found = [d for d in documents if d["title"] == GROEPSAPP]
    assert found, engine_site.engine
    assert found[0]["location"].rstrip("/").startswith("praktijken/groepsapp")
    assert found[0]["tags"] == ["Praktijk"]


def test_nothing_is_fetched_from_third_parties(engine_site: EngineSite) -> None:
    for path in html_files(engine_site.site):
        for url in parse(path).fetched:
            assert urlsplit(url).netloc in ("", SITE_HOST), f"{engine_site.engine} {path}: {url}"


def test_all_engines_build_the_same_pages(
    mkdocs_build: tuple[EngineSite, dict[str, bytes]],
    zensical_build: EngineSite,
    properdocs_build: EngineSite,
) -> None:
    def built(site: Path) -> set[str]:
        pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
        # /beheer/ is the browser editor, which the MkDocs plugin adds (tests/test_beheer.py).
        return {page for page in pages if not page.startswith("beheer/")}

    expected = built(mkdocs_build[0].site)
    assert built(properdocs_build.site) == expected
    assert built(zensical_build.site) == expected


def test_plugin_and_export_hand_out_identical_pages(
    mkdocs_build: tuple[EngineSite, dict[str, bytes]], zensical_export: Path, project: Path
) -> None:
    """The plugin (in a real MkDocs build) and the export write the same generated pages."""
    plugin_pages = mkdocs_build[1]
    assert "praktijken/groepsapp.md" in plugin_pages
    docs = zensical_export / "docs"
    hand_written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*")}
    exported = {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in docs.rglob("*")
        if p.is_file()
        and p.relative_to(docs).as_posix() not in hand_written
        and not p.relative_to(docs).as_posix().startswith("pagefind/")  # the search index
    }
    assert exported == plugin_pages
    # And both are what the pipeline generates: its pages, and the attachments they link to.
    config = load_config(project / "mkdocs.yml")
    site_url = f"https://{SITE_HOST}/"
    settings = SiteSettings.from_config(site_url, config.get("extra"))
    options = RenderOptions(site_url=site_url, settings=settings)
    generated = generate(project, "public", options)
    pages = {path: text.encode("utf-8") for path, text in generated.output.items()}
    files = {path: source.read_bytes() for path, source in generated.attachments.items()}
    assert files and pages | files == plugin_pages


def test_export_copies_hand_written_docs(zensical_export: Path) -> None:
    for path in (ROOT / "docs").rglob("*"):
        if path.is_file():
            relative = path.relative_to(ROOT / "docs")
            assert (zensical_export / "docs" / relative).read_bytes() == path.read_bytes()
    assert (zensical_export / MARKER).is_file()


def test_zensical_applies_the_site_setup(zensical_build: EngineSite) -> None:
    html = _page(zensical_build.site, "praktijken").read_text("utf-8")
    assert "assets/stylesheets/kennisbank.css" in html
    assert "assets/javascripts/filters.js" in html
    assert parse(_page(zensical_build.site, "over")).lang == "nl"


def test_mkdocs_export_builds_without_the_plugin(project: Path, tmp_path: Path) -> None:
    """`--engine mkdocs`: plain MkDocs (or ProperDocs) + Material builds the tree, strict."""
    target = tmp_path / "export"
    assert main(["--root", str(project), "export", str(target), "--engine", "mkdocs"]) == 0
    config = yaml.safe_load((target / "mkdocs.yml").read_text("utf-8"))
    # The project's plugins, in order and with their options, less ours.
    project_plugins = load_config(project / "mkdocs.yml")["plugins"]
    assert config["plugins"] == [p for p in project_plugins if "kennisbank" not in str(p)]
    assert config["theme"]["custom_dir"] == "overrides"  # the header's search field
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"], target)
    site = target / "site"
    assert _page(site, "praktijken/groepsapp").is_file()
    assert broken_links(site) == []
    # The site's own search comes along: its page, its header field and its index.
    assert 'id="kb-header-q"' in _page(site, "over").read_text("utf-8")
    assert any(d["title"] == GROEPSAPP for d in search_documents(site))


def test_properdocs_strict_build_stops_on_a_content_warning(project: Path, tmp_path: Path) -> None:
    """Our plugin logs under `mkdocs.`; ProperDocs must still count it in strict mode."""
    copy = tmp_path / "project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site"))
    session = copy / "content/sessions/sessie-midden.md"
    text = session.read_text("utf-8")
    assert "participants: 14" in text
    session.write_text(text.replace("participants: 14", "participants: 20"), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert "sessie-midden.md:8:15: waarschuwing: 20 deelnemers" in result.stderr + result.stdout
