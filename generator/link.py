"""Link: typed records -> the link graph of one edition, plus diagnostics.

Resolves every reference field (region refs by id or code, any case) and every body wikilink,
builds the two-way relations and derives default dates. A reference to a record that exists
but is not in the edition being built is an error naming both files.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from generator import attachments, markup, wikilinks
from generator.dates import PartialDate
from generator.diagnostics import Diagnostic
from generator.messages import closest, diagnostic, did_you_mean
from generator.model import (
    Attachment,
    Graph,
    Kennisbrief,
    Key,
    Position,
    Quarter,
    RawDocument,
    RawRecord,
    Record,
    RecordType,
)
from generator.types import REGIONS, by_name
from generator.validate import Validated
from generator.vocabulary import EDITION_VISIBILITIES, VISIBILITIES, Edition, Visibility

_VISIBILITY_WORDS = {"internal": "intern", "draft": "een concept", "public": "openbaar"}
_EDITION_WORDS = {"public": "openbare", "internal": "interne", "preview": "voorbeeld-"}


def link(
    validated: Validated, edition: Edition = "public", today: date | None = None
) -> tuple[Graph, list[Diagnostic]]:
    records = validated.records
    visible = EDITION_VISIBILITIES[edition]
    in_edition = {key for key, record in records.items() if record.visibility in visible}
    resolver = _Resolver(records, validated.known, in_edition, edition, validated.failed_codes)
    refs: dict[Key, dict[str, tuple[Key, ...]]] = {}
    backrefs: dict[Key, dict[tuple[str, str], list[Key]]] = defaultdict(lambda: defaultdict(list))
    links: dict[Key, dict[str, Key]] = {}
    files = _Files(validated.attachments)
    for raw in validated.failed:  # reported already; what else is wrong in it is said now too
        in_it = _visibility(raw.fields.get("visibility")) in visible
        resolver.references(raw, raw.fields, in_it)
        resolver.wikilinks(raw.path, raw, in_it)
        files.linked_from(raw, published=False)
    for key, record in records.items():
        values = {name: getattr(record.data, name) for name in key.type.references}
        own = resolver.references(record.raw, values, key in in_edition)
        found = resolver.wikilinks(record.path, record.raw, key in in_edition)
        files.linked_from(record.raw, published=key in in_edition)
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
    for quarter, intro in validated.kennisbrieven.items():
        files.linked_from(intro.raw, published=quarter in intros)
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
        attachments=files.published,
        today=today or date.today(),
    )
    problems = [*resolver.diagnostics, *files.diagnostics, *files.unused()]
    return graph, [*problems, *_empty_quarters(intros, dates)]


class _Files:
    """The attachments bodies link to: each link must name one, and only those that a
    document of the edition names are published."""

    def __init__(self, found: dict[str, Attachment]) -> None:
        self.found = found
        self.used: set[str] = set()
        self.published: dict[str, Attachment] = {}
        self.diagnostics: list[Diagnostic] = []

    def linked_from(self, raw: RawDocument, *, published: bool) -> None:
        for link_ in markup.local_targets(raw.body):
            position = Position(raw.body_line + link_.line, link_.column + 1)
            if link_.kind == "anchor":
                self.diagnostics.append(
                    diagnostic("onbekend-anker", raw.path, position, anchor=link_.text)
                )
                continue
            path = attachments.target(raw.path, link_.text)
            attachment = self.found.get(path)
            if attachment is None:
                suggestion = _record_link(path) or attachments.suggestion(
                    raw.path, link_.text, self.found
                )
                self.diagnostics.append(
                    diagnostic(
                        "onbekende-bijlage",
                        raw.path,
                        position,
                        url=link_.text,
                        target=path,
                        suggestion=suggestion,
                    )
                )
                continue
            self.used.add(path)
            if published:
                self.published[attachment.site_path] = attachment

    def unused(self) -> list[Diagnostic]:
        return [
            diagnostic("ongebruikte-bijlage", path, Position(1, 1))
            for path in sorted(set(self.found) - self.used)
        ]


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
        failed_codes: dict[str, Key],
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
            **failed_codes,
            **{r.data.code.lower(): k for k, r in records.items() if k.type is REGIONS},
        }

    def references(
        self, raw: RawRecord, fields: Mapping[str, Any], in_edition: bool
    ) -> dict[str, tuple[Key, ...]]:
        """The records each reference field of `raw` names (`fields`: its validated values, or
        the raw ones of a record that failed, of which only the texts are looked up)."""
        resolved: dict[str, tuple[Key, ...]] = {}
        for field_name, target_name in raw.key.type.references.items():
            target_type = _type(target_name)
            value = fields.get(field_name)
            values = [value] if isinstance(value, str) else list(value or ())
            targets: list[Key] = []
            for index, ref in enumerate(values):
                path = (field_name,) if isinstance(value, str) else (field_name, index)
                if path in raw.reported or not isinstance(ref, str):
                    continue
                position = raw.position(path)
                target = self.resolve(raw.path, in_edition, field_name, ref, target_type, position)
                if target and target not in targets:
                    targets.append(target)
            resolved[field_name] = tuple(targets)
        return resolved

    def resolve(
        self,
        source: str,
        source_in_edition: bool,
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
                    source,
                    position,
                    ref=ref,
                    field=field_name,
                    target=target_type.missing,
                    suggestion=_suggest(suggestions),
                    codes=codes,
                )
            )
            return None
        return self.check_edition(source, source_in_edition, field_name, ref, key, position)

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
        """The `[[target]]` links in a body (a record's or a kennisbrief's) and in its summary,
        resolved; a `[[` or `]]` that makes no link is reported."""
        found = self.links_in(
            source,
            raw.body,
            in_edition,
            lambda line, column: Position(raw.body_line + line, column + 1),
        )
        summary = raw.fields.get("summary")
        if isinstance(summary, str):
            start = raw.position(("summary",))
            found |= self.links_in(
                source,
                summary,
                in_edition,
                lambda line, column: Position(
                    start.line + line, start.column + column if line == 0 else column + 1
                ),
            )
        return found

    def links_in(
        self, source: str, text: str, in_edition: bool, at: Callable[[int, int], Position]
    ) -> dict[str, Key]:
        found: dict[str, Key] = {}
        for link_ in wikilinks.find(text):
            key = self.wikilink(source, in_edition, link_.target, at(link_.line, link_.column))
            if key:
                found[link_.target] = key
        for half in wikilinks.halves(text):
            self.diagnostics.append(
                diagnostic("halve-wikilink", source, at(half.line, half.column), half=half.text)
            )
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


def _record_link(path: str) -> str:
    """' (dat is een record: schrijf [[id]])' for a link to a record's own file."""
    folder, name = posixpath.split(path)
    stem, extension = posixpath.splitext(name)
    if extension in (".md", ".yml") and by_name(posixpath.basename(folder)):
        return f" (dat is een record: schrijf [[{stem}]])"
    return ""


def _visibility(value: object) -> Visibility:
    """A failed record's visibility as far as its raw field tells (public by default)."""
    return next((v for v in VISIBILITIES if v == value), "public")


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
