"""The one HTML sanitiser, at the end of every HTML path: site pages (and so the offline copy)
and the kennisbrief e-mail. An allow-list (nh3, the binding of Rust's ammonia): only the
elements and attributes the site itself makes, links to http(s), mailto, tel or the site
itself, and nothing that loads from another host.

`check` already refuses content that would need any of this (generator/markup.py); the
sanitiser is what holds when a check is bypassed, as in the local preview of broken content.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Attributes whose URL the browser fetches by itself: only the site's own files may be named.
_FETCHED = frozenset({"src", "srcset", "poster", "data", "background"})
_UNSAFE_STYLE = re.compile(r"url\s*\(|expression\s*\(|@import|\\", re.IGNORECASE)

_COMMON = {"id", "class", "title", "lang", "dir", "hidden", "role"}
_ARIA = {
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
    "aria-live",
    "aria-current",
    "aria-expanded",
    "aria-controls",
    "aria-atomic",
}
_SVG_SHAPE = {"x", "y", "x1", "x2", "y1", "y2", "width", "height", "fill", "stroke"}

PAGE_TAGS = frozenset(
    {
        # What Markdown and its extensions make.
        *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "a", "em", "strong", "b", "i"),
        *("code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "img"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span"),
        *("sup", "sub", "small", "abbr", "del", "ins", "mark", "details", "summary"),
        # What the generator writes itself: sections, filters, charts.
        *("section", "nav", "figure", "figcaption", "form", "label", "select", "option"),
        *("button", "input", "svg", "g", "rect", "line", "text", "title", "desc"),
        *("fieldset", "legend"),  # the facets of the search page
        "noscript",  # what a page says without JavaScript, without hiding it by script
    }
)
PAGE_ATTRIBUTES: dict[str, set[str]] = {
    "*": _COMMON | _ARIA,
    "a": {"href", "hreflang", "type"},
    "img": {"src", "alt", "width", "height", "loading"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan", "align", "headers"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "ol": {"start"},
    "code": set(),
    "details": {"open"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "button": {"type"},
    "input": {"type", "name", "value", "placeholder", "autocomplete"},
    # A box that scrolls sideways (a wide table) takes the keyboard focus: tabindex 0 only.
    "div": {"tabindex"},
    "svg": {
        *("viewbox", "viewBox", "preserveaspectratio", "preserveAspectRatio"),
        *("width", "height", "xmlns", "font-family", "font-size"),
    },
    "rect": _SVG_SHAPE,
    "line": _SVG_SHAPE,
    "text": {"x", "y", "fill", "text-anchor"},
}
# The generator's own data-* attributes: filters (data-regio …) and search (data-search-…).
DATA_ATTRIBUTES = frozenset({"data-"})

EMAIL_TAGS = frozenset(
    {
        *("p", "br", "hr", "a", "em", "strong", "b", "i", "code", "pre", "blockquote"),
        *("h1", "h2", "h3", "h4", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th"),
        *("td", "div", "span", "small", "sup", "sub"),
    }
)
EMAIL_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"style", "lang", "dir", "role"},
    "a": {"href"},
    "table": {"width", "cellpadding", "cellspacing", "border", "align"},
    "td": {"width", "align", "valign", "colspan"},
    "th": {"width", "align", "valign", "colspan", "scope"},
}


def sanitize_page(html: str) -> str:
    """The content of a site page (the HTML Markdown made of it), with anything else removed."""
    return nh3.clean(
        html,
        tags=set(PAGE_TAGS),
        attributes=PAGE_ATTRIBUTES,
        generic_attribute_prefixes=set(DATA_ATTRIBUTES),
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_filter,
        link_rel=None,
        strip_comments=True,
    )


def sanitize_email(html: str) -> str:
    """A kennisbrief e-mail's body: inline styles (without anything they could load), links."""
    return nh3.clean(
        html,
        tags=set(EMAIL_TAGS),
        attributes=EMAIL_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_filter,
        link_rel=None,
        strip_comments=True,
    )


def is_local(url: str) -> bool:
    """A URL of the site itself: relative, without scheme or host (not `//host/...`)."""
    parts = urlsplit(url.strip())
    return not parts.scheme and not parts.netloc and not url.strip().startswith("//")


def _filter(element: str, attribute: str, value: str) -> str | None:
    if attribute in _FETCHED and not is_local(value):
        return None
    if attribute == "tabindex" and value.strip() != "0":
        return None  # never out of the reading order, never a focus trap
    if attribute == "style" and _UNSAFE_STYLE.search(value):
        return None
    return value
