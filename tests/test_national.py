"""The national picture on all 25 regions (tests/fixtures/national): 8 share their progress, 6
keep it to themselves, 11 reported nothing. The figures are worked out by hand in the fixture's
terms; the page is pinned as golden Markdown (regenerate with UPDATE_GOLDEN=1)."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.pipeline import check
from generator.progress import Overview, overview
from generator.render.progress import lead_sentence, theme_sentence
from generator.render.site import RenderOptions, render
from generator.types.regions import short_name

NATIONAL = Path(__file__).parent / "fixtures" / "national"
GOLDEN = Path(__file__).parent / "golden_national"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PUBLIC = ["Drenthe", "Flevoland", "Groningen", "Haaglanden", "Limburg-Noord", "Twente"]
PUBLIC += ["Utrecht", "Zeeland"]
HIDDEN = ["Fryslân", "Gelderland-Midden", "Hollands Midden", "IJsselland", "Kennemerland"]
HIDDEN += ["Zuid-Limburg"]


@pytest.fixture(scope="module")
def figures() -> Overview:
    checked = check(NATIONAL)
    assert checked.diagnostics == []
    return overview(checked.graph)


def test_every_region_has_a_row_sorted_by_the_name_people_use(figures: Overview) -> None:
    names = [short_name(row.region.title) for row in figures.rows]
    assert len(names) == 25
    assert names == sorted(names, key=str.casefold)
    assert names[:3] == ["Amsterdam-Amstelland", "Brabant-Noord", "Brabant-Zuidoost"]
    assert "Gelderland-Midden" in names  # a "Veiligheids- en Gezondheidsregio"
    states = {short_name(row.region.title): row.state for row in figures.rows}
    assert sorted(n for n, s in states.items() if s == "openbaar") == PUBLIC
    assert sorted(n for n, s in states.items() if s == "niet-openbaar") == HIDDEN
    assert Counter(states.values())["geen-melding"] == 11
    # Only a region whose progress is shown carries statuses.
    assert all(not row.latest for row in figures.rows if row.state != "openbaar")


def test_per_theme_every_region_is_counted_once(figures: Overview) -> None:
    expected = {
        # theme: (gerealiseerd, in uitvoering, in voorbereiding, niet gestart), unnamed, unreported
        "sleutelfunctionarissen": ((3, 2, 0, 1), 3, 16),
        "oefenen": ((1, 2, 1, 0), 3, 18),
        "zelfredzaamheid": ((1, 2, 1, 0), 2, 19),
    }
    assert figures.themes == tuple(expected)
    assert figures.unassessed == ("crisiscommunicatie",)
    for theme, (statuses, unnamed, unreported) in expected.items():
        aggregate = figures.per_theme[theme]
        order = ("gerealiseerd", "in-uitvoering", "in-voorbereiding", "niet-gestart")
        assert tuple(aggregate.counts[s] for s in order) == statuses, theme
        assert (aggregate.unnamed, aggregate.unreported, aggregate.regions) == (
            unnamed,
            unreported,
            25,
        )


def test_the_trend_is_the_state_at_the_end_of_each_year(figures: Overview) -> None:
    # 2018 is only IJsselland's, which keeps its progress to itself: no point for it.
    assert [(p.year, dict(p.counts), p.regions) for p in figures.trend] == [
        (2015, {"in-voorbereiding": 1, "niet-gestart": 2}, 3),
        (2016, {"gerealiseerd": 4, "in-uitvoering": 4, "niet-gestart": 3}, 6),
        (
            2017,
            {"gerealiseerd": 5, "in-uitvoering": 6, "in-voorbereiding": 2, "niet-gestart": 1},
            8,
        ),
    ]


def test_summary_sentences_in_plain_dutch(figures: Overview) -> None:
    assert lead_sentence(figures, "public") == (
        "Van de 25 regio's delen er 8 hun voortgang openbaar; 6 beoordeelden hun voortgang "
        "zonder die openbaar te maken en 11 meldden nog niets."
    )
    assert theme_sentence(figures.per_theme["sleutelfunctionarissen"], public=True) == (
        "3 van de 25 regio's hebben het gerealiseerd, 2 voeren het uit en 1 is nog niet "
        "begonnen. 3 regio's beoordeelden het zonder hun stand openbaar te maken en 16 meldden "
        "er niets over."
    )
    assert theme_sentence(figures.per_theme["oefenen"], public=True) == (
        "1 van de 25 regio's heeft het gerealiseerd, 2 voeren het uit en 1 bereidt het voor. "
        "3 regio's beoordeelden het zonder hun stand openbaar te maken en 18 meldden er niets "
        "over."
    )


def test_the_internal_edition_shows_every_region_that_reported() -> None:
    figures = overview(check(NATIONAL, "internal").graph)
    assert len(figures.regions) == 14 and figures.keeping == 0
    sleutel = figures.per_theme["sleutelfunctionarissen"]
    assert (sleutel.counts["gerealiseerd"], sleutel.unnamed, sleutel.unreported) == (4, 0, 16)
    assert [p.year for p in figures.trend] == [2015, 2016, 2017, 2018]
    assert lead_sentence(figures, "internal") == (
        "Van de 25 regio's meldden er 14 hun voortgang; 11 meldden nog niets."
    )


def test_what_the_hidden_regions_say_changes_no_file(tmp_path: Path) -> None:
    """Every hidden region reports the opposite status, another peildatum and another note:
    the public edition's files stay the same, byte for byte."""
    changed = tmp_path / "national"
    shutil.copytree(NATIONAL, changed)
    flip = {"gerealiseerd": "niet-gestart", "niet-gestart": "gerealiseerd"}
    flip |= {"in-uitvoering": "in-voorbereiding", "in-voorbereiding": "in-uitvoering"}
    hidden = ("fryslan", "kennemerland", "hollands-midden", "ijsselland", "zuid-limburg")
    for name in (*hidden, "gelderland-midden"):
        path = changed / "content" / "regions" / f"{name}.yml"
        lines = []
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("    status: "):
                line = "    status: " + flip[line.split(": ")[1]]
            elif line.startswith("  - date: "):
                line = "  - date: 2019-06-30"
            elif line.startswith("    note: "):
                line = "    note: Iets heel anders"
            lines.append(line)
        path.write_text("\n".join(lines) + "\n", "utf-8")
    options = RenderOptions(site_url="https://kennisbank.example/")
    before = render(check(NATIONAL).graph, options)
    after = render(check(changed).graph, options)
    assert before.keys() == after.keys()
    assert [path for path in before if before[path] != after[path]] == []


def test_the_page_matches_its_golden_markdown() -> None:
    page = render(check(NATIONAL).graph)["voortgang/index.md"]
    golden = GOLDEN / "voortgang__index.md"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")
