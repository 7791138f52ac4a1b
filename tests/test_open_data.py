"""Open data: every public record as JSON and CSV under data/, their JSON Schemas, the DCAT
catalogue, the sitemap's dates and security.txt, in a real build of tests/fixtures/site."""

from __future__ import annotations

import csv
import io
import json
import re
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import rdflib

from generator.model import Graph, Record, RecordType
from generator.pipeline import check
from generator.render.opendata import LIST_SEPARATOR, is_key_list, nested_fields
from generator.types import REGIONS, REGISTRY, by_name
from tests.site_support import FIXTURES, Built

SITE_URL = "https://kennisbank-bevolkingszorg.example/"  # mkdocs.yml
EXTRA = ("id", "body", "url")
ADMS = rdflib.Namespace("http://www.w3.org/ns/adms#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
RDF = rdflib.Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return check(FIXTURES / "site").graph


def _type(name: str) -> RecordType[Any]:
    found = by_name(name)
    assert found is not None
    return found


def _json(site: Path, record_type: RecordType[Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(
        (site / "data" / f"{record_type.name}.json").read_text("utf-8")
    )
    return rows


# --- JSON: the records, with the contract's field names ---------------------------------------


@pytest.mark.parametrize("record_type", REGISTRY, ids=lambda t: t.name)
def test_json_round_trips_to_the_records(
    site_build: Built, graph: Graph, record_type: RecordType[Any]
) -> None:
    """Every public record once, by its id; its fields validate as content (the contract's
    names and types) and say what the record says, references as ids."""
    rows = _json(site_build.site, record_type)
    records = {r.key.id: r for r in graph.of_type(record_type)}
    assert [row["id"] for row in rows] == sorted(records)
    for row in rows:
        record = records[row["id"]]
        fields = {k: v for k, v in row.items() if k not in EXTRA}
        assert list(fields) == list(record_type.schema.model_fields)
        again = record_type.schema.model_validate(fields)  # strict, extra="forbid"
        assert again == _as_exported(graph, record), row["id"]
        assert row["body"] == record.body.strip()
        assert row["url"] == f"{SITE_URL}{record_type.section}/{record.key.id}/"


def _as_exported(graph: Graph, record: Record[Any]) -> Any:
    """The record's own data as the open data states it: references resolved to ids, the
    derived date filled in, progress that is not public left out."""
    key, data = record.key, record.data
    update: dict[str, Any] = {}
    for name in key.type.references:
        ids = [k.id for k in graph.outgoing(key, name)]
        update[name] = ids if isinstance(getattr(data, name), list) else next(iter(ids), None)
    if key.type.date_field and getattr(data, key.type.date_field) is None:
        update[key.type.date_field] = graph.dates.get(key)
    if key.type is REGIONS and data.progress_visibility != "public":
        update["progress"] = []
    return data.model_copy(update=update)


def test_references_by_code_become_ids(site_build: Built) -> None:
    sessions = {row["id"]: row for row in _json(site_build.site, _type("sessions"))}
    # content: regions: [VRU, vrfl, gooi-en-vechtstreek]
    assert sessions["sessie-midden"]["regions"] == ["utrecht", "flevoland", "gooi-en-vechtstreek"]


def test_progress_that_is_not_public_is_not_in_the_data(site_build: Built) -> None:
    regions = {row["id"]: row for row in _json(site_build.site, REGIONS)}
    assert regions["flevoland"]["progress"] == []
    assert [a["date"] for a in regions["utrecht"]["progress"]] == [
        "2016-11-01",
        "2017-03",
        "2017-03",
    ]
    data = "".join(p.read_text("utf-8") for p in (site_build.site / "data").rglob("*.*"))
    assert "GEHEIME-VOORTGANG-FLEVOLAND" not in data


def test_the_internal_edition_has_every_regions_progress(internal_build: Built) -> None:
    regions = {row["id"]: row for row in _json(internal_build.site, REGIONS)}
    assert regions["flevoland"]["progress"][0]["note"] == "GEHEIME-VOORTGANG-FLEVOLAND"
    assert "intern" in {row["id"] for row in _json(internal_build.site, _type("practices"))}


# --- CSV: the same records, flat --------------------------------------------------------------


@pytest.mark.parametrize("record_type", REGISTRY, ids=lambda t: t.name)
def test_csv_round_trips_to_the_json(site_build: Built, record_type: RecordType[Any]) -> None:
    """Read back by the rules the data page states, the CSV tables are the JSON records."""
    site, name = site_build.site, record_type.name
    rows = _csv(site / "data" / f"{name}.csv")
    nested = nested_fields(record_type)
    for field in nested:
        items = _csv(site / "data" / f"{name}-{field}.csv")
        for row in rows:
            row[field] = [
                {k: _value(None, k, v) for k, v in item.items() if k != "id"}
                for item in items
                if item["id"] == row["id"]
            ]
    read = [
        {k: v if k in nested else _value(record_type, k, v) for k, v in row.items()} for row in rows
    ]
    assert read == _json(site, record_type)


def _csv(path: Path) -> list[dict[str, Any]]:
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("\r\n")  # RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _value(record_type: RecordType[Any] | None, name: str, cell: str) -> Any:
    if cell.startswith("'"):
        cell = cell[1:]  # defused formula: the value itself follows
    if name in ("id", "body", "url"):
        return cell
    if record_type is not None:
        annotation = record_type.schema.model_fields[name].annotation
        if typing.get_origin(annotation) is list:
            if is_key_list(record_type, name):
                return cell.split(LIST_SEPARATOR) if cell else []
            return json.loads(cell)
        if _holds_int(annotation) and cell:
            return int(cell)
    return cell or None


def _holds_int(annotation: Any) -> bool:
    """int, int | None, Annotated[int, ...] | None."""
    if annotation is int:
        return True
    return typing.get_origin(annotation) is not typing.Literal and any(
        _holds_int(arg) for arg in typing.get_args(annotation)
    )


def test_a_cell_that_a_spreadsheet_would_run_is_defused(tmp_path: Path) -> None:
    from generator.render.opendata import records, records_csv
    from tests.conftest import make_tree

    root = make_tree(
        tmp_path / "p",
        {
            "content/projects/formule.yml": 'title: "=HYPERLINK(\\"http://x\\")"\n'
            'topics: ["+1", gewoon]\n'
        },
    )
    graph = check(root).graph
    projects = _type("projects")
    rows = records(graph, projects, "https://kb.example/")
    table = records_csv(projects, rows)["projects.csv"]
    row = next(r for r in csv.DictReader(io.StringIO(table)) if r["id"] == "formule")
    assert row["title"] == '\'=HYPERLINK("http://x")'
    assert row["topics"] == '["+1", "gewoon"]'  # free text: a JSON list, not split on ';'


# --- Schemas and catalogue --------------------------------------------------------------------


@pytest.mark.parametrize("record_type", REGISTRY, ids=lambda t: t.name)
def test_every_record_follows_its_published_schema(
    site_build: Built, record_type: RecordType[Any]
) -> None:
    schema = json.loads(
        (site_build.site / "data/schemas" / f"{record_type.name}.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    rows = _json(site_build.site, record_type)
    for row in rows:
        assert list(validator.iter_errors(row)) == [], row["id"]
    # The schema is strict: a misspelt field is an error.
    if rows:
        assert list(validator.iter_errors({**rows[0], "titel": "x"}))


# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph internally.
@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
def test_the_catalogue_is_dcat_as_data_overheid_nl_expects(site_build: Built) -> None:
    site = site_build.site
    graph = rdflib.Graph().parse(
        data=(site / "data/catalogus.jsonld").read_text("utf-8"), format="json-ld"
    )
    (catalogue,) = graph.subjects(RDF["type"], DCAT["Catalog"])
    datasets = list(graph.objects(catalogue, DCAT["dataset"]))
    assert len(datasets) == len(REGISTRY)
    assert graph.value(catalogue, FOAF["homepage"]) == rdflib.URIRef(SITE_URL + "data/")
    for dataset in datasets:
        # DCAT-AP-DONL's required properties of a dataset.
        for prop in (
            DCTERMS["title"],
            DCTERMS["description"],
            DCTERMS["identifier"],
            DCTERMS["language"],
        ):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        for prop in (DCTERMS["publisher"], DCTERMS["creator"], DCTERMS["license"], DCAT["theme"]):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        assert graph.value(dataset, ADMS["status"]) == rdflib.URIRef(
            "http://data.overheid.nl/status/beschikbaar"
        )
        contact = graph.value(dataset, DCAT["contactPoint"])
        assert graph.value(contact, VCARD["hasEmail"]) == rdflib.URIRef(
            "mailto:kennisbank@kennisbank-bevolkingszorg.example"
        )
        assert str(graph.value(dataset, DCTERMS["title"])).endswith(
            "van de Kennisbank Bevolkingszorg"
        )
        distributions = list(graph.objects(dataset, DCAT["distribution"]))
        assert len(distributions) == 2
        for distribution in distributions:
            for prop in (
                DCAT["accessURL"],
                DCTERMS["format"],
                DCTERMS["license"],
                DCTERMS["title"],
            ):
                assert graph.value(distribution, prop) is not None, (distribution, prop)
            for prop in (DCAT["downloadURL"], DCTERMS["conformsTo"]):
                url = str(graph.value(distribution, prop))
                assert (site / url.removeprefix(SITE_URL)).is_file(), url


def test_the_data_page_links_every_file(site_build: Built) -> None:
    page = site_build.site / "data/index.html"
    html = page.read_text("utf-8")
    linked = {
        (page.parent / h).resolve()
        for h in re.findall(r'href="([^"#]+\.(?:json|jsonld|csv))"', html)
    }
    files = {p.resolve() for p in (site_build.site / "data").rglob("*") if p.is_file()} - {
        page.resolve()
    }
    assert linked == files


# --- Sitemap and security.txt -----------------------------------------------------------------


def test_the_sitemap_dates_pages_by_their_records(site_build: Built) -> None:
    sitemap = (site_build.site / "sitemap.xml").read_text("utf-8")
    entries = dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap))
    assert entries[SITE_URL + "praktijken/groepsapp/"] == "2016-03-15"
    assert entries[SITE_URL + "sessies/leerarena-brand/"] == "2017-02"  # as the source has it
    assert entries[SITE_URL + "voortgang/"] == "2017-03"  # a month, as the source gives it
    assert entries[SITE_URL + "over/"] == ""  # hand-written: no date to give
    assert entries[SITE_URL] == "2017-02"  # the newest record


def test_security_txt_comes_from_the_configuration(site_build: Built) -> None:
    text = (site_build.site / ".well-known/security.txt").read_text("utf-8")
    assert text == (
        "Contact: mailto:security@kennisbank-bevolkingszorg.example\n"
        "Expires: 2027-06-30T00:00:00Z\n"
        "Preferred-Languages: nl, en\n"
        f"Canonical: {SITE_URL}.well-known/security.txt\n"
    )
