"""A record's page: what every record page has, around the part its type writes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.diagnostics import Diagnostic
from generator.model import Graph, RawRecord, Record
from generator.render import addresses
from generator.render.formatting import frontmatter, text, visibility_banner
from generator.render.page import Page, feed_meta, last_modified, plain_summary
from generator.render.problems import problem_banner


def failed_page(graph: Graph, raw: RawRecord, problems: Sequence[Diagnostic]) -> str:
    """The preview's page of a record whose fields are invalid: its problems first, then what
    can be shown of it, so the editor sees both where they look for the record."""
    page = Page(graph, addresses.page_path(raw.key))
    title = raw.fields.get("title")
    shown = title if isinstance(title, str) and title.strip() else raw.key.id
    page.add(frontmatter({"title": shown, "section": addresses.section_of(raw.key)}))
    page.add(f"# {text(shown)}", "")
    page.add(problem_banner(problems, everywhere=False))
    page.add(
        f"Deze {raw.key.type.singular.lower()} staat nog niet op de site: herstel de meldingen "
        "hierboven. Hieronder staat de tekst zoals die nu is.",
        "",
    )
    if raw.body.strip():
        page.add(raw.body.strip(), "")
    return page.render()


def record_page(
    graph: Graph,
    record: Record[Any],
    problems: Sequence[Diagnostic] = (),
    feeds: Mapping[str, str] | None = None,
) -> str:
    """Title, metadata, the banners a reader must see first, then the type's own page."""
    page = Page(graph, addresses.page_path(record.key), feeds)
    meta: dict[str, object] = {"title": record.title, "section": addresses.section_of(record.key)}
    summary = plain_summary(graph, record)
    if summary:
        meta["description"] = summary
    # The type as a tag: Material shows tags in search results, so visitors see what they found.
    meta["tags"] = [record.key.type.singular]
    lastmod = last_modified(graph, [record.key])
    if lastmod:
        meta["lastmod"] = lastmod
    own_feed = feed_meta(page, addresses.record_feed(record.key))
    if own_feed:
        meta["feeds"] = own_feed
    page.add(frontmatter(meta))
    page.add(f"# {text(record.title)}", "")
    if problems:
        page.add(problem_banner(problems, everywhere=False))
    banner = visibility_banner(record.visibility)
    if banner:
        page.add(banner)
    record.key.type.page(page, record)
    return page.render()
