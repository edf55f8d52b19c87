"""Small speech-recognition slips: a word one or two letters from a lexicon word is read as
that word, unless it is itself a common English word ("cooking" is never "choking")."""

import gzip
import json
from functools import cache
from importlib import resources

from skill.understanding.lexicon import Lexicon, stem

MIN_LENGTH = 5
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
    best = process.extractOne(
        word, lexicon.spellable, scorer=DamerauLevenshtein.distance, score_cutoff=limit
    )
    if best is None or word in _english():
        return word
    return str(best[0])
