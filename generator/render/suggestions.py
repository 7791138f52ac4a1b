"""Lists of ranked matches (generator/related.py): each record with why it was found."""

from __future__ import annotations

from collections.abc import Sequence

from generator.related import Match
from generator.render.formatting import text
from generator.render.page import Page

# When what two records share adds up without any one kind standing out.
FALLBACK_REASON = "verwant in onderwerp"


def match_list(
    page: Page, title: str, matches: Sequence[Match], *, intro: str = "", empty: str = ""
) -> None:
    """A titled list of matches, best first, as cards that each say why they were found."""
    if not matches and not empty:
        return
    # Like every list of related records, left out of search: each is found on its own page.
    page.heading(2, title, searchable=False)
    if not matches:
        page.add(text(empty), "")
        return
    if intro:
        page.add(text(intro), "")
    page.cards([(match.key, f"*{text(match.reason or FALLBACK_REASON)}*") for match in matches])
