"""The registry of record types: every type is complete, and walks through every step.

A new type that misses a piece (a folder, a reference to a field it doesn't have, a fixture
record, a schema file, a guide section, a place in the menu) fails here, not in a build.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import generator.types
from generator.cli import main
from generator.load import load
from generator.model import Key, RecordType
from generator.pipeline import check
from generator.render import addresses
from generator.render.guide import fields_page
from generator.render.indexes import FACETS
from generator.render.site import render
from generator.scaffold import scaffold
from generator.types import BY_NAME, REGISTRY, SECTION_ORDER, by_alias
from generator.validate import validate
from tests.conftest import make_tree

ROOT = Path(__file__).parent.parent
SITE_FIXTURE = Path(__file__).parent / "fixtures" / "site"
# Sections of the site that are not a record type's.
OTHER_SECTIONS = {
    *("themas", "kennisbrief", "voortgang", "feeds", "bijdragen", "downloads"),
    "knelpunten-zonder-antwoord",
}

TYPES = pytest.mark.parametrize("record_type", REGISTRY, ids=lambda t: t.name)


def test_every_type_module_is_registered() -> None:
    modules = {
        info.name
        for info in pkgutil.iter_modules(generator.types.__path__)
        if info.name not in ("checks",)
    }
    registered = set()
    for name in modules:
        module = importlib.import_module(f"generator.types.{name}")
        registered |= {v.name for v in vars(module).values() if isinstance(v, RecordType)}
    assert registered == {t.name for t in REGISTRY} == modules


def test_names_sections_and_aliases_are_unique() -> None:
    assert len({t.name for t in REGISTRY}) == len(REGISTRY)
    sections = [t.section for t in REGISTRY]
    assert len(set(sections)) == len(sections)
    assert not set(sections) & OTHER_SECTIONS
    aliases = [alias for t in REGISTRY for alias in (t.name, *t.aliases)]
    assert len(set(aliases)) == len(aliases)
    assert all(by_alias(alias.upper()) is not None for alias in aliases)


def test_section_order_holds_every_type_once() -> None:
    assert sorted(SECTION_ORDER) == sorted(REGISTRY)
    assert len(SECTION_ORDER) == len(REGISTRY)


@TYPES
def test_declared_fields_exist_in_the_schema(record_type: RecordType[Any]) -> None:
    fields = record_type.schema.model_fields
    for field_name, target in record_type.references.items():
        assert field_name in fields, f"{record_type.name}: reference field {field_name}"
        assert target in BY_NAME, f"{record_type.name}.{field_name} -> {target}"
    if record_type.date_field:
        assert record_type.date_field in fields
    if record_type.date_from:
        assert record_type.date_from in record_type.references
        source = BY_NAME[record_type.references[record_type.date_from]]
        assert source.date_field, "derived dates come from a dated type"
    for name in record_type.scaffold.placeholders:
        assert fields[name].is_required(), f"placeholder for optional field {name}"
    for facet in record_type.facets:
        assert facet.name in dict(FACETS)


@TYPES
def test_every_required_field_gets_a_scaffold_value(record_type: RecordType[Any]) -> None:
    text = scaffold(record_type, "Nieuw")
    fields = yaml.safe_load(text.split("---\n")[1])
    required = {n for n, f in record_type.schema.model_fields.items() if f.is_required()}
    assert required <= set(fields)


@pytest.fixture(scope="module")
def site_graph() -> Any:
    checked = check(SITE_FIXTURE)
    assert checked.diagnostics == []
    return checked.graph


@TYPES
def test_type_walks_through_every_step(record_type: RecordType[Any], site_graph: Any) -> None:
    name = record_type.name
    # load: the fixture site has a record of every type, in the type's folder.
    loaded = load(SITE_FIXTURE / "content")
    raw = [r for r in loaded.records if r.key.type is record_type]
    assert raw, f"tests/fixtures/site/content/{name}/ has no record"
    # validate: it becomes a record of the type's schema.
    validated = validate(loaded)
    record = validated.records[raw[0].key]
    assert isinstance(record.data, record_type.schema)
    # link: it is in the graph, with every reference field resolved (possibly to nothing).
    public = [r for r in site_graph.of_type(record_type)]
    assert public
    for field_name in record_type.references:
        site_graph.outgoing(public[0].key, field_name)  # a known field: no KeyError
    # render: its page, its section index, its line on the home page.
    files = render(site_graph)
    for one in public:
        assert addresses.page_path(one.key) in files
    index = files[addresses.section_index(record_type)]
    assert f"# {record_type.plural}" in index
    assert f"]({record_type.section}/index.md)" in files[addresses.HOME]
    # guide, schema export and the editors' tools.
    assert f"## {record_type.plural} {{#{name}}}" in fields_page()
    assert (ROOT / "schemas" / f"{name}.schema.json").is_file()
    vscode = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert vscode["yaml.schemas"][f"./schemas/{name}.schema.json"] == [f"content/{name}/*.yml"]
    # the menu lists the section.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"{record_type.section}/index.md" in config
    assert (ROOT / "content" / name).is_dir()


@TYPES
def test_new_record_of_every_type_checks_to_only_what_is_left_to_fill_in(
    record_type: RecordType[Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_tree(tmp_path)
    assert main(["--root", str(root), "new", record_type.aliases[0], "Nieuw record"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.parent.name == record_type.name
    checked = check(root, "preview")
    assert Key(record_type, "nieuw-record") in checked.graph.records or checked.has_errors
    assert {d.rule for d in checked.diagnostics} <= {
        "te-klein",
        "lege-tekst",
        "praktijk-zonder-sessie",
    }


HOW_TO_EXTEND = re.compile(r"^## How to extend$(.*?)^## ", re.M | re.S)


def test_the_readme_how_to_extend_names_files_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = HOW_TO_EXTEND.search(readme)
    assert found, "README.md has no '## How to extend' section"
    paths = set(re.findall(r"`([\w./<>-]+/[\w./<>-]*)`", found.group(1)))
    assert paths
    for path in paths:
        for record_type in REGISTRY:
            concrete = path.replace("<name>", record_type.name).replace("<type>", record_type.name)
            if "<" in concrete:
                continue  # a file the change creates, such as a new rule's case
            assert (ROOT / concrete).exists(), f"README names {concrete}, which does not exist"
