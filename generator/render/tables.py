"""Data tables the render step writes itself: HTML with a caption, headers with their scope,
and every cell labelled with its column, so that on a phone the table reads as stacked cards
(CSS `.kb-stapel`) instead of squeezing or hiding columns.

Raw HTML rather than a Markdown table: Material wraps a Markdown table in a scroll box the
keyboard cannot reach, and Markdown tables have no caption or row headers. `markdown="span"`
on the cells lets the engine read the links inside, so they are checked and rewritten like any
other. Cells are Markdown text: values from content must already have passed `text()`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.render.formatting import attr


@dataclass(frozen=True)
class RowGroup:
    """Rows under a header of their own (`label`); without a label, plain rows."""

    label: str
    rows: Sequence[Sequence[str]] = field(default_factory=tuple)


def stacked_table(
    caption: str, header: Sequence[str], groups: Sequence[RowGroup], *, css: str = ""
) -> list[str]:
    """A table whose first column names each row (a row header). `caption` is Markdown text;
    `header` plain text. On a narrow screen every row becomes a card and every cell shows its
    column's name before its value (`data-label`)."""
    classes = " ".join(["kb-tabel", "kb-stapel", *([css] if css else [])])
    # With row groups a cell sits under three headers (column, group, row): `headers` names
    # them, as scope alone does not reach that far for every screen reader (WCAG H43).
    grouped = any(group.label for group in groups)
    ident = _slug(caption)
    columns = [f"{ident}-k{number}" for number in range(len(header))]
    lines = [
        f'<table class="{classes}" markdown="block">',
        f'<caption markdown="span">{caption}</caption>',
        "<thead><tr>",
        *(
            f'<th scope="col"{_id(column, grouped)}>{attr(name)}</th>'
            for column, name in zip(columns, header, strict=True)
        ),
        "</tr></thead>",
    ]
    for number, group in enumerate(groups):
        group_id = f"{ident}-g{number}"
        lines.append('<tbody markdown="block">')
        if group.label:
            lines.append(
                f'<tr class="kb-groep"><th scope="rowgroup" colspan="{len(header)}"'
                f'{_id(group_id, grouped)} markdown="span">{group.label}</th></tr>'
            )
        for row_number, row in enumerate(group.rows):
            head, *cells = row
            row_id = f"{group_id}-r{row_number}"
            groups_above = [group_id] if group.label else []
            lines.append('<tr markdown="block">')
            lines.append(
                f'<th scope="row"{_id(row_id, grouped)}'
                f'{_headers([columns[0], *groups_above], grouped)} markdown="span">{head}</th>'
            )
            for column, name, cell in zip(columns[1:], header[1:], cells, strict=True):
                lines.append(
                    f'<td data-label="{attr(name)}"'
                    f'{_headers([column, *groups_above, row_id], grouped)} markdown="span">'
                    f"{cell}</td>"
                )
            lines.append("</tr>")
        lines.append("</tbody>")
    lines.append("</table>")
    return lines


def _id(ident: str, wanted: bool) -> str:
    return f' id="{ident}"' if wanted else ""


def _headers(idents: Sequence[str], wanted: bool) -> str:
    return f' headers="{" ".join(idents)}"' if wanted else ""


def _slug(caption: str) -> str:
    return "kb-" + re.sub(r"[^a-z0-9]+", "-", caption.lower()).strip("-")[:40].rstrip("-")


def scroll_table(
    caption: str, header: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]
) -> list[str]:
    """A table of figures: a row header (Markdown text, for a link) and numbers, in a box that
    scrolls sideways on a phone (see `table_start`)."""
    lines = table_start(caption, header, numbers=True)
    for head, cells in rows:
        lines += [
            '<tr markdown="block">',
            f'<th scope="row" markdown="span">{head}</th>',
            *(f'<td class="kb-getal" markdown="span">{cell}</td>' for cell in cells),
            "</tr>",
        ]
    return [*lines, *TABLE_END]


def table_start(caption: str, header: Sequence[str], *, numbers: bool = False) -> list[str]:
    """The start of a wide table, up to its body (end it with `TABLE_END`). It sits in a box of
    its own that scrolls sideways on a phone and takes the keyboard focus, so it can be read
    without a mouse (WCAG 2.1.1). The caption (plain text) stands above the box, so a phone
    shows it whole, and names the box; the table carries it too, for screen readers."""
    ident = _slug(caption)
    kind = "kb-tabel kb-cijfers" if numbers else "kb-tabel"
    return [
        f'<p class="kb-bijschrift" id="{ident}">{attr(caption)}</p>',
        f'<div class="kb-tabelvak" role="region" aria-labelledby="{ident}" tabindex="0" '
        'markdown="block">',
        f'<table class="{kind}" markdown="block">',
        f'<caption class="kb-visually-hidden">{attr(caption)}</caption>',
        "<thead><tr>",
        *(f'<th scope="col">{attr(name)}</th>' for name in header),
        "</tr></thead>",
        '<tbody markdown="block">',
    ]


TABLE_END = ("</tbody>", "</table>", "</div>")


_BARE_TABLE = re.compile(r"<table>")
_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def reachable_tables(page_html: str) -> str:
    """A page's HTML with every Markdown table (a bare `<table>`: the editors' and the guide's)
    in a box that scrolls sideways and takes the keyboard focus, the box and the table (a
    caption for screen readers) named after the heading above it. The theme's own scroll
    wrapper inside it no longer scrolls (CSS), so the one scrolling box is reachable by
    keyboard (WCAG 2.1.1). The render step's own tables carry a class and their own box."""
    pieces: list[str] = []
    last = 0
    for found in _BARE_TABLE.finditer(page_html):
        if found.start() < last:
            continue
        end = page_html.find("</table>", found.end())
        if end < 0:
            break
        end += len("</table>")
        headings = list(_HEADING.finditer(page_html, 0, found.start()))
        above = _TAG.sub("", _PERMALINK.sub("", headings[-1].group(2))) if headings else ""
        name = f"Tabel: {html.unescape(above).strip()}" if above.strip() else "Tabel"
        pieces += [
            page_html[last : found.start()],
            f'<div class="kb-tabelvak kb-inhoudstabel" role="region" tabindex="0" '
            f'aria-label="{attr(name)}">',
            f'<table><caption class="kb-visually-hidden">{attr(name)}</caption>',
            page_html[found.end() : end],
            "</div>",
        ]
        last = end
    pieces.append(page_html[last:])
    return "".join(pieces)
