"""Scaffolding for `kennisbank new`: a new record file with every field explained.

The text is generated from the schema (field names, whether required, Dutch descriptions), so
the scaffold can't drift from what the validator accepts. New records start as drafts.
"""

from __future__ import annotations

import json
from datetime import date

from pydantic.fields import FieldInfo

from generator.load import slug
from generator.model import RECORD_TYPES, RecordType
from generator.schema import MODELS

# Editors may name a type in Dutch or by its folder.
TYPE_NAMES: dict[str, RecordType] = {
    **{record_type: record_type for record_type in RECORD_TYPES},
    "sessie": "sessions",
    "sessies": "sessions",
    "praktijk": "practices",
    "praktijken": "practices",
    "knelpunt": "knelpunten",
    "incident": "incidents",
    "incidenten": "incidents",
    "regio": "regions",
    "regios": "regions",
    "project": "projects",
    "projecten": "projects",
}

# Values for required fields that the editor must still fill in; the check points at them.
_REQUIRED_PLACEHOLDERS: dict[str, str] = {
    "kind": "regionaal",
    "regions": "[]",
    "code": '""',
    "tasks": '\n  - process: publieke-zorg\n    what: ""',  # a first task to copy
}
_BODIES: dict[RecordType, str] = {
    "sessions": "## Aanleiding\n\n## Wat is besproken\n\n## Opbrengst\n",
    "practices": "## Wat het is\n\n## Waarom het werkt\n\n## Zo pas je het toe\n",
    "knelpunten": "## Wat er knelt\n\n## Mogelijke oplossingen\n",
    "incidents": "> **Concept.** Deze uitwerking is geen vastgesteld beleid.\n\n## Situatie\n",
    "regions": "",
    "projects": "## Doel\n\n## Aanpak\n\n## Resultaten\n",
}


def record_id(title: str) -> str:
    return slug(title)


def scaffold(record_type: RecordType, title: str, today: date) -> str:
    """The text of a new record file of `record_type` titled `title`."""
    model = MODELS[record_type]
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    lines.append("visibility: draft  # concept; verwijder deze regel om te publiceren")
    optional = []
    for name, info in model.model_fields.items():
        if name in ("title", "visibility"):
            continue
        if name == "date":
            lines.append(f"date: {today.isoformat()}  # {_describe(info)}")
        elif info.is_required():
            value = _REQUIRED_PLACEHOLDERS.get(name, '""')
            first, _, rest = value.partition("\n")
            lines.append(f"{name}: {first}".rstrip() + f"  # verplicht: {_describe(info)}")
            lines += rest.split("\n") if rest else []
        else:
            empty = " []" if _is_list(info) else ""
            optional.append(f"# {name}:{empty}  # {_describe(info)}")
    lines += ["# Optionele velden (haal '# ' weg om te gebruiken):", *optional, "---", ""]
    return "\n".join(lines) + _BODIES[record_type]


def _describe(info: FieldInfo) -> str:
    return info.description or ""


def _is_list(info: FieldInfo) -> bool:
    return "list[" in str(info.annotation)
