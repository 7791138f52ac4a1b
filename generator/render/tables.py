"""Data tables the render step writes itself: HTML with a caption, headers with their scope,
and every cell labelled with its column, so that on a phone the table reads as stacked cards
(CSS `.kb-stapel`) instead of squeezing or hiding columns.

Raw HTML rather than a Markdown table: Material wraps a Markdown table in a scroll box the
keyboard cannot reach, and Markdown tables have no caption or row headers. `markdown="span"`
on the cells lets the engine read the links inside, so they are checked and rewritten like any
other. Cells are Markdown text: values from content must already have passed `text()`.
"""

from __future__ import annotations

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
    lines = [
        f'<table class="{classes}" markdown="block">',
        f'<caption markdown="span">{caption}</caption>',
        "<thead><tr>",
        *(f'<th scope="col">{attr(name)}</th>' for name in header),
        "</tr></thead>",
    ]
    for group in groups:
        lines.append('<tbody markdown="block">')
        if group.label:
            lines.append(
                f'<tr class="kb-groep"><th scope="rowgroup" colspan="{len(header)}" '
                f'markdown="span">{group.label}</th></tr>'
            )
        for row in group.rows:
            head, *cells = row
            lines.append('<tr markdown="block">')
            lines.append(f'<th scope="row" markdown="span">{head}</th>')
            for name, cell in zip(header[1:], cells, strict=True):
                lines.append(f'<td data-label="{attr(name)}" markdown="span">{cell}</td>')
            lines.append("</tr>")
        lines.append("</tbody>")
    lines.append("</table>")
    return lines
