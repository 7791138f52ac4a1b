"""What the built pages say: escaping, search, privacy of progress, editions, finding things."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site_support import Built, html_files, parse, search_documents

SITE_HOST = "kennisbank-bevolkingszorg.example"

# Hosts named in Material's and lunr's bundled JavaScript that are never fetched by this site.
INERT_JS_HOSTS = {
    "unpkg.com": "mermaid, loaded only for a page with a mermaid diagram (checked below: none)",
    "api.github.com": "repository facts, only with repo_url set (checked below: not set)",
    "github.com": "licence and source comments",
    "clipboardjs.com": "licence comment",
    "example.com": "Pagefind: a stand-in base for parsing a relative URL, never fetched",
    "bit.ly": "comment in the search worker",
    "lunrjs.com": "licence comment",
    "tartarus.org": "Snowball stemmer licence comment",
    "snowball.tartarus.org": "Snowball stemmer licence comment",
    "code.google.com": "licence comment",
    "www.mozilla.org": "MPL licence comment",
    "chasen.org": "tinyseg comment",
    "docs.python.org": "wordcut comment",
    "en.wikipedia.org": "wordcut comment",
    "msdn.microsoft.com": "wordcut comment",
    "narwhaljs.org": "wordcut comment",
    "people.mozilla.org": "wordcut comment",
    "underscorejs.org": "wordcut comment",
    "wiki.commonjs.org": "wordcut comment",
    "wiki.ecmascript.org": "wordcut comment",
    "developer.mozilla.org": "wordcut comment",
    "www.w3.org": "XML/SVG namespace identifiers",
}


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


def test_script_title_is_text_everywhere(site_build: Built) -> None:
    for path in html_files(site_build.site):
        html = path.read_text("utf-8")
        assert "<script>alert(" not in html, path
        assert "onerror=alert" not in html.replace("onerror=alert(2)&gt;", ""), path
    page = parse(site_build.site / "praktijken/script-titel/index.html")
    assert page.title.startswith('<script>alert(1)</script> & "aanhalingstekens"')
    html = read(site_build.site, "praktijken/script-titel")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    description = "Een samenvatting met &lt;img src=x onerror=alert(2)&gt; en &quot;quotes&quot;"
    assert f'<meta name="description" content="{description}">' in html
    assert "Tekst met &lt;script&gt;alert(3)&lt;/script&gt; erin." in html


def test_body_raw_html_is_shown_not_run(site_build: Built) -> None:
    html = read(site_build.site, "sessies/sessie-midden")
    fetched = parse(site_build.site / "sessies/sessie-midden/index.html").fetched
    assert not [url for url in fetched if "tracker.example" in url]
    assert "&lt;b&gt;geen opmaak&lt;/b&gt;" in html
    assert "<code>&lt;b&gt;vet&lt;/b&gt;</code>" in html
    assert "<code>[[groepsapp]]</code>" in html


def test_search_index_has_records_with_their_type(site_build: Built) -> None:
    pages = {d["location"]: d for d in search_documents(site_build.site)}
    groepsapp = pages["praktijken/groepsapp/"]
    assert groepsapp["title"] == "Groepsapp voor medewerkers"
    assert groepsapp["tags"] == ["Praktijk"]
    assert "Adviseur crisisbeheersing" in groepsapp["text"]
    assert "Gooi en Vechtstreek" in groepsapp["text"]
    assert groepsapp["filters"]["regio"] == ["gooi-en-vechtstreek"]
    assert groepsapp["filters"]["status"] == ["beproefd"]
    assert pages["sessies/sessie-midden/"]["tags"] == ["Sessie"]
    assert pages["incidenten/grote-brand/"]["tags"] == ["Standaardincident"]
    # Titles are data here: the search page writes them as text (textContent), never as HTML.
    assert pages["praktijken/script-titel/"]["title"].startswith("<script>")
    assert pages["over/"]["tags"] == ["Pagina"]  # a hand-written page
    entry = json.loads((site_build.site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["nl"]  # Dutch stemming for every page


def test_nothing_is_fetched_from_third_parties(site_build: Built) -> None:
    for site in (site_build.site, site_build.offline):
        for path in html_files(site):
            for url in parse(path).fetched:
                host = urlsplit(url).netloc
                assert host in ("", SITE_HOST), f"{path}: {url}"
            html = path.read_text("utf-8")
            assert "mermaid" not in html and "md-source" not in html, path
        for path in site.rglob("*.css"):
            css = path.read_text("utf-8")
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), path
            assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", css), path
        for path in site.rglob("*.js"):
            if path.name == "offline-index.js":
                continue  # the offline search index: page text as data, never fetched
            if path.parent.name == "beheer" and "decap-cms" in path.name:
                # Decap CMS names every host it can talk to; with our configuration it talks
                # to none but the git host: tests/browser/test_beheer.py records every request.
                continue
            hosts = set(re.findall(r"https?://([a-zA-Z0-9.-]+)", path.read_text("utf-8")))
            unknown = hosts - set(INERT_JS_HOSTS)
            assert not unknown, f"{path}: {unknown}"


def test_region_progress_only_when_public(site_build: Built) -> None:
    assert "Voortgang BZOO 2.0" in read(site_build.site, "regios/utrecht")
    assert "Oefenplan vastgesteld" in read(site_build.site, "regios/utrecht")
    for path in html_files(site_build.site):
        assert "GEHEIME-VOORTGANG" not in path.read_text("utf-8"), path
    for document in search_documents(site_build.site):
        assert "GEHEIME-VOORTGANG" not in document["text"], document["location"]


def test_internal_records_only_in_internal_edition(
    site_build: Built, internal_build: Built
) -> None:
    assert not (site_build.site / "praktijken/intern").exists()
    assert "Interne praktijk" not in read(site_build.site, "sessies/sessie-midden")
    assert "Interne praktijk" in read(internal_build.site, "sessies/sessie-midden")


def test_section_index_is_filterable(site_build: Built) -> None:
    html = read(site_build.site, "praktijken")
    # On the page from the start (nothing moves when the script runs), with a submit button.
    assert re.search(r'<form class="kb-filters" data-kb-filters(="[^"]*")?>', html)
    assert '<button type="submit" class="md-button md-button--primary">Toon resultaten' in html
    assert '<label for="kb-filter-regio">Regio</label>' in html
    # Every title is a heading, so a screen reader can jump from record to record.
    item = re.search(
        r'<div class="kb-item"([^>]*)>\s*<h2 class="kb-item-titel" id="[^"]+">'
        r'<a href="groepsapp/">',
        html,
    )
    assert item is not None
    for facet in (
        'data-regio="gooi-en-vechtstreek"',
        'data-status="beproefd"',
        'data-soort="good-practice"',
        'data-thema="zelfredzaamheid"',
        'data-jaar="2016"',
    ):
        assert facet in item.group(1)
    scripts = parse(site_build.site / "praktijken/index.html").fetched
    assert "../assets/javascripts/filters.js" in scripts


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("sessies/sessie-midden", "15 maart 2016"),
        ("sessies/sessie-midden", '<span class="kb-badge kb-soort-regionaal">Regionale sessie'),
        ("praktijken/groepsapp", '<span class="kb-badge kb-status-beproefd">Beproefd</span>'),
        ("praktijken/groepsapp", ">Zelfredzaamheid</a>"),  # theme label, not key
        ("incidenten/grote-brand", "Publieke zorg (opvang en verzorging)"),
        ("incidenten/grote-brand", "Opvanglocatie openen | met vrijwilligers"),
        ("projecten/versterking", "1 oktober 2015 – 2017"),
        ("index.html", "Nieuw in de kennisbank"),
    ],
)
def test_fields_read_as_people_read_them(site_build: Built, page: str, expected: str) -> None:
    path = site_build.site / (page if page.endswith(".html") else f"{page}/index.html")
    assert expected in path.read_text("utf-8")


def test_search_finds_a_record_on_its_own_page_not_in_every_list_of_it(site_build: Built) -> None:
    documents = search_documents(site_build.site)
    summary = "Medewerkers bevolkingszorg melden zich via een groepsapp."
    holding = sorted(doc["location"] for doc in documents if summary in doc["text"])
    assert holding == ["praktijken/groepsapp/"]  # not the section index, themes, kennisbrief…
    locations = {doc["location"] for doc in documents}
    assert "praktijken/" not in locations and "themas/oefenen/" not in locations
    midden = next(doc for doc in documents if doc["location"] == "sessies/sessie-midden/")
    assert "Verslag van de sessie" in midden["text"]  # the write-up is searchable
    # A record's text does not repeat the records that name it (its relation lists).
    assert "Zelf onderdak regelen vanuit de opvang" not in midden["text"]
