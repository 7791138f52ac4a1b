"""A kennisbrief as a standalone e-mail: one HTML file that reads well in any mail client.

Mail clients drop stylesheets, scripts and (by default) images, and the message is read away
from the site: so every style is inline, there are no images or scripts, and every link is
absolute, built from the site's URL. The layout is tables (Outlook for Windows), the sender,
the reason for receiving it and the sign-off link come from mkdocs.yml (generator/settings.py).
The whole body passes the e-mail sanitiser last.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.model import Graph, Key
from generator.render import addresses
from generator.render.formatting import dutch_date, teaser
from generator.render.kennisbrief import Issue, intro_markdown, issue_summary, summary_sentence
from generator.render.learning import kennisbrief_part
from generator.render.page import Page, plain_summary
from generator.sanitize import sanitize_email
from generator.settings import SiteSettings

FONT = "font-family:Arial,Helvetica,sans-serif;"
WIDTH = 640  # the column's width in pixels, the usual width of a mail client's reading pane
BACKGROUND = "#f5f5f5"
TEXT = "#1a1a1a"
MUTED = "#595959"
ACCENT = "#1a237e"
LINK = f"color:{ACCENT};text-decoration:underline;"
# The fixed-width table only Outlook for Windows reads (conditional comments, see _layout).
OUTLOOK_OPEN = (
    f'<!--[if mso]><table role="presentation" width="{WIDTH}" align="center" cellpadding="0" '
    'cellspacing="0" border="0"><tr><td><![endif]-->'
)
OUTLOOK_CLOSE = "<!--[if mso]></td></tr></table><![endif]-->"
STYLES: dict[str, str] = {
    "h1": "font-size:24px;line-height:1.3;margin:0 0 16px;color:#1a237e;",
    "h2": "font-size:20px;line-height:1.3;margin:24px 0 8px;color:#1a237e;",
    "h3": "font-size:17px;line-height:1.3;margin:20px 0 8px;color:#1a1a1a;",
    "h4": "font-size:16px;margin:16px 0 8px;color:#1a1a1a;",
    "p": "margin:0 0 12px;",
    "ul": "margin:0 0 12px;padding-left:20px;",
    "ol": "margin:0 0 12px;padding-left:20px;",
    "li": "margin:0 0 8px;",
    "a": "color:#1a237e;text-decoration:underline;",
    "blockquote": "margin:0 0 12px;padding-left:12px;border-left:3px solid #9fa8da;",
    "code": "font-family:Consolas,monospace;",
    "table": "border-collapse:collapse;margin:0 0 12px;width:100%;font-size:14px;",
    "th": "border:1px solid #9e9e9e;padding:4px;text-align:left;",
    "td": "border:1px solid #9e9e9e;padding:4px;",
}
# An opening tag that has no style yet (the few written here with their own style keep it).
_OPENING_TAG = re.compile(r"<({})(?=[\s>])(?![^>]*\sstyle=)".format("|".join(STYLES)))
INTERNAL_NOTICE = (
    "Interne uitgave: deel deze kennisbrief niet buiten de veiligheidsregio's en gemeenten."
)


class _AbsolutePage(Page):
    """A page whose links are absolute URLs: a mail client has no site to be relative to."""

    def __init__(self, graph: Graph, site_url: str) -> None:
        super().__init__(graph, "")
        self.site_url = site_url

    def to(self, target: str) -> str:
        return addresses.absolute(self.site_url, target)


def kennisbrief_email(
    graph: Graph, issue: Issue, site_url: str, settings: SiteSettings | None = None
) -> str:
    settings = settings or SiteSettings()
    page = _AbsolutePage(graph, site_url)
    here_path = addresses.kennisbrief_path(issue.quarter)
    here = page.to(here_path)
    parts = []
    if graph.edition != "public":
        parts.append(
            '<p style="margin:0 0 12px;padding:8px;border:2px solid #6d4c00;color:#6d4c00;">'
            f"<strong>{_e(INTERNAL_NOTICE)}</strong></p>"
        )
    parts.append(f"<h1>{_e(issue.title)}</h1>")
    intro = intro_markdown(page, issue)
    if intro:
        # Links in the introduction are relative to its page (`../bijlagen/x.pdf`); a mail
        # client has no page to be relative to.
        base = addresses.absolute(site_url, posixpath.dirname(here_path) + "/")
        converter = markdown.Markdown(extensions=["tables", _AbsoluteLinks(base)])
        parts.append(converter.convert(intro))
    parts += ["<h2>Nieuw in dit kwartaal</h2>", f"<p>{_e(summary_sentence(issue))}</p>"]
    for record_type, keys in issue.records.items():
        parts.append(f"<h3>{_e(record_type.plural)} ({len(keys)})</h3>")
        parts.append("<ul>" + "".join(_item(page, key) for key in keys) + "</ul>")
    # The learning loop (render/learning.py): the same Markdown as on the kennisbrief's page.
    loop = "\n".join(kennisbrief_part(page, issue.quarter, compact=True))
    parts.append(markdown.markdown(loop, extensions=["tables"]))
    parts += [
        f'<p>Lees deze kennisbrief op de site: <a href="{_e(here)}">{_e(here)}</a></p>',
        f'<p>De landelijke stand van de invoering: <a href="{_e(page.to(addresses.PROGRESS))}">'
        "Voortgang van de invoering</a>.</p>",
    ]
    body = sanitize_email(_inline_styles("\n".join(parts)))
    header = sanitize_email(_header(issue, settings))
    footer = sanitize_email(_footer(page, settings))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # A file to send, not a page to find: the kennisbrief's own page is the one to index.
        '<meta name="robots" content="noindex">\n'
        f'<meta name="description" content="{_e(issue_summary(page.graph, issue))}">\n'
        f"<title>{_e(issue.title)}</title>\n</head>\n"
        f'<body style="margin:0;padding:0;background:{BACKGROUND};">\n'
        # One landmark around it all: opened as a page (the site links it), it has a main part
        # (a div with the role, as e-mail clients keep a div but not every one keeps <main>).
        f'<div role="main">{_layout(header, body, footer)}</div>\n'
        "</body>\n</html>\n"
    )


def _layout(header: str, body: str, footer: str) -> str:
    """A centred column of at most 640 pixels in nested tables.

    Outlook for Windows lays out with Word, which knows table widths but no max-width: the
    column is a fluid table (100%, at most 640 px) for every other client, and a fixed
    640-pixel table around it that only Outlook sees ("ghost table" in conditional comments).
    Those comments are this module's own markup, added after the sanitiser, which removes
    every comment from what it cleans; the three parts passed in have been through it."""
    cell = f"padding:24px;{FONT}font-size:16px;line-height:1.5;color:{TEXT};"
    return (
        f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        f'style="width:100%;background:{BACKGROUND};">'
        '<tbody><tr><td align="center" style="padding:16px 8px;">\n'
        f"{OUTLOOK_OPEN}\n"
        f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        f'align="center" style="width:100%;max-width:{WIDTH}px;background:#ffffff;">'
        f'<tbody><tr><td style="padding:16px 24px;border-bottom:4px solid {ACCENT};{FONT}'
        f'font-size:14px;line-height:1.4;color:{MUTED};">{header}</td></tr>'
        f'<tr><td style="{cell}">{body}</td></tr>'
        f'<tr><td style="padding:16px 24px;border-top:1px solid #c5cae9;{FONT}font-size:13px;'
        f'line-height:1.5;color:{MUTED};">{footer}</td></tr>'
        "</tbody></table>\n"
        f"{OUTLOOK_CLOSE}\n"
        "</td></tr></tbody></table>"
    )


def _header(issue: Issue, settings: SiteSettings) -> str:
    return (
        f'<strong style="color:{ACCENT};">Kennisbank Bevolkingszorg</strong> · '
        f"{_e(issue.quarter.label)}<br>Van: {_e(settings.publisher)}"
    )


def _footer(page: _AbsolutePage, settings: SiteSettings) -> str:
    """Who sends it, why the reader gets it, and how to stop getting it."""
    sender = _e(settings.publisher)
    if settings.contact_email:
        address = settings.contact_email.removeprefix("mailto:")
        sender += f' (<a href="mailto:{_e(address)}" style="{LINK}">{_e(address)}</a>)'
    # The sender fills the sign-off link in from mkdocs.yml: its mail tool's merge tag or
    # an address; without one, the subscription page explains how to sign off.
    unsubscribe = settings.unsubscribe or page.to(addresses.SUBSCRIBE) + "#afmelden"
    subscribe = page.to(addresses.SUBSCRIBE)
    return (
        f'<p style="margin:0 0 8px;">Deze kennisbrief wordt verstuurd door {sender}.</p>'
        '<p style="margin:0 0 8px;">U ontvangt deze e-mail omdat u zich hebt aangemeld voor de '
        "kennisbrief van de Kennisbank Bevolkingszorg. "
        f'Is hij doorgestuurd? <a href="{_e(subscribe)}" style="{LINK}">Meld u zelf aan</a>.</p>'
        '<p style="margin:0;">Wilt u hem niet meer ontvangen? '
        f'<a href="{_e(unsubscribe)}" style="{LINK}">Meld u af</a>.</p>'
    )


class _AbsoluteLinks(Extension):
    """Python-Markdown: every relative link made absolute against `base`."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Absolute(md, self.base), "absolute_links", 0)


class _Absolute(Treeprocessor):
    def __init__(self, md: markdown.Markdown, base: str) -> None:
        super().__init__(md)
        self.base = base

    def run(self, root: Element) -> None:
        for element in root.iter("a"):
            href = element.get("href")
            if href and not urlsplit(href).scheme and not href.startswith(("#", "//")):
                element.set("href", urljoin(self.base, href))


def _item(page: Page, key: Key) -> str:
    record = page.graph.records[key]
    url = page.to(addresses.page_path(key))
    when = page.graph.dates.get(key)
    facts = key.type.singular.lower() + (f", {dutch_date(when)}" if when else "")
    summary = teaser(plain_summary(page.graph, record) or "", 300)
    line = f'<li><a href="{_e(url)}">{_e(record.title)}</a> ({_e(facts)})'
    if summary:
        line += f"<br>{_e(summary)}"
    return line + "</li>"


def _inline_styles(fragment: str) -> str:
    """Give every known element without a style of its own its inline style."""
    return _OPENING_TAG.sub(lambda m: f'<{m.group(1)} style="{STYLES[m.group(1)]}"', fragment)


def _e(value: str) -> str:
    return html.escape(value, quote=True)
