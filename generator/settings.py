"""The site's own settings from mkdocs.yml: its address and who publishes it.

`site_url` and `extra.kennisbank` (publisher, contact addresses, the kennisbrief's sign-up and
sign-off, the security contact, the data licence) end up in feeds, e-mails, the open-data
catalogue and security.txt. mkdocs.yml ships with example values, so a local build works out
of the box; `example_values` names every one still left, so that a publishing build can refuse
them (generator/plugin.py) and a local build can warn. Pure: a mapping in, values out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

SECTION = "kennisbank"  # extra.kennisbank in mkdocs.yml
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"

# Hosts reserved for examples and tests (RFC 2606, RFC 6761): never a real address.
_EXAMPLE_HOST = re.compile(
    r"(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org|nl)$", re.IGNORECASE
)


@dataclass(frozen=True)
class SiteSettings:
    site_url: str | None = None
    publisher: str = "Kennisbank Bevolkingszorg"  # who publishes the site and sends the e-mail
    publisher_uri: str | None = None  # the organisation in data.overheid.nl's list (TOOI/OWMS)
    contact_email: str | None = None  # where readers, data users and data.overheid.nl write to
    contact_phone: str | None = None
    security_contact: str | None = None  # security.txt Contact: mailto: or https: URI
    security_expires: date | None = None  # security.txt Expires
    subscribe: str | None = None  # how to sign up for the kennisbrief: mailto: or https: URI
    unsubscribe: str | None = None  # the e-mail's sign-off link, or the mail tool's merge tag
    data_license: str = CC0

    @classmethod
    def from_config(cls, site_url: str | None, extra: Mapping[str, Any] | None) -> SiteSettings:
        found = dict((extra or {}).get(SECTION) or {})
        return cls(
            site_url=site_url or None,
            publisher=_text(found.get("publisher")) or cls.publisher,
            publisher_uri=_text(found.get("publisher_uri")),
            contact_email=_text(found.get("contact_email")),
            contact_phone=_text(found.get("contact_phone")),
            security_contact=_text(found.get("security_contact")),
            security_expires=_date(found.get("security_expires")),
            subscribe=_text(found.get("subscribe")),
            unsubscribe=_text(found.get("unsubscribe")),
            data_license=_text(found.get("data_license")) or CC0,
        )


def example_values(settings: SiteSettings, today: date) -> list[str]:
    """Every setting that still holds an example (or is missing where the public site needs
    it), each as a Dutch sentence naming the setting and what to fill in."""
    problems: list[str] = []
    where = f"extra.{SECTION}"
    # A missing site_url stops every build already (generator/plugin.py, NO_SITE_URL).
    if settings.site_url and is_example(settings.site_url):
        problems.append(f"site_url is een voorbeeldadres ({settings.site_url})")
    addresses = {
        "contact_email": settings.contact_email,
        "security_contact": settings.security_contact,
        "subscribe": settings.subscribe,
        "unsubscribe": settings.unsubscribe,
    }
    for name, value in addresses.items():
        if not value:
            problems.append(f"{where}.{name} ontbreekt")
        elif is_example(value):
            problems.append(f"{where}.{name} is een voorbeeldadres ({value})")
    for name, value in {"publisher_uri": settings.publisher_uri}.items():
        if value and is_example(value):
            problems.append(f"{where}.{name} is een voorbeeldadres ({value})")
    if settings.security_expires is None:
        problems.append(
            f"{where}.security_expires ontbreekt of is geen datum (JJJJ-MM-DD); security.txt "
            "moet een einddatum hebben"
        )
    elif settings.security_expires <= today:
        problems.append(
            f"{where}.security_expires ({settings.security_expires.isoformat()}) is verstreken; "
            "kies een datum binnen een jaar"
        )
    return problems


def is_example(value: str) -> bool:
    """An address on a host reserved for examples: a URL, mailto: URI or e-mail address."""
    parts = urlsplit(value.strip())
    if parts.scheme in ("http", "https"):
        host = parts.hostname or ""
    else:
        address = unquote(parts.path if parts.scheme == "mailto" else value.strip())
        host = address.rpartition("@")[2].split("?")[0]
    return bool(host) and bool(_EXAMPLE_HOST.search(host.rstrip(".")))


def _text(value: object) -> str | None:
    if value is None:
        return None
    shown = str(value).strip()
    return shown or None


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
