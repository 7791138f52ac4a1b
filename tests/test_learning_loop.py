"""The learning loop (issue 21): suggested practices with their reasons, knelpunten raised again,
follow-through and the practices' progress, on a fixture with knelpunten that do and don't have
an answer (tests/fixtures/loop). Golden Markdown in tests/golden_loop/; regenerate with
`UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.dates import PartialDate
from generator.maturity import counts, trend
from generator.model import Graph, Key
from generator.pipeline import build_day, check
from generator.related import related
from generator.render.site import RenderOptions, render
from generator.types import KNELPUNTEN
from generator.types.knelpunten import Knelpunt, is_overdue, last_day, open_since, status_on

FIXTURE = Path(__file__).parent / "fixtures" / "loop"
GOLDEN = Path(__file__).parent / "golden_loop"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# The pages the loop writes or changes; the rest of the site is pinned by tests/golden/.
SHOWN = ("knelpunten/", "praktijken/", "knelpunten-zonder-antwoord/", "voortgang/", "kennisbrief/")
HIDDEN_MARKERS = ("INTERN-PRAKTIJK", "CONCEPT-PRAKTIJK", "opvang-intern", "opvang-concept")


def _render(root: Path, edition: str = "public") -> dict[str, str]:
    checked = check(root, edition)  # type: ignore[arg-type]
    return render(checked.graph, RenderOptions(site_url="https://kennisbank.example/"))


def _graph(edition: str = "public") -> Graph:
    return check(FIXTURE, edition).graph  # type: ignore[arg-type]


def _key(graph: Graph, type_name: str, ident: str) -> Key:
    return next(k for k in graph.records if k.type.name == type_name and k.id == ident)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    rendered = {
        path.replace("/", "__"): text
        for path, text in _render(FIXTURE).items()
        if path.startswith(SHOWN) and path.endswith((".md", ".html"))
    }
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir()
        for name, text in rendered.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    return rendered


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir()))
def test_page_matches_golden(name: str, pages: dict[str, str]) -> None:
    assert name in pages, f"{name} is no longer rendered; regenerate with UPDATE_GOLDEN=1"
    assert pages[name] == (GOLDEN / name).read_text(encoding="utf-8")


def test_every_page_has_a_golden_file(pages: dict[str, str]) -> None:
    assert set(pages) == {p.name for p in GOLDEN.iterdir()}


def test_the_fixture_gives_exactly_the_near_duplicate_warning() -> None:
    lines = [d.as_text() for d in check(FIXTURE).diagnostics]
    assert len(lines) == 1
    assert lines[0].startswith("content/knelpunten/draaiboeken-te-dik-noord.md:2:8: waarschuwing")
    assert "content/knelpunten/draaiboeken-te-dik.md" in lines[0]


def test_a_knelpunt_with_a_confirmed_solution_still_gets_suggestions(
    pages: dict[str, str],
) -> None:
    page = pages["knelpunten__draaiboeken-te-dik.md"]
    solutions, suggestions = page.split("## Oplossingen")[1].split("## Voorgestelde praktijken")
    assert "Beknopte taakkaarten" in solutions and "Beknopte taakkaarten" not in suggestions
    assert "[Eén taakkaart op één A4](../praktijken/taakkaart-op-een-a4.md)" in suggestions
    assert "*zelfde thema en proces; noemt 'draaiboek' en 'taakkaart'*" in suggestions


def test_a_knelpunt_without_any_answer_says_so(pages: dict[str, str]) -> None:
    page = pages["knelpunten__verwanten-over-de-grens.md"]
    assert "Voor dit knelpunt is nog geen praktijk vastgelegd." in page
    assert "De kennisbank vond geen andere praktijk die genoeg op dit knelpunt lijkt." in page


def test_a_knelpunt_raised_again_elsewhere_links_both_ways(pages: dict[str, str]) -> None:
    mine, other = "draaiboeken-te-dik", "draaiboeken-te-dik-noord"
    for a, b in ((mine, other), (other, mine)):
        page = pages[f"knelpunten__{a}.md"]
        assert "## Ook genoemd in" in page
        assert f"]({b}.md)" in page.split("## Ook genoemd in")[1].split("##")[0]
    elsewhere = pages[f"knelpunten__{mine}.md"].split("## Ook genoemd in")[1].split("##")[0]
    assert "[Sessie Groningen en Fryslân](../sessies/sessie-noord.md)" in elsewhere


@pytest.mark.parametrize("edition", ["public", "internal", "preview"])
def test_suggestions_hold_only_records_of_the_edition(edition: str) -> None:
    graph = _graph(edition)
    found = related(graph)
    suggested = {m.key for ms in found.suggestions.values() for m in ms}
    suggested |= {m.key for ms in found.alike.values() for m in ms}
    assert suggested <= set(graph.records)
    assert all(graph.records[k].visibility in _visible(edition) for k in suggested)


def _visible(edition: str) -> set[str]:
    return {"public": {"public"}, "internal": {"public", "internal"}}.get(
        edition, {"public", "internal", "draft"}
    )


def test_internal_and_draft_practices_are_never_suggested_on_the_public_site() -> None:
    knelpunt = "zelfredzaamheid-in-de-opvang"
    # Where they are published, they rank: so the public site leaves them out on purpose.
    preview = _graph("preview")
    shown = {m.key.id for m in related(preview).suggestions[_key(preview, "knelpunten", knelpunt)]}
    assert {"opvang-intern", "opvang-concept"} <= shown
    internal = _graph("internal")
    shown = {
        m.key.id for m in related(internal).suggestions[_key(internal, "knelpunten", knelpunt)]
    }
    assert "opvang-intern" in shown and "opvang-concept" not in shown
    public = _render(FIXTURE)
    for path, text in public.items():
        for marker in HIDDEN_MARKERS:
            assert marker not in text, f"{marker} in {path}"


def test_hidden_records_do_not_change_the_public_site(tmp_path: Path) -> None:
    """Not even the order or the reasons: ranking uses only the edition's records."""
    shutil.copytree(FIXTURE, tmp_path / "zonder")
    for hidden in ("opvang-intern.md", "opvang-concept.md"):
        (tmp_path / "zonder" / "content" / "practices" / hidden).unlink()
    assert _render(tmp_path / "zonder") == _render(FIXTURE)


