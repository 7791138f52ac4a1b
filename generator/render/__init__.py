"""Render: the link graph -> {page path: Markdown}. Pure: no I/O and no site-engine import.

The engine adapter (generator/plugin.py) hands these pages to MkDocs; another engine would only
need another adapter. Addresses depend on type and id alone (see addresses.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.diagnostics import Diagnostic
from generator.guide import guide_pages
from generator.model import RECORD_TYPES, Graph
from generator.render import addresses
from generator.render.home import home_page
from generator.render.indexes import section_page, theme_page, themes_index
from generator.render.pages import record_page
from generator.render.problems import add_problem_banners


@dataclass(frozen=True)
class RenderOptions:
    # Site-relative path of the offline archive to link from the home page; None: no link.
    offline_download: str | None = None
    # Content problems to show on the pages (the local preview only; a build stops on them).
    problems: Sequence[Diagnostic] = ()


def render(graph: Graph, options: RenderOptions | None = None) -> dict[str, str]:
    options = options or RenderOptions()
    pages: dict[str, str] = {addresses.HOME: home_page(graph, options.offline_download)}
    for record_type in RECORD_TYPES:
        pages[addresses.section_index(record_type)] = section_page(graph, record_type)
    for key, record in graph.records.items():
        pages[addresses.page_path(key)] = record_page(graph, record)
    pages[addresses.themes_index()] = themes_index(graph)
    for theme in graph.taxonomy.themes:
        pages[addresses.theme_path(theme)] = theme_page(graph, theme)
    pages.update(guide_pages())
    add_problem_banners(pages, graph, options.problems)
    return pages


__all__ = ["RenderOptions", "render"]
