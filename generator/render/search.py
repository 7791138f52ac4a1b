"""What the site's search knows about each record, and the search page: no engine here.

`search_records` turns the graph of one edition into plain records (title, summary, text, facet
values, date) that any engine can index; generator/search_index.py hands them to Pagefind and
generator/offline.py embeds them in the offline copy. The facet values are the section lists'
own (`facet_values` in indexes.py): one source for the filters of a section and of search.
Only what the edition's graph holds is here, so internal and draft records never reach the
public index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from generator import wikilinks
from generator.model import Graph, Record
from generator.render import addresses
from generator.render.formatting import attr, frontmatter, text
from generator.render.indexes import facet_labels, facet_values
from generator.render.page import plain_summary
from generator.types import REGISTRY, SECTION_ORDER

SEARCH_PAGE = "zoeken.md"
# Facets of the search page in the order of the form: query parameter and Dutch label. The
# section lists' facets, plus the record type.
FACETS: tuple[tuple[str, str], ...] = (
    ("type", "Soort inhoud"),
    ("thema", "Thema"),
    ("regio", "Regio"),
    ("status", "Status"),
    ("jaar", "Jaar"),
    ("soort", "Soort"),
)
# Pages that are not records (the guide, the hand-written pages) carry this type.
PAGE_TYPE = ("pagina", "Pagina", "Pagina's")

# Record fields that are not text for search: shown elsewhere (title, summary), keys whose
# labels are added instead (themes, references), or not public in every edition (a region's
# progress follows the disclosure rule of generator/progress.py; search leaves it out).
_NOT_TEXT = {"title", "summary", "themes", "visibility", "updated", "progress_visibility"}
_NOT_TEXT |= {"progress"}

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|!!!\s*\w+\s*)", re.M)
_INLINE_MARKUP = re.compile(r"[*`|]|(?<!\w)_|_(?!\w)|^\s*:?-{3,}:?\s*$", re.M)


@dataclass(frozen=True)
class SearchRecord:
    """One searchable page: what a result shows, what is searched, how it is filtered."""

    url: str  # site-relative, as served: praktijken/groepsapp/
    title: str
    type_label: str  # the chip on a result: Praktijk
    summary: str
    text: str  # plain text: the body and the record's other fields, without markup
    facets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # keys, not labels
    date: str = ""  # ISO date for sorting; empty when the record has none

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "type": self.type_label,
            "summary": self.summary,
            "text": self.text,
            "facets": {name: list(values) for name, values in self.facets.items()},
            "date": self.date,
        }


def search_records(graph: Graph) -> list[SearchRecord]:
    """Every record of the edition, in a stable order (section order, then id)."""
    labels = facet_labels(graph, REGISTRY)
    return [
        _record(graph, record, labels)
        for record_type in SECTION_ORDER
        for record in graph.of_type(record_type)
    ]


def page_record(url: str, title: str, plain: str) -> SearchRecord:
    """A page that is not a record (the guide, the hand-written pages), from its own text."""
    kind, singular, _ = PAGE_TYPE
    return SearchRecord(url, title, singular, "", plain, {"type": (kind,)})


def _record(graph: Graph, record: Record[Any], labels: dict[str, dict[str, str]]) -> SearchRecord:
    key = record.key
    values = record_facets(graph, record)
    when = graph.dates.get(key)
    # The names of its regions and the labels of its facets are searchable too: "Vechtstreek"
    # finds the practices of Gooi en Vechtstreek, "beproefd" those tried in a real incident.
    # Other records it names are not: a hit is the record, not every record that names it.
    referred = [graph.records[target].title for target in graph.outgoing(key, "regions")]
    facet_words = [
        labels[name].get(value, value)
        for name, found in values.items()
        if name not in ("type", "jaar", "regio")
        for value in sorted(found)
    ]
    parts = [
        body_text(graph, record),
        *own_fields(record.data, key.type.references, graph),
        *referred,
        *facet_words,
    ]
    return SearchRecord(
        url=addresses.url(addresses.page_path(key)),
        title=record.title,
        type_label=key.type.singular,
        summary=plain_summary(graph, record) or "",
        # Parts apart, so that a passage shown under a result reads as separate pieces.
        text=" · ".join(" ".join(part.split()) for part in parts if part.strip()),
        facets={name: tuple(sorted(found)) for name, found in values.items() if found},
        date=when.isoformat() if when else "",
    )


def record_facets(graph: Graph, record: Record[Any]) -> dict[str, set[str]]:
    """The section lists' facet values of a record, plus its type (its section)."""
    values = facet_values(graph, record)
    values["type"] = {record.key.type.section}
    return values


