"""`kennisbank export`: what it writes, when it refuses, and the configuration it makes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.export import MARKER, engine_config, export_config, load_config
from tests.site_support import ROOT, broken_links, project_tree


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_tree(tmp_path / "project")


def _export(project: Path, target: Path, *options: str) -> int:
    return main(["--root", str(project), "export", str(target), *options])


def test_export_writes_docs_config_and_marker(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out"
    assert _export(project, target) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "zensical build" in out
    assert sorted(p.name for p in target.iterdir()) == [
        MARKER,
        "docs",
        "overrides",
        "zensical.toml",
    ]
    assert (target / "overrides/main.html").is_file()  # theme.custom_dir goes along
    assert (target / "docs/praktijken/groepsapp.md").is_file()
    assert (target / "docs/assets/stylesheets/kennisbank.css").is_file()
    assert not (target / "docs/praktijken/intern.md").exists()


def test_the_export_carries_the_taxonomys_abbreviations(project: Path, tmp_path: Path) -> None:
    """Without the plugin, the glossary of the abbr extension is in the exported configuration."""
    target = tmp_path / "out"
    assert _export(project, target) == 0
    exported = tomllib.loads((target / "zensical.toml").read_text("utf-8"))
    glossary = exported["project"]["markdown_extensions"]["abbr"]["glossary"]
    assert glossary["OvD-BZ"] == "Officier van Dienst Bevolkingszorg"


def test_internal_edition(project: Path, tmp_path: Path) -> None:
    assert _export(project, tmp_path / "out", "--internal") == 0
    page = (tmp_path / "out/docs/praktijken/intern.md").read_text("utf-8")
    assert "Intern" in page


def test_refuses_a_folder_that_is_no_export(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "notities.txt").write_text("van iemand anders", encoding="utf-8")
    assert _export(project, target) == 2
    assert "is niet leeg en is geen eerdere export" in capsys.readouterr().err
    assert sorted(p.name for p in target.iterdir()) == ["notities.txt"]
    assert _export(project, target, "--force") == 0
    assert (target / "notities.txt").exists()
    assert (target / "docs/index.md").exists()


def test_refuses_the_project_itself(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _export(project, project, "--force") == 2
    assert _export(project, project / "docs" / "uit") == 2
    assert "is de projectmap zelf of ligt in docs/ of content/" in capsys.readouterr().err
    assert (project / "docs" / "over.md").exists()


def test_export_again_replaces_the_previous_one(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    assert _export(project, target) == 0
    (project / "content/practices/script-titel.md").unlink()
    assert _export(project, target, "--engine", "mkdocs") == 0
    assert not (target / "docs/praktijken/script-titel.md").exists()
    assert (target / "mkdocs.yml").exists()
    # Zensical prefers zensical.toml to mkdocs.yml: a stale one must not survive.
    assert not (target / "zensical.toml").exists()


def test_content_errors_are_printed_and_nothing_is_written(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "content/practices/groepsapp.md"
    page.write_text(
        page.read_text("utf-8").replace("sessions: [sessie-midden,", "sessions: [bestaat-niet,"),
        encoding="utf-8",
    )
    target = tmp_path / "out"
    assert _export(project, target) == 1
    out, err = capsys.readouterr()
    assert "content/practices/groepsapp.md:" in out and ": fout: " in out
    assert "De export is afgebroken" in err
    assert not (target / "docs").exists()


def test_a_hand_written_page_may_not_hide_a_generated_one(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs/praktijken").mkdir()
    (project / "docs/praktijken/index.md").write_text("# Eigen\n", encoding="utf-8")
    assert _export(project, tmp_path / "out") == 1
    assert "docs/praktijken/index.md bestaat al" in capsys.readouterr().err
    assert not (tmp_path / "out" / "docs").exists()


def test_usage_errors() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "uit", "--engine", "hugo"])
    assert exit_info.value.code == 2


def test_zensical_config_reads_back_as_written() -> None:
    config = load_config(ROOT / "mkdocs.yml")
    exported = export_config(config, "zensical")
    assert tomllib.loads(engine_config(config, "zensical")) == {"project": exported}
    assert "kennisbank" not in exported["plugins"]
    assert exported["theme"]["variant"] == "classic"
    assert exported["nav"] == config["nav"]


def test_env_tags_are_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("a: !ENV [KB_TEST_X, standaard]\nb: !ENV KB_TEST_Y\n", encoding="utf-8")
    monkeypatch.delenv("KB_TEST_X", raising=False)
    monkeypatch.setenv("KB_TEST_Y", "true")
    assert load_config(path) == {"a": "standaard", "b": True}


def test_mkdocs_config_is_plain_yaml_without_the_plugin() -> None:
    text = yaml.safe_dump(export_config(load_config(ROOT / "mkdocs.yml"), "mkdocs"))
    config = yaml.safe_load(text)
    assert config["theme"]["name"] == "material"
    assert all("kennisbank" not in str(plugin) for plugin in config["plugins"])


def test_broken_links_detector_finds_a_broken_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">a</a><a href="b/">b</a>', encoding="utf-8")
    (site / "a/index.html").write_text('<a href="../#nergens">x</a>', encoding="utf-8")
    assert broken_links(site) == [
        "a/index.html: ../#nergens (missing anchor)",
        "index.html: b/ (missing file)",
    ]
