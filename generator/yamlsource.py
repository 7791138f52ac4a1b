"""Strict YAML with positions, on libyaml's C parser.

PyYAML silently keeps the last of two equal keys and reads `no` as False; here both are
reported. Values come with the file position of every key and value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator import yamlhints
from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import FieldPath, Position

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in every wheel we install
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
_MEANING = {
    "tag:yaml.org,2002:bool": "een ja/nee-waarde",
    "tag:yaml.org,2002:int": "een getal",
    "tag:yaml.org,2002:float": "een getal",
    "tag:yaml.org,2002:null": "'leeg'",
    "tag:yaml.org,2002:timestamp": "een datum",
}

_constructor = yaml.constructor.SafeConstructor()


@dataclass
class YamlResult:
    value: Any = None
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)
    value_positions: dict[FieldPath, Position] = field(default_factory=dict)
    plain_scalars: dict[FieldPath, str] = field(default_factory=dict)
    # Values already reported here (read differently than written): no step reports them again.
    reported: set[FieldPath] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Whether the text could be read at all. A duplicate key or a value YAML read differently
    # than it looks is reported too, but the rest of the file is still checked.
    ok: bool = True


def parse(text: str, path: str, line_offset: int = 0) -> YamlResult:
    """Parse `text` (which starts `line_offset` lines into the file) into plain values."""
    result = YamlResult()
    tabs = _tab_diagnostics(text, path, line_offset)
    if tabs:
        result.diagnostics.extend(tabs)
        result.ok = False
        return result
    try:
        anchors = _anchors(text, path, line_offset)
        if anchors:
            result.diagnostics.extend(anchors)
            result.ok = False
            return result
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as error:  # a character YAML does not read
        result.diagnostics.append(
            diagnostic(
                "yaml-syntax",
                path,
                _offset_position(text, error.position, line_offset),
                problem=f"een teken dat YAML niet leest (U+{error.character:04X})"
                if isinstance(error.character, int)
                else "een teken dat YAML niet leest",
                fix="verwijder het teken of sla het bestand opnieuw op als UTF-8",
            )
        )
        result.ok = False
        return result
    except yaml.MarkedYAMLError as error:
        hint = yamlhints.explain(error, text)
        position = Position(hint.line + 1 + line_offset, hint.column + 1)
        result.diagnostics.append(
            diagnostic("yaml-syntax", path, position, problem=hint.problem, fix=hint.fix)
        )
        result.ok = False
        return result
    if node is not None:
        result.value = _Builder(result, path, line_offset, text.split("\n")).build(node, ())
    return result


def _anchors(text: str, path: str, line_offset: int) -> list[Diagnostic]:
    """Every anchor (&naam) and alias (*naam): they are refused before anything is built,
    because a few hundred bytes of aliases can stand for gigabytes of values."""
    if "&" not in text and "*" not in text:
        return []
    found = []
    seen: set[tuple[bool, str]] = set()
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        alias = isinstance(event, yaml.AliasEvent)
        if anchor is None or (alias, anchor) in seen:
            continue  # each anchor and each name's first alias: the rest says nothing new
        seen.add((alias, anchor))
        mark = event.start_mark
        line, column = (mark.line, mark.column) if mark else (0, 0)
        found.append(
            diagnostic(
                "yaml-anker",
                path,
                Position(line + 1 + line_offset, column + 1),
                what="verwijzingen" if alias else "ankers",
                text=("*" if alias else "&") + str(anchor),
            )
        )
    return found


def _offset_position(text: str, offset: int, line_offset: int) -> Position:
    line = text.count("\n", 0, offset)
    return Position(line + 1 + line_offset, offset - (text.rfind("\n", 0, offset) + 1) + 1)


class _Builder:
    def __init__(self, result: YamlResult, path: str, line_offset: int, lines: list[str]) -> None:
        self.result = result
        self.path = path
        self.line_offset = line_offset
        self.lines = lines

    def position(self, node: yaml.Node) -> Position:
        return Position(node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.result.value_positions[path] = self.position(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            # Field names are names: `no:` is the word "no", not False.
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_path = (*path, key)
            if key in values:
                first = self.result.key_positions[key_path]
                self.result.diagnostics.append(
                    diagnostic(
                        "dubbele-sleutel",
                        self.path,
                        self.position(key_node),
                        field=".".join(map(str, key_path)),
                        first=first.line,
                    )
                )
                continue
            self.result.key_positions[key_path] = self.position(key_node)
            values[key] = self.build(value_node, key_path)
        return values

    def scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        if not node.style:
            self.silent_changes(node, path)
        if node.tag == _STR:
            return node.value
        try:
            value = _constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            return node.value  # e.g. 2016-02-30: validation reports it as a date that isn't
        if not node.style:  # plain (None from PyYAML, '' from libyaml)
            self.result.plain_scalars[path] = node.value
        return value

    def silent_changes(self, node: yaml.ScalarNode, path: FieldPath) -> None:
        """What YAML reads differently from what an unquoted value looks like: `Belronde #2`
        ends at the '#' (the rest is a comment), and a '- ' line indented under a value is
        glued to it instead of starting a list item."""
        start, end = node.start_mark, node.end_mark
        after = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        if re.match(r" #\S", after):
            self.result.reported.add(path)
            lost = after.strip()
            self.result.diagnostics.append(
                diagnostic(
                    "yaml-commentaar",
                    self.path,
                    Position(end.line + 1 + self.line_offset, end.column + 2),
                    lost=lost,
                    kept=node.value,
                    whole=f"{node.value} {lost}",
                )
            )
        for number in range(start.line + 1, min(end.line + 1, len(self.lines))):
            line = self.lines[number]
            if line.lstrip().startswith("- "):
                self.result.reported.add(path)
                column = len(line) - len(line.lstrip())
                self.result.diagnostics.append(
                    diagnostic(
                        "yaml-lijstregel",
                        self.path,
                        Position(number + 1 + self.line_offset, column + 1),
                        item=line.strip(),
                        value=node.value,
                    )
                )


def meaning(text: str) -> str:
    """How YAML reads an unquoted `text`, in Dutch (for the yaml-betekenis message)."""
    resolve: Any = _Loader.resolve
    tag = resolve(_Loader, yaml.ScalarNode, text, (True, False))
    return _MEANING.get(tag, "iets anders dan tekst")


def _tab_diagnostics(text: str, path: str, line_offset: int) -> list[Diagnostic]:
    found = []
    for number, line in enumerate(text.split("\n"), start=1 + line_offset):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            column = indent.index("\t") + 1
            found.append(diagnostic("tab", path, Position(number, column)))
    return found
