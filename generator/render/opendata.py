"""Open data: every record of the edition as JSON and CSV under `data/`, the JSON Schemas they
follow, and a DCAT catalogue (DCAT-AP-DONL, the profile data.overheid.nl harvests) that
describes them, plus the page that links it all.

The registry drives it: one dataset per record type, with the contract's field names from the
type's schema. A record's id is its file name, which the contract keeps stable; references are
written as ids (a region named by its code, `VRU`, becomes `utrecht`). What an edition must
not show of a record (a region's progress that is not public) is left out as its type says
(`RecordType.withheld`). Pure: the graph and the settings in, file contents out.
"""

from __future__ import annotations

import csv
import json
import typing
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel

from generator.model import Graph, Record, RecordType
from generator.render import addresses
from generator.render.formatting import attr, frontmatter, text
from generator.render.page import Page, last_modified
from generator.schema import Taxonomy, json_schema
from generator.settings import SiteSettings
from generator.types import REGISTRY, SECTION_ORDER

SCHEMAS = "schemas"
# Value lists of DCAT-AP-DONL (data.overheid.nl) and the EU Publications Office.
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
THEME = "http://standaarden.overheid.nl/owms/terms/Openbare_orde_en_veiligheid"
NETHERLANDS = "http://standaarden.overheid.nl/owms/terms/Nederland"
AVAILABLE = "http://data.overheid.nl/status/beschikbaar"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
FILE_TYPES = {
    "json": ("http://publications.europa.eu/resource/authority/file-type/JSON", "application/json"),
    "csv": ("http://publications.europa.eu/resource/authority/file-type/CSV", "text/csv"),
}
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
CATALOGUE = "catalogus.jsonld"
TAXONOMY = "taxonomy"
# Fields every exported record has beyond its type's schema.
EXTRA_FIELDS: dict[str, dict[str, Any]] = {
    "id": {
        "type": "string",
        "pattern": "^[a-z0-9][a-z0-9-]*$",
        "description": "Id: de bestandsnaam zonder extensie; blijft gelijk.",
    },
    "body": {"type": "string", "description": "De tekst van het record (Markdown)."},
    "url": {"type": "string", "format": "uri", "description": "Adres van de pagina op de site."},
}
LIST_SEPARATOR = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- Records ----------------------------------------------------------------------------------


def record_data(graph: Graph, record: Record[Any], site_url: str) -> dict[str, Any]:
    """One record as open data: its id, its fields by the contract's names, body and URL."""
    key = record.key
    fields: dict[str, Any] = record.data.model_dump(mode="json")
    for name in key.type.references:
        ids = [k.id for k in graph.outgoing(key, name) if k in graph.records]
        fields[name] = ids if isinstance(fields[name], list) else (ids[0] if ids else None)
    derived = graph.dates.get(key)
    if key.type.date_field and fields.get(key.type.date_field) is None and derived:
        # The contract's default: the earliest date of its sessions, as the site shows it.
        fields[key.type.date_field] = derived.isoformat()
    if key.type.withheld:
        for name in key.type.withheld(graph.edition, record.data):
            fields[name] = type(fields[name])()  # an empty list: nothing to show
    return {
        "id": key.id,
        **fields,
        "body": record.body.strip(),
        "url": addresses.absolute(site_url, addresses.page_path(key)),
    }


def records(graph: Graph, record_type: RecordType[Any], site_url: str) -> list[dict[str, Any]]:
    """The type's records as open data, in id order."""
    return [record_data(graph, r, site_url) for r in graph.of_type(record_type)]


def records_csv(record_type: RecordType[Any], rows: list[dict[str, Any]]) -> dict[str, str]:
    """The type's table, and one table per list of objects (`regions-progress.csv`), whose rows
    carry their record's id in the column `id`."""
    nested = nested_fields(record_type)
    columns = ["id", *(n for n in record_type.schema.model_fields if n not in nested)]
    columns += ["body", "url"]
    tables = {
        f"{record_type.name}.csv": _csv(
            columns, ([_cell(record_type, c, row[c]) for c in columns] for row in rows)
        )
    }
    for name, model in nested.items():
        item_columns = list(model.model_fields)
        tables[f"{record_type.name}-{name}.csv"] = _csv(
            ["id", *item_columns],
            (
                [row["id"], *(_cell(None, c, item[c]) for c in item_columns)]
                for row in rows
                for item in row[name]
            ),
        )
    return tables


