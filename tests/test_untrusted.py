"""Content is untrusted input: nothing an editor writes can run, fetch or stall.

tests/fixtures/untrusted holds accepted content with an injection attempt in every field of
every type, the taxonomy and a kennisbrief introduction: it must build, and every attempt must
stay text. `REJECTED` are bodies the site refuses: check reports each at its line. The
browser half (tests/browser/test_untrusted.py) loads both in Chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.markup import EXTENSIONS, findings
from generator.pipeline import check, generate
from generator.render.site import RenderOptions
from generator.sanitize import sanitize_email, sanitize_page
from tests.site_support import ROOT, Built, build_fixture, copy_setup, require_clean

UNTRUSTED = Path(__file__).parent / "fixtures" / "untrusted"
SITE_URL = "https://kennisbank.example/"

# Bodies the site refuses, each with the rules check must report for it.
REJECTED: dict[str, tuple[str, set[str]]] = {
    "script": ("<script>alert('script')</script>", {"html-in-tekst"}),
    "img-onerror": ("Tekst <img src=x onerror=alert(1)> tekst", {"html-in-tekst"}),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', {"html-in-tekst"}),
    "stylesheet": ('<link rel="stylesheet" href="https://evil.example/s.css">', {"html-in-tekst"}),
    "style-url": (
        "<style>body{background:url(https://tracker.example/s.png)}</style>",
        {"html-in-tekst"},
    ),
    "unclosed-fence": ("````\n<script>alert('fence')</script>\n```\n", {"html-in-tekst"}),
    "extra-backtick": ("`` ` <img src=x onerror=alert(2)>", {"html-in-tekst"}),
    "escaped-backtick": ("\\`<img src=x onerror=alert(3)>\\`", {"html-in-tekst"}),
    "heading-handler": ('## Kop { onmouseover="alert(1)" }', {"attributen-in-tekst"}),
    "image-handler": (
        '![a](../bijlagen/kaart.png){: onerror="alert(1)" }',
        {"attributen-in-tekst"},
    ),
    "wikilink-href": (
        '[[sessie-aanval]]{: href="javascript:alert(1)" }',
        {"attributen-in-tekst", "onveilige-link"},
    ),
    "style-attribute": (
        '[x](https://www.ifv.nl/){: style="background:url(https://tracker.example/a.png)" }',
        {"attributen-in-tekst"},
    ),
    "javascript-link": ("[klik](javascript:alert(1))", {"onveilige-link"}),
    "reference-link": ("[r]\n\n[r]: JaVaScRiPt:alert(1)", {"onveilige-link"}),
    "entity-link": ("[x](&#106;avascript:alert(1))", {"onveilige-link"}),
    "data-link": ("[x](data:text/html;base64,PHNjcmlwdD4=)", {"onveilige-link"}),
    "tracker": ("![](https://tracker.example/p.png)", {"externe-afbeelding"}),
    "protocol-relative": ("![](//tracker.example/p.png)", {"externe-afbeelding"}),
}


def rejected_tree(root: Path) -> Path:
    """The accepted corpus plus one practice per rejected body."""
    import shutil

    shutil.copytree(UNTRUSTED / "content", root / "content")
    for name, (body, _) in REJECTED.items():
        (root / "content" / "practices" / f"afgewezen-{name}.md").write_text(
            f"---\ntitle: Afgewezen {name}\nsessions: [sessie-aanval]\n---\n{body}\n",
            encoding="utf-8",
        )
    return root


def test_the_accepted_corpus_checks_clean() -> None:
    assert check(UNTRUSTED).diagnostics == []


def test_every_rejected_body_is_reported_with_its_rule(tmp_path: Path) -> None:
    checked = check(rejected_tree(tmp_path))
    by_file: dict[str, set[str]] = {}
    for problem in checked.diagnostics:
        by_file.setdefault(problem.path, set()).add(problem.rule)
    expected = {f"content/practices/afgewezen-{n}.md": rules for n, (_, rules) in REJECTED.items()}
    assert by_file == expected


def test_markup_checks_with_the_sites_own_markdown_extensions() -> None:
    config = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text("utf-8").replace("!ENV", "").replace("!!", "")
    )
    configured = [
        next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]
    ]
    # MkDocs adds toc, tables and fenced_code to every site.
    assert set(EXTENSIONS) == {"toc", "tables", "fenced_code", *configured}


def test_findings_skip_code_and_loose_brackets() -> None:
    body = "`<b>` en\n\n```\n<script>x</script>\n```\n\n    <i>code</i>\n\na < b > c {x}\n"
    assert findings(body) == []


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<img src="https://tracker.example/p.png">',
        '<img src="//tracker.example/p.png">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<p onclick="alert(1)">x</p>',
        '<iframe src="a.html"></iframe>',
        '<link rel="stylesheet" href="https://evil.example/s.css">',
        '<p style="background:url(https://tracker.example/a.png)">x</p>',
        '<form action="https://evil.example/"><button>x</button></form>',
        "<svg><script>alert(1)</script></svg>",
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    ],
)
def test_the_sanitiser_leaves_nothing_that_runs_or_fetches(html: str) -> None:
    for clean in (sanitize_page(html), sanitize_email(html)):
        lowered = clean.lower()
        for forbidden in ("<script", "onclick", "javascript:", "https://", "//tracker", "url("):
            assert forbidden not in lowered, (html, clean)
        assert "<iframe" not in lowered and "<link" not in lowered and "action=" not in lowered


def test_the_sanitiser_keeps_what_the_site_makes() -> None:
    kept = (
        '<h2 id="verslag" data-search-exclude="">Verslag<a class="headerlink" href="#verslag" '
        'title="Link naar dit kopje">¶</a></h2>'
        '<form class="kb-filters" data-kb-filters="" hidden=""><label for="kb-filter-regio">'
        'Regio</label><select id="kb-filter-regio" name="regio"><option value="">Alle</option>'
        '</select><button class="md-button" type="reset">Wis filters</button></form>'
        '<a href="../praktijken/groepsapp/">Groepsapp</a><a href="https://www.ifv.nl/">IFV</a>'
        '<svg viewBox="0 0 10 10" role="img"><title id="t">T</title>'
        '<rect x="1" y="1" width="2" height="2" fill="#fff"></rect></svg>'
    )
    assert sanitize_page(kept) == kept


class _Elements(HTMLParser):
    """Every element and attribute of a page, for the scans below."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def _theme_script(attrs: dict[str, str]) -> bool:
    source = attrs.get("src", "")
    return source.startswith(("assets/", "../")) or "assets/javascripts/" in source


