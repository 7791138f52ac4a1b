"""Related records: practices that may answer a knelpunt, practices alike, knelpunten raised again.

Pure functions: records, or the linked graph of one edition, in; ranked matches out. On the
site everything is computed from the edition's own records, so a record the edition does not
publish can neither be suggested nor shift the order of what is.

Two records are compared on what they share, each feature weighted by how rare it is among the
records compared (inverse document frequency, idf): themes, standard incidents, processes and
regions as sets, and the text (title, summary, body) as Dutch word stems (Snowball). The score
is a weighted sum of one cosine similarity per kind, plus a bonus when one body names the other
with [[id]]; the reason says what was shared ("zelfde thema en incident; noemt 'taakkaarten'").

Speed: the candidates of a record are found in an inverted index, through its rarer features
only (those in at most `cap` records) and its strongest words, up to a budget of postings; the
few common themes, incidents, processes and regions of the best candidates are then added.
A feature in most records says little and would make every record a candidate of every other,
which is quadratic at 10,000 records.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import snowballstemmer

from generator.model import Graph, Key, Record

# Kinds of features besides the text, in the order a reason names them, with their Dutch words.
KINDS: dict[str, tuple[str, str]] = {
    "themes": ("thema", "thema's"),
    "incidents": ("incident", "incidenten"),
    "processes": ("proces", "processen"),
    "regions": ("regio", "regio's"),
}
TEXT, LINK = "text", "link"


@dataclass(frozen=True)
class Weights:
    """How much each kind counts (its cosine similarity times this), and what is enough."""

    kinds: Mapping[str, float]
    threshold: float  # a match scores at least this
    limit: int  # at most this many matches per record


# A knelpunt and the practices that may answer it; a practice and the practices like it.
SUGGEST = Weights(
    {TEXT: 1.0, "themes": 0.15, "incidents": 0.1, "processes": 0.1, "regions": 0.03, LINK: 0.3},
    threshold=0.2,
    limit=5,
)
ALIKE = Weights(SUGGEST.kinds, threshold=0.2, limit=5)
# Knelpunten that are the same problem: mostly the words; where it was raised does not count.
SAME = Weights({TEXT: 0.8, "themes": 0.1, "processes": 0.1}, threshold=0.5, limit=3)

POSTINGS = 600  # per record, its strongest words are looked up until this many postings
CANDIDATES = 25  # candidates scored exactly
MIN_CAP, CAP_SHARE = 100, 0.01  # features in more than max(MIN_CAP, share) aren't looked up
BODY_WORDS = 150  # words of a body that count: its start says what it is about
REASON_WORDS = 2  # at most this many words in a reason
REASON_SHARE = 0.03  # a kind is named in a reason when it adds at least this to the score

# Snowball's Dutch stop words, and common words that say nothing about a subject.
_STOP = """
    aan aal alle als alles altijd andere ben bij daar dan dat de der deze die dit doch doen
    door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet
    niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van
    veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo
    zonder zou zoals elk elke welke waar waarin waarbij waarmee hebt wel alleen daarbij
    daarmee daarom daardoor daarna daarvoor daarnaast dezelfde hetzelfde eigen goed goede
    beter best zien zag komen komt kwam gaan gaat ging staat staan stond krijgen krijgt maakt
    maken maakte geven geeft gaf laten laat liet houden houdt hield blijft blijven bleef
    moeten willen wilde mogen mag kunt kunnen zullen weten weet wist vinden vindt vond zeggen
    zegt zei nemen neemt nam brengen brengt bracht leiden leidt past passen kost kosten helpt
    helpen lijkt lijken voelt voelen vragen vraagt noemt noemde noemen ziet iedereen niemand
    allemaal allebei beide enkele sommige andere ander anders verder zelfs juist vooral vaak
    soms steeds echt snel eerst eerste tweede twee drie vier één nieuwe nieuw oude lang lange
    kort korte groot grote klein kleine weinig minder meest meeste hoe zeer erg heel hele
    geheel zowel bijvoorbeeld namelijk eigenlijk inmiddels intussen tijdens sinds zodat zodra
    terwijl toe binnen buiten boven tussen via per plaats manier keer deel kant wijze mogelijk
    nodig belangrijk duidelijk precies vanuit volgens waarom zeker dingen iets ieder iedere
    elkaar mensen mens zie vraag zet mee gebruik gebruikt noteer spreek zit zitten
