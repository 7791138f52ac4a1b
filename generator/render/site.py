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
from generator.render.email import kennisbrief_email
from generator.render.feeds import kennisbrieven_feed, records_feed
from generator.render.home import home_page
from generator.render.indexes import section_page, theme_page, themes_index
from generator.render.kennisbrief import issues, kennisbrief_index, kennisbrief_page
from generator.render.pages import record_page
from generator.render.problems import add_problem_banners
from generator.render.voortgang import progress_page


@dataclass(frozen=True)
class RenderOptions:
    # Site-relative path of the offline archive to link from the home page; None: no link.
    offline_download: str | None = None
    # Content problems to show on the pages (the local preview only; a build stops on them).
    problems: Sequence[Diagnostic] = ()
    # The site's address: feeds and e-mails need absolute links. None: they are left out
    # (and the adapter says so).
    site_url: str | None = None


def render(graph: Graph, options: RenderOptions | None = None) -> dict[str, str]:
    """Every generated file by its path: Markdown pages (`.md`) and finished files (feeds,
    e-mails) that the engine copies as they are."""
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
    pages[addresses.PROGRESS] = progress_page(graph)
    found = issues(graph)
    pages[addresses.kennisbrief_index()] = kennisbrief_index(graph, found)
    for issue in found:
        pages[addresses.kennisbrief_path(issue.quarter)] = kennisbrief_page(graph, issue)
    if options.site_url:
        pages[addresses.FEED_RECORDS] = records_feed(graph, options.site_url)
        pages[addresses.FEED_KENNISBRIEVEN] = kennisbrieven_feed(found, options.site_url)
        for issue in found:
            email = kennisbrief_email(graph, issue, options.site_url)
            pages[addresses.kennisbrief_email(issue.quarter)] = email
    add_problem_banners(pages, graph, options.problems)
    return pages


__all__ = ["RenderOptions", "render"]
