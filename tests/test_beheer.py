"""/beheer/ in the built site: the editor's page, the vendored Decap CMS and its generated
configuration; never in the search index, the sitemap or the offline copy.

The editor itself is driven in Chromium by tests/browser/test_beheer.py.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.beheer import CmsMissing, local_editor, project_settings, site_files
from generator.cli import main
from generator.cms import ContentFacts, cms_config, config_yaml
from generator.pipeline import check
from tests.site_support import Built, parse, search_documents

ROOT = Path(__file__).parent.parent
SITE = Path(__file__).parent / "fixtures" / "site"
CMS_DIR = ROOT / "beheer"


@pytest.fixture(scope="module")
def beheer(site_build: Built) -> Path:
    folder = site_build.site / "beheer"
    if not (folder / "decap-cms.js").is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("Decap CMS is missing in CI: make test runs npm ci --prefix beheer")
        pytest.skip("Decap CMS is not installed (npm ci --prefix beheer)")
    return folder


def test_the_site_serves_the_editor_with_its_generated_configuration(beheer: Path) -> None:
    for name in ("index.html", "config.yml", "decap-cms.js", "kennisbank-beheer.js"):
        assert (beheer / name).is_file(), name
    graph = check(SITE, "public").graph
    expected = config_yaml(cms_config(ContentFacts.of(graph), project_settings(ROOT)))
    assert (beheer / "config.yml").read_text(encoding="utf-8") == expected
    assert yaml.safe_load(expected)["backend"]["repo"]


def test_the_editor_ships_decap_from_npm_and_nothing_more(beheer: Path) -> None:
    shipped = {p.name for p in beheer.iterdir()}
    assert shipped == {Path(p).name for p in site_files(CMS_DIR)} | {"config.yml"}
    assert not any(name.endswith(".map") for name in shipped)
    assert "decap-cms.js.LICENSE.txt" in shipped  # the licences of what we redistribute


def test_the_editor_page_loads_only_its_own_files(beheer: Path) -> None:
    page = parse(beheer / "index.html")
    assert page.lang == "nl"
    for url in page.fetched:
        assert not urlsplit(url).netloc and not url.startswith("/"), url
    html = (beheer / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "<script>" not in html  # no inline script: a Content-Security-Policy of 'self' holds


def test_the_editor_is_not_in_search_sitemap_or_offline_copy(
    site_build: Built, beheer: Path
) -> None:
    locations = [document["location"] for document in search_documents(site_build.site)]
    assert not [loc for loc in locations if loc.startswith("beheer")]
    sitemap = (site_build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/beheer/" not in sitemap
    assert (
        "/beheer/"
        not in gzip.decompress((site_build.site / "sitemap.xml.gz").read_bytes()).decode()
    )
    assert not (site_build.offline / "beheer").exists()
    with zipfile.ZipFile(site_build.site / "downloads/kennisbank-offline.zip") as archive:
        assert not [name for name in archive.namelist() if "/beheer/" in name]


def test_the_configuration_of_the_public_site_offers_only_public_records(
    site_build: Built, beheer: Path
) -> None:
    # The form's lists come from the git host after signing in; the configuration itself only
    # names quarters of published kennisbrieven, never a draft's.
    config = yaml.safe_load((beheer / "config.yml").read_text(encoding="utf-8"))
    quarters = next(c for c in config["collections"] if c["name"] == "kennisbrieven")["files"]
    public = ContentFacts.of(check(SITE, "public").graph)
    assert [f["name"] for f in quarters] == [q.slug for q in sorted(public.quarters, reverse=True)]


def test_local_editing_needs_the_npm_packages(tmp_path: Path) -> None:
    with pytest.raises(CmsMissing, match="npm ci --prefix beheer"):
        site_files(tmp_path)
    with pytest.raises(CmsMissing), local_editor(SITE, tmp_path, port=0, proxy_port=0):
        pass


def test_kennisbank_cms_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").mkdir()
    assert main(["--root", str(tmp_path), "cms", "--no-preview"]) == 1
    assert "npm ci --prefix beheer" in capsys.readouterr().err


def require_cms() -> None:
    try:
        site_files(CMS_DIR)
    except CmsMissing:
        if os.environ.get("CI") == "true":
            pytest.fail("Decap CMS is missing in CI: make test runs npm ci --prefix beheer")
        pytest.skip("Decap CMS is not installed (npm ci --prefix beheer)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_proxy_port_in_use_is_refused_not_shared(tmp_path: Path) -> None:
    # An earlier `kennisbank cms` may still serve another checkout on that port.
    require_cms()
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with (
            pytest.raises(CmsMissing, match="al in gebruik"),
            local_editor(SITE, CMS_DIR, port=0, proxy_port=port),
        ):
            pass


def test_kennisbank_cms_runs_until_stopped_and_stops_decap_server(tmp_path: Path) -> None:
    """The real command: it serves the editor, and a plain `kill` ends decap-server too."""
    require_cms()
    shutil.copytree(SITE / "content", tmp_path / "content")
    port, proxy_port = free_port(), free_port()
    command = [
        sys.executable,
        "-m",
        "generator",
        "--root",
        str(tmp_path),
        "cms",
        "--no-preview",
        "--port",
        str(port),
        "--proxy-port",
        str(proxy_port),
        "--cms-dir",
        str(CMS_DIR),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/beheer/" in first, first
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/beheer/config.yml") as response:
            config = yaml.safe_load(response.read())
        assert config["local_backend"]["url"] == f"http://127.0.0.1:{proxy_port}/api/v1"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", proxy_port)) != 0, "decap-server still runs"
