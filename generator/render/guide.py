"""The generated part of the editor guide: every field of every type, every validator message.

Made from the schema and the message catalogue, so the guide can't drift from the validator.
Pure: returns Markdown pages; render adds them to the site.
"""

from __future__ import annotations

import html
import re

from pydantic import BaseModel

from generator.messages import RULES
from generator.render.formatting import text
from generator.schema import KennisbriefIntro, Taxonomy
from generator.types import REGISTRY

FIELDS_PAGE = "bijdragen/velden.md"
MESSAGES_PAGE = "bijdragen/meldingen.md"

_SEVERITY = {
    "fout": "Fout: de site wordt niet gebouwd",
    "waarschuwing": "Waarschuwing: de site wordt niet gebouwd, tenzij het bestand haar accepteert",
}


def guide_pages() -> dict[str, str]:
    return {FIELDS_PAGE: fields_page(), MESSAGES_PAGE: messages_page()}


def fields_page() -> str:
    parts = [
        "# Alle velden",
        "",
        "Elk record is een bestand `content/<type>/<id>.md` (velden tussen twee `---`-regels, "
        "daarna de tekst) of `content/<type>/<id>.yml` (alleen velden). De bestandsnaam zonder "
        "extensie is de id: kleine letters, cijfers en koppeltekens. Deze pagina wordt gemaakt "
        "uit de controle zelf en is dus altijd volledig.",
        "",
    ]
    for record_type in REGISTRY:
        model = record_type.schema
        parts += [f"## {record_type.plural} {{#{record_type.name}}}", ""]
        parts += [f"Map: `content/{record_type.name}/`. {model.__doc__ or ''}".strip(), ""]
        parts += _field_table(model)
        for title, nested in record_type.nested:
            parts += [f"### {title}", "", *_field_table(nested)]
    parts += ["## Taxonomie {#taxonomie}", "", "Bestand: `content/taxonomy.yml`.", ""]
    parts += _field_table(Taxonomy)
    parts += [
        "## Inleiding van een kennisbrief {#kennisbrieven}",
        "",
        "Bestand: `content/kennisbrieven/<jaar>-q<n>.md`, bijvoorbeeld "
        "`content/kennisbrieven/2016-q1.md`. Elk kwartaal met nieuwe records krijgt vanzelf "
        "een kennisbrief; met dit bestand zet de redactie er een inleiding boven (de tekst "
        "onder de velden). Alle velden zijn optioneel.",
        "",
    ]
    parts += _field_table(KennisbriefIntro)
    return "\n".join(parts)


def messages_page() -> str:
    parts = [
        "# Alle meldingen van de controle",
        "",
        "`kennisbank check` en de voorbeeldweergave melden elk probleem als "
        "`bestand:regel:kolom: fout|waarschuwing: bericht`. Beide houden de publicatie tegen. "
        "Een **fout** herstelt u; een **waarschuwing** herstelt u ook, of u accepteert haar "
        "bewust voor dat bestand door haar naam in het veld `acknowledged` te zetten (bijvoorbeeld "
        "`acknowledged: [te-veel-deelnemers]`). Hieronder staat elke melding die de controle kan "
        "geven, met wat u eraan doet. De tekens … staan voor wat in uw melding concreet wordt "
        "ingevuld.",
        "",
    ]
    for rule in RULES.values():
        pattern = re.sub(r"\{\w+(?::[^}]*)?\}", "…", rule.template)
        parts += [
            f"## {rule.id} {{#{rule.id}}}",
            "",
            f"**{_SEVERITY[rule.severity]}.** {rule.explanation}",
            "",
            f"> {text(pattern)}",
            "",
        ]
    return "\n".join(parts)


def _field_table(model: type[BaseModel]) -> list[str]:
    rows = ["| veld | verplicht | betekenis |", "|---|---|---|"]
    for name, info in model.model_fields.items():
        required = "ja" if info.is_required() else "nee"
        description = html.escape(info.description or "", quote=False).replace("|", "\\|")
        rows.append(f"| `{name}` | {required} | {description} |")
    return [*rows, ""]
