"""Small speech-recognition slips: a word one or two letters from a lexicon word is read as
that word, unless it is itself a common English word ("cooking" is never "choking")."""

import gzip
import json
from functools import cache
from importlib import resources

from skill.understanding.lexicon import Lexicon, stem

MIN_LENGTH = 4
COMMON = 100
"""A word seen at least this often in the spoken-English word list is a real word."""


@cache
def _english() -> frozenset[str]:
    """Common English words: pyspellchecker's list, drawn from film subtitles (spoken English)."""
    data = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    return frozenset(word for word, count in counts.items() if count >= COMMON)


def correct(word: str, lexicon: Lexicon) -> str:
    """The lexicon word a slip stands for, or the word itself."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word in lexicon.known:
        return word
    if stem(word) in lexicon.known:
        return word
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    limit = 1 if len(word) < 8 else 2
    near = process.extract(
        word, lexicon.spellable, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=8
    )
    if not near or word in _english():
        return word
    # The closest; then one that starts and ends as the word does ("tumb": thumb, not numb).
    best = min(
        near,
        key=lambda found: (found[1], found[0][0] != word[0], found[0][-1] != word[-1]),
    )
    return str(best[0])
