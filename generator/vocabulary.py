"""The closed vocabularies of the content model, each defined once with its Dutch labels.

A `Literal` is the type the schema validates against; its values come from `typing.get_args`,
so the schema, the labels, the guide and every select list read the same source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

Visibility = Literal["public", "internal", "draft"]
Edition = Literal["public", "internal", "preview"]
ProgressVisibility = Literal["public", "internal"]
SessionKind = Literal["regionaal", "thematisch", "leerarena", "pilot"]
PracticeKind = Literal["good-practice", "tip", "product"]
PracticeStatus = Literal["idee", "toegepast", "beproefd"]
KnelpuntStatus = Literal["open", "in-behandeling", "opgelost"]
ProgressStatus = Literal["niet-gestart", "in-voorbereiding", "in-uitvoering", "gerealiseerd"]
UseFor = Literal["draaiboek", "oefenen", "evalueren", "opleiden"]


@dataclass(frozen=True)
class Vocabulary:
    """The values of one `Literal`, in its order, with the label visitors read for each."""

    values: tuple[str, ...]
    labels: Mapping[str, str]

    @classmethod
    def of(cls, literal: Any, labels: Mapping[str, str]) -> Vocabulary:
        values = get_args(literal)
        if set(labels) != set(values):  # a value without a label, or a label without a value
            raise ValueError(f"labels {sorted(labels)} do not match {values}")
        return cls(values, labels)

    def label(self, value: str) -> str:
        return self.labels.get(value, value)


VISIBILITIES: tuple[Visibility, ...] = get_args(Visibility)
EDITIONS: tuple[Edition, ...] = get_args(Edition)


def edition_named(name: str) -> Edition:
    """The edition called `name` (a configuration value), typed as one."""
    for edition in EDITIONS:
        if edition == name:
            return edition
    raise ValueError(f"no edition named {name!r}")


# Which record visibilities each edition contains.
EDITION_VISIBILITIES: Mapping[Edition, frozenset[Visibility]] = {
    "public": frozenset({"public"}),
    "internal": frozenset({"public", "internal"}),
    "preview": frozenset({"public", "internal", "draft"}),
}

SESSION_KIND = Vocabulary.of(
    SessionKind,
    {
        "regionaal": "Regionale sessie",
        "thematisch": "Thematische sessie",
        "leerarena": "Leerarena",
        "pilot": "Pilot",
    },
)
PRACTICE_KIND = Vocabulary.of(
    PracticeKind,
    {"good-practice": "Goed voorbeeld", "tip": "Tip", "product": "Versterkingsproduct"},
)
PRACTICE_STATUS = Vocabulary.of(
    PracticeStatus, {"idee": "Idee", "toegepast": "Toegepast", "beproefd": "Beproefd"}
)
KNELPUNT_STATUS = Vocabulary.of(
    KnelpuntStatus, {"open": "Open", "in-behandeling": "In behandeling", "opgelost": "Opgelost"}
)
PROGRESS_STATUS = Vocabulary.of(
    ProgressStatus,
    {
        "niet-gestart": "Niet gestart",
        "in-voorbereiding": "In voorbereiding",
        "in-uitvoering": "In uitvoering",
        "gerealiseerd": "Gerealiseerd",
    },
)
VISIBILITY = Vocabulary.of(
    Visibility, {"public": "Openbaar", "internal": "Intern", "draft": "Concept"}
)
PROGRESS_VISIBILITY = Vocabulary.of(
    ProgressVisibility, {"public": "Openbaar", "internal": "Alleen intern"}
)
USE_FOR = Vocabulary.of(
    UseFor,
    {
        "draaiboek": "Draaiboek",
        "oefenen": "Oefenen",
        "evalueren": "Evalueren",
        "opleiden": "Opleiden",
    },
)


# Every closed vocabulary of the content, for what looks one up by its values (the form's
# select lists in generator/cms.py).
VOCABULARIES: tuple[Vocabulary, ...] = (
    VISIBILITY,
    PROGRESS_VISIBILITY,
    SESSION_KIND,
    PRACTICE_KIND,
    PRACTICE_STATUS,
    KNELPUNT_STATUS,
    PROGRESS_STATUS,
    USE_FOR,
)


def vocabulary_of(values: Sequence[str]) -> Vocabulary | None:
    """The vocabulary whose values are `values`, in any order."""
    return next((v for v in VOCABULARIES if set(v.values) == set(values)), None)


def shows_region_progress(edition: Edition, progress_visibility: ProgressVisibility) -> bool:
    """Region-level progress is for the region first: the public edition names a region's
    status only when the region chose `progress_visibility: public`; otherwise it counts there
    only as one of the regions that assessed a theme (generator/progress.py)."""
    return edition != "public" or progress_visibility == "public"
