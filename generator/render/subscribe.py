"""`kennisbrief/abonneren/`: how to keep up without coming back to look, by e-mail or feed.

Addresses come from mkdocs.yml (`extra.kennisbank`, generator/settings.py): the page names the
sender, how to sign up and how to sign off, and lists every feed of the edition.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import Graph
from generator.render import addresses
from generator.render.feeds import KENNISBRIEVEN, RECORDS, region_feeds, theme_feeds
from generator.render.formatting import attr, frontmatter, text
from generator.render.page import Page
from generator.settings import SiteSettings
from generator.types import REGIONS

TITLE = "Abonneren"


def subscribe_page(graph: Graph, settings: SiteSettings, feeds: Iterable[str]) -> str:
    """`feeds`: the feed paths this build makes (none without the site's address)."""
    made = set(feeds)
    page = Page(graph, addresses.SUBSCRIBE)
    page.add(
        frontmatter(
            {
                "title": TITLE,
                "description": "De kennisbrief per e-mail, of nieuwsfeeds voor uw feedlezer: "
                "alles, per thema of per regio.",
            }
        ),
        f"# {TITLE}",
        "",
        "Wilt u weten wat er nieuw is in de kennisbank, zonder steeds te komen kijken? Dat kan "
        "op twee manieren: met de kennisbrief per e-mail, of met een nieuwsfeed in uw feedlezer.",
        "",
    )
    _email(page, settings)
    _feeds(page, made)
    return page.render()


def _email(page: Page, settings: SiteSettings) -> None:
    page.heading(2, "De kennisbrief per e-mail")
    page.add(
        "Elk kwartaal een kennisbrief met wat er in de kennisbank bijkwam: sessies, "
        f"praktijken, knelpunten en meer. {text(settings.publisher)} verstuurt hem per e-mail. "
        f"U kunt alle kennisbrieven ook [op de site lezen]"
        f"({page.to(addresses.kennisbrief_index())}).",
        "",
    )
    if settings.subscribe:
        page.add(
            f'<p><a class="md-button md-button--primary" href="{attr(settings.subscribe)}">'
            "Meld u aan voor de kennisbrief</a></p>"
        )
    elif settings.contact_email:
        page.add(
            "Aanmelden: stuur een e-mail met het onderwerp *Aanmelden kennisbrief* naar "
            f"{_mail(settings.contact_email)}.",
        )
    page.blank()
    page.heading(3, "Afmelden")
    sign_off = "Onder elke kennisbrief staat een link waarmee u zich afmeldt."
    if settings.contact_email:
        sign_off += (
            " Lukt dat niet, stuur dan een e-mail met het onderwerp *Afmelden kennisbrief* naar "
            f"{_mail(settings.contact_email)}."
        )
    page.add(sign_off, "")


def _feeds(page: Page, made: set[str]) -> None:
    page.heading(2, "Nieuwsfeeds (RSS/Atom)")
    page.add(
        "Een nieuwsfeed (RSS of Atom) is een lijst van het nieuwste op een site, in een vorm "
        "die een feedlezer begrijpt. Een feedlezer (een app of een programma zoals Outlook of "
        "Thunderbird) haalt de nieuwsfeeds waarop u zich abonneert regelmatig op en toont wat "
        "er nieuw is. Zo hoeft u "
        "niet zelf te blijven kijken, en niemand hoeft uw e-mailadres te kennen.",
        "",
        "Zo abonneert u zich: kopieer het adres van een nieuwsfeed hieronder (klik er met de "
        "rechtermuisknop op en kies *Link kopiëren*) en plak het in uw feedlezer, meestal bij "
        "*Toevoegen* of *Abonneren*. Veel feedlezers vinden de nieuwsfeeds ook zelf als u het "
        "adres van een pagina van deze site opgeeft.",
        "",
    )
    if not made:
        page.add("Deze uitgave van de kennisbank heeft geen nieuwsfeeds.", "")
        return
    page.heading(3, "Alles")
    for feed in (RECORDS, KENNISBRIEVEN):
        if feed.path in made:
            name = feed.title.split(": ", 1)[-1].capitalize()
            page.add(f"- [{text(name)}]({page.to(feed.path)}): {text(feed.subtitle)}")
    page.blank()
    themes = [f for f in theme_feeds(page.graph) if f.path in made]
    page.heading(3, "Per thema", searchable=False)
    page.add("Nieuwe sessies, praktijken, knelpunten en meer over één thema.", "")
    for feed in themes:
        assert feed.theme is not None
        label = page.graph.taxonomy.themes[feed.theme].label
        page.add(f"- [{text(label)}]({page.to(feed.path)})")
    page.blank()
    regions = [f for f in region_feeds(page.graph) if f.path in made]
    page.heading(3, "Per regio", searchable=False)
    page.add("Nieuwe sessies, praktijken en knelpunten van één veiligheidsregio.", "")
    for feed in regions:
        assert feed.region is not None
        name = REGIONS.list_title(page.graph.records[feed.region].data)
        page.add(f"- [{text(name)}]({page.to(feed.path)})")
    page.blank()


def _mail(address: str) -> str:
    target = address if address.startswith("mailto:") else f"mailto:{address}"
    return f'<a href="{attr(target)}">{attr(target.removeprefix("mailto:"))}</a>'
