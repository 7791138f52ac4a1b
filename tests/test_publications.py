"""Publications: the quarterly kennisbrief, its e-mail, the feeds and the national progress
overview, including the proof that a region's internal progress can't be read from the public
build."""

from __future__ import annotations

import gzip
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from generator.build import BuildRequest, build
from generator.model import Quarter
from generator.pipeline import check
from generator.progress import overview
from generator.render.site import RenderOptions, render
from tests.conftest import TreeFactory
from tests.site_support import FIXTURES, ROOT, Built

SITE_URL = "https://kennisbank-bevolkingszorg.example/"  # mkdocs.yml


# --- Disclosure control -------------------------------------------------------------------


def _region(
    code: str,
    status: str,
    *,
    public: bool,
    day: str = "2016-03-01",
    note: str = "",
    theme: str = "oefenen",
) -> str:
    visibility = "public" if public else "internal"
    return (
        f"title: Regio {code}\ncode: {code}\nprogress_visibility: {visibility}\n"
        f"progress:\n  - date: {day}\n    theme: {theme}\n    status: {status}\n"
        f"    note: {note or f'toelichting {code}'}\n"
    )


def _regions(public: dict[str, str], hidden: dict[str, str]) -> dict[str, str | None]:
    """Replace the base tree's regions by these (code -> status)."""
    files: dict[str, str | None] = {}
    # The base tree's records refer to these ids; keep them, as public regions without progress.
    for name, code in (("flevoland", "VRFL"), ("gooi-en-vechtstreek", "VRGV"), ("utrecht", "VRU")):
        files[f"content/regions/{name}.yml"] = f"title: {name}\ncode: {code}\n"
    for code, status in public.items():
        files[f"content/regions/{code.lower()}.yml"] = _region(code, status, public=True)
    for code, status in hidden.items():
        files[f"content/regions/{code.lower()}.yml"] = _region(code, status, public=False)
    return files


OEFENEN = "[Opleiden, trainen en oefenen](../themas/oefenen.md)"


def _counts(page: str, head: str) -> list[int]:
    """The figures of one row of the progress page's tables, by its row header."""
    row = page.split(f'<th scope="row" markdown="span">{head}</th>', 1)[1].split("</tr>")[0]
    return [int(n) for n in re.findall(r'<td class="kb-getal"[^>]*>(\d+)</td>', row)]


def test_overview_shows_public_statuses_and_only_counts_that_others_assessed(
    tree: TreeFactory,
) -> None:
    root = tree(_regions({"PA": "gerealiseerd"}, {"HA": "niet-gestart", "HB": "in-uitvoering"}))
    checked = check(root)
    assert checked.diagnostics == []
    figures = overview(checked.graph)
    assert [r.data.code for r in figures.regions] == ["PA"]
    oefenen = figures.per_theme["oefenen"]
    assert dict(oefenen.counts) == {"gerealiseerd": 1}  # hidden statuses are never counted
    assert oefenen.unnamed == 2  # only that two more regions assessed the theme
    assert oefenen.unreported == 3  # the base tree's three regions reported nothing
    page = render(checked.graph)["voortgang/index.md"]
    # Gerealiseerd, in uitvoering, in voorbereiding, niet gestart, niet openbaar, geen melding
    assert _counts(page, OEFENEN) == [1, 0, 0, 0, 2, 3]
    # A hidden region is named only as one that keeps its progress to itself: one cell for
    # the whole region, the same whatever it reported.
    hidden_row = (
        '<th scope="row" markdown="span">[Regio HA](../regios/ha.md)</th>\n'
        '<td colspan="1"><span class="kb-geen">niet openbaar</span></td>'
    )
    assert hidden_row in page
    assert "toelichting HA" not in page and "kb-voortgang-niet-gestart" not in page


def test_internal_edition_names_and_counts_every_region(tree: TreeFactory) -> None:
    root = tree(_regions({"PA": "gerealiseerd"}, {"HA": "niet-gestart"}))
    graph = check(root, "internal").graph
    figures = overview(graph)
    assert [r.data.code for r in figures.regions] == ["HA", "PA"]
    assert dict(figures.per_theme["oefenen"].counts) == {"gerealiseerd": 1, "niet-gestart": 1}
    page = render(graph)["voortgang/index.md"]
    assert "Niet openbaar" not in page and "niet openbaar" not in page


def test_a_year_only_a_hidden_region_used_is_not_shown(tree: TreeFactory) -> None:
    files = _regions({"PA": "gerealiseerd"}, {})
    files["content/regions/ha.yml"] = _region("HA", "niet-gestart", public=False, day="2017-05-09")
    figures = overview(check(tree(files)).graph)
    assert [point.year for point in figures.trend] == [2016]
    page = render(check(tree(files)).graph)["voortgang/index.md"]
    assert "2017" not in page


