"""The browser editor's configuration is generated from the schema and cannot drift from it.

Every field of every type (nested ones too), the taxonomy and the kennisbrief introduction is in
the form with its Dutch label, help text, required-ness and default; closed vocabularies are
selects, references are relation widgets, dates are date pickers. The browser tests
(tests/browser/test_beheer.py) show that Decap CMS itself accepts and uses it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic import BaseModel, Field

from generator.beheer import local_config, project_settings, site_config
from generator.cli import main
from generator.cms import (
    NEW_RECORD_VISIBILITY,
    ContentFacts,
    UnsupportedField,
    cms_config,
    date_widget,
    form_fields,
)
from generator.dates import PartialDate
from generator.model import Quarter
from generator.pipeline import check
from generator.schema import KennisbriefIntro, RecordData, Taxonomy, Theme
from generator.types import BY_NAME, REGISTRY

ROOT = Path(__file__).parent.parent
SITE = Path(__file__).parent / "fixtures" / "site"
SETTINGS = {"backend": {"name": "gitlab", "repo": "org/kb", "auth_type": "pkce", "app_id": "x"}}
TYPES = pytest.mark.parametrize("record_type", REGISTRY, ids=lambda t: t.name)


@pytest.fixture(scope="module")
def facts() -> ContentFacts:
    return ContentFacts.of(check(SITE, "preview").graph)


@pytest.fixture(scope="module")
def config(facts: ContentFacts) -> dict[str, Any]:
    return cms_config(facts, SETTINGS)


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


def nested_models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The models of a model's list fields (tasks, progress) and mapping fields (themes)."""
    found = {}
    for name, info in model.model_fields.items():
        for arg in get_args(info.annotation) or (info.annotation,):
            inner = get_args(arg)[-1] if get_args(arg) else arg
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                found[name] = inner
    return found


def assert_form_matches(model: type[BaseModel], fields: list[dict[str, Any]]) -> None:
    """Every field of `model` in `fields`, in the schema's order, and nothing else; the same
    for nested models, all the way down."""
    schema = model.model_json_schema()
    names = [f["name"] for f in fields if f["name"] != "body"]
    assert names == list(model.model_fields), f"{model.__name__}: the form's fields differ"
    for field in fields:
        if field["name"] == "body":
            continue
        info = model.model_fields[field["name"]]
        assert field["label"] == info.title, field["name"]
        assert field["hint"].startswith(info.description or ""), field["name"]
        assert field["required"] == (field["name"] in schema.get("required", [])), field["name"]
    for name, nested in nested_models(model).items():
        form = by_name(fields)[name]
        if form["widget"] == "list":
            assert_form_matches(nested, form["fields"])


@TYPES
def test_every_field_of_a_type_is_in_its_collection_in_the_contract_order(
    config: dict[str, Any], record_type: Any
) -> None:
    assert_form_matches(record_type.schema, collection(config, record_type.name)["fields"])


def test_a_field_missing_from_the_form_fails_the_check() -> None:
    # The check itself can fail: a form without one of the schema's fields.
    class Example(RecordData):
        extra: str | None = Field(None, title="Extra", description="Iets.")

    fields = form_fields(Example, Taxonomy(), {})
    assert_form_matches(Example, fields)
    with pytest.raises(AssertionError):
        assert_form_matches(Example, [f for f in fields if f["name"] != "extra"])


def test_a_field_the_form_cannot_show_is_refused_not_dropped() -> None:
    class Odd(BaseModel):
        scores: dict[str, int] = Field({}, title="Scores", description="Per regio.")

    with pytest.raises(UnsupportedField, match="scores"):
        form_fields(Odd, Taxonomy(), {})


def test_every_type_is_a_folder_collection_named_by_file(config: dict[str, Any]) -> None:
    for record_type in REGISTRY:
        found = collection(config, record_type.name)
        assert found["folder"] == f"content/{record_type.name}"
        assert (found["label"], found["label_singular"]) == (
            record_type.plural,
            record_type.singular,
        )
        assert found["identifier_field"] == "title" and found["slug"] == "{{slug}}"
        assert found["create"] is True and found["delete"] is False


def test_extension_and_format_follow_the_files_of_the_type(config: dict[str, Any]) -> None:
    regions, practices = collection(config, "regions"), collection(config, "practices")
    assert (regions["extension"], regions["format"]) == ("yml", "yml")
    assert "body" not in by_name(regions["fields"])  # a .yml record has no text
    assert (practices["extension"], practices["format"]) == ("md", "frontmatter")
    body = by_name(practices["fields"])["body"]
    assert body["widget"] == "text" and not body["required"]
    assert "[[id]]" in body["hint"]