def body_text(graph: Graph, record: Record[Any]) -> str:
    """The body as readable text: wikilinks as their records' titles, Markdown marks left out.

    Good enough for finding words and showing a passage; the page itself is rendered by the
    Markdown engine. (Converting every body with Python-Markdown would add a tenth to a build.)
    """
    body = record.body
    resolved = graph.wikilinks.get(record.key, {})
    pieces: list[str] = []
    last = 0
    for link in wikilinks.find(body):
        target = resolved.get(link.target)
        title = graph.records[target].title if target and target in graph.records else None
        shown = link.label or title or link.target
        pieces += [body[last : link.start], shown]
        last = link.end
    pieces.append(body[last:])
    plain = _MARKDOWN_LINK.sub(r"\1", "".join(pieces))
    plain = _LINE_MARKUP.sub("", plain)
    return _INLINE_MARKUP.sub(" ", plain)


def own_fields(data: BaseModel, references: Mapping[str, str], graph: Graph) -> Iterator[str]:
    """The text of a record's other fields (a role, a code, an incident's tasks), with taxonomy
    keys as their labels; references and fields that are not text are left out."""
    for name, info in type(data).model_fields.items():
        if name in _NOT_TEXT or name in references or _is_choice(info.annotation):
            continue
        yield from _texts(getattr(data, name), graph)


def _is_choice(annotation: object) -> bool:
    """A field of one closed value (kind, status): its label is searchable through the facets,
    its key (`good-practice`) should not show in a passage."""
    if get_origin(annotation) is Literal:
        return True
    return get_origin(annotation) in (Union, UnionType) and any(
        get_origin(arg) is Literal for arg in get_args(annotation)
    )


def _texts(value: object, graph: Graph) -> Iterator[str]:
    if isinstance(value, str):
        process = graph.taxonomy.processes.get(value)
        yield process.label if process else value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), graph)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, graph)


def search_facet_labels(
    graph: Graph, facets: Iterable[Mapping[str, Iterable[str]]]
) -> dict[str, dict[str, str]]:
    """Per facet, the label of every value in `facets` (one mapping per record)."""
    labels = facet_labels(graph, REGISTRY)
    labels["type"] = {t.section: t.plural for t in REGISTRY}
    labels["type"][PAGE_TYPE[0]] = PAGE_TYPE[2]
    found: dict[str, dict[str, str]] = {name: {} for name, _ in FACETS}
    for values_of in facets:
        for name, values in values_of.items():
            for value in values:
                found[name][value] = labels.get(name, {}).get(value, value)
    return found


