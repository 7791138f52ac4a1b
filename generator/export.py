"""`kennisbank export`: the site as a plain Markdown docs tree that any engine builds unaided.

Writes every generated page (the same `pipeline.generate` output the MkDocs plugin adds) and the
hand-written docs/ with its assets into DIR/docs, plus the target engine's configuration:
DIR/mkdocs.yml (MkDocs or ProperDocs) or DIR/zensical.toml (Zensical), both made from the
project's mkdocs.yml without the kennisbank plugin. No engine import here.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import tomli_w
import yaml
from yaml_env_tag import construct_env_tag

from generator import __version__
from generator.diagnostics import Diagnostic
from generator.load import CONTENT_DIR
from generator.pipeline import generate
from generator.render.search import search_records
from generator.render.site import RenderOptions
from generator.search_index import write_index
from generator.settings import SiteSettings
from generator.vocabulary import Edition

Engine = Literal["zensical", "mkdocs"]
ENGINES: tuple[Engine, ...] = get_args(Engine)
CONFIG_FILES: dict[Engine, str] = {"zensical": "zensical.toml", "mkdocs": "mkdocs.yml"}
# Written into every export, so a later export knows it may replace the folder's contents.
MARKER = ".kennisbank-export.json"
DOCS = "docs"
SITE = "site"
PLUGIN = "kennisbank"

_HEADER = (
    "Made by `kennisbank export` from the project's mkdocs.yml and content/; do not edit:\n"
    "edit content/ (or docs/) in the project and export again."
)


@dataclass(frozen=True)
class ExportRequest:
    root: Path  # the project: mkdocs.yml, docs/, content/
    target: Path  # DIR
    engine: Engine = "zensical"
    edition: Edition = "public"
    force: bool = False  # write into a non-empty folder that is no previous export


@dataclass
class ExportReport:
    ok: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Why nothing was written when it is not the content: a usage problem, in Dutch.
    refused: str = ""
    # A problem of the project that is not a content diagnostic (docs/ hides a generated page).
    problem: str = ""
    pages: int = 0  # generated pages written
    config_file: Path | None = None


def export(request: ExportRequest) -> ExportReport:
    """Export the site; never raises for a content or usage problem (see the report)."""
    report = ExportReport()
    config_path = request.root / "mkdocs.yml"
    target = request.target.resolve()
    refused = _refusal(request, target, config_path)
    if refused:
        report.refused = refused
        return report
    config = load_config(config_path)
    docs_dir = (request.root / str(config.get("docs_dir", DOCS))).resolve()
    site_url = config.get("site_url")
    options = RenderOptions(
        site_url=site_url, settings=SiteSettings.from_config(site_url, config.get("extra"))
    )
    site = generate(request.root, request.edition, options)
    report.diagnostics = site.diagnostics
    if site.has_errors:
        return report
    hand_written = _hand_written(docs_dir)
    for path in sorted([*site.output, *site.attachments]):
        if path in hand_written:
            report.problem = (
                f"{DOCS}/{path} bestaat al, maar de kennisbank maakt deze pagina zelf; "
                "verwijder of hernoem het bestand in docs/."
            )
            return report

    _clear_previous(target)
    staging = target / f".{DOCS}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    for relative in hand_written:
        destination = staging / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(docs_dir / relative, destination)
    for path, markdown in site.output.items():
        destination = staging / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(markdown.encode("utf-8"))
    for path, source in site.attachments.items():
        destination = staging / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    # The site's own search: its Pagefind index as static files (the records; the MkDocs
    # plugin adds the hand-written pages too). Its header field is in the theme overrides.
    if site.graph is not None:
        write_index(search_records(site.graph), staging)
    shutil.rmtree(target / DOCS, ignore_errors=True)
    staging.rename(target / DOCS)
    overrides = _custom_dir(config)
    if overrides and (request.root / overrides).is_dir():
        # The theme overrides (feed autodiscovery, the sitemap's dates) go along as they are.
        shutil.copytree(request.root / overrides, target / overrides)

    if site.graph is not None:
        config = with_glossary(config, dict(site.graph.taxonomy.abbreviations))
    config_file = target / CONFIG_FILES[request.engine]
    config_file.write_text(engine_config(config, request.engine), encoding="utf-8")
    marker = {
        "generator": f"kennisbank {__version__}",
        "engine": request.engine,
        "edition": request.edition,
        "config": config_file.name,
        "overrides": overrides or "",
    }
    (target / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    report.ok = True
    report.pages = len(site.output)
    report.config_file = config_file
    return report


def _custom_dir(config: Mapping[str, Any]) -> str:
    """theme.custom_dir of mkdocs.yml: a folder beside it, relative (or nothing)."""
    theme = config.get("theme")
    found = theme.get("custom_dir") if isinstance(theme, Mapping) else None
    if not isinstance(found, str) or not found or Path(found).is_absolute() or ".." in found:
        return ""
    return found


def is_export(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def _refusal(request: ExportRequest, target: Path, config_path: Path) -> str:
    if not config_path.is_file():
        return f"{config_path.as_posix()} bestaat niet; geef met --root de projectmap op."
    if target.exists() and not target.is_dir():
        return f"{request.target.as_posix()} is een bestand, geen map."
    root = request.root.resolve()
    if (
        target == root
        or target.is_relative_to(root / DOCS)
        or target.is_relative_to(root / CONTENT_DIR)
    ):
        return (
            f"{request.target.as_posix()} is de projectmap zelf of ligt in docs/ of content/; "
            "kies een andere map."
        )
    if target.is_dir() and any(target.iterdir()) and not is_export(target) and not request.force:
        return (
            f"{request.target.as_posix()} is niet leeg en is geen eerdere export; "
            "kies een lege map of gebruik --force."
        )
    return ""


def _hand_written(docs_dir: Path) -> set[str]:
    """Every file under docs/ as a posix path, hidden files and folders excepted (as MkDocs)."""
    if not docs_dir.is_dir():
        return set()
    found = set()
    for path in docs_dir.rglob("*"):
        relative = path.relative_to(docs_dir)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found.add(relative.as_posix())
    return found


def _clear_previous(target: Path) -> None:
    """Remove what an earlier export wrote, so deleted records and old configs disappear."""
    target.mkdir(parents=True, exist_ok=True)
    if not is_export(target):
        return
    for name in CONFIG_FILES.values():
        (target / name).unlink(missing_ok=True)
    shutil.rmtree(target / DOCS, ignore_errors=True)
    marker = json.loads((target / MARKER).read_text(encoding="utf-8"))
    overrides = marker.get("overrides")
    if isinstance(overrides, str) and overrides and not Path(overrides).is_absolute():
        shutil.rmtree(target / overrides, ignore_errors=True)


# --- configuration ----------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: plain YAML plus MkDocs' `!ENV` tag, resolved now."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def load_config(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as source:
        loaded = yaml.load(source, Loader=_ConfigLoader)  # a SafeLoader plus !ENV
    return dict(loaded or {})


def _entries(value: Any) -> dict[str, Any]:
    """A plugins or markdown_extensions setting (list or mapping) as {name: options}."""
    if isinstance(value, Mapping):
        return {str(name): dict(options or {}) for name, options in value.items()}
    entries: dict[str, Any] = {}
    for item in value or []:
        if isinstance(item, str):
            entries[item] = {}
        else:
            ((name, options),) = item.items()
            entries[str(name)] = dict(options or {})
    return entries


def export_config(config: Mapping[str, Any], engine: Engine) -> dict[str, Any]:
    """The project's configuration for a plain build of the exported tree."""
    exported = dict(config)
    exported["docs_dir"] = DOCS
    exported["site_dir"] = SITE
    plugins = _entries(config.get("plugins"))
    plugins.pop(PLUGIN, None)
    exported["plugins"] = plugins
    exported["markdown_extensions"] = _entries(config.get("markdown_extensions"))
    if engine == "zensical":
        theme = dict(config.get("theme") or {})
        # Material's look rather than Zensical's new default, so the site stays as it was.
        theme.setdefault("variant", "classic")
        exported["theme"] = theme
        # MkDocs-only settings that Zensical ignores (it checks links on its own).
        exported.pop("validation", None)
    if engine == "mkdocs":
        exported["plugins"] = _as_list(exported["plugins"])
        exported["markdown_extensions"] = _as_list(exported["markdown_extensions"])
    return exported


