"""The editors' path: pre-commit hook, JSON Schemas for their editor, CI that publishes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.types import REGISTRY
from tests.conftest import TreeFactory

REPO = Path(__file__).parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent


def workflow(name: str) -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_workflows_are_valid_github_workflows() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *files],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(files) == 2


def test_pull_requests_run_the_tests_and_a_strict_build_and_keep_the_site() -> None:
    data = workflow("controle.yml")
    assert set(data["on"]) == {"pull_request"}
    runs = [step.get("run", "") for step in steps(data)]
    assert "make check" in runs  # annotations on the changed lines
    assert "bash .ci/run" in runs
    assert "make site" in runs
    upload = next(s for s in steps(data) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"


def test_a_push_to_main_publishes_the_public_edition_with_the_pages_actions() -> None:
    data = workflow("publiceren.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step.get("uses", "").split("@")[0] for step in steps(data)]
    assert uses.count("actions/configure-pages") == 1
    assert uses.count("actions/upload-pages-artifact") == 1
    assert uses.count("actions/deploy-pages") == 1
    build_runs = [step.get("run") for step in data["jobs"]["build"]["steps"]]
    assert "make site" in build_runs
    assert not any("--internal" in (run or "") for run in build_runs)


def test_committed_json_schemas_are_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["schema", str(tmp_path)])
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.json")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.json")}
    assert fresh == committed, "run `make schemas` and commit the result"


def test_vscode_maps_every_schema_to_its_content_folder() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for record_type in REGISTRY:
        name = record_type.name
        assert mapping[f"./schemas/{name}.schema.json"] == [f"content/{name}/*.yml"]
    assert mapping["./schemas/taxonomy.schema.json"] == ["content/taxonomy.yml"]
    assert mapping["./schemas/kennisbrieven.schema.json"] == ["content/kennisbrieven/*.yml"]
    for schema in mapping:
        assert (REPO / schema).is_file()


def test_pre_commit_hook_blocks_a_commit_with_a_content_error(
    tree: TreeFactory, tmp_path: Path
) -> None:
    root = tree({"content/knelpunten/fout.md": "---\ntitle: Fout\nstatus: dicht\n---\n"})
    for name in (".pre-commit-config.yaml", "Makefile", "pyproject.toml"):
        shutil.copy(REPO / name, root / name)
    os.utime(root / "pyproject.toml", (0, 0))  # older than .venv's stamp: make reuses it
    (root / ".venv").symlink_to(REPO / ".venv")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [BIN / "pre-commit", "run", "--all-files"],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )

    failed = hook()
    assert failed.returncode == 1, failed.stdout
    assert "content/knelpunten/fout.md:3:9: fout: 'dicht' is geen geldige waarde" in failed.stdout
    (root / "content/knelpunten/fout.md").unlink()
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    passed = hook()
    assert passed.returncode == 0, passed.stdout


def test_make_site_installs_only_what_building_needs(tmp_path: Path) -> None:
    dry_run = subprocess.run(
        ["make", "-n", "site", f"VENV={tmp_path}/.venv"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "pip install --quiet -e ." in dry_run
    # The browser editor's files (/beheer/) are part of the site; the test tools are not.
    assert "[test]" not in dry_run and "tests/browser" not in dry_run
    requires = metadata.requires("kennisbank-bevolkingszorg") or []
    runtime = [requirement for requirement in requires if "extra ==" not in requirement]
    names = {re.split(r"[<>=!~;\[ ]", requirement)[0].lower() for requirement in runtime}
    test_tools = {"pytest", "playwright", "mypy", "ruff", "hypothesis", "zensical", "properdocs"}
    assert names and names.isdisjoint(test_tools)
