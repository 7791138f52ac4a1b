"""The quarterly kennisbrief: what was added in a quarter, as a page, an index and an e-mail.

A quarter has a kennisbrief when records dated in it are in the edition, or when an editor
wrote an introduction for it (content/kennisbrieven/<jaar>-q<n>.md). Nothing is written twice:
titles, summaries and links come from the records themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.diagnostics import Diagnostic
from generator.model import Graph, Kennisbrief, Key, Quarter, RecordType
from generator.render import addresses
from generator.render.formatting import frontmatter, text, visibility_banner
from generator.render.learning import kennisbrief_part
from generator.render.page import Page, last_modified, linked_body, plain_intro_summary, sort_keys
from generator.render.problems import problem_banner
from generator.types import SECTION_ORDER

INDEX_TITLE = "Kennisbrieven"


@dataclass(frozen=True)
class Issue:
    """One quarter's kennisbrief: its records by type (newest first) and the introduction."""

    quarter: Quarter
    records: dict[RecordType[Any], list[Key]]  # keys by type, in SECTION_ORDER
    intro: Kennisbrief | None

    @property
    def title(self) -> str:
        if self.intro and self.intro.data.title:
            return self.intro.data.title
        return f"Kennisbrief {self.quarter.label}"

    @property
    def count(self) -> int:
        return sum(len(keys) for keys in self.records.values())

    @property
    def published(self) -> date:
        """The newest record's date: when the kennisbrief last changed, for feeds."""
        return self.last_day or self.quarter.first_day

    last_day: date | None = None


def issues(graph: Graph) -> list[Issue]:
    """Every quarter's kennisbrief, newest first."""
    by_quarter: dict[Quarter, list[Key]] = defaultdict(list)
    for key, day in graph.dates.items():
        if day:
            by_quarter[Quarter.of(day)].append(key)
    found = []
    for quarter in sorted({*by_quarter, *graph.kennisbrieven}, reverse=True):
        keys = sort_keys(graph, by_quarter.get(quarter, []))
        grouped = {
            record_type: [k for k in keys if k.type == record_type] for record_type in SECTION_ORDER
        }
        days = [d.first_day for k in keys if (d := graph.dates.get(k))]
        found.append(
            Issue(
                quarter=quarter,
                records={t: ks for t, ks in grouped.items() if ks},
                intro=graph.kennisbrieven.get(quarter),
                last_day=max(days, default=None),
            )
        )
    return found


def summary_sentence(issue: Issue) -> str:
    """'12 nieuwe bijdragen: 8 praktijken, 3 knelpunten en 1 sessie.'"""
    if not issue.count:
        return "Geen nieuwe bijdragen in dit kwartaal."
    parts = [_counted(len(keys), record_type) for record_type, keys in issue.records.items()]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    noun = "nieuwe bijdrage" if issue.count == 1 else "nieuwe bijdragen"
    return f"{issue.count} {noun}: {listed}."


def kennisbrief_page(graph: Graph, issue: Issue, problems: Sequence[Diagnostic] = ()) -> str:
    path = addresses.kennisbrief_path(issue.quarter)
    page = Page(graph, path)
    meta: dict[str, object] = {"title": issue.title, "section": addresses.kennisbrief_index()}
    meta["description"] = issue_summary(graph, issue)
    lastmod = last_modified(graph, [k for keys in issue.records.values() for k in keys])
    if lastmod:
        meta["lastmod"] = lastmod
    page.add(frontmatter(meta))
    page.add(f"# {text(issue.title)}", "")
    if problems:
        page.add(problem_banner(problems, everywhere=False))
    if issue.intro:
        banner = visibility_banner(issue.intro.visibility)
        if banner:
            page.add(banner)
    page.add(f"*Kennisbank Bevolkingszorg · {text(issue.quarter.label)}*", "")
    intro = intro_markdown(page, issue)
    if intro:
        page.add(intro, "")
    page.heading(2, "Nieuw in dit kwartaal")
    page.add(text(summary_sentence(issue)), "")
    for record_type, keys in issue.records.items():
        page.heading(3, f"{record_type.plural} ({len(keys)})", searchable=False)
        page.cards([(key, "") for key in keys])
    page.add(*kennisbrief_part(page, issue.quarter))  # the learning loop: render/learning.py
    page.heading(2, "Meer")
    page.add(
        f"- [Voortgang van de invoering]({page.to(addresses.PROGRESS)}): de landelijke stand "
        "per thema.",
        f"- [Alle kennisbrieven]({page.to(addresses.kennisbrief_index())}); "
        f"[abonneren]({page.to(addresses.SUBSCRIBE)}) per e-mail of als nieuwsfeed.",
        f"- [Deze kennisbrief als e-mail]({page.to(addresses.kennisbrief_email(issue.quarter))}): "
        "een los HTML-bestand om te versturen.",
    )
    return page.render()


def kennisbrief_index(graph: Graph, found: list[Issue]) -> str:
    page = Page(graph, addresses.kennisbrief_index())
    page.add(
        frontmatter(
            {
                "title": INDEX_TITLE,
                "description": "Elk kwartaal een kennisbrief: wat er in de kennisbank bijkwam.",
            }
        )
    )
    page.add(f"# {INDEX_TITLE}", "")
    page.add(
        "Elk kwartaal een kennisbrief met wat er in de kennisbank bijkwam: sessies, "
        "praktijken, knelpunten en meer. U kunt hem per e-mail ontvangen of volgen met een "
        f"feedlezer: zie [Abonneren]({page.to(addresses.SUBSCRIBE)}).",
        "",
    )
    if not found:
        page.add("Er is nog geen kennisbrief.", "")
        return page.render()
    for issue in found:
        target = page.to(addresses.kennisbrief_path(issue.quarter))
        email = page.to(addresses.kennisbrief_email(issue.quarter))
        summary = issue_summary(graph, issue)
        page.add(f"- [{text(issue.title)}]({target}) — {text(summary)} ([e-mailversie]({email}))")
    return page.render()


def issue_summary(graph: Graph, issue: Issue) -> str:
    """The introduction's summary, or else what is new, on one line."""
    written = plain_intro_summary(graph, issue.intro) if issue.intro else None
    return written or summary_sentence(issue)


def intro_markdown(page: Page, issue: Issue) -> str:
    """The introduction's body with `[[wikilinks]]` as links and raw HTML escaped."""
    if not issue.intro:
        return ""
    return linked_body(page, issue.intro.raw.body, page.graph.intro_links.get(issue.quarter, {}))


def _counted(count: int, record_type: RecordType[Any]) -> str:
    name = record_type.singular if count == 1 else record_type.plural
    return f"{count} {name.lower()}"
