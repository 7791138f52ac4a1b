"""The browser editor's files (/beheer/ of the site) and local editing (`kennisbank cms`).

The page shell, its script and stylesheet are the project's own (`beheer/` in the repository);
Decap CMS comes from npm (`beheer/package-lock.json`) and is served from the site itself, so the
editor loads nothing from another host. Its configuration is generated (generator/cms.py).

Local editing needs no server of ours: decap-server (npm) reads and writes this checkout, bound
to 127.0.0.1, and a small local web server hands out the same files as the site plus a
configuration that points the editor at that proxy.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cms import ContentFacts, cms_config, config_yaml
from generator.pipeline import check

SITE_FOLDER = "beheer"  # the editor's address on the site: /beheer/
CONFIG = "config.yml"
OWN_FILES = ("index.html", "kennisbank-beheer.js", "kennisbank-beheer.css")
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
DECAP_SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
INSTALL_HINT = "voer eerst `npm ci --prefix beheer` uit (`make site` en `make beheer` doen dat)"


class CmsMissing(RuntimeError):
    """The npm packages of beheer/ are not installed (a Dutch message for the editor)."""


def site_files(cms_dir: Path) -> dict[str, Path]:
    """Every static file of /beheer/ (site path -> source), the configuration aside.

    Decap's bundle loads its chunks from beside itself; source maps stay out (8 MB that
    nobody editing needs), the licence stays in."""
    dist = cms_dir / DECAP_DIST
    if not (dist / "decap-cms.js").is_file():
        raise CmsMissing(f"Decap CMS ontbreekt in {dist.as_posix()}: {INSTALL_HINT}")
    files = {f"{SITE_FOLDER}/{name}": cms_dir / name for name in OWN_FILES}
    for path in sorted(dist.iterdir()):
        bundle = path.name.endswith("decap-cms.js") or path.name.endswith(".decap-cms.js")
        if bundle or path.suffix == ".wasm" or path.name == "decap-cms.js.LICENSE.txt":
            files[f"{SITE_FOLDER}/{path.name}"] = path
    return files


def project_settings(root: Path) -> dict[str, Any]:
    """The editor's settings in mkdocs.yml (the kennisbank plugin's `cms` option)."""
    from generator.export import load_config

    plugins = load_config(root / "mkdocs.yml").get("plugins") or []
    entries = (
        list(plugins.items())
        if isinstance(plugins, Mapping)
        else [(e, {}) if isinstance(e, str) else next(iter(e.items())) for e in plugins]
    )
    options = dict(entries).get("kennisbank") or {}
    return dict(options.get("cms") or {})


def site_config(root: Path) -> str:
    """config.yml as the built site has it: the git host of mkdocs.yml, the public records."""
    graph = check(root, "public").graph
    return config_yaml(cms_config(ContentFacts.of(graph), project_settings(root)))


def local_config(root: Path, proxy_port: int) -> str:
    """config.yml for local editing: every record (drafts too), through decap-server."""
    graph = check(root, "preview").graph
    return config_yaml(cms_config(ContentFacts.of(graph), {}, local_proxy_port=proxy_port))


@dataclass(frozen=True)
class LocalEditor:
    """A running local editor: its page, and the proxy that writes into the checkout."""

    url: str  # http://127.0.0.1:PORT/beheer/
    proxy_url: str


@contextmanager
def local_editor(
    root: Path, cms_dir: Path, *, port: int = 8001, proxy_port: int = 8081
) -> Iterator[LocalEditor]:
    """Run decap-server on `root` and serve /beheer/ on `port`, both on 127.0.0.1 only.

    Port 0 picks a free port (tests)."""
    files = site_files(cms_dir)
    server_script = cms_dir / DECAP_SERVER
    node = shutil.which("node")
    if not server_script.is_file():
        raise CmsMissing(f"decap-server ontbreekt in {cms_dir.as_posix()}: {INSTALL_HINT}")
    if node is None:
        raise CmsMissing("Node.js ontbreekt: installeer Node.js 20 of nieuwer (nodejs.org)")
    proxy_port = proxy_port or _free_port()
    if _in_use(proxy_port):
        # Another decap-server (an earlier `kennisbank cms`?) would serve another checkout.
        raise CmsMissing(
            f"poort {proxy_port} is al in gebruik; stop wat daar draait (een eerdere "
            "`kennisbank cms`?) of kies een andere met --proxy-port"
        )
    env = {
        **os.environ,
        "PORT": str(proxy_port),
        "BIND_HOST": "127.0.0.1",  # never reachable from the network
        "MODE": "fs",  # write the files; the editor commits them (or a pull request does)
        "GIT_REPO_DIRECTORY": str(root.resolve()),
        "LOG_LEVEL": "warn",
    }
    proxy = subprocess.Popen([node, str(server_script)], env=env, cwd=root)
    httpd = None
    try:
        _wait_for_port(proxy_port, proxy)
        handler = functools.partial(_Handler, files=files, root=root, proxy_port=proxy_port)
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        page = f"http://127.0.0.1:{httpd.server_address[1]}/{SITE_FOLDER}/"
        yield LocalEditor(url=page, proxy_url=f"http://127.0.0.1:{proxy_port}/api/v1")
    finally:
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        proxy.terminate()
        try:
            proxy.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proxy.kill()


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves /beheer/: the site's files, and a configuration made fresh for each request
    (a theme added to the taxonomy shows in the form after a reload)."""

    def __init__(
        self, *args: Any, files: Mapping[str, Path], root: Path, proxy_port: int, **kwargs: Any
    ) -> None:
        self.files, self.root, self.proxy_port = files, root, proxy_port
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].lstrip("/")
        if path in ("", SITE_FOLDER):
            self._send(302, b"", "text/plain", location=f"/{SITE_FOLDER}/")
        elif path == f"{SITE_FOLDER}/{CONFIG}":
            body = local_config(self.root, self.proxy_port).encode("utf-8")
            self._send(200, body, "text/yaml; charset=utf-8")
        elif (source := self.files.get(path or f"{SITE_FOLDER}/index.html")) or (
            source := self.files.get(f"{path}index.html")
        ):
            self._send(200, source.read_bytes(), _content_type(source))
        else:
            self._send(404, b"Niet gevonden", "text/plain; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str, location: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _content_type(path: Path) -> str:
    return {
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".wasm": "application/wasm",
        ".txt": "text/plain; charset=utf-8",
    }.get(path.suffix, "application/octet-stream")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CmsMissing(f"decap-server stopte meteen (code {process.returncode})")
        if _in_use(port):
            return
        time.sleep(0.1)
    raise CmsMissing(f"decap-server antwoordt niet op poort {port}")
