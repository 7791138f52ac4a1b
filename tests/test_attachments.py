"""Attachments: published with the pages that link to them, and only in their edition."""

from __future__ import annotations

from tests.site_support import FIXTURES, Built, broken_links

ATTACHMENTS = FIXTURES / "site" / "content" / "bijlagen"


def test_an_attachment_a_public_page_links_to_is_published_as_it_is(site_build: Built) -> None:
    for name in ("verslag-sessie-midden.pdf", "kaart-regio.png"):
        published = site_build.site / "bijlagen" / name
        assert published.read_bytes() == (ATTACHMENTS / name).read_bytes()
    page = (site_build.site / "sessies/sessie-midden/index.html").read_text(encoding="utf-8")
    assert 'href="../../bijlagen/verslag-sessie-midden.pdf"' in page
    assert 'src="../../bijlagen/kaart-regio.png"' in page
    assert broken_links(site_build.site) == []


def test_an_attachment_only_an_internal_record_links_to_stays_internal(
    site_build: Built, internal_build: Built
) -> None:
    assert not (site_build.site / "bijlagen/intern-overzicht.pdf").exists()
    assert (internal_build.site / "bijlagen/intern-overzicht.pdf").is_file()


def test_the_offline_copy_holds_the_attachments(site_build: Built) -> None:
    assert (site_build.offline / "bijlagen/verslag-sessie-midden.pdf").is_file()


def test_the_email_links_to_an_attachment_by_its_full_address(site_build: Built) -> None:
    email = (site_build.site / "kennisbrief/2016-q1/e-mail.html").read_text(encoding="utf-8")
    assert "/bijlagen/verslag-sessie-midden.pdf" in email
    assert 'href="../' not in email
