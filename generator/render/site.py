"""Every generated file of one edition, by its path: Markdown pages (`.md`) and finished files
(feeds, e-mails, open data, security.txt) that the engine copies as they are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic
from generator.model import Graph, RawRecord
from generator.render import addresses
from generator.render.email import kennisbrief_email
from generator.render.feeds import all_feeds, feed_files
from generator.render.glossary import glossary_page
from generator.render.guide import guide_pages
from generator.render.home import home_page
from generator.render.indexes import section_page, theme_page, themes_index
from generator.render.kennisbrief import issues, kennisbrief_index, kennisbrief_page
from generator.render.learning import maturity_section, unanswered_page
from generator.render.opendata import data_files, data_page
from generator.render.problems import by_file
from generator.render.progress import progress_page
from generator.render.record import failed_page, record_page
from generator.render.search import SEARCH_PAGE, search_page
from generator.render.subscribe import subscribe_page
from generator.render.wellknown import security_txt
from generator.settings import SiteSettings
from generator.types import REGISTRY


@dataclass(frozen=True)
class RenderOptions:
    # Site-relative path of the offline archive to link from the home page; None: no link.
    offline_download: str | None = None
    # Content problems to show on the pages (the local preview only; a build stops on them).
    problems: Sequence[Diagnostic] = ()
    # The site's address: feeds, e-mails and open data need absolute links. None: they are
    # left out (and the adapter says so).
    site_url: str | None = None
    # Records whose fields are invalid (the local preview only): each gets a page that shows
    # its problems, where the editor looks for it.
    failed: Sequence[RawRecord] = ()
    # Who publishes the site, and its contact addresses (extra.kennisbank in mkdocs.yml).
    settings: SiteSettings = field(default_factory=SiteSettings)


def render(graph: Graph, options: RenderOptions | None = None) -> dict[str, str]:
    options = options or RenderOptions()
    problems = by_file(options.problems)
    site_url, settings = options.site_url, options.settings
    found = issues(graph)
    # Feeds come first: pages link to and announce the feeds this build makes.
    feeds = feed_files(graph, found, site_url) if site_url else {}
    titles = {feed.path: feed.title for feed in all_feeds(graph) if feed.path in feeds}
    files: dict[str, str] = {
        addresses.HOME: home_page(graph, options.offline_download, options.problems)
    }
    for record_type in REGISTRY:
        files[addresses.section_index(record_type)] = section_page(graph, record_type)
    for key, record in graph.records.items():
        own = problems.get(record.path, ())
        files[addresses.page_path(key)] = record_page(graph, record, own, titles)
    for raw in options.failed:
        files[addresses.page_path(raw.key)] = failed_page(graph, raw, problems.get(raw.path, ()))
    files[addresses.themes_index()] = themes_index(graph)
    for theme in graph.taxonomy.themes:
        files[addresses.theme_path(theme)] = theme_page(graph, theme, titles)
    files.update(guide_pages())
    files[addresses.GLOSSARY] = glossary_page(graph)
    # The regions' progress, then the practices' (render/learning.py: idee, toegepast, beproefd).
    files[addresses.PROGRESS] = progress_page(graph) + "\n" + maturity_section(graph)
    files[addresses.UNANSWERED] = unanswered_page(graph)
    files[SEARCH_PAGE] = search_page(graph)
    files[addresses.kennisbrief_index()] = kennisbrief_index(graph, found)
    for issue in found:
        intro_problems = problems.get(issue.intro.path, ()) if issue.intro else ()
        files[addresses.kennisbrief_path(issue.quarter)] = kennisbrief_page(
            graph, issue, intro_problems
        )
    files[addresses.SUBSCRIBE] = subscribe_page(graph, settings, feeds)
    files[addresses.DATA] = data_page(graph, settings, made=bool(site_url))
    if site_url:
        files.update(feeds)
        for issue in found:
            email = kennisbrief_email(graph, issue, site_url, settings)
            files[addresses.kennisbrief_email(issue.quarter)] = email
        files.update(data_files(graph, settings, site_url))
        security = security_txt(settings, site_url)
        if security:
            files[addresses.SECURITY_TXT] = security
    return files
