"""The Dutch message catalogue: rule id -> severity, message template and its explanation.

Every diagnostic is made here, so the editor guide (generated from RULES) lists exactly the
messages the validator can give, and a test proves each rule has a case.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Severity
from generator.model import Position


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    template: str  # str.format template; always ends with the fix
    explanation: str  # for the editor guide: when it happens and what to do


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.id: rule for rule in rules}


RULES: dict[str, Rule] = _rules(
    # Files and folders
    Rule(
        "onbekende-map",
        "fout",
        "dit bestand staat in een map die de kennisbank niet kent; verplaats het naar een "
        "van: {folders}",
        "Elk record staat in de map van zijn type, bijvoorbeeld `content/sessions/`.",
    ),
    Rule(
        "onbekende-extensie",
        "fout",
        "bestanden met extensie '{extension}' worden niet gelezen; gebruik .md (velden en "
        "tekst) of .yml (alleen velden)",
        "Alleen `.md` en `.yml` worden gelezen; een ander bestand zou stil verdwijnen.",
    ),
    Rule(
        "geen-utf8",
        "fout",
        "het bestand is geen UTF-8: op deze plek staat byte {byte}, in Windows-1252 het teken "
        "'{guess}'; sla het bestand op als UTF-8 (in Kladblok: 'Opslaan als', codering UTF-8)",
        "Sla bestanden op als UTF-8; een BOM en Windows-regeleinden zijn toegestaan. Een "
        "bestand uit Word, Kladblok of Excel is vaak in Windows-1252: de melding noemt het eerste "
        "teken dat dan anders leest, zoals een 'ë'.",
    ),
    Rule(
        "leeg-bestand",
        "fout",
        "het bestand bevat geen velden; vul minstens 'title' in of verwijder het bestand",
        "Een leeg bestand of lege velden tussen de `---`-regels.",
    ),
    Rule(
        "ongeldige-id",
        "fout",
        "de bestandsnaam '{id}' is geen geldige id; gebruik alleen kleine letters, cijfers en "
        "koppeltekens, bijvoorbeeld '{suggestion}'",
        "De bestandsnaam zonder extensie is de id en bepaalt het adres van de pagina.",
    ),
    Rule(
        "dubbele-id",
        "fout",
        "de id '{id}' bestaat al in {other}; hernoem of verwijder een van beide bestanden",
        "Binnen een type mag elke id één keer voorkomen, ook niet als `.md` en `.yml`.",
    ),
    Rule(
        "kennisbrief-naam",
        "fout",
        "'{name}' is geen kwartaal; noem de inleiding van een kennisbrief naar haar kwartaal, "
        "bijvoorbeeld 'content/kennisbrieven/2016-q1.md'",
        "Een inleiding in `content/kennisbrieven/` heet naar het kwartaal: jaar, `-q` en het "
        "kwartaalnummer 1 tot en met 4.",
    ),
    Rule(
        "geen-gewoon-bestand",
        "fout",
        "dit is {what}; de kennisbank leest alleen gewone bestanden in content/ en volgt geen "
        "links: zet het bestand zelf op deze plek",
        "Een symbolische link kan naar een bestand buiten de repository wijzen, of naar iets "
        "dat nooit ophoudt (zoals /dev/zero); een pijp of apparaat kan de controle laten "
        "hangen. Zulke bestanden worden gemeld en nooit gelezen.",
    ),
    Rule(
        "verborgen-bestand",
        "fout",
        "dit bestand is verborgen (zijn naam of die van een map erboven begint met een punt) "
        "en wordt niet gelezen; zet het in de map van zijn type, als concept met "
        "'visibility: draft', of verwijder het",
        "Bestanden en mappen waarvan de naam met een punt begint, zoals `.concepten/`, zijn "
        "verborgen. Een record daarin zou ongemerkt verdwijnen; concepten horen in de gewone "
        "map met `visibility: draft`. Andere verborgen bestanden (zoals `.gitkeep`) negeert de "
        "kennisbank.",
    ),
    Rule(
        "bestand-te-groot",
        "fout",
        "het bestand is {size}, meer dan de {limit} die een bestand in content/ mag zijn; "
        "splits de tekst over meer records of kort hem in",
        "Een record is een pagina, geen archief: een heel groot bestand maakt de site traag "
        "voor iedereen. Grotere bestanden worden gemeld en niet gelezen.",
    ),
    Rule(
        "stuurteken",
        "fout",
        "onzichtbaar stuurteken U+{code:04X}{name} in de tekst; verwijder het (het komt vaak "
        "mee bij kopiëren uit een ander programma)",
        "Stuurtekens zijn onzichtbaar, maar breken nieuwsfeeds en e-mails. Ze worden gemeld en "
        "weggelaten, zodat de rest van het bestand nog gecontroleerd wordt.",
    ),
    Rule(
        "bijlage-soort",
        "fout",
        "een bestand met extensie '{extension}' kan geen bijlage zijn; gebruik een PDF, een "
        "afbeelding (PNG, JPG, GIF, WebP), tekst (TXT, CSV) of een Office-document",
        "In `content/bijlagen/` staan de bestanden waar teksten naar linken. Een SVG- of "
        "HTML-bestand kan scripts bevatten die op de site zouden draaien: zet een SVG om naar "
        "PNG.",
    ),
    Rule(
        "bijlage-te-groot",
        "fout",
        "de bijlage is {size}, meer dan de {limit} die een bijlage mag zijn; verklein het "
        "bestand (bijvoorbeeld een foto of een PDF met minder resolutie) of deel het op",
        "Bezoekers lezen de kennisbank ook op een telefoon met een trage verbinding.",
    ),
    Rule(
        "frontmatter-ontbreekt",
        "fout",
        "een .md-bestand begint met een regel '---', dan de velden, dan weer '---'; zet de "
        "velden bovenaan tussen twee regels '---'",
        "Markdown-bestanden beginnen met hun velden (frontmatter) tussen twee `---`-regels.",
    ),
    Rule(
        "frontmatter-niet-gesloten",
        "fout",
        "de velden bovenaan zijn niet afgesloten; zet een regel '---' onder het laatste veld",
        "De tweede `---`-regel ontbreekt, zodat niet te zien is waar de tekst begint.",
    ),
    # YAML
    Rule(
        "yaml-syntax",
        "fout",
        "YAML-fout: {problem}; {fix}",
        "De velden zijn geen geldige YAML. De regel is die waar de lezer vastliep; de "
        "oorzaak staat soms een regel hoger.",
    ),
    Rule(
        "tab",
        "fout",
        "tab-teken in de inspringing; YAML staat alleen spaties toe: vervang de tab door spaties",
        "YAML verbiedt tabs voor inspringing; veel editors zetten ze ongemerkt.",
    ),
    Rule(
        "yaml-anker",
        "fout",
        "YAML-{what} ('{text}') worden niet gelezen; schrijf de waarde voluit op elke plek "
        "waar ze hoort",
        "Met `&naam` en `*naam` kan YAML een waarde hergebruiken. Het contract heeft daar geen "
        "gebruik voor, en een klein bestand vol verwijzingen kan uitgroeien tot een enorme "
        "hoeveelheid gegevens. Daarom wordt zo'n bestand niet gelezen.",
    ),
    Rule(
        "yaml-commentaar",
        "fout",
        "YAML leest '{lost}' als commentaar, dus de waarde wordt alleen '{kept}'; zet de hele "
        'waarde tussen aanhalingstekens: "{whole}"',
        "In YAML begint een spatie gevolgd door `#` commentaar: `title: Belronde #2` wordt "
        "'Belronde'. Tussen aanhalingstekens blijft het tekst. Echt commentaar (`# …`, met een "
        "spatie na het hekje) mag gewoon.",
    ),
    Rule(
        "yaml-lijstregel",
        "fout",
        "'{item}' springt verder in dan de regel erboven, dus YAML plakt het aan de waarde vast "
        "('{value}') in plaats van er een lijstregel van te maken; laat de streepjes van één "
        "lijst recht onder elkaar beginnen",
        "Een regel met `- ` die verder inspringt dan de vorige, hoort bij de vorige waarde. "
        "Zo wordt een lijst van twee regio's ongemerkt één tekst.",
    ),
    Rule(
        "dubbele-sleutel",
        "fout",
        "het veld '{field}' staat twee keer in dit bestand (ook op regel {first}); YAML houdt "
        "alleen de laatste waarde: voeg ze samen tot één veld",
        "Een veld dat twee keer staat zou stil de eerste waarde kwijtraken.",
    ),
    Rule(
        "geen-mapping",
        "fout",
        "de velden vormen geen reeks 'naam: waarde'-regels; schrijf elk veld als "
        "'naam: waarde' op een eigen regel",
        "Bovenaan hoort een lijst van velden, niet een losse tekst of opsomming.",
    ),
    Rule(
        "yaml-betekenis",
        "fout",
        "'{text}' in '{field}' leest YAML als {meaning}, niet als tekst; zet de waarde tussen "
        'aanhalingstekens: "{text}"',
        "YAML leest `ja`/`nee`-achtige woorden (`yes`, `no`, `on`, `off`) als waar/onwaar en "
        "`12:30` als een getal. Tussen aanhalingstekens blijft het tekst.",
    ),
    # Fields
    Rule(
        "onzichtbaar-teken",
        "waarschuwing",
        "{names} in '{field}' is weggelaten; verwijder het ook uit het bestand (het komt vaak "
        "mee bij kopiëren en plakken)",
        "Sommige tekens ziet u niet, zoals een zacht afbreekstreepje (U+00AD) of een spatie "
        "zonder breedte (U+200B). In een titel komen ze in de zoekindex terecht, in een id "
        "maken ze een verwijzing die er hetzelfde uitziet maar nergens heen wijst. De kennisbank "
        "laat ze weg en noemt ze, zodat u ze uit het bestand kunt halen.",
    ),
    Rule(
        "gekrulde-aanhalingstekens",
        "waarschuwing",
        "'{field}' staat tussen gekrulde aanhalingstekens ({quotes}), die YAML als tekst leest; "
        "ze zijn weggelaten ('{value}'): gebruik rechte aanhalingstekens (\") of geen",
        "Word en veel mailprogramma's maken van \" gekrulde aanhalingstekens (“ ”). YAML ziet "
        "die als gewone tekens, zodat ze in de titel zouden komen. Staat een hele waarde ertussen, "
        "dan laat de kennisbank ze weg en meldt dat.",
    ),
    Rule(
        "onbekend-veld",
        "fout",
        "onbekend veld '{field}' bij {where}{suggestion}; toegestane velden: {allowed}",
        "Een veld dat de kennisbank niet kent, vaak een tikfout. Het zou anders stil verdwijnen.",
    ),
    Rule(
        "veld-ontbreekt",
        "fout",
        "het verplichte veld '{field}' ontbreekt bij {where}; voeg het toe, bijvoorbeeld: "
        "{example}",
        "Elk type heeft verplichte velden, zoals `title`; een sessie ook `date`, `kind` en "
        "`regions`.",
    ),
    Rule(
        "verkeerd-type",
        "fout",
        "'{field}' moet {expected} zijn, niet {actual}; {fix}",
        "De waarde heeft de verkeerde vorm, bijvoorbeeld een los woord waar een lijst hoort.",
    ),
    Rule(
        "ongeldige-datum",
        "fout",
        "'{text}' in '{field}' is geen bestaande datum; schrijf de datum als JJJJ-MM-DD, "
        "bijvoorbeeld 2016-03-15, of als JJJJ-MM of JJJJ als alleen de maand of het jaar "
        "bekend is",
        "Datums staan als jaar-maand-dag. Noemt de bron alleen een maand of een jaar, schrijf "
        "dan alleen dat (`2016-03` of `2016`): de site toont dan 'maart 2016' of '2016' in "
        "plaats van een verzonnen dag. Een dag of maand die niet bestaat (30 februari, maand "
        "13) is een fout.",
    ),
    Rule(
        "ongeldige-waarde",
        "fout",
        "'{value}' is geen geldige waarde voor '{field}'{suggestion}; kies uit: {allowed}",
        "Sommige velden hebben een vaste keuzelijst, zoals `kind` en `status`.",
    ),
    Rule(
        "te-klein",
        "fout",
        "'{field}' {problem}; {fix}",
        "Een lijst die niet leeg mag zijn, of een aantal dat niet negatief mag zijn.",
    ),
    Rule(
        "lege-tekst",
        "fout",
        "'{field}' is leeg; {fix}",
        "Een veld zonder inhoud. Een verplicht veld vult u in; een optioneel veld laat u "
        "liever weg.",
    ),
    Rule(
        "onbekend-thema",
        "fout",
        "onbekend thema '{value}'{suggestion}; gebruik een thema uit content/taxonomy.yml of "
        "voeg het daar toe",
        "Thema's komen uit `content/taxonomy.yml`, zodat elk thema een eigen pagina heeft.",
    ),
    Rule(
        "onbekend-proces",
        "fout",
        "onbekend proces '{value}'{suggestion}; gebruik een proces uit content/taxonomy.yml "
        "of voeg het daar toe",
        "Processen van taken in standaardincidenten komen uit `content/taxonomy.yml`.",
    ),
    Rule(
        "ongeldige-sleutel",
        "fout",
        "de sleutel '{key}' is ongeldig; gebruik kleine letters, cijfers en koppeltekens, "
        "bijvoorbeeld '{suggestion}'",
        "Sleutels van thema's en processen worden adressen; alleen kleine letters, cijfers "
        "en koppeltekens.",
    ),
    Rule(
        "ongeldige-afkorting",
        "fout",
        "de afkorting '{key}' is ongeldig; schrijf één woord van letters, cijfers en "
        "koppeltekens dat met een letter of cijfer begint en eindigt, zoals 'OvD-BZ'",
        "Een afkorting in `abbreviations` van `content/taxonomy.yml` wordt op de pagina's "
        "herkend als een los woord; spaties of een koppelteken aan het begin of eind maken dat "
        "onmogelijk.",
    ),
    Rule(
        "dubbele-code",
        "fout",
        "regiocode '{code}' wordt ook gebruikt door {other}; geef elke regio een eigen code",
        "Regio's zijn ook met hun code aan te wijzen, dus elke code is uniek.",
    ),
    Rule(
        "taxonomie-ontbreekt",
        "fout",
        "content/taxonomy.yml ontbreekt; maak het aan met 'themes:' en 'processes:'",
        "Zonder taxonomie zijn thema's en processen niet te controleren.",
    ),
    Rule(
        "onbekende-waarschuwing",
        "fout",
        "'{value}' in 'acknowledged' is geen waarschuwing{suggestion}; noem een waarschuwing "
        "bij haar naam, een van: {allowed}",
        "Met `acknowledged` accepteert u een waarschuwing voor dit bestand. Alleen "
        "waarschuwingen kunnen zo; een fout moet u herstellen.",
    ),
    # Warnings from the contract
    Rule(
        "te-veel-deelnemers",
        "waarschuwing",
        "{count} deelnemers is meer dan de 15 van het sessieformat; controleer het aantal",
        "Een interregionale sessie is bedoeld voor hoogstens 15 mensen.",
    ),
    Rule(
        "regionaal-aantal-regios",
        "waarschuwing",
        "een regionale sessie is van 2 of 3 regio's, deze noemt er {count}; controleer "
        "'regions' of kies een andere 'kind'",
        "Regionale sessies zijn van twee of drie buurregio's; andere zijn thematisch.",
    ),
    Rule(
        "praktijk-zonder-sessie",
        "waarschuwing",
        "deze praktijk hoort bij geen sessie; voeg 'sessions' toe met de sessie waar hij is "
        "ingebracht",
        "Praktijken komen uit sessies; zonder sessie is de herkomst niet te volgen.",
    ),
    Rule(
        "beproefd-zonder-bewijs",
        "waarschuwing",
        "deze praktijk is beproefd, maar er staat niet waar; noem de leerarena in 'sessions', "
        "of beschrijf het echte incident in 'proven_in' (met 'proven_date')",
        "Een praktijk is *beproefd* als zij bij een echt incident werkte. De pagina zegt waar: "
        "in een leerarena (een sessie met `kind: leerarena` in `sessions`) of bij het incident "
        "in `proven_in`. Staat geen van beide er, dan is *beproefd* niet na te gaan.",
    ),
    Rule(
        "lijkt-op-knelpunt",
        "waarschuwing",
        "dit knelpunt lijkt sterk op '{title}' ({other}); is het hetzelfde knelpunt, voeg dan "
        "de sessie en regio's van dit bestand toe aan {other} en verwijder dit bestand, of "
        "maak in titel en samenvatting duidelijk waarin het verschilt",
        "Een knelpunt dat al bestaat, krijgt liever geen tweede bestand: de oplossingen en het "
        "verloop komen dan op twee plekken terecht. De kennisbank vergelijkt de woorden "
        "(titel, samenvatting, tekst), thema's en processen van alle knelpunten, ook concepten "
        "en interne, en meldt dit bij het nieuwste van twee die sterk op elkaar lijken. Komt "
        "hetzelfde knelpunt bewust apart terug, bijvoorbeeld in een andere sessie of regio, "
        "dan verwijst de site tussen beide onder *Ook genoemd in*.",
    ),
    # References
    Rule(
        "onbekende-verwijzing",
        "fout",
        "'{ref}' in '{field}' verwijst naar {target}{suggestion}; gebruik de "
        "id (de bestandsnaam zonder extensie){codes}",
        "Een verwijzing naar een record dat niet bestaat, vaak een tikfout in de id.",
    ),
    Rule(
        "verwijzing-niet-in-editie",
        "fout",
        "'{ref}' in '{field}' verwijst naar {target_path}, dat {visibility} is en niet in de "
        "{edition} uitgave staat; maak {target_path} openbaar of haal de verwijzing weg",
        "Een openbaar record mag niet verwijzen naar een intern record of concept: de link "
        "zou leiden naar een pagina die er niet is. Kies bewust.",
    ),
    Rule(
        "kennisbrief-zonder-records",
        "waarschuwing",
        "in het {quarter} is in deze uitgave geen record met een datum in dat kwartaal; de "
        "kennisbrief bevat alleen deze inleiding. Controleer de bestandsnaam of de datums",
        "Een kennisbrief meldt wat er in haar kwartaal nieuw is. Een inleiding bij een kwartaal "
        "zonder nieuwe records wijst vaak op een verkeerd jaar of kwartaal in de bestandsnaam.",
    ),
    Rule(
        "onbekende-wikilink",
        "fout",
        "[[{target}]] verwijst naar geen bestaand record{suggestion}; schrijf [[id]] of "
        "[[type/id]]",
        "In de tekst en de samenvatting maakt `[[id]]` een link met de titel van het record "
        "(`[[id|tekst]]` met een eigen tekst); het record moet bestaan.",
    ),
    Rule(
        "halve-wikilink",
        "fout",
        "'{half}' hoort bij geen link; een link naar een record schrijft u als [[id]], of als "
        "[[id|eigen tekst]] met een eigen linktekst",
        "Een `[[` zonder `]]` (of andersom) is bijna altijd een link waarvan een haakje "
        "ontbreekt. Zonder melding zou hij letterlijk op de site staan.",
    ),
    Rule(
        "dubbelzinnige-wikilink",
        "fout",
        "[[{target}]] past bij meer dan één record ({candidates}); schrijf het type erbij, "
        "bijvoorbeeld [[{example}]]",
        "Als twee typen dezelfde id hebben, zegt `[[type/id]]` welke bedoeld is.",
    ),
    # Bodies: what the Markdown engine would make of them (generator/markup.py)
    Rule(
        "html-in-tekst",
        "fout",
        "de tekst bevat HTML ('{html}'); HTML wordt niet overgenomen: schrijf het in Markdown "
        "(**vet**, *schuin*, een lijst met '- ') of zet het tussen backticks (`{html}`) om het "
        "als tekst te tonen",
        "De tekst van een record is Markdown. HTML erin zou buiten de opmaak en de "
        "toegankelijkheid van de site om gaan, en kan scripts laten draaien bij bezoekers. "
        "Staat er HTML in, dan wordt de site niet gebouwd; in de voorbeeldweergave is het "
        "weggehaald. Ook HTML-commentaar (`<!-- … -->`) telt mee. Een losse `<` of `>` (zoals "
        "in `< 30 minuten`) is gewoon tekst. Een backslash (`\\<b>`) helpt hier niet: wie een "
        "tag als tekst wil tonen, zet hem tussen backticks of schrijft `&lt;b>`.",
    ),
    Rule(
        "attributen-in-tekst",
        "fout",
        "'{attributes}' geeft een kop, link of afbeelding eigen HTML-attributen; dat kan niet "
        "in de tekst: haal '{attributes}' weg",
        "Met `{: … }` achter een kop, link of afbeelding kan Markdown HTML-attributen zetten, "
        "ook attributen die scripts starten. De kennisbank staat dat in de tekst niet toe.",
    ),
    Rule(
        "onveilige-link",
        "fout",
        "de link '{url}' begint met '{scheme}:', en zulke links opent de site niet; gebruik "
        "een adres dat begint met https://, http://, mailto: of tel:, of een link naar een "
        "record met [[id]]",
        "Links als `javascript:` of `data:` voeren code uit in plaats van een pagina te openen.",
    ),
    Rule(
        "externe-afbeelding",
        "fout",
        "de afbeelding '{url}' staat op een andere site, en de kennisbank haalt niets van "
        "andere sites; sla het bestand op in de repository en verwijs ernaar met een pad",
        "Een afbeelding van een andere site laat die site zien wie de pagina leest (en kan "
        "ongemerkt veranderen). Gewone links naar andere sites mogen wel.",
    ),
    # Attachments (content/bijlagen/)
    Rule(
        "onbekende-bijlage",
        "fout",
        "'{url}' wijst naar {target}, maar daar staat geen bijlage{suggestion}; zet het bestand "
        "in content/bijlagen/ en link er vanuit de tekst naar als ../bijlagen/<naam>, of link "
        "naar een record met [[id]]",
        "Een link of afbeelding in de tekst naar een bestand van de site zelf moet naar een "
        "bijlage in `content/bijlagen/` wijzen, gezien vanaf het bestand waarin de link staat: "
        "`[verslag](../bijlagen/verslag.pdf)`. Zo werkt de link ook in een Markdown-editor. "
        "Naar een ander record linkt u met `[[id]]`.",
    ),
    Rule(
        "onbekend-anker",
        "fout",
        "'{anchor}' wijst naar geen kop in deze tekst; gebruik het anker van een kop (een kop "
        "'## Wat is besproken' heeft '#wat-is-besproken') of laat de link weg",
        "Een link als `[zie hierboven](#opzet)` springt naar een kop op dezelfde pagina. Bestaat "
        "die kop niet, dan leidt de link nergens heen en weigert de site te bouwen.",
    ),
    Rule(
        "ongebruikte-bijlage",
        "waarschuwing",
        "geen tekst linkt naar deze bijlage, dus ze komt niet op de site; link ernaar, "
        "bijvoorbeeld [verslag](../bijlagen/verslag.pdf), of verwijder het bestand",
        "Alleen bijlagen waar een tekst naar linkt, worden gepubliceerd, en alleen in de uitgave "
        "waarin die tekst staat: een bijlage die alleen een concept noemt, komt niet op de "
        "openbare site.",
    ),
    # Privacy
    Rule(
        "privacy-email",
        "waarschuwing",
        "e-mailadres '{value}' komt zo op de openbare site, en persoonsgegevens horen daar "
        "niet: verwijder het, of zet een openbaar dienstadres in 'public_contacts' in "
        "content/taxonomy.yml",
        "Contactgegevens van personen horen niet op de openbare site: niet in een openbaar "
        "record, niet in de inleiding van een kennisbrief en niet op de pagina's in docs/. Een "
        "algemeen adres van een organisatie mag op de lijst `public_contacts`.",
    ),
    Rule(
        "privacy-telefoon",
        "waarschuwing",
        "telefoonnummer '{value}' komt zo op de openbare site, en persoonsgegevens horen daar "
        "niet: verwijder het, of zet een openbaar dienstnummer in 'public_contacts' in "
        "content/taxonomy.yml",
        "Zoals bij e-mailadressen: alleen algemene nummers van organisaties, via "
        "`public_contacts`.",
    ),
)


def diagnostic(rule_id: str, path: str, position: Position, **params: object) -> Diagnostic:
    """Make the diagnostic for `rule_id` at `position` in `path`. Quoted values are shown on
    one line, whatever they hold: one diagnostic is one line."""
    rule = RULES[rule_id]
    shown = {name: one_line(v) if isinstance(v, str) else v for name, v in params.items()}
    return Diagnostic(
        path=one_line(path),
        line=position.line,
        column=position.column,
        severity=rule.severity,
        rule=rule.id,
        message=rule.template.format(**shown),
    )


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters written as escapes (\\n, \\x00)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in text)


def _escape(character: str) -> str:
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(character) or (
        f"\\x{ord(character):02x}" if ord(character) < 0x100 else f"\\u{ord(character):04x}"
    )


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (bedoelde u 'x'?)' for the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(value.lower(), list(choices), n=1, cutoff=0.6)
    return f" (bedoelde u '{close[0]}'?)" if close else ""


def closest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(value.lower(), list(choices), n=n, cutoff=0.5)
