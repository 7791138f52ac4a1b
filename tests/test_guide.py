"""The editor guide can't drift: every rule and every field is documented in it."""

from __future__ import annotations

import pytest

from generator.guide import fields_page, guide_pages, messages_page
from generator.messages import RULES
from generator.schema import MODELS, Assessment, Task, Taxonomy


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_has_its_own_section_with_explanation(rule: str) -> None:
    page = messages_page()
    assert f"## {rule} {{#{rule}}}" in page
    assert RULES[rule].explanation in page


def test_every_field_of_every_type_is_in_the_fields_page() -> None:
    page = fields_page()
    for model in [*MODELS.values(), Task, Assessment, Taxonomy]:
        for name, info in model.model_fields.items():
            assert f"| `{name}` |" in page
            assert info.description, f"{model.__name__}.{name} has no description"


def test_message_patterns_hide_the_placeholders() -> None:
    page = messages_page()
    assert "{" not in page.replace("{#", "")
    assert "> onbekend veld '…' bij ……; toegestane velden: …" in page


def test_guide_pages_are_addressed_under_bijdragen() -> None:
    assert set(guide_pages()) == {"bijdragen/velden.md", "bijdragen/meldingen.md"}
