"""`/.well-known/security.txt` (RFC 9116): where to report a vulnerability, from mkdocs.yml.

Dutch government sites must have one (Forum Standaardisatie, "Pas toe of leg uit"). Contact
and Expires are required; Canonical says where the file belongs, so a copy elsewhere is known
as one. Made only when the site's address, a contact and an expiry date are configured.
"""

from __future__ import annotations

from generator.render import addresses
from generator.settings import SiteSettings


def security_txt(settings: SiteSettings, site_url: str) -> str | None:
    contact, expires = settings.security_contact, settings.security_expires
    if not contact or expires is None:
        return None
    if "@" in contact and not contact.startswith(("mailto:", "https:", "http:")):
        contact = f"mailto:{contact}"
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.isoformat()}T00:00:00Z",
        "Preferred-Languages: nl, en",
        f"Canonical: {addresses.absolute(site_url, addresses.SECURITY_TXT)}",
    ]
    return "\n".join(lines) + "\n"
