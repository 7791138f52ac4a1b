"""Shared fixtures: small content trees built from tests/fixtures/base plus per-test files."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BASE_TREE = FIXTURES / "base"

TreeFactory = Callable[..., Path]


def make_tree(
    target: Path,
    files: Mapping[str, str | bytes | None] | None = None,
    *,
    base: Path = BASE_TREE,
    encoding: str = "utf-8",
) -> Path:
    """Copy the base content tree to `target`, then write (or delete, for None) `files`."""
    shutil.copytree(base, target, dirs_exist_ok=True)
    for relative, text in (files or {}).items():
        path = target / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return target


@pytest.fixture
def tree(tmp_path: Path) -> TreeFactory:
    """`tree({"content/x.md": "..."})` -> a project root with the base tree plus those files."""

    def factory(files: Mapping[str, str | bytes | None] | None = None, **options: object) -> Path:
        return make_tree(tmp_path / "project", files, **options)  # type: ignore[arg-type]

    return factory


# Real site builds, shared by tests/test_site*.py.
pytest_plugins = ["tests.site_fixtures"]
