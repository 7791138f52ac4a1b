"""Formatting for people and escaping for Markdown/HTML: Dutch dates, labels, badges, bodies.

Every value from content passes through `text` (Markdown text) or `attr` (HTML attribute)
before it lands in a page, so a title like `<script>` shows as text and never runs.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date

from generator.dates import PartialDate
from generator.fences import prose_lines

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# Characters Python-Markdown (with the tables extension) treats as markup in inline text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#!|])")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")


def dutch_date(value: date | PartialDate) -> str:
    """15 maart 2016, maart 2016 or 2016, as precise as the source — no locale dependency."""
    if isinstance(value, PartialDate):
        if value.month is None:
            return str(value.year)
        if value.day is None:
            return f"{MONTHS[value.month - 1]} {value.year}"
        value = value.first_day
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def text(value: object) -> str:
    """Content text as inline Markdown that renders literally: HTML- and Markdown-escaped."""
    escaped = html.escape(str(value), quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    # A newline inside a list item or table cell would break the structure.
    return " ".join(escaped.split())


def attr(value: object) -> str:
    """A value for an HTML attribute in raw HTML."""
    return html.escape(str(value), quote=True)


def attr_list(values: Iterable[str]) -> str:
    """Several values in one data-* attribute, space-separated (they are keys: no spaces)."""
    return attr(" ".join(sorted(set(values))))


def link(title: str, target: str) -> str:
    return f"[{text(title)}]({target})"


def badge(kind: str, value: str, shown: str) -> str:
    """A labelled badge: the meaning is in the text, colour is only an extra (WCAG 1.4.1)."""
    return f'<span class="kb-badge kb-{attr(kind)}-{attr(value)}">{text(shown)}</span>'


# Shown on every page and list item of a record that is not public, in the editions that hold
# one: the internal edition (internal records) and the local preview (drafts as well).
VISIBILITY_BANNERS: dict[str, tuple[str, str, str]] = {
    "internal": (
        "warning",
        "Intern",
        "Deze pagina staat alleen in de interne uitgave van de kennisbank. Deel haar niet "
        "buiten de veiligheidsregio's en gemeenten.",
    ),
    "draft": (
        "danger",
        "Concept",
        "Dit is een concept. Het staat alleen in de lokale voorbeeldweergave en wordt niet "
        "gepubliceerd.",
    ),
}


def visibility_banner(visibility: str) -> str:
    """A visible admonition for internal and draft pages; nothing for public ones."""
    if visibility not in VISIBILITY_BANNERS:
        return ""
    kind, title, message = VISIBILITY_BANNERS[visibility]
    return f'!!! {kind} "{title}"\n    {message}\n'


def visibility_badge(visibility: str) -> str:
    if visibility not in VISIBILITY_BANNERS:
        return ""
    return badge("zichtbaarheid", visibility, VISIBILITY_BANNERS[visibility][1])


def frontmatter(meta: Mapping[str, object]) -> str:
    """YAML frontmatter. Strings are HTML-escaped because the theme prints them unescaped.

    The title lands in element text (`<title>`, navigation, search), so quotes stay readable;
    everything else may land in an attribute (`<meta name="description" content="…">`).
    Values are written as JSON, which YAML reads as double-quoted scalars and flow lists: a
    tenth of the time of yaml.safe_dump, which showed in every build of thousands of pages.
    """
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, str):
            value = html.escape(value, quote=key != "title")
        lines.append(f"{key}: {_yaml_scalar(value)}")
    return "\n".join([*lines, "---"]) + "\n"


def _yaml_scalar(value: object) -> str:
    dumped = json.dumps(value, ensure_ascii=False)
    # Line and paragraph separators (and NEL) are line breaks to YAML, not to JSON.
    return (
        dumped.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    )


def demote_headings(body: str) -> str:
    """Move the body's ATX headings one level down, to sit under the page's own `##` heading."""
    return "\n".join(
        _demote(line) if prose and _HEADING.match(line) else line
        for line, prose in prose_lines(body)
    )


def summary_line(summary: str | None, limit: int = 300) -> str:
    """A summary as a teaser in Markdown text: see `teaser`."""
    return text(teaser(summary or "", limit))


# A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"[.!?][\"')\]»”’]*(?=\s)")


def teaser(summary: str, limit: int) -> str:
    """Plain text of at most `limit` characters that ends on a sentence: the whole text when it
    fits; else as many whole sentences as fit; only when the first sentence alone is too long,
    its words up to the limit and "…" (never a cut word)."""
    flat = " ".join(summary.split())
    if len(flat) <= limit:
        return flat
    ends = [m.end() for m in _SENTENCE_END.finditer(flat) if m.end() <= limit]
    if ends:
        return flat[: ends[-1]]
    # Room for the "…"; a word cut at the limit goes whole (unless it is the only one).
    room = flat[: limit - 1]
    words = room if flat[limit - 1] == " " or " " not in room else room.rsplit(" ", 1)[0]
    return words.rstrip(" ,;:–-") + "…"


def _demote(heading: str) -> str:
    return heading if heading.startswith("######") else "#" + heading.lstrip(" ")