def test_open_since_is_when_it_was_raised_or_reopened() -> None:
    raised = PartialDate(2016, 3, 15)
    reopened = Knelpunt.model_validate(
        {
            "title": "x",
            "history": [
                {"date": "2016-04", "status": "opgelost"},
                {"date": "2016-10-01", "status": "open"},
            ],
        },
        strict=False,
    )
    assert open_since(reopened, raised) == PartialDate(2016, 10, 1)
    plain = Knelpunt(title="x", status="in-behandeling")
    assert open_since(plain, raised) == raised
    assert open_since(Knelpunt(title="x", status="opgelost"), raised) is None
    # A history that ends solved while the status says open: the reopening is unknown.
    contradicted = Knelpunt.model_validate(
        {"title": "x", "history": [{"date": "2016-04", "status": "opgelost"}]}, strict=False
    )
    assert open_since(contradicted, raised) is None


def test_a_month_or_year_target_runs_to_the_end_of_its_period() -> None:
    assert last_day(PartialDate(2016, 2)) == date(2016, 2, 29)
    assert last_day(PartialDate(2016)) == date(2016, 12, 31)
    assert last_day(PartialDate(2016, 2, 3)) == date(2016, 2, 3)
    due = Knelpunt.model_validate({"title": "x", "target_date": "2016-12"}, strict=False)
    assert not is_overdue(due, date(2016, 12, 31))
    assert is_overdue(due, date(2017, 1, 1))
    solved = Knelpunt.model_validate(
        {"title": "x", "target_date": "2016-12", "status": "opgelost"}, strict=False
    )
    assert not is_overdue(solved, date(2017, 1, 1))


def test_status_on_a_day_follows_the_history() -> None:
    graph = _graph()
    data = graph.records[_key(graph, "knelpunten", "draaiboeken-te-dik")].data
    assert status_on(data, date(2016, 3, 31)) == "open"
    assert status_on(data, date(2016, 6, 30)) == "in-behandeling"


def test_a_practice_counts_as_toegepast_until_it_is_proven() -> None:
    graph = _graph()
    before, after = counts(graph, date(2016, 10, 31)), counts(graph, date(2016, 11, 30))
    # database-dag-en-nacht was proven in November 2016 (proven_date).
    assert before.per_theme["informatievoorziening"] == {"toegepast": 1}
    assert after.per_theme["informatievoorziening"] == {"beproefd": 1}
    # telefoons-in-de-opvang was proven in the leerarena of February 2017.
    assert counts(graph, date(2016, 12, 31)).per_theme["zelfredzaamheid"] == {"toegepast": 1}
    assert counts(graph, date(2017, 3, 31)).per_theme["zelfredzaamheid"] == {"beproefd": 1}
    labels = [period.label for period, _ in trend(graph)]
    assert labels == [
        "1e kwartaal 2016",
        "3e kwartaal 2016",
        "4e kwartaal 2016",
        "1e kwartaal 2017",
    ]


def test_the_target_date_is_judged_against_the_day_of_the_build() -> None:
    graph = _graph()
    overdue = [r.key.id for r in graph.of_type(KNELPUNTEN) if is_overdue(r.data, graph.today)]
    assert overdue == ["draaiboeken-te-dik"]  # 2016-12; the other one is due in 2099


def test_a_reproducible_build_judges_against_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1480550400")  # 1 December 2016
    assert build_day() == date(2016, 12, 1)
    graph = _graph()
    assert graph.today == date(2016, 12, 1)
    due = graph.records[_key(graph, "knelpunten", "draaiboeken-te-dik")].data
    assert not is_overdue(due, graph.today)  # due at the end of December 2016
