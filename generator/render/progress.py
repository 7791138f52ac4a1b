"""The national progress overview: how the country stands, per theme and per region, and how
that changed from year to year.

Figures come from generator.progress, which alone decides what may be shown of which region.
The page is a sequence of sections (`SECTIONS`), each a function of the page and the figures;
a new view of the country is one more function in that tuple.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.model import Graph
from generator.progress import STATUSES, Aggregate, Overview, RegionRow, overview
from generator.render import addresses
from generator.render.chart import share_bar, stacked_bars, swatch
from generator.render.formatting import attr, badge, dutch_date, frontmatter, text
from generator.render.page import Page
from generator.render.tables import TABLE_END, scroll_table, table_start
from generator.vocabulary import PROGRESS_STATUS

TITLE = "Voortgang van de invoering"
UNNAMED = "Niet openbaar"
UNREPORTED = "Geen melding"
# The most advanced status first: sentences, bars and tables read in this order.
ORDER = tuple(reversed(STATUSES))
# How a count of regions continues a sentence about one theme: (one region, several).
_VERBS: dict[str, tuple[str, str]] = {
    "gerealiseerd": ("heeft het gerealiseerd", "hebben het gerealiseerd"),
    "in-uitvoering": ("voert het uit", "voeren het uit"),
    "in-voorbereiding": ("bereidt het voor", "bereiden het voor"),
    "niet-gestart": ("is nog niet begonnen", "zijn nog niet begonnen"),
}

Section = Callable[[Page, Overview], None]


def progress_page(graph: Graph) -> str:
    figures = overview(graph)
    page = Page(graph, addresses.PROGRESS)
    meta: dict[str, object] = {
        "title": TITLE,
        "description": "Hoe ver de veiligheidsregio's zijn met Bevolkingszorg op orde 2.0: "
        "per thema de stand in het land, per regio de laatste beoordeling, en het verloop.",
    }
    dates = [a.date for a in figures.latest.values()]
    if dates:
        meta["lastmod"] = max(dates).isoformat()
    page.add(frontmatter(meta), f"# {TITLE}", "")
    page.add(
        "Hoe ver zijn de veiligheidsregio's met de invoering van *Bevolkingszorg op orde 2.0*? "
        "De regio's beoordelen zelf per thema waar zij staan, op een peildatum. Hieronder staat "
        "eerst per thema de stand in het land, dan de laatste beoordeling van elke regio en het "
        "verloop per jaar. Op de pagina van een regio staat de toelichting bij elke "
        "beoordeling.",
        "",
    )
    if graph.edition == "public":
        # Always shown, so its presence says nothing about whether such regions exist.
        page.add(
            '!!! note "Niet elke regio deelt haar voortgang openbaar"',
            "    Een regio bepaalt zelf of haar voortgang openbaar is. Van een regio die dat "
            f"niet doet, staat hier alleen dát zij haar voortgang beoordeelde (*{UNNAMED}*); "
            "hoe ver zij is, telt nergens mee. "
            f"*{UNREPORTED}* betekent dat een regio (nog) niets meldde.",
            "",
        )
    for section in SECTIONS:
        section(page, figures)
    return page.render()


# --- The country at a glance ------------------------------------------------------------------


def country(page: Page, figures: Overview) -> None:
    page.heading(2, "De stand in het land")
    page.add(text(lead_sentence(figures, page.graph.edition)), "")
    if not figures.themes:
        page.add("Er zijn nog geen beoordelingen van de voortgang.", "")
        return
    public = page.graph.edition == "public"
    page.add('<figure class="kb-stand">')
    for theme in figures.themes:
        aggregate = figures.per_theme[theme]
        sentence = theme_sentence(aggregate, public)
        page.add(
            f"<p><strong>{attr(_theme_label(page, theme))}</strong>: {attr(sentence)}</p>",
            share_bar(_parts(aggregate, public)),
        )
    page.add(
        '<figcaption class="kb-legenda">',
        *(f"<span>{swatch(key)} {attr(label)}</span>" for key, label in _legend(public)),
        "</figcaption>",
        "</figure>",
        "",
    )
    if figures.unassessed:
        names = [_theme_label(page, theme) for theme in figures.unassessed]
        page.add(text(f"Over {_listed(names)} meldde nog geen regio iets."), "")
    page.heading(3, "Aantallen per thema")
    rows = [
        (page.theme(theme), [str(count) for _, count in _parts(aggregate, public)])
        for theme, aggregate in figures.per_theme.items()
    ]
    total = len(figures.rows)
    page.add(
        *scroll_table(
            f"Aantal regio's per thema en stand; elke rij telt alle {_regions(total)}",
            ["Thema", *(label for _, label in _legend(public))],
            rows,
        ),
        "",
    )


def lead_sentence(figures: Overview, edition: str) -> str:
    """'Van de 25 regio's delen er 8 hun voortgang openbaar; 6 beoordeelden …'"""
    total = len(figures.rows)
    if not total:
        return "Er zijn nog geen regio's in de kennisbank."
    shown = figures.reporting
    if edition != "public":
        first = f"Van de {_regions(total)} {_verb(shown, 'meldde', 'meldden')} er {shown} " + (
            f"{_verb(shown, 'haar', 'hun')} voortgang"
        )
    elif shown:
        first = (
            f"Van de {_regions(total)} {_verb(shown, 'deelt', 'delen')} er {shown} "
            f"{_verb(shown, 'haar', 'hun')} voortgang openbaar"
        )
    else:
        first = f"Geen van de {_regions(total)} deelt haar voortgang openbaar"
    rest = []
    if figures.keeping:
        n = figures.keeping
        rest.append(
            f"{n} {_verb(n, 'beoordeelde', 'beoordeelden')} {_verb(n, 'haar', 'hun')} "
            "voortgang zonder die openbaar te maken"
        )
    if figures.silent:
        n = figures.silent
        rest.append(f"{n} {_verb(n, 'meldde', 'meldden')} nog niets")
    return first + ("; " + _listed(rest) if rest else "") + "."


