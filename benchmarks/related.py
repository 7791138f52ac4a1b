"""The ranking of the learning loop at scale: suggestions, related practices and near duplicates.

Times `related(graph)` (every knelpunt's suggestions, every practice's related practices, the
knelpunten raised again) and the near-duplicate check of `check`, in one process, on the
synthetic corpus as it is and on the same corpus with a realistic vocabulary. The synthetic
text draws from 47 words that every record uses, so every word is too common to look up and
the index is nearly idle; real text follows Zipf's law: a few words everywhere, most words in
a few records. The second corpus adds such words (a 5,000-word vocabulary drawn by Zipf) to
every body, which is the case the index must be fast for.

Usage: python benchmarks/related.py [N]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from benchmarks.synth import write_corpus

SYLLABLES: tuple[str, ...] = ("ver", "be", "zorg", "op", "vang", "taak", "kaart", "draai")
SYLLABLES += ("boek", "piket", "wijk", "team", "raad", "plan", "dienst", "hulp", "post")
VOCABULARY = 5000
WORDS_PER_BODY = 120


@dataclass(frozen=True)
class RankingTimes:
    records: int
    related_s: float  # suggestions, related practices and recurrences of the whole edition
    duplicates_s: float  # the near-duplicate check over every knelpunt
    zipf_related_s: float  # the same, with a realistic vocabulary
    zipf_duplicates_s: float
    suggested_per_knelpunt: float  # with the realistic vocabulary


def ranking_times(corpus: Path, records: int) -> RankingTimes:
    plain = _measure(corpus)
    _add_vocabulary(corpus)
    zipf = _measure(corpus)
    return RankingTimes(records, plain[0], plain[1], zipf[0], zipf[1], zipf[2])


def _measure(corpus: Path) -> tuple[float, float, float]:
    from generator.pipeline import check
    from generator.related import related, same_problems
    from generator.types import KNELPUNTEN

    graph = check(corpus).graph
    knelpunten = graph.of_type(KNELPUNTEN)
    # CPU time of this process: on a shared machine, wall time says more about the neighbours.
    started = time.process_time()
    found = related(graph)
    related_s = time.process_time() - started
    started = time.process_time()
    same_problems(knelpunten)
    duplicates_s = time.process_time() - started
    suggested = sum(len(m) for m in found.suggestions.values()) / max(1, len(knelpunten))
    return related_s, duplicates_s, suggested


def _add_vocabulary(corpus: Path, seed: int = 21) -> None:
    """Append Zipf-distributed words to the body of every practice and knelpunt."""
    rng = random.Random(seed)
    words = [_word(rng) for _ in range(VOCABULARY)]
    weights = [1 / rank for rank in range(1, VOCABULARY + 1)]
    for folder in ("practices", "knelpunten"):
        for path in sorted((corpus / "content" / folder).glob("*.md")):
            drawn = rng.choices(words, weights, k=WORDS_PER_BODY)
            with path.open("a", encoding="utf-8") as file:
                file.write("\n" + " ".join(drawn) + ".\n")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def report(times: RankingTimes) -> list[str]:
    return [
        f"- Learning loop at {times.records:,} records (`benchmarks/related.py`, CPU seconds "
        f"in one process): every suggestion, related practice and recurrence of the edition in "
        f"{times.related_s:.2f} s, the near-duplicate check of `check` in "
        f"{times.duplicates_s:.2f} s; with a realistic (Zipf) vocabulary added to every body "
        f"{times.zipf_related_s:.2f} s and {times.zipf_duplicates_s:.2f} s, "
        f"{times.suggested_per_knelpunt:.1f} suggestions per knelpunt.",
    ]


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    with tempfile.TemporaryDirectory(prefix="kennisbank-related-") as temp:
        write_corpus(size, Path(temp))
        print("\n".join(report(ranking_times(Path(temp), size))))
