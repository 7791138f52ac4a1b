"""Lists of ranked matches (generator/related.py): each record with why it was found."""

from __future__ import annotations

from collections.abc import Sequence

from generator.related import Match
from generator.render.formatting import text, visibility_badge
from generator.render.page import Page

# When what two records share adds up without any one kind standing out.
FALLBACK_REASON = "verwant in onderwerp"


def match_list(
    page: Page, title: str, matches: Sequence[Match], *, intro: str = "", empty: str = ""
) -> None:
    """A titled list of matches, best first: link, badges and the reason in one line."""
    if not matches and not empty:
        return
    # Like every list of related records, left out of search: each is found on its own page.
    page.heading(2, title, searchable=False)
    if not matches:
        page.add(text(empty), "")
        return
    if intro:
        page.add(text(intro), "")
    for match in matches:
        page.add(match_item(page, match))
    page.blank()


def match_item(page: Page, match: Match) -> str:
    record = page.graph.records[match.key]
    details = record.key.type.details
    badges = [*(details(record.data) if details else []), visibility_badge(record.visibility)]
    shown = " ".join(b for b in badges if b)
    reason = text(match.reason or FALLBACK_REASON)
    return f"- {page.ref(match.key)}{' ' + shown if shown else ''} — *{reason}*"
