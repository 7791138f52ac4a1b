"""A kennisbrief as a standalone e-mail: one HTML file that reads well in any mail client.

Mail clients drop stylesheets, scripts and (by default) images, and the message is read away
from the site: so every style is inline, there are no images or scripts, and every link is
absolute, built from the site's URL. The message passes the sanitiser last.
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
from generator.render.formatting import summary_line
from generator.render.kennisbrief import Issue, intro_markdown, summary_sentence
from generator.render.learning import kennisbrief_part
from generator.render.page import Page, fact_line, plain_summary
from generator.sanitize import sanitize_email

FONT = "font-family:Arial,Helvetica,sans-serif;"
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
    "table": "border-collapse:collapse;margin:0 0 12px;",
    "th": "border:1px solid #9e9e9e;padding:4px 8px;text-align:left;",
    "td": "border:1px solid #9e9e9e;padding:4px 8px;",
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


def kennisbrief_email(graph: Graph, issue: Issue, site_url: str) -> str:
    page = _AbsolutePage(graph, site_url)
    here_path = addresses.kennisbrief_path(issue.quarter)
    here = page.to(here_path)
    parts = [
        f'<p style="margin:0 0 8px;color:#595959;font-size:14px;">'
        f"Kennisbank Bevolkingszorg · {_e(issue.quarter.label)}</p>"
    ]
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
    loop = "\n".join(kennisbrief_part(page, issue.quarter))
    parts.append(markdown.markdown(loop, extensions=["tables"]))
    parts += [
        '<hr style="border:0;border-top:1px solid #c5cae9;margin:24px 0;">',
        f'<p>Lees deze kennisbrief op de site: <a href="{_e(here)}">{_e(here)}</a></p>',
        f'<p>De landelijke stand van de invoering: <a href="{_e(page.to(addresses.PROGRESS))}">'
        "Voortgang van de invoering</a>.</p>",
    ]
    body = sanitize_email(_inline_styles("\n".join(parts)))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(issue.title)}</title>\n</head>\n"
        f'<body style="margin:0;padding:0;background:#f5f5f5;">\n'
        f'<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;{FONT}'
        'font-size:16px;line-height:1.5;color:#1a1a1a;">\n'
        f"{body}\n</div>\n</body>\n</html>\n"
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
    # fact_line and summary_line escape for Markdown; the e-mail wants the plain words.
    facts = _plain(fact_line(page.graph, record))
    summary = _plain(summary_line(plain_summary(page.graph, record), 300))
    line = f'<li><a href="{_e(url)}">{_e(record.title)}</a> ({_e(facts)})'
    if summary:
        line += f"<br>{_e(summary)}"
    return line + "</li>"


def _plain(markdown_text: str) -> str:
    """Undo the Markdown and HTML escaping of a one-line text (`text()` in formatting)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown_text))


def _inline_styles(fragment: str) -> str:
    """Give every known element without a style of its own its inline style."""
    return _OPENING_TAG.sub(lambda m: f'<{m.group(1)} style="{STYLES[m.group(1)]}"', fragment)


def _e(value: str) -> str:
    return html.escape(value, quote=True)
