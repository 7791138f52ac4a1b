"""No placeholder reaches the public: example addresses in mkdocs.yml stop a publishing build
(KENNISBANK_PUBLICEREN=true, set by .github/workflows/publiceren.yml) with a message in Dutch;
a local build says which they are and goes on."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.cli import main
from generator.export import load_config
from generator.settings import SiteSettings, example_values, is_example
from tests.site_support import FIXTURES, ROOT, copy_setup, publishable

TODAY = date(2026, 11, 1)


def _project(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(FIXTURES / "site" / "content", tmp_path / "content")
    return copy_setup(tmp_path, link=True)


@pytest.mark.parametrize(
    ("value", "example"),
    [
        ("https://kennisbank-bevolkingszorg.example/", True),
        ("mailto:security@kennisbank-bevolkingszorg.example", True),
        ("kennisbank@example.com", True),
        ("mailto:a@b.example.nl?subject=Afmelden", True),
        ("https://www.example.org/kennisbank/", True),
        ("http://localhost:8000/", True),
        ("https://kennisbank.test/", True),
        ("https://www.kennisbankbevolkingszorg.nl/", False),
        ("mailto:kennisbrief@ifv.nl?subject=Afmelden", False),
        ("*|UNSUB|*", False),  # a mail tool's merge tag
        ("https://example.nl.gov.nl/", False),  # only the reserved names themselves
    ],
)
def test_what_counts_as_an_example_address(value: str, example: bool) -> None:
    assert is_example(value) is example


def test_the_repositorys_mkdocs_yml_holds_example_values_and_names_each() -> None:
    config = load_config(ROOT / "mkdocs.yml")
    settings = SiteSettings.from_config(config["site_url"], config["extra"])
    found = example_values(settings, TODAY)
    assert [problem.split(" ", 1)[0] for problem in found] == [
        "site_url",
        "extra.kennisbank.contact_email",
        "extra.kennisbank.security_contact",
        "extra.kennisbank.subscribe",
        "extra.kennisbank.unsubscribe",
    ]
    assert found[0] == "site_url is een voorbeeldadres (https://kennisbank-bevolkingszorg.example/)"


def test_real_values_pass_and_an_expired_security_txt_does_not(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_bytes((ROOT / "mkdocs.yml").read_bytes())
    loaded = load_config(publishable(config))
    settings = SiteSettings.from_config(loaded["site_url"], loaded["extra"])
    assert example_values(settings, date.today()) == []
    assert settings.security_expires is not None
    later = settings.security_expires + timedelta(days=1)
    assert example_values(settings, later) == [
        f"extra.kennisbank.security_expires ({settings.security_expires.isoformat()}) is "
        "verstreken; kies een datum binnen een jaar"
    ]


def test_a_publishing_build_stops_on_example_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    monkeypatch.setenv("KENNISBANK_PUBLICEREN", "true")
    assert main(["--root", str(project), "build", "--no-offline"]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml bevat nog voorbeeldwaarden" in err
    assert "site_url is een voorbeeldadres (https://kennisbank-bevolkingszorg.example/)" in err
    assert "Een publicerende build (KENNISBANK_PUBLICEREN=true) stopt daarom" in err
    assert not (project / "site" / "index.html").exists()


def test_a_local_build_warns_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    monkeypatch.delenv("KENNISBANK_PUBLICEREN", raising=False)
    assert main(["--root", str(project), "build", "--no-offline"]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("waarschuwing: mkdocs.yml bevat nog voorbeeldwaarden")
    assert "Voor een lokale build is dat goed; publiceren kan zo niet." in err
    assert "De site staat in" in out


def test_a_publishing_build_with_real_values_is_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    publishable(project / "mkdocs.yml")
    monkeypatch.setenv("KENNISBANK_PUBLICEREN", "true")
    assert main(["--root", str(project), "build", "--no-offline"]) == 0
    assert capsys.readouterr().err == ""
    security = (project / "site/.well-known/security.txt").read_text("utf-8")
    assert "Contact: mailto:security@kennisbankbevolkingszorg.nl" in security
