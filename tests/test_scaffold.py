"""`kennisbank new`: a new record with every required field, today's date, explained options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.model import RecordType
from generator.pipeline import check
from generator.scaffold import scaffold
from generator.types import REGISTRY
from tests.conftest import TreeFactory


def new(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(root), "new", *args])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_new_session_gets_an_id_from_its_title_and_a_date_to_fill_in(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree()
    code, out, _ = new(capsys, root, "sessie", "Sessie Noord-Holland & Zaanstreek")
    assert code == 0
    assert out.endswith("content/sessions/sessie-noord-holland-zaanstreek.md")
    fields = yaml.safe_load(Path(out).read_text(encoding="utf-8").split("---\n")[1])
    assert fields["date"] == ""  # never today: the session's own date is for the editor to say
    assert fields["title"] == "Sessie Noord-Holland & Zaanstreek"
    assert fields["visibility"] == "draft"


@pytest.mark.parametrize("kind", ["praktijk", "knelpunt"])
def test_new_practice_or_knelpunt_leaves_the_date_to_its_sessions(
    kind: str, tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = new(capsys, tree(), kind, "Nieuw")
    text = Path(out).read_text(encoding="utf-8")
    assert "\ndate:" not in text and "\n# date:" in text


def test_new_refuses_to_overwrite(tree: TreeFactory, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree()
    before = (root / "content/practices/groepsapp.md").read_text(encoding="utf-8")
    code, out, err = new(capsys, root, "practices", "Groepsapp")
    assert code == 1
    assert out == ""
    assert "content/practices/groepsapp.md bestaat al" in err
    assert (root / "content/practices/groepsapp.md").read_text(encoding="utf-8") == before


def test_unknown_type_is_a_usage_error(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = new(capsys, tree(), "verslag", "X")
    assert code == 2
    assert "onbekend type 'verslag'" in err


@pytest.mark.parametrize("record_type", REGISTRY, ids=str)
def test_scaffold_names_every_field_of_its_type(record_type: RecordType[Any]) -> None:
    text = scaffold(record_type, "Titel")
    for name in record_type.schema.model_fields:
        assert f"\n{name}:" in text or f"\n# {name}:" in text, name


@pytest.mark.parametrize("record_type", REGISTRY, ids=str)
def test_scaffold_only_asks_for_what_the_editor_must_fill_in(
    record_type: RecordType[Any], tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree()
    new(capsys, root, record_type.name, "Nieuw record")
    rules = {d.rule for d in check(root, "preview").diagnostics}
    # What remains are the required fields left empty on purpose, never a format error.
    assert rules <= {"te-klein", "lege-tekst", "praktijk-zonder-sessie"}


def test_uncommenting_an_optional_field_keeps_the_file_valid(
    tree: TreeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree()
    _, out, _ = new(capsys, root, "knelpunt", "Nieuw knelpunt")
    path = Path(out)
    path.write_text(path.read_text(encoding="utf-8").replace("# themes: []", "themes: []"))
    assert check(root, "preview").diagnostics == []
