"""argparse in Dutch, for this parser only: editors read usage errors and help too.

argparse takes its words from gettext's global catalogue; rather than change that for every
program in the process, this parser passes its own headings and translates its own errors.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

# argparse's error messages (Python 3.11), as the editor should read them.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), dutch)
    for pattern, dutch in (
        (r"the following arguments are required: ", "deze argumenten ontbreken: "),
        (r"unrecognized arguments: ", "onbekende argumenten: "),
        (r"invalid choice: (.*) \(choose from (.*)\)", r"ongeldige keuze: \1 (kies uit \2)"),
        (r"expected one argument", "verwacht één waarde"),
        (r"invalid (\w+) value: ", r"ongeldige waarde (\1): "),
    )
)


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """Arguments go in `options(parser)` or `arguments(parser)` groups, whose Dutch titles
    replace argparse's English ones (an empty group is not shown)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        kwargs["add_help"] = False  # added in Dutch by `options`
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {translate(message)}\n")


def options(parser: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    """The parser's group of options, starting with -h in Dutch."""
    group = parser.add_argument_group("opties")
    group.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    return group


def arguments(parser: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    return parser.add_argument_group("argumenten")


def translate(message: str) -> str:
    for pattern, dutch in _ERRORS:
        message = pattern.sub(dutch, message)
    return message
