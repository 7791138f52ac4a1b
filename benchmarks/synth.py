"""A deterministic synthetic corpus: N records of every type in realistic proportions.

Usage: python benchmarks/synth.py N DIR. Writes DIR/content (plus mkdocs.yml and docs/ from the
repository, so `kennisbank --root DIR build` works). About 1 session : 8 practices : 4
knelpunten, exactly 25 regions, incidents ~ N/100, a few projects; the corpus checks clean.
"""

from __future__ import annotations

import itertools
import json
import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).parent.parent


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# A vocabulary with the shape of real Dutch text: frequent function words, a domain vocabulary,
# and a long tail of compounds and inflections, drawn by Zipf's law (the word of rank r with
# weight 1/r). With a few dozen words every word was on ~98% of the pages, the worst case for
# any search engine; here a domain word is on a minority of them, as in the real content.
FUNCTION_WORDS = _words(
    "de het een en van in op met voor die dat is zijn wordt bij als aan door ook naar om niet "
    "of te er nog kan meer over uit tot dan zo al wel worden heeft hebben deze dit was waren "
    "zich hun wij we ze zij hij maar omdat waar wat wie hoe wanneer moet moeten kunnen zal "
    "zullen onder tegen tussen na zonder binnen per elke alle veel weinig goed snel samen"
)
DOMAIN_WORDS = _words(
    "bevolkingszorg gemeente regio opvang verzorging zelfredzaamheid inwoners evacuatie "
    "crisiscommunicatie informatie draaiboek taakkaart oefening sleutelfunctionaris piket "
    "samenwerking nafase herstelzorg verwanten registratie locatie vrijwilligers coördinatie "
    "burgemeester veiligheidsregio scenario incident brand stroomuitval overstroming "
    "bereikbaarheid kwetsbare wijkteam thuiszorg partners ervaring praktijk knelpunt "
    "oplossing evaluatie opleiding training netwerk afstemming inzet middelen planvorming "
    "bewoners alarmering opschaling grip copi ropi beleidsteam calamiteit hulpverlening "
    "noodopvang slachtoffers uitval drinkwater hitte storm wateroverlast ontruiming "
    "gezondheid zorg communicatie woordvoering pers media burgers mantelzorg huisartsen ggd "
    "politie brandweer defensie rijkswaterstaat waterschap provincie ministerie "
    "vakbekwaamheid oefenplan leerpunten aanbevelingen rapportage monitoring kwaliteit normen "
    "prestatie bezetting rooster bereikbaar paraat wachtdienst meldkamer verbindingen "
    "netcentrisch lcms beeldvorming besluitvorming bestuur raad college ambtenaar medewerker "
    "teamleider adviseur coördinator"
)
STEMS = _words(
    "opvang crisis evacuatie informatie zorg hulp nood bevolking burger gemeente regio team "
    "plan taak wijk water stroom brand verwanten registratie communicatie oefen leer werk "
    "zelf samen buurt school kantoor locatie centrum dienst"
)
TAILS = _words(
    "locatie plan team kaart proces punt centrum organisatie functie rol overleg structuur "
    "middelen beleid netwerk systeem voorziening fase aanpak cyclus groep dag week verslag "
    "opdracht"
)
ENDINGS = ("", "en", "s")


def vocabulary() -> list[str]:
    """Words by rank: function words first, then the domain, then compounds and inflections."""
    words = list(FUNCTION_WORDS) + list(DOMAIN_WORDS)
    seen = set(words)
    for ending in ENDINGS:
        for tail in TAILS:
            for stem in STEMS:
                word = stem + tail + ending
                if word not in seen:
                    seen.add(word)
                    words.append(word)
    return words


WORDS = vocabulary()
TITLE_WORDS = WORDS[len(FUNCTION_WORDS) :]
_WEIGHTS = [1 / (rank + 1) ** 1.05 for rank in range(len(WORDS))]
_CUMULATIVE = list(itertools.accumulate(_WEIGHTS))


def draw(rng: random.Random, count: int) -> list[str]:
    return rng.choices(WORDS, cum_weights=_CUMULATIVE, k=count)


THEMES = ("zelfredzaamheid", "oefenen", "regionale-samenwerking", "informatievoorziening")
PROCESSES = ("crisiscommunicatie", "publieke-zorg", "verwanteninformatie", "herstelzorg")
REGIONS = 25


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(draw(rng, words))
    return text[0].upper() + text[1:] + "."


def paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(
        " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 6)))
        for _ in range(count)
    )


