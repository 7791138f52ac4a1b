"""The browser editor's configuration (Decap CMS at /beheer/), generated from the record types.

Every collection, field and widget comes from the registry (`generator/types`), the JSON Schema
pydantic makes of each schema (types, required-ness, defaults, enums, the `x-` form hints of
`generator/schema.py`), the Dutch labels of `generator/vocabulary.py` and the taxonomy. So the
form, the validator, the JSON Schemas, the guide and `kennisbank new` read one source and cannot
disagree. Pure: the caller hands in the content's facts; nothing here does I/O or knows MkDocs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from generator.load import CONTENT_DIR, KENNISBRIEF_DIR, TAXONOMY_FILE
from generator.model import Graph, Quarter, RecordType
from generator.schema import KennisbriefIntro, Taxonomy
from generator.types import BY_NAME, REGISTRY
from generator.vocabulary import VISIBILITY, vocabulary_of

# New records start as concepts, as with `kennisbank new`: nothing is published by accident.
NEW_RECORD_VISIBILITY = "draft"
# The local proxy that `kennisbank cms` starts (decap-server), on this machine only.
LOCAL_PROXY = "http://127.0.0.1:{port}/api/v1"
# Decap's top-level settings a project may set in mkdocs.yml (plugin option `cms`).
PROJECT_SETTINGS = ("backend", "publish_mode", "site_url", "display_url")
# Uploaded images land in the site's own assets: bodies may only show the site's own images.
MEDIA_FOLDER = "docs/assets/afbeeldingen"
PUBLIC_FOLDER = "/assets/afbeeldingen"

BODY_HINT = (
    "Markdown: ## voor een kopje, - voor een opsomming, **vet**. Een link naar een ander "
    "record schrijft u als [[id]] (de bestandsnaam zonder .md), bijvoorbeeld "
    "[[vaste-belrondes-bij-stroomuitval]]; bij dezelfde id in twee typen [[practices/id]]. "
    "HTML, {: ...}-attributen en afbeeldingen van andere sites zijn niet toegestaan."
)
BODY_LABEL = {"incidents": "Scenario", "sessions": "Verslag"}


class UnsupportedField(ValueError):
    """A schema field this module does not know how to show in a form: teach it, or the
    form would silently lack the field."""


@dataclass(frozen=True)
class ContentFacts:
    """What the configuration needs to know of the content itself."""

    taxonomy: Taxonomy
    quarters: tuple[Quarter, ...] = ()  # kennisbrieven an editor may write an introduction for
    extensions: Mapping[str, str] | None = None  # type name -> "md" | "yml" its files use

    @classmethod
    def of(cls, graph: Graph) -> ContentFacts:
        """The facts of one edition's graph: quarters with records or an introduction, and
        the extension most files of each type have (a folder collection has one)."""
        quarters = {Quarter.of(day) for day in graph.dates.values() if day is not None}
        quarters |= set(graph.kennisbrieven)
        counts: dict[str, Counter[str]] = {}
        for key, record in graph.records.items():
            counts.setdefault(key.type.name, Counter())[record.path.rsplit(".", 1)[-1]] += 1
        extensions = {name: count.most_common(1)[0][0] for name, count in counts.items()}
        return cls(graph.taxonomy, tuple(sorted(quarters)), extensions)

    def extension(self, record_type: RecordType[Any]) -> str:
        return (self.extensions or {}).get(record_type.name, "md")


def cms_config(
    facts: ContentFacts, settings: Mapping[str, Any], *, local_proxy_port: int | None = None
) -> dict[str, Any]:
    """Decap CMS's config.yml as a mapping.

    `settings` are the project's own (the git host in `backend`, `publish_mode`); with
    `local_proxy_port` the editor works on this checkout through decap-server instead, writing
    files directly (simple publish mode: there is no pull request on a disk)."""
    config: dict[str, Any] = {"locale": "nl"}
    config.update({key: settings[key] for key in PROJECT_SETTINGS if key in settings})
    if local_proxy_port is not None:
        config["backend"] = {"name": "git-gateway"}  # unused: the proxy stands in for it
        config["local_backend"] = {"url": LOCAL_PROXY.format(port=local_proxy_port)}
        config.pop("publish_mode", None)
    config.update(
        {
            # No "check for preview" link: this site is built by CI, not by Decap's host.
            "show_preview_links": False,
        }
    )
    config.update(
        {
            "media_folder": MEDIA_FOLDER,
            "public_folder": PUBLIC_FOLDER,
            # Our preview is the site itself (`kennisbank serve`); Decap's pane would be a
            # second, wrong rendering.
            "editor": {"preview": False},
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "collections": [
                *(record_collection(t, facts) for t in REGISTRY),
                kennisbrief_collection(facts),
                taxonomy_collection(facts.taxonomy),
            ],
        }
    )
    return config


def config_yaml(config: Mapping[str, Any]) -> str:
    header = (
        "# Gemaakt door `kennisbank cms-config` uit de schema's van de kennisbank en\n"
        "# content/taxonomy.yml; niet met de hand bewerken.\n"
    )
    return header + yaml.safe_dump(
        dict(config), allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )


def record_collection(record_type: RecordType[Any], facts: ContentFacts) -> dict[str, Any]:
    """One folder collection per type: its folder, the file name as id, every field."""
    extension = facts.extension(record_type)
    fields = form_fields(record_type.schema, facts.taxonomy, record_type.references)
    if extension == "md":
        label = BODY_LABEL.get(record_type.name, "Tekst")
        fields.append(body_field(label))
    return {
        "name": record_type.name,
        "label": record_type.plural,
        "label_singular": record_type.singular,
        "description": record_type.intro,
        "folder": f"{CONTENT_DIR}/{record_type.name}",
        "extension": extension,
        "format": "frontmatter" if extension == "md" else "yml",
        "create": True,
        # Removing a record breaks what refers to it: that is a change for the terminal,
        # where `kennisbank check` shows every reference first.
        "delete": False,
        # The id is the file name, made from the title when the record is created.
        "identifier_field": "title",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "sortable_fields": ["title"],
        "view_filters": [
            {
                "label": f"Alleen {VISIBILITY.label(value).lower()}",
                "field": "visibility",
                "pattern": value,
            }
            for value in ("draft", "internal")
        ],
        "fields": fields,
    }


def kennisbrief_collection(facts: ContentFacts) -> dict[str, Any]:
    """The introductions: one file per quarter, named <jaar>-q<n> (a folder collection would
    name new files after their title). Offered for every quarter that has a kennisbrief."""
    fields = form_fields(KennisbriefIntro, facts.taxonomy, {})
    fields.append(body_field("Inleiding"))
    return {
        "name": KENNISBRIEF_DIR,
        "label": "Kennisbrieven",
        "label_singular": "Kennisbrief",
        "description": "De inleiding boven de kennisbrief van een kwartaal (optioneel).",
        "files": [
            {
                "name": quarter.slug,
                "label": f"Kennisbrief {quarter.label}",
                "file": f"{CONTENT_DIR}/{KENNISBRIEF_DIR}/{quarter.slug}.md",
                "fields": fields,
            }
            for quarter in sorted(facts.quarters, reverse=True)
        ],
    }


def taxonomy_collection(taxonomy: Taxonomy) -> dict[str, Any]:
    """content/taxonomy.yml: the label and description of every theme and process (a key is
    an address on the site and is added in the file itself), every abbreviation's full name,
    and the public contacts."""
    nested = _nested(Taxonomy)
    fields: list[dict[str, Any]] = []
    for name, info in Taxonomy.model_fields.items():
        prop = nested.properties[name]
        if name in ("themes", "processes"):
            entries = getattr(taxonomy, name)
            model = nested.model_of(prop["additionalProperties"])
            subfields = [
                {
                    "name": key,
                    "label": entry.label,
                    "widget": "object",
                    "collapsed": True,
                    "fields": form_fields(model, taxonomy, {}),
                }
                for key, entry in entries.items()
            ]
            fields.append(_field(name, prop, info.is_required(), widget="object", fields=subfields))
        elif name == "abbreviations":
            # Each abbreviation's full name; a new abbreviation is added in the file, as a key.
            spelled_out = [
                {"name": short, "label": short, "widget": "string"}
                for short in taxonomy.abbreviations
            ]
            fields.append(
                _field(name, prop, info.is_required(), widget="object", fields=spelled_out)
            )
        else:
            fields.append(field_widget(name, prop, nested, taxonomy, {}, info.is_required()))
    return {
        "name": "taxonomie",
        "label": "Thema's en processen",
        "description": "De vaste woordenlijsten van de kennisbank (content/taxonomy.yml).",
        "files": [
            {
                "name": "taxonomy",
                "label": "Thema's, processen en openbare contactgegevens",
                "file": f"{CONTENT_DIR}/{TAXONOMY_FILE}",
                "fields": fields,
            }
        ],
    }


def body_field(label: str) -> dict[str, Any]:
    """The Markdown under the fields, as the editor typed it: a plain text area. Decap's
    Markdown widget re-serialises what it loads (its rich-text mode escapes `[[id]]`), and its
    editor is no labelled form field."""
    return {"name": "body", "label": label, "widget": "text", "required": False, "hint": BODY_HINT}


def form_fields(
    model: type[BaseModel], taxonomy: Taxonomy, references: Mapping[str, str]
) -> list[dict[str, Any]]:
    """A form field for every field of `model`, in the schema's (the contract's) order."""
    schema = _nested(model)
    return [
        field_widget(name, schema.properties[name], schema, taxonomy, references, required)
        for name, required in ((n, n in schema.required) for n in model.model_fields)
    ]


def field_widget(
    name: str,
    prop: Mapping[str, Any],
    schema: _Schema,
    taxonomy: Taxonomy,
    references: Mapping[str, str],
    required: bool,
) -> dict[str, Any]:
    """The widget for one field, from its JSON Schema `prop`."""
    value = _without_null(prop)
    if name in references:
        return _relation(name, prop, value, BY_NAME[references[name]], required)
    if value.get("type") == "array":
        items = schema.resolve(value.get("items", {}))
        if "x-taxonomy" in items:
            return _taxonomy_select(name, prop, items, taxonomy, required, multiple=True)
        if "enum" in items:
            return _select(name, prop, items["enum"], required, multiple=True)
        if items.get("type") == "object":
            model = schema.model_of(value["items"])
            fields = form_fields(model, taxonomy, {})
            return _field(
                name,
                prop,
                required,
                widget="list",
                min=value.get("minItems"),
                collapsed=False,
                summary=" – ".join(f"{{{{fields.{f['name']}}}}}" for f in fields[:2]),
                label_singular=schema.resolve(value["items"]).get("title"),
                fields=fields,
            )
        if items.get("type") == "string":
            item = {"name": "item", "label": prop.get("title", name), "widget": "string"}
            return _field(name, prop, required, widget="list", field=item)
    if "x-taxonomy" in value:
        return _taxonomy_select(name, prop, value, taxonomy, required, multiple=False)
    if "enum" in value:
        return _select(name, prop, value["enum"], required, multiple=False)
    dated = date_widget(value)
    if dated is not None:
        return _field(name, prop, required, **dated)
    if value.get("type") == "integer":
        return _field(
            name, prop, required, widget="number", value_type="int", min=value.get("minimum")
        )
    if value.get("type") == "boolean":
        return _field(name, prop, required, widget="boolean")
    if value.get("type") == "string":
        widget = "text" if value.get("x-multiline") else "string"
        return _field(name, prop, required, widget=widget)
    raise UnsupportedField(f"{name}: {dict(prop)}")


def date_widget(value: Mapping[str, Any]) -> dict[str, Any] | None:
    """The one place that decides how a date is entered, from the field's JSON Schema.

    A field whose only form is a full date (`format: date`) gets a date picker that stores
    JJJJ-MM-DD. A date field that also takes less than a day (a year as an integer, or any
    string `pattern` beside the date, such as JJJJ or JJJJ-MM) is typed as text and checked
    against all of its forms. None: not a date field (no `format: date` among its forms)."""
    forms = list(value.get("anyOf", [value]))
    if not any(form.get("format") == "date" for form in forms):
        return None
    if len(forms) == 1 and "pattern" not in value:
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD-MM-YYYY",
            "time_format": False,
        }
    patterns = [_date_pattern(form) for form in forms]
    return {
        "widget": "string",
        "pattern": [
            "^(?:" + "|".join(p for p in patterns if p) + ")$",
            "Vul een datum in als JJJJ-MM-DD (2016-03-15)"
            + (
                ", of alleen de maand (2016-03) of het jaar (2016) als de dag niet bekend is."
                if len(patterns) > 1
                else "."
            ),
        ],
    }


def _date_pattern(form: Mapping[str, Any]) -> str:
    if "pattern" in form:
        return str(form["pattern"]).removeprefix("^").removesuffix("$")
    if form.get("format") == "date":
        return r"\d{4}-\d{2}-\d{2}"
    if form.get("type") == "integer":
        return r"\d{4}"
    raise UnsupportedField(f"a date that can also be {dict(form)}")


# --- field kinds ---


def _relation(
    name: str,
    prop: Mapping[str, Any],
    value: Mapping[str, Any],
    target: RecordType[Any],
    required: bool,
) -> dict[str, Any]:
    """A reference: the editor picks a record by its title (and code, where records have one,
    as regions do); the file stores its id."""
    extra = [f for f in ("code",) if f in target.schema.model_fields]
    display = "{{title}}" + "".join(f" ({{{{{f}}}}})" for f in extra)
    multiple = value.get("type") == "array"
    return _field(
        name,
        prop,
        required,
        widget="relation",
        collection=target.name,
        value_field="{{slug}}",
        search_fields=["title", *extra],
        display_fields=[display],
        multiple=multiple,
        min=value.get("minItems") if multiple else None,
        options_length=50,
    )


def _taxonomy_select(
    name: str,
    prop: Mapping[str, Any],
    items: Mapping[str, Any],
    taxonomy: Taxonomy,
    required: bool,
    *,
    multiple: bool,
) -> dict[str, Any]:
    entries = getattr(taxonomy, items["x-taxonomy"])
    options = [{"label": entry.label, "value": key} for key, entry in entries.items()]
    return _field(name, prop, required, widget="select", options=options, multiple=multiple)


def _select(
    name: str, prop: Mapping[str, Any], values: list[str], required: bool, *, multiple: bool
) -> dict[str, Any]:
    return _field(
        name,
        prop,
        required,
        widget="select",
        options=[{"label": label, "value": value} for value, label in _labels(values)],
        multiple=multiple,
    )


def _field(name: str, prop: Mapping[str, Any], required: bool, **options: Any) -> dict[str, Any]:
    """The keys every field has, then the widget's own options (None: left out)."""
    field: dict[str, Any] = {
        "name": name,
        "label": prop.get("title", name),
        "widget": options.pop("widget"),
        "required": required,
    }
    default = prop.get("default")
    hint = prop.get("description", "")
    if isinstance(default, str) and "options" in options:
        # An existing record without the field shows an empty select: say what that means.
        label = dict(_labels([o["value"] for o in options["options"]])).get(default, default)
        hint = f"{hint} Leeg betekent: {label}.".strip()
    if name == "visibility":
        default = NEW_RECORD_VISIBILITY
    if default not in (None, [], {}):
        field["default"] = default
    if hint:
        field["hint"] = hint
    field.update({key: value for key, value in options.items() if value is not None})
    return field


