"""Property-based tests: valid content, mutated the way typing, pasting and attackers do.

Whatever the mutation, `kennisbank check` ends with exit code 0 or 1 and no traceback, every
diagnostic is one line of `path:line:column: fout|waarschuwing: …`, and what render makes of
the rest (the preview renders content with errors too) has feeds that parse as XML. The budget
is fixed and the examples derandomised, so a run takes seconds and CI sees the same ones.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.markup import findings
from generator.pipeline import generate
from generator.render.site import RenderOptions

SITE = Path(__file__).parent / "fixtures" / "site" / "content"
FILES = {
    path.relative_to(SITE).as_posix(): path.read_text(encoding="utf-8")
    for path in sorted(SITE.rglob("*"))
    if path.is_file() and path.suffix in (".md", ".yml")
}
ATTACHMENTS = {
    path.relative_to(SITE).as_posix(): path.read_bytes()
    for path in sorted((SITE / "bijlagen").iterdir())
}
DIAGNOSTIC = re.compile(r"content/[^\n]+:\d+:\d+: (fout|waarschuwing): [^\n]+")
SUMMARY = re.compile(r"(Geen problemen gevonden|\d+ (fout|fouten|waarschuwing|waarschuwingen)) ")
BUDGET = settings(max_examples=120, deadline=None, derandomize=True, database=None)

# What editors and attackers put in files: YAML and Markdown syntax, quotes, invisible and
# control characters, line separators, HTML, and ordinary Dutch.
PIECES = st.sampled_from(
    [
        ":",
        ": ",
        "-",
        "- ",
        "#",
        "'",
        '"',
        "“",
        "”",
        "[",
        "]",
        "{",
        "}",
        "&",
        "*",
        "!",
        "|",
        ">",
        "<",
        "`",
        "```",
        "~~~",
        "\\",
        "\t",
        "\n",
        "\r\n",
        "\x00",
        "\x07",
        "\x1b",
        "\x7f",
        "\u00ad",
        "\u200b",
        "\ufeff",
        "\u2028",
        "\ufffe",
        "---",
        "---\n",
        "&a ",
        "*a",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "{: onclick=x }",
        "[x](javascript:alert(1))",
        "![](https://tracker.example/p.png)",
        "[[groepsapp]]",
        "[[",
        "]]",
        "no",
        "12:30",
        "2016-02-30",
        "ë",
        "Fryslân",
        "regio's",
        " ",
        "    ",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=6).map("".join)


@st.composite
def mutated_tree(draw: st.DrawFn) -> dict[str, str]:
    files = dict(FILES)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(files)))
        text = files[name]
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        operation = draw(st.sampled_from(["insert", "replace", "delete", "duplicate-line"]))
        if operation == "insert":
            text = text[:start] + draw(TEXT) + text[start:]
        elif operation == "replace":
            text = text[:start] + draw(TEXT) + text[end:]
        elif operation == "delete":
            text = text[:start] + text[end:]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            text = "\n".join([*lines[: index + 1], *lines[index:]])
        files[name] = text
    return files


def _write(root: Path, files: dict[str, str]) -> None:
    for name, data in ATTACHMENTS.items():
        (root / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / name).write_bytes(data)
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))


@BUDGET
@given(mutated_tree())
def test_check_never_crashes_and_every_diagnostic_is_one_line(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, files)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--root", str(root), "check"])
        assert code in (0, 1)
        assert err.getvalue() == ""
        *diagnostics, summary = out.getvalue().rstrip("\n").split("\n")
        assert SUMMARY.match(summary), summary
        for line in diagnostics:
            assert DIAGNOSTIC.fullmatch(line), line

        generated = generate(root, "public", RenderOptions(site_url="https://kb.example/"))
        for path, text in generated.output.items():
            if path.endswith(".xml"):
                ET.fromstring(text)


@BUDGET
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join))
def test_the_markup_check_takes_any_body(body: str) -> None:
    for found in findings(body):
        assert found.line >= 0 and found.column >= 0
        assert found.kind in ("html", "attributes", "link", "image")
