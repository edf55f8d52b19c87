"""From raw text to words: lowercase, contractions, replacements, fillers, sentence breaks."""

import re
from collections.abc import Mapping

BREAK = "|"
"""A sentence break (". ; ! ?"), kept as a word so that scopes stop there."""

_CHARACTERS = re.compile(r"[^a-z0-9'|. ]+")
_BREAKS = re.compile(r"[.;!?]+(?=\s|$)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def split_words(text: str, contractions: Mapping[str, str]) -> list[str]:
    """Lowercase words with contractions expanded and sentence breaks as BREAK."""
    text = _BREAKS.sub(f" {BREAK} ", text.lower().translate(_APOSTROPHES))
    text = _CHARACTERS.sub(" ", text.replace("-", " "))
    words: list[str] = []
    for raw in text.split():
        word = raw.strip("'.")
        if not word:
            continue
        if any(ch.isdigit() for ch in word) and "." in word:
            words.extend(part for part in re.split(r"(\.)", word) if part)
            continue
        words.extend(_expand(word.replace(".", ""), contractions).split())
    return words


def _expand(word: str, contractions: Mapping[str, str]) -> str:
    """A word with its contraction spelled out: "can't" -> "can not", "she's" -> "she is"."""
    if word in contractions:
        return contractions[word]
    if "'" not in word:
        return word
    for ending in ("n't", "'m", "'re", "'ve", "'ll", "'d", "'s"):
        if word.endswith(ending) and ending in contractions:
            return word[: -len(ending)] + contractions[ending]
    return word.replace("'", "")


def replace_phrases(
    words: list[str], table: Mapping[tuple[str, ...], tuple[str, ...]]
) -> list[str]:
    """Words with each phrase of the table replaced (longest first, left to right)."""
    if not table:
        return words
    longest = max(len(k) for k in table)
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + size])
            if key in table:
                out.extend(table[key])
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def drop_phrases(
    words: list[str], phrases: frozenset[tuple[str, ...]], *, at_start: bool = False
) -> list[str]:
    """Words without the given phrases (anywhere, or only at the start of a sentence)."""
    if not phrases:
        return words
    longest = max(len(p) for p in phrases)
    out: list[str] = []
    i = 0
    while i < len(words):
        starts = not out or out[-1] == BREAK
        if not at_start or starts:
            size = next(
                (
                    n
                    for n in range(min(longest, len(words) - i), 0, -1)
                    if tuple(words[i : i + n]) in phrases
                ),
                0,
            )
            if size:
                i += size
                continue
        out.append(words[i])
        i += 1
    while out and out[0] == BREAK:
        out.pop(0)
    while out and out[-1] == BREAK:
        out.pop()
    return out