def nested_fields(record_type: RecordType[Any]) -> dict[str, type[BaseModel]]:
    """The type's fields that are lists of objects (a region's `progress`), by name."""
    found = {}
    for name, info in record_type.schema.model_fields.items():
        args = typing.get_args(info.annotation)
        if typing.get_origin(info.annotation) is list and args and _is_model(args[0]):
            found[name] = args[0]
    return found


def is_key_list(record_type: RecordType[Any] | None, name: str) -> bool:
    """A list of ids, theme keys or fixed values, which never hold the separator: CSV joins
    it with ';'. Any other list (free text) is written as a JSON array in its cell."""
    if record_type is None:
        return False
    if name in record_type.references or name == "themes":
        return True
    args = typing.get_args(record_type.schema.model_fields[name].annotation)
    return bool(args) and typing.get_origin(args[0]) is Literal


def _cell(record_type: RecordType[Any] | None, name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if is_key_list(record_type, name):
            return LIST_SEPARATOR.join(value)
        return _defused(json.dumps(value, ensure_ascii=False))
    return _defused(str(value))


def _defused(cell: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @) gets a ' in front: content is
    untrusted, and CSV is opened in spreadsheets (OWASP, "CSV injection")."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


class _Text(list[str]):
    """What csv.writer writes to, kept in memory (render does no I/O)."""

    def write(self, text: str) -> int:
        self.append(text)
        return len(text)


def _csv(columns: list[str], rows: typing.Iterable[list[str]]) -> str:
    out = _Text()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(columns)
    writer.writerows(rows)
    return "".join(out)


def _is_model(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


# --- Schemas and catalogue --------------------------------------------------------------------


def record_schema(record_type: RecordType[Any]) -> dict[str, Any]:
    """The JSON Schema of the type's records as open data: the editors' schema of the type
    (schemas/<type>.schema.json) with `id`, `body` and `url` added."""
    schema = json_schema(record_type.schema)
    schema["title"] = f"{record_type.plural} (open data)"
    schema["properties"] = {"id": EXTRA_FIELDS["id"], **schema["properties"]}
    schema["properties"].update({k: v for k, v in EXTRA_FIELDS.items() if k != "id"})
    schema["required"] = ["id", *schema.get("required", []), "body", "url"]
    return schema


def taxonomy_data(graph: Graph) -> dict[str, Any]:
    """The themes and processes records refer to by key (not the privacy allow-list)."""
    return graph.taxonomy.model_dump(mode="json", include={"themes", "processes"})


def catalogue(graph: Graph, settings: SiteSettings, site_url: str) -> dict[str, Any]:
    """The DCAT catalogue as JSON-LD: one dataset per record type, a JSON and a CSV
    distribution each, with the values data.overheid.nl asks for."""
    here = addresses.absolute(site_url, addresses.DATA)
    publisher = {
        "@id": settings.publisher_uri or addresses.absolute(site_url, addresses.HOME),
        "@type": "foaf:Agent",
        "foaf:name": settings.publisher,
    }
    common: dict[str, Any] = {
        "dct:publisher": publisher,
        "dct:creator": publisher,
        "dct:language": {"@id": DUTCH},
        "dct:license": {"@id": settings.data_license},
    }
    contact = _contact(settings)
    if contact:
        common["dcat:contactPoint"] = contact
    datasets = [_dataset(graph, record_type, site_url, common) for record_type in SECTION_ORDER]
    found = last_modified(graph, graph.records)
    return {
        "@context": CONTEXT,
        "@id": addresses.absolute(site_url, addresses.data_file(CATALOGUE)),
        "@type": "dcat:Catalog",
        "dct:title": _nl("Kennisbank Bevolkingszorg: open data"),
        "dct:description": _nl(
            "Sessies, praktijken, knelpunten, standaardincidenten, veiligheidsregio's en "
            "projecten van de Kennisbank Bevolkingszorg, als JSON en CSV."
        ),
        "foaf:homepage": {"@id": here},
        **({"dct:modified": found} if found else {}),
        **common,
        "dcat:dataset": datasets,
    }


def _dataset(
    graph: Graph, record_type: RecordType[Any], site_url: str, common: Mapping[str, Any]
) -> dict[str, Any]:
    name = record_type.name
    landing = addresses.absolute(site_url, addresses.section_index(record_type))
    modified = last_modified(graph, [r.key for r in graph.of_type(record_type)])
    distributions = []
    for extension, (file_type, media_type) in FILE_TYPES.items():
        url = addresses.absolute(site_url, addresses.data_file(f"{name}.{extension}"))
        distributions.append(
            {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": _nl(f"{record_type.plural} ({extension.upper()})"),
                "dct:description": _nl(
                    f"Alle openbare {record_type.plural.lower()} als {extension.upper()}, "
                    "met de veldnamen van het inhoudsmodel."
                ),
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dct:format": {"@id": file_type},
                "dcat:mediaType": {"@id": MEDIA_TYPES + media_type},
                "dct:license": common["dct:license"],
                "dct:conformsTo": {
                    "@id": addresses.absolute(
                        site_url, addresses.data_file(f"{SCHEMAS}/{name}.schema.json")
                    )
                },
            }
        )
    return {
        "@id": addresses.absolute(site_url, addresses.data_file(f"{name}.json")) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": addresses.absolute(site_url, addresses.data_file(name)),
        "dct:title": _nl(f"{record_type.plural} van de Kennisbank Bevolkingszorg"),
        "dct:description": _nl(record_type.intro),
        "dcat:theme": {"@id": THEME},
        "dcat:keyword": [_nl("bevolkingszorg"), _nl("crisisbeheersing"), _nl(record_type.plural)],
        "dcat:landingPage": {"@id": landing},
        "dct:spatial": {"@id": NETHERLANDS},
        "dct:accessRights": {"@id": PUBLIC},
        "adms:status": {"@id": AVAILABLE},
        **({"dct:modified": modified} if modified else {}),
        **common,
        "dcat:distribution": distributions,
    }


def _contact(settings: SiteSettings) -> dict[str, Any] | None:
    if not settings.contact_email:
        return None
    contact: dict[str, Any] = {
        "@type": "vcard:Organization",
        "vcard:fn": settings.publisher,
        "vcard:hasEmail": {"@id": "mailto:" + settings.contact_email.removeprefix("mailto:")},
    }
    if settings.contact_phone:
        phone = "".join(c for c in settings.contact_phone if c.isdigit() or c == "+")
        contact["vcard:hasTelephone"] = {"@id": f"tel:{phone}"}
    return contact


def _nl(value: str) -> dict[str, str]:
    return {"@value": value, "@language": "nl"}


# --- Files and page ---------------------------------------------------------------------------


def data_files(graph: Graph, settings: SiteSettings, site_url: str) -> dict[str, str]:
    """Every open-data file of the edition by its path under the docs folder."""
    files: dict[str, str] = {}
    for record_type in REGISTRY:
        name = record_type.name
        rows = records(graph, record_type, site_url)
        files[addresses.data_file(f"{name}.json")] = _json(rows)
        for table, content in records_csv(record_type, rows).items():
            files[addresses.data_file(table)] = content
        files[_schema_path(name)] = _json(record_schema(record_type))
    files[addresses.data_file(f"{TAXONOMY}.json")] = _json(taxonomy_data(graph))
    files[_schema_path(TAXONOMY)] = _json(json_schema(Taxonomy))
    files[addresses.data_file(CATALOGUE)] = _json(catalogue(graph, settings, site_url))
    return files


def data_page(graph: Graph, settings: SiteSettings, made: bool) -> str:
    """data/: what there is, in which form, under which licence. `made`: the build made the
    files (it needs the site's address, as the feeds do)."""
    page = Page(graph, addresses.DATA)
    meta: dict[str, object] = {
        "title": "Open data",
        "description": "Alle openbare gegevens van de kennisbank als JSON en CSV, met hun "
        "JSON Schema's en een DCAT-catalogus voor data.overheid.nl.",
    }
    lastmod = last_modified(graph, graph.records)
    if lastmod:
        meta["lastmod"] = lastmod
    page.add(frontmatter(meta), "# Open data", "")
    page.add(
        "Alles wat deze site openbaar toont, staat hier ook als gegevens: per soort (sessies, "
        "praktijken en zo verder) een JSON- en een CSV-bestand, met dezelfde veldnamen als de "
        "bestanden waarin de redactie "
        f"schrijft (zie [Alle velden]({page.to('bijdragen/velden.md')})).",
        "",
    )
    if not made:
        page.add("Deze uitgave van de kennisbank heeft geen open-databestanden.", "")
        return page.render()
    page.heading(2, "De bestanden")
    for record_type in SECTION_ORDER:
        name = record_type.name
        files = [f"{name}.json", f"{name}.csv"]
        files += [f"{name}-{field}.csv" for field in nested_fields(record_type)]
        count = len(graph.of_type(record_type))
        links = [f"[{file}]({page.to(addresses.data_file(file))})" for file in files]
        links.append(f"[schema]({page.to(_schema_path(name))})")
        page.add(f"- **{text(record_type.plural)}** ({count}): {' · '.join(links)}")
    page.add(
        f"- **Thema's en processen**: [{TAXONOMY}.json]"
        f"({page.to(addresses.data_file(f'{TAXONOMY}.json'))}) · "
        f"[schema]({page.to(_schema_path(TAXONOMY))})",
        "",
    )
    page.heading(2, "Zo leest u de bestanden")
    page.add(
        "- **id** is de naam van het bestand van een sessie, praktijk of ander onderdeel; die "
        "blijft gelijk, zodat u ernaar "
        "kunt verwijzen. Verwijzingen naar andere onderdelen (`regions`, `sessions` …) staan als "
        "id.",
        "- **body** is de tekst van de pagina in Markdown, **url** het adres van de pagina.",
        "- Data zijn `JJJJ-MM-DD`, of `JJJJ-MM` of `JJJJ` als de bron alleen de maand of het "
        "jaar noemt.",
        "- In de CSV-bestanden staan lijsten van id's, thema's en vaste waarden gescheiden door "
        "`;`, andere lijsten als JSON. Lijsten van onderdelen (de voortgang van een regio, de "
        "taken van een standaardincident) staan in een eigen CSV-bestand, met in de kolom `id` "
        "de regio of het standaardincident waar zij bij horen.",
        "- Een cel die begint met `=`, `+`, `-` of `@` heeft in de CSV-bestanden een `'` "
        "ervoor, zodat een rekenblad haar niet als formule uitvoert; in JSON staat de waarde "
        "zoals hij is.",
        "- Een JSON Schema beschrijft elk JSON-bestand veld voor veld.",
        "",
    )
    if graph.edition == "public":
        page.add(
            "Van een regio die haar voortgang niet openbaar deelt, staat de voortgang ook hier "
            "niet in.",
            "",
        )
    page.heading(2, "Catalogus en licentie")
    page.add(
        f"De [DCAT-catalogus]({page.to(addresses.data_file(CATALOGUE))}) (JSON-LD, volgens "
        "DCAT-AP-DONL) beschrijft deze bestanden voor data.overheid.nl. De gegevens zijn "
        f'vrij te gebruiken onder <a href="{attr(settings.data_license)}">deze licentie</a>; '
        f"uitgever is {text(settings.publisher)}.",
        "",
    )
    return page.render()


def _schema_path(name: str) -> str:
    return addresses.data_file(f"{SCHEMAS}/{name}.schema.json")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
