"""Writing one Markdown page: links between records, lists, facts and bodies.

The kit every page renderer uses, the record types' own (generator/types/) included; it knows
no record type by name, so it sits below them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from generator import wikilinks
from generator.dates import PartialDate
from generator.model import Graph, Kennisbrief, Key, Record
from generator.render import addresses
from generator.render.formatting import (
    demote_headings,
    dutch_date,
    link,
    summary_line,
    text,
    visibility_badge,
)

# Material's search skips an element (and a heading's section) that carries this attribute.
SEARCH_EXCLUDE = " { data-search-exclude }"
# A card's teaser: a short sentence, two lines in a card.
CARD_TEASER = 150


class Page:
    """One Markdown page being written; knows its own path, so links come out relative."""

    def __init__(self, graph: Graph, path: str, feeds: Mapping[str, str] | None = None) -> None:
        self.graph = graph
        self.path = path
        # The feeds this build makes, path -> title (none without the site's address).
        self.feeds: Mapping[str, str] = feeds or {}
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def heading(self, level: int, title: str, *, searchable: bool = True) -> None:
        """`searchable=False` keeps the section out of the search index (attr_list pragma)."""
        self.blank()
        self.add(f"{'#' * level} {title}{'' if searchable else SEARCH_EXCLUDE}", "")

    def to(self, target: str) -> str:
        return addresses.relative(self.path, target)

    def ref(self, key: Key, label: str | None = None, *, short: bool = False) -> str:
        """A link to a record with its title (`short`: the name people use; or `label`, an
        editor's own link text) as text."""
        record = self.graph.records[key]
        shown = label or (key.type.list_title(record.data) if short else record.title)
        return link(shown, self.to(addresses.page_path(key)))

    def feed(self, path: str) -> str | None:
        """A relative link to a feed of this build, or None when the build makes none."""
        return self.to(path) if path in self.feeds else None

    def refs(self, keys: Iterable[Key]) -> str:
        return ", ".join(self.ref(key) for key in keys)

    def theme(self, theme: str) -> str:
        found = self.graph.taxonomy.themes.get(theme)
        shown = found.label if found else theme
        return link(shown, self.to(addresses.theme_path(theme)))

    def themes(self, themes: Iterable[str]) -> str:
        return ", ".join(self.theme(theme) for theme in themes)

    def processes(self, processes: Iterable[str]) -> str:
        """Processes by their label in the taxonomy, as text."""
        found = self.graph.taxonomy.processes
        return text(", ".join(found[p].label if p in found else p for p in processes))

    def facts(self, facts: Sequence[tuple[str, str]]) -> None:
        """Key facts as a list of `**Label:** value`; empty values are left out."""
        shown = [(name, value) for name, value in facts if value]
        if not shown:
            return
        self.blank()
        self.add(*(f"- **{name}:** {value}" for name, value in shown))
        self.blank()

    def record_list(self, title: str, keys: Sequence[Key], *, empty: str = "") -> None:
        """A titled list of related records, each with its title, kind of record and summary."""
        if not keys and not empty:
            return
        # Related records are found in search on their own pages; their titles and summaries
        # repeated here would make every search hit come back many times over.
        self.heading(2, title, searchable=False)
        if not keys:
            self.add(text(empty), "")
            return
        self.cards([(key, "") for key in sort_keys(self.graph, keys)])

    def cards(self, items: Sequence[tuple[Key, str]]) -> None:
        """Related records as compact cards: the one component for related content on every
        page. Each item is a record and a note in Markdown text (why it is here), or ""."""
        self.blank()
        self.add('<ul class="kb-kaarten" markdown="block">')
        for key, note in items:
            self.add(*self.card(key, note))
        self.add("</ul>", "")

    def card(self, key: Key, note: str = "") -> list[str]:
        """One card: the title as a link, a line with the kind of record, its badges and date,
        a teaser that ends on a sentence, and the note if any."""
        record = self.graph.records[key]
        facts = [f'<span class="kb-kaart-type">{text(key.type.singular)}</span>']
        hidden = visibility_badge(record.visibility)
        if hidden:
            facts.append(hidden)
        if key.type.details:
            facts += key.type.details(record.data)
        when = self.graph.dates.get(key)
        if when:
            facts.append(text(dutch_date(when)))
        lines = [
            '<li class="kb-kaart" markdown="block">',
            f'<p class="kb-kaart-titel" markdown="span">{self.ref(key)}</p>',
            f'<p class="kb-kaart-feiten" markdown="span">{" ".join(facts)}</p>',
        ]
        teaser = summary_line(plain_summary(self.graph, record), CARD_TEASER)
        if teaser:
            lines.append(f'<p class="kb-kaart-tekst" markdown="span">{teaser}</p>')
        if note:
            lines.append(f'<p class="kb-kaart-noot" markdown="span">{note}</p>')
        return [*lines, "</li>"]

    def render(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def body_markdown(page: Page, record: Record[Any]) -> str:
    """The body with `[[wikilinks]]` as relative links."""
    return linked_body(page, record.body, page.graph.wikilinks.get(record.key, {}))


def linked_body(page: Page, body: str, found: Mapping[str, Key]) -> str:
    """A Markdown body (a record's, a kennisbrief's) with its resolved `[[wikilinks]]` as
    links made by `page`. Whatever else it holds, `check` has judged (generator/markup.py) and
    the sanitiser has the last word (generator/sanitize.py)."""
    pieces: list[str] = []
    last = 0
    for wikilink in wikilinks.find(body):
        target = found.get(wikilink.target)
        if target is None or target not in page.graph.records:
            continue
        pieces.append(body[last : wikilink.start])
        pieces.append(page.ref(target, wikilink.label))
        last = wikilink.end
    pieces.append(body[last:])
    return "".join(pieces).strip()


def plain_summary(graph: Graph, record: Record[Any]) -> str | None:
    """The record's summary as plain text on one line: a `[[wikilink]]` in it reads as the
    title of the record it names (or its own `|tekst`), as summaries show in lists and feeds."""
    return _plain_links(graph, record.data.summary, graph.wikilinks.get(record.key, {}))


def plain_intro_summary(graph: Graph, intro: Kennisbrief) -> str | None:
    """A kennisbrief introduction's summary, read as `plain_summary` reads a record's."""
    return _plain_links(graph, intro.data.summary, graph.intro_links.get(intro.quarter, {}))


def _plain_links(graph: Graph, summary: str | None, found: Mapping[str, Key]) -> str | None:
    if not summary:
        return None
    pieces: list[str] = []
    last = 0
    for wikilink in wikilinks.find(summary):
        target = found.get(wikilink.target)
        record = graph.records.get(target) if target else None
        shown = wikilink.label or (record.title if record else wikilink.target)
        pieces += [summary[last : wikilink.start], shown]
        last = wikilink.end
    return " ".join("".join([*pieces, summary[last:]]).split())


def add_summary(page: Page, record: Record[Any]) -> None:
    summary = plain_summary(page.graph, record)
    if summary:
        page.blank()
        page.add(f"**{text(summary)}**", "")


def add_body(page: Page, record: Record[Any], heading: str | None = None) -> None:
    body = body_markdown(page, record)
    if not body:
        return
    if heading:
        page.heading(2, heading)
        body = demote_headings(body)
    page.blank()
    page.add(body, "")


def sort_keys(graph: Graph, keys: Iterable[Key]) -> list[Key]:
    """Newest first where records have dates; then by the name people use (a region's short
    title), so lists read naturally."""
    return sorted(keys, key=lambda k: (-_ordinal(graph.dates.get(k)), _list_name(graph, k), k))


def _list_name(graph: Graph, key: Key) -> str:
    return key.type.list_title(graph.records[key].data).casefold()


def unique(keys: Iterable[Key]) -> tuple[Key, ...]:
    return tuple(dict.fromkeys(keys))


def last_modified(graph: Graph, keys: Iterable[Key]) -> str | None:
    """The newest date among records (their last change, or their own or derived date), as
    the sitemap's `lastmod` wants it: as precise as the source (2016, 2016-03, 2016-03-15)."""
    found = [
        when
        for key in keys
        if (when := graph.records[key].data.updated or graph.dates.get(key)) is not None
    ]
    return max(found).isoformat() if found else None


def feed_meta(page: Page, path: str) -> list[dict[str, str]]:
    """Front matter naming a page's own feed, for the theme's autodiscovery link
    (overrides/partials/kennisbank-feeds.html); empty when the build makes no such feed."""
    title = page.feeds.get(path)
    return [{"href": path, "title": title}] if title else []


def _ordinal(value: PartialDate | None) -> int:
    return value.first_day.toordinal() if value else 0
