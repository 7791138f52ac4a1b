"""What a YAML error means, in the words of the editor who made it, at the line that caused it.

The parser stops where it got stuck, which is often a line after the cause and always in
English. Each hint below recognises one mistake editors really make (text after a closing
quote, an apostrophe in single quotes, Word's curly quotes, a missing space after a colon, a
line that indents too far, a list or quote left open) and says where it is and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

GENERIC_FIX = "controleer inspringing, dubbele punten en aanhalingstekens"
CURLY = "“”‘’„‚"
_KEY_LINE = re.compile(r"^(\s*)(- )?([\w-]+):(\s|$)")
_NO_SPACE = re.compile(r"^\s*(- )?([\w-]+):(?=[^\s/])")
_QUOTED_VALUE = re.compile(r"""^\s*(?:- )?(?:[\w-]+:\s+)?(["'])""")


@dataclass(frozen=True)
class Hint:
    line: int  # 0-based, within the parsed text
    column: int  # 0-based
    problem: str
    fix: str = GENERIC_FIX


def explain(error: yaml.MarkedYAMLError, text: str) -> Hint:
    lines = text.split("\n")
    problem = str(error.problem or "")
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    context_line = error.context_mark.line if error.context_mark else line
    hint = (
        _unclosed(error, problem)
        or _after_quote(problem, lines, line, column)
        or _colon(problem, lines, line, column)
        or _no_colon(problem, lines, context_line)
        or _list_indent(problem, lines, line, column)
        or Hint(line, column, "de opbouw van de velden klopt hier niet")
    )
    return _with_curly_quotes(hint, lines, {line, context_line})


def _unclosed(error: yaml.MarkedYAMLError, problem: str) -> Hint | None:
    context = str(error.context or "")
    start = error.context_mark
    if start is None:
        return None
    if "flow sequence" in context:
        return Hint(
            start.line,
            start.column,
            "een lijst die met '[' begint, wordt niet afgesloten met ']'",
            "zet ']' achter de laatste waarde, op dezelfde regel",
        )
    if "flow mapping" in context:
        return Hint(
            start.line,
            start.column,
            "een groep die met '{' begint, wordt niet afgesloten met '}'",
            "zet '}' achter het laatste veld, of schrijf de velden onder elkaar",
        )
    if problem.startswith("found unexpected end of stream") and "quoted" in context:
        return Hint(
            start.line,
            start.column,
            "de tekst tussen aanhalingstekens wordt niet afgesloten",
            "zet aan het eind van de waarde hetzelfde aanhalingsteken als aan het begin",
        )
    return None


def _after_quote(problem: str, lines: list[str], line: int, column: int) -> Hint | None:
    """`title: "Belronde" bij nacht` and `title: 'Regio's samen'`: the value ended at a quote."""
    if not problem.startswith(("did not find expected key", "expected <block end>")):
        return None
    source = lines[line] if line < len(lines) else ""
    opening = _QUOTED_VALUE.match(source)
    if not opening or column <= opening.end():
        return None
    quote = opening.group(1)
    rest = source[column:].rstrip()
    inner = source[opening.end() : column].rstrip().removesuffix(quote)
    if quote == "'" and source[column - 1 : column] == "'":  # Regio's: a quote inside a word
        return Hint(
            line,
            column,
            "een apostrof binnen enkele aanhalingstekens ('…') sluit de waarde af",
            "schrijf de apostrof dubbel (''), of zet de waarde tussen dubbele aanhalingstekens",
        )
    return Hint(
        line,
        column,
        f"na het afsluitende aanhalingsteken staat nog tekst ('{rest}')",
        f"zet de hele waarde tussen de aanhalingstekens: {quote}{inner} {rest}{quote}",
    )


def _colon(problem: str, lines: list[str], line: int, column: int) -> Hint | None:
    if not problem.startswith("mapping values are not allowed"):
        return None
    for above in range(line - 1, max(-1, line - 3), -1):  # `title:Belronde` just above
        missing = _NO_SPACE.match(lines[above])
        if missing:
            return Hint(
                above,
                missing.end() - 1,
                f"na '{missing.group(2)}:' staat geen spatie, dus YAML leest de hele regel als "
                "één tekst",
                f"zet een spatie na de dubbele punt: {missing.group(2)}: …",
            )
    previous = _previous_key_line(lines, line)
    here = lines[line] if line < len(lines) else ""
    indent = len(here) - len(here.lstrip(" "))
    if previous is not None and indent > previous[1]:
        above, _, key = previous
        return Hint(
            line,
            indent,
            f"deze regel springt verder in dan '{key}:' op regel {above + 1}, dus YAML leest "
            "haar als vervolg van die waarde",
            f"laat deze regel in dezelfde kolom beginnen als '{key}:'",
        )
    return Hint(
        line,
        column,
        "een dubbele punt op een plek waar dat niet kan (staat er een ':' in een tekst zonder "
        "aanhalingstekens?)",
        'zet de waarde tussen aanhalingstekens, bijvoorbeeld title: "Tijd: te kort"',
    )


def _no_colon(problem: str, lines: list[str], line: int) -> Hint | None:
    if not problem.startswith("could not find expected ':'"):
        return None
    above = next((lines[n] for n in range(line - 1, -1, -1) if lines[n].strip()), "")
    if above.lstrip().startswith("- ") and line < len(lines):
        return Hint(
            line,
            len(lines[line]) - len(lines[line].lstrip()),
            "deze regel staat in een lijst, maar begint niet met '- '",
            "zet '- ' voor de waarde, zoals op de regel erboven",
        )
    return Hint(
        line,
        0,
        "een regel zonder 'naam: waarde'",
        "zet een dubbele punt en een spatie na de naam van het veld, of hoort deze tekst onder "
        "de velden?",
    )


def _list_indent(problem: str, lines: list[str], line: int, column: int) -> Hint | None:
    here = lines[line] if line < len(lines) else ""
    key = _KEY_LINE.match(here)
    previous = _previous_key_line(lines, line)
    if key and previous and problem.startswith(("expected <block end>", "did not find")):
        above, _, name = previous
        return Hint(
            line,
            len(key.group(1)),
            f"'{key.group(3)}' staat niet recht onder '{name}' op regel {above + 1}",
            f"laat '{key.group(3)}:' in dezelfde kolom beginnen als '{name}:'",
        )
    if problem.startswith(("expected <block end>, but found '-'", "did not find expected '-'")):
        return Hint(
            line,
            column,
            "een lijstregel die niet recht onder de andere staat",
            "laat alle streepjes van één lijst in dezelfde kolom beginnen",
        )
    if problem.startswith(("did not find expected key", "expected <block end>")):
        return Hint(
            line,
            column,
            "deze regel springt anders in dan de velden eromheen",
            "laat velden van hetzelfde niveau in dezelfde kolom beginnen",
        )
    if problem.startswith("found character '\\t'"):
        return Hint(line, column, "een tab-teken", "vervang de tab door spaties")
    return None


def _with_curly_quotes(hint: Hint, lines: list[str], near: set[int]) -> Hint:
    """Word's curly quotes are no quotes to YAML: where they stand, say so."""
    if not any(0 <= n < len(lines) and set(lines[n]) & set(CURLY) for n in near):
        return hint
    return Hint(
        hint.line,
        hint.column,
        f"{hint.problem} (let op: “ ” ‘ ’ zijn gekrulde aanhalingstekens, vaak uit Word; YAML "
        "ziet ze als gewone tekens)",
        f"gebruik rechte aanhalingstekens \" of '; {hint.fix}",
    )


def _previous_key_line(lines: list[str], line: int) -> tuple[int, int, str] | None:
    for above in range(line - 1, -1, -1):
        if not lines[above].strip() or lines[above].lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(lines[above])
        if not match:
            return None
        indent = len(match.group(1)) + (2 if match.group(2) else 0)
        return above, indent, match.group(3)
    return None
