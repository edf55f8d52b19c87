"""Small speech-recognition slips: a word one or two letters from a lexicon word is read as
that word, unless it is itself a common English word ("cooking" is never "choking")."""

import gzip
import json
import re
from functools import cache
from importlib import resources

from skill.understanding.lexicon import Lexicon, stem

MIN_LENGTH = 4
JOINED_LENGTH = 7
"""Two words are read as one only when together they make a word this long ("pot assium")."""
_STRETCHED = re.compile(r"([^\W\d_])\1\1+")
"""A letter said three or more times; digits are never stretched ("ring 111", "call 000")."""
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
    # A dropped g, as speech recognition often writes it: "slurpin", "breathin".
    if word.endswith("in") and stem(word + "g") in lexicon.known:
        return word + "g"
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


def unstretch(word: str, lexicon: Lexicon) -> str:
    """A word said long ("errr", "sooo", "yesss") as the word itself: a run of three or more
    of a letter is read as two, if that makes a known word, else as one."""
    if not _STRETCHED.search(word):
        return word
    double = _STRETCHED.sub(r"\1\1", word)
    if _is_known(double, lexicon):
        return double
    return _STRETCHED.sub(r"\1", word)


def join_split(words: list[str], lexicon: Lexicon) -> list[str]:
    """Words a recognizer split in two, joined where together they make a lexicon word and one
    part alone is not one ("fort night", "pot assium")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            first, second = words[i], words[i + 1]
            joined = first + second
            if (
                len(joined) >= JOINED_LENGTH
                and joined.isalpha()
                and joined in lexicon.known
                and not (first in lexicon.known and second in lexicon.known)
            ):
                out.append(joined)
                i += 2
                continue
        out.append(words[i])
        i += 1
    return out


def _is_known(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.known or any((word,) in phrases for phrases in lexicon.lists.values())
