"""Section index pages: every record of a type with its key facts, filterable without a server.

The list is HTML with `data-*` attributes per facet; `assets/javascripts/filters.js` filters it
and keeps the choice in the URL query. The form is on the page from the start, so nothing moves
when the script runs: open on a wide screen, a closed disclosure on a phone (CSS), so the first
screen shows results. Without JavaScript the whole list shows, and the form says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from generator.model import Graph, Record, RecordType
from generator.render import addresses
from generator.render.formatting import (
    attr,
    attr_list,
    dutch_date,
    frontmatter,
    summary_line,
    text,
    visibility_badge,
)
from generator.render.page import Page, feed_meta, last_modified, plain_summary, sort_keys
from generator.types import REGIONS, SECTION_ORDER

# A list item's teaser: whole sentences up to about two lines on a desktop.
LIST_TEASER = 200
# Facets in the order of the form: query parameter and Dutch label.
FACETS: tuple[tuple[str, str], ...] = (
    ("regio", "Regio"),
    ("thema", "Thema"),
    ("status", "Status"),
    ("soort", "Soort"),
    ("jaar", "Jaar"),
)


def section_page(graph: Graph, record_type: RecordType[Any]) -> str:
    plural = record_type.plural
    page = Page(graph, addresses.section_index(record_type))
    keys = sort_keys(graph, (r.key for r in graph.of_type(record_type)))
    # No table of contents: it would repeat every title of the list, filtered or not.
    meta: dict[str, object] = {"title": plural, "hide": ["toc"]}
    page.add(frontmatter(_with_lastmod(meta, last_modified(graph, keys))))
    page.add(f"# {text(plural)}", "", text(record_type.intro), "")
    records = [graph.records[k] for k in keys]
    if not records:
        page.add(f"Er zijn nog geen {text(plural.lower())}.")
        return page.render()
    facets = [facet_values(graph, record) for record in records]
    page.add(*filter_form(graph, record_type, facets), "")
    count = f"{len(records)} {'resultaat' if len(records) == 1 else 'resultaten'}"
    page.add(f'<p class="kb-count" data-kb-count aria-live="polite">{count}</p>')
    # The list repeats every record's title and summary: search finds the records themselves.
    # A <section>, not a <div>: Material's search matches skipped elements by tag name, so
    # the first nested </div> would end the exclusion.
    page.add("", '<section class="kb-list" data-kb-list data-search-exclude markdown="block">', "")
    for record, values in zip(records, facets, strict=True):
        data = " ".join(f'data-{name}="{attr_list(found)}"' for name, found in values.items())
        page.add(f'<div class="kb-item" {data} markdown="block">')
        # A heading, so a screen reader can jump from record to record.
        page.add(
            f'<h2 class="kb-item-titel" markdown="span">{page.ref(record.key, short=True)}</h2>', ""
        )
        details = item_details(page, record)
        if details:
            page.add(details, "")
        summary = summary_line(plain_summary(graph, record), LIST_TEASER)
        if summary:
            page.add(summary, "")
        page.add("</div>", "")
    page.add("</section>")
    return page.render()


def facet_values(graph: Graph, record: Record[Any]) -> dict[str, set[str]]:
    """The filterable values of one record, per facet (keys, not labels): region, theme and
    year for every type, the rest as its type declares."""
    key = record.key
    when = graph.dates.get(key)
    found: dict[str, set[str]] = {
        "regio": {k.id for k in graph.outgoing(key, "regions")},
        "thema": set(record.data.themes),
        "status": set(),
        "soort": set(),
        "jaar": {str(when.year)} if when else set(),
    }
    for facet in key.type.facets:
        found[facet.name].update(facet.values(record))
    return found


def filter_form(
    graph: Graph, record_type: RecordType[Any], facets: list[dict[str, set[str]]]
) -> list[str]:
    lines = [
        '<details class="kb-filterblok" data-kb-filterblok>',
        "<summary><span data-kb-filtertitel>Filteren</span></summary>",
        '<form class="kb-filters" data-kb-filters>',
    ]
    labels = facet_labels(graph, (record_type,))
    for name, shown in FACETS:
        values: set[str] = set().union(*(f[name] for f in facets))
        if not values:
            continue
        named = labels[name]
        options = sorted(((named.get(v, v), v) for v in values), key=_order(name))
        lines.append('<div class="kb-filter">')
        lines.append(f'<label for="kb-filter-{name}">{text(shown)}</label>')
        lines.append(f'<select id="kb-filter-{name}" name="{name}">')
        lines.append('<option value="">Alle</option>')
        lines.extend(f'<option value="{attr(v)}">{attr(label_)}</option>' for label_, v in options)
        lines.append("</select>")
        lines.append("</div>")
    lines.append(
        '<p class="kb-filteruitleg">De lijst filtert in uw browser. Zonder JavaScript '
        "toont zij altijd alles.</p>"
    )
    lines.append('<div class="kb-filterknoppen">')
    lines.append(
        '<button type="submit" class="md-button md-button--primary">Toon resultaten</button>'
    )
    lines.append('<button type="reset" class="md-button">Wis filters</button>')
    lines.append("</div>")
    lines.append("</form>")
    lines.append("</details>")
    return lines


def item_details(page: Page, record: Record[Any]) -> str:
    """The line under a title in a list: badges, date and regions."""
    graph = page.graph
    parts: list[str] = []
    hidden = visibility_badge(record.visibility)
    if hidden:
        parts.append(hidden)
    if record.key.type.details:
        parts += record.key.type.details(record.data)
    if record.key.type.index_details:
        parts += record.key.type.index_details(graph, record)
    when = graph.dates.get(record.key)
    if when:
        parts.append(text(dutch_date(when)))
    regions = [graph.records[k].title for k in graph.outgoing(record.key, "regions")]
    if regions:
        parts.append(text(", ".join(regions)))
    return " · ".join(parts)


def facet_labels(
    graph: Graph, record_types: Iterable[RecordType[Any]]
) -> dict[str, dict[str, str]]:
    """How each facet's values read, for the records of `record_types`: region and theme
    names, vocabulary labels; a value without a label reads as itself. The section filters
    and the search page both take their labels from here."""
    labels: dict[str, dict[str, str]] = {name: {} for name, _ in FACETS}
    labels["regio"] = {record.key.id: record.title for record in graph.of_type(REGIONS)}
    labels["thema"] = {key: theme.label for key, theme in graph.taxonomy.themes.items()}
    for record_type in record_types:
        for facet in record_type.facets:
            if facet.vocabulary:
                labels[facet.name].update(facet.vocabulary.labels)
    return labels


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


def theme_page(graph: Graph, theme_key: str, feeds: Mapping[str, str] | None = None) -> str:
    theme = graph.taxonomy.themes[theme_key]
    page = Page(graph, addresses.theme_path(theme_key), feeds)
    about = [key for key, record in graph.records.items() if theme_key in record.data.themes]
    meta: dict[str, object] = {"title": theme.label, "section": addresses.themes_index()}
    if theme.description:
        meta["description"] = theme.description
    own_feed = feed_meta(page, addresses.theme_feed(theme_key))
    if own_feed:
        meta["feeds"] = own_feed
    page.add(frontmatter(_with_lastmod(meta, last_modified(graph, about))))
    page.add(f"# {text(theme.label)}", "")
    if theme.description:
        page.add(text(theme.description), "")
    found = False
    for record_type in SECTION_ORDER:
        keys = [r.key for r in graph.of_type(record_type) if theme_key in r.data.themes]
        found = found or bool(keys)
        page.record_list(record_type.plural, keys)
    if not found:
        page.add("Er is nog geen inhoud met dit thema.")
    feed = page.feed(addresses.theme_feed(theme_key))
    if feed:
        page.heading(2, "Volgen", searchable=False)
        page.add(
            f"Nieuwe inhoud over {text(theme.label)} volgen? Neem de "
            f"[nieuwsfeed van dit thema]({feed}) op in uw feedlezer; "
            f"[Abonneren]({page.to(addresses.SUBSCRIBE)}) legt uit hoe dat gaat."
        )
    return page.render()


def _with_lastmod(meta: dict[str, object], lastmod: str | None) -> dict[str, object]:
    """The front matter with the sitemap's `lastmod` (overrides/sitemap.xml), when known."""
    return {**meta, "lastmod": lastmod} if lastmod else meta


def _theme_counts(records: Iterable[Record[Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in records:
        for theme in record.data.themes:
            counts[theme] = counts.get(theme, 0) + 1
    return counts