def with_glossary(config: Mapping[str, Any], glossary: dict[str, str]) -> dict[str, Any]:
    """The taxonomy's abbreviations as the glossary of Python-Markdown's abbr extension, which
    the MkDocs plugin hands over while building: an export has no plugin, so its configuration
    carries them."""
    extensions = _entries(config.get("markdown_extensions"))
    if "abbr" not in extensions or not glossary:
        return dict(config)
    extensions["abbr"] = {**extensions["abbr"], "glossary": glossary}
    return {**config, "markdown_extensions": _as_list(extensions)}


def _as_list(entries: Mapping[str, Any]) -> list[Any]:
    """{name: options} back to MkDocs' usual list form: a bare name when there are no options."""
    return [{name: options} if options else name for name, options in entries.items()]


def engine_config(config: Mapping[str, Any], engine: Engine) -> str:
    """The text of DIR/mkdocs.yml or DIR/zensical.toml."""
    exported = export_config(config, engine)
    comment = "".join(f"# {line}\n" for line in _HEADER.splitlines())
    if engine == "mkdocs":
        return comment + yaml.safe_dump(exported, sort_keys=False, allow_unicode=True, width=100)
    return comment + tomli_w.dumps(_without_none({"project": exported}))


def _without_none(value: Any) -> Any:
    """TOML has no null: a setting left empty in mkdocs.yml is left out."""
    if isinstance(value, Mapping):
        return {str(k): _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_without_none(item) for item in value]
    return value