def _attack_surface(html: str) -> list[str]:
    """What in a page could run or fetch because of content, not because of the theme."""
    parser = _Elements()
    parser.feed(html)
    problems = []
    for tag, attrs in parser.found:
        handlers = [name for name in attrs if name.startswith("on")]
        if handlers:
            problems.append(f"<{tag} {handlers}>")
        if tag in ("iframe", "object", "embed", "frame", "base"):
            problems.append(f"<{tag}>")
        if tag == "script" and attrs.get("src") and not _theme_script(attrs):
            problems.append(f"<script src={attrs['src']}>")
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = attrs.get(name, "").strip().lower()
            if value.startswith(("javascript:", "data:", "vbscript:")):
                problems.append(f"<{tag} {name}={value}>")
        if tag in ("img", "source", "video", "audio") and "tracker.example" in attrs.get("src", ""):
            problems.append(f"<{tag} src={attrs['src']}>")
        if "url(" in attrs.get("style", ""):
            problems.append(f"<{tag} style>")
    return problems


@pytest.fixture(scope="module")
def untrusted_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return require_clean(build_fixture("untrusted", tmp_path_factory.mktemp("untrusted")))


def test_every_page_of_the_built_corpus_holds_only_text(untrusted_build: Built) -> None:
    # beheer/index.html is the editor's page from the repository, no content (test_beheer.py).
    pages = sorted(p for p in untrusted_build.site.rglob("*.html") if p.parent.name != "beheer")
    offline = sorted(untrusted_build.offline.rglob("*.html"))
    assert len(pages) > 10 and len(offline) > 10
    found = {
        str(page): problems
        for page in [*pages, *offline]
        if (problems := _attack_surface(page.read_text(encoding="utf-8")))
    }
    assert found == {}
    # And the attempts are there, as text a reader sees.
    session = (untrusted_build.site / "sessies/sessie-aanval/index.html").read_text("utf-8")
    assert "&lt;script&gt;alert('titel')&lt;/script&gt;" in session


