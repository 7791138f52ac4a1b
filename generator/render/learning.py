"""The learning loop on the site: knelpunten without an answer, and how far practices came.

- the page *Knelpunten zonder antwoord*: unresolved knelpunten without a practice that
  `addresses` them, longest open first, and every knelpunt whose target date passed;
- the practices' part of the national overview (voortgang/): per theme how many practices are
  idee, toegepast or beproefd, and how that grew;
- the kennisbrief's summary of both at the end of its quarter.

Figures come from generator/maturity.py and generator/types/knelpunten.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from generator import maturity
from generator.model import Graph, Key, Quarter, Record
from generator.related import related
from generator.render import addresses
from generator.render.chart import stacked_bars
from generator.render.formatting import dutch_date, frontmatter, text
from generator.render.page import Page
from generator.render.tables import scroll_table
from generator.types.knelpunten import (
    KNELPUNTEN,
    Knelpunt,
    is_overdue,
    open_since,
    status_on,
    unanswered,
)
from generator.vocabulary import PRACTICE_STATUS

UNANSWERED_TITLE = "Knelpunten zonder antwoord"
MATURITY_TITLE = "Praktijken: idee, toegepast, beproefd"
STATUSES = maturity.STATUSES


def unanswered_page(graph: Graph) -> str:
    page = Page(graph, addresses.UNANSWERED)
    page.add(
        frontmatter(
            {
                "title": UNANSWERED_TITLE,
                "description": "Knelpunten die nog niet zijn opgelost en waarvoor nog geen "
                "praktijk als oplossing is vastgelegd, en knelpunten waarvan de streefdatum "
                "is verstreken.",
            }
        )
    )
    page.add(f"# {UNANSWERED_TITLE}", "")
    page.add(
        "Knelpunten die nog niet zijn opgelost en waarvoor nog geen praktijk als oplossing is "
        "vastgelegd. De langst openstaande staan bovenaan. Bij elk staat hoeveel praktijken de "
        "kennisbank voorstelt; op de pagina van het knelpunt staan ze met de reden. Kent u een "
        f"praktijk die helpt? [Leg haar vast]({page.to('bijdragen.md')}) en noem het knelpunt "
        "in `addresses`.",
        "",
    )
    overdue = [r for r in graph.of_type(KNELPUNTEN) if is_overdue(r.data, graph.today)]
    page.heading(2, f"Streefdatum verstreken ({len(overdue)})")
    if overdue:
        page.add(
            "Nog niet opgelost, terwijl de streefdatum voorbij is (ook als er al een "
            "praktijk bij staat):",
            "",
        )
        page.cards([_card(page, record) for record in _longest_open(graph, overdue)])
    else:
        page.add("Geen knelpunt is over zijn streefdatum heen.")
    found = unanswered(graph)
    page.heading(2, f"Zonder vastgelegde oplossing ({len(found)})")
    if found:
        page.cards([_card(page, record) for record in _longest_open(graph, found)])
    else:
        page.add("Elk knelpunt dat nog openstaat, heeft ten minste één praktijk als oplossing.")
    return page.render()


def _longest_open(graph: Graph, records: Sequence[Record[Knelpunt]]) -> list[Record[Knelpunt]]:
    def key(record: Record[Knelpunt]) -> tuple[int, date, str]:
        since = open_since(record.data, graph.dates.get(record.key))
        return (since is None, since.first_day if since else date.max, record.title)

    return sorted(records, key=key)


def _card(page: Page, record: Record[Knelpunt]) -> tuple[Key, str]:
    """A knelpunt's card, its note saying where, how long and what the kennisbank suggests."""
    graph, data = page.graph, record.data
    since = open_since(data, graph.dates.get(record.key))
    facts = [f"open sinds {dutch_date(since)}" if since else ""]
    regions = page.refs(graph.outgoing(record.key, "regions"))
    if data.target_date:
        passed = " (verstreken)" if is_overdue(data, graph.today) else ""
        facts.append(f"streefdatum {dutch_date(data.target_date)}{passed}")
    facts.append(f"opgepakt door {data.owner}" if data.owner else "nog niet opgepakt")
    suggested = len(related(graph).suggestions.get(record.key, ()))
    facts.append(_counted(suggested, "voorgestelde praktijk", "voorgestelde praktijken"))
    shown = "; ".join(text(f) for f in facts if f)
    return record.key, (f"{regions}; " if regions else "") + shown


def maturity_section(graph: Graph) -> str:
    """The practices' part of the national overview, appended to voortgang/."""
    page = Page(graph, addresses.PROGRESS)
    now = maturity.counts(graph)
    page.heading(2, MATURITY_TITLE)
    page.add(
        "Hoe ver zijn de praktijken in de kennisbank? Een praktijk is een *idee*, is "
        "*toegepast* in een regio, of is *beproefd* bij een echt incident: in een leerarena "
        "of daarbuiten. Een praktijk met meer thema's telt bij elk thema mee; de laatste regel "
        "telt elke praktijk één keer.",
        "",
    )
    if not now.total:
        page.add("Er zijn nog geen praktijken.", "")
    else:
        page.heading(3, "Per thema")
        page.add(*_counts_table(page, now))
        page.blank()
        _maturity_trend(page)
    unanswered_now = len(unanswered(graph))
    page.add(
        f"Zie ook [{UNANSWERED_TITLE.lower()}]({page.to(addresses.UNANSWERED)}): nu "
        f"{_counted(unanswered_now, 'knelpunt', 'knelpunten')}.",
        "",
    )
    return "\n" + page.render()


