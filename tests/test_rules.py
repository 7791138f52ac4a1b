"""Golden cases: one YAML file per rule in tests/cases/, pinning exact messages and positions.

Each case adds files to the clean base tree; `kennisbank check` must print exactly `expect`.
Set UPDATE_CASES=1 to rewrite the expectations after a deliberate message change: files stay
block scalars and each expected line one line, so the case stays readable and its diff small.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.messages import RULES
from generator.pipeline import check
from tests.conftest import make_tree

CASES = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES.glob("*.yml"))


class _CaseDumper(yaml.SafeDumper):
    """Multi-line strings as `|` blocks, as a person writes a case."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML falls back to a quoted string where a block can't hold the text exactly.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_CaseDumper.add_representer(str, _text)


def dump_case(case: dict[str, Any]) -> str:
    return yaml.dump(case, Dumper=_CaseDumper, allow_unicode=True, sort_keys=False, width=10_000)


def run_case(case: dict[str, Any], root: Path) -> list[str]:
    """Write the case's files into a copy of the base tree and check it. Besides `files` a
    case may make what text can't say: `symlinks` (path: target), `fifos` (paths) and `large`
    (path: size in bytes of a file of valid frontmatter and a long body)."""
    make_tree(root, case.get("files", {}), encoding=case.get("encoding", "utf-8"))
    for link, target in case.get("symlinks", {}).items():
        (root / link).symlink_to(target)
    for fifo in case.get("fifos", []):
        os.mkfifo(root / fifo)
    for path, size in case.get("large", {}).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix in (".md", ".yml"):
            head = "---\ntitle: Groot\nsessions: [sessie-midden]\n---\n"
            target.write_text(head + "tekst " * (size // 6), encoding="utf-8")
        else:
            target.write_bytes(b"%PDF-1.4\n" + b"0" * size)
    checked = check(root, case.get("edition", "public"))
    return [d.as_text() for d in checked.diagnostics]


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.stem)
def test_case(case_file: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    actual = run_case(case, tmp_path)
    if os.environ.get("UPDATE_CASES"):
        case["expect"] = actual
        case_file.write_text(dump_case(case), encoding="utf-8")
    assert actual == case["expect"]


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.stem)
def test_a_rewritten_case_reads_back_the_same(case_file: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    assert yaml.safe_load(dump_case(case)) == case


def test_base_tree_is_clean(tmp_path: Path) -> None:
    checked = check(make_tree(tmp_path))
    assert checked.diagnostics == []
    assert len(checked.graph.records) == 8


def test_every_rule_has_a_case_named_after_it() -> None:
    assert {path.stem for path in CASE_FILES} >= set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_is_produced_by_its_case(rule: str, tmp_path: Path) -> None:
    case = yaml.safe_load((CASES / f"{rule}.yml").read_text(encoding="utf-8"))
    produced = run_case(case, tmp_path)
    assert any(f": {RULES[rule].severity}: " in line for line in produced)
    checked_rules = {d.rule for d in check(tmp_path).diagnostics}
    assert rule in checked_rules
