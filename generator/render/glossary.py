"""`afkortingen/`: every abbreviation of the taxonomy (`abbreviations`) spelled out.

The same list makes every abbreviation on every page an `<abbr title="…">` (Python-Markdown's
abbr extension, configured by the engine adapter from the taxonomy); this page lists them all,
for a reader who meets one on paper or wants them together.
"""

from __future__ import annotations

from generator.model import Graph
from generator.render import addresses
from generator.render.formatting import attr, frontmatter
from generator.render.page import Page

TITLE = "Afkortingen"


def glossary_page(graph: Graph) -> str:
    page = Page(graph, addresses.GLOSSARY)
    page.add(
        frontmatter(
            {
                "title": TITLE,
                "description": "De afkortingen van de bevolkingszorg die in de kennisbank "
                "voorkomen, voluit geschreven.",
            }
        ),
        f"# {TITLE}",
        "",
    )
    abbreviations = graph.taxonomy.abbreviations
    if not abbreviations:
        page.add("Er zijn nog geen afkortingen vastgelegd.")
        return page.render()
    page.add(
        "De afkortingen die in de kennisbank voorkomen, voluit geschreven. Op elke pagina ziet "
        "u de volledige naam ook als u de muis op een afkorting houdt.",
        "",
        # Raw HTML: a definition list (Markdown has none without an extension). Left alone by
        # the abbr extension, so a term is not explained by itself.
        '<dl class="kb-afkortingen">',
    )
    for short in sorted(abbreviations, key=str.casefold):
        page.add(f"<dt>{attr(short)}</dt>", f"<dd>{attr(abbreviations[short])}</dd>")
    page.add("</dl>")
    return page.render()