@pytest.mark.parametrize(
    "other",
    [
        ("gerealiseerd", "niet-gestart", "in-uitvoering"),  # the same statuses, swapped
        ("gerealiseerd", "gerealiseerd", "gerealiseerd"),  # all alike: no tell-tale either
    ],
)
def test_what_hidden_regions_report_changes_no_public_file(
    tree: TreeFactory, other: tuple[str, ...]
) -> None:
    """Statuses, peildata and notes of hidden regions change; no generated file may."""
    files = []
    for statuses, day, note in (
        (("niet-gestart", "in-uitvoering", "gerealiseerd"), "2016-03-01", "eerste"),
        (other, "2018-11", "een heel andere toelichting"),
    ):
        regions = _regions({"PA": "gerealiseerd"}, {})
        for code, status in zip(("HA", "HB", "HC"), statuses, strict=True):
            regions[f"content/regions/{code.lower()}.yml"] = _region(
                code, status, public=False, day=day, note=note
            )
        root = tree(regions)
        files.append(render(check(root).graph, RenderOptions(site_url=SITE_URL)))
    assert files[0] == files[1]
    assert _counts(files[0]["voortgang/index.md"], OEFENEN) == [1, 0, 0, 0, 3, 3]
    assert "data/regions.json" in files[0] and "feeds/regios/ha.xml" in files[0]


# --- The whole public build does not depend on a hidden region's status ---------------------


def _build_with_flevoland_reporting(status: str, day: str, note: str, target: Path) -> Path:
    content = target / "content"
    shutil.copytree(FIXTURES / "site" / "content", content)
    region = content / "regions" / "flevoland.yml"
    text = region.read_text("utf-8")
    for old, new in (
        ("status: niet-gestart", f"status: {status}"),
        ("date: 2016-11-01", f"date: {day}"),
        ("note: GEHEIME-VOORTGANG-FLEVOLAND", f"note: {note}"),
    ):
        assert old in text
        text = text.replace(old, new)
    region.write_text(text, "utf-8")
    site = target / "site"
    report = build(
        BuildRequest(
            config_file=ROOT / "mkdocs.yml",
            site_dir=site,
            offline=False,
            work_dir=target / "work",
            content_dir=content,
        )
    )
    assert report.ok, report.problems
    return site


def _every_file(site: Path) -> dict[str, bytes]:
    files = {}
    unordered: list[bytes] = []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            name = path.relative_to(site).as_posix()
            if path.suffix in (".pf_filter", ".pf_meta"):
                # Pagefind writes its filter chunks in the order of a Rust hash map, so their
                # bytes (and the names the meta file gives them) differ from build to build.
                # What they hold is compared as the multiset of each chunk's bytes.
                plain = re.sub(rb"nl_[0-9a-f]{7,}", b"nl_", gzip.decompress(data))
                unordered.append(bytes(sorted(plain)))
                continue
            if name == "pagefind/pagefind-entry.json":
                data = re.sub(rb"nl_[0-9a-f]{7,}", b"nl_", data)  # the meta file's name
            files[name] = (
                gzip.decompress(data) if path.suffix == ".gz" else data  # gzip stamps a time
            )
    files["pagefind: filter chunks and meta, unordered"] = b"|".join(sorted(unordered))
    return files


def test_no_file_of_the_public_build_reveals_an_internal_regions_progress(tmp_path: Path) -> None:
    """Flevoland keeps its progress internal. Build the public site with Flevoland reporting
    'niet-gestart' on 1 November 2016 and again with 'gerealiseerd' in 2018 with another
    note: if any file (page, search index, feed, e-mail, sitemap, open data) showed its status,
    its peildatum or its note, directly or through a count, the builds would differ."""
    first = _every_file(
        _build_with_flevoland_reporting("niet-gestart", "2016-11-01", "eerste", tmp_path / "a")
    )
    second = _every_file(
        _build_with_flevoland_reporting("gerealiseerd", "2018-06", "tweede", tmp_path / "b")
    )
    for path in (
        "voortgang/index.html",
        "regios/flevoland/index.html",
        "feeds/nieuw.xml",
        "feeds/regios/flevoland.xml",
        "data/regions.json",
        "data/regions-progress.csv",
        "data/catalogus.jsonld",
        "sitemap.xml",
    ):
        assert path in first, path
    assert first.keys() == second.keys()
    differing = [path for path in first if first[path] != second[path]]
    assert differing == []


# --- The kennisbrief ------------------------------------------------------------------------