"""
STOP_WORDS = frozenset(_STOP.split())
_WORD = re.compile(r"[^\W\d_]{3,}")
_LINKED = re.compile(r"\[\[[^\]\n]*\]\]|\]\([^)\n]*\)|https?://\S+")
_STEMMER = snowballstemmer.stemmer("dutch")


@dataclass(frozen=True)
class Match:
    key: Key
    score: float
    reason: str  # "zelfde thema en incident; noemt 'taakkaarten'"


@dataclass(frozen=True)
class Profile:
    """What a record can share with another: features per kind, words, the records it names."""

    key: Key
    kinds: Mapping[str, frozenset[str]]
    words: Mapping[str, float]  # stem -> count, title and summary counting extra
    forms: Mapping[str, str]  # stem -> the word as the record first writes it
    links: frozenset[Key] = frozenset()


def text_profile(record: Record[Any], *, body: bool = True, **kinds: Iterable[str]) -> Profile:
    """A record's words (from its title, summary and, with `body`, the start of its body),
    themes and processes, as far as its own fields tell; plus `kinds`."""
    data = record.data
    words: dict[str, float] = {}
    forms: dict[str, str] = {}
    texts = [(data.title, 4.0), (data.summary or "", 2.0)]
    if body:
        texts.append((" ".join(_WORD.findall(_LINKED.sub(" ", record.body))[:BODY_WORDS]), 1.0))
    for text, weight in texts:
        for word in _WORD.findall(text):
            lower = word.lower()
            if lower in STOP_WORDS:
                continue
            stem = _STEMS.get(lower) or _stem(lower)
            words[stem] = words.get(stem, 0.0) + weight
            # As the text writes it, in lower case where it ever does ('Samen' -> 'samen').
            if stem not in forms or (word == lower and forms[stem] != lower):
                forms[stem] = word
    found = {
        "themes": frozenset(data.themes),
        "processes": frozenset(getattr(data, "processes", ())),
        **{kind: frozenset(values) for kind, values in kinds.items()},
    }
    return Profile(record.key, found, words, forms)


def graph_profile(graph: Graph, record: Record[Any]) -> Profile:
    """`text_profile` plus what the linked graph knows: incidents (its own, its sessions', and
    those its body names), regions and the practices and knelpunten its body names."""
    key = record.key
    named = graph.named_in_text(key)
    incidents = {
        *graph.outgoing(key, "incidents"),
        *(i for s in graph.outgoing(key, "sessions") for i in graph.outgoing(s, "incident")),
        *(k for k in named if k.type.name == "incidents"),
    }
    profile = text_profile(
        record,
        incidents=(k.id for k in incidents),
        regions=(k.id for k in graph.outgoing(key, "regions")),
    )
    links = frozenset(k for k in named if k.type.name in ("practices", "knelpunten"))
    return Profile(profile.key, profile.kinds, profile.words, profile.forms, links)


class Space:
    """Profiles weighted in one idf space (the records compared), and indexes of some of them."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        self.profiles = {p.key: p for p in profiles}
        total = len(self.profiles)
        self.df: Counter[tuple[str, str]] = Counter()
        for profile in self.profiles.values():
            self.df.update(_features(profile))
        # A theme or incident in every record tells nothing; a word in every record still
        # weighs a little, so that two or three records can be compared at all.
        self.idf = {
            (kind, f): math.log((total + (kind == TEXT)) / count)
            for (kind, f), count in self.df.items()
        }
        self.cap = max(MIN_CAP, round(total * CAP_SHARE))
        self.vectors = {key: self._vectors(p) for key, p in self.profiles.items()}
        self.named_by: dict[Key, set[Key]] = defaultdict(set)
        for profile in self.profiles.values():
            for target in profile.links:
                self.named_by[target].add(profile.key)

    def index(self, keys: Iterable[Key]) -> Index:
        postings: dict[tuple[str, str], list[tuple[Key, float]]] = defaultdict(list)
        members = set()
        for key in sorted(keys):
            members.add(key)
            for kind, vector in self.vectors[key].items():
                for feature, weight in vector.items():
                    if self.df[(kind, feature)] <= self.cap:
                        postings[(kind, feature)].append((key, weight))
        return Index(postings, frozenset(members))

    def ranked(
        self, query: Key, index: Index, weights: Weights, exclude: Iterable[Key] = ()
    ) -> tuple[Match, ...]:
        """The records of `index` most like `query`, best first, each with its reason."""
        left_out = {query, *exclude}
        scores: dict[Key, float] = defaultdict(float)
        for kind, vector in self.vectors[query].items():
            share = weights.kinds.get(kind, 0.0)
            if not share:
                continue
            budget = POSTINGS if kind == TEXT else math.inf
            # Strongest first; words until the budget is spent (the strongest are the rarest,
            # with short postings, so a small corpus looks up every word).
            for feature, weight in sorted(vector.items(), key=lambda item: -item[1]):
                postings = index.postings.get((kind, feature), ())
                for key, other in postings:
                    scores[key] += share * weight * other
                budget -= len(postings)
                if budget <= 0:
                    break
        for key in self.profiles[query].links | self.named_by.get(query, set()):
            if key in index.members:
                scores[key] += weights.kinds.get(LINK, 0.0)
        best = heapq.nlargest(CANDIDATES + len(left_out), scores.items(), key=itemgetter(1))
        candidates = [key for key, _ in best if key not in left_out][:CANDIDATES]
        # What the index left out: the common themes, incidents, processes and regions, which
        # are few per record. (Common words weigh little, and are many: they stay out.)
        mine = self.vectors[query]
        for key in candidates:
            theirs = self.vectors[key]
            for kind in KINDS:
                share = weights.kinds.get(kind, 0.0)
                if share and kind in mine and kind in theirs:
                    scores[key] += share * sum(
                        weight * theirs[kind][f]
                        for f, weight in mine[kind].items()
                        if f in theirs[kind] and self.df[(kind, f)] > self.cap
                    )
        kept = sorted((-scores[key], key) for key in candidates if scores[key] >= weights.threshold)
        return tuple(
            self.match(query, key, -score, weights) for score, key in kept[: weights.limit]
        )

    def match(self, query: Key, other: Key, score: float, weights: Weights) -> Match:
        """`other` with its score for `query`, and the reason: what they share."""
        mine, theirs = self.vectors[query], self.vectors[other]
        shared: list[str] = []
        for kind in KINDS:
            share = weights.kinds.get(kind, 0.0)
            if share * _dot(mine.get(kind, {}), theirs.get(kind, {})) >= REASON_SHARE:
                count = sum(1 for f in mine[kind] if f in theirs[kind])
                shared.append(KINDS[kind][count > 1])
        named = other in self.profiles[query].links or query in self.profiles[other].links
        parts = []
        if shared:
            parts.append("zelfde " + dutch_list(shared))
        words = self._shared_words(query, other) if weights.kinds.get(TEXT) else []
        if words:
            parts.append("noemt " + dutch_list([f"'{w}'" for w in words]))
        if named and weights.kinds.get(LINK):
            parts.append("in de tekst genoemd")
        return Match(other, score, "; ".join(parts))

    def _shared_words(self, query: Key, other: Key) -> list[str]:
        """The words that weigh most in both texts, as `other` writes them."""
        mine, theirs = self.vectors[query].get(TEXT, {}), self.vectors[other].get(TEXT, {})
        common = [(mine[s] * theirs[s], s) for s in mine if s in theirs]
        if not common:
            return []
        top = max(weight for weight, _ in common)
        shown: list[str] = []
        for weight, stem in sorted(common, reverse=True):
            form = self.profiles[other].forms[stem]
            if weight < top / 3 or len(shown) == REASON_WORDS:
                break
            if not any(form.lower()[:5] == word.lower()[:5] for word in shown):
                shown.append(form)
        return shown

    def _vectors(self, profile: Profile) -> dict[str, dict[str, float]]:
        """Per kind, the profile's features weighted by idf (words also by their count), at
        unit length; features in every record weigh nothing and are left out."""
        vectors = {}
        for kind, features in profile.kinds.items():
            vectors[kind] = {f: self.idf[(kind, f)] for f in features}
        vectors[TEXT] = {
            stem: (1 + math.log(count)) * self.idf[(TEXT, stem)]
            for stem, count in profile.words.items()
        }
        return {kind: unit for kind, v in vectors.items() if (unit := _unit(v))}


