"""Load -> validate -> link on small trees: what the graph holds and what is never lost."""

from __future__ import annotations

from pathlib import Path

from generator.dates import PartialDate
from generator.load import load
from generator.model import Key
from generator.pipeline import check
from generator.types import INCIDENTS, KNELPUNTEN, PRACTICES, PROJECTS, REGIONS, SESSIONS
from tests.conftest import TreeFactory

SESSION = Key(SESSIONS, "sessie-midden")
PRACTICE = Key(PRACTICES, "groepsapp")
KNELPUNT = Key(KNELPUNTEN, "informatie-actueel")


def test_relations_are_resolved_in_both_directions(tree: TreeFactory) -> None:
    graph = check(tree()).graph
    assert graph.outgoing(PRACTICE, "sessions") == (SESSION,)
    assert graph.incoming(SESSION, "practices", "sessions") == (PRACTICE,)
    assert graph.incoming(KNELPUNT, "practices", "addresses") == (PRACTICE,)
    assert graph.incoming(Key(INCIDENTS, "grote-brand"), "sessions", "incident") == (SESSION,)
    flevoland = Key(REGIONS, "flevoland")
    assert graph.incoming(flevoland, "regions", "partners") == (
        Key(REGIONS, "gooi-en-vechtstreek"),
    )


def test_region_refs_accept_ids_and_codes_in_any_case(tree: TreeFactory) -> None:
    graph = check(tree()).graph
    assert graph.outgoing(SESSION, "regions") == (
        Key(REGIONS, "utrecht"),
        Key(REGIONS, "flevoland"),
        Key(REGIONS, "gooi-en-vechtstreek"),
    )


def test_wikilinks_resolve_by_id_and_by_type_and_id(tree: TreeFactory) -> None:
    graph = check(tree()).graph
    assert graph.wikilinks[SESSION] == {
        "groepsapp": PRACTICE,
        "knelpunten/informatie-actueel": KNELPUNT,
    }


def test_practice_and_knelpunt_dates_default_to_their_earliest_session(tree: TreeFactory) -> None:
    root = tree(
        {
            "content/sessions/later.md": "---\ntitle: Later\ndate: 2016-09-01\nkind: thematisch\n"
            "regions: [VRU]\n---\n",
            "content/knelpunten/informatie-actueel.md": "---\ntitle: Actueel\n"
            "sessions: [later, sessie-midden]\n---\n",
            "content/practices/eigen-datum.md": "---\ntitle: Eigen\ndate: 2017-01-02\n"
            "sessions: [sessie-midden]\n---\n",
        }
    )
    graph = check(root).graph
    assert graph.dates[KNELPUNT] == PartialDate(2016, 3, 15)
    assert graph.dates[Key(PRACTICES, "eigen-datum")] == PartialDate(2017, 1, 2)
    assert graph.dates[Key(PROJECTS, "versterking")] is None


def test_a_record_that_failed_validation_is_not_reported_again_by_its_referrers(
    tree: TreeFactory,
) -> None:
    root = tree({"content/knelpunten/informatie-actueel.md": "---\ntitle: X\nstatus: dicht\n---\n"})
    checked = check(root)
    assert [d.rule for d in checked.diagnostics] == ["ongeldige-waarde"]
    assert KNELPUNT not in checked.graph.records
    assert checked.graph.outgoing(PRACTICE, "addresses") == ()


def test_unparseable_file_is_still_known_by_id(tree: TreeFactory) -> None:
    root = tree({"content/practices/groepsapp.md": "---\ntitle: [niet gesloten\n---\n"})
    checked = check(root)
    assert [d.rule for d in checked.diagnostics] == ["yaml-syntax"]


def test_bom_and_crlf_are_accepted_and_lines_still_count_from_the_file(tree: TreeFactory) -> None:
    text = "\ufeff---\r\ntitle: W\r\nsessions: [sessie-midden]\r\nstatsu: idee\r\n---\r\nTekst\r\n"
    root = tree({"content/practices/windows.md": text})
    (problem,) = check(root).diagnostics
    assert (problem.path, problem.line, problem.column) == ("content/practices/windows.md", 4, 1)


