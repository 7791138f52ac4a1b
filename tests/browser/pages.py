"""The pages of the fixture build (tests/fixtures/site) that the browser tests visit."""

from __future__ import annotations

SECTIONS = {
    "praktijken/": "Praktijken",
    "sessies/": "Sessies",
    "knelpunten/": "Knelpunten",
    "incidenten/": "Standaardincidenten",
    "regios/": "Regio's",
    "themas/": "Thema's",
    "projecten/": "Projecten",
}
# One page of each record type, a theme, the publications, and the hand-written (and generated
# guide) pages.
RECORDS = [
    "praktijken/groepsapp/",
    "sessies/sessie-midden/",
    "sessies/leerarena-brand/",
    "knelpunten/informatie-actueel/",
    "knelpunten/wachten-in-de-opvang/",
    "incidenten/grote-brand/",
    "regios/utrecht/",
    "projecten/versterking/",
]
OTHER = [
    "themas/zelfredzaamheid/",
    "voortgang/",
    "knelpunten-zonder-antwoord/",
    "regios/zeeland/",  # a region the knowledge base holds nothing about yet
    "kennisbrief/",
    "kennisbrief/2016-q1/",
    "kennisbrief/abonneren/",
    "data/",
    "over/",
    "afkortingen/",
    "colofon/",
    "privacy/",
    "bijdragen/",
    "bijdragen/velden/",
    "bijdragen/meldingen/",
    "toegankelijkheid/",
    "zoeken/",
    "404.html",
]
PAGES = ["", *SECTIONS, *RECORDS, *OTHER]


def page_id(path: str) -> str:
    return path.strip("/") or "home"
