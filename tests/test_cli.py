"""The kennisbank command as editors and CI run it: output lines, summary and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.cli import main
from tests.conftest import TreeFactory

REPO = Path(__file__).parent.parent
WARNING_ONLY = {"content/practices/los.md": "---\ntitle: Los\n---\n"}
ERROR = {"content/knelpunten/fout.md": "---\ntitle: Fout\nstatus: dicht\n---\n"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, capsys.readouterr().out.splitlines()


def test_clean_tree_exits_0_with_a_summary(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, "--root", str(tree()), "check")
    assert (code, lines) == (0, ["Geen problemen gevonden in 9 bestanden."])


def test_a_warning_fails_check_as_it_fails_the_build_until_the_file_acknowledges_it(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(WARNING_ONLY)
    code, lines = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert lines[0].startswith("content/practices/los.md:2:1: waarschuwing: deze praktijk")
    assert lines[-1] == "1 waarschuwing in 10 bestanden."
    practice = root / "content/practices/los.md"
    practice.write_text(
        practice.read_text("utf-8").replace(
            "---\n", "---\nacknowledged: [praktijk-zonder-sessie]\n", 1
        ),
        encoding="utf-8",
    )
    code, lines = run(capsys, "--root", str(root), "check")
    assert (code, lines) == (
        0,
        ["Geen problemen gevonden in 10 bestanden (1 waarschuwing bewust geaccepteerd)."],
    )


def test_errors_exit_1_and_are_printed_as_path_line_column(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, "--root", str(tree({**ERROR, **WARNING_ONLY})), "check")
    assert code == 1
    assert lines[0].startswith("content/knelpunten/fout.md:3:9: fout: 'dicht' is geen geldige")
    assert lines[-1] == "1 fout en 1 waarschuwing in 11 bestanden."


def test_github_actions_also_gets_annotations(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, lines = run(capsys, "--root", str(tree(ERROR)), "check")
    assert lines[1].startswith(
        "::error file=content/knelpunten/fout.md,line=3,col=9,title=kennisbank ongeldige-waarde::"
    )


def test_internal_flag_checks_the_internal_edition(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(
        tree(
            {
                "content/knelpunten/intern.md": "---\ntitle: I\nvisibility: internal\n---\n",
                "content/practices/p.md": "---\ntitle: P\nsessions: [sessie-midden]\n"
                "addresses: [intern]\n---\n",
            }
        )
    )
    assert run(capsys, "--root", root, "check")[0] == 1
    assert run(capsys, "--root", root, "check", "--internal")[0] == 0


def test_usage_errors_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--onbekend"], capture_output=True, text=True
    )
    assert result.returncode == 2


def test_no_traceback_reaches_the_editor_for_broken_content(tree: TreeFactory) -> None:
    root = tree({"content/practices/kapot.md": b"---\ntitle: \xff\xfe\n---\n", **ERROR})
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "geen UTF-8" in result.stdout


def test_the_repository_content_checks_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, "--root", str(REPO), "check")
    assert code == 0, "\n".join(lines)


def test_json_schemas_accept_the_repository_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", str(tmp_path)]) == 0
    content = REPO / "content"
    checked = 0
    for path in sorted(content.glob("*/*")):
        if path.parent.name in ("kennisbrieven", "bijlagen"):
            continue
        schema = json.loads((tmp_path / f"{path.parent.name}.schema.json").read_text())
        jsonschema.validate(_fields(path), schema)
        checked += 1
    taxonomy = json.loads((tmp_path / "taxonomy.schema.json").read_text())
    jsonschema.validate(_fields(content / "taxonomy.yml"), taxonomy)
    assert checked > 30


def test_json_schema_rejects_an_unknown_field(tmp_path: Path) -> None:
    main(["schema", str(tmp_path)])
    schema = json.loads((tmp_path / "practices.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "x", "sesions": []}, schema)


def _fields(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n", 2)[1]
    # JSON Schema knows no dates: compare them as the ISO text editors write.
    fields: dict[str, Any] = json.loads(json.dumps(yaml.safe_load(text), default=str))
    return fields


def test_usage_errors_are_in_dutch() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--onbekend"], capture_output=True, text=True
    )
    assert result.stderr.splitlines() == [
        "gebruik: kennisbank [-h] [--version] [--root ROOT] opdracht ...",
        "kennisbank: fout: onbekende argumenten: --onbekend",
    ]