def test_every_quarter_with_new_records_has_a_kennisbrief(site_build: Built) -> None:
    graph = check(FIXTURES / "site").graph
    quarters = {Quarter.of(day) for day in graph.dates.values() if day}
    assert quarters == {Quarter(2016, 1), Quarter(2017, 1)}
    for quarter in quarters:
        assert (site_build.site / "kennisbrief" / quarter.slug / "index.html").is_file()
        assert (site_build.site / "kennisbrief" / quarter.slug / "e-mail.html").is_file()
    index = (site_build.site / "kennisbrief/index.html").read_text("utf-8")
    assert index.index("Kennisbrief 1e kwartaal 2017") < index.index("Kennisbrief voorjaar 2016")


def test_kennisbrief_has_the_introduction_then_the_new_records_by_type(site_build: Built) -> None:
    page = (site_build.site / "kennisbrief/2016-q1/index.html").read_text("utf-8")
    text = _visible_text(page)
    assert "Dit kwartaal kwam de eerste sessie bijeen" in text
    assert "<strong>let op</strong>" in page  # the introduction is Markdown
    assert text.index("Volgende keer") < text.index("Nieuw in dit kwartaal")
    assert "6 nieuwe bijdragen: 3 praktijken, 1 sessie en 2 knelpunten." in text
    assert 'href="../../praktijken/groepsapp/"' in page  # the [[groepsapp]] link
    assert "Bewoners regelen vanuit de opvanglocatie zelf een slaapplaats" in text  # a summary
    assert "Leerarena na de brand" not in text  # 2017: the next kennisbrief


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def _site_file(site: Path, url: str) -> Path:
    """The built file an absolute site URL is served from."""
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def test_email_is_a_standalone_file_a_mail_client_can_show(site_build: Built) -> None:
    email = (site_build.site / "kennisbrief/2016-q1/e-mail.html").read_text("utf-8")
    elements = _elements(email)
    tags = {tag for tag, _ in elements}
    assert not tags & {"script", "img", "link", "style", "iframe", "object"}
    assert 'lang="nl"' in email and '<meta charset="utf-8">' in email
    for tag, attrs in elements:
        if tag in {"p", "h1", "h2", "h3", "ul", "li", "a", "table", "td"}:
            assert attrs.get("style"), f"<{tag}> has no inline style"
    links = [attrs["href"] for tag, attrs in elements if tag == "a"]
    site_links = [url for url in links if not url.startswith("mailto:")]
    assert len(site_links) >= 6
    for url in site_links:
        assert _site_file(site_build.site, url.split("#")[0]).is_file(), url
    # The configured addresses of mkdocs.yml: the sender's, and the sign-off link.
    assert sorted(set(links) - set(site_links)) == [
        "mailto:kennisbank@kennisbank-bevolkingszorg.example",
        "mailto:kennisbrief@kennisbank-bevolkingszorg.example?subject=Afmelden%20kennisbrief",
    ]
    assert "Lees vooral" in email
    assert "<strong>let op</strong>" in email


def test_the_page_links_its_email_and_the_index_links_both(site_build: Built) -> None:
    page = (site_build.site / "kennisbrief/2016-q1/index.html").read_text("utf-8")
    assert 'href="e-mail.html"' in page
    index = (site_build.site / "kennisbrief/index.html").read_text("utf-8")
    assert 'href="2016-q1/"' in index and 'href="2016-q1/e-mail.html"' in index


# --- Feeds ----------------------------------------------------------------------------------