def test_new_records_start_as_concepts_and_defaults_come_from_the_schema(
    config: dict[str, Any],
) -> None:
    practice = by_name(collection(config, "practices")["fields"])
    assert practice["visibility"]["default"] == NEW_RECORD_VISIBILITY == "draft"
    assert practice["kind"]["default"] == "good-practice"
    assert practice["status"]["default"] == "idee"
    assert "default" not in practice["summary"] and "default" not in practice["regions"]
    region = by_name(collection(config, "regions")["fields"])
    assert region["progress_visibility"]["default"] == "internal"
    # A record without the field is shown an empty select: the hint says what that means.
    assert practice["visibility"]["hint"].endswith(" Leeg betekent: Openbaar.")
    assert practice["kind"]["hint"].endswith(" Leeg betekent: Goed voorbeeld.")
    assert region["progress_visibility"]["hint"].endswith(" Leeg betekent: Alleen intern.")


def test_closed_vocabularies_are_selects_with_dutch_labels(config: dict[str, Any]) -> None:
    practice = by_name(collection(config, "practices")["fields"])
    kind = practice["kind"]
    assert kind["widget"] == "select" and kind["multiple"] is False
    assert {"label": "Versterkingsproduct", "value": "product"} in kind["options"]
    use_for = practice["use_for"]
    assert use_for["widget"] == "select" and use_for["multiple"] is True
    assert [o["value"] for o in use_for["options"]] == [
        "draaiboek",
        "oefenen",
        "evalueren",
        "opleiden",
    ]
    visibility = practice["visibility"]
    assert [o["label"] for o in visibility["options"]] == ["Openbaar", "Intern", "Concept"]


@TYPES
def test_references_are_relation_widgets_storing_the_id(
    config: dict[str, Any], record_type: Any
) -> None:
    fields = by_name(collection(config, record_type.name)["fields"])
    for field_name, target in record_type.references.items():
        relation = fields[field_name]
        assert relation["widget"] == "relation", field_name
        assert relation["collection"] == target
        assert relation["value_field"] == "{{slug}}"  # the file name: the record's id
        is_list = "list[" in str(record_type.schema.model_fields[field_name].annotation)
        assert relation["multiple"] == is_list, field_name


def test_regions_are_picked_by_name_and_shown_with_their_code(config: dict[str, Any]) -> None:
    regions = by_name(collection(config, "sessions")["fields"])["regions"]
    assert regions["search_fields"] == ["title", "code"]
    assert regions["display_fields"] == ["{{title}} ({{code}})"]
    assert regions["min"] == 1 and regions["required"] is True
    incident = by_name(collection(config, "sessions")["fields"])["incident"]
    assert incident["display_fields"] == ["{{title}}"] and incident["multiple"] is False


def test_themes_and_processes_come_from_the_taxonomy(
    config: dict[str, Any], facts: ContentFacts
) -> None:
    themes = [{"label": t.label, "value": k} for k, t in facts.taxonomy.themes.items()]
    processes = [{"label": p.label, "value": k} for k, p in facts.taxonomy.processes.items()]
    for record_type in REGISTRY:
        field = by_name(collection(config, record_type.name)["fields"])["themes"]
        assert (field["widget"], field["multiple"], field["options"]) == ("select", True, themes)
    tasks = by_name(collection(config, "incidents")["fields"])["tasks"]
    assert tasks["widget"] == "list" and tasks["min"] == 1 and tasks["label_singular"] == "Taak"
    process = by_name(tasks["fields"])["process"]
    assert (process["widget"], process["multiple"], process["options"]) == (
        "select",
        False,
        processes,
    )
    progress = by_name(collection(config, "regions")["fields"])["progress"]
    theme = by_name(progress["fields"])["theme"]
    assert theme["options"] == themes and theme["required"] is True


def test_a_full_date_only_field_is_a_date_picker_storing_iso_dates() -> None:
    widget = date_widget({"type": "string", "format": "date"})
    assert widget is not None and widget["widget"] == "datetime"
    assert widget["format"] == "YYYY-MM-DD" and widget["time_format"] is False


def test_the_contracts_dates_are_typed_as_a_day_a_month_or_a_year(config: dict[str, Any]) -> None:
    # Every date of the contract may be partial (generator/dates.py), which no date picker can
    # hold: the form checks what is typed against the three forms instead.
    session = by_name(collection(config, "sessions")["fields"])
    progress = by_name(collection(config, "regions")["fields"])["progress"]
    for field in (session["date"], session["updated"], by_name(progress["fields"])["date"]):
        assert field["widget"] == "string"
        pattern, message = field["pattern"]
        for value in ("2016", "2016-03", "2016-03-15"):
            assert re.fullmatch(pattern, value)
        assert not re.fullmatch(pattern, "15-03-2016")
        assert "2016-03" in message


def test_a_date_or_a_year_is_typed_and_checked_against_both_forms(
    config: dict[str, Any],
) -> None:
    start = by_name(collection(config, "projects")["fields"])["start"]
    assert start["widget"] == "string"
    pattern, message = start["pattern"]
    assert re.fullmatch(pattern, "2016") and re.fullmatch(pattern, "2016-03-15")
    assert not re.fullmatch(pattern, "15-03-2016") and not re.fullmatch(pattern, "2016-3")
    assert "2016" in message