@dataclass(frozen=True)
class Index:
    postings: Mapping[tuple[str, str], Sequence[tuple[Key, float]]]
    members: frozenset[Key] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Related:
    """The rankings of one edition."""

    suggestions: Mapping[Key, tuple[Match, ...]]  # knelpunt -> practices not (yet) confirmed
    alike: Mapping[Key, tuple[Match, ...]]  # practice -> practices like it
    recurrences: Mapping[Key, tuple[Match, ...]]  # knelpunt -> the same, raised elsewhere


def related(graph: Graph) -> Related:
    """The rankings of the graph's edition, computed once per graph."""
    return graph.derived(_related)


def _related(graph: Graph) -> Related:
    practices = [r for k, r in graph.records.items() if k.type.name == "practices"]
    knelpunten = [r for k, r in graph.records.items() if k.type.name == "knelpunten"]
    space = Space(graph_profile(graph, record) for record in [*practices, *knelpunten])
    index = space.index(r.key for r in practices)
    suggestions = {
        k.key: space.ranked(k.key, index, SUGGEST, graph.incoming(k.key, "practices", "addresses"))
        for k in knelpunten
    }
    alike = {p.key: space.ranked(p.key, index, ALIKE) for p in practices}
    same = same_problems(knelpunten)
    recurrences = {
        key: tuple(m for m in matches if _elsewhere(graph, key, m.key))
        for key, matches in same.items()
    }
    return Related(suggestions, alike, recurrences)


