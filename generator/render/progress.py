"""The national progress overview: a matrix of the named regions, counts per theme, the trend.

Figures come from generator.progress, which alone decides what may be shown of which region.
"""

from __future__ import annotations

from generator.model import Graph
from generator.progress import STATUSES, Overview, TrendPoint, overview
from generator.render import addresses
from generator.render.chart import stacked_bars
from generator.render.formatting import attr, badge, dutch_date, frontmatter, text
from generator.render.page import Page
from generator.vocabulary import PROGRESS_STATUS

TITLE = "Voortgang van de invoering"
UNNAMED = "Niet openbaar"


def progress_page(graph: Graph) -> str:
    figures = overview(graph)
    page = Page(graph, addresses.PROGRESS)
    page.add(
        frontmatter(
            {
                "title": TITLE,
                "description": "Hoe ver de veiligheidsregio's zijn met Bevolkingszorg op orde "
                "2.0: per thema de stand per regio, de aantallen en het verloop.",
            }
        )
    )
    page.add(f"# {TITLE}", "")
    page.add(
        "Hoe ver zijn de veiligheidsregio's met de invoering van *Bevolkingszorg op orde 2.0*? "
        "De regio's beoordelen zelf per thema waar zij staan, op een peildatum. Hieronder staat "
        "per thema de laatste beoordeling van elke regio, de aantallen per status en het "
        "verloop over de peildata. Op de pagina van een regio staat de toelichting bij elke "
        "beoordeling.",
        "",
    )
    if graph.edition == "public":
        # Always shown, so its presence says nothing about whether such regions exist.
        page.add(
            '!!! note "Niet elke regio deelt haar voortgang openbaar"',
            "    Een regio bepaalt zelf of haar voortgang openbaar is. Regio's die dat niet "
            "doen, staan hier niet bij naam en hun status telt nergens mee; de kolom "
            f"*{UNNAMED}* telt alleen hoeveel van hen een thema beoordeelden.",
            "",
        )
    if not figures.themes:
        page.add("Er zijn nog geen beoordelingen van de voortgang.", "")
        return page.render()
    _matrix(page, figures)
    _counts(page, figures)
    _trend(page, figures.trend)
    return page.render()


def _matrix(page: Page, figures: Overview) -> None:
    page.heading(2, "Stand per regio en thema")
    if not figures.regions:
        page.add("Geen regio deelt haar voortgang openbaar.", "")
        return
    themes = [
        t for t in figures.themes if any((r.key, t) in figures.latest for r in figures.regions)
    ]
    # Raw HTML for row headers (Markdown tables have none), so links inside are not rewritten
    # by the engine: the regions are linked in a list under the table instead.
    page.add(
        '<div class="kb-matrix">',
        "<table>",
        "<caption>Laatste beoordeling per regio en thema, met de peildatum</caption>",
        "<thead><tr>",
        '<th scope="col">Regio</th>',
        *(f'<th scope="col">{_theme_label(page, t)}</th>' for t in themes),
        "</tr></thead>",
        "<tbody>",
    )
    for region in figures.regions:
        page.add("<tr>", f'<th scope="row">{attr(region.title)}</th>')
        for theme in themes:
            found = figures.latest.get((region.key, theme))
            if found is None:
                page.add('<td><span class="kb-geen">geen beoordeling</span></td>')
                continue
            status = badge("voortgang", found.status, PROGRESS_STATUS.label(found.status))
            page.add(f"<td>{status}<br><small>{text(dutch_date(found.date))}</small></td>")
        page.add("</tr>")
    page.add("</tbody>", "</table>", "</div>", "")
    page.add(
        "De toelichting bij elke beoordeling staat op de pagina van de regio: "
        f"{page.refs(r.key for r in figures.regions)}.",
        "",
    )


def _counts(page: Page, figures: Overview) -> None:
    page.heading(2, "Aantallen per thema")
    public = page.graph.edition == "public"
    header = ["Thema", *(PROGRESS_STATUS.label(s) for s in STATUSES)]
    header += [UNNAMED] if public else []
    page.add(_row(header), _row(["---"] * len(header)))
    for theme, aggregate in figures.per_theme.items():
        cells = [page.theme(theme), *(str(aggregate.counts[s]) for s in STATUSES)]
        cells += [str(aggregate.unnamed)] if public else []
        page.add(_row(cells))
    page.blank()


def _trend(page: Page, trend: tuple[TrendPoint, ...]) -> None:
    page.heading(2, "Verloop")
    if not trend:
        page.add("Er zijn nog geen openbare beoordelingen.", "")
        return
    whose = (
        "de regio's die hun voortgang openbaar delen"
        if page.graph.edition == "public"
        else ("alle regio's")
    )
    page.add(
        f"Per peildatum het aantal beoordelingen van {whose} (regio's maal thema's) per "
        "status, met voor elke regio en elk thema de laatste beoordeling tot die datum.",
        "",
    )
    series = [(dutch_date(point.peildatum), [point.counts[s] for s in STATUSES]) for point in trend]
    names = [PROGRESS_STATUS.label(s) for s in STATUSES]
    page.add(
        stacked_bars(
            series,
            names,
            STATUSES,
            title="Verloop van de beoordelingen per status",
            description="Gestapelde staven per peildatum; dezelfde cijfers staan in de tabel "
            "eronder.",
        ),
        "",
    )
    header = ["Peildatum", *names, "Totaal"]
    page.add(_row(header), _row(["---"] * len(header)))
    for point in trend:
        counts = [str(point.counts[s]) for s in STATUSES]
        page.add(_row([text(dutch_date(point.peildatum)), *counts, str(point.counts.total())]))
    page.blank()


def _theme_label(page: Page, theme: str) -> str:
    found = page.graph.taxonomy.themes.get(theme)
    return attr(found.label if found else theme)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