def theme_sentence(aggregate: Aggregate, public: bool) -> str:
    """'8 van de 25 regio's hebben het gerealiseerd, 5 voeren het uit en 1 is nog niet
    begonnen. 3 regio's beoordeelden het zonder hun stand openbaar te maken en 8 meldden er
    niets over.'"""
    total = aggregate.regions
    clauses: list[str] = []
    for status in ORDER:
        count = aggregate.counts[status]
        if count:
            who = f"{count} van de {_regions(total)}" if not clauses else str(count)
            clauses.append(f"{who} {_VERBS[status][count != 1]}")
    if clauses:
        sentence = _listed(clauses) + "."
    else:
        sentence = f"Geen van de {_regions(total)} deelt voor dit thema een openbare stand."
    rest = []
    if public and aggregate.unnamed:
        n = aggregate.unnamed
        rest.append(
            f"{_regions(n)} {_verb(n, 'beoordeelde', 'beoordeelden')} het zonder "
            f"{_verb(n, 'haar', 'hun')} stand openbaar te maken"
        )
    if aggregate.unreported:
        n = aggregate.unreported
        rest.append(f"{n} {_verb(n, 'meldde', 'meldden')} er niets over")
    if rest:
        sentence += " " + _listed(rest) + "."
    return sentence


def _parts(aggregate: Aggregate, public: bool) -> list[tuple[str, int]]:
    parts = [(status, aggregate.counts[status]) for status in ORDER]
    if public:
        parts.append(("niet-openbaar", aggregate.unnamed))
    parts.append(("geen-melding", aggregate.unreported))
    return parts


def _legend(public: bool) -> list[tuple[str, str]]:
    legend = [(status, PROGRESS_STATUS.label(status)) for status in ORDER]
    if public:
        legend.append(("niet-openbaar", UNNAMED))
    legend.append(("geen-melding", UNREPORTED))
    return legend


# --- Every region -----------------------------------------------------------------------------