def same_problems(knelpunten: Sequence[Record[Any]]) -> dict[Key, tuple[Match, ...]]:
    """Per knelpunt, the others that are most likely the same problem (`SAME`): by their own
    fields only (title and summary, themes, processes), so `check` finds the same before
    anything is linked, and quickly."""
    space = Space(text_profile(record, body=False) for record in knelpunten)
    index = space.index(r.key for r in knelpunten)
    return {record.key: space.ranked(record.key, index, SAME) for record in knelpunten}


def _elsewhere(graph: Graph, key: Key, other: Key) -> bool:
    """Raised in a session or a region the other was not, or the other way round."""
    return any(
        set(graph.outgoing(key, name)) != set(graph.outgoing(other, name))
        for name in ("sessions", "regions")
    )


def dutch_list(items: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _features(profile: Profile) -> Iterator[tuple[str, str]]:
    for kind, features in profile.kinds.items():
        for feature in features:
            yield kind, feature
    for stem in profile.words:
        yield TEXT, stem


_STEMS: dict[str, str] = {}  # word -> stem: a vocabulary is small, its words recur


def _stem(word: str) -> str:
    stem = _STEMS[word] = str(_STEMMER.stemWord(word))
    return stem


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b[f] for f, weight in a.items() if f in b)


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    if not norm:
        return {}
    return {f: w / norm for f, w in vector.items() if w > 0}
