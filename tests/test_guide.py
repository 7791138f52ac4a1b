"""The editor guide can't drift: every rule and every field is documented in it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.messages import RULES
from generator.pipeline import check
from generator.render.guide import fields_page, guide_pages, messages_page
from generator.scaffold import record_id
from generator.schema import KennisbriefIntro, Taxonomy
from generator.types import REGISTRY


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_has_its_own_section_with_explanation(rule: str) -> None:
    page = messages_page()
    assert f"## {rule} {{#{rule}}}" in page
    assert RULES[rule].explanation in page


def test_every_field_of_every_type_is_in_the_fields_page() -> None:
    page = fields_page()
    nested = [model for record_type in REGISTRY for _, model in record_type.nested]
    schemas = [record_type.schema for record_type in REGISTRY]
    models: list[type[BaseModel]] = [*schemas, *nested, Taxonomy, KennisbriefIntro]
    for model in models:
        for name, info in model.model_fields.items():
            assert f"| `{name}` |" in page
            assert info.description, f"{model.__name__}.{name} has no description"


def test_message_patterns_hide_the_placeholders() -> None:
    page = messages_page()
    assert not re.search(r"\{\w+(:[^}]*)?\}", page.replace("{#", "")), "a placeholder shows"
    assert "> onbekend veld '…' bij ……; toegestane velden: …" in page


def test_guide_pages_are_addressed_under_bijdragen() -> None:
    assert set(guide_pages()) == {"bijdragen/velden.md", "bijdragen/meldingen.md"}


# The hand-written guide's examples are checked too, so they can't drift from the validator.

GUIDE = Path(__file__).parent.parent / "docs" / "bijdragen.md"
REPO_CONTENT = Path(__file__).parent.parent / "content"
EXAMPLE_FILES = {
    "kind: regionaal": "content/sessions/sessie-groningen-fryslan-en-drenthe.md",
    "kind: good-practice": "content/practices/vaste-belrondes-bij-stroomuitval.md",
    "status: open": "content/knelpunten/bereikbaarheid-bij-uitval-van-telefonie.md",
    "Kennisbrief 2e kwartaal 2016": "content/kennisbrieven/2016-q2.md",
}


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


def _files() -> list[str]:
    """The guide's example files: Markdown blocks that start with their fields."""
    return [block for block in _blocks("markdown") if block.startswith("---\n")]


def _guide_tree(root: Path) -> Path:
    shutil.copytree(REPO_CONTENT, root / "content")
    for block in _files():
        target = next(path for marker, path in EXAMPLE_FILES.items() if marker in block)
        (root / target).write_text(block, encoding="utf-8")
    return root


def test_the_guides_examples_check_clean(tmp_path: Path) -> None:
    checked = check(_guide_tree(tmp_path))
    assert checked.diagnostics == []
    assert len(_files()) == len(EXAMPLE_FILES)


def test_the_guides_example_message_is_what_check_prints(tmp_path: Path) -> None:
    root = _guide_tree(tmp_path)
    practice = root / EXAMPLE_FILES["kind: good-practice"]
    text = practice.read_text(encoding="utf-8")
    practice.write_text(
        text.replace("[bereikbaarheid-bij-uitval-van-telefonie]", "[bereikbaarheid]"),
        encoding="utf-8",
    )
    (shown,) = [line for line in _blocks("text")[1].splitlines() if ": fout: " in line]
    assert [d.as_text() for d in check(root).diagnostics] == [shown]


def test_the_guides_example_ids_are_what_new_makes_of_their_titles() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    commands = re.findall(r'kennisbank new \w+ "([^"]+)"', guide)
    assert len(commands) == 4
    made = {record_id(title) for title in commands}
    files = {Path(path).stem for path in EXAMPLE_FILES.values() if "kennisbrieven" not in path}
    assert files <= made
    # Every id the examples refer to is one `new` makes, or one of the repository's records.
    existing = {path.stem for path in REPO_CONTENT.rglob("*.*")}
    referred = re.findall(r"(?:sessions|addresses): \[([\w-]+)\]|\[\[([\w/-]+)\]\]", guide)
    for ids in referred:
        ident = (ids[0] or ids[1]).rsplit("/", 1)[-1]
        assert ident in made | existing | {"id"}, ident  # [[id]] where the guide explains them