def test_the_email_holds_only_text(untrusted_build: Built) -> None:
    email = (untrusted_build.site / "kennisbrief/2016-q1/e-mail.html").read_text("utf-8")
    assert _attack_surface(email) == []
    assert "<img" not in email and "<script" not in email


def test_feeds_are_xml_whatever_the_titles_hold(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(UNTRUSTED / "content", tmp_path / "content")
    session = tmp_path / "content/sessions/sessie-aanval.md"
    text = session.read_text(encoding="utf-8")
    session.write_text(text.replace('& "aanhalingstekens"', "\x01\x1b\x7f"), encoding="utf-8")
    generated = generate(tmp_path, "public", RenderOptions(site_url=SITE_URL))
    assert [d.rule for d in generated.diagnostics] == ["stuurteken"] * 3
    for path in ("feeds/nieuw.xml", "feeds/kennisbrieven.xml"):
        ET.fromstring(generated.output[path])


# Bounded input: each of these once hung, exhausted memory or took minutes. Run as a real
# command with a deadline, so a regression fails instead of stalling the suite.


def _check_command(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _base(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(Path(__file__).parent / "fixtures" / "base" / "content", tmp_path / "content")
    return tmp_path


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    root = _base(tmp_path)
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for depth in range(1, 9):
        previous, name = chr(ord("a") + depth - 1), chr(ord("a") + depth)
        levels.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    (root / "content/regions/bom.yml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    result = _check_command(root)
    assert result.returncode == 1
    assert "content/regions/bom.yml:1:4: fout: YAML-ankers ('&a')" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_link_to_dev_zero_and_a_fifo_are_never_read(tmp_path: Path) -> None:
    root = _base(tmp_path)
    (root / "content/practices/nul.md").symlink_to("/dev/zero")
    os.mkfifo(root / "content/practices/pijp.md")
    result = _check_command(root)
    assert result.returncode == 1
    assert "content/practices/nul.md:1:1: fout: dit is een symbolische link" in result.stdout
    assert "content/practices/pijp.md:1:1: fout: dit is een pijp (FIFO)" in result.stdout


def test_a_20_mb_body_is_reported_not_read(tmp_path: Path) -> None:
    root = _base(tmp_path)
    big = "---\ntitle: Groot\nsessions: [sessie-midden]\n---\n" + "tekst " * 3_500_000
    (root / "content/practices/groot.md").write_text(big, encoding="utf-8")
    result = _check_command(root)
    assert result.returncode == 1
    assert "content/practices/groot.md:1:1: fout: het bestand is 20508 kB" in result.stdout


def test_nul_in_a_body_stops_the_build_with_a_message(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(UNTRUSTED / "content", tmp_path / "content")
    copy_setup(tmp_path, link=True)
    knelpunt = tmp_path / "content/knelpunten/knelpunt-aanval.md"
    knelpunt.write_text(knelpunt.read_text("utf-8") + "Een NUL\x00 in de tekst.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "build", "--no-offline"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "knelpunt-aanval.md:10:8: fout: onzichtbaar stuurteken U+0000 (NUL)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