def test_feed_of_new_records_is_valid_atom_with_the_newest_first(site_build: Built) -> None:
    feed = feedparser.parse((site_build.site / "feeds/nieuw.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Kennisbank Bevolkingszorg: nieuw"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Leerarena na de brand"  # 1 februari 2017, the newest
    assert "Groepsapp voor medewerkers" in titles
    assert "Interne praktijk" not in " ".join(titles)
    groepsapp = next(e for e in feed.entries if e.title == "Groepsapp voor medewerkers")
    assert groepsapp.link == f"{SITE_URL}praktijken/groepsapp/"
    assert groepsapp.published.startswith("2016-03-15")
    assert groepsapp.summary == "Medewerkers bevolkingszorg melden zich via een groepsapp."
    assert groepsapp.tags[0].label == "Praktijk"
    for entry in feed.entries:
        assert _site_file(site_build.site, entry.link).is_file(), entry.link
    # A title with markup is text in the feed, not markup.
    assert any(t.startswith("<script>alert(1)</script>") for t in titles)


def test_feed_of_kennisbrieven_lists_each_quarter(site_build: Built) -> None:
    feed = feedparser.parse((site_build.site / "feeds/kennisbrieven.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == [
        "Kennisbrief 1e kwartaal 2017",
        "Kennisbrief voorjaar 2016",
    ]
    spring = feed.entries[1]
    assert spring.summary == "De eerste opbrengst van de sessies in Midden-Nederland."
    assert spring.link == f"{SITE_URL}kennisbrief/2016-q1/"


# --- The progress overview on the site -------------------------------------------------------


def test_progress_overview_shows_the_public_region_in_colour_and_text(site_build: Built) -> None:
    page = (site_build.site / "voortgang/index.html").read_text("utf-8")
    start = page.index(">Laatste beoordeling per regio en thema")
    matrix = page[start : page.index("</table>", start)]
    # Every region, by the name people use, linked to its page.
    assert '<th scope="row"><a href="../regios/utrecht/">Utrecht</a></th>' in matrix
    assert 'kb-voortgang-gerealiseerd">Gerealiseerd</span><br><small>maart 2017' in matrix
    flevoland = matrix[matrix.index(">Flevoland<") :]
    assert flevoland.split("</tr>")[0].endswith('<span class="kb-geen">niet openbaar</span></td>\n')
    zeeland = matrix[matrix.index(">Zeeland<") :]
    assert '<span class="kb-geen">geen melding</span>' in zeeland.split("</tr>")[0]
    # The matrix scrolls in its own box, which the keyboard can reach.
    boxes = [a for tag, a in _elements(page) if tag == "div" and a.get("class") == "kb-tabelvak"]
    # Figures per theme, the regions, the years; the practices per theme and their course.
    assert len(boxes) == 5
    captions = {a["id"] for tag, a in _elements(page) if a.get("class") == "kb-bijschrift"}
    for box in boxes:
        assert box["tabindex"] == "0" and box["role"] == "region"
        assert box["aria-labelledby"] in captions  # named by the caption above it
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page
    assert 'class="kb-tabel kb-cijfers"' in page[page.index("</svg>") :]  # the chart's figures


def _visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- Kennisbrief introductions in the pipeline ------------------------------------------------


def test_an_introduction_is_checked_like_any_content(tree: TreeFactory) -> None:
    path = "content/kennisbrieven/2016-q1.md"
    typo = check(tree({path: "---\ntitel: Voorjaar\n---\nInleiding.\n"}))
    assert [d.as_text() for d in typo.diagnostics] == [
        f"{path}:2:1: fout: onbekend veld 'titel' bij een kennisbrief (bedoelde u 'title'?); "
        "toegestane velden: title, summary, visibility, acknowledged"
    ]
    intro = "---\nsummary: Bel 06-12345678\n---\nZie [[groepsap]].\n"
    messages = [d.as_text() for d in check(tree({path: intro})).diagnostics]
    assert len(messages) == 2
    assert (
        messages[0].startswith(f"{path}:2:10: waarschuwing: telefoonnummer")
        and "06-12345678" in messages[0]
    )
    assert messages[1].startswith(f"{path}:4:5: fout:") and "'groepsapp'" in messages[1]


def test_a_draft_introduction_is_only_in_the_preview(tree: TreeFactory) -> None:
    intro = "---\nvisibility: draft\n---\nNog niet af.\n"
    root = tree({"content/kennisbrieven/2016-q1.md": intro})
    assert check(root).graph.kennisbrieven == {}
    preview = render(check(root, "preview").graph)["kennisbrief/2016-q1.md"]
    assert "Nog niet af." in preview and '!!! danger "Concept"' in preview


def test_the_internal_editions_kennisbrief_says_so_and_lists_internal_records() -> None:
    graph = check(FIXTURES / "site", "internal").graph
    pages = render(graph, RenderOptions(site_url=SITE_URL))
    assert "Interne praktijk" in pages["kennisbrief/2016-q1.md"]
    email = pages["kennisbrief/2016-q1/e-mail.html"]
    assert "Interne uitgave: deel deze kennisbrief niet buiten" in email
    assert "Interne praktijk" in email
    public = render(check(FIXTURES / "site").graph, RenderOptions(site_url=SITE_URL))
    assert "Interne uitgave" not in public["kennisbrief/2016-q1/e-mail.html"]


def test_without_site_url_the_build_says_feeds_and_emails_cannot_be_made(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    config.write_text(re.sub(r"(?m)^site_url: .*\n", "", text), "utf-8")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    report = build(
        BuildRequest(
            config_file=config,
            site_dir=tmp_path / "site",
            offline=False,
            work_dir=tmp_path / "work",
            content_dir=FIXTURES / "site" / "content",
        )
    )
    assert not report.ok  # strict: the warning stops the build
    assert any("site_url ontbreekt in mkdocs.yml" in p for p in report.problems), report.problems