def test_internal_records_exist_only_in_the_internal_edition(tree: TreeFactory) -> None:
    root = tree(
        {
            "content/knelpunten/intern.md": "---\ntitle: Intern\nvisibility: internal\n---\n",
            "content/knelpunten/concept.md": "---\ntitle: Concept\nvisibility: draft\n---\n",
        }
    )
    assert Key(KNELPUNTEN, "intern") not in check(root, "public").graph.records
    internal = check(root, "internal").graph.records
    assert Key(KNELPUNTEN, "intern") in internal
    assert Key(KNELPUNTEN, "concept") not in internal
    assert Key(KNELPUNTEN, "concept") in check(root, "preview").graph.records


def test_internal_record_may_refer_to_internal_record_in_the_internal_edition(
    tree: TreeFactory,
) -> None:
    root = tree(
        {
            "content/knelpunten/intern.md": "---\ntitle: Intern\nvisibility: internal\n---\n",
            "content/practices/ook-intern.md": "---\ntitle: Ook intern\nvisibility: internal\n"
            "sessions: [sessie-midden]\naddresses: [intern]\n---\n",
        }
    )
    assert check(root, "public").diagnostics == []
    assert check(root, "internal").diagnostics == []


def test_one_run_reports_every_defect_in_every_file(tree: TreeFactory) -> None:
    broken = {
        "content/sessions/a.md": "---\ntitle: A\ndate: 2016-02-30\nkind: regionaal\n---\n",
        "content/sessions/aa.md": "---\ntitle: A\ndate: 2016-03-01\nkind: thematisch\n"
        "regions: [VRX]\n---\n",
        "content/practices/b.md": "---\ntitle: no\nsesions: [a]\n---\n",
        "content/practices/bb.md": "---\ntitle: B\n---\n[[onbekend]]\n",
        "content/knelpunten/c.md": "---\ntitle: C\ntitle: D\n---\n",
        "content/incidents/d.md": "---\ntitle: D\ntasks:\n\t- process: x\n---\n",
        "content/regions/z.yml": "title: Z\ncode: vru\n",
        "content/projects/f.yml": "",
        "content/practices/G.md": "---\ntitle: G\nsessions: [sessie-midden]\n---\n",
        "content/losse-map/h.md": "---\ntitle: H\n---\n",
        "content/regions/i.yaml": "title: I\n",
        "content/knelpunten/j.md": "---\ntitle: J\n",
    }
    checked = check(tree(broken))
    reported_files = {d.path for d in checked.diagnostics}
    assert reported_files == set(broken)
    assert {d.rule for d in checked.diagnostics} >= {
        "ongeldige-datum",
        "onbekende-verwijzing",
        "yaml-betekenis",
        "onbekend-veld",
        "praktijk-zonder-sessie",
        "onbekende-wikilink",
        "dubbele-sleutel",
        "tab",
        "dubbele-code",
        "leeg-bestand",
        "ongeldige-id",
        "onbekende-map",
        "onbekende-extensie",
        "frontmatter-niet-gesloten",
    }
    assert checked.diagnostics == sorted(checked.diagnostics)


def test_load_counts_every_file_and_ignores_hidden_ones(tree: TreeFactory) -> None:
    root = tree({"content/practices/.gitkeep": "", "content/.DS_Store": "x"})
    loaded = load(root / "content")
    assert loaded.files == 9
    assert loaded.diagnostics == []


def test_an_empty_project_reports_the_missing_taxonomy(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    assert [d.rule for d in check(tmp_path).diagnostics] == ["taxonomie-ontbreekt"]


def test_content_may_live_in_another_folder_and_is_named_as_it_is(tree: TreeFactory) -> None:
    root = tree({"content/knelpunten/fout.md": "---\ntitle: Fout\nstatus: dicht\n---\n"})
    (root / "content").rename(root / "inhoud")
    checked = check(root, content_dir="inhoud")
    assert [(d.path, d.rule) for d in checked.diagnostics] == [
        ("inhoud/knelpunten/fout.md", "ongeldige-waarde")
    ]
    assert len(checked.graph.records) == 8
