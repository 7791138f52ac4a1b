"""The MkDocs adapter: check the content, render it, and hand the pages to MkDocs.

All site logic lives in generator.render, which knows nothing of MkDocs; this file is what a
move to another engine replaces. Generated pages live in memory only, never in the repository.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from generator.diagnostics import count
from generator.load import CONTENT_DIR
from generator.offline import offline_copy, zip_site
from generator.pipeline import generate
from generator.render.guide import guide_pages
from generator.render.search import SearchRecord, html_text, page_record
from generator.render.site import RenderOptions
from generator.sanitize import sanitize_page
from generator.search_index import SearchIndexError, write_index
from generator.vocabulary import EDITIONS, edition_named

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Under "mkdocs." so that MkDocs' strict mode counts our warnings.
log = logging.getLogger("mkdocs.plugins.kennisbank")

OFFLINE_DOWNLOAD = "downloads/kennisbank-offline.zip"
# Material's header with the site's own search field (partials/header.html), before the theme.
THEME_DIR = Path(__file__).parent / "theme"
NO_SITE_URL = (
    "site_url ontbreekt in mkdocs.yml: zonder het adres van de site kunnen de feeds en de "
    "e-mailversies van de kennisbrieven geen links bevatten en worden ze niet gemaakt. Vul "
    "site_url in, bijvoorbeeld 'site_url: https://kennisbank.example.nl/'."
)


class KennisbankConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default=CONTENT_DIR)  # relative to mkdocs.yml, or absolute
    edition = c.Choice(EDITIONS, default="public")
    # Where to make the offline copy (set by `kennisbank build`); it is zipped into the site as
    # a download linked from the home page. Empty: no offline copy.
    offline_dir = c.Type(str, default="")


class _GeneratedFile(File):
    """A generated file that knows whether it differs from the previous build's.

    MkDocs takes every generated file as modified; in a dirty rebuild (the live preview) only
    the pages whose Markdown changed need rendering again."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class KennisbankPlugin(BasePlugin[KennisbankConfig]):  # type: ignore[no-untyped-call]
    # While previewing, content problems are shown on the pages instead of stopping the build,
    # so an editor sees them in the browser and they clear when the file is fixed.
    previewing = False
    # `kennisbank serve` rebuilds dirty: only pages whose generated Markdown changed.
    dirty = False

    def __init__(self) -> None:
        super().__init__()
        self._previous: dict[str, str] = {}
        self._records: list[SearchRecord] = []
        self._searched_pages: set[str] = set()
        # Pages that are not records (the hand-written pages, the guide), by source path: kept
        # across the preview's dirty rebuilds, which only see the pages they render.
        self._pages: dict[str, SearchRecord] = {}
        self._indexing = threading.Thread()
        self._indexing.start()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps this instance across the rebuilds of one `serve`.
        self.previewing = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(THEME_DIR))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        edition = edition_named(self.config.edition)
        offline = bool(self.config.offline_dir)
        options = RenderOptions(
            offline_download=OFFLINE_DOWNLOAD if offline else None, site_url=config.site_url
        )
        if not config.site_url:
            log.warning(NO_SITE_URL)
        site = generate(
            self._root(config),
            edition,
            options,
            content_dir=self.config.content_dir,
            show_problems=self.previewing,
        )
        for diagnostic in site.diagnostics:
            if diagnostic.is_error:
                log.error(diagnostic.as_text())
            else:
                log.warning(diagnostic.as_text())
        errors, warnings = count(site.diagnostics)
        if errors and not self.previewing:
            raise PluginError(
                f"De site is niet gebouwd: {errors} "
                f"{'fout' if errors == 1 else 'fouten'} in de inhoud (zie hierboven). "
                "Herstel ze en bouw opnieuw; `kennisbank check` toont ze ook."
            )
        for path, markdown in site.output.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"docs/{path} bestaat al, maar de kennisbank maakt deze pagina zelf; "
                    "verwijder of hernoem het bestand in docs/."
                )
            generated = cast(
                _GeneratedFile, _GeneratedFile.generated(config, path, content=markdown)
            )
            generated.changed = not self.dirty or self._previous.get(path) != markdown
            files.append(generated)
        if self.dirty:
            self._previous = dict(site.output)
        self._records = site.search
        # Searched as pages: everything from docs/, and the guide's generated pages.
        self._searched_pages = {f.src_uri for f in files if f.is_documentation_page()}
        self._searched_pages -= set(site.output) - set(guide_pages())
        if offline:
            # A stand-in, so the home page's link is valid; on_post_build writes the archive.
            files.append(File.generated(config, OFFLINE_DOWNLOAD, content=b""))
        log.debug("kennisbank: %d bestanden, %d waarschuwingen", len(site.output), warnings)
        return files

    @event_priority(-100)  # last, so whatever another plugin added is sanitised as well
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Every page's content passes the one sanitiser (generator/sanitize.py) before the
        theme and the search index see it."""
        clean = sanitize_page(html)
        if page.file.src_uri in self._searched_pages and page.file.src_uri != "index.md":
            self._pages[page.file.src_uri] = page_record(
                page.url, page.title or "", html_text(clean)
            )
        return clean

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The search index (Pagefind) of every record and page, then the offline copy."""
        site_dir = Path(config.site_dir)
        records = [*self._records, *self._pages.values()]
        if self.previewing:
            # The preview serves the rebuilt page at once; its search follows a moment later.
            self._indexing.join()
            self._indexing = threading.Thread(
                target=_index_quietly, args=(records, site_dir), daemon=True
            )
            self._indexing.start()
            return
        try:
            write_index(records, site_dir)
        except SearchIndexError as error:
            raise PluginError(f"De zoekindex is niet gemaakt: {error}") from error
        if self.config.offline_dir:
            copy = offline_copy(site_dir, Path(self.config.offline_dir), records, config.site_url)
            zip_site(copy, site_dir / OFFLINE_DOWNLOAD)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str((self._root(config) / self.config.content_dir).resolve()))
        return server

    def _root(self, config: MkDocsConfig) -> Path:
        """The project folder: where mkdocs.yml is, and what content_dir is relative to."""
        return Path(config.config_file_path or ".").parent


def _index_quietly(records: Sequence[SearchRecord], site_dir: Path) -> None:
    try:
        write_index(records, site_dir)
    except (SearchIndexError, OSError) as error:
        log.warning("de zoekfunctie van de voorbeeldweergave is niet bijgewerkt: %s", error)
