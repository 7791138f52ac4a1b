"""The MkDocs adapter: check the content, render it, and hand the pages to MkDocs.

All site logic lives in generator.render, which knows nothing of MkDocs; this file is what a
move to another engine replaces. Generated pages live in memory only, never in the repository.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from generator.beheer import SITE_FOLDER, CmsMissing, site_files
from generator.cms import ContentFacts, cms_config, config_yaml
from generator.diagnostics import count
from generator.load import CONTENT_DIR
from generator.material_fixes import fix_material_markup
from generator.offline import offline_copy, zip_site
from generator.pipeline import generate
from generator.render.guide import guide_pages
from generator.render.search import SearchRecord, html_text, page_record, search_records
from generator.render.site import RenderOptions
from generator.render.tables import reachable_tables
from generator.sanitize import sanitize_page
from generator.search_index import SearchIndexError, write_index
from generator.settings import SiteSettings, example_values
from generator.vocabulary import EDITIONS, edition_named

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

# Under "mkdocs." so that MkDocs' strict mode counts our warnings.
log = logging.getLogger("mkdocs.plugins.kennisbank")
# Not under "mkdocs.": a local build shows these warnings but does not stop on them.
advice = logging.getLogger("kennisbank.publiceren")

OFFLINE_DOWNLOAD = "downloads/kennisbank-offline.zip"
NO_SITE_URL = (
    "site_url ontbreekt in mkdocs.yml: zonder het adres van de site kunnen de feeds en de "
    "e-mailversies van de kennisbrieven geen links bevatten en worden ze niet gemaakt. Vul "
    "site_url in, bijvoorbeeld 'site_url: https://kennisbank.example.nl/'."
)
EXAMPLES = (
    "mkdocs.yml bevat nog voorbeeldwaarden die in feeds, e-mails, open data en security.txt "
    "terechtkomen: {found}. "
)
EXAMPLES_PUBLISHING = (
    EXAMPLES + "Een publicerende build (KENNISBANK_PUBLICEREN=true) stopt daarom; vul de echte "
    "adressen in onder site_url en extra.kennisbank in mkdocs.yml."
)
EXAMPLES_LOCAL = EXAMPLES + "Voor een lokale build is dat goed; publiceren kan zo niet."


class KennisbankConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default=CONTENT_DIR)  # relative to mkdocs.yml, or absolute
    edition = c.Choice(EDITIONS, default="public")
    # Where to make the offline copy (set by `kennisbank build`); it is zipped into the site as
    # a download linked from the home page. Empty: no offline copy.
    offline_dir = c.Type(str, default="")
    # The browser editor at /beheer/: Decap CMS's settings for the git host (`backend`,
    # `publish_mode`), and the folder with its page and npm packages (relative to mkdocs.yml).
    # Without settings there is no /beheer/.
    cms = c.Type(dict, default={})
    cms_dir = c.Type(str, default="beheer")
    # A build that is published (CI on main): example addresses in mkdocs.yml stop it.
    publishing = c.Type(bool, default=False)


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
    settings = SiteSettings()

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
        # The menu item marked active for a page outside the menu, while that page renders.
        self._active_section: Page | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps this instance across the rebuilds of one `serve`.
        self.previewing = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """No example address reaches the public: a publishing build stops on one, a local
        build (not the preview, which would repeat it on every change) says what is left."""
        self.settings = SiteSettings.from_config(config.site_url, config.extra)
        found = example_values(self.settings, date.today())
        if found and self.config.publishing:
            raise PluginError(EXAMPLES_PUBLISHING.format(found="; ".join(found)))
        if found and not self.previewing:
            advice.warning(EXAMPLES_LOCAL.format(found="; ".join(found)))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        edition = edition_named(self.config.edition)
        offline = bool(self.config.offline_dir)
        options = RenderOptions(
            offline_download=OFFLINE_DOWNLOAD if offline else None,
            site_url=config.site_url,
            settings=self.settings,
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
            if path.startswith("."):
                # MkDocs leaves out files whose path starts with a dot; .well-known/ is meant.
                generated.inclusion = InclusionLevel.INCLUDED
            files.append(generated)
        for path, source in site.attachments.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"docs/{path} bestaat al, maar zo heet ook een bijlage in content/bijlagen/; "
                    "hernoem een van beide."
                )
            files.append(File.generated(config, path, abs_src_path=str(source)))
        if self.dirty:
            self._previous = dict(site.output)
        if site.graph is not None and "abbr" in config.markdown_extensions:
            # Every page spells out the taxonomy's abbreviations (<abbr title="…">).
            glossary = dict(site.graph.taxonomy.abbreviations)
            config.mdx_configs["abbr"] = {
                **config.mdx_configs.get("abbr", {}),
                "glossary": glossary,
            }
        self._records = search_records(site.graph) if site.graph is not None else []
        # Searched as pages: everything from docs/, and the guide's generated pages.
        self._searched_pages = {f.src_uri for f in files if f.is_documentation_page()}
        self._searched_pages -= set(site.output) - set(guide_pages())
        if offline:
            # A stand-in, so the home page's link is valid; on_post_build writes the archive.
            files.append(File.generated(config, OFFLINE_DOWNLOAD, content=b""))
        if site.graph is not None and self._with_editor(config):
            self._add_editor(files, config, ContentFacts.of(site.graph))
        log.debug("kennisbank: %d bestanden, %d waarschuwingen", len(site.output), warnings)
        return files

    @event_priority(-100)  # last, so whatever another plugin added is sanitised as well
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Every page's content passes the one sanitiser (generator/sanitize.py) before the
        theme and the search index see it."""
        clean = reachable_tables(sanitize_page(html))
        if page.file.src_uri in self._searched_pages and page.file.src_uri != "index.md":
            self._pages[page.file.src_uri] = page_record(
                page.url, page.title or "", html_text(clean)
            )
        return clean

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """A page outside the menu (a record, a theme, a kennisbrief) shows its section as the
        active item of the menu: the section index its front matter names (`section`, written
        by the render step). MkDocs marks only the page being built; this marks one more."""
        section = page.meta.get("section")
        if section and page not in nav.pages:
            for candidate in nav.pages:
                if candidate.file.src_uri == section:
                    candidate.active = True
                    self._active_section = candidate
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """The section marked for this page unmarked again; Material's own invalid markup
        corrected (generator/material_fixes.py)."""
        if self._active_section is not None:
            self._active_section.active = False
            self._active_section = None
        return fix_material_markup(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Material's invalid markup corrected in the theme's static pages, such as 404.html."""
        return fix_material_markup(output_content)

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

    def _with_editor(self, config: MkDocsConfig) -> bool:
        """The browser editor belongs on the published site: not in the preview (local editing
        is `kennisbank cms`); the offline copy leaves its folder out (it needs the git host;
        generator/offline.py)."""
        return bool(self.config.cms) and not self.previewing

    def _add_editor(self, files: Files, config: MkDocsConfig, facts: ContentFacts) -> None:
        try:
            static = site_files(self._root(config) / self.config.cms_dir)
        except CmsMissing as missing:
            # Not a content problem, and a copy of mkdocs.yml elsewhere has no beheer/:
            # `make site` installs it, and tests/test_beheer.py requires it.
            log.info("/beheer/ is niet meegebouwd: %s", missing)
            return
        for path, source in static.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        settings = cms_config(facts, self.config.cms)
        files.append(
            File.generated(config, f"{SITE_FOLDER}/config.yml", content=config_yaml(settings))
        )

    def _root(self, config: MkDocsConfig) -> Path:
        """The project folder: where mkdocs.yml is, and what content_dir is relative to."""
        return Path(config.config_file_path or ".").parent


def _index_quietly(records: Sequence[SearchRecord], site_dir: Path) -> None:
    try:
        write_index(records, site_dir)
    except (SearchIndexError, OSError) as error:
        log.warning("de zoekfunctie van de voorbeeldweergave is niet bijgewerkt: %s", error)
