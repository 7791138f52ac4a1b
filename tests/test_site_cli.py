"""`kennisbank build`: strict, every problem reported in the validator's words, exit 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.site_support import FIXTURES, copy_setup, publishable


def _project(tmp_path: Path, fixture: str = "site") -> Path:
    shutil.copytree(FIXTURES / fixture / "content", tmp_path / "content")
    copy_setup(tmp_path, link=True)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_build_succeeds_quietly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    publishable(project / "mkdocs.yml")  # example addresses would be pointed out (a warning)
    assert main(["--root", str(project), "build", "--no-offline"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "De site staat in" in out
    assert (project / "site" / "praktijken" / "groepsapp" / "index.html").exists()
    assert not (project / "site" / "downloads").exists()


def test_warning_fails_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    _edit(project / "content/sessions/sessie-midden.md", "participants: 14", "participants: 20")
    assert main(["--root", str(project), "build", "--no-offline"]) == 1
    err = capsys.readouterr().err
    assert "content/sessions/sessie-midden.md:8:15: waarschuwing: 20 deelnemers" in err
    assert "De build is afgebroken" in err


def test_every_error_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    practice = project / "content/practices/groepsapp.md"
    _edit(practice, "addresses: [informatie-actueel]", "addresses: [informatie-actuel]")
    _edit(practice, "incidents: [grote-brand]", "incidents: [grote-brnd]")
    assert main(["--root", str(project), "build", "--no-offline"]) == 1
    err = capsys.readouterr().err
    assert "groepsapp.md:9:13: fout: 'informatie-actuel' in 'addresses'" in err
    assert "groepsapp.md:10:13: fout: 'grote-brnd' in 'incidents'" in err
    assert "2 fouten in de inhoud" in err
    assert not (project / "site" / "index.html").exists()


def test_the_plugin_reads_content_from_its_content_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    (project / "content").rename(project / "inhoud")
    _edit(project / "mkdocs.yml", "content_dir: content", "content_dir: inhoud")
    _edit(project / "inhoud/sessions/sessie-midden.md", "participants: 14", "participants: 20")
    assert main(["--root", str(project), "build", "--no-offline"]) == 1
    err = capsys.readouterr().err
    assert "inhoud/sessions/sessie-midden.md:8:15: waarschuwing: 20 deelnemers" in err
    _edit(project / "inhoud/sessions/sessie-midden.md", "participants: 20", "participants: 14")
    assert main(["--root", str(project), "build", "--no-offline"]) == 0
    assert (project / "site/sessies/sessie-midden/index.html").is_file()
