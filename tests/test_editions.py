"""Public and internal editions: nothing that is not public is in any byte of the public build.

tests/fixtures/leak holds internal and draft records of every type, and a region whose progress
is internal, each carrying unique markers (zqxintern…, zqxdraft…, zqxprogress…) in every field.
"""

from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline import check
from generator.render.site import render
from tests.leaks import markers_in_sources, markers_in_tree
from tests.site_support import Built, build_fixture, copy_setup, require_clean

LEAK = Path(__file__).parent / "fixtures" / "leak"
SOURCES = markers_in_sources(LEAK / "content")
INTERNAL = {m for m in SOURCES if m.startswith("zqxintern")}
DRAFT = {m for m in SOURCES if m.startswith("zqxdraft")}
PROGRESS = {m for m in SOURCES if m.startswith("zqxprogress")}


@pytest.fixture(scope="module")
def public_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return require_clean(build_fixture("leak", tmp_path_factory.mktemp("public")))


@pytest.fixture(scope="module")
def internal_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    target = tmp_path_factory.mktemp("internal")
    return require_clean(build_fixture("leak", target, edition="internal"))


def test_the_fixture_has_markers_of_every_kind() -> None:
    assert len(INTERNAL) >= 30 and len(DRAFT) >= 25 and len(PROGRESS) == 2
    assert INTERNAL | DRAFT | PROGRESS == SOURCES


def test_no_marker_in_any_file_of_the_public_edition(public_build: Built) -> None:
    leaked = markers_in_tree(public_build.site)
    assert dict(leaked) == {}


def test_the_public_edition_ships_the_outputs_that_could_leak(public_build: Built) -> None:
    # Absent must mean absent in these too; make sure they exist, so the scan covers them.
    site = public_build.site
    for path in (
        *("pagefind/pagefind-entry.json", "sitemap.xml", "sitemap.xml.gz", "404.html"),
        # Open data and feeds hold every public record, and the regions' progress.
        *("data/regions.json", "data/regions-progress.csv", "data/practices.csv"),
        *("data/catalogus.jsonld", "feeds/regios/flevoland.xml", "feeds/themas/oefenen.xml"),
        *(".well-known/security.txt", "kennisbrief/abonneren/index.html"),
    ):
        assert (site / path).is_file(), path
    assert len(list((site / "pagefind/fragment").iterdir())) >= 10  # every public record
    assert list((site / "pagefind/index").iterdir()) and list((site / "pagefind/filter").iterdir())
    assert (site / "downloads/kennisbank-offline.zip").is_file()
    assert (public_build.offline / "search/offline-index.js").is_file()


def test_internal_edition_holds_internal_markers_but_no_drafts(internal_build: Built) -> None:
    found = set(markers_in_tree(internal_build.site))
    assert found >= INTERNAL, f"not shown in the internal edition: {sorted(INTERNAL - found)}"
    assert found >= PROGRESS
    assert not found & DRAFT


def test_the_scan_reads_the_compressed_search_index(internal_build: Built) -> None:
    """Pagefind's files are gzip-compressed: the scan must find what they hold, so a public
    build whose index held an internal record could not pass unseen."""
    found = markers_in_tree(internal_build.site / "pagefind")
    in_fragments = {m for m, files in found.items() if any("fragment/" in f for f in files)}
    in_words = {m for m, files in found.items() if any("index/" in f for f in files)}
    assert "zqxinternpraktijktitel" in in_fragments  # a title, in a result's stored data
    assert in_words & INTERNAL  # and the searched words of the index chunks


def test_internal_pages_carry_a_visible_banner(internal_build: Built) -> None:
    page = (internal_build.site / "praktijken/zqxintern/index.html").read_text(encoding="utf-8")
    assert 'class="admonition warning"' in page
    assert "alleen in de interne uitgave" in page
    public_page = (internal_build.site / "praktijken/openbaar/index.html").read_text("utf-8")
    assert "alleen in de interne uitgave" not in public_page


def test_internal_records_are_badged_in_lists(internal_build: Built) -> None:
    index = (internal_build.site / "praktijken/index.html").read_text(encoding="utf-8")
    assert 'kb-badge kb-zichtbaarheid-internal">Intern</span>' in index


def test_preview_marks_drafts() -> None:
    graph = check(LEAK, "preview").graph
    page = render(graph)["praktijken/zqxdraft.md"]
    assert '!!! danger "Concept"' in page
    assert "niet gepubliceerd" in page


def test_a_public_region_with_internal_progress_shows_no_progress_in_public(
    public_build: Built,
) -> None:
    page = (public_build.site / "regios/flevoland/index.html").read_text(encoding="utf-8")
    assert "kb-voortgang-" not in page
    # It says that the region keeps its progress to itself, and no more (README, Disclosure).
    assert "heeft haar voortgang beoordeeld, maar deelt die niet openbaar" in page
    shown = (public_build.site / "regios/utrecht/index.html").read_text(encoding="utf-8")
    assert "Voortgang BZOO 2.0" in shown and "kb-voortgang-" in shown
    assert "Openbare toelichting bij de voortgang." in shown


def test_internal_build_goes_to_its_own_folder_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_setup(tmp_path / "project")
    shutil.copytree(LEAK / "content", root / "content")
    assert main(["--root", str(root), "build", "--internal", "--no-offline"]) == 0
    assert (root / "site-intern/praktijken/zqxintern/index.html").is_file()
    assert not (root / "site").exists()


# The detector itself: a scan that cannot find a marker would make every test above pass.


def test_detector_finds_a_marker_in_a_plain_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>ZQXinternPraktijkTitel</p>", encoding="utf-8")
    assert markers_in_tree(tmp_path) == {"zqxinternpraktijktitel": {"page.html"}}


def test_detector_finds_a_marker_inside_a_zip_and_a_gzip(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "offline.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("kennisbank/praktijken/x.html", "zqxdraftrol")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>zqxinternregio</loc>"))
    assert markers_in_tree(tmp_path) == {
        "zqxdraftrol": {"offline.zip!kennisbank/praktijken/x.html"},
        "zqxinternregio": {"sitemap.xml.gz!gunzip"},
    }


def test_detector_catches_a_marker_let_through_into_a_real_build(
    public_build: Built, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(public_build.site, copy)
    fragment = sorted((copy / "pagefind/fragment").iterdir())[0]
    data = gzip.decompress(fragment.read_bytes())
    fragment.write_bytes(gzip.compress(data.replace(b'"content":"', b'"content":"zqxinternlek ')))
    found = markers_in_tree(copy)
    assert found["zqxinternlek"] == {f"pagefind/fragment/{fragment.name}!gunzip"}


@pytest.mark.parametrize("flags", [[], ["--internal"]], ids=["public", "internal"])
def test_both_editions_build_from_the_repository_content(
    flags: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Path(__file__).parent.parent
    site = tmp_path / "site"
    args = ["--root", str(repo), "build", "--no-offline", "--site-dir", str(site), *flags]
    assert main(args) == 0, capsys.readouterr()
    flevoland = (site / "regios/flevoland/index.html").read_text(encoding="utf-8")
    # Flevoland keeps its progress internal: only the internal edition shows it on its page.
    assert ("kb-voortgang-" in flevoland) == bool(flags)
