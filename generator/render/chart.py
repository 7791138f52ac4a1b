"""Charts drawn at build time as inline SVG: they need no JavaScript and print as they show.

Every chart is paired with a table of the same figures on the page (WCAG 1.1.1 and 1.4.1):
the SVG has a title and description for screen readers; colour is never the only carrier.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.render.formatting import attr

# Dark enough for 3:1 against white (WCAG 1.4.11) and for white numbers inside the bars.
COLOURS: dict[str, str] = {
    "niet-gestart": "#8a1c00",
    "in-voorbereiding": "#6a1b9a",
    "in-uitvoering": "#0d47a1",
    "gerealiseerd": "#1b5e20",
    # Practices (render/learning.py).
    "idee": "#5d4037",
    "toegepast": "#0d47a1",
    "beproefd": "#1b5e20",
}
BAR, GAP, LEFT, TOP, PLOT, BOTTOM = 56, 48, 16, 56, 180, 40


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
    legend, legend_width = _legend(names, keys)
    width = max(LEFT * 2 + max(1, len(series)) * (BAR + GAP), legend_width + LEFT)
    height = TOP + PLOT + BOTTOM
    top = max((sum(values) for _, values in series), default=0) or 1
    parts = [
        '<figure class="kb-chart">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif" font-size="12">',
        f'<title id="{ident}-title">{attr(title)}</title>',
        f'<desc id="{ident}-desc">{attr(description)}</desc>',
        *legend,
        f'<line x1="{LEFT}" y1="{TOP + PLOT}" x2="{width - LEFT}" y2="{TOP + PLOT}" '
        'stroke="#595959"/>',
    ]
    for index, (label, values) in enumerate(series):
        x = LEFT + GAP // 2 + index * (BAR + GAP)
        parts += _bar(x, label, values, names, keys, top)
    parts += ["</svg>", f"<figcaption>{attr(title)}</figcaption>", "</figure>"]
    return "\n".join(parts)


def _legend(names: Sequence[str], keys: Sequence[str]) -> tuple[list[str], int]:
    """The legend's elements and where it ends (text width estimated at 7 px a character)."""
    parts, x = [], LEFT
    for name, key in zip(names, keys, strict=True):
        parts.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{COLOURS[key]}"/>')
        parts.append(f'<text x="{x + 16}" y="18" fill="#1a1a1a">{attr(name)}</text>')
        x += 24 + 7 * len(name)
    return parts, x


def _bar(
    x: int,
    label: str,
    values: Sequence[int],
    names: Sequence[str],
    keys: Sequence[str],
    top: int,
) -> list[str]:
    parts: list[str] = []
    y = TOP + PLOT
    for value, name, key in zip(values, names, keys, strict=True):
        if not value:
            continue
        size = round(PLOT * value / top)
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
    total = sum(values)
    parts.append(
        f'<text x="{x + BAR // 2}" y="{y - 6}" fill="#1a1a1a" text-anchor="middle">{total}</text>'
    )
    parts.append(
        f'<text x="{x + BAR // 2}" y="{TOP + PLOT + 18}" fill="#1a1a1a" '
        f'text-anchor="middle">{attr(label)}</text>'
    )
    return parts