def _labels(values: Iterable[str]) -> list[tuple[str, str]]:
    values = list(values)
    vocabulary = vocabulary_of(values)
    return [(value, vocabulary.label(value) if vocabulary else value) for value in values]


def _without_null(prop: Mapping[str, Any]) -> Mapping[str, Any]:
    """An optional field's schema without its `null` alternative."""
    options = [o for o in prop.get("anyOf", []) if o.get("type") != "null"]
    if "anyOf" in prop and len(options) == 1:
        only: Mapping[str, Any] = options[0]
        return only
    if "anyOf" in prop:
        return {"anyOf": options}
    return prop


@dataclass(frozen=True)
class _Schema:
    """A model's JSON Schema, with its nested models' definitions resolved."""

    model: type[BaseModel]
    properties: Mapping[str, Any]
    required: frozenset[str]
    definitions: Mapping[str, Any]

    def resolve(self, prop: Mapping[str, Any]) -> Mapping[str, Any]:
        ref = prop.get("$ref")
        return self.definitions[ref.rsplit("/", 1)[-1]] if ref else prop

    def model_of(self, prop: Mapping[str, Any]) -> type[BaseModel]:
        """The pydantic model a nested `$ref` stands for."""
        name = prop["$ref"].rsplit("/", 1)[-1]
        for info in self.model.model_fields.values():
            for candidate in _models_in(info.annotation):
                if candidate.__name__ == name:
                    return candidate
        raise UnsupportedField(name)


def _nested(model: type[BaseModel]) -> _Schema:
    schema = model.model_json_schema()
    return _Schema(
        model,
        schema["properties"],
        frozenset(schema.get("required", [])),
        schema.get("$defs", {}),
    )


def _models_in(annotation: Any) -> Iterable[type[BaseModel]]:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)