def search_page(graph: Graph) -> str:
    """The search page: a form that works as a plain GET form (to itself), turned by
    assets/javascripts/search.js into search while typing with facets and their counts.

    The facets and their labels are written here, from the records, so the page shows what
    can be filtered before the engine has loaded; the script fills in the counts."""
    # Every record's facets, and the type of the pages that are not records (the guide).
    facets = [record_facets(graph, record) for record in graph.records.values()]
    labels = search_facet_labels(graph, [*facets, {"type": [PAGE_TYPE[0]]}])
    order = {t.section: i for i, t in enumerate(SECTION_ORDER)}
    lines = [
        # Without the table of contents beside it: the results need the width.
        frontmatter(
            {"title": "Zoeken", "description": "Zoek in de hele kennisbank.", "hide": ["toc"]}
        ),
        "# Zoeken",
        "",
        # Named: the header's search form is a search landmark as well.
        '<form class="kb-search" role="search" aria-label="Zoeken en filteren" data-kb-search>',
        '<label class="kb-search__label" for="kb-search-q">Zoek in de kennisbank</label>',
        '<div class="kb-search__bar">',
        '<input id="kb-search-q" class="kb-search__input" type="search" name="q" '
        'autocomplete="off" aria-describedby="kb-search-hint" data-kb-search-input>',
        '<button type="submit" class="md-button md-button--primary">Zoeken</button>',
        "</div>",
        '<p id="kb-search-hint" class="kb-search__hint">Bijvoorbeeld <em>opvanglocatie</em>, '
        "<em>OvD-BZ</em> of <em>Fryslân</em>. Verfijn met de filters; het adres van deze "
        "pagina bewaart uw zoekopdracht en filters, zodat u ze kunt delen.</p>",
        '<p class="kb-search__status" role="status" aria-live="polite" aria-atomic="true" '
        "data-kb-search-count></p>",
        '<div class="kb-search__layout">',
        # Folded on a phone, shown open on a wide screen by the style sheet alone
        # (::details-content), so that nothing moves once the page has loaded.
        '<details class="kb-search__facets" data-kb-search-facets>',
        '<summary class="kb-search__facets-title">Filters</summary>',
    ]
    for name, shown in FACETS:
        values = labels[name]
        if not values:
            continue
        if name == "type":
            ordered = sorted(values, key=lambda v: order.get(v, len(order)))
        elif name == "jaar":
            ordered = sorted(values, reverse=True)
        else:
            ordered = sorted(values, key=lambda v: values[v].lower())
        lines.append(f'<fieldset class="kb-facet" data-kb-facet="{attr(name)}">')
        lines.append(f"<legend>{text(shown)}</legend>")
        for number, value in enumerate(ordered):
            ident = f"kb-f-{name}-{number}"
            lines.append(
                f'<div class="kb-facet__option"><input type="checkbox" id="{attr(ident)}" '
                f'name="{attr(name)}" value="{attr(value)}">'
                f'<label for="{attr(ident)}"><span class="kb-facet__label">'
                f"{text(values[value])}</span> "
                f'<span class="kb-facet__count" data-kb-count-for="{attr(value)}"></span>'
                "</label></div>"
            )
        lines.append("</fieldset>")
    lines += [
        '<button type="reset" class="md-button kb-search__reset">Wis zoekopdracht en filters'
        "</button>",
        "</details>",
        '<div class="kb-search__output">',
        '<label class="kb-search__sort-label" for="kb-search-sort">Volgorde</label>',
        '<select id="kb-search-sort" name="volgorde" data-kb-search-sort>',
        '<option value="">Best passend</option>',
        '<option value="nieuw">Nieuwste eerst</option>',
        "</select>",
        '<ol class="kb-results" data-kb-search-results aria-label="Zoekresultaten"></ol>',
        '<p class="kb-search__more" data-kb-search-more hidden><button type="button" '
        'class="md-button" data-kb-search-more-button>Meer resultaten</button></p>',
        "</div>",
        "</div>",
        "</form>",
        "",
        '<noscript><p class="kb-search__nojs">Zoeken werkt met JavaScript. Zonder '
        "JavaScript vindt u alles via de overzichten in het menu.</p></noscript>",
    ]
    return "\n".join(lines) + "\n"


def html_text(html: str) -> str:
    """The readable text of a page's HTML content (a page that is not a record), without the
    permalink signs of its headings."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        skipped = self._skipping or "headerlink" in classes or tag in ("script", "style")
        if skipped and tag not in _VOID:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)
