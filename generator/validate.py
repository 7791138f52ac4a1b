"""Validate: raw documents -> typed records and taxonomy, plus diagnostics.

Every pydantic error becomes a Dutch diagnostic at the offending key or value. Records that
fail stay known by id (in `known`), so references to them are not reported a second time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic
from generator.load import TAXONOMY_FILE, Loaded
from generator.messages import diagnostic, did_you_mean
from generator.model import FieldPath, Kennisbrief, Key, Position, Quarter, RawDocument, Record
from generator.schema import (
    MODELS,
    Incident,
    KennisbriefIntro,
    Practice,
    Region,
    Session,
    Taxonomy,
)
from generator.yamlsource import meaning

KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
QUARTER_PATTERN = re.compile(r"(\d{4})-q([1-4])")
MAX_PARTICIPANTS = 15
TYPE_LABELS = {
    "sessions": "een sessie",
    "practices": "een praktijk",
    "knelpunten": "een knelpunt",
    "incidents": "een standaardincident",
    "regions": "een regio",
    "projects": "een project",
}
_EXAMPLES = {
    "title": 'title: "Titel van het record"',
    "date": "date: 2016-03-15",
    "kind": "kind: regionaal",
    "regions": "regions: [utrecht, flevoland]",
    "tasks": "tasks: [{process: publieke-zorg, what: 'Wat geleverd moet worden'}]",
    "code": "code: VRU",
    "process": "process: publieke-zorg",
    "what": 'what: "Wat bevolkingszorg moet leveren"',
    "theme": "theme: zelfredzaamheid",
    "status": "status: in-uitvoering",
    "label": 'label: "Naam zoals op de site"',
}


@dataclass
class Validated:
    records: dict[Key, Record] = field(default_factory=dict)
    known: set[Key] = field(default_factory=set)
    taxonomy: Taxonomy = field(default_factory=Taxonomy)
    kennisbrieven: dict[Quarter, Kennisbrief] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def validate(loaded: Loaded) -> Validated:
    result = Validated(known=set(loaded.known))
    result.taxonomy, result.diagnostics = validate_taxonomy(loaded.taxonomy)
    codes: dict[str, str] = {}
    for raw in loaded.records:
        model = MODELS[raw.key.type]
        data, problems = validate_fields(model, raw, TYPE_LABELS[raw.key.type])
        result.diagnostics += problems
        if data is None:
            continue
        record = Record(key=raw.key, path=raw.path, data=data, raw=raw)
        result.diagnostics += _check_record(record, result.taxonomy)
        if isinstance(data, Region):
            result.diagnostics += _check_code(record, data, codes)
        result.records[raw.key] = record
    result.kennisbrieven, problems = validate_kennisbrieven(loaded.kennisbrieven)
    result.diagnostics += problems
    return result


def validate_kennisbrieven(
    documents: Iterable[RawDocument],
) -> tuple[dict[Quarter, Kennisbrief], list[Diagnostic]]:
    """Introductions by quarter; the file name must name the quarter (`2016-q1.md`)."""
    found: dict[Quarter, Kennisbrief] = {}
    problems: list[Diagnostic] = []
    for raw in documents:
        name = raw.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        matched = QUARTER_PATTERN.fullmatch(name)
        if not matched:
            problems.append(diagnostic("kennisbrief-naam", raw.path, Position(1, 1), name=name))
            continue
        quarter = Quarter(int(matched.group(1)), int(matched.group(2)))
        if quarter in found:
            other = found[quarter].path
            problems.append(
                diagnostic("dubbele-id", raw.path, Position(1, 1), id=name, other=other)
            )
            continue
        data, field_problems = validate_fields(KennisbriefIntro, raw, "een kennisbrief")
        problems += field_problems
        if data is not None:
            found[quarter] = Kennisbrief(quarter=quarter, path=raw.path, data=data, raw=raw)
    return found, problems


def validate_taxonomy(raw: RawDocument | None) -> tuple[Taxonomy, list[Diagnostic]]:
    path = f"content/{TAXONOMY_FILE}"
    if raw is None:
        return Taxonomy(), [diagnostic("taxonomie-ontbreekt", path, Position(1, 1))]
    taxonomy, problems = validate_fields(Taxonomy, raw, "de taxonomie")
    for vocabulary in ("themes", "processes"):
        entries = raw.fields.get(vocabulary)
        for key in entries if isinstance(entries, dict) else ():
            if not KEY_PATTERN.fullmatch(key):
                position = raw.position((vocabulary, key), key=True)
                problems.append(
                    diagnostic(
                        "ongeldige-sleutel", raw.path, position, key=key, suggestion=_slug(key)
                    )
                )
    if taxonomy is None:
        # Keep every well-formed entry so records using them aren't reported a second time.
        taxonomy = _salvage_taxonomy(raw.fields)
    assert isinstance(taxonomy, Taxonomy)
    return taxonomy, problems


def validate_fields(
    model: type[BaseModel], raw: RawDocument, where: str
) -> tuple[Any, list[Diagnostic]]:
    """Validate `raw.fields` against `model`; (instance or None, diagnostics)."""
    try:
        return model.model_validate(raw.fields), []
    except ValidationError as error:
        seen: set[FieldPath] = set()
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            if loc in seen:
                continue
            seen.add(loc)
            problems.append(_describe(item["type"], loc, item, raw, model, where))
        return None, problems


def _describe(
    kind: str, loc: FieldPath, error: Any, raw: RawDocument, model: type[BaseModel], where: str
) -> Diagnostic:
    name = _field_name(loc)
    value = error.get("input")
    parent = f"'{_field_name(loc[:-1])}'" if len(loc) > 1 else where
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return diagnostic(
            "onbekend-veld",
            raw.path,
            raw.position(loc, key=True),
            field=loc[-1],
            where=parent,
            suggestion=did_you_mean(str(loc[-1]), allowed),
            allowed=", ".join(allowed),
        )
    position = raw.position(loc)
    if kind == "missing":
        start = (
            raw.position(loc[:-1]) if len(loc) > 1 else raw.value_positions.get((), Position(1, 1))
        )
        return diagnostic(
            "veld-ontbreekt",
            raw.path,
            start,
            field=loc[-1],
            where=parent,
            example=_EXAMPLES.get(str(loc[-1]), f"{loc[-1]}: ..."),
        )
    if kind in _DATE_ERRORS or (kind == "date_or_year" and _looks_like_date(value)):
        return diagnostic("ongeldige-datum", raw.path, position, text=value, field=name)
    if loc in raw.plain_scalars and (
        kind == "string_type" or (kind == "literal_error" and not isinstance(value, str))
    ):
        text = raw.plain_scalars[loc]
        return diagnostic(
            "yaml-betekenis", raw.path, position, text=text, field=name, meaning=meaning(text)
        )
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        return diagnostic(
            "ongeldige-waarde",
            raw.path,
            position,
            value=value,
            field=name,
            suggestion=did_you_mean(str(value), allowed),
            allowed=", ".join(allowed),
        )
    if kind == "string_too_short" or (value is None and kind.endswith("_type")):
        return diagnostic("lege-tekst", raw.path, position, field=name)
    if kind == "too_short":
        return diagnostic(
            "te-klein",
            raw.path,
            position,
            field=name,
            problem="moet minstens één waarde bevatten",
            fix="vul er een in, bijvoorbeeld " + _EXAMPLES.get(str(loc[-1]), f"{name}: [...]"),
        )
    if kind == "greater_than_equal":
        return diagnostic(
            "te-klein",
            raw.path,
            position,
            field=name,
            problem=f"moet {error['ctx']['ge']} of meer zijn",
            fix="controleer het getal",
        )
    expected, fix = _EXPECTED.get(kind, ("een andere soort waarde", "controleer de waarde"))
    return diagnostic(
        "verkeerd-type",
        raw.path,
        position,
        field=name,
        expected=expected,
        actual=_kind_of(value),
        fix=fix,
    )


_DATE_ERRORS = frozenset(
    {"date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"}
)


def _looks_like_date(value: object) -> bool:
    return (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()) is not None
    )


_EXPECTED = {
    "string_type": ("tekst", "zet de waarde tussen aanhalingstekens"),
    "int_type": ("een geheel getal", "schrijf een getal zonder aanhalingstekens, zoals 12"),
    "list_type": (
        "een lijst",
        "schrijf de waarden als [a, b] of elk op een eigen regel met '- ' ervoor",
    ),
    "model_type": ("een groep velden", "schrijf de velden ingesprongen onder de naam"),
    "model_attributes_type": ("een groep velden", "schrijf de velden ingesprongen onder de naam"),
    "dict_type": ("een groep velden", "schrijf de velden ingesprongen onder de naam"),
    "date_type": ("een datum", "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2016-03-15"),
    "date_or_year": (
        "een datum of een jaartal",
        "schrijf een datum als JJJJ-MM-DD of alleen een jaar, zoals 2020",
    ),
}


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "een ja/nee-waarde"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, date):
        return "een datum"
    if isinstance(value, str):
        return f"de tekst '{value}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return "leeg"


def _check_record(record: Record, taxonomy: Taxonomy) -> list[Diagnostic]:
    """Vocabulary keys and the contract's warnings, on a record whose types are right."""
    raw, data, problems = record.raw, record.data, []
    problems += _check_keys(raw, ("themes",), data.themes, taxonomy.themes, "onbekend-thema")
    if isinstance(data, Incident):
        for i, task in enumerate(data.tasks):
            problems += _check_keys(
                raw, ("tasks", i, "process"), [task.process], taxonomy.processes, "onbekend-proces"
            )
    if isinstance(data, Region):
        for i, assessment in enumerate(data.progress):
            problems += _check_keys(
                raw, ("progress", i, "theme"), [assessment.theme], taxonomy.themes, "onbekend-thema"
            )
    if isinstance(data, Session):
        if data.participants is not None and data.participants > MAX_PARTICIPANTS:
            position = raw.position(("participants",))
            problems.append(
                diagnostic("te-veel-deelnemers", raw.path, position, count=data.participants)
            )
        if data.kind == "regionaal" and not 2 <= len(data.regions) <= 3:
            position = raw.position(("regions",), key=True)
            problems.append(
                diagnostic("regionaal-aantal-regios", raw.path, position, count=len(data.regions))
            )
    if isinstance(data, Practice) and not data.sessions:
        problems.append(
            diagnostic("praktijk-zonder-sessie", raw.path, raw.position(("title",), key=True))
        )
    return problems