def test_what_the_form_writes_for_a_year_the_validator_reads() -> None:
    # The text field stores what was typed: `start: '2016'`, quoted, as Decap writes it.
    written = yaml.safe_load("title: Project\nstart: '2016'\nend: '2017-06-30'\n")
    project = BY_NAME["projects"].schema.model_validate(written)
    assert (project.start, project.end) == (PartialDate(2016), PartialDate(2017, 6, 30))
    with pytest.raises(ValueError):
        BY_NAME["projects"].schema.model_validate({"title": "P", "start": "1492"})


def test_a_partial_date_with_a_pattern_is_typed_against_it() -> None:
    # How a date that takes JJJJ, JJJJ-MM or JJJJ-MM-DD (a string pattern beside the date)
    # comes out: one place decides (date_widget).
    partial = {"anyOf": [{"type": "string", "format": "date"}, {"pattern": r"^\d{4}(-\d{2})?$"}]}
    widget = date_widget(partial)
    assert widget is not None and widget["widget"] == "string"
    assert all(re.fullmatch(widget["pattern"][0], v) for v in ("2016", "2016-03", "2016-03-15"))
    assert date_widget({"type": "string"}) is None


def test_paragraphs_are_text_areas_and_numbers_are_whole(config: dict[str, Any]) -> None:
    session = by_name(collection(config, "sessions")["fields"])
    assert session["summary"]["widget"] == "text"
    assert session["title"]["widget"] == "string"
    assert (session["participants"]["widget"], session["participants"]["value_type"]) == (
        "number",
        "int",
    )
    assert session["participants"]["min"] == 0


def test_topics_are_a_list_of_lines(config: dict[str, Any]) -> None:
    topics = by_name(collection(config, "projects")["fields"])["topics"]
    assert topics["widget"] == "list" and topics["field"]["widget"] == "string"


def test_the_taxonomy_is_editable_in_full(config: dict[str, Any], facts: ContentFacts) -> None:
    taxonomy = collection(config, "taxonomie")
    (file,) = taxonomy["files"]
    assert file["file"] == "content/taxonomy.yml"
    fields = by_name(file["fields"])
    assert list(fields) == list(Taxonomy.model_fields)
    themes = fields["themes"]
    assert [f["name"] for f in themes["fields"]] == list(facts.taxonomy.themes)
    for theme in themes["fields"]:
        assert_form_matches(Theme, theme["fields"])
    assert fields["public_contacts"]["widget"] == "list"
    abbreviations = fields["abbreviations"]
    assert [f["name"] for f in abbreviations["fields"]] == list(facts.taxonomy.abbreviations)
    assert {f["widget"] for f in abbreviations["fields"]} == {"string"}


def test_kennisbrieven_are_offered_per_quarter_with_records(
    config: dict[str, Any], facts: ContentFacts
) -> None:
    kennisbrieven = collection(config, "kennisbrieven")
    files = kennisbrieven["files"]
    assert [f["name"] for f in files] == ["2017-q1", "2016-q1"]  # newest first
    assert files[0]["file"] == "content/kennisbrieven/2017-q1.md"
    assert files[0]["label"] == "Kennisbrief 1e kwartaal 2017"
    assert_form_matches(KennisbriefIntro, files[0]["fields"])
    assert by_name(files[0]["fields"])["body"]["label"] == "Inleiding"
    assert Quarter.of(date(2017, 2, 1)) in facts.quarters


def test_the_project_chooses_the_git_host_and_the_workflow() -> None:
    settings = project_settings(ROOT)
    assert settings["backend"]["name"] in ("github", "gitlab", "gitea", "forgejo")
    assert settings["publish_mode"] == "editorial_workflow"
    config = yaml.safe_load(site_config(ROOT))
    assert config["backend"] == settings["backend"]
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "nl" and "local_backend" not in config


def test_local_editing_goes_through_the_proxy_and_writes_directly(tmp_path: Path) -> None:
    config = yaml.safe_load(local_config(SITE, 18081))
    assert config["local_backend"] == {"url": "http://127.0.0.1:18081/api/v1"}
    assert "publish_mode" not in config  # simple: files are written, not proposed
    # Drafts are records the editor works on: the local form offers them as references.
    assert any(
        q == "2017-q1" for q in (f["name"] for f in collection(config, "kennisbrieven")["files"])
    )


def test_cms_config_command_prints_the_configuration(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--root", str(ROOT), "cms-config"]) == 0
    printed = capsys.readouterr().out
    assert printed == site_config(ROOT)
    assert printed.startswith("# Gemaakt door `kennisbank cms-config`")
    target = tmp_path / "config.yml"
    assert main(["--root", str(ROOT), "cms-config", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == printed
    assert main(["--root", str(ROOT), "cms-config", "--local", "8099"]) == 0
    assert "http://127.0.0.1:8099/api/v1" in capsys.readouterr().out