def regions(page: Page, figures: Overview) -> None:
    page.heading(2, "Stand per regio")
    if not figures.rows:
        page.add("Er zijn nog geen regio's in de kennisbank.", "")
        return
    themes = [
        t for t in figures.themes if any((r.key, t) in figures.latest for r in figures.regions)
    ]
    columns = max(1, len(themes))
    # Raw HTML for row headers (Markdown tables have none), as every table here (`table`).
    page.add(
        *table_start(
            f"Laatste beoordeling per regio en thema, met de peildatum; alle "
            f"{_regions(len(figures.rows))}",
            ["Regio", *(_theme_label(page, t) for t in themes)] + ([] if themes else ["Voortgang"]),
        )
    )
    for row in figures.rows:
        page.add(
            '<tr markdown="block">',
            f'<th scope="row" markdown="span">{page.ref(row.region.key, short=True)}</th>',
            *_cells(row, themes, columns),
            "</tr>",
        )
    page.add(*TABLE_END, "")


def _cells(row: RegionRow, themes: Sequence[str], columns: int) -> list[str]:
    if row.state != "openbaar":
        # One cell for the whole region: nothing here depends on which themes it assessed.
        shown = UNNAMED if row.state == "niet-openbaar" else UNREPORTED
        return [f'<td colspan="{columns}"><span class="kb-geen">{shown.lower()}</span></td>']
    cells = []
    for theme in themes:
        found = row.latest.get(theme)
        if found is None:
            cells.append(f'<td><span class="kb-geen">{UNREPORTED.lower()}</span></td>')
            continue
        status = badge("voortgang", found.status, PROGRESS_STATUS.label(found.status))
        cells.append(f"<td>{status}<br><small>{text(dutch_date(found.date))}</small></td>")
    return cells or ["<td></td>"]


# --- From year to year ------------------------------------------------------------------------


def trend(page: Page, figures: Overview) -> None:
    page.heading(2, "Verloop per jaar")
    points = figures.trend
    if not points:
        page.add("Er zijn nog geen openbare beoordelingen.", "")
        return
    whose = (
        "de regio's die hun voortgang openbaar delen"
        if page.graph.edition == "public"
        else "alle regio's"
    )
    page.add(
        f"Per jaar de stand aan het eind van dat jaar, over {whose}: voor elke regio en elk "
        "thema telt de laatste beoordeling tot dan. Een hogere staaf kan ook betekenen dat meer "
        "regio's iets meldden; de kolom *Regio's* zegt hoeveel.",
        "",
    )
    names = [PROGRESS_STATUS.label(s) for s in ORDER]
    if len(points) > 1:
        series = [(str(point.year), [point.counts[s] for s in ORDER]) for point in points]
        page.add(
            stacked_bars(
                series,
                names,
                ORDER,
                title="Verloop van de beoordelingen per status, per jaar",
                description="Gestapelde staven per jaar; dezelfde cijfers staan in de tabel "
                "eronder.",
            ),
            "",
        )
    else:
        page.add(
            text(
                f"Alle beoordelingen van deze regio's zijn uit {points[0].year}; een verloop "
                "is er zodra regio's een volgende beoordeling melden."
            ),
            "",
        )
    rows = [
        (
            str(point.year),
            [*(str(point.counts[s]) for s in ORDER), str(point.counts.total()), str(point.regions)],
        )
        for point in points
    ]
    page.add(
        *scroll_table(
            "Beoordelingen per stand aan het eind van elk jaar, en het aantal regio's",
            ["Jaar", *names, "Beoordelingen", "Regio's"],
            rows,
        ),
        "",
    )


# The page's sections in order. The learning loop's view (practices per theme over time) is
# one more function here.
SECTIONS: tuple[Section, ...] = (country, regions, trend)


def _theme_label(page: Page, theme: str) -> str:
    found = page.graph.taxonomy.themes.get(theme)
    return found.label if found else theme


def _regions(count: int) -> str:
    return f"{count} regio" if count == 1 else f"{count} regio's"


def _verb(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _listed(parts: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]
