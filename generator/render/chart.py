"""Charts drawn at build time as inline SVG: they need no JavaScript and print as they show.

Every chart is paired with a table of the same figures on the page (WCAG 1.1.1 and 1.4.1):
the SVG has a title and description for screen readers; colour is never the only carrier.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.render.formatting import attr

# Dark enough for 3:1 against white (WCAG 1.4.11) and for white numbers inside the bars; the
# two greys are what the national bars show beside the statuses.
COLOURS: dict[str, str] = {
    "niet-gestart": "#8a1c00",
    "in-voorbereiding": "#6a1b9a",
    "in-uitvoering": "#0d47a1",
    "gerealiseerd": "#1b5e20",
    # Practices (render/learning.py).
    "idee": "#5d4037",
    "toegepast": "#0d47a1",
    "beproefd": "#1b5e20",
    "niet-openbaar": "#757575",
    "geen-melding": "#e0e0e0",
}
BAR, GAP, LEFT, TOP, PLOT, BOTTOM = 56, 48, 16, 56, 180, 40
# The legend wraps to stay within a phone's width, so the chart is not scaled down to
# unreadable text there; each extra row of the legend moves the plot down.
LEGEND_WIDTH, LEGEND_ROW = 340, 20


def stacked_bars(
    series: Sequence[tuple[str, Sequence[int]]],
    names: Sequence[str],
    keys: Sequence[str],
    *,
    title: str,
    description: str,
    ident: str = "kb-chart",
) -> str:
    """A stacked bar per (label, values); `names` and `keys` (for colours) per value position.

    Returned as one HTML block without blank lines, so Markdown leaves it as it is. `ident`
    prefixes the ids of its title and description: give each chart on a page its own."""
    legend, legend_width, rows = _legend(names, keys)
    width = max(LEFT * 2 + max(1, len(series)) * (BAR + GAP), legend_width + LEFT)
    top = TOP + (rows - 1) * LEGEND_ROW  # where the plot starts, below the legend
    height = top + PLOT + BOTTOM
    highest = max((sum(values) for _, values in series), default=0) or 1
    parts = [
        '<figure class="kb-chart">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif" font-size="12">',
        f'<title id="{ident}-title">{attr(title)}</title>',
        f'<desc id="{ident}-desc">{attr(description)}</desc>',
        *legend,
        f'<line x1="{LEFT}" y1="{top + PLOT}" x2="{width - LEFT}" y2="{top + PLOT}" '
        'stroke="#595959"/>',
    ]
    for index, (label, values) in enumerate(series):
        x = LEFT + GAP // 2 + index * (BAR + GAP)
        parts += _bar(x, top, label, zip(values, names, keys, strict=True), highest)
    parts += ["</svg>", f"<figcaption>{attr(title)}</figcaption>", "</figure>"]
    return "\n".join(parts)


def _legend(names: Sequence[str], keys: Sequence[str]) -> tuple[list[str], int, int]:
    """The legend's elements, its width and its number of rows (text width estimated at 7 px
    a character); a row ends before it would pass LEGEND_WIDTH."""
    parts: list[str] = []
    x, y, widest, rows = LEFT, 8, 0, 1
    for name, key in zip(names, keys, strict=True):
        size = 24 + 7 * len(name)
        if x > LEFT and x + size - 8 > LEGEND_WIDTH:
            x, y, rows = LEFT, y + LEGEND_ROW, rows + 1
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[key]}"/>')
        parts.append(f'<text x="{x + 16}" y="{y + 10}" fill="#1a1a1a">{attr(name)}</text>')
        x += size
        widest = max(widest, x - 8)
    return parts, widest, rows


def _bar(
    x: int,
    top: int,
    label: str,
    segments: Iterable[tuple[int, str, str]],
    highest: int,
) -> list[str]:
    """One stacked bar: (value, name, colour key) from the bottom up, its total above it and
    its label below."""
    parts: list[str] = []
    y = base = top + PLOT
    total = 0
    for value, name, key in segments:
        if not value:
            continue
        total += value
        size = round(PLOT * value / highest)
        y -= size
        parts.append(
            f'<rect x="{x}" y="{y}" width="{BAR}" height="{size}" fill="{COLOURS[key]}" '
            f'stroke="#ffffff"><title>{attr(f"{label}, {name}: {value}")}</title></rect>'
        )
        if size >= 16:
            parts.append(
                f'<text x="{x + BAR // 2}" y="{y + size // 2 + 4}" fill="#ffffff" '
                f'text-anchor="middle">{value}</text>'
            )
    parts.append(
        f'<text x="{x + BAR // 2}" y="{y - 6}" fill="#1a1a1a" text-anchor="middle">{total}</text>'
    )
    parts.append(
        f'<text x="{x + BAR // 2}" y="{base + 18}" fill="#1a1a1a" '
        f'text-anchor="middle">{attr(label)}</text>'
    )
    return parts


def share_bar(parts: Sequence[tuple[str, int]]) -> str:
    """One bar split by (colour key, count), drawn to the width of its box.

    Decorative (`aria-hidden`): it stands beside a sentence and a table with the same counts,
    so it has no text of its own and may be stretched (no aspect ratio to keep)."""
    total = sum(count for _, count in parts) or 1
    rects, x = [], 0
    for key, count in parts:
        if count:
            rects.append(f'<rect x="{x}" y="0" width="{count}" height="1" fill="{COLOURS[key]}"/>')
        x += count
    return (
        f'<svg class="kb-bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total} 1" '
        f'preserveAspectRatio="none" aria-hidden="true">{"".join(rects)}</svg>'
    )


def swatch(key: str) -> str:
    """A small square in a chart's colour, for a legend written as text beside it."""
    return (
        '<svg class="kb-swatch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" '
        f'aria-hidden="true"><rect x="0" y="0" width="1" height="1" fill="{COLOURS[key]}"/></svg>'
    )
