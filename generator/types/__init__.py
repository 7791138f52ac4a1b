"""The registry of record types: every step reads a type's folder, schema, names, references,
checks and page from its `RecordType` here, so a type lives in one module.

To add a type: write generator/types/<name>.py after the model of the others, and list it
below (README, "How to extend"). tests/test_types.py walks every type through every step.
"""

from __future__ import annotations

from typing import Any

from generator.model import RecordType
from generator.types.incidents import INCIDENTS
from generator.types.knelpunten import KNELPUNTEN
from generator.types.practices import PRACTICES
from generator.types.projects import PROJECTS
from generator.types.regions import REGIONS
from generator.types.sessions import SESSIONS

# In the contract's order: folders, the guide and the JSON Schemas follow it.
REGISTRY: tuple[RecordType[Any], ...] = (
    SESSIONS,
    PRACTICES,
    KNELPUNTEN,
    INCIDENTS,
    REGIONS,
    PROJECTS,
)
# The order in which visitors meet the sections: home page, theme pages, kennisbrief.
SECTION_ORDER: tuple[RecordType[Any], ...] = (
    PRACTICES,
    SESSIONS,
    KNELPUNTEN,
    INCIDENTS,
    REGIONS,
    PROJECTS,
)
BY_NAME: dict[str, RecordType[Any]] = {record_type.name: record_type for record_type in REGISTRY}


def by_name(name: str) -> RecordType[Any] | None:
    """The type whose folder is `name`."""
    return BY_NAME.get(name)


def by_alias(name: str) -> RecordType[Any] | None:
    """The type an editor means by `name`: its folder or a Dutch name (`praktijk`)."""
    lowered = name.lower()
    return next((t for t in REGISTRY if lowered == t.name or lowered in t.aliases), None)


__all__ = [
    "BY_NAME",
    "INCIDENTS",
    "KNELPUNTEN",
    "PRACTICES",
    "PROJECTS",
    "REGIONS",
    "REGISTRY",
    "SECTION_ORDER",
    "SESSIONS",
    "by_alias",
    "by_name",
]
