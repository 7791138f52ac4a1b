"""Unit tests of the engine-free render package: formatting, escaping, addresses, purity."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.diagnostics import Diagnostic
from generator.model import Key
from generator.pipeline import check
from generator.render import addresses
from generator.render.formatting import (
    demote_headings,
    dutch_date,
    frontmatter,
    teaser,
    text,
)
from generator.render.site import RenderOptions, render
from generator.render.tables import RowGroup, reachable_tables, stacked_table
from generator.types import INCIDENTS, PRACTICES, REGIONS

GENERATOR = Path(__file__).parent.parent / "generator"
# The render step, and the record types whose pages it writes.
ENGINE_FREE = sorted([*(GENERATOR / "render").glob("*.py"), *(GENERATOR / "types").glob("*.py")])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2016, 3, 15), "15 maart 2016"),
        (date(2015, 10, 1), "1 oktober 2015"),
        (date(2017, 12, 31), "31 december 2017"),
    ],
)
def test_dutch_date(value: date, expected: str) -> None:
    assert dutch_date(value) == expected


def test_text_escapes_html_and_markdown() -> None:
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert text("a *b* [c](d) | e_f") == r"a \*b\* \[c\](d) \| e\_f"
    assert text("twee\nregels") == "twee regels"


@pytest.mark.parametrize(
    ("summary", "limit", "expected"),
    [
        ("Past  helemaal.", 40, "Past helemaal."),
        ("Eerste zin. Tweede zin die te lang is voor de ruimte.", 30, "Eerste zin."),
        ("Een. Twee? Drie! Vier is er te veel.", 17, "Een. Twee? Drie!"),
        ('Hij zei "ga." En toen nog veel meer.', 15, 'Hij zei "ga."'),
        ("Een zin zonder einde die langer is dan de grens", 20, "Een zin zonder…"),
        ("Afkorting, dan komma-woorden, verder", 18, "Afkorting, dan…"),
        ("Woordwoordwoordwoord", 10, "Woordwoor…"),
    ],
)
def test_teaser_ends_on_a_sentence_or_else_a_word(summary: str, limit: int, expected: str) -> None:
    shown = teaser(summary, limit)
    assert shown == expected
    assert len(shown) <= limit


def test_demote_headings_outside_fences() -> None:
    assert demote_headings("# A\n```\n# code\n```\n## B") == "## A\n```\n# code\n```\n### B"


def test_frontmatter_escapes_for_the_theme() -> None:
    meta = frontmatter({"title": '<b>"x"</b>', "description": '"y"', "tags": ["Sessie"]})
    assert meta == (
        '---\ntitle: "&lt;b&gt;\\"x\\"&lt;/b&gt;"\ndescription: "&quot;y&quot;"\n'
        'tags: ["Sessie"]\n---\n'
    )


@pytest.mark.parametrize(
    "value",
    ["a: b", '"quoted" \\ back', "yes", "- dash", "# hash", "ë ü", "line\u2028break", "tab\there"],
)
def test_frontmatter_reads_back_as_the_same_text(value: str) -> None:
    meta = frontmatter({"title": value, "tags": [value]})
    assert yaml.safe_load(meta.split("---\n")[1]) == {"title": value, "tags": [value]}


def test_addresses_depend_on_type_and_id() -> None:
    assert addresses.page_path(Key(PRACTICES, "groepsapp")) == "praktijken/groepsapp.md"
    assert addresses.page_path(Key(REGIONS, "utrecht")) == "regios/utrecht.md"
    assert addresses.section_index(INCIDENTS) == "incidenten/index.md"
    assert addresses.theme_path("oefenen") == "themas/oefenen.md"
    assert addresses.relative("sessies/a.md", "praktijken/b.md") == "../praktijken/b.md"
    assert addresses.relative("index.md", "praktijken/b.md") == "praktijken/b.md"


@pytest.mark.parametrize("module", ENGINE_FREE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_render_does_not_import_the_engine(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported.isdisjoint({"mkdocs", "material", "os", "pathlib", "io"}), imported


def test_problems_show_on_the_page_of_their_file_and_all_on_the_home_page() -> None:
    graph = check(Path(__file__).parent / "fixtures" / "site").graph
    record = Diagnostic("content/practices/groepsapp.md", 3, 1, "fout", "r", "kapotte waarde")
    intro = Diagnostic("content/kennisbrieven/2016-q1.md", 1, 1, "waarschuwing", "r", "let op")
    files = render(graph, RenderOptions(problems=[record, intro]))
    assert "Problemen in dit record" in files["praktijken/groepsapp.md"]
    assert "kapotte waarde" in files["praktijken/groepsapp.md"]
    assert "let op" in files["kennisbrief/2016-q1.md"]
    assert "kapotte waarde" in files["index.md"] and "let op" in files["index.md"]
    assert "kapotte waarde" not in files["praktijken/zelf-onderdak.md"]
    # The banner comes right under the page's heading, before anything else.
    lines = files["praktijken/groepsapp.md"].split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    assert lines[heading + 2].startswith('!!! failure "Problemen in dit record"')


def test_markdown_tables_get_a_box_the_keyboard_reaches_named_after_their_heading() -> None:
    page = (
        '<h2 id="a">Cijfers &amp; &quot;feiten&quot;<a class="headerlink" href="#a">¶</a></h2>'
        "<table><tr><td>1</td></tr></table><p>x</p>"
        '<table class="kb-tabel"><tr><td>2</td></tr></table>'
    )
    boxed = reachable_tables(page)
    assert boxed.count('role="region" tabindex="0"') == 1
    assert 'aria-label="Tabel: Cijfers &amp; &quot;feiten&quot;">' in boxed
    caption = (
        '<caption class="kb-visually-hidden">Tabel: Cijfers &amp; &quot;feiten&quot;</caption>'
    )
    assert f"<table>{caption}<tr><td>1</td></tr></table></div><p>x</p>" in boxed
    assert reachable_tables("<table></table>").startswith('<div class="kb-tabelvak')
    assert 'aria-label="Tabel"' in reachable_tables("<table></table>")


# --- Record pages of the repository's own content: said once, read top to bottom ---------------

_LINK_TARGET = re.compile(r"\]\(([^)]+\.md)\)")


@pytest.fixture(scope="module")
def content_pages() -> dict[str, str]:
    checked = check(GENERATOR.parent)
    return render(checked.graph, RenderOptions())


def _text_and_lists(page: str) -> tuple[set[str], set[str]]:
    """The records a page's text links to, and those its lists of related records show (the
    sections the generator adds, which search skips), whatever form the lists take."""
    text: set[str] = set()
    lists: set[str] = set()
    listing = False
    for line in page.splitlines():
        if line.startswith("#"):
            listing = line.endswith("{ data-search-exclude }")
        elif not line.startswith("- **"):  # the facts at the top
            (lists if listing else text).update(_LINK_TARGET.findall(line))
    return text, lists


@pytest.mark.parametrize("section", ["sessies/", "knelpunten/"])
def test_a_record_the_body_names_is_not_listed_again(
    content_pages: dict[str, str], section: str
) -> None:
    pages = [p for p in content_pages if p.startswith(section) and not p.endswith("index.md")]
    assert pages
    repeated = 0
    for path in pages:
        body, cards = _text_and_lists(content_pages[path])
        # Sessions and their knelpunten link to each other: those cards are the relation, not a
        # repeat; what the body names among the yield or the solutions shows once.
        shown_twice = {t for t in body & cards if "praktijken/" in t or path.startswith("sessies")}
        assert not shown_twice, f"{path} lists again what its text names: {shown_twice}"
        repeated += len(body)
    assert repeated, "no page names a record in its text: the test would prove nothing"


def test_a_session_publication_repeats_no_heading(content_pages: dict[str, str]) -> None:
    for path, page in content_pages.items():
        if not path.startswith("sessies/") or path.endswith("index.md"):
            continue
        headings = [
            line.lstrip("#").split("{")[0].strip().lower()
            for line in page.splitlines()
            if line.startswith("#")
        ]
        assert len(headings) == len(set(headings)), f"{path} repeats a heading: {headings}"


def test_a_grouped_table_names_each_cells_column_group_and_row_headers() -> None:
    """WCAG H43: below a row-group header, a cell names all three of its headers."""
    lines = stacked_table(
        "Taken", ["Taak", "Norm"], [RowGroup("Opvang", [["Opvang openen", "binnen 2 uur"]])]
    )
    table = "\n".join(lines)
    assert '<th scope="col" id="kb-taken-k1">Norm</th>' in table
    assert 'id="kb-taken-g0" markdown="span">Opvang</th>' in table
    assert '<th scope="row" id="kb-taken-g0-r0" headers="kb-taken-k0 kb-taken-g0"' in table
    assert 'headers="kb-taken-k1 kb-taken-g0 kb-taken-g0-r0"' in table


def test_a_table_without_groups_needs_no_headers_attributes() -> None:
    table = "\n".join(stacked_table("Stand", ["Datum", "Stand"], [RowGroup("", [["1", "open"]])]))
    assert "headers=" not in table and " id=" not in table
