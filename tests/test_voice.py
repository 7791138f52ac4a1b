"""One voice in plain Dutch: the built site addresses its reader as "u", in Dutch words.

Every HTML page of the fixture build is read as a reader meets it: its visible text and the
attributes a screen reader speaks or a pointer shows (aria-label, title, alt, placeholder).
Code is code (a field name, a command) and is left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest

from tests.site_support import Built, html_files

ROOT = Path(__file__).parent.parent

# English, or another register than the site's "u", each with the Dutch the site uses instead.
FORBIDDEN = {
    "records": "onderdelen, bijdragen, gegevens (what they are: sessies, praktijken …)",
    "good practice": "goed voorbeeld",
    "good practices": "goede voorbeelden",
    "feed": "nieuwsfeed (explained once on Abonneren)",
    "feeds": "nieuwsfeeds",
    "je": "u",
    "jij": "u",
    "jou": "u",
    "jouw": "uw",
    "bij kwam": "bijkwam",
    "made with": "(Material's footer: the site's own footer instead)",
    "skip to content": "Ga naar inhoud",
    "not found": "Pagina niet gevonden",
    "header": "Paginakop",
    "footer": "Voettekst",
    "search": "Zoeken",
    "previous": "Vorige",
    "next": "Volgende",
}
# The editors' guide (Voor redacteuren) defines "record" as its word for one file of content and
# names the validator's rules by their ids (kennisbrief-zonder-records): there, and only there,
# "records" is the term the reader learns.
EDITOR_PAGES = ("bijdragen/",)
EDITOR_TERMS = {"records"}

PATTERN = re.compile(r"\b(" + "|".join(map(re.escape, FORBIDDEN)) + r")\b", re.IGNORECASE)
SPOKEN = ("aria-label", "title", "alt", "placeholder")
NOT_READ = {"script", "style", "code", "pre", "svg", "template", "kbd"}


class _Reader(HTMLParser):
    """The text of a page as a reader meets it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in NOT_READ:
            self.skipping += 1
        if not self.skipping:
            self.parts += [value for name, value in attrs if name in SPOKEN and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in NOT_READ and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def read_aloud(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    return " ".join(" ".join(reader.parts).split())


def off_voice(page: str, text: str) -> list[str]:
    """Every forbidden word in `text`, with some context, for page `page` (site-relative)."""
    found = []
    for match in PATTERN.finditer(text):
        word = match.group(1).lower()
        if word in EDITOR_TERMS and page.startswith(EDITOR_PAGES):
            continue
        found.append(
            f"{page}: '{match.group(1)}' in …{text[max(0, match.start() - 40) : match.end() + 40]}…"
        )
    return found


def test_every_page_speaks_plain_dutch_to_u(site_build: Built) -> None:
    pages = [
        path
        for path in html_files(site_build.site)
        if path.relative_to(site_build.site).parts[0] not in ("beheer", "pagefind")
    ]
    assert len(pages) > 40
    found = []
    for path in pages:
        page = path.relative_to(site_build.site).as_posix()
        found += off_voice(page, read_aloud(path.read_text("utf-8")))
    assert found == [], "\n".join(found[:20])


@pytest.mark.parametrize(
    ("html", "word"),
    [
        ("<p>Er zijn 3 nieuwe records.</p>", "records"),
        ('<span class="kb-badge">Good practice</span>', "Good practice"),
        ("<p>Volg de feed van dit thema.</p>", "feed"),
        ("<p>Zo pas je het toe</p>", "je"),
        ("<p>wat er bij kwam</p>", "bij kwam"),
        ('<nav aria-label="Footer"></nav>', "Footer"),
        ('<a title="Skip to content" href="#x">Ga naar inhoud</a>', "Skip to content"),
    ],
)
def test_the_check_finds_each_word_put_back(html: str, word: str) -> None:
    found = off_voice("praktijken/x/index.html", read_aloud(html))
    assert len(found) == 1 and f"'{word}'" in found[0], found


def test_the_check_reads_no_code_and_allows_compounds() -> None:
    html = (
        "<p>Een nieuwsfeed in uw feedlezer; <code>feeds/nieuw.xml</code>, "
        "<kbd>je</kbd>; bijkwam; Jeugdzorg.</p><script>var records = 1;</script>"
    )
    assert off_voice("kennisbrief/abonneren/index.html", read_aloud(html)) == []
    # The editors' guide may say "records"; anything else it may not.
    assert off_voice("bijdragen/index.html", read_aloud("<p>Elk kwartaal met records</p>")) == []
    assert off_voice("bijdragen/index.html", read_aloud("<p>Zo doe je dat</p>")) != []


def test_the_dutch_strings_are_materials_with_the_english_made_dutch() -> None:
    """overrides/partials/languages/nl.html copies Material's Dutch strings; when Material
    changes them, this fails so that the copy is brought up to date."""
    theirs = (Path(material.__file__).parent / "templates/partials/languages/nl.html").read_text(
        "utf-8"
    )
    ours = (ROOT / "overrides/partials/languages/nl.html").read_text("utf-8")
    entries = re.compile(r'^  "([^"]+)": "([^"]*)",?$', re.M)
    theirs_by_key, ours_by_key = dict(entries.findall(theirs)), dict(entries.findall(ours))
    assert theirs_by_key.keys() == ours_by_key.keys()
    changed = {k for k in ours_by_key if ours_by_key[k] != theirs_by_key[k]}
    assert changed == {
        "footer",
        "header",
        "tabs",
        "rss.created",
        "rss.updated",
        "source.file.date.updated",
    }
    for key in changed:
        assert not PATTERN.search(ours_by_key[key]), key
