"""Validate: raw documents -> typed records and taxonomy, plus diagnostics.

Every pydantic error becomes a Dutch diagnostic at the offending key or value. Records that
fail stay known by id (in `known`), so references to them are not reported a second time.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import markup
from generator.diagnostics import Diagnostic
from generator.load import Loaded
from generator.messages import RULES, diagnostic, did_you_mean
from generator.model import (
    Attachment,
    FieldPath,
    Kennisbrief,
    Key,
    Position,
    Quarter,
    RawDocument,
    RawRecord,
    Record,
)
from generator.schema import KennisbriefIntro, Taxonomy
from generator.types import REGIONS, REGISTRY
from generator.types.checks import unknown_keys
from generator.yamlsource import meaning

KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
# An abbreviation is found on the pages as a word of its own (\b on both sides).
ABBREVIATION_PATTERN = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")
QUARTER_PATTERN = re.compile(r"(\d{4})-q([1-4])")
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
    records: dict[Key, Record[Any]] = field(default_factory=dict)
    known: set[Key] = field(default_factory=set)
    taxonomy: Taxonomy = field(default_factory=Taxonomy)
    kennisbrieven: dict[Quarter, Kennisbrief] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Records whose fields are invalid: reported, left out of the graph, but link still checks
    # their references and wikilinks, so one round tells every problem of a file.
    failed: list[RawRecord] = field(default_factory=list)
    # Region codes of regions that could not be validated (or read): references to them by
    # code are not reported a second time.
    failed_codes: dict[str, Key] = field(default_factory=dict)
    taxonomy_known: bool = True  # False when taxonomy.yml could not be read: no vocabulary check
    attachments: dict[str, Attachment] = field(default_factory=dict)  # content/bijlagen/, by path


def validate(loaded: Loaded) -> Validated:
    result = Validated(
        known=set(loaded.known),
        failed_codes=dict(loaded.region_codes),
        attachments=dict(loaded.attachments),
    )
    result.taxonomy, result.diagnostics = validate_taxonomy(loaded.taxonomy, loaded.taxonomy_path)
    if loaded.taxonomy is None and loaded.taxonomy_present:
        result.taxonomy_known = False
        result.diagnostics = [d for d in result.diagnostics if d.rule != "taxonomie-ontbreekt"]
    taxonomy = result.taxonomy if result.taxonomy_known else None
    for raw in loaded.records:
        record_type = raw.key.type
        data, problems = validate_fields(record_type.schema, raw, record_type.where)
        result.diagnostics += problems
        result.diagnostics += check_body(raw)
        result.diagnostics += check_acknowledged(raw)
        themes = data.themes if data is not None else _strings(raw.fields.get("themes"))
        if taxonomy is not None:
            result.diagnostics += unknown_keys(
                raw, ("themes",), themes, taxonomy.themes, "onbekend-thema"
            )
        if data is None:
            result.failed.append(raw)
            code = raw.fields.get("code")
            if record_type is REGIONS and isinstance(code, str):
                result.failed_codes[code.lower()] = raw.key
            continue
        record = Record(key=raw.key, path=raw.path, data=data, raw=raw)
        if record_type.check:
            result.diagnostics += record_type.check(record, taxonomy)
        result.records[raw.key] = record
    for record_type in REGISTRY:
        if record_type.check_all:
            of_type = [r for r in result.records.values() if r.key.type is record_type]
            result.diagnostics += record_type.check_all(of_type, result.records)
    result.kennisbrieven, problems = validate_kennisbrieven(loaded.kennisbrieven)
    result.diagnostics += problems
    return result


def check_acknowledged(raw: RawDocument) -> list[Diagnostic]:
    """Only warnings can be acknowledged, each by its name."""
    warnings = sorted(rule.id for rule in RULES.values() if rule.severity == "waarschuwing")
    problems = []
    for index, value in enumerate(_strings(raw.fields.get("acknowledged"))):
        if value not in warnings:
            position = raw.position(("acknowledged", index))
            suggestion = did_you_mean(value, warnings)
            allowed = ", ".join(warnings)
            problems.append(
                diagnostic(
                    "onbekende-waarschuwing",
                    raw.path,
                    position,
                    value=value,
                    suggestion=suggestion,
                    allowed=allowed,
                )
            )
    return problems


def acknowledged(raw: RawDocument) -> frozenset[str]:
    """The warnings the editor accepted for this file."""
    return frozenset(_strings(raw.fields.get("acknowledged")))


def _strings(value: Any) -> list[str]:
    """The texts of a list as YAML gave it (for checks on a record that failed validation)."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return []


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
        problems += check_body(raw)
        problems += check_acknowledged(raw)
        if data is not None:
            found[quarter] = Kennisbrief(quarter=quarter, path=raw.path, data=data, raw=raw)
    return found, problems


