"""The editors' contract (CONTENT_MODEL.md) documents every field the schema accepts, and the
README and the guide point to it: the file format can't grow a field nobody wrote down."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.schema import KennisbriefIntro, Process, Taxonomy, Theme
from generator.types import REGISTRY

ROOT = Path(__file__).parent.parent
CONTRACT = (ROOT / "CONTENT_MODEL.md").read_text(encoding="utf-8")
MODELS: list[type[BaseModel]] = [
    *(record_type.schema for record_type in REGISTRY),
    *(model for record_type in REGISTRY for _, model in record_type.nested),
    Taxonomy,
    Theme,
    Process,
    KennisbriefIntro,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_is_in_the_contract(model: type[BaseModel]) -> None:
    missing = [name for name in model.model_fields if f"`{name}`" not in CONTRACT]
    assert missing == [], f"{model.__name__}: document {missing} in CONTENT_MODEL.md"


def test_every_type_has_its_section() -> None:
    for record_type in REGISTRY:
        assert f"**{record_type.name}**" in CONTRACT


def test_the_readme_and_the_guide_point_to_the_contract() -> None:
    assert "(CONTENT_MODEL.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CONTENT_MODEL.md" in (ROOT / "docs" / "bijdragen.md").read_text(encoding="utf-8")
