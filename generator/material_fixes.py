"""Material's own markup that the W3C Nu checker rejects, corrected in every finished page.

Material 9 writes three things HTML does not allow, in places no template block reaches:
base.html's two toggles carry `autocomplete` (a checkbox has none), nav-item.html gives a
section's label an empty `tabindex`, and toc.html labels the table of contents' toggle even on
pages outside the navigation, where the toggle (in nav-item.html) does not exist. And one that
axe finds: a section with an index page names its menu after a label that holds only an icon,
so two such menus have the same (empty) name. Overriding them would mean carrying copies of
base.html and nav-item.html. Each fix below matches
Material's exact markup; tests/test_html_valid.py runs the Nu checker over every kind of page,
so a Material release that changes this markup fails there instead of passing silently.
"""

from __future__ import annotations

import re

# The toggles get a name too: their labels hold only an icon (pa11y: a checkbox without a name).
_TOGGLES = (
    (
        'type="checkbox" id="__drawer" autocomplete="off">',
        'type="checkbox" id="__drawer" aria-label="Menu">',
    ),
    (
        'type="checkbox" id="__search" autocomplete="off">',
        'type="checkbox" id="__search" aria-label="Zoeken">',
    ),
    (
        'type="checkbox" id="__toc">',
        'type="checkbox" id="__toc" aria-label="Inhoudsopgave">',
    ),
)
# An empty tabindex is Material's way of writing "not focusable", which no attribute says too.
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex="">')
_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)
_TOC_TOGGLE = 'id="__toc"'
# A section's menu, named by its toggle's label: named by its title (the label after it) instead.
# Not for a collapsible subsection (its label has a tabindex): Material's script finds that menu
# by its aria-labelledby.
_SECTION_MENU = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby=")(__nav_[\d_]+)_label("[^>]*>\s*'
    r'<label class="md-nav__title" for="\2")>'
)


def fix_material_markup(html: str) -> str:
    """The page with Material's invalid markup replaced by its valid equivalent."""
    for invalid, valid in _TOGGLES:
        html = html.replace(invalid, valid)
    html = _EMPTY_TABINDEX.sub(r"\1>", html)
    html = _SECTION_MENU.sub(lambda menu: _named_by_title(menu, html), html)
    if _TOC_TOGGLE not in html:
        # Without its toggle the label switches nothing: the same title, as plain text.
        html = _TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html)
    return html


def _named_by_title(menu: re.Match[str], html: str) -> str:
    start, toggle, rest = menu.groups()
    if f'id="{toggle}_label" tabindex=' in html:
        return menu.group(0)
    return f'{start}{toggle}_title{rest} id="{toggle}_title">'