def validate_taxonomy(raw: RawDocument | None, path: str) -> tuple[Taxonomy, list[Diagnostic]]:
    if raw is None:
        return Taxonomy(), [diagnostic("taxonomie-ontbreekt", path, Position(1, 1))]
    taxonomy, problems = validate_fields(Taxonomy, raw, "de taxonomie")
    invalid: dict[str, set[str]] = {"themes": set(), "processes": set()}
    for vocabulary in invalid:
        entries = raw.fields.get(vocabulary)
        for key, entry in entries.items() if isinstance(entries, dict) else ():
            if KEY_PATTERN.fullmatch(key):
                continue
            invalid[vocabulary].add(key)
            # A blank key has nothing to go by but its label.
            label = entry.get("label") if isinstance(entry, dict) else None
            source = key if key.strip() or not isinstance(label, str) else label
            position = raw.position((vocabulary, key), key=True)
            problems.append(
                diagnostic(
                    "ongeldige-sleutel", raw.path, position, key=key, suggestion=_slug(source)
                )
            )
    abbreviations = raw.fields.get("abbreviations")
    for key in abbreviations if isinstance(abbreviations, dict) else ():
        if isinstance(key, str) and ABBREVIATION_PATTERN.fullmatch(key):
            continue
        invalid.setdefault("abbreviations", set()).add(key)
        position = raw.position(("abbreviations", key), key=True)
        problems.append(diagnostic("ongeldige-afkorting", raw.path, position, key=key))
    if taxonomy is None:
        # Keep every well-formed entry so records using them aren't reported a second time.
        taxonomy = _salvage_taxonomy(raw.fields)
    assert isinstance(taxonomy, Taxonomy)
    # An invalid key is reported above and never reaches a page (it would be its address).
    valid = {
        vocabulary: {k: v for k, v in getattr(taxonomy, vocabulary).items() if k not in keys}
        for vocabulary, keys in invalid.items()
    }
    return taxonomy.model_copy(update=valid), problems


def check_body(raw: RawDocument) -> list[Diagnostic]:
    """What the site does not allow in a Markdown body, each at its place in the file."""
    problems = []
    for found in markup.findings(raw.body):
        position = Position(raw.body_line + found.line, found.column + 1)
        text = " ".join(found.text.split())
        if found.kind == "html":
            shown = text if len(text) <= 60 else text[:59] + "…"
            problems.append(diagnostic("html-in-tekst", raw.path, position, html=shown))
        elif found.kind == "attributes":
            problems.append(diagnostic("attributen-in-tekst", raw.path, position, attributes=text))
        elif found.kind == "link":
            scheme = markup.scheme_of(found.text)
            problems.append(
                diagnostic("onveilige-link", raw.path, position, url=text, scheme=scheme)
            )
        else:
            problems.append(diagnostic("externe-afbeelding", raw.path, position, url=text))
    return problems


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
    empty = value is None or (isinstance(value, str) and not value.strip())
    if kind == "string_too_short" or (empty and (kind.endswith("_type") or kind == "partial_date")):
        required = _is_required(model, loc)
        example = _EXAMPLES.get(str(loc[-1]), f"{loc[-1]}: ...")
        fix = (
            f"vul het in, bijvoorbeeld {example}"
            if required
            else ("vul het in of laat het veld weg")
        )
        return diagnostic("lege-tekst", raw.path, position, field=name, fix=fix)
    if kind == "partial_date" and _looks_like_date(value):
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


def _looks_like_date(value: object) -> bool:
    """Meant as a date but no real one: 2016-02-30, 2016-13, or a year out of range."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 1000 <= value <= 9999
    return (
        isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", value.strip()) is not None
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
    "partial_date": (
        "een datum",
        "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2016-03-15, of als JJJJ-MM of JJJJ als "
        "alleen de maand of het jaar bekend is",
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


def _fields_at(model: type[BaseModel], loc: FieldPath) -> list[str]:
    """Field names of the (nested) model at `loc`, e.g. Task's fields at ('tasks', 0)."""
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []


def _is_required(model: type[BaseModel], loc: FieldPath) -> bool:
    """Whether the field at `loc` must be given (a record's `title`, a task's `what`)."""
    parent = _model_at(model, loc[:-1])
    info = parent.model_fields.get(str(loc[-1])) if parent and loc else None
    return bool(info and info.is_required())


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    """The (nested) model at `loc`: Task at ('tasks', 0), Theme at ('themes', 'oefenen').
    List indexes and mapping keys are not fields."""
    current: type[BaseModel] | None = model
    is_key = False
    for part in loc:
        if isinstance(part, int) or is_key:
            is_key = False
            continue
        info = current.model_fields.get(part) if current else None
        if info is None:
            return None
        is_key = _has_mapping(info.annotation)
        current = _model_in(info.annotation)
    return current


def _has_mapping(annotation: Any) -> bool:
    if typing.get_origin(annotation) is dict:
        return True
    return any(_has_mapping(arg) for arg in typing.get_args(annotation))


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
    salvaged: dict[str, Any] = {}
    for vocabulary in ("themes", "processes"):
        entries = fields.get(vocabulary)
        salvaged[vocabulary] = {}
        for key, entry in entries.items() if isinstance(entries, dict) else ():
            label = entry.get("label") if isinstance(entry, dict) else None
            salvaged[vocabulary][key] = {
                "label": label if isinstance(label, str) and label else key
            }
    abbreviations = fields.get("abbreviations")
    if isinstance(abbreviations, dict):
        salvaged["abbreviations"] = {
            k: v.strip()
            for k, v in abbreviations.items()
            if isinstance(k, str) and isinstance(v, str) and v.strip()
        }
    contacts = fields.get("public_contacts")
    if isinstance(contacts, list):
        salvaged["public_contacts"] = [c for c in contacts if isinstance(c, str)]
    return Taxonomy.model_validate(salvaged)
