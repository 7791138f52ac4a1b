"""The home page: what is new, what the knowledge base holds, and a way in for each visitor."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagnostics import Diagnostic
from generator.model import Graph
from generator.render import addresses
from generator.render.formatting import frontmatter, text
from generator.render.kennisbrief import issues
from generator.render.page import Page, last_modified, sort_keys
from generator.render.problems import problem_banner
from generator.types import SECTION_ORDER

SITE_NAME = "Kennisbank Bevolkingszorg"
NEWEST = 8

# Ways in: who, what they look for, and the pages that answer it.
WAYS_IN: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "OvD-BZ of adviseur crisisbeheersing",
        "Wat werkte elders voor dit probleem? Begin bij de knelpunten en hun oplossingen, of "
        "filter de praktijken op status *Beproefd*.",
        (("Knelpunten", "knelpunten/index.md"), ("Praktijken", "praktijken/index.md")),
    ),
    (
        "Planner of trainer (OTO)",
        "Wat moet bevolkingszorg leveren bij dit incident, en hoe oefent u dat? De "
        "standaardincidenten geven per proces de taken en normen.",
        (("Standaardincidenten", "incidenten/index.md"), ("Thema's", "themas/index.md")),
    ),
    (
        "Regio of gemeente",
        "Wat is er over uw regio bekend? Elke regiopagina toont de sessies, praktijken en "
        "knelpunten van die regio en de regio's waarmee zij samenwerkt.",
        (("Regio's", "regios/index.md"), ("Sessies", "sessies/index.md")),
    ),
    (
        "Redacteur",
        "Een sessie met haar praktijken en knelpunten toevoegen? De handleiding legt de "
        "bestanden, de velden en de controle uit.",
        (("Bijdragen", "bijdragen.md"), ("Over de kennisbank", "over.md")),
    ),
)


def home_page(
    graph: Graph, offline_download: str | None, problems: Sequence[Diagnostic] = ()
) -> str:
    page = Page(graph, addresses.HOME)
    meta: dict[str, object] = {
        "title": SITE_NAME,
        "description": "Praktijken, knelpunten, sessieverslagen en standaardincidenten "
        "voor de bevolkingszorg van gemeenten en veiligheidsregio's.",
    }
    lastmod = last_modified(graph, graph.records)
    if lastmod:
        meta["lastmod"] = lastmod
    page.add(frontmatter(meta))
    page.add(f"# {SITE_NAME}", "")
    if problems:
        page.add(problem_banner(problems, everywhere=True))
    page.add(
        "Wat gemeenten en veiligheidsregio's leerden bij het versterken van de bevolkingszorg "
        "volgens *Bevolkingszorg op orde 2.0*: verslagen van sessies, praktijken die werkten, "
        "knelpunten en de catalogus van standaardincidenten. Gebruik het zoekveld bovenaan, of "
        "kies hieronder waar u begint.",
        "",
    )
    page.heading(2, "Waar begint u?")
    for who, what, links in WAYS_IN:
        targets = ", ".join(f"[{name}]({page.to(target)})" for name, target in links)
        page.add(f"- **{who}** — {what} → {targets}")
    newest = [k for k in sort_keys(graph, graph.records) if graph.dates.get(k)][:NEWEST]
    page.record_list("Nieuw in de kennisbank", newest, empty="Er is nog geen inhoud.")
    page.heading(2, "Wat de kennisbank bevat")
    page.add("| Onderdeel | Aantal |", "| --- | --- |")
    for record_type in SECTION_ORDER:
        count = len(graph.of_type(record_type))
        target = page.to(addresses.section_index(record_type))
        page.add(f"| [{text(record_type.plural)}]({target}) | {count} |")
    themes = len(graph.taxonomy.themes)
    page.add(f"| [Thema's]({page.to(addresses.themes_index())}) | {themes} |")
    page.blank()
    _publications(page)
    if offline_download:
        page.heading(2, "Zonder netwerk")
        page.add(
            f"[Download de hele kennisbank als zip-bestand]({page.to(offline_download)}) en open "
            "`index.html` in uw browser: alles werkt dan ook zonder internet, zoeken inbegrepen.",
        )
    return page.render()


def _publications(page: Page) -> None:
    found = issues(page.graph)
    latest = ""
    if found:
        target = page.to(addresses.kennisbrief_path(found[0].quarter))
        latest = f" De nieuwste: [{text(found[0].title)}]({target})."
    page.heading(2, "Publicaties")
    page.add(
        f"- [Kennisbrieven]({page.to(addresses.kennisbrief_index())}): elk kwartaal wat er "
        f"bijkwam.{latest}",
        f"- [Voortgang van de invoering]({page.to(addresses.PROGRESS)}): hoe ver de regio's "
        "zijn met *Bevolkingszorg op orde 2.0*.",
        f"- [Abonneren]({page.to(addresses.SUBSCRIBE)}): de kennisbrief per e-mail, of nieuwsfeeds "
        "voor uw feedlezer (alles, per thema of per regio).",
        f"- [Open data]({page.to(addresses.DATA)}): alle openbare gegevens als JSON en CSV.",
    )
    page.blank()
