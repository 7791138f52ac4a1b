"""The browser editor (/beheer/, Decap CMS) in Chromium, on a checkout through decap-server.

An editor creates a practice through the form, edits an incident's tasks and a region's
progress; `kennisbank check` passes on the checkout afterwards and the files hold exactly what
was entered, every other value unchanged. Nothing is requested from another host, and axe finds
nothing serious on any screen. The built site's /beheer/ (the git host's sign-in) loads too.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from generator.beheer import CmsMissing, LocalEditor, local_editor, project_settings
from generator.cli import main
from generator.pipeline import check
from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    _unavailable,
    axe_violations,
    serve_directory,
    watch,
)

ROOT = Path(__file__).parent.parent.parent
SITE = ROOT / "tests" / "fixtures" / "site"
CMS_DIR = ROOT / "beheer"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """An editor's copy of the repository: the site fixture's content."""
    root = tmp_path / "checkout"
    shutil.copytree(SITE / "content", root / "content")
    return root


@pytest.fixture
def editor(checkout: Path) -> Iterator[LocalEditor]:
    """`kennisbank cms` on the checkout: decap-server and /beheer/ on free local ports."""
    try:
        with local_editor(checkout, CMS_DIR, port=0, proxy_port=0) as running:
            yield running
    except CmsMissing as missing:
        _unavailable(f"the browser editor ({missing})")


# Where the editors are: a date picked there must be stored as that day.
DUTCH = {"locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, **DUTCH)
    yield context.new_page()
    context.close()


def sign_in(page: Any, editor: LocalEditor) -> None:
    page.goto(editor.url)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Praktijken").first.wait_for()


def open_entry(page: Any, editor: LocalEditor, route: str) -> None:
    """A fresh page load: Decap's hash routes would otherwise keep the previous form. The form
    is ready when the records its relation widgets offer have arrived."""
    page.goto("about:blank")
    page.goto(f"{editor.url}#/collections/{route}")
    page.locator("input[id^='title-field-']").first.wait_for()
    page.wait_for_load_state("networkidle")


def type_into(page: Any, name: str, text: str) -> None:
    """Type at a person's pace (Decap drops keys typed faster than it renders)."""
    box = field(page, name)
    box.click()
    box.press_sequentially(text, delay=25)
    assert box.input_value().endswith(text), box.input_value()


def field(page: Any, name: str) -> Any:
    """The last input of a field by its name (a new list item's is the last)."""
    return page.locator(f"[id^='{name}-field-']").last


def pick(page: Any, name: str, typed: str, option: str) -> None:
    """Type into a select or relation like an editor and choose the option shown."""
    box = field(page, name)
    box.click()
    box.press_sequentially(typed, delay=25)
    page.get_by_role("option", name=option).click()


def publish(page: Any) -> None:
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    page.get_by_role("button", name="Gepubliceerd").wait_for(timeout=20_000)


def records(root: Path) -> dict[str, tuple[dict[str, Any], str]]:
    """Every record of the checkout as the validator reads it: values and text."""
    graph = check(root, "preview").graph
    return {
        f"{key.type.name}/{key.id}": (record.data.model_dump(), record.body)
        for key, record in graph.records.items()
    }


def frontmatter(path: Path) -> tuple[dict[str, Any], str]:
    _, fields, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(fields), body


def problems_in(root: Path, path: str) -> list[str]:
    return [d.as_text() for d in check(root, "preview").diagnostics if d.path.endswith(path)]


