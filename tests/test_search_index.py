"""The search's parts without a browser: the records an engine indexes (one facet source with the
section lists, only the edition's records), the document Pagefind reads, the offline copy's
links, and the theme override of Material's header."""

from __future__ import annotations

import re
from pathlib import Path

import material

from generator.offline import rewrite_links
from generator.pipeline import check
from generator.render.indexes import facet_values
from generator.render.search import html_text, search_page, search_records
from generator.search_index import document
from generator.types import SECTION_ORDER
from tests.site_support import FIXTURES

SITE = FIXTURES / "site"
LEAK = FIXTURES / "leak"
HEADER = Path(__file__).parent.parent / "overrides/partials/kennisbank-header.html"


def test_records_carry_the_section_lists_facet_values_and_their_type() -> None:
    graph = check(SITE).graph
    records = {r.url: r for r in search_records(graph)}
    for key, record in graph.records.items():
        found = records[f"{key.type.section}/{key.id}/"]
        expected = {name: tuple(sorted(v)) for name, v in facet_values(graph, record).items() if v}
        assert dict(found.facets) == {**expected, "type": (key.type.section,)}
    groepsapp = records["praktijken/groepsapp/"]
    assert groepsapp.type_label == "Praktijk" and groepsapp.date == "2016-03-15"
    assert "Veiligheidsregio Gooi en Vechtstreek" in groepsapp.text  # its region, by name
    assert "Beproefd" in groepsapp.text  # a facet's label
    # A wikilink in a summary or body reads as the title of the record it names.
    onderdak = records["praktijken/zelf-onderdak/"]
    assert "[[" not in onderdak.summary and "Sessie Utrecht" in onderdak.summary


def test_only_the_editions_records_are_indexed() -> None:
    public = {r.title for r in search_records(check(LEAK, "public").graph)}
    internal = {r.title for r in search_records(check(LEAK, "internal").graph)}
    assert not any("zqx" in title for title in public)
    assert any("zqxintern" in title for title in internal)
    assert not any("zqxdraft" in title for title in internal)


def test_a_regions_progress_is_never_search_text() -> None:
    """Region progress follows the disclosure rule on pages; search leaves it out entirely."""
    for edition in ("public", "internal"):
        for record in search_records(check(LEAK, edition).graph):
            assert "zqxprogress" not in record.text.lower(), (edition, record.url)


def test_the_search_page_offers_every_type_and_each_facet_value_once() -> None:
    page = search_page(check(SITE).graph)
    types = re.findall(r'name="type" value="([^"]+)"', page)
    assert types == [t.section for t in SECTION_ORDER] + ["pagina"]
    values = re.findall(r'name="(\w+)" value="([^"]+)"', page)
    assert len(values) == len(set(values))
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_the_document_pagefind_reads_escapes_every_value() -> None:
    graph = check(SITE).graph
    record = next(r for r in search_records(graph) if r.url == "praktijken/script-titel/")
    html = document(record)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'data-pagefind-filter="type">praktijken<' in html
    assert 'data-pagefind-sort="datum:2016-03-15"' in html


def test_page_text_leaves_out_permalink_signs() -> None:
    html = '<h2 id="a">Kop<a class="headerlink" href="#a">¶</a></h2><p>Tekst &amp; meer<br>'
    assert html_text(html) == "Kop Tekst & meer"


def test_offline_links_open_files(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    (copy / "praktijken/groepsapp").mkdir(parents=True)
    (copy / "assets").mkdir()
    (copy / "assets/site.css").write_text("")
    page = (
        '<a href="../groepsapp/#kop">x</a><a href="..">home</a><link href="../../assets/site.css">'
        '<a href="../../downloads/kennisbank.zip">zip</a><a href="#kop">kop</a>'
        '<a href="https://example.org/">elders</a><p>href="../groepsapp/" as text</p>'
        '<link rel="alternate" type="application/atom+xml" title="nieuw" href="../../f.xml">'
    )
    rewritten = rewrite_links(
        page, "praktijken/groepsapp/index.html", copy, "https://kennisbank.example/"
    )
    assert 'href="../groepsapp/index.html#kop"' in rewritten
    assert 'href="../index.html"' in rewritten
    assert 'href="../../assets/site.css"' in rewritten
    assert 'href="https://kennisbank.example/downloads/kennisbank.zip"' in rewritten
    assert 'href="#kop"' in rewritten and 'href="https://example.org/"' in rewritten
    assert '<p>href="../groepsapp/" as text</p>' in rewritten  # text is never a link
    assert "atom+xml" not in rewritten  # a feed reader cannot follow a file on disk


def test_the_header_override_is_materials_header_but_for_search() -> None:
    """overrides/partials/kennisbank-header.html copies Material's header; when Material
    changes its header, this fails so that the copy is brought up to date."""
    ours = HEADER.read_text("utf-8")
    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text("utf-8")
    search_block = re.compile(
        r'    {% if "material/search" in config.plugins %}.*?\n    {% endif %}\n', re.S
    )
    ours_block = re.compile(
        r"    {#- kennisbank:.*?-#}\n    {% include \"partials/kennisbank-search.html\" %}\n"
    )
    comment = re.compile(r"^{#-.*?-#}\n", re.S)
    assert search_block.search(theirs) and ours_block.search(ours)
    assert comment.sub("", ours_block.sub("", ours)) == comment.sub(
        "", search_block.sub("", theirs)
    )
