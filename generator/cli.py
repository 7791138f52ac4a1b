"""The `kennisbank` command: a thin adapter over the pipeline and the site build.

Content problems are printed, never raised: `path:line:column: fout|waarschuwing: bericht`.
Exit codes: 0 clean, 1 errors or warnings (as the build judges: a warning the file acknowledges
does not count), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from pydantic import BaseModel

from generator import __version__
from generator.diagnostics import Diagnostic, summary
from generator.dutch_argparse import DutchArgumentParser, arguments, options
from generator.export import ENGINES
from generator.pipeline import check
from generator.scaffold import record_id, scaffold
from generator.schema import KennisbriefIntro, Taxonomy, json_schema
from generator.types import REGISTRY, by_alias
from generator.vocabulary import Edition

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130


def cmd_check(args: argparse.Namespace) -> int:
    edition: Edition = "internal" if args.internal else "public"
    checked = check(Path(args.root), edition)
    report(checked.diagnostics)
    print(summary(checked.diagnostics, checked.files, checked.acknowledged))
    return EXIT_PROBLEMS if checked.diagnostics else EXIT_OK


def report(diagnostics: Sequence[Diagnostic]) -> None:
    """Print every diagnostic, plus GitHub annotations when running in GitHub Actions."""
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in diagnostics:
        print(diagnostic.as_text())
        if github:
            print(diagnostic.as_github())


def cmd_build(args: argparse.Namespace) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from generator.build import BuildRequest, build

    root = Path(args.root)
    edition: Edition = "internal" if args.internal else "public"
    # The internal edition never lands where the public one is published from by default.
    default_dir = "site-intern" if args.internal else "site"
    site_dir = Path(args.site_dir) if args.site_dir else root / default_dir
    request = BuildRequest(
        config_file=root / "mkdocs.yml",
        site_dir=site_dir,
        edition=edition,
        offline=not args.no_offline,
        work_dir=root / "build" / edition,
    )
    with _print_build_log():
        result = build(request)
    if not result.ok:
        print(
            "De build is afgebroken: herstel de meldingen hierboven en bouw opnieuw "
            "(in de build telt elke waarschuwing als fout).",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"De site staat in {site_dir.as_posix()}/.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # mkdocs.yml reads the edition from this variable, so `serve` can set it before loading.
    os.environ["KENNISBANK_EDITION"] = "preview" if args.drafts else "public"
    from mkdocs.commands.serve import serve

    print(f"De site draait op http://{args.dev_addr}/ en ververst bij elke wijziging.")
    print("Stop met Ctrl+C.")
    with _print_build_log():
        # Not strict: content problems show on the pages while the editor fixes them. Dirty:
        # after a change only the pages whose Markdown changed are rendered again (the plugin
        # knows which), so the preview stays quick with thousands of records.
        serve(
            config_file=str(Path(args.root) / "mkdocs.yml"),
            dev_addr=args.dev_addr,
            strict=False,
            build_type="dirty",
        )
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    target = Path(args.directory)
    target.mkdir(parents=True, exist_ok=True)
    models: dict[str, type[BaseModel]] = {"taxonomy": Taxonomy, "kennisbrieven": KennisbriefIntro}
    models.update({record_type.name: record_type.schema for record_type in REGISTRY})
    for name, model in models.items():
        schema = json_schema(model)
        path = target / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(path.as_posix())
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    record_type = by_alias(args.type)
    if record_type is None:
        names = ", ".join(sorted({n for t in REGISTRY for n in (t.name, *t.aliases)}))
        print(f"kennisbank new: onbekend type '{args.type}'; kies uit: {names}", file=sys.stderr)
        return EXIT_USAGE
    folder = Path(args.root) / "content" / record_type.name
    ident = record_id(args.title)
    existing = [p for p in (folder / f"{ident}.md", folder / f"{ident}.yml") if p.exists()]
    if existing:
        print(
            f"kennisbank new: {existing[0].as_posix()} bestaat al; kies een andere titel of "
            "bewerk dat bestand",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{ident}.md"
    path.write_text(scaffold(record_type, args.title), encoding="utf-8")
    print(path.as_posix())
    return EXIT_OK


def cmd_cms_config(args: argparse.Namespace) -> int:
    from generator.beheer import local_config, site_config

    root = Path(args.root)
    text = local_config(root, args.local) if args.local else site_config(root)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(Path(args.output).as_posix())
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_cms(args: argparse.Namespace) -> int:
    from generator.beheer import CmsMissing, local_editor

    root = Path(args.root)
    # A plain `kill` ends this command like Ctrl+C does, so decap-server is stopped with it.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(EXIT_OK))
    try:
        with local_editor(
            root, root / args.cms_dir, port=args.port, proxy_port=args.proxy_port
        ) as editor:
            print(f"De beheeromgeving draait op {editor.url}")
            print("Wat u daar opslaat, komt direct in content/ van deze map.")
            if args.no_preview:
                print("Stop met Ctrl+C.")
                threading.Event().wait()
            else:
                args.drafts = True
                cmd_serve(args)
    except CmsMissing as missing:
        print(f"kennisbank cms: {missing}", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as error:  # a port in use
        print(f"kennisbank cms: {error.strerror or error}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from generator.export import ExportRequest, export

    edition: Edition = "internal" if args.internal else "public"
    request = ExportRequest(
        root=Path(args.root),
        target=Path(args.directory),
        engine=args.engine,
        edition=edition,
        force=args.force,
    )
    result = export(request)
    report(result.diagnostics)
    if result.refused:
        print(f"kennisbank export: {result.refused}", file=sys.stderr)
        return EXIT_USAGE
    if result.problem:
        print(f"kennisbank export: {result.problem}", file=sys.stderr)
    if not result.ok:
        print(
            "De export is afgebroken: herstel de fout(en) hierboven en exporteer opnieuw.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    assert result.config_file is not None
    command = "zensical build" if args.engine == "zensical" else "properdocs build"
    print(
        f"{result.pages} pagina's en docs/ staan in {Path(args.directory).as_posix()}/docs; "
        f"bouw de site daar met `{command}` ({result.config_file.name})."
    )
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="kennisbank",
        description="Kennisbank Bevolkingszorg: controleer de inhoud en bouw de site.",
    )
    general = options(parser)
    general.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="toon het versienummer en stop",
    )
    general.add_argument(
        "--root", default=".", help="projectmap met content/ en mkdocs.yml (standaard: hier)"
    )
    commands = parser.add_subparsers(
        title="opdrachten", dest="command", required=True, metavar="opdracht"
    )

    check_parser = commands.add_parser("check", help="controleer alle inhoud en meld elk probleem")
    check_options = options(check_parser)
    check_options.add_argument(
        "--internal", action="store_true", help="controleer de interne uitgave"
    )
    check_parser.set_defaults(handler=cmd_check)

    new_parser = commands.add_parser("new", help="maak een nieuw record aan (als concept)")
    options(new_parser)
    new_arguments = arguments(new_parser)
    new_arguments.add_argument(
        "type", help="sessie, praktijk, knelpunt, incident, regio of project"
    )
    new_arguments.add_argument("title", help="de titel; de id wordt ervan afgeleid")
    new_parser.set_defaults(handler=cmd_new)

    build_parser = commands.add_parser(
        "build", help="bouw de site streng: elke fout of waarschuwing laat de build mislukken"
    )
    build_options = options(build_parser)
    build_options.add_argument(
        "--internal",
        action="store_true",
        help="bouw de interne uitgave (met interne records) in site-intern/",
    )
    build_options.add_argument(
        "--site-dir", help="map voor de gebouwde site (standaard: site/, intern: site-intern/)"
    )
    build_options.add_argument(
        "--no-offline", action="store_true", help="sla de offline versie (zip) over"
    )
    build_parser.set_defaults(handler=cmd_build)

    serve_parser = commands.add_parser("serve", help="bekijk de site lokaal terwijl u schrijft")
    serve_options = options(serve_parser)
    serve_options.add_argument("--drafts", action="store_true", help="toon ook concepten")
    serve_options.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="adres en poort (standaard: 127.0.0.1:8000)"
    )
    serve_parser.set_defaults(handler=cmd_serve)

    schema_parser = commands.add_parser("schema", help="schrijf een JSON Schema per type")
    options(schema_parser)
    arguments(schema_parser).add_argument("directory", help="map waarin de schema's komen")
    schema_parser.set_defaults(handler=cmd_schema)

    cms_parser = commands.add_parser(
        "cms", help="bewerk de inhoud in de browser, op uw eigen computer (met voorbeeld)"
    )
    cms_options = options(cms_parser)
    cms_options.add_argument(
        "--port", type=int, default=8001, help="poort van de beheeromgeving (standaard: 8001)"
    )
    cms_options.add_argument(
        "--proxy-port",
        type=int,
        default=8081,
        help="poort van decap-server, die de bestanden schrijft (standaard: 8081)",
    )
    cms_options.add_argument(
        "--no-preview", action="store_true", help="start niet ook het voorbeeld van de site"
    )
    cms_options.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        help="adres en poort van het voorbeeld (standaard: 127.0.0.1:8000)",
    )
    cms_options.add_argument(
        "--cms-dir", default="beheer", help="map met de beheeromgeving (standaard: beheer)"
    )
    cms_parser.set_defaults(handler=cmd_cms)

    cms_config_parser = commands.add_parser(
        "cms-config",
        help="schrijf de configuratie van de beheeromgeving, gemaakt uit de schema's",
    )
    cms_config_options = options(cms_config_parser)
    cms_config_options.add_argument(
        "--output", metavar="BESTAND", help="schrijf naar dit bestand (standaard: het scherm)"
    )
    cms_config_options.add_argument(
        "--local",
        type=int,
        metavar="POORT",
        help="voor lokaal bewerken via decap-server op deze poort (zoals `kennisbank cms`)",
    )
    cms_config_parser.set_defaults(handler=cmd_cms_config)

    export_parser = commands.add_parser(
        "export", help="schrijf de site als gewone Markdown-map voor een andere site-engine"
    )
    export_options = options(export_parser)
    arguments(export_parser).add_argument(
        "directory", metavar="MAP", help="lege map (of een eerdere export)"
    )
    export_options.add_argument(
        "--engine",
        choices=ENGINES,
        default="zensical",
        help="engine waarvoor de configuratie wordt geschreven (standaard: zensical)",
    )
    export_options.add_argument(
        "--internal", action="store_true", help="exporteer de interne uitgave"
    )
    export_options.add_argument(
        "--force", action="store_true", help="schrijf ook in een map die niet leeg is"
    )
    export_parser.set_defaults(handler=cmd_export)
    return parser


class _BuildLogHandler(logging.Handler):
    """Prints the build's log: our diagnostics as they are, MkDocs' own with a Dutch level."""

    LEVELS: ClassVar[dict[str, str]] = {"ERROR": "fout", "WARNING": "waarschuwing", "INFO": "info"}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        stream = sys.stderr if record.levelno >= logging.WARNING else sys.stdout
        if record.name.startswith("mkdocs.plugins.kennisbank"):
            print(message, file=stream)
        elif record.name.startswith("kennisbank"):
            # Advice that does not stop a build (generator/plugin.py: example addresses).
            level = self.LEVELS.get(record.levelname, record.levelname.lower())
            print(f"{level}: {message}", file=stream)
        else:
            level = self.LEVELS.get(record.levelname, record.levelname.lower())
            print(f"{level} (MkDocs): {message}", file=stream)


@contextmanager
def _print_build_log() -> Iterator[None]:
    loggers = [logging.getLogger("mkdocs"), logging.getLogger("kennisbank")]
    # Warnings and errors only: MkDocs' progress lines are English and say nothing new.
    handler = _BuildLogHandler(logging.WARNING)
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