def proportions(n: int) -> dict[str, int]:
    """Record counts per type for a corpus of about `n` records."""
    incidents = max(1, n // 100)
    projects = max(1, n // 500)
    rest = max(13, n - REGIONS - incidents - projects)
    sessions = max(1, rest // 13)
    return {
        "regions": REGIONS,
        "incidents": incidents,
        "projects": projects,
        "sessions": sessions,
        "practices": sessions * 8,
        "knelpunten": sessions * 4,
    }


STATUSES = ("niet-gestart", "in-voorbereiding", "in-uitvoering", "gerealiseerd")


def _progress(rng: random.Random, index: int) -> str:
    """Yearly assessments of every theme; a third of the regions publish theirs."""
    visibility = "public" if index % 3 == 0 else "internal"
    lines = [f"progress_visibility: {visibility}", "progress:"]
    for year in range(2016, 2020):
        for theme in THEMES:
            status = STATUSES[min(3, year - 2016 + rng.randint(0, 1))]
            lines += [
                f"  - date: {year}-06-30",
                f"    theme: {theme}",
                f"    status: {status}",
                f"    note: {json.dumps(sentence(rng, 10))}",
            ]
    return "\n".join(lines) + "\n"


def write_corpus(n: int, target: Path, seed: int = 2016) -> dict[str, int]:
    rng = random.Random(seed)
    counts = proportions(n)
    content = target / "content"
    if content.exists():
        shutil.rmtree(content)
    for folder in ("sessions", "practices", "knelpunten", "incidents", "regions", "projects"):
        (content / folder).mkdir(parents=True)
    _taxonomy(content)
    regions = [f"regio-{i:02d}" for i in range(counts["regions"])]
    for i, ident in enumerate(regions):
        (content / "regions" / f"{ident}.yml").write_text(
            f"title: Veiligheidsregio {i:02d}\ncode: VR{i:02d}\n{_progress(rng, i)}",
            encoding="utf-8",
        )
    incidents = [f"incident-{i:04d}" for i in range(counts["incidents"])]
    for ident in incidents:
        tasks = "".join(
            f"  - process: {p}\n    what: {json.dumps(sentence(rng, 8))}\n"
            f"    how: {json.dumps(sentence(rng, 12))}\n"
            for p in rng.sample(PROCESSES, 3)
        )
        _write(content / "incidents" / f"{ident}.md", f"tasks:\n{tasks}", rng, ident)
    projects = [f"project-{i:03d}" for i in range(counts["projects"])]
    for ident in projects:
        _write(content / "projects" / f"{ident}.md", "start: 2016\n", rng, ident)
    sessions = [f"sessie-{i:05d}" for i in range(counts["sessions"])]
    for i, ident in enumerate(sessions):
        chosen = rng.sample(regions, 3)
        fields = (
            f"date: {2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}\nkind: regionaal\n"
            f"regions: [{', '.join(chosen)}]\nparticipants: {rng.randint(6, 15)}\n"
            f"incident: {rng.choice(incidents)}\nproject: {rng.choice(projects)}\n"
        )
        _write(content / "sessions" / f"{ident}.md", fields, rng, ident)
    knelpunten = [f"knelpunt-{i:05d}" for i in range(counts["knelpunten"])]
    for i, ident in enumerate(knelpunten):
        fields = f"sessions: [{sessions[i // 4]}]\nregions: [{rng.choice(regions)}]\n"
        _write(content / "knelpunten" / f"{ident}.md", fields, rng, ident)
    for i in range(counts["practices"]):
        session = i // 8
        fields = (
            f"sessions: [{sessions[session]}]\nregions: [{rng.choice(regions)}]\n"
            f"addresses: [{knelpunten[min(session * 4 + i % 4, len(knelpunten) - 1)]}]\n"
            f"role: Adviseur crisisbeheersing van een gemeente\nstatus: toegepast\n"
        )
        _write(content / "practices" / f"praktijk-{i:05d}.md", fields, rng, f"praktijk-{i}")
    for name in ("mkdocs.yml", "docs", "overrides"):
        source, copy = REPO / name, target / name
        if source.is_dir():
            shutil.copytree(source, copy, dirs_exist_ok=True)
        else:
            shutil.copy(source, copy)
    return counts


def _write(path: Path, fields: str, rng: random.Random, ident: str) -> None:
    # Titles from the content words, evenly: no two records read alike (the check warns about
    # near-duplicate knelpunten, as it should for real ones).
    words = " ".join(rng.sample(TITLE_WORDS, 5))
    title = json.dumps(words[0].upper() + words[1:] + f" ({ident})")
    summary = json.dumps(sentence(rng, 20))
    themes = ", ".join(rng.sample(THEMES, 2))
    path.write_text(
        f"---\ntitle: {title}\nsummary: {summary}\nthemes: [{themes}]\n{fields}---\n"
        f"{paragraphs(rng, 3)}\n",
        encoding="utf-8",
    )


def _taxonomy(content: Path) -> None:
    themes = "".join(f"  {t}:\n    label: {t.capitalize()}\n" for t in THEMES)
    processes = "".join(f"  {p}:\n    label: {p.capitalize()}\n" for p in PROCESSES)
    # The service addresses the repository's own docs/ pages name (the privacy check reads
    # docs/ too, and the corpus takes docs/ from the repository).
    repository = yaml.safe_load((REPO / "content/taxonomy.yml").read_text(encoding="utf-8"))
    contacts = "".join(f"  - {json.dumps(c)}\n" for c in repository.get("public_contacts", []))
    (content / "taxonomy.yml").write_text(
        f"themes:\n{themes}processes:\n{processes}"
        + (f"public_contacts:\n{contacts}" if contacts else ""),
        encoding="utf-8",
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("gebruik: python benchmarks/synth.py N MAP")
    made = write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sum(made.values())} records: {made}")