def _maturity_trend(page: Page) -> None:
    points = maturity.trend(page.graph)
    if not points:
        return
    page.heading(3, "Verloop")
    page.add(
        "Het aantal praktijken per stand aan het eind van elke periode waarin een praktijk "
        "werd vastgelegd of beproefd.",
        "",
    )
    names = [PRACTICE_STATUS.label(s) for s in STATUSES]
    series = [(period.label, [found[s] for s in STATUSES]) for period, found in points]
    page.add(
        stacked_bars(
            series,
            names,
            STATUSES,
            title="Verloop van de praktijken per stand",
            description="Gestapelde staven per periode; dezelfde cijfers staan in de tabel "
            "eronder.",
            ident="kb-chart-praktijken",
        ),
        "",
    )
    rows = [
        (text(period.label), [*(str(found[s]) for s in STATUSES), str(found.total())])
        for period, found in points
    ]
    caption = "Aantal praktijken per stand, tot en met elke periode"
    page.add(*scroll_table(caption, ["Tot en met", *names, "Totaal"], rows), "")


def kennisbrief_part(page: Page, quarter: Quarter, *, compact: bool = False) -> list[str]:
    """Markdown for a kennisbrief: knelpunten without an answer and the practices per theme at
    the end of `quarter` (page and e-mail alike; `compact`: the counts as a list, for a mail
    client on a phone, which cannot scroll a table of five columns)."""
    graph = page.graph
    end = maturity.quarter_end(quarter)
    found = unanswered(graph, end)
    new = [r for r in found if (d := graph.dates.get(r.key)) and Quarter.of(d) == quarter]
    overdue = [
        r
        for r in graph.of_type(KNELPUNTEN)
        if r.data.target_date and status_on(r.data, end) != "opgelost" and is_overdue(r.data, end)
    ]
    lines = ["## Knelpunten zonder antwoord", ""]
    if not found:
        sentence = f"Eind {quarter.label} stond geen knelpunt open zonder vastgelegde oplossing."
    else:
        verb = "stond" if len(found) == 1 else "stonden"
        sentence = (
            f"Eind {quarter.label} {verb} er {_counted(len(found), 'knelpunt', 'knelpunten')} "
            "open zonder vastgelegde oplossing"
        )
        sentence += f", waarvan {len(new)} nieuw in dit kwartaal." if new else "."
    if overdue:
        sentence += (
            f" Bij {_counted(len(overdue), 'knelpunt', 'knelpunten')} was de streefdatum "
            "verstreken."
        )
    lines += [text(sentence), ""]
    lines += [f"- {page.ref(r.key)}" for r in new]
    if new:
        lines.append("")
    lines += [f"Zie [alle {UNANSWERED_TITLE.lower()}]({page.to(addresses.UNANSWERED)}).", ""]
    lines += _maturity_lines(page, quarter, end, compact)
    return lines


def _maturity_lines(page: Page, quarter: Quarter, end: date, compact: bool) -> list[str]:
    graph = page.graph
    now = maturity.counts(graph, end)
    if not now.total:
        return []
    before = maturity.counts(graph, _previous_end(quarter))
    return [
        "## Praktijken per thema",
        "",
        f"Eind {text(quarter.label)}, met tussen haakjes het verschil met een kwartaal eerder.",
        "",
        *(_counts_list(page, now, before) if compact else _counts_table(page, now, before)),
        "",
    ]


def _counts_table(
    page: Page, now: maturity.Counts, before: maturity.Counts | None = None
) -> list[str]:
    header = ["Thema", *(PRACTICE_STATUS.label(s) for s in STATUSES), "Totaal"]
    rows: list[tuple[str, Sequence[str]]] = []
    empty: Counter[str] = Counter()
    for theme, found in now.per_theme.items():
        shown = page.theme(theme) if theme else "Zonder thema"
        earlier = before.per_theme.get(theme, empty) if before else None
        rows.append((shown, _cells(found, earlier)))
    total = _cells(now.total, before.total if before else None)
    rows.append(("**Alle praktijken**", [f"**{cell}**" for cell in total]))
    caption = "Aantal praktijken per thema en stand" + (
        ", met het verschil met een kwartaal eerder" if before else ""
    )
    return scroll_table(caption, header, rows)


def _counts_list(page: Page, now: maturity.Counts, before: maturity.Counts) -> list[str]:
    """The counts of `_counts_table` as one line per theme."""
    lines = []
    empty: Counter[str] = Counter()
    rows = [*now.per_theme.items(), (None, now.total)]
    for theme, found in rows:
        earlier = before.total if theme is None else before.per_theme.get(theme, empty)
        shown = (
            "**Alle praktijken**"
            if theme is None
            else (page.theme(theme) if theme else "Zonder thema")
        )
        counts = _cells(found, earlier)[: len(STATUSES)]  # without the total
        parts = [
            f"{cell} {PRACTICE_STATUS.label(status).lower()}"
            for status, cell in zip(STATUSES, counts, strict=True)
        ]
        lines.append(f"- {shown}: {', '.join(parts)}")
    return lines


def _cells(found: Counter[str], earlier: Counter[str] | None) -> list[str]:
    cells = []
    for value, old in [(found[s], earlier[s] if earlier is not None else None) for s in STATUSES]:
        cells.append(_with_change(value, old))
    old_total = earlier.total() if earlier is not None else None
    cells.append(_with_change(found.total(), old_total))
    return cells


def _with_change(value: int, old: int | None) -> str:
    if old is None or value == old:
        return str(value)
    return f"{value} ({value - old:+d})"


def _previous_end(quarter: Quarter) -> date:
    year, number = (
        (quarter.year, quarter.number - 1)
        if quarter.number > 1
        else (
            quarter.year - 1,
            4,
        )
    )
    return maturity.quarter_end(Quarter(year, number))


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
