"""Link: typed records -> the link graph of one edition, plus diagnostics.

Resolves every reference field (region refs by id or code, any case) and every body wikilink,
builds the two-way relations and derives default dates. A reference to a record that exists
but is not in the edition being built is an error naming both files.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from generator import wikilinks
from generator.dates import PartialDate
from generator.diagnostics import Diagnostic
from generator.messages import closest, diagnostic, did_you_mean
from generator.model import (
    Graph,
    Kennisbrief,
    Key,
    Position,
    Quarter,
    RawDocument,
    Record,
    RecordType,
)
from generator.types import REGIONS, by_name
from generator.validate import Validated
from generator.vocabulary import EDITION_VISIBILITIES, Edition

_VISIBILITY_WORDS = {"internal": "intern", "draft": "een concept", "public": "openbaar"}
_EDITION_WORDS = {"public": "openbare", "internal": "interne", "preview": "voorbeeld-"}


def link(
    validated: Validated, edition: Edition = "public", today: date | None = None
) -> tuple[Graph, list[Diagnostic]]:
    records = validated.records
    visible = EDITION_VISIBILITIES[edition]
    in_edition = {key for key, record in records.items() if record.visibility in visible}
    resolver = _Resolver(records, validated.known, in_edition, edition)
    refs: dict[Key, dict[str, tuple[Key, ...]]] = {}
    backrefs: dict[Key, dict[tuple[str, str], list[Key]]] = defaultdict(lambda: defaultdict(list))
    links: dict[Key, dict[str, Key]] = {}
    for key, record in records.items():
        own = resolver.references(record)
        found = resolver.wikilinks(record.path, record.raw, key in in_edition)
        if key not in in_edition:
            continue
        refs[key] = own
        links[key] = found
        for field_name, targets in own.items():
            for target in targets:
                backrefs[target][(key.type.name, field_name)].append(key)
    dates = {key: _date(records[key], refs[key], records) for key in in_edition}
    intros = {
        quarter: intro
        for quarter, intro in sorted(validated.kennisbrieven.items())
        if intro.visibility in visible
    }
    intro_links = {
        quarter: resolver.wikilinks(intro.path, intro.raw, True)
        for quarter, intro in intros.items()
    }
    graph = Graph(
        edition=edition,
        taxonomy=validated.taxonomy,
        records={key: records[key] for key in sorted(in_edition)},
        refs=refs,
        backrefs={k: {f: tuple(v) for f, v in by.items()} for k, by in backrefs.items()},
        wikilinks=links,
        dates=dates,
        kennisbrieven=intros,
        intro_links=intro_links,
        today=today or date.today(),
    )
    return graph, [*resolver.diagnostics, *_empty_quarters(intros, dates)]


def _empty_quarters(
    intros: dict[Quarter, Kennisbrief], dates: dict[Key, PartialDate | None]
) -> list[Diagnostic]:
    """An introduction to a quarter without new records is most likely misnamed."""
    quarters = {Quarter.of(day) for day in dates.values() if day}
    return [
        diagnostic("kennisbrief-zonder-records", intro.path, Position(1, 1), quarter=quarter.label)
        for quarter, intro in intros.items()
        if quarter not in quarters
    ]


class _Resolver:
    def __init__(
        self,
        records: dict[Key, Record[Any]],
        known: set[Key],
        in_edition: set[Key],
        edition: Edition,
    ) -> None:
        self.records = records
        self.known = known
        self.in_edition = in_edition
        self.edition = edition
        self.diagnostics: list[Diagnostic] = []
        self.ids: dict[RecordType[Any], list[str]] = defaultdict(list)
        self.by_id: dict[str, list[Key]] = defaultdict(list)
        for key in sorted(known):
            self.ids[key.type].append(key.id)
            self.by_id[key.id].append(key)
        # A region may be named by its code too, in any case.
        self.codes = {
            record.data.code.lower(): key for key, record in records.items() if key.type is REGIONS
        }

    def references(self, record: Record[Any]) -> dict[str, tuple[Key, ...]]:
        resolved: dict[str, tuple[Key, ...]] = {}
        for field_name, target_name in record.key.type.references.items():
            target_type = _type(target_name)
            value = getattr(record.data, field_name)
            values = [value] if isinstance(value, str) else list(value or ())
            targets: list[Key] = []
            for index, ref in enumerate(values):
                path = (field_name,) if isinstance(value, str) else (field_name, index)
                position = record.raw.position(path)
                target = self.resolve(record, field_name, ref, target_type, position)
                if target and target not in targets:
                    targets.append(target)
            resolved[field_name] = tuple(targets)
        return resolved

    def resolve(
        self,
        record: Record[Any],
        field_name: str,
        ref: str,
        target_type: RecordType[Any],
        position: Position,
    ) -> Key | None:
        key = Key(target_type, ref)
        if target_type is REGIONS and key not in self.known:
            key = self.codes.get(ref.lower(), Key(target_type, ref.lower()))
        if key not in self.known:
            suggestions = closest(ref, self.ids[target_type])
            codes = " of de regiocode, zoals VRU" if target_type is REGIONS else ""
            self.diagnostics.append(
                diagnostic(
                    "onbekende-verwijzing",
                    record.path,
                    position,
                    ref=ref,
                    field=field_name,
                    target=target_type.missing,
                    suggestion=_suggest(suggestions),
                    codes=codes,
                )
            )
            return None
        return self.check_edition(
            record.path, record.key in self.in_edition, field_name, ref, key, position
        )

    def check_edition(
        self,
        source: str,
        source_in_edition: bool,
        field_name: str,
        ref: str,
        key: Key,
        position: Position,
    ) -> Key | None:
        """`key` when the edition holds it; reported when a record in the edition refers to a
        record that is not (a record outside the edition may: it isn't published)."""
        if key not in self.records:  # failed validation: already reported there
            return None
        if key in self.in_edition:
            return key
        if source_in_edition:
            target = self.records[key]
            self.diagnostics.append(
                diagnostic(
                    "verwijzing-niet-in-editie",
                    source,
                    position,
                    ref=ref,
                    field=field_name,
                    target_path=target.path,
                    visibility=_VISIBILITY_WORDS[target.visibility],
                    edition=_EDITION_WORDS[self.edition],
                )
            )
        return None

    def wikilinks(self, source: str, raw: RawDocument, in_edition: bool) -> dict[str, Key]:
        """The `[[target]]` links in a body (a record's or a kennisbrief's), resolved."""
        found: dict[str, Key] = {}
        for link_ in wikilinks.find(raw.body):
            position = Position(raw.body_line + link_.line, link_.column + 1)
            key = self.wikilink(source, in_edition, link_.target, position)
            if key:
                found[link_.target] = key
        return found

    def wikilink(
        self, source: str, in_edition: bool, target: str, position: Position
    ) -> Key | None:
        type_name, _, ident = target.rpartition("/")
        if type_name:
            record_type = by_name(type_name)
            candidates = [Key(record_type, ident)] if record_type else []
            candidates = [k for k in candidates if k in self.known]
        else:
            candidates = self.by_id.get(ident, [])
        if len(candidates) > 1:
            listed = ", ".join(f"{k.type.name}/{k.id}" for k in candidates)
            example = f"{candidates[0].type.name}/{candidates[0].id}"
            self.diagnostics.append(
                diagnostic(
                    "dubbelzinnige-wikilink",
                    source,
                    position,
                    target=target,
                    candidates=listed,
                    example=example,
                )
            )
            return None
        if not candidates:
            every = (
                [f"{k.type.name}/{k.id}" for k in sorted(self.known)]
                if type_name
                else list(self.by_id)
            )
            suggestion = did_you_mean(target, every)
            self.diagnostics.append(
                diagnostic(
                    "onbekende-wikilink",
                    source,
                    position,
                    target=target,
                    suggestion=suggestion,
                )
            )
            return None
        return self.check_edition(
            source, in_edition, "tekst", f"[[{target}]]", candidates[0], position
        )


def _suggest(suggestions: list[str]) -> str:
    if not suggestions:
        return ""
    return " (bedoelde u " + " of ".join(f"'{s}'" for s in suggestions) + "?)"


def _type(name: str) -> RecordType[Any]:
    found = by_name(name)
    if found is None:  # pragma: no cover - tests/test_types.py checks every reference
        raise LookupError(f"no record type named {name!r}")
    return found


def _date(
    record: Record[Any], refs: dict[str, tuple[Key, ...]], records: dict[Key, Record[Any]]
) -> PartialDate | None:
    """The record's own date or, without one, the earliest of the records its type names
    (a practice: its sessions')."""
    record_type = record.key.type
    own = record_type.own_date(record.data)
    if own is not None or record_type.date_from is None:
        return own
    found = (records[k].key.type.own_date(records[k].data) for k in refs[record_type.date_from])
    return min((day for day in found if day is not None), default=None)
