"""Scaffolding for `kennisbank new`: a new record file with every field explained.

The text is generated from the schema (field names, whether required, Dutch descriptions), so
the scaffold can't drift from what the validator accepts. New records start as drafts, and
nothing is filled in that the editor did not say: no date, no default.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.fields import FieldInfo

from generator.load import slug
from generator.model import RecordType


def record_id(title: str) -> str:
    return slug(title)


def scaffold(record_type: RecordType[Any], title: str) -> str:
    """The text of a new record file of `record_type` titled `title`: the fields the type
    requires, to fill in, and every optional one as a comment. No date is made up: a session's
    date is left to fill in, and a practice or knelpunt takes its sessions' date."""
    model = record_type.schema
    placeholders = record_type.scaffold.placeholders
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    lines.append("visibility: draft  # concept; verwijder deze regel om te publiceren")
    optional = []
    for name, info in model.model_fields.items():
        if name in ("title", "visibility"):
            continue
        if info.is_required():
            value = placeholders.get(name, '""')
            first, _, rest = value.partition("\n")
            lines.append(f"{name}: {first}".rstrip() + f"  # verplicht: {_describe(info)}")
            lines += rest.split("\n") if rest else []
        else:
            empty = " []" if _is_list(info) else ""
            optional.append(f"# {name}:{empty}  # {_describe(info)}")
    lines += ["# Optionele velden (haal '# ' weg om te gebruiken):", *optional, "---", ""]
    return "\n".join(lines) + record_type.scaffold.body


def _describe(info: FieldInfo) -> str:
    return info.description or ""


def _is_list(info: FieldInfo) -> bool:
    return "list[" in str(info.annotation)