def test_an_editor_creates_a_practice_through_the_form(
    tab: Any, editor: LocalEditor, checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sign_in(tab, editor)
    open_entry(tab, editor, "practices/new")
    type_into(tab, "title", "Telefoonboom bij stroomuitval")
    pick(tab, "sessions", "Leerarena", "Leerarena na de brand")
    pick(tab, "regions", "Utrecht", "Veiligheidsregio Utrecht (VRU)")
    pick(tab, "regions", "Flevo", "Veiligheidsregio Flevoland (VRFL)")
    pick(tab, "themes", "Zelfred", "Zelfredzaamheid")
    pick(tab, "addresses", "actueel", "Operationele informatie actueel houden")
    type_into(tab, "body", "Wie stroom heeft, belt de volgende; zie [[groepsapp]].")
    publish(tab)

    path = checkout / "content/practices/telefoonboom-bij-stroomuitval.md"
    values, body = frontmatter(path)
    assert values == {
        "title": "Telefoonboom bij stroomuitval",
        "themes": ["zelfredzaamheid"],
        "visibility": "draft",  # new records start as concepts
        "kind": "good-practice",
        "status": "idee",
        "sessions": ["leerarena-brand"],
        "regions": ["utrecht", "flevoland"],
        "addresses": ["informatie-actueel"],
    }
    assert list(values) == [
        "title",
        "themes",
        "visibility",
        "kind",
        "status",
        "sessions",
        "regions",
        "addresses",
    ]  # the contract's order
    assert body == "Wie stroom heeft, belt de volgende; zie [[groepsapp]].\n"
    assert problems_in(checkout, path.name) == []
    assert main(["--root", str(checkout), "check"]) == 0
    assert "Geen problemen gevonden" in capsys.readouterr().out
    graph = check(checkout, "preview").graph
    new = next(k for k in graph.records if k.id == "telefoonboom-bij-stroomuitval")
    assert [k.id for k in graph.wikilinks[new].values()] == ["groepsapp"]


def test_incident_tasks_and_region_progress_are_edited_and_nothing_else_changes(
    tab: Any, editor: LocalEditor, checkout: Path
) -> None:
    before = records(checkout)
    sign_in(tab, editor)

    open_entry(tab, editor, "incidents/entries/grote-brand")
    tab.get_by_role("button", name="Voeg taak toe").click()
    pick(tab, "process", "crisis", "Crisiscommunicatie")
    type_into(tab, "what", "Verwanten weten waar zij terechtkunnen")
    type_into(tab, "norm", "binnen 6 uur")
    publish(tab)

    open_entry(tab, editor, "regions/entries/utrecht")
    tab.get_by_role("button", name="Voeg beoordeling toe").click()
    field(tab, "date").fill("2017-03-01")
    pick(tab, "theme", "Zelfred", "Zelfredzaamheid")
    pick(tab, "status", "voorbereiding", "In voorbereiding")
    type_into(tab, "note", "Plan in de maak")
    publish(tab)

    after = records(checkout)
    incident, region = "incidents/grote-brand", "regions/utrecht"
    added_task = {
        "process": "crisiscommunicatie",
        "what": "Verwanten weten waar zij terechtkunnen",
        "how": None,
        "norm": "binnen 6 uur",
    }
    assert after[incident][0]["tasks"] == [*before[incident][0]["tasks"], added_task]
    assessment = {
        "date": "2017-03-01",
        "theme": "zelfredzaamheid",
        "status": "in-voorbereiding",
        "note": "Plan in de maak",
    }
    progress = [{**a, "date": str(a["date"])} for a in after[region][0]["progress"]]
    old = [{**a, "date": str(a["date"])} for a in before[region][0]["progress"]]
    assert progress == [*old, assessment]
    # Every other value of these two records, and every other record, is as it was.
    for key in (incident, region):
        changed = "tasks" if key == incident else "progress"
        assert {k: v for k, v in after[key][0].items() if k != changed} == {
            k: v for k, v in before[key][0].items() if k != changed
        }
        assert after[key][1] == before[key][1]
    assert {k: v for k, v in after.items() if k not in (incident, region)} == {
        k: v for k, v in before.items() if k not in (incident, region)
    }
    assert problems_in(checkout, "grote-brand.md") == []
    assert problems_in(checkout, "utrecht.yml") == []


# One record of each type with the most to lose: region codes in any case (sessie-midden),
# quotes and markup as text (script-titel), a year as a date (versterking), progress (utrecht).
ROUND_TRIP = [
    "sessions/entries/sessie-midden",
    "practices/entries/script-titel",
    "knelpunten/entries/informatie-actueel",
    "incidents/entries/grote-brand",
    "regions/entries/utrecht",
    "projects/entries/versterking",
    "kennisbrieven/entries/2016-q1",
]


EDIT = " (bewerkt)"


def test_every_value_survives_being_saved_in_the_editor(
    tab: Any, editor: LocalEditor, checkout: Path
) -> None:
    """Decap saves only a changed form: change the title, save, change it back, save. The
    file has then been written twice by the editor and must hold what it held. (Comments in a
    file's fields are not values, and are not kept.)"""
    before_records = records(checkout)
    before_intro = frontmatter(checkout / "content/kennisbrieven/2016-q1.md")
    sign_in(tab, editor)
    for route in ROUND_TRIP:
        open_entry(tab, editor, route)
        original = field(tab, "title").input_value()
        field(tab, "title").press("End")
        type_into(tab, "title", EDIT)
        publish(tab)
        open_entry(tab, editor, route)  # Decap compares with the form as first loaded
        title = field(tab, "title")
        assert title.input_value() == f"{original}{EDIT}"
        title.press("End")
        for _ in EDIT:
            title.press("Backspace")
        assert title.input_value() == original
        publish(tab)
    assert records(checkout) == before_records
    assert frontmatter(checkout / "content/kennisbrieven/2016-q1.md") == before_intro
    assert check(checkout, "preview").diagnostics == check(SITE, "preview").diagnostics


def test_no_request_leaves_the_machine_and_axe_finds_nothing_serious(
    browser: Any, editor: LocalEditor, axe_source: str
) -> None:
    # Each screen, and the widgets to open on it (a relation, a select).
    screens: list[tuple[str, tuple[str, ...]]] = [
        ("collections/practices", ()),
        ("collections/practices/new", ("regions", "themes")),
        ("collections/incidents/entries/grote-brand", ()),  # a list of tasks
        ("collections/regions/entries/utrecht", ()),  # progress with dates
        ("collections/taxonomie/entries/taxonomy", ()),
        ("collections/kennisbrieven/entries/2016-q1", ()),
    ]
    # On a phone, the screens whose layout differs: the list, a form, a list of objects.
    for viewport, shown in ((DESKTOP, screens), (PHONE, screens[:3])):
        context = browser.new_context(viewport=viewport, **DUTCH)
        page = context.new_page()
        visit = watch(page)
        page.goto(editor.url)
        page.get_by_role("button", name="Inloggen").wait_for()
        assert axe_violations(page, axe_source, third_party=True) == [], "sign-in"
        sign_in(page, editor)
        for route, widgets in shown:
            page.goto("about:blank")
            page.goto(f"{editor.url}#/{route}")
            page.wait_for_load_state("networkidle")
            assert axe_violations(page, axe_source, third_party=True) == [], (viewport, route)
            for widget in widgets:
                field(page, widget).click()
                page.get_by_role("option").first.wait_for()
                assert axe_violations(page, axe_source, third_party=True) == [], (
                    viewport,
                    route,
                    widget,
                )
                page.keyboard.press("Escape")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], (viewport, route, "scrolls sideways")
        hosts = {urlparse(url).hostname for url in visit.requests} - {None}
        assert hosts == {"127.0.0.1"}, visit.requests
        ports = {urlparse(url).port for url in visit.requests if url.startswith("http")}
        assert ports == {urlparse(editor.url).port, urlparse(editor.proxy_url).port}
        assert visit.console_errors == []
        context.close()


