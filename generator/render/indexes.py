"""Section index pages: every record of a type with its key facts, filterable without a server.

The list is HTML with `data-*` attributes per facet; `assets/javascripts/filters.js` filters it
and keeps the choice in the URL query. Without JavaScript the form stays hidden and the whole
list shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.model import Graph, Key, Record, RecordType
from generator.render import addresses
from generator.render.common import Page, sort_keys
from generator.render.formatting import (
    attr,
    attr_list,
    badge,
    dutch_date,
    frontmatter,
    label,
    summary_line,
    text,
    visibility_badge,
)
from generator.schema import Incident, Knelpunt, Practice, Region, Session

# Facets in the order of the form: query parameter and Dutch label.
FACETS: tuple[tuple[str, str], ...] = (
    ("regio", "Regio"),
    ("thema", "Thema"),
    ("status", "Status"),
    ("soort", "Soort"),
    ("jaar", "Jaar"),
)

INTROS: dict[RecordType, str] = {
    "sessions": "Verslagen van de interregionale en thematische sessies en de leerarena's.",
    "practices": "Good practices, tips en versterkingsproducten die regio's hebben ingebracht.",
    "knelpunten": "Knelpunten die in sessies naar voren kwamen, met de praktijken die helpen.",
    "incidents": "De catalogus van standaardincidenten: wat bevolkingszorg moet leveren, en hoe.",
    "regions": "De veiligheidsregio's en alles wat de kennisbank over hen bevat.",
    "projects": "Projecten die aan de versterking van de bevolkingszorg bijdragen.",
}


def section_page(graph: Graph, record_type: RecordType) -> str:
    plural = addresses.TYPE_NAMES[record_type][1]
    page = Page(graph, addresses.section_index(record_type))
    page.add(frontmatter({"title": plural}))
    page.add(f"# {text(plural)}", "", text(INTROS[record_type]), "")
    keys = sort_keys(graph, (r.key for r in graph.of_type(record_type)))
    records = [graph.records[k] for k in keys]
    if not records:
        page.add(f"Er zijn nog geen {text(plural.lower())}.")
        return page.render()
    facets = [facet_values(graph, record) for record in records]
    page.add(*filter_form(graph, facets), "")
    count = f"{len(records)} {'resultaat' if len(records) == 1 else 'resultaten'}"
    page.add(f'<p class="kb-count" data-kb-count aria-live="polite">{count}</p>')
    # The list repeats every record's title and summary: search finds the records themselves.
    # A <section>, not a <div>: Material's search matches skipped elements by tag name, so
    # the first nested </div> would end the exclusion.
    page.add("", '<section class="kb-list" data-kb-list data-search-exclude markdown="block">', "")
    for record, values in zip(records, facets, strict=True):
        data = " ".join(f'data-{name}="{attr_list(found)}"' for name, found in values.items())
        page.add(f'<div class="kb-item" {data} markdown="block">', "")
        page.add(f"**{page.ref(record.key)}**", "")
        details = item_details(page, record)
        if details:
            page.add(details, "")
        summary = summary_line(record.data.summary)
        if summary:
            page.add(summary, "")
        page.add("</div>", "")
    page.add("</section>")
    return page.render()


def facet_values(graph: Graph, record: Record) -> dict[str, set[str]]:
    """The filterable values of one record, per facet (keys, not labels)."""
    data = record.data
    key = record.key
    regions = {k.id for k in graph.referred(key, "regions")}
    if isinstance(data, Region):
        regions.add(key.id)
    status = getattr(data, "status", None)
    kind = getattr(data, "kind", None)
    if isinstance(data, Incident) and data.category:
        kind = data.category
    when = graph.dates.get(key)
    return {
        "regio": regions,
        "thema": set(data.themes),
        "status": {status} if status else set(),
        "soort": {kind} if kind else set(),
        "jaar": {str(when.year)} if when else set(),
    }


def filter_form(graph: Graph, facets: list[dict[str, set[str]]]) -> list[str]:
    lines = ['<form class="kb-filters" data-kb-filters hidden>']
    for name, shown in FACETS:
        values: set[str] = set().union(*(f[name] for f in facets))
        if not values:
            continue
        options = sorted(((_option_label(graph, name, v), v) for v in values), key=_order(name))
        lines.append('<div class="kb-filter">')
        lines.append(f'<label for="kb-filter-{name}">{text(shown)}</label>')
        lines.append(f'<select id="kb-filter-{name}" name="{name}">')
        lines.append('<option value="">Alle</option>')
        lines.extend(f'<option value="{attr(v)}">{attr(label_)}</option>' for label_, v in options)
        lines.append("</select>")
        lines.append("</div>")
    lines.append('<button type="reset" class="md-button">Wis filters</button>')
    lines.append("</form>")
    return lines


def item_details(page: Page, record: Record) -> str:
    data = record.data
    graph = page.graph
    parts: list[str] = []
    hidden = visibility_badge(record.visibility)
    if hidden:
        parts.append(hidden)
    if isinstance(data, Session):
        parts.append(badge("soort", data.kind, label("session_kind", data.kind)))
    elif isinstance(data, Practice):
        parts.append(badge("soort", data.kind, label("practice_kind", data.kind)))
        parts.append(badge("status", data.status, label("practice_status", data.status)))
    elif isinstance(data, Knelpunt):
        parts.append(badge("status", data.status, label("knelpunt_status", data.status)))
    elif isinstance(data, Region):
        parts.append(text(data.code))
    elif isinstance(data, Incident) and data.category:
        parts.append(text(data.category))
    when = graph.dates.get(record.key)
    if when:
        parts.append(text(dutch_date(when)))
    regions = [graph.records[k].title for k in graph.referred(record.key, "regions")]
    if regions:
        parts.append(text(", ".join(regions)))
    return " · ".join(parts)


def _option_label(graph: Graph, facet: str, value: str) -> str:
    if facet == "regio":
        region = graph.records.get(Key("regions", value))
        return region.title if region else value
    if facet == "thema":
        theme = graph.taxonomy.themes.get(value)
        return theme.label if theme else value
    for vocabulary in ("session_kind", "practice_kind", "practice_status", "knelpunt_status"):
        shown = label(vocabulary, value)
        if shown != value:
            return shown
    return value


def _order(facet: str) -> Callable[[tuple[str, str]], str | int]:
    # Years newest first; everything else alphabetically by what people read.
    if facet == "jaar":
        return lambda item: -int(item[1])
    return lambda item: item[0].lower()


def themes_index(graph: Graph) -> str:
    page = Page(graph, addresses.themes_index())
    page.add(frontmatter({"title": "Thema's"}), "# Thema's", "")
    page.add("De thema's van BZOO 2.0 waarmee de inhoud is ingedeeld.", "")
    counts = _theme_counts(graph.records.values())
    for key, theme in graph.taxonomy.themes.items():
        line = f"- {page.theme(key)} ({counts.get(key, 0)})"
        if theme.description:
            line += f" — {text(theme.description)}"
        page.add(line)
    return page.render()


def theme_page(graph: Graph, theme_key: str) -> str:
    theme = graph.taxonomy.themes[theme_key]
    page = Page(graph, addresses.theme_path(theme_key))
    meta: dict[str, object] = {"title": theme.label}
    if theme.description:
        meta["description"] = theme.description
    page.add(frontmatter(meta), f"# {text(theme.label)}", "")
    if theme.description:
        page.add(text(theme.description), "")
    found = False
    for record_type in addresses.SECTION_ORDER:
        keys = [r.key for r in graph.of_type(record_type) if theme_key in r.data.themes]
        found = found or bool(keys)
        page.record_list(addresses.TYPE_NAMES[record_type][1], keys)
    if not found:
        page.add("Er is nog geen inhoud met dit thema.")
    return page.render()


def _theme_counts(records: Iterable[Record]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in records:
        for theme in record.data.themes:
            counts[theme] = counts.get(theme, 0) + 1
    return counts