def _check_keys(
    raw: RawDocument, path: FieldPath, values: Iterable[str], vocabulary: dict[str, Any], rule: str
) -> list[Diagnostic]:
    problems = []
    is_list = path[-1] == "themes"
    for i, value in enumerate(values):
        if value not in vocabulary:
            position = raw.position((*path, i) if is_list else path)
            problems.append(
                diagnostic(
                    rule,
                    raw.path,
                    position,
                    value=value,
                    suggestion=did_you_mean(value, vocabulary),
                )
            )
    return problems


def _check_code(record: Record, region: Region, codes: dict[str, str]) -> list[Diagnostic]:
    code = region.code.upper()
    if code in codes:
        position = record.raw.position(("code",))
        return [
            diagnostic("dubbele-code", record.path, position, code=region.code, other=codes[code])
        ]
    codes[code] = record.path
    return []


def _fields_at(model: type[BaseModel], loc: FieldPath) -> list[str]:
    """Field names of the (nested) model at `loc`, e.g. Task's fields at ('tasks', 0)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        current = _model_in(annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None


def _field_name(loc: FieldPath) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _slug(text: str) -> str:
    from generator.load import slug

    return slug(text)


def _salvage_taxonomy(fields: Any) -> Taxonomy:
    fields = fields if isinstance(fields, dict) else {}
    salvaged: dict[str, dict[str, Any]] = {}
    for vocabulary in ("themes", "processes"):
        entries = fields.get(vocabulary)
        salvaged[vocabulary] = {}
        for key, entry in entries.items() if isinstance(entries, dict) else ():
            label = entry.get("label") if isinstance(entry, dict) else None
            salvaged[vocabulary][key] = {
                "label": label if isinstance(label, str) and label else key
            }
    return Taxonomy.model_validate(salvaged)