def test_the_built_site_signs_in_to_github_with_a_token(
    browser: Any, site_build: Any, axe_source: str
) -> None:
    """The published /beheer/ with the project's configuration (GitHub): Decap accepts it (it
    validates it against its own schema on start and shows an error page if it fails), and
    the editor signs in with a personal access token, without an OAuth server. GitHub's API is
    played by the test: the token must reach it as Decap sends it, and open the editor."""
    if not (site_build.site / "beheer" / "decap-cms.js").is_file():
        _unavailable("the browser editor in the build (npm ci --prefix beheer)")
    settings = project_settings(ROOT)
    repo = f"/repos/{settings['backend']['repo']}"
    token = "github_pat_voorbeeld"
    asked: list[tuple[str, str | None]] = []

    def github(route: Any) -> None:
        request = route.request
        path = urlparse(request.url).path
        asked.append((path, request.headers.get("authorization")))
        if request.headers.get("authorization") != f"token {token}":
            route.fulfill(status=401, json={"message": "Bad credentials"})
        elif path == "/user":
            route.fulfill(json={"login": "redacteur", "name": "Redacteur", "avatar_url": ""})
        elif path == repo:
            route.fulfill(
                json={"owner": {"login": repo.split("/")[2]}, "permissions": {"push": True}}
            )
        else:
            route.fulfill(status=404, json={"message": "Not Found"})

    url, stop = serve_directory(site_build.site)
    context = browser.new_context(viewport=DESKTOP, **DUTCH)
    try:
        page = context.new_page()
        visit = watch(page)
        page.goto(f"{url}beheer/")
        box = page.get_by_label("Toegangstoken van GitHub")
        box.wait_for()
        # Without an OAuth server of the organisation's, Decap's GitHub button (Netlify's
        # server) is hidden: the token is the way in.
        page.wait_for_function(
            "() => document.querySelector('.kb-token')"
            " && !document.querySelector('.kb-token').previousElementSibling"
            ".checkVisibility()"
        )
        assert axe_violations(page, axe_source, third_party=True) == []
        assert visit.foreign_requests(url) == [] and visit.console_errors == []

        page.route("https://api.github.com/**", github)
        page.route("https://www.githubstatus.com/**", lambda route: route.fulfill(json={}))
        box.fill("niet-goed")
        page.get_by_role("button", name="Inloggen met token").click()
        page.get_by_role("alert").filter(has_text="accepteerde dit token niet").wait_for()
        page.get_by_label("Toegangstoken van GitHub").fill(token)
        page.get_by_role("button", name="Inloggen met token").click()
        page.get_by_role("link", name="Praktijken").first.wait_for()
        assert ("/user", f"token {token}") in asked
        assert (repo, f"token {token}") in asked
        assert {urlparse(u).hostname for u in visit.foreign_requests(url)} <= {
            "api.github.com",
            "www.githubstatus.com",
        }
    finally:
        context.close()
        stop()
